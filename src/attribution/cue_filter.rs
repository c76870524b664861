//! Whether a cue word is a reporting verb where it stands.

use crate::doc::Tok;
use crate::lexicon::words::{EntityKind, Roles};

use super::cues::{CueMatch, Form};
use super::para::{is_quote_mark, Para};
use super::{Attributor, CueRef};

impl Attributor {
    /// A speech cue starting at token `i`, unless the context shows it is a
    /// noun ("the warning"), a passive ("was asked") or an infinitive.
    pub(super) fn cue_at(&self, p: &Para, i: usize) -> Option<CueMatch> {
        let mut words = [""; 5];
        let n = (p.toks.len() - i).min(5);
        for (w, t) in words.iter_mut().zip(&p.toks[i..i + n]) {
            *w = t.norm;
        }
        let m = self.cues.match_at(&words[..n])?;
        if self.cues.get(m).lemma == "according to" {
            return Some(m);
        }
        let sent = p.sent_of(i);
        let skippable = |t: &Tok| {
            self.words.roles(t.norm).has(Roles::SKIP) || t.norm == "not" || t.norm == "n't"
        };
        let prev_raw = (i > sent.start).then(|| &p.toks[i - 1]);
        let prev_k = (sent.start..i).rev().find(|&k| !skippable(&p.toks[k]));
        let prev = prev_k.map(|k| &p.toks[k]);
        let next = p.toks.get(i + m.len).filter(|_| i + m.len < sent.end);
        const AUX: &[&str] = &[
            "have", "has", "had", "is", "are", "was", "were", "will", "would",
        ];
        const BE: &[&str] = &["was", "were", "been", "being", "be", "is", "are"];
        if let Some(prev) = prev {
            let r = self.words.roles(prev.norm);
            if r.has(Roles::DETERMINER)
                && !matches!(prev.norm, "some" | "many" | "both" | "several" | "other")
                || prev.is_possessive()
            {
                return None; // a noun: "the warning", "his statement"
            }
            if BE.contains(&prev.norm) && m.form != Form::Gerund {
                return None; // passive: "was asked"
            }
            if prev.norm == "to" && m.form == Form::Base {
                return None; // "declined to comment"
            }
            if m.form == Form::Past
                && !self.is_question(m)
                && matches!(
                    prev.norm,
                    "when"
                        | "if"
                        | "as"
                        | "after"
                        | "before"
                        | "while"
                        | "once"
                        | "unless"
                        | "although"
                        | "though"
                )
            {
                return None; // "When asked whether …": nobody is quoted
            }
        }
        match m.form {
            // "says" is a verb after a subject; "talks have" is a noun.
            Form::Present3 => {
                // "raise many questions": a plural quantifier makes it a noun.
                let subject = prev_k.is_some_and(|k| {
                    (self.np_word(p, k)
                        && !matches!(p.toks[k].norm, "many" | "several" | "both" | "few"))
                        || self.words.pronoun(p.toks[k].norm).is_some()
                });
                let inverted =
                    prev.is_some_and(|t| t.text == "," || is_quote_mark(t) || t.norm == "and");
                if !(subject || inverted) || next.is_some_and(|n| AUX.contains(&n.norm)) {
                    return None;
                }
            }
            // A base form needs a plural subject or an auxiliary: "officials
            // say", "they warn", "did not say"; "the October 7 attack" is a noun.
            Form::Base => {
                let aux = prev_raw.is_some_and(|t| {
                    skippable(t) && !matches!(t.norm, "also" | "later" | "then" | "again")
                });
                let plural = prev.is_some_and(|t| {
                    self.words
                        .pronoun(t.norm)
                        .is_some_and(|pr| pr.plural || pr.person < 3)
                        || self.words.head_kind(t.norm) == Some(EntityKind::Group)
                        || (t.norm.ends_with('s')
                            && !t.is_possessive()
                            && t.norm.len() > 3
                            // "A recent Reuters report": a singular phrase
                            && !prev_k.is_some_and(|k| {
                                (sent.start.max(k.saturating_sub(3))..k)
                                    .any(|j| matches!(p.toks[j].norm, "a" | "an"))
                            }))
                });
                // "Mr. Grassley and Mr. Leahy say" (read only when needed).
                let coordinated = || {
                    prev_k.is_some_and(|k| {
                        self.np_left(p, k + 1, sent.start)
                            .is_some_and(|(a, _)| (a..k).any(|j| p.toks[j].norm == "and"))
                    })
                };
                if !aux && !plural && !coordinated() {
                    return None;
                }
            }
            // "a plan proposed by", "reported killed": a participle, not a cue.
            Form::Past => {
                if next.is_some_and(|n| {
                    n.norm == "by" || (n.norm.ends_with("ed") && !n.is_cap() && n.norm.len() > 4)
                }) {
                    return None;
                }
            }
            Form::Gerund => {}
        }
        // Capitalised mid-sentence: a name or a title ("Statement", "Post"),
        // unless the whole sentence is a Title Case headline.
        if p.toks[i].is_cap() && i != sent.start && !p.title_case_at(i) {
            return None;
        }
        Some(m)
    }

    /// A speech cue of the question class (asked, inquired).
    pub(super) fn is_question(&self, m: CueMatch) -> bool {
        let c = self.cues.get(m);
        c.speech && c.class == "question"
    }

    pub(super) fn cue_ref(&self, p: &Para, ci: usize, m: CueMatch) -> CueRef {
        let c = self.cues.get(m);
        CueRef {
            span: p.span(ci, ci + m.len),
            lemma: c.lemma.clone(),
            class: c.class.clone(),
        }
    }
}
