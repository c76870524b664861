//! A participle cue that opens its sentence: "Saying he had no choice,
//! Ruiz resigned." The content runs to the comma, and the speaker is the
//! subject of the main clause after it, which no reading back from the cue
//! can reach.

use super::cues::{CueMatch, Form};
use super::para::Para;
use super::{Attributor, ContentForm, Kind, Rule, SpeakerSource, Statement};

impl Attributor {
    pub(super) fn fronted_participle(&self, p: &Para, ci: usize, m: CueMatch) -> Option<Statement> {
        let sent = p.sent_of(ci);
        let first = (sent.start..ci)
            .find(|&k| !p.is_mark(&p.toks[k]))
            .unwrap_or(ci);
        if m.form != Form::Gerund || first != ci || !self.cues.get(m).reports_clause {
            return None;
        }
        let s = self.content_start(p, ci + m.len, m, &sent)?;
        let comma = (s + 1..sent.end)
            .find(|&k| p.toks[k].text == "," && p.quote_at(p.toks[k].span.start).is_none())?;
        let a = comma + 1;
        let mention = if a < sent.end && self.words.pronoun(p.toks[a].norm).is_some() {
            p.toks[a].span
        } else {
            let (x, y) = self.np_right(p, a, sent.end)?;
            p.span(x, y)
        };
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

#[cfg(test)]
mod tests {
    use crate::testkit::{none, one};

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
}
