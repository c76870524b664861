//! One speaker across documents.
//!
//! In-document resolution already joined a surname, a pronoun or a
//! description to the entity it refers to; what is left is joining the
//! entities of different documents. Merging is conservative, because a
//! false merge puts words in someone else's mouth: in US political news
//! "Clinton" is Hillary in one article and Bill in the next. So two names
//! merge only when they are the same name once case, accents, apostrophes,
//! hyphens and the Arabic article are folded away; a bare surname joins a
//! full name only when exactly one person in the corpus has that surname; a
//! name without its middle initial joins the one with it only when exactly
//! one such name exists; anonymous sources and generic groups never merge.
//! A user overrides any of this with `lexicons/aliases.tsv`. Every merge
//! says which rule made it, so `speaker_links.csv` can show why.

use rustc_hash::{FxHashMap, FxHashSet};
use unicode_normalization::UnicodeNormalization;

use crate::error::Error;
use crate::lexicon::Lexicons;
use crate::speakers::SpeakerType;

/// One document's speaker (an entity that speaks at least once), as the
/// corpus step collected it.
#[derive(Debug, Clone)]
pub struct DocSpeaker {
    pub doc: u32,
    /// `doc_id:eN`.
    pub doc_speaker_id: String,
    pub name: String,
    pub kind: SpeakerType,
    pub title: Option<String>,
    pub affiliation: Option<String>,
    /// Spellings of the name in the statements resolved to it (the entity's
    /// own name included), with how many statements used each.
    pub spellings: Vec<(String, u32)>,
    pub n_statements: u32,
    /// Its type is only the default for a lone unknown name ("Clinton",
    /// "POTUS"): the corpus may show it is a person's.
    pub tentative: bool,
}

impl DocSpeaker {
    pub fn add_spelling(&mut self, s: &str) {
        match self.spellings.iter_mut().find(|(t, _)| t == s) {
            Some((_, n)) => *n += 1,
            None => self.spellings.push((s.to_string(), 1)),
        }
    }
}

/// Why a document's speaker joined its corpus speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// The same name after folding (or the first of its kind).
    SameName,
    /// `aliases.tsv` names it an alias of the speaker.
    ForcedAlias,
    /// A bare surname, and exactly one person in the corpus has it.
    UniqueSurname,
    /// The name without a middle name or initial, and exactly one person
    /// with that first and last name has one.
    MiddleName,
    /// Anonymous sources, generic groups and ambiguous surnames stay with
    /// their own document.
    OwnDocument,
}

impl Rule {
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::SameName => "same_name",
            Rule::ForcedAlias => "forced_alias",
            Rule::UniqueSurname => "unique_surname",
            Rule::MiddleName => "middle_name",
            Rule::OwnDocument => "own_document",
        }
    }
}

/// A speaker of the corpus and the document speakers it joins.
#[derive(Debug, Clone)]
pub struct CorpusSpeaker {
    /// Derived from the folded canonical name (`person:donald-trump`), or the
    /// document-scoped id for a speaker that never leaves its document, so
    /// the same corpus in any order gives the same ids.
    pub id: String,
    /// The fullest spelling seen.
    pub name: String,
    pub kind: SpeakerType,
    /// Indexes into the document speakers, ascending.
    pub members: Vec<u32>,
}

/// How one document speaker was linked.
#[derive(Debug, Clone)]
pub struct Link {
    pub rule: Rule,
    pub evidence: String,
}

/// The result of linking every document speaker of a run.
#[derive(Debug, Default)]
pub struct Linked {
    /// Sorted by id.
    pub speakers: Vec<CorpusSpeaker>,
    /// For each document speaker, its corpus speaker (index into `speakers`).
    pub of_member: Vec<u32>,
    pub links: Vec<Link>,
}

impl Linked {
    /// The corpus speaker of document speaker `member`.
    pub fn speaker(&self, member: u32) -> &CorpusSpeaker {
        &self.speakers[self.of_member[member as usize] as usize]
    }
}

/// `lexicons/aliases.tsv`: forced merges and forbidden ones.
#[derive(Debug, Default)]
pub struct Aliases {
    /// Folded alias → folded canonical name.
    to: FxHashMap<String, String>,
    /// Folded name pairs that must never merge, smaller first.
    never: FxHashSet<(String, String)>,
}

impl Aliases {
    pub fn load(lex: &Lexicons) -> Result<Self, Error> {
        let mut out = Aliases::default();
        for row in lex.rows("aliases.tsv", 2, 2)? {
            let (a, b) = (row.col(0), row.col(1));
            let (alias, negate) = match a.strip_prefix('!') {
                Some(rest) => (rest.trim(), true),
                None => (a, false),
            };
            let (fa, fb) = (fold(alias), fold(b));
            if fa.is_empty() || fb.is_empty() {
                return Err(row.error(
                    "a row is `alias<TAB>canonical name`, or `!name<TAB>name` for two \
                     speakers that must never merge; both names non-empty",
                ));
            }
            if fa == fb {
                return Err(row.error("the two names are the same once folded"));
            }
            if negate {
                out.never.insert(pair(fa, fb));
            } else if let Some(prev) = out.to.insert(fa.clone(), fb.clone()) {
                if prev != fb {
                    return Err(row.error(format!(
                        "`{alias}` is already an alias of another name (`{prev}`)"
                    )));
                }
            }
        }
        Ok(out)
    }

    fn forbidden(&self, a: &str, b: &str) -> bool {
        !self.never.is_empty() && self.never.contains(&pair(a.to_string(), b.to_string()))
    }
}

fn pair(a: String, b: String) -> (String, String) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

/// Folds a name for comparison: accents dropped, lower case, apostrophes
/// dropped, the Arabic article (al-, el-) dropped from a word it is joined
/// to, hyphens and dots as spaces, a leading "the" dropped (Al-Qanoua =
/// al-Qanoua = Qanoua; Abdel-Latif = Abdel Latif; O’Neill = ONeill).
pub fn fold(name: &str) -> String {
    let plain: String = name
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase();
    let mut words: Vec<String> = Vec::new();
    for w in plain.split_whitespace() {
        let w = w
            .strip_prefix("al-")
            .or_else(|| w.strip_prefix("el-"))
            .filter(|r| !r.is_empty())
            .unwrap_or(w);
        for part in w.split(['-', '.', '‐', '‑', '–']) {
            let p: String = part.chars().filter(|c| c.is_alphanumeric()).collect();
            if !p.is_empty() {
                words.push(p);
            }
        }
    }
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    words.join(" ")
}

/// Name suffixes that are part of who someone is (Donald Trump Jr.).
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// A folded person's name in parts.
struct NameParts<'a> {
    words: Vec<&'a str>,
    /// Index of the surname (the last word that is not a suffix).
    last: usize,
}

impl<'a> NameParts<'a> {
    fn of(key: &'a str) -> Self {
        let words: Vec<&str> = key.split(' ').collect();
        let mut last = words.len().saturating_sub(1);
        while last > 0 && SUFFIXES.contains(&words[last]) {
            last -= 1;
        }
        NameParts { words, last }
    }

    fn surname(&self) -> &'a str {
        self.words[self.last]
    }

    fn is_full(&self) -> bool {
        self.last > 0
    }

    fn has_middle(&self) -> bool {
        self.last > 1
    }

    /// First name, surname and suffixes: the name without its middle.
    fn base(&self) -> String {
        let mut w = vec![self.words[0]];
        w.extend(&self.words[self.last..]);
        w.join(" ")
    }
}

/// Links every document speaker of a run into corpus speakers.
pub fn link(members: &[DocSpeaker], aliases: &Aliases) -> Linked {
    let n = members.len();
    // Each member's folded name, after forced aliases.
    let mut keys: Vec<String> = Vec::with_capacity(n);
    let mut rules: Vec<Link> = Vec::with_capacity(n);
    for m in members {
        let k = fold(&m.name);
        match aliases.to.get(&k) {
            Some(c) if mergeable(m.kind) => {
                rules.push(Link {
                    rule: Rule::ForcedAlias,
                    evidence: format!("aliases.tsv: `{}` is `{c}`", m.name),
                });
                keys.push(c.clone());
            }
            _ => {
                rules.push(Link {
                    rule: Rule::SameName,
                    evidence: String::new(),
                });
                keys.push(k);
            }
        }
    }
    let kinds = effective_kinds(members, &keys, &rules);
    // Group key of each member: (kind prefix, folded name) or its own id.
    let mut group: Vec<String> = vec![String::new(); n];
    let persons: Vec<usize> = (0..n)
        .filter(|&i| kinds[i] == SpeakerType::Person && !keys[i].is_empty())
        .collect();
    // Full names, and which full names have a middle, by first+last name.
    let mut full: FxHashSet<&str> = FxHashSet::default();
    let mut with_middle: FxHashMap<String, FxHashSet<&str>> = FxHashMap::default();
    for &i in &persons {
        let p = NameParts::of(&keys[i]);
        if p.is_full() {
            full.insert(&keys[i]);
            if p.has_middle() {
                with_middle.entry(p.base()).or_default().insert(&keys[i]);
            }
        }
    }
    // A full name without a middle joins the one name that has one.
    let mut resolved: FxHashMap<&str, String> = FxHashMap::default();
    for &k in &full {
        let p = NameParts::of(k);
        if p.has_middle() {
            continue;
        }
        if let Some(set) = with_middle.get(k) {
            if set.len() == 1 {
                let target = set.iter().next().copied().unwrap_or(k);
                if !aliases.forbidden(k, target) {
                    resolved.insert(k, target.to_string());
                }
            }
        }
    }
    let full_key = |k: &str| resolved.get(k).cloned().unwrap_or_else(|| k.to_string());
    // Surnames of the corpus's distinct full-name persons.
    let mut by_surname: FxHashMap<&str, FxHashSet<String>> = FxHashMap::default();
    for &k in &full {
        by_surname
            .entry(NameParts::of(k).surname())
            .or_default()
            .insert(full_key(k));
    }
    for &i in &persons {
        let k = keys[i].as_str();
        let p = NameParts::of(k);
        if p.is_full() {
            let fk = full_key(k);
            if fk != k && rules[i].rule == Rule::SameName {
                rules[i] = Link {
                    rule: Rule::MiddleName,
                    evidence: format!("the only person named `{fk}` with a middle name"),
                };
            }
            group[i] = format!("person:{fk}");
            continue;
        }
        let candidates: Vec<&String> = by_surname
            .get(p.surname())
            .map(|s| {
                let mut v: Vec<&String> = s.iter().collect();
                v.sort();
                v
            })
            .unwrap_or_default();
        match candidates.as_slice() {
            [] => group[i] = format!("person:{k}"),
            [only] if !aliases.forbidden(k, only) => {
                if rules[i].rule == Rule::SameName {
                    rules[i] = Link {
                        rule: Rule::UniqueSurname,
                        evidence: format!("the only person surnamed `{k}` in the corpus"),
                    };
                }
                group[i] = format!("person:{only}");
            }
            [only] => {
                rules[i] = Link {
                    rule: Rule::OwnDocument,
                    evidence: format!("aliases.tsv forbids `{k}` = `{only}`"),
                };
            }
            many => {
                rules[i] = Link {
                    rule: Rule::OwnDocument,
                    evidence: format!(
                        "the surname is ambiguous in the corpus: {}",
                        many.iter()
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join("; ")
                    ),
                };
            }
        }
    }
    for i in 0..n {
        if !group[i].is_empty() {
            continue;
        }
        // "A council spokesperson", "an aide": a description, not a name.
        let described = matches!(keys[i].split(' ').next(), Some("a" | "an" | "one"));
        if kinds[i] == SpeakerType::Organization && !keys[i].is_empty() && !described {
            group[i] = format!("organization:{}", keys[i]);
        } else {
            if kinds[i] == SpeakerType::Unresolved {
                rules[i] = Link {
                    rule: Rule::OwnDocument,
                    evidence: format!(
                        "a lone name that is also the surname of a person in the corpus: `{}`",
                        keys[i]
                    ),
                };
            } else if described {
                rules[i] = Link {
                    rule: Rule::OwnDocument,
                    evidence: "a description (`a …`), not a name: never merged across documents"
                        .to_string(),
                };
            } else if rules[i].rule != Rule::OwnDocument {
                rules[i] = Link {
                    rule: Rule::OwnDocument,
                    evidence: format!(
                        "{} speakers are never merged across documents",
                        members[i].kind.as_str()
                    ),
                };
            }
            group[i] = format!("doc:{}", members[i].doc_speaker_id);
        }
    }
    assemble(members, &kinds, &group, rules)
}

/// Each member's type for linking: a lone name typed only by default takes
/// the type the corpus shows — a forced alias that of its canonical name, a
/// bare word that is some full-named person's surname that of a person.
fn effective_kinds(members: &[DocSpeaker], keys: &[String], rules: &[Link]) -> Vec<SpeakerType> {
    let mut person_keys: FxHashSet<&str> = FxHashSet::default();
    let mut surnames: FxHashSet<&str> = FxHashSet::default();
    for (m, k) in members.iter().zip(keys) {
        if m.kind == SpeakerType::Person && !m.tentative {
            person_keys.insert(k);
            let p = NameParts::of(k);
            if p.is_full() {
                surnames.insert(p.surname());
            }
        }
    }
    members
        .iter()
        .zip(keys)
        .zip(rules)
        .map(|((m, k), l)| {
            let forced_person = l.rule == Rule::ForcedAlias && person_keys.contains(k.as_str());
            if m.kind == SpeakerType::Organization && forced_person {
                SpeakerType::Person
            } else if m.tentative && !k.contains(' ') && surnames.contains(k.as_str()) {
                // "Ford said": the person Henry Ford or the company? Neither,
                // until the text or aliases.tsv says.
                SpeakerType::Unresolved
            } else {
                m.kind
            }
        })
        .collect()
}

/// Organisations and persons may merge; anonymous sources and groups never.
fn mergeable(kind: SpeakerType) -> bool {
    matches!(kind, SpeakerType::Person | SpeakerType::Organization)
}

/// Builds the corpus speakers from each member's group key.
fn assemble(
    members: &[DocSpeaker],
    kinds: &[SpeakerType],
    group: &[String],
    mut links: Vec<Link>,
) -> Linked {
    let mut by_group: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
    for (i, g) in group.iter().enumerate() {
        by_group.entry(g.as_str()).or_default().push(i as u32);
    }
    let mut speakers: Vec<CorpusSpeaker> = by_group
        .into_iter()
        .map(|(g, ids)| {
            let id = match g.strip_prefix("doc:") {
                Some(doc_id) => doc_id.to_string(),
                None => slug(g),
            };
            let kind = match kinds[ids[0] as usize] {
                SpeakerType::Unresolved => members[ids[0] as usize].kind,
                k => k,
            };
            let best = ids
                .iter()
                .map(|&i| &members[i as usize])
                .max_by(|a, b| {
                    let words = |m: &DocSpeaker| m.name.split_whitespace().count();
                    words(a)
                        .cmp(&words(b))
                        .then(a.n_statements.cmp(&b.n_statements))
                        .then(b.name.cmp(&a.name))
                })
                .expect("a group has members");
            CorpusSpeaker {
                id,
                name: best.name.clone(),
                kind,
                members: ids,
            }
        })
        .collect();
    speakers.sort_by(|a, b| a.id.cmp(&b.id));
    let mut of_member = vec![0u32; members.len()];
    for (s, sp) in speakers.iter().enumerate() {
        for &m in &sp.members {
            of_member[m as usize] = s as u32;
        }
    }
    // The first member of a group by name is what the others joined.
    for sp in &speakers {
        for &m in &sp.members {
            let l = &mut links[m as usize];
            if l.evidence.is_empty() {
                l.evidence = if sp.members.len() == 1 {
                    "the only document speaker with this name".to_string()
                } else {
                    format!("the same name as `{}` once folded", fold(&sp.name))
                };
            }
        }
    }
    Linked {
        speakers,
        of_member,
        links,
    }
}

/// `person:donald trump` → `person:donald-trump`.
fn slug(g: &str) -> String {
    g.chars().map(|c| if c == ' ' { '-' } else { c }).collect()
}

#[cfg(test)]
mod tests;
