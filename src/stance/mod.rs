//! Stance: every statement scored against editable lexicons — stance acts,
//! hedging and certainty, valence, and polarity toward configured targets —
//! and the article's own voice scored the same way.
//!
//! A stage of its own after speaker resolution: it reads the [`Doc`] and the
//! statements and returns the [`StanceLayer`]. The act often sits in the cue
//! rather than in the content ("Hamas *accused* Trump of …"), so a
//! statement's cue words and cue class count as evidence of acts (never of
//! valence, which is the content's). Every score is the sum of the
//! contributions of its hits, each hit a lexicon entry at an offset.

mod formats;
mod frames;
pub mod lexicon;
mod scopes;
pub mod score;
pub mod targets;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::attribution::Statement;
use crate::doc::Doc;
use crate::error::Error;
use crate::lexicon::Lexicons;
use crate::span::Span;

pub use lexicon::{Category, MatchCache, StanceLexicon};
pub use score::{Hit, Modifiers, Scores};
pub use targets::{Label, TargetPolarity, Targets};

use score::Token;

/// The stance of one statement, or of a document's own voice.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stance {
    pub scores: Scores,
    pub targets: Vec<TargetPolarity>,
}

/// The stance layer of one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StanceLayer {
    /// One per statement, in the statements' order.
    pub of_statement: Vec<Stance>,
    /// The text outside statements (body paragraphs only).
    pub authorial: Stance,
}

/// The stance stage, built once from the lexicons.
pub struct Stancer {
    lexicon: StanceLexicon,
    targets: Targets,
    frames: frames::SpeakerFrames,
}

impl Stancer {
    pub fn new(lex: &Lexicons) -> Result<Self, Error> {
        Ok(Stancer {
            lexicon: StanceLexicon::load(lex.stance_files())?,
            targets: Targets::load(lex)?,
            frames: frames::SpeakerFrames::load(lex)?,
        })
    }

    pub fn lexicon(&self) -> &StanceLexicon {
        &self.lexicon
    }

    /// Scores every statement of a document, and the text around them.
    pub fn score(&self, doc: &Doc, statements: &[Statement]) -> StanceLayer {
        let mixed_case = doc.text.chars().any(char::is_lowercase);
        let mut cache = MatchCache::new(doc.vocab.len());
        let mut covered = vec![false; doc.tokens.len()];
        // One pair of buffers for every statement's words.
        let mut ids: Vec<usize> = Vec::new();
        let mut toks: Vec<Token> = Vec::new();
        let mut of_statement = Vec::with_capacity(statements.len());
        for st in statements {
            let cue = st.cue.as_ref().map(|c| doc.tokens_in(c.span));
            ids.clear();
            ids.extend(
                st.parts
                    .iter()
                    .flat_map(|&p| doc.tokens_in(p))
                    .chain(cue.clone().into_iter().flatten()),
            );
            ids.sort_unstable();
            ids.dedup();
            for &i in &ids {
                covered[i] = true;
            }
            for i in st.mention.map(|m| doc.tokens_in(m)).into_iter().flatten() {
                covered[i] = true;
            }
            toks.clear();
            toks.extend(
                ids.iter()
                    .map(|&i| token(doc, i, cue.as_ref().is_some_and(|c| c.contains(&i)))),
            );
            let class = st.cue.as_ref().map(|c| c.class.as_str());
            of_statement.push(self.stance(doc, &mut cache, &toks, class, mixed_case));
        }
        // Most of a document is its own voice: room for all of it at once,
        // rather than growing a copy of every token over and over.
        let mut authorial: Vec<Token> = Vec::with_capacity(doc.tokens.len());
        authorial.extend(
            doc.sentences
                .iter()
                .filter(|s| s.is_body())
                .flat_map(|s| s.tokens.clone())
                .filter(|&i| !covered[i])
                .map(|i| token(doc, i, false)),
        );
        StanceLayer {
            of_statement,
            authorial: self.stance(doc, &mut cache, &authorial, None, mixed_case),
        }
    }

    /// Scores the words of `span` as one statement; with `target`, also the
    /// polarity toward the words there (the `score` command).
    pub fn score_span(&self, doc: &Doc, span: Span, target: Option<Span>) -> Stance {
        let mixed_case = doc.text.chars().any(char::is_lowercase);
        let toks: Vec<Token> = doc.tokens_in(span).map(|i| token(doc, i, false)).collect();
        let mut cache = MatchCache::new(doc.vocab.len());
        let scores = score::score(doc, &self.lexicon, &mut cache, &toks, None, mixed_case);
        let targets = match target {
            Some(t) => {
                let ids = doc.tokens_in(t);
                let first = toks.iter().position(|k| k.span.start >= t.start);
                match (first, ids.len()) {
                    (Some(start), n) if n > 0 => {
                        let len = n.min(toks.len() - start);
                        let mention = targets::Mention {
                            target: "target",
                            actor: targets::looks_like_actor(&toks[start..start + len], start == 0),
                            at: crate::doc::Offsets::of(doc, t),
                            start,
                            len,
                        };
                        let index = targets::HitIndex::new(&scores.hits);
                        vec![targets::polarity(
                            &mention,
                            &toks,
                            &index,
                            scores.valence,
                            &self.frames,
                        )]
                    }
                    _ => Vec::new(),
                }
            }
            None => self.targets.polarities(
                doc,
                &toks,
                &scores.hits,
                scores.valence,
                &mut cache,
                &self.frames,
            ),
        };
        Stance { scores, targets }
    }

    fn stance(
        &self,
        doc: &Doc,
        cache: &mut MatchCache,
        toks: &[Token],
        class: Option<&str>,
        mixed_case: bool,
    ) -> Stance {
        let scores = score::score(doc, &self.lexicon, cache, toks, class, mixed_case);
        let targets = if self.targets.is_empty() {
            Vec::new()
        } else {
            self.targets
                .polarities(doc, toks, &scores.hits, scores.valence, cache, &self.frames)
        };
        Stance { scores, targets }
    }
}

fn token(doc: &Doc, i: usize, cue: bool) -> Token<'_> {
    let t = &doc.tokens[i];
    Token {
        word: lexicon::Word {
            norm: doc.norm(t),
            stem: doc.stem(t),
            id: t.norm,
        },
        text: t.span.slice(&doc.text),
        span: t.span,
        cue,
    }
}
