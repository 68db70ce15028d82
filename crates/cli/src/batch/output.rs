//! Where a batch writes: stdout or a file, one whole line per write (so a
//! killed run leaves at most one torn last line), and `--resume`: the ids
//! an earlier run already wrote, after dropping a torn last line.

use super::record::{Sheet, csv_id};
use serde_json::Value;
use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;

/// The output of a batch.
pub enum Sink {
    /// Standard output, flushed after every line.
    Stdout(std::io::Stdout),
    /// A file opened for appending, written a whole line at a time.
    File(File),
}

impl Sink {
    /// Writes one whole line (or the header) in one call and flushes it.
    pub fn line(&mut self, text: &str) -> std::io::Result<()> {
        match self {
            Sink::Stdout(out) => {
                let mut out = out.lock();
                out.write_all(text.as_bytes())?;
                out.flush()
            }
            Sink::File(file) => file.write_all(text.as_bytes()),
        }
    }
}

/// What an earlier run left in the output file.
#[derive(Debug, Default)]
pub struct Done {
    /// The ids written, as the writer writes them (JSON text for NDJSON, the cell for CSV).
    pub ids: HashSet<String>,
    /// How many of them are error records.
    pub errors: u64,
    /// True when the file already starts with the CSV header (or holds NDJSON lines).
    pub started: bool,
    /// The design fingerprint of the records, when they came from a design.
    pub design: Option<String>,
}

/// The key under which `id` is remembered in `sheet`.
pub fn id_key(sheet: Sheet, id: &Value) -> String {
    match sheet {
        Sheet::Ndjson => id.to_string(),
        Sheet::Csv => csv_id(id),
    }
}

/// The cells of a CSV row (quotes undone).
fn csv_cells(line: &str) -> Vec<String> {
    let (mut cells, mut cell, mut quoted, mut chars) = (Vec::new(), String::new(), false, line.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => cells.push(std::mem::take(&mut cell)),
            (c, _) => cell.push(c),
        }
    }
    cells.push(cell);
    cells
}

/// Opens `path` for a batch: with `resume`, drops a torn last line and reads
/// what is there; else empties it.
pub fn open(path: &Path, sheet: Sheet, resume: bool) -> Result<(File, Done), String> {
    let name = path.display();
    let mut done = Done::default();
    if !resume || !path.exists() {
        let file = File::create(path).map_err(|e| format!("--output={name}: {e}"))?;
        return Ok((file, done));
    }
    let text = std::fs::read(path).map_err(|e| format!("--output={name}: {e}"))?;
    let whole = text.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let file = OpenOptions::new().append(true).open(path).map_err(|e| format!("--output={name}: {e}"))?;
    file.set_len(whole as u64).map_err(|e| format!("--output={name}: {e}"))?;
    let text = String::from_utf8_lossy(&text[..whole]);
    for line in text.lines() {
        done.started = true;
        let (id, design, error) = match sheet {
            Sheet::Ndjson => {
                let record: Value = serde_json::from_str(line)
                    .map_err(|e| format!("--resume: {name}: a line is not a JSON record ({e}); not a batch output"))?;
                let design = record.get("design").and_then(Value::as_str).map(str::to_string);
                (id_key(sheet, &record["id"]), design, record.get("error").is_some())
            }
            Sheet::Csv => {
                // Every row ends with the design and error cells; the header row is skipped.
                let cells = csv_cells(line);
                let [.., design, error] = cells.as_slice() else { continue };
                if cells[0] == "id" && error == "error" {
                    continue;
                }
                let design = Some(design.clone()).filter(|d| !d.is_empty());
                (csv_id(&Value::from(cells[0].clone())), design, !error.is_empty())
            }
        };
        done.errors += u64::from(error);
        if design.is_some() {
            done.design = design;
        }
        done.ids.insert(id);
    }
    Ok((file, done))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Resumes an output file holding `text`; returns what was found and the text kept.
    fn resumed(text: &str, sheet: Sheet) -> (Done, String) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out");
        std::fs::write(&path, text).unwrap();
        let (_, done) = open(&path, sheet, true).unwrap();
        (done, std::fs::read_to_string(&path).unwrap())
    }

    #[test]
    fn a_torn_last_line_is_dropped_and_ids_are_read() {
        let (done, kept) =
            resumed("{\"id\":1,\"query\":\"v\"}\n{\"id\":\"b\",\"error\":\"x\"}\n{\"id\":3,\"qu", Sheet::Ndjson);
        assert_eq!(kept, "{\"id\":1,\"query\":\"v\"}\n{\"id\":\"b\",\"error\":\"x\"}\n");
        assert_eq!(done.ids, HashSet::from(["1".to_string(), "\"b\"".to_string()]));
        assert_eq!(done.errors, 1);
    }

    #[test]
    fn csv_rows_are_read_with_or_without_a_header() {
        let rows = "1,v=1,ab,\n\"x,y\",,ab,\"line 2: bad, very\"\n7,v";
        let (headless, _) = resumed(rows, Sheet::Csv);
        let (done, _) = resumed(&format!("id,query,design,error\n{rows}"), Sheet::Csv);
        assert_eq!(done.ids, headless.ids);
        assert_eq!(done.ids, HashSet::from(["1".to_string(), "\"x,y\"".to_string()]));
        assert_eq!((done.errors, done.design.as_deref(), done.started), (1, Some("ab"), true));
        assert_eq!(csv_cells("a,\"b \"\"c\"\"\",d"), ["a", "b \"c\"", "d"]);
    }
}
