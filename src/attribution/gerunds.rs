//! Gerunds: whether an -ing cue is a verb. After a comma or "by" it opens
//! a participle phrase (", warning that …") that may share the sentence's
//! speaker; after "be" it is a progressive ("is questioning"); otherwise it
//! is a noun ("the warning"). Adverbs and negation may stand between.

use std::ops::Range;

use crate::lexicon::words::Roles;

use super::cues::{CueMatch, Form};
use super::para::{ly_adverb, Para};
use super::Attributor;

/// Forms of "be" that make a gerund after them a progressive verb ("was
/// warning", "isn't saying"): `para::BE` but "being", since "of being
/// welcoming" is an adjective.
pub(super) const PROGRESSIVE_BE: &[&str] = &[
    "is", "was", "were", "are", "been", "be", "isn't", "wasn't", "weren't", "aren't",
];

impl Attributor {
    /// ", warning that …", "by saying …", ", even suggesting …": a
    /// participle cue, which may take the speaker of the sentence rather
    /// than one of its own. Adverbs may stand before it.
    pub(super) fn participle_cue(
        &self,
        p: &Para,
        ci: usize,
        m: CueMatch,
        sent: &Range<usize>,
    ) -> bool {
        let Some(k) = self.before_adverbs(p, ci, sent.start) else {
            return false;
        };
        let w = p.toks[k].norm;
        m.form == Form::Gerund
            && (w == "," || w == "and" || self.words.roles(w).has(Roles::PARTICIPLE))
    }

    /// A gerund that opens no participle phrase and follows no "be" is a
    /// noun ("the warning", "a warning"); "is once again questioning",
    /// "isn't saying" are verbs.
    pub(super) fn gerund_as_noun(
        &self,
        p: &Para,
        ci: usize,
        m: CueMatch,
        sent: &Range<usize>,
        participle: bool,
    ) -> bool {
        m.form == Form::Gerund
            && !participle
            && ci > sent.start
            && !self
                .before_adverbs(p, ci, sent.start)
                .is_some_and(|k| PROGRESSIVE_BE.contains(&p.toks[k].norm))
    }

    /// The last token before `ci` that is no adverb or negation ("also",
    /// "not", "once again", "even", "publicly").
    fn before_adverbs(&self, p: &Para, ci: usize, floor: usize) -> Option<usize> {
        (floor..ci).rev().find(|&k| {
            let t = &p.toks[k];
            // "is reportedly weighing": hearsay is no mere adverb.
            let ly = ly_adverb(t) && !self.words.roles(t.norm).has(Roles::HEARSAY);
            let adverb = self.skippable(t) && !self.words.roles(t.norm).has(Roles::FINITE);
            !(adverb || ly)
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::{one, run};

    #[test]
    fn an_adverb_or_negation_keeps_a_progressive_or_participle_cue_a_verb() {
        let f = one("Ruiz is once again questioning the count.");
        assert_eq!(
            (f.mention.as_str(), f.parts[0].as_str()),
            ("Ruiz", "the count")
        );
        let f = one("Ruiz isn’t saying if the count was fair.");
        assert_eq!(
            (f.mention.as_str(), f.parts[0].as_str()),
            ("Ruiz", "if the count was fair")
        );
        let f = run("Ruiz complained about the count, even suggesting it was rigged.");
        assert_eq!(f[0].parts, ["the count"]);
        assert_eq!(
            (f[1].cue.as_str(), f[1].mention.as_str()),
            ("suggesting", "Ruiz")
        );
    }

    #[test]
    fn a_participle_cue_after_from_shares_the_speaker() {
        let f = run("Title\n\nHe refuses to name appointees, aside from saying he wants a diverse delegation.");
        assert!(f
            .iter()
            .any(|s| s.cue == "saying" && s.parts == ["he wants a diverse delegation"]));
    }
}
