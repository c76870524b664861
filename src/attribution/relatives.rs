//! Relative clauses that report: "a wall, which he said Mexico should pay
//! for", "ending what he calls corruption", "Rubio, who many feel need a
//! strong showing", "investment taxes, which Clinton also supports".
//!
//! The relative pronoun stands for (part of) what the speaker said or
//! holds, so it is part of the statement's content: a part of its own
//! before the rest, or the whole content where the cue has no other
//! ("which Clinton also supports."). The pronouns are the
//! `object_relative` role of mention_words.tsv.

use std::ops::Range;

use crate::lexicon::words::Roles;
use crate::span::Span;

use super::cues::CueMatch;
use super::para::Para;
use super::{Attributor, ContentForm, Kind, Rule, SpeakerSource, Statement};

impl Attributor {
    /// The relative pronoun right before the speaker mention that starts at
    /// token `a`.
    pub(super) fn relative_before(&self, p: &Para, a: usize, sent: &Range<usize>) -> Option<usize> {
        let r = a.checked_sub(1).filter(|&r| r >= sent.start)?;
        let t = &p.toks[r];
        if !self.words.roles(t.norm).has(Roles::OBJECT_RELATIVE) || p.inside_quote(r) {
            return None;
        }
        // "in which he says …": after a preposition the pronoun is where
        // or about what, not what was said.
        let after_preposition = r > sent.start
            && self
                .words
                .roles(p.toks[r - 1].norm)
                .has(Roles::PREPOSITION | Roles::CONNECTOR);
        if after_preposition && t.norm != "what" {
            return None;
        }
        Some(r)
    }

    /// Adds the relative pronoun before a statement's speaker to its
    /// content, where no statement in `found` holds it already.
    pub(super) fn relative_part(&self, p: &Para, st: &mut Statement, found: &[Statement]) {
        let (Rule::CueThenContent { named: true }, Some(mention)) = (st.rule, st.mention) else {
            return;
        };
        let a = p.tok_at(mention.start);
        let Some(r) = self.relative_before(p, a, &p.sent_of(a)) else {
            return;
        };
        let part = p.span(r, r + 1);
        let held = |s: &Span| s.start < part.end && part.start < s.end;
        if !st.parts.iter().any(held) && !found.iter().any(|o| o.parts.iter().any(held)) {
            st.parts.insert(0, part);
        }
    }

    /// "which Clinton also supports.", "who many in the party had backed in
    /// the hope of …": a cue whose content is only the relative pronoun
    /// before its speaker. Read where the cue takes nothing after it.
    pub(super) fn relative_only(&self, p: &Para, ci: usize, m: CueMatch) -> Option<Statement> {
        let sent = p.sent_of(ci);
        let mention = self.speaker_left(p, ci, sent.start)?;
        let r = self.relative_before(p, p.tok_at(mention.start), &sent)?;
        Some(Statement {
            kind: Kind::Indirect,
            parts: vec![p.span(r, r + 1)],
            cue: Some(self.cue_ref(p, ci, m)),
            mention: Some(mention),
            source: SpeakerSource::Mention,
            rule: Rule::CueThenContent { named: true },
            form: ContentForm::default(),
            reported_by: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::{one, run};

    #[test]
    fn the_relative_before_a_speaker_is_part_of_what_was_said() {
        let f = run("Title\n\nHe wants a wall on the border, which he said Mexico would pay for.");
        let said = f.iter().find(|f| f.cue == "said").unwrap();
        assert_eq!(said.parts, ["which", "Mexico would pay for"]);
        assert_eq!(said.mention, "he");
        assert_eq!(said.form, "clause");
        let f = run("Title\n\nShe is tired of what she calls a witch hunt by the press.");
        let calls = f.iter().find(|f| f.cue == "calls").unwrap();
        assert_eq!(calls.parts[0], "what");
    }

    #[test]
    fn a_relative_is_the_whole_content_of_a_cue_with_no_other() {
        let f = run("Title\n\nSanders wants higher taxes on investment income, which Clinton also supports.");
        let f = f.iter().find(|f| f.cue == "supports").unwrap();
        assert_eq!(f.parts, ["which"]);
        assert_eq!(f.mention, "Clinton");
        assert_eq!(f.form, "noun_phrase");
    }

    #[test]
    fn a_relative_after_a_preposition_or_that_is_no_content() {
        let f = one("Title\n\nThe ad shows an interview in which he says he will build a force.");
        assert_eq!(f.parts, ["he will build a force"]);
        let f = one("Title\n\nHe ignores the fact that voters say they are tired.");
        assert!(!f.parts.contains(&"that".to_string()), "{:?}", f.parts);
    }
}
