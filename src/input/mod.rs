//! Corpus input: which documents a run has, their ids, and turning their bytes
//! into one immutable UTF-8 text.
//!
//! Discovery is sequential and cheap (it lists files and reads JSON Lines);
//! reading and decoding a file happens later, on a worker, so that one slow
//! or huge file does not hold the others up. Whatever goes wrong with a
//! document is recorded in its [`Status`]; nothing here drops a document.
//!
//! The types every part shares live here; `discover` finds the documents,
//! `jsonl` reads records out of JSON Lines, `decode` turns bytes into text.
//! The rest of the crate sees one flat module (`input::Discovery`,
//! `input::load`), so the files can be rearranged without touching callers.

mod decode;
mod discover;
mod jsonl;

use std::path::PathBuf;

pub use decode::{decode, load, Decoded, Loaded};
pub use discover::Discovery;

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
