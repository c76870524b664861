//! Stance lexicons: four file formats read into one list of entries, and
//! the index that finds every entry at a token in one lookup per key.
//!
//! Formats, chosen by the file's ending and first data line:
//! - `.tsv`, ours: `term<TAB>category<TAB>weight[<TAB>note]`;
//! - `.txt` with VADER's rows (`term<TAB>mean<TAB>sd<TAB>[ratings]`): valence;
//! - other `.txt`: a plain word list, one term a line, its category the
//!   file's name (`hedge.txt`; `positive.txt` / `negative.txt` are valence);
//! - `.dic`, LIWC style: a `%` block of `number<TAB>category` lines, then
//!   `term<TAB>number…` lines.
//!
//! A term is one or more words; a trailing `*` makes its last word a prefix.
//! Terms are normalised and stemmed with the tokenizer's own functions, so a
//! lexicon entry and a token meet on the same forms.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::lexicon::{parse_rows, LexiconFile};
use crate::normalize::Normalizer;

/// What an entry is evidence of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Positive or negative sentiment; the weight's sign says which (VADER's −4…4 scale).
    Valence,
    Demand,
    Threat,
    Refusal,
    Condition,
    Offer,
    Proposal,
    Accusation,
    Support,
    Oppose,
    Hedge,
    Certainty,
    /// Flips the sentiment of what follows in its clause.
    Negation,
    /// Scales the next sentiment word up by its weight (0.3 = +30%).
    Intensifier,
    /// Scales the next sentiment word down by its weight.
    Dampener,
    /// "but", "however": what follows outweighs what came before.
    Contrast,
    /// Words that describe the event (war, hostages, killed): no valence of their own.
    Neutral,
}

impl Category {
    /// The nine stance acts, in the order of stance.csv's columns.
    pub const ACTS: [Category; 9] = [
        Category::Demand,
        Category::Threat,
        Category::Refusal,
        Category::Condition,
        Category::Offer,
        Category::Proposal,
        Category::Accusation,
        Category::Support,
        Category::Oppose,
    ];

    pub const ALL: [Category; 17] = [
        Category::Valence,
        Category::Demand,
        Category::Threat,
        Category::Refusal,
        Category::Condition,
        Category::Offer,
        Category::Proposal,
        Category::Accusation,
        Category::Support,
        Category::Oppose,
        Category::Hedge,
        Category::Certainty,
        Category::Negation,
        Category::Intensifier,
        Category::Dampener,
        Category::Contrast,
        Category::Neutral,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Valence => "valence",
            Category::Demand => "demand",
            Category::Threat => "threat",
            Category::Refusal => "refusal",
            Category::Condition => "condition",
            Category::Offer => "offer",
            Category::Proposal => "proposal",
            Category::Accusation => "accusation",
            Category::Support => "support",
            Category::Oppose => "oppose",
            Category::Hedge => "hedge",
            Category::Certainty => "certainty",
            Category::Negation => "negation",
            Category::Intensifier => "intensifier",
            Category::Dampener => "dampener",
            Category::Contrast => "contrast",
            Category::Neutral => "neutral",
        }
    }

    /// A category by name; `topic_neutral` is the list file's name for `neutral`.
    pub fn named(name: &str) -> Option<Self> {
        let name = name.trim().to_lowercase();
        let name = match name.as_str() {
            "topic_neutral" | "topic-neutral" => "neutral",
            "opposition" => "oppose",
            n => n,
        };
        Category::ALL.into_iter().find(|c| c.as_str() == name)
    }

    /// A modifier changes other hits; it scores nothing itself.
    pub fn is_modifier(self) -> bool {
        matches!(
            self,
            Category::Negation
                | Category::Intensifier
                | Category::Dampener
                | Category::Contrast
                | Category::Neutral
        )
    }

    fn names() -> String {
        Category::ALL.map(Category::as_str).join(", ")
    }
}

/// Valence of a word in a `positive`/`negative` list or LIWC class, on VADER's scale.
const LIST_VALENCE: f64 = 2.0;

/// One term of a lexicon.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// As written in the file.
    pub term: String,
    pub category: Category,
    pub weight: f64,
    /// Index into [`StanceLexicon::files`].
    pub file: usize,
    pub line: usize,
    /// Normalised words; with `prefix`, the last one is a prefix.
    words: Vec<String>,
    /// Their stems (the last word's stem is unused with `prefix`).
    stems: Vec<String>,
    prefix: bool,
    /// Whether a token's stem may stand for the word. Not for VADER's list,
    /// which spells out inflections with their own ratings (and whose "like"
    /// would otherwise match "likely").
    by_stem: bool,
}

impl Entry {
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether word `k` of the entry matches a token's normalised form and stem.
    fn word_matches(&self, k: usize, norm: &str, stem: &str) -> bool {
        if self.prefix && k + 1 == self.words.len() {
            return norm.starts_with(self.words[k].as_str());
        }
        norm == self.words[k] || self.by_stem && stem == self.stems[k]
    }
}

/// A stance lexicon file as loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StanceFile {
    pub name: String,
    pub format: &'static str,
}

/// A token as the matcher sees it.
#[derive(Debug, Clone, Copy)]
pub struct Word<'a> {
    pub norm: &'a str,
    pub stem: &'a str,
}

/// All stance lexicons of a run, indexed for matching.
#[derive(Debug, Default)]
pub struct StanceLexicon {
    pub files: Vec<StanceFile>,
    pub entries: Vec<Entry>,
    /// Entries by the normalised form, and by the stem, of their first word.
    by_norm: FxHashMap<String, Vec<u32>>,
    by_stem: FxHashMap<String, Vec<u32>>,
    /// Entries whose first word is a prefix, by that prefix.
    by_prefix: FxHashMap<String, Vec<u32>>,
    longest_prefix: usize,
}

/// Stems like the tokenizer does, so that entries and tokens meet.
pub struct Forms {
    normalizer: Normalizer,
    stemmer: rust_stemmers::Stemmer,
}

impl Default for Forms {
    fn default() -> Self {
        Forms {
            normalizer: Normalizer::new(),
            stemmer: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English),
        }
    }
}

impl Forms {
    /// The normalised words of a term, and their stems.
    fn of(&self, term: &str) -> (Vec<String>, Vec<String>) {
        let mut words = Vec::new();
        for w in term.split_whitespace() {
            let mut out = String::new();
            self.normalizer.normalize_token(w, &mut out);
            words.push(out);
        }
        let stems = words
            .iter()
            .map(|w| self.stemmer.stem(w).into_owned())
            .collect();
        (words, stems)
    }
}

impl StanceLexicon {
    /// Reads and checks every file; the first bad line stops with an error
    /// naming file and line.
    pub fn load<'a>(files: impl IntoIterator<Item = &'a LexiconFile>) -> Result<Self, Error> {
        let forms = Forms::default();
        let mut lx = StanceLexicon::default();
        let mut seen: FxHashMap<(String, Category), (f64, String)> = FxHashMap::default();
        for f in files {
            let file = lx.files.len();
            let (format, rows) = read_file(f)?;
            lx.files.push(StanceFile {
                name: f.name.clone(),
                format,
            });
            for r in rows {
                let at = format!("{}:{}", f.location(), r.line);
                if !r.weight.is_finite() {
                    return Err(Error::Lexicon(format!("{at}: the weight is not a number")));
                }
                // Terms match lower-cased tokens, so "X" repeats "x"; only
                // VADER rates emoticons by case (":-p", ":-P").
                let term = if format == "vader" {
                    r.term.clone()
                } else {
                    r.term.to_lowercase()
                };
                let key = (term, r.category);
                if let Some((w, first)) = seen.get(&key) {
                    if *w != r.weight {
                        return Err(Error::Lexicon(format!(
                            "{at}: {:?} ({}) has weight {} here and {w} at {first}; keep one",
                            r.term,
                            r.category.as_str(),
                            r.weight
                        )));
                    }
                    continue; // the same entry twice says nothing new
                }
                seen.insert(key, (r.weight, at.clone()));
                let prefix = r.term.ends_with('*');
                let (words, stems) = forms.of(r.term.trim_end_matches('*'));
                if words.is_empty() || words.iter().any(String::is_empty) {
                    return Err(Error::Lexicon(format!("{at}: empty term")));
                }
                lx.add(Entry {
                    term: r.term,
                    category: r.category,
                    weight: r.weight,
                    file,
                    line: r.line,
                    words,
                    stems,
                    prefix,
                    by_stem: format != "vader",
                });
            }
        }
        Ok(lx)
    }

    fn add(&mut self, e: Entry) {
        let id = self.entries.len() as u32;
        if e.prefix && e.words.len() == 1 {
            self.longest_prefix = self.longest_prefix.max(e.words[0].len());
            self.by_prefix.entry(e.words[0].clone()).or_default().push(id);
        } else {
            self.by_norm.entry(e.words[0].clone()).or_default().push(id);
            if e.by_stem && e.stems[0] != e.words[0] {
                self.by_stem.entry(e.stems[0].clone()).or_default().push(id);
            }
        }
        self.entries.push(e);
    }

    /// Every entry that matches at `words[i]`, as (entry, number of words);
    /// an entry found by its form and by its stem is given once.
    pub fn matches_at(&self, words: &[Word], i: usize, out: &mut Vec<(u32, usize)>) {
        out.clear();
        let w = words[i];
        let consider = |ids: Option<&Vec<u32>>, out: &mut Vec<(u32, usize)>| {
            for &id in ids.into_iter().flatten() {
                let e = &self.entries[id as usize];
                let n = e.words.len();
                if i + n <= words.len()
                    && (0..n).all(|k| e.word_matches(k, words[i + k].norm, words[i + k].stem))
                    && !out.iter().any(|&(x, _)| x == id)
                {
                    out.push((id, n));
                }
            }
        };
        consider(self.by_norm.get(w.norm), out);
        consider(self.by_norm.get(w.stem), out);
        consider(self.by_stem.get(w.stem), out);
        if !self.by_prefix.is_empty() {
            for (k, _) in w.norm.char_indices().skip(1) {
                if k > self.longest_prefix {
                    break;
                }
                consider(self.by_prefix.get(&w.norm[..k]), out);
            }
            consider(self.by_prefix.get(w.norm), out);
        }
    }

    /// Number of entries per category, for `lexicon check`.
    pub fn counts(&self) -> Vec<(Category, usize)> {
        Category::ALL
            .into_iter()
            .map(|c| (c, self.entries.iter().filter(|e| e.category == c).count()))
            .filter(|&(_, n)| n > 0)
            .collect()
    }
}

/// One row of any format, before indexing.
struct RawEntry {
    term: String,
    category: Category,
    weight: f64,
    line: usize,
}

fn read_file(f: &LexiconFile) -> Result<(&'static str, Vec<RawEntry>), Error> {
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
    for row in parse_rows(&f.location(), &f.text, 3, 4)? {
        out.push(RawEntry {
            term: row.col(0).to_string(),
            category: category(&f.location(), row.line, row.col(1))?,
            weight: weight(&f.location(), row.line, row.col(2))?,
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
            weight: weight(&f.location(), i + 1, cols[1])?,
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
                return Err(Error::Lexicon(format!("{}:{n}: a third `%` line", f.location())));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> LexiconFile {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(name.rsplit('/').next().unwrap());
        std::fs::write(&p, text).unwrap();
        LexiconFile::read(name.to_string(), &p, true).unwrap()
    }

    fn load(files: &[LexiconFile]) -> Result<StanceLexicon, String> {
        StanceLexicon::load(files).map_err(|e| e.to_string())
    }

    fn hits(lx: &StanceLexicon, words: &[(&str, &str)]) -> Vec<String> {
        let words: Vec<Word> = words
            .iter()
            .map(|&(norm, stem)| Word { norm, stem })
            .collect();
        let mut out = Vec::new();
        let mut all = Vec::new();
        for i in 0..words.len() {
            lx.matches_at(&words, i, &mut out);
            for &(id, _) in &out {
                all.push(lx.entries[id as usize].term.clone());
            }
        }
        all.sort();
        all
    }

    #[test]
    fn every_format_loads_into_categories() {
        let lx = load(&[
            file("stance/acts.tsv", "# ours\ncall on\tdemand\t1.0\tdirective\nthreat*\tthreat\t1\n"),
            file("stance/vader.txt", "good\t1.9\t0.9\t[2, 2]\nbad\t-2.5\t0.5\t[-2, -3]\n"),
            file("stance/hedge.txt", "; comment\nmaybe\nperhaps\n"),
            file(
                "stance/mine.dic",
                "%\n1\tsupport\n2\tposemo\n%\nbacks\t1\nlovely\t2\n",
            ),
        ])
        .unwrap();
        let formats: Vec<&str> = lx.files.iter().map(|f| f.format).collect();
        assert_eq!(formats, ["tsv", "vader", "list", "liwc"]);
        assert_eq!(lx.entries.len(), 8);
        let bad = lx.entries.iter().find(|e| e.term == "bad").unwrap();
        assert_eq!((bad.category, bad.weight), (Category::Valence, -2.5));
        let lovely = lx.entries.iter().find(|e| e.term == "lovely").unwrap();
        assert_eq!(lovely.weight, LIST_VALENCE);
    }

    #[test]
    fn phrases_stems_and_wildcards_match() {
        let lx = load(&[file(
            "stance/acts.tsv",
            "call on\tdemand\t1\nthreat*\tthreat\t1\nreject\trefusal\t1\n",
        )])
        .unwrap();
        assert_eq!(
            hits(
                &lx,
                &[("they", "they"), ("called", "call"), ("on", "on"), ("us", "us")]
            ),
            ["call on"]
        );
        assert_eq!(hits(&lx, &[("threatening", "threaten")]), ["threat*"]);
        assert_eq!(hits(&lx, &[("rejected", "reject")]), ["reject"]);
        assert!(hits(&lx, &[("call", "call")]).is_empty());
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let e = load(&[file("stance/a.tsv", "ok\tdemand\t1\nx\tdemands\t1\n")]).unwrap_err();
        assert!(e.contains("a.tsv:2") && e.contains("unknown category"), "{e}");
        let e = load(&[file("stance/a.tsv", "x\tdemand\tstrong\n")]).unwrap_err();
        assert!(e.contains("a.tsv:1") && e.contains("not a number"), "{e}");
        let e = load(&[file("stance/a.tsv", "x\tdemand\t1\nX\tdemand\t2\n")]).unwrap_err();
        assert!(e.contains("a.tsv:2") && e.contains("a.tsv:1"), "{e}");
        let e = load(&[file("stance/a.tsv", "x demand 1\n")]).unwrap_err();
        assert!(e.contains("a.tsv:1") && e.contains("tabs"), "{e}");
        let e = load(&[file("stance/feelings.txt", "happy\n")]).unwrap_err();
        assert!(e.contains("feelings"), "{e}");
        let e = load(&[file("stance/m.dic", "%\n1\tsupport\n%\nbacks\t7\n")]).unwrap_err();
        assert!(e.contains("m.dic:4") && e.contains("7"), "{e}");
        let e = load(&[file("stance/v.txt", "good\t1.9\t0.9\t[2]\nbad\t-x\t0.5\t[1]\n")])
            .unwrap_err();
        assert!(e.contains("v.txt:2"), "{e}");
        // The same term twice with the same weight is harmless.
        assert!(load(&[file("stance/a.tsv", "x\tdemand\t1\nx\tdemand\t1\n")]).is_ok());
    }

    #[test]
    fn the_builtin_set_loads() {
        let lex = crate::lexicon::Lexicons::builtin();
        let lx = StanceLexicon::load(lex.stance_files()).unwrap();
        assert!(lx.entries.len() > 7000, "{}", lx.entries.len());
        assert!(lx.files.iter().any(|f| f.format == "vader"));
    }
}
