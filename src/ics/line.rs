//! Content lines by octets: TEXT escaping (RFC 5545 §3.3.11), folding at
//! 75 octets without splitting a UTF-8 character (§3.1), and CRLF.
//!
//! Every byte that [`super`] writes goes through [`Lines`], so these three
//! rules live here and nowhere else.

/// Longest physical line, in octets, not counting its CRLF (RFC 5545 §3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// Escapes a TEXT value: `\` `;` `,` and line breaks become `\\` `\;` `\,`
/// and `\n`.
///
/// A CRLF or a lone CR counts as one line break. Other ASCII control
/// characters (except tab) are dropped: TEXT may not contain them.
///
/// # Example
/// ```
/// use iguren_calendar::ics::escape_text;
/// assert_eq!(escape_text("会費: 1,000円; 当日\n現金"), r"会費: 1\,000円\; 当日\n現金");
/// assert_eq!(escape_text(r"C:\temp"), r"C:\\temp");
/// ```
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + value.len() / 8);
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_ascii_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one logical content line into physical lines of at most
/// [`MAX_LINE_OCTETS`] octets, each ended by CRLF.
///
/// A continuation line starts with one space, which counts toward its 75
/// octets. Cuts fall only between UTF-8 characters, so every physical line
/// is valid UTF-8 on its own (a Japanese character is 3 octets). Removing
/// every `CRLF SPACE` gives the logical line back.
///
/// # Example
/// ```
/// use iguren_calendar::ics::fold_line;
/// let folded = fold_line(&format!("SUMMARY:{}", "あ".repeat(30)));
/// let lines: Vec<&str> = folded.split_terminator("\r\n").collect();
/// assert_eq!(lines.len(), 2);
/// assert_eq!(lines[0].len(), 74); // "SUMMARY:" + 22 characters; a 23rd would make 77
/// assert!(lines.iter().all(|l| l.len() <= 75));
/// assert_eq!(folded.replace("\r\n ", ""), format!("SUMMARY:{}\r\n", "あ".repeat(30)));
/// ```
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 24 + 2);
    push_folded(&mut out, line);
    out
}

/// [`fold_line`], appending to `out`.
fn push_folded(out: &mut String, line: &str) {
    let mut rest = line;
    let mut room = MAX_LINE_OCTETS;
    while rest.len() > room {
        let mut cut = room;
        // A UTF-8 character is at most 4 octets and `room` is at least 74,
        // so this never walks back to 0.
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        room = MAX_LINE_OCTETS - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

/// An iCalendar text being written, one content line at a time.
#[derive(Debug, Default)]
pub(crate) struct Lines {
    out: String,
    scratch: String,
}

impl Lines {
    /// A property whose value is written as is (dates, URIs, numbers,
    /// constants). `name` may carry parameters: `DTSTART;VALUE=DATE`.
    pub fn raw(&mut self, name: &str, value: &str) {
        self.scratch.clear();
        self.scratch.push_str(name);
        self.scratch.push(':');
        self.scratch.push_str(value);
        push_folded(&mut self.out, &self.scratch);
    }

    /// A TEXT property, escaped; left out when the value is blank.
    pub fn text(&mut self, name: &str, value: &str) {
        if !value.trim().is_empty() {
            self.raw(name, &escape_text(value));
        }
    }

    /// `BEGIN:<component>`
    pub fn begin(&mut self, component: &str) {
        self.raw("BEGIN", component);
    }

    /// `END:<component>`
    pub fn end(&mut self, component: &str) {
        self.raw("END", component);
    }

    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_line_is_not_folded() {
        assert_eq!(fold_line("VERSION:2.0"), "VERSION:2.0\r\n");
        let exact = "X".repeat(75);
        assert_eq!(fold_line(&exact), format!("{exact}\r\n"));
    }

    #[test]
    fn ascii_folds_at_75_then_74_plus_space() {
        // 75 + 74 + 74 + 2 octets.
        let line = "A".repeat(225);
        let folded = fold_line(&line);
        let lines: Vec<&str> = folded.split_terminator("\r\n").collect();
        let lens: Vec<usize> = lines.iter().map(|l| l.len()).collect();
        assert_eq!(lens, [75, 75, 75, 3]);
        assert!(lines[1..].iter().all(|l| l.starts_with(' ')));
    }

    #[test]
    fn last_continuation_line_of_exactly_74_octets_fits() {
        // The icalendar crate writes a 76-octet line here.
        let line = "B".repeat(75 + 74);
        let folded = fold_line(&line);
        assert_eq!(
            folded,
            format!("{}\r\n {}\r\n", "B".repeat(75), "B".repeat(74))
        );
        let line = "B".repeat(75 + 75);
        let lens: Vec<usize> = fold_line(&line)
            .split_terminator("\r\n")
            .map(str::len)
            .collect();
        assert_eq!(lens, [75, 75, 2]);
    }

    #[test]
    fn multibyte_characters_are_never_split() {
        for prefix in 0..4 {
            let line = format!("{}{}", "x".repeat(prefix), "漢字😀かな".repeat(20));
            let folded = fold_line(&line);
            for physical in folded.split_terminator("\r\n") {
                assert!(physical.len() <= MAX_LINE_OCTETS, "{physical:?}");
                // Each physical line is a &str slice: valid UTF-8 by construction,
                // and a cut inside a character would have panicked.
            }
            assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
        }
    }

    #[test]
    fn escapes_the_four_specials_and_line_breaks() {
        assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
        assert_eq!(escape_text("1\n2\r\n3\r4"), r"1\n2\n3\n4");
        assert_eq!(escape_text("tab\tok\u{7}bell"), "tab\tokbell");
        assert_eq!(escape_text("コロン: そのまま"), "コロン: そのまま");
    }

    #[test]
    fn blank_text_is_left_out() {
        let mut lines = Lines::default();
        lines.text("LOCATION", "  ");
        lines.text("SUMMARY", "例会");
        assert_eq!(lines.finish(), "SUMMARY:例会\r\n");
    }
}
