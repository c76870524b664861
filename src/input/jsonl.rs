//! Records of a JSON Lines source, one document per non-blank line.
//!
//! A bad line becomes a failed document named `FILE:LINE` instead of ending
//! the file, so one broken record costs one row, not the rest of the corpus.
//! Lines are read as bytes, so invalid UTF-8 in one record is replaced and
//! counted there rather than failing the read.

use std::io::BufRead;

use super::{InputDoc, Meta, Payload, Status};

pub(super) struct JsonlReader {
    /// The file path, or `-` for stdin; the prefix of every `FILE:LINE`.
    label: String,
    lines: Box<dyn BufRead + Send>,
    line_no: usize,
}

impl JsonlReader {
    pub(super) fn new(label: String, lines: Box<dyn BufRead + Send>) -> Self {
        JsonlReader {
            label,
            lines,
            line_no: 0,
        }
    }

    /// The next record, skipping blank lines; `None` at the end of the source.
    pub(super) fn next_doc(&mut self) -> Option<InputDoc> {
        loop {
            let mut buf = Vec::new();
            self.line_no += 1;
            match self.lines.read_until(b'\n', &mut buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    // A read error mid-file ends this file; record it as a row.
                    let doc = self.failed(Status::Error, format!("read error: {e}"));
                    self.lines = Box::new(std::io::empty());
                    return Some(doc);
                }
            }
            let raw = if self.line_no == 1 {
                buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&buf)
            } else {
                &buf[..]
            };
            let replaced = match std::str::from_utf8(raw) {
                Ok(_) => 0,
                Err(_) => raw.utf8_chunks().map(|c| c.invalid().len()).sum(),
            };
            let line = String::from_utf8_lossy(raw);
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let mut doc = self.parse(line);
            if replaced > 0 {
                if let Payload::Text(t) = doc.payload {
                    doc.payload = Payload::Lossy(t, replaced);
                }
            }
            return Some(doc);
        }
    }

    fn location(&self) -> String {
        format!("{}:{}", self.label, self.line_no)
    }

    fn failed(&self, status: Status, message: String) -> InputDoc {
        InputDoc {
            index: 0,
            doc_id: self.location(),
            path: self.location(),
            meta: Meta::default(),
            payload: Payload::Failed(status, message),
            size_hint: 0,
        }
    }

    fn parse(&self, line: &str) -> InputDoc {
        let v: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => return self.failed(Status::Error, format!("invalid JSON: {e}")),
        };
        let Some(obj) = v.as_object() else {
            return self.failed(Status::Error, "JSON line is not an object".into());
        };
        let field = |k: &str| -> Option<String> {
            match obj.get(k)? {
                serde_json::Value::String(s) => Some(s.clone()),
                serde_json::Value::Null => None,
                other => Some(other.to_string()),
            }
        };
        let mut doc = self.failed(Status::Error, String::new());
        doc.meta = Meta {
            source: field("source"),
            date: field("date"),
            url: field("url"),
            title: field("title"),
        };
        let id = field("id").filter(|s| !s.trim().is_empty());
        doc.payload = match (id, obj.get("text")) {
            (None, _) => Payload::Failed(
                Status::Error,
                "record has no \"id\"; not processed (doc_id shows FILE:LINE)".into(),
            ),
            (Some(id), Some(serde_json::Value::String(t))) => {
                doc.doc_id = id;
                doc.size_hint = t.len() as u64;
                Payload::Text(t.clone())
            }
            (Some(id), _) => {
                doc.doc_id = id;
                Payload::Failed(Status::Error, "record has no string field \"text\"".into())
            }
        };
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(bytes: &'static [u8]) -> Vec<InputDoc> {
        let mut r = JsonlReader::new("mem".into(), Box::new(bytes));
        std::iter::from_fn(|| r.next_doc()).collect()
    }

    #[test]
    fn bom_on_the_first_line_and_invalid_utf8_in_a_record() {
        let docs = read_all(
            b"\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"b\",\"text\":\"caf\xE9\"}\n",
        );
        assert_eq!(docs.len(), 2);
        assert!(matches!(&docs[0].payload, Payload::Text(t) if t == "One."));
        assert!(matches!(&docs[1].payload, Payload::Lossy(t, 1) if t == "caf\u{FFFD}"));
    }

    #[test]
    fn a_record_without_text_keeps_its_id() {
        let docs = read_all(b"[1]\n{\"id\":\"x\",\"text\":3}\n");
        assert_eq!(docs[0].doc_id, "mem:1");
        assert!(matches!(docs[0].payload, Payload::Failed(Status::Error, _)));
        assert_eq!(docs[1].doc_id, "x");
        assert!(matches!(docs[1].payload, Payload::Failed(Status::Error, _)));
    }
}
