//! UAX #29 sentence boundaries, asking the Unicode tables only where a
//! boundary can be.
//!
//! The rules break only after a sentence terminator or a paragraph
//! separator, and decide each such place from a short context: the
//! character before a full stop, the closing marks and spaces after it, and
//! the text up to the next letter. `unicode-segmentation` classifies every
//! character of the text to find them, which was a large share of the whole
//! run. Here the text is scanned for the bytes that can be a terminator or a
//! separator (`.`, `!`, `?`, CR, LF, and any non-ASCII character, since the
//! other terminators and separators are not ASCII), and the library runs
//! only on a window around each: from the start of the word that holds it to
//! the first ASCII letter after it that follows no other candidate. The
//! result is the library's, piece for piece (a test compares the two on
//! generated and real text).

use unicode_segmentation::UnicodeSegmentation;

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// A byte where a boundary's context may start: a terminator, a
/// separator, or the first byte of a non-ASCII character.
fn is_candidate(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?' | b'\r' | b'\n') || b >= 0xC0
}

/// The items of `s.split_sentence_bound_indices()`.
pub(super) fn sentence_pieces(s: &str) -> Vec<(usize, &str)> {
    let b = s.as_bytes();
    let n = b.len();
    let mut starts = vec![0];
    let mut i = 0;
    while let Some(c) = (i..n).find(|&k| is_candidate(b[k])) {
        let mut a = c;
        // Back to the start of the word, even into the last window: the
        // letter before a full stop is part of its context.
        while a > 0 && !is_space(b[a - 1]) {
            a -= 1;
        }
        let e = window_end(b, c);
        starts.extend(
            s[a..e]
                .split_sentence_bound_indices()
                .map(|(off, _)| a + off)
                .filter(|&k| k > a && k > 0),
        );
        i = e;
    }
    if n == 0 {
        return Vec::new();
    }
    starts.sort_unstable();
    starts.dedup();
    let mut out = Vec::with_capacity(starts.len());
    for (k, &st) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(n);
        out.push((st, &s[st..end]));
    }
    out
}

/// Where the context of a boundary after the candidate at `c` ends: past
/// the rest of its word and the spaces after it, up to and including the
/// first ASCII letter that no other candidate comes before.
fn window_end(b: &[u8], c: usize) -> usize {
    let n = b.len();
    let mut e = c;
    loop {
        while e < n && !is_space(b[e]) {
            e += 1;
        }
        while e < n && is_space(b[e]) {
            e += 1;
        }
        let mut k = e;
        while k < n && !is_space(b[k]) && !b[k].is_ascii_alphabetic() && !is_candidate(b[k]) {
            k += 1;
        }
        if k >= n {
            return n;
        }
        if b[k].is_ascii_alphabetic() {
            return k + 1;
        }
        e = k;
    }
}

/// `piece` cut after each "…" that a space and a capital follow ("were
/// affected… Critics argue"): UAX #29 breaks after "..." there but does not
/// count the one-character ellipsis as a full stop. An opening quote may
/// stand before the capital.
pub(super) fn after_ellipsis(piece: &str) -> impl Iterator<Item = (usize, &str)> {
    // Lazy, since every sentence piece passes through here and almost none
    // holds an ellipsis: no allocation per piece.
    let cuts = piece.match_indices('…').filter_map(move |(k, e)| {
        let after = k + e.len();
        let rest = &piece[after..];
        let gap = rest.len() - rest.trim_start().len();
        let next = rest[gap..]
            .trim_start_matches(['“', '"', '‘', '\''])
            .chars()
            .next();
        (gap > 0 && next.is_some_and(char::is_uppercase)).then_some(after + gap)
    });
    let starts = std::iter::once(0).chain(cuts);
    let ends = starts.clone().skip(1).chain(std::iter::once(piece.len()));
    starts.zip(ends).map(move |(a, b)| (a, &piece[a..b]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library(s: &str) -> Vec<(usize, &str)> {
        s.split_sentence_bound_indices().collect()
    }

    #[test]
    fn news_text_splits_as_the_library_splits_it() {
        for s in [
            "Mr. Smith met Gen. Jones. They talked.  “Is it true?” she asked. Yes!",
            "He said 3.5 percent. (It rose.) Then: “No.” … and the U.S. Army; e.g. this.",
            "Line one\nLine two\r\nLine three\u{2029}Four。Five！six？ Seven.\u{301} eight",
            "“We will appeal,” she said. ‘And win.’ ¿Qué? Ça va. Élan. ÉLAN. 1. 2.",
            "",
            ".",
            "a",
            " ",
            ". . .",
            "?!",
            "A.B.C. d",
            "end.”",
            "x.\u{200b}Y",
        ] {
            assert_eq!(sentence_pieces(s), library(s), "{s:?}");
        }
    }

    #[test]
    fn generated_text_splits_as_the_library_splits_it() {
        let alphabet = "a A1.?!”“), \n\u{2029}é。\u{301}-";
        super::super::each_generated(alphabet, 3_000, 60, |s| {
            assert_eq!(sentence_pieces(s), library(s), "{s:?}")
        });
    }

    #[test]
    fn the_sample_corpus_splits_as_the_library_splits_it() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).expect("corpus/") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).expect("text");
            assert_eq!(sentence_pieces(&text), library(&text));
            let mut ours = Vec::new();
            super::super::words::for_each_word(&text, |o, w| ours.push((o, w)));
            let theirs: Vec<(usize, &str)> = text
                .split_word_bound_indices()
                .filter(|(_, w)| !w.chars().all(char::is_whitespace))
                .collect();
            assert_eq!(ours, theirs);
            seen += 1;
        }
        assert!(seen >= 5);
    }

    #[test]
    fn an_ellipsis_before_a_capital_ends_a_sentence() {
        let cut = |s| after_ellipsis(s).map(|(_, p)| p).collect::<Vec<_>>();
        assert_eq!(
            cut("12 were hurt… Critics argue … “Then” came. "),
            ["12 were hurt… ", "Critics argue … ", "“Then” came. "]
        );
        assert_eq!(cut("we will … fight on…"), ["we will … fight on…"]);
    }
}
