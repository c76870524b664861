//! The command line. Parsing only: `main.rs` turns it into a [`RunConfig`].

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::commands::ScoreConfig;
use crate::input::InputOptions;
use crate::output::OutputOptions;
use crate::pipeline::RunConfig;

/// Who said what, with what stance: turns a folder of news articles into
/// linked CSV tables of documents, paragraphs (boilerplate flagged),
/// sentences, tokens, the statements reported in them with their cue and
/// resolved speaker, and each statement's stance with the lexicon words
/// behind every score.
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
    /// Score JSON Lines items ({"id", "text"}, optionally "target" with
    /// "target_start"/"target_end" code-point offsets) for stance, one CSV row each.
    ///
    /// Columns: id, valence (-1..1), label (positive|neutral|negative), the
    /// nine stance acts, hedge, certainty, n_hits, and with a target
    /// target_polarity and target_label; a bad line gets its error in the
    /// `error` column. Exit status 1 if any line had an error.
    Score(ScoreArgs),
    /// Work with the lexicons.
    Lexicon {
        #[command(subcommand)]
        command: LexiconCommand,
    },
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
    /// built-in one of the same name (see lexicons/ in the repository), and a
    /// `stance/` folder in it replaces the whole set of stance lexicons.
    #[arg(long, value_name = "DIR")]
    pub lexicons: Option<PathBuf>,

    /// A stance lexicon to add to the set (.tsv, VADER-style or word-list
    /// .txt, LIWC-style .dic); repeat for more.
    #[arg(long = "lexicon", value_name = "PATH")]
    pub extra_lexicons: Vec<PathBuf>,

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
            extra_lexicons: Vec::new(),
            max_bytes: 20 << 20,
        }
    }
}

impl RunArgs {
    pub fn into_config(self, args: Vec<String>) -> RunConfig {
        let jobs = self.jobs.map_or_else(all_cores, |j| j as usize);
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
            extra_lexicons: self.extra_lexicons,
            subword_tokenizer: self.tokenizer,
            max_bytes: self.max_bytes,
            jobs,
            quiet: self.quiet,
            args,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum LexiconCommand {
    /// Load and validate every lexicon a run would use, plus PATHs (stance
    /// lexicons to add), and print what each stance file holds. Exit status 2
    /// and a message naming file and line on the first bad row.
    Check {
        /// Stance lexicons to check along with the set.
        paths: Vec<PathBuf>,
        /// A folder of edited lexicons, as `run --lexicons`.
        #[arg(long, value_name = "DIR")]
        lexicons: Option<PathBuf>,
    },
}

#[derive(Debug, Args, Clone)]
pub struct ScoreArgs {
    /// The items: a JSON Lines file, or `-` for standard input.
    #[arg(long, short, value_name = "ITEMS.jsonl")]
    pub input: PathBuf,

    /// The CSV to write (default: standard output).
    #[arg(long, short, value_name = "FILE.csv")]
    pub out: Option<PathBuf>,

    /// Worker threads, at least 1 (default: all cores).
    #[arg(long, short, value_parser = clap::value_parser!(u32).range(1..))]
    pub jobs: Option<u32>,

    /// A folder of edited lexicons, as `run --lexicons`.
    #[arg(long, value_name = "DIR")]
    pub lexicons: Option<PathBuf>,

    /// A stance lexicon to add to the set; repeat for more.
    #[arg(long = "lexicon", value_name = "PATH")]
    pub extra_lexicons: Vec<PathBuf>,

    /// Also write every lexicon hit of every item here (id, category, term,
    /// file, offsets, weight, modifiers, contribution).
    #[arg(long, value_name = "FILE.csv")]
    pub hits: Option<PathBuf>,
}

impl ScoreArgs {
    pub fn into_config(self) -> ScoreConfig {
        ScoreConfig {
            input: self.input,
            out: self.out,
            lexicon_dir: self.lexicons,
            extra_lexicons: self.extra_lexicons,
            hits: self.hits,
            jobs: self.jobs.map_or_else(all_cores, |j| j as usize),
        }
    }
}

fn all_cores() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
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
