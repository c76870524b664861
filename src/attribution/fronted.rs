//! Reports in a phrase or clause that opens its sentence, before the main
//! clause: "When Ruiz noted that fares had doubled, the board gave in",
//! "Saying he had no choice, Ruiz resigned." The content ends at the comma
//! that closes the opening clause; for a participle cue the speaker is the
//! subject of the main clause after it, which no reading back from the cue
//! can reach.

use std::ops::Range;

use crate::doc::Tok;
use crate::lexicon::words::Roles;

use super::cues::{CueMatch, Form};
use super::para::Para;
use super::{Attributor, ContentForm, Kind, Rule, SpeakerSource, Statement};

impl Attributor {
    /// "When Ruiz noted that fares had doubled, the board gave in": content
    /// starting at `s` inside a subordinate clause that opens the sentence
    /// ends at the clause's comma; the main clause after it is the
    /// writer's. Not "As Reuters reported, …", whose content follows the
    /// comma.
    pub(super) fn in_fronted_clause(&self, p: &Para, s: usize, sent: &Range<usize>) -> bool {
        opening_word(p, sent, s).is_some_and(|k| {
            self.words.roles(p.toks[k].norm).has(Roles::SUBORDINATOR)
                && !p.toks[k..s].iter().any(|t| t.text == ",")
        })
    }

    /// "Clinton, who announced a $275 billion plan on Monday, plans to
    /// focus on jobs": content starting at `s` in a relative clause set off
    /// by a comma ends where the clause does, at a comma or a dash before
    /// the main clause's verb; `end` when none is in view.
    pub(super) fn relative_clause_end(
        &self,
        p: &Para,
        s: usize,
        end: usize,
        sent: &Range<usize>,
    ) -> usize {
        let opened = (sent.start + 1..s)
            .rev()
            .take_while(|&k| p.toks[k].text != ",")
            .any(|k| {
                self.words.roles(p.toks[k].norm).has(Roles::RELATIVE) && p.toks[k - 1].text == ","
            });
        if !opened {
            return end;
        }
        (s + 1..end)
            .find(|&k| {
                let t = &p.toks[k];
                let closes = t.text == "," || t.text == "—" || t.text == "–";
                closes
                    && p.quote_at(t.span.start).is_none()
                    && p.toks.get(k + 1).is_some_and(|v| {
                        k + 1 < end && (self.opens_predicate(v) || self.cue_at(p, k + 1).is_some())
                    })
            })
            .unwrap_or(end)
    }

    /// A word that can only open the main clause's predicate after its
    /// subject's relative clause: a finite verb, an -s or -ed form.
    fn opens_predicate(&self, v: &Tok) -> bool {
        let r = self.words.roles(v.norm);
        !v.is_cap()
            && !r.has(Roles::DETERMINER | Roles::PREPOSITION | Roles::CONJUNCTION | Roles::STOP)
            && (r.has(Roles::FINITE)
                || v.norm.ends_with("ed")
                || v.norm.ends_with('s') && v.norm.len() > 3)
    }

    pub(super) fn fronted_participle(&self, p: &Para, ci: usize, m: CueMatch) -> Option<Statement> {
        let sent = p.sent_of(ci);
        let first = opening_word(p, &sent, ci).unwrap_or(ci);
        if m.form != Form::Gerund || first != ci || !self.cues.get(m).reports_clause {
            return None;
        }
        let s = self.content_start(p, ci + m.len, m, &sent)?;
        let comma = (s + 1..sent.end)
            .find(|&k| p.toks[k].text == "," && p.quote_at(p.toks[k].span.start).is_none())?;
        let mention = self.speaker_right(p, comma + 1, sent.end)?;
        Some(Statement {
            kind: Kind::Indirect,
            parts: vec![p.trim_content(s, comma)?],
            cue: Some(self.cue_ref(p, ci, m)),
            mention: Some(mention),
            source: SpeakerSource::Mention,
            rule: Rule::CueThenContent { named: true },
            form: ContentForm::default(),
            reported_by: None,
        })
    }
}

/// The sentence's first word before token `limit`, past opening quote marks.
fn opening_word(p: &Para, sent: &Range<usize>, limit: usize) -> Option<usize> {
    (sent.start..limit).find(|&k| !p.is_mark(&p.toks[k]))
}

#[cfg(test)]
mod tests {
    use crate::testkit::{none, one, run};

    #[test]
    fn the_main_clause_subject_speaks_a_fronted_participle() {
        let f = one("Title\n\nSaying he had no choice, Ruiz resigned on Friday.");
        assert_eq!((f.cue.as_str(), f.mention.as_str()), ("Saying", "Ruiz"));
        assert_eq!(f.parts, ["he had no choice"]);
        let f = one("Title\n\nInsisting that the plan was sound, the mayor left the meeting.");
        assert_eq!(f.mention, "the mayor");
        assert_eq!(f.parts, ["that the plan was sound"]);
    }

    #[test]
    fn a_fronted_participle_needs_a_comma_and_a_subject() {
        none(&[
            "Title\n\nSaying goodbye is hard for everyone.",
            // A cue that reports no clause: "speaking to" names an audience.
            "Title\n\nSpeaking to reporters in Lyon, Ruiz looked tired.",
        ]);
    }

    #[test]
    fn a_report_in_a_fronted_clause_ends_at_its_comma() {
        let f = one("Title\n\nWhen Ruiz noted that fares had doubled, the board gave in.");
        assert_eq!(f.parts, ["that fares had doubled"]);
        let f = one("Title\n\nAs Reuters reported, the fares had doubled, and the board gave in.");
        assert_eq!(f.mention, "Reuters");
        assert_eq!(f.parts, ["the fares had doubled"]);
    }

    #[test]
    fn a_relative_clause_set_off_by_commas_ends_its_content() {
        let f = run("Ruiz, who announced a new tram line on Monday, plans to widen the ring road.");
        assert_eq!(
            (f[0].mention.as_str(), f[0].cue.as_str()),
            ("who", "announced")
        );
        assert_eq!(f[0].parts, ["a new tram line on Monday"]);
        let f = run("Holm, who says the tolls are unfair, said traders should stay.");
        assert_eq!(
            (f[0].cue.as_str(), f[0].parts[0].as_str()),
            ("says", "the tolls are unfair")
        );
        assert_eq!(f[1].parts, ["traders should stay"]);
    }

    #[test]
    fn an_adverb_in_ly_does_not_hide_the_subject_of_an_s_form() {
        let f = one("They met Holm, who loudly blasts the new tolls.");
        assert_eq!((f.mention.as_str(), f.cue.as_str()), ("who", "blasts"));
    }
}
