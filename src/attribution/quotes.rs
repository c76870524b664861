//! Pairing quotation marks into quoted segments, one paragraph at a time.
//!
//! Double marks are paired first. A straight `"` opens or closes by where
//! it stands: after a word and before a space it closes, so a stray one
//! there opens nothing. An odd number of marks never loses the paragraph:
//! an unclosed quote runs to the paragraph's end, a stray closing mark is
//! ignored.
//!
//! Single marks (`'…'`, `‘…’`, `` `…' ``) are speech marks too, as British
//! papers print them, but they share their code points with apostrophes
//! (don’t, the dog's, '90s, rock 'n' roll, students' union, O'Brien). So a
//! single mark counts only where a quote can open (after a space, before a
//! word) or close (after a word or punctuation, before a space or
//! punctuation), never inside a word, never beside a word the lexicon
//! lists as elided (`elision` in `mention_words.tsv`), never before a
//! two-digit year, never after a plural's s before a word (the
//! possessive); and only a pair counts: a lone single mark is an
//! apostrophe. Outside double quotes only (inside them a single pair is a
//! nested quote, part of the words); a double pair inside a single one is
//! the nested quote, and the single pair is the speech. Mismatched marks
//! (`'We will appeal," he said`) pair with each other, so the quote ends
//! before its attribution rather than running over it.

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

/// Where a mark stands between its neighbours.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Place {
    /// After a space (or the paragraph start) and before a word.
    Opening,
    /// After a word or punctuation and before a space, punctuation or the end.
    Closing,
    /// Inside a word, or between spaces.
    Neither,
}

/// Characters before an opening mark other than a space.
fn opens_after(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | '“' | '"' | ':')
}

fn place(s: &str, pos: usize, len: usize) -> Place {
    let prev = s[..pos].chars().next_back();
    let next = s[pos + len..].chars().next();
    let open_left = prev.is_none_or(opens_after);
    let word_right = next.is_some_and(|c| !c.is_whitespace());
    let closed_right = next.is_none_or(|c| !c.is_alphanumeric());
    let word_left = prev.is_some_and(|c| !c.is_whitespace());
    match (open_left && word_right, word_left && closed_right) {
        (true, false) => Place::Opening,
        (false, true) => Place::Closing,
        // `"` between a colon and a word: `said:"We`.
        (true, true) if next.is_some_and(char::is_alphanumeric) => Place::Opening,
        _ => Place::Neither,
    }
}

/// The double quotation marks in `s` with their byte offset and length.
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
/// the document). `elided` tells a word written with an apostrophe for
/// missing letters ("em", "n", "tis"), whose apostrophe is no quote mark.
pub fn quotes(para: &str, base: usize, elided: &dyn Fn(&str) -> bool) -> Vec<Quote> {
    let singles = single_marks(para, elided);
    let mut local = Vec::new();
    let mut stray = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (mark start, mark len)
    for (pos, len, m) in marks(para) {
        let closing_place = m == Mark::Either && place(para, pos, len) == Place::Closing;
        match open {
            None if m == Mark::Close || closing_place => stray.push((pos, len)),
            None => open = Some((pos, len)),
            Some(o) if m == Mark::Open => {
                // A new opening while one is open: the first never closed.
                local.push(unclosed_double(o, pos, &singles));
                open = Some((pos, len));
            }
            Some(o) => {
                local.push((o, pos, len));
                open = None;
            }
        }
    }
    if let Some(o) = open {
        local.push(unclosed_double(o, para.len(), &singles));
    }
    let single = pair_singles(&singles, &stray, &local, para.len());
    // A double pair inside a single one is the nested quote.
    local.retain(|&(o, _, _)| !single.iter().any(|&(so, e, _)| so.0 < o.0 && o.0 < e));
    local.extend(single);
    local.sort_by_key(|&(o, _, _)| o.0);
    local
        .into_iter()
        .filter_map(|(o, end, close_len)| {
            let inner = Span::new(o.0 + o.1, end).trim(para);
            (!inner.is_empty()).then(|| Quote {
                outer: Span::new(base + o.0, base + end + close_len),
                content: Span::new(base + inner.start, base + inner.end),
                unclosed: close_len == 0,
            })
        })
        .collect()
}

/// A single mark that may be a quote mark: byte offset, length, where it
/// stands, and whether `,` `?` or `!` is right before it.
#[derive(Debug, Clone, Copy)]
struct Single {
    pos: usize,
    len: usize,
    place: Place,
    after_punct: bool,
}

/// The single marks of `s` that may open or close a quote.
fn single_marks(s: &str, elided: &dyn Fn(&str) -> bool) -> Vec<Single> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    for (pos, c) in s.char_indices() {
        let len = c.len_utf8();
        let single = match c {
            '\'' => b.get(pos + 1) != Some(&b'\'') && (pos == 0 || b[pos - 1] != b'\''),
            '`' => b.get(pos + 1) != Some(&b'`') && (pos == 0 || b[pos - 1] != b'`'),
            '‘' | '’' | '‚' | '‹' | '›' => true,
            _ => false,
        };
        if !single {
            continue;
        }
        let mut place = place(s, pos, len);
        let after = &s[pos + len..];
        let before = &s[..pos];
        let word_after: String = after.chars().take_while(|c| c.is_alphanumeric()).collect();
        let word_before: String = {
            let w: Vec<char> = before
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric())
                .collect();
            w.into_iter().rev().collect()
        };
        place = match place {
            Place::Opening if c == '`' => Place::Opening,
            Place::Opening if elided(&word_after.to_lowercase()) || two_digit_year(&word_after) => {
                Place::Neither
            }
            Place::Closing if c == '`' || elided(&word_before.to_lowercase()) => Place::Neither,
            // "the students' union": a plural's possessive before a word.
            Place::Closing
                if word_before.ends_with(['s', 'S'])
                    && after.starts_with(' ')
                    && after[1..].starts_with(char::is_alphanumeric) =>
            {
                Place::Neither
            }
            pl => pl,
        };
        if place != Place::Neither {
            let after_punct = before.ends_with([',', '?', '!']);
            out.push(Single {
                pos,
                len,
                place,
                after_punct,
            });
        }
    }
    out
}

/// '90s, '05: an apostrophe for the century.
fn two_digit_year(word: &str) -> bool {
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    digits == 2 && matches!(&word[2..], "" | "s")
}

/// An opening double mark `o` with no closing one before byte `end`: a
/// single mark after `,` `?` `!` that closes there ends it (`"We will
/// appeal,' he said`), unless a single mark opened inside it before.
fn unclosed_double(
    o: (usize, usize),
    end: usize,
    singles: &[Single],
) -> ((usize, usize), usize, usize) {
    let mut nested = false;
    for m in singles.iter().filter(|m| m.pos > o.0 && m.pos < end) {
        match m.place {
            Place::Opening => nested = true,
            Place::Closing if nested => nested = false,
            Place::Closing if m.after_punct => return (o, m.pos, m.len),
            _ => {}
        }
    }
    (o, end, 0)
}

/// Pairs of single marks outside the double quotes `doubles`: an opening
/// mark with the next closing one, or with a stray closing double mark
/// (`'We will appeal," he said`). A quote left open counts only when it
/// opens the paragraph (a quote running on into the next one).
fn pair_singles(
    singles: &[Single],
    stray: &[(usize, usize)],
    doubles: &[((usize, usize), usize, usize)],
    para_len: usize,
) -> Vec<((usize, usize), usize, usize)> {
    let inside = |pos: usize| doubles.iter().any(|&(o, e, l)| o.0 <= pos && pos < e + l);
    let mut marks: Vec<(usize, usize, Place)> = singles
        .iter()
        .filter(|m| !inside(m.pos))
        .map(|m| (m.pos, m.len, m.place))
        .chain(stray.iter().map(|&(p, l)| (p, l, Place::Closing)))
        .collect();
    marks.sort_by_key(|m| m.0);
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (pos, len, pl) in marks {
        match (open, pl) {
            (None, Place::Opening) => open = Some((pos, len)),
            (Some(o), Place::Closing) => {
                out.push((o, pos, len));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(o) = open.filter(|o| o.0 == 0) {
        out.push((o, para_len, 0));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Vec<(&str, bool)> {
        quotes(s, 0, &|w| ["n", "em", "tis"].contains(&w))
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

    #[test]
    fn single_marks_pair_as_speech_marks() {
        assert_eq!(
            q("'We will appeal,' she said, 'and we will win.'"),
            [("We will appeal,", false), ("and we will win.", false)]
        );
        assert_eq!(
            q("‘The port stays shut,’ he said."),
            [("The port stays shut,", false)]
        );
        assert_eq!(
            q("`The port stays shut,' he said."),
            [("The port stays shut,", false)]
        );
    }

    #[test]
    fn apostrophes_never_open_single_quotes() {
        let text = "The dog's bowl and the students' union, O'Brien's rock 'n' roll band from the '90s, don't.";
        assert_eq!(q(text), []);
        assert_eq!(q("He said 'em all were in the '80s band."), []);
        // Inside a single quote, apostrophes are words.
        assert_eq!(
            q("'The students' union won't back rock 'n' roll,' she said."),
            [("The students' union won't back rock 'n' roll,", false)]
        );
    }

    #[test]
    fn a_lone_single_mark_is_an_apostrophe_unless_it_opens_the_paragraph() {
        assert_eq!(q("The 'plan was dropped on Monday."), []);
        assert_eq!(q("'We will fight on"), [("We will fight on", true)]);
    }

    #[test]
    fn nesting_follows_the_outer_marks() {
        // American: single inside double is part of the words.
        assert_eq!(
            q("\"He called it 'a disgrace,'\" she said."),
            [("He called it 'a disgrace,'", false)]
        );
        // British: double inside single is the nested quote.
        assert_eq!(
            q("'He called it \"a disgrace\",' she said."),
            [("He called it \"a disgrace\",", false)]
        );
    }

    #[test]
    fn mismatched_marks_end_before_the_attribution() {
        assert_eq!(
            q("'We will appeal,\" Lopez told reporters. The court closed."),
            [("We will appeal,", false)]
        );
        assert_eq!(
            q("\"We will appeal,' Lopez told reporters. The court closed."),
            [("We will appeal,", false)]
        );
    }

    #[test]
    fn a_straight_mark_after_a_word_opens_nothing() {
        assert_eq!(q("He is 6'2\" tall and said so."), []);
        assert_eq!(q("He said:\"We won.\""), [("We won.", false)]);
    }
}
