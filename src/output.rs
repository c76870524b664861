//! Output: the CSV tables and the manifest, written all-or-nothing.
//!
//! One writer serves every table so that they share one dialect: UTF-8, a
//! header row, RFC 4180 quoting, fixed float precision, and text cells that a
//! spreadsheet would execute made inert. Tables are written into a temporary
//! folder inside `--out` and renamed into place only after every one of them
//! is complete, so a crash or a full disk never leaves a mix of old and new.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::pipeline::DocResult;
use crate::span::{CharIndex, Span};

/// Every table the tool can write, in the order they are documented.
pub const TABLES: &[&str] = &[
    "documents.csv",
    "paragraphs.csv",
    "sentences.csv",
    "tokens.csv",
    "statements.csv",
];

pub const STATEMENTS: &[&str] = &[
    "statement_id",
    "part",
    "parts",
    "doc_id",
    "paragraph",
    "sentence",
    "kind",
    "start_byte",
    "end_byte",
    "start_char",
    "end_char",
    "cue",
    "cue_lemma",
    "cue_class",
    "cue_start_char",
    "cue_end_char",
    "speaker_mention",
    "speaker_mention_start_char",
    "speaker_mention_end_char",
    "speaker_id",
    "speaker",
    "speaker_type",
    "speaker_title",
    "speaker_affiliation",
    "resolution",
    "confidence",
    "text",
];

pub const DOCUMENTS: &[&str] = &[
    "doc_id",
    "path",
    "source",
    "date",
    "url",
    "dateline",
    "title",
    "status",
    "message",
    "bytes",
    "chars",
    "paragraphs",
    "sentences",
    "tokens",
    "flagged_paragraphs",
    "content_hash",
];

pub const PARAGRAPHS: &[&str] = &[
    "doc_id",
    "paragraph",
    "start_byte",
    "end_byte",
    "start_char",
    "end_char",
    "flag",
    "text",
];

pub const SENTENCES: &[&str] = &[
    "doc_id",
    "sentence",
    "paragraph",
    "start_byte",
    "end_byte",
    "start_char",
    "end_char",
    "flag",
    "subword_tokens",
    "text",
];

pub const TOKENS: &[&str] = &[
    "doc_id",
    "sentence",
    "token",
    "start_byte",
    "end_byte",
    "start_char",
    "end_char",
    "text",
    "norm",
    "stem",
];

#[derive(Debug, Clone, Default)]
pub struct OutputOptions {
    /// Start each table with a UTF-8 BOM, which Excel needs to read UTF-8.
    pub excel_bom: bool,
    /// Leave text cells exactly as they are, even `=cmd()`.
    pub raw_cells: bool,
    /// Write tokens.csv.
    pub tokens: bool,
}

/// Makes a text cell inert for spreadsheets: cells starting with `=`, `+`,
/// `-`, `@`, tab or CR get a leading apostrophe (OWASP's CSV-injection rule).
pub fn inert(s: &str) -> std::borrow::Cow<'_, str> {
    match s.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => format!("'{s}").into(),
        _ => s.into(),
    }
}

/// One CSV table being written.
pub struct Table {
    w: csv::Writer<BufWriter<File>>,
    raw: bool,
    name: &'static str,
    rows: u64,
    int: itoa::Buffer,
}

impl Table {
    fn create(
        dir: &Path,
        name: &'static str,
        header: &[&str],
        opts: &OutputOptions,
    ) -> Result<Self, Error> {
        let path = dir.join(name);
        let f = File::create(&path).map_err(|e| Error::output(path.display(), e))?;
        let mut bw = BufWriter::with_capacity(1 << 16, f);
        if opts.excel_bom {
            bw.write_all(b"\xEF\xBB\xBF")
                .map_err(|e| Error::output(path.display(), e))?;
        }
        let mut w = csv::WriterBuilder::new()
            .quote_style(csv::QuoteStyle::Necessary)
            .terminator(csv::Terminator::CRLF)
            .from_writer(bw);
        w.write_record(header).map_err(|e| Error::output(name, e))?;
        Ok(Table {
            w,
            raw: opts.raw_cells,
            name,
            rows: 0,
            int: itoa::Buffer::new(),
        })
    }

    pub fn text(&mut self, s: &str) -> Result<&mut Self, Error> {
        let cell = if self.raw { s.into() } else { inert(s) };
        self.w
            .write_field(cell.as_bytes())
            .map_err(|e| Error::output(self.name, e))?;
        Ok(self)
    }

    /// An identifier cell (doc_id, path): written as it is, so that it joins
    /// with the user's own ids; ids are not free text from the articles.
    pub fn id(&mut self, s: &str) -> Result<&mut Self, Error> {
        self.w
            .write_field(s.as_bytes())
            .map_err(|e| Error::output(self.name, e))?;
        Ok(self)
    }

    pub fn opt(&mut self, s: Option<&str>) -> Result<&mut Self, Error> {
        self.text(s.unwrap_or(""))
    }

    pub fn int(&mut self, n: u64) -> Result<&mut Self, Error> {
        // Disjoint fields: the formatted digits borrow `int`, the writer `w`.
        let s = self.int.format(n);
        self.w
            .write_field(s.as_bytes())
            .map_err(|e| Error::output(self.name, e))?;
        Ok(self)
    }

    pub fn opt_int(&mut self, n: Option<u64>) -> Result<&mut Self, Error> {
        match n {
            Some(n) => self.int(n),
            None => self.text(""),
        }
    }

    /// A float with a fixed number of decimals, so output is byte-stable.
    pub fn float(&mut self, x: f64, decimals: usize) -> Result<&mut Self, Error> {
        let s = format!("{x:.decimals$}");
        self.w
            .write_field(s.as_bytes())
            .map_err(|e| Error::output(self.name, e))?;
        Ok(self)
    }

    /// The four offset columns of a span.
    pub fn span(&mut self, sp: Span, text: &str, ix: &CharIndex) -> Result<&mut Self, Error> {
        self.int(sp.start as u64)?
            .int(sp.end as u64)?
            .int(ix.char_of(text, sp.start) as u64)?
            .int(ix.char_of(text, sp.end) as u64)
    }

    pub fn end(&mut self) -> Result<(), Error> {
        self.w
            .write_record(std::iter::empty::<&[u8]>())
            .map_err(|e| Error::output(self.name, e))?;
        self.rows += 1;
        Ok(())
    }

    fn finish(self) -> Result<u64, Error> {
        let name = self.name;
        let mut bw = self
            .w
            .into_inner()
            .map_err(|e| Error::output(name, e.error()))?;
        bw.flush().map_err(|e| Error::output(name, e))?;
        bw.get_ref()
            .sync_all()
            .map_err(|e| Error::output(name, e))?;
        Ok(self.rows)
    }
}

/// All tables of one run.
pub struct Output {
    out_dir: PathBuf,
    tmp: TmpDir,
    documents: Table,
    paragraphs: Table,
    sentences: Table,
    tokens: Option<Table>,
    statements: Table,
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
            documents: Table::create(&tmp_dir, "documents.csv", DOCUMENTS, opts)?,
            paragraphs: Table::create(&tmp_dir, "paragraphs.csv", PARAGRAPHS, opts)?,
            sentences: Table::create(&tmp_dir, "sentences.csv", SENTENCES, opts)?,
            tokens: if opts.tokens {
                Some(Table::create(&tmp_dir, "tokens.csv", TOKENS, opts)?)
            } else {
                None
            },
            statements: Table::create(&tmp_dir, "statements.csv", STATEMENTS, opts)?,
            tmp,
        })
    }

    /// Writes every row one document contributes, to every table.
    pub fn write(&mut self, r: &DocResult) -> Result<(), Error> {
        let a = r.analysis.as_ref();
        let d = &mut self.documents;
        d.id(&r.doc_id)?.id(&r.path)?;
        let source = r
            .meta
            .source
            .as_deref()
            .or(a.and_then(|a| a.cleaned.dateline_source.as_deref()));
        d.opt(source)?
            .opt(r.meta.date.as_deref())?
            .opt(r.meta.url.as_deref())?
            .opt(a.and_then(|a| a.cleaned.dateline.as_deref()))?
            .opt(
                r.meta
                    .title
                    .as_deref()
                    .or(a.and_then(|a| a.cleaned.title.as_deref())),
            )?
            .text(r.status.as_str())?
            .text(&r.message)?
            .int(r.bytes)?;
        match a {
            Some(a) => {
                d.int(a.chars.chars() as u64)?
                    .int(a.cleaned.paragraphs.len() as u64)?
                    .int(a.tokens.sentences.len() as u64)?
                    .int(a.tokens.tokens.len() as u64)?
                    .int(a.cleaned.paragraphs.iter().filter(|p| !p.is_body()).count() as u64)?;
            }
            None => {
                for _ in 0..5 {
                    d.text("")?;
                }
            }
        }
        d.text(&r.content_hash)?.end()?;

        let Some(a) = a else { return Ok(()) };
        let text = a.text.as_str();
        for (i, p) in a.cleaned.paragraphs.iter().enumerate() {
            self.paragraphs
                .id(&r.doc_id)?
                .int(i as u64)?
                .span(p.span, text, &a.chars)?
                .opt(p.flag.as_deref())?
                .text(p.span.slice(text))?
                .end()?;
        }
        for (i, s) in a.tokens.sentences.iter().enumerate() {
            self.sentences
                .id(&r.doc_id)?
                .int(i as u64)?
                .int(s.paragraph as u64)?
                .span(s.span, text, &a.chars)?
                .opt(s.flag.as_deref())?
                .opt_int(s.subwords.map(|n| n as u64))?
                .text(s.span.slice(text))?
                .end()?;
            if let Some(t) = self.tokens.as_mut() {
                for (k, tok) in a.tokens.tokens[s.tokens.clone()].iter().enumerate() {
                    t.id(&r.doc_id)?
                        .int(i as u64)?
                        .int((s.tokens.start + k) as u64)?
                        .span(tok.span, text, &a.chars)?
                        .text(tok.span.slice(text))?
                        .text(a.tokens.norm(tok))?
                        .text(a.tokens.stem(tok))?
                        .end()?;
                }
            }
        }
        self.write_statements(&r.doc_id, a)
    }

    fn write_statements(
        &mut self,
        doc_id: &str,
        a: &crate::pipeline::Analysis,
    ) -> Result<(), Error> {
        use crate::speakers::SpeakerType;
        let text = a.text.as_str();
        let ix = &a.chars;
        let sentence_of = |pos: usize| {
            a.tokens
                .sentences
                .partition_point(|s| s.span.end <= pos)
                .min(a.tokens.sentences.len().saturating_sub(1))
        };
        for (st, sp) in a.statements.iter().zip(&a.speakers) {
            let first = st.parts[0];
            let id = format!("{doc_id}:{}", ix.char_of(text, first.start));
            let entity = sp.entity.map(|e| &a.entities[e]);
            for (k, part) in st.parts.iter().enumerate() {
                let si = sentence_of(part.start);
                let t = &mut self.statements;
                t.id(&id)?
                    .int(k as u64 + 1)?
                    .int(st.parts.len() as u64)?
                    .id(doc_id)?
                    .int(a.tokens.sentences.get(si).map_or(0, |s| s.paragraph) as u64)?
                    .int(si as u64)?
                    .text(st.kind.as_str())?
                    .span(*part, text, ix)?;
                match &st.cue {
                    Some(c) => {
                        t.text(c.span.slice(text))?
                            .text(&c.lemma)?
                            .text(&c.class)?
                            .int(ix.char_of(text, c.span.start) as u64)?
                            .int(ix.char_of(text, c.span.end) as u64)?;
                    }
                    None => {
                        t.text("")?.text("")?.text("")?.text("")?.text("")?;
                    }
                }
                match st.mention {
                    Some(m) => {
                        t.text(m.slice(text))?
                            .int(ix.char_of(text, m.start) as u64)?
                            .int(ix.char_of(text, m.end) as u64)?;
                    }
                    None => {
                        t.text("")?.text("")?.text("")?;
                    }
                }
                match entity {
                    Some(e) => {
                        t.id(&format!("{doc_id}:e{}", sp.entity.unwrap_or(0) + 1))?
                            .text(&e.name)?
                            .text(e.kind.as_str())?
                            .opt(e.title.as_deref())?
                            .opt(e.affiliation.as_deref())?;
                    }
                    None => {
                        t.text("")?
                            .text("")?
                            .text(SpeakerType::Unresolved.as_str())?
                            .text("")?
                            .text("")?;
                    }
                }
                let conf = if entity.is_some() {
                    st.confidence
                } else {
                    st.confidence.min(0.3)
                };
                t.text(sp.resolution.as_str())?
                    .float(conf, 2)?
                    .text(part.slice(text))?
                    .end()?;
            }
        }
        Ok(())
    }

    /// Finishes every table, writes the manifest and moves it all into place.
    /// Returns the row count of each table.
    pub fn commit(self, manifest: serde_json::Value) -> Result<Vec<(String, u64)>, Error> {
        let Output {
            out_dir,
            mut tmp,
            documents,
            paragraphs,
            sentences,
            tokens,
            statements,
        } = self;
        let mut counts = Vec::new();
        for t in [
            Some(documents),
            Some(paragraphs),
            Some(sentences),
            tokens,
            Some(statements),
        ]
        .into_iter()
        .flatten()
        {
            let name = t.name;
            counts.push((name.to_string(), t.finish()?));
        }
        let mut manifest = manifest;
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
        for name in TABLES {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_made_inert() {
        assert_eq!(inert("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(inert("+1"), "'+1");
        assert_eq!(inert("-x"), "'-x");
        assert_eq!(inert("@me"), "'@me");
        assert_eq!(inert("\tx"), "'\tx");
        assert_eq!(inert("plain"), "plain");
        assert_eq!(inert("“quoted”"), "“quoted”");
    }
}
