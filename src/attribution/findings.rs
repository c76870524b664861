//! Poll figures reported with no verb of showing: "In a CNN poll released
//! Monday, 50 percent chose Clinton", "Trump has a decisive lead in the
//! polls". The preposition is the cue: the poll (a `finding` word of
//! `mention_words.tsv`) is the source, and the clause beside it is what the
//! poll found. Such sentences are how news writes up most polls, and no
//! cue of `cues.tsv` stands in them.

use std::ops::Range;

use crate::lexicon::words::Roles;

use super::cues::CueType;
use super::para::{is_punct, Para};
use super::{Attributor, ContentForm, CueRef, Kind, Rule, SpeakerSource, Statement};

/// The most words between "in" and the poll's noun ("in an NBC News/Wall
/// Street Journal poll"), and after it up to the comma ("released Monday").
const POLL_WORDS: usize = 10;

/// The class a poll's preposition reports with (`cues.tsv` column 2).
const CLASS: &str = "report";

impl Attributor {
    /// The poll finding of the sentence `sent`, if it has one: an opening
    /// "In <poll …>," before its clause, or a closing "in <the poll>" after
    /// it.
    pub(super) fn poll_finding(&self, p: &Para, sent: &Range<usize>) -> Option<Statement> {
        let s = (sent.start..sent.end).find(|&k| !is_punct(&p.toks[k]))?;
        if p.toks[s].norm == "in" {
            let comma =
                (s + 1..sent.end.min(s + 2 * POLL_WORDS)).find(|&k| p.toks[k].text == ",")?;
            let head = self.poll_head(p, s + 1, comma)?;
            // "In a poll of 800 voters, conducted in May, …": the aside
            // describes the poll.
            let a = self.poll_aside_end(p, comma, sent.end);
            let end = self.clause_end(p, a + 1, sent.end);
            let content = p.trim_content(a + 1, end)?;
            return Some(self.finding(p, s, p.span(s + 1, a.max(head + 1)), content));
        }
        // "… has a decisive lead in the polls." at the sentence's end, where
        // the clause tells a standing ("Ruiz will take part in the poll"
        // does not).
        let s = p.after_intro(s, sent.end, 0);
        let mut end = sent.end;
        while end > s && is_punct(&p.toks[end - 1]) {
            end -= 1;
        }
        let ci = (s + 2..end)
            .rev()
            .take(POLL_WORDS)
            .find(|&k| p.toks[k].norm == "in" && !p.inside_quote(k))?;
        let head = self.poll_head(p, ci + 1, end)?;
        let standing = (s..ci).any(|k| {
            let t = &p.toks[k];
            t.text.starts_with(|c: char| c.is_ascii_digit())
                || self.words.roles(t.norm).has(Roles::STANDING)
        });
        // A cue in the clause reads it ("seemed to take hope from the lead
        // he has in the polls"); the polls only place the lead.
        let plain = (s..ci).all(|k| !p.inside_quote(k) && self.any_cue_at(p, k).is_none());
        if head + 1 != end || !standing || !plain {
            return None;
        }
        let content = p.trim_content(s, ci)?;
        Some(self.finding(p, ci, p.span(ci + 1, end), content))
    }

    /// The poll's noun in `[a, end)`: the first `finding` word, after only
    /// determiners and names or other modifiers ("a new CNN/ORC poll", "the
    /// most recent YouGov/Economist survey"). A verb or a clause before it
    /// ("in what polls say") and the phrase is no poll.
    fn poll_head(&self, p: &Para, a: usize, end: usize) -> Option<usize> {
        let head = (a..end.min(a + POLL_WORDS))
            .find(|&k| self.words.roles(p.toks[k].norm).has(Roles::FINDING))?;
        let plain = (a..head).all(|k| {
            let r = self.words.roles(p.toks[k].norm);
            !r.has(Roles::FINITE | Roles::RELATIVE | Roles::CLAUSE | Roles::PREPOSITION)
                && self.any_cue_at(p, k).is_none()
                && p.toks[k].text != ","
        });
        // After the noun, only what describes the poll: "released Monday",
        // "of likely voters", "last month"; "the poll booth queue" is none.
        let next = &p.toks[head + 1..end];
        let described = next.first().is_none_or(|t| {
            let r = self.words.roles(t.norm);
            !t.is_cap()
                && (t.norm.ends_with("ed")
                    || r.has(Roles::TIME | Roles::TIME_OPENER | Roles::CONNECTOR)
                    || r.has(Roles::PREPOSITION | Roles::LOCATIVE))
        });
        (plain && described).then_some(head)
    }

    /// The comma that closes a past-participle aside opening after the
    /// comma at `comma`, or `comma` itself where none opens there.
    fn poll_aside_end(&self, p: &Para, comma: usize, end: usize) -> usize {
        let opens = p
            .toks
            .get(comma + 1)
            .is_some_and(|t| !t.is_cap() && t.norm.ends_with("ed"));
        let close = (comma + 2..end.min(comma + 2 * POLL_WORDS)).find(|&k| p.toks[k].text == ",");
        match close {
            Some(k) if opens => k,
            _ => comma,
        }
    }

    fn finding(
        &self,
        p: &Para,
        ci: usize,
        mention: crate::span::Span,
        content: crate::span::Span,
    ) -> Statement {
        Statement {
            kind: Kind::Indirect,
            parts: vec![content],
            cue: Some(CueRef {
                span: p.span(ci, ci + 1),
                lemma: p.toks[ci].norm.to_string(),
                class: CLASS.to_string(),
                kind: CueType::Evidence,
            }),
            mention: Some(mention),
            source: SpeakerSource::Mention,
            rule: Rule::Finding,
            form: ContentForm::default(),
            reported_by: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::{none, one, run};

    #[test]
    fn an_opening_poll_is_the_source_of_the_clause_after_it() {
        let f = one("In a new Harbour Times poll released Monday, Ruiz led Moreau by six points.");
        assert_eq!(f.parts, ["Ruiz led Moreau by six points"]);
        assert_eq!(f.mention, "a new Harbour Times poll released Monday");
        assert_eq!((f.cue.as_str(), f.cue_type), ("In", "evidence"));
        let f = one("In a poll of 800 dockers, conducted in May, most opposed the tolls.");
        assert_eq!(f.parts, ["most opposed the tolls"]);
        assert_eq!(f.mention, "a poll of 800 dockers, conducted in May");
    }

    #[test]
    fn a_closing_poll_is_the_source_of_the_clause_before_it() {
        let f = one("Ruiz holds a narrow lead over Moreau in the latest polls.");
        assert_eq!(f.parts, ["Ruiz holds a narrow lead over Moreau"]);
        assert_eq!(f.mention, "the latest polls");
    }

    #[test]
    fn other_phrases_with_in_are_no_findings() {
        none(&[
            "In a break from tradition, the mayor skipped the parade.",
            "Ruiz will take part in the poll.",
            "Turnout rose in Lyon.",
            "In the poll booth queue, Ruiz waited an hour.",
        ]);
        // A cue in the clause reads it; the polls only place the lead.
        let found = run("Ruiz seemed to take heart from the lead she has in the polls.");
        assert!(!found.is_empty() && found.iter().all(|f| f.cue != "in"));
    }
}
