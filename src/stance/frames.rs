//! Whose words a sentence holds. Scored as a whole (the `score` command, or
//! text the quote finder left in the article's voice), a sentence may report
//! what the target itself said: "Trump said the media are dishonest",
//! "“It is a disgrace,” she said". Its judgements there are the target's own,
//! of others, and say nothing against the one saying them.

use crate::attribution::cues::CueLexicon;
use crate::error::Error;
use crate::lexicon::words::{Roles, WordLexicon};
use crate::lexicon::Lexicons;

use super::score::Token;

/// The reporting cues (`lexicons/cues.tsv`) and the words that may stand
/// between a speaker and its cue (`mention_words.tsv`, role `skip`).
#[derive(Debug, Default)]
pub struct SpeakerFrames {
    cues: CueLexicon,
    words: WordLexicon,
}

/// Cue classes that only report: a denial, an accusation, an admission or a
/// warning is itself an act the sentence reports about the speaker
/// ("X admitted …", "X denied …"), and stays evidence of it.
const REPORTING: &[&str] = &["neutral", "assertive", "claim", "report", "written"];

/// How many words a cue may have ("go on to say").
const CUE_WORDS: usize = 4;

impl SpeakerFrames {
    pub fn load(lex: &Lexicons) -> Result<Self, Error> {
        Ok(SpeakerFrames {
            cues: CueLexicon::load(lex)?,
            words: WordLexicon::load(lex)?,
        })
    }

    /// The tokens `lo..hi` that the mention `toks[start..end]` is reported
    /// to have said, cue included: what follows "X said", or the quote
    /// before "…,” X said" / "…,” said X".
    pub fn said_by(&self, toks: &[Token], start: usize, end: usize) -> Option<(usize, usize)> {
        let quote_before = closes_quote(toks, start);
        let mut j = end;
        while j < toks.len() && self.words.roles(toks[j].word.norm).has(Roles::SKIP) {
            j += 1;
        }
        if let Some(n) = self.reporting_at(toks, j) {
            return Some(if quote_before {
                (0, j + n)
            } else {
                (j, toks.len())
            });
        }
        // "…,” said X": the cue stands between the quote and the speaker.
        if start >= 2
            && self.reporting_at(toks, start - 1) == Some(1)
            && closes_quote(toks, start - 1)
        {
            return Some((0, start));
        }
        None
    }

    /// The length of a reporting cue starting at `toks[i]`, if one does.
    fn reporting_at(&self, toks: &[Token], i: usize) -> Option<usize> {
        let window = toks.get(i..toks.len().min(i + CUE_WORDS))?;
        let mut words = [""; CUE_WORDS];
        for (w, t) in words.iter_mut().zip(window) {
            *w = t.word.norm;
        }
        let m = self.cues.match_at(&words[..window.len()])?;
        let c = self.cues.get(m);
        (c.reports_clause && !c.according && REPORTING.contains(&c.class.as_str())).then_some(m.len)
    }
}

/// Whether a quotation closes just before `toks[i]` (`”`, `,”`, `”,`).
fn closes_quote(toks: &[Token], i: usize) -> bool {
    let quote = |k: usize| matches!(toks[k].text, "\"" | "”" | "“");
    match i {
        0 => false,
        1 => quote(0),
        _ => quote(i - 1) || (matches!(toks[i - 1].text, "," | "—") && quote(i - 2)),
    }
}
