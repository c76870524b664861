//! Where content ends: clause boundaries and the end of a cue's object.

use crate::lexicon::words::Roles;

use super::cues::{CueMatch, Form};
use super::para::{is_quote_mark, Para};
use super::Attributor;

impl Attributor {
    /// Where the object of a cue that takes a noun phrase ends ("vetoed [the
    /// bill] and attempted …", "called for [more money] in a statement").
    pub(super) fn object_end(&self, p: &Para, s: usize, end: usize) -> usize {
        for k in s + 1..end {
            let t = &p.toks[k];
            if p.quote_at(t.span.start).is_some() && !is_quote_mark(t) {
                continue;
            }
            if matches!(t.text, "," | ";" | "—" | "–")
                || matches!(t.norm, "but" | "yet" | "while" | "because" | "although")
            {
                return k;
            }
            if t.norm == "and" {
                if let Some(n) = p.toks.get(k + 1) {
                    let verbish = n.norm.ends_with("ed")
                        || matches!(
                            n.norm,
                            "has"
                                | "had"
                                | "have"
                                | "is"
                                | "was"
                                | "will"
                                | "would"
                                | "said"
                                | "says"
                                | "also"
                        );
                    if verbish && !n.is_cap() {
                        return k;
                    }
                }
            }
            // "… in a statement on Thursday": the setting, not the object.
            if t.norm == "in"
                && p.toks.get(k + 2).is_some_and(|x| {
                    matches!(
                        x.norm,
                        "statement" | "interview" | "speech" | "letter" | "post" | "tweet"
                    )
                })
            {
                return k;
            }
        }
        end
    }

    /// Where indirect content that starts at `s` ends: the sentence end, or
    /// a clause boundary outside quotes (`;`, `, adding that`, `, but`).
    pub(super) fn clause_end(&self, p: &Para, s: usize, end: usize) -> usize {
        let mut k = s;
        while k < end {
            let t = &p.toks[k];
            let inside = p.quote_at(t.span.start).is_some() && !is_quote_mark(t);
            if !inside {
                if t.text == ";" {
                    return k;
                }
                // "… and insisted that …", "… but he noted …", "… and
                // Democrats accused …": a further statement.
                if matches!(t.norm, "and" | "but") && k + 1 < end && k > s {
                    if let Some((c, m, true)) = self.cue_after_subject(p, k + 1, k + 1, end) {
                        let subject =
                            (k + 1..c).any(|j| !self.words.roles(p.toks[j].norm).has(Roles::SKIP));
                        // "… and calling for …" (no subject) is a further
                        // participle; "… and the Base form" needs a subject.
                        let form_ok = match m.form {
                            Form::Base => subject,
                            Form::Gerund => !subject,
                            _ => true,
                        };
                        if form_ok && !self.cues.get(m).quote_only {
                            return k;
                        }
                    }
                }
                // `, but` — also `“jobs,” but`, the comma inside the marks.
                let quoted_comma = is_quote_mark(t) && k > s && p.toks[k - 1].text == ",";
                if (t.text == "," || quoted_comma) && k + 1 < end {
                    let n = &p.toks[k + 1];
                    if matches!(
                        n.norm,
                        "but" | "while" | "though" | "although" | "whereas" | "and" | "or"
                    ) {
                        return k + usize::from(quoted_comma);
                    }
                }
                if t.text == "," && k + 1 < end {
                    let n = &p.toks[k + 1];
                    if n.norm == "according" {
                        return k;
                    }
                    // ", which …" comments on the statement; it is not part of it.
                    if n.norm == "which" {
                        return k;
                    }
                    if let Some(m) = self.cue_at(p, k + 1) {
                        if m.form == Form::Gerund {
                            return k;
                        }
                    }
                    // ", he said" / ", X said." inside: the attribution of a
                    // further statement.
                    if let Some((_, _, true)) = self.cue_after_subject(p, k + 1, k + 2, end) {
                        return k;
                    }
                }
            }
            k += 1;
        }
        end
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
}
