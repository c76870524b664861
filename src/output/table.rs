//! One CSV file being written, in the dialect every table shares: UTF-8, a
//! header row, RFC 4180 quoting, CRLF, fixed float precision, and text cells
//! that a spreadsheet would execute made inert.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use crate::error::Error;

use super::OutputOptions;

/// A table column: its header, and how its cell is written from a row of
/// type `R`. Declaring both in one place keeps header and rows in step.
pub struct Column<R: ?Sized> {
    pub name: &'static str,
    pub cell: fn(&mut Table, &R) -> Result<(), Error>,
}

/// The header of a list of columns.
pub fn header<R: ?Sized>(columns: &[Column<R>]) -> Vec<&'static str> {
    columns.iter().map(|c| c.name).collect()
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
    pub(super) fn create(
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

    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Writes one row: every column's cell, then the row end.
    pub fn row<R: ?Sized>(&mut self, columns: &[Column<R>], row: &R) -> Result<(), Error> {
        for c in columns {
            (c.cell)(self, row)?;
        }
        self.w
            .write_record(std::iter::empty::<&[u8]>())
            .map_err(|e| Error::output(self.name, e))?;
        self.rows += 1;
        Ok(())
    }

    fn field(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.w
            .write_field(bytes)
            .map_err(|e| Error::output(self.name, e))
    }

    /// A free-text cell from the articles, made inert unless `--raw-cells`.
    pub fn text(&mut self, s: &str) -> Result<(), Error> {
        if self.raw {
            self.field(s.as_bytes())
        } else {
            let cell = inert(s);
            self.field(cell.as_bytes())
        }
    }

    /// An identifier cell (doc_id, path): written as it is, so that it joins
    /// with the user's own ids; ids are not free text from the articles.
    pub fn id(&mut self, s: &str) -> Result<(), Error> {
        self.field(s.as_bytes())
    }

    pub fn opt(&mut self, s: Option<&str>) -> Result<(), Error> {
        self.text(s.unwrap_or(""))
    }

    pub fn int(&mut self, n: u64) -> Result<(), Error> {
        // Disjoint fields: the formatted digits borrow `int`, the writer `w`.
        let s = self.int.format(n);
        self.w
            .write_field(s.as_bytes())
            .map_err(|e| Error::output(self.name, e))
    }

    pub fn opt_int(&mut self, n: Option<u64>) -> Result<(), Error> {
        match n {
            Some(n) => self.int(n),
            None => self.field(b""),
        }
    }

    /// A float with a fixed number of decimals, so output is byte-stable.
    pub fn float(&mut self, x: f64, decimals: usize) -> Result<(), Error> {
        let s = format!("{x:.decimals$}");
        self.field(s.as_bytes())
    }

    /// Flushes the file to disk; returns its number of rows.
    pub(super) fn finish(self) -> Result<u64, Error> {
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
