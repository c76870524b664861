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
        let mut buf = [0u8; 40];
        match fixed_decimals(x, decimals, &mut buf) {
            Some(s) => self
                .w
                .write_field(s.as_bytes())
                .map_err(|e| Error::output(self.name, e)),
            None => {
                let s = format!("{x:.decimals$}");
                self.field(s.as_bytes())
            }
        }
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

/// `x` with `decimals` decimals, as `format!("{x:.decimals$}")` writes it,
/// without its cost (the stance tables write millions of numbers), into
/// `out`. `None` where the shortcut could round differently (near a half,
/// or huge), and the caller formats the slow way.
fn fixed_decimals(x: f64, decimals: usize, out: &mut [u8; 40]) -> Option<&str> {
    const POW: [f64; 7] = [1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6];
    let scale = *POW.get(decimals)?;
    let scaled = x.abs() * scale;
    if !scaled.is_finite() || scaled >= 1e15 || (scaled.fract() - 0.5).abs() < 1e-6 {
        return None;
    }
    let mut n = scaled.round() as u64;
    // Digits from the right: the decimals, the point, the integer part.
    let mut i = out.len();
    let mut put = |b: u8, i: &mut usize| {
        *i -= 1;
        out[*i] = b;
    };
    for _ in 0..decimals {
        put(b'0' + (n % 10) as u8, &mut i);
        n /= 10;
    }
    if decimals > 0 {
        put(b'.', &mut i);
    }
    loop {
        put(b'0' + (n % 10) as u8, &mut i);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // Rust writes the sign of every negative number, -0.0 and -0.00001 included.
    if x.is_sign_negative() {
        put(b'-', &mut i);
    }
    std::str::from_utf8(&out[i..]).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_decimals_write_what_format_writes() {
        let mut buf = [0u8; 40];
        let mut x: f64 = -3.0;
        while x < 3.0 {
            for d in [0, 2, 4] {
                if let Some(s) = fixed_decimals(x, d, &mut buf) {
                    assert_eq!(s, format!("{x:.d$}"), "{x} with {d} decimals");
                }
            }
            x += 0.000_37;
        }
        for x in [
            0.0, -0.0, 0.85, 0.3, 0.9, 1.0, -1.0, 0.125, -0.00001, 12345.678,
        ] {
            for d in [0, 2, 4] {
                let s = fixed_decimals(x, d, &mut buf)
                    .map(str::to_string)
                    .unwrap_or_else(|| format!("{x:.d$}"));
                assert_eq!(s, format!("{x:.d$}"), "{x} with {d} decimals");
            }
        }
    }

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
