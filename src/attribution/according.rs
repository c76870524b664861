//! `according to X`: the cue that needs no verb.

use crate::lexicon::words::Roles;

use super::cues::CueMatch;
use super::para::{is_punct, Para};
use super::{Attributor, Kind, Rule, SpeakerSource, Statement};

impl Attributor {
    /// `According to X, …` and `…, according to X.`
    pub(super) fn according_to(&self, p: &Para, ci: usize, m: CueMatch) -> Option<Statement> {
        let sent = p.sent_of(ci);
        let e = ci + m.len;
        let cue = self.cue_ref(p, ci, m);
        let mention_end = (e..sent.end)
            .find(|&k| matches!(p.toks[k].text, "," | "." | ";" | "—" | "–"))
            .unwrap_or(sent.end);
        if mention_end == e {
            return None;
        }
        let mention = Some(p.span(e, mention_end));
        let opening = (sent.start..ci)
            .all(|k| is_punct(&p.toks[k]) || self.words.roles(p.toks[k].norm).has(Roles::STOP));
        let content = if opening {
            if mention_end >= sent.end || p.toks[mention_end].text != "," {
                return None;
            }
            let end = self.clause_end(p, mention_end + 1, sent.end);
            self.trim_content(p, mention_end + 1, end)?
        } else {
            let comma = ci
                .checked_sub(1)
                .filter(|&k| k >= sent.start && p.toks[k].text == ",")?;
            let mut s = sent.start;
            if let Some(intro) = (s..comma).find(|&k| p.toks[k].text == ",") {
                if intro - s <= 4 && intro + 1 < comma {
                    s = intro + 1;
                }
            }
            self.trim_content(p, s, comma)?
        };
        Some(Statement {
            kind: Kind::AccordingTo,
            parts: vec![content],
            cue: Some(cue),
            mention,
            source: SpeakerSource::Mention,
            rule: Rule::AccordingTo,
        })
    }
}
