//! What the integration tests share: running the maintainer tool at the
//! tests' "now", comparing an output with its golden file, and reading
//! the JSON Schemas the site ships to hold them against the validator's
//! own lists of fields.

use iguren_calendar::load::json::{parse, Node, Value};
use std::process::Command;

/// The tests' "now" (2026-12-01 12:00 in Tokyo), as the build takes it:
/// seconds since the Unix epoch, for `SOURCE_DATE_EPOCH`. The Makefile's
/// TEST_EPOCH and the browser tests' harness use the same.
#[allow(dead_code)] // not every test binary uses every helper
pub const TEST_EPOCH: &str = "1796094000";

/// Runs `calendar ARGS` with the build's clock at [`TEST_EPOCH`]: exit
/// code, standard output, standard error.
#[allow(dead_code)]
pub fn run(args: &[&str]) -> (i32, String, String) {
    run_at(TEST_EPOCH, args)
}

/// Runs `calendar ARGS` with `SOURCE_DATE_EPOCH` set to `epoch`.
#[allow(dead_code)]
pub fn run_at(epoch: &str, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_calendar"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", epoch)
        .output()
        .expect("run calendar");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Asserts that `actual` is, to the byte, the golden file
/// `tests/golden/NAME`; `UPDATE_GOLDEN=1` (re)writes it instead (then
/// read it before committing).
#[allow(dead_code)]
pub fn golden(name: &str, actual: &str) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let path = dir.join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 writes it)", path.display()));
    assert!(
        expected == actual.as_bytes(),
        "{name} differs from the golden file; UPDATE_GOLDEN=1 rewrites it:\n{actual}"
    );
}

/// A JSON Schema the site ships (`public/NAME`), parsed. Its text is kept
/// for the rest of the test run (the nodes borrow it).
#[allow(dead_code)]
pub fn schema(name: &str) -> Node<'static> {
    let path = std::path::Path::new("public").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    parse(Box::leak(text.into_boxed_str())).unwrap_or_else(|e| panic!("{path:?}: {e:?}"))
}

/// The member `key` of a schema object; panics naming the key when there
/// is none.
#[allow(dead_code)]
pub fn member<'a>(n: &'a Node<'a>, key: &str) -> &'a Node<'a> {
    match &n.value {
        Value::Object(m) => {
            &m.iter()
                .find(|m| m.key == key)
                .unwrap_or_else(|| panic!("{key}"))
                .node
        }
        _ => panic!("{key}: not an object"),
    }
}

/// Asserts that each schema object, named by its kind, declares in its
/// `properties` the same field names as the validator's list for that kind
/// (`load::FIELDS`, `load::SOURCE_FIELDS`).
#[allow(dead_code)]
pub fn assert_same_fields(objects: &[(&str, &Node)], validator: &[(&str, &[&str])]) {
    for (kind, node) in objects {
        let mut declared: Vec<String> = match &member(node, "properties").value {
            Value::Object(m) => m.iter().map(|m| m.key.to_string()).collect(),
            _ => panic!("{kind}: properties is not an object"),
        };
        declared.sort();
        let (_, fields) = validator
            .iter()
            .find(|(k, _)| k == kind)
            .unwrap_or_else(|| panic!("{kind}: not in the validator's list"));
        let mut fields: Vec<String> = fields.iter().map(|s| s.to_string()).collect();
        fields.sort();
        assert_eq!(declared, fields, "{kind}");
    }
}
