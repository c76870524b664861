//! Byte spans into a document's text, and the byte → code-point mapping that
//! output needs.
//!
//! Every annotation in the pipeline is a [`Span`] into one immutable text, in
//! bytes, because that is what slicing a `&str` costs nothing with. Users'
//! tools (Python, pandas, Spark) count Unicode code points, so the output
//! stage converts through a [`CharIndex`] built once per document.

/// A half-open byte range `[start, end)` into a document's text.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// The slice of `text` this span covers.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Shrinks the span so that it neither starts nor ends with whitespace.
    pub fn trim(self, text: &str) -> Span {
        let s = self.slice(text);
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead == s.len() {
            return Span::new(self.start, self.start);
        }
        Span::new(self.start + lead, self.end - trail)
    }
}

/// Maps byte offsets to code-point offsets.
///
/// ASCII-only texts (most English news) need no table at all. Otherwise one
/// checkpoint per 64 bytes keeps the table at 1/8 of the text's size while a
/// lookup counts at most 63 bytes.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CharIndex {
    /// Code points before each 64-byte block; empty when the text is ASCII.
    checkpoints: Vec<u32>,
    text_len: usize,
    chars: usize,
}

const BLOCK: usize = 64;

impl CharIndex {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharIndex {
                checkpoints: Vec::new(),
                text_len: text.len(),
                chars: text.len(),
            };
        }
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0u32;
        for block in bytes.chunks(BLOCK) {
            checkpoints.push(count);
            count += block.iter().filter(|&&b| !is_continuation(b)).count() as u32;
        }
        CharIndex {
            checkpoints,
            text_len: text.len(),
            chars: count as usize,
        }
    }

    /// Number of code points in the whole text.
    pub fn chars(&self) -> usize {
        self.chars
    }

    /// Code-point offset of byte offset `byte` (which must be a char boundary
    /// of the text the index was built from, or its length).
    pub fn char_of(&self, text: &str, byte: usize) -> usize {
        debug_assert_eq!(text.len(), self.text_len);
        if self.checkpoints.is_empty() {
            return byte;
        }
        if byte >= self.text_len {
            return self.chars;
        }
        let block = byte / BLOCK;
        let base = self.checkpoints[block] as usize;
        let from = block * BLOCK;
        base + text.as_bytes()[from..byte]
            .iter()
            .filter(|&&b| !is_continuation(b))
            .count()
    }
}

fn is_continuation(b: u8) -> bool {
    (b & 0xC0) == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let t = "Hello, world.";
        let ix = CharIndex::new(t);
        assert_eq!(ix.char_of(t, 5), 5);
        assert_eq!(ix.chars(), t.len());
    }

    #[test]
    fn multibyte_matches_char_count_everywhere() {
        let t = "“Don’t,” she said — ok. ".repeat(20) + "été 😀 end";
        let ix = CharIndex::new(&t);
        for (b, _) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
            assert_eq!(ix.char_of(&t, b), t[..b].chars().count(), "at byte {b}");
        }
        assert_eq!(ix.chars(), t.chars().count());
    }

    #[test]
    fn trim_strips_whitespace() {
        let t = "  abc \n";
        assert_eq!(Span::new(0, t.len()).trim(t).slice(t), "abc");
        assert!(Span::new(0, 2).trim(t).is_empty());
    }
}
