//! From a listed document to its text: reading the bytes (never more than the
//! size limit allows) and decoding them.
//!
//! Runs on the workers, one document at a time, and never fails: every
//! problem becomes a [`Status`] and a message on the document's row.

use std::fs;
use std::io::Read;
use std::path::Path;

use super::{InputDoc, Payload, Status};

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
    f.take(max.saturating_add(1)).read_to_end(&mut buf)?;
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

/// Decodes UTF-16 code units read with `f` (little or big endian), returning
/// the text and how many units (or odd trailing bytes) were replaced.
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
    use super::super::Meta;
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
}
