//! CSV text into rows of cells, as RFC 4180 says and as Excel writes it:
//! quoted cells holding commas, quotes (`""`) and line breaks; CRLF or LF;
//! a byte order mark; empty trailing rows and columns; `="…"` cells that
//! Excel writes to keep text as text (`="0045"`).
//!
//! Each row remembers the line it starts on, so a problem can name it.

/// One row of cells, with the 1-based line of the file it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

/// A quoted cell that never closed: where it opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unclosed {
    pub line: usize,
}

/// Splits CSV text into rows. Rows whose cells are all empty are dropped
/// (Excel leaves them at the end), and so are empty cells at a row's end.
///
/// # Errors
/// [`Unclosed`] when a quoted cell runs to the end of the file.
///
/// # Example
/// ```
/// let rows = iguren_calendar::csv::read::rows("\u{feff}日付,件名\r\n2004/2/25,\"例会, 第1回\"\r\n,,\r\n").unwrap();
/// assert_eq!(rows.len(), 2);
/// assert_eq!(rows[1].cells, ["2004/2/25", "例会, 第1回"]);
/// ```
pub fn rows(text: &str) -> Result<Vec<Row>, Unclosed> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut line = 1;
    let mut row_line = 1;
    let mut chars = text.chars().peekable();
    let mut quoted_open: Option<usize> = None;
    // Whether the current cell was quoted (then it is text, even if empty).
    let mut was_quoted = false;
    while let Some(c) = chars.next() {
        if quoted_open.is_some() {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted_open = None,
                '\r' if chars.peek() == Some(&'\n') => {}
                c => {
                    if c == '\n' {
                        line += 1;
                    }
                    cell.push(c);
                }
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() && !was_quoted => {
                quoted_open = Some(line);
                was_quoted = true;
            }
            // Excel's ="text": the quotes that follow keep the text as it is.
            '=' if cell.is_empty() && !was_quoted && chars.peek() == Some(&'"') => {}
            ',' => {
                cells.push(finish(&mut cell, &mut was_quoted));
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                cells.push(finish(&mut cell, &mut was_quoted));
                push_row(&mut out, row_line, std::mem::take(&mut cells));
                line += 1;
                row_line = line;
            }
            c => cell.push(c),
        }
    }
    if let Some(open) = quoted_open {
        return Err(Unclosed { line: open });
    }
    if !cell.is_empty() || !cells.is_empty() || was_quoted {
        cells.push(finish(&mut cell, &mut was_quoted));
        push_row(&mut out, row_line, cells);
    }
    Ok(out)
}

fn finish(cell: &mut String, was_quoted: &mut bool) -> String {
    *was_quoted = false;
    std::mem::take(cell)
}

fn push_row(out: &mut Vec<Row>, line: usize, mut cells: Vec<String>) {
    while cells.last().is_some_and(|c| c.trim().is_empty()) {
        cells.pop();
    }
    if !cells.is_empty() {
        out.push(Row { line, cells });
    }
}

/// One cell as CSV writes it: quoted when it holds a comma, quote, line
/// break or leading/trailing space.
pub fn cell(s: &str) -> String {
    let plain = !s.contains([',', '"', '\n', '\r']) && s.trim() == s;
    if plain {
        s.to_string()
    } else {
        format!("\"{}\"", s.replace('"', "\"\""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_cells_hold_commas_quotes_and_line_breaks() {
        let text = "a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",x\r\n";
        let rows = rows(text).unwrap();
        assert_eq!(rows[0].cells, ["a", "b, c", "say \"hi\""]);
        assert_eq!(rows[1].cells, ["two\nlines", "x"]);
        assert_eq!((rows[0].line, rows[1].line), (1, 2));
    }

    #[test]
    fn excel_habits() {
        let text = "\u{feff}id,date,,\n=\"0045\",2004/2/25,,\n,,,\n\n";
        let rows = rows(text).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].cells, ["id", "date"]);
        assert_eq!(rows[1].cells, ["0045", "2004/2/25"]);
        assert_eq!(rows[1].line, 2);
    }

    #[test]
    fn rows_after_a_multi_line_cell_know_their_line() {
        let rows = rows("h\n\"a\nb\nc\"\nz").unwrap();
        assert_eq!(rows[2].cells, ["z"]);
        assert_eq!(rows[2].line, 5);
    }

    #[test]
    fn an_unclosed_quote_is_reported_where_it_opened() {
        assert_eq!(rows("a\nb,\"open\nmore"), Err(Unclosed { line: 2 }));
    }

    #[test]
    fn cells_are_written_back_readable() {
        for s in ["plain", "a, b", "say \"hi\"", "two\nlines", " padded "] {
            let line = format!("{},x\n", cell(s));
            assert_eq!(rows(&line).unwrap()[0].cells, [s, "x"], "{s}");
        }
    }
}
