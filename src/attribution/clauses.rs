//! Where content ends: clause boundaries and the end of a cue's object.
//!
//! Content runs to the end of its sentence unless another statement, a
//! comment on it or a contrast begins first. Boundaries inside a quote are
//! the quoted speaker's and never end the report.

use std::ops::Range;

use crate::doc::Tok;
use crate::lexicon::words::Roles;

use super::cues::{CueMatch, Form};
use super::para::{is_punct, Para, ARTICLES, AUX, BE};
use super::Attributor;

/// Coordinators after which a further statement may begin ("… and
/// insisted that …", "… but he noted …").
const COORDINATORS: &[&str] = &["and", "but"];

/// Words that open a relative clause, which may hold an attribution of
/// its own ("a plan that he said would fail").
const RELATIVES: &[&str] = &["that", "which", "whom", "who", "what"];

/// The most tokens a setting runs over before the clause it opens
/// ("said [in an interview with the paper] he would …").
const SETTING_WORDS: usize = 9;

/// Pronouns that are objects only: after a setting they end its phrase
/// ("in front of them") and open no clause.
const OBJECT_PRONOUNS: &[&str] = &["him", "them", "me", "us", "whom"];

/// Punctuation that ends the object of a cue.
pub(super) const OBJECT_PUNCT: &[&str] = &[",", ";", "—", "–"];

impl Attributor {
    /// Where the object of a cue that takes a noun phrase ends ("vetoed [the
    /// bill] and attempted …", "called for [more money] in a statement").
    pub(super) fn object_end(&self, p: &Para, s: usize, end: usize) -> usize {
        for k in s + 1..end {
            if p.inside_quote(k) {
                continue;
            }
            let t = &p.toks[k];
            if OBJECT_PUNCT.contains(&t.text) || self.words.roles(t.norm).has(Roles::CLAUSE) {
                return k;
            }
            if t.norm == "and" && p.toks.get(k + 1).is_some_and(|n| self.starts_predicate(n)) {
                return k;
            }
            // "… in a statement on Thursday", "in his opening remarks", "on
            // Twitter": the setting, not the object.
            if matches!(t.norm, "in" | "on") && self.medium_after(p, k + 1, end) {
                return k;
            }
        }
        end
    }

    /// Whether a medium noun ("statement", "debate") ends the short phrase
    /// at `a` ("a", "his opening", "Thursday's"): no auxiliary, mark or
    /// stop before it.
    fn medium_after(&self, p: &Para, a: usize, end: usize) -> bool {
        for j in a..end.min(a + 5) {
            let t = &p.toks[j];
            if self.words.roles(t.norm).has(Roles::MEDIUM) {
                return true;
            }
            let r = self.words.roles(t.norm);
            let verb = r.has(Roles::FINITE);
            // "on gun regulation in a television interview": the medium of
            // a later phrase.
            let phrase = j > a && r.has(Roles::PREPOSITION | Roles::SETTING);
            if is_punct(t) && t.text != "'s" && t.text != "’s" || verb || phrase {
                return false;
            }
        }
        false
    }

    /// Where indirect content that starts at `s` ends: the sentence end, or
    /// a clause boundary outside quotes (`;`, `, adding that`, `, but`).
    pub(super) fn clause_end(&self, p: &Para, s: usize, end: usize) -> usize {
        for k in s..end {
            if p.inside_quote(k) {
                continue;
            }
            let t = &p.toks[k];
            if t.text == ";" {
                return k;
            }
            if COORDINATORS.contains(&t.norm)
                && k + 1 < end
                && k > s
                && (self.further_statement(p, k, end) || self.speakers_next_act(p, s, k, end))
            {
                return k;
            }
            if let Some(b) = self.boundary_at_comma(p, k, s, end) {
                return b;
            }
            if k > s && self.relative_attribution(p, k, end) {
                return k;
            }
        }
        end
    }

    /// "said in politics it takes time …", "said in an interview he would
    /// resign": after a setting, a subject pronoun opening a clause starts
    /// the content of a cue that takes one, where no "that" does. Not an
    /// object ("spoke in front of them") nor a possessive ("in his speech").
    pub(super) fn clause_after_setting(
        &self,
        p: &Para,
        s: usize,
        m: CueMatch,
        sent: &Range<usize>,
    ) -> Option<usize> {
        if !self.cues.get(m).takes_clause {
            return None;
        }
        let k = (s + 1..(s + SETTING_WORDS).min(sent.end)).find(|&k| {
            let t = &p.toks[k];
            self.words.pronoun(t.norm).is_some() || is_punct(t) || p.is_mark(t)
        })?;
        let t = &p.toks[k];
        let prev = self.words.roles(p.toks[k - 1].norm);
        let subject = self.words.pronoun(t.norm).is_some()
            && !self.words.roles(t.norm).has(Roles::DETERMINER)
            && !OBJECT_PRONOUNS.contains(&t.norm)
            && !prev
                .has(Roles::PREPOSITION | Roles::CONNECTOR | Roles::SETTING | Roles::SUBORDINATOR);
        let verb = p
            .toks
            .get(k + 1)
            .is_some_and(|v| k + 1 < sent.end && !is_punct(v) && !v.is_cap());
        (subject && verb).then_some(k)
    }

    /// "… a rule change that he said would make it harder …", "… a trend
    /// the foundation predicts will continue": a relative clause whose own
    /// speaker and cue report the rest is a statement of its own, so the
    /// content it sits in ends before it.
    pub(super) fn relative_attribution(&self, p: &Para, k: usize, end: usize) -> bool {
        let t = &p.toks[k];
        let relative = RELATIVES.contains(&t.norm);
        if !relative && !self.zero_relative_at(p, k) {
            return false;
        }
        let from = k + usize::from(relative);
        let Some((c, m, true)) = self.cue_after_subject(p, from, from, end) else {
            return false;
        };
        let own_subject = c > from || self.words.roles(t.norm).has(Roles::RELATIVE);
        let after = m.form == Form::Past || m.form == Form::Present3;
        own_subject
            && after
            && p.toks.get(c + m.len).is_some_and(|v| {
                let finite = self.words.roles(v.norm).has(Roles::FINITE);
                c + m.len < end && !v.is_cap() && (finite || relative && self.starts_predicate(v))
            })
    }

    /// "… meddling the congressman said is designed to …": a relative
    /// clause with no relative word, its subject (a determiner or a
    /// pronoun) right after the noun it qualifies.
    fn zero_relative_at(&self, p: &Para, k: usize) -> bool {
        let t = &p.toks[k];
        let r = self.words.roles(t.norm);
        let opens = r.has(Roles::DETERMINER) && !r.has(Roles::QUANTIFIER)
            || self.words.pronoun(t.norm).is_some()
                && !t.is_possessive()
                && !OBJECT_PRONOUNS.contains(&t.norm);
        let Some(noun) = k.checked_sub(1).map(|j| &p.toks[j]) else {
            return false;
        };
        let nr = self.words.roles(noun.norm);
        opens
            && noun.is_word()
            && !noun.is_cap()
            && !nr.has(
                Roles::DETERMINER
                    | Roles::PREPOSITION
                    | Roles::CONNECTOR
                    | Roles::FINITE
                    | Roles::SKIP
                    | Roles::CONJUNCTION
                    | Roles::STOP,
            )
            && self.words.pronoun(noun.norm).is_none()
            && self.any_cue_at(p, k - 1).is_none()
            && !RELATIVES.contains(&noun.norm)
    }

    /// "… and insisted that …", "… but he noted …", "… and Democrats
    /// accused …": after the "and" or "but" at `k`, a further statement.
    /// Without a subject it must be a participle ("… and calling for …");
    /// a base form needs one ("… and the Base form").
    fn further_statement(&self, p: &Para, k: usize, end: usize) -> bool {
        let Some((c, m, true)) = self.cue_after_subject(p, k + 1, k + 1, end) else {
            return false;
        };
        let subject = (k + 1..c).any(|j| !self.words.roles(p.toks[j].norm).has(Roles::SKIP));
        let form_ok = match m.form {
            Form::Base => subject,
            Form::Gerund => !subject,
            _ => true,
        };
        form_ok && !self.cues.get(m).quote_only
    }

    /// "… proposed banning imports and has gone further", "urged them to
    /// unite and tried …": content with no verb or subject of its own
    /// (a noun phrase, a gerund, an infinitive) cannot be the subject of a
    /// finite verb after the "and" or "but" at `k`, so that verb is the
    /// speaker's next act, not more of what was said. Content opening with
    /// "that" is a clause whose verb may be yet to come.
    fn speakers_next_act(&self, p: &Para, s: usize, k: usize, end: usize) -> bool {
        if p.toks[s].norm == "that" || p.toks[k - 1].text == "," {
            return false;
        }
        // Past adverbs ("and also", "and then"); an auxiliary is a verb.
        let Some(n) = p.toks[k + 1..end].iter().find(|n| {
            let r = self.words.roles(n.norm);
            r.has(Roles::FINITE) || !r.has(Roles::SKIP)
        }) else {
            return false;
        };
        let listed = self
            .words
            .roles(n.norm)
            .has(Roles::FINITE | Roles::PREDICATE);
        let verb = !n.is_cap() && listed || self.starts_predicate(n) && n.norm.chars().count() > 4;
        verb && !(s..k).any(|j| self.finite_at(p, j))
    }

    /// A boundary at the comma at `k` (or at the quote mark after a comma
    /// inside the marks, `“jobs,” but`): a contrast (", but") unless the
    /// report goes on after it, `according
    /// to`, a comment (", which …"), a participle cue (", adding that"), a
    /// further attribution (", he said") or the subject's next act in a past
    /// form (", opposed his trade deal").
    fn boundary_at_comma(&self, p: &Para, k: usize, s: usize, end: usize) -> Option<usize> {
        let t = &p.toks[k];
        let quoted_comma = p.is_mark(t) && k > s && p.toks[k - 1].text == ",";
        if !(t.text == "," || quoted_comma) || k + 1 >= end {
            return None;
        }
        let n = &p.toks[k + 1];
        if self.words.roles(n.norm).has(Roles::CONJUNCTION) {
            // "…, and that …", "…, but “…”": the same speaker's next clause
            // or own words, still under the cue, not the writer's.
            let same_report = p
                .toks
                .get(k + 2)
                .is_some_and(|a| k + 2 < end && (a.norm == "that" || p.is_mark(a)));
            return (!same_report).then_some(k + usize::from(quoted_comma));
        }
        if t.text != "," {
            return None;
        }
        // ", adding that", ", even suggesting": past an adverb.
        let gerund = || {
            let g = k + 1 + usize::from(self.skippable(n) && k + 2 < end);
            self.cue_at(p, g).is_some_and(|m| m.form == Form::Gerund)
        };
        let attribution = || {
            self.cue_after_subject(p, k + 1, k + 2, end)
                .is_some_and(|(_, _, subject)| subject)
        };
        let according = || self.opens_according(p, k + 1);
        // "…, opposed his trade deal and …": the subject's next act; but a
        // that-clause with no verb yet is still at its subject ("that the
        // editor, Jane Roe, conveyed …").
        let next_act = || {
            self.any_cue_at(p, k + 1)
                .is_some_and(|m| m.form == Form::Past)
                && (p.toks[s].norm != "that" || (s + 1..k).any(|j| self.finite_at(p, j)))
        };
        // ", which …", and ", who …" after a name ("… helped Clinton, who
        // trailed …"): the writer's comment, unless the name is the
        // reported clause's subject still waiting for its verb.
        let named = p.toks[k - 1].is_cap();
        let comment = || {
            (n.norm == "which" || named && n.norm == "who")
                && !self.relative_in_subject(p, s, k, end)
        };
        (according()
            || comment()
            || gerund()
            || attribution()
            || next_act()
            || self.closing_appositive(p, s, k, end))
        .then_some(k)
    }

    /// "… in partnership with NATO, the existing military alliance that
    /// includes …": a description of the name before the comma at `k`,
    /// running to the end of the content, is the writer's gloss on it, not
    /// what was said.
    fn closing_appositive(&self, p: &Para, s: usize, k: usize, end: usize) -> bool {
        let before = &p.toks[k - 1];
        let named = before.is_cap() || before.text == ")";
        // "… would not get beat up at his rally, a swipe at …": after a
        // whole clause, "a" opens the writer's gloss on all of it.
        let article = &p.toks[k + 1].norm;
        // Not the last items of a list ("need a budget, a new office and
        // more staff").
        let gloss = || {
            matches!(*article, "a" | "an")
                && p.toks.get(k + 2).is_some_and(|n| !n.is_cap())
                && (s..k).any(|j| self.finite_at(p, j))
                && !p.toks[k + 1..end]
                    .iter()
                    .any(|t| COORDINATORS.contains(&t.norm) || t.norm == "or")
        };
        (named && ARTICLES.contains(article) || gloss())
            && !p.toks[k + 1..end]
                .iter()
                .any(|t| [",", ";"].contains(&t.text) || p.is_mark(t))
    }

    /// "said the plan, which was drafted in May, is a disaster": a relative
    /// clause after the bare subject of the reported clause (no verb yet
    /// between the content's start `s` and the comma at `k`), closed by a
    /// second comma before its verb, is inside the report, not a comment on
    /// it.
    fn relative_in_subject(&self, p: &Para, s: usize, k: usize, end: usize) -> bool {
        let verbless = (s..k).all(|j| {
            let t = &p.toks[j];
            let plain = t.is_cap() || !(t.norm.ends_with("ed") || AUX.contains(&t.norm));
            plain
                && !p.is_mark(t)
                && !self.words.roles(t.norm).has(Roles::CLAUSE | Roles::SKIP)
                && (j == s || t.norm != "that")
                && self.cue_at(p, j).is_none()
        });
        if !verbless || k - s > 8 {
            return false;
        }
        let Some(close) = (k + 2..end.min(k + 24)).find(|&j| p.toks[j].text == ",") else {
            return false;
        };
        p.toks.get(close + 1).is_some_and(|v| {
            close + 1 < end && (AUX.contains(&v.norm) || p.is_mark(v) || BE.contains(&v.norm))
        })
    }

    /// The first cue from token `first` on, within six tokens of `from`,
    /// and whether only a subject (names, pronouns, adverbs such as "also")
    /// stands between `from` and it: "…, he said", "… and Democrats accused".
    pub(super) fn cue_after_subject(
        &self,
        p: &Para,
        from: usize,
        first: usize,
        end: usize,
    ) -> Option<(usize, CueMatch, bool)> {
        let (c, m) =
            (first..(from + 6).min(end)).find_map(|c| self.cue_at(p, c).map(|m| (c, m)))?;
        let subject = (from..c).all(|k| {
            let norm = p.toks[k].norm;
            self.np_word(p, k)
                || self.words.pronoun(norm).is_some()
                || self.words.roles(norm).has(Roles::SKIP)
        });
        Some((c, m, subject))
    }

    /// After "and", a word that starts a new predicate ("vetoed the bill
    /// and has …", "… and attempted"), so the object ends before it; a
    /// capital is a name in the object ("Smith and Wesson").
    fn starts_predicate(&self, n: &Tok) -> bool {
        let verbish = n.norm.ends_with("ed")
            || AUX.contains(&n.norm)
            || self.words.roles(n.norm).has(Roles::PREDICATE);
        verbish && !n.is_cap()
    }

    /// Whether `according to` starts at token `k`: a statement of its own,
    /// with its own content.
    pub(super) fn opens_according(&self, p: &Para, k: usize) -> bool {
        self.cue_at(p, k)
            .is_some_and(|m| self.cues.get(m).according)
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::{none, one, run};

    #[test]
    fn a_past_act_after_a_comma_ends_the_content() {
        let f = run(
            "She promised to widen the ring road, opposed the new tolls and praised the buses.",
        );
        assert_eq!(f[0].parts, ["to widen the ring road"]);
    }

    #[test]
    fn the_report_goes_on_after_a_conjunction_before_that_or_a_quote() {
        let f = one("The mayor said the bridge would open in May, and that tolls would fall.");
        assert_eq!(
            f.parts,
            ["the bridge would open in May, and that tolls would fall"]
        );
        let f = one("She said the ferry was late, but “nobody was hurt at all.”");
        assert_eq!(
            f.parts,
            ["the ferry was late, but “nobody was hurt at all.”"]
        );
        // A contrast of the writer's still ends the content.
        let f = run("She said the ferry was late, but the trains ran on time.");
        assert_eq!(f[0].parts, ["the ferry was late"]);
    }

    #[test]
    fn a_relative_clause_inside_the_reported_subject_does_not_end_it() {
        let f = one("He said the plan, which was drafted in May, is “a disaster for farmers.”");
        assert_eq!(
            f.parts,
            ["the plan, which was drafted in May, is “a disaster for farmers.”"]
        );
        assert_eq!(f.kind, "mixed");
        // A comment on the object still ends it.
        let f = one("He criticized the plan, which was drafted in May.");
        assert_eq!(f.parts, ["the plan"]);
    }

    #[test]
    fn alternatives_after_or_stay_in_the_report() {
        let f = one("She said they were leaning toward Ruiz, or simply opposed to Holm.");
        assert_eq!(
            f.parts,
            ["they were leaning toward Ruiz, or simply opposed to Holm"]
        );
    }

    #[test]
    fn a_medium_after_the_object_is_its_setting() {
        let f = one("Title\n\nShe condemned the plan in her opening remarks on Thursday.");
        assert_eq!(f.parts, ["the plan"]);
        let f = one("Title\n\nShe criticized the cuts in Thursday's debate.");
        assert_eq!(f.parts, ["the cuts"]);
        let f = one("Title\n\nHe condemned the ruling on Twitter.");
        assert_eq!(f.parts, ["the ruling"]);
        let f = one("Title\n\nShe praised the actions on gun regulation in a radio interview.");
        assert_eq!(f.parts, ["the actions on gun regulation"]);
    }

    #[test]
    fn a_gloss_after_a_whole_clause_is_the_writers() {
        let f = one("Title\n\nHe said the critic would not get hurt, a swipe at recent brawls.");
        assert_eq!(f.parts, ["the critic would not get hurt"]);
        let f = one("Title\n\nHe said they need a bigger budget, a new office and more staff.");
        assert_eq!(
            f.parts,
            ["they need a bigger budget, a new office and more staff"]
        );
    }

    #[test]
    fn a_relative_clause_on_a_name_closing_the_content_is_the_writers() {
        let f = one("Title\n\nHe said the low turnout helped Clinton, who trailed in the polls.");
        assert_eq!(f.parts, ["the low turnout helped Clinton"]);
        let f = one("Title\n\nHe said Pagliano, who worked for her, is now cooperating.");
        assert_eq!(
            f.parts,
            ["Pagliano, who worked for her, is now cooperating"]
        );
    }

    #[test]
    fn calling_into_a_show_reports_nothing_but_ripping_into_someone_does() {
        none(&["Title\n\nShe called into a radio program when she was home sick."]);
        let f = one("Title\n\nClinton ripped into Sanders for his policy positions.");
        assert_eq!(f.parts, ["Sanders for his policy positions"]);
    }

    #[test]
    fn an_irregular_past_after_and_is_the_speakers_next_act() {
        let f = one("Title\n\nThe crowd chanted “What curfew?” and kept going until 2 a.m.");
        assert_eq!(f.parts, ["“What curfew?”"]);
    }

    #[test]
    fn a_past_cue_after_an_appositive_in_the_subject_is_the_contents_verb() {
        let f = one(
            "Reuters reported that the editor in chief, Jane Roe, conveyed to Ms. Martin \
             that her statement was wrong.",
        );
        assert_eq!(
            f.parts,
            ["that the editor in chief, Jane Roe, conveyed to Ms. Martin that her statement was wrong"]
        );
    }

    #[test]
    fn a_finite_verb_after_verbless_content_is_the_speakers_next_act() {
        let f = run("Ruiz has proposed closing the old pier and has gone further since.");
        assert_eq!(f[0].parts, ["closing the old pier"]);
        let f = run("The council urged residents to save water and later imposed a ban.");
        assert_eq!(f[0].parts, ["residents to save water"]);
        // A reported clause may coordinate its own verbs.
        let f = one("She said the firm hired nurses and would hire more.");
        assert_eq!(f.parts, ["the firm hired nurses and would hire more"]);
        let f = one("She said that closing the pier and would cost jobs.");
        assert_eq!(f.parts, ["that closing the pier and would cost jobs"]);
    }

    #[test]
    fn a_closing_description_of_a_name_is_the_writers() {
        let f = one(
            "Critics say the money should go to the Red Cross, the oldest charity in the region.",
        );
        assert_eq!(f.parts, ["the money should go to the Red Cross"]);
    }

    #[test]
    fn an_attribution_in_a_relative_clause_is_a_statement_of_its_own() {
        let f = run("He accused the council of backing a toll that he said would ruin traders.");
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].parts, ["the council of backing a toll"]);
        assert_eq!((f[1].cue.as_str(), f[1].mention.as_str()), ("said", "he"));
        assert_eq!(f[1].parts, ["would ruin traders"]);
    }

    #[test]
    fn a_clause_after_a_semicolon_with_its_own_speaker_is_no_more_content() {
        let f = run("Traders criticized the toll; farmers said it was fair.");
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].parts, ["the toll"]);
        assert_eq!(f[1].mention, "farmers");
    }

    #[test]
    fn a_relative_attribution_needs_no_relative_word() {
        let f = run("He urged the council to act on flooding the engineer said is getting worse.");
        assert_eq!(f[0].parts, ["the council to act on flooding"]);
        assert_eq!(
            (f[1].mention.as_str(), f[1].parts[0].as_str()),
            ("the engineer", "is getting worse")
        );
        // The relative pronoun is a part of its own (relatives.rs).
        let f = run("They built hotels, amounting to what the auditors said was waste.");
        assert_eq!(f[0].mention, "the auditors");
        assert_eq!(f[0].parts, ["what", "was waste"]);
    }

    #[test]
    fn a_subject_after_a_setting_opens_the_content() {
        let f = one("Ruiz said in politics it takes time to build trust.");
        assert_eq!(f.parts, ["it takes time to build trust"]);
        none(&["Ruiz spoke in front of them for an hour."]);
    }
}
