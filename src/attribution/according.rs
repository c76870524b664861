//! `according to X`: a cue with no verb, whose content stands on either
//! side of it and whose speaker is the whole phrase up to the comma.

use crate::lexicon::words::Roles;

use super::cues::CueMatch;
use super::para::{is_punct, Para};
use super::{Attributor, ContentForm, Kind, Rule, SpeakerSource, Statement};

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
        // "But the next day, according to Roffman, Trump made …", "At the
        // heart of it, according to Ross, was a decision …": after a
        // verbless opening in commas, the source reports what follows.
        let opener = self
            .words
            .roles(p.toks[sent.start].norm)
            .has(Roles::PREPOSITION | Roles::STOP | Roles::SETTING | Roles::TIME | Roles::LOCATIVE);
        let intro = opener
            && ci > sent.start
            && ci - sent.start <= 9
            && p.toks[ci - 1].text == ","
            && !(sent.start..ci).any(|k| self.finite_at(p, k) || p.is_mark(&p.toks[k]))
            && mention_end < sent.end
            && p.toks[mention_end].text == ","
            && p.words(mention_end + 1, sent.end) >= 2;
        let content = if opening || intro {
            // The content follows the speaker's comma.
            if mention_end >= sent.end || p.toks[mention_end].text != "," {
                return None;
            }
            let end = self.clause_end(p, mention_end + 1, sent.end);
            // "According to the Times, the minister said …": the minister's
            // statement, which the Times reports.
            let outer = p.span(e, mention_end);
            if let Some(inner) = self.nested_statement(p, mention_end + 1, end, m, outer) {
                return Some(inner);
            }
            p.trim_content(mention_end + 1, end)?
        } else {
            // The content is what comes before the comma; without one
            // ("… women and children according to the ministry"), only
            // before a source that is a name or an entity, not "according
            // to plan".
            let comma = ci.checked_sub(1).filter(|&k| k >= sent.start)?;
            let end = if p.toks[comma].text == "," {
                comma
            } else if self.np_right(p, e, mention_end) == Some((e, mention_end)) {
                ci
            } else {
                return None;
            };
            let s = p.after_intro(sent.start, end, 1);
            p.trim_content(s, end)?
        };
        Some(Statement {
            kind: Kind::AccordingTo,
            parts: vec![content],
            cue: Some(cue),
            mention,
            source: SpeakerSource::Mention,
            rule: Rule::AccordingTo,
            form: ContentForm::default(),
            reported_by: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::one;

    #[test]
    fn a_statement_after_according_to_is_its_speakers_reported_by_the_source() {
        let f = one("According to the Courier, the mayor said the ferry would stop.");
        assert_eq!((f.cue.as_str(), f.mention.as_str()), ("said", "the mayor"));
        assert_eq!(f.parts, ["the ferry would stop"]);
        assert_eq!(f.reported_by, "the Courier");
        let f = one("But the next day, according to Roffman, Trump made further demands.");
        assert_eq!(
            (f.mention.as_str(), f.parts[0].as_str()),
            ("Roffman", "Trump made further demands")
        );
        let f = one("The ferry will stop in May, according to the Courier, which broke the story.");
        assert_eq!(f.parts, ["The ferry will stop in May"]);
        let f = one("According to the Courier, the ferry will stop.");
        assert_eq!(
            (f.mention.as_str(), f.parts[0].as_str()),
            ("the Courier", "the ferry will stop")
        );
    }
}
