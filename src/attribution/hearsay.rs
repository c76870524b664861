//! Hearsay adverbs: "The Club for Growth is reportedly spending $1.5
//! million", "Khoga was reportedly on that trip". The adverb (a `hearsay`
//! word of `mention_words.tsv`) says that somebody unnamed reports the
//! rest, so, as with a raising verb (`unsourced.rs`), the statement has no
//! speaker and its content is the subject and the predicate, as two parts.

use std::ops::Range;

use crate::lexicon::words::Roles;

use super::cues::CueType;
use super::para::{is_punct, Para};
use super::{Attributor, ContentForm, CueRef, Kind, Rule, SpeakerSource, Statement};

/// The class a hearsay adverb reports with (`cues.tsv` column 2).
const CLASS: &str = "report";

impl Attributor {
    /// The hearsay view of sentence `sent`: its first hearsay adverb after
    /// a subject, outside quotes. A sentence that opens with the adverb
    /// ("Reportedly, …") has no subject before it to read.
    pub(super) fn hearsay_view(&self, p: &Para, sent: &Range<usize>) -> Option<Statement> {
        let ci = (sent.start + 1..sent.end).find(|&k| {
            self.words.roles(p.toks[k].norm).has(Roles::HEARSAY) && !p.inside_quote(k)
        })?;
        let s = ci + 1;
        if p.toks.get(s).is_none_or(is_punct) || s >= sent.end || p.toks[ci].is_cap() {
            return None;
        }
        // "Trump reportedly said …" is his statement, for the speech cue.
        if self
            .cue_at(p, s)
            .is_some_and(|m| self.cues.get(m).kind == CueType::Speech)
        {
            return None;
        }
        let end = self.predicate_end(p, s, self.clause_end(p, s, sent.end));
        let predicate = p.trim_content(s, end)?;
        // "the manager, who reportedly …": a relative is no subject to read.
        let subject = self.unsourced_subject(p, ci, sent).filter(|sp| {
            !self
                .words
                .roles(p.toks[p.tok_at(sp.start)].norm)
                .has(Roles::FUNCTION)
        })?;
        Some(Statement {
            kind: Kind::Indirect,
            parts: vec![subject, predicate],
            cue: Some(CueRef {
                span: p.span(ci, ci + 1),
                lemma: p.toks[ci].norm.to_string(),
                class: CLASS.to_string(),
                kind: CueType::Belief,
            }),
            mention: None,
            source: SpeakerSource::None,
            rule: Rule::Unsourced,
            form: ContentForm::default(),
            reported_by: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::{none, one};

    #[test]
    fn a_hearsay_adverb_reports_subject_and_predicate() {
        let f = one("The ferry operator is reportedly weighing a fare rise.");
        assert_eq!(f.parts, ["The ferry operator", "weighing a fare rise"]);
        assert_eq!((f.cue.as_str(), f.mention.as_str()), ("reportedly", ""));
        let f = one("Moreau reportedly took the bribe, and nobody objected.");
        assert_eq!(f.parts, ["Moreau", "took the bribe"]);
    }

    #[test]
    fn a_hearsay_adverb_needs_a_subject_and_a_predicate() {
        none(&[
            "Reportedly, the tram will close.",
            "That is what happened, reportedly.",
            "She met the mayor, who reportedly owns the ferry.",
        ]);
        // A speech verb after it reports its subject's own words.
        let f = one("Moreau reportedly said that the tram will close.");
        assert_eq!((f.cue.as_str(), f.mention.as_str()), ("said", "Moreau"));
    }
}
