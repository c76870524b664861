//! The commands besides `run`: `score` and `lexicon check`.
//!
//! Scoring text that is not in an article: `quotestance score` reads JSON
//! Lines items (`{"id", "text"}`, optionally a target given by code-point
//! offsets) and writes one CSV row per item with the same stance scores the
//! pipeline gives a statement. This is how evaluation sets are scored, and
//! how a user scores sentences of their own. A bad line gets a row with its
//! error; the other items go on.

use std::io::{BufRead, Write};
use std::path::PathBuf;

use rayon::prelude::*;

use crate::error::Error;
use crate::lexicon::Lexicons;
use crate::output::inert;
use crate::pipeline::Pipeline;
use crate::span::Span;
use crate::stance::{Category, Label, Stance};

/// What `quotestance score` is asked to do.
#[derive(Debug, Clone)]
pub struct ScoreConfig {
    /// A JSON Lines file, or `-` for standard input.
    pub input: PathBuf,
    /// The CSV to write; standard output when `None`.
    pub out: Option<PathBuf>,
    pub lexicon_dir: Option<PathBuf>,
    pub extra_lexicons: Vec<PathBuf>,
    /// Where to write every item's hits, if anywhere.
    pub hits: Option<PathBuf>,
    pub jobs: usize,
}

/// Valence at or beyond this is positive (or negative), as VADER's compound.
const LABEL_THRESHOLD: f64 = 0.05;

/// How many items, and how many of them had errors.
#[derive(Debug, Clone, Copy, Default)]
pub struct ScoreSummary {
    pub items: u64,
    pub errors: u64,
}

/// One item's row: its id and either its stance or why it has none.
struct Scored {
    id: String,
    result: Result<(Stance, bool), String>,
}

pub fn score_items(cfg: &ScoreConfig) -> Result<ScoreSummary, Error> {
    let lex = Lexicons::load_with(cfg.lexicon_dir.as_deref(), &cfg.extra_lexicons)?;
    let pipeline = Pipeline::new(&lex, None, u64::MAX)?;
    let lines = read_lines(cfg)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(cfg.jobs.max(1))
        .build()
        .map_err(|e| Error::Usage(format!("cannot start {} worker threads: {e}", cfg.jobs)))?;
    let rows: Vec<Scored> = pool.install(|| {
        lines
            .par_iter()
            .enumerate()
            .map(|(n, line)| score_line(&pipeline, n + 1, line))
            .collect()
    });
    if let Some(p) = &cfg.hits {
        let io = |e| Error::output(format!("cannot write {}", p.display()), e);
        let f = std::fs::File::create(p).map_err(io)?;
        write_hits(std::io::BufWriter::new(f), &rows).map_err(io)?;
    }
    let mut w: Box<dyn Write> = match &cfg.out {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p)
                .map_err(|e| Error::output(format!("cannot write {}", p.display()), e))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let summary = write_rows(&mut w, &rows).map_err(|e| Error::output("score output", e))?;
    w.flush().map_err(|e| Error::output("score output", e))?;
    Ok(summary)
}

fn read_lines(cfg: &ScoreConfig) -> Result<Vec<String>, Error> {
    let reader: Box<dyn BufRead> = if cfg.input.as_os_str() == "-" {
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        let f = std::fs::File::open(&cfg.input).map_err(|e| {
            Error::Usage(format!(
                "--input {}: {e}; give a JSON Lines file of {{\"id\", \"text\"}} items, or - for standard input",
                cfg.input.display()
            ))
        })?;
        Box::new(std::io::BufReader::new(f))
    };
    let mut lines = Vec::new();
    for line in reader.split(b'\n') {
        let line = line.map_err(|e| Error::Usage(format!("--input: {e}")))?;
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_start_matches('\u{feff}').trim_end_matches('\r');
        lines.push(text.to_string());
    }
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    Ok(lines)
}

fn score_line(pipeline: &Pipeline, n: usize, line: &str) -> Scored {
    let fallback = format!("line {n}");
    if line.trim().is_empty() {
        return Scored {
            id: fallback,
            result: Err("empty line".into()),
        };
    }
    let v: serde_json::Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => {
            return Scored {
                id: fallback,
                result: Err(format!("not JSON: {e}")),
            }
        }
    };
    let id = match &v["id"] {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(x) => x.to_string(),
        _ => fallback,
    };
    let Some(text) = v["text"].as_str() else {
        return Scored {
            id,
            result: Err("no \"text\" string".into()),
        };
    };
    let target = match target_span(&v, text) {
        Ok(t) => t,
        Err(e) => return Scored { id, result: Err(e) },
    };
    let doc = pipeline.doc(text.to_string());
    let stance = pipeline
        .stancer()
        .score_span(&doc, Span::new(0, doc.text.len()), target);
    Scored {
        id,
        result: Ok((stance, target.is_some())),
    }
}

/// The target's byte span from its code-point offsets, if the item has one.
fn target_span(v: &serde_json::Value, text: &str) -> Result<Option<Span>, String> {
    let (s, e) = match (v["target_start"].as_u64(), v["target_end"].as_u64()) {
        (Some(s), Some(e)) => (s as usize, e as usize),
        (None, None) => {
            // A target given by its words only: its first occurrence.
            return Ok(v["target"]
                .as_str()
                .filter(|t| !t.is_empty())
                .and_then(|t| text.find(t).map(|b| Span::new(b, b + t.len()))));
        }
        _ => return Err("target_start and target_end go together".into()),
    };
    let byte = |c: usize| {
        text.char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .nth(c)
    };
    match (byte(s), byte(e)) {
        (Some(a), Some(b)) if a < b => Ok(Some(Span::new(a, b))),
        _ => Err(format!(
            "target offsets {s}..{e} are not inside the text of {} code points",
            text.chars().count()
        )),
    }
}

fn label(valence: f64) -> &'static str {
    if valence >= LABEL_THRESHOLD {
        "positive"
    } else if valence <= -LABEL_THRESHOLD {
        "negative"
    } else {
        "neutral"
    }
}

fn target_label(l: Label) -> &'static str {
    match l {
        Label::Favor => "positive",
        Label::Against => "negative",
        Label::Neutral => "neutral",
    }
}

/// One row per hit: which item, what matched where, and what it added.
fn write_hits(w: impl Write, rows: &[Scored]) -> std::io::Result<()> {
    let mut csv = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(w);
    csv.write_record([
        "id",
        "category",
        "term",
        "file",
        "start_char",
        "end_char",
        "weight",
        "modifiers",
        "contribution",
    ])?;
    for r in rows {
        let Ok((st, _)) = &r.result else { continue };
        for h in &st.scores.hits {
            csv.write_record([
                inert(&r.id).as_ref(),
                h.category.as_str(),
                inert(&h.term).as_ref(),
                &h.file,
                &h.at.start_char.to_string(),
                &h.at.end_char.to_string(),
                &h.weight.to_string(),
                h.modifiers.names(),
                &format!("{:.6}", h.contribution),
            ])?;
        }
    }
    csv.flush()
}

fn write_rows(w: &mut dyn Write, rows: &[Scored]) -> std::io::Result<ScoreSummary> {
    let mut csv = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(w);
    let mut header = vec!["id", "valence", "label"];
    header.extend(Category::ACTS.map(Category::as_str));
    header.extend([
        "hedge",
        "certainty",
        "n_hits",
        "target_polarity",
        "target_label",
        "target_evidence",
        "error",
    ]);
    csv.write_record(&header)?;
    let mut s = ScoreSummary::default();
    for r in rows {
        s.items += 1;
        let mut rec: Vec<String> = vec![r.id.clone()];
        match &r.result {
            Ok((st, has_target)) => {
                let sc = &st.scores;
                rec.push(format!("{:.4}", sc.valence));
                rec.push(label(sc.valence).into());
                rec.extend(sc.acts.iter().map(|a| format!("{a:.4}")));
                rec.push(format!("{:.4}", sc.hedge));
                rec.push(format!("{:.4}", sc.certainty));
                rec.push(sc.hits.len().to_string());
                match st.targets.first().filter(|_| *has_target) {
                    Some(t) => {
                        rec.push(format!("{:.4}", t.polarity));
                        rec.push(target_label(t.label).into());
                        rec.push(t.evidence.join("; "));
                    }
                    None => rec.extend([String::new(), String::new(), String::new()]),
                }
                rec.push(String::new());
            }
            Err(e) => {
                s.errors += 1;
                rec.resize(header.len() - 1, String::new());
                rec.push(inert(e).into_owned());
            }
        }
        csv.write_record(&rec)?;
    }
    csv.flush()?;
    Ok(s)
}

/// `quotestance lexicon check`: loads and validates every lexicon a run
/// would use (plus `extra` stance lexicons) and describes each stance file.
pub fn check_lexicons(dir: Option<&std::path::Path>, extra: &[PathBuf]) -> Result<String, Error> {
    let lex = Lexicons::load_with(dir, extra)?;
    // Building the stages validates every file, not only the stance set.
    let pipeline = Pipeline::new(&lex, None, u64::MAX)?;
    let lx = pipeline.stancer().lexicon();
    let mut out = String::new();
    for (k, f) in lx.files.iter().enumerate() {
        let origin = lex
            .files()
            .find(|l| *l.name == *f.name)
            .map(|l| l.location())
            .unwrap_or_else(|| f.name.to_string());
        let counts: Vec<String> = Category::ALL
            .iter()
            .filter_map(|&c| {
                let n = lx
                    .entries
                    .iter()
                    .filter(|e| e.file == k && e.category == c)
                    .count();
                (n > 0).then(|| format!("{} {n}", c.as_str()))
            })
            .collect();
        out.push_str(&format!("{origin} ({}): {}\n", f.format, counts.join(", ")));
    }
    let total: Vec<String> = lx
        .counts()
        .iter()
        .map(|(c, n)| format!("{} {n}", c.as_str()))
        .collect();
    out.push_str(&format!(
        "ok: {} lexicon files valid; stance entries by category: {}\n",
        lex.files().count(),
        total.join(", ")
    ));
    Ok(out)
}
