//! The pipeline: stages built once, a pure per-document function, and the
//! run loop that feeds documents through it in parallel and writes the
//! results in input order.
//!
//! [`Pipeline::process`] depends on nothing but the document and the stage
//! objects, so it is also the map step for running under Spark and the unit
//! of incremental re-runs.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::SystemTime;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::attribution::{Attributor, Statement};
use crate::clean::{Cleaned, Cleaner};
use crate::error::Error;
use crate::input::{self, Discovery, InputDoc, InputOptions, Meta, Status};
use crate::lexicon::{hex, Lexicons};
use crate::output::{Output, OutputOptions};
use crate::progress::Progress;
use crate::span::CharIndex;
use crate::speakers::{Entity, Speaker};
use crate::tokenize::{Tokenized, Tokenizer};

/// Everything the stages found in one document's text.
#[derive(Debug)]
pub struct Analysis {
    pub text: String,
    pub chars: CharIndex,
    pub cleaned: Cleaned,
    pub tokens: Tokenized,
    pub statements: Vec<Statement>,
    /// One per statement.
    pub speakers: Vec<Speaker>,
    pub entities: Vec<Entity>,
}

/// One document's outcome: always present, whatever happened.
#[derive(Debug)]
pub struct DocResult {
    pub index: usize,
    pub doc_id: String,
    pub path: String,
    pub meta: Meta,
    pub status: Status,
    pub message: String,
    pub bytes: u64,
    /// SHA-256 of the document's bytes as read; empty when unread.
    pub content_hash: String,
    pub analysis: Option<Analysis>,
}

/// The stages, built once from the lexicons and shared by every worker.
pub struct Pipeline {
    cleaner: Cleaner,
    tokenizer: Tokenizer,
    attributor: Attributor,
    max_bytes: u64,
}

impl Pipeline {
    pub fn new(
        lex: &Lexicons,
        subword: Option<tokenizers::Tokenizer>,
        max_bytes: u64,
    ) -> Result<Self, Error> {
        Ok(Pipeline {
            cleaner: Cleaner::new(lex)?,
            tokenizer: Tokenizer::new(lex, subword)?,
            attributor: Attributor::new(lex)?,
            max_bytes,
        })
    }

    /// Reads, decodes and analyses one document. Never fails and never
    /// panics on any input: problems become the result's status.
    pub fn process(&self, doc: &InputDoc) -> DocResult {
        let loaded = input::load(doc, self.max_bytes);
        let content_hash = loaded
            .raw
            .as_deref()
            .map(|b| hex(&Sha256::digest(b)))
            .unwrap_or_default();
        let analysis = loaded.text.map(|text| self.analyse(text));
        DocResult {
            index: doc.index,
            doc_id: doc.doc_id.clone(),
            path: doc.path.clone(),
            meta: doc.meta.clone(),
            status: loaded.status,
            message: loaded.message,
            bytes: loaded.bytes,
            content_hash,
            analysis,
        }
    }

    /// The stages on a decoded text.
    pub fn analyse(&self, text: String) -> Analysis {
        let chars = CharIndex::new(&text);
        let cleaned = self.cleaner.clean(&text);
        let tokens = self.tokenizer.tokenize(&text, &cleaned);
        let statements = self.attributor.attribute(&text, &cleaned, &tokens);
        let (speakers, entities) =
            self.attributor
                .words
                .resolve_statements(&text, &tokens, &statements);
        Analysis {
            text,
            chars,
            cleaned,
            tokens,
            statements,
            speakers,
            entities,
        }
    }
}

/// What a run is asked to do.
#[derive(Debug, Clone)]
pub struct RunConfig {
    pub inputs: Vec<PathBuf>,
    pub out_dir: PathBuf,
    pub input: InputOptions,
    pub output: OutputOptions,
    pub lexicon_dir: Option<PathBuf>,
    pub subword_tokenizer: Option<PathBuf>,
    pub max_bytes: u64,
    pub jobs: usize,
    pub quiet: bool,
    /// The command line, for the manifest.
    pub args: Vec<String>,
}

/// What a finished run reports.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub documents: u64,
    pub processed: u64,
    pub not_ok: u64,
    pub bytes: u64,
    pub tables: Vec<(String, u64)>,
    pub seconds: f64,
}

impl Summary {
    /// Exit status: 0 when every document is ok, 1 otherwise.
    pub fn exit_code(&self) -> i32 {
        if self.not_ok == 0 {
            0
        } else {
            1
        }
    }
}

/// Documents per batch handed to the workers; batches bound memory.
const BATCH_DOCS: usize = 512;
/// Bytes per batch, for corpora of few large documents.
const BATCH_BYTES: u64 = 32 << 20;

/// Runs the pipeline over the inputs and writes the tables.
pub fn run(cfg: &RunConfig) -> Result<Summary, Error> {
    let started = SystemTime::now();
    let clock = std::time::Instant::now();
    let lex = Lexicons::load(cfg.lexicon_dir.as_deref())?;
    let subword = cfg
        .subword_tokenizer
        .as_deref()
        .map(Tokenizer::load_subword)
        .transpose()?;
    let pipeline = Pipeline::new(&lex, subword, cfg.max_bytes)?;
    let mut discovery = Discovery::new(&cfg.inputs, &cfg.input)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(cfg.jobs.max(1))
        .build()
        .map_err(|e| Error::Usage(format!("cannot start {} worker threads: {e}", cfg.jobs)))?;
    let output = Output::create(&cfg.out_dir, &cfg.output)?;
    let progress = Progress::new(discovery.total_bytes, cfg.quiet);

    // A writer thread takes finished batches in order while workers go on.
    let (tx, rx) = mpsc::sync_channel::<Vec<DocResult>>(1);
    let writer_progress = progress.clone();
    let writer = std::thread::spawn(move || -> Result<(Output, Summary), Error> {
        let mut output = output;
        let mut s = Summary::default();
        for batch in rx {
            for r in batch {
                output.write(&r)?;
                s.documents += 1;
                s.bytes += r.bytes;
                if r.status.processed() {
                    s.processed += 1;
                }
                if r.status != Status::Ok {
                    s.not_ok += 1;
                    writer_progress.warn(&format!(
                        "{}: {} {}",
                        r.path,
                        r.status.as_str(),
                        r.message
                    ));
                }
                writer_progress.advance(r.bytes.max(1));
            }
        }
        Ok((output, s))
    });

    let mut inputs_seen: Vec<serde_json::Value> = Vec::new();
    loop {
        let mut batch = Vec::new();
        let mut bytes = 0;
        for d in discovery.by_ref() {
            bytes += d.size_hint;
            batch.push(d);
            if batch.len() >= BATCH_DOCS || bytes >= BATCH_BYTES {
                break;
            }
        }
        if batch.is_empty() {
            break;
        }
        let results: Vec<DocResult> =
            pool.install(|| batch.par_iter().map(|d| pipeline.process(d)).collect());
        for r in &results {
            inputs_seen.push(serde_json::json!([r.doc_id, r.content_hash]));
        }
        if tx.send(results).is_err() {
            break; // the writer failed; its error is reported below
        }
    }
    drop(tx);
    let (output, mut summary) = writer
        .join()
        .map_err(|_| Error::Output("the output writer thread panicked".into()))??;

    let ended = SystemTime::now();
    let manifest = serde_json::json!({
        "tool": "quotestance",
        "version": env!("CARGO_PKG_VERSION"),
        "arguments": cfg.args,
        "inputs": cfg.inputs.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
        "inputs_sha256": hex(&Sha256::digest(serde_json::to_vec(&inputs_seen).unwrap_or_default())),
        "lexicons": lex.files().map(|f| serde_json::json!({
            "file": f.name, "origin": f.origin, "sha256": f.sha256,
        })).collect::<Vec<_>>(),
        "counts": {
            "documents": summary.documents,
            "processed": summary.processed,
            "not_ok": summary.not_ok,
            "bytes": summary.bytes,
        },
        "jobs": cfg.jobs,
        "started": rfc3339(started),
        "ended": rfc3339(ended),
    });
    summary.tables = output.commit(manifest)?;
    summary.seconds = clock.elapsed().as_secs_f64();
    progress.finish(&format!(
        "quotestance: {} documents ({} ok, {} not ok), {:.1} MB in {:.2} s ({:.1} MB/s) -> {}",
        summary.documents,
        summary.documents - summary.not_ok,
        summary.not_ok,
        summary.bytes as f64 / 1e6,
        summary.seconds,
        summary.bytes as f64 / 1e6 / summary.seconds.max(1e-9),
        cfg.out_dir.display()
    ));
    Ok(summary)
}

fn rfc3339(t: SystemTime) -> String {
    time::OffsetDateTime::from(t)
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}
