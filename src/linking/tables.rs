//! The corpus tables: speakers.csv, speaker_links.csv, quote_clusters.csv,
//! speaker_stance.csv, speaker_targets.csv and sources.csv. Each is one flat
//! table per kind of thing, linked to the others and to statements.csv by
//! ids; values are laid out here, decided in [`super::speakers`] and
//! [`super::quotes`].

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use crate::error::Error;
use crate::output::{Column, Output, Table};
use crate::speakers::SpeakerType;

use super::quotes::Cluster;
use super::speakers::{CorpusSpeaker, DocSpeaker, Linked};
use super::{DocInfo, StanceSums, StatementInfo, TargetSums, NONE, STANCE_COLUMNS, TABLES};

/// Decimals of means and shares.
const DECIMALS: usize = 4;

/// Everything the tables are written from.
pub(super) struct View<'a> {
    pub docs: &'a [DocInfo],
    pub members: &'a [DocSpeaker],
    pub stance: &'a [StanceSums],
    pub targets: &'a BTreeMap<(u32, String), TargetSums>,
    pub statements: &'a [StatementInfo],
    pub texts: &'a [Box<str>],
    pub linked: &'a Linked,
    pub clusters: &'a [Cluster],
}

/// Values with their summed counts, most frequent first (ties by value);
/// empty values left out.
fn tally<'s>(items: impl IntoIterator<Item = (&'s str, u32)>) -> Vec<(&'s str, u32)> {
    let mut m: BTreeMap<&str, u32> = BTreeMap::new();
    for (s, n) in items {
        if !s.is_empty() {
            *m.entry(s).or_default() += n;
        }
    }
    let mut v: Vec<(&str, u32)> = m.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v
}

/// `a (3); b (1)`.
fn counted<'s>(items: impl IntoIterator<Item = (&'s str, u32)>) -> String {
    tally(items)
        .iter()
        .map(|(s, n)| format!("{s} ({n})"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The most frequent value.
fn most<'s>(items: impl IntoIterator<Item = (&'s str, u32)>) -> String {
    tally(items)
        .first()
        .map(|(s, _)| s.to_string())
        .unwrap_or_default()
}

/// A row about one corpus speaker; its tables start with the speaker's
/// id, name and type.
trait Speaks {
    fn speaker(&self) -> &CorpusSpeaker;
}

fn identity_columns<R: Speaks>() -> Vec<Column<R>> {
    vec![
        Column {
            name: "speaker_id",
            cell: |t, r| t.id(&r.speaker().id),
        },
        Column {
            name: "name",
            cell: |t, r| t.text(&r.speaker().name),
        },
        Column {
            name: "type",
            cell: |t, r| t.text(r.speaker().kind.as_str()),
        },
    ]
}

/// One speakers.csv row.
struct SpeakerRow<'a> {
    sp: &'a CorpusSpeaker,
    aliases: String,
    titles: String,
    affiliation: String,
    n_statements: u64,
    documents: Vec<&'a str>,
}

impl Speaks for SpeakerRow<'_> {
    fn speaker(&self) -> &CorpusSpeaker {
        self.sp
    }
}

fn speaker_columns<'a>() -> Vec<Column<SpeakerRow<'a>>> {
    let mut c: Vec<Column<SpeakerRow<'a>>> = identity_columns();
    let rest: Vec<Column<SpeakerRow<'a>>> = vec![
        Column {
            name: "aliases",
            cell: |t, r| t.text(&r.aliases),
        },
        Column {
            name: "titles",
            cell: |t, r| t.text(&r.titles),
        },
        Column {
            name: "affiliation",
            cell: |t, r| t.text(&r.affiliation),
        },
        Column {
            name: "n_statements",
            cell: |t, r| t.int(r.n_statements),
        },
        Column {
            name: "n_documents",
            cell: |t, r| t.int(r.documents.len() as u64),
        },
        Column {
            name: "documents",
            cell: |t, r| t.id(&r.documents.join(";")),
        },
    ];
    c.extend(rest);
    c
}

/// One speaker_links.csv row: a document speaker and how it joined.
struct LinkRow<'a> {
    speaker_id: &'a str,
    member: &'a DocSpeaker,
    doc_id: &'a str,
    rule: &'static str,
    evidence: &'a str,
}

fn link_columns<'a>() -> Vec<Column<LinkRow<'a>>> {
    vec![
        Column {
            name: "speaker_id",
            cell: |t, r| t.id(r.speaker_id),
        },
        Column {
            name: "doc_speaker_id",
            cell: |t, r| t.id(&r.member.doc_speaker_id),
        },
        Column {
            name: "doc_id",
            cell: |t, r| t.id(r.doc_id),
        },
        Column {
            name: "name",
            cell: |t, r| t.text(&r.member.name),
        },
        Column {
            name: "type",
            cell: |t, r| t.text(r.member.kind.as_str()),
        },
        Column {
            name: "spellings",
            cell: |t, r| {
                t.text(&counted(
                    r.member.spellings.iter().map(|(s, n)| (s.as_str(), *n)),
                ))
            },
        },
        Column {
            name: "n_statements",
            cell: |t, r| t.int(r.member.n_statements as u64),
        },
        Column {
            name: "rule",
            cell: |t, r| t.text(r.rule),
        },
        Column {
            name: "evidence",
            cell: |t, r| t.text(r.evidence),
        },
    ]
}

/// One quote_clusters.csv row.
struct ClusterRow<'a> {
    cl: &'a Cluster,
    statement_ids: Vec<String>,
    documents: Vec<&'a str>,
    outlets: Vec<&'a str>,
    speaker_ids: Vec<&'a str>,
    speakers: Vec<&'a str>,
    first_document: &'a str,
    text: &'a str,
}

fn cluster_columns<'a>() -> Vec<Column<ClusterRow<'a>>> {
    vec![
        Column {
            name: "cluster_id",
            cell: |t, r| t.id(&r.cl.id),
        },
        Column {
            name: "n_statements",
            cell: |t, r| t.int(r.cl.members.len() as u64),
        },
        Column {
            name: "n_documents",
            cell: |t, r| t.int(r.documents.len() as u64),
        },
        Column {
            name: "n_variants",
            cell: |t, r| t.int(r.cl.variants as u64),
        },
        Column {
            name: "speakers_differ",
            cell: |t, r| t.int((r.speaker_ids.len() > 1) as u64),
        },
        Column {
            name: "speaker_ids",
            cell: |t, r| t.id(&r.speaker_ids.join(";")),
        },
        Column {
            name: "speakers",
            cell: |t, r| t.text(&r.speakers.join("; ")),
        },
        Column {
            name: "statement_ids",
            cell: |t, r| t.id(&r.statement_ids.join(";")),
        },
        Column {
            name: "documents",
            cell: |t, r| t.id(&r.documents.join(";")),
        },
        Column {
            name: "outlets",
            cell: |t, r| t.text(&r.outlets.join("; ")),
        },
        Column {
            name: "first_document",
            cell: |t, r| t.id(r.first_document),
        },
        Column {
            name: "canonical_text",
            cell: |t, r| t.text(r.text),
        },
    ]
}

/// One speaker_stance.csv row.
struct StanceRow<'a> {
    sp: &'a CorpusSpeaker,
    n: u32,
    sums: [f64; STANCE_COLUMNS.len()],
}

/// One speaker_targets.csv row.
struct TargetRow<'a> {
    sp: &'a CorpusSpeaker,
    target: &'a str,
    sums: TargetSums,
}

impl Speaks for StanceRow<'_> {
    fn speaker(&self) -> &CorpusSpeaker {
        self.sp
    }
}

impl Speaks for TargetRow<'_> {
    fn speaker(&self) -> &CorpusSpeaker {
        self.sp
    }
}

fn target_columns<'a>() -> Vec<Column<TargetRow<'a>>> {
    let mut c: Vec<Column<TargetRow<'a>>> = identity_columns();
    let rest: Vec<Column<TargetRow<'a>>> = vec![
        Column {
            name: "target",
            cell: |t, r| t.text(r.target),
        },
        Column {
            name: "n_statements",
            cell: |t, r| t.int(r.sums.n as u64),
        },
        Column {
            name: "mean_polarity",
            cell: |t, r| t.float(r.sums.polarity / r.sums.n.max(1) as f64, DECIMALS),
        },
        Column {
            name: "favor",
            cell: |t, r| t.int(r.sums.favor as u64),
        },
        Column {
            name: "against",
            cell: |t, r| t.int(r.sums.against as u64),
        },
        Column {
            name: "neutral",
            cell: |t, r| t.int(r.sums.neutral as u64),
        },
    ];
    c.extend(rest);
    c
}

/// One sources.csv row.
#[derive(Default)]
struct SourceRow<'a> {
    source: &'a str,
    documents: u64,
    statements: u64,
    speakers: BTreeSet<&'a str>,
    anonymous: u64,
    direct: u64,
}

fn share(n: u64, of: u64) -> f64 {
    if of == 0 {
        0.0
    } else {
        n as f64 / of as f64
    }
}

fn source_columns<'a>() -> Vec<Column<SourceRow<'a>>> {
    vec![
        Column {
            name: "source",
            cell: |t, r| {
                t.text(if r.source.is_empty() {
                    "(unknown)"
                } else {
                    r.source
                })
            },
        },
        Column {
            name: "documents",
            cell: |t, r| t.int(r.documents),
        },
        Column {
            name: "statements",
            cell: |t, r| t.int(r.statements),
        },
        Column {
            name: "speakers",
            cell: |t, r| t.int(r.speakers.len() as u64),
        },
        Column {
            name: "anonymous_share",
            cell: |t, r| t.float(share(r.anonymous, r.statements), DECIMALS),
        },
        Column {
            name: "direct_share",
            cell: |t, r| t.float(share(r.direct, r.statements), DECIMALS),
        },
    ]
}

impl View<'_> {
    fn statement_id(&self, s: &StatementInfo) -> String {
        format!("{}:{}", self.docs[s.doc as usize].doc_id, s.start_char)
    }

    fn speaker_of(&self, member: u32) -> Option<&CorpusSpeaker> {
        (member != NONE).then(|| self.linked.speaker(member))
    }

    /// The corpus tables, written in parallel on the current rayon pool
    /// (each is independent of the others), in [`super::TABLES`] order, for
    /// the caller to add to the output.
    pub fn tables(&self, out: &Output) -> Result<Vec<Table>, Error> {
        let write = |k: usize| match k {
            0 => self.speakers(out),
            1 => self.links(out),
            2 => self.quote_clusters(out),
            3 => self.speaker_stance(out),
            4 => self.speaker_targets(out),
            _ => self.sources(out),
        };
        (0..TABLES.len()).into_par_iter().map(write).collect()
    }

    fn table<R>(
        out: &Output,
        name: &'static str,
        columns: &[Column<R>],
        rows: impl IntoIterator<Item = R>,
    ) -> Result<Table, Error> {
        let header: Vec<&str> = columns.iter().map(|c| c.name).collect();
        let mut t: Table = out.create_table(name, &header)?;
        for r in rows {
            t.row(columns, &r)?;
        }
        Ok(t)
    }

    fn speakers(&self, out: &Output) -> Result<Table, Error> {
        let rows = self.linked.speakers.iter().map(|sp| {
            let ms = sp.members.iter().map(|&m| &self.members[m as usize]);
            let docs: BTreeSet<&str> = ms
                .clone()
                .map(|m| self.docs[m.doc as usize].doc_id.as_str())
                .collect();
            SpeakerRow {
                sp,
                aliases: counted(
                    ms.clone()
                        .flat_map(|m| m.spellings.iter().map(|(s, n)| (s.as_str(), *n))),
                ),
                titles: counted(
                    ms.clone()
                        .filter_map(|m| m.title.as_deref().map(|t| (t, m.n_statements))),
                ),
                affiliation: most(
                    ms.clone()
                        .filter_map(|m| m.affiliation.as_deref().map(|a| (a, m.n_statements))),
                ),
                n_statements: ms.map(|m| m.n_statements as u64).sum(),
                documents: docs.into_iter().collect(),
            }
        });
        Self::table(out, "speakers.csv", &speaker_columns(), rows)
    }

    fn links(&self, out: &Output) -> Result<Table, Error> {
        let rows = self.members.iter().enumerate().map(|(i, m)| {
            let sp = self.linked.speaker(i as u32);
            let l = &self.linked.links[i];
            LinkRow {
                speaker_id: &sp.id,
                member: m,
                doc_id: &self.docs[m.doc as usize].doc_id,
                rule: l.rule.as_str(),
                evidence: &l.evidence,
            }
        });
        Self::table(out, "speaker_links.csv", &link_columns(), rows)
    }

    fn quote_clusters(&self, out: &Output) -> Result<Table, Error> {
        let rows = self.clusters.iter().map(|cl| {
            let sts: Vec<&StatementInfo> = cl
                .members
                .iter()
                .map(|&m| &self.statements[m as usize])
                .collect();
            let docs: BTreeSet<&str> = sts
                .iter()
                .map(|s| self.docs[s.doc as usize].doc_id.as_str())
                .collect();
            let outlets: BTreeSet<&str> = sts
                .iter()
                .map(|s| self.docs[s.doc as usize].source.as_str())
                .filter(|s| !s.is_empty())
                .collect();
            let mut named: Vec<(&str, &str)> = sts
                .iter()
                .filter_map(|s| self.speaker_of(s.member))
                .map(|sp| (sp.id.as_str(), sp.name.as_str()))
                .collect();
            named.sort();
            named.dedup();
            // The earliest dated document, else the first by id.
            let first = sts
                .iter()
                .map(|s| &self.docs[s.doc as usize])
                .min_by(|a, b| {
                    (a.date.is_empty(), &a.date, &a.doc_id).cmp(&(
                        b.date.is_empty(),
                        &b.date,
                        &b.doc_id,
                    ))
                })
                .map_or("", |d| d.doc_id.as_str());
            ClusterRow {
                cl,
                statement_ids: sts.iter().map(|s| self.statement_id(s)).collect(),
                documents: docs.into_iter().collect(),
                outlets: outlets.into_iter().collect(),
                speaker_ids: named.iter().map(|n| n.0).collect(),
                speakers: named.iter().map(|n| n.1).collect(),
                first_document: first,
                text: &self.texts[cl.canonical as usize],
            }
        });
        Self::table(out, "quote_clusters.csv", &cluster_columns(), rows)
    }

    fn speaker_stance(&self, out: &Output) -> Result<Table, Error> {
        let mut columns: Vec<Column<StanceRow>> = identity_columns();
        columns.push(Column {
            name: "n_statements",
            cell: |t, r| t.int(r.n as u64),
        });
        // One mean column per category; a fn pointer per column keeps the
        // table declaration in one place.
        macro_rules! mean {
            ($($k:literal),*) => {
                $(columns.push(Column {
                    name: STANCE_COLUMNS[$k].as_str(),
                    cell: |t: &mut Table, r: &StanceRow| {
                        t.float(r.sums[$k] / r.n.max(1) as f64, DECIMALS)
                    },
                });)*
            };
        }
        mean!(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        let rows = self.linked.speakers.iter().map(|sp| {
            let mut row = StanceRow {
                sp,
                n: 0,
                sums: [0.0; STANCE_COLUMNS.len()],
            };
            for &m in &sp.members {
                let s = &self.stance[m as usize];
                row.n += s.n;
                for (k, v) in s.sums.iter().enumerate() {
                    row.sums[k] += v;
                }
            }
            row
        });
        Self::table(out, "speaker_stance.csv", &columns, rows)
    }

    fn speaker_targets(&self, out: &Output) -> Result<Table, Error> {
        let mut agg: BTreeMap<(u32, &str), TargetSums> = BTreeMap::new();
        for ((m, target), s) in self.targets {
            let sp = self.linked.of_member[*m as usize];
            let e = agg.entry((sp, target.as_str())).or_default();
            e.n += s.n;
            e.polarity += s.polarity;
            e.favor += s.favor;
            e.against += s.against;
            e.neutral += s.neutral;
        }
        let rows = agg.into_iter().map(|((sp, target), sums)| TargetRow {
            sp: &self.linked.speakers[sp as usize],
            target,
            sums,
        });
        Self::table(out, "speaker_targets.csv", &target_columns(), rows)
    }

    fn sources(&self, out: &Output) -> Result<Table, Error> {
        let mut by: BTreeMap<&str, SourceRow> = BTreeMap::new();
        for d in self.docs {
            let r = by.entry(d.source.as_str()).or_insert_with(|| SourceRow {
                source: &d.source,
                ..SourceRow::default()
            });
            r.documents += 1;
            r.statements += d.statements as u64;
            r.anonymous += d.anonymous as u64;
            r.direct += d.direct as u64;
            for m in d.first_member..d.first_member + d.n_members {
                if let Some(sp) = self.speaker_of(m) {
                    if sp.kind != SpeakerType::Unresolved {
                        r.speakers.insert(&sp.id);
                    }
                }
            }
        }
        Self::table(out, "sources.csv", &source_columns(), by.into_values())
    }
}
