//! Percent-encoding of UTF-8 text in URLs, both ways: the crate's one
//! place for it. The URL query of the view state ([`crate::views::route`]) and
//! the links to other services ([`crate::views::links`]) go through here.

/// Percent-encodes UTF-8, keeping RFC 3986 unreserved characters and `/`
/// (a path, or a query value: `q=`, `location=`).
pub fn encode(value: &str) -> String {
    encode_keeping(value, b"/")
}

/// Percent-encodes UTF-8, keeping only RFC 3986 unreserved characters: a
/// URL inside a query value (Google's `cid=webcal%3A%2F%2F…`).
pub fn encode_component(value: &str) -> String {
    encode_keeping(value, b"")
}

fn encode_keeping(value: &str, keep: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') || keep.contains(&b)
        {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out
}

/// Percent-decodes a query component (`+` is a space); a `%` not followed
/// by two hex digits stays as it is. `None` when the bytes are not UTF-8.
pub fn decode(value: &str) -> Option<String> {
    let hex = |b: u8| char::from(b).to_digit(16).map(|d| d as u8);
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            ) {
                (Some(hi), Some(lo)) => {
                    out.push(hi << 4 | lo);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding() {
        assert_eq!(encode("aZ09-._~/"), "aZ09-._~/");
        assert_eq!(encode("a&b=c#d?e%"), "a%26b%3Dc%23d%3Fe%25");
        assert_eq!(encode("セ"), "%E3%82%BB");
        assert_eq!(
            encode_component("webcal://x.jp/a b"),
            "webcal%3A%2F%2Fx.jp%2Fa%20b"
        );
        assert_eq!(encode_component("aZ09-._~"), "aZ09-._~");
    }

    #[test]
    fn decoding() {
        assert_eq!(decode("%e3%82%bb").as_deref(), Some("セ"));
        assert_eq!(decode("a+b%2B").as_deref(), Some("a b+"));
        assert_eq!(decode("100%").as_deref(), Some("100%"));
        assert_eq!(decode("%zz%4").as_deref(), Some("%zz%4"));
        assert_eq!(decode("%FF"), None);
        for text in ["", "セミナー 川崎", "a&b=c#d?e%/+", "😀\n"] {
            assert_eq!(decode(&encode(text)).as_deref(), Some(text));
            assert_eq!(decode(&encode_component(text)).as_deref(), Some(text));
        }
    }
}
