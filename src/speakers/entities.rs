//! The in-document entity store: who has spoken so far, and how a new
//! mention is matched to one of them.

use serde::{Deserialize, Serialize};

use super::reading::Reading;
use super::synonyms::HeadSynonyms;
use super::{Resolution, SpeakerType};
use crate::lexicon::words::Pronoun;

/// Someone a document reports as speaking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    pub kind: SpeakerType,
    pub title: Option<String>,
    pub affiliation: Option<String>,
    /// From pronouns the text uses for this entity ('m', 'f'), or a gendered title.
    pub gender: Option<char>,
    pub plural: bool,
    /// Head noun of a description ("official", "group").
    pub head: Option<String>,
    /// Lower-case name key and last-name key, for matching later mentions
    /// (and, later, across documents).
    pub(crate) key: String,
    pub(crate) surname: String,
    /// The type is a default for a lone unknown name ("Smith", "Hamas"):
    /// a later "he"/"she" makes it a person.
    pub(crate) tentative: bool,
    /// Sentence of its latest mention: how far back "it" may reach.
    pub(crate) last_sentence: usize,
}

/// Normalises a name for matching: lower case, curly apostrophes folded,
/// `al-`/`el-` prefixes dropped (Al-Qanoua = al-Qanoua = Qanoua).
/// A mention of no name, title or listed head noun whose words after the
/// first are all lower case ("forecasters", "The forecasters", "Nearly a
/// third", "42%"), which attribution reads only as a plain subject before a
/// cue: a group. A single capitalised word ("Reuters") is a name.
fn unnamed_group(mention_text: &str) -> bool {
    let mut words = mention_text.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let rest_lower = words.all(|w| !w.chars().any(char::is_uppercase));
    rest_lower && (mention_text.contains(' ') || !first.chars().any(char::is_uppercase))
}

pub fn name_key(s: &str) -> String {
    s.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.to_lowercase().replace('’', "'");
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            let w = w
                .strip_prefix("al-")
                .or_else(|| w.strip_prefix("el-"))
                .unwrap_or(w);
            w.to_string()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub(crate) fn surname_of(key: &str) -> String {
    let last = key.rsplit(' ').next().unwrap_or(key);
    last.rsplit('-').next().unwrap_or(last).to_string()
}

/// In-document entity store and resolver.
#[derive(Debug)]
pub(crate) struct Resolver<'a> {
    synonyms: &'a HeadSynonyms,
    entities: Vec<Entity>,
    /// Entities in the order they last spoke, most recent last.
    recent: Vec<usize>,
    /// Sentence of the mention being resolved.
    pub sentence: usize,
    /// An organisation named earlier in the mention's sentence, which "the
    /// group" of that sentence stands for ("Hamas dismissed …, a
    /// spokesperson for the militant group said").
    pub org_in_sentence: Option<String>,
    /// The latest person named before a pronoun, speaker or not ("Maria
    /// Lopez walked out. “…,” she said."), and the gender its honorific
    /// gives ("Mrs. Clinton").
    pub person_named: Option<(String, Option<char>)>,
}

impl<'a> Resolver<'a> {
    pub(crate) fn new(synonyms: &'a HeadSynonyms) -> Self {
        Resolver {
            synonyms,
            entities: Vec::new(),
            recent: Vec::new(),
            sentence: 0,
            org_in_sentence: None,
            person_named: None,
        }
    }

    pub(crate) fn into_entities(self) -> Vec<Entity> {
        self.entities
    }

    /// Resolves a reading to an entity: returns (entity index, method).
    /// `earlier_name` looks up a longer name ending in a surname anywhere
    /// earlier in the text.
    pub fn resolve(
        &mut self,
        r: &Reading,
        mention_text: &str,
        earlier_name: impl Fn(&str) -> Option<String>,
    ) -> (Option<usize>, Resolution) {
        // A list bullet or dash before the mention ("- Residents said") is
        // layout, not part of the speaker's name.
        let mention_text = mention_text.trim_start_matches(['-', '–', '—', '•', '*', '·', ' ']);
        if let Some(p) = r.pronoun {
            return self.resolve_pronoun(p);
        }
        if let Some(name) = &r.name {
            return self.resolve_name(r, name, earlier_name);
        }
        if let Some(head) = &r.head {
            return self.resolve_description(r, head, mention_text);
        }
        // "forecasters", "nearly a third", "those surveyed": people of no
        // name who speak only for themselves here, a group of their own.
        if unnamed_group(mention_text) {
            return self.resolve_unlisted(r, mention_text, SpeakerType::Group);
        }
        // A named thing the word lists do not know ("a recent Reuters
        // report"): the mention itself names the source.
        if mention_text.chars().any(char::is_uppercase) {
            return self.resolve_unlisted(r, mention_text, SpeakerType::Organization);
        }
        (None, Resolution::Unresolved)
    }

    /// "he", "they", "it": the most recent compatible speaker.
    fn resolve_pronoun(&mut self, p: Pronoun) -> (Option<usize>, Resolution) {
        if p.person != 3 {
            return (None, Resolution::Unresolved);
        }
        let found = self.recent.iter().rev().copied().find(|&e| {
            let en = &self.entities[e];
            if p.plural {
                en.plural || matches!(en.kind, SpeakerType::Organization | SpeakerType::Group)
            } else if p.gender == 'n' {
                // "It" reaches back one sentence at most; further back,
                // a thing in between is the likelier antecedent ("That
                // deal … It also called for …").
                matches!(en.kind, SpeakerType::Organization | SpeakerType::Document)
                    && en.last_sentence + 1 >= self.sentence
            } else {
                (matches!(en.kind, SpeakerType::Person | SpeakerType::Anonymous)
                    || en.tentative && matches!(p.gender, 'm' | 'f'))
                    && !en.plural
                    && en.gender.is_none_or(|g| g == p.gender || p.gender == 'x')
            }
        });
        // With no speaker to refer to, a person the text named is the
        // antecedent; so is one named since the speaker was last mentioned
        // (two sentences back or more): "A spokesman said …. Neighbour Gary
        // Stubbs was having none of it. '…,' he said." (Preferring a named
        // person to any earlier speaker picked places and firms on PolNeAR:
        // "New Hampshire".)
        let stale = found.is_none_or(|e| self.entities[e].last_sentence + 1 < self.sentence);
        let found = match self.person_named.take() {
            Some((name, g))
                if !p.plural
                    && p.gender != 'n'
                    && stale
                    && g.is_none_or(|g| g == p.gender || p.gender == 'x') =>
            {
                self.named_person(&name, p.gender).or(found)
            }
            _ => found,
        };
        match found {
            Some(e) => {
                if !p.plural && matches!(p.gender, 'm' | 'f') {
                    let en = &mut self.entities[e];
                    en.gender.get_or_insert(p.gender);
                    if en.tentative {
                        en.kind = SpeakerType::Person;
                        en.tentative = false;
                    }
                }
                self.touch(e);
                (Some(e), Resolution::Pronoun)
            }
            None => (None, Resolution::Unresolved),
        }
    }

    /// The entity of a person the text named, made if new; `None` when it is
    /// known not to be a person of `gender`.
    fn named_person(&mut self, name: &str, gender: char) -> Option<usize> {
        let key = name_key(name);
        let fits = |en: &Entity| {
            (matches!(en.kind, SpeakerType::Person | SpeakerType::Anonymous) || en.tentative)
                && !en.plural
                && en.gender.is_none_or(|g| g == gender || gender == 'x')
        };
        match self.entities.iter().position(|e| e.key == key) {
            Some(e) => fits(&self.entities[e]).then_some(e),
            None => Some(self.add(Entity {
                surname: surname_of(&key),
                key,
                name: name.to_string(),
                kind: SpeakerType::Person,
                title: None,
                affiliation: None,
                gender: None,
                plural: false,
                head: None,
                tentative: false,
                last_sentence: 0,
            })),
        }
    }

    /// The same name, a surname of an earlier full name, or a new entity.
    fn resolve_name(
        &mut self,
        r: &Reading,
        name: &str,
        earlier_name: impl Fn(&str) -> Option<String>,
    ) -> (Option<usize>, Resolution) {
        let key = name_key(name);
        let single = !key.contains(' ');
        // Same name, or a surname of an earlier full name.
        let hit = self
            .entities
            .iter()
            .position(|e| {
                e.key == key || (single && e.kind == SpeakerType::Person && e.surname == key)
            })
            .or_else(|| {
                // "Xi Jinping … Xi said", "Hillary Clinton … Hillary said":
                // the first word of one earlier full name, family name
                // first or a given name; never when two names share it.
                let first = |e: &Entity| {
                    e.kind == SpeakerType::Person
                        && e.key.split(' ').count() == 2
                        && e.key.split(' ').next() == Some(key.as_str())
                };
                let mut people = self.entities.iter().enumerate().filter(|(_, e)| first(e));
                match (single, people.next(), people.next()) {
                    (true, Some((i, _)), None) if earlier_name(name).is_none() => Some(i),
                    _ => None,
                }
            });
        if let Some(e) = hit {
            let affiliation = self.affiliation(r);
            let method = if self.entities[e].key == key {
                if r.appositive {
                    Resolution::Appositive
                } else {
                    Resolution::Explicit
                }
            } else {
                Resolution::Surname
            };
            let en = &mut self.entities[e];
            if en.title.is_none() {
                en.title = r.title.clone();
            }
            if en.affiliation.is_none() {
                en.affiliation = affiliation;
            }
            self.touch(e);
            return (Some(e), method);
        }
        // A lone surname whose full name stands earlier in the text.
        let tentative = single && r.kind.is_none() && r.title.is_none();
        let (display, kind, method) = if single && r.kind != Some(SpeakerType::Organization) {
            match earlier_name(name) {
                Some(full) => (full, SpeakerType::Person, Resolution::Surname),
                None => (
                    name.to_string(),
                    r.kind.unwrap_or(SpeakerType::Organization),
                    Resolution::Explicit,
                ),
            }
        } else {
            (
                name.to_string(),
                r.kind.unwrap_or(SpeakerType::Person),
                if r.appositive {
                    Resolution::Appositive
                } else {
                    Resolution::Explicit
                },
            )
        };
        let kind = if kind == SpeakerType::Anonymous {
            SpeakerType::Person
        } else {
            kind
        };
        let key = name_key(&display);
        if let Some(e) = self.entities.iter().position(|e| e.key == key) {
            self.touch(e);
            return (Some(e), method);
        }
        let e = self.add(Entity {
            surname: surname_of(&key),
            key,
            name: display,
            kind,
            title: r.title.clone(),
            affiliation: self.affiliation(r),
            gender: r.gender,
            plural: r.plural && kind != SpeakerType::Person,
            head: r.head.clone(),
            tentative,
            last_sentence: 0,
        });
        (Some(e), method)
    }

    /// A description without a name ("the official", "the group").
    fn resolve_description(
        &mut self,
        r: &Reading,
        head: &str,
        mention_text: &str,
    ) -> (Option<usize>, Resolution) {
        let kind = r.kind.unwrap_or(SpeakerType::Anonymous);
        if r.anaphoric && r.definite {
            if let Some(org) = self.org_in_sentence.clone() {
                return (Some(self.organisation(&org)), Resolution::Description);
            }
        }
        if r.definite {
            let found = self.recent.iter().rev().copied().find(|&e| {
                let en = &self.entities[e];
                self.same_role(head, en) || (r.anaphoric && en.kind == SpeakerType::Organization)
            });
            if let Some(e) = found {
                self.touch(e);
                return (Some(e), Resolution::Description);
            }
            // "the group" points back and has nothing to point to; "the
            // council", "the protesters" name their speaker well enough.
            if r.anaphoric {
                return (None, Resolution::Unresolved);
            }
        }
        let e = self.add(Entity {
            key: name_key(mention_text),
            surname: String::new(),
            name: mention_text.to_string(),
            kind,
            title: r.title.clone(),
            affiliation: self.affiliation(r),
            gender: r.gender,
            plural: r.plural,
            head: Some(head.to_string()),
            tentative: false,
            last_sentence: 0,
        });
        (Some(e), Resolution::Explicit)
    }

    /// The entity of an organisation named in the text, made if new.
    fn organisation(&mut self, name: &str) -> usize {
        let key = name_key(name);
        if let Some(e) = self.entities.iter().position(|e| e.key == key) {
            self.touch(e);
            return e;
        }
        self.add(Entity {
            surname: String::new(),
            key,
            name: name.to_string(),
            kind: SpeakerType::Organization,
            title: None,
            affiliation: None,
            gender: None,
            plural: false,
            head: None,
            tentative: true,
            last_sentence: 0,
        })
    }

    /// Whether a description's head names the role of `en`: its head or its
    /// title is the same word or a synonym (`head_synonyms.tsv`), or its
    /// title ends in the head ("Police Chief Tom Reed" … "the chief").
    fn same_role(&self, head: &str, en: &Entity) -> bool {
        let title = en.title.as_deref().map(str::to_lowercase);
        en.head.iter().chain(title.iter()).any(|h| {
            let last = h.rsplit(' ').next().unwrap_or(h);
            self.synonyms.same(head, h) || self.synonyms.same(head, last)
        })
    }

    /// A mention the word lists do not cover, the same words again being
    /// the same speaker: a name (an organisation) or an unnamed group.
    fn resolve_unlisted(
        &mut self,
        r: &Reading,
        mention_text: &str,
        kind: SpeakerType,
    ) -> (Option<usize>, Resolution) {
        let key = name_key(mention_text);
        if let Some(e) = self.entities.iter().position(|e| e.key == key) {
            self.touch(e);
            return (Some(e), Resolution::Explicit);
        }
        let e = self.add(Entity {
            surname: String::new(),
            key,
            name: mention_text.to_string(),
            kind,
            // The reading of words no list knows finds no title or
            // affiliation in an unnamed group ("There's no way to tell").
            title: r.title.clone().filter(|_| kind != SpeakerType::Group),
            affiliation: self.affiliation(r).filter(|_| kind != SpeakerType::Group),
            gender: None,
            plural: kind == SpeakerType::Group,
            head: None,
            tentative: false,
            last_sentence: 0,
        });
        (Some(e), Resolution::Explicit)
    }

    /// The affiliation of a reading; a description ("the militant group",
    /// "the group’s") stands for the organisation that spoke most recently.
    fn affiliation(&self, r: &Reading) -> Option<String> {
        let a = r.affiliation.as_ref()?;
        if r.affiliation_anaphoric && self.org_in_sentence.is_some() {
            return self.org_in_sentence.clone();
        }
        if r.affiliation_anaphoric {
            if let Some(&e) = self
                .recent
                .iter()
                .rev()
                .find(|&&e| self.entities[e].kind == SpeakerType::Organization)
            {
                return Some(self.entities[e].name.clone());
            }
        }
        Some(a.clone())
    }

    fn add(&mut self, e: Entity) -> usize {
        self.entities.push(e);
        let i = self.entities.len() - 1;
        self.touch(i);
        i
    }

    fn touch(&mut self, e: usize) {
        self.entities[e].last_sentence = self.sentence;
        self.recent.retain(|&x| x != e);
        self.recent.push(e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_keys_fold_spellings() {
        assert_eq!(surname_of(&name_key("Abdel-Latif Al-Qanoua")), "qanoua");
        assert_eq!(name_key("al-Qanoua"), "qanoua");
        assert_eq!(name_key("Qanoua"), "qanoua");
    }
}
