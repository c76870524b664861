//! The editable data files under `lexicons/`: where they come from and how
//! their rows are read.
//!
//! The binary embeds the repository's `lexicons/` so that it runs anywhere on
//! its own; `--lexicons DIR` replaces any of them file by file, so a user can
//! tune one list without copying the rest. Each stage parses the files it
//! needs into its own structures; this module only finds the text, checks the
//! row shape and remembers a hash of what was used (for the manifest).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::Error;

pub mod words;

/// The files the binary ships with, as (file name, contents).
const BUILTIN: &[(&str, &str)] = &[
    (
        "abbreviations.txt",
        include_str!("../../lexicons/abbreviations.txt"),
    ),
    (
        "boilerplate.tsv",
        include_str!("../../lexicons/boilerplate.tsv"),
    ),
    ("cleaning.tsv", include_str!("../../lexicons/cleaning.tsv")),
    ("cues.tsv", include_str!("../../lexicons/cues.tsv")),
    ("titles.tsv", include_str!("../../lexicons/titles.tsv")),
    ("entities.tsv", include_str!("../../lexicons/entities.tsv")),
    ("pronouns.tsv", include_str!("../../lexicons/pronouns.tsv")),
    ("demonyms.tsv", include_str!("../../lexicons/demonyms.tsv")),
    (
        "mention_words.tsv",
        include_str!("../../lexicons/mention_words.tsv"),
    ),
];

/// One lexicon file's text and where it was read from.
#[derive(Debug, Clone)]
pub struct LexiconFile {
    pub name: String,
    /// `builtin` or the path it was read from.
    pub origin: String,
    pub text: String,
    pub sha256: String,
}

/// All lexicon files a run uses.
#[derive(Debug, Clone)]
pub struct Lexicons {
    files: BTreeMap<String, LexiconFile>,
}

impl Lexicons {
    /// The built-in lists, each replaced by `dir/<name>` when that file exists.
    pub fn load(dir: Option<&Path>) -> Result<Self, Error> {
        if let Some(d) = dir {
            if !d.is_dir() {
                return Err(Error::Lexicon(format!(
                    "--lexicons {}: not a folder; give a folder holding files named like those in the repository's lexicons/",
                    d.display()
                )));
            }
        }
        let mut files = BTreeMap::new();
        for (name, builtin) in BUILTIN {
            let (origin, text) = match dir.map(|d| d.join(name)).filter(|p| p.exists()) {
                Some(p) => (p.display().to_string(), read_text(&p)?),
                None => ("builtin".to_string(), (*builtin).to_string()),
            };
            let sha256 = hex(&Sha256::digest(text.as_bytes()));
            files.insert(
                name.to_string(),
                LexiconFile {
                    name: name.to_string(),
                    origin,
                    text,
                    sha256,
                },
            );
        }
        Ok(Lexicons { files })
    }

    /// The built-in lists only.
    pub fn builtin() -> Self {
        Self::load(None).expect("built-in lexicons are valid")
    }

    pub fn file(&self, name: &str) -> &LexiconFile {
        self.files
            .get(name)
            .unwrap_or_else(|| panic!("lexicon {name} is not registered in BUILTIN"))
    }

    pub fn files(&self) -> impl Iterator<Item = &LexiconFile> {
        self.files.values()
    }

    /// Rows of a tab-separated file with between `min` and `max` columns.
    pub fn rows(&self, name: &str, min: usize, max: usize) -> Result<Vec<Row<'_>>, Error> {
        let f = self.file(name);
        parse_rows(&f.origin, &f.text, min, max)
    }
}

/// One data row of a lexicon file, with its line number for error messages.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub line: usize,
    pub cols: Vec<&'a str>,
    origin: &'a str,
}

impl Row<'_> {
    /// Column `i`, or "" when the row is shorter.
    pub fn col(&self, i: usize) -> &str {
        self.cols.get(i).copied().unwrap_or("")
    }

    /// An error that points the user at this row.
    pub fn error(&self, what: impl std::fmt::Display) -> Error {
        Error::Lexicon(format!("{}:{}: {}", self.origin, self.line, what))
    }
}

/// Rows of a TSV text: `#` starts a comment line, blank lines are skipped,
/// fields are trimmed of surrounding spaces.
pub fn parse_rows<'a>(
    origin: &'a str,
    text: &'a str,
    min: usize,
    max: usize,
) -> Result<Vec<Row<'a>>, Error> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let row = Row {
            line: i + 1,
            cols,
            origin,
        };
        if row.cols.len() < min || row.cols.len() > max {
            let want = if min == max {
                format!("{min}")
            } else {
                format!("{min} to {max}")
            };
            return Err(row.error(format!(
                "expected {want} tab-separated columns, found {} (are the separators tabs?)",
                row.cols.len()
            )));
        }
        out.push(row);
    }
    Ok(out)
}

/// Fails on the second row whose column `col` (lower-cased) repeats an
/// earlier one: a repeated term would silently override the first.
pub fn unique(rows: &[Row<'_>], col: usize) -> Result<(), Error> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for row in rows {
        let key = row.col(col).to_lowercase();
        if let Some(first) = seen.insert(key, row.line) {
            return Err(row.error(format!(
                "{:?} is already listed on line {first}; keep one row",
                row.col(col)
            )));
        }
    }
    Ok(())
}

fn read_text(p: &PathBuf) -> Result<String, Error> {
    let bytes = std::fs::read(p)
        .map_err(|e| Error::Lexicon(format!("{}: cannot read: {e}", p.display())))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec())
        .map_err(|_| Error::Lexicon(format!("{}: not UTF-8; save it as UTF-8", p.display())))
}

/// Lower-case hex of a digest.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_files_load() {
        let lx = Lexicons::builtin();
        assert!(lx.files().count() >= 3);
        assert!(lx.files().all(|f| f.sha256.len() == 64));
    }

    #[test]
    fn rows_skip_comments_and_check_width() {
        let t = "# header\n\na\tb\n  # indented comment\nc\td\n";
        let rows = parse_rows("t", t, 2, 2).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].line, 5);
        let err = parse_rows("t", "a b\n", 2, 2).unwrap_err().to_string();
        assert!(err.contains("t:1"), "{err}");
        assert!(err.contains("tabs"), "{err}");
    }

    #[test]
    fn a_repeated_term_names_both_lines() {
        let rows = parse_rows("t", "a\tx\nb\ty\nA\tz\n", 2, 2).unwrap();
        let err = unique(&rows, 0).unwrap_err().to_string();
        assert!(err.contains("t:3") && err.contains("line 1"), "{err}");
        assert!(unique(&rows[..2], 0).is_ok());
    }

    #[test]
    fn override_dir_replaces_one_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("abbreviations.txt"), "Foo.\ttitle\n").unwrap();
        let lx = Lexicons::load(Some(dir.path())).unwrap();
        assert!(lx.file("abbreviations.txt").text.starts_with("Foo."));
        assert_eq!(lx.file("boilerplate.tsv").origin, "builtin");
    }
}
