//! Statements built around a quote: the attribution after it, before it,
//! or none near it.

use crate::lexicon::words::Roles;

use super::cues::CueMatch;
use super::para::{is_punct, is_quote_mark, Para};
use super::quotes::Quote;
use super::{Attributor, Kind, Rule, SpeakerSource, Statement};

impl Attributor {
    /// `“…,” X said` / `“…,” said X` / `“…,” he told Reuters`.
    pub(super) fn quote_with_trailing_cue(
        &self,
        p: &Para,
        q: &Quote,
        cues: &[(usize, CueMatch)],
        used: &mut [bool],
    ) -> Option<Statement> {
        let after = p.tok_at(q.outer.end);
        if after >= p.toks.len() {
            return None;
        }
        // The attribution must be in the sentence where the quote closes, or
        // be the whole next sentence after a quoted question or exclamation
        // (`“Who knows?” Graham asked.` splits there).
        let mut sent = p.sent_of(after - 1);
        if after >= sent.end {
            let closes_q = q.content.slice(p.text).ends_with(['?', '!']);
            let next = p.sent_of(after);
            if !closes_q || next.start != after || next.len() > 14 {
                return None;
            }
            sent = next;
        }
        let mut k = after;
        if k < p.toks.len() && matches!(p.toks[k].text, "," | "—" | "–") {
            k += 1;
        }
        // The first cue of the attribution clause.
        let &(ci, m) = cues
            .iter()
            .find(|&&(ci, _)| ci >= k && ci < sent.end && !used[ci])?;
        if p.toks[k..ci].iter().any(is_quote_mark) || ci > k + 40 {
            return None;
        }
        let mention = if ci == k {
            // Inverted: "said Hamas spokesperson X" / "said he".
            let e = ci + m.len;
            if e < p.toks.len() && self.words.pronoun(p.toks[e].norm).is_some() {
                Some(p.toks[e].span)
            } else {
                let (a, b) = self.np_right(p, e, sent.end.max(e))?;
                Some(p.span(a, b))
            }
        } else {
            match self
                .speaker_left(p, ci, k)
                .filter(|m| p.tok_at(m.start) == k)
            {
                Some(m) => Some(m),
                // A speaker the phrase reader does not cover ("the book",
                // "Jane Roe, a writer for The Atlantic,"): all of it.
                None => {
                    let t = &p.toks[k];
                    let opens = t.is_cap()
                        || self.words.roles(t.norm).has(Roles::DETERMINER)
                        || self.words.pronoun(t.norm).is_some();
                    if !opens {
                        return None;
                    }
                    let mut b = ci;
                    while b > k
                        && (is_punct(&p.toks[b - 1])
                            || self.words.roles(p.toks[b - 1].norm).has(Roles::SKIP))
                    {
                        b -= 1;
                    }
                    // The noun phrase alone, unless an appositive follows it.
                    if let Some((_, nb)) = self.np_right(p, k, b) {
                        if nb < b && p.toks[nb].text != "," {
                            b = nb;
                        }
                    }
                    (b > k).then(|| p.span(k, b))
                }
            }
        };
        // `On "Face the Nation," Ryan said the plan …`: a short quoted title,
        // and the cue's own content follows it.
        let words = p.toks[p.tok_at(q.content.start)..p.tok_at(q.content.end)]
            .iter()
            .filter(|t| !is_punct(t))
            .count();
        let mut e = ci + m.len;
        if let Some(ms) = mention.filter(|ms| ms.start > p.toks[ci].span.start) {
            e = p.tok_at(ms.end);
        }
        // "“Thank you,” she told the crowd.": past the addressee.
        e = self.skip_addressee(p, m, e, sent.end);
        if words < 4 && e < sent.end && {
            let n = &p.toks[e];
            // A clause opens: "that", a subject pronoun, a determiner.
            n.norm == "that"
                || self.words.roles(n.norm).has(Roles::DETERMINER)
                || self.words.pronoun(n.norm).is_some()
        } {
            return None;
        }
        used[ci] = true;
        // Words of the sentence before the quote belong to the statement:
        // `The plan "is a misguided approach," Burman said.` is mixed.
        let open = p.tok_at(q.outer.start);
        let qs = p.sent_of(open);
        let (kind, content) = match p.toks[qs.start..open]
            .iter()
            .filter(|t| !is_punct(t))
            .count()
        {
            n if n >= 2
                && !matches!(p.toks[open - 1].text, ":" | ",")
                && !p.toks[qs.start..open].iter().any(is_quote_mark) =>
            {
                let mut s = qs.start;
                if let Some(intro) = (s..open).find(|&k| p.toks[k].text == ",") {
                    if intro - s <= 4 && intro + 3 < open {
                        s = intro + 1;
                    }
                }
                let close = p.tok_at(q.outer.end);
                match self.trim_content(p, s, close) {
                    Some(c) => (Kind::Mixed, c),
                    None => (Kind::Direct, q.content),
                }
            }
            _ => (Kind::Direct, q.content),
        };
        Some(Statement {
            kind,
            parts: vec![content],
            cue: Some(self.cue_ref(p, ci, m)),
            mention,
            source: SpeakerSource::Mention,
            rule: Rule::QuoteThenCue,
        })
    }

    /// `X said: “…”` / `…, declaring: “…”` / `X told Reuters, “…”`.
    pub(super) fn quote_with_leading_cue(
        &self,
        p: &Para,
        q: &Quote,
        cues: &[(usize, CueMatch)],
        used: &mut [bool],
        earlier: &[Statement],
    ) -> Option<Statement> {
        let open = p.tok_at(q.outer.start);
        if open == 0 {
            return None;
        }
        let sent = p.sent_of(open);
        // The token right before the opening mark must be ':' or ','.
        let mut k = open;
        while k > sent.start && is_quote_mark(&p.toks[k - 1]) {
            k -= 1;
        }
        if k == sent.start || !matches!(p.toks[k - 1].text, ":" | ",") {
            return None;
        }
        let &(ci, m) = cues.iter().rev().find(|&&(ci, m)| {
            ci + m.len < k && ci + m.len + 6 >= k && ci >= sent.start && !used[ci]
        })?;
        if p.toks[ci + m.len..k]
            .iter()
            .any(|t| t.norm == "that" || is_quote_mark(t))
        {
            return None;
        }
        let mention = self.speaker_for(p, ci, sent.start, earlier);
        used[ci] = true;
        // "While prices rose, he said, “this changes nothing.”": the words
        // before the attribution are its first part.
        let mut parts = vec![q.content];
        let mut kind = Kind::Direct;
        if let Some(ms) = mention {
            let a = p.tok_at(ms.start);
            if a > sent.start + 2
                && p.toks[a - 1].text == ","
                && !p.toks[sent.start..a].iter().any(is_quote_mark)
                && p.toks[sent.start..a]
                    .iter()
                    .filter(|t| !is_punct(t))
                    .count()
                    >= 4
                && p.toks[k - 1].text == ","
                && !self
                    .words
                    .roles(p.toks[sent.start].norm)
                    .has(Roles::PREPOSITION)
                && !p.toks[sent.start].norm.ends_with("ing")
                && !p.toks[sent.start..a]
                    .iter()
                    .any(|t| self.words.roles(t.norm).has(Roles::TIME))
            {
                if let Some(first) = self.trim_content(p, sent.start, a - 1) {
                    parts.insert(0, first);
                    kind = Kind::Mixed;
                }
            }
        }
        Some(Statement {
            kind,
            parts,
            cue: Some(self.cue_ref(p, ci, m)),
            mention,
            source: SpeakerSource::Mention,
            rule: Rule::CueThenQuote {
                named: mention.is_some(),
            },
        })
    }
}
