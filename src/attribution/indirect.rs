//! Statements around a cue without quotes of their own (any quotes inside
//! the content make it mixed): the content before its attribution
//! (`…, X said.`) or after its cue (`X said (that) …`).

use std::ops::Range;

use crate::lexicon::words::Roles;
use crate::span::Span;

use super::cues::{CueMatch, CueType, Form};
use super::para::{is_punct, Para, AUX, BE};
use super::{Attributor, ContentForm, Kind, Rule, SpeakerSource, Statement};

impl Attributor {
    /// Content before its attribution: `…, X said.` / `…, said X.` /
    /// `…, Leavitt stated during a briefing.`
    pub(super) fn content_then_cue(&self, p: &Para, ci: usize, m: CueMatch) -> Option<Statement> {
        let sent = p.sent_of(ci);
        if self.cues.get(m).topic_only {
            return None;
        }
        let (comma, mention) = self.closing_attribution(p, ci, m, &sent)?;
        let j = self.attribution_end(p, ci, m, mention, &sent);
        if !self.only_attribution_follows(p, j, m, &sent) || comma <= sent.start {
            return None;
        }
        let continues = j + 1 < sent.end && p.toks[j].text == ",";
        // "At CPAC, Hannity asked Kasich, who trails, to lay out …": a
        // relative clause after the comma describes the addressee; the
        // cue's own content comes after it.
        // After an inverted speaker ("…, said Ms. Roe, who …") it is hers.
        let inverted = mention.start > p.toks[ci].span.start;
        // "A poll, conducted by X, shows Y with …": what a view or a finding
        // names after it is its content, never an inverted holder.
        if inverted && self.cues.get(m).kind != CueType::Speech {
            return None;
        }
        if continues && !inverted && self.words.roles(p.toks[j + 1].norm).has(Roles::RELATIVE) {
            return None;
        }
        let s = p.after_intro(sent.start, comma, 1);
        // "In his speech, Graham said …": an introductory phrase is no content.
        let first = &p.toks[s];
        if self.words.roles(first.norm).has(Roles::PREPOSITION) && comma - s <= 12 && !continues {
            return None;
        }
        // "Meanwhile, the campaign presses on": a sentence adverb is no content.
        if comma - s == 1 && self.words.roles(first.norm).has(Roles::STOP) {
            return None;
        }
        let content = p.trim_content(s, comma)?;
        let (mention, j) = self.with_appositive(p, ci, mention, j, &sent);
        if let Some(inner) = self.nested_statement(p, s, comma, m, mention) {
            return Some(inner);
        }
        let mut parts = vec![content];
        parts.extend(self.second_part(p, j, &sent));
        Some(Statement {
            kind: Kind::Indirect,
            parts,
            cue: Some(self.cue_ref(p, ci, m)),
            mention: Some(mention),
            source: SpeakerSource::Mention,
            rule: Rule::ContentThenCue,
            form: ContentForm::default(),
            reported_by: None,
        })
    }

    /// "Hamas accused Trump of …, Reuters first reported": content `[s,
    /// end)` that opens with a statement of its own (a subject, then a
    /// speech cue) under an outer cue of class `report`, or `according to`, is that subject's
    /// statement, which the outer source (`outer`) only reports.
    pub(super) fn nested_statement(
        &self,
        p: &Para,
        s: usize,
        end: usize,
        outer_cue: CueMatch,
        outer: Span,
    ) -> Option<Statement> {
        let outer_cue = self.cues.get(outer_cue);
        if outer_cue.class != "report" && !outer_cue.according {
            return None;
        }
        let (c, m) = (s + 1..end.min(s + 12))
            .find_map(|c| self.cue_at(p, c).map(|m| (c, m)))
            .filter(|&(_, m)| matches!(m.form, Form::Past | Form::Present3))?;
        // "The energy minister, Gareth Powell, warned …": the whole
        // subject with its appositive names the speaker.
        let speaker = self.speaker_left(p, c, s).and_then(|ms| {
            let a = p.tok_at(ms.start);
            let appositive = a > s + 1 && p.toks[a - 1].text == ",";
            (a == s)
                .then_some(ms)
                .or(appositive.then(|| Span::new(p.toks[s].span.start, ms.end)))
        })?;
        let inner_sent = p.sent_of(c).start..end;
        let a = self.content_start(p, c + m.len, m, &inner_sent)?;
        let b = self.content_end(p, a, m, false, &inner_sent);
        Some(Statement {
            kind: Kind::Indirect,
            parts: vec![p.trim_content(a, b)?],
            cue: Some(self.cue_ref(p, c, m)),
            mention: Some(speaker),
            source: SpeakerSource::Mention,
            rule: Rule::ContentThenCue,
            form: ContentForm::default(),
            reported_by: Some(outer),
        })
    }

    /// The speaker of an attribution that closes its content, and the
    /// comma where the content ends: the speaker after the cue when a comma
    /// stands before the cue (`…, said X`), else the speaker between a
    /// comma and the cue (`…, X said`). Without a speaker a cue closes
    /// nothing: the content could be anyone's.
    fn closing_attribution(
        &self,
        p: &Para,
        ci: usize,
        m: CueMatch,
        sent: &Range<usize>,
    ) -> Option<(usize, Span)> {
        let e = ci + m.len;
        if ci > sent.start && p.toks[ci - 1].text == "," {
            // "The program, called EB-5, …" names; only reporting verbs invert.
            if !self.cues.get(m).takes_clause {
                return None;
            }
            return Some((ci - 1, self.speaker_right(p, e, sent.end)?));
        }
        let m = self
            .speaker_left(p, ci, sent.start)
            .filter(|m| {
                let a = p.tok_at(m.start);
                a > sent.start + 1 && p.toks[a - 1].text == ","
            })
            .or_else(|| self.described_speaker(p, ci, sent.start))?;
        Some((p.tok_at(m.start) - 1, m))
    }

    /// Where the attribution ends: past the cue and a speaker after it, an
    /// addressee ("… told The Times of Israel", "… he told me on Friday,
    /// …"), time words, and a short setting before the sentence goes on
    /// ("…, Ms. Ruiz said on Friday, the plan …").
    fn attribution_end(
        &self,
        p: &Para,
        ci: usize,
        m: CueMatch,
        mention: Span,
        sent: &Range<usize>,
    ) -> usize {
        let e = ci + m.len;
        let mut j = e;
        if mention.start >= p.toks[e.min(p.toks.len() - 1)].span.start {
            j = p.tok_at(mention.end);
        }
        if j == e {
            j = self.skip_addressee(p, m, j, sent.end);
        }
        while j < sent.end && self.time_word(p, j, sent.end) {
            j += 1;
        }
        // "…, Germany has pledged to bolster its army, …": the infinitive
        // of a cue that takes one is its content, no setting to step over.
        let infinitive =
            p.toks[j.min(sent.end - 1)].norm == "to" && self.cues.get(m).takes_infinitive;
        if j < sent.end && !infinitive && self.words.roles(p.toks[j].norm).has(Roles::PREPOSITION) {
            if let Some(c) = (j + 1..(j + 8).min(sent.end)).find(|&c| p.toks[c].text == ",") {
                if !p.has_that_or_quote(j, c) {
                    j = c;
                }
            }
        }
        j
    }

    /// Whether only the end of the sentence, a prepositional phrase or a
    /// comma follows the attribution at `j`. Anything else is the cue's own
    /// content ("…, Sanders vows to cut taxes"), for the cue-then-content
    /// rule.
    fn only_attribution_follows(
        &self,
        p: &Para,
        j: usize,
        m: CueMatch,
        sent: &Range<usize>,
    ) -> bool {
        j >= sent.end
            || p.toks[j..sent.end].iter().all(is_punct)
            || self.words.roles(p.toks[j].norm).has(Roles::PREPOSITION)
                && !(p.toks[j].norm == "to" && self.cues.get(m).takes_infinitive)
                && !p.has_that_or_quote(j, sent.end)
            || matches!(p.toks[j].text, "," | ";")
    }

    /// "…, said Brian Baker, a longtime adviser to …": an appositive after
    /// an inverted speaker belongs to the mention, and the attribution ends
    /// after it. Returns the mention and the new end.
    fn with_appositive(
        &self,
        p: &Para,
        ci: usize,
        mention: Span,
        j: usize,
        sent: &Range<usize>,
    ) -> (Span, usize) {
        let after_speaker = j < sent.end
            && p.toks[j].text == ","
            && j + 1 < sent.end
            && mention.start > p.toks[ci].span.start
            && mention.end <= p.toks[j].span.start;
        if !after_speaker {
            return (mention, j);
        }
        let n = &p.toks[j + 1];
        if !(self.words.roles(n.norm).has(Roles::DETERMINER) && !n.is_cap()
            || self.words.is_title(n.norm))
        {
            return (mention, j);
        }
        let end = self.clause_end(p, j + 1, sent.end);
        let mut b = end;
        while b > j + 1 && is_punct(&p.toks[b - 1]) {
            b -= 1;
        }
        if b > j + 1 {
            return (Span::new(mention.start, p.toks[b - 1].span.end), end);
        }
        (mention, j)
    }

    /// "The museum, Mr. Obama said, would make visitors …": the sentence
    /// goes on after the attribution, as a second part, unless a statement
    /// of its own opens there (a participle cue, `according to`, a quote),
    /// or a relative clause on the speaker ("…, said Ms. Roe, who …").
    fn second_part(&self, p: &Para, j: usize, sent: &Range<usize>) -> Option<Span> {
        if !(j < sent.end && p.toks[j].text == "," && j + 1 < sent.end) {
            return None;
        }
        let n = j + 1;
        let gerund = self.cue_at(p, n).is_some_and(|m| m.form == Form::Gerund);
        let relative = self.words.roles(p.toks[n].norm).has(Roles::RELATIVE);
        let end = self.clause_end(p, n, sent.end);
        // "…, records show, and experts say it is current": after "and"
        // a clause with its own cue is the next attribution.
        let coordinated = self.words.roles(p.toks[n].norm).has(Roles::CONJUNCTION)
            && (n + 1..end).any(|k| self.cue_at(p, k).is_some());
        if gerund || relative || coordinated || self.opens_according(p, n) || p.is_mark(&p.toks[n])
        {
            return None;
        }
        let rest = p.trim_content(n, end)?;
        (p.words(n, end) >= 2).then_some(rest)
    }

    /// Content after its cue: `X said (that) …`, `…, warning that …`.
    pub(super) fn cue_then_content(
        &self,
        p: &Para,
        ci: usize,
        m: CueMatch,
        earlier: &[Statement],
    ) -> Option<Statement> {
        let sent = p.sent_of(ci);
        if attributes_quote_before(p, ci, &sent) || noun_before_comma(p, ci, m) {
            return None;
        }
        let participle = self.participle_cue(p, ci, m, &sent);
        let asked = self.asked_without_asker(p, ci, m, &sent);
        let passive = self.passive_of_at(p, ci, m);
        let mention = if asked || passive {
            None
        } else {
            let found = self.speaker_for(p, ci, sent.start, earlier);
            self.evidence_source(p, ci, m, sent.start, found)
        };
        if mention.is_none() && !participle && !asked && !passive {
            return None;
        }
        if self.gerund_as_noun(p, ci, m, &sent, participle) {
            return None;
        }
        let mut e = ci + m.len + usize::from(passive);
        if self.cues.get(m).topic_only {
            e = self.topic_start(p, e, &sent)?;
        }
        let s = self.content_start(p, e, m, &sent)?;
        let end = self.content_end(p, s, m, asked, &sent);
        // "the campaign presses on": a lone particle is no content.
        let lone = end == s + 1 || end == s + 2 && is_punct(&p.toks[s + 1]);
        let r = self.words.roles(p.toks[s].norm);
        if lone && (r.has(Roles::PREPOSITION) || r.has(Roles::STOP)) {
            return None;
        }
        let mut parts = vec![p.trim_content(s, end)?];
        self.semicolon_parts(p, end, &sent, &mut parts);
        Some(Statement {
            kind: Kind::Indirect,
            parts,
            cue: Some(self.cue_ref(p, ci, m)),
            mention,
            source: SpeakerSource::Mention,
            rule: Rule::CueThenContent {
                named: mention.is_some(),
            },
            form: ContentForm::default(),
            reported_by: None,
        })
    }

    /// Where the topic of a cue that takes only one (`Cue::topic_only`)
    /// starts: after its topic word, past an adverb, an addressee or a
    /// setting ("spoke favorably of", "spoke to reporters about"). `None`
    /// when there is none: "spoke for about 30 minutes" names no topic, and
    /// "about" before a number is no topic word.
    /// "Of" after an addressee belongs to its phrase ("spoke to the
    /// gathering of mayors"), and a manner phrase is stepped over ("spoke
    /// on condition of anonymity").
    fn topic_start(&self, p: &Para, e: usize, sent: &Range<usize>) -> Option<usize> {
        let end = (e + 7).min(sent.end);
        let mut addressed = false;
        let mut k = e;
        while k < end {
            let t = &p.toks[k];
            k += 1;
            if t.text == "," || p.is_mark(t) || t.norm == "for" {
                return None;
            }
            let r = self.words.roles(t.norm);
            // "about 30 minutes", "on Monday": a number or a time follows.
            let number_or_time = p.toks.get(k).is_some_and(|n| {
                n.norm.starts_with(|c: char| c.is_ascii_digit())
                    || self.words.roles(n.norm).has(Roles::TIME)
            });
            let manner = (k..(k + 2).min(end))
                .find(|&j| self.words.roles(p.toks[j].norm).has(Roles::MANNER));
            if let (true, Some(j)) = (r.has(Roles::TOPIC), manner) {
                // Past "condition of": its "of" opens no topic.
                k = j + 2;
                continue;
            }
            let inside_addressee = addressed && t.norm == "of";
            if r.has(Roles::TOPIC) && !number_or_time && !inside_addressee {
                return Some(k);
            }
            if r.has(Roles::TOPIC) {
                continue;
            }
            // "spoke from the steps of the town hall": a setting first.
            let addressee = matches!(t.norm, "to" | "with");
            addressed |= addressee;
            if !addressee && (r.has(Roles::SETTING) || r.has(Roles::PREPOSITION)) {
                return None;
            }
        }
        None
    }

    /// "Asked about the plan, …" / "when asked whether …": the question
    /// is reported, but its asker is not named.
    fn asked_without_asker(&self, p: &Para, ci: usize, m: CueMatch, sent: &Range<usize>) -> bool {
        self.is_question(m)
            && m.form == Form::Past
            && (ci == sent.start
                || self
                    .words
                    .roles(p.toks[ci - 1].norm)
                    .has(Roles::SUBORDINATOR))
    }

    /// Where the content after a cue ending at `e` starts: past a short
    /// object before "that" and past time words, or at the "that" after a
    /// setting. `None` when no content is left, or when a quote follows
    /// that ends the sentence: a direct quote, for the quote rules.
    pub(super) fn content_start(
        &self,
        p: &Para,
        e: usize,
        m: CueMatch,
        sent: &Range<usize>,
    ) -> Option<usize> {
        let mut s = self.past_object_before_that(p, e, sent);
        if s == e {
            s = self.past_long_addressee(p, e, m, sent);
        }
        if s == e {
            s = self.past_addressee_before_clause(p, e, m, sent);
        }
        let mut s = self.past_time_words(p, s, e, sent);
        if s >= sent.end {
            return None;
        }
        // "spoke in a cottage on a base": a setting, not what was said;
        // "said in a statement that …": the content starts at "that".
        if self.words.roles(p.toks[s].norm).has(Roles::SETTING) {
            let that = (s + 1..(s + 12).min(sent.end))
                .find(|&k| p.toks[k].norm == "that" && p.quote_at(p.toks[k].span.start).is_none());
            s = that.or_else(|| self.clause_after_setting(p, s, m, sent))?;
        }
        if p.is_mark(&p.toks[s]) {
            if let Some(qi) = p.quote_at(p.toks[s].span.start) {
                let after = p.tok_at(p.quotes[qi].outer.end);
                if after >= sent.end || p.toks[after..sent.end].iter().all(is_punct) {
                    return None;
                }
            }
        }
        Some(s)
    }

    /// "told Reuters that", "affirmed on Sunday that", "restated its
    /// position that": time words, a short object and a cue noun before
    /// "that" are no content.
    fn past_object_before_that(&self, p: &Para, s: usize, sent: &Range<usize>) -> usize {
        let look = (s + 8).min(sent.end);
        if let Some(t) = (s..look).find(|&k| p.toks[k].norm == "that") {
            if (s..t).all(|k| {
                let r = self.words.roles(p.toks[k].norm);
                self.np_word(p, k)
                    || self.cues.is_nominal(p.toks[k].norm)
                    || r.has(Roles::TIME)
                    || r.has(Roles::CONNECTOR)
                    || p.toks[k].text == ","
            }) {
                return t;
            }
        }
        s
    }

    /// "told supporters at a breakfast spot in Manchester that …": a cue
    /// that tells someone takes an addressee of any words before "that",
    /// as long as no verb, quote or other cue stands there (which would make
    /// the "that" part of a clause already under way).
    fn past_long_addressee(&self, p: &Para, s: usize, m: CueMatch, sent: &Range<usize>) -> usize {
        if !self.cues.get(m).tells_someone {
            return s;
        }
        let look = (s + 14).min(sent.end);
        let Some(t) = (s + 1..look).find(|&k| p.toks[k].norm == "that") else {
            return s;
        };
        let plain = (s..t).all(|k| {
            let tok = &p.toks[k];
            !(AUX.contains(&tok.norm)
                || BE.contains(&tok.norm)
                || p.is_mark(tok)
                || self
                    .words
                    .roles(tok.norm)
                    .has(Roles::CLAUSE | Roles::RELATIVE)
                || !tok.is_cap() && self.cues.match_any_at(&[tok.norm]).is_some())
        });
        if plain {
            t
        } else {
            s
        }
    }

    /// "said Thursday", "said on Monday:": time words and punctuation
    /// after the cue (ending at `e`) are no content, and neither is the
    /// "about" of "spoke about [her ties]", which belongs to the cue.
    fn past_time_words(&self, p: &Para, mut s: usize, e: usize, sent: &Range<usize>) -> usize {
        while s < sent.end {
            if !(self.time_word(p, s, sent.end)
                || matches!(p.toks[s].text, ":" | ",")
                || s == e && p.toks[s].norm == "about")
            {
                break;
            }
            s += 1;
        }
        s
    }

    /// Where the content starting at `s` ends: at the clause's end; for a
    /// cue that takes a noun phrase only, at its object's end; for a
    /// question whose asker is not named, where the main clause begins.
    fn content_end(
        &self,
        p: &Para,
        s: usize,
        m: CueMatch,
        asked: bool,
        sent: &Range<usize>,
    ) -> usize {
        let mut end = self.clause_end(p, s, sent.end);
        if !self.cues.get(m).takes_clause {
            end = self.object_end(p, s, end);
        }
        end = self.relative_clause_end(p, s, end, sent);
        if asked || self.in_fronted_clause(p, s, sent) {
            end = (s + 1..end)
                .find(|&k| p.toks[k].text == "," && p.quote_at(p.toks[k].span.start).is_none())
                .unwrap_or(end);
        }
        end
    }

    /// "… that Apple holds $215 billion offshore; Nike holds …": a clause
    /// after a semicolon is more of the same statement.
    fn semicolon_parts(&self, p: &Para, end: usize, sent: &Range<usize>, parts: &mut Vec<Span>) {
        let mut k = end;
        while k < sent.end && p.toks[k].text == ";" {
            // "…; newspaper editorials railed against it": a clause with
            // its own speaker and cue is a statement of its own.
            if self
                .cue_after_subject(p, k + 1, k + 2, sent.end)
                .is_some_and(|(_, _, subject)| subject)
            {
                break;
            }
            let e2 = self.clause_end(p, k + 1, sent.end);
            match p.trim_content(k + 1, e2) {
                Some(more) => parts.push(more),
                None => break,
            }
            k = e2;
        }
    }
}

/// `”, said X` / `,” said X`: the cue attributes the quote before it, and
/// says nothing about what follows.
fn attributes_quote_before(p: &Para, ci: usize, sent: &Range<usize>) -> bool {
    ci >= sent.start + 2
        && (p.toks[ci - 1].text == "," && p.is_mark(&p.toks[ci - 2])
            || p.is_mark(&p.toks[ci - 1]) && p.toks[ci - 2].text == ",")
}

/// "his Fifth Amendment claims, prosecutors …": a present or base form
/// right before a comma is a noun, unless a quote opens after the comma.
fn noun_before_comma(p: &Para, ci: usize, m: CueMatch) -> bool {
    let e = ci + m.len;
    matches!(m.form, Form::Present3 | Form::Base)
        && p.toks.get(e).is_some_and(|t| t.text == ",")
        && !p.toks.get(e + 1).is_some_and(|t| p.is_mark(t))
}

#[cfg(test)]
mod tests {
    use crate::testkit::one;

    #[test]
    fn a_clause_with_its_own_cue_after_and_is_no_second_part() {
        let f = crate::testkit::run(
            "Title\n\nThe plane was insured for $35 million, records show, and experts say it is old.",
        );
        let show = f.iter().find(|f| f.cue == "show").unwrap();
        assert_eq!(show.parts, ["The plane was insured for $35 million"]);
        let say = f.iter().find(|f| f.cue == "say").unwrap();
        assert_eq!(say.parts, ["it is old"]);
    }

    #[test]
    fn a_closing_description_needs_no_listed_head() {
        let f = one("Title\n\nThe job marks his return to politics, a longtime friend said.");
        assert_eq!(f.mention, "a longtime friend");
        assert_eq!(f.parts, ["The job marks his return to politics"]);
        let f = one("Title\n\nThe road will close in May, one neighbour said on Friday.");
        assert_eq!(f.mention, "one neighbour");
    }

    #[test]
    fn on_before_a_place_ends_the_attribution() {
        let f = one("Title\n\nThe plan was dead, he said Wednesday morning on national radio.");
        assert_eq!(f.mention, "he");
        assert_eq!(f.parts, ["The plan was dead"]);
    }

    #[test]
    fn an_opening_phrase_is_no_content_of_a_cue_with_its_own() {
        let f = one("Title\n\nAs rivals rearm, the government has pledged to double its army, ending years of neutrality.");
        assert_eq!(f.parts, ["to double its army, ending years of neutrality"]);
        let f = one("Title\n\nAt the forum, the host asked Ms. Vance, who trails in the polls, to explain her plan.");
        assert_eq!(f.mention, "the host");
        assert!(f.parts[0].starts_with("Ms. Vance"), "{:?}", f.parts);
        // An inverted speaker's relative clause is still the speaker's.
        let f = one("Title\n\nThe rules are unfair, said Ana Ruiz, who chairs the board.");
        assert_eq!(f.parts, ["The rules are unfair"]);
    }

    #[test]
    fn a_long_addressee_before_that_is_no_content() {
        let f = one("Title\n\nRuiz told diners at a busy harbour cafe in Lyon on Monday that the tolls would go.");
        assert_eq!(f.parts, ["that the tolls would go"]);
        // A clause already under way keeps its "that".
        let f = one("Title\n\nShe told the man who was shouting that he should leave.");
        assert_eq!(f.parts, ["the man who was shouting that he should leave"]);
    }

    #[test]
    fn one_noun_after_the_is_an_addressee_before_a_clause() {
        let f = one("Title\n\nThe caller told the station her rent had doubled.");
        assert_eq!(f.parts, ["her rent had doubled"]);
    }
}
