//! Tokenizing: sentences, words, normalised forms and stems, all as spans into
//! the unchanged text.
//!
//! Sentences come from Unicode's UAX #29 rules, which break after every
//! abbreviation and before `she asked` in `“Is it true?” she asked`; a small
//! correction layer driven by `lexicons/abbreviations.txt` joins those pieces
//! again, and cuts after an ellipsis before a capital, which the rules do not
//! count as a full stop. Words are UAX #29 word bounds, which keep `We’re`, `12,500` and
//! `U.S` whole where BERT-style splitters do not.

use std::cell::RefCell;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::doc::{Cleaned, Sentence, Token, Tokenized, Vocab};
use crate::error::Error;
use crate::lexicon::Lexicons;
use crate::normalize::Normalizer;
use crate::span::Span;

mod sentences;
mod words;

/// Abbreviation classes from `lexicons/abbreviations.txt`.
#[derive(Debug, Default)]
struct Abbrevs {
    title: FxHashSet<String>,
    before_digit: FxHashSet<String>,
    acronym: FxHashSet<String>,
    general: FxHashSet<String>,
    starter: FxHashSet<String>,
}

impl Abbrevs {
    fn load(lex: &Lexicons) -> Result<Self, Error> {
        let mut a = Abbrevs::default();
        for row in lex.rows("abbreviations.txt", 2, 2)? {
            let w = row.col(0).to_string();
            match row.col(1) {
                "title" => a.title.insert(w),
                "before_digit" => a.before_digit.insert(w),
                "acronym" => a.acronym.insert(w),
                "general" => a.general.insert(w),
                "starter" => a.starter.insert(w),
                other => {
                    return Err(row.error(format!(
                    "class must be title, before_digit, acronym, general or starter, not {other:?}"
                )))
                }
            };
        }
        Ok(a)
    }

    fn is_abbrev(&self, w: &str) -> bool {
        self.title.contains(w)
            || self.before_digit.contains(w)
            || self.acronym.contains(w)
            || self.general.contains(w)
    }

    /// Whether a sentence piece ending in `prev_word` continues into `next`.
    fn joins(&self, prev_word: &str, next: &str) -> bool {
        let next = next.trim_start();
        let first = next.chars().next();
        if self.title.contains(prev_word) {
            return true;
        }
        if first.is_some_and(|c| c.is_ascii_digit()) && self.is_abbrev(prev_word) {
            return true;
        }
        if is_initial(prev_word) {
            return true;
        }
        if self.acronym.contains(prev_word) || is_dotted_acronym(prev_word) {
            let next_word: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
            return first.is_some_and(|c| c.is_uppercase()) && !self.starter.contains(&next_word);
        }
        false
    }
}

/// `J.` — a single capital letter and a period.
fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}

/// `U.S.`, `D.C.` — letters each followed by a period.
fn is_dotted_acronym(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 4
        && b.len().is_multiple_of(2)
        && b.chunks(2)
            .all(|p| p[0].is_ascii_uppercase() && p[1] == b'.')
}

thread_local! {
    /// Stems by normalised form; stemming is the costly part of a token.
    static STEMS: RefCell<FxHashMap<Box<str>, Box<str>>> = RefCell::new(FxHashMap::default());
}
const STEM_CACHE_MAX: usize = 500_000;

/// The tokenizing stage, built once and shared by all workers.
pub struct Tokenizer {
    abbrevs: Abbrevs,
    normalizer: Normalizer,
    stemmer: rust_stemmers::Stemmer,
    subword: Option<tokenizers::Tokenizer>,
}

impl Tokenizer {
    pub fn new(lex: &Lexicons, subword: Option<tokenizers::Tokenizer>) -> Result<Self, Error> {
        Ok(Tokenizer {
            abbrevs: Abbrevs::load(lex)?,
            normalizer: Normalizer::new(),
            stemmer: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English),
            subword,
        })
    }

    /// Loads a Hugging Face `tokenizer.json`.
    pub fn load_subword(path: &std::path::Path) -> Result<tokenizers::Tokenizer, Error> {
        tokenizers::Tokenizer::from_file(path).map_err(|e| {
            Error::Usage(format!(
                "--tokenizer {}: cannot load a Hugging Face tokenizer from it: {e}",
                path.display()
            ))
        })
    }

    pub fn tokenize(&self, text: &str, cleaned: &Cleaned) -> Tokenized {
        let mut out = Tokenized::default();
        let mut norm_buf = String::new();
        for (pi, p) in cleaned.paragraphs.iter().enumerate() {
            let spans = self.sentences(text, p.body);
            let n = spans.len();
            for (k, span) in spans.into_iter().enumerate() {
                let flag = if p.is_truncated() && k + 1 < n {
                    None
                } else {
                    p.flag.clone()
                };
                let first = out.tokens.len();
                self.words(text, span, &mut out, &mut norm_buf);
                let subwords = self.subword.as_ref().map(|t| {
                    t.encode(span.slice(text), false)
                        .map(|e| e.len())
                        .unwrap_or(0)
                });
                out.sentences.push(Sentence {
                    span,
                    paragraph: pi,
                    tokens: first..out.tokens.len(),
                    flag,
                    subwords,
                });
            }
        }
        out
    }

    /// Sentence spans of one paragraph body.
    pub fn sentences(&self, text: &str, body: Span) -> Vec<Span> {
        let s = body.slice(text);
        let mut out: Vec<Span> = Vec::new();
        let pieces = sentences::sentence_pieces(s)
            .into_iter()
            .flat_map(|(off, piece)| {
                sentences::after_ellipsis(piece).map(move |(o, p)| (off + o, p))
            });
        for (off, piece) in pieces {
            let piece_span = Span::new(body.start + off, body.start + off + piece.len());
            if let Some(prev) = out.last_mut() {
                if self.continues(prev.slice(text), piece) {
                    prev.end = piece_span.end;
                    continue;
                }
            }
            out.push(piece_span);
        }
        out.into_iter()
            .map(|sp| sp.trim(text))
            .filter(|sp| !sp.is_empty())
            .collect()
    }

    fn continues(&self, prev: &str, next: &str) -> bool {
        let next_t = next.trim_start();
        // Lower case after the break: `“Is it true?” she asked`, `Inc. and`.
        let first_letter = next_t
            .chars()
            .find(|c| !matches!(c, '“' | '"' | '‘' | '\'' | '(' | '[' | '—' | '–'));
        match first_letter {
            None => return true,
            Some(c) if c.is_lowercase() => return true,
            // A piece of closing punctuation only.
            Some(c)
                if !c.is_alphanumeric()
                    && !c.is_whitespace()
                    && next_t.chars().all(|c| !c.is_alphanumeric()) =>
            {
                return true
            }
            _ => {}
        }
        let last_word = prev
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
            .trim_start_matches(['(', '“', '"', '‘', '[']);
        last_word.ends_with('.') && self.abbrevs.joins(last_word, next)
    }

    fn words(&self, text: &str, sentence: Span, out: &mut Tokenized, buf: &mut String) {
        let s = sentence.slice(text);
        let mut pending: Option<Span> = None;
        words::for_each_word(s, |off, w| {
            let span = Span::new(sentence.start + off, sentence.start + off + w.len());
            // `U.S` + `.` and `Mr` + `.` are one token.
            if let Some(p) = pending.take() {
                if w == "." && p.end == span.start {
                    let joined = Span::new(p.start, span.end);
                    let jt = joined.slice(text);
                    if self.abbrevs.is_abbrev(jt) || is_dotted_acronym(jt) || is_initial(jt) {
                        self.push_token(text, joined, out, buf);
                        return;
                    }
                }
                self.push_token(text, p, out, buf);
            }
            pending = Some(span);
        });
        if let Some(p) = pending {
            self.push_token(text, p, out, buf);
        }
    }

    fn push_token(&self, text: &str, span: Span, out: &mut Tokenized, buf: &mut String) {
        buf.clear();
        self.normalizer.normalize_token(span.slice(text), buf);
        let (norm, _) = out.vocab.intern(buf);
        let mut stem = out.vocab.stems[norm as usize];
        if stem == u32::MAX {
            // Numbers and punctuation are their own stem.
            stem = if buf.chars().any(char::is_alphabetic) {
                self.stem_id(buf, &mut out.vocab)
            } else {
                norm
            };
            out.vocab.stems[norm as usize] = stem;
        }
        out.tokens.push(Token { span, norm, stem });
    }

    /// The vocabulary id of the stem of `norm`, through a per-thread cache
    /// shared by all documents (stemming is the costly part, not interning).
    fn stem_id(&self, norm: &str, vocab: &mut Vocab) -> u32 {
        STEMS.with(|c| {
            let mut c = c.borrow_mut();
            if let Some(s) = c.get(norm) {
                return vocab.intern(s).0;
            }
            if c.len() >= STEM_CACHE_MAX {
                c.clear();
            }
            let s: Box<str> = self.stemmer.stem(norm).into();
            let id = vocab.intern(&s).0;
            c.insert(norm.into(), s);
            id
        })
    }
}

/// Every string of up to five characters of `alphabet`, then `random`
/// pseudo-random strings of `random_len` characters: the inputs on which
/// the tests hold a fast path to the library it stands in for.
#[cfg(test)]
fn each_generated(alphabet: &str, random: usize, random_len: usize, mut f: impl FnMut(&str)) {
    let alphabet: Vec<char> = alphabet.chars().collect();
    let n = alphabet.len();
    let mut s = String::new();
    for len in 1..=5u32 {
        for mut code in 0..n.pow(len) {
            s.clear();
            for _ in 0..len {
                s.push(alphabet[code % n]);
                code /= n;
            }
            f(&s);
        }
    }
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..random {
        s.clear();
        for _ in 0..random_len {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            s.push(alphabet[(x % n as u64) as usize]);
        }
        f(&s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::Cleaner;

    fn tk() -> Tokenizer {
        Tokenizer::new(&Lexicons::builtin(), None).unwrap()
    }

    fn sents(text: &str) -> Vec<String> {
        let c = Cleaner::new(&Lexicons::builtin()).unwrap().clean(text);
        let t = tk().tokenize(text, &c);
        t.sentences
            .iter()
            .map(|s| s.span.slice(text).to_string())
            .collect()
    }

    #[test]
    fn titles_join_the_next_word() {
        assert_eq!(
            sents("Mr. Smith met Gen. Jones and Sen. Warren. They talked."),
            ["Mr. Smith met Gen. Jones and Sen. Warren.", "They talked."]
        );
    }

    #[test]
    fn months_and_numbers_join_before_digits() {
        assert_eq!(
            sents("It began Jan. 5 at No. 10 Downing St. and ended on p. 4. Then rain."),
            [
                "It began Jan. 5 at No. 10 Downing St. and ended on p. 4.",
                "Then rain."
            ]
        );
    }

    #[test]
    fn initials_and_acronyms() {
        assert_eq!(
            sents("Donald J. Trump spoke to the U.S. State Department. He left the U.S. The end came."),
            [
                "Donald J. Trump spoke to the U.S. State Department.",
                "He left the U.S.",
                "The end came."
            ]
        );
    }

    #[test]
    fn question_in_quotes_then_lowercase_attribution() {
        assert_eq!(
            sents("“Is it true?” she asked. “Yes!” he said."),
            ["“Is it true?” she asked.", "“Yes!” he said."]
        );
    }

    #[test]
    fn quote_closing_after_period_stays_with_sentence() {
        assert_eq!(
            sents("He said: “We are done.” Then he left."),
            ["He said: “We are done.”", "Then he left."]
        );
    }

    #[test]
    fn never_across_paragraphs() {
        assert_eq!(
            sents("It was Mr.\nSmith who came."),
            ["It was Mr.", "Smith who came."]
        );
    }

    #[test]
    fn words_keep_contractions_numbers_and_acronyms() {
        let text = "We’re told 12,500 U.S. troops don’t stay.";
        let c = Cleaner::new(&Lexicons::builtin()).unwrap().clean(text);
        let t = tk().tokenize(text, &c);
        let words: Vec<&str> = t.tokens.iter().map(|w| w.span.slice(text)).collect();
        assert_eq!(
            words,
            ["We’re", "told", "12,500", "U.S.", "troops", "don’t", "stay", "."]
        );
        let norms: Vec<&str> = t.tokens.iter().map(|w| t.vocab.get(w.norm)).collect();
        assert_eq!(norms[0], "we're");
        assert_eq!(norms[5], "don't");
        let stems: Vec<&str> = t.tokens.iter().map(|w| t.vocab.get(w.stem)).collect();
        assert_eq!(stems[4], "troop");
    }

    #[test]
    fn truncated_paragraph_flags_only_its_last_sentence() {
        let text = "Body one.\nIt held. The deal, declared";
        let c = Cleaner::new(&Lexicons::builtin()).unwrap().clean(text);
        let t = tk().tokenize(text, &c);
        let flags: Vec<Option<&str>> = t.sentences.iter().map(|s| s.flag.as_deref()).collect();
        assert_eq!(flags, [None, None, Some("truncated")]);
    }

    #[test]
    fn every_token_is_a_slice_of_the_original() {
        let text = "“Don’t go,” said Dr. Ōno — she’s here.\r\nNext: 3.5%!";
        let c = Cleaner::new(&Lexicons::builtin()).unwrap().clean(text);
        let t = tk().tokenize(text, &c);
        for s in &t.sentences {
            for tok in &t.tokens[s.tokens.clone()] {
                assert!(s.span.contains(tok.span));
                assert!(!tok.span.slice(text).trim().is_empty());
            }
        }
        assert_eq!(t.sentences.len(), 2);
    }
}
