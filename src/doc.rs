//! The document model: one immutable text and the layers the first stages
//! put on it (paragraphs with their flags, sentences, tokens and their
//! vocabulary), with the views every later stage reads.
//!
//! This is the bottom floor of the pipeline, as spaCy's `Doc` is: the cleaner
//! and the tokenizer fill its layers, the later stages take a `&Doc` and return
//! layers of their own, and nothing copies or rewrites the text. Every
//! annotation is a byte [`Span`] into [`Doc::text`]; [`Doc::chars`] converts to
//! the code-point offsets users' tools count in.

use std::ops::Range;
use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::span::{CharIndex, Span};

/// The flag of a paragraph whose last sentence is cut off.
pub const TRUNCATED: &str = "truncated";

/// One line of text (a paragraph), trimmed of surrounding whitespace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub span: Span,
    /// The part sentences are taken from: the span minus a leading dateline.
    pub body: Span,
    /// Why this paragraph is not article body; `None` for body text.
    pub flag: Option<Arc<str>>,
}

impl Paragraph {
    pub fn is_body(&self) -> bool {
        self.flag.is_none()
    }

    /// Whether only the paragraph's final sentence is affected by the flag.
    pub fn is_truncated(&self) -> bool {
        self.flag.as_deref() == Some(TRUNCATED)
    }
}

/// The cleaner's layer: what cleaning found in one document.
#[derive(Debug, Clone, Default)]
pub struct Cleaned {
    pub paragraphs: Vec<Paragraph>,
    /// The dateline prefix of the first body paragraph, e.g. "WASHINGTON".
    pub dateline: Option<String>,
    /// A source named in the dateline, e.g. "NewsNation" in "(NewsNation) —".
    pub dateline_source: Option<String>,
    /// The first paragraph's text when it is a headline.
    pub title: Option<String>,
}

/// A word or punctuation token. `norm` and `stem` index the document's [`Vocab`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub norm: u32,
    pub stem: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
    /// Range into the document's tokens.
    pub tokens: Range<usize>,
    /// Inherited from the paragraph (for a truncated paragraph, only its last
    /// sentence carries the flag).
    pub flag: Option<Arc<str>>,
    /// Subword tokens of the user's Hugging Face tokenizer, if one was given.
    pub subwords: Option<usize>,
}

impl Sentence {
    pub fn is_body(&self) -> bool {
        self.flag.is_none()
    }
}

/// Distinct strings of one document (normalised forms and stems), so tokens
/// stay small and repeated words are stored and stemmed once. The strings
/// live in one buffer and are found by hash, so a new word costs no
/// allocation of its own.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(from = "VocabStrings", into = "VocabStrings")]
pub struct Vocab {
    text: String,
    /// Byte range of each string in `text`.
    spans: Vec<(u32, u32)>,
    /// First string with a given hash; `collisions` holds the rare others.
    by_hash: FxHashMap<u64, u32>,
    collisions: FxHashMap<Box<str>, u32>,
    /// Stem id of each string used as a normalised form (`u32::MAX` if none).
    pub(crate) stems: Vec<u32>,
}

fn hash_str(s: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(s)
}

impl Vocab {
    /// Number of distinct strings.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    pub fn get(&self, id: u32) -> &str {
        let (a, b) = self.spans[id as usize];
        &self.text[a as usize..b as usize]
    }

    /// The id of `s`, if the document contains it.
    pub fn id(&self, s: &str) -> Option<u32> {
        self.lookup(s, hash_str(s))
    }

    fn lookup(&self, s: &str, h: u64) -> Option<u32> {
        match self.by_hash.get(&h) {
            Some(&id) if self.get(id) == s => Some(id),
            Some(_) => self.collisions.get(s).copied(),
            None => None,
        }
    }

    pub(crate) fn intern(&mut self, s: &str) -> (u32, bool) {
        self.intern_hashed(s, hash_str(s))
    }

    pub(crate) fn intern_hashed(&mut self, s: &str, h: u64) -> (u32, bool) {
        if let Some(id) = self.lookup(s, h) {
            return (id, false);
        }
        let id = self.spans.len() as u32;
        let a = self.text.len() as u32;
        self.text.push_str(s);
        self.spans.push((a, self.text.len() as u32));
        self.stems.push(u32::MAX);
        match self.by_hash.entry(h) {
            std::collections::hash_map::Entry::Occupied(_) => {
                self.collisions.insert(s.into(), id);
            }
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(id);
            }
        }
        (id, true)
    }
}

/// The tokenizer's layer: sentences, tokens and their vocabulary.
#[derive(Debug, Clone, Default)]
pub struct Tokenized {
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub vocab: Vocab,
}

/// What a [`Vocab`] is on disk: its strings; the hash index is rebuilt.
#[derive(Serialize, Deserialize)]
struct VocabStrings {
    text: String,
    spans: Vec<(u32, u32)>,
    stems: Vec<u32>,
}

impl From<Vocab> for VocabStrings {
    fn from(v: Vocab) -> Self {
        VocabStrings {
            text: v.text,
            spans: v.spans,
            stems: v.stems,
        }
    }
}

impl From<VocabStrings> for Vocab {
    fn from(s: VocabStrings) -> Self {
        let mut v = Vocab {
            text: s.text,
            spans: s.spans,
            stems: s.stems,
            ..Vocab::default()
        };
        for id in 0..v.spans.len() as u32 {
            let h = hash_str(v.get(id));
            match v.by_hash.entry(h) {
                std::collections::hash_map::Entry::Occupied(_) => {
                    let s: Box<str> = v.get(id).into();
                    v.collisions.insert(s, id);
                }
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(id);
                }
            }
        }
        v
    }
}

/// Two vocabularies are equal when they hold the same strings under the same ids.
impl PartialEq for Vocab {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text && self.spans == other.spans && self.stems == other.stems
    }
}

/// A token as the rule stages see it: its span, the words as written, and the
/// normalised form (`Don’t` → `don't`).
#[derive(Debug, Clone, Copy)]
pub struct Tok<'a> {
    pub span: Span,
    pub text: &'a str,
    pub norm: &'a str,
}

impl Tok<'_> {
    pub fn is_cap(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }

    pub fn is_word(&self) -> bool {
        self.text
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric())
    }

    /// Possessive `X’s` / `X'` (UAX #29 keeps `group’s` as one word).
    pub fn is_possessive(&self) -> bool {
        self.norm.ends_with("'s") && self.norm.len() > 2
    }
}

/// A span with its byte and code-point offsets (ends exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offsets {
    pub start_byte: usize,
    pub end_byte: usize,
    pub start_char: usize,
    pub end_char: usize,
}

impl Offsets {
    pub fn of(doc: &Doc, span: Span) -> Self {
        Offsets {
            start_byte: span.start,
            end_byte: span.end,
            start_char: doc.char_of(span.start),
            end_char: doc.char_of(span.end),
        }
    }

    pub fn span(&self) -> Span {
        Span::new(self.start_byte, self.end_byte)
    }

    /// The text this span covers.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        self.span().slice(text)
    }
}

/// One document: its text and the layers of cleaning and tokenizing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    pub text: String,
    pub chars: CharIndex,
    pub paragraphs: Vec<Paragraph>,
    /// The dateline prefix of the first body paragraph, e.g. "WASHINGTON".
    pub dateline: Option<String>,
    /// A source named in the dateline, e.g. "NewsNation" in "(NewsNation) —".
    pub dateline_source: Option<String>,
    /// The first paragraph's text when it is a headline.
    pub title: Option<String>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub vocab: Vocab,
}

impl Doc {
    pub fn new(text: String, cleaned: Cleaned, tokenized: Tokenized) -> Self {
        let Cleaned {
            paragraphs,
            dateline,
            dateline_source,
            title,
        } = cleaned;
        let Tokenized {
            sentences,
            tokens,
            vocab,
        } = tokenized;
        Doc {
            chars: CharIndex::new(&text),
            text,
            paragraphs,
            dateline,
            dateline_source,
            title,
            sentences,
            tokens,
            vocab,
        }
    }

    pub fn norm(&self, t: &Token) -> &str {
        self.vocab.get(t.norm)
    }

    pub fn stem(&self, t: &Token) -> &str {
        self.vocab.get(t.stem)
    }

    /// The code-point offset of byte offset `byte`.
    pub fn char_of(&self, byte: usize) -> usize {
        self.chars.char_of(&self.text, byte)
    }

    /// The view of token `i`.
    pub fn tok(&self, i: usize) -> Tok<'_> {
        let t = &self.tokens[i];
        Tok {
            span: t.span,
            text: t.span.slice(&self.text),
            norm: self.vocab.get(t.norm),
        }
    }

    /// The views of all tokens, in order: what a rule stage indexes into.
    /// One per stage that reads words; each costs a slice and a vocabulary
    /// lookup per token, far less than any rule run over it.
    pub fn toks(&self) -> Vec<Tok<'_>> {
        (0..self.tokens.len()).map(|i| self.tok(i)).collect()
    }

    /// The tokens that start inside `span`, as a range of token numbers.
    pub fn tokens_in(&self, span: Span) -> Range<usize> {
        let a = self.tokens.partition_point(|t| t.span.start < span.start);
        let b = self.tokens.partition_point(|t| t.span.start < span.end);
        a..b.max(a)
    }

    /// The sentence holding byte `pos` (or the next one after it; the last
    /// one past the end). 0 for a document without sentences.
    pub fn sentence_of(&self, pos: usize) -> usize {
        self.sentences
            .partition_point(|s| s.span.end <= pos)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// The paragraph holding byte `pos`, on the same terms as [`Doc::sentence_of`].
    pub fn paragraph_of(&self, pos: usize) -> usize {
        self.paragraphs
            .partition_point(|p| p.span.end <= pos)
            .min(self.paragraphs.len().saturating_sub(1))
    }

    /// Paragraphs flagged as not article body.
    pub fn flagged_paragraphs(&self) -> usize {
        self.paragraphs.iter().filter(|p| !p.is_body()).count()
    }
}

#[cfg(test)]
mod vocab_tests {
    use super::*;

    #[test]
    fn interned_strings_round_trip_and_repeat_to_the_same_id() {
        let mut v = Vocab::default();
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        let ids: Vec<u32> = words.iter().map(|w| v.intern(w).0).collect();
        for (w, &id) in words.iter().zip(&ids) {
            assert_eq!(v.get(id), w);
            assert_eq!(v.intern(w), (id, false));
            assert_eq!(v.id(w), Some(id));
        }
        assert_eq!(v.id("absent"), None);
    }

    #[test]
    fn strings_with_the_same_hash_keep_their_own_ids() {
        let mut v = Vocab::default();
        let (a, _) = v.intern_hashed("alpha", 7);
        let (b, new) = v.intern_hashed("beta", 7);
        assert!(new && a != b);
        assert_eq!(v.intern_hashed("beta", 7), (b, false));
        assert_eq!(v.intern_hashed("alpha", 7), (a, false));
        assert_eq!((v.get(a), v.get(b)), ("alpha", "beta"));
    }

    #[test]
    fn vocabulary_survives_serialisation_with_its_index() {
        let mut v = Vocab::default();
        for w in ["said", "told", "warned"] {
            v.intern(w);
        }
        let back: Vocab = serde_json::from_str(&serde_json::to_string(&v).unwrap()).unwrap();
        assert_eq!(back, v);
        assert_eq!(back.id("told"), v.id("told"));
    }
}
