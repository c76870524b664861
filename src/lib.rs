//! quotestance: who said what, about what, with what stance — news articles
//! in, linked CSV tables out.
//!
//! Stages, one module each, data flowing one way through typed structs:
//! [`input`] (finding and decoding documents) → [`clean`] (paragraphs and
//! boilerplate flags) → [`tokenize`] (sentences, words, norms, stems) →
//! [`attribution`] (statements, cues, speaker mentions) → [`speakers`]
//! (resolving mentions to entities) → [`output`] (CSV tables). [`pipeline`] wires them; `main.rs` is only the
//! command line. Every annotation is a byte [`span::Span`] into one immutable
//! text per document.

pub mod attribution;
pub mod clean;
pub mod cli;
pub mod doc;
pub mod error;
pub mod input;
pub mod lexicon;
pub mod normalize;
pub mod output;
pub mod pipeline;
pub mod progress;
pub mod result;
pub mod span;
pub mod speakers;
#[cfg(test)]
mod testkit;
pub mod tokenize;

pub use error::Error;
pub use pipeline::{run, Pipeline, RunConfig, Summary};
