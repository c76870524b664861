//! Statements around a cue without quotes of their own.

use crate::lexicon::words::Roles;
use crate::span::Span;

use super::cues::{CueMatch, Form};
use super::para::{is_punct, is_quote_mark, Para};
use super::{Attributor, Kind, Rule, SpeakerSource, Statement};

impl Attributor {
    /// Content before its attribution: `…, X said.` / `…, said X.` /
    /// `…, Leavitt stated during a briefing.`
    pub(super) fn indirect_after(&self, p: &Para, ci: usize, m: CueMatch) -> Option<Statement> {
        let sent = p.sent_of(ci);
        let e = ci + m.len;
        // The speaker between the comma and the cue, or right after the cue.
        let (comma, mention) = if ci > sent.start && p.toks[ci - 1].text == "," {
            // "The program, called EB-5, …" names; only reporting verbs invert.
            if !self.cues.get(m).takes_clause {
                return None;
            }
            let mention = if e < sent.end && self.words.pronoun(p.toks[e].norm).is_some() {
                Some(p.toks[e].span)
            } else {
                self.np_right(p, e, sent.end).map(|(a, b)| p.span(a, b))
            };
            (ci - 1, mention)
        } else {
            let m = self
                .speaker_left(p, ci, sent.start)
                .filter(|m| {
                    let a = p.tok_at(m.start);
                    a > sent.start + 1 && p.toks[a - 1].text == ","
                })
                .or_else(|| self.described_speaker(p, ci, sent.start))?;
            (p.tok_at(m.start) - 1, Some(m))
        };
        let mention = mention?;
        // After the cue (and a speaker after it): only time words or a
        // prepositional phrase may follow before the sentence ends.
        let mut j = e;
        if mention.start >= p.toks[e.min(p.toks.len() - 1)].span.start {
            j = p.tok_at(mention.end);
        }
        // "… told The Times of Israel", "… he told me on Friday, …".
        if j == e {
            j = self.skip_addressee(p, m, j, sent.end);
        }
        while j < sent.end && self.words.roles(p.toks[j].norm).has(Roles::TIME) {
            j += 1;
        }
        // "…, Ms. Ruiz said on Friday, the plan …": a short setting before
        // the sentence goes on.
        if j < sent.end && self.words.roles(p.toks[j].norm).has(Roles::PREPOSITION) {
            if let Some(c) = (j + 1..(j + 8).min(sent.end)).find(|&c| p.toks[c].text == ",") {
                if !p.toks[j..c]
                    .iter()
                    .any(|t| t.norm == "that" || is_quote_mark(t))
                {
                    j = c;
                }
            }
        }
        let continues = j + 1 < sent.end && p.toks[j].text == ",";
        let tail_ok = j >= sent.end
            || p.toks[j..sent.end].iter().all(is_punct)
            || self.words.roles(p.toks[j].norm).has(Roles::PREPOSITION)
                // "…, Sanders vows to cut taxes": the cue's own complement.
                && !(p.toks[j].norm == "to" && self.cues.get(m).takes_infinitive)
                && !p.toks[j..sent.end]
                    .iter()
                    .any(|t| t.norm == "that" || is_quote_mark(t))
            || matches!(p.toks[j].text, "," | ";");
        if !tail_ok || comma <= sent.start {
            return None;
        }
        let mut s = sent.start;
        if let Some(intro) = (s..comma).find(|&k| p.toks[k].text == ",") {
            if intro - s <= 4 && intro + 1 < comma {
                s = intro + 1;
            }
        }
        // "In his speech, Graham said …": an introductory phrase is no content.
        let first = &p.toks[s];
        if self.words.roles(first.norm).has(Roles::PREPOSITION) && comma - s <= 12 && !continues {
            return None;
        }
        let content = self.trim_content(p, s, comma)?;
        let mut parts = vec![content];
        let mut mention = mention;
        // "…, said Brian Baker, a longtime adviser to …": an appositive
        // after the speaker belongs to the mention.
        if j < sent.end
            && p.toks[j].text == ","
            && j + 1 < sent.end
            && mention.start > p.toks[ci].span.start
            && mention.end <= p.toks[j].span.start
        {
            let n = &p.toks[j + 1];
            if self.words.roles(n.norm).has(Roles::DETERMINER) && !n.is_cap()
                || self.words.is_title(n.norm)
            {
                let end = self.clause_end(p, j + 1, sent.end);
                let mut b = end;
                while b > j + 1 && is_punct(&p.toks[b - 1]) {
                    b -= 1;
                }
                if b > j + 1 {
                    mention = Span::new(mention.start, p.toks[b - 1].span.end);
                    j = end;
                }
            }
        }
        // "The museum, Mr. Obama said, would make visitors …": the sentence
        // goes on after the attribution, as a second part.
        if j < sent.end && p.toks[j].text == "," && j + 1 < sent.end {
            let n = j + 1;
            let gerund = self.cue_at(p, n).is_some_and(|m| m.form == Form::Gerund);
            if !gerund && p.toks[n].norm != "according" && !is_quote_mark(&p.toks[n]) {
                let end = self.clause_end(p, n, sent.end);
                if let Some(rest) = self.trim_content(p, n, end) {
                    if p.toks[n..end].iter().filter(|t| !is_punct(t)).count() >= 2 {
                        parts.push(rest);
                    }
                }
            }
        }
        Some(Statement {
            kind: Kind::Indirect,
            parts,
            cue: Some(self.cue_ref(p, ci, m)),
            mention: Some(mention),
            source: SpeakerSource::Mention,
            rule: Rule::ContentThenCue,
        })
    }

    /// Content after its cue: `X said (that) …`, `…, warning that …`.
    pub(super) fn indirect_before(
        &self,
        p: &Para,
        ci: usize,
        m: CueMatch,
        earlier: &[Statement],
    ) -> Option<Statement> {
        let sent = p.sent_of(ci);
        let e = ci + m.len;
        // `”, said X` / `,” said X` attributes the quote before it, nothing after.
        if ci >= sent.start + 2
            && (p.toks[ci - 1].text == "," && is_quote_mark(&p.toks[ci - 2])
                || is_quote_mark(&p.toks[ci - 1]) && p.toks[ci - 2].text == ",")
        {
            return None;
        }
        // "his Fifth Amendment claims, prosecutors …": a noun before a comma.
        if matches!(m.form, Form::Present3 | Form::Base)
            && p.toks.get(e).is_some_and(|t| t.text == ",")
            && !p.toks.get(e + 1).is_some_and(is_quote_mark)
        {
            return None;
        }
        let participle = ci > sent.start
            && matches!(
                p.toks[ci - 1].norm,
                "," | "by" | "while" | "after" | "before" | "without" | "when" | "and"
            )
            && m.form == Form::Gerund;
        // "Asked about the plan, …" / "when asked whether …": the question
        // is reported, its asker is not named.
        let asked = self.is_question(m)
            && m.form == Form::Past
            && (ci == sent.start
                || matches!(
                    p.toks[ci - 1].norm,
                    "when" | "if" | "as" | "after" | "before" | "once" | "while" | "until"
                ));
        let mention = if asked {
            None
        } else {
            self.speaker_for(p, ci, sent.start, earlier)
        };
        if mention.is_none() && !participle && !asked {
            return None;
        }
        if m.form == Form::Gerund
            && !participle
            && ci > sent.start
            && !matches!(
                p.toks[ci - 1].norm,
                "is" | "was" | "were" | "are" | "been" | "be"
            )
        {
            return None; // a gerund used as a noun
        }
        let mut s = e;
        // Time words and short objects before "that": "told Reuters that",
        // "said Thursday", "affirmed on Sunday that".
        let look = (s + 8).min(sent.end);
        if let Some(t) = (s..look).find(|&k| p.toks[k].norm == "that") {
            if (s..t).all(|k| {
                let r = self.words.roles(p.toks[k].norm);
                self.np_word(p, k)
                    || r.has(Roles::TIME)
                    || r.has(Roles::CONNECTOR)
                    || p.toks[k].text == ","
            }) {
                s = t;
            }
        }
        while s < sent.end {
            let r = self.words.roles(p.toks[s].norm);
            let time = r.has(Roles::TIME) && !r.has(Roles::DETERMINER);
            if p.toks[s].norm == "on"
                && !(s + 1 < sent.end && self.words.roles(p.toks[s + 1].norm).has(Roles::TIME))
            {
                break;
            }
            // "spoke about [her ties]": the preposition is part of the cue.
            if !(time || matches!(p.toks[s].text, ":" | ",") || s == e && p.toks[s].norm == "about")
            {
                break;
            }
            s += 1;
        }
        if s >= sent.end {
            return None;
        }
        // "spoke in a cottage on a base": a setting, not what was said;
        // "said in a statement that …": the content starts at "that".
        if self.words.roles(p.toks[s].norm).has(Roles::SETTING) {
            let that = (s + 1..(s + 12).min(sent.end))
                .find(|&k| p.toks[k].norm == "that" && p.quote_at(p.toks[k].span.start).is_none());
            s = that?;
        }
        // A quote right after the cue that ends the sentence is a direct
        // quote, attributed by the quote rules.
        if is_quote_mark(&p.toks[s]) {
            if let Some(qi) = p.quote_at(p.toks[s].span.start) {
                let after = p.tok_at(p.quotes[qi].outer.end);
                if after >= sent.end || p.toks[after..sent.end].iter().all(is_punct) {
                    return None;
                }
            }
        }
        let mut end = self.clause_end(p, s, sent.end);
        if !self.cues.get(m).takes_clause {
            end = self.object_end(p, s, end);
        }
        if asked {
            // The question ends where the main clause begins.
            end = (s + 1..end)
                .find(|&k| p.toks[k].text == "," && p.quote_at(p.toks[k].span.start).is_none())
                .unwrap_or(end);
        }
        let content = self.trim_content(p, s, end)?;
        let mut parts = vec![content];
        // "… that Apple holds $215 billion offshore; Nike holds …": the
        // clause after a semicolon is more of the same statement.
        let mut k = end;
        while k < sent.end && p.toks[k].text == ";" {
            let e2 = self.clause_end(p, k + 1, sent.end);
            match self.trim_content(p, k + 1, e2) {
                Some(more) => parts.push(more),
                None => break,
            }
            k = e2;
        }
        Some(Statement {
            kind: Kind::Indirect,
            parts,
            cue: Some(self.cue_ref(p, ci, m)),
            mention,
            source: SpeakerSource::Mention,
            rule: Rule::CueThenContent {
                named: mention.is_some(),
            },
        })
    }
}
