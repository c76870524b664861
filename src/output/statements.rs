//! statements.csv: one row per content part of every statement. Every value
//! comes settled from the per-document result; this only lays it out.

use crate::attribution::CueType;
use crate::error::Error;
use crate::result::{Analysis, DocResult, Offsets, Part, StatementRecord};
use crate::speakers::{Entity, SpeakerType};

use super::table::{header, Column, Table};
use super::TableKind;

pub const STATEMENTS: TableKind = TableKind {
    name: "statements.csv",
    header: || header(&columns()),
    write,
    wanted: |_| true,
};

/// One row: a part of a statement of a document.
struct Row<'a> {
    doc_id: &'a str,
    text: &'a str,
    st: &'a StatementRecord,
    speaker: Option<&'a Entity>,
    /// 0-based part number.
    k: usize,
    part: &'a Part,
}

impl Row<'_> {
    fn cue_text(&self) -> &str {
        self.st.cue.as_ref().map_or("", |c| c.at.slice(self.text))
    }
}

fn opt_char(t: &mut Table, at: Option<&Offsets>, end: bool) -> Result<(), Error> {
    t.opt_int(at.map(|o| if end { o.end_char } else { o.start_char } as u64))
}

fn columns<'a>() -> Vec<Column<Row<'a>>> {
    vec![
        Column {
            name: "statement_id",
            cell: |t, r| t.id(&r.st.id),
        },
        Column {
            name: "part",
            cell: |t, r| t.int(r.k as u64 + 1),
        },
        Column {
            name: "parts",
            cell: |t, r| t.int(r.st.parts.len() as u64),
        },
        Column {
            name: "doc_id",
            cell: |t, r| t.id(r.doc_id),
        },
        Column {
            name: "paragraph",
            cell: |t, r| t.int(r.part.paragraph as u64),
        },
        Column {
            name: "sentence",
            cell: |t, r| t.int(r.part.sentence as u64),
        },
        Column {
            name: "kind",
            cell: |t, r| t.text(r.st.kind.as_str()),
        },
        Column {
            name: "content_form",
            cell: |t, r| t.text(r.st.form.as_str()),
        },
        Column {
            name: "start_byte",
            cell: |t, r| t.int(r.part.at.start_byte as u64),
        },
        Column {
            name: "end_byte",
            cell: |t, r| t.int(r.part.at.end_byte as u64),
        },
        Column {
            name: "start_char",
            cell: |t, r| t.int(r.part.at.start_char as u64),
        },
        Column {
            name: "end_char",
            cell: |t, r| t.int(r.part.at.end_char as u64),
        },
        Column {
            name: "cue",
            cell: |t, r| t.text(r.cue_text()),
        },
        Column {
            name: "cue_lemma",
            cell: |t, r| t.opt(r.st.cue.as_ref().map(|c| c.lemma.as_str())),
        },
        Column {
            name: "cue_class",
            cell: |t, r| t.opt(r.st.cue.as_ref().map(|c| c.class.as_str())),
        },
        Column {
            // A quote with no cue reports words, so it counts as speech.
            name: "cue_type",
            cell: |t, r| {
                t.text(
                    r.st.cue
                        .as_ref()
                        .map_or(CueType::Speech, |c| c.kind)
                        .as_str(),
                )
            },
        },
        Column {
            name: "cue_start_char",
            cell: |t, r| opt_char(t, r.st.cue.as_ref().map(|c| &c.at), false),
        },
        Column {
            name: "cue_end_char",
            cell: |t, r| opt_char(t, r.st.cue.as_ref().map(|c| &c.at), true),
        },
        Column {
            name: "speaker_mention",
            cell: |t, r| t.opt(r.st.mention.map(|m| m.slice(r.text))),
        },
        Column {
            name: "speaker_mention_start_char",
            cell: |t, r| opt_char(t, r.st.mention.as_ref(), false),
        },
        Column {
            name: "speaker_mention_end_char",
            cell: |t, r| opt_char(t, r.st.mention.as_ref(), true),
        },
        Column {
            name: "doc_speaker_id",
            cell: |t, r| t.id(r.st.speaker_id.as_deref().unwrap_or("")),
        },
        Column {
            name: "speaker",
            cell: |t, r| t.opt(r.speaker.map(|e| e.name.as_str())),
        },
        Column {
            name: "speaker_type",
            cell: |t, r| {
                t.text(
                    r.speaker
                        .map_or(SpeakerType::Unresolved, |e| e.kind)
                        .as_str(),
                )
            },
        },
        Column {
            name: "speaker_title",
            cell: |t, r| t.opt(r.speaker.and_then(|e| e.title.as_deref())),
        },
        Column {
            name: "speaker_affiliation",
            cell: |t, r| t.opt(r.speaker.and_then(|e| e.affiliation.as_deref())),
        },
        Column {
            name: "reported_by",
            cell: |t, r| t.opt(r.st.reported_by.map(|m| m.slice(r.text))),
        },
        Column {
            name: "resolution",
            cell: |t, r| t.text(r.st.resolution.as_str()),
        },
        Column {
            name: "confidence",
            cell: |t, r| t.float(r.st.confidence, 2),
        },
        Column {
            name: "text",
            cell: |t, r| t.text(r.part.at.slice(r.text)),
        },
    ]
}

fn write(t: &mut Table, r: &DocResult) -> Result<(), Error> {
    let Some(a) = &r.analysis else { return Ok(()) };
    let columns = columns();
    for st in &a.statements {
        for (k, part) in st.parts.iter().enumerate() {
            t.row(&columns, &row(r, a, st, k, part))?;
        }
    }
    Ok(())
}

fn row<'a>(
    r: &'a DocResult,
    a: &'a Analysis,
    st: &'a StatementRecord,
    k: usize,
    part: &'a Part,
) -> Row<'a> {
    Row {
        doc_id: &r.doc_id,
        text: &a.doc.text,
        st,
        speaker: a.speaker_of(st),
        k,
        part,
    }
}
