//! quotestance: who said what, about what, with what stance — news articles
//! in, linked CSV tables out.
//!
//! The layout, bottom floor first; a module imports only floors below it
//! (`scripts/layers.txt` declares the order, `tests/architecture.rs` checks it):
//!
//! - [`span`], [`error`], [`lexicon`]: byte spans, run-stopping errors, and the
//!   editable data files (with [`lexicon::words`], the word lists two stages share).
//! - [`doc`]: the document model — one immutable text and its layers
//!   (paragraphs, sentences, tokens, vocabulary) with the views stages read.
//! - The stages, each a small type built once from the lexicons that reads a
//!   [`doc::Doc`] and returns a layer of its own: [`input`] (finding and
//!   decoding documents) → [`clean`] (paragraphs, boilerplate flags) →
//!   [`tokenize`] (sentences, words, norms, stems) → [`attribution`]
//!   (statements, cues, speaker mentions) → [`speakers`] (resolving mentions
//!   to the document's entities) → [`stance`] (acts, hedging, valence and
//!   target polarity, each score the sum of its lexicon hits).
//! - [`result`]: [`result::DocResult`], the one serialisable per-document
//!   result (statements carrying their speakers and stance, ids, both kinds
//!   of offsets).
//! - [`output`]: sinks (the CSV tables, declared as columns once) and the
//!   interface of corpus-level steps, finishing into one all-or-nothing folder.
//! - [`pipeline`]: [`Pipeline::process`], a pure, panic-proof function of one
//!   document, and the run loop; [`commands`]: `score` and `lexicon check`;
//!   [`cli`] and `main.rs` are only the command line.

pub mod attribution;
pub mod clean;
pub mod cli;
pub mod commands;
pub mod doc;
pub mod error;
pub mod input;
pub mod lexicon;
pub mod linking;
pub mod normalize;
pub mod output;
pub mod pipeline;
pub mod progress;
pub mod result;
pub mod span;
pub mod speakers;
pub mod stance;
#[cfg(test)]
mod testkit;
pub mod tokenize;

pub use error::Error;
pub use pipeline::{run, Pipeline, RunConfig, Summary};
