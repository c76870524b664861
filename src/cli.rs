//! The command line. Parsing only: `main.rs` turns it into a [`RunConfig`].

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::input::InputOptions;
use crate::output::OutputOptions;
use crate::pipeline::RunConfig;

/// Who said what: turns a folder of news articles into linked CSV tables of
/// documents, paragraphs (boilerplate flagged), sentences, tokens, and the
/// statements reported in them with their cue and resolved speaker.
///
/// With no arguments it runs the sample corpus: `quotestance run corpus --out output`.
///
/// Exit status: 0 every document ok; 1 the run finished but some documents
/// were not ok (documents.csv says why for each); 2 usage, lexicon or output
/// error (no table was changed).
#[derive(Debug, Parser)]
#[command(name = "quotestance", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Process documents into CSV tables in the output folder.
    ///
    /// Exit status: 0 every document ok; 1 the run finished but some
    /// documents were not ok (documents.csv says why for each); 2 usage,
    /// lexicon or output error (no table was changed).
    Run(RunArgs),
}

#[derive(Debug, Args, Clone)]
pub struct RunArgs {
    /// Files, folders (searched recursively) or `-` for JSON Lines on stdin.
    /// `.jsonl` files hold one document per line:
    /// {"id": ..., "text": ..., optional "source", "date", "url", "title"}.
    #[arg(default_value = "corpus")]
    pub inputs: Vec<PathBuf>,

    /// Folder the tables are written to (created if missing).
    #[arg(long, short, default_value = "output")]
    pub out: PathBuf,

    /// File extensions read inside folders, comma-separated. Add `jsonl` to
    /// read JSON Lines files found in folders too.
    #[arg(long, default_value = "txt,md", value_delimiter = ',')]
    pub ext: Vec<String>,

    /// Worker threads, at least 1 (default: all cores). Output is identical for any value.
    #[arg(long, short, value_parser = clap::value_parser!(u32).range(1..))]
    pub jobs: Option<u32>,

    /// Print nothing but the one-line summary.
    #[arg(long, short)]
    pub quiet: bool,

    /// Start every table with a UTF-8 byte-order mark so Excel reads accents right.
    #[arg(long)]
    pub excel: bool,

    /// Write text cells exactly as they are. By default a cell starting with
    /// = + - @ tab or CR gets a leading ' so spreadsheets do not run it as a formula.
    #[arg(long)]
    pub raw_cells: bool,

    /// Also write tokens.csv (one row per word; large).
    #[arg(long)]
    pub tokens: bool,

    /// A Hugging Face tokenizer.json; adds subword token counts to sentences.csv.
    #[arg(long, value_name = "FILE.json")]
    pub tokenizer: Option<PathBuf>,

    /// Folder with edited lexicon files; each file found there replaces the
    /// built-in one of the same name (see lexicons/ in the repository).
    #[arg(long, value_name = "DIR")]
    pub lexicons: Option<PathBuf>,

    /// Documents larger than this are skipped (status skipped_too_large).
    /// Accepts K, M and G suffixes.
    #[arg(long, default_value = "20M", value_parser = parse_size)]
    pub max_bytes: u64,
}

impl Default for RunArgs {
    fn default() -> Self {
        RunArgs {
            inputs: vec![PathBuf::from("corpus")],
            out: PathBuf::from("output"),
            ext: vec!["txt".into(), "md".into()],
            jobs: None,
            quiet: false,
            excel: false,
            raw_cells: false,
            tokens: false,
            tokenizer: None,
            lexicons: None,
            max_bytes: 20 << 20,
        }
    }
}

impl RunArgs {
    pub fn into_config(self, args: Vec<String>) -> RunConfig {
        let jobs = self.jobs.map(|j| j as usize).unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        });
        RunConfig {
            inputs: self.inputs,
            out_dir: self.out,
            input: InputOptions {
                extensions: self
                    .ext
                    .iter()
                    .map(|e| e.trim().trim_start_matches('.').to_lowercase())
                    .filter(|e| !e.is_empty())
                    .collect(),
            },
            output: OutputOptions {
                excel_bom: self.excel,
                raw_cells: self.raw_cells,
                tokens: self.tokens,
            },
            lexicon_dir: self.lexicons,
            subword_tokenizer: self.tokenizer,
            max_bytes: self.max_bytes,
            jobs,
            quiet: self.quiet,
            args,
        }
    }
}

/// `20M` → 20 MiB; plain numbers are bytes.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (num, mult) = match s.chars().last().map(|c| c.to_ascii_uppercase()) {
        Some('K') => (&s[..s.len() - 1], 1u64 << 10),
        Some('M') => (&s[..s.len() - 1], 1 << 20),
        Some('G') => (&s[..s.len() - 1], 1 << 30),
        _ => (s, 1),
    };
    num.trim()
        .parse::<u64>()
        .map(|n| n.saturating_mul(mult))
        .map_err(|_| format!("{s:?} is not a size; use e.g. 20M, 500K or 1000000"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("20M"), Ok(20 << 20));
        assert_eq!(parse_size("5k"), Ok(5 << 10));
        assert_eq!(parse_size("123"), Ok(123));
        assert!(parse_size("lots").is_err());
    }

    #[test]
    fn no_arguments_means_run_corpus_into_output() {
        let cli = Cli::try_parse_from(["quotestance"]).unwrap();
        assert!(cli.command.is_none());
        let d = RunArgs::default();
        assert_eq!(d.inputs, [PathBuf::from("corpus")]);
        assert_eq!(d.out, PathBuf::from("output"));
        let cli = Cli::try_parse_from(["quotestance", "run"]).unwrap();
        let Some(Command::Run(r)) = cli.command else {
            panic!()
        };
        assert_eq!(r.inputs, d.inputs);
        assert_eq!(r.max_bytes, d.max_bytes);
    }
}
