//! The editable data files under `lexicons/`: where they come from and how
//! their rows are read.
//!
//! The binary embeds the repository's `lexicons/` so that it runs anywhere on
//! its own; `--lexicons DIR` replaces any of them file by file, so a user can
//! tune one list without copying the rest. The stance lexicons are a set
//! rather than fixed names (`lexicons/stance/`): a `stance/` folder in DIR
//! replaces the whole set, and `--lexicon PATH` adds files to it. Each stage
//! parses the files it needs into its own structures; this module only finds
//! the text, checks the row shape and remembers a hash of what was used (for
//! the manifest).

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
    (
        "head_synonyms.tsv",
        include_str!("../../lexicons/head_synonyms.tsv"),
    ),
    ("pronouns.tsv", include_str!("../../lexicons/pronouns.tsv")),
    ("demonyms.tsv", include_str!("../../lexicons/demonyms.tsv")),
    (
        "mention_words.tsv",
        include_str!("../../lexicons/mention_words.tsv"),
    ),
    ("targets.tsv", include_str!("../../lexicons/targets.tsv")),
    ("aliases.tsv", include_str!("../../lexicons/aliases.tsv")),
];

/// The stance lexicons the binary ships with (the set `lexicons/stance/` holds).
const BUILTIN_STANCE: &[(&str, &str)] = &[
    (
        "stance/acts.tsv",
        include_str!("../../lexicons/stance/acts.tsv"),
    ),
    (
        "stance/news_valence.tsv",
        include_str!("../../lexicons/stance/news_valence.tsv"),
    ),
    (
        "stance/person_valence.tsv",
        include_str!("../../lexicons/stance/person_valence.tsv"),
    ),
    (
        "stance/topic_neutral.txt",
        include_str!("../../lexicons/stance/topic_neutral.txt"),
    ),
    (
        "stance/vader_lexicon.txt",
        include_str!("../../lexicons/stance/vader_lexicon.txt"),
    ),
];

/// File endings of stance lexicons: our TSV, VADER's format or a plain word
/// list (`.txt`), LIWC-style dictionaries (`.dic`).
pub const STANCE_EXTENSIONS: &[&str] = &["tsv", "txt", "dic"];

/// One lexicon file's text and where it was read from.
#[derive(Debug, Clone)]
pub struct LexiconFile {
    pub name: String,
    /// `builtin` or the path it was read from.
    pub origin: String,
    pub text: String,
    pub sha256: String,
    /// A stance lexicon (one of the set), rather than a file of fixed name.
    pub stance: bool,
}

impl LexiconFile {
    fn new(name: String, origin: String, text: String, stance: bool) -> Self {
        let sha256 = hex(&Sha256::digest(text.as_bytes()));
        LexiconFile {
            name,
            origin,
            text,
            sha256,
            stance,
        }
    }

    /// Where the file is, for messages: its path, or `lexicons/NAME (built in)`.
    pub fn location(&self) -> String {
        if self.origin == "builtin" {
            format!("lexicons/{} (built in)", self.name)
        } else {
            self.origin.clone()
        }
    }

    /// Reads a file given by the user.
    pub fn read(name: String, path: &Path, stance: bool) -> Result<Self, Error> {
        Ok(Self::new(
            name,
            path.display().to_string(),
            read_text(path)?,
            stance,
        ))
    }
}

/// All lexicon files a run uses.
#[derive(Debug, Clone)]
pub struct Lexicons {
    files: BTreeMap<String, LexiconFile>,
}

impl Lexicons {
    /// The built-in lists, each replaced by `dir/<name>` when that file exists.
    pub fn load(dir: Option<&Path>) -> Result<Self, Error> {
        Self::load_with(dir, &[])
    }

    /// As [`Lexicons::load`], with the stance set replaced by `dir/stance/`
    /// when that folder exists, and `extra` stance lexicons added to it.
    pub fn load_with(dir: Option<&Path>, extra: &[PathBuf]) -> Result<Self, Error> {
        if let Some(d) = dir {
            if !d.is_dir() {
                return Err(Error::Lexicon(format!(
                    "--lexicons {}: not a folder; give a folder holding files named like those in the repository's lexicons/",
                    d.display()
                )));
            }
        }
        let mut files = BTreeMap::new();
        let mut add = |f: LexiconFile| files.insert(f.name.clone(), f);
        for (name, builtin) in BUILTIN {
            add(match dir.map(|d| d.join(name)).filter(|p| p.exists()) {
                Some(p) => LexiconFile::read(name.to_string(), &p, false)?,
                None => LexiconFile::new(
                    name.to_string(),
                    "builtin".into(),
                    builtin.to_string(),
                    false,
                ),
            });
        }
        match dir.map(|d| d.join("stance")).filter(|p| p.is_dir()) {
            Some(set) => {
                for p in stance_files_in(&set)? {
                    let name = format!(
                        "stance/{}",
                        p.file_name().unwrap_or_default().to_string_lossy()
                    );
                    add(LexiconFile::read(name, &p, true)?);
                }
            }
            None => {
                for (name, builtin) in BUILTIN_STANCE {
                    add(LexiconFile::new(
                        name.to_string(),
                        "builtin".into(),
                        builtin.to_string(),
                        true,
                    ));
                }
            }
        }
        for p in extra {
            let ext = p
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            if !STANCE_EXTENSIONS.contains(&ext.as_str()) {
                return Err(Error::Lexicon(format!(
                    "--lexicon {}: a stance lexicon ends in .tsv (our format), .txt (VADER's format or a word list) or .dic (LIWC style)",
                    p.display()
                )));
            }
            if !p.is_file() {
                return Err(Error::Lexicon(format!(
                    "--lexicon {}: no such file",
                    p.display()
                )));
            }
            add(LexiconFile::read(
                format!("added/{}", p.display()),
                p,
                true,
            )?);
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

    /// The stance lexicons, in name order.
    pub fn stance_files(&self) -> impl Iterator<Item = &LexiconFile> {
        self.files.values().filter(|f| f.stance)
    }

    /// Rows of a tab-separated file with between `min` and `max` columns.
    pub fn rows(&self, name: &str, min: usize, max: usize) -> Result<Vec<Row<'_>>, Error> {
        let f = self.file(name);
        parse_rows(&f.location(), &f.text, min, max)
    }
}

/// One data row of a lexicon file, with its line number for error messages.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub line: usize,
    pub cols: Vec<&'a str>,
    origin: std::rc::Rc<str>,
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
    origin: &str,
    text: &'a str,
    min: usize,
    max: usize,
) -> Result<Vec<Row<'a>>, Error> {
    let origin: std::rc::Rc<str> = origin.into();
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
            origin: origin.clone(),
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

/// The stance lexicons of a folder, in name order.
fn stance_files_in(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let rd = std::fs::read_dir(dir)
        .map_err(|e| Error::Lexicon(format!("{}: cannot list: {e}", dir.display())))?;
    let mut out: Vec<PathBuf> = rd
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            // A licence or read-me beside the lists is not a list.
            let stem = p
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .to_lowercase();
            p.is_file()
                && !stem.contains("license")
                && !stem.contains("licence")
                && !stem.starts_with("readme")
                && p.extension().is_some_and(|e| {
                    STANCE_EXTENSIONS.contains(&e.to_string_lossy().to_lowercase().as_str())
                })
        })
        .collect();
    out.sort();
    Ok(out)
}

fn read_text(p: &Path) -> Result<String, Error> {
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
