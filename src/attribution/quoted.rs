//! Statements built around a quote: with the attribution after it (pass 1),
//! before it (pass 1), or none near it (pass 3, once the cues have had
//! their turn).

use std::ops::Range;

use crate::lexicon::words::Roles;
use crate::span::Span;

use super::cues::CueMatch;
use super::para::{is_punct, Para};
use super::quotes::Quote;
use super::{Attributor, Claims, ContentForm, Kind, Rule, SpeakerSource, Statement};

/// What may stand between a quote and the attribution after it.
const SEPARATORS: &[&str] = &[",", "—", "–"];

/// Single marks that open a quote (not the wire style's doubled ones).
const SINGLE_OPENERS: &[char] = &['\'', '‘', '`', '‚', '‹'];

/// Words a title leaves in lower case ("Guardians of the Galaxy").
const TITLE_SMALL: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "to", "in", "on", "at", "for", "with", "by", "is", "de",
];

/// What stands before a quote that its cue introduces (`X said: “…”`).
const INTRODUCERS: &[&str] = &[":", ","];

impl Attributor {
    /// `“…,” X said` / `“…,” said X` / `“…,” he told Reuters`.
    pub(super) fn quote_with_trailing_cue(
        &self,
        p: &Para,
        q: &Quote,
        cues: &[(usize, CueMatch)],
        used: &mut [bool],
    ) -> Option<Statement> {
        let (k, sent) = attribution_after(p, q)?;
        // The first cue of the attribution clause.
        let &(ci, m) = cues
            .iter()
            .find(|&&(ci, _)| ci >= k && ci < sent.end && !used[ci])?;
        if p.has_quote_mark(k, ci) || ci > k + 40 {
            return None;
        }
        let mention = self.trailing_speaker(p, k, ci, m, &sent)?;
        if self.quote_is_title(p, q, ci, m, mention, &sent) {
            return None;
        }
        used[ci] = true;
        let (kind, content) = with_words_before(p, q);
        Some(Statement {
            kind,
            parts: vec![content],
            cue: Some(self.cue_ref(p, ci, m)),
            mention,
            source: SpeakerSource::Mention,
            rule: Rule::QuoteThenCue,
            form: ContentForm::default(),
            reported_by: None,
        })
    }

    /// The speaker of an attribution that starts at `k` and has its cue at
    /// `ci`. `None`: what stands there is no attribution; `Some(None)`: it
    /// is one, but its speaker has no edges the rules can tell.
    fn trailing_speaker(
        &self,
        p: &Para,
        k: usize,
        ci: usize,
        m: CueMatch,
        sent: &Range<usize>,
    ) -> Option<Option<Span>> {
        if ci == k {
            // Inverted: "said Hamas spokesperson X" / "said he".
            let e = ci + m.len;
            return Some(Some(self.speaker_right(p, e, sent.end.max(e))?));
        }
        match self
            .speaker_left(p, ci, k)
            .filter(|m| p.tok_at(m.start) == k)
        {
            Some(m) => Some(Some(m)),
            None => self.unread_speaker(p, k, ci),
        }
    }

    /// A speaker the phrase reader does not cover ("the book", "Jane Roe, a
    /// writer for The Atlantic,"): all that stands before the cue, if it
    /// opens as a noun phrase does.
    fn unread_speaker(&self, p: &Para, k: usize, ci: usize) -> Option<Option<Span>> {
        let t = &p.toks[k];
        let opens = t.is_cap()
            || self.words.roles(t.norm).has(Roles::DETERMINER)
            || self.words.pronoun(t.norm).is_some();
        if !opens {
            return None;
        }
        let mut b = ci;
        while b > k
            && (is_punct(&p.toks[b - 1]) || self.words.roles(p.toks[b - 1].norm).has(Roles::SKIP))
        {
            b -= 1;
        }
        // The noun phrase alone, unless an appositive follows it.
        if let Some((_, nb)) = self.np_right(p, k, b) {
            if nb < b && p.toks[nb].text != "," {
                b = nb;
            }
        }
        Some((b > k).then(|| p.span(k, b)))
    }

    /// `On "Face the Nation," Ryan said the plan …`: a short quote is a
    /// title when a clause opens after the cue (and past its speaker and
    /// addressee), because that clause is the cue's content.
    fn quote_is_title(
        &self,
        p: &Para,
        q: &Quote,
        ci: usize,
        m: CueMatch,
        mention: Option<Span>,
        sent: &Range<usize>,
    ) -> bool {
        let mut e = ci + m.len;
        if let Some(ms) = mention.filter(|ms| ms.start > p.toks[ci].span.start) {
            e = p.tok_at(ms.end);
        }
        // "“Thank you,” she told the crowd.": past the addressee.
        e = self.skip_addressee(p, m, e, sent.end);
        // "On the episode of “The Steve Harvey Morning Show,” she said she
        // …": a title, however long, names the setting.
        (p.quote_words(q) < 4 || is_heading(p, q)) && e < sent.end && {
            let n = &p.toks[e];
            // A clause opens: "that", a subject pronoun, a determiner.
            n.norm == "that"
                || self.words.roles(n.norm).has(Roles::DETERMINER)
                || self.words.pronoun(n.norm).is_some()
        }
    }

    /// `X said: “…”` / `…, declaring: “…”` / `X told Reuters, “…”`.
    pub(super) fn quote_with_leading_cue(
        &self,
        p: &Para,
        q: &Quote,
        cues: &[(usize, CueMatch)],
        used: &mut [bool],
        earlier: &[Statement],
    ) -> Option<Statement> {
        let open = p.tok_at(q.outer.start);
        if open == 0 {
            return None;
        }
        let sent = p.sent_of(open);
        // The token right before the opening mark must be ':' or ','.
        let mut k = open;
        while k > sent.start && p.is_mark(&p.toks[k - 1]) {
            k -= 1;
        }
        if k == sent.start {
            return None;
        }
        let (ci, m) = if INTRODUCERS.contains(&p.toks[k - 1].text) {
            let &(ci, m) = cues.iter().rev().find(|&&(ci, m)| {
                ci + m.len < k && ci + m.len + 6 >= k && ci >= sent.start && !used[ci]
            })?;
            (ci, m)
        } else {
            self.cue_right_before(p, q, k, cues, used, &sent)?
        };
        if p.has_that_or_quote(ci + m.len, k) {
            return None;
        }
        let mention = self.speaker_for(p, ci, sent.start, earlier);
        used[ci] = true;
        let mut parts = vec![q.content];
        let mut kind = Kind::Direct;
        if let Some(first) = mention.and_then(|ms| self.lead_in(p, &sent, ms, k)) {
            parts.insert(0, first);
            kind = Kind::Mixed;
        }
        Some(Statement {
            kind,
            parts,
            cue: Some(self.cue_ref(p, ci, m)),
            mention,
            source: SpeakerSource::Mention,
            rule: Rule::CueThenQuote {
                named: mention.is_some(),
            },
            form: ContentForm::default(),
            reported_by: None,
        })
    }

    /// `Doe said “we will …”`, `She told reporters “this is …”`: a cue
    /// with no colon or comma before the quote, right before its opening
    /// mark or past its addressee and time words. Only for a quote that
    /// ends the sentence: one that goes on is part of indirect speech
    /// (`said "no" to the plan`), which the cue-then-content rule reads;
    /// and only for a cue that reports a clause as well as a quote: "what
    /// it called “a threat”" names rather than quotes.
    fn cue_right_before(
        &self,
        p: &Para,
        q: &Quote,
        k: usize,
        cues: &[(usize, CueMatch)],
        used: &[bool],
        sent: &Range<usize>,
    ) -> Option<(usize, CueMatch)> {
        let after = p.tok_at(q.outer.end);
        if !(q.unclosed || after >= sent.end || p.toks[after..sent.end].iter().all(is_punct)) {
            return None;
        }
        // "the way they say “huge turnout.”": two words are a phrase.
        if p.quote_words(q) < 3 {
            return None;
        }
        let &(ci, m) = cues
            .iter()
            .rev()
            .find(|&&(ci, m)| ci + m.len <= k && ci >= sent.start && !used[ci])?;
        // In a Title Case headline every word looks like a name: no addressee.
        let mut e = ci + m.len;
        if !p.title_case_at(ci) {
            e = self.skip_addressee(p, m, e, k);
        }
        while e < k && self.time_word(p, e, k) {
            e += 1;
        }
        (e == k && self.cues.get(m).introduces_quote).then_some((ci, m))
    }

    /// "While prices rose, he said, “this changes nothing.”": the words
    /// before an attribution set off by commas are the statement's first
    /// part, a single word too ("Clinton, an aide said, “is confident.”"), unless they only set the scene (a preposition, a participle or
    /// a time word opens them). `ms` is the speaker, `k` the token after
    /// the comma before the quote.
    fn lead_in(&self, p: &Para, sent: &Range<usize>, ms: Span, k: usize) -> Option<Span> {
        let a = p.tok_at(ms.start);
        let first = &p.toks[sent.start];
        let is_part = a > sent.start + 1
            && p.toks[a - 1].text == ","
            && !p.has_quote_mark(sent.start, a)
            && p.words(sent.start, a) >= 1
            && p.toks[k - 1].text == ","
            && !self.words.roles(first.norm).has(Roles::PREPOSITION)
            && !first.norm.ends_with("ing")
            && !p.toks[sent.start..a]
                .iter()
                .any(|t| self.words.roles(t.norm).has(Roles::TIME));
        if !is_part {
            return None;
        }
        p.trim_content(sent.start, a - 1)
    }

    /// Pass 3: quotes no rule has claimed. One that opens the paragraph
    /// continues a quote the previous paragraph left open (`carry`);
    /// others are read as statements of the sentence they stand in, or
    /// attached to the nearest speaker.
    pub(super) fn leftover_quotes(
        &self,
        p: &Para,
        claims: &mut Claims,
        out: &mut Vec<Statement>,
        carry: Option<usize>,
    ) {
        let base = claims.base;
        for (qi, q) in p.quotes.iter().enumerate() {
            if claims.quote[qi] || inside_statement(q, &out[base..]) {
                continue;
            }
            let opens_paragraph = p
                .toks
                .first()
                .is_some_and(|t| t.span.start >= q.outer.start);
            if let (Some(c), true) = (carry, opens_paragraph) {
                if c < out.len() {
                    out[c].parts.push(q.content);
                    claims.quote[qi] = true;
                    continue;
                }
            }
            let short =
                p.quote_words(q) < 4 && !self.short_sentence_after_quote(p, q, &out[base..]);
            if short || is_heading(p, q) {
                continue; // scare quotes, titles, single words
            }
            match self.quote_in_sentence(p, q, out, base) {
                Some(st) => out.push(st),
                None => attach_unattributed(q, out, base, opens_paragraph),
            }
            claims.quote[qi] = true;
        }
    }

    /// `“I can't vote for him,” said Symms. “He's an embarrassment.”`: a
    /// short quote is no scare quote when it is a sentence of its own
    /// (opening its sentence with a capital, closing with a stop) right
    /// after a quote the paragraph has attributed, which it continues; nor
    /// when it is the second half of a quote split by its attribution
    /// (`“…,” he said, “and it's terrifying.”`): after a comma, in the
    /// sentence of that quote.
    fn short_sentence_after_quote(&self, p: &Para, q: &Quote, found: &[Statement]) -> bool {
        let open = p.tok_at(q.outer.start);
        let sent = p.sent_of(open);
        let text = q.content.slice(p.text).trim_end();
        let sentence = p.toks[sent.start].span.start >= q.outer.start
            && text.starts_with(char::is_uppercase)
            && text.ends_with(['.', '?', '!']);
        let after_comma = open > sent.start && p.toks[open - 1].text == ",";
        (sentence || after_comma)
            && p.quote_words(q) >= 2
            && found.iter().any(|st| {
                st.kind == Kind::Direct
                    && st.cue.is_some()
                    && st.parts.last().is_some_and(|a| a.end <= q.outer.start)
                    && p.quotes.iter().any(|o| {
                        let close = p.tok_at(o.outer.end);
                        o.content == st.parts[st.parts.len() - 1]
                            && !p.toks[close..open].iter().any(|t| p.is_mark(t))
                            && close < open
                            && (sentence || p.tok_at(o.outer.start) >= sent.start)
                    })
            })
    }

    /// A quote inside a sentence whose cue was not found: the sentence from
    /// "that" (or its start) on is the statement, and the paragraph's
    /// latest speaker before it likely its speaker. Not for a quote that
    /// opens its sentence, which is one of the speaker's own.
    fn quote_in_sentence(
        &self,
        p: &Para,
        q: &Quote,
        out: &[Statement],
        base: usize,
    ) -> Option<Statement> {
        let open = p.tok_at(q.outer.start);
        let qs = p.sent_of(open);
        // "… used her words as its headline: “Finally.”": a colon hands the
        // sentence over to the quote, which stands alone.
        let colon = open > qs.start && p.toks[open - 1].text == ":";
        if colon || p.words(qs.start, open) < 2 || p.has_quote_mark(qs.start, open) {
            return None;
        }
        let start = (qs.start..open)
            .find(|&k| p.toks[k].norm == "that")
            .unwrap_or(qs.start);
        let end = p
            .tok_at(q.outer.end)
            .max(self.clause_end(p, open, qs.end.max(open)));
        let content = p.trim_content(start, end.min(p.toks.len()))?;
        // A statement found from its cue in this sentence keeps its text:
        // the quote is more of its words, or words it does not report.
        if out[base..].iter().any(|s| {
            s.parts
                .iter()
                .any(|a| a.start < content.end && content.start < a.end)
        }) {
            return None;
        }
        let speaker = (base..out.len())
            .filter(|&s| out[s].parts[0].start < content.start)
            .max_by_key(|&s| out[s].parts[0].start);
        Some(Statement {
            kind: Kind::Mixed,
            parts: vec![content],
            cue: None,
            mention: None,
            source: speaker.map_or(SpeakerSource::None, SpeakerSource::Continues),
            rule: Rule::QuoteInSentence,
            form: ContentForm::default(),
            reported_by: None,
        })
    }
}

/// Where the attribution after a quote may start (past a comma or dash),
/// and its sentence: the one where the quote closes, or the whole next
/// sentence after a quoted question or exclamation, where the sentence
/// splitter cuts (`“Who knows?” Graham asked.`).
fn attribution_after(p: &Para, q: &Quote) -> Option<(usize, Range<usize>)> {
    let after = p.tok_at(q.outer.end);
    if after >= p.toks.len() {
        return None;
    }
    let mut sent = p.sent_of(after - 1);
    if after >= sent.end {
        let closes_q = q.content.slice(p.text).ends_with(['?', '!']);
        let next = p.sent_of(after);
        if !closes_q || next.start != after || next.len() > 14 {
            return None;
        }
        sent = next;
    }
    let mut k = after;
    if k < p.toks.len() && SEPARATORS.contains(&p.toks[k].text) {
        k += 1;
    } else if q.content.slice(p.text).ends_with(char::is_alphanumeric) {
        // "Trump ‘The Dealmaker’ Could Address …": with neither a comma nor
        // a closing stop, the words after a quote are no attribution.
        return None;
    }
    Some((k, sent))
}

/// Words of the sentence before the quote belong to the statement:
/// `The plan "is a misguided approach," Burman said.` is mixed. Not after
/// a colon or a comma, which introduce the quote as a whole.
fn with_words_before(p: &Para, q: &Quote) -> (Kind, Span) {
    let open = p.tok_at(q.outer.start);
    let qs = p.sent_of(open);
    if p.words(qs.start, open) < 2
        || INTRODUCERS.contains(&p.toks[open - 1].text)
        || p.has_quote_mark(qs.start, open)
    {
        return (Kind::Direct, q.content);
    }
    let s = p.after_intro(qs.start, open, 3);
    match p.trim_content(s, p.tok_at(q.outer.end)) {
        Some(c) => (Kind::Mixed, c),
        None => (Kind::Direct, q.content),
    }
}

/// Whether a quote is inside a statement's content already (a partial
/// quote in indirect speech).
fn inside_statement(q: &Quote, found: &[Statement]) -> bool {
    found.iter().any(|s| {
        s.parts
            .iter()
            .any(|a| a.start <= q.content.start && q.content.end <= a.end)
    })
}

/// A quote with no attribution near it. Quotes around one attribution are
/// one statement, so it is more of the paragraph's attributed quote before
/// it, else it takes the speaker of the statement after it; alone, it
/// continues the previous paragraph's speaker if it opens the paragraph.
fn attach_unattributed(q: &Quote, out: &mut Vec<Statement>, base: usize, opens_paragraph: bool) {
    let prev = (base..out.len())
        .filter(|&s| out[s].kind == Kind::Direct && out[s].parts[0].start < q.content.start)
        .max_by_key(|&s| out[s].parts[0].start);
    let next = (base..out.len())
        .filter(|&s| out[s].parts[0].start > q.content.start)
        .min_by_key(|&s| out[s].parts[0].start);
    if let Some(s) = prev {
        out[s].parts.push(q.content);
    } else if let Some(s) = next {
        out.push(Statement {
            kind: Kind::Direct,
            parts: vec![q.content],
            cue: None,
            mention: None,
            source: SpeakerSource::Continues(s),
            rule: Rule::QuoteBeforeAttribution,
            form: ContentForm::default(),
            reported_by: None,
        });
    } else {
        let prev_para = out[..base]
            .iter()
            .rposition(|s| s.mention.is_some() || s.source != SpeakerSource::None);
        out.push(Statement {
            kind: Kind::Direct,
            parts: vec![q.content],
            cue: None,
            mention: None,
            source: match prev_para {
                Some(s) if opens_paragraph => SpeakerSource::Continues(s),
                _ => SpeakerSource::None,
            },
            rule: Rule::QuoteAlone,
            form: ContentForm::default(),
            reported_by: None,
        });
    }
}

/// A quote that is a heading, not a statement: in capitals throughout
/// (`‘THE OTHER SIDE OF THE PARTY’`), or a short paragraph of its own in
/// Title Case or in single marks (`'Coal Isn't the Villain.'`, `'A tough
/// decision.'`), as subheadings are printed.
fn is_heading(p: &Para, q: &Quote) -> bool {
    if !q.content.slice(p.text).chars().any(char::is_lowercase) {
        return true;
    }
    let whole = p
        .toks
        .first()
        .is_some_and(|t| t.span.start >= q.outer.start)
        && p.toks.last().is_some_and(|t| t.span.end <= q.outer.end);
    let (a, b) = (p.tok_at(q.content.start), p.tok_at(q.content.end));
    let single = SINGLE_OPENERS.iter().any(|m| {
        let s = &p.text[q.outer.start..];
        s.starts_with(*m) && !s[m.len_utf8()..].starts_with(*m)
    });
    let title = p.toks[a..b]
        .iter()
        .filter(|t| t.is_word() && t.text.chars().count() >= 4)
        .all(|t| t.is_cap());
    // "the “Red Neck Country Club” honkytonk", "“Guardians of the Galaxy,”":
    // a short Title Case quote inside a sentence that is not itself in
    // Title Case names a work, a show or a place; nobody says it.
    // Every word capitalised but the small ones titles leave in lower case:
    // "Lock her up!" and "That's the way it is" are said.
    let words = || p.toks[a..b].iter().filter(|t| t.is_word());
    let titled = words().all(|t| t.is_cap() || TITLE_SMALL.contains(&t.norm));
    let capitals = words().filter(|t| t.is_cap()).count();
    // A quote that is whole sentences of its own ("“The Donald. Big
    // Daddy.”") is said, however it is capitalised.
    let sentences = p.toks[p.sent_of(a).start].span.start >= q.outer.start
        && q.content.slice(p.text).ends_with(['.', '?', '!']);
    let named =
        !whole && !sentences && titled && capitals >= 2 && p.words(a, b) < 8 && !p.title_case_at(a);
    named || whole && p.words(a, b) < 7 && (title || single)
}

#[cfg(test)]
mod tests {
    use crate::testkit::{none, run};

    #[test]
    fn a_title_case_quote_in_running_text_names_a_work() {
        none(&[
            "Title\n\nShe starred in “Wolves of the Northern Coast” before moving to Lyon.",
            "Title\n\nThe band played at the “Blue Harbor Music Hall” downtown all summer.",
        ]);
    }

    #[test]
    fn a_short_sentence_quote_continues_the_quote_before_it() {
        let f = run("Title\n\n“There was chaos on the road,” Bouhlel said. “Bodies everywhere.”");
        assert_eq!(
            f.len(),
            1,
            "{:?}",
            f.iter().map(|x| &x.parts).collect::<Vec<_>>()
        );
        assert_eq!(
            f[0].parts,
            ["There was chaos on the road,", "Bodies everywhere."]
        );
    }

    #[test]
    fn a_capitalised_quote_that_is_a_sentence_of_its_own_is_said() {
        let f = run("Title\n\n“Here he comes,” she said, clapping. “The Donald. Big Daddy.”");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].parts, ["Here he comes,", "The Donald. Big Daddy."]);
    }

    #[test]
    fn a_quote_after_a_colon_without_a_cue_is_the_quote_alone() {
        let f = run("Title\n\nThe piece used her words as its headline: “Finally. Someone who thinks like me.”");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].parts, ["Finally. Someone who thinks like me."]);
    }

    #[test]
    fn a_short_second_half_of_a_split_quote_is_kept() {
        let f = run("Title\n\n“We issue some chart,” he said, “and it's terrifying.”");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].parts, ["We issue some chart,", "and it's terrifying."]);
    }

    #[test]
    fn short_quotes_that_are_no_sentence_stay_scare_quotes() {
        for text in [
            "Title\n\n“We will appeal,” she said. The ruling was “plain wrong.”",
            "Title\n\n“We will appeal,” she said. “Shame.”",
        ] {
            let f = run(text);
            assert_eq!(f.len(), 1, "{text}");
            assert_eq!(f[0].parts, ["We will appeal,"], "{text}");
        }
    }

    #[test]
    fn an_inverted_speaker_keeps_its_party_tag() {
        let f =
            run("Title\n\n“The bill is dead,” said Sen. Ann Roe (R-Ky.), who chairs the panel.");
        assert_eq!(f[0].mention, "Sen. Ann Roe (R-Ky.)");
        assert_eq!(f[0].speaker, "Ann Roe");
    }

    #[test]
    fn a_title_before_an_attribution_with_content_of_its_own_is_no_quote() {
        let f = run(
            "On Monday’s episode of “The Late Lunch Radio Hour,” the mayor said she would resign.",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].kind, f[0].parts[0].as_str()),
            ("indirect", "she would resign")
        );
    }

    #[test]
    fn one_word_before_an_attribution_in_commas_is_the_first_part() {
        let f = run("Ruiz, an aide said, “is very confident about Lyon.”");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].parts, ["Ruiz", "is very confident about Lyon."]);
    }
}
