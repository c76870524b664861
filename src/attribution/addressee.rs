//! The addressee of a telling cue before its clause ("told reporters the
//! talks had failed"): no content, though no "that" marks where the content
//! starts.

use std::ops::Range;

use crate::lexicon::words::Roles;

use super::cues::CueMatch;
use super::para::Para;
use super::phrases::{looks_plural, HYPHENS};
use super::Attributor;

impl Attributor {
    /// "told reporters the talks had failed", "told Reuters he would
    /// resign": with no "that", the addressee of a cue that tells someone
    /// something (frame `obj_that`) is still no content, when a subject
    /// opens a clause after it. Otherwise `s` ("told the truth").
    pub(super) fn past_addressee_before_clause(
        &self,
        p: &Para,
        s: usize,
        m: CueMatch,
        sent: &Range<usize>,
    ) -> usize {
        if !self.cues.get(m).tells_someone || s >= sent.end {
            return s;
        }
        let t = &p.toks[s];
        let object_pronoun = self.words.pronoun(t.norm).is_some()
            && !self.words.roles(t.norm).has(Roles::DETERMINER);
        let mut a = if object_pronoun {
            s + 1
        } else if self.words.roles(t.norm).has(Roles::PREPOSITION) || p.is_mark(t) {
            return s;
        } else {
            // "the BBC", "Reuters", "The Times of Israel", "reporters": a
            // name, or one plural noun, after an optional "the".
            let first = s + usize::from(t.norm == "the");
            let names = (first..sent.end.min(first + 4))
                .take_while(|&k| {
                    let t = &p.toks[k];
                    // "African-Americans": a hyphen inside the name.
                    let joined = HYPHENS.contains(&t.text)
                        && p.toks
                            .get(k + 1)
                            .is_some_and(|n| n.span.start == t.span.end);
                    t.is_cap() || k > first && (t.norm == "of" || joined)
                })
                .count();
            match names {
                // "told the court he had acted": one noun after "the".
                0 if first < sent.end
                    && (looks_plural(&p.toks[first])
                        || first > s && self.plain_adjective(&p.toks[first])) =>
                {
                    first + 1
                }
                0 => return s,
                n => first + n,
            }
        };
        // "told African-Americans this weekend he would …": past time words.
        let opens_time = |k: usize| {
            self.words.roles(p.toks[k].norm).has(Roles::TIME_OPENER)
                && p.toks[..sent.end]
                    .get(k + 1)
                    .is_some_and(|n| self.words.roles(n.norm).has(Roles::TIME))
        };
        while a < sent.end && (self.time_word(p, a, sent.end) || opens_time(a)) {
            a += 1;
        }
        if a >= sent.end {
            return s;
        }
        let n = &p.toks[a];
        let r = self.words.roles(n.norm);
        let subject = self.words.pronoun(n.norm).is_some() && !r.has(Roles::DETERMINER);
        if subject || r.has(Roles::DETERMINER) || n.is_cap() {
            a
        } else {
            s
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::one;

    #[test]
    fn an_addressee_with_a_hyphenated_name_and_a_time_is_no_content() {
        let f = one("Title\n\nMr. Obama told African-Americans this weekend he would consider it an insult.");
        assert_eq!(f.parts, ["he would consider it an insult"]);
        let f = one("Title\n\nMr. Obama told reporters this time would be different.");
        assert_eq!(f.parts, ["this time would be different"]);
    }
}
