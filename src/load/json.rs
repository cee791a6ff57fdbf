//! A small JSON parser that remembers where every value stands.
//!
//! The validator needs the byte offset of each value and key to tell the
//! maintainer the line and column of a problem, which `serde_json` does not
//! keep. This parser is strict RFC 8259, never panics (nesting is bounded so
//! hostile input cannot exhaust the stack), and stops at the first syntax
//! error with its offset: nothing after a syntax error can be trusted.

/// A parsed JSON value with the byte offset where it starts. Strings and
/// numbers borrow from the text unless they hold escapes, so a large file
/// costs few allocations.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    pub at: usize,
    pub value: Value<'a>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    /// The number's source text, checked to be valid JSON.
    Number(&'a str),
    String(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    /// Members in source order; duplicates are kept so the validator can
    /// report them.
    Object(Vec<Member<'a>>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member<'a> {
    pub key: Cow<'a, str>,
    pub key_at: usize,
    pub node: Node<'a>,
}

impl Value<'_> {
    /// The JSON type name in Japanese, for messages.
    pub fn type_name_ja(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "真偽値",
            Value::Number(_) => "数値",
            Value::String(_) => "文字列",
            Value::Array(_) => "配列",
            Value::Object(_) => "オブジェクト",
        }
    }

    /// The JSON type name, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }
}

/// What went wrong, and at which byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub at: usize,
    pub ja: String,
    pub en: String,
}

use std::borrow::Cow;

const MAX_DEPTH: usize = 64;

/// Parses a whole JSON document.
///
/// # Errors
/// The first syntax error, with its byte offset.
pub fn parse(text: &str) -> Result<Node<'_>, SyntaxError> {
    let mut p = Parser {
        text,
        s: text.as_bytes(),
        i: 0,
        depth: 0,
        members: Vec::new(),
        items: Vec::new(),
    };
    // A UTF-8 byte order mark, which some Windows editors write, is harmless.
    if text.starts_with('\u{feff}') {
        p.i = 3;
    }
    p.ws();
    let node = p.value()?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.err(
            "値の後に余分な文字があります",
            "unexpected text after the value",
        ));
    }
    Ok(node)
}

struct Parser<'a> {
    text: &'a str,
    s: &'a [u8],
    i: usize,
    depth: usize,
    /// The members of the objects being read, innermost last: each
    /// object's are moved out into a vector of their exact length when it
    /// closes, so a file of many small objects costs one allocation per
    /// object, not one per doubling.
    members: Vec<Member<'a>>,
    /// The same for arrays' items.
    items: Vec<Node<'a>>,
}

impl<'a> Parser<'a> {
    /// The error here. Without the `messages` feature (the member page)
    /// it is inlined and drops its words, so they are not compiled in:
    /// the page shows the text at the place instead (see `says!`).
    #[cfg_attr(not(feature = "messages"), inline(always))]
    fn err(&self, ja: &str, en: &str) -> SyntaxError {
        #[cfg(not(feature = "messages"))]
        let (ja, en) = {
            let _ = (ja, en);
            ("", "")
        };
        SyntaxError {
            at: self.i,
            ja: ja.to_string(),
            en: en.to_string(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    fn value(&mut self) -> Result<Node<'a>, SyntaxError> {
        let at = self.i;
        let value = match self.peek() {
            None => {
                return Err(self.err("ファイルが途中で終わっています", "unexpected end of file"))
            }
            Some(b'{') => self.object()?,
            Some(b'[') => self.array()?,
            Some(b'"') => Value::String(self.string()?),
            Some(b't') => self.word("true", Value::Bool(true))?,
            Some(b'f') => self.word("false", Value::Bool(false))?,
            Some(b'n') => self.word("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(b'}' | b']') => {
                return Err(self.err(
                    "値がありません（直前の余分なカンマ？）",
                    "expected a value (a trailing comma before this?)",
                ))
            }
            Some(b'\'') => {
                return Err(self.err(
                    "文字列は二重引用符 \" で囲んでください",
                    "strings must be in double quotes \"",
                ))
            }
            Some(_) => return Err(self.err("値として読めません", "expected a JSON value")),
        };
        Ok(Node { at, value })
    }

    fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.err("入れ子が深すぎます", "nesting is too deep"));
        }
        Ok(())
    }

    fn object(&mut self) -> Result<Value<'a>, SyntaxError> {
        self.enter()?;
        self.i += 1;
        let first = self.members.len();
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            self.depth -= 1;
            return Ok(Value::Object(Vec::new()));
        }
        loop {
            self.ws();
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') => {
                    return Err(self.err(
                        "閉じ括弧の前に余分なカンマがあります",
                        "trailing comma before '}'",
                    ))
                }
                None => {
                    return Err(self.err("ファイルが途中で終わっています", "unexpected end of file"))
                }
                _ => {
                    return Err(self.err(
                        "項目名は二重引用符 \" で囲んでください",
                        "expected a key in double quotes",
                    ))
                }
            }
            let key_at = self.i;
            let key = self.string()?;
            self.ws();
            if self.peek() != Some(b':') {
                return Err(self.err(
                    "項目名の後にコロン : が必要です",
                    "expected ':' after the key",
                ));
            }
            self.i += 1;
            self.ws();
            let node = self.value()?;
            self.members.push(Member { key, key_at, node });
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    self.depth -= 1;
                    return Ok(Value::Object(self.members.split_off(first)));
                }
                None => {
                    return Err(self.err("ファイルが途中で終わっています", "unexpected end of file"))
                }
                _ => {
                    return Err(self.err("カンマ , か閉じ括弧 } が必要です", "expected ',' or '}'"))
                }
            }
        }
    }

    fn array(&mut self) -> Result<Value<'a>, SyntaxError> {
        self.enter()?;
        self.i += 1;
        let first = self.items.len();
        self.ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            self.depth -= 1;
            return Ok(Value::Array(Vec::new()));
        }
        loop {
            self.ws();
            let item = self.value()?;
            self.items.push(item);
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    self.depth -= 1;
                    return Ok(Value::Array(self.items.split_off(first)));
                }
                None => {
                    return Err(self.err("ファイルが途中で終わっています", "unexpected end of file"))
                }
                _ => {
                    return Err(self.err("カンマ , か閉じ括弧 ] が必要です", "expected ',' or ']'"))
                }
            }
        }
    }

    fn word(&mut self, word: &str, value: Value<'a>) -> Result<Value<'a>, SyntaxError> {
        if self.s[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Ok(value)
        } else {
            Err(self.err("値として読めません", "expected a JSON value"))
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Result<Value<'a>, SyntaxError> {
        let start = self.i;
        let bad = |p: &Self| p.err("数値の書き方が正しくありません", "malformed number");
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(bad(self)),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return Err(bad(self));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err(bad(self));
            }
        }
        // The slice is ASCII digits and signs: char boundaries both ends.
        Ok(Value::Number(&self.text[start..self.i]))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut n = 0u32;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(c @ b'0'..=b'9') => c - b'0',
                Some(c @ b'a'..=b'f') => c - b'a' + 10,
                Some(c @ b'A'..=b'F') => c - b'A' + 10,
                _ => {
                    return Err(self.err(
                        "\\u の後には16進数4桁が必要です",
                        "expected four hex digits after \\u",
                    ))
                }
            };
            n = n * 16 + u32::from(d);
            self.i += 1;
        }
        Ok(n)
    }

    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.i += 1; // opening quote
                     // The common case: no escapes, so the value is a slice of the text.
        let start = self.i;
        let stop = self.s[start..]
            .iter()
            .position(|&c| c == b'"' || c == b'\\' || c < 0x20);
        if let Some(n) = stop {
            if self.s[start + n] == b'"' {
                self.i = start + n + 1;
                return Ok(Cow::Borrowed(&self.text[start..start + n]));
            }
        }
        let mut out = String::new();
        loop {
            // Copy the run of plain bytes in one go.
            let run = self.i;
            while let Some(c) = self.peek() {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.i += 1;
            }
            // We only stop at ASCII bytes, so the run is whole characters.
            out.push_str(&self.text[run..self.i]);
            match self.peek() {
                None => {
                    return Err(self.err(
                        "文字列が閉じられていません（\" が足りません）",
                        "unterminated string (missing \")",
                    ))
                }
                Some(b'"') => {
                    self.i += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.i += 1;
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if !self.s[self.i..].starts_with(b"\\u") {
                                    return Err(self.err(
                                        "サロゲートペアの後半がありません",
                                        "unpaired surrogate in \\u escape",
                                    ));
                                }
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.err(
                                        "サロゲートペアが正しくありません",
                                        "invalid surrogate pair in \\u escape",
                                    ));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            match char::from_u32(code) {
                                Some(c) => {
                                    out.push(c);
                                    continue;
                                }
                                None => {
                                    return Err(self.err(
                                        "\\u エスケープが正しくありません",
                                        "invalid \\u escape",
                                    ))
                                }
                            }
                        }
                        _ => {
                            return Err(self.err(
                                "使えないエスケープです（\\ を書くときは \\\\）",
                                "invalid escape (write a backslash as \\\\)",
                            ))
                        }
                    };
                    out.push(c);
                    self.i += 1;
                }
                Some(_) => {
                    return Err(self.err(
                        "文字列の中で改行や制御文字はそのまま書けません（改行は \\n）",
                        "control character or line break inside a string (write \\n)",
                    ))
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_nested_values_with_offsets() {
        let n = parse(r#"{"a": [1, "x\u00e9\ud83d\ude00"], "b": null}"#).unwrap();
        let Value::Object(m) = n.value else { panic!() };
        assert_eq!(m[0].key, "a");
        assert_eq!(m[0].key_at, 1);
        assert_eq!(m[0].node.at, 6);
        let Value::Array(items) = &m[0].node.value else {
            panic!()
        };
        assert_eq!(items[1].value, Value::String("xé😀".into()));
        assert_eq!(m[1].node.value, Value::Null);
    }

    #[test]
    fn reports_syntax_errors_at_their_byte() {
        let e = parse("{\"a\": 1,}").unwrap_err();
        assert_eq!(e.at, 8);
        assert_eq!(e.en, "trailing comma before '}'");
        assert_eq!(parse("[01]").unwrap_err().at, 2);
        assert_eq!(parse("\"abc").unwrap_err().at, 4);
        assert!(parse("[1.]").is_err());
        assert!(parse("[\"\\x\"]").is_err());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep).unwrap_err().en, "nesting is too deep");
    }
}
