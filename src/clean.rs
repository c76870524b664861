//! Cleaning: paragraphs, and which of them are not article body.
//!
//! Scraped news carries comment forms, "Check Also" teasers, headlines of other
//! stories, chat-assistant replies and cut-off endings. Extracting statements
//! from those would be wrong, and deleting them would lose evidence and break
//! offsets, so this stage only *flags* paragraphs with a reason. Patterns live
//! in `lexicons/boilerplate.tsv`, thresholds in `lexicons/cleaning.tsv`.

use std::sync::Arc;

use regex::{Regex, RegexSet};

pub use crate::doc::TRUNCATED;
use crate::doc::{Cleaned, Paragraph};
use crate::error::Error;
use crate::lexicon::Lexicons;
use crate::span::Span;

/// Reasons the cleaner itself assigns (the others come from boilerplate.tsv).
pub const TITLE: &str = "title";
pub const HEADING: &str = "heading";
pub const RELATED_HEADLINE: &str = "related_headline";

#[derive(Debug, Clone, Copy, PartialEq)]
enum Extent {
    Line,
    Rest,
    Dateline,
}

#[derive(Debug)]
struct Rule {
    reason: Arc<str>,
    extent: Extent,
    regex: Regex,
}

/// The cleaning stage, built once from the lexicons and shared by all workers.
#[derive(Debug)]
pub struct Cleaner {
    rules: Vec<Rule>,
    /// Line and rest rules together, to test a paragraph against all at once.
    set: RegexSet,
    set_rules: Vec<usize>,
    datelines: Vec<usize>,
    headline_max_words: usize,
    terminal: Vec<char>,
    closing: Vec<char>,
    function_words: Vec<String>,
    titles: Arc<str>,
    headings: Arc<str>,
    related: Arc<str>,
    truncated: Arc<str>,
}

impl Cleaner {
    pub fn new(lex: &Lexicons) -> Result<Self, Error> {
        let mut rules = Vec::new();
        for row in lex.rows("boilerplate.tsv", 4, 4)? {
            let (reason, how, pattern, extent) = (row.col(0), row.col(1), row.col(2), row.col(3));
            if reason.is_empty() || pattern.is_empty() {
                return Err(row.error("reason and pattern must not be empty"));
            }
            let src = match how {
                "exact" => format!("(?i)^{}$", regex::escape(pattern)),
                "prefix" => format!("(?i)^{}", regex::escape(pattern)),
                "contains" => format!("(?i){}", regex::escape(pattern)),
                "regex" => pattern.to_string(),
                other => {
                    return Err(row.error(format!(
                        "how must be exact, prefix, contains or regex, not {other:?}"
                    )))
                }
            };
            let extent = match extent {
                "line" => Extent::Line,
                "rest" => Extent::Rest,
                "dateline" => Extent::Dateline,
                other => {
                    return Err(row.error(format!(
                        "extent must be line, rest or dateline, not {other:?}"
                    )))
                }
            };
            let regex = Regex::new(&src).map_err(|e| row.error(format!("bad regex: {e}")))?;
            rules.push(Rule {
                reason: Arc::from(reason),
                extent,
                regex,
            });
        }
        let set_rules: Vec<usize> = (0..rules.len())
            .filter(|&i| rules[i].extent != Extent::Dateline)
            .collect();
        let datelines = (0..rules.len())
            .filter(|&i| rules[i].extent == Extent::Dateline)
            .collect();
        let set = RegexSet::new(set_rules.iter().map(|&i| rules[i].regex.as_str()))
            .map_err(|e| Error::Lexicon(format!("boilerplate.tsv: {e}")))?;

        let mut headline_max_words = None;
        let mut terminal = None;
        let mut closing = None;
        let mut function_words = None;
        for row in lex.rows("cleaning.tsv", 2, 2)? {
            let v = row.col(1);
            match row.col(0) {
                "headline_max_words" => {
                    headline_max_words = Some(v.parse::<usize>().map_err(|_| {
                        row.error(format!("headline_max_words must be a number, not {v:?}"))
                    })?)
                }
                "terminal_punctuation" => terminal = Some(chars_of(v)),
                "closing_marks" => closing = Some(chars_of(v)),
                "function_words" => {
                    function_words = Some(v.split_whitespace().map(str::to_lowercase).collect())
                }
                other => return Err(row.error(format!("unknown setting {other:?}"))),
            }
        }
        let missing = |n: &str| Error::Lexicon(format!("cleaning.tsv: setting {n} is missing"));
        Ok(Cleaner {
            rules,
            set,
            set_rules,
            datelines,
            headline_max_words: headline_max_words.ok_or_else(|| missing("headline_max_words"))?,
            terminal: terminal.ok_or_else(|| missing("terminal_punctuation"))?,
            closing: closing.ok_or_else(|| missing("closing_marks"))?,
            function_words: function_words.ok_or_else(|| missing("function_words"))?,
            titles: Arc::from(TITLE),
            headings: Arc::from(HEADING),
            related: Arc::from(RELATED_HEADLINE),
            truncated: Arc::from(TRUNCATED),
        })
    }

    pub fn clean(&self, text: &str) -> Cleaned {
        let mut paragraphs: Vec<Paragraph> = split_paragraphs(text)
            .into_iter()
            .map(|span| Paragraph {
                span,
                body: span,
                flag: None,
            })
            .collect();

        // Pattern rules; a "rest" rule flags everything after it too.
        let mut rest: Option<Arc<str>> = None;
        for p in paragraphs.iter_mut() {
            if let Some(r) = &rest {
                // Own patterns (e.g. a comment form after "Check Also") still win.
                p.flag = self
                    .match_line(p.span.slice(text))
                    .or_else(|| Some(r.clone()));
                continue;
            }
            let line = p.span.slice(text);
            if let Some(i) = self.first_rule(line) {
                let rule = &self.rules[i];
                if rule.extent == Extent::Rest {
                    rest = Some(rule.reason.clone());
                }
                p.flag = Some(rule.reason.clone());
            }
        }

        let mut out = Cleaned::default();
        let body: Vec<usize> = (0..paragraphs.len())
            .filter(|&i| paragraphs[i].is_body())
            .collect();

        // Headline-shaped lines: the title, section headings, related headlines.
        let last_body = body.last().copied();
        for (k, &i) in body.iter().enumerate() {
            let p = &paragraphs[i];
            let line = p.span.slice(text);
            if !self.headline_shaped(line) || Some(i) == last_body {
                continue;
            }
            let reason = if k == 0 && i == 0 {
                out.title = Some(line.to_string());
                self.titles.clone()
            } else if self.title_case(line) {
                self.headings.clone()
            } else {
                self.related.clone()
            };
            paragraphs[i].flag = Some(reason);
        }

        // A cut-off ending: the last body paragraph lacks final punctuation.
        if let Some(i) = paragraphs.iter().rposition(|p| p.is_body()) {
            let line = paragraphs[i].span.slice(text);
            if !self.ends_terminal(line) && paragraphs.iter().filter(|p| p.is_body()).count() > 1 {
                paragraphs[i].flag = Some(self.truncated.clone());
            }
        }

        // The dateline of the first body paragraph.
        if let Some(p) = paragraphs.iter_mut().find(|p| p.is_body()) {
            let line = p.span.slice(text);
            for &i in &self.datelines {
                if let Some(c) = self.rules[i].regex.captures(line) {
                    let m = c.get(0).expect("group 0");
                    if m.end() == line.len() {
                        continue;
                    }
                    let label = c
                        .name("place")
                        .or_else(|| c.name("source"))
                        .map(|g| g.as_str())
                        .unwrap_or(m.as_str());
                    out.dateline = Some(label.trim().to_string());
                    out.dateline_source = c.name("source").map(|g| g.as_str().trim().to_string());
                    p.body = Span::new(p.span.start + m.end(), p.span.end).trim(text);
                    break;
                }
            }
        }

        out.paragraphs = paragraphs;
        out
    }

    fn first_rule(&self, line: &str) -> Option<usize> {
        // `is_match` stops at the first hit and runs on a DFA; most
        // paragraphs match nothing, so the costly overlapping search is rare.
        if !self.set.is_match(line) {
            return None;
        }
        self.set
            .matches(line)
            .iter()
            .next()
            .map(|k| self.set_rules[k])
    }

    fn match_line(&self, line: &str) -> Option<Arc<str>> {
        self.first_rule(line)
            .filter(|&i| self.rules[i].extent == Extent::Line)
            .map(|i| self.rules[i].reason.clone())
    }

    fn headline_shaped(&self, line: &str) -> bool {
        let words = line.split_whitespace().count();
        words >= 1 && words <= self.headline_max_words && !self.ends_terminal(line)
    }

    /// Whether the line ends in terminal punctuation, possibly followed by
    /// closing quote marks or brackets.
    fn ends_terminal(&self, line: &str) -> bool {
        let t = line.trim_end();
        // A paragraph that closes a double quote is a quoted paragraph.
        if t.ends_with(['”', '"', '»']) {
            return true;
        }
        let core = t.trim_end_matches(|c: char| self.closing.contains(&c));
        core.chars()
            .last()
            .is_some_and(|c| self.terminal.contains(&c))
    }

    fn title_case(&self, line: &str) -> bool {
        line.split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
            .filter(|w| {
                !self
                    .function_words
                    .iter()
                    .any(|f| f.eq_ignore_ascii_case(w))
            })
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
    }
}

fn chars_of(v: &str) -> Vec<char> {
    v.split_whitespace().flat_map(|s| s.chars()).collect()
}

/// Lines of the text (LF, CRLF, CR, U+2028/2029 all end a line), trimmed,
/// blank ones dropped.
pub fn split_paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    let push = |s: usize, e: usize, out: &mut Vec<Span>| {
        let sp = Span::new(s, e).trim(text);
        if !sp.is_empty() {
            out.push(sp);
        }
    };
    while i < bytes.len() {
        match bytes[i] {
            b'\n' | b'\r' => {
                push(start, i, &mut out);
                i += 1;
                start = i;
            }
            0xE2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0xA8) | Some(0xA9)) =>
            {
                push(start, i, &mut out);
                i += 3;
                start = i;
            }
            _ => i += 1,
        }
    }
    push(start, text.len(), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaner() -> Cleaner {
        Cleaner::new(&Lexicons::builtin()).unwrap()
    }

    fn flags(text: &str) -> Vec<(String, Option<String>)> {
        cleaner()
            .clean(text)
            .paragraphs
            .iter()
            .map(|p| {
                (
                    p.span.slice(text).to_string(),
                    p.flag.as_deref().map(String::from),
                )
            })
            .collect()
    }

    #[test]
    fn paragraphs_split_on_every_line_end() {
        let t = "a\r\nb\rc\n\n  d  \u{2028}e";
        let ps: Vec<&str> = split_paragraphs(t).iter().map(|s| s.slice(t)).collect();
        assert_eq!(ps, ["a", "b", "c", "d", "e"]);
    }

    #[test]
    fn comment_forms_and_check_also_block() {
        let t = "Body one is here.\nBody two is here.\nCheck Also\nOther story headline\nOther story teaser text …\nLeave a Reply\nYour email address will not be published. Required fields are marked *";
        let f = flags(t);
        assert_eq!(f[0].1, None);
        assert_eq!(f[1].1, None);
        assert_eq!(f[2].1.as_deref(), Some("related_block"));
        assert_eq!(f[3].1.as_deref(), Some("related_block"));
        assert_eq!(f[4].1.as_deref(), Some("related_block"));
        assert_eq!(f[5].1.as_deref(), Some("comment_form"));
        assert_eq!(f[6].1.as_deref(), Some("comment_form"));
    }

    #[test]
    fn headlines_between_body_paragraphs() {
        let t = "Officials met on Monday to talk.\nFreed hostages to meet with the mayor, says aide\nThe talks went on for hours.\nSection Heading About Talks\nThey ended late.";
        let f = flags(t);
        assert_eq!(f[1].1.as_deref(), Some("related_headline"));
        assert_eq!(f[3].1.as_deref(), Some("heading"));
        assert_eq!(f[4].1, None);
    }

    #[test]
    fn title_first_line_and_truncated_end() {
        let t = "Mayor rejects plan, demands vote\n\nThe mayor said no. He wants a vote.\n\nThe council, meeting late";
        let c = cleaner().clean(t);
        assert_eq!(c.title.as_deref(), Some("Mayor rejects plan, demands vote"));
        assert_eq!(c.paragraphs[0].flag.as_deref(), Some("title"));
        assert_eq!(c.paragraphs[1].flag, None);
        assert_eq!(c.paragraphs[2].flag.as_deref(), Some("truncated"));
    }

    #[test]
    fn chat_artefacts() {
        let t = "The vote passed.\nIt was close.\nSure! Could you please provide the text you would like me to rewrite for you?";
        assert_eq!(flags(t)[2].1.as_deref(), Some("chat_artefact"));
        let t = "The vote passed.\nAs an AI language model, I cannot browse.\nIt was close.";
        assert_eq!(flags(t)[1].1.as_deref(), Some("chat_artefact"));
        let t = "Sales rose.\nAbout Northwind Energy: Northwind is a power producer.\nMedia contact: Jo Lee";
        assert_eq!(flags(t)[1].1.as_deref(), Some("press_release"));
        assert_eq!(flags(t)[2].1.as_deref(), Some("press_release"));
    }

    #[test]
    fn datelines_recorded_and_skipped() {
        let t = "(Channel 9) — The vote passed on Monday.";
        let c = cleaner().clean(t);
        assert_eq!(c.dateline.as_deref(), Some("Channel 9"));
        assert_eq!(c.dateline_source.as_deref(), Some("Channel 9"));
        assert_eq!(c.paragraphs[0].body.slice(t), "The vote passed on Monday.");
        let t = "NEW YORK (Wire) — The vote passed.";
        let c = cleaner().clean(t);
        assert_eq!(c.dateline.as_deref(), Some("NEW YORK"));
        assert_eq!(c.dateline_source.as_deref(), Some("Wire"));
        // A date after the place, as press releases print it.
        let t = "LONDON, 3 March 2025 -- Northwind Energy today announced a loss.";
        let c = cleaner().clean(t);
        assert_eq!(c.dateline.as_deref(), Some("LONDON"));
        assert_eq!(
            c.paragraphs[0].body.slice(t),
            "Northwind Energy today announced a loss."
        );
        let t = "The vote — a close one — passed.";
        assert_eq!(cleaner().clean(t).dateline, None);
    }

    #[test]
    fn quoted_paragraph_end_is_terminal() {
        let t = "He spoke.\n“We will win”\nThen he left.";
        // A quote ending without a period is still body text, not a headline.
        assert_eq!(flags(t)[1].1, None);
    }

    #[test]
    fn bad_rules_are_reported_with_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("boilerplate.tsv"),
            "x\tsometimes\ty\tline\n",
        )
        .unwrap();
        let lx = Lexicons::load(Some(dir.path())).unwrap();
        let e = Cleaner::new(&lx).unwrap_err().to_string();
        assert!(e.contains("boilerplate.tsv:1"), "{e}");
    }
}
