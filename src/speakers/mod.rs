//! Speaker resolution: reading each statement's speaker mention (name, title,
//! affiliation, type) and resolving it to an entity of the document.
//!
//! A stage of its own after attribution: it takes the [`Doc`] and the
//! statements and returns the [`Speakers`] layer, one [`Speaker`] per
//! statement and the entities they refer to. Resolution is deliberately
//! conservative: a pronoun goes to the most recent compatible speaker, a
//! surname to an earlier full name, a description ("the official", "the
//! militant group") to an earlier entity of the same kind; anything else
//! stays `unresolved` rather than being guessed. Gender comes only from
//! pronouns the text itself uses for an entity, never from names.

mod entities;
mod mentions;
mod reading;
mod synonyms;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::attribution::{SpeakerSource, Statement};
use crate::doc::Doc;
use crate::error::Error;
use crate::lexicon::words::{Roles, WordLexicon};
use crate::lexicon::Lexicons;
use crate::span::Span;

use entities::Resolver;
pub use entities::{name_key, Entity};
pub use reading::Reading;
use synonyms::HeadSynonyms;

/// What kind of thing a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerType {
    Person,
    Organization,
    Group,
    Anonymous,
    Document,
    Unresolved,
}

impl SpeakerType {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerType::Person => "person",
            SpeakerType::Organization => "organization",
            SpeakerType::Group => "group",
            SpeakerType::Anonymous => "anonymous",
            SpeakerType::Document => "document",
            SpeakerType::Unresolved => "unresolved",
        }
    }
}

/// How a statement's speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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

/// A statement's speaker after resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// Index into the document's entities.
    pub entity: Option<usize>,
    pub resolution: Resolution,
}

/// The resolution layer of one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Speakers {
    /// One per statement, in the statements' order.
    pub of_statement: Vec<Speaker>,
    /// The document's speakers; [`Speaker::entity`] indexes into it.
    pub entities: Vec<Entity>,
}

/// The resolution stage, built once from the lexicons.
pub struct SpeakerResolver {
    words: WordLexicon,
    synonyms: HeadSynonyms,
}

impl SpeakerResolver {
    pub fn new(lex: &Lexicons) -> Result<Self, Error> {
        let words = WordLexicon::load(lex)?;
        let synonyms = HeadSynonyms::load(lex, &words)?;
        Ok(SpeakerResolver { words, synonyms })
    }

    /// Resolves the speakers of a document's statements, in text order.
    pub fn resolve(&self, doc: &Doc, statements: &[Statement]) -> Speakers {
        if statements.is_empty() {
            return Speakers::default();
        }
        let text = doc.text.as_str();
        let toks = doc.toks();
        let mut res = Resolver::new(&self.synonyms);
        // What statements report is not narrative: a name inside it is no
        // antecedent for the narrator's "she".
        let parts: Vec<Span> = statements
            .iter()
            .flat_map(|s| s.parts.iter().copied())
            .collect();
        let mut out: Vec<Speaker> = statements
            .iter()
            .map(|_| Speaker {
                entity: None,
                resolution: Resolution::Unresolved,
            })
            .collect();
        for (i, st) in statements.iter().enumerate() {
            let Some(m) = st.mention else { continue };
            let r = doc.tokens_in(m);
            let (a, b) = (r.start, r.end);
            let reading = self.read(&toks[a..b], text);
            // "Carson, who said": the relative pronoun stands for the NP before it.
            let reading = if b == a + 1 && self.words.roles(toks[a].norm).has(Roles::RELATIVE) {
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
            res.sentence = doc.sentence_of(m.start);
            let sentence = &doc.sentences[res.sentence];
            let from = sentence.tokens.start.min(a);
            res.org_in_sentence = if reading.anaphoric || reading.affiliation_anaphoric {
                self.organisation_named(&toks[from..a], text)
            } else {
                None
            };
            res.person_named = match reading.pronoun {
                Some(_) => {
                    // The sentence before too: "Lopez walked out. “…,” she said."
                    let prev = res.sentence.saturating_sub(1);
                    let from = doc.sentences[prev].tokens.start.min(a);
                    self.person_named(&toks[from..a], text, &parts)
                }
                None => None,
            };
            if let Some(j) = named_again(statements, &out[..i], i, &reading, doc) {
                out[i] = out[j];
                continue;
            }
            let (e, method) = res.resolve(&reading, m.slice(text), earlier);
            out[i] = Speaker {
                entity: e,
                resolution: method,
            };
        }
        continue_speakers(statements, &mut out);
        Speakers {
            of_statement: out,
            entities: res.into_entities(),
        }
    }
}

/// The earlier statement whose speaker statement `i` shares: one mention
/// for two statements ("officials confirmed … and indicated …"), or a name
/// or description written the same way again in the same sentence. A
/// pronoun or "who" written twice may stand for two people, so only the
/// same mention counts for them.
fn named_again(
    statements: &[Statement],
    out: &[Speaker],
    i: usize,
    reading: &Reading,
    doc: &Doc,
) -> Option<usize> {
    let m = statements[i].mention?;
    let text = doc.text.as_str();
    let by_text = reading.pronoun.is_none() && (reading.name.is_some() || reading.head.is_some());
    (0..i).rev().find(|&j| {
        out[j].entity.is_some()
            && statements[j].mention.is_some_and(|p| {
                p == m
                    || by_text
                        && doc.sentence_of(p.start) == doc.sentence_of(m.start)
                        && p.slice(text) == m.slice(text)
            })
    })
}

/// Quotes that continue another statement take its speaker.
fn continue_speakers(statements: &[Statement], out: &mut [Speaker]) {
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
}
