//! Speakers: reading a speaker mention (name, title, affiliation, type) and
//! resolving it to an entity of the document.
//!
//! Resolution is deliberately conservative: a pronoun goes to the most recent
//! compatible speaker, a surname to an earlier full name, a description ("the
//! official", "the militant group") to an earlier entity of the same kind;
//! anything else stays `unresolved` rather than being guessed. Gender comes
//! only from pronouns the text itself uses for an entity, never from names.

use rustc_hash::FxHashMap;

use crate::error::Error;
use crate::lexicon::Lexicons;
use crate::span::Span;

/// Roles of a word in `lexicons/mention_words.tsv` (a word may have several).
#[derive(Debug, Clone, Copy, Default)]
pub struct Roles(u16);

impl Roles {
    pub const DETERMINER: u16 = 1;
    pub const MODIFIER: u16 = 2;
    pub const PARTICLE: u16 = 4;
    pub const CONNECTOR: u16 = 8;
    pub const SKIP: u16 = 16;
    pub const TIME: u16 = 32;
    pub const STOP: u16 = 64;
    pub const RELATIVE: u16 = 128;
    pub const PREPOSITION: u16 = 256;
    pub const ANAPHORIC: u16 = 512;
    pub const SETTING: u16 = 1024;

    pub fn has(self, r: u16) -> bool {
        self.0 & r != 0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    Organization,
    Group,
    Anonymous,
}

#[derive(Debug, Clone, Copy)]
pub struct Pronoun {
    pub gender: char,
    pub plural: bool,
    pub person: u8,
}

/// The speaker lexicons, loaded once.
#[derive(Debug, Default)]
pub struct SpeakerLexicon {
    roles: FxHashMap<String, Roles>,
    /// Titles by their words (lower case); value: (gender).
    titles: FxHashMap<String, Option<char>>,
    pub max_title_words: usize,
    heads: FxHashMap<String, EntityKind>,
    pronouns: FxHashMap<String, Pronoun>,
    demonyms: FxHashMap<String, String>,
}

impl SpeakerLexicon {
    pub fn load(lex: &Lexicons) -> Result<Self, Error> {
        let mut s = SpeakerLexicon::default();
        for row in lex.rows("mention_words.tsv", 2, 2)? {
            let r = match row.col(1) {
                "determiner" => Roles::DETERMINER,
                "modifier" => Roles::MODIFIER,
                "particle" => Roles::PARTICLE,
                "connector" => Roles::CONNECTOR,
                "skip" => Roles::SKIP,
                "time" => Roles::TIME,
                "stop" => Roles::STOP,
                "relative" => Roles::RELATIVE,
                "preposition" => Roles::PREPOSITION,
                "anaphoric" => Roles::ANAPHORIC,
                "setting" => Roles::SETTING,
                other => return Err(row.error(format!("unknown role {other:?}"))),
            };
            s.roles.entry(row.col(0).to_lowercase()).or_default().0 |= r;
        }
        for row in lex.rows("titles.tsv", 2, 3)? {
            let t = row.col(0).to_lowercase();
            s.max_title_words = s.max_title_words.max(t.split_whitespace().count());
            let g = match row.col(2) {
                "m" => Some('m'),
                "f" => Some('f'),
                "" => None,
                other => {
                    return Err(row.error(format!("gender must be m, f or empty, not {other:?}")))
                }
            };
            s.titles.insert(t, g);
        }
        for row in lex.rows("entities.tsv", 2, 2)? {
            let k = match row.col(1) {
                "organization" => EntityKind::Organization,
                "group" => EntityKind::Group,
                "anonymous" => EntityKind::Anonymous,
                other => return Err(row.error(format!("unknown type {other:?}"))),
            };
            s.heads.insert(row.col(0).to_lowercase(), k);
        }
        for row in lex.rows("pronouns.tsv", 4, 4)? {
            s.pronouns.insert(
                row.col(0).to_lowercase(),
                Pronoun {
                    gender: row.col(1).chars().next().unwrap_or('x'),
                    plural: row.col(2) == "pl",
                    person: row.col(3).parse().unwrap_or(3),
                },
            );
        }
        for row in lex.rows("demonyms.tsv", 2, 2)? {
            s.demonyms
                .insert(row.col(0).to_lowercase(), row.col(1).to_string());
        }
        Ok(s)
    }

    pub fn roles(&self, norm: &str) -> Roles {
        self.roles.get(norm).copied().unwrap_or_default()
    }

    pub fn is_title(&self, words: &str) -> bool {
        self.titles.contains_key(words)
    }

    pub fn title_gender(&self, words: &str) -> Option<char> {
        self.titles.get(words).copied().flatten()
    }

    pub fn head_kind(&self, norm: &str) -> Option<EntityKind> {
        self.heads.get(norm).copied()
    }

    pub fn pronoun(&self, norm: &str) -> Option<Pronoun> {
        self.pronouns.get(norm).copied()
    }

    pub fn demonym(&self, norm: &str) -> Option<&str> {
        self.demonyms.get(norm).map(String::as_str)
    }
}

/// A token as the mention reader sees it.
#[derive(Debug, Clone, Copy)]
pub struct Tok<'a> {
    pub span: Span,
    pub text: &'a str,
    pub norm: &'a str,
}

impl Tok<'_> {
    pub fn is_cap(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }

    pub fn is_word(&self) -> bool {
        self.text
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric())
    }

    /// Possessive `X’s` / `X'` (UAX #29 keeps `group’s` as one word).
    pub fn is_possessive(&self) -> bool {
        self.norm.ends_with("'s") && self.norm.len() > 2
    }
}

/// What kind of thing a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerType {
    Person,
    Organization,
    Group,
    Anonymous,
    Unresolved,
}

impl SpeakerType {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerType::Person => "person",
            SpeakerType::Organization => "organization",
            SpeakerType::Group => "group",
            SpeakerType::Anonymous => "anonymous",
            SpeakerType::Unresolved => "unresolved",
        }
    }
}

/// How a statement's speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    Explicit,
    Appositive,
    Pronoun,
    Surname,
    Description,
    /// Carried over from the surrounding quote (a quote continued without a
    /// new attribution).
    Context,
    Unresolved,
}

impl Resolution {
    pub fn as_str(self) -> &'static str {
        match self {
            Resolution::Explicit => "explicit",
            Resolution::Appositive => "appositive",
            Resolution::Pronoun => "pronoun",
            Resolution::Surname => "surname",
            Resolution::Description => "description",
            Resolution::Context => "context",
            Resolution::Unresolved => "unresolved",
        }
    }
}

/// Someone a document reports as speaking.
#[derive(Debug, Clone)]
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
    /// Lower-case name key and last-name key, for matching later mentions.
    key: String,
    surname: String,
    /// The type is a default for a lone unknown name ("Smith", "Hamas"):
    /// a later "he"/"she" makes it a person.
    tentative: bool,
    /// Sentence of its latest mention.
    last_sentence: usize,
}

/// A speaker mention read from the text, before resolution.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    pub name: Option<String>,
    pub title: Option<String>,
    pub affiliation: Option<String>,
    pub head: Option<String>,
    pub kind: Option<SpeakerType>,
    pub pronoun: Option<Pronoun>,
    pub definite: bool,
    pub plural: bool,
    pub appositive: bool,
    pub gender: Option<char>,
    /// The name run includes an organisation noun ("Health Ministry").
    pub org_name: bool,
    /// The head only points back ("the group"): it needs an antecedent.
    pub anaphoric: bool,
    /// The affiliation is such a head ("the group’s spokesman").
    pub affiliation_anaphoric: bool,
}

/// Normalises a name for matching: lower case, curly apostrophes folded,
/// `al-`/`el-` prefixes dropped (Al-Qanoua = al-Qanoua = Qanoua).
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

fn surname_of(key: &str) -> String {
    let last = key.rsplit(' ').next().unwrap_or(key);
    last.rsplit('-').next().unwrap_or(last).to_string()
}

impl SpeakerLexicon {
    /// Reads a mention made of `toks` (with `comma` splitting an appositive).
    pub fn read(&self, toks: &[Tok], text: &str) -> Reading {
        let mut r = Reading::default();
        if toks.len() == 1 {
            if let Some(p) = self.pronoun(toks[0].norm) {
                r.pronoun = Some(p);
                return r;
            }
        }
        // Split at commas: NP, appositive.
        let segments: Vec<&[Tok]> = toks
            .split(|t| t.text == "," || t.text == "(" || t.text == ")")
            .filter(|s| !s.is_empty())
            .collect();
        r.appositive = segments.len() > 1;
        for seg in segments {
            self.read_segment(seg, text, &mut r);
        }
        r
    }

    fn read_segment(&self, seg: &[Tok], text: &str, r: &mut Reading) {
        // Find titles (longest first) and the proper-name run after the last one.
        let mut i = 0;
        let mut last_title_end = None;
        let mut first_title_start = None;
        let mut name_start = None;
        let mut name_end = 0;
        let mut head_end = None;
        while i < seg.len() {
            let mut matched = 0;
            for n in (1..=self.max_title_words.min(seg.len() - i)).rev() {
                let words: Vec<&str> = seg[i..i + n].iter().map(|t| t.norm).collect();
                if self.is_title(&words.join(" ")) {
                    matched = n;
                    let t = Span::new(seg[i].span.start, seg[i + n - 1].span.end).slice(text);
                    r.title = Some(t.to_string());
                    if let Some(g) = self.title_gender(&words.join(" ")) {
                        r.gender = Some(g);
                    }
                    break;
                }
            }
            if matched > 0 {
                first_title_start.get_or_insert(i);
                last_title_end = Some(i + matched);
                name_start = None;
                i += matched;
                continue;
            }
            let t = seg[i];
            let roles = self.roles(t.norm);
            // "a spokesperson for the militant group": what follows the
            // connector is the affiliation, read below, not the head.
            if roles.has(Roles::CONNECTOR) && (last_title_end == Some(i) || head_end == Some(i)) {
                // "officials at the ministry": the same, after a head noun.
                if head_end == Some(i) && last_title_end != Some(i) {
                    first_title_start.get_or_insert(i - 1);
                    last_title_end = Some(i);
                }
                break;
            }
            let head = self.head_kind(t.norm);
            if head.is_some() {
                head_end = Some(i + 1);
            }
            if let Some(k) = head {
                r.head = Some(t.norm.to_string());
                r.anaphoric = roles.has(Roles::ANAPHORIC);
                r.plural = t.norm.ends_with('s');
                r.kind = Some(match k {
                    EntityKind::Organization => SpeakerType::Organization,
                    EntityKind::Group => SpeakerType::Group,
                    EntityKind::Anonymous => SpeakerType::Anonymous,
                });
                // "the Health Ministry", "the Trump administration": a name
                // right before an organisation noun names the organisation;
                // so does a capitalised run of them ("Transit Workers Union").
                if name_start.is_some()
                    && name_end == i
                    && (k == EntityKind::Organization || t.is_cap())
                {
                    name_end = i + 1;
                    r.org_name |= k == EntityKind::Organization;
                }
            }
            if head.is_none()
                && (t.is_cap() && !roles.has(Roles::DETERMINER) && self.demonym(t.norm).is_none()
                    || roles.has(Roles::PARTICLE) && name_start.is_some()
                    || t.text == "-" && name_start.is_some())
                && !t.is_possessive()
            {
                name_start.get_or_insert(i);
                name_end = i + 1;
            } else if t.is_possessive() && t.is_cap() {
                // "Netanyahu’s office": the owner is an affiliation.
                r.affiliation = Some(t.text.trim_end_matches(['s', '’', '\'']).to_string());
                name_start = None;
            } else if t.is_possessive()
                && i > 0
                && seg[i - 1].norm == "the"
                && self
                    .head_kind(t.norm.trim_end_matches("'s"))
                    .is_some_and(|k| k != EntityKind::Anonymous)
            {
                // "the group’s spokesman": the owner is a description,
                // resolved against earlier speakers.
                let owner = t.text.trim_end_matches(['s', '’', '\'']);
                r.affiliation = Some(format!("{} {owner}", seg[i - 1].text));
                r.affiliation_anaphoric = self
                    .roles(t.norm.trim_end_matches("'s"))
                    .has(Roles::ANAPHORIC);
                name_start = None;
            } else if name_start.is_some() && name_end <= i {
                name_start = None;
            } else if i == 0 && roles.has(Roles::DETERMINER) {
                r.definite = t.norm == "the";
            }
            i += 1;
        }
        // The affiliation: a demonym or a capitalised run before the first title,
        // or what follows "for"/"of" after it.
        if let Some(ft) = first_title_start {
            let before = &seg[..ft];
            if let Some(place) = before.iter().find_map(|t| self.demonym(t.norm)) {
                r.affiliation.get_or_insert(place.to_string());
            } else if let (Some(a), Some(b)) = (
                before
                    .iter()
                    .position(|t| t.is_cap() && !self.roles(t.norm).has(Roles::DETERMINER)),
                before.iter().rposition(|t| t.is_cap()),
            ) {
                let s = Span::new(before[a].span.start, before[b].span.end).slice(text);
                r.affiliation.get_or_insert(s.to_string());
            }
            if let Some(lt) = last_title_end {
                if lt < seg.len() && self.roles(seg[lt].norm).has(Roles::CONNECTOR) {
                    let rest = &seg[lt + 1..];
                    let end = rest
                        .iter()
                        .position(|t| !t.is_word() && t.text != "-" && t.text != "’s")
                        .unwrap_or(rest.len());
                    if end > 0 {
                        let s = Span::new(rest[0].span.start, rest[end - 1].span.end).slice(text);
                        if r.affiliation.is_none() {
                            r.affiliation = Some(s.to_string());
                            r.affiliation_anaphoric = rest[0].norm == "the"
                                && self.roles(rest[end - 1].norm).has(Roles::ANAPHORIC);
                        }
                        // The name after "spokesperson for Hamas" is not a person's.
                        if name_start.is_some_and(|n| n > lt) {
                            name_start = None;
                        }
                    }
                }
            }
        }
        if let Some(ns) = name_start {
            if name_end > ns {
                let s = Span::new(seg[ns].span.start, seg[name_end - 1].span.end).slice(text);
                let after_title = last_title_end.is_some_and(|lt| ns >= lt);
                let is_person =
                    after_title || (!r.org_name && name_end - ns >= 2 && r.head.is_none());
                if is_person {
                    r.kind = Some(SpeakerType::Person);
                    r.org_name = false;
                    r.name = Some(s.to_string());
                } else if r.name.is_none() {
                    r.name = Some(s.to_string());
                }
            }
        }
        if r.kind.is_none() && r.title.is_some() && r.name.is_none() {
            r.kind = Some(SpeakerType::Anonymous);
            r.head = r.title.as_ref().map(|t| t.to_lowercase());
        }
    }
}

/// In-document entity store and resolver.
#[derive(Debug, Default)]
pub struct Resolver {
    pub entities: Vec<Entity>,
    /// Entities in the order they last spoke, most recent last.
    recent: Vec<usize>,
    /// Sentence of the mention being resolved.
    pub sentence: usize,
}

impl Resolver {
    /// Resolves a reading to an entity: returns (entity index, method).
    /// `earlier_name` looks up a longer name ending in a surname anywhere
    /// earlier in the text.
    pub fn resolve(
        &mut self,
        r: &Reading,
        mention_text: &str,
        earlier_name: impl Fn(&str) -> Option<String>,
    ) -> (Option<usize>, Resolution) {
        if let Some(p) = r.pronoun {
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
                    en.kind == SpeakerType::Organization && en.last_sentence + 1 >= self.sentence
                } else {
                    (matches!(en.kind, SpeakerType::Person | SpeakerType::Anonymous)
                        || en.tentative && matches!(p.gender, 'm' | 'f'))
                        && !en.plural
                        && en.gender.is_none_or(|g| g == p.gender || p.gender == 'x')
                }
            });
            return match found {
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
            };
        }
        if let Some(name) = &r.name {
            let key = name_key(name);
            let single = !key.contains(' ');
            // Same name, or a surname of an earlier full name.
            let hit = self.entities.iter().position(|e| {
                e.key == key || (single && e.kind == SpeakerType::Person && e.surname == key)
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
                        name.clone(),
                        r.kind.unwrap_or(SpeakerType::Organization),
                        Resolution::Explicit,
                    ),
                }
            } else {
                (
                    name.clone(),
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
            return (Some(e), method);
        }
        // A description without a name.
        if let Some(head) = &r.head {
            let kind = r.kind.unwrap_or(SpeakerType::Anonymous);
            if r.definite {
                let found = self.recent.iter().rev().copied().find(|&e| {
                    let en = &self.entities[e];
                    en.head.as_deref() == Some(head.as_str())
                        || en.title.as_deref().map(str::to_lowercase).as_deref() == Some(head)
                        || (kind == SpeakerType::Anonymous
                            && en.kind == SpeakerType::Anonymous
                            && en.plural == r.plural)
                        || (r.anaphoric && en.kind == SpeakerType::Organization)
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
                head: Some(head.clone()),
                tentative: false,
                last_sentence: 0,
            });
            return (Some(e), Resolution::Explicit);
        }
        // A named thing the word lists do not know ("a recent Reuters
        // report"): the mention itself names the source.
        if r.pronoun.is_none() && mention_text.chars().any(char::is_uppercase) {
            let key = name_key(mention_text);
            if let Some(e) = self.entities.iter().position(|e| e.key == key) {
                self.touch(e);
                return (Some(e), Resolution::Explicit);
            }
            let e = self.add(Entity {
                surname: String::new(),
                key,
                name: mention_text.to_string(),
                kind: SpeakerType::Organization,
                title: r.title.clone(),
                affiliation: self.affiliation(r),
                gender: None,
                plural: false,
                head: None,
                tentative: false,
                last_sentence: 0,
            });
            return (Some(e), Resolution::Explicit);
        }
        (None, Resolution::Unresolved)
    }

    /// The affiliation of a reading; a description ("the militant group",
    /// "the group’s") stands for the organisation that spoke most recently.
    fn affiliation(&self, r: &Reading) -> Option<String> {
        let a = r.affiliation.as_ref()?;
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

/// A statement's speaker after resolution.
#[derive(Debug, Clone)]
pub struct Speaker {
    /// Index into the document's entities.
    pub entity: Option<usize>,
    pub resolution: Resolution,
}

impl SpeakerLexicon {
    /// Resolves the speakers of a document's statements, in text order.
    /// Returns one [`Speaker`] per statement and the entities they refer to.
    pub fn resolve_statements(
        &self,
        text: &str,
        tk: &crate::tokenize::Tokenized,
        statements: &[crate::attribution::Statement],
    ) -> (Vec<Speaker>, Vec<Entity>) {
        use crate::attribution::SpeakerSource;
        if statements.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let toks: Vec<Tok> = tk
            .tokens
            .iter()
            .map(|t| Tok {
                span: t.span,
                text: t.span.slice(text),
                norm: tk.norm(t),
            })
            .collect();
        let mut res = Resolver::default();
        let mut out: Vec<Speaker> = statements
            .iter()
            .map(|_| Speaker {
                entity: None,
                resolution: Resolution::Unresolved,
            })
            .collect();
        for (i, st) in statements.iter().enumerate() {
            let Some(m) = st.mention else { continue };
            let a = toks.partition_point(|t| t.span.start < m.start);
            let b = toks.partition_point(|t| t.span.start < m.end);
            let reading = self.read(&toks[a..b], text);
            // "Carson, who said": the relative pronoun stands for the NP before it.
            let reading = if b == a + 1 && self.roles(toks[a].norm).has(Roles::RELATIVE) {
                let end = a.saturating_sub(1);
                let start = (0..end)
                    .rev()
                    .take_while(|&k| toks[k].is_cap() || toks[k].text == "-")
                    .last()
                    .unwrap_or(end);
                self.read(&toks[start..end], text)
            } else {
                reading
            };
            let earlier = |surname: &str| self.earlier_full_name(&toks[..a], text, surname);
            res.sentence = tk.sentences.partition_point(|s| s.span.start <= m.start);
            let (e, method) = res.resolve(&reading, m.slice(text), earlier);
            out[i] = Speaker {
                entity: e,
                resolution: method,
            };
        }
        // Quotes that continue another statement take its speaker.
        for i in 0..statements.len() {
            let mut j = i;
            let mut hops = 0;
            while let SpeakerSource::Continues(t) = statements[j].source {
                if t == j || hops > statements.len() {
                    break;
                }
                j = t;
                hops += 1;
            }
            if j != i && out[j].entity.is_some() {
                out[i] = Speaker {
                    entity: out[j].entity,
                    resolution: Resolution::Context,
                };
            }
        }
        (out, res.entities)
    }

    /// The latest full name (two or more capitalised words) ending in
    /// `surname` among `toks`, without leading titles.
    fn earlier_full_name(&self, toks: &[Tok], text: &str, surname: &str) -> Option<String> {
        let key = surname_of(&name_key(surname));
        let mut best = None;
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
                    || self.roles(toks[k].norm).has(Roles::PARTICLE))
            {
                k += 1;
            }
            let mut s = start;
            // Drop titles and demonyms in front of the name.
            loop {
                let mut moved = false;
                for n in (1..=self.max_title_words.min(k - s)).rev() {
                    let words: Vec<&str> = toks[s..s + n].iter().map(|t| t.norm).collect();
                    if self.is_title(&words.join(" ")) {
                        s += n;
                        moved = true;
                        break;
                    }
                }
                if s < k
                    && (self.demonym(toks[s].norm).is_some()
                        || self.roles(toks[s].norm).has(Roles::DETERMINER))
                {
                    s += 1;
                    moved = true;
                }
                if !moved || s >= k {
                    break;
                }
            }
            let e = k;
            if e > s + 1 {
                let name = Span::new(toks[s].span.start, toks[e - 1].span.end).slice(text);
                let name = name.trim_end_matches("’s").trim_end_matches("'s");
                if surname_of(&name_key(name)) == key && name_key(name).contains(' ') {
                    best = Some(name.to_string());
                }
            }
            k = k.max(start + 1);
        }
        best
    }
}
