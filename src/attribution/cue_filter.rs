//! Whether a cue word reports speech where it stands. The lexicon knows
//! "warning" and "reports" as cues; here the words around them tell the
//! verb ("she warned", "officials say") from the noun ("the warning", "a
//! Reuters report") and from the participle ("a plan proposed by").

use std::ops::Range;

use crate::doc::Tok;
use crate::lexicon::words::{EntityKind, Roles};

use super::cues::{CueMatch, CueType, Form};
use super::para::{ly_adverb, Para, AUX, BE};
use super::phrases::{looks_plural, COORDINATED, DASHES, HYPHENS};
use super::subjects::PARTITIVE_RELATIVE;
use super::{Attributor, CueRef};

/// Indefinite articles: a singular phrase ("a Reuters report").
const INDEFINITE: &[&str] = &["a", "an"];

/// The words around a candidate cue that decide it.
struct Context<'a> {
    /// The cue's sentence: its context does not reach past it.
    sent: Range<usize>,
    /// The token right before the cue.
    prev_raw: Option<&'a Tok<'a>>,
    /// The nearest token before the cue that is not an adverb or an
    /// auxiliary (`skippable`), and its index: the subject's last word.
    prev_k: Option<usize>,
    prev: Option<&'a Tok<'a>>,
    /// The token right after the cue, within the sentence.
    next: Option<&'a Tok<'a>>,
}

impl Attributor {
    /// A speech cue starting at token `i`, unless the context shows it is a
    /// noun ("the warning"), a passive ("was asked") or an infinitive.
    pub(super) fn cue_at(&self, p: &Para, i: usize) -> Option<CueMatch> {
        self.typed_cue_at(p, i, false)
    }

    /// A cue of any type (belief and evidence too) starting at token `i`.
    pub(super) fn any_cue_at(&self, p: &Para, i: usize) -> Option<CueMatch> {
        self.typed_cue_at(p, i, true)
    }

    fn typed_cue_at(&self, p: &Para, i: usize, any_type: bool) -> Option<CueMatch> {
        let mut words = [""; 5];
        let n = (p.toks.len() - i).min(5);
        for (w, t) in words.iter_mut().zip(&p.toks[i..i + n]) {
            *w = t.norm;
        }
        let m = if any_type {
            self.cues.match_any_at(&words[..n])?
        } else {
            self.cues.match_at(&words[..n])?
        };
        if self.cues.get(m).according {
            return Some(m);
        }
        if compound_follows(p, i + m.len) {
            return None;
        }
        let cx = self.context(p, i, m);
        // "continued to call for": the infinitive is the subject's act.
        let chained = m.form == Form::Base
            && cx
                .prev_k
                .is_some_and(|k| self.chain_before(p, k, cx.sent.start).is_some());
        if cx.prev.is_some_and(|prev| self.ruled_out_by_prev(prev, m))
            && !chained
            && !self.passive_of(&cx, m)
            && !self.passive_view(p, i, m)
        {
            return None;
        }
        if self.modifies_noun(p, i, &cx, m) || self.names_noun(p, i, &cx, m) {
            return None;
        }
        let verb = match m.form {
            Form::Present3 => {
                (self.present_has_subject(p, &cx) || self.evidence_has_subject(p, i, m, &cx))
                    && !participle_follows(cx.next)
            }
            Form::Base => {
                chained
                    || self.base_has_subject(p, &cx)
                    || after_quote(p, i)
                    || self.inverted_plural(p, &cx)
            }
            // "appeared paralyzed": a raising verb takes a participle.
            Form::Past => {
                (self.cues.get(m).raising || !participle_follows(cx.next))
                    && !self.reduced_relative(p, i + m.len, &cx)
            }
            // "without seeing his returns", "of knowing": after a
            // preposition a belief gerund is a noun; "by saying" reports.
            Form::Gerund => {
                self.cues.get(m).kind == CueType::Speech
                    || !cx.prev_raw.is_some_and(|t| {
                        self.words.roles(t.norm).has(Roles::PREPOSITION) || t.norm == "without"
                    })
            }
        };
        if !verb || self.cues.get(m).overt && !self.frame_shows(p, i, &cx, m) {
            return None;
        }
        // Capitalised mid-sentence: a name or a title ("Statement", "Post"),
        // unless the whole sentence is a Title Case headline.
        if p.toks[i].is_cap() && i != cx.sent.start && !p.title_case_at(i) {
            return None;
        }
        Some(m)
    }

    fn context<'a>(&self, p: &'a Para, i: usize, m: CueMatch) -> Context<'a> {
        let sent = p.sent_of(i);
        // "who similarly blasts": an -ly adverb stands between too, but not
        // an -ly noun after its determiner ("the family said", "his ally").
        let prev_k = (sent.start..i).rev().find(|&k| {
            let t = &p.toks[k];
            let noun =
                k > sent.start && self.words.roles(p.toks[k - 1].norm).has(Roles::DETERMINER);
            !(self.skippable(t) || ly_adverb(t) && k + 1 == i && !noun)
        });
        Context {
            prev_raw: (i > sent.start).then(|| &p.toks[i - 1]),
            prev_k,
            prev: prev_k.map(|k| &p.toks[k]),
            next: p.toks.get(i + m.len).filter(|_| i + m.len < sent.end),
            sent,
        }
    }

    /// What the word before a cue rules out: after a determiner or a
    /// possessive it is a noun ("the warning", "his statement"); after
    /// "be", a passive ("was asked"); after "to", an infinitive ("declined
    /// to comment"); after a subordinator, a clause that quotes nobody
    /// ("When asked whether …").
    fn ruled_out_by_prev(&self, prev: &Tok, m: CueMatch) -> bool {
        let r = self.words.roles(prev.norm);
        let noun = r.has(Roles::DETERMINER) && !r.has(Roles::QUANTIFIER) || prev.is_possessive();
        // After "be" a past form is a passive, a gerund a progressive.
        noun || BE.contains(&prev.norm) && m.form != Form::Gerund
            || prev.norm == "to" && m.form == Form::Base
            || m.form == Form::Past && !self.is_question(m) && r.has(Roles::SUBORDINATOR)
    }

    /// "a lead in pledged delegates", "of states", "a politically charged
    /// visit": a past or -s form right after a preposition, or after an
    /// -ly adverb that a determiner opens, modifies or names a noun; no verb
    /// stands there. A gerund after a preposition is left to the gerund rule
    /// ("by saying" reports).
    fn modifies_noun(&self, p: &Para, i: usize, cx: &Context, m: CueMatch) -> bool {
        if !matches!(m.form, Form::Past | Form::Present3) {
            return false;
        }
        let Some(prev) = cx.prev_raw else {
            return false;
        };
        let r = self.words.roles(prev.norm);
        let preposition = r.has(Roles::PREPOSITION | Roles::CONNECTOR | Roles::SETTING);
        if preposition && !self.skippable(prev) && !r.has(Roles::TIME) {
            return true;
        }
        // "the widely reported", but "the family said": a head noun is none.
        let adverb = prev.norm.len() > 4
            && prev.norm.ends_with("ly")
            && !prev.is_cap()
            && self.words.head_kind(prev.norm).is_none()
            && !self.words.is_title(prev.norm);
        let k = i - 1;
        adverb && k > cx.sent.start && m.form == Form::Past && {
            let d = &p.toks[k - 1];
            let rd = self.words.roles(d.norm);
            rd.has(Roles::DETERMINER) && !rd.has(Roles::QUANTIFIER) || d.is_possessive()
        }
    }

    /// "a super PAC called Our Future", "a so-called loophole": a naming
    /// past form after a noun that "a" opens shortly before names that
    /// noun; "a spokesman called it" has a speaker for a subject, and "a
    /// member of the board called" a phrase with a preposition.
    fn names_noun(&self, p: &Para, i: usize, cx: &Context, m: CueMatch) -> bool {
        if !self.cues.get(m).names || m.form != Form::Past {
            return false;
        }
        let Some(prev) = cx.prev_raw else {
            return false;
        };
        if prev.norm == "so-" || prev.norm == "-" && i >= 2 && p.toks[i - 2].norm == "so" {
            return true;
        }
        let speaker = |t: &Tok| {
            self.words.pronoun(t.norm).is_some()
                || self.words.head_kind(t.norm) == Some(EntityKind::Anonymous)
        };
        if speaker(prev) || !prev.text.chars().all(char::is_alphanumeric) {
            return false;
        }
        for j in (cx.sent.start.max(i.saturating_sub(5))..i - 1).rev() {
            let t = &p.toks[j];
            if INDEFINITE.contains(&t.norm) {
                return true;
            }
            let r = self.words.roles(t.norm);
            if !t.text.chars().all(char::is_alphanumeric)
                || r.has(Roles::PREPOSITION)
                || r.has(Roles::CONNECTOR)
                || self.skippable(t)
            {
                return false;
            }
        }
        false
    }

    /// "The council was accused of hiding the figures": a passive that still
    /// reports, whose source is unnamed; its subject is the one accused.
    fn passive_of(&self, cx: &Context, m: CueMatch) -> bool {
        m.form == Form::Past
            && self.cues.get(m).takes_of
            && cx.prev_raw.is_some_and(|t| BE.contains(&t.norm))
            && cx.next.is_some_and(|t| t.norm == "of")
    }

    /// Whether the cue at `i` is a passive with "of" (`passive_of`).
    pub(super) fn passive_of_at(&self, p: &Para, i: usize, m: CueMatch) -> bool {
        self.passive_of(&self.context(p, i, m), m)
    }

    /// "says" is a verb after a subject or inverted (`, says X`, `” says
    /// X`, `and says`); "talks have" is a noun (an auxiliary follows), and so
    /// is "raise many questions": a plural quantifier makes one.
    fn present_has_subject(&self, p: &Para, cx: &Context) -> bool {
        let subject = cx.prev_k.is_some_and(|k| {
            let norm = p.toks[k].norm;
            (self.np_word(p, k)
                && !self.words.roles(norm).has(Roles::PLURAL)
                && !norm.chars().all(|c| c.is_ascii_digit()))
                || self.words.pronoun(norm).is_some()
                || self.words.roles(norm).has(Roles::RELATIVE)
        });
        let inverted = cx.prev.is_some_and(|t| {
            t.text == ","
                || DASHES.contains(&t.text)
                || p.is_mark(t)
                || COORDINATED.contains(&t.norm)
        });
        (subject || inverted) && !cx.next.is_some_and(|n| AUX.contains(&n.norm))
    }

    /// "Recent polling shows", "The plan seems to work": the subject of an
    /// evidence cue, or of a raising verb (what the view is about), is any
    /// plain noun phrase opening the clause (`Attributor::evidence_subject`).
    fn evidence_has_subject(&self, p: &Para, i: usize, m: CueMatch, cx: &Context) -> bool {
        let cue = self.cues.get(m);
        (cue.kind == CueType::Evidence || cue.raising)
            && self.evidence_subject(p, cx.sent.start, i).is_some()
    }

    /// "…, say some Democrats." / "…, say officials at the ministry": a
    /// base form after a comma, its plural subject after it. "say, Paris"
    /// (for example) has a comma instead.
    fn inverted_plural(&self, p: &Para, cx: &Context) -> bool {
        let (Some(prev), Some(next)) = (cx.prev_raw, cx.next) else {
            return false;
        };
        let r = self.words.roles(next.norm);
        prev.text == ","
            && (r.has(Roles::QUANTIFIER)
                || r.has(Roles::PLURAL)
                || self.words.head_kind(next.norm) == Some(EntityKind::Group)
                || (next.is_cap() || self.words.head_kind(next.norm).is_some())
                    && next.norm.ends_with('s')
                    && !next.is_possessive())
            && !p.inside_quote(cx.sent.start)
    }

    /// A base form needs an auxiliary or a plural subject: "did not say",
    /// "officials say", "they warn"; "the October 7 attack" is a noun.
    fn base_has_subject(&self, p: &Para, cx: &Context) -> bool {
        let aux = cx
            .prev_raw
            .is_some_and(|t| self.skippable(t) && !self.words.roles(t.norm).has(Roles::ADVERB));
        aux || self.plural_subject(p, cx)
            || self.coordinated_subject(p, cx)
            || self.plural_head_before_connector(p, cx)
            || self.qualified_subject(p, cx)
            || self
                .past_aside(p, cx)
                .is_some_and(|cx| self.base_has_subject(p, &cx))
    }

    /// "Traders, however, doubt": the context with the subject before a
    /// parenthetical set off by commas, which the speaker reader steps over
    /// too. Only a base form asks for it: after the comma, a present or past
    /// form is a verb already.
    fn past_aside<'a>(&self, p: &'a Para, cx: &Context<'a>) -> Option<Context<'a>> {
        let close = cx.prev_k.filter(|&k| p.toks[k].text == ",")?;
        let open = (close.saturating_sub(6).max(cx.sent.start + 1)..close)
            .rev()
            .find(|&k| p.toks[k].text == ",")?;
        if !self.words.roles(p.toks[open + 1].norm).has(Roles::ASIDE) {
            return None;
        }
        let prev_k = (cx.sent.start..open)
            .rev()
            .find(|&k| !self.skippable(&p.toks[k]))?;
        Some(Context {
            sent: cx.sent.clone(),
            prev_raw: Some(&p.toks[open - 1]),
            prev_k: Some(prev_k),
            prev: Some(&p.toks[prev_k]),
            next: cx.next,
        })
    }

    /// "Residents of Hebden Bridge say", "leaders from Gaza say": a plural
    /// head, then a connector and a name, before a base form.
    fn plural_head_before_connector(&self, p: &Para, cx: &Context) -> bool {
        let Some(k) = cx.prev_k else {
            return false;
        };
        let Some((a, _)) = self.np_left(p, k + 1, cx.sent.start) else {
            return false;
        };
        // The connector inside the phrase np_left found, or right before it.
        let connector = |c: usize| {
            self.words.roles(p.toks[c].norm).has(Roles::CONNECTOR) || self.joins_place(p, c)
        };
        (a.max(cx.sent.start + 1)..=k).any(|c| connector(c) && looks_plural(&p.toks[c - 1]))
            || a >= cx.sent.start + 2 && connector(a - 1) && looks_plural(&p.toks[a - 2])
    }

    /// "Proponents of the bill say": a plural head and its phrase; "critics
    /// of the harbour plan say" ends in a noun that a cue word follows.
    fn qualified_subject(&self, p: &Para, cx: &Context) -> bool {
        let noun = cx
            .next
            .is_some_and(|n| self.cues.match_any_at(&[n.norm]).is_some());
        !noun
            && cx
                .prev_k
                .is_some_and(|k| self.qualified_plural(p, k + 1, cx.sent.start).is_some())
    }

    /// A plural pronoun or group noun, a first or second person, or a
    /// plural-looking word that no "a" or "an" shortly before makes
    /// singular ("A recent Reuters report").
    fn plural_subject(&self, p: &Para, cx: &Context) -> bool {
        cx.prev.is_some_and(|t| {
            self.words
                .pronoun(t.norm)
                .is_some_and(|pr| pr.plural || pr.person < 3)
                || self.words.head_kind(t.norm) == Some(EntityKind::Group)
                // "critics who say", "many of whom say"
                || self.words.roles(t.norm).has(Roles::RELATIVE)
                || PARTITIVE_RELATIVE.contains(&t.norm)
                    && cx.prev_k.is_some_and(|k| self.partitive_start(p, k, cx.sent.start) < k)
                // "many say", "a third say", "42% say", "those surveyed say"
                || cx.prev_k.is_some_and(|k| self.count_head(p, k, cx.sent.start))
                || (t.norm.ends_with('s')
                    && !t.is_possessive()
                    && t.norm.len() > 3
                    && !cx.prev_k.is_some_and(|k| {
                        (cx.sent.start.max(k.saturating_sub(3))..k)
                            .any(|j| INDEFINITE.contains(&p.toks[j].norm))
                    }))
        })
    }

    /// "Mr. Grassley and Mr. Leahy say": two singular names make a plural.
    fn coordinated_subject(&self, p: &Para, cx: &Context) -> bool {
        cx.prev_k.is_some_and(|k| {
            self.np_left(p, k + 1, cx.sent.start)
                .is_some_and(|(a, _)| (a..k).any(|j| p.toks[j].norm == "and"))
        })
    }

    /// A speech cue of the question class (asked, inquired).
    pub(super) fn is_question(&self, m: CueMatch) -> bool {
        let c = self.cues.get(m);
        c.kind == CueType::Speech && c.class == "question"
    }

    pub(super) fn cue_ref(&self, p: &Para, ci: usize, m: CueMatch) -> CueRef {
        let c = self.cues.get(m);
        CueRef {
            span: p.span(ci, ci + m.len),
            lemma: c.lemma.clone(),
            class: c.class.clone(),
            kind: c.kind,
        }
    }
}

impl Attributor {
    /// For an `overt` cue, whether its frame shows: "that", "to" or a
    /// quote after it (past a time phrase: "stated Tuesday that"), "to" and
    /// a verb after its object ("encouraged voters to stay"), or a quote or
    /// comma before it, where it closes its content (`“…,” she
    /// maintained`). Without one, "maintains a lead" and "Southern states"
    /// are the other sense.
    fn frame_shows(&self, p: &Para, i: usize, cx: &Context, m: CueMatch) -> bool {
        let end = cx.sent.end;
        let mut j = i + m.len;
        while j < end && j < i + m.len + 3 && self.is_time_word(p.toks[j].norm) {
            j += 1;
        }
        let opens = j >= end || {
            let t = &p.toks[j];
            matches!(t.norm, "that" | "to") || p.is_mark(t) || is_punct_end(t.text)
        };
        let closes = cx.prev_raw.is_some_and(|t| t.text == "," || p.is_mark(t))
            || (cx.sent.start.max(i.saturating_sub(8))..i).any(|k| p.is_mark(&p.toks[k]));
        let infinitive = self.cues.get(m).takes_infinitive
            && (j..end.min(j + 6)).any(|k| {
                p.toks[k].norm == "to"
                    && p.toks.get(k + 1).is_some_and(|v| {
                        k + 1 < end
                            && !v.is_cap()
                            && !self.words.roles(v.norm).has(Roles::DETERMINER)
                    })
            });
        opens || closes || infinitive
    }

    fn is_time_word(&self, n: &str) -> bool {
        let r = self.words.roles(n);
        r.has(Roles::TIME) || r.has(Roles::TIME_OPENER) || n.chars().all(|c| c.is_ascii_digit())
    }

    /// "A report published on Tuesday found …": a past form whose phrase
    /// (a time phrase at most) runs into another cue is a participle on the
    /// noun before it; the later cue is the verb.
    fn reduced_relative(&self, p: &Para, j: usize, cx: &Context) -> bool {
        let end = cx.sent.end;
        let mut k = j;
        while k < end && k < j + 4 && self.is_time_word(p.toks[k].norm) {
            k += 1;
        }
        k < end
            && self
                .any_cue_at(p, k)
                .is_some_and(|m| matches!(m.form, Form::Past | Form::Present3))
    }
}

/// "a plan proposed by", "reported killed": a past form before "by" or
/// another participle is a participle itself, not a cue.
fn participle_follows(next: Option<&Tok>) -> bool {
    next.is_some_and(|n| {
        n.norm == "by" || (n.norm.ends_with("ed") && !n.is_cap() && n.norm.len() > 4)
    })
}

/// "post-Iowa", "call-in": a hyphen joined to the cue and to the word after
/// it makes the cue the first piece of a compound word, no verb.
fn compound_follows(p: &Para, j: usize) -> bool {
    let (Some(h), Some(n)) = (p.toks.get(j), p.toks.get(j + 1)) else {
        return false;
    };
    HYPHENS.contains(&h.text)
        && j > 0
        && p.toks[j - 1].span.end == h.span.start
        && h.span.end == n.span.start
}

/// Punctuation that ends a closing attribution (`…, she maintained.`).
fn is_punct_end(t: &str) -> bool {
    matches!(t, "," | "." | ":" | ";" | "?" | "!")
}

/// `“…,” reply the Lopez family`: a base form right after a quote and its
/// comma (or question or exclamation mark) is an inverted plural cue.
fn after_quote(p: &Para, i: usize) -> bool {
    let sent = p.sent_of(i);
    let closes = |t: &Tok| matches!(t.text, "," | "?" | "!");
    i >= sent.start + 2 && {
        let (a, b) = (&p.toks[i - 2], &p.toks[i - 1]);
        closes(a) && p.is_mark(b) || p.is_mark(a) && b.text == ","
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::{none, one, run};

    #[test]
    fn a_cue_word_after_a_preposition_or_a_number_is_a_noun() {
        none(&[
            "Clinton holds a large lead in pledged delegates.",
            "The other states voting Tuesday are Ohio and Illinois.",
            "Twelve of the 13 states hold primaries in March.",
            "It was a politically charged visit to the border.",
            "Thousands of Clinton emails released by the department were read.",
        ]);
        // A verb after a subject still reports.
        assert_eq!(
            one("The senator states that the vote will pass.").mention,
            "The senator"
        );
    }

    #[test]
    fn a_cue_of_a_topic_reports_only_its_topic() {
        let f = one("Ms. Lefèvre spoke favorably of the new tram line.");
        assert_eq!(f.parts, ["the new tram line"]);
        let f = one("He spoke to reporters about the budget.");
        assert_eq!(f.parts, ["the budget"]);
        let f = one("She spoke on Monday about the strike.");
        assert_eq!(f.parts, ["the strike"]);
        assert!(run("Mrs. Clinton spoke for about 30 minutes.").is_empty());
        assert!(run("The aide spoke on condition of anonymity.").is_empty());
        assert!(run("She spoke to a meeting of union leaders.").is_empty());
        let f = one("He spoke on behalf of the campaign about the new tax.");
        assert_eq!(f.parts, ["the new tax"]);
        assert!(run("The mayor will speak there as well.").is_empty());
    }

    #[test]
    fn an_overt_cue_needs_its_frame_in_the_words() {
        none(&[
            "The mayor maintains a comfortable lead over her rivals.",
            "The ruling encouraged violence near the stadium.",
            "Voters in Northern states pay more for fuel.",
            "She won 40 more pledged delegates than her rival.",
            "The bank advised Vireo on its takeover of a rival.",
        ]);
        let f = one("The mayor maintained that the budget was balanced.");
        assert_eq!(f.parts, ["that the budget was balanced"]);
        let f = one("Officials encouraged residents to leave the coast.");
        assert_eq!(f.mention, "Officials");
        let f = one("The council stated on Monday that the bridge would close.");
        assert_eq!(f.parts, ["that the bridge would close"]);
        assert_eq!(
            one("“The bridge will close,” the council stated.").cue,
            "stated"
        );
    }

    #[test]
    fn a_naming_participle_quotes_nobody() {
        none(&[
            "She founded a small charity called Open Doors in 2010.",
            "He closed the so-called loophole last year.",
        ]);
        let f = one("The mayor called the plan “a disaster.”");
        assert_eq!(f.mention, "The mayor");
        assert_eq!(one("A spokesman called the report “false.”").cue, "called");
    }

    #[test]
    fn a_cue_word_before_a_joined_hyphen_is_part_of_a_compound() {
        none(&["Signs of his quiet post-war calm were gone."]);
    }

    #[test]
    fn a_base_form_after_a_qualified_plural_reports_unless_a_cue_follows() {
        let f = one("Critics of the harbour plan warn it will cost jobs.");
        assert_eq!(
            (f.mention.as_str(), f.cue.as_str()),
            ("Critics of the harbour plan", "warn")
        );
        let f = one("Traders, many of whom warn of losses, met on Monday.");
        assert_eq!(f.mention, "many of whom");
    }

    #[test]
    fn who_interviews_says_nothing() {
        assert!(run("Boyle has interviewed Trump and most of the candidates.").is_empty());
    }

    #[test]
    fn a_catenative_verb_chains_an_infinitive_cue_to_its_subject() {
        let f = one("Title\n\nThe strikers continued to call for higher wages.");
        assert_eq!(f.mention, "The strikers");
        assert_eq!(f.parts, ["higher wages"]);
        let f = one("Title\n\nThe minister appeared to suggest that the fees would rise.");
        assert_eq!((f.mention.as_str(), f.cue_type), ("The minister", "speech"));
        assert_eq!(f.parts, ["that the fees would rise"]);
        // An infinitive of purpose or refusal is no chain.
        none(&["Title\n\nShe drove to the station to say goodbye to them."]);
    }
}
