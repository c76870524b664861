//! stance.csv, targets.csv and lexicon_hits.csv: the stance of every
//! statement and of each document's own voice, the polarity toward each
//! target mentioned, and every lexicon hit behind those numbers.

use crate::error::Error;
use crate::result::{DocResult, Offsets};
use crate::stance::{Category, Hit, Stance, TargetPolarity};

use super::table::{header, Column, Table};
use super::TableKind;

/// Decimals of every score and contribution.
const DECIMALS: usize = 4;

/// One scored voice of a document: a statement or the authorial text.
struct Voice<'a> {
    doc_id: &'a str,
    /// The statement's id, or `doc_id:authorial`.
    id: std::borrow::Cow<'a, str>,
    authorial: bool,
    text: &'a str,
    stance: &'a Stance,
}

/// Every voice of a document, statements first.
fn voices(r: &DocResult) -> Vec<Voice<'_>> {
    let Some(a) = &r.analysis else {
        return Vec::new();
    };
    let mut out: Vec<Voice> = a
        .statements
        .iter()
        .map(|st| Voice {
            doc_id: &r.doc_id,
            id: st.id.as_str().into(),
            authorial: false,
            text: &a.doc.text,
            stance: &st.stance,
        })
        .collect();
    out.push(Voice {
        doc_id: &r.doc_id,
        id: format!("{}:authorial", r.doc_id).into(),
        authorial: true,
        text: &a.doc.text,
        stance: &a.authorial,
    });
    out
}

pub const STANCE: TableKind = TableKind {
    name: "stance.csv",
    header: || header(&stance_columns()),
    write: |t, r| {
        let columns = stance_columns();
        voices(r).iter().try_for_each(|v| t.row(&columns, v))
    },
    wanted: |_| true,
};

fn stance_columns<'a>() -> Vec<Column<Voice<'a>>> {
    let mut c = vec![
        Column {
            name: "statement_id",
            cell: |t, v: &Voice| t.id(&v.id),
        },
        Column {
            name: "doc_id",
            cell: |t, v| t.id(v.doc_id),
        },
        Column {
            name: "voice",
            cell: |t, v| t.text(if v.authorial { "authorial" } else { "quoted" }),
        },
        Column {
            name: "valence",
            cell: |t, v| t.float(v.stance.scores.valence, DECIMALS),
        },
        Column {
            name: "certainty",
            cell: |t, v| t.float(v.stance.scores.certainty, DECIMALS),
        },
        Column {
            name: "hedge",
            cell: |t, v| t.float(v.stance.scores.hedge, DECIMALS),
        },
    ];
    c.extend(act_columns());
    c.push(Column {
        name: "n_hits",
        cell: |t, v| t.int(v.stance.scores.hits.len() as u64),
    });
    c
}

/// One column per stance act, named as the category.
fn act_columns<'a>() -> [Column<Voice<'a>>; 9] {
    fn act<const K: usize>(t: &mut Table, v: &Voice) -> Result<(), Error> {
        t.float(v.stance.scores.acts[K], DECIMALS)
    }
    let names = Category::ACTS.map(Category::as_str);
    [
        Column {
            name: names[0],
            cell: act::<0>,
        },
        Column {
            name: names[1],
            cell: act::<1>,
        },
        Column {
            name: names[2],
            cell: act::<2>,
        },
        Column {
            name: names[3],
            cell: act::<3>,
        },
        Column {
            name: names[4],
            cell: act::<4>,
        },
        Column {
            name: names[5],
            cell: act::<5>,
        },
        Column {
            name: names[6],
            cell: act::<6>,
        },
        Column {
            name: names[7],
            cell: act::<7>,
        },
        Column {
            name: names[8],
            cell: act::<8>,
        },
    ]
}

/// A row about one span of a voice: a target mention or a lexicon hit.
struct Item<'a, T> {
    voice: &'a Voice<'a>,
    item: &'a T,
}

/// An item with a span of the text.
trait At {
    fn at(&self) -> &Offsets;
}

impl At for TargetPolarity {
    fn at(&self) -> &Offsets {
        &self.at
    }
}

impl At for Hit {
    fn at(&self) -> &Offsets {
        &self.at
    }
}

/// The text at an item's span, then its four offsets.
fn span_columns<'a, T: At>(text_name: &'static str) -> [Column<Item<'a, T>>; 5] {
    [
        Column {
            name: text_name,
            cell: |t, r| t.text(r.item.at().slice(r.voice.text)),
        },
        Column {
            name: "start_byte",
            cell: |t, r| t.int(r.item.at().start_byte as u64),
        },
        Column {
            name: "end_byte",
            cell: |t, r| t.int(r.item.at().end_byte as u64),
        },
        Column {
            name: "start_char",
            cell: |t, r| t.int(r.item.at().start_char as u64),
        },
        Column {
            name: "end_char",
            cell: |t, r| t.int(r.item.at().end_char as u64),
        },
    ]
}

/// The two id columns every stance table starts with.
fn id_columns<'a, T>() -> [Column<Item<'a, T>>; 2] {
    [
        Column {
            name: "statement_id",
            cell: |t, r| t.id(&r.voice.id),
        },
        Column {
            name: "doc_id",
            cell: |t, r| t.id(r.voice.doc_id),
        },
    ]
}

pub const TARGETS: TableKind = TableKind {
    name: "targets.csv",
    header: || header(&target_columns()),
    write: |t, r| {
        let columns = target_columns();
        for voice in &voices(r) {
            for item in &voice.stance.targets {
                t.row(&columns, &Item { voice, item })?;
            }
        }
        Ok(())
    },
    wanted: |_| true,
};

fn target_columns<'a>() -> Vec<Column<Item<'a, TargetPolarity>>> {
    let mut c = Vec::from(id_columns());
    c.push(Column {
        name: "target",
        cell: |t, r: &Item<TargetPolarity>| t.text(&r.item.target),
    });
    c.extend(span_columns("mention"));
    c.extend([
        Column {
            name: "polarity",
            cell: |t, r: &Item<TargetPolarity>| t.float(r.item.polarity, DECIMALS),
        },
        Column {
            name: "label",
            cell: |t, r| t.text(r.item.label.as_str()),
        },
        Column {
            name: "evidence",
            cell: |t, r| t.text(&r.item.evidence.join("; ")),
        },
    ]);
    c
}

pub const LEXICON_HITS: TableKind = TableKind {
    name: "lexicon_hits.csv",
    header: || header(&hit_columns()),
    write: |t, r| {
        let columns = hit_columns();
        for voice in &voices(r) {
            for item in &voice.stance.scores.hits {
                t.row(&columns, &Item { voice, item })?;
            }
        }
        Ok(())
    },
    wanted: |_| true,
};

fn hit_columns<'a>() -> Vec<Column<Item<'a, Hit>>> {
    let mut c = Vec::from(id_columns());
    c.extend([
        Column {
            name: "lexicon",
            cell: |t, r: &Item<Hit>| t.text(&r.item.file),
        },
        Column {
            name: "category",
            cell: |t, r| t.text(r.item.category.as_str()),
        },
        Column {
            name: "term",
            cell: |t, r| t.text(&r.item.term),
        },
    ]);
    c.extend(span_columns("text"));
    c.extend([
        Column {
            name: "weight",
            cell: |t, r: &Item<Hit>| t.float(r.item.weight, DECIMALS),
        },
        Column {
            name: "modifiers",
            cell: |t, r| t.text(r.item.modifiers.names()),
        },
        Column {
            name: "contribution",
            cell: |t, r| t.float(r.item.contribution, DECIMALS),
        },
    ]);
    c
}
