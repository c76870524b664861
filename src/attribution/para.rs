//! A paragraph's body tokens as the rules see them, and the small token
//! tests they share.
//!
//! The rules work on one paragraph at a time because a statement never
//! crosses a paragraph, except a quote that runs on (see `carry` in
//! `paragraph`), and quotes are paired per paragraph.

use std::ops::Range;

use crate::doc::{Sentence, Tok};
use crate::lexicon::words::{Roles, WordLexicon};
use crate::span::Span;

use super::quotes::{self, Quote};

/// Auxiliaries: after a present form they show it is a plural noun ("talks
/// have"); after "and" they start a new predicate.
pub(super) const AUX: &[&str] = &[
    "have", "has", "had", "is", "are", "was", "were", "will", "would",
];

/// Forms of "be": a past form after one is a passive ("was asked"), a
/// gerund a progressive ("was warning").
pub(super) const BE: &[&str] = &["was", "were", "been", "being", "be", "is", "are"];

/// Quotation marks as tokens, including the two-character wire forms.
const QUOTE_MARKS: &[&str] = &["“", "”", "\"", "„", "«", "»", "''", "``", "＂"];

/// Single quotation marks, which are apostrophes unless they bound a quote.
const SINGLE_MARKS: &[char] = &['\'', '‘', '’', '`', '‚', '‹', '›'];

/// A paragraph's body tokens, with sentence boundaries.
pub(super) struct Para<'a> {
    pub(super) text: &'a str,
    /// The document's tokens from the paragraph's first body token on.
    pub(super) toks: &'a [Tok<'a>],
    /// Token ranges of the sentences, in order.
    pub(super) sents: Vec<Range<usize>>,
    /// Per sentence: written in Title Case (a headline), where capitals say
    /// nothing about names.
    pub(super) title_case: Vec<bool>,
    pub(super) quotes: Vec<Quote>,
    /// Byte offsets of the single marks that open or close a quote: only
    /// these are quote marks, the others apostrophes.
    single_marks: Vec<usize>,
    pub(super) span: Span,
}

impl<'a> Para<'a> {
    /// The view of a paragraph's body sentences (non-empty, in order);
    /// `toks` are the document's tokens. A paragraph's body sentences are
    /// its sentences but a truncated last one, so their tokens are one run.
    pub(super) fn new(
        text: &'a str,
        toks: &'a [Tok<'a>],
        sents: &[&Sentence],
        words: &WordLexicon,
    ) -> Self {
        let base = sents[0].tokens.start;
        let end = sents[sents.len() - 1].tokens.end;
        let mut para = Para {
            text,
            toks: &toks[base..end],
            sents: Vec::with_capacity(sents.len()),
            title_case: Vec::with_capacity(sents.len()),
            quotes: Vec::new(),
            single_marks: Vec::new(),
            span: Span::new(sents[0].span.start, sents[sents.len() - 1].span.end),
        };
        for s in sents {
            let r = s.tokens.start - base..s.tokens.end - base;
            para.title_case.push(title_case(&para.toks[r.start..r.end]));
            para.sents.push(r);
        }
        let elided = |w: &str| words.roles(w).has(Roles::ELISION);
        para.quotes = quotes::quotes(para.span.slice(text), para.span.start, &elided);
        for q in &para.quotes {
            let outer = q.outer.slice(text);
            let last = outer.chars().next_back().map_or(0, char::len_utf8);
            let close = (!q.unclosed).then_some(q.outer.end - last);
            for at in std::iter::once(q.outer.start).chain(close) {
                // One mark, not half of the wire style's `''` or ``` `` ```.
                let mark = text[at..]
                    .chars()
                    .next()
                    .filter(|c| SINGLE_MARKS.contains(c));
                let doubled = mark.is_some_and(|c| {
                    text[at + c.len_utf8()..].starts_with(c) || text[..at].ends_with(c)
                });
                if mark.is_some() && !doubled {
                    para.single_marks.push(at);
                }
            }
        }
        para.single_marks.sort_unstable();
        para
    }
}

impl Para<'_> {
    /// Whether token `t` is a quotation mark: a double one, or a single
    /// one that bounds a quote.
    pub(super) fn is_mark(&self, t: &Tok) -> bool {
        is_double_mark(t) || self.single_marks.binary_search(&t.span.start).is_ok()
    }

    pub(super) fn sent_of(&self, tok: usize) -> Range<usize> {
        self.sents
            .iter()
            .find(|r| r.contains(&tok))
            .cloned()
            .unwrap_or(tok..tok + 1)
    }

    pub(super) fn title_case_at(&self, tok: usize) -> bool {
        let k = self.sents.partition_point(|r| r.end <= tok);
        self.title_case.get(k).copied().unwrap_or(false)
    }

    /// The quote whose marks enclose byte `pos`.
    pub(super) fn quote_at(&self, pos: usize) -> Option<usize> {
        self.quotes
            .iter()
            .position(|q| q.outer.start <= pos && pos < q.outer.end)
    }

    /// Whether token `k` stands between a quote's marks (not on a mark):
    /// boundaries inside a quote are the quoted speaker's, not the report's.
    pub(super) fn inside_quote(&self, k: usize) -> bool {
        let t = &self.toks[k];
        self.quote_at(t.span.start).is_some() && !self.is_mark(t)
    }

    /// First token starting at or after byte `pos`.
    pub(super) fn tok_at(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < pos)
    }

    pub(super) fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b - 1].span.end)
    }

    /// Tokens `[a, b)` that are words: the rules weigh how much text stands
    /// somewhere, and punctuation is not text.
    pub(super) fn words(&self, a: usize, b: usize) -> usize {
        self.toks[a..b].iter().filter(|t| !is_punct(t)).count()
    }

    /// Words inside a quote; a short quote is a title or a scare quote
    /// rather than someone's words.
    pub(super) fn quote_words(&self, q: &Quote) -> usize {
        self.words(self.tok_at(q.content.start), self.tok_at(q.content.end))
    }

    /// Whether a quote mark stands in tokens `[a, b)`: text across a quote
    /// boundary belongs to two voices.
    pub(super) fn has_quote_mark(&self, a: usize, b: usize) -> bool {
        self.toks[a..b].iter().any(|t| self.is_mark(t))
    }

    /// Whether "that" or a quote mark stands in tokens `[a, b)`: a clause or
    /// another voice begins there.
    pub(super) fn has_that_or_quote(&self, a: usize, b: usize) -> bool {
        self.toks[a..b]
            .iter()
            .any(|t| t.norm == "that" || self.is_mark(t))
    }

    /// The first token of `[s, end)` after a short introductory phrase
    /// ("On Monday, …", "In Gaza, …"): such a phrase sets the scene and is
    /// not what was said. A comma that leaves fewer than `room` tokens
    /// before `end` is no introduction but the content's own, nor is one
    /// that a relative clause follows ("Scott's relatives, who …, watched
    /// it"): that is the subject.
    pub(super) fn after_intro(&self, s: usize, end: usize, room: usize) -> usize {
        match (s..end).find(|&k| self.toks[k].text == ",") {
            Some(intro)
                if intro - s <= 4
                    && intro + room < end
                    && !SUBJECT_RELATIVES.contains(&self.toks[intro + 1].norm)
                    && !self.appositive_name_at(intro + 1, end) =>
            {
                intro + 1
            }
            _ => s,
        }
    }

    /// "The energy minister, Gareth Powell, warned …": a name in commas
    /// at `k` after a noun phrase, then a lowercase word: the subject and
    /// its appositive, no introduction.
    fn appositive_name_at(&self, k: usize, end: usize) -> bool {
        let names = (k..end.min(k + 4))
            .take_while(|&j| self.toks[j].is_cap())
            .count();
        let close = k + names;
        names > 0
            && close + 1 < end
            && self.toks[close].text == ","
            && !self.toks[close + 1].is_cap()
            && self.toks[close + 1].is_word()
    }

    /// Trims punctuation at the edges of tokens `[a, b)`; `None` if nothing is left.
    pub(super) fn trim_content(&self, mut a: usize, mut b: usize) -> Option<Span> {
        let edge = |t: &Tok| is_punct(t) && !self.is_mark(t) && !is_unit_sign(t);
        while a < b && edge(&self.toks[a]) {
            a += 1;
        }
        while b > a && edge(&self.toks[b - 1]) {
            b -= 1;
        }
        // Unbalanced marks at the edges go; balanced ones stay.
        if a < b
            && self.is_mark(&self.toks[a])
            && self
                .quote_at(self.toks[a].span.start)
                .is_some_and(|qi| self.quotes[qi].outer.end > self.toks[b - 1].span.end)
        {
            a += 1;
        }
        (a < b).then(|| self.span(a, b))
    }
}

/// Words that open a relative clause on the noun before their comma.
const SUBJECT_RELATIVES: &[&str] = &["who", "which", "whose"];

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

/// Articles, which open a noun phrase ("a teacher from Kent", "the
/// claimant").
pub(super) const ARTICLES: &[&str] = &["a", "an", "the"];

/// A lower-case word of five letters or more in -ly: an adverb ("publicly",
/// "similarly"), as far as the spelling tells.
pub(super) fn ly_adverb(t: &Tok) -> bool {
    !t.is_cap() && t.norm.len() >= 5 && t.norm.ends_with("ly")
}

pub(super) fn is_punct(t: &Tok) -> bool {
    !t.text.chars().any(|c| c.is_alphanumeric())
}

/// Signs that belong to the number beside them ("2%", "$20", "£5"), so a
/// content edge keeps them where it drops commas and stops.
const UNIT_SIGNS: &[&str] = &["%", "$", "€", "£", "¥", "#", "°"];

fn is_unit_sign(t: &Tok) -> bool {
    UNIT_SIGNS.contains(&t.text)
}

/// A double quotation mark token; `Para::is_mark` also knows single ones.
fn is_double_mark(t: &Tok) -> bool {
    QUOTE_MARKS.contains(&t.text)
}

#[cfg(test)]
mod tests {
    use crate::testkit::one;

    #[test]
    fn a_subject_with_a_relative_clause_is_no_introduction() {
        let f = one(
            "Title\n\nScott's relatives, who live in Ohio, watched it on Thursday, \
             attorneys for the family said.",
        );
        assert_eq!(f.mention, "attorneys for the family");
        assert_eq!(
            f.parts,
            ["Scott's relatives, who live in Ohio, watched it on Thursday"]
        );
        let f = one("Title\n\nOn Monday, the relatives watched it, police said.");
        assert_eq!(f.parts, ["the relatives watched it"]);
    }

    #[test]
    fn a_subject_with_an_appositive_name_opens_a_nested_report() {
        let f = one(
            "Title\n\nThe energy minister, Gareth Powell, warned on Monday that \
             households could face shortages, Reuters reported.",
        );
        assert_eq!(
            (f.cue.as_str(), f.speaker.as_str(), f.reported_by.as_str()),
            ("warned", "Gareth Powell", "Reuters")
        );
        assert_eq!(f.parts, ["that households could face shortages"]);
    }
}
