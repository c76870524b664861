//! Polarity toward targets: where a statement mentions a configured target
//! (`lexicons/targets.tsv`), the words that govern the mention — the verb it
//! is the object of, a word on it, a negation over them — say whether the
//! statement favours it or is against it.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::doc::{Doc, Offsets};
use crate::error::Error;
use crate::lexicon::Lexicons;
use crate::normalize::Normalizer;
use crate::span::Span;

use super::frames::SpeakerFrames;
use super::lexicon::{Category, MatchCache};
use super::score::{squash, Hit, Modifiers, Token};

// The reaches, decay, prior and band were tuned together on the NewsMTSC dev
// set (macro-F1 0.512 with 8, 6, 0.85, no prior → 0.567).
/// How far before a mention its governing words may stand, in words.
const REACH_BEFORE: usize = 4;
/// How far after it (a predicate: "the plan is a disaster").
const REACH_AFTER: usize = 10;
/// Words right next to the mention count more than those further away.
const DECAY: f64 = 0.95;
/// Below this a positive polarity is neutral.
const FAVOR_BAND: f64 = 0.1;
/// Above minus this a negative polarity is neutral. News frames people
/// against more readily than for them, and a weak sign against is more often
/// meant: chosen by 5-fold cross-validation on NewsMTSC dev (split by item
/// id; each fold picked 0.06 for this band and 0.10–0.12 for the other on
/// the other four), macro-F1 0.609 with one band of 0.1 → 0.612 on the held-out folds.
const AGAINST_BAND: f64 = 0.06;
/// How much the statement's own valence counts toward every target in it.
const PRIOR: f64 = 0.25;
/// How much a hedge before an actor counts against it (NewsMTSC dev
/// macro-F1: 0.585 without, 0.587 at 0.25–0.5, 0.586 at 0.75–1).
const ACTOR_HEDGE: f64 = 0.5;
/// How much the target's own negative judgements count against it, where
/// the sentence reports what it said: not at all ("Trump said the media
/// are dishonest" is not against Trump).
const OWN_AGAINST: f64 = 0.0;
/// How much its own positive ones count for it: a speaker who praises or
/// promises is shown in a good light, if less than one praised. Chosen with
/// OWN_AGAINST over {0, .25, .5} × {0, .25, .5, .75, 1} by 5-fold
/// cross-validation on NewsMTSC dev (split by item id): four folds picked
/// (0, 0.5), one (0, 0); macro-F1 on the held-out folds 0.608.
const OWN_FAVOR: f64 = 0.5;

/// The targets of a run, each with the words that name it.
#[derive(Debug, Default)]
pub struct Targets {
    targets: Vec<Target>,
    /// The aliases by their first word.
    by_first: FxHashMap<String, Opening>,
}

/// The aliases that open with one word: "the" opens dozens, so those of
/// more words are found by their second word instead of compared one by one.
#[derive(Debug, Default)]
struct Opening {
    /// (target, alias), in load order.
    aliases: Vec<(usize, usize)>,
    /// Positions in `aliases` of the one-word aliases.
    single: Vec<usize>,
    /// Positions in `aliases` of the longer ones, by their second word.
    by_second: FxHashMap<String, Vec<usize>>,
}

#[derive(Debug)]
struct Target {
    name: String,
    /// Each alias as normalised words.
    aliases: Vec<Vec<String>>,
    /// A person, group or state rather than an issue: see [`polarity`].
    actor: bool,
    /// Whether a row said which, so that two rows cannot say both.
    kind_given: bool,
}

/// One mention of a target in a statement and the statement's polarity toward it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetPolarity {
    pub target: String,
    pub at: Offsets,
    /// In [−1, 1].
    pub polarity: f64,
    pub label: Label,
    /// The hits that decided it, as `term (category, contribution)`.
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    Favor,
    Against,
    Neutral,
}

impl Label {
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Favor => "favor",
            Label::Against => "against",
            Label::Neutral => "neutral",
        }
    }

    pub(super) fn of(polarity: f64) -> Self {
        if polarity > FAVOR_BAND {
            Label::Favor
        } else if polarity < -AGAINST_BAND {
            Label::Against
        } else {
            Label::Neutral
        }
    }
}

impl Targets {
    pub fn load(lex: &Lexicons) -> Result<Self, Error> {
        let norm = Normalizer::new();
        let mut out = Targets::default();
        for row in lex.rows("targets.tsv", 2, 3)? {
            let name = row.col(0).to_string();
            let actor = match row.col(2) {
                "" => None,
                "actor" => Some(true),
                "issue" => Some(false),
                other => {
                    return Err(row.error(format!(
                        "the third column (kind) is `actor` or `issue`, not `{other}`"
                    )))
                }
            };
            let words: Vec<String> = row
                .col(1)
                .split_whitespace()
                .map(|w| {
                    let mut s = String::new();
                    norm.normalize_token(w, &mut s);
                    s
                })
                .collect();
            if name.is_empty() || words.is_empty() {
                return Err(row.error("a target row is `target<TAB>alias`, both non-empty"));
            }
            match out.targets.iter_mut().find(|t| t.name == name) {
                Some(t) => {
                    if actor.is_some_and(|a| a != t.actor) && t.kind_given {
                        return Err(row.error(format!(
                            "target `{name}` is given both kinds, actor and issue"
                        )));
                    }
                    if let Some(a) = actor {
                        t.actor = a;
                        t.kind_given = true;
                    }
                    t.aliases.push(words)
                }
                None => out.targets.push(Target {
                    name,
                    aliases: vec![words],
                    actor: actor.unwrap_or(false),
                    kind_given: actor.is_some(),
                }),
            }
        }
        // Longest aliases first, so "permanent ceasefire" wins over "ceasefire".
        for t in &mut out.targets {
            t.aliases.sort_by_key(|a| std::cmp::Reverse(a.len()));
        }
        for (ti, t) in out.targets.iter().enumerate() {
            for (ai, a) in t.aliases.iter().enumerate() {
                let o = out.by_first.entry(a[0].clone()).or_default();
                let k = o.aliases.len();
                o.aliases.push((ti, ai));
                match a.get(1) {
                    Some(second) => o.by_second.entry(second.clone()).or_default().push(k),
                    None => o.single.push(k),
                }
            }
        }
        Ok(out)
    }

    /// The target mentions among `toks` (content words only), as
    /// (target index, first token, number of tokens), longest first, not overlapping.
    pub fn mentions(&self, toks: &[Token], cache: &mut MatchCache) -> Vec<(usize, usize, usize)> {
        let mut out: Vec<(usize, usize, usize)> = Vec::new();
        for i in 0..toks.len() {
            if toks[i].cue || out.last().is_some_and(|&(_, s, n)| s <= i && i < s + n) {
                continue;
            }
            // Most words start no alias; remember which, per document.
            let w = toks[i].word;
            match cache.alias_start.get(w.id as usize).copied() {
                Some(1) => continue,
                Some(0) => {
                    let starts = self.by_first.contains_key(w.norm);
                    cache.alias_start[w.id as usize] = if starts { 2 } else { 1 };
                    if !starts {
                        continue;
                    }
                }
                _ => {}
            }
            let Some(o) = self.by_first.get(w.norm) else {
                continue;
            };
            // The longest alias that matches, the last of equals; any
            // alias of two words or more is longer than a one-word one.
            let alias = |k: usize| {
                let (ti, ai) = o.aliases[k];
                (ti, &self.targets[ti].aliases[ai])
            };
            let longer = toks
                .get(i + 1)
                .and_then(|t| o.by_second.get(t.word.norm))
                .map_or(&[][..], Vec::as_slice);
            let best = longer
                .iter()
                .map(|&k| alias(k))
                .filter(|(_, a)| {
                    i + a.len() <= toks.len()
                        && a[2..]
                            .iter()
                            .zip(&toks[i + 2..])
                            .all(|(w, t)| *w == t.word.norm)
                })
                .max_by_key(|(_, a)| a.len())
                .or_else(|| o.single.last().map(|&k| alias(k)));
            if let Some((ti, a)) = best {
                out.push((ti, i, a.len()));
            }
        }
        out
    }

    /// The polarity toward each target mentioned in `toks`, from `hits`.
    pub fn polarities(
        &self,
        doc: &Doc,
        toks: &[Token],
        hits: &[Hit],
        valence: f64,
        cache: &mut MatchCache,
        frames: &SpeakerFrames,
    ) -> Vec<TargetPolarity> {
        let mentions = self.mentions(toks, cache);
        if mentions.is_empty() {
            return Vec::new();
        }
        let index = HitIndex::new(hits);
        mentions
            .into_iter()
            .map(|(ti, start, len)| {
                let at = Offsets::of(
                    doc,
                    Span::new(toks[start].span.start, toks[start + len - 1].span.end),
                );
                let t = &self.targets[ti];
                let mention = Mention {
                    target: &t.name,
                    actor: t.actor,
                    at,
                    start,
                    len,
                };
                polarity(&mention, toks, &index, valence, frames)
            })
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
    }
}

/// The sign an act gives the thing it is directed at: demanding, offering,
/// proposing, supporting or setting a condition of X favours X; refusing,
/// opposing, accusing or threatening X is against it.
fn act_sign(c: Category) -> f64 {
    match c {
        Category::Demand
        | Category::Offer
        | Category::Proposal
        | Category::Support
        | Category::Condition => 1.0,
        Category::Refusal | Category::Oppose | Category::Accusation | Category::Threat => -1.0,
        _ => 0.0,
    }
}

/// The hits of one statement in text order, for finding those near a mention.
pub struct HitIndex<'h> {
    sorted: Vec<&'h Hit>,
    /// The cue's: they govern every mention ("accused Trump").
    cue: Vec<&'h Hit>,
    /// The longest hit, in bytes.
    longest: usize,
}

impl<'h> HitIndex<'h> {
    pub fn new(hits: &'h [Hit]) -> Self {
        let mut sorted: Vec<&Hit> = hits.iter().collect();
        sorted.sort_by_key(|h| h.at.start_byte);
        let cue = sorted
            .iter()
            .copied()
            .filter(|h| h.modifiers.has(Modifiers::FROM_CUE))
            .collect();
        let longest = hits
            .iter()
            .map(|h| h.at.end_byte - h.at.start_byte)
            .max()
            .unwrap_or(0);
        HitIndex {
            sorted,
            cue,
            longest,
        }
    }

    /// The hits starting in bytes `from..to`.
    fn starting_in(&self, from: usize, to: usize) -> &[&'h Hit] {
        let a = self.sorted.partition_point(|h| h.at.start_byte < from);
        let b = self.sorted.partition_point(|h| h.at.start_byte < to);
        &self.sorted[a..b.max(a)]
    }
}

/// A mention of a target among a statement's tokens.
pub struct Mention<'a> {
    pub target: &'a str,
    /// A person, group or state rather than an issue: see [`polarity`].
    pub actor: bool,
    pub at: Offsets,
    /// Its first token and number of tokens.
    pub start: usize,
    pub len: usize,
}

/// Polarity toward the mention `toks[start..start + len]`: every hit in the
/// mention's clause within reach, weighted down with distance, and the
/// statement's valence as a prior.
///
/// An `actor` (a person, group or state) is not favoured by a demand, offer,
/// proposal or condition before it — "called for Obama's impeachment",
/// "offered Trump a deal", "if Putin does not relent" ask for or set terms
/// on something else — while a hedge before it ("allegedly", "reportedly",
/// "may have") reads as an allegation against it. On NewsMTSC dev, whose
/// targets are people, the two rules raise macro-F1 from 0.582 to 0.587 (the first alone: 0.585).
///
/// Where the sentence reports what the mention said ([`SpeakerFrames`]),
/// the judgements and acts in it are the speaker's, of others: the negative
/// ones do not count against the speaker, the positive ones count for less
/// ([`OWN_AGAINST`], [`OWN_FAVOR`]), in the prior too.
///
/// A person word (`Category::Person`: arrested, charged, apologized) counts
/// as a valence word of its weight would alone, wherever the mention stands
/// to it, and replaces the sentiment of its word: one who apologizes is
/// not favoured for it.
///
/// On NewsMTSC dev (macro-F1 0.587 before either, one neutral band of 0.1):
/// the speaker frame alone 0.596, the person words alone 0.599, both 0.609.
pub fn polarity(
    m: &Mention,
    toks: &[Token],
    hits: &HitIndex,
    valence: f64,
    frames: &SpeakerFrames,
) -> TargetPolarity {
    let (start, len) = (m.start, m.len);
    let (lo, hi) = clause_around(toks, start, start + len);
    let said = frames.said_by(toks, start, start + len);
    let actor = m.actor || said.is_some();
    // Tokens come in text order.
    let index_of = |byte: usize| {
        let k = toks.partition_point(|t| t.span.start < byte);
        (k < toks.len() && toks[k].span.start == byte).then_some(k)
    };
    // How much a judgement at token `k` counts toward the speaker.
    let own = |k: usize, c: f64| match said {
        Some((a, b)) if a <= k && k < b && c < 0.0 => OWN_AGAINST,
        Some((a, b)) if a <= k && k < b => OWN_FAVOR,
        _ => 1.0,
    };
    let addressee = toks
        .get(start + len)
        .is_some_and(|t| t.text.eq_ignore_ascii_case("to"));
    let mut sum = 0.0;
    let mut evidence = Vec::new();
    let mut statement = valence;
    if let Some((a, b)) = said {
        let (from, to) = (toks[a].span.start, toks[b - 1].span.end);
        for h in hits.starting_in(from, to) {
            if h.category == Category::Valence {
                let k = index_of(h.at.start_byte).unwrap_or(a);
                statement -= h.contribution * (1.0 - own(k, h.contribution));
            }
        }
    }
    let prior = PRIOR * statement;
    if prior != 0.0 {
        sum += prior;
        evidence.push(format!("statement valence (prior, {prior:+.2})"));
    }
    // A hit counts by its last word, so it may start up to its own length
    // before the reach.
    let from = toks[start.saturating_sub(REACH_BEFORE)]
        .span
        .start
        .saturating_sub(hits.longest);
    let to = toks[(start + len + REACH_AFTER).min(toks.len() - 1)]
        .span
        .end;
    let window: Vec<&Hit> = hits
        .starting_in(from, to)
        .iter()
        .copied()
        .filter(|h| !h.modifiers.has(Modifiers::FROM_CUE))
        .chain(hits.cue.iter().copied())
        .collect();
    let person = |h: &Hit| {
        window
            .iter()
            .any(|p| p.category == Category::Person && p.at.start_byte == h.at.start_byte)
    };
    for h in window.iter().copied() {
        let Some(k) = index_of(h.at.start_byte) else {
            continue;
        };
        // The cue governs what the statement is about ("accused Trump").
        let cue = h.modifiers.has(Modifiers::FROM_CUE);
        let after = k >= start + len;
        // A phrase before the mention is as near as its last word ("under
        // the condition of a permanent ceasefire").
        let last = {
            let e = toks.partition_point(|t| t.span.end < h.at.end_byte);
            if e < toks.len() && toks[e].span.end == h.at.end_byte {
                e
            } else {
                k
            }
        };
        let distance = if last < start {
            if !cue && (k < lo || start - last > REACH_BEFORE) {
                continue;
            }
            start - last
        } else if k < start {
            0
        } else if after {
            if k > hi || k - (start + len) >= REACH_AFTER {
                continue;
            }
            k - (start + len) + 1
        } else {
            // A word of the mention itself names the target ("the original
            // agreement", "a critical care specialist"); it says nothing of it.
            continue;
        };
        let sign = match h.category {
            Category::Valence if person(h) => 0.0,
            Category::Valence => h.contribution.signum() * h.contribution.abs().min(1.0),
            Category::Person => squash(h.contribution),
            // "X accused Y": the act is against its object; what it says
            // about its subject is not clear (tuned: counting it costs 0.01).
            _ if after => 0.0,
            // "called on Hamas to release …": the mention is whom the demand
            // is addressed to; the demand favours what it asks for.
            Category::Demand if addressee => 0.0,
            Category::Demand | Category::Offer | Category::Proposal | Category::Condition
                if actor =>
            {
                0.0
            }
            Category::Hedge if actor => -ACTOR_HEDGE,
            c => act_sign(c) * (h.contribution != 0.0) as u8 as f64,
        };
        let sign = sign * own(k, sign);
        if sign == 0.0 {
            continue;
        }
        let w = sign * DECAY.powi(distance.min(REACH_BEFORE) as i32);
        sum += w;
        evidence.push(format!("{} ({}, {w:+.2})", h.term, h.category.as_str()));
    }
    let polarity = sum / (sum * sum + 1.0).sqrt();
    TargetPolarity {
        target: m.target.to_string(),
        at: m.at,
        polarity,
        label: Label::of(polarity),
        evidence,
    }
}
/// The clause around tokens `a..b`: back and forward to the nearest
/// clause-ending punctuation.
fn clause_around(toks: &[Token], a: usize, b: usize) -> (usize, usize) {
    let ends = |t: &Token| matches!(t.text, ";" | "." | "!" | "?" | ":");
    let lo = (0..a).rev().find(|&k| ends(&toks[k])).map_or(0, |k| k + 1);
    let hi = (b..toks.len())
        .find(|&k| ends(&toks[k]))
        .unwrap_or(toks.len())
        .saturating_sub(1);
    (lo, hi)
}

/// Whether a target given only by its place in a text (the `score` command)
/// names a person, group or state: a personal pronoun, or a capitalised word
/// that does not merely open the text ("Ceasefire talks resumed").
pub fn looks_like_actor(mention: &[Token], opens_text: bool) -> bool {
    let Some(first) = mention.first() else {
        return false;
    };
    let capital = |t: &Token| t.text.chars().next().is_some_and(char::is_uppercase);
    let pronoun = matches!(
        first.word.norm,
        "he" | "she" | "him" | "her" | "they" | "them" | "i" | "me" | "we" | "us"
    );
    pronoun || (capital(first) && (!opens_text || mention.iter().skip(1).any(capital)))
}
