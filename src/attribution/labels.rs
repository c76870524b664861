//! Statements a name and a colon attribute: headlines ("Clinton: Trump will
//! reverse Roe v. Wade", "Minister: ‘We will not back down’") and
//! transcripts (`"PENCE: Well, look, …`). No verb stands there; the colon
//! is the cue, the row of `cues.tsv` with frame `label` (so a user can
//! retype it or delete it).

use crate::lexicon::words::Roles;
use crate::span::Span;

use super::para::{is_punct, Para};
use super::{Attributor, ContentForm, CueRef, Kind, Rule, SpeakerSource, Statement};

/// The most words a label's name may have ("Clinton to Planned
/// Parenthood", "Sen. Elizabeth Warren").
const MAX_LABEL: usize = 6;

impl Attributor {
    /// The statement of a paragraph that opens with a name and a colon,
    /// its content the rest of the paragraph. `None` for a colon after
    /// anything but a name ("The result:", "Three meetings were on tap:"),
    /// or after a listed label word ("Editor's note:", "Update:", "Poll:").
    pub(super) fn labelled_line(&self, p: &Para) -> Option<Statement> {
        let m = self.cues.label?;
        let first = usize::from(p.toks.first().is_some_and(|t| p.is_mark(t)));
        let colon = (first + 1..(first + MAX_LABEL + 1).min(p.toks.len()))
            .find(|&k| p.toks[k].text == self.cues.get(m).lemma)?;
        let sent = p.sent_of(first);
        if colon >= sent.end || !self.label_name(p, first, colon) {
            return None;
        }
        // "Clinton to Planned Parenthood:": the addressee is no speaker.
        let name_end = (first + 1..colon)
            .find(|&k| p.toks[k].norm == "to")
            .unwrap_or(colon);
        let s = colon + 1;
        let e = p.toks.len();
        if s >= e {
            return None;
        }
        // "Ted Cruz: ‘Assaulting A Reporter Is A Fireable Offense.’": a
        // quote that is the whole rest is a direct statement.
        let whole_quote = p.quote_at(p.toks[s].span.start).and_then(|qi| {
            let q = &p.quotes[qi];
            let after = p.tok_at(q.outer.end);
            (p.is_mark(&p.toks[s]) && p.toks[after..e].iter().all(is_punct)).then_some(q.content)
        });
        let opens = s + usize::from(p.is_mark(&p.toks[s]));
        if p.words(s, e) < 3 || !p.toks.get(opens).is_some_and(|t| t.is_cap()) {
            return None;
        }
        let (kind, content) = match whole_quote {
            Some(q) => (Kind::Direct, q),
            None => (Kind::Indirect, p.trim_content(s, e)?),
        };
        let cue = self.cues.get(m);
        Some(Statement {
            kind,
            parts: vec![content],
            cue: Some(CueRef {
                span: p.toks[colon].span,
                lemma: cue.lemma.clone(),
                class: cue.class.clone(),
                kind: cue.kind,
            }),
            mention: Some(Span::new(
                p.toks[first].span.start,
                p.toks[name_end - 1].span.end,
            )),
            source: SpeakerSource::Mention,
            rule: Rule::Label,
            form: ContentForm::default(),
            reported_by: None,
        })
    }

    /// Whether tokens `[a, b)` are a name that may label a line: capitalised
    /// words joined by connectors, perhaps "to" and an addressee, and no
    /// label word of `mention_words.tsv` ("Editor's note", "Update").
    fn label_name(&self, p: &Para, a: usize, b: usize) -> bool {
        // "Clinton to voters:": any words may name the addressee.
        let to = (a + 1..b).find(|&k| p.toks[k].norm == "to").unwrap_or(b);
        let toks = &p.toks[a..to];
        let named = toks.iter().enumerate().all(|(i, t)| {
            let r = self.words.roles(t.norm);
            t.is_cap() && !r.has(Roles::STOP) && !r.has(Roles::DETERMINER)
                || t.text == "."
                || i > 0 && r.has(Roles::CONNECTOR)
        }) && p.toks[to..b].iter().all(|t| !is_punct(t));
        named
            && !toks
                .iter()
                .any(|t| self.words.roles(t.norm).has(Roles::LABEL) || t.is_possessive())
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::{none, one, run};

    #[test]
    fn a_name_and_a_colon_attribute_the_line() {
        let f = one("Clinton to voters: Trump will repeal the housing law.\n\nMore text follows.");
        assert_eq!(f.mention, "Clinton");
        assert_eq!((f.cue.as_str(), f.cue_type), (":", "speech"));
        assert_eq!(f.parts, ["Trump will repeal the housing law"]);
        let f = one("Minister Ana Ruiz: ‘We Will Not Back Down On The Tolls.’\n\nMore text.");
        assert_eq!(
            (f.kind, f.mention.as_str()),
            ("direct", "Minister Ana Ruiz")
        );
        assert_eq!(f.parts, ["We Will Not Back Down On The Tolls."]);
    }

    #[test]
    fn a_transcript_turn_is_its_speakers() {
        let f = run("\"HOLT: Good evening, and welcome. We begin with the economy.\n\n\"BRAY: Thank you, Lester. Jobs come first.\"");
        assert_eq!(
            f.len(),
            2,
            "{:?}",
            f.iter().map(|x| &x.parts).collect::<Vec<_>>()
        );
        assert_eq!(f[0].mention, "HOLT");
        assert_eq!(
            f[0].parts,
            ["Good evening, and welcome. We begin with the economy"]
        );
        assert_eq!(f[1].mention, "BRAY");
    }

    #[test]
    fn headings_and_sentences_before_a_colon_are_no_labels() {
        none(&[
            "Update: The bridge reopened on Monday after repairs.",
            "Editor’s note: This story has been updated.",
            "The result: a closed bridge and angry drivers.",
            "Three meetings were on tap: the council, the board and the union.",
        ]);
    }
}
