//! Errors that stop a whole run (exit status 2). Problems with one document
//! never become an [`Error`]: they become that document's status row.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum Error {
    /// The command line asks for something impossible (missing input, bad option value).
    #[error("{0}")]
    Usage(String),
    /// A lexicon file is unreadable or malformed; the message names file and line.
    #[error("lexicon error: {0}")]
    Lexicon(String),
    /// The output folder cannot be written; nothing half-written is left behind.
    #[error("output error: {0}")]
    Output(String),
}

impl Error {
    pub fn output(what: impl std::fmt::Display, e: impl std::fmt::Display) -> Self {
        Error::Output(format!("{what}: {e}"))
    }
}
