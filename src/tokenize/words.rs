//! UAX #29 word boundaries with a fast path for ASCII.
//!
//! `unicode-segmentation` looks every character up in its Unicode tables,
//! which made word splitting a large share of the whole run on English news.
//! Word boundaries never join across ASCII whitespace (UAX #29 breaks on both
//! sides of it, but for marks that attach to a space), so a sentence is cut
//! into whitespace-free chunks: an all-ASCII chunk is split here by the
//! rules as they apply to ASCII, and any other chunk is handed to the
//! library together with the whitespace before it, which is all the context
//! the rules can see across a space. The result is the library's, word for
//! word (a test compares the two on generated and real text).

use unicode_segmentation::UnicodeSegmentation;

/// The word-break classes ASCII characters fall in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Numeric,
    /// `_`
    ExtendNumLet,
    /// `:`
    MidLetter,
    /// `,` and `;`
    MidNum,
    /// `.`
    MidNumLet,
    /// `'`
    SingleQuote,
    Other,
}

fn class(b: u8) -> Class {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
        b'0'..=b'9' => Class::Numeric,
        b'_' => Class::ExtendNumLet,
        b':' => Class::MidLetter,
        b',' | b';' => Class::MidNum,
        b'.' => Class::MidNumLet,
        b'\'' => Class::SingleQuote,
        _ => Class::Other,
    }
}

/// Characters UAX #29 never joins to a following word (bar attaching marks,
/// which only non-ASCII text has).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// Calls `f(offset, word)` for each word-bound segment of `s` that is not
/// whitespace, in order: the non-whitespace items of
/// `s.split_word_bound_indices()`.
pub(super) fn for_each_word<'a>(s: &'a str, mut f: impl FnMut(usize, &'a str)) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if is_space(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut ascii = true;
        while i < b.len() && !is_space(b[i]) {
            ascii &= b[i] < 0x80;
            i += 1;
        }
        if ascii {
            ascii_words(s, start, i, &mut f);
        } else {
            // The space before the chunk is the context a mark at its start
            // would attach to.
            let from = if start > 0 { start - 1 } else { start };
            for (off, w) in s[from..i].split_word_bound_indices() {
                if !w.chars().all(char::is_whitespace) {
                    f(from + off, w);
                }
            }
        }
    }
}

/// Splits the ASCII, whitespace-free `s[start..end]`.
fn ascii_words<'a>(s: &'a str, start: usize, end: usize, f: &mut impl FnMut(usize, &'a str)) {
    use Class::*;
    let b = s.as_bytes();
    let at = |k: usize| if k < end { class(b[k]) } else { Other };
    let mut word = start;
    for k in start + 1..end {
        let prev = class(b[k - 1]);
        let cur = class(b[k]);
        let before = if k >= start + 2 {
            class(b[k - 2])
        } else {
            Other
        };
        let mid_letter = |c: Class| matches!(c, MidLetter | MidNumLet | SingleQuote);
        let mid_num = |c: Class| matches!(c, MidNum | MidNumLet | SingleQuote);
        let joins = match (prev, cur) {
            (Letter, Letter) | (Numeric, Numeric) | (Letter, Numeric) | (Numeric, Letter) => true,
            (Letter, c) if mid_letter(c) && at(k + 1) == Letter => true,
            (p, Letter) if mid_letter(p) && before == Letter => true,
            (p, Numeric) if mid_num(p) && before == Numeric => true,
            (Numeric, c) if mid_num(c) && at(k + 1) == Numeric => true,
            (Letter | Numeric | ExtendNumLet, ExtendNumLet) => true,
            (ExtendNumLet, Letter | Numeric) => true,
            _ => false,
        };
        if !joins {
            f(word, &s[word..k]);
            word = k;
        }
    }
    f(word, &s[word..end]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ours(s: &str) -> Vec<(usize, String)> {
        let mut v = Vec::new();
        for_each_word(s, |o, w| v.push((o, w.to_string())));
        v
    }

    fn library(s: &str) -> Vec<(usize, String)> {
        s.split_word_bound_indices()
            .filter(|(_, w)| !w.chars().all(char::is_whitespace))
            .map(|(o, w)| (o, w.to_string()))
            .collect()
    }

    #[test]
    fn news_words_split_as_the_library_splits_them() {
        for s in [
            "The U.S. said 12,500 people (3.5%) don't know rock 'n' roll.",
            "“We’re ready,” he said: a_b c__d 1_000 x:y 1:30 a.b.c a..b 1,,2 1.2.3",
            "Tab\tand\r\nnew lines\u{b}\u{c}end; naïve café — 'quote' \"dq\"",
            " \u{301}mark after a space, e\u{301} and \u{200d}zwj",
            "'90s the dog's 'n' ''a'' '.' ,1 1, .5 5. ::a a:: _ __ _a a_",
            "🇺🇸🇬🇧 flags, emoji 👍🏽 and ZWJ 👨\u{200d}👩 tail",
        ] {
            assert_eq!(ours(s), library(s), "{s:?}");
        }
    }

    #[test]
    fn generated_ascii_splits_as_the_library_splits_it() {
        // An alphabet that meets each rule.
        let alphabet = "a1_:,.;' \t-\"Z";
        super::super::each_generated(alphabet, 2_000, 40, |s| {
            assert_eq!(ours(s), library(s), "{s:?}")
        });
    }
}
