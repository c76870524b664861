//! The per-document result: what every writer, every corpus-level step, a
//! cache of earlier runs and a Spark map step read.
//!
//! Everything derived about one statement is settled here, once: its stable
//! id, its resolved speaker (carried by the statement itself, not by a
//! parallel list), the document-scoped speaker id, the confidence after
//! resolution, and both byte and code-point offsets of every span. Writers
//! only lay these values out; they compute nothing. The whole result is
//! `serde`-serialisable, so a cache entry or a JSON Lines record is this
//! type written out and read back.

use serde::{Deserialize, Serialize};

use crate::attribution::{ContentForm, CueType, Kind, Rule, SpeakerSource, Statement};
use crate::doc::Doc;
pub use crate::doc::Offsets;
use crate::input::{Meta, Status};
use crate::speakers::{Entity, Resolution, Speakers};
use crate::stance::{Stance, StanceLayer};

/// One document's outcome: always present, whatever happened to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocResult {
    /// Position in the run; output rows follow it.
    pub index: usize,
    pub doc_id: String,
    pub path: String,
    pub meta: Meta,
    pub status: Status,
    pub message: String,
    pub bytes: u64,
    /// SHA-256 of the document's bytes as read; empty when unread.
    pub content_hash: String,
    /// The analysis, when the text could be read.
    pub analysis: Option<Analysis>,
}

impl DocResult {
    /// The source: the JSON Lines `source`, else one named in the dateline.
    pub fn source(&self) -> Option<&str> {
        self.meta.source.as_deref().or(self
            .analysis
            .as_ref()
            .and_then(|a| a.doc.dateline_source.as_deref()))
    }

    /// The title: the JSON Lines `title`, else the headline found as the first line.
    pub fn title(&self) -> Option<&str> {
        self.meta
            .title
            .as_deref()
            .or(self.analysis.as_ref().and_then(|a| a.doc.title.as_deref()))
    }
}

/// Everything the stages found in one document's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub doc: Doc,
    pub statements: Vec<StatementRecord>,
    /// The document's speakers; [`StatementRecord::speaker`] indexes into it.
    pub entities: Vec<Entity>,
    /// The stance of the text outside statements: the article's own voice.
    pub authorial: Stance,
}

/// One content part of a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    pub at: Offsets,
    pub paragraph: usize,
    pub sentence: usize,
}

/// A statement's cue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    pub at: Offsets,
    pub lemma: String,
    pub class: String,
    /// Speech, belief or evidence.
    #[serde(default)]
    pub kind: CueType,
}

/// One reported statement with its resolved speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementRecord {
    /// `doc_id:start_char` of the first part: stable across runs.
    pub id: String,
    pub kind: Kind,
    /// Clause, noun phrase, question or fragment.
    #[serde(default)]
    pub form: ContentForm,
    /// The rule that found it.
    pub rule: Rule,
    /// How sure the rule and the resolution together are, in [0, 1].
    pub confidence: f64,
    /// Content parts, in text order, without quote marks.
    pub parts: Vec<Part>,
    pub cue: Option<Cue>,
    /// The words naming the speaker, as written.
    pub mention: Option<Offsets>,
    /// The outer source that reports the statement, as written.
    #[serde(default)]
    pub reported_by: Option<Offsets>,
    /// A statement that continues another takes its speaker; its index here.
    pub continues: Option<usize>,
    /// The resolved speaker: an index into [`Analysis::entities`].
    pub speaker: Option<usize>,
    /// `doc_id:eN`, the resolved speaker within the document.
    pub speaker_id: Option<String>,
    pub resolution: Resolution,
    pub stance: Stance,
}

/// A statement whose speaker stays unknown is worth at most this much.
const UNRESOLVED_CONFIDENCE: f64 = 0.3;

impl Analysis {
    /// Puts the layers of one document together into its result.
    pub fn new(
        doc_id: &str,
        doc: Doc,
        statements: Vec<Statement>,
        speakers: Speakers,
        stance: StanceLayer,
    ) -> Self {
        let Speakers {
            of_statement,
            entities,
        } = speakers;
        let StanceLayer {
            of_statement: stances,
            authorial,
        } = stance;
        let records = statements
            .into_iter()
            .zip(of_statement)
            .zip(stances)
            .map(|((st, sp), stance)| {
                let parts: Vec<Part> = st
                    .parts
                    .iter()
                    .map(|&p| {
                        let sentence = doc.sentence_of(p.start);
                        Part {
                            at: Offsets::of(&doc, p),
                            paragraph: doc.sentences.get(sentence).map_or(0, |s| s.paragraph),
                            sentence,
                        }
                    })
                    .collect();
                let confidence = match sp.entity {
                    Some(_) => st.rule.confidence(),
                    None => st.rule.confidence().min(UNRESOLVED_CONFIDENCE),
                };
                StatementRecord {
                    id: format!("{doc_id}:{}", parts[0].at.start_char),
                    kind: st.kind,
                    form: st.form,
                    rule: st.rule,
                    confidence,
                    parts,
                    cue: st.cue.map(|c| Cue {
                        at: Offsets::of(&doc, c.span),
                        lemma: c.lemma,
                        class: c.class,
                        kind: c.kind,
                    }),
                    mention: st.mention.map(|m| Offsets::of(&doc, m)),
                    reported_by: st.reported_by.map(|m| Offsets::of(&doc, m)),
                    continues: match st.source {
                        SpeakerSource::Continues(t) => Some(t),
                        _ => None,
                    },
                    speaker: sp.entity,
                    speaker_id: sp.entity.map(|e| format!("{doc_id}:e{}", e + 1)),
                    resolution: sp.resolution,
                    stance,
                }
            })
            .collect();
        Analysis {
            doc,
            statements: records,
            entities,
            authorial,
        }
    }

    /// The entity that speaks a statement, if resolved.
    pub fn speaker_of(&self, st: &StatementRecord) -> Option<&Entity> {
        st.speaker.map(|e| &self.entities[e])
    }
}
