//! One CSV file being written, in the dialect every table shares: UTF-8, a
//! header row, RFC 4180 quoting, CRLF, fixed float precision, and text cells
//! that a spreadsheet would execute made inert.

use std::fs::File;
use std::io::Write;
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

/// Bytes a table gathers before it writes them to its file.
const BUF_BYTES: usize = 1 << 16;

/// One CSV table being written.
///
/// The cells are written straight into a buffer: numbers and names never
/// need quotes, and the tables write millions of cells, so a general CSV
/// writer's per-cell bookkeeping would cost more than the numbers do. The
/// dialect is the csv crate's with `QuoteStyle::Necessary` and CRLF: a cell
/// is quoted when it holds a comma, a quote, CR or LF, quotes doubled; a row
/// of one empty cell is written `""`.
pub struct Table {
    file: File,
    buf: Vec<u8>,
    raw: bool,
    name: &'static str,
    rows: u64,
    /// Cells of the row being written, and of the header (every row has as many).
    cells: usize,
    width: usize,
    /// Where the row being written starts in `buf`.
    row_start: usize,
    int: itoa::Buffer,
}

/// Whether a cell must be quoted: it holds a comma, a quote, CR or LF.
/// Long cells (sentences, paragraphs) by vectorised search; short ones,
/// most cells, where setting that up costs more than it saves, eight bytes
/// at a time (a byte equal to one of those is a zero byte of the word XOR
/// that byte, which the classic test finds).
fn needs_quotes(bytes: &[u8]) -> bool {
    if bytes.len() >= 48 {
        return memchr::memchr3(b',', b'"', b'\n', bytes).is_some()
            || memchr::memchr(b'\r', bytes).is_some();
    }
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS != 0;
    let special = |v: u64| {
        has_zero(v ^ (ONES * u64::from(b',')))
            || has_zero(v ^ (ONES * u64::from(b'"')))
            || has_zero(v ^ (ONES * u64::from(b'\r')))
            || has_zero(v ^ (ONES * u64::from(b'\n')))
    };
    let mut words = bytes.chunks_exact(8);
    for w in words.by_ref() {
        let mut b = [0u8; 8];
        b.copy_from_slice(w);
        if special(u64::from_le_bytes(b)) {
            return true;
        }
    }
    words
        .remainder()
        .iter()
        .any(|&b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
}

impl Table {
    pub(super) fn create(
        dir: &Path,
        name: &'static str,
        header: &[&str],
        opts: &OutputOptions,
    ) -> Result<Self, Error> {
        let path = dir.join(name);
        let file = File::create(&path).map_err(|e| Error::output(path.display(), e))?;
        let mut t = Table {
            file,
            buf: Vec::with_capacity(BUF_BYTES + 4096),
            raw: opts.raw_cells,
            name,
            rows: 0,
            cells: 0,
            width: header.len(),
            row_start: 0,
            int: itoa::Buffer::new(),
        };
        if opts.excel_bom {
            t.buf.extend_from_slice(b"\xEF\xBB\xBF");
            t.row_start = t.buf.len();
        }
        for h in header {
            t.field(h.as_bytes())?;
        }
        t.end_row()?;
        Ok(t)
    }

    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Writes one row: every column's cell, then the row end.
    pub fn row<R: ?Sized>(&mut self, columns: &[Column<R>], row: &R) -> Result<(), Error> {
        for c in columns {
            (c.cell)(self, row)?;
        }
        self.end_row()?;
        self.rows += 1;
        Ok(())
    }

    fn end_row(&mut self) -> Result<(), Error> {
        if self.cells != self.width {
            return Err(Error::Output(format!(
                "{}: a row of {} cells in a table of {} columns",
                self.name, self.cells, self.width
            )));
        }
        if self.buf.len() == self.row_start {
            // One empty cell: quoted, or the row would read as no row.
            self.buf.extend_from_slice(b"\"\"");
        }
        self.buf.extend_from_slice(b"\r\n");
        self.cells = 0;
        if self.buf.len() >= BUF_BYTES {
            self.flush()?;
        }
        self.row_start = self.buf.len();
        Ok(())
    }

    fn flush(&mut self) -> Result<(), Error> {
        self.file
            .write_all(&self.buf)
            .map_err(|e| Error::output(self.name, e))?;
        self.buf.clear();
        Ok(())
    }

    /// Starts a cell: the delimiter before every cell but a row's first.
    fn delimit(&mut self) {
        if self.cells > 0 {
            self.buf.push(b',');
        }
        self.cells += 1;
    }

    /// A cell that never needs quotes (digits, a number's sign and point).
    fn plain(&mut self, bytes: &[u8]) {
        self.delimit();
        self.buf.extend_from_slice(bytes);
    }

    fn field(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.delimit();
        if !needs_quotes(bytes) {
            self.buf.extend_from_slice(bytes);
            return Ok(());
        }
        self.buf.push(b'"');
        let mut rest = bytes;
        while let Some(k) = memchr::memchr(b'"', rest) {
            // The quote, then the quote that escapes it.
            self.buf.extend_from_slice(&rest[..=k]);
            self.buf.push(b'"');
            rest = &rest[k + 1..];
        }
        self.buf.extend_from_slice(rest);
        self.buf.push(b'"');
        Ok(())
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
        self.delimit();
        // Disjoint fields: the formatted digits borrow `int`, the buffer `buf`.
        let s = self.int.format(n);
        self.buf.extend_from_slice(s.as_bytes());
        Ok(())
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
            Some(s) => self.plain(s),
            None => {
                // "NaN", "inf" and digits: nothing to quote.
                let s = format!("{x:.decimals$}");
                self.plain(s.as_bytes());
            }
        }
        Ok(())
    }

    /// Writes the rest to disk; returns the table's number of rows.
    pub(super) fn finish(mut self) -> Result<u64, Error> {
        self.flush()?;
        self.file
            .sync_all()
            .map_err(|e| Error::output(self.name, e))?;
        Ok(self.rows)
    }
}

/// `x` with `decimals` decimals, as `format!("{x:.decimals$}")` writes it,
/// without its cost (the stance tables write millions of numbers), into
/// `out`. `None` where the shortcut could round differently (near a half,
/// or huge), and the caller formats the slow way.
fn fixed_decimals(x: f64, decimals: usize, out: &mut [u8; 40]) -> Option<&[u8]> {
    const POW: [f64; 7] = [1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6];
    let scale = *POW.get(decimals)?;
    let scaled = x.abs() * scale;
    if !scaled.is_finite() || scaled >= 1e15 {
        return None;
    }
    // The integer part and the fraction, exactly (below 2^53 a float's
    // integer part fits a u64 and the subtraction loses nothing); `round`
    // and `fract` would each be a library call on baseline x86-64.
    let whole = scaled as u64;
    let fract = scaled - whole as f64;
    if (fract - 0.5).abs() < 1e-6 {
        return None;
    }
    let mut n = whole + u64::from(fract > 0.5);
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
    Some(&out[i..])
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
                    assert_eq!(s, format!("{x:.d$}").as_bytes(), "{x} with {d} decimals");
                }
            }
            x += 0.000_37;
        }
        for x in [
            0.0, -0.0, 0.85, 0.3, 0.9, 1.0, -1.0, 0.125, -0.00001, 12345.678,
        ] {
            for d in [0, 2, 4] {
                let s = fixed_decimals(x, d, &mut buf)
                    .map(|b| String::from_utf8(b.to_vec()).unwrap())
                    .unwrap_or_else(|| format!("{x:.d$}"));
                assert_eq!(s, format!("{x:.d$}"), "{x} with {d} decimals");
            }
        }
    }

    #[test]
    fn cells_are_quoted_when_they_hold_a_delimiter_quote_or_line_end() {
        for n in (0..20).chain([47, 48, 49, 100]) {
            let plain = "a".repeat(n);
            assert!(!needs_quotes(plain.as_bytes()), "{plain}");
            for special in [',', '"', '\r', '\n'] {
                for at in 0..=n {
                    let mut s = plain.clone();
                    s.insert(at, special);
                    assert!(needs_quotes(s.as_bytes()), "{s:?}");
                }
            }
        }
        // Bytes next to the special ones, and UTF-8, are not special.
        assert!(!needs_quotes(
            "+-./ !#\t\x0b\x0c\x0e\x1f“José”é€".as_bytes()
        ));
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
