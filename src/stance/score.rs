//! Scoring one stretch of words: lexicon hits, the modifiers that bend them,
//! and the scores they add up to.
//!
//! Every score is a sum of hit contributions, so that a user can read off
//! exactly which words made it. Where a score is squashed into a range
//! (valence into [−1, 1] as VADER does, acts into [0, 1]), the contributions
//! are scaled by the same factor, and still sum to the score.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::doc::{Doc, Offsets};
use crate::span::Span;

use super::lexicon::{Category, MatchCache, StanceLexicon, Word};
use super::scopes::{boosts, condition_scopes, contrast_scales, modifier_words, negation_scopes};

/// VADER's constants: the scale of a negated word, of an ALL-CAPS word, of
/// an exclamation mark, and the normalisation alpha.
const NEGATED: f64 = -0.74;
const CAPS_BOOST: f64 = 0.733;
const EXCLAMATION: f64 = 0.292;
const MAX_EXCLAMATIONS: usize = 4;
/// A question mark, as VADER counts it (up to three).
const QUESTION: f64 = 0.18;
const MAX_QUESTIONS: usize = 3;
const ALPHA: f64 = 15.0;
/// Sentiment inside "if …"/"unless …" is hypothetical.
const IN_CONDITION: f64 = 0.5;
/// Topic-neutral words (topic_neutral.txt) keep this share of their
/// valence: none, because news uses "war" and "killed" to report the event,
/// not as the speaker's sentiment. (The NYT raters do rate them: 0.5 would
/// score r 0.504 on its dev set instead of 0.495; the share is kept at 0 on
/// purpose.)
const TOPIC_NEUTRAL: f64 = 0.0;
/// Positive words count this much: VADER's ratings come from social media,
/// and news prose uses "support", "help", "like" plainly (tuned on the NYT
/// dev set: 1.0 → r 0.504, 0.7 → 0.516; about as many positive labels as
/// the raters gave).
const POSITIVE_SCALE: f64 = 0.7;
/// An act found only through the cue's class ("accused" when the cue list
/// knows it but the stance lexicon does not).
const CUE_CLASS_WEIGHT: f64 = 1.0;

/// A word of the text being scored.
#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    pub word: Word<'a>,
    pub text: &'a str,
    pub span: Span,
    /// A word of the statement's cue, not of its content.
    pub cue: bool,
}

impl Token<'_> {
    pub(super) fn ends_clause(&self) -> bool {
        matches!(
            self.text,
            "," | ";" | ":" | "." | "!" | "?" | "—" | "–" | "(" | ")"
        )
    }

    fn is_caps(&self) -> bool {
        self.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && self.text.chars().all(|c| !c.is_lowercase())
    }
}

/// What bent a hit's weight (each set bit one modifier, named in lexicon_hits.csv).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Modifiers(pub u16);

impl Modifiers {
    pub const NEGATED: u16 = 1;
    pub const INTENSIFIED: u16 = 2;
    pub const DAMPENED: u16 = 4;
    pub const CAPS: u16 = 8;
    pub const BEFORE_BUT: u16 = 16;
    pub const AFTER_BUT: u16 = 32;
    pub const IN_CONDITION: u16 = 64;
    pub const FROM_CUE: u16 = 128;
    pub const CUE_CLASS: u16 = 256;
    pub const TOPIC_NEUTRAL: u16 = 512;
    pub const SCALED: u16 = 1024;
    pub const AS_MODIFIER: u16 = 2048;
    pub const CONCEDED: u16 = 4096;

    const NAMES: [(u16, &'static str); 13] = [
        (Self::NEGATED, "negated"),
        (Self::INTENSIFIED, "intensified"),
        (Self::DAMPENED, "dampened"),
        (Self::CAPS, "caps"),
        (Self::BEFORE_BUT, "before_but"),
        (Self::AFTER_BUT, "after_but"),
        (Self::IN_CONDITION, "in_condition"),
        (Self::FROM_CUE, "from_cue"),
        (Self::CUE_CLASS, "cue_class"),
        (Self::TOPIC_NEUTRAL, "topic_neutral"),
        (Self::SCALED, "scaled"),
        (Self::AS_MODIFIER, "as_modifier"),
        (Self::CONCEDED, "conceded"),
    ];

    pub fn has(self, m: u16) -> bool {
        self.0 & m != 0
    }

    /// The names of the set modifiers, `|`-separated. Made once per
    /// combination: lexicon_hits.csv writes one for every hit.
    pub fn names(self) -> &'static str {
        static NAMES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        let all = NAMES.get_or_init(|| {
            (0..1u32 << Self::NAMES.len())
                .map(|bits| {
                    Self::NAMES
                        .iter()
                        .filter(|&&(m, _)| bits & u32::from(m) != 0)
                        .map(|&(_, n)| n)
                        .collect::<Vec<_>>()
                        .join("|")
                })
                .collect()
        });
        all.get(self.0 as usize).map_or("", String::as_str)
    }
}

/// One lexicon match and what it contributed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub category: Category,
    /// The lexicon file (its name in the run's set); `cue class` for an act
    /// read from the cue's class, `punctuation` for exclamation marks.
    pub file: Arc<str>,
    pub term: Arc<str>,
    pub at: Offsets,
    pub weight: f64,
    pub modifiers: Modifiers,
    pub contribution: f64,
}

/// The scores of one statement (or of a document's own voice).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    pub valence: f64,
    pub certainty: f64,
    pub hedge: f64,
    /// In the order of [`Category::ACTS`].
    pub acts: [f64; 9],
    pub hits: Vec<Hit>,
}

impl Scores {
    pub fn get(&self, c: Category) -> f64 {
        match c {
            Category::Valence => self.valence,
            Category::Certainty => self.certainty,
            Category::Hedge => self.hedge,
            c => Category::ACTS
                .iter()
                .position(|&a| a == c)
                .map_or(0.0, |k| self.acts[k]),
        }
    }

    fn set(&mut self, c: Category, v: f64) {
        match c {
            Category::Valence => self.valence = v,
            Category::Certainty => self.certainty = v,
            Category::Hedge => self.hedge = v,
            c => {
                if let Some(k) = Category::ACTS.iter().position(|&a| a == c) {
                    self.acts[k] = v;
                }
            }
        }
    }
}

/// An act a cue's class stands for (`lexicons/cues.tsv` column 2).
pub fn act_of_cue_class(class: &str) -> Option<Category> {
    Some(match class {
        "directive" => Category::Demand,
        "warning" => Category::Threat,
        "denial" => Category::Refusal,
        "concession" => Category::Offer,
        "accusation" => Category::Accusation,
        "support" => Category::Support,
        _ => return None,
    })
}

/// A lexicon match before weighting: entry and the tokens it covers.
#[derive(Debug, Clone, Copy)]
pub(super) struct Found {
    pub entry: u32,
    pub start: usize,
    pub len: usize,
}

/// Scores `toks` (content, and cue words marked as such) against `lx`.
/// `cue_class` is the statement's cue class, `mixed_case` whether the text
/// around uses lower case at all (ALL CAPS only stands out if it does).
pub fn score(
    doc: &Doc,
    lx: &StanceLexicon,
    cache: &mut MatchCache,
    toks: &[Token],
    cue_class: Option<&str>,
    mixed_case: bool,
) -> Scores {
    let words: Vec<Word> = toks.iter().map(|t| t.word).collect();
    let found = find(lx, &words, cache);
    let longest = found.iter().map(|f| f.len).max().unwrap_or(0);
    let at = |c: Category, i: usize| {
        starting_in(&found, i.saturating_sub(longest), i + 1)
            .iter()
            .any(|f| lx.entries[f.entry as usize].category == c && i < f.start + f.len)
    };
    let neg = negation_scopes(lx, toks, &found);
    let contrast = contrast_scales(lx, toks, &found);
    let conditional = condition_scopes(toks);
    let boosts = boosts(lx, &found, toks.len());
    let as_modifier = modifier_words(lx, &found, &neg, &boosts);
    let mut hits = Vec::new();
    for f in &found {
        let e = &lx.entries[f.entry as usize];
        if e.category.is_modifier() {
            continue;
        }
        let t = &toks[f.start];
        let last = &toks[f.start + f.len - 1];
        let mut m = Modifiers::default();
        let mut w = e.weight;
        if t.cue {
            // The cue is evidence of the act ("accused", "called on"), not
            // of the content's sentiment.
            if matches!(e.category, Category::Valence) {
                continue;
            }
            m.0 |= Modifiers::FROM_CUE;
        }
        if e.category == Category::Valence && w > 0.0 {
            w *= POSITIVE_SCALE;
        }
        if e.category == Category::Valence && at(Category::Neutral, f.start) {
            m.0 |= Modifiers::TOPIC_NEUTRAL;
            w *= TOPIC_NEUTRAL;
        }
        if e.category == Category::Valence && as_modifier[f.start] {
            // "no" in "no good", "kind" in "kind of": the word bends the
            // next one and has no sentiment of its own.
            m.0 |= Modifiers::AS_MODIFIER;
            w = 0.0;
        }
        if e.category == Category::Valence {
            if let Some(scale) = boosts[f.start] {
                m.0 |= if scale > 0.0 {
                    Modifiers::INTENSIFIED
                } else {
                    Modifiers::DAMPENED
                };
                w += scale * w.signum();
            }
            if mixed_case && t.is_caps() && w != 0.0 {
                m.0 |= Modifiers::CAPS;
                w += CAPS_BOOST * w.signum();
            }
            if conditional[f.start] {
                m.0 |= Modifiers::IN_CONDITION;
                w *= IN_CONDITION;
            }
        }
        // "would not disarm unless …": the condition stands whatever the
        // negation before it; hedges and certainty words are not acts.
        if neg.scope[f.start] && negatable(e.category) && !self_negating(lx, f) {
            m.0 |= Modifiers::NEGATED;
            // A negated act is not performed ("is not demanding"); negated
            // sentiment turns, weakened, as in VADER.
            w = if e.category == Category::Valence {
                w * NEGATED
            } else {
                0.0
            };
        }
        let (k, flags) = contrast[f.start];
        m.0 |= flags;
        w *= k;
        hits.push(Hit {
            category: e.category,
            file: lx.files[e.file].name.clone(),
            term: e.term.clone(),
            at: Offsets::of(doc, Span::new(t.span.start, last.span.end)),
            weight: e.weight,
            modifiers: m,
            contribution: w,
        });
    }
    cue_class_hit(doc, toks, cue_class, &mut hits);
    punctuation(doc, toks, &mut hits);
    totals(hits)
}

pub(super) fn negatable(c: Category) -> bool {
    !matches!(
        c,
        Category::Condition | Category::Hedge | Category::Certainty
    ) && !c.is_modifier()
}

/// Every entry matching anywhere, without the shorter matches of a category
/// that a longer one of the same category covers ("call on" over "call").
fn find(lx: &StanceLexicon, words: &[Word], cache: &mut MatchCache) -> Vec<Found> {
    let mut all: Vec<Found> = Vec::new();
    let mut buf = Vec::new();
    for i in 0..words.len() {
        lx.matches_at(words, i, cache, &mut buf);
        all.extend(buf.iter().map(|&(entry, len)| Found {
            entry,
            start: i,
            len,
        }));
    }
    let cat = |f: &Found| lx.entries[f.entry as usize].category;
    let longest = all.iter().map(|f| f.len).max().unwrap_or(0);
    // Matches come in start order: a covering match starts at most
    // `longest` words before.
    let keep: Vec<bool> = all
        .iter()
        .enumerate()
        .map(|(k, f)| {
            let from = all[..k].partition_point(|g| g.start + longest < f.start + 1);
            !all[from..]
                .iter()
                .take_while(|g| g.start <= f.start)
                .any(|g| cat(g) == cat(f) && g.len > f.len && f.start + f.len <= g.start + g.len)
        })
        .collect();
    let mut out: Vec<Found> = all
        .into_iter()
        .zip(keep)
        .filter_map(|(f, k)| k.then_some(f))
        .collect();
    // One hit per category and span: the first entry wins.
    out.dedup_by(|b, a| a.start == b.start && a.len == b.len && cat(a) == cat(b));
    out
}

/// The matches that start in `from..to` (matches come in start order).
pub(super) fn starting_in(found: &[Found], from: usize, to: usize) -> &[Found] {
    let a = found.partition_point(|f| f.start < from);
    let b = found.partition_point(|f| f.start < to);
    &found[a..b.max(a)]
}

/// Whether an entry carries its own negation ("will not", "no way"): the
/// negation in it is the act, not a modifier of it.
fn self_negating(lx: &StanceLexicon, f: &Found) -> bool {
    f.len > 1 && lx.entries[f.entry as usize].category != Category::Valence
}

/// An act the cue's class stands for, unless the cue's own words already
/// gave that act.
fn cue_class_hit(doc: &Doc, toks: &[Token], class: Option<&str>, hits: &mut Vec<Hit>) {
    let Some(act) = class.and_then(act_of_cue_class) else {
        return;
    };
    if hits
        .iter()
        .any(|h| h.category == act && h.modifiers.has(Modifiers::FROM_CUE))
    {
        return;
    }
    let cue: Vec<&Token> = toks.iter().filter(|t| t.cue).collect();
    let (Some(first), Some(last)) = (cue.first(), cue.last()) else {
        return;
    };
    hits.push(Hit {
        category: act,
        file: "cue class".into(),
        term: class.unwrap_or_default().into(),
        at: Offsets::of(doc, Span::new(first.span.start, last.span.end)),
        weight: CUE_CLASS_WEIGHT,
        modifiers: Modifiers(Modifiers::FROM_CUE | Modifiers::CUE_CLASS),
        contribution: CUE_CLASS_WEIGHT,
    });
}

/// Exclamation and question marks add emphasis in the direction of the
/// valence so far.
fn punctuation(doc: &Doc, toks: &[Token], hits: &mut Vec<Hit>) {
    let sum: f64 = hits
        .iter()
        .filter(|h| h.category == Category::Valence)
        .map(|h| h.contribution)
        .sum();
    if sum == 0.0 {
        return;
    }
    let marks = |mark: &str, max: usize| {
        toks.iter()
            .filter(move |t| !t.cue && t.text == mark)
            .take(max)
            .collect::<Vec<_>>()
    };
    for (mark, max, weight) in [
        ("!", MAX_EXCLAMATIONS, EXCLAMATION),
        ("?", MAX_QUESTIONS, QUESTION),
    ] {
        for t in marks(mark, max) {
            hits.push(Hit {
                category: Category::Valence,
                file: "punctuation".into(),
                term: mark.into(),
                at: Offsets::of(doc, t.span),
                weight,
                modifiers: Modifiers::default(),
                contribution: weight * sum.signum(),
            });
        }
    }
}

/// A valence sum squashed into [−1, 1] as VADER does.
pub(super) fn squash(raw: f64) -> f64 {
    raw / (raw * raw + ALPHA).sqrt()
}

/// Sums the contributions per category and squashes each sum into its
/// range, scaling the contributions alike so they still sum to the score.
fn totals(mut hits: Vec<Hit>) -> Scores {
    let mut s = Scores::default();
    for c in Category::ALL {
        // A person word's contribution is its own weight: it adds to no
        // score of the statement, only to the polarity toward a target.
        if c.is_modifier() || c == Category::Person {
            continue;
        }
        let raw: f64 = hits
            .iter()
            .filter(|h| h.category == c)
            .map(|h| h.contribution)
            .sum();
        let squashed = if c == Category::Valence {
            squash(raw)
        } else {
            raw.clamp(0.0, 1.0)
        };
        if raw != 0.0 && squashed != raw {
            let k = squashed / raw;
            for h in hits.iter_mut().filter(|h| h.category == c) {
                h.contribution *= k;
                h.modifiers.0 |= Modifiers::SCALED;
            }
        }
        s.set(c, if raw == 0.0 { 0.0 } else { squashed });
    }
    s.hits = hits;
    s
}
