//! Corpus input: which documents a run has, their ids, and turning their bytes
//! into one immutable UTF-8 text.
//!
//! Discovery is sequential and cheap (it lists files and reads JSON Lines);
//! reading and decoding a file happens later, on a worker, so that one slow
//! or huge file does not hold the others up. Whatever goes wrong with a
//! document is recorded in its [`Status`]; nothing here drops a document.

use std::collections::HashMap;
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::error::Error;

/// What happened to a document. Every document gets exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ok,
    /// Invalid UTF-8 was replaced by U+FFFD; the document was still processed.
    DecodedLossy,
    SkippedBinary,
    Empty,
    SkippedTooLarge,
    DuplicateId,
    Error,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::DecodedLossy => "decoded_lossy",
            Status::SkippedBinary => "skipped_binary",
            Status::Empty => "empty",
            Status::SkippedTooLarge => "skipped_too_large",
            Status::DuplicateId => "duplicate_id",
            Status::Error => "error",
        }
    }

    /// Whether the document's text went through the pipeline.
    pub fn processed(self) -> bool {
        matches!(self, Status::Ok | Status::DecodedLossy)
    }
}

/// Metadata a JSON Lines record may carry.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Meta {
    pub source: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
}

/// Where a document's bytes are.
#[derive(Debug, Clone)]
pub enum Payload {
    File(PathBuf),
    Text(String),
    /// Text of a JSON Lines record whose line had this many invalid UTF-8 bytes.
    Lossy(String, usize),
    /// Discovery already knows the document cannot be processed.
    Failed(Status, String),
}

/// One document of the run, before reading.
#[derive(Debug, Clone)]
pub struct InputDoc {
    /// Position in the run; output rows follow it.
    pub index: usize,
    pub doc_id: String,
    /// The file path, or `FILE.jsonl:LINE` / `-:LINE` for JSON Lines records.
    pub path: String,
    pub meta: Meta,
    pub payload: Payload,
    /// Size known before reading (file length or text length), for progress.
    pub size_hint: u64,
}

/// Options of discovery.
#[derive(Debug, Clone)]
pub struct InputOptions {
    /// File extensions (lower case, no dot) picked up inside folders; `jsonl`
    /// among them makes `.jsonl` files in folders count as JSON Lines.
    pub extensions: Vec<String>,
}

/// A source named on the command line, resolved.
#[derive(Debug)]
enum Source {
    Doc {
        path: PathBuf,
        doc_id: String,
    },
    Unreadable {
        path: PathBuf,
        doc_id: String,
        message: String,
    },
    Jsonl(PathBuf),
    Stdin,
}

/// Lists the sources behind the command-line inputs. Fails (exit 2) only for
/// inputs that do not exist at all, which is almost always a typo.
fn resolve(inputs: &[PathBuf], opts: &InputOptions) -> Result<Vec<Source>, Error> {
    let mut out = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.push(Source::Stdin);
            continue;
        }
        let meta = fs::metadata(input).map_err(|e| {
            Error::Usage(format!(
                "input {}: {e}; give existing files or folders, or - for JSON Lines on stdin",
                input.display()
            ))
        })?;
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(input, &mut files, &mut Default::default());
            for entry in files {
                let path = match entry {
                    Ok(p) => p,
                    Err((dir, message)) => {
                        let rel = dir.strip_prefix(input).unwrap_or(&dir);
                        out.push(Source::Unreadable {
                            doc_id: id_of(rel),
                            path: dir,
                            message,
                        });
                        continue;
                    }
                };
                let ext = extension(&path);
                if !opts.extensions.contains(&ext) {
                    continue;
                }
                if ext == "jsonl" {
                    out.push(Source::Jsonl(path));
                } else {
                    let rel = path.strip_prefix(input).unwrap_or(&path);
                    out.push(Source::Doc {
                        doc_id: id_of(rel),
                        path,
                    });
                }
            }
        } else if extension(input) == "jsonl" {
            out.push(Source::Jsonl(input.clone()));
        } else {
            let name = Path::new(input.file_name().unwrap_or(input.as_os_str()));
            out.push(Source::Doc {
                doc_id: id_of(name),
                path: input.clone(),
            });
        }
    }
    Ok(out)
}

/// Recursive listing in name order, so runs are deterministic. Unreadable
/// folders are listed as entries, so that they surface as error rows.
/// Folders reached through symbolic links are entered once each (by their
/// real path), so a link cycle cannot repeat the corpus.
fn walk(
    dir: &Path,
    out: &mut Vec<Result<PathBuf, (PathBuf, String)>>,
    seen: &mut std::collections::HashSet<PathBuf>,
) {
    if let Ok(real) = fs::canonicalize(dir) {
        if !seen.insert(real) {
            return;
        }
    }
    let mut entries: Vec<PathBuf> = Vec::new();
    match fs::read_dir(dir) {
        Ok(rd) => {
            for e in rd {
                match e {
                    Ok(e) => entries.push(e.path()),
                    Err(e) => {
                        out.push(Err((dir.to_path_buf(), format!("cannot list folder: {e}"))))
                    }
                }
            }
        }
        Err(e) => {
            out.push(Err((dir.to_path_buf(), format!("cannot list folder: {e}"))));
            return;
        }
    }
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out, seen);
        } else {
            out.push(Ok(p));
        }
    }
}

fn extension(p: &Path) -> String {
    p.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// The path without its extension, with `/` separators on every platform.
fn id_of(rel: &Path) -> String {
    let no_ext = rel.with_extension("");
    no_ext
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// All documents of a run, in order, with duplicate ids already marked.
///
/// JSON Lines are read here (they carry the ids); plain files are only listed.
pub struct Discovery {
    sources: std::vec::IntoIter<Source>,
    current: Option<JsonlReader>,
    seen: HashMap<String, String>,
    index: usize,
    /// Sum of the sizes of all files named by the inputs (progress bar length).
    pub total_bytes: Option<u64>,
}

struct JsonlReader {
    label: String,
    lines: Box<dyn BufRead + Send>,
    line_no: usize,
}

impl Discovery {
    pub fn new(inputs: &[PathBuf], opts: &InputOptions) -> Result<Self, Error> {
        let sources = resolve(inputs, opts)?;
        let mut total = Some(0u64);
        for s in &sources {
            match s {
                Source::Doc { path, .. } | Source::Jsonl(path) => {
                    if let (Some(t), Ok(m)) = (total.as_mut(), fs::metadata(path)) {
                        *t += m.len();
                    }
                }
                Source::Stdin => total = None,
                Source::Unreadable { .. } => {}
            }
        }
        Ok(Discovery {
            sources: sources.into_iter(),
            current: None,
            seen: HashMap::new(),
            index: 0,
            total_bytes: total,
        })
    }

    fn next_raw(&mut self) -> Option<InputDoc> {
        loop {
            if let Some(r) = self.current.as_mut() {
                if let Some(doc) = r.next_doc() {
                    return Some(doc);
                }
                self.current = None;
            }
            match self.sources.next()? {
                Source::Doc { path, doc_id } => {
                    let size_hint = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
                    return Some(InputDoc {
                        index: 0,
                        doc_id,
                        path: path.display().to_string(),
                        meta: Meta::default(),
                        payload: Payload::File(path),
                        size_hint,
                    });
                }
                Source::Unreadable {
                    path,
                    doc_id,
                    message,
                } => {
                    return Some(InputDoc {
                        index: 0,
                        doc_id,
                        path: path.display().to_string(),
                        meta: Meta::default(),
                        payload: Payload::Failed(Status::Error, message),
                        size_hint: 0,
                    })
                }
                Source::Jsonl(path) => match fs::File::open(&path) {
                    Ok(f) => {
                        self.current = Some(JsonlReader {
                            label: path.display().to_string(),
                            lines: Box::new(BufReader::new(f)),
                            line_no: 0,
                        })
                    }
                    Err(e) => {
                        return Some(InputDoc {
                            index: 0,
                            doc_id: id_of(Path::new(path.file_name().unwrap_or_default())),
                            path: path.display().to_string(),
                            meta: Meta::default(),
                            payload: Payload::Failed(
                                Status::Error,
                                format!("cannot open JSON Lines file: {e}"),
                            ),
                            size_hint: 0,
                        })
                    }
                },
                Source::Stdin => {
                    self.current = Some(JsonlReader {
                        label: "-".into(),
                        lines: Box::new(BufReader::new(std::io::stdin())),
                        line_no: 0,
                    })
                }
            }
        }
    }
}

impl Iterator for Discovery {
    type Item = InputDoc;

    fn next(&mut self) -> Option<InputDoc> {
        let mut doc = self.next_raw()?;
        doc.index = self.index;
        self.index += 1;
        // Only documents that can be processed claim their id, so a broken
        // record does not shadow a good one with the same id.
        if !matches!(doc.payload, Payload::Failed(..)) {
            if let Some(first) = self.seen.get(&doc.doc_id) {
                doc.payload = Payload::Failed(
                    Status::DuplicateId,
                    format!("doc_id already used by {first}; this document was not processed"),
                );
            } else {
                self.seen.insert(doc.doc_id.clone(), doc.path.clone());
            }
        }
        Some(doc)
    }
}

impl JsonlReader {
    fn next_doc(&mut self) -> Option<InputDoc> {
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

/// A document's decoded text, or why there is none.
#[derive(Debug)]
pub struct Loaded {
    pub status: Status,
    pub message: String,
    /// Decoded text; `None` unless the status is processed.
    pub text: Option<String>,
    /// Size of the input in bytes (as read, before decoding).
    pub bytes: u64,
    /// The input bytes as read (for the content hash); `None` when unread.
    pub raw: Option<Vec<u8>>,
}

/// Reads and decodes one document; never fails, never panics.
pub fn load(doc: &InputDoc, max_bytes: u64) -> Loaded {
    let bytes = match &doc.payload {
        Payload::Failed(status, msg) => {
            return Loaded {
                status: *status,
                message: msg.clone(),
                text: None,
                bytes: 0,
                raw: None,
            }
        }
        Payload::Text(t) | Payload::Lossy(t, _) => {
            if t.len() as u64 > max_bytes {
                return too_large(t.len() as u64, max_bytes);
            }
            t.as_bytes().to_vec()
        }
        Payload::File(path) => match read_limited(path, max_bytes) {
            Ok(Some(b)) => b,
            Ok(None) => {
                let len = fs::metadata(path).map(|m| m.len()).unwrap_or(0);
                return too_large(len, max_bytes);
            }
            Err(e) => {
                return Loaded {
                    status: Status::Error,
                    message: format!("cannot read: {e}"),
                    text: None,
                    bytes: 0,
                    raw: None,
                }
            }
        },
    };
    let n = bytes.len() as u64;
    let mut d = decode(&bytes);
    if let (Payload::Lossy(_, k), Status::Ok) = (&doc.payload, d.status) {
        d.status = Status::DecodedLossy;
        d.message = format!("invalid UTF-8 in the JSON line: {k} bytes replaced by U+FFFD");
    }
    Loaded {
        status: d.status,
        message: d.message,
        text: d.text,
        bytes: n,
        raw: Some(bytes),
    }
}

fn too_large(len: u64, max: u64) -> Loaded {
    Loaded {
        status: Status::SkippedTooLarge,
        message: format!("{len} bytes is over the limit of {max} bytes (--max-bytes)"),
        text: None,
        bytes: len,
        raw: None,
    }
}

/// Reads a file unless it is longer than `max` (then `Ok(None)`), without
/// ever holding more than `max + 1` bytes.
fn read_limited(path: &Path, max: u64) -> std::io::Result<Option<Vec<u8>>> {
    let f = fs::File::open(path)?;
    if f.metadata()?.is_dir() {
        return Err(std::io::Error::other("is a folder"));
    }
    let mut buf = Vec::new();
    f.take(max + 1).read_to_end(&mut buf)?;
    Ok((buf.len() as u64 <= max).then_some(buf))
}

/// The result of decoding bytes into text.
#[derive(Debug)]
pub struct Decoded {
    pub status: Status,
    pub message: String,
    pub text: Option<String>,
}

/// UTF-8 (BOM stripped) or UTF-16 with a BOM; invalid UTF-8 is replaced and
/// counted; NUL bytes mean binary; nothing but whitespace means empty. Line
/// ends are left as they are: later stages treat CR, LF and CRLF alike, so
/// offsets stay offsets into what the user has.
pub fn decode(bytes: &[u8]) -> Decoded {
    let mut message = String::new();
    let mut status = Status::Ok;
    let text = if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let (t, bad) = utf16(rest, u16::from_le_bytes);
        message = "decoded from UTF-16LE".into();
        if bad > 0 {
            status = Status::DecodedLossy;
            message = format!("decoded from UTF-16LE; {bad} invalid code units replaced");
        }
        t
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let (t, bad) = utf16(rest, u16::from_be_bytes);
        message = "decoded from UTF-16BE".into();
        if bad > 0 {
            status = Status::DecodedLossy;
            message = format!("decoded from UTF-16BE; {bad} invalid code units replaced");
        }
        t
    } else {
        let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if memchr::memchr(0, b).is_some() {
            return Decoded {
                status: Status::SkippedBinary,
                message: "contains NUL bytes: not a text file".into(),
                text: None,
            };
        }
        match std::str::from_utf8(b) {
            Ok(s) => s.to_string(),
            Err(_) => {
                let mut out = String::with_capacity(b.len());
                let mut bad = 0usize;
                for chunk in b.utf8_chunks() {
                    out.push_str(chunk.valid());
                    if !chunk.invalid().is_empty() {
                        bad += chunk.invalid().len();
                        out.push('\u{FFFD}');
                    }
                }
                status = Status::DecodedLossy;
                message = format!("invalid UTF-8: {bad} bytes replaced by U+FFFD");
                out
            }
        }
    };
    if text.contains('\0') {
        return Decoded {
            status: Status::SkippedBinary,
            message: "contains NUL characters: not a text file".into(),
            text: None,
        };
    }
    if text.trim().is_empty() {
        return Decoded {
            status: Status::Empty,
            message: "no text (empty or whitespace only)".into(),
            text: None,
        };
    }
    Decoded {
        status,
        message,
        text: Some(text),
    }
}

fn utf16(b: &[u8], f: fn([u8; 2]) -> u16) -> (String, usize) {
    let units = b.chunks_exact(2).map(|c| f([c[0], c[1]]));
    let mut bad = b.len() % 2;
    let mut s = String::with_capacity(b.len());
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => s.push(c),
            Err(_) => {
                bad += 1;
                s.push('\u{FFFD}');
            }
        }
    }
    if b.len() % 2 == 1 {
        s.push('\u{FFFD}');
    }
    (s, bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped() {
        let d = decode(b"\xEF\xBB\xBFHello");
        assert_eq!(d.status, Status::Ok);
        assert_eq!(d.text.unwrap(), "Hello");
    }

    #[test]
    fn utf16_both_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hé\r\n".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Hé\r\n".encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        assert_eq!(decode(&le).text.unwrap(), "Hé\r\n");
        assert_eq!(decode(&be).text.unwrap(), "Hé\r\n");
        assert_eq!(decode(&le).status, Status::Ok);
    }

    #[test]
    fn invalid_utf8_is_lossy_and_counted() {
        let d = decode(b"caf\xE9 ok \xFF\xFE!");
        assert_eq!(d.status, Status::DecodedLossy);
        assert!(d.message.contains("3 bytes"), "{}", d.message);
        assert_eq!(d.text.unwrap(), "caf\u{FFFD} ok \u{FFFD}\u{FFFD}!");
    }

    #[test]
    fn nul_is_binary_and_blank_is_empty() {
        assert_eq!(decode(b"ab\0cd").status, Status::SkippedBinary);
        assert_eq!(decode(b" \n\t\r\n").status, Status::Empty);
        assert_eq!(decode(b"").status, Status::Empty);
    }

    #[test]
    fn ids_are_relative_paths_without_extension() {
        assert_eq!(id_of(Path::new("a/b/c.txt")), "a/b/c");
        assert_eq!(id_of(Path::new("x.md")), "x");
    }

    #[test]
    fn jsonl_records_and_duplicates() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.jsonl");
        fs::write(
            &p,
            "{\"id\":\"a\",\"text\":\"One.\",\"source\":\"S\"}\n\nnot json\n{\"id\":\"a\",\"text\":\"Two.\"}\n{\"id\":7,\"text\":\"Three.\"}\n{\"text\":\"Four.\"}\n",
        )
        .unwrap();
        let opts = InputOptions {
            extensions: vec!["txt".into()],
        };
        let docs: Vec<InputDoc> = Discovery::new(&[p], &opts).unwrap().collect();
        assert_eq!(docs.len(), 5);
        assert_eq!(docs[0].doc_id, "a");
        assert_eq!(docs[0].meta.source.as_deref(), Some("S"));
        assert!(matches!(docs[1].payload, Payload::Failed(Status::Error, _)));
        assert!(docs[1].doc_id.ends_with("c.jsonl:3"));
        assert!(matches!(
            docs[2].payload,
            Payload::Failed(Status::DuplicateId, _)
        ));
        assert_eq!(docs[3].doc_id, "7");
        assert!(matches!(docs[4].payload, Payload::Failed(Status::Error, _)));
        assert_eq!(
            docs.iter().map(|d| d.index).collect::<Vec<_>>(),
            [0, 1, 2, 3, 4]
        );
    }

    #[test]
    fn too_large_is_skipped_without_reading_all() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.txt");
        fs::write(&p, "x".repeat(100)).unwrap();
        let doc = InputDoc {
            index: 0,
            doc_id: "big".into(),
            path: p.display().to_string(),
            meta: Meta::default(),
            payload: Payload::File(p),
            size_hint: 100,
        };
        let l = load(&doc, 10);
        assert_eq!(l.status, Status::SkippedTooLarge);
        assert_eq!(l.bytes, 100);
    }

    #[test]
    fn missing_input_is_a_usage_error() {
        let opts = InputOptions {
            extensions: vec!["txt".into()],
        };
        let r = Discovery::new(&[PathBuf::from("/no/such/path")], &opts);
        assert!(matches!(r, Err(Error::Usage(_))));
    }
}
