//! Pairing quotation marks into quoted segments, one paragraph at a time.
//!
//! Apostrophes (don’t, hostages’, Trump's) use the same code points as single
//! quotes, so only double marks open quotes here; single marks are left to
//! titles and nested quotes. An odd number of marks never loses the
//! paragraph: an unclosed quote runs to the paragraph's end, a stray closing
//! mark is ignored.

use crate::span::Span;

/// A quoted stretch of text: `content` excludes the marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to the closing mark (or paragraph end), inclusive.
    pub outer: Span,
    /// The words inside, without marks or surrounding spaces.
    pub content: Span,
    /// No closing mark before the paragraph ended: a quote running on into
    /// the next paragraph (or a typo).
    pub unclosed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Mark {
    Open,
    Close,
    /// Straight `"` or the two-character `''` of some wire styles.
    Either,
}

/// The quotation marks in `s` with their byte offset and length.
fn marks(s: &str) -> Vec<(usize, usize, Mark)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    for (pos, c) in s.char_indices() {
        if pos < i {
            continue;
        }
        let m = match c {
            '“' | '„' | '«' | '‟' => Some((c.len_utf8(), Mark::Open)),
            '”' | '»' => Some((c.len_utf8(), Mark::Close)),
            '"' | '＂' => Some((c.len_utf8(), Mark::Either)),
            '`' if b.get(pos + 1) == Some(&b'`') => Some((2, Mark::Open)),
            '\'' if b.get(pos + 1) == Some(&b'\'') => Some((2, Mark::Either)),
            _ => None,
        };
        if let Some((len, m)) = m {
            out.push((pos, len, m));
            i = pos + len;
        }
    }
    out
}

/// Quoted segments of the paragraph text `para` (starting at byte `base` of
/// the document).
pub fn quotes(para: &str, base: usize) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (mark start, mark len)
    let push = |out: &mut Vec<Quote>, o: (usize, usize), end: usize, close_len: usize| {
        let local = Span::new(o.0 + o.1, end).trim(para);
        let inner = Span::new(base + local.start, base + local.end);
        if !inner.is_empty() {
            out.push(Quote {
                outer: Span::new(base + o.0, base + end + close_len),
                content: inner,
                unclosed: close_len == 0,
            });
        }
    };
    for (pos, len, m) in marks(para) {
        match open {
            None => {
                if m != Mark::Close {
                    open = Some((pos, len));
                }
            }
            Some(o) => {
                if m == Mark::Open {
                    // A new opening while one is open: the first never closed.
                    push(&mut out, o, pos, 0);
                    open = Some((pos, len));
                } else {
                    push(&mut out, o, pos, len);
                    open = None;
                }
            }
        }
    }
    if let Some(o) = open {
        push(&mut out, o, para.len(), 0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Vec<(&str, bool)> {
        quotes(s, 0)
            .iter()
            .map(|q| (q.content.slice(s), q.unclosed))
            .collect()
    }

    #[test]
    fn curly_and_straight_pairs() {
        assert_eq!(
            q("“We won,” she said. \"They lost.\""),
            [("We won,", false), ("They lost.", false)]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            q("“Don’t do as the hostages’ families say,” he said of Trump's post."),
            [("Don’t do as the hostages’ families say,", false)]
        );
    }

    #[test]
    fn unclosed_runs_to_paragraph_end_and_stray_close_is_ignored() {
        assert_eq!(q("He said: “We will go on"), [("We will go on", true)]);
        assert_eq!(q("a stray ” mark"), []);
        assert_eq!(
            q("“First “second” third"),
            [("First", true), ("second", false)]
        );
    }

    #[test]
    fn wire_style_double_apostrophes() {
        assert_eq!(q("``It is over,'' he said."), [("It is over,", false)]);
        assert_eq!(q("''It is over,'' he said."), [("It is over,", false)]);
    }
}
