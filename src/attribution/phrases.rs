//! Noun phrases and speaker spans: where a speaker mention begins and ends.
//!
//! Attribution only delimits the mention; reading it (title, name, which
//! entity) is speaker resolution's job. The edges matter for both the
//! mention column and for where the content around it begins.

use std::ops::Not;

use crate::doc::Tok;
use crate::lexicon::words::Roles;
use crate::span::Span;

use super::cues::CueMatch;
use super::gerunds::PROGRESSIVE_BE;
use super::para::{is_punct, Para, ARTICLES, BE};
use super::subjects::PARTITIVE_RELATIVE;
use super::{Attributor, Statement};

/// Negation between a subject and its verb ("did not say").
const NEGATION: &[&str] = &["not", "n't"];

/// Hyphens, which stand inside a name only between two pieces of a word.
pub(super) const HYPHENS: &[&str] = &["-", "‐"];

/// The most tokens of a description set off by commas or dashes in a
/// speaker ("Jason Sims — a teacher from Mount Pleasant — says").
const DESCRIPTION_WORDS: usize = 8;

/// Words before a cue that coordinate it with an earlier predicate of
/// the same subject ("… and insisted", "… but said").
pub(super) const COORDINATED: &[&str] = &["and", "but"];

/// Dashes that set off an appositive as commas do.
pub(super) const DASHES: &[&str] = &["—", "–", "--"];

impl Attributor {
    /// Whether token `k` can stand inside a speaker noun phrase.
    pub(super) fn np_word(&self, p: &Para, k: usize) -> bool {
        let t = &p.toks[k];
        if HYPHENS.contains(&t.text) {
            // Only inside hyphenated words (Abdel-Latif).
            return k > 0
                && k + 1 < p.toks.len()
                && p.toks[k - 1].span.end == t.span.start
                && p.toks[k + 1].span.start == t.span.end;
        }
        if is_punct(t) {
            return false;
        }
        let r = self.words.roles(t.norm);
        if t.is_cap() {
            return !r.has(Roles::STOP) || k == 0 && r.has(Roles::DETERMINER);
        }
        r.has(Roles::DETERMINER)
            || r.has(Roles::MODIFIER)
            || r.has(Roles::PARTICLE)
            || self.words.is_title(t.norm)
            || self.words.head_kind(t.norm).is_some()
            || self.words.demonym(t.norm).is_some()
            || t.is_possessive()
            || t.norm.chars().all(|c| c.is_ascii_digit())
            || t.norm.ends_with("-based")
    }

    /// A lower-case word that modifies the name or title right after it
    /// ("the *engineer* Tom Berg", "*city* engineer"), which the word lists
    /// cannot all hold.
    fn np_modifier(&self, p: &Para, k: usize) -> bool {
        let t = &p.toks[k];
        let Some(n) = p.toks.get(k + 1) else {
            return false;
        };
        let r = self.words.roles(t.norm);
        t.norm.chars().all(|c| c.is_alphabetic() || c == '-')
            && !t.is_cap()
            && !r.has(Roles::STOP)
            && !r.has(Roles::SKIP)
            && !r.has(Roles::CONNECTOR)
            && !r.has(Roles::PREPOSITION)
            && !r.has(Roles::TIME)
            && self.words.pronoun(t.norm).is_none()
            && !r.has(Roles::FUNCTION)
            && !BE.contains(&t.norm)
            && self.cues.match_at(&[t.norm]).is_none()
            && (n.is_cap() && self.words.roles(n.norm).has(Roles::STOP).not()
                || self.words.is_title(n.norm)
                || self.words.head_kind(n.norm).is_some())
    }

    /// A multi-word title or head noun ending at `k` (lower case words such as
    /// "press secretary" are covered word by word only if each is listed).
    pub(super) fn np_left(&self, p: &Para, end: usize, floor: usize) -> Option<(usize, usize)> {
        let mut i = end;
        // Start of the last conjunct, in case the coordination does not hold.
        let mut conjunct = None;
        while i > floor {
            let k = i - 1;
            if self.np_word(p, k) || (i < end && self.np_modifier(p, k)) {
                i -= 1;
                continue;
            }
            // "Mr. Grassley and Mr. Leahy say": coordinated names.
            if i < end && self.coordinates_names(p, k, floor) {
                conjunct.get_or_insert(i);
                i -= 1;
                continue;
            }
            // "spokesperson for Hamas": a connector between a title/head and a name.
            let t = &p.toks[k];
            if self.words.roles(t.norm).has(Roles::CONNECTOR) && i < end && k > floor {
                let left = &p.toks[k - 1];
                if self.words.is_title(left.norm)
                    || self.words.head_kind(left.norm).is_some()
                    || left.is_cap() && p.toks[k + 1].is_cap()
                {
                    i -= 1;
                    continue;
                }
            }
            if i < end && k > floor && self.joins_place(p, k) {
                i -= 1;
                continue;
            }
            break;
        }
        // A coordination must be the whole subject, not "met Biden and Netanyahu".
        if let Some(c) = conjunct {
            let open = i == floor || {
                let t = &p.toks[i - 1];
                is_punct(t) || self.words.roles(t.norm).has(Roles::STOP)
            };
            if !open {
                i = c;
            }
        }
        // Do not start on a connector, and do not end on a determiner.
        while i < end
            && self
                .words
                .roles(p.toks[i].norm)
                .has(Roles::CONNECTOR | Roles::LOCATIVE)
        {
            i += 1;
        }
        if i == end || !self.has_head(p, i, end) {
            return None;
        }
        Some((i, end))
    }

    /// Whether the locative at `k` belongs to the speaker ("officials in
    /// Gaza say"): only a plural head noun before it takes a place as part of
    /// its phrase; after a name the place says where the speaker was.
    pub(super) fn joins_place(&self, p: &Para, k: usize) -> bool {
        let (Some(left), Some(right)) = (k.checked_sub(1).map(|j| &p.toks[j]), p.toks.get(k + 1))
        else {
            return false;
        };
        let place = if self.words.roles(right.norm).has(Roles::DETERMINER) {
            p.toks.get(k + 2)
        } else {
            Some(right)
        };
        self.words.roles(p.toks[k].norm).has(Roles::LOCATIVE)
            && looks_plural(left)
            && (self.words.head_kind(left.norm).is_some() || self.words.is_title(left.norm))
            && place.is_some_and(|t| {
                t.is_cap() && !self.words.roles(t.norm).has(Roles::STOP | Roles::TIME)
            })
    }

    /// Whether token `k` is an "and" joining two names (not a time word:
    /// "on Monday and Netanyahu said" joins clauses).
    fn coordinates_names(&self, p: &Para, k: usize, floor: usize) -> bool {
        let name = |j: usize| {
            let t = &p.toks[j];
            t.is_cap()
                && !self.words.roles(t.norm).has(Roles::TIME)
                && !self.words.roles(t.norm).has(Roles::STOP)
                && self.np_word(p, j)
        };
        p.toks[k].norm == "and" && k > floor && k + 1 < p.toks.len() && name(k - 1) && name(k + 1)
    }

    /// A noun phrase needs a head: a name, a title, or an entity noun.
    fn has_head(&self, p: &Para, a: usize, b: usize) -> bool {
        p.toks[a..b].iter().any(|t| {
            (t.is_cap()
                && !self.words.roles(t.norm).has(Roles::DETERMINER)
                && !self.words.roles(t.norm).has(Roles::STOP))
                || self.words.is_title(t.norm)
                || self.words.head_kind(t.norm).is_some()
        })
    }

    pub(super) fn np_right(&self, p: &Para, start: usize, limit: usize) -> Option<(usize, usize)> {
        let mut j = start;
        while j < limit {
            if self.np_word(p, j) || (j + 1 < limit && self.np_modifier(p, j)) {
                j += 1;
                continue;
            }
            let t = &p.toks[j];
            let prev = &p.toks[j.max(1) - 1];
            if self.words.roles(t.norm).has(Roles::CONNECTOR)
                && j > start
                && j + 1 < limit
                && (self.words.is_title(prev.norm)
                    || self.words.head_kind(prev.norm).is_some()
                    || prev.is_cap() && p.toks[j + 1].is_cap())
                && self.np_word(p, j + 1)
            {
                j += 1;
                continue;
            }
            break;
        }
        // Time words are not part of the name ("said Thursday").
        while j > start
            && self.words.roles(p.toks[j - 1].norm).has(Roles::TIME)
            && p.toks[j - 1].is_cap()
        {
            j -= 1;
        }
        (j > start && self.has_head(p, start, j)).then_some((start, j))
    }

    /// Adverbs, auxiliaries and negation, which stand between a subject and
    /// its verb ("has also said", "did not say").
    pub(super) fn skippable(&self, t: &Tok) -> bool {
        self.words.roles(t.norm).has(Roles::SKIP) || NEGATION.contains(&t.norm)
    }

    /// Whether token `k` (before `end`) is a time word after a cue: "on",
    /// "late" and the other openers of a time phrase only before a time
    /// word or a number ("said on Monday", "said late Tuesday"); "he said
    /// on MSNBC" names a place.
    pub(super) fn time_word(&self, p: &Para, k: usize, end: usize) -> bool {
        let r = self.words.roles(p.toks[k].norm);
        if !r.has(Roles::TIME) || r.has(Roles::DETERMINER) {
            return false;
        }
        if !r.has(Roles::TIME_OPENER) {
            return true;
        }
        p.toks[..end].get(k + 1).is_some_and(|n| {
            self.words.roles(n.norm).has(Roles::TIME)
                || n.norm.starts_with(|c: char| c.is_ascii_digit())
        })
    }

    /// The speaker mention starting at token `e` (before `end`): a pronoun,
    /// or a noun phrase with the short parenthetical after it ("said Sen.
    /// Ann Roe (R-Ky.)", "said he", "…, the mayor left").
    pub(super) fn speaker_right(&self, p: &Para, e: usize, end: usize) -> Option<Span> {
        if e < end && self.words.pronoun(p.toks[e].norm).is_some() {
            return Some(p.toks[e].span);
        }
        let (a, b) = self.np_right(p, e, end)?;
        Some(p.span(a, paren_after(p, b, end).unwrap_or(b)))
    }

    /// "continued to", "went on to": where the catenative verb starts that
    /// chains the cue after the "to" at `k` to its subject, if one does.
    pub(super) fn chain_before(&self, p: &Para, k: usize, floor: usize) -> Option<usize> {
        if k <= floor || p.toks[k].norm != "to" {
            return None;
        }
        let verb = if p.toks[k - 1].norm == "on" {
            k.checked_sub(2)?
        } else {
            k - 1
        };
        (verb >= floor && self.words.roles(p.toks[verb].norm).has(Roles::CATENATIVE))
            .then_some(verb)
    }

    /// The speaker mention ending right before the cue at `ci` (skipping
    /// auxiliaries and adverbs, and a parenthetical such as ", in a statement
    /// to Reuters,"). Includes an appositive: "A spokesperson for Hamas,
    /// Abdel-Latif al-Qanoua, said".
    pub(super) fn speaker_left(&self, p: &Para, ci: usize, floor: usize) -> Option<Span> {
        let progressive = p.toks[ci].norm.ends_with("ing");
        let mut end = ci;
        loop {
            if end > floor && self.between_speaker_and_cue(p, end - 1, floor, progressive) {
                end -= 1;
            } else if let Some(k) = self.time_phrase_before(p, end, floor) {
                end = k;
            } else if let Some(k) = end
                .checked_sub(1)
                .and_then(|k| self.chain_before(p, k, floor))
            {
                end = k;
            } else {
                break;
            }
        }
        if end == floor {
            return None;
        }
        // "Sen. Ann Roe (R-Ky.) said": a party and state tag, or another
        // short parenthetical, closes the mention it belongs to.
        if let Some(open) = paren_before(p, end, floor) {
            let (a, _) = self.np_left(p, open, floor)?;
            return Some(p.span(a, end));
        }
        let t = &p.toks[end - 1];
        if t.text == "," || DASHES.contains(&t.text) {
            return self.speaker_before_commas(p, end - 1, floor);
        }
        let single =
            self.words.pronoun(t.norm).is_some() || self.words.roles(t.norm).has(Roles::RELATIVE);
        let qualified = || self.qualified_plural(p, end, floor);
        let (a, b) = if single || PARTITIVE_RELATIVE.contains(&t.norm) {
            // "those close to him": an object pronoun ends a longer phrase.
            qualified().unwrap_or((end - 1, end))
        } else {
            self.subject_phrase_left(p, end, floor)?
        };
        // "many of whom", "some of the women": the count is the subject.
        let a = self.partitive_start(p, a, floor);
        if a == end - 1 && !single && PARTITIVE_RELATIVE.contains(&t.norm) {
            return None;
        }
        Some(p.span(a, b))
    }

    /// The noun phrase ending at `end`: a name or listed head, a plain
    /// subject, or a plural head with its phrase ("proponents of the new
    /// bill"), whichever reaches furthest back.
    fn subject_phrase_left(&self, p: &Para, end: usize, floor: usize) -> Option<(usize, usize)> {
        let near = self
            .np_left(p, end, floor)
            .or_else(|| self.plain_subject(p, end, floor));
        match (near, self.qualified_plural(p, end, floor)) {
            (Some(n), Some(q)) if q.0 < n.0 => Some(q),
            (None, q) => q,
            (n, _) => n,
        }
    }

    /// Whether token `k` stands between a speaker and its cue: an auxiliary,
    /// an adverb of the lists or one in -ly ("Gingrich cynically
    /// dismissed"), "are" before a progressive ("Republicans are
    /// slamming"). A capital mid-sentence is a name ("Theresa May said").
    fn between_speaker_and_cue(&self, p: &Para, k: usize, floor: usize, progressive: bool) -> bool {
        let t = &p.toks[k];
        if t.is_cap() && k > floor && !p.title_case_at(k) {
            return false;
        }
        let n = t.norm;
        let adverb = !t.is_cap()
            && n.len() >= 5
            && n.ends_with("ly")
            && n.chars().all(|c| c.is_alphabetic())
            && self.words.head_kind(n).is_none()
            && !self.words.is_title(n)
            && !self.words.roles(n).has(Roles::MODIFIER);
        self.skippable(t) || adverb || progressive && PROGRESSIVE_BE.contains(&n)
    }

    /// "David Axelrod on Wednesday called", "prosecutors in April
    /// charged", "May said this week": a time phrase ending right before
    /// token `end`, skipped between a speaker and its cue. Its first token.
    fn time_phrase_before(&self, p: &Para, end: usize, floor: usize) -> Option<usize> {
        let k = end.checked_sub(1).filter(|&k| k > floor)?;
        let time = &p.toks[k];
        if !self.words.roles(time.norm).has(Roles::TIME) {
            return None;
        }
        let opener = self.words.roles(p.toks[k - 1].norm);
        opener
            .has(Roles::TIME_OPENER)
            .then_some(k - 1)
            .filter(|&a| a > floor)
    }

    /// ", X ," before the cue, `close` being the second comma: a
    /// parenthetical to skip (", in a statement,"), or an appositive that
    /// is part of the speaker. A relative clause (", who …,") is neither,
    /// and the speaker before it is out of reach.
    fn speaker_before_commas(&self, p: &Para, close: usize, floor: usize) -> Option<Span> {
        // "Jason Sims — a teacher from Mount Pleasant — says": dashes too.
        let mark = p.toks[close].text;
        let open = (floor..close).rev().find(|&k| p.toks[k].text == mark)?;
        let inner_first = &p.toks[open + 1];
        if self.words.roles(inner_first.norm).has(Roles::ASIDE) {
            return self.speaker_left(p, open, floor);
        }
        // "The girl, who asked not to be named, said": a relative clause
        // describes the subject before it, which is the speaker.
        if self.words.roles(inner_first.norm).has(Roles::RELATIVE) && close > open + 2 {
            let (a0, b0) = self.np_left(p, open, floor)?;
            return Some(p.span(a0, b0));
        }
        let covered = self
            .np_left(p, close, open + 1)
            .filter(|&(a, _)| a == open + 1)
            .or_else(|| {
                self.description(p, open + 1, close)
                    .then_some((open + 1, close))
            });
        let (a, b) = covered?;
        match self.np_left(p, open, floor) {
            Some((a0, _)) => Some(p.span(a0, b)),
            None => Some(p.span(a, b)),
        }
    }

    /// "a teacher from Mount Pleasant": a short description between
    /// `[a, b)`, opened by an article, with no verb, cue or clause in it,
    /// which the noun-phrase reader does not cover.
    fn description(&self, p: &Para, a: usize, b: usize) -> bool {
        let article = ARTICLES.contains(&p.toks[a].norm);
        article
            && b - a <= DESCRIPTION_WORDS
            && (a..b).all(|k| {
                let t = &p.toks[k];
                let r = self.words.roles(t.norm);
                t.is_word()
                    && !r.has(Roles::FINITE | Roles::RELATIVE | Roles::CLAUSE)
                    && self.words.pronoun(t.norm).is_none()
                    && self.cue_at(p, k).is_none()
            })
    }

    /// The speaker of a cue at `ci`: the mention before it; for a
    /// participle (", warning that") or a coordinated cue ("and insisted")
    /// the speaker of the sentence's earlier statement, else its subject.
    pub(super) fn speaker_for(
        &self,
        p: &Para,
        ci: usize,
        sent_start: usize,
        earlier: &[Statement],
    ) -> Option<Span> {
        let prev = (ci > sent_start).then(|| p.toks[ci - 1].norm);
        let introduces =
            prev.is_some_and(|w| w == "," || self.words.roles(w).has(Roles::PARTICIPLE));
        let coordinated = prev.is_some_and(|w| COORDINATED.contains(&w));
        let shared = introduces && p.toks[ci].norm.ends_with("ing") || coordinated;
        let found = if shared {
            earlier_speaker(p, ci, sent_start, earlier)
        } else {
            self.speaker_left(p, ci, sent_start)
        };
        found.or_else(|| {
            let s = self.subject(p, sent_start, ci)?;
            // "The mayor left early but said …": the subject is the noun
            // phrase, not the first predicate after it.
            let a = p.tok_at(s.start);
            let np = self
                .np_right(p, a, p.tok_at(s.end))
                .filter(|&(x, _)| coordinated && x == a);
            Some(np.map_or(s, |(x, y)| p.span(x, y)))
        })
    }

    /// The subject at the start of a sentence: after an introductory phrase
    /// ("On Monday,"), up to the first auxiliary or verb-like word.
    pub(super) fn subject(&self, p: &Para, sent_start: usize, limit: usize) -> Option<Span> {
        let mut s = sent_start;
        if let Some(c) = (s..limit.min(s + 7)).find(|&k| p.toks[k].text == ",") {
            // "For the first time, a poll shows": an opening phrase, not
            // a name, though its first word has a capital.
            let opener = Roles::STOP
                | Roles::PREPOSITION
                | Roles::CONNECTOR
                | Roles::SETTING
                | Roles::LOCATIVE
                | Roles::TIME;
            if self.words.roles(p.toks[s].norm).has(opener) {
                s = c + 1;
            }
        }
        while s < limit && self.words.roles(p.toks[s].norm).has(Roles::STOP) && !p.toks[s].is_cap()
        {
            s += 1;
        }
        // A pronoun subject, unless it is a possessive ("His aides").
        if s < limit
            && self.words.pronoun(p.toks[s].norm).is_some()
            && !(s + 1 < limit && self.np_word(p, s + 1) && !p.toks[s + 1].is_cap())
        {
            return Some(p.toks[s].span);
        }
        let mut e = s;
        while e < limit {
            let t = &p.toks[e];
            if is_punct(t) && t.text != "-" {
                break;
            }
            let r = self.words.roles(t.norm);
            if r.has(Roles::STOP) && !r.has(Roles::DETERMINER) {
                break;
            }
            if !t.is_cap()
                && !self.np_word(p, e)
                && (r.has(Roles::SKIP)
                    || t.norm.ends_with('s')
                    || t.norm.ends_with("ed")
                    || self.cue_at(p, e).is_some())
            {
                break;
            }
            e += 1;
        }
        (e > s && self.has_head(p, s, e)).then(|| p.span(s, e))
    }

    /// Past the addressee of a cue that takes one (told [reporters], told
    /// [me]) starting at `j`; `j` itself when there is none.
    pub(super) fn skip_addressee(&self, p: &Para, m: CueMatch, j: usize, end: usize) -> usize {
        if !self.cues.get(m).takes_object || j >= end {
            return j;
        }
        let t = &p.toks[j];
        if self.words.pronoun(t.norm).is_some() {
            return j + 1;
        }
        // "Vows To Keep …" in a headline: a preposition opens no addressee.
        if self.words.roles(t.norm).has(Roles::PREPOSITION) {
            return j;
        }
        self.np_right(p, j, end).map_or(j, |(_, b)| b)
    }

    /// `…, a senior official involved in the talks told X.`: a speaker
    /// description with modifiers the noun-phrase reader does not cover,
    /// between a comma and the cue.
    pub(super) fn described_speaker(&self, p: &Para, ci: usize, floor: usize) -> Option<Span> {
        let comma = (floor..ci)
            .rev()
            .take(14)
            .find(|&k| p.toks[k].text == ",")?;
        let first = comma + 1;
        if first >= ci {
            return None;
        }
        let t = &p.toks[first];
        let opens = self.words.roles(t.norm).has(Roles::DETERMINER) || t.is_cap();
        let head = self.has_head(p, first, ci) || self.plain_description(p, first, ci);
        if !opens || !head || p.has_that_or_quote(first, ci) {
            return None;
        }
        Some(p.span(first, ci))
    }

    /// "a longtime friend", "one neighbour": a determiner and up to four
    /// plain lower-case words, a description whose head no list holds.
    /// Only between a comma and a closing cue is that enough to make a
    /// speaker.
    fn plain_description(&self, p: &Para, a: usize, b: usize) -> bool {
        let det = &p.toks[a];
        !det.is_cap()
            && self.words.roles(det.norm).has(Roles::DETERMINER)
            && (2..=5).contains(&(b - a))
            && p.toks[a + 1..b]
                .iter()
                .all(|t| self.plain_adjective(t) || self.plain_plural(t))
    }
}

/// The speaker of the sentence's latest statement before the cue at `ci`,
/// which a participle or coordinated cue shares ("…, he said, adding …").
fn earlier_speaker(p: &Para, ci: usize, sent_start: usize, earlier: &[Statement]) -> Option<Span> {
    let here = p.toks[sent_start].span.start;
    let cue_pos = p.toks[ci].span.start;
    earlier
        .iter()
        .filter(|st| {
            st.cue
                .as_ref()
                .is_some_and(|c| c.span.start >= here && c.span.start < cue_pos)
        })
        .max_by_key(|st| st.cue.as_ref().map(|c| c.span.start))
        .and_then(|st| st.mention)
}

/// The longest parenthetical a mention takes: "(R-Ky.)", "(D-N.Y.)",
/// "(pictured)".
const MAX_PAREN: usize = 8;

/// The opening bracket of a short parenthetical that ends right before
/// token `end` and opens after `floor`.
fn paren_before(p: &Para, end: usize, floor: usize) -> Option<usize> {
    let close = end
        .checked_sub(1)
        .filter(|&k| k > floor && p.toks[k].text == ")")?;
    (close.saturating_sub(MAX_PAREN).max(floor + 1)..close)
        .rev()
        .take_while(|&k| p.toks[k].text != ")")
        .find(|&k| p.toks[k].text == "(")
}

/// Past a short parenthetical that opens at token `b` (before `limit`):
/// the index after its closing bracket.
fn paren_after(p: &Para, b: usize, limit: usize) -> Option<usize> {
    if b >= limit || p.toks[b].text != "(" {
        return None;
    }
    (b + 1..(b + MAX_PAREN).min(limit))
        .take_while(|&k| p.toks[k].text != "(")
        .find(|&k| p.toks[k].text == ")")
        .map(|k| k + 1)
}

/// A word that looks like a plural noun: "residents", "forecasters", not
/// "press", "Hamas's", "bus".
pub(super) fn looks_plural(t: &Tok) -> bool {
    let n = t.norm;
    n.len() > 3
        && n.ends_with('s')
        && !n.ends_with("ss")
        && !t.is_possessive()
        && n.chars().all(char::is_alphabetic)
}
