//! Corpus-wide linking: one speaker across articles, one quote across
//! outlets, and the summaries users put in spreadsheets.
//!
//! A [`CorpusStep`]: it observes every per-document result as the writer
//! streams it out, keeping only what linking needs (each document's
//! speakers, per-speaker stance sums, each statement's place, each distinct
//! quote once), and when the run ends it links, clusters and writes its
//! tables. What needs one document alone — folding and hashing each
//! statement for quote clusters, [`DocQuotes`] — the pipeline computes in
//! its per-document workers, so the one writer thread only files it. The
//! corpus-level speaker and cluster of every statement are known only then,
//! so they are appended to the already written statements.csv.

pub mod quotes;
pub mod speakers;
mod tables;

use std::collections::BTreeMap;

use crate::attribution::Kind;
use crate::error::Error;
use crate::lexicon::Lexicons;
use crate::output::{ColumnAppender, CorpusStep, Output};
use crate::result::DocResult;
use crate::speakers::{Resolution, SpeakerType};
use crate::stance::{Category, Label, Stance};

use quotes::{Prepared, QuoteIndex};
use speakers::{Aliases, DocSpeaker, Linked};

/// No speaker, no cluster.
const NONE: u32 = u32::MAX;

/// The corpus tables, in the order they are documented.
pub const TABLES: &[&str] = &[
    "speakers.csv",
    "speaker_links.csv",
    "quote_clusters.csv",
    "speaker_stance.csv",
    "speaker_targets.csv",
    "sources.csv",
];

/// What linking keeps of one document.
#[derive(Debug, Clone)]
struct DocInfo {
    doc_id: String,
    source: String,
    date: String,
    statements: u32,
    anonymous: u32,
    direct: u32,
    /// Its speakers: `members[first_member..first_member + n_members]`.
    first_member: u32,
    n_members: u32,
}

/// What linking keeps of one statement.
#[derive(Debug, Clone, Copy)]
struct StatementInfo {
    doc: u32,
    /// Index into the document speakers, or [`NONE`].
    member: u32,
    parts: u32,
    start_char: u32,
}

/// Sums of one document speaker's stance scores: per category in
/// [`STANCE_COLUMNS`] order.
#[derive(Debug, Clone, Default)]
struct StanceSums {
    n: u32,
    sums: [f64; STANCE_COLUMNS.len()],
}

/// The categories averaged per speaker, as speaker_stance.csv's columns:
/// valence, certainty, hedge, then the acts.
const STANCE_COLUMNS: [Category; 3 + Category::ACTS.len()] = {
    let mut a = [Category::Valence; 3 + Category::ACTS.len()];
    a[1] = Category::Certainty;
    a[2] = Category::Hedge;
    let mut k = 0;
    while k < Category::ACTS.len() {
        a[3 + k] = Category::ACTS[k];
        k += 1;
    }
    a
};

/// One document speaker's statements about one target.
#[derive(Debug, Clone, Default)]
struct TargetSums {
    n: u32,
    polarity: f64,
    favor: u32,
    against: u32,
    neutral: u32,
}

/// The linking step of a run.
pub struct Linker {
    aliases: Aliases,
    docs: Vec<DocInfo>,
    members: Vec<DocSpeaker>,
    stance: Vec<StanceSums>,
    /// By (document speaker, target name).
    targets: BTreeMap<(u32, String), TargetSums>,
    statements: Vec<StatementInfo>,
    quotes: QuoteIndex,
    /// By statement: the content of the first statement of each distinct
    /// quote (the canonical text of a cluster is its first statement's),
    /// empty for every other.
    texts: Vec<Box<str>>,
    /// Threads for clustering and the tables when the run ends: the run's
    /// `--jobs`, whose workers are idle by then.
    jobs: usize,
}

impl Linker {
    pub fn new(lex: &Lexicons, jobs: usize) -> Result<Self, Error> {
        Ok(Linker {
            aliases: Aliases::load(lex)?,
            docs: Vec::new(),
            members: Vec::new(),
            stance: Vec::new(),
            targets: BTreeMap::new(),
            statements: Vec::new(),
            quotes: QuoteIndex::new(),
            texts: Vec::new(),
            jobs: jobs.max(1),
        })
    }

    fn add_stance(&mut self, member: u32, stance: &Stance) {
        let s = &mut self.stance[member as usize];
        s.n += 1;
        for (k, c) in STANCE_COLUMNS.iter().enumerate() {
            s.sums[k] += stance.scores.get(*c);
        }
        // One vote per statement and target: its strongest mention.
        let mut best: Vec<(&str, f64, Label)> = Vec::new();
        for t in &stance.targets {
            match best.iter_mut().find(|b| b.0 == t.target) {
                Some(b) if t.polarity.abs() > b.1.abs() => *b = (&t.target, t.polarity, t.label),
                Some(_) => {}
                None => best.push((&t.target, t.polarity, t.label)),
            }
        }
        for (target, polarity, label) in best {
            let e = self
                .targets
                .entry((member, target.to_string()))
                .or_default();
            e.n += 1;
            e.polarity += polarity;
            match label {
                Label::Favor => e.favor += 1,
                Label::Against => e.against += 1,
                Label::Neutral => e.neutral += 1,
            }
        }
    }
}

/// The capitalised words that end a mention: the name in "like Trump" or
/// "Mr. Trump"; nothing in "who".
fn name_tail(mention: &str) -> &str {
    let mut start = mention.len();
    for (k, w) in mention.rsplit(' ').scan(mention.len(), |end, w| {
        let k = *end - w.len();
        *end = k.saturating_sub(1);
        Some((k, w))
    }) {
        if !w.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        start = k;
    }
    &mention[start..]
}

/// The source of a document: the JSON Lines `source`, the dateline's, else
/// the top folder of its id (a corpus kept as one folder per outlet).
fn source_of(r: &DocResult) -> String {
    if let Some(s) = r.source() {
        return s.to_string();
    }
    match r.doc_id.split_once('/') {
        Some((top, _)) => top.to_string(),
        None => String::new(),
    }
}

/// What linking makes of one document without seeing any other: each
/// statement's content prepared for quote clustering, and the content itself
/// where it is clusterable. Made in the pipeline's per-document workers.
pub struct DocQuotes(Vec<Option<(Prepared, String)>>);

impl DocQuotes {
    pub fn of(r: &DocResult) -> Self {
        let Some(a) = &r.analysis else {
            return DocQuotes(Vec::new());
        };
        let text = a.doc.text.as_str();
        let each = a.statements.iter().map(|st| {
            let content = match st.parts.as_slice() {
                [one] => one.at.slice(text).to_string(),
                parts => {
                    let content: Vec<&str> = parts.iter().map(|p| p.at.slice(text)).collect();
                    content.join(" ")
                }
            };
            quotes::prepare(&content).map(|p| (p, content))
        });
        DocQuotes(each.collect())
    }
}

impl Linker {
    /// [`CorpusStep::observe`] with the document's [`DocQuotes`] already made.
    pub fn observe_with(&mut self, r: &DocResult, quotes: DocQuotes) {
        let mut quotes = quotes.0.into_iter();
        let doc = self.docs.len() as u32;
        let first_member = self.members.len() as u32;
        let mut info = DocInfo {
            doc_id: r.doc_id.clone(),
            source: source_of(r),
            date: r.meta.date.clone().unwrap_or_default(),
            statements: 0,
            anonymous: 0,
            direct: 0,
            first_member,
            n_members: 0,
        };
        if let Some(a) = &r.analysis {
            let text = a.doc.text.as_str();
            // Document entity → document speaker, made when it first speaks.
            let mut slot: Vec<u32> = vec![NONE; a.entities.len()];
            for st in &a.statements {
                let member = match st.speaker {
                    Some(e) if e < a.entities.len() => {
                        if slot[e] == NONE {
                            let ent = &a.entities[e];
                            slot[e] = self.members.len() as u32;
                            self.members.push(DocSpeaker {
                                doc,
                                doc_speaker_id: st.speaker_id.clone().unwrap_or_default(),
                                name: ent.name.clone(),
                                kind: ent.kind,
                                title: ent.title.clone(),
                                affiliation: ent.affiliation.clone(),
                                spellings: Vec::new(),
                                n_statements: 0,
                                tentative: ent.tentative,
                            });
                            self.stance.push(StanceSums::default());
                        }
                        let m = slot[e];
                        let sp = &mut self.members[m as usize];
                        sp.n_statements += 1;
                        // A surname is a spelling of its own ("Qanoua"); any
                        // other mention (a full one carries titles; a pronoun
                        // or a description names no one) counts for the
                        // entity's name.
                        match (st.resolution, st.mention.map(|o| o.slice(text))) {
                            (Resolution::Surname, Some(s)) if !name_tail(s).is_empty() => {
                                sp.add_spelling(name_tail(s))
                            }
                            _ => sp.add_spelling(&a.entities[e].name),
                        }
                        if sp.kind == SpeakerType::Anonymous {
                            info.anonymous += 1;
                        }
                        self.add_stance(m, &st.stance);
                        m
                    }
                    _ => NONE,
                };
                info.statements += 1;
                if st.kind == Kind::Direct {
                    info.direct += 1;
                }
                let key = self.statements.len() as u32;
                let prepared = quotes.next().flatten();
                let new = self.quotes.insert(key, prepared.as_ref().map(|(p, _)| p));
                self.texts.push(match prepared {
                    Some((_, content)) if new => content.into_boxed_str(),
                    _ => Box::default(),
                });
                self.statements.push(StatementInfo {
                    doc,
                    member,
                    parts: st.parts.len() as u32,
                    start_char: st.parts.first().map_or(0, |p| p.at.start_char as u32),
                });
            }
        }
        info.n_members = self.members.len() as u32 - first_member;
        self.docs.push(info);
    }

    /// [`CorpusStep::finish`] on the current rayon pool: speakers are linked
    /// while quotes cluster, and the corpus tables are written while
    /// statements.csv gets its columns.
    fn finish_in_pool(&self, out: &mut Output) -> Result<(), Error> {
        let (linked, clusters) = rayon::join(
            || speakers::link(&self.members, &self.aliases),
            || self.quotes.clusters(),
        );
        let mut cluster_of = vec![NONE; self.statements.len()];
        for (c, cl) in clusters.iter().enumerate() {
            for &m in &cl.members {
                cluster_of[m as usize] = c as u32;
            }
        }
        let view = tables::View {
            docs: &self.docs,
            members: &self.members,
            stance: &self.stance,
            targets: &self.targets,
            statements: &self.statements,
            texts: &self.texts,
            linked: &linked,
            clusters: &clusters,
        };
        let statements = out.column_appender("statements.csv");
        let shared: &Output = out;
        let (tables, appended) = rayon::join(
            || view.tables(shared),
            || {
                append_to_statements(
                    statements,
                    &self.statements,
                    &linked,
                    &cluster_of,
                    &clusters,
                )
            },
        );
        for t in tables? {
            out.add_table(t)?;
        }
        appended?;
        out.manifest_entry(
            "linking",
            serde_json::json!({
                "speakers": linked.speakers.len(),
                "document_speakers": self.members.len(),
                "quote_clusters": clusters.len(),
            }),
        );
        Ok(())
    }
}

impl CorpusStep for Linker {
    fn observe(&mut self, r: &DocResult) {
        self.observe_with(r, DocQuotes::of(r));
    }

    fn finish(&mut self, out: &mut Output) -> Result<(), Error> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(self.jobs)
            .build()
            .map_err(|e| {
                Error::Usage(format!("cannot start {} linking threads: {e}", self.jobs))
            })?;
        pool.install(|| self.finish_in_pool(out))
    }
}

/// statements.csv gets each statement's corpus speaker and quote cluster,
/// on every row (one row per content part).
fn append_to_statements(
    out: ColumnAppender,
    statements: &[StatementInfo],
    linked: &Linked,
    cluster_of: &[u32],
    clusters: &[quotes::Cluster],
) -> Result<(), Error> {
    // Data row → statement.
    let mut row_statement: Vec<u32> = Vec::new();
    for (i, s) in statements.iter().enumerate() {
        for _ in 0..s.parts {
            row_statement.push(i as u32);
        }
    }
    out.append(["speaker_id", "cluster_id"], |row| {
        let Some(&i) = row_statement.get(row as usize) else {
            return ["", ""];
        };
        let s = statements[i as usize];
        let speaker = match s.member {
            NONE => "",
            m => linked.speaker(m).id.as_str(),
        };
        let cluster = match cluster_of[i as usize] {
            NONE => "",
            c => clusters[c as usize].id.as_str(),
        };
        [speaker, cluster]
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_spelling_is_the_name_that_ends_a_mention() {
        assert_eq!(super::name_tail("like Trump"), "Trump");
        assert_eq!(super::name_tail("Mr. Trump"), "Mr. Trump");
        assert_eq!(super::name_tail("who"), "");
        assert_eq!(super::name_tail("Qanoua"), "Qanoua");
    }
}
