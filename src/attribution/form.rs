//! The grammatical form of a statement's content: a reported clause ("the
//! plan will fail", "to fight on"), a noun phrase ("Hamas rejected [the
//! proposal]"), a question, or a fragment. Noun phrases carry stance too,
//! so they are kept, but marked, so that users can filter them.
//!
//! Without a parser the test is lexical: a clause has a finite verb (an
//! auxiliary or modal of `finite` role in `mention_words.tsv`, a reporting
//! verb, a past form after its subject) or a subject pronoun, or opens with
//! "that" or an infinitive's "to".

use serde::{Deserialize, Serialize};

use crate::doc::Tok;
use crate::lexicon::words::Roles;

use super::cues::Form;
use super::para::{is_punct, Para};
use super::{Attributor, Statement};

/// What kind of text a statement's content is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContentForm {
    #[default]
    Clause,
    NounPhrase,
    Question,
    Fragment,
}

impl ContentForm {
    pub fn as_str(self) -> &'static str {
        match self {
            ContentForm::Clause => "clause",
            ContentForm::NounPhrase => "noun_phrase",
            ContentForm::Question => "question",
            ContentForm::Fragment => "fragment",
        }
    }
}

impl Attributor {
    /// The form of a statement's content, from its parts in this paragraph.
    pub(super) fn content_form(&self, p: &Para, st: &Statement) -> ContentForm {
        let ranges: Vec<(usize, usize)> = st
            .parts
            .iter()
            .filter(|s| p.span.start <= s.start && s.end <= p.span.end)
            .map(|s| (p.tok_at(s.start), p.tok_at(s.end)))
            .collect();
        // "which he said …": the relative pronoun stands for a thing, and
        // the form is that of the rest.
        let relative = |&(a, b): &(usize, usize)| {
            b == a + 1 && self.words.roles(p.toks[a].norm).has(Roles::OBJECT_RELATIVE)
        };
        if !ranges.is_empty() && ranges.iter().all(relative) {
            return ContentForm::NounPhrase;
        }
        let ranges: Vec<(usize, usize)> = ranges.into_iter().filter(|r| !relative(r)).collect();
        let words: Vec<usize> = ranges
            .iter()
            .flat_map(|&(a, b)| a..b)
            .filter(|&k| !is_punct(&p.toks[k]))
            .collect();
        let Some(&first) = words.first() else {
            return ContentForm::Fragment;
        };
        let last_text = st.parts.last().map_or("", |s| s.slice(p.text));
        let ends_question = last_text
            .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '?')
            .ends_with('?');
        let asked = st.cue.as_ref().is_some_and(|c| c.class == "question");
        let f = &p.toks[first];
        let opens_np = self.opens_noun_phrase(f);
        if ends_question || asked && !opens_np {
            return ContentForm::Question;
        }
        if words.iter().any(|&k| self.finite_at(p, k)) || self.opens_clause(p, first) {
            return ContentForm::Clause;
        }
        // "and perhaps", "to Mr. Trump's remark": no head of its own.
        let r = self.words.roles(f.norm);
        let bare = [
            Roles::STOP,
            Roles::CONJUNCTION,
            Roles::FUNCTION,
            Roles::PREPOSITION,
            Roles::SKIP,
        ]
        .iter()
        .any(|&x| r.has(x));
        if opens_np || !bare {
            return ContentForm::NounPhrase;
        }
        ContentForm::Fragment
    }

    /// A finite verb or a subject at token `k`.
    pub(super) fn finite_at(&self, p: &Para, k: usize) -> bool {
        let t = &p.toks[k];
        let r = self.words.roles(t.norm);
        if r.has(Roles::FINITE) {
            return true;
        }
        // "we", "they", "I": a subject; "his", "her" are determiners.
        if self.words.pronoun(t.norm).is_some() && !r.has(Roles::DETERMINER) {
            return true;
        }
        if self
            .cue_at(p, k)
            .is_some_and(|m| matches!(m.form, Form::Past | Form::Present3))
        {
            return true;
        }
        // "the plan failed": a past form after a word that is not a
        // determiner or a modifier ("the proposed plan").
        let prev = (k > 0).then(|| &p.toks[k - 1]);
        t.norm.ends_with("ed")
            && t.norm.chars().count() > 4
            && !t.is_cap()
            && prev.is_some_and(|pr| {
                let pr_r = self.words.roles(pr.norm);
                !is_punct(pr)
                    && !pr_r.has(Roles::DETERMINER)
                    && !pr_r.has(Roles::MODIFIER)
                    && !pr_r.has(Roles::FUNCTION)
                    && !pr.is_possessive()
            })
    }

    /// "that the plan …", "to fight on": a clause without a finite verb
    /// of its own in view.
    fn opens_clause(&self, p: &Para, first: usize) -> bool {
        let t = &p.toks[first];
        let next = p.toks.get(first + 1);
        t.norm == "that"
            || t.norm == "to"
                && next.is_some_and(|n| {
                    !n.is_cap() && !is_punct(n) && !self.words.roles(n.norm).has(Roles::DETERMINER)
                })
    }

    /// A determiner, a possessive, a number, a name or a demonym opens a
    /// noun phrase ("the proposal", "Israel's offer", "additional …").
    fn opens_noun_phrase(&self, t: &Tok) -> bool {
        let r = self.words.roles(t.norm);
        r.has(Roles::DETERMINER)
            || r.has(Roles::MODIFIER)
            || t.is_possessive()
            || t.is_cap()
            || t.norm.chars().all(|c| c.is_ascii_digit())
            || self.words.demonym(t.norm).is_some()
    }
}
