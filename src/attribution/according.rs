//! `according to X`: a cue with no verb, whose content stands on either
//! side of it and whose speaker is the whole phrase up to the comma.

use crate::lexicon::words::Roles;

use super::cues::CueMatch;
use super::para::{is_punct, Para};
use super::{Attributor, Kind, Rule, SpeakerSource, Statement};

/// Punctuation that ends the speaker of `according to`.
const MENTION_END: &[&str] = &[",", ".", ";", "—", "–"];

impl Attributor {
    /// `According to X, …` and `…, according to X.`
    pub(super) fn according_to(&self, p: &Para, ci: usize, m: CueMatch) -> Option<Statement> {
        let sent = p.sent_of(ci);
        let e = ci + m.len;
        let cue = self.cue_ref(p, ci, m);
        let mention_end = (e..sent.end)
            .find(|&k| MENTION_END.contains(&p.toks[k].text))
            .unwrap_or(sent.end);
        if mention_end == e {
            return None;
        }
        let mention = Some(p.span(e, mention_end));
        let opening = (sent.start..ci)
            .all(|k| is_punct(&p.toks[k]) || self.words.roles(p.toks[k].norm).has(Roles::STOP));
        let content = if opening {
            // The content follows the speaker's comma.
            if mention_end >= sent.end || p.toks[mention_end].text != "," {
                return None;
            }
            let end = self.clause_end(p, mention_end + 1, sent.end);
            p.trim_content(mention_end + 1, end)?
        } else {
            // The content is what comes before the comma.
            let comma = ci
                .checked_sub(1)
                .filter(|&k| k >= sent.start && p.toks[k].text == ",")?;
            let s = p.after_intro(sent.start, comma, 1);
            p.trim_content(s, comma)?
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
