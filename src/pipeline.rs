//! The pipeline: stages built once, a pure per-document function, and the
//! run loop that feeds documents through it in parallel and writes the
//! results in input order.
//!
//! [`Pipeline::process`] depends on nothing but the document and the stage
//! objects, so it is also the map step for running under Spark and the unit
//! of incremental re-runs.

use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::SystemTime;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::attribution::Attributor;
use crate::clean::Cleaner;
use crate::doc::Doc;
use crate::error::Error;
use crate::input::{self, Discovery, InputDoc, InputOptions, Status};
use crate::lexicon::{hex, Lexicons};
use crate::linking::{DocQuotes, Linker};
use crate::output::{CorpusStep, CsvSink, Output, OutputOptions, Sink};
use crate::progress::Progress;
pub use crate::result::{Analysis, DocResult};
use crate::speakers::SpeakerResolver;
use crate::stance::Stancer;
use crate::tokenize::Tokenizer;

/// The stages, built once from the lexicons and shared by every worker.
pub struct Pipeline {
    cleaner: Cleaner,
    tokenizer: Tokenizer,
    attributor: Attributor,
    speakers: SpeakerResolver,
    stancer: Stancer,
    max_bytes: u64,
    /// Tests only: analysing a text that contains this panics.
    #[cfg(test)]
    panic_on: Option<&'static str>,
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
            speakers: SpeakerResolver::new(lex)?,
            stancer: Stancer::new(lex)?,
            max_bytes,
            #[cfg(test)]
            panic_on: None,
        })
    }

    /// Reads, decodes and analyses one document. Never fails and never
    /// panics on any input: problems, a bug in a stage included, become the
    /// result's status, and the other documents go on.
    pub fn process(&self, doc: &InputDoc) -> DocResult {
        let loaded = input::load(doc, self.max_bytes);
        let content_hash = loaded
            .raw
            .as_deref()
            .map(|b| hex(&Sha256::digest(b)))
            .unwrap_or_default();
        let (mut status, mut message) = (loaded.status, loaded.message);
        let analysis = loaded.text.and_then(|text| {
            let run = std::panic::catch_unwind(AssertUnwindSafe(|| self.analyse(&doc.doc_id, text)));
            match run {
                Ok(a) => Some(a),
                Err(panic) => {
                    status = Status::Error;
                    message = format!(
                        "internal error while analysing this document ({}); the other documents are not affected; please report it with this document",
                        panic_message(panic.as_ref())
                    );
                    None
                }
            }
        });
        DocResult {
            index: doc.index,
            doc_id: doc.doc_id.clone(),
            path: doc.path.clone(),
            meta: doc.meta.clone(),
            status,
            message,
            bytes: loaded.bytes,
            content_hash,
            analysis,
        }
    }

    /// The document model of a text: its paragraphs, sentences and tokens.
    pub fn doc(&self, text: String) -> Doc {
        let cleaned = self.cleaner.clean(&text);
        let tokens = self.tokenizer.tokenize(&text, &cleaned);
        Doc::new(text, cleaned, tokens)
    }

    pub fn stancer(&self) -> &Stancer {
        &self.stancer
    }

    /// The stages on a decoded text: each reads the [`Doc`] and adds its layer.
    pub fn analyse(&self, doc_id: &str, text: String) -> Analysis {
        #[cfg(test)]
        if let Some(marker) = self.panic_on {
            assert!(
                !text.contains(marker),
                "test hook: the text contains {marker:?}"
            );
        }
        let doc = self.doc(text);
        let statements = self.attributor.attribute(&doc);
        let speakers = self.speakers.resolve(&doc, &statements);
        let stance = self.stancer.score(&doc, &statements);
        Analysis::new(doc_id, doc, statements, speakers, stance)
    }
}

/// The text of a panic's payload.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without message".to_string())
}

/// What a run is asked to do.
#[derive(Debug, Clone)]
pub struct RunConfig {
    pub inputs: Vec<PathBuf>,
    pub out_dir: PathBuf,
    pub input: InputOptions,
    pub output: OutputOptions,
    pub lexicon_dir: Option<PathBuf>,
    /// Stance lexicons added to the set (`--lexicon`).
    pub extra_lexicons: Vec<PathBuf>,
    pub subword_tokenizer: Option<PathBuf>,
    pub max_bytes: u64,
    pub jobs: usize,
    pub quiet: bool,
    /// The command line, for the manifest.
    pub args: Vec<String>,
}

/// What a finished run reports. It is also the run's first corpus-level
/// step: it counts every result and hashes the inputs for the manifest.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub documents: u64,
    pub processed: u64,
    pub not_ok: u64,
    pub bytes: u64,
    pub tables: Vec<(String, u64)>,
    pub seconds: f64,
    /// SHA-256 over the JSON array of every document's `[doc_id, content_hash]`.
    inputs: InputsHash,
}

/// A hash of the JSON array `[[doc_id, content_hash], …]`, taken as the
/// results stream past instead of holding the array.
#[derive(Debug, Clone, Default)]
struct InputsHash {
    hasher: Sha256,
    any: bool,
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

impl Summary {
    /// The one line a run prints at its end.
    fn line(&self, cfg: &RunConfig) -> String {
        // Under cron an empty input folder is worth saying in the one line.
        let hint = if self.documents == 0 {
            format!(
                "; no documents found: folders are searched for .{} files (see --ext)",
                cfg.input.extensions.join(", .")
            )
        } else {
            String::new()
        };
        format!(
            "quotestance: {} documents ({} ok, {} not ok), {:.1} MB in {:.2} s ({:.1} MB/s) -> {}{hint}",
            self.documents,
            self.documents - self.not_ok,
            self.not_ok,
            self.bytes as f64 / 1e6,
            self.seconds,
            self.bytes as f64 / 1e6 / self.seconds.max(1e-9),
            cfg.out_dir.display()
        )
    }
}

impl CorpusStep for Summary {
    fn observe(&mut self, r: &DocResult) {
        self.documents += 1;
        self.bytes += r.bytes;
        if r.status.processed() {
            self.processed += 1;
        }
        if r.status != Status::Ok {
            self.not_ok += 1;
        }
        let h = &mut self.inputs;
        h.hasher.update(if h.any { &b","[..] } else { &b"["[..] });
        h.any = true;
        let pair = serde_json::json!([r.doc_id, r.content_hash]);
        h.hasher
            .update(serde_json::to_vec(&pair).unwrap_or_default());
    }

    fn finish(&mut self, out: &mut Output) -> Result<(), Error> {
        let mut hasher = self.inputs.hasher.clone();
        hasher.update(if self.inputs.any {
            &b"]"[..]
        } else {
            &b"[]"[..]
        });
        out.manifest_entry("inputs_sha256", hex(&hasher.finalize()).into());
        out.manifest_entry(
            "counts",
            serde_json::json!({
                "documents": self.documents,
                "processed": self.processed,
                "not_ok": self.not_ok,
                "bytes": self.bytes,
            }),
        );
        Ok(())
    }
}

/// Documents per batch handed to the workers; batches bound memory.
const BATCH_DOCS: usize = 512;
/// Bytes per batch, for corpora of few large documents.
const BATCH_BYTES: u64 = 32 << 20;

/// Runs the pipeline over the inputs and writes the tables.
pub fn run(cfg: &RunConfig) -> Result<Summary, Error> {
    let lex = Lexicons::load_with(cfg.lexicon_dir.as_deref(), &cfg.extra_lexicons)?;
    let subword = cfg
        .subword_tokenizer
        .as_deref()
        .map(Tokenizer::load_subword)
        .transpose()?;
    let pipeline = Pipeline::new(&lex, subword, cfg.max_bytes)?;
    run_with(cfg, &lex, &pipeline)
}

/// Runs a built pipeline: workers analyse batches of documents in parallel,
/// one writer thread feeds each finished result, in input order, to every
/// sink and corpus-level step.
fn run_with(cfg: &RunConfig, lex: &Lexicons, pipeline: &Pipeline) -> Result<Summary, Error> {
    let started = SystemTime::now();
    let clock = std::time::Instant::now();
    let mut discovery = Discovery::new(&cfg.inputs, &cfg.input)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(cfg.jobs.max(1))
        .build()
        .map_err(|e| Error::Usage(format!("cannot start {} worker threads: {e}", cfg.jobs)))?;
    let linker = Linker::new(lex, cfg.jobs)?;
    let output = Output::create(&cfg.out_dir, &cfg.output)?;
    let sinks: Vec<Box<dyn Sink>> = vec![Box::new(CsvSink::new(&output)?)];
    let progress = Progress::new(discovery.total_bytes, cfg.quiet);

    let (tx, rx) = mpsc::sync_channel::<Vec<(DocResult, DocQuotes)>>(1);
    let writer_progress = progress.clone();
    let writer =
        std::thread::spawn(move || write_results(rx, output, sinks, linker, &writer_progress));

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
        // Linking's per-document part runs here, in parallel, not on the
        // one writer thread.
        let analyse = |d: &InputDoc| {
            let r = pipeline.process(d);
            let quotes = DocQuotes::of(&r);
            (r, quotes)
        };
        let results: Vec<(DocResult, DocQuotes)> =
            pool.install(|| batch.par_iter().map(analyse).collect());
        if tx.send(results).is_err() {
            break; // the writer failed; its error is reported below
        }
    }
    drop(tx);
    let (output, mut summary) = writer
        .join()
        .map_err(|_| Error::Output("the output writer thread panicked".into()))??;

    let manifest = manifest(cfg, lex, started);
    summary.tables = output.commit(manifest)?;
    summary.seconds = clock.elapsed().as_secs_f64();
    progress.finish(&summary.line(cfg));
    Ok(summary)
}

/// The writer thread: every result, in input order, to every sink and to
/// the run's corpus-level steps (the linker takes its part made by the
/// worker with it); then each finishes into the output.
fn write_results(
    rx: mpsc::Receiver<Vec<(DocResult, DocQuotes)>>,
    mut output: Output,
    mut sinks: Vec<Box<dyn Sink>>,
    mut linker: Linker,
    progress: &Progress,
) -> Result<(Output, Summary), Error> {
    let mut summary = Summary::default();
    for batch in rx {
        for (r, quotes) in batch {
            for sink in &mut sinks {
                sink.write(&r)?;
            }
            summary.observe(&r);
            linker.observe_with(&r, quotes);
            if r.status != Status::Ok {
                progress.warn(&format!("{}: {}: {}", r.path, r.status.as_str(), r.message));
            }
            progress.advance(r.bytes.max(1));
        }
    }
    for sink in sinks {
        sink.finish(&mut output)?;
    }
    // After the sinks: a step may add columns to their finished tables.
    linker.finish(&mut output)?;
    // Freeing the linker's many small allocations takes a noticeable part
    // of a second on a large corpus, which the run need not wait for.
    let _ = std::thread::Builder::new().spawn(move || drop(linker));
    summary.finish(&mut output)?;
    Ok((output, summary))
}

/// The manifest's description of the run (the steps add their own entries).
fn manifest(cfg: &RunConfig, lex: &Lexicons, started: SystemTime) -> serde_json::Value {
    serde_json::json!({
        "tool": "quotestance",
        "version": env!("CARGO_PKG_VERSION"),
        "arguments": cfg.args,
        "inputs": cfg.inputs.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
        "lexicons": lex.files().map(|f| serde_json::json!({
            "file": f.name, "origin": f.origin, "sha256": f.sha256,
        })).collect::<Vec<_>>(),
        "jobs": cfg.jobs,
        "started": rfc3339(started),
        "ended": rfc3339(SystemTime::now()),
    })
}

fn rfc3339(t: SystemTime) -> String {
    time::OffsetDateTime::from(t)
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(dir: &std::path::Path) -> RunConfig {
        RunConfig {
            inputs: vec![dir.join("in")],
            out_dir: dir.join("out"),
            input: InputOptions {
                extensions: vec!["txt".into()],
            },
            output: OutputOptions::default(),
            lexicon_dir: None,
            extra_lexicons: Vec::new(),
            subword_tokenizer: None,
            max_bytes: 1 << 20,
            jobs: 2,
            quiet: true,
            args: Vec::new(),
        }
    }

    #[test]
    fn a_panic_in_one_document_becomes_its_error_row_and_the_run_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("in")).unwrap();
        for (name, text) in [
            (
                "a.txt",
                "“We will rebuild the bridge,” said Mayor Ana Ruiz.",
            ),
            (
                "b.txt",
                "“This one trips the PANIC-TEST hook,” said Mayor Ana Ruiz.",
            ),
            (
                "c.txt",
                "“We will reopen the school,” said Principal Tom Berg.",
            ),
        ] {
            std::fs::write(dir.path().join("in").join(name), text).unwrap();
        }
        let lex = Lexicons::builtin();
        let mut pipeline = Pipeline::new(&lex, None, 1 << 20).unwrap();
        pipeline.panic_on = Some("PANIC-TEST");
        let summary = run_with(&config(dir.path()), &lex, &pipeline).unwrap();
        assert_eq!((summary.documents, summary.not_ok), (3, 1));
        assert_eq!(summary.exit_code(), 1);

        let docs = std::fs::read_to_string(dir.path().join("out/documents.csv")).unwrap();
        let rows: Vec<&str> = docs.lines().skip(1).collect();
        assert_eq!(rows.len(), 3, "{docs}");
        assert!(
            rows[0].starts_with("a,") && rows[0].contains(",ok,"),
            "{docs}"
        );
        assert!(
            rows[1].starts_with("b,") && rows[1].contains(",error,"),
            "{docs}"
        );
        assert!(rows[1].contains("internal error while analysing"), "{docs}");
        assert!(
            rows[2].starts_with("c,") && rows[2].contains(",ok,"),
            "{docs}"
        );
        let statements = std::fs::read_to_string(dir.path().join("out/statements.csv")).unwrap();
        let ids: Vec<&str> = statements
            .lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap())
            .collect();
        assert_eq!(ids, ["a:1", "c:1"], "{statements}");
    }

    #[test]
    fn a_result_serialises_to_json_and_back_to_an_equal_value() {
        let dir = tempfile::tempdir().unwrap();
        let text = "Ceasefire Talks Stall\nGAZA CITY (Reuters) — “We will not disarm,” \
                    said Hamas spokesman Hazem Qassem. He added that talks would resume.\n\
                    According to the ministry, 12 people died in Zürich — 🎉.";
        std::fs::write(dir.path().join("doc.txt"), text).unwrap();
        let cfg = RunConfig {
            inputs: vec![dir.path().join("doc.txt")],
            ..config(dir.path())
        };
        let lex = Lexicons::builtin();
        let pipeline = Pipeline::new(&lex, None, 1 << 20).unwrap();
        let doc = Discovery::new(&cfg.inputs, &cfg.input)
            .unwrap()
            .next()
            .unwrap();
        let r = pipeline.process(&doc);
        let a = r.analysis.as_ref().unwrap();
        assert!(a.statements.len() >= 3, "{:?}", a.statements);
        assert!(a.statements.iter().any(|s| s.speaker.is_some()));
        let json = serde_json::to_string(&r).unwrap();
        let back: DocResult = serde_json::from_str(&json).unwrap();
        assert_eq!(back, r);
        // The read-back result answers like the original.
        let d = &back.analysis.as_ref().unwrap().doc;
        assert_eq!(d.vocab.id("said"), a.doc.vocab.id("said"));
        assert_eq!(d.char_of(d.text.len()), text.chars().count());
    }
}
