//! Token normalisation, behind one type of ours.
//!
//! The Hugging Face `tokenizers` crate gives a normalizer whose alignments map
//! every normalised byte back to the original ones; its 1.0 rewrite drops
//! them, so nothing else in the crate touches `tokenizers` directly. ASCII
//! input, the bulk of English news, takes a fast path that needs no
//! alignment bookkeeping: lower-casing is the whole job there.

use tokenizers::normalizers::replace::ReplacePattern;
use tokenizers::normalizers::{Lowercase, Replace, Sequence, NFKC};
use tokenizers::tokenizer::normalizer::Range;
use tokenizers::{NormalizedString, Normalizer as _};

/// NFKC, curly quotes and apostrophes folded to ASCII, dashes folded to `-`,
/// lower case.
pub struct Normalizer {
    inner: Sequence,
}

/// A normalised string and, for each of its bytes, the byte range of the
/// original it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Normalized {
    pub text: String,
    pub alignments: Vec<(usize, usize)>,
}

impl Default for Normalizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Normalizer {
    pub fn new() -> Self {
        let rep = |pat: &str, to: &str| {
            Replace::new(ReplacePattern::Regex(pat.to_string()), to)
                .expect("built-in replace pattern compiles")
                .into()
        };
        Normalizer {
            inner: Sequence::new(vec![
                NFKC.into(),
                rep(
                    "[\u{2018}\u{2019}\u{201A}\u{201B}\u{2032}\u{0060}\u{00B4}]",
                    "'",
                ),
                rep(
                    "[\u{201C}\u{201D}\u{201E}\u{201F}\u{2033}\u{00AB}\u{00BB}]",
                    "\"",
                ),
                rep(
                    "[\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}\u{2015}\u{2212}]",
                    "-",
                ),
                Lowercase.into(),
            ]),
        }
    }

    /// Normalises `s` with alignments back into it. For sentences or tokens,
    /// never whole files: alignments cost 16 bytes per byte.
    pub fn normalize(&self, s: &str) -> Normalized {
        let mut ns = NormalizedString::from(s);
        if self.inner.normalize(&mut ns).is_err() {
            // The built-in steps cannot fail; keep the text if they ever do.
            return Normalized {
                text: s.to_string(),
                alignments: s
                    .char_indices()
                    .flat_map(|(i, c)| std::iter::repeat_n((i, i + c.len_utf8()), c.len_utf8()))
                    .collect(),
            };
        }
        let text = ns.get().to_string();
        let mut alignments = Vec::with_capacity(text.len());
        for (i, c) in text.char_indices() {
            let r = ns
                .convert_offsets(Range::Normalized(i..i + c.len_utf8()))
                .unwrap_or(0..s.len());
            for _ in 0..c.len_utf8() {
                alignments.push((r.start, r.end));
            }
        }
        Normalized { text, alignments }
    }

    /// Appends the normalised form of a token to `out`.
    pub fn normalize_token(&self, token: &str, out: &mut String) {
        if token.is_ascii() {
            out.extend(token.bytes().map(|b| b.to_ascii_lowercase() as char));
        } else {
            out.push_str(&self.normalize(token).text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_quotes_dashes_case_and_compat_forms() {
        let n = Normalizer::new();
        assert_eq!(n.normalize("Don’t").text, "don't");
        assert_eq!(n.normalize("“Hi”—ﬁne").text, "\"hi\"-fine");
        let mut s = String::new();
        n.normalize_token("U.S.", &mut s);
        assert_eq!(s, "u.s.");
    }

    #[test]
    fn alignments_point_into_the_original() {
        let n = Normalizer::new();
        let orig = "Caf\u{e9} ﬁx’d";
        let out = n.normalize(orig);
        assert_eq!(out.alignments.len(), out.text.len());
        // "fi" from the ligature maps back to the ligature's three bytes.
        let fi = out.text.find("fi").unwrap();
        let (s, e) = out.alignments[fi];
        assert_eq!(&orig[s..e], "ﬁ");
        // The folded apostrophe maps back to the curly one.
        let ap = out.text.find('\'').unwrap();
        let (s, e) = out.alignments[ap];
        assert_eq!(&orig[s..e], "’");
    }
}
