//! The shape of the code, checked: the folders of `src/` import bottom-up
//! (the order of `src/lib.rs` and `../shared/DESIGN.md`), and no module
//! imports one that imports it back.
//!
//! It reads every `.rs` file under `src/` as text, leaves out comments and
//! each file's `#[cfg(test)]` part, and collects the paths it names:
//! `crate::a::b`, `iguren_calendar::a::b`, `super::x` and the items of
//! `use crate::{…}` groups. A path names the deepest module file it
//! reaches (`crate::views::grid::Row` names `src/views/grid.rs`,
//! `crate::doc::Doc` names `src/doc/mod.rs`).
//!
//! - **Layers**: a file in folder F may name a module of folder G only when
//!   G is F or G's rank is lower. Folders of one rank do not import each
//!   other.
//! - **Cycles**: between module files, leaving out the link of a folder's
//!   `mod.rs` to its own files (a folder's front door re-exports them).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The folders bottom-up, with their rank. `main.rs` and `bin/` are the
/// top; `lib.rs` only declares the folders.
const RANKS: &[(&str, u8)] = &[
    ("model", 0),
    ("load", 1),
    ("jp", 1),
    ("ics", 2),
    ("views", 3),
    ("doc", 3),
    ("csv", 4),
    ("sources", 4),
    ("site", 5),
    ("ui", 6),
    ("edit", 7),
    ("bin", 8),
    ("main", 8),
];

fn rank(folder: &str) -> Option<u8> {
    RANKS.iter().find(|(f, _)| *f == folder).map(|(_, r)| *r)
}

/// Every `.rs` file under `dir`, sorted.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file without comments and without its `#[cfg(test)]`
/// part (the tests of a module may use anything).
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]") {
        Some(at) => &text[..at],
        None => text,
    };
    let mut out = String::new();
    let mut in_block = false;
    for line in text.lines() {
        let mut line = line;
        if in_block {
            match line.find("*/") {
                Some(at) => {
                    line = &line[at + 2..];
                    in_block = false;
                }
                None => continue,
            }
        }
        if let Some(at) = line.find("/*") {
            if !line[at..].contains("*/") {
                in_block = true;
            }
            line = &line[..at];
        }
        if let Some(at) = line.find("//") {
            line = &line[..at];
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The paths that `code` names from the crate's root (`crate::`,
/// `iguren_calendar::`) or from the parent module (`super::`), each as its
/// segments with the root first: `["crate", "views", "grid", "Row"]`.
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let boundary = i == 0 || !is_ident(bytes[i - 1]) && bytes[i - 1] != ':';
        if boundary {
            for root in ["crate", "iguren_calendar", "super"] {
                let r: Vec<char> = root.chars().collect();
                let end = i + r.len();
                if end + 2 <= bytes.len()
                    && bytes[i..end] == r[..]
                    && bytes[end] == ':'
                    && bytes[end + 1] == ':'
                {
                    let root = if root == "super" { "super" } else { "crate" };
                    i = tree(&bytes, end + 2, vec![root.to_string()], &mut out);
                    break;
                }
            }
        }
        i += 1;
    }
    out
}

/// Reads `a::b::{c, d::e}` from `at`, pushing each full path; returns
/// where it stopped.
fn tree(s: &[char], mut at: usize, mut prefix: Vec<String>, out: &mut Vec<Vec<String>>) -> usize {
    loop {
        while at < s.len() && s[at].is_whitespace() {
            at += 1;
        }
        if at < s.len() && s[at] == '{' {
            at += 1;
            loop {
                while at < s.len() && (s[at].is_whitespace() || s[at] == ',') {
                    at += 1;
                }
                if at >= s.len() || s[at] == '}' {
                    return at + 1;
                }
                at = tree(s, at, prefix.clone(), out);
            }
        }
        let start = at;
        while at < s.len() && is_ident(s[at]) {
            at += 1;
        }
        if at == start {
            out.push(prefix);
            return at;
        }
        prefix.push(s[start..at].iter().collect());
        if at + 1 < s.len() && s[at] == ':' && s[at + 1] == ':' {
            at += 2;
        } else {
            out.push(prefix);
            return at;
        }
    }
}

/// The module of a file: its path under `src/` without `.rs` and `/mod`,
/// `bin/calendar/sources` for `src/bin/calendar/sources.rs`.
fn module_of(file: &Path, src: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let rel = rel.to_string_lossy().replace('\\', "/");
    rel.strip_suffix("/mod").unwrap_or(&rel).to_string()
}

/// The deepest module file that `segments` (from the root of `src/`)
/// reaches.
fn resolve(segments: &[String], modules: &BTreeSet<String>) -> Option<String> {
    (1..=segments.len())
        .rev()
        .map(|n| segments[..n].join("/"))
        .find(|m| modules.contains(m))
}

struct Found {
    upward: Vec<String>,
    edges: BTreeMap<String, BTreeSet<String>>,
}

fn read_tree(src: &Path) -> Found {
    let mut all = Vec::new();
    files(src, &mut all);
    let modules: BTreeSet<String> = all.iter().map(|f| module_of(f, src)).collect();
    let mut upward = Vec::new();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &all {
        let module = module_of(file, src);
        if module == "lib" {
            continue;
        }
        let folder = module.split('/').next().unwrap().to_string();
        let own_rank = rank(&folder)
            .unwrap_or_else(|| panic!("src/{module}: folder {folder} has no rank in RANKS"));
        let is_front_door = file.ends_with("mod.rs");
        let text = std::fs::read_to_string(file).unwrap();
        for path in paths(&code(&text)) {
            let segments: Vec<String> = if path[0] == "super" {
                // From a mod.rs, `super` is the folder's parent; from a
                // file, its folder.
                let mut base: Vec<String> = module.split('/').map(String::from).collect();
                base.pop();
                if is_front_door {
                    base.pop();
                }
                base.extend(path[1..].iter().cloned());
                base
            } else {
                path[1..].to_vec()
            };
            let Some(target) = resolve(&segments, &modules) else {
                continue;
            };
            if target == module {
                continue;
            }
            let target_folder = target.split('/').next().unwrap();
            if target_folder != folder {
                let ok = rank(target_folder).is_some_and(|r| r < own_rank);
                if !ok {
                    upward.push(format!(
                        "src/{module} ({folder}, rank {own_rank}) imports {} ({target_folder}, rank {:?})",
                        segments.join("::"),
                        rank(target_folder)
                    ));
                }
            }
            // A folder's front door and its own files: not a cycle.
            let parent_child = target.starts_with(&format!("{module}/"))
                || module.starts_with(&format!("{target}/"));
            if !parent_child {
                edges.entry(module.clone()).or_default().insert(target);
            }
        }
    }
    upward.sort();
    upward.dedup();
    Found { upward, edges }
}

/// The strongly connected components of more than one module (Tarjan).
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        next: usize,
        found: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on_stack.insert(v);
        if let Some(targets) = s.edges.get(v) {
            for w in targets {
                let w = w.as_str();
                if !s.index.contains_key(w) {
                    visit(s, w);
                    let low = s.low[v].min(s.low[w]);
                    s.low.insert(v, low);
                } else if s.on_stack.contains(w) {
                    let low = s.low[v].min(s.index[w]);
                    s.low.insert(v, low);
                }
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.found.push(component);
            }
        }
    }
    let mut s = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        found: Vec::new(),
    };
    for v in edges.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.found.sort();
    s.found
}

#[test]
fn no_folder_imports_one_above_it() {
    let found = read_tree(Path::new("src"));
    assert!(
        found.upward.is_empty(),
        "imports that run upward ({}):\n{}",
        found.upward.len(),
        found.upward.join("\n")
    );
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let found = read_tree(Path::new("src"));
    let cycles = cycles(&found.edges);
    let shown: Vec<String> = cycles.iter().map(|c| c.join(" <-> ")).collect();
    assert!(
        cycles.is_empty(),
        "import cycles ({}):\n{}",
        cycles.len(),
        shown.join("\n")
    );
}

/// The check itself can fail: an upward import and a cycle planted in a
/// small tree are found, with the names a reader needs.
#[test]
fn the_check_finds_an_upward_import_and_a_cycle() {
    let dir = std::env::temp_dir().join(format!("layers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in [
        ("model/mod.rs", "pub mod text;\nuse crate::views::grid::Row; // upward\n"),
        ("model/text.rs", "// use crate::site::x; a comment is not an import\n"),
        ("views/mod.rs", "pub mod grid;\npub mod label;\n"),
        ("views/grid.rs", "use super::label::{self, Words};\npub struct Row;\n"),
        (
            "views/label.rs",
            "use crate::{model::text::Lang, views::grid::Row};\n#[cfg(test)]\nmod tests { use crate::site::Any; }\n",
        ),
    ] {
        let file = dir.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, text).unwrap();
    }
    let found = read_tree(&dir);
    assert_eq!(
        found.upward,
        vec![
            "src/model (model, rank 0) imports views::grid::Row (views, rank Some(3))".to_string()
        ]
    );
    assert_eq!(
        cycles(&found.edges),
        vec![vec!["views/grid".to_string(), "views/label".to_string()]]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
