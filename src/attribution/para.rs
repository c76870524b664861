//! A paragraph's body tokens as the rules see them, and the small token
//! tests they share.

use crate::doc::Tok;
use crate::span::Span;

use super::quotes::Quote;
use super::Attributor;

/// A paragraph's body tokens, with sentence boundaries.
pub(super) struct Para<'a> {
    pub(super) text: &'a str,
    /// The document's tokens from the paragraph's first body token on.
    pub(super) toks: &'a [Tok<'a>],
    /// Token ranges of the sentences, in order.
    pub(super) sents: Vec<std::ops::Range<usize>>,
    /// Per sentence: written in Title Case (a headline), where capitals say
    /// nothing about names.
    pub(super) title_case: Vec<bool>,
    pub(super) quotes: Vec<Quote>,
    pub(super) span: Span,
}

impl Para<'_> {
    pub(super) fn sent_of(&self, tok: usize) -> std::ops::Range<usize> {
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

    /// First token starting at or after byte `pos`.
    pub(super) fn tok_at(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < pos)
    }

    pub(super) fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b - 1].span.end)
    }
}

/// Most longer words capitalised: "Senator Says Plan Will Fail".
pub(super) fn title_case(toks: &[Tok]) -> bool {
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

pub(super) fn is_punct(t: &Tok) -> bool {
    !t.text.chars().any(|c| c.is_alphanumeric())
}

pub(super) fn is_quote_mark(t: &Tok) -> bool {
    matches!(
        t.text,
        "“" | "”" | "\"" | "„" | "«" | "»" | "''" | "``" | "＂"
    )
}

impl Attributor {
    /// Trims punctuation at the edges of tokens `[a, b)`; `None` if nothing is left.
    pub(super) fn trim_content(&self, p: &Para, mut a: usize, mut b: usize) -> Option<Span> {
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
}
