//! Speakers with no name, title or listed head noun: plain plurals and
//! counts ("forecasters say", "nine out of 10 say", "many of whom say"),
//! and plural heads with a short phrase after them ("proponents of the new
//! bill say", "those close to him say"). Only their grammar and their
//! place right before a cue make them speakers, so each reading stays
//! close to the cue and opens a clause.

use crate::doc::Tok;
use crate::lexicon::words::{EntityKind, Roles};
use crate::span::Span;

use super::cues::{CueMatch, CueType, Form};
use super::para::{is_punct, Para, ARTICLES, BE};
use super::phrases::{looks_plural, HYPHENS};
use super::Attributor;

/// What a partitive may end on besides a noun phrase or a pronoun ("many
/// of whom say"); alone it is no speaker.
pub(super) const PARTITIVE_RELATIVE: &[&str] = &["whom"];

/// The most adjectives of no list read between a determiner and a plain
/// head noun ("the self-described democratic socialist"): more, and the
/// words are likelier the end of a clause than one noun phrase.
const ADJECTIVES: usize = 2;

/// The words between the two numbers of a ratio ("four in 10", "nine out
/// of 10").
const RATIO: &[&[&str]] = &[&["in"], &["out", "of"]];

/// The most words a plural head's phrase runs over after its qualifier
/// ("proponents of [the new bill]"): longer, it is more likely a clause
/// than part of the subject.
const QUALIFIED_WORDS: usize = 5;

/// The most words an evidence cue's plain subject runs over ("A 2010
/// YouTube video of the rally shows"): longer, it is more likely the end
/// of a clause than a subject.
const EVIDENCE_WORDS: usize = 10;

/// The most words a participle aside between a source and its evidence cue
/// runs over ("conducted jointly with two polling firms").
const ASIDE_WORDS: usize = 14;

impl Attributor {
    /// "forecasters say", "many said", "those surveyed say", "nearly a
    /// third say", "42% say", "nine out of 10 say": a speaker with no name,
    /// title or listed head noun, which only its place right before a cue
    /// shows. Read back from its last word over determiners, modifiers and
    /// numbers.
    pub(super) fn plain_subject(
        &self,
        p: &Para,
        end: usize,
        floor: usize,
    ) -> Option<(usize, usize)> {
        let k = end.checked_sub(1).filter(|&k| k >= floor)?;
        let head = self.words.roles(p.toks[k].norm).has(Roles::QUANTIFIER)
            || self.count_head(p, k, floor)
            || self.plain_plural(&p.toks[k])
            || self.opening_singular(p, k, floor);
        if !head {
            return None;
        }
        let k = self.ratio_start(p, k, floor).unwrap_or(k);
        Some((self.read_back(p, k, floor), end))
    }

    /// "The defendant said", "The landlord, …, said": a lower-case noun of
    /// no list right after the article that opens the clause is its
    /// subject, and so the speaker of the cue after it.
    fn opening_singular(&self, p: &Para, k: usize, floor: usize) -> bool {
        // "The self-described democratic socialist said": adjectives of no
        // list may stand between the article and the noun.
        let mut d = k;
        for _ in 0..ADJECTIVES {
            match self.adjective_before(p, d, floor) {
                Some(a) => d = a,
                None => break,
            }
        }
        let Some(d) = d.checked_sub(1).filter(|&d| d >= floor) else {
            return false;
        };
        let opens = d == floor || p.toks[d - 1].text == ",";
        opens && ARTICLES.contains(&p.toks[d].norm) && self.plain_adjective(&p.toks[k])
    }

    /// The first token of an adjective of no list that ends right before
    /// token `i`: one word, or a compound joined by a hyphen
    /// ("self-described", "long-time"), whose pieces may be any lower-case
    /// words.
    fn adjective_before(&self, p: &Para, i: usize, floor: usize) -> Option<usize> {
        let k = i.checked_sub(1).filter(|&k| k >= floor)?;
        let w = &p.toks[k];
        let lower = |t: &Tok| t.is_word() && !t.is_cap();
        if k >= floor + 2 && HYPHENS.contains(&p.toks[k - 1].text) {
            let (a, h) = (&p.toks[k - 2], &p.toks[k - 1]);
            if lower(a) && lower(w) && a.span.end == h.span.start && h.span.end == w.span.start {
                return Some(k - 2);
            }
        }
        self.plain_adjective(w).then_some(k)
    }

    /// The start of a plain subject whose head is token `k`.
    fn read_back(&self, p: &Para, k: usize, floor: usize) -> usize {
        let mut a = k;
        // `i < a`: adjectives of no list read past, right before the head,
        // which only a determiner before them makes part of the phrase ("the
        // latest figures show"): without one they may be the end of a clause.
        let mut i = k;
        let mut adjectives = 0;
        while i > floor {
            let w = &p.toks[i - 1];
            let r = self.words.roles(w.norm);
            let joins = r.has(Roles::DETERMINER)
                || r.has(Roles::QUANTIFIER)
                || r.has(Roles::MODIFIER)
                || r.has(Roles::APPROXIMATE)
                || r.has(Roles::SHARE)
                || w.norm.chars().all(|c| c.is_ascii_digit());
            if joins && (i == a || r.has(Roles::DETERMINER)) {
                i -= 1;
                a = i;
            } else if let Some(s) =
                ((!joins || r.has(Roles::MODIFIER)) && a == k && adjectives < ADJECTIVES)
                    .then(|| self.adjective_before(p, i, floor))
                    .flatten()
            {
                i = s;
                adjectives += 1;
            } else {
                break;
            }
        }
        a
    }

    /// Whether token `k` ends a plural subject by its word alone: "many",
    /// "a third", "42%", "those surveyed" (a base form agrees with it).
    pub(super) fn count_head(&self, p: &Para, k: usize, floor: usize) -> bool {
        let t = &p.toks[k];
        let r = self.words.roles(t.norm);
        r.has(Roles::PLURAL)
            || r.has(Roles::SHARE)
            || t.norm.ends_with('%')
            || t.norm.ends_with("ed") && k > floor && p.toks[k - 1].norm == "those"
            || self.ratio_start(p, k, floor).is_some()
    }

    /// A lower-case word that may be an adjective of no list ("latest",
    /// "independent"): none of the small words, pronouns or cues, and no
    /// plural ("the lies hucksters tell" has two nouns).
    pub(super) fn plain_adjective(&self, t: &Tok) -> bool {
        let r = self.words.roles(t.norm);
        !t.is_cap()
            && !looks_plural(t)
            && t.norm.len() > 2
            && t.norm.chars().all(|c| c.is_alphabetic() || c == '-')
            && !r.has(
                Roles::STOP
                    | Roles::FUNCTION
                    | Roles::PREPOSITION
                    | Roles::SKIP
                    | Roles::TIME
                    | Roles::SETTING
                    | Roles::CONNECTOR
                    | Roles::LOCATIVE
                    | Roles::RELATIVE
                    | Roles::CONJUNCTION,
            )
            && !BE.contains(&t.norm)
            && self.words.pronoun(t.norm).is_none()
            && self.cues.match_any_at(&[t.norm]).is_none()
    }

    /// A lower-case plural noun of no list ("forecasters", "economists").
    pub(super) fn plain_plural(&self, t: &Tok) -> bool {
        let r = self.words.roles(t.norm);
        let n = t.norm;
        !t.is_cap()
            && looks_plural(t)
            && ![
                Roles::STOP,
                Roles::FUNCTION,
                Roles::PREPOSITION,
                Roles::SKIP,
                Roles::TIME,
                Roles::SETTING,
            ]
            .iter()
            .any(|&x| r.has(x))
            && self.words.pronoun(n).is_none()
            && self.cues.match_any_at(&[n]).is_none()
    }

    /// Digits or a number word.
    pub(super) fn is_number(&self, t: &Tok) -> bool {
        !t.norm.is_empty() && t.norm.chars().all(|c| c.is_ascii_digit())
            || self.words.roles(t.norm).has(Roles::NUMBER)
    }

    /// "nine out of 10", "one in five": the first number of a ratio ending
    /// at token `k`, which counts a plural subject as a share does.
    fn ratio_start(&self, p: &Para, k: usize, floor: usize) -> Option<usize> {
        if !self.is_number(&p.toks[k]) {
            return None;
        }
        RATIO.iter().find_map(|w| {
            let n = w.len();
            let a = k.checked_sub(n + 1).filter(|&a| a >= floor)?;
            let between = p.toks[a + 1..k]
                .iter()
                .zip(w.iter())
                .all(|(t, w)| t.norm == *w);
            (between && self.is_number(&p.toks[a])).then_some(a)
        })
    }

    /// "many of whom", "some of the women", "a third of voters": where a
    /// partitive starts whose "of" phrase starts at `a`; `a` itself when
    /// no count stands before an "of" there. The count is the subject, and
    /// the speaker's mention is the whole phrase.
    pub(super) fn partitive_start(&self, p: &Para, a: usize, floor: usize) -> usize {
        if a < floor + 2 || p.toks[a - 1].norm != "of" {
            return a;
        }
        let count = &p.toks[a - 2];
        let r = self.words.roles(count.norm);
        if !(r.has(Roles::QUANTIFIER | Roles::SHARE | Roles::PLURAL) || self.is_number(count)) {
            return a;
        }
        let mut i = a - 2;
        while i > floor
            && self
                .words
                .roles(p.toks[i - 1].norm)
                .has(Roles::DETERMINER | Roles::APPROXIMATE)
            && !p.toks[i - 1].is_cap()
        {
            i -= 1;
        }
        i
    }

    /// "Proponents of the new bill", "those close to him", "majorities in
    /// all five": a plural head, a qualifier and a short phrase, ending at
    /// `end`. The phrase must open its clause ("heard critics of the plan
    /// say" has its subject earlier).
    pub(super) fn qualified_plural(
        &self,
        p: &Para,
        end: usize,
        floor: usize,
    ) -> Option<(usize, usize)> {
        let last = end.checked_sub(1).filter(|&k| k > floor)?;
        let t = &p.toks[last];
        let det = self.words.roles(t.norm).has(Roles::DETERMINER) && !self.is_number(t);
        if self.linker(t) || det || !self.qualified_word(t) {
            return None;
        }
        let lo = end.saturating_sub(QUALIFIED_WORDS + 1).max(floor + 1);
        for c in (lo..end - 1).rev() {
            let t = &p.toks[c];
            if self.linker(t) && self.plural_head(&p.toks[c - 1]) {
                let mut a = self.read_back(p, c - 1, floor);
                while a > floor && self.np_word(p, a - 1) && !p.toks[a - 1].is_possessive() {
                    a -= 1;
                }
                return self.starts_clause(p, a, floor).then_some((a, end));
            }
            // A nested phrase ("close to him", "controls on hate speech").
            let nested = self.linker(t) || self.words.roles(t.norm).has(Roles::PREPOSITION);
            if !nested && !self.qualified_word(t) {
                return None;
            }
        }
        None
    }

    fn linker(&self, t: &Tok) -> bool {
        !t.is_cap()
            && self
                .words
                .roles(t.norm)
                .has(Roles::CONNECTOR | Roles::LOCATIVE | Roles::QUALIFIER)
    }

    /// A head that makes its phrase plural: "proponents", "women", "those".
    fn plural_head(&self, t: &Tok) -> bool {
        let group = self.words.head_kind(t.norm) == Some(EntityKind::Group);
        // "analysis", "census": Greek and Latin singulars in -s.
        let singular = t.norm.ends_with("is") || t.norm.ends_with("us");
        let plural = looks_plural(t)
            && !singular
            && !self
                .words
                .roles(t.norm)
                .has(Roles::STOP | Roles::FUNCTION | Roles::TIME)
            && self.words.pronoun(t.norm).is_none()
            && self.cues.match_any_at(&[t.norm]).is_none();
        group || plural || t.norm == "those"
    }

    /// A word of the phrase after a qualifier: a name, a determiner, a
    /// number, a pronoun, a modifier, or a lower-case word that is no small
    /// word, form of "be" or inflected cue (a base form may be a noun:
    /// "the harbour plan").
    fn qualified_word(&self, t: &Tok) -> bool {
        let r = self.words.roles(t.norm);
        if t.is_cap() {
            return !r.has(Roles::STOP);
        }
        if r.has(Roles::DETERMINER | Roles::MODIFIER | Roles::SHARE) || self.is_number(t) {
            return true;
        }
        if self.words.pronoun(t.norm).is_some() {
            return true;
        }
        t.norm.len() > 1
            && t.norm.chars().all(|c| c.is_alphabetic() || c == '-')
            && !r.has(
                Roles::STOP
                    | Roles::FUNCTION
                    | Roles::SKIP
                    | Roles::SUBORDINATOR
                    | Roles::CONJUNCTION
                    | Roles::TIME
                    | Roles::CLAUSE
                    | Roles::PREDICATE
                    | Roles::FINITE
                    | Roles::RELATIVE,
            )
            && !BE.contains(&t.norm)
            && self
                .cues
                .match_any_at(&[t.norm])
                .is_none_or(|m| m.form == Form::Base)
    }

    /// Whether a subject starting at token `a` opens its clause: at the
    /// start, after punctuation or a quote mark, or after a conjunction or
    /// sentence adverb ("but", "indeed"); after a preposition ("based on an
    /// analysis of …") it is an object.
    fn starts_clause(&self, p: &Para, a: usize, floor: usize) -> bool {
        a == floor || {
            let t = &p.toks[a - 1];
            let r = self.words.roles(t.norm);
            let preposition =
                Roles::PREPOSITION | Roles::SETTING | Roles::CONNECTOR | Roles::LOCATIVE;
            is_punct(t)
                || p.is_mark(t)
                || r.has(Roles::STOP | Roles::CONJUNCTION) && !r.has(preposition)
        }
    }

    /// The source of an evidence cue at `ci` given the mention `found`
    /// before it: the sentence's plain subject where none was found, or
    /// where it holds the found one ("[A survey by the city council]
    /// shows"). Other cues, and a participle, keep what was found.
    pub(super) fn evidence_source(
        &self,
        p: &Para,
        ci: usize,
        m: CueMatch,
        sent_start: usize,
        found: Option<Span>,
    ) -> Option<Span> {
        if self.cues.get(m).kind != CueType::Evidence || m.form == Form::Gerund {
            return found;
        }
        match (found, self.evidence_subject(p, sent_start, ci)) {
            (Some(f), Some(e)) if e.start <= f.start && e.end >= f.end && e != f => Some(e),
            (None, e) => e,
            (f, _) => f,
        }
    }

    /// "Recent polling shows …", "Footage from the game shows …", "A
    /// survey by the council found …": what a poll, a video or a study
    /// shows needs no name or listed head to be a source, so before an
    /// evidence cue the whole noun phrase that opens the clause is the
    /// speaker. Anything verb-like, a pronoun subject, a relative or
    /// another cue in it, and it is no plain noun phrase.
    pub(super) fn evidence_subject(&self, p: &Para, sent_start: usize, ci: usize) -> Option<Span> {
        let ci = participle_aside(p, sent_start, ci).unwrap_or(ci);
        let mut a = (sent_start..ci)
            .rev()
            .find(|&k| p.toks[k].text == ",")
            .map_or(sent_start, |k| k + 1);
        while a < ci && {
            let r = self.words.roles(p.toks[a].norm);
            r.has(Roles::STOP) && !r.has(Roles::DETERMINER) || r.has(Roles::TIME)
        } {
            a += 1;
        }
        let mut end = ci;
        while end > a && self.skippable(&p.toks[end - 1]) {
            end -= 1;
        }
        if end == a || end - a > EVIDENCE_WORDS {
            return None;
        }
        let plain = (a..end).all(|k| {
            let t = &p.toks[k];
            let r = self.words.roles(t.norm);
            let pronoun = self.words.pronoun(t.norm).is_some() && !r.has(Roles::DETERMINER);
            (!is_punct(t) || ["(", ")", "-"].contains(&t.text))
                && !p.is_mark(t)
                && !r.has(Roles::FINITE | Roles::RELATIVE | Roles::SKIP | Roles::CLAUSE)
                && !pronoun
                && self.cue_at(p, k).is_none()
        });
        let last = self.words.roles(p.toks[end - 1].norm);
        let open = last.has(Roles::PREPOSITION | Roles::DETERMINER | Roles::FUNCTION);
        (plain && !open).then(|| p.span(a, end))
    }
}

/// "A poll, conducted by X, shows …": the comma before `ci` closes an
/// aside that a lowercase participle opens, so the source ends at the comma
/// that opens it (returned).
fn participle_aside(p: &Para, sent_start: usize, ci: usize) -> Option<usize> {
    let close = ci
        .checked_sub(1)
        .filter(|&k| k > sent_start && p.toks[k].text == ",")?;
    let open = (sent_start..close)
        .rev()
        .take(ASIDE_WORDS)
        .find(|&k| p.toks[k].text == ",")?;
    let first = p.toks.get(open + 1)?;
    let participle = !first.is_cap() && (first.norm.ends_with("ed") || first.norm.ends_with("ing"));
    (participle && open > sent_start).then_some(open)
}

#[cfg(test)]
mod tests {
    use crate::testkit::{none, one, run};

    #[test]
    fn an_irregular_plural_or_a_partitive_is_a_speaker() {
        assert_eq!(
            one("The fishermen say the harbour is too shallow.").mention,
            "The fishermen"
        );
        assert_eq!(
            one("Several of the children said the bus never came.").mention,
            "Several of the children"
        );
        let f = one("Farmers, most of whom say the rains came late, want relief.");
        assert_eq!(f.mention, "most of whom");
        assert_eq!(
            one("Roughly seven out of 10 say the tram is too slow.").mention,
            "Roughly seven out of 10"
        );
    }

    #[test]
    fn adjectives_of_no_list_may_stand_before_an_opening_noun() {
        let f = one("The self-described democratic socialist said he would win the county.");
        assert_eq!(f.mention, "The self-described democratic socialist");
        let f = one("Aides to the governor say she is leaving office in May.");
        assert_eq!(f.mention, "Aides to the governor");
    }

    #[test]
    fn a_relative_before_a_base_form_is_its_speaker() {
        let f = one("The mayor met traders who say the new tolls hurt business.");
        assert_eq!((f.mention.as_str(), f.cue.as_str()), ("who", "say"));
    }

    #[test]
    fn a_plural_head_keeps_its_short_phrase() {
        assert_eq!(
            one("Opponents of the harbour plan say it will cost jobs.").mention,
            "Opponents of the harbour plan"
        );
        assert_eq!(
            one("Those close to the minister say she will resign.").mention,
            "Those close to the minister"
        );
        assert_eq!(
            one("Those under 30 say they will not vote.").mention,
            "Those under 30"
        );
        let f = one("Local economists, like their colleagues abroad, say rates will rise.");
        assert_eq!(f.mention, "Local economists");
    }

    #[test]
    fn a_plural_phrase_inside_another_phrase_is_no_speaker() {
        none(&[
            "The ruling was based on an analysis of the city budget and call records.",
            "All signs of his earlier post-election calm were gone.",
            "The basis of the new tax say nothing about it.",
        ]);
    }

    #[test]
    fn an_evidence_cue_takes_a_plain_noun_phrase_for_its_source() {
        let f = one("Recent polling shows that most voters like the tram.");
        assert_eq!(
            (f.mention.as_str(), f.cue_type),
            ("Recent polling", "evidence")
        );
        let f = one("For the first time, a poll shows Ruiz leading in Lyon.");
        assert_eq!(f.mention, "a poll");
        let f = one("Footage from the match shows fans tearing down a fence.");
        assert_eq!(f.mention, "Footage from the match");
        assert_eq!(f.parts, ["fans tearing down a fence"]);
        // The document holds the one who made it.
        let f = one("A survey by the city council shows that rents will climb.");
        assert_eq!(f.mention, "A survey by the city council");
        // Not past a clause of its own.
        none(&["The rain stopped but showed no sign of clearing."]);
    }

    #[test]
    fn a_cue_after_but_shares_the_subject_of_the_clause_before() {
        let f = run("Ruiz has disputed the figures, but says that the tolls will fall.");
        assert_eq!(
            (f[1].mention.as_str(), f[1].parts[0].as_str()),
            ("Ruiz", "that the tolls will fall")
        );
        let f = one("The mayor left early but said the talks would go on.");
        assert_eq!(f.mention, "The mayor");
    }

    #[test]
    fn a_finding_after_a_parenthetical_is_its_content() {
        let f = one("A ferry survey, carried out by Kestrel Research, shows Lyon with 40 percent.");
        assert_eq!(f.parts, ["Lyon with 40 percent"]);
        assert_eq!(f.cue, "shows");
    }

    #[test]
    fn a_noun_of_no_list_after_the_opening_article_is_the_speaker() {
        let f = one("The claimant said the landlord had lied.");
        assert_eq!(
            (f.mention.as_str(), f.parts[0].as_str()),
            ("The claimant", "the landlord had lied")
        );
        // Not mid-clause: "met the claimant said" has no such subject.
        let f = one("Ruiz, the magistrate said, had no case.");
        assert_eq!(f.mention, "the magistrate");
    }

    #[test]
    fn a_relative_clause_in_commas_leaves_the_subject_before_it_the_speaker() {
        let f = run("The girl, who asked not to be named, said teachers had ignored her.");
        assert!(f.iter().any(|s| s.cue == "said" && s.mention == "The girl"));
    }

    #[test]
    fn a_slide_or_a_chart_speaks_for_its_maker() {
        let f = one("Title\n\nSix million jobs depend on exports to Mexico, one slide says.");
        assert_eq!(
            (f.mention.as_str(), f.speaker_type),
            ("one slide", "document")
        );
    }

    #[test]
    fn manner_cues_next_to_a_quote_and_branding_report_speech() {
        let f = run("Title\n\n'They took my babies,' she sobbed. 'We will appeal.'");
        assert_eq!((f[0].cue.as_str(), f[0].parts.len()), ("sobbed", 2));
        assert_eq!(one("Title\n\n'Not one,' she fumed.").cue, "fumed");
        let f = one("Title\n\nMP Sarah Whitfield branded the seizure 'heavy-handed nonsense'.");
        assert_eq!(f.cue, "branded");
        let f = one("Title\n\nChief Financial Officer Martin Reyes said: “We are pleased.”");
        assert_eq!(
            (f.speaker.as_str(), f.title.as_str()),
            ("Martin Reyes", "Chief Financial Officer")
        );
    }

    #[test]
    fn a_sentence_adverb_opens_no_speaker() {
        let f = one(
            "Title\n\nAnyway, the owner, Kenji Sato, came over and said he had opened it in 2019.",
        );
        assert_eq!(f.mention, "the owner");
    }
}
