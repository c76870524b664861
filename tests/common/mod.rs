//! Helpers for the end-to-end tests: running the built binary and reading the
//! CSV tables it writes.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The repository's sample corpus.
pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct RunResult {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl RunResult {
    /// Panics with the run's output unless it exited with `code`.
    #[track_caller]
    pub fn expect_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "unexpected exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

/// Runs `quotestance` with `args`, in `cwd` (always a temporary folder, so a
/// forgotten `--out` can never write into the repository), feeding `stdin`.
pub fn run_in(cwd: &Path, args: &[&std::ffi::OsStr], stdin: Option<&[u8]>) -> RunResult {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quotestance"));
    cmd.args(args)
        .current_dir(cwd)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("the quotestance binary starts");
    if let Some(data) = stdin {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        pipe.write_all(data).expect("write to stdin");
        drop(pipe);
    }
    let out = child.wait_with_output().expect("wait for quotestance");
    RunResult {
        code: out.status.code().expect("exited normally, not by a signal"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Builds an argument list from anything path- or string-like.
macro_rules! args {
    ($($a:expr),* $(,)?) => {
        &[$(::std::ffi::OsStr::new(&$a)),*][..]
    };
}

/// One CSV table, read whole.
#[derive(Debug, Clone)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    index: HashMap<String, usize>,
}

impl Table {
    #[track_caller]
    pub fn read(path: &Path) -> Table {
        let mut r = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .from_path(path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let headers: Vec<String> = r
            .headers()
            .unwrap_or_else(|e| panic!("{}: bad header: {e}", path.display()))
            .iter()
            .map(String::from)
            .collect();
        let rows = r
            .records()
            .map(|rec| {
                rec.unwrap_or_else(|e| panic!("{}: bad row: {e}", path.display()))
                    .iter()
                    .map(String::from)
                    .collect()
            })
            .collect();
        let index = headers
            .iter()
            .enumerate()
            .map(|(i, h)| (h.clone(), i))
            .collect();
        Table {
            headers,
            rows,
            index,
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Column number of `name`; panics when the table has no such column.
    #[track_caller]
    pub fn col(&self, name: &str) -> usize {
        *self
            .index
            .get(name)
            .unwrap_or_else(|| panic!("no column {name:?} in {:?}", self.headers))
    }

    /// The cell of `row` in column `name`.
    #[track_caller]
    pub fn get<'a>(&self, row: &'a [String], name: &str) -> &'a str {
        &row[self.col(name)]
    }

    /// The cell parsed as an unsigned number.
    #[track_caller]
    pub fn num(&self, row: &[String], name: &str) -> usize {
        let v = self.get(row, name);
        v.parse()
            .unwrap_or_else(|_| panic!("column {name}: {v:?} is not a number"))
    }

    /// Rows whose `doc_id` is `doc`.
    pub fn doc<'a>(&'a self, doc: &str) -> impl Iterator<Item = &'a Vec<String>> + 'a {
        let c = self.col("doc_id");
        let doc = doc.to_string();
        self.rows.iter().filter(move |r| r[c] == doc)
    }

    /// The single row whose `doc_id` is `doc`.
    #[track_caller]
    pub fn doc_row(&self, doc: &str) -> &[String] {
        let rows: Vec<_> = self.doc(doc).collect();
        assert_eq!(rows.len(), 1, "expected one row for doc_id {doc:?}");
        rows[0]
    }

    /// The values of column `name`, in row order.
    pub fn column(&self, name: &str) -> Vec<&str> {
        let c = self.col(name);
        self.rows.iter().map(|r| r[c].as_str()).collect()
    }
}

/// Reads `dir/name` as a [`Table`].
#[track_caller]
pub fn table(dir: &Path, name: &str) -> Table {
    Table::read(&dir.join(name))
}

/// Names of the entries of a folder (empty when it does not exist).
pub fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    };
    v.sort();
    v
}
