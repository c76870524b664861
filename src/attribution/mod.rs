//! Attribution: every reported statement of a document, with its cue and
//! speaker mention.
//!
//! Works paragraph by paragraph over body sentences only (flagged
//! boilerplate never yields statements). The order of the rules matters:
//! quotes with an attribution next to them first, then cue-driven indirect
//! and mixed speech (which absorbs the quotes inside it), then `according
//! to`, then quotes that continue an earlier speaker's words.

pub mod cues;
pub mod quotes;

mod according;
mod clauses;
mod cue_filter;
mod indirect;
mod para;
mod phrases;
mod quoted;

use crate::doc::Doc;
use crate::error::Error;
use crate::lexicon::words::WordLexicon;
use crate::lexicon::Lexicons;
use crate::span::Span;

use serde::{Deserialize, Serialize};

use cues::{CueLexicon, CueMatch};
use para::{is_punct, is_quote_mark, title_case, Para};

/// The shape of a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Direct,
    Mixed,
    Indirect,
    AccordingTo,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Mixed => "mixed",
            Kind::Indirect => "indirect",
            Kind::AccordingTo => "according_to",
        }
    }
}

/// The cue of a statement as found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CueRef {
    pub span: Span,
    pub lemma: String,
    pub class: String,
}

/// How the speaker mention relates to the statement, for resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerSource {
    /// A mention in the attribution itself.
    Mention,
    /// The quote continues the previous statement's speaker.
    Continues(usize),
    /// No attribution found.
    None,
}

/// One reported statement (possibly in several parts).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub kind: Kind,
    /// Content parts, in text order, without quote marks.
    pub parts: Vec<Span>,
    pub cue: Option<CueRef>,
    /// The speaker as written ("he", "A spokesperson for Hamas, Abdel-Latif al-Qanoua").
    pub mention: Option<Span>,
    pub source: SpeakerSource,
    /// The rule that found it, which says how sure it is.
    pub rule: Rule,
}

/// The rule that found a statement. Each carries how often such a find is
/// right, which is the statement's confidence before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// `“…,” X said` / `“…,” said X`: a quote and the attribution after it.
    QuoteThenCue,
    /// `X said: “…”`: a quote after its cue; `named` when a speaker was found.
    CueThenQuote { named: bool },
    /// `…, X said.`: content, then its attribution.
    ContentThenCue,
    /// `X said (that) …`, `…, warning that …`: a cue, then its content.
    CueThenContent { named: bool },
    /// `According to X, …` / `…, according to X.`
    AccordingTo,
    /// A quote inside a sentence whose cue was not found: the sentence is the statement.
    QuoteInSentence,
    /// A quote right before an attributed statement, whose speaker it takes.
    QuoteBeforeAttribution,
    /// A quote with no attribution near it (or continuing an earlier paragraph's).
    QuoteAlone,
}

impl Rule {
    pub fn confidence(self) -> f64 {
        match self {
            Rule::QuoteThenCue => 0.9,
            Rule::CueThenQuote { named: true } => 0.85,
            Rule::CueThenQuote { named: false } => 0.5,
            Rule::ContentThenCue => 0.75,
            Rule::CueThenContent { named: true } => 0.7,
            Rule::CueThenContent { named: false } => 0.4,
            Rule::AccordingTo => 0.8,
            Rule::QuoteInSentence | Rule::QuoteAlone => 0.4,
            Rule::QuoteBeforeAttribution => 0.6,
        }
    }
}

/// The attribution stage, built once from the lexicons.
pub struct Attributor {
    pub cues: CueLexicon,
    pub words: WordLexicon,
}

impl Attributor {
    pub fn new(lex: &Lexicons) -> Result<Self, Error> {
        Ok(Attributor {
            cues: CueLexicon::load(lex)?,
            words: WordLexicon::load(lex)?,
        })
    }

    /// The statements of a document, in text order.
    pub fn attribute(&self, doc: &Doc) -> Vec<Statement> {
        let text = doc.text.as_str();
        let toks = doc.toks();
        let mut out: Vec<Statement> = Vec::new();
        let mut carry: Option<usize> = None; // statement whose quote runs on
        let mut next_sentence = 0;
        for pi in 0..doc.paragraphs.len() {
            // Sentences come in paragraph order; a paragraph's body sentences
            // are its sentences but a truncated last one, so their tokens
            // are one run.
            let first = next_sentence;
            while next_sentence < doc.sentences.len()
                && doc.sentences[next_sentence].paragraph == pi
            {
                next_sentence += 1;
            }
            let sents: Vec<_> = doc.sentences[first..next_sentence]
                .iter()
                .filter(|s| s.is_body())
                .collect();
            if sents.is_empty() {
                carry = None;
                continue;
            }
            let base = sents[0].tokens.start;
            let end = sents[sents.len() - 1].tokens.end;
            let mut para = Para {
                text,
                toks: &toks[base..end],
                sents: Vec::with_capacity(sents.len()),
                title_case: Vec::with_capacity(sents.len()),
                quotes: Vec::new(),
                span: Span::new(sents[0].span.start, sents[sents.len() - 1].span.end),
            };
            for s in &sents {
                let r = s.tokens.start - base..s.tokens.end - base;
                para.title_case.push(title_case(&para.toks[r.start..r.end]));
                para.sents.push(r);
            }
            para.quotes = quotes::quotes(para.span.slice(text), para.span.start);
            self.paragraph(&para, &mut out, &mut carry);
        }
        // Text order, keeping the links between statements intact.
        let mut order: Vec<usize> = (0..out.len()).collect();
        order.sort_by_key(|&i| out[i].parts[0].start);
        let mut new_index = vec![0; out.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        let mut sorted: Vec<Statement> = order.iter().map(|&i| out[i].clone()).collect();
        for st in &mut sorted {
            if let SpeakerSource::Continues(t) = st.source {
                st.source = SpeakerSource::Continues(new_index[t]);
            }
        }
        // A continued quote shows the attribution it continues.
        for i in 0..sorted.len() {
            let mut j = i;
            for _ in 0..sorted.len() {
                match sorted[j].source {
                    SpeakerSource::Continues(t) if t != j => j = t,
                    _ => break,
                }
            }
            if j != i && sorted[i].mention.is_none() {
                sorted[i].mention = sorted[j].mention;
                sorted[i].cue = sorted[j].cue.clone();
            }
        }
        sorted
    }

    fn paragraph(&self, p: &Para, out: &mut Vec<Statement>, carry: &mut Option<usize>) {
        let base = out.len();
        let mut used_quote = vec![false; p.quotes.len()];
        let mut used_cue = vec![false; p.toks.len()];
        // Cues outside quotes.
        let mut cues: Vec<(usize, CueMatch)> = Vec::new();
        let mut i = 0;
        while i < p.toks.len() {
            if p.quote_at(p.toks[i].span.start).is_none() {
                if let Some(m) = self.cue_at(p, i) {
                    cues.push((i, m));
                    i += m.len;
                    continue;
                }
            }
            i += 1;
        }

        // 1. Quotes with an attribution right after or right before them.
        for (qi, q) in p.quotes.iter().enumerate() {
            let st = match self.quote_with_trailing_cue(p, q, &cues, &mut used_cue) {
                Some(st) => Some(st),
                None => self.quote_with_leading_cue(p, q, &cues, &mut used_cue, &out[base..]),
            };
            if let Some(st) = st {
                used_quote[qi] = true;
                out.push(st);
            }
        }

        // 2. Cue-driven statements: according to, then content before its
        // attribution ("…, a spokesperson said"), then content after it.
        for pass in 0..3 {
            for &(ci, m) in &cues {
                if used_cue[ci] {
                    continue;
                }
                let according = self.cues.get(m).lemma == "according to";
                if self.cues.get(m).quote_only {
                    continue;
                }
                let st = match (pass, according) {
                    (0, true) => self.according_to(p, ci, m),
                    (1, false) => self.indirect_after(p, ci, m),
                    (2, false) => self.indirect_before(p, ci, m, &out[base..]),
                    _ => None,
                };
                let Some(mut st) = st else { continue };
                let overlaps = out[base..].iter().any(|o| {
                    o.parts
                        .iter()
                        .any(|a| st.parts.iter().any(|b| a.start < b.end && b.start < a.end))
                });
                if overlaps {
                    continue;
                }
                // Quotes inside the content are part of it (mixed speech).
                for (qi, q) in p.quotes.iter().enumerate() {
                    if st.parts.iter().any(|part| part.contains(q.content)) {
                        used_quote[qi] = true;
                        if st.kind == Kind::Indirect {
                            st.kind = Kind::Mixed;
                        }
                    }
                }
                used_cue[ci] = true;
                out.push(st);
            }
        }

        // 3. Quotes left over: continuations of a speaker, or unattributed.
        for (qi, q) in p.quotes.iter().enumerate() {
            if used_quote[qi] {
                continue;
            }
            // Inside a statement's content already (a partial quote)?
            if out[base..].iter().any(|s| {
                s.parts
                    .iter()
                    .any(|a| a.start <= q.content.start && q.content.end <= a.end)
            }) {
                continue;
            }
            let words = p.toks[p.tok_at(q.content.start)..p.tok_at(q.content.end)]
                .iter()
                .filter(|t| !is_punct(t))
                .count();
            let opens_paragraph = p
                .toks
                .first()
                .is_some_and(|t| t.span.start >= q.outer.start);
            // A quote running over paragraphs: this one continues the last.
            if let (Some(c), true) = (*carry, opens_paragraph) {
                if c < out.len() {
                    out[c].parts.push(q.content);
                    used_quote[qi] = true;
                    continue;
                }
            }
            if words < 4 {
                continue; // scare quotes, titles, single words
            }
            // A quote inside a sentence whose cue was not found: the
            // sentence from "that" (or its start) on is the statement.
            let open = p.tok_at(q.outer.start);
            let qs = p.sent_of(open);
            let before = p.toks[qs.start..open]
                .iter()
                .filter(|t| !is_punct(t))
                .count();
            if before >= 2 && !p.toks[qs.start..open].iter().any(is_quote_mark) {
                let start = (qs.start..open)
                    .find(|&k| p.toks[k].norm == "that")
                    .unwrap_or(qs.start);
                let end = p
                    .tok_at(q.outer.end)
                    .max(self.clause_end(p, open, qs.end.max(open)));
                if let Some(content) = self.trim_content(p, start, end.min(p.toks.len())) {
                    let speaker = (base..out.len())
                        .filter(|&s| out[s].parts[0].start < content.start)
                        .max_by_key(|&s| out[s].parts[0].start);
                    out.push(Statement {
                        kind: Kind::Mixed,
                        parts: vec![content],
                        cue: None,
                        mention: None,
                        source: match speaker {
                            Some(s) => SpeakerSource::Continues(s),
                            None => SpeakerSource::None,
                        },
                        rule: Rule::QuoteInSentence,
                    });
                    used_quote[qi] = true;
                    continue;
                }
            }
            // The nearest attributed quote statement in this paragraph, before
            // it if there is one, else after it.
            let prev = (base..out.len())
                .filter(|&s| out[s].kind == Kind::Direct && out[s].parts[0].start < q.content.start)
                .max_by_key(|&s| out[s].parts[0].start);
            let next = (base..out.len())
                .filter(|&s| out[s].parts[0].start > q.content.start)
                .min_by_key(|&s| out[s].parts[0].start);
            if let Some(s) = prev {
                // Same statement when only the attribution stands between.
                out[s].parts.push(q.content);
                used_quote[qi] = true;
            } else if let Some(s) = next {
                out.push(Statement {
                    kind: Kind::Direct,
                    parts: vec![q.content],
                    cue: None,
                    mention: None,
                    source: SpeakerSource::Continues(s),
                    rule: Rule::QuoteBeforeAttribution,
                });
                used_quote[qi] = true;
            } else {
                let prev_para = out[..base]
                    .iter()
                    .rposition(|s| s.mention.is_some() || s.source != SpeakerSource::None);
                out.push(Statement {
                    kind: Kind::Direct,
                    parts: vec![q.content],
                    cue: None,
                    mention: None,
                    source: match prev_para {
                        Some(s) if opens_paragraph => SpeakerSource::Continues(s),
                        _ => SpeakerSource::None,
                    },
                    rule: Rule::QuoteAlone,
                });
                used_quote[qi] = true;
            }
        }
        for s in &mut out[base..] {
            s.parts.sort();
        }
        // A quote left open at the paragraph's end runs on into the next one.
        *carry = p.quotes.last().filter(|q| q.unclosed).and_then(|q| {
            (0..out.len())
                .rev()
                .find(|&s| out[s].parts.contains(&q.content))
        });
    }
}

#[cfg(test)]
mod tests;
