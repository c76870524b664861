//! Attribution: every reported statement of a document, with its cue and
//! speaker mention.
//!
//! Works paragraph by paragraph over body sentences only (flagged
//! boilerplate never yields statements). The order of the rules matters,
//! because a quote or a cue serves one statement only: quotes with an
//! attribution next to them first (`quoted`), then cue-driven statements —
//! `according to`, indirect and mixed speech, which absorbs the quotes
//! inside it (`according`, `indirect`) — then quotes that continue an
//! earlier speaker's words or stand alone (`quoted`).
//!
//! The other files hold what the rules share: the paragraph view (`para`),
//! whether a cue word reports speech where it stands (`cue_filter`),
//! speaker phrases (`phrases`) and where content ends (`clauses`, and
//! `runon` for a quote that carries content past its clause).

pub mod cues;
pub mod quotes;

mod according;
mod addressee;
mod clauses;
mod cue_filter;
mod findings;
mod form;
mod fronted;
mod gerunds;
mod hearsay;
mod indirect;
mod labels;
mod para;
mod phrases;
mod quoted;
mod relatives;
mod runon;
mod subjects;
mod unsourced;

use crate::doc::Doc;
use crate::error::Error;
use crate::lexicon::words::WordLexicon;
use crate::lexicon::Lexicons;
use crate::span::Span;

use serde::{Deserialize, Serialize};

pub use cues::CueType;
use cues::{CueLexicon, CueMatch};
pub use form::ContentForm;
use para::Para;

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
    #[serde(default)]
    pub kind: CueType,
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
    /// What kind of text the content is (clause, noun phrase, …), for
    /// users who want only reported clauses.
    #[serde(default)]
    pub form: ContentForm,
    /// The outer source of a nested report ("…, Reuters first reported"):
    /// the statement is its own speaker's, and this mention only reports it.
    #[serde(default)]
    pub reported_by: Option<Span>,
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
    /// `X seemed to …`, `X was expected to …`: a view nobody named holds.
    Unsourced,
    /// `Clinton: …`, `PENCE: …`: a name and a colon opening a paragraph.
    Label,
    /// `In a CNN poll, 50 percent …` / `… leads in the polls`: a poll's figures.
    Finding,
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
            Rule::Unsourced => 0.5,
            Rule::Label => 0.7,
            Rule::Finding => 0.6,
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
        let toks = doc.toks();
        let mut out: Vec<Statement> = Vec::new();
        let mut carry: Option<usize> = None;
        let mut next_sentence = 0;
        for pi in 0..doc.paragraphs.len() {
            // Sentences come in paragraph order.
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
                // No body text (boilerplate): a quote does not run on over it.
                carry = None;
                continue;
            }
            let para = Para::new(&doc.text, &toks, &sents, &self.words);
            carry = self.paragraph(&para, &mut out, carry);
        }
        show_continued_attribution(in_text_order(out))
    }

    /// The statements of one paragraph, appended to `out`. `carry` is the
    /// statement whose quote the previous paragraph left open; the result is
    /// the one this paragraph leaves open.
    fn paragraph(&self, p: &Para, out: &mut Vec<Statement>, carry: Option<usize>) -> Option<usize> {
        let (speech, other): (Vec<_>, Vec<_>) = self
            .cues_outside_quotes(p)
            .into_iter()
            .partition(|&(_, m)| self.cues.get(m).kind == CueType::Speech);
        let mut claims = Claims {
            base: out.len(),
            quote: vec![false; p.quotes.len()],
            cue: vec![false; p.toks.len()],
        };
        if let Some(mut st) = self.labelled_line(p) {
            absorb_quotes(p, &mut st, &mut claims.quote);
            // The line is the labelled speaker's: a quote mark opening it
            // and the quotes inside are theirs, and so are its cues.
            let end = st.parts[st.parts.len() - 1].end;
            for (qi, q) in p.quotes.iter().enumerate() {
                if q.outer.start < end {
                    claims.quote[qi] = true;
                }
            }
            for c in &mut claims.cue[p.tok_at(st.parts[0].start)..] {
                *c = true;
            }
            out.push(st);
        }
        self.quotes_next_to_cues(p, &speech, &mut claims, out);
        self.cue_statements(p, &speech, &mut claims, out);
        // Beliefs and evidence only where no speech stands: in "she said he
        // believes …" the belief is part of what she said.
        // A poll's figures before the beliefs inside them: in "In a CNN
        // poll, 71 percent approved of Obama" the poll holds the clause.
        self.sentence_views(p, &claims, out, Self::poll_finding);
        self.cue_statements(p, &other, &mut claims, out);
        self.sentence_views(p, &claims, out, Self::hearsay_view);
        self.leftover_quotes(p, &mut claims, out, carry);
        for s in &mut out[claims.base..] {
            s.parts.sort();
            s.form = self.content_form(p, s);
            s.mention = s.mention.map(|m| without_bullet(p.text, m));
        }
        p.quotes.last().filter(|q| q.unclosed).and_then(|q| {
            (0..out.len())
                .rev()
                .find(|&s| out[s].parts.contains(&q.content))
        })
    }

    /// The statements a sentence-wide rule (`find`) reads where no other
    /// statement stands.
    fn sentence_views(
        &self,
        p: &Para,
        claims: &Claims,
        out: &mut Vec<Statement>,
        find: fn(&Self, &Para, &std::ops::Range<usize>) -> Option<Statement>,
    ) {
        for sent in &p.sents {
            if let Some(st) = find(self, p, sent) {
                if !overlaps(&st, &out[claims.base..]) {
                    out.push(st);
                }
            }
        }
    }

    /// The paragraph's cues, each with its first token. A cue word inside a
    /// quote belongs to the quoted words and reports nothing.
    fn cues_outside_quotes(&self, p: &Para) -> Vec<(usize, CueMatch)> {
        let mut cues = Vec::new();
        let mut i = 0;
        while i < p.toks.len() {
            if p.quote_at(p.toks[i].span.start).is_none() {
                if let Some(m) = self.any_cue_at(p, i) {
                    cues.push((i, m));
                    i += m.len;
                    continue;
                }
            }
            i += 1;
        }
        cues
    }

    /// Pass 1: quotes with an attribution right after or right before them,
    /// the surest finds, so they claim their cues first.
    fn quotes_next_to_cues(
        &self,
        p: &Para,
        cues: &[(usize, CueMatch)],
        claims: &mut Claims,
        out: &mut Vec<Statement>,
    ) {
        for (qi, q) in p.quotes.iter().enumerate() {
            let st = match self.quote_with_trailing_cue(p, q, cues, &mut claims.cue) {
                Some(st) => Some(st),
                None => {
                    self.quote_with_leading_cue(p, q, cues, &mut claims.cue, &out[claims.base..])
                }
            };
            if let Some(st) = st {
                claims.quote[qi] = true;
                out.push(st);
            }
        }
    }

    /// Pass 2: statements found from their cue. `according to` first, as its
    /// content may stand on either side of it; then content before its
    /// attribution, so that a mid-sentence attribution ("The museum, Mr.
    /// Obama said, would …") takes both sides before the cue-then-content
    /// rule reads only what follows the cue.
    fn cue_statements(
        &self,
        p: &Para,
        cues: &[(usize, CueMatch)],
        claims: &mut Claims,
        out: &mut Vec<Statement>,
    ) {
        for pass in 0..3 {
            for &(ci, m) in cues {
                let cue = self.cues.get(m);
                if claims.cue[ci] || cue.quote_only {
                    continue;
                }
                let st = match (pass, cue.according) {
                    (0, true) => self.according_to(p, ci, m),
                    (1 | 2, false) if self.is_unsourced(p, ci, m) => {
                        (pass == 2).then(|| self.unsourced_view(p, ci, m)).flatten()
                    }
                    (1, false) => self.content_then_cue(p, ci, m),
                    (2, false) => self
                        .fronted_participle(p, ci, m)
                        .or_else(|| self.cue_then_content(p, ci, m, &out[claims.base..]))
                        .or_else(|| self.relative_only(p, ci, m)),
                    _ => None,
                };
                let Some(mut st) = st else { continue };
                self.relative_part(p, &mut st, &out[claims.base..]);
                if overlaps(&st, &out[claims.base..]) {
                    continue;
                }
                runon::run_on_to_quote_close(p, &mut st, &claims.quote, &out[claims.base..]);
                absorb_quotes(p, &mut st, &mut claims.quote);
                claims.cue[ci] = true;
                out.push(st);
            }
        }
    }
}

/// What the rules of one paragraph have claimed so far: a quote or a cue
/// serves one statement only.
struct Claims {
    /// Index in the output of the paragraph's first statement; those before
    /// it are earlier paragraphs'.
    base: usize,
    /// By quote index.
    quote: Vec<bool>,
    /// By the token index where the cue starts.
    cue: Vec<bool>,
}

/// Whether a statement's parts overlap those of one already found: the
/// earlier, surer rule keeps the text.
fn overlaps(st: &Statement, found: &[Statement]) -> bool {
    found.iter().any(|o| {
        o.parts
            .iter()
            .any(|a| st.parts.iter().any(|b| a.start < b.end && b.start < a.end))
    })
}

/// Quotes inside a cue's content are part of it (mixed speech), and no
/// statement of their own.
fn absorb_quotes(p: &Para, st: &mut Statement, claimed: &mut [bool]) {
    for (qi, q) in p.quotes.iter().enumerate() {
        if st.parts.iter().any(|part| part.contains(q.content)) {
            claimed[qi] = true;
            if st.kind == Kind::Indirect {
                st.kind = Kind::Mixed;
            }
        }
    }
}

/// The rules add statements pass by pass, out of text order; the links
/// between statements (`Continues`) are indices and must follow the sort.
fn in_text_order(out: Vec<Statement>) -> Vec<Statement> {
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
    sorted
}

/// A continued quote shows the attribution it continues, so that each row
/// of the table reads on its own.
fn show_continued_attribution(mut sorted: Vec<Statement>) -> Vec<Statement> {
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
            // A quote after "The committee voted to …" is the committee's
            // words, not its vote: only a speech cue carries over.
            let cue = sorted[j].cue.clone();
            sorted[i].cue = cue.filter(|c| c.kind == CueType::Speech);
        }
    }
    sorted
}

#[cfg(test)]
mod tests;

/// A list bullet or dash opening the line ("- Residents said …") is layout,
/// not part of the speaker's mention.
fn without_bullet(text: &str, m: Span) -> Span {
    let words = &text[m.start..m.end];
    let rest = words.trim_start_matches(['-', '–', '—', '•', '*', '·', ' ']);
    if rest.is_empty() {
        return m;
    }
    Span::new(m.end - rest.len(), m.end)
}
