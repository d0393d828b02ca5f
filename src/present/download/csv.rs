//! The one CSV writer of the app and of `decide` (RFC 4180: commas, CRLF
//! line ends, a field quoted when it holds a comma, a quote or a line
//! break, quotes doubled), with CSV injection neutralised.
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a
//! formula, and some also after a tab or a carriage return; a pasted link
//! or a rules file's name can start so. Such a cell gets a leading `'`
//! (OWASP's advice on CSV injection), so that opening a download can never
//! run anything: the cell reads as text, one quote longer.

use super::Field;

/// The characters that make a spreadsheet read a cell as a formula.
const FORMULA: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A CSV text being written: a header, then rows of as many cells.
pub struct Csv {
    out: String,
    rows: usize,
}

impl Csv {
    /// A CSV whose header names `fields`, with room for `rows` rows of
    /// about 100 bytes.
    pub fn new(fields: &[Field], rows: usize) -> Csv {
        let mut out = String::with_capacity(64 + rows * 100);
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(f.name);
        }
        out.push_str("\r\n");
        Csv { out, rows: 0 }
    }

    /// Appends one row of `cells`, each written by [`cell`].
    pub fn row(&mut self, cells: &[&str]) {
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            cell(&mut self.out, c);
        }
        self.out.push_str("\r\n");
        self.rows += 1;
    }

    /// How many rows were written (the header not counted).
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The text.
    pub fn finish(self) -> String {
        self.out
    }
}

/// Appends `v` as one CSV field: as it is when it needs nothing, else in
/// quotes (a comma, a quote, a line break, white space at either end),
/// with a leading `'` when it would read as a formula.
pub fn cell(out: &mut String, v: &str) {
    let formula = v.starts_with(FORMULA);
    let quote = formula || v.contains([',', '"', '\n', '\r']) || v.trim() != v;
    if !quote {
        out.push_str(v);
        return;
    }
    out.push('"');
    if formula {
        out.push('\'');
    }
    for c in v.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    out.push('"');
}

/// `v` as a field on its own (`decide`'s one-line rows).
pub fn field(v: &str) -> String {
    let mut s = String::new();
    cell(&mut s, v);
    s
}

/// The rows of a CSV text, each a list of fields (quotes removed, doubled
/// quotes undone); `None` if a quote is left open. The inverse of the
/// writer (the neutralising `'` stays: it is part of the text), used by
/// the tests and by whoever checks a download.
pub fn parse(text: &str) -> Option<Vec<Vec<String>>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut f = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                f.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => f.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut f)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut f));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => f.push(c),
        }
    }
    if quoted {
        return None;
    }
    if !f.is_empty() || !row.is_empty() {
        row.push(f);
        rows.push(row);
    }
    Some(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::download::{Field, Type};

    use crate::i18n::download::D;

    const FIELDS: [Field; 2] = [
        Field::new("a", Type::String, D::ColId),
        Field::new("b", Type::String, D::ColId),
    ];

    #[test]
    fn fields_are_quoted_when_they_must_be() {
        let f = |v: &str| field(v);
        assert_eq!(f("https://a.cn/x"), "https://a.cn/x");
        assert_eq!(f("a,b"), "\"a,b\"");
        assert_eq!(f("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(f("two\nlines"), "\"two\nlines\"");
        assert_eq!(f(" padded"), "\" padded\"");
        assert_eq!(f(""), "");
        assert_eq!(f("中文"), "中文");
    }

    #[test]
    fn formulas_are_neutralised() {
        for v in [
            "=1+1",
            "+1",
            "-1",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "=HYPERLINK(\"x\")",
        ] {
            let out = field(v);
            assert!(out.starts_with("\"'"), "{v:?}: {out}");
            let back = parse(&out).unwrap();
            assert_eq!(back, [[String::from("'") + v]], "{v:?}");
        }
        // Not at the start: nothing to defuse.
        assert_eq!(field("a=1"), "a=1");
        assert_eq!(field("2021-09-17"), "2021-09-17");
    }

    #[test]
    fn what_is_written_parses_back() {
        let cells = [
            ["plain", "a,b"],
            ["\"quoted\"", "two\r\nlines"],
            ["=cmd|' /C calc'!A0", ""],
            ["<img src=x onerror=alert(1)>", "中文, 帐号"],
        ];
        let mut csv = Csv::new(&FIELDS, cells.len());
        for r in &cells {
            csv.row(r);
        }
        assert_eq!(csv.rows(), 4);
        let text = csv.finish();
        assert!(text.starts_with("a,b\r\n"));
        assert!(text.ends_with("\r\n"));
        let back = parse(&text).unwrap();
        assert_eq!(back.len(), 5);
        assert_eq!(back[0], ["a", "b"]);
        for (r, want) in back[1..].iter().zip(&cells) {
            let want: Vec<String> = want
                .iter()
                .map(|v| {
                    if v.starts_with(FORMULA) {
                        String::from("'") + v
                    } else {
                        v.to_string()
                    }
                })
                .collect();
            assert_eq!(r, &want);
        }
        assert_eq!(parse("\"open"), None);
    }
}
