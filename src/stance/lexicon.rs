//! Stance lexicons: four file formats read into one list of entries, and
//! the index that finds every entry at a token in one lookup per key.
//!
//! The file formats are read in [`super::formats`].
//!
//! A term is one or more words; a trailing `*` makes its last word a prefix.
//! Terms are normalised and stemmed with the tokenizer's own functions, so a
//! lexicon entry and a token meet on the same forms.

use std::rc::Rc;
use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::lexicon::LexiconFile;
use crate::normalize::Normalizer;

use super::formats::{read_file, RawEntry};

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
    /// How a word judges the person or party it is said of, apart from the
    /// speaker's feeling: "was arrested" reports an event in a neutral voice
    /// and still puts the one arrested in a bad light. Counts only toward
    /// targets, never in the statement's valence.
    Person,
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

    pub const ALL: [Category; 18] = [
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
        Category::Person,
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
            Category::Person => "person",
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

    pub(super) fn names() -> String {
        Category::ALL.map(Category::as_str).join(", ")
    }
}

/// One term of a lexicon.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// As written in the file.
    pub term: Arc<str>,
    pub category: Category,
    pub weight: f64,
    /// Index into [`StanceLexicon::files`].
    pub file: usize,
    pub line: usize,
    /// Normalised words; with `prefix`, the last one is a prefix.
    words: Vec<String>,
    /// Their stems (the last word's stem is unused with `prefix`); empty
    /// without `by_stem`, which never reads them.
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
    pub name: Arc<str>,
    pub format: &'static str,
}

/// A token as the matcher sees it.
#[derive(Debug, Clone, Copy)]
pub struct Word<'a> {
    pub norm: &'a str,
    pub stem: &'a str,
    /// The document's vocabulary id of `norm` (what [`MatchCache`] is keyed
    /// by); `u32::MAX` for a word not worth remembering.
    pub id: u32,
}

/// What each word of one document opens, found once per word (indexed by
/// the document's vocabulary ids).
#[derive(Debug, Default)]
pub struct MatchCache {
    /// Shared with the per-thread memory: a word's list is not copied per document.
    words: Vec<Option<Rc<[u32]>>>,
    /// For a word without an id.
    spare: Rc<[u32]>,
    /// Whether a word starts a target alias: 0 not known yet, 1 no, 2 yes.
    pub(super) alias_start: Vec<u8>,
}

impl MatchCache {
    /// A cache for a vocabulary of `words` distinct forms.
    pub fn new(words: usize) -> Self {
        MatchCache {
            words: vec![None; words],
            spare: Rc::default(),
            alias_start: vec![0; words],
        }
    }
}

/// A lexicon's id and its entries by the form of their first word.
type FirstWords = (u64, FxHashMap<Box<str>, Rc<[u32]>>);

thread_local! {
    static FIRST_WORDS: std::cell::RefCell<FirstWords> =
        std::cell::RefCell::new((u64::MAX, FxHashMap::default()));
}
const FIRST_WORDS_MAX: usize = 500_000;

/// Ids of loaded lexicons, so that a per-thread memory knows whose it is.
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// How many leading characters file a prefix entry.
const PREFIX_HEAD: usize = 3;

/// The first [`PREFIX_HEAD`] characters of `s` (all of a shorter `s`).
fn prefix_head(s: &str) -> &str {
    match s.char_indices().nth(PREFIX_HEAD) {
        Some((k, _)) => &s[..k],
        None => s,
    }
}

/// All stance lexicons of a run, indexed for matching.
#[derive(Debug, Default)]
pub struct StanceLexicon {
    pub files: Vec<StanceFile>,
    pub entries: Vec<Entry>,
    /// Entries by the normalised form, and by the stem, of their first word.
    by_norm: FxHashMap<String, Vec<u32>>,
    by_stem: FxHashMap<String, Vec<u32>>,
    /// Entries whose first word is a prefix, by the prefix's first
    /// [`PREFIX_HEAD`] characters.
    by_prefix: FxHashMap<String, Vec<u32>>,
    /// Terms a later file gave a new weight.
    pub overrides: usize,
    /// Words in the longest entry: how far back a match can start.
    pub longest: usize,
    /// This lexicon's id among those loaded in the process.
    id: u64,
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
    /// The normalised words of a term, and with `stem` their stems:
    /// stemming is most of the cost of loading, and VADER's list, most of
    /// the entries, never matches by stem.
    fn of(&self, term: &str, stem: bool) -> (Vec<String>, Vec<String>) {
        let mut words = Vec::new();
        for w in term.split_whitespace() {
            let mut out = String::new();
            self.normalizer.normalize_token(w, &mut out);
            words.push(out);
        }
        let stems = if stem {
            words
                .iter()
                .map(|w| self.stemmer.stem(w).into_owned())
                .collect()
        } else {
            Vec::new()
        };
        (words, stems)
    }
}

impl StanceLexicon {
    /// Reads and checks every file; the first bad line stops with an error
    /// naming file and line.
    ///
    /// Files are read general first: VADER-style lists, then word lists and
    /// `.dic` files, then our `.tsv` files, then the files `--lexicon` adds,
    /// each group in name order. A term a later file gives again (same
    /// category) takes the later weight, so a small file can adjust a big
    /// list without copying it; the same term twice in one file with two
    /// weights is an error.
    pub fn load<'a>(files: impl IntoIterator<Item = &'a LexiconFile>) -> Result<Self, Error> {
        let forms = Forms::default();
        let mut read: Vec<(&LexiconFile, &'static str, Vec<RawEntry>)> = Vec::new();
        for f in files {
            let (format, rows) = read_file(f)?;
            read.push((f, format, rows));
        }
        let rank = |f: &LexiconFile, format: &str| {
            let added = f.name.starts_with("added/");
            let kind = match format {
                "vader" => 0,
                "list" | "liwc" => 1,
                _ => 2,
            };
            (added, kind)
        };
        read.sort_by_key(|(f, format, _)| rank(f, format));
        let mut lx = StanceLexicon {
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            ..StanceLexicon::default()
        };
        // (term, category) → (entry, file and line where it was set); the
        // place is spelled out only for an error.
        let mut seen: FxHashMap<(String, Category), (usize, &LexiconFile, usize)> =
            FxHashMap::default();
        for (f, format, rows) in read {
            let file = lx.files.len();
            lx.files.push(StanceFile {
                name: f.name.as_str().into(),
                format,
            });
            for r in rows {
                let at = || format!("{}:{}", f.location(), r.line);
                // Terms match lower-cased tokens, so "X" repeats "x"; only
                // VADER rates emoticons by case (":-p", ":-P").
                let term = if format == "vader" {
                    r.term.clone()
                } else {
                    r.term.to_lowercase()
                };
                let key = (term, r.category);
                if let Some(&(id, first_file, first_line)) = seen.get(&key) {
                    let e = &mut lx.entries[id];
                    if e.file == file && e.weight != r.weight {
                        return Err(Error::Lexicon(format!(
                            "{}: {:?} ({}) has weight {} here and {} at {}:{first_line}; keep one",
                            at(),
                            r.term,
                            r.category.as_str(),
                            r.weight,
                            e.weight,
                            first_file.location(),
                        )));
                    }
                    e.weight = r.weight;
                    e.file = file;
                    e.line = r.line;
                    lx.overrides += 1;
                    continue;
                }
                // In VADER's list a `*` is part of an emoticon (":*", "(*"),
                // not a wildcard: read as one, ":*" rated every colon +2.5.
                let prefix = r.term.ends_with('*') && format != "vader";
                let by_stem = format != "vader";
                let (words, stems) = if prefix {
                    forms.of(r.term.trim_end_matches('*'), by_stem)
                } else {
                    forms.of(&r.term, by_stem)
                };
                if words.is_empty() || words.iter().any(String::is_empty) {
                    return Err(Error::Lexicon(format!("{}: empty term", at())));
                }
                seen.insert(key, (lx.entries.len(), f, r.line));
                lx.add(Entry {
                    term: r.term.as_str().into(),
                    category: r.category,
                    weight: r.weight,
                    file,
                    line: r.line,
                    words,
                    stems,
                    prefix,
                    by_stem,
                });
            }
        }
        Ok(lx)
    }

    fn add(&mut self, e: Entry) {
        let id = self.entries.len() as u32;
        self.longest = self.longest.max(e.words.len());
        if e.prefix && e.words.len() == 1 {
            let head = prefix_head(&e.words[0]);
            self.by_prefix.entry(head.to_string()).or_default().push(id);
        } else {
            self.by_norm.entry(e.words[0].clone()).or_default().push(id);
            if e.by_stem && e.stems[0] != e.words[0] {
                self.by_stem.entry(e.stems[0].clone()).or_default().push(id);
            }
        }
        self.entries.push(e);
    }

    /// Every entry that matches at `words[i]`, as (entry, number of words);
    /// an entry found by its form and by its stem is given once. `cache`
    /// keeps the entries a word can open, so that each distinct word of a
    /// document is looked up once.
    pub fn matches_at(
        &self,
        words: &[Word],
        i: usize,
        cache: &mut MatchCache,
        out: &mut Vec<(u32, usize)>,
    ) {
        out.clear();
        let w = words[i];
        let slot = cache.words.get_mut(w.id as usize);
        let first: &[u32] = match slot {
            Some(Some(c)) => c,
            Some(s) => s.insert(self.remembered_first_word_entries(w)),
            None => {
                cache.spare = self.remembered_first_word_entries(w);
                &cache.spare
            }
        };
        for &id in first {
            let e = &self.entries[id as usize];
            let n = e.words.len();
            if i + n <= words.len()
                && (1..n).all(|k| e.word_matches(k, words[i + k].norm, words[i + k].stem))
            {
                out.push((id, n));
            }
        }
    }

    /// [`Self::first_word_entries`] through a per-thread memory shared by
    /// the documents a worker reads: a word's entries depend on its form
    /// alone (its stem is a function of it), and most words recur.
    fn remembered_first_word_entries(&self, w: Word) -> Rc<[u32]> {
        FIRST_WORDS.with(|m| {
            let mut m = m.borrow_mut();
            if m.0 != self.id {
                m.0 = self.id;
                m.1.clear();
            }
            if let Some(c) = m.1.get(w.norm) {
                return c.clone();
            }
            if m.1.len() >= FIRST_WORDS_MAX {
                m.1.clear();
            }
            let c: Rc<[u32]> = self.first_word_entries(w).into();
            m.1.insert(w.norm.into(), c.clone());
            c
        })
    }

    /// The entries whose first word matches `w`, each once.
    fn first_word_entries(&self, w: Word) -> Box<[u32]> {
        let mut out: Vec<u32> = Vec::new();
        let mut consider = |ids: Option<&Vec<u32>>| {
            for &id in ids.into_iter().flatten() {
                if self.entries[id as usize].word_matches(0, w.norm, w.stem) && !out.contains(&id) {
                    out.push(id);
                }
            }
        };
        consider(self.by_norm.get(w.norm));
        consider(self.by_norm.get(w.stem));
        consider(self.by_stem.get(w.stem));
        if !self.by_prefix.is_empty() {
            // Prefixes are filed under their first characters: a word looks
            // up its own first one, two and three.
            let ends = w.norm.char_indices().map(|(k, _)| k).skip(1);
            for k in ends.take(PREFIX_HEAD - 1) {
                consider(self.by_prefix.get(&w.norm[..k]));
            }
            consider(self.by_prefix.get(prefix_head(w.norm)));
        }
        out.into_boxed_slice()
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
            .map(|&(norm, stem)| Word {
                norm,
                stem,
                id: u32::MAX,
            })
            .collect();
        let mut out = Vec::new();
        let mut all = Vec::new();
        let mut cache = MatchCache::default();
        for i in 0..words.len() {
            lx.matches_at(&words, i, &mut cache, &mut out);
            for &(id, _) in &out {
                all.push(lx.entries[id as usize].term.to_string());
            }
        }
        all.sort();
        all
    }

    #[test]
    fn every_format_loads_into_categories() {
        let lx = load(&[
            file(
                "stance/acts.tsv",
                "# ours\ncall on\tdemand\t1.0\tdirective\nthreat*\tthreat\t1\n",
            ),
            file(
                "stance/vader.txt",
                "good\t1.9\t0.9\t[2, 2]\nbad\t-2.5\t0.5\t[-2, -3]\n",
            ),
            file("stance/hedge.txt", "; comment\nmaybe\nperhaps\n"),
            file(
                "stance/mine.dic",
                "%\n1\tsupport\n2\tposemo\n%\nbacks\t1\nlovely\t2\n",
            ),
        ])
        .unwrap();
        let formats: Vec<&str> = lx.files.iter().map(|f| f.format).collect();
        assert_eq!(formats, ["vader", "list", "liwc", "tsv"]);
        assert_eq!(lx.entries.len(), 8);
        let bad = lx.entries.iter().find(|e| &*e.term == "bad").unwrap();
        assert_eq!((bad.category, bad.weight), (Category::Valence, -2.5));
        let lovely = lx.entries.iter().find(|e| &*e.term == "lovely").unwrap();
        assert_eq!(lovely.weight, super::super::formats::LIST_VALENCE);
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
                &[
                    ("they", "they"),
                    ("called", "call"),
                    ("on", "on"),
                    ("us", "us")
                ]
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
        assert!(
            e.contains("a.tsv:2") && e.contains("unknown category"),
            "{e}"
        );
        let e = load(&[file("stance/a.tsv", "x\tdemand\tstrong\n")]).unwrap_err();
        assert!(e.contains("a.tsv:1") && e.contains("not a number"), "{e}");
        let e = load(&[file("stance/a.tsv", "x\tdemand\t1\nX\tdemand\t2\n")]).unwrap_err();
        assert!(e.contains("a.tsv:2") && e.contains("a.tsv:1"), "{e}");
        // Another file may give a term a new weight: the later file wins.
        let lx = load(&[
            file("stance/b.tsv", "good\tvalence\t3\n"),
            file("stance/a.txt", "good\t1.9\t0.9\t[2]\n"),
        ])
        .unwrap();
        assert_eq!(
            (lx.entries.len(), lx.entries[0].weight, lx.overrides),
            (1, 3.0, 1)
        );
        let e = load(&[file("stance/a.tsv", "x demand 1\n")]).unwrap_err();
        assert!(e.contains("a.tsv:1") && e.contains("tabs"), "{e}");
        let e = load(&[file("stance/feelings.txt", "happy\n")]).unwrap_err();
        assert!(e.contains("feelings"), "{e}");
        let e = load(&[file("stance/m.dic", "%\n1\tsupport\n%\nbacks\t7\n")]).unwrap_err();
        assert!(e.contains("m.dic:4") && e.contains("7"), "{e}");
        let e = load(&[file(
            "stance/v.txt",
            "good\t1.9\t0.9\t[2]\nbad\t-x\t0.5\t[1]\n",
        )])
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
