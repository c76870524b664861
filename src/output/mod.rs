//! Output: the CSV tables and the manifest, written all-or-nothing.
//!
//! Writers are [`Sink`]s fed every per-document result in input order;
//! corpus-level steps are [`CorpusStep`]s that observe every result and add
//! what they found when the run ends. Both finish into one [`Output`]: a
//! temporary folder inside `--out` whose files are renamed into place only
//! after every one of them is complete, so a crash or a full disk never
//! leaves a mix of old and new tables.

mod stance_tables;
mod statements;
mod table;
mod text_tables;

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::result::DocResult;

pub use table::{inert, Column, Table};

#[derive(Debug, Clone, Default)]
pub struct OutputOptions {
    /// Start each table with a UTF-8 BOM, which Excel needs to read UTF-8.
    pub excel_bom: bool,
    /// Leave text cells exactly as they are, even `=cmd()`.
    pub raw_cells: bool,
    /// Write tokens.csv.
    pub tokens: bool,
}

/// A table written row by row from per-document results.
pub struct TableKind {
    pub name: &'static str,
    pub header: fn() -> Vec<&'static str>,
    /// Writes the rows one document contributes.
    pub write: fn(&mut Table, &DocResult) -> Result<(), Error>,
    /// Whether a run with these options writes it (tokens.csv only with `--tokens`).
    pub wanted: fn(&OutputOptions) -> bool,
}

/// Every per-document table, in the order they are documented.
pub const DOC_TABLES: &[TableKind] = &[
    text_tables::DOCUMENTS,
    text_tables::PARAGRAPHS,
    text_tables::SENTENCES,
    text_tables::TOKENS,
    statements::STATEMENTS,
    stance_tables::STANCE,
    stance_tables::TARGETS,
    stance_tables::LEXICON_HITS,
];

/// A writer of per-document results (the CSV tables; later a JSON Lines
/// record per document for Spark).
pub trait Sink: Send {
    /// Takes one document's result; results come in input order.
    fn write(&mut self, r: &DocResult) -> Result<(), Error>;
    /// Completes what it wrote and hands it to the output folder.
    fn finish(self: Box<Self>, out: &mut Output) -> Result<(), Error>;
}

/// A corpus-level step: it sees every result, then adds what it found
/// across documents (a table, a manifest entry) when the run ends.
pub trait CorpusStep: Send {
    fn observe(&mut self, r: &DocResult);
    fn finish(&mut self, out: &mut Output) -> Result<(), Error>;
}

/// The per-document CSV tables.
pub struct CsvSink {
    tables: Vec<(&'static TableKind, Table)>,
}

impl CsvSink {
    pub fn new(out: &Output) -> Result<Self, Error> {
        let mut tables = Vec::new();
        for kind in DOC_TABLES {
            if !(kind.wanted)(&out.opts) {
                continue;
            }
            tables.push((kind, out.create_table(kind.name, &(kind.header)())?));
        }
        Ok(CsvSink { tables })
    }
}

impl Sink for CsvSink {
    fn write(&mut self, r: &DocResult) -> Result<(), Error> {
        for (kind, table) in &mut self.tables {
            (kind.write)(table, r)?;
        }
        Ok(())
    }

    fn finish(self: Box<Self>, out: &mut Output) -> Result<(), Error> {
        for (_, table) in self.tables {
            out.add_table(table)?;
        }
        Ok(())
    }
}

/// A cell quoted as RFC 4180 wants, when it needs to be.
fn csv_cell(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s.into()
    }
}

/// The output folder of one run: tables being written into a temporary
/// folder, the finished ones, and the manifest's entries.
pub struct Output {
    out_dir: PathBuf,
    tmp: TmpDir,
    opts: OutputOptions,
    /// Finished tables and their row counts, in the order they finished.
    finished: Vec<(String, u64)>,
    manifest: serde_json::Map<String, serde_json::Value>,
}

const TMP_PREFIX: &str = ".quotestance-tmp-";

impl Output {
    pub fn create(out_dir: &Path, opts: &OutputOptions) -> Result<Self, Error> {
        fs::create_dir_all(out_dir).map_err(|e| {
            Error::output(
                format!("cannot create output folder {}", out_dir.display()),
                e,
            )
        })?;
        // Leftovers of a run that was killed.
        if let Ok(rd) = fs::read_dir(out_dir) {
            for e in rd.flatten() {
                if e.file_name().to_string_lossy().starts_with(TMP_PREFIX) {
                    let _ = fs::remove_dir_all(e.path());
                }
            }
        }
        let tmp_dir = out_dir.join(format!("{TMP_PREFIX}{}", std::process::id()));
        fs::create_dir_all(&tmp_dir)
            .map_err(|e| Error::output(format!("cannot write into {}", out_dir.display()), e))?;
        let tmp = TmpDir {
            path: tmp_dir.clone(),
            committed: false,
        };
        Ok(Output {
            out_dir: out_dir.to_path_buf(),
            tmp,
            opts: opts.clone(),
            finished: Vec::new(),
            manifest: serde_json::Map::new(),
        })
    }

    /// A new table in the temporary folder, with its header written.
    pub fn create_table(&self, name: &'static str, header: &[&str]) -> Result<Table, Error> {
        Table::create(&self.tmp.path, name, header, &self.opts)
    }

    /// Flushes a complete table and records its row count.
    pub fn add_table(&mut self, table: Table) -> Result<(), Error> {
        let name = table.name().to_string();
        let rows = table.finish()?;
        self.finished.push((name, rows));
        Ok(())
    }

    /// A finished table's [`ColumnAppender`]. It holds no borrow of the
    /// output, so it can run while other tables are being written.
    pub fn column_appender(&self, name: &str) -> ColumnAppender {
        ColumnAppender {
            src: self.tmp.path.join(name),
            dst: self.tmp.path.join(format!("{name}.linking")),
        }
    }

    /// Sets a top-level entry of manifest.json.
    pub fn manifest_entry(&mut self, key: &str, value: serde_json::Value) {
        self.manifest.insert(key.to_string(), value);
    }

    /// Writes the manifest (the entries set so far, then `manifest`'s, then
    /// the row counts) and moves every finished table into place. Returns
    /// the row count of each table.
    pub fn commit(self, manifest: serde_json::Value) -> Result<Vec<(String, u64)>, Error> {
        let Output {
            out_dir,
            mut tmp,
            finished: counts,
            manifest: mut entries,
            ..
        } = self;
        if let serde_json::Value::Object(m) = manifest {
            entries.extend(m);
        }
        let mut manifest = serde_json::Value::Object(entries);
        manifest["tables"] = counts
            .iter()
            .map(|(n, c)| (n.clone(), serde_json::Value::from(*c)))
            .collect::<serde_json::Map<_, _>>()
            .into();
        let mpath = tmp.path.join("manifest.json");
        let body = serde_json::to_string_pretty(&manifest).expect("manifest serialises") + "\n";
        fs::write(&mpath, body).map_err(|e| Error::output(mpath.display(), e))?;

        // Rename into place; a table not written this run must not survive
        // from an earlier one, where it would look current.
        for name in DOC_TABLES.iter().map(|k| k.name) {
            let dst = out_dir.join(name);
            if !counts.iter().any(|(n, _)| n == name) && dst.exists() {
                fs::remove_file(&dst).map_err(|e| Error::output(dst.display(), e))?;
            }
        }
        for name in counts
            .iter()
            .map(|(n, _)| n.as_str())
            .chain(std::iter::once("manifest.json"))
        {
            let dst = out_dir.join(name);
            fs::rename(tmp.path.join(name), &dst).map_err(|e| Error::output(dst.display(), e))?;
        }
        let _ = fs::remove_dir_all(&tmp.path);
        tmp.committed = true;
        Ok(counts)
    }
}

/// Adds columns at the end of a finished table: corpus-level values (the
/// corpus speaker, the quote cluster) that are known only once every
/// document has been seen, for rows that were streamed out long before.
pub struct ColumnAppender {
    src: PathBuf,
    dst: PathBuf,
}

impl ColumnAppender {
    /// `cells(i)` gives the new cells of data row `i`. The table is copied
    /// once, row ends found outside quoted cells, so nothing else changes.
    pub fn append<'c, const N: usize>(
        self,
        header: [&str; N],
        mut cells: impl FnMut(u64) -> [&'c str; N],
    ) -> Result<(), Error> {
        use std::io::{BufRead, BufReader, BufWriter, Write};
        let ColumnAppender { src, dst } = self;
        let err = |e: std::io::Error| Error::output(src.display(), e);
        let mut r = BufReader::with_capacity(1 << 16, fs::File::open(&src).map_err(err)?);
        let mut w = BufWriter::with_capacity(1 << 16, fs::File::create(&dst).map_err(err)?);
        let mut line = Vec::new();
        let mut in_quotes = false;
        let mut row: Option<u64> = None;
        loop {
            line.clear();
            if r.read_until(b'\n', &mut line).map_err(err)? == 0 {
                break;
            }
            // An odd number of quote marks on the line opens or closes a cell.
            in_quotes ^= memchr::memchr_iter(b'"', &line).count() % 2 == 1;
            if in_quotes || !line.ends_with(b"\r\n") {
                w.write_all(&line).map_err(err)?;
                continue;
            }
            w.write_all(&line[..line.len() - 2]).map_err(err)?;
            let new = match row {
                None => header,
                Some(i) => cells(i),
            };
            for c in new {
                w.write_all(b",").map_err(err)?;
                w.write_all(csv_cell(c).as_bytes()).map_err(err)?;
            }
            w.write_all(b"\r\n").map_err(err)?;
            row = Some(row.map_or(0, |i| i + 1));
        }
        w.flush().map_err(err)?;
        drop(w);
        fs::rename(&dst, &src).map_err(err)?;
        Ok(())
    }
}

/// The temporary folder; removed on drop unless the run was committed.
struct TmpDir {
    path: PathBuf,
    committed: bool,
}

impl Drop for TmpDir {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.path);
        }
    }
}
