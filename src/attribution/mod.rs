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

use crate::doc::{Doc, Tok};
use crate::error::Error;
use crate::lexicon::words::{EntityKind, Roles, WordLexicon};
use crate::lexicon::Lexicons;
use crate::span::Span;
use std::ops::Not;

use serde::{Deserialize, Serialize};

use cues::{CueLexicon, CueMatch, Form};
use quotes::Quote;

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

/// A paragraph's body tokens, with sentence boundaries.
struct Para<'a> {
    text: &'a str,
    /// The document's tokens from the paragraph's first body token on.
    toks: &'a [Tok<'a>],
    /// Token ranges of the sentences, in order.
    sents: Vec<std::ops::Range<usize>>,
    /// Per sentence: written in Title Case (a headline), where capitals say
    /// nothing about names.
    title_case: Vec<bool>,
    quotes: Vec<Quote>,
    span: Span,
}

impl Para<'_> {
    fn sent_of(&self, tok: usize) -> std::ops::Range<usize> {
        self.sents
            .iter()
            .find(|r| r.contains(&tok))
            .cloned()
            .unwrap_or(tok..tok + 1)
    }

    fn title_case_at(&self, tok: usize) -> bool {
        let k = self.sents.partition_point(|r| r.end <= tok);
        self.title_case.get(k).copied().unwrap_or(false)
    }

    /// The quote whose marks enclose byte `pos`.
    fn quote_at(&self, pos: usize) -> Option<usize> {
        self.quotes
            .iter()
            .position(|q| q.outer.start <= pos && pos < q.outer.end)
    }

    /// First token starting at or after byte `pos`.
    fn tok_at(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < pos)
    }

    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b - 1].span.end)
    }
}

/// Most longer words capitalised: "Senator Says Plan Will Fail".
fn title_case(toks: &[Tok]) -> bool {
    let (mut words, mut caps) = (0, 0);
    for t in toks
        .iter()
        .filter(|t| t.text.chars().count() >= 4 && t.is_word())
    {
        words += 1;
        caps += usize::from(t.is_cap());
    }
    words >= 3 && caps * 5 >= words * 4
}

fn is_punct(t: &Tok) -> bool {
    !t.text.chars().any(|c| c.is_alphanumeric())
}

fn is_quote_mark(t: &Tok) -> bool {
    matches!(
        t.text,
        "“" | "”" | "\"" | "„" | "«" | "»" | "''" | "``" | "＂"
    )
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

    /// A speech cue starting at token `i`, unless the context shows it is a
    /// noun ("the warning"), a passive ("was asked") or an infinitive.
    fn cue_at(&self, p: &Para, i: usize) -> Option<CueMatch> {
        let mut words = [""; 5];
        let n = (p.toks.len() - i).min(5);
        for (w, t) in words.iter_mut().zip(&p.toks[i..i + n]) {
            *w = t.norm;
        }
        let m = self.cues.match_at(&words[..n])?;
        if self.cues.get(m).lemma == "according to" {
            return Some(m);
        }
        let sent = p.sent_of(i);
        let skippable = |t: &Tok| {
            self.words.roles(t.norm).has(Roles::SKIP) || t.norm == "not" || t.norm == "n't"
        };
        let prev_raw = (i > sent.start).then(|| &p.toks[i - 1]);
        let prev_k = (sent.start..i).rev().find(|&k| !skippable(&p.toks[k]));
        let prev = prev_k.map(|k| &p.toks[k]);
        let next = p.toks.get(i + m.len).filter(|_| i + m.len < sent.end);
        const AUX: &[&str] = &[
            "have", "has", "had", "is", "are", "was", "were", "will", "would",
        ];
        const BE: &[&str] = &["was", "were", "been", "being", "be", "is", "are"];
        if let Some(prev) = prev {
            let r = self.words.roles(prev.norm);
            if r.has(Roles::DETERMINER)
                && !matches!(prev.norm, "some" | "many" | "both" | "several" | "other")
                || prev.is_possessive()
            {
                return None; // a noun: "the warning", "his statement"
            }
            if BE.contains(&prev.norm) && m.form != Form::Gerund {
                return None; // passive: "was asked"
            }
            if prev.norm == "to" && m.form == Form::Base {
                return None; // "declined to comment"
            }
            if m.form == Form::Past
                && !self.is_question(m)
                && matches!(
                    prev.norm,
                    "when"
                        | "if"
                        | "as"
                        | "after"
                        | "before"
                        | "while"
                        | "once"
                        | "unless"
                        | "although"
                        | "though"
                )
            {
                return None; // "When asked whether …": nobody is quoted
            }
        }
        match m.form {
            // "says" is a verb after a subject; "talks have" is a noun.
            Form::Present3 => {
                // "raise many questions": a plural quantifier makes it a noun.
                let subject = prev_k.is_some_and(|k| {
                    (self.np_word(p, k)
                        && !matches!(p.toks[k].norm, "many" | "several" | "both" | "few"))
                        || self.words.pronoun(p.toks[k].norm).is_some()
                });
                let inverted =
                    prev.is_some_and(|t| t.text == "," || is_quote_mark(t) || t.norm == "and");
                if !(subject || inverted) || next.is_some_and(|n| AUX.contains(&n.norm)) {
                    return None;
                }
            }
            // A base form needs a plural subject or an auxiliary: "officials
            // say", "they warn", "did not say"; "the October 7 attack" is a noun.
            Form::Base => {
                let aux = prev_raw.is_some_and(|t| {
                    skippable(t) && !matches!(t.norm, "also" | "later" | "then" | "again")
                });
                let plural = prev.is_some_and(|t| {
                    self.words
                        .pronoun(t.norm)
                        .is_some_and(|pr| pr.plural || pr.person < 3)
                        || self.words.head_kind(t.norm) == Some(EntityKind::Group)
                        || (t.norm.ends_with('s')
                            && !t.is_possessive()
                            && t.norm.len() > 3
                            // "A recent Reuters report": a singular phrase
                            && !prev_k.is_some_and(|k| {
                                (sent.start.max(k.saturating_sub(3))..k)
                                    .any(|j| matches!(p.toks[j].norm, "a" | "an"))
                            }))
                });
                // "Mr. Grassley and Mr. Leahy say" (read only when needed).
                let coordinated = || {
                    prev_k.is_some_and(|k| {
                        self.np_left(p, k + 1, sent.start)
                            .is_some_and(|(a, _)| (a..k).any(|j| p.toks[j].norm == "and"))
                    })
                };
                if !aux && !plural && !coordinated() {
                    return None;
                }
            }
            // "a plan proposed by", "reported killed": a participle, not a cue.
            Form::Past => {
                if next.is_some_and(|n| {
                    n.norm == "by" || (n.norm.ends_with("ed") && !n.is_cap() && n.norm.len() > 4)
                }) {
                    return None;
                }
            }
            Form::Gerund => {}
        }
        // Capitalised mid-sentence: a name or a title ("Statement", "Post"),
        // unless the whole sentence is a Title Case headline.
        if p.toks[i].is_cap() && i != sent.start && !p.title_case_at(i) {
            return None;
        }
        Some(m)
    }

    /// Whether token `k` can stand inside a speaker noun phrase.
    fn np_word(&self, p: &Para, k: usize) -> bool {
        let t = &p.toks[k];
        if t.text == "-" || t.text == "‐" {
            // Only inside hyphenated words (Abdel-Latif).
            return k > 0
                && k + 1 < p.toks.len()
                && p.toks[k - 1].span.end == t.span.start
                && p.toks[k + 1].span.start == t.span.end;
        }
        if is_punct(t) {
            return false;
        }
        let r = self.words.roles(t.norm);
        if t.is_cap() {
            return !r.has(Roles::STOP) || k == 0 && r.has(Roles::DETERMINER);
        }
        r.has(Roles::DETERMINER)
            || r.has(Roles::MODIFIER)
            || r.has(Roles::PARTICLE)
            || self.words.is_title(t.norm)
            || self.words.head_kind(t.norm).is_some()
            || self.words.demonym(t.norm).is_some()
            || t.is_possessive()
            || t.norm.chars().all(|c| c.is_ascii_digit())
            || t.norm.ends_with("-based")
    }

    /// A lower-case word that modifies the name or title right after it
    /// ("the *engineer* Tom Berg", "*city* engineer"), which the word lists
    /// cannot all hold.
    fn np_modifier(&self, p: &Para, k: usize) -> bool {
        let t = &p.toks[k];
        let Some(n) = p.toks.get(k + 1) else {
            return false;
        };
        let r = self.words.roles(t.norm);
        t.norm.chars().all(|c| c.is_alphabetic() || c == '-')
            && !t.is_cap()
            && !r.has(Roles::STOP)
            && !r.has(Roles::SKIP)
            && !r.has(Roles::CONNECTOR)
            && !r.has(Roles::PREPOSITION)
            && !r.has(Roles::TIME)
            && self.words.pronoun(t.norm).is_none()
            && !matches!(
                t.norm,
                "that"
                    | "and"
                    | "or"
                    | "who"
                    | "which"
                    | "what"
                    | "whom"
                    | "whose"
                    | "where"
                    | "when"
                    | "how"
                    | "why"
                    | "if"
                    | "is"
                    | "was"
                    | "are"
                    | "were"
                    | "be"
                    | "been"
            )
            && self.cues.match_at(&[t.norm]).is_none()
            && (n.is_cap() && self.words.roles(n.norm).has(Roles::STOP).not()
                || self.words.is_title(n.norm)
                || self.words.head_kind(n.norm).is_some())
    }

    /// A multi-word title or head noun ending at `k` (lower case words such as
    /// "press secretary" are covered word by word only if each is listed).
    fn np_left(&self, p: &Para, end: usize, floor: usize) -> Option<(usize, usize)> {
        let mut i = end;
        // Start of the last conjunct, in case the coordination does not hold.
        let mut conjunct = None;
        while i > floor {
            let k = i - 1;
            if self.np_word(p, k) || (i < end && self.np_modifier(p, k)) {
                i -= 1;
                continue;
            }
            // "Mr. Grassley and Mr. Leahy say": coordinated names.
            if i < end && self.coordinates_names(p, k, floor) {
                conjunct.get_or_insert(i);
                i -= 1;
                continue;
            }
            // "spokesperson for Hamas": a connector between a title/head and a name.
            let t = &p.toks[k];
            if self.words.roles(t.norm).has(Roles::CONNECTOR) && i < end && k > floor {
                let left = &p.toks[k - 1];
                if self.words.is_title(left.norm)
                    || self.words.head_kind(left.norm).is_some()
                    || left.is_cap() && p.toks[k + 1].is_cap()
                {
                    i -= 1;
                    continue;
                }
            }
            break;
        }
        // A coordination must be the whole subject, not "met Biden and Netanyahu".
        if let Some(c) = conjunct {
            let open = i == floor || {
                let t = &p.toks[i - 1];
                is_punct(t) || self.words.roles(t.norm).has(Roles::STOP)
            };
            if !open {
                i = c;
            }
        }
        // Do not start on a connector, and do not end on a determiner.
        while i < end && self.words.roles(p.toks[i].norm).has(Roles::CONNECTOR) {
            i += 1;
        }
        if i == end || !self.has_head(p, i, end) {
            return None;
        }
        Some((i, end))
    }

    /// Whether token `k` is an "and" joining two names (not a time word:
    /// "on Monday and Netanyahu said" joins clauses).
    fn coordinates_names(&self, p: &Para, k: usize, floor: usize) -> bool {
        let name = |j: usize| {
            let t = &p.toks[j];
            t.is_cap()
                && !self.words.roles(t.norm).has(Roles::TIME)
                && !self.words.roles(t.norm).has(Roles::STOP)
                && self.np_word(p, j)
        };
        p.toks[k].norm == "and" && k > floor && k + 1 < p.toks.len() && name(k - 1) && name(k + 1)
    }

    /// A noun phrase needs a head: a name, a title, or an entity noun.
    fn has_head(&self, p: &Para, a: usize, b: usize) -> bool {
        p.toks[a..b].iter().any(|t| {
            (t.is_cap()
                && !self.words.roles(t.norm).has(Roles::DETERMINER)
                && !self.words.roles(t.norm).has(Roles::STOP))
                || self.words.is_title(t.norm)
                || self.words.head_kind(t.norm).is_some()
        })
    }

    fn np_right(&self, p: &Para, start: usize, limit: usize) -> Option<(usize, usize)> {
        let mut j = start;
        while j < limit {
            if self.np_word(p, j) || (j + 1 < limit && self.np_modifier(p, j)) {
                j += 1;
                continue;
            }
            let t = &p.toks[j];
            let prev = &p.toks[j.max(1) - 1];
            if self.words.roles(t.norm).has(Roles::CONNECTOR)
                && j > start
                && j + 1 < limit
                && (self.words.is_title(prev.norm)
                    || self.words.head_kind(prev.norm).is_some()
                    || prev.is_cap() && p.toks[j + 1].is_cap())
                && self.np_word(p, j + 1)
            {
                j += 1;
                continue;
            }
            break;
        }
        // Time words are not part of the name ("said Thursday").
        while j > start
            && self.words.roles(p.toks[j - 1].norm).has(Roles::TIME)
            && p.toks[j - 1].is_cap()
        {
            j -= 1;
        }
        (j > start && self.has_head(p, start, j)).then_some((start, j))
    }

    /// The speaker mention ending right before the cue at `ci` (skipping
    /// auxiliaries and adverbs, and a parenthetical such as ", in a statement
    /// to Reuters,"). Includes an appositive: "A spokesperson for Hamas,
    /// Abdel-Latif al-Qanoua, said".
    fn speaker_left(&self, p: &Para, ci: usize, floor: usize) -> Option<Span> {
        let mut end = ci;
        while end > floor && {
            let t = &p.toks[end - 1];
            self.words.roles(t.norm).has(Roles::SKIP) || t.norm == "not" || t.norm == "n't"
        } {
            end -= 1;
        }
        if end == floor {
            return None;
        }
        let t = &p.toks[end - 1];
        if self.words.pronoun(t.norm).is_some() || self.words.roles(t.norm).has(Roles::RELATIVE) {
            return Some(t.span);
        }
        if t.text == "," {
            // ", X ," before the cue: an appositive, or a parenthetical to skip.
            let close = end - 1;
            let open = (floor..close).rev().find(|&k| p.toks[k].text == ",")?;
            let inner_first = &p.toks[open + 1];
            if matches!(
                inner_first.norm,
                "in" | "on"
                    | "at"
                    | "during"
                    | "speaking"
                    | "according"
                    | "through"
                    | "via"
                    | "after"
                    | "before"
                    | "when"
                    | "while"
                    | "as"
                    | "however"
                    | "though"
                    | "meanwhile"
                    | "too"
                    | "also"
                    | "moreover"
                    | "nevertheless"
                    | "then"
            ) {
                return self.speaker_left(p, open, floor);
            }
            if let Some((a, b)) = self.np_left(p, close, open + 1) {
                if a == open + 1 {
                    if let Some((a0, _)) = self.np_left(p, open, floor) {
                        return Some(p.span(a0, b));
                    }
                    return Some(p.span(a, b));
                }
            }
            // ", who …," relative clauses: take the NP before them.
            return None;
        }
        let (a, b) = self.np_left(p, end, floor)?;
        Some(p.span(a, b))
    }

    /// `“…,” X said` / `“…,” said X` / `“…,” he told Reuters`.
    fn quote_with_trailing_cue(
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
    fn quote_with_leading_cue(
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

    /// The speaker of a cue at `ci`: the mention before it; for a
    /// participle (", warning that") or a coordinated cue ("and insisted")
    /// the speaker of the sentence's earlier statement, else its subject.
    fn speaker_for(
        &self,
        p: &Para,
        ci: usize,
        sent_start: usize,
        earlier: &[Statement],
    ) -> Option<Span> {
        let prev = (ci > sent_start).then(|| p.toks[ci - 1].norm);
        let shared = matches!(
            prev,
            Some("," | "by" | "while" | "after" | "before" | "without" | "when")
        ) && p.toks[ci].norm.ends_with("ing")
            || prev == Some("and");
        if !shared {
            if let Some(m) = self.speaker_left(p, ci, sent_start) {
                return Some(m);
            }
        }
        if shared {
            let here = p.toks[sent_start].span.start;
            let cue_pos = p.toks[ci].span.start;
            if let Some(st) = earlier
                .iter()
                .filter(|st| {
                    st.cue
                        .as_ref()
                        .is_some_and(|c| c.span.start >= here && c.span.start < cue_pos)
                })
                .max_by_key(|st| st.cue.as_ref().map(|c| c.span.start))
            {
                if st.mention.is_some() {
                    return st.mention;
                }
            }
        }
        self.subject(p, sent_start, ci)
    }

    /// The subject at the start of a sentence: after an introductory phrase
    /// ("On Monday,"), up to the first auxiliary or verb-like word.
    fn subject(&self, p: &Para, sent_start: usize, limit: usize) -> Option<Span> {
        let mut s = sent_start;
        if let Some(c) = (s..limit.min(s + 7)).find(|&k| p.toks[k].text == ",") {
            if self.words.roles(p.toks[s].norm).has(Roles::STOP)
                || self.words.roles(p.toks[s].norm).has(Roles::PREPOSITION)
            {
                s = c + 1;
            }
        }
        while s < limit && self.words.roles(p.toks[s].norm).has(Roles::STOP) && !p.toks[s].is_cap()
        {
            s += 1;
        }
        // A pronoun subject, unless it is a possessive ("His aides").
        if s < limit
            && self.words.pronoun(p.toks[s].norm).is_some()
            && !(s + 1 < limit && self.np_word(p, s + 1) && !p.toks[s + 1].is_cap())
        {
            return Some(p.toks[s].span);
        }
        let mut e = s;
        while e < limit {
            let t = &p.toks[e];
            if is_punct(t) && t.text != "-" {
                break;
            }
            let r = self.words.roles(t.norm);
            if r.has(Roles::STOP) && !r.has(Roles::DETERMINER) {
                break;
            }
            if !t.is_cap()
                && !self.np_word(p, e)
                && (r.has(Roles::SKIP)
                    || t.norm.ends_with('s')
                    || t.norm.ends_with("ed")
                    || self.cue_at(p, e).is_some())
            {
                break;
            }
            e += 1;
        }
        (e > s && self.has_head(p, s, e)).then(|| p.span(s, e))
    }

    /// Past the addressee of a cue that takes one (told [reporters], told
    /// [me]) starting at `j`; `j` itself when there is none.
    fn skip_addressee(&self, p: &Para, m: CueMatch, j: usize, end: usize) -> usize {
        if !self.cues.get(m).takes_object || j >= end {
            return j;
        }
        let t = &p.toks[j];
        if self.words.pronoun(t.norm).is_some() {
            return j + 1;
        }
        // "Vows To Keep …" in a headline: a preposition opens no addressee.
        if self.words.roles(t.norm).has(Roles::PREPOSITION) {
            return j;
        }
        self.np_right(p, j, end).map_or(j, |(_, b)| b)
    }

    /// A speech cue of the question class (asked, inquired).
    fn is_question(&self, m: CueMatch) -> bool {
        let c = self.cues.get(m);
        c.speech && c.class == "question"
    }

    fn cue_ref(&self, p: &Para, ci: usize, m: CueMatch) -> CueRef {
        let c = self.cues.get(m);
        CueRef {
            span: p.span(ci, ci + m.len),
            lemma: c.lemma.clone(),
            class: c.class.clone(),
        }
    }

    /// Content before its attribution: `…, X said.` / `…, said X.` /
    /// `…, Leavitt stated during a briefing.`
    fn indirect_after(&self, p: &Para, ci: usize, m: CueMatch) -> Option<Statement> {
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

    /// `…, a senior official involved in the talks told X.`: a speaker
    /// description with modifiers the noun-phrase reader does not cover,
    /// between a comma and the cue.
    fn described_speaker(&self, p: &Para, ci: usize, floor: usize) -> Option<Span> {
        let comma = (floor..ci)
            .rev()
            .take(14)
            .find(|&k| p.toks[k].text == ",")?;
        let first = comma + 1;
        if first >= ci {
            return None;
        }
        let t = &p.toks[first];
        let opens = self.words.roles(t.norm).has(Roles::DETERMINER) || t.is_cap();
        if !opens
            || !self.has_head(p, first, ci)
            || p.toks[first..ci]
                .iter()
                .any(|t| is_quote_mark(t) || t.norm == "that")
        {
            return None;
        }
        Some(p.span(first, ci))
    }

    /// Content after its cue: `X said (that) …`, `…, warning that …`.
    fn indirect_before(
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

    /// Where the object of a cue that takes a noun phrase ends ("vetoed [the
    /// bill] and attempted …", "called for [more money] in a statement").
    fn object_end(&self, p: &Para, s: usize, end: usize) -> usize {
        for k in s + 1..end {
            let t = &p.toks[k];
            if p.quote_at(t.span.start).is_some() && !is_quote_mark(t) {
                continue;
            }
            if matches!(t.text, "," | ";" | "—" | "–")
                || matches!(t.norm, "but" | "yet" | "while" | "because" | "although")
            {
                return k;
            }
            if t.norm == "and" {
                if let Some(n) = p.toks.get(k + 1) {
                    let verbish = n.norm.ends_with("ed")
                        || matches!(
                            n.norm,
                            "has"
                                | "had"
                                | "have"
                                | "is"
                                | "was"
                                | "will"
                                | "would"
                                | "said"
                                | "says"
                                | "also"
                        );
                    if verbish && !n.is_cap() {
                        return k;
                    }
                }
            }
            // "… in a statement on Thursday": the setting, not the object.
            if t.norm == "in"
                && p.toks.get(k + 2).is_some_and(|x| {
                    matches!(
                        x.norm,
                        "statement" | "interview" | "speech" | "letter" | "post" | "tweet"
                    )
                })
            {
                return k;
            }
        }
        end
    }

    /// Where indirect content that starts at `s` ends: the sentence end, or
    /// a clause boundary outside quotes (`;`, `, adding that`, `, but`).
    fn clause_end(&self, p: &Para, s: usize, end: usize) -> usize {
        let mut k = s;
        while k < end {
            let t = &p.toks[k];
            let inside = p.quote_at(t.span.start).is_some() && !is_quote_mark(t);
            if !inside {
                if t.text == ";" {
                    return k;
                }
                // "… and insisted that …", "… but he noted …", "… and
                // Democrats accused …": a further statement.
                if matches!(t.norm, "and" | "but") && k + 1 < end && k > s {
                    if let Some((c, m, true)) = self.cue_after_subject(p, k + 1, k + 1, end) {
                        let subject =
                            (k + 1..c).any(|j| !self.words.roles(p.toks[j].norm).has(Roles::SKIP));
                        // "… and calling for …" (no subject) is a further
                        // participle; "… and the Base form" needs a subject.
                        let form_ok = match m.form {
                            Form::Base => subject,
                            Form::Gerund => !subject,
                            _ => true,
                        };
                        if form_ok && !self.cues.get(m).quote_only {
                            return k;
                        }
                    }
                }
                // `, but` — also `“jobs,” but`, the comma inside the marks.
                let quoted_comma = is_quote_mark(t) && k > s && p.toks[k - 1].text == ",";
                if (t.text == "," || quoted_comma) && k + 1 < end {
                    let n = &p.toks[k + 1];
                    if matches!(
                        n.norm,
                        "but" | "while" | "though" | "although" | "whereas" | "and" | "or"
                    ) {
                        return k + usize::from(quoted_comma);
                    }
                }
                if t.text == "," && k + 1 < end {
                    let n = &p.toks[k + 1];
                    if n.norm == "according" {
                        return k;
                    }
                    // ", which …" comments on the statement; it is not part of it.
                    if n.norm == "which" {
                        return k;
                    }
                    if let Some(m) = self.cue_at(p, k + 1) {
                        if m.form == Form::Gerund {
                            return k;
                        }
                    }
                    // ", he said" / ", X said." inside: the attribution of a
                    // further statement.
                    if let Some((_, _, true)) = self.cue_after_subject(p, k + 1, k + 2, end) {
                        return k;
                    }
                }
            }
            k += 1;
        }
        end
    }

    /// The first cue from token `first` on, within six tokens of `from`,
    /// and whether only a subject (names, pronouns, adverbs such as "also")
    /// stands between `from` and it: "…, he said", "… and Democrats accused".
    fn cue_after_subject(
        &self,
        p: &Para,
        from: usize,
        first: usize,
        end: usize,
    ) -> Option<(usize, CueMatch, bool)> {
        let (c, m) =
            (first..(from + 6).min(end)).find_map(|c| self.cue_at(p, c).map(|m| (c, m)))?;
        let subject = (from..c).all(|k| {
            let norm = p.toks[k].norm;
            self.np_word(p, k)
                || self.words.pronoun(norm).is_some()
                || self.words.roles(norm).has(Roles::SKIP)
        });
        Some((c, m, subject))
    }

    /// Trims punctuation at the edges of tokens `[a, b)`; `None` if nothing is left.
    fn trim_content(&self, p: &Para, mut a: usize, mut b: usize) -> Option<Span> {
        while a < b && is_punct(&p.toks[a]) && !is_quote_mark(&p.toks[a]) {
            a += 1;
        }
        while b > a && is_punct(&p.toks[b - 1]) && !is_quote_mark(&p.toks[b - 1]) {
            b -= 1;
        }
        // Unbalanced marks at the edges go; balanced ones stay.
        if a < b
            && is_quote_mark(&p.toks[a])
            && p.quote_at(p.toks[a].span.start)
                .is_some_and(|qi| p.quotes[qi].outer.end > p.toks[b - 1].span.end)
        {
            a += 1;
        }
        (a < b).then(|| p.span(a, b))
    }

    /// `According to X, …` and `…, according to X.`
    fn according_to(&self, p: &Para, ci: usize, m: CueMatch) -> Option<Statement> {
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

#[cfg(test)]
mod tests;
