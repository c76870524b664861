//! Views that the text reports without a source: "Clinton seemed to
//! implore Sanders …", "the Trump team appeared paralyzed", "The magnate was
//! expected to cruise past …", "He is widely seen as a moderate".
//!
//! The subject of such a sentence is what the view is about, not who holds
//! it: nobody in the sentence is the source. So the statement has no
//! speaker (`unresolved`), and its content is both the subject and what is
//! said of it, as two parts. Cues opt in through the complement frames
//! `raising` (seem, appear) and `passive` (be expected, be seen as) of
//! `cues.tsv`.

use std::ops::Range;

use crate::lexicon::words::Roles;

use super::clauses::OBJECT_PUNCT;
use super::cues::{CueMatch, CueType, Form};
use super::para::{Para, BE};
use super::phrases::HYPHENS;
use super::{Attributor, ContentForm, Kind, Rule, SpeakerSource, Statement};

/// Words after a passive or raising cue that keep its reading: "expected
/// to", "seen as", "looked like".
const LINKS: &[&str] = &["to", "as", "like"];

/// Subjects that are no content: "It appears that …" has only the clause.
const EXPLETIVES: &[&str] = &["it", "there"];

impl Attributor {
    /// Whether the cue at `ci` reads as a view without a source: a raising
    /// cue (seem, appear), or a passive cue after a form of "be" ("was
    /// expected", "is widely seen").
    pub(super) fn is_unsourced(&self, p: &Para, ci: usize, m: CueMatch) -> bool {
        self.cues.get(m).raising || self.passive_view(p, ci, m)
    }

    /// A passive cue after a form of "be": the one case where "be" before a
    /// past form leaves a cue, not a plain passive.
    pub(super) fn passive_view(&self, p: &Para, ci: usize, m: CueMatch) -> bool {
        self.cues.get(m).passive && m.form == Form::Past && self.be_before(p, ci).is_some()
    }

    /// The form of "be" before the past form at `ci`, over adverbs and
    /// negation ("is not widely expected"), within its sentence.
    pub(super) fn be_before(&self, p: &Para, ci: usize) -> Option<usize> {
        let sent = p.sent_of(ci);
        let mut k = ci;
        while k > sent.start && ci - k < 4 {
            k -= 1;
            let t = &p.toks[k];
            if BE.contains(&t.norm) {
                return Some(k);
            }
            let adverb = t.norm.ends_with("ly") && t.norm.len() > 3 && !t.is_cap();
            if !(adverb || self.skippable(t)) {
                return None;
            }
        }
        None
    }

    /// The statement of an unsourced view at cue `ci`: the subject before
    /// the cue and the predicate after it, with no speaker. `None` where the
    /// cue takes a place, not a view ("appeared on Fox News", "was seen at
    /// the rally"), or an agent that is its source ("is expected by
    /// analysts to …": left to the other rules).
    pub(super) fn unsourced_view(&self, p: &Para, ci: usize, m: CueMatch) -> Option<Statement> {
        let sent = p.sent_of(ci);
        let s = ci + m.len;
        let next = p.toks.get(s).filter(|_| s < sent.end)?;
        if !self.keeps_view(next) {
            return None;
        }
        // "appeared to suggest that …": the subject's own statement; a
        // belief after it ("seemed to welcome") is still the view.
        if self.cues.get(m).raising
            && next.norm == "to"
            && self
                .cue_at(p, s + 1)
                .is_some_and(|c| self.cues.get(c).kind == CueType::Speech)
        {
            return None;
        }
        let end = self.predicate_end(p, s, self.clause_end(p, s, sent.end));
        let predicate = p.trim_content(s, end)?;
        let mut parts = Vec::with_capacity(2);
        if let Some(subject) = self.unsourced_subject(p, ci, &sent) {
            parts.push(subject);
        }
        parts.push(predicate);
        Some(Statement {
            kind: Kind::Indirect,
            parts,
            cue: Some(self.cue_ref(p, ci, m)),
            mention: None,
            source: SpeakerSource::None,
            rule: Rule::Unsourced,
            form: ContentForm::default(),
            reported_by: None,
        })
    }

    /// Where what is said of the subject ends: at a comma or a clause of
    /// its own ("seemed to carry little weight, had forced …", "appears to
    /// have plummeted since 2008, when …", "seemed stable as the polls
    /// closed"): the view is the predicate, not the circumstances the writer
    /// adds to it. Adverbs left before the cut go with the clause ("even if").
    pub(super) fn predicate_end(&self, p: &Para, s: usize, end: usize) -> usize {
        let cut = (s + 1..end)
            .find(|&k| {
                let t = &p.toks[k];
                let r = self.words.roles(t.norm);
                // "after" and "before" are prepositions too ("expected to
                // win after Iowa"): only a subordinator that is none cuts.
                let subordinator =
                    r.has(Roles::SUBORDINATOR | Roles::CLAUSE) && !r.has(Roles::PREPOSITION);
                !p.inside_quote(k) && (OBJECT_PUNCT.contains(&t.text) || subordinator)
            })
            .unwrap_or(end);
        let mut b = cut;
        while b > s + 1 && self.skippable(&p.toks[b - 1]) {
            b -= 1;
        }
        b
    }

    /// A preposition after the cue gives it a place or an agent, not a view;
    /// "to", "as" and "like" link it to one.
    fn keeps_view(&self, next: &crate::doc::Tok) -> bool {
        if LINKS.contains(&next.norm) {
            return true;
        }
        let r = self.words.roles(next.norm);
        let place = r.has(
            Roles::PREPOSITION | Roles::SETTING | Roles::CONNECTOR | Roles::TIME | Roles::TOPIC,
        ) || next.norm == "by";
        !place && !super::para::is_punct(next)
    }

    /// The phrase the view is about: the noun phrase before the cue (and
    /// its "be"), as the speaker reader finds it; none for an expletive
    /// before "that" ("It appears that …").
    pub(super) fn unsourced_subject(
        &self,
        p: &Para,
        ci: usize,
        sent: &Range<usize>,
    ) -> Option<crate::span::Span> {
        let head = self.be_before(p, ci).unwrap_or(ci);
        let first = self.phrase_start(p, head, sent.start)?;
        let expletive = EXPLETIVES.contains(&p.toks[first].norm)
            && first + 1 == head
            && p.toks.get(ci + 1).is_some_and(|t| t.norm == "that");
        (!expletive).then(|| p.span(first, head))
    }

    /// Where the noun phrase that ends before `end` starts. Unlike a
    /// speaker's, this one may be any common noun ("the character of the
    /// race", "Trump business practices"), so it is read by its edges: it
    /// runs left over words to a determiner, and past the determiner only
    /// through a preposition that joins it to a head before ("the candidate
    /// for the nation's next commander-in-chief", "a tribunal in The Hague").
    fn phrase_start(&self, p: &Para, end: usize, floor: usize) -> Option<usize> {
        let mut a = end;
        while a > floor && end - a < 12 {
            let t = &p.toks[a - 1];
            let r = self.words.roles(t.norm);
            let hyphen = HYPHENS.contains(&t.text) && self.np_word(p, a - 1);
            if super::para::is_punct(t) && !hyphen
                || BE.contains(&t.norm)
                || self.skippable(t)
                || r.has(Roles::STOP) && !r.has(Roles::DETERMINER)
                || r.has(Roles::CONJUNCTION)
                || r.has(Roles::SUBORDINATOR)
                || r.has(Roles::CLAUSE)
                || r.has(Roles::FUNCTION) && a != end
                || self.any_cue_at(p, a - 1).is_some()
            {
                break;
            }
            a -= 1;
            // "the final, which is expected to draw …", "What seems most
            // striking": a relative or interrogative right before the view
            // is its subject, as PolNeAR marks it.
            if r.has(Roles::FUNCTION) {
                return Some(a);
            }
            let joins = |k: usize| {
                let rk = self.words.roles(p.toks[k].norm);
                rk.has(Roles::CONNECTOR | Roles::SETTING | Roles::LOCATIVE)
            };
            if r.has(Roles::DETERMINER) && !r.has(Roles::QUANTIFIER) || t.is_possessive() {
                if a > floor + 1 && joins(a - 1) && !t.is_possessive() {
                    a -= 1;
                    continue;
                }
                if !t.is_possessive() {
                    break;
                }
            }
        }
        // A preposition opens no subject ("In Iowa, …" stops at the comma).
        while a < end && {
            let r = self.words.roles(p.toks[a].norm);
            r.has(Roles::CONNECTOR | Roles::SETTING | Roles::PREPOSITION)
        } {
            a += 1;
        }
        (a < end).then_some(a)
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::{one, run};

    #[test]
    fn a_raising_verb_reports_a_view_with_no_source() {
        let f = one("The Trump team appeared paralyzed as the polls closed.");
        assert_eq!(f.parts, ["The Trump team", "paralyzed"]);
        assert_eq!((f.cue.as_str(), f.cue_type), ("appeared", "belief"));
        assert_eq!((f.mention.as_str(), f.resolution), ("", "unresolved"));
        let f = one("Ms. Ortiz seemed to enjoy the delay.");
        assert_eq!(f.parts, ["Ms. Ortiz", "to enjoy the delay"]);
        // The -s form takes any noun phrase for its subject too.
        let f = one("The plan seems to work.");
        assert_eq!(f.parts, ["The plan", "to work"]);
        let f = one("The Clintons were known to use his house.");
        assert_eq!(f.parts, ["The Clintons", "to use his house"]);
        assert_eq!(f.mention, "");
        // A speech cue after "to" is her own statement.
        let f = one("Ms. Ortiz seemed to welcome the delay.");
        assert_eq!(
            (f.mention.as_str(), f.cue.as_str()),
            ("Ms. Ortiz", "welcome")
        );
        assert_eq!(f.parts, ["the delay"]);
    }

    #[test]
    fn the_predicate_ends_before_the_writers_circumstances() {
        let f = one("Both bids seemed to carry little weight, and the board voted on.");
        assert_eq!(f.parts, ["Both bids", "to carry little weight"]);
        let f = one("Turnout appears to have fallen since 2012, when the rules changed.");
        assert_eq!(f.parts, ["Turnout", "to have fallen since 2012"]);
        let f = one("The port seemed to be shrinking even if trade is booming.");
        assert_eq!(f.parts, ["The port", "to be shrinking"]);
        let f = one("Ruiz is expected to win after the count in Lyon.");
        assert_eq!(f.parts, ["Ruiz", "to win after the count in Lyon"]);
    }

    #[test]
    fn a_passive_view_takes_its_subject_as_content() {
        let f = one("The ferry operator was widely expected to raise its fares.");
        assert_eq!(f.parts, ["The ferry operator", "to raise its fares"]);
        assert_eq!(f.cue, "expected");
        let f = one("The mayor of Leeds is seen as a moderate.");
        assert_eq!(f.parts, ["The mayor of Leeds", "as a moderate"]);
        // An expletive before "that" is no content.
        let f = one("It appears that the bridge will close in May.");
        assert_eq!(f.parts, ["that the bridge will close in May"]);
    }

    #[test]
    fn a_relative_before_the_view_is_its_subject() {
        let f = one("They watched the final, which is expected to draw a record audience.");
        assert_eq!(f.parts, ["which", "to draw a record audience"]);
        let f = one("They cheered Ms. Roe, who seemed to enjoy the noise.");
        assert_eq!(f.parts, ["who", "to enjoy the noise"]);
    }

    #[test]
    fn places_agents_and_actives_are_not_unsourced_views() {
        // A place, not a view; an agent names the source.
        assert!(run("The minister appeared on breakfast television.").is_empty());
        assert!(run("He was seen at the station on Monday.").is_empty());
        assert!(run("The fare rise was expected by analysts.").is_empty());
        // The active verb keeps its holder as the speaker.
        let f = one("Analysts expected the fares to rise.");
        assert_eq!(f.mention, "Analysts");
    }
}
