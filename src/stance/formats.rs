//! The formats of stance lexicon files, each read into plain rows.
//!
//! Chosen by the file's ending and first data line:
//! - `.tsv`, ours: `term<TAB>category<TAB>weight[<TAB>note]`;
//! - `.txt` with VADER's rows (`term<TAB>mean<TAB>sd<TAB>[ratings]`): valence;
//! - other `.txt`: a plain word list, one term a line, its category the
//!   file's name (`hedge.txt`; `positive.txt` / `negative.txt` are valence);
//! - `.dic`, LIWC style: a `%` block of `number<TAB>category` lines, then
//!   `term<TAB>number…` lines.
//!

use rustc_hash::FxHashMap;

use crate::error::Error;
use crate::lexicon::{parse_rows, LexiconFile};

use super::lexicon::Category;

/// Valence of a word in a `positive`/`negative` list or LIWC class, on VADER's scale.
pub const LIST_VALENCE: f64 = 2.0;

/// One row of any format, before indexing.
pub(super) struct RawEntry {
    pub term: String,
    pub category: Category,
    pub weight: f64,
    pub line: usize,
}

pub(super) fn read_file(f: &LexiconFile) -> Result<(&'static str, Vec<RawEntry>), Error> {
    let lower = f.name.to_lowercase();
    if lower.ends_with(".dic") {
        return Ok(("liwc", read_dic(f)?));
    }
    if lower.ends_with(".tsv") {
        return Ok(("tsv", read_tsv(f)?));
    }
    if looks_like_vader(&f.text) {
        return Ok(("vader", read_vader(f)?));
    }
    Ok(("list", read_list(f)?))
}

fn category(origin: &str, line: usize, name: &str) -> Result<Category, Error> {
    Category::named(name).ok_or_else(|| {
        Error::Lexicon(format!(
            "{origin}:{line}: unknown category {name:?}; the categories are {}",
            Category::names()
        ))
    })
}

fn weight(origin: &str, line: usize, s: &str) -> Result<f64, Error> {
    s.trim()
        .parse::<f64>()
        .ok()
        .filter(|w| w.is_finite())
        .ok_or_else(|| Error::Lexicon(format!("{origin}:{line}: weight {s:?} is not a number")))
}

fn read_tsv(f: &LexiconFile) -> Result<Vec<RawEntry>, Error> {
    let mut out = Vec::new();
    // Spelled out once: a file has thousands of rows.
    let origin = f.location();
    for row in parse_rows(&origin, &f.text, 3, 4)? {
        out.push(RawEntry {
            term: row.col(0).to_string(),
            category: category(&origin, row.line, row.col(1))?,
            weight: weight(&origin, row.line, row.col(2))?,
            line: row.line,
        });
    }
    Ok(out)
}

/// VADER's rows: four TAB-separated fields, the middle two numbers, the last a list.
fn looks_like_vader(text: &str) -> bool {
    let Some(line) = text
        .lines()
        .find(|l| !l.trim().is_empty() && !l.starts_with('#'))
    else {
        return false;
    };
    let cols: Vec<&str> = line.split('\t').collect();
    cols.len() == 4
        && cols[1].trim().parse::<f64>().is_ok()
        && cols[2].trim().parse::<f64>().is_ok()
        && cols[3].trim_start().starts_with('[')
}

fn read_vader(f: &LexiconFile) -> Result<Vec<RawEntry>, Error> {
    let mut out: Vec<RawEntry> = Vec::new();
    let mut seen: FxHashMap<String, usize> = FxHashMap::default();
    // Spelled out once: VADER's list has 7,500 rows.
    let origin = f.location();
    for (i, line) in f.text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 4 {
            return Err(Error::Lexicon(format!(
                "{}:{}: a VADER row has 4 TAB-separated fields (term, mean, sd, [ratings]), this has {}",
                f.location(),
                i + 1,
                cols.len()
            )));
        }
        let e = RawEntry {
            term: cols[0].to_string(),
            category: Category::Valence,
            weight: weight(&origin, i + 1, cols[1])?,
            line: i + 1,
        };
        // VADER's own file repeats 14 terms (":-p", "lol"); its reader keeps
        // the last rating, and so does this one, for that format only.
        match seen.get(&e.term) {
            Some(&k) => out[k] = e,
            None => {
                seen.insert(e.term.clone(), out.len());
                out.push(e);
            }
        }
    }
    Ok(out)
}

/// A plain list: its category is the file's name (`hedge.txt`).
fn read_list(f: &LexiconFile) -> Result<Vec<RawEntry>, Error> {
    let stem = f
        .name
        .rsplit('/')
        .next()
        .unwrap_or(&f.name)
        .rsplit_once('.')
        .map_or(f.name.as_str(), |(s, _)| s)
        .to_lowercase();
    let (cat, w) = match stem.as_str() {
        "positive" => (Category::Valence, LIST_VALENCE),
        "negative" => (Category::Valence, -LIST_VALENCE),
        s => match Category::named(s) {
            Some(c) => (c, 1.0),
            None => {
                return Err(Error::Lexicon(format!(
                    "{}: a word list takes its category from its file name, and {stem:?} is none; name it after one of: positive, negative, {}",
                    f.location(),
                    Category::names()
                )))
            }
        },
    };
    let mut out = Vec::new();
    for (i, line) in f.text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') || t.starts_with(';') {
            continue;
        }
        if t.contains('\t') {
            return Err(Error::Lexicon(format!(
                "{}:{}: a word list has one term a line and no TABs; for weights use a .tsv file",
                f.location(),
                i + 1
            )));
        }
        out.push(RawEntry {
            term: t.to_string(),
            category: cat,
            weight: w,
            line: i + 1,
        });
    }
    Ok(out)
}

/// LIWC style: `%`, `id<TAB>category` lines, `%`, then `term<TAB>id…` lines.
fn read_dic(f: &LexiconFile) -> Result<Vec<RawEntry>, Error> {
    let mut classes: FxHashMap<String, (Category, f64)> = FxHashMap::default();
    let mut in_header = false;
    let mut header_done = false;
    let mut out = Vec::new();
    for (i, line) in f.text.lines().enumerate() {
        let n = i + 1;
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if t == "%" {
            if header_done {
                return Err(Error::Lexicon(format!(
                    "{}:{n}: a third `%` line",
                    f.location()
                )));
            }
            header_done = in_header;
            in_header = !in_header;
            continue;
        }
        let cols: Vec<&str> = t.split(['\t', ' ']).filter(|c| !c.is_empty()).collect();
        if in_header {
            if cols.len() != 2 {
                return Err(Error::Lexicon(format!(
                    "{}:{n}: a category line is `number<TAB>category`",
                    f.location()
                )));
            }
            let c = match cols[1].to_lowercase().as_str() {
                "positive" | "posemo" => (Category::Valence, LIST_VALENCE),
                "negative" | "negemo" => (Category::Valence, -LIST_VALENCE),
                name => (category(&f.location(), n, name)?, 1.0),
            };
            classes.insert(cols[0].to_string(), c);
            continue;
        }
        if !header_done {
            return Err(Error::Lexicon(format!(
                "{}:{n}: a .dic file starts with a `%` block of categories",
                f.location()
            )));
        }
        if cols.len() < 2 {
            return Err(Error::Lexicon(format!(
                "{}:{n}: a term line is `term<TAB>category number…`",
                f.location()
            )));
        }
        for id in &cols[1..] {
            let Some(&(category, weight)) = classes.get(*id) else {
                return Err(Error::Lexicon(format!(
                    "{}:{n}: category number {id} is not in the `%` block",
                    f.location()
                )));
            };
            out.push(RawEntry {
                term: cols[0].to_string(),
                category,
                weight,
                line: n,
            });
        }
    }
    Ok(out)
}
