//! Names written in the text around a mention, speakers or not: the full
//! name a surname stands for, the organisation a "the group" of the same
//! sentence points back to, the person a "she" may refer to.

use super::entities::{name_key, surname_of};
use super::SpeakerResolver;
use crate::doc::Tok;
use crate::lexicon::words::{EntityKind, Roles};
use crate::span::Span;

/// A run of capitalised words, as a name is written.
#[derive(Debug, Clone, Copy)]
struct NameRun {
    /// First token of the run, titles included.
    start: usize,
    /// First token of the name itself, after titles, demonyms, determiners
    /// and sentence-opening stop words.
    name: usize,
    end: usize,
    /// A title stood before the name ("Police Chief Tom Reed").
    titled: bool,
}

impl NameRun {
    fn text<'t>(&self, toks: &[Tok], text: &'t str) -> &'t str {
        let s = Span::new(toks[self.name].span.start, toks[self.end - 1].span.end).slice(text);
        s.trim_end_matches("’s").trim_end_matches("'s")
    }
}

impl SpeakerResolver {
    /// The runs of capitalised words (with name particles and inner hyphens)
    /// among `toks`, in text order.
    fn name_runs(&self, toks: &[Tok]) -> Vec<NameRun> {
        let mut out = Vec::new();
        let mut k = 0;
        while k < toks.len() {
            if !toks[k].is_cap() {
                k += 1;
                continue;
            }
            let start = k;
            while k < toks.len()
                && (toks[k].is_cap()
                    || (toks[k].text == "-" && k + 1 < toks.len())
                    || self.words.roles(toks[k].norm).has(Roles::PARTICLE))
            {
                k += 1;
            }
            let (name, titled) = self.skip_titles(&toks[..k], start);
            out.push(NameRun {
                start,
                name,
                end: k,
                titled,
            });
        }
        out
    }

    /// Where the name proper starts in the run `toks[s..]`: past titles,
    /// demonyms, determiners, stop words and person nouns; and whether a
    /// title (or person noun) was passed.
    fn skip_titles(&self, toks: &[Tok], mut s: usize) -> (usize, bool) {
        let k = toks.len();
        let mut titled = false;
        loop {
            let mut moved = false;
            for n in (1..=self.words.max_title_words.min(k - s)).rev() {
                let words: Vec<&str> = toks[s..s + n].iter().map(|t| t.norm).collect();
                if self.words.is_title(&words.join(" ")) {
                    s += n;
                    moved = true;
                    titled = true;
                    break;
                }
            }
            if s < k
                && (self.words.demonym(toks[s].norm).is_some()
                    || self
                        .words
                        .roles(toks[s].norm)
                        .has(Roles::DETERMINER | Roles::STOP))
            {
                s += 1;
                moved = true;
            }
            // "Neighbour Gary Stubbs": a head noun for a person of no name,
            // before two names, describes the person as a title does.
            if s + 3 <= k && self.words.head_kind(toks[s].norm) == Some(EntityKind::Anonymous) {
                s += 1;
                moved = true;
                titled = true;
            }
            if !moved || s >= k {
                break;
            }
        }
        (s, titled)
    }

    /// The latest full name (two or more capitalised words) ending in
    /// `surname` among `toks`, without leading titles.
    pub(super) fn earlier_full_name(
        &self,
        toks: &[Tok],
        text: &str,
        surname: &str,
    ) -> Option<String> {
        let key = surname_of(&name_key(surname));
        let runs: Vec<_> = self
            .name_runs(toks)
            .into_iter()
            .rev()
            .filter(|run| run.end > run.name + 1)
            .collect();
        let by_surname = runs
            .iter()
            .map(|run| run.text(toks, text))
            .find(|name| surname_of(&name_key(name)) == key && name_key(name).contains(' '));
        // "President Xi Jinping … Xi said": a titled name's first word, as
        // family names come first in Chinese, Korean or Hungarian.
        let plain = |run: &&NameRun| {
            run.titled
                && run.end == run.name + 2
                && toks[run.name..run.end]
                    .iter()
                    .all(|t| self.words.head_kind(t.norm).is_none() && !self.words.is_title(t.norm))
        };
        let by_first = || {
            runs.iter()
                .filter(plain)
                .map(|run| run.text(toks, text))
                .find(|name| name_key(name).split(' ').next() == Some(key.as_str()))
        };
        by_surname.or_else(by_first).map(str::to_string)
    }

    /// The first organisation named in `toks` (the sentence before a "the
    /// militant group"): a name with an organisation noun ("the Dock
    /// Workers Union"), or a lone name no list knows ("Hamas") and no title
    /// makes a person's.
    pub(super) fn organisation_named(&self, toks: &[Tok], text: &str) -> Option<String> {
        let org = |t: &Tok| {
            let w = t.norm.trim_end_matches("'s");
            self.words.head_kind(w) == Some(EntityKind::Organization)
        };
        self.name_runs(toks)
            .into_iter()
            .find(|run| {
                run.name < run.end
                    && !run.titled
                    && (toks[run.name..run.end].iter().any(org)
                        || run.end == run.name + 1 && self.is_plain_name(toks, run.name))
            })
            .map(|run| run.text(toks, text).to_string())
    }

    /// The last person named in `toks` outside `skip` (what statements
    /// report) as the subject of a clause: a name after a title or of two
    /// words or more, opening a sentence or following a comma, with no
    /// organisation noun in it ("in New York", "a Truth Social post", "cut
    /// off by adviser Gabe Witt" are not).
    pub(super) fn person_named(
        &self,
        toks: &[Tok],
        text: &str,
        skip: &[Span],
    ) -> Option<(String, Option<char>)> {
        self.name_runs(toks)
            .into_iter()
            .rev()
            .find(|run| {
                let at = toks.get(run.name).map_or(usize::MAX, |t| t.span.start);
                // "Her mother Doreen Piggott lives …": a determiner and a
                // head noun may stand before the name at the clause start.
                let mut lead = run.start;
                while lead > 0 && {
                    let w = toks[lead - 1].norm;
                    self.words.head_kind(w) == Some(EntityKind::Anonymous)
                        || lead < run.start && self.words.roles(w).has(Roles::DETERMINER)
                } {
                    lead -= 1;
                }
                let opens_clause = (lead == 0
                    || matches!(toks[lead - 1].text, "." | "!" | "?" | "," | ";" | "”"))
                    && !toks[run.start..run.name].iter().any(|t| {
                        // "In Port Ellis, …" names a place.
                        let roles = self.words.roles(t.norm);
                        roles.has(Roles::PREPOSITION | Roles::SETTING)
                    });
                run.name < run.end
                    && (run.titled || run.end >= run.name + 2)
                    && opens_clause
                    && !skip.iter().any(|p| p.start <= at && at < p.end)
                    && toks[run.name..run.end].iter().all(|t| {
                        let w = t.norm.trim_end_matches("'s");
                        // "For Trump", "Whether Clinton", "QUESTIONABLE
                        // CLAIMS": no listed word but a name particle ("Van
                        // Voorhis"), no heading in capitals.
                        let function = self.words.roles(w).has(!Roles::PARTICLE);
                        let capitals = t.text.chars().filter(|c| c.is_alphabetic()).count() > 1
                            && !t.text.chars().any(char::is_lowercase);
                        self.words.head_kind(w).is_none()
                            && self.words.pronoun(w).is_none()
                            && !function
                            && !capitals
                    })
            })
            .map(|run| {
                let gender = toks[run.start..run.name]
                    .iter()
                    .find_map(|t| self.words.title_gender(t.norm));
                (run.text(toks, text).to_string(), gender)
            })
    }

    /// A capitalised word that is a name: not a function word a sentence
    /// capitalised ("However,"), a pronoun, a demonym or a title.
    fn is_plain_name(&self, toks: &[Tok], k: usize) -> bool {
        let w = toks[k].norm.trim_end_matches("'s");
        !self.words.roles(w).has(u64::MAX)
            && self.words.pronoun(w).is_none()
            && self.words.demonym(w).is_none()
            && !self.words.is_title(w)
            && toks.get(k + 1).is_none_or(|n| n.text != ",")
    }
}
