//! The scenarios of a batch, read one line at a time (memory flat in their
//! number): query lines, NDJSON records `{"id": …, "query": …}`, or a matrix
//! of numbers (whitespace, comma or semicolon separated, as `salib sample`
//! writes it) whose columns `--columns` names. Blank lines and `#` comments
//! are skipped; a design's header (see [`crate::design`]) is read for its fingerprint.

use crate::args::query_of;
use crate::scenario_text::over_base;
use serde_json::Value;
use std::io::BufRead;
use wlz_engine::params::{Kind, ParamSpec, by_name};
use wlz_engine::scenario::format_value;

/// One scenario of the input, as read.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Its number among the input's scenarios, from 1 (blank and comment lines not counted).
    pub index: u64,
    /// Its line in the input, from 1.
    pub line: u64,
    /// The id written in the output: the NDJSON record's `id`, else `index`.
    pub id: Value,
    /// The query over the base query, or why the line cannot be read.
    pub query: Result<String, String>,
}

/// How each line is read.
#[derive(Clone, Debug)]
pub enum Layout {
    /// A query string (or URL) per line, or an NDJSON record per line (a line starting with `{`).
    Lines,
    /// Numbers for the keys named, in this order.
    Matrix(Vec<&'static ParamSpec>),
}

impl Layout {
    /// The layout for `--columns` (none: lines); an unknown or month key is refused with its valid choices.
    pub fn new(columns: &[String]) -> Result<Layout, String> {
        if columns.is_empty() {
            return Ok(Layout::Lines);
        }
        let specs = columns.iter().map(|name| match by_name(name) {
            Some(spec) if spec.kind != Kind::Month => Ok(spec),
            Some(_) => Err(format!(
                "--columns={name}: a month (YYYY-MM) is no number of a matrix; allowed keys that take numbers"
            )),
            None => Err(format!("--columns={name}: unknown key, allowed the scenario keys of `wlz-sim --help`")),
        });
        specs.collect::<Result<Vec<_>, _>>().map(Layout::Matrix)
    }
}

/// The first line of a design written as query lines.
pub const DESIGN_COMMENT: &str = "# wlz-sim design ";

/// Reads [`Item`]s from `reader`.
pub struct Items<R> {
    reader: R,
    layout: Layout,
    base: String,
    line: u64,
    index: u64,
    buffer: Vec<u8>,
    /// The fingerprint of the design the input comes from, once its header is read.
    pub design: Option<String>,
    /// A read error of the input (the items end there).
    pub failed: Option<String>,
}

impl<R: BufRead> Items<R> {
    /// Items of `reader`, each query over `base`.
    pub fn new(reader: R, layout: Layout, base: &str) -> Items<R> {
        let base = query_of(base).to_string();
        Items { reader, layout, base, line: 0, index: 0, buffer: Vec::new(), design: None, failed: None }
    }

    /// The item of one non-blank, non-comment line, or None for a header.
    fn item(&mut self, text: &str) -> Option<Item> {
        let (mut id, query) = match &self.layout {
            Layout::Lines if text.starts_with('{') => match serde_json::from_str::<Value>(text) {
                Ok(record) if record.get("query").is_none() && record.get("design").is_some() => {
                    self.design = record["design"]["fingerprint"].as_str().map(str::to_string);
                    return None;
                }
                Ok(record) => (record.get("id").cloned(), record_query(&record)),
                Err(e) => (None, Err(format!("not a JSON record: {e}"))),
            },
            Layout::Lines => (None, Ok(query_of(text).to_string())),
            Layout::Matrix(specs) if self.index == 0 && is_header(text, specs) => return None,
            Layout::Matrix(specs) => (None, matrix_query(text, specs)),
        };
        self.index += 1;
        if id.as_ref().is_none_or(Value::is_null) {
            id = Some(Value::from(self.index));
        }
        let query = query.map(|q| over_base(&self.base, &q));
        Some(Item { index: self.index, line: self.line, id: id.unwrap_or_default(), query })
    }
}

impl<R: BufRead> Iterator for Items<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            self.buffer.clear();
            match self.reader.read_until(b'\n', &mut self.buffer) {
                Ok(0) => return None,
                Ok(_) => self.line += 1,
                Err(e) => {
                    self.failed = Some(format!("input line {}: {e}", self.line + 1));
                    return None;
                }
            }
            // Invalid UTF-8 becomes U+FFFD, which the decoder then reports for that line.
            let text = String::from_utf8_lossy(&self.buffer).into_owned();
            let trimmed = text.trim();
            if let Some(header) = trimmed.strip_prefix(DESIGN_COMMENT.trim_end()) {
                let header: Option<Value> = serde_json::from_str(header.trim()).ok();
                self.design = header.and_then(|h| h["fingerprint"].as_str().map(str::to_string));
            }
            let item = if trimmed.is_empty() || trimmed.starts_with('#') { None } else { self.item(trimmed) };
            if item.is_some() {
                return item;
            }
        }
    }
}

/// The `query` of an NDJSON record.
fn record_query(record: &Value) -> Result<String, String> {
    match record.get("query") {
        Some(Value::String(q)) => Ok(query_of(q).to_string()),
        Some(_) => Err("\"query\": not a string".to_string()),
        None => Err("no \"query\" in the record".to_string()),
    }
}

/// The cells of a matrix row.
fn cells(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c == ',' || c == ';' || c.is_whitespace()).filter(|c| !c.is_empty())
}

/// True when the row names the columns (a header written by pandas or by hand).
fn is_header(text: &str, specs: &[&ParamSpec]) -> bool {
    cells(text).map(|c| c.trim_matches('"')).eq(specs.iter().map(|s| s.name))
}

/// The query of a matrix row: each number written as its key's value (whole
/// numbers rounded for whole-number keys).
fn matrix_query(text: &str, specs: &[&ParamSpec]) -> Result<String, String> {
    let numbers: Vec<&str> = cells(text).collect();
    if numbers.len() != specs.len() {
        return Err(format!("{} numbers in the row, --columns names {}", numbers.len(), specs.len()));
    }
    let mut pairs = Vec::with_capacity(specs.len());
    for (spec, cell) in specs.iter().zip(numbers) {
        let value = match cell.parse::<f64>() {
            Ok(v) if v.is_finite() => v,
            _ => return Err(format!("{}={cell}: not a number, allowed {} to {}", spec.name, spec.min, spec.max)),
        };
        let value = if spec.kind == Kind::Int { value.round() } else { value };
        pairs.push(format!("{}={}", spec.name, format_value(spec, value)));
    }
    Ok(pairs.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, columns: &[&str], base: &str) -> Vec<Item> {
        let columns: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
        Items::new(text.as_bytes(), Layout::new(&columns).unwrap(), base).collect()
    }

    #[test]
    fn query_lines_and_records_are_numbered_without_blanks_and_comments() {
        let items =
            read("aid=5\n\n# a comment\n{\"id\":\"x\",\"query\":\"?aid=6\"}\nhttp://h/?aid=7#top\n", &[], "runs=200");
        let got: Vec<(u64, u64, String, String)> =
            items.iter().map(|i| (i.index, i.line, i.id.to_string(), i.query.clone().unwrap())).collect();
        assert_eq!(
            got,
            [
                (1, 1, "1".into(), "runs=200&aid=5".into()),
                (2, 4, "\"x\"".into(), "runs=200&aid=6".into()),
                (3, 5, "3".into(), "runs=200&aid=7".into())
            ]
        );
    }

    #[test]
    fn invalid_utf8_is_a_bad_line_not_the_end() {
        let items: Vec<Item> = Items::new(&b"aid=\xff\naid=5\n"[..], Layout::Lines, "").collect();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].query, Ok("aid=\u{FFFD}".into()));
    }

    #[test]
    fn bad_records_become_items_with_a_reason() {
        let items = read("{\"id\": 9}\n{oops\n{\"query\": 3}\n", &[], "");
        assert_eq!(items[0].id, Value::from(9));
        assert_eq!(items[0].query, Err("no \"query\" in the record".into()));
        assert!(items[1].query.clone().unwrap_err().starts_with("not a JSON record"));
        assert_eq!(items[2].query, Err("\"query\": not a string".into()));
    }

    #[test]
    fn salib_matrices_become_queries() {
        let text = "2.345000000000000000e+02 -1.0e+01 5.0e+01\n2.4e+02,3,120.7\n1 2\n";
        let items = read(text, &["level", "trend", "horizon"], "runs=300");
        assert_eq!(items[0].query, Ok("runs=300&level=234.5&trend=-10&horizon=50".into()));
        assert_eq!(items[1].query, Ok("runs=300&level=240&trend=3&horizon=121".into()));
        assert_eq!(items[2].query, Err("2 numbers in the row, --columns names 3".into()));
        let items = read("level trend\n250 x\n", &["level", "trend"], "");
        assert_eq!(items.len(), 1, "the header row is skipped");
        assert_eq!(items[0].query, Err("trend=x: not a number, allowed -50 to 50".into()));
    }

    #[test]
    fn columns_must_be_number_keys() {
        assert!(Layout::new(&["aid".into(), "bogus".into()]).unwrap_err().starts_with("--columns=bogus: unknown key"));
        assert!(Layout::new(&["start".into()]).unwrap_err().starts_with("--columns=start: a month"));
    }

    #[test]
    fn a_design_header_gives_the_fingerprint() {
        let mut items =
            Items::new("# wlz-sim design {\"fingerprint\":\"ab12\"}\naid=1\n".as_bytes(), Layout::Lines, "");
        assert_eq!(items.next().map(|i| i.index), Some(1));
        assert_eq!(items.design.as_deref(), Some("ab12"));
        let mut items = Items::new(
            "{\"design\":{\"fingerprint\":\"cd\"}}\n{\"id\":1,\"query\":\"\"}\n".as_bytes(),
            Layout::Lines,
            "",
        );
        assert_eq!(items.next().map(|i| i.line), Some(2));
        assert_eq!(items.design.as_deref(), Some("cd"));
    }
}
