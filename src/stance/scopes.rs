//! Where the modifiers of a text reach: negation scopes, contrast and
//! concession weights, "if"/"unless" clauses, intensifiers and dampeners,
//! and which modifier words have no sentiment of their own there.

use super::lexicon::{Category, StanceLexicon};
use super::score::{negatable, starting_in, Found, Modifiers, Token};

/// Weight before and after "but": what follows it is what counts (VADER's
/// 0.5 and 1.5).
const BEFORE_CONTRAST: f64 = 0.5;
const AFTER_CONTRAST: f64 = 1.5;
/// Sentiment inside a concession ("although …") counts less.
const CONCEDED: f64 = 0.5;
/// An intensifier's weight (0.3 ≈ VADER's 0.293) is added to the size of
/// the sentiment word after it, times this; each word further back, less.
const BOOST_UNIT: f64 = 1.0;
const BOOST_FADE: f64 = 0.05;
/// How many words back an intensifier or dampener reaches.
pub(super) const MODIFIER_REACH: usize = 3;

/// Where negations reach, and which negation words turned something.
pub(super) struct Negation {
    /// Per token: a negation earlier in its clause covers it.
    pub scope: Vec<bool>,
    /// Per token: the first word of a negation that turned a hit.
    pub used: Vec<bool>,
}

/// A negation reaches to the end of its clause (or a contrast word, or the
/// edge of the cue) and turns the first hit in that reach, not every hit
/// after it: "did not mention the dreaded word" turns "mention"'s act if
/// any, or else "dreaded", but nothing after that.
pub(super) fn negation_scopes(lx: &StanceLexicon, toks: &[Token], found: &[Found]) -> Negation {
    let mut out = Negation {
        scope: vec![false; toks.len()],
        used: vec![false; toks.len()],
    };
    let hit_at = |k: usize| {
        starting_in(found, k, k + 1).iter().any(|g| {
            let e = &lx.entries[g.entry as usize];
            negatable(e.category) && e.weight != 0.0
        })
    };
    for f in found {
        if lx.entries[f.entry as usize].category != Category::Negation {
            continue;
        }
        let from = f.start + f.len;
        for (k, t) in toks.iter().enumerate().skip(from) {
            if t.ends_clause() || is_contrast_at(lx, found, k) || t.cue != toks[f.start].cue {
                break;
            }
            out.scope[k] = true;
            if hit_at(k) {
                out.used[f.start] = true;
                break;
            }
        }
    }
    out
}

/// Per token: a word of a modifier that has no sentiment of its own here —
/// any word of a phrase ("kind of", "on the other hand"), or a single word
/// that bent the hit after it ("no" in "no good").
pub(super) fn modifier_words(
    lx: &StanceLexicon,
    found: &[Found],
    neg: &Negation,
    boosts: &[Option<f64>],
) -> Vec<bool> {
    let mut out = vec![false; neg.scope.len()];
    for f in found {
        if !lx.entries[f.entry as usize].category.is_modifier() {
            continue;
        }
        let end = f.start + f.len;
        let used = f.len > 1
            || neg.used[f.start]
            || boosts
                .get(end..(end + MODIFIER_REACH).min(boosts.len()))
                .is_some_and(|b| b.iter().any(Option::is_some));
        if used {
            out[f.start..end].iter_mut().for_each(|x| *x = true);
        }
    }
    out
}

fn is_contrast_at(lx: &StanceLexicon, found: &[Found], i: usize) -> bool {
    starting_in(found, i, i + 1)
        .iter()
        .any(|f| lx.entries[f.entry as usize].category == Category::Contrast)
}

/// Per token: the scale contrast words give it, and the modifiers saying so.
/// A contrast of positive weight ("but", "however") makes what follows the
/// last of them count more than what came before; one of negative weight
/// ("although", "even though") opens a concession, a clause that counts less.
pub(super) fn contrast_scales(
    lx: &StanceLexicon,
    toks: &[Token],
    found: &[Found],
) -> Vec<(f64, u16)> {
    let mut out = vec![(1.0, 0u16); toks.len()];
    let weight = |f: &Found| {
        let e = &lx.entries[f.entry as usize];
        (e.category == Category::Contrast).then_some(e.weight)
    };
    let but = found
        .iter()
        .filter(|f| weight(f).is_some_and(|w| w > 0.0))
        .map(|f| (f.start, f.len))
        .max();
    if let Some((c, n)) = but {
        for (k, o) in out.iter_mut().enumerate() {
            if k < c {
                *o = (BEFORE_CONTRAST, Modifiers::BEFORE_BUT);
            } else if k >= c + n {
                *o = (AFTER_CONTRAST, Modifiers::AFTER_BUT);
            }
        }
    }
    for f in found.iter().filter(|f| weight(f).is_some_and(|w| w < 0.0)) {
        for k in f.start + f.len..toks.len() {
            if toks[k].ends_clause() {
                break;
            }
            out[k].0 *= CONCEDED;
            out[k].1 |= Modifiers::CONCEDED;
        }
    }
    out
}

/// Per token: inside a clause opened by "if" or "unless".
pub(super) fn condition_scopes(toks: &[Token]) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    let mut on = false;
    for (k, t) in toks.iter().enumerate() {
        // Outside a condition only its opening word matters (a word that
        // opens one never ends a clause): most text is outside one.
        if !on {
            on = matches!(t.word.norm, "if" | "unless");
        } else if t.ends_clause() {
            on = false;
        } else if !matches!(t.word.norm, "if" | "unless") {
            out[k] = true;
        }
    }
    out
}

/// Per token: what the intensifiers and dampeners in the few words before
/// it add to the size of a sentiment word there, each less the further back
/// it stands (VADER's idea; our words carry their own sizes). One pass over
/// the modifiers rather than a search of the matches around every token:
/// few tokens have a modifier near them. Each token's sum is taken over its
/// modifiers in match order, as a search would.
pub(super) fn boosts(lx: &StanceLexicon, found: &[Found], n: usize) -> Vec<Option<f64>> {
    let mut out: Vec<Option<f64>> = vec![None; n];
    for f in found {
        let e = &lx.entries[f.entry as usize];
        let sign = match e.category {
            Category::Intensifier => 1.0,
            Category::Dampener => -1.0,
            _ => continue,
        };
        let end = f.start + f.len;
        for (gap, sum) in out.iter_mut().skip(end).take(MODIFIER_REACH).enumerate() {
            let fade = 1.0 - BOOST_FADE * gap as f64;
            *sum.get_or_insert(0.0) += sign * e.weight * BOOST_UNIT * fade;
        }
    }
    out
}
