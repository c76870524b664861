//! Helpers for the end-to-end tests: running the built binary, making up
//! input files and reading the CSV tables it writes.
//!
//! Every test works in its own temporary folder (also the binary's working
//! directory) and never writes into the repository.

// Each test file uses a subset of these helpers.
#![allow(dead_code)]

use std::collections::HashMap;
use std::ffi::OsStr;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use tempfile::TempDir;

/// Name prefix of the temporary folder a run writes its tables into.
pub const TMP_PREFIX: &str = ".quotestance-tmp-";

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

/// A new temporary folder.
pub fn tmp() -> TempDir {
    tempfile::tempdir().expect("temporary folder")
}

/// Writes `files` (relative path → bytes) under `dir`, creating folders.
pub fn write_files(dir: &Path, files: &[(&str, &[u8])]) {
    for (name, bytes) in files {
        let p = dir.join(name);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(&p, bytes).unwrap();
    }
}

/// One run of the binary on files made up by a test (see [`run_files`]).
pub struct FilesRun {
    /// The temporary folder, also the binary's working directory; removed
    /// when this is dropped.
    pub tmp: TempDir,
    /// `tmp/in`, the folder the files were written into and the first input.
    pub input: PathBuf,
    /// `tmp/out`, the `--out` folder.
    pub out: PathBuf,
    /// What the run did.
    pub result: RunResult,
}

impl FilesRun {
    /// Reads the output table `name` ("sentences.csv").
    #[track_caller]
    pub fn table(&self, name: &str) -> Table {
        table(&self.out, name)
    }
}

/// Writes `files` into the folder `in` of a new temporary folder, runs
/// `quotestance run IN ARGS... --out OUT` there and panics unless it exits
/// with `code`. Read its tables with [`FilesRun::table`].
#[track_caller]
pub fn run_files(files: &[(&str, &[u8])], args: &[&OsStr], code: i32) -> FilesRun {
    let tmp = tmp();
    let input = tmp.path().join("in");
    let out = tmp.path().join("out");
    write_files(&input, files);
    let mut all: Vec<&OsStr> = vec![OsStr::new("run"), input.as_os_str()];
    all.extend_from_slice(args);
    all.extend([OsStr::new("--out"), out.as_os_str()]);
    let result = run_in(tmp.path(), &all, None);
    result.expect_code(code);
    FilesRun {
        tmp,
        input,
        out,
        result,
    }
}

/// The doc_id of the corpus file whose name starts with `prefix` ("000").
pub fn corpus_id(prefix: &str) -> String {
    let mut ids: Vec<String> = fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(ids.len(), 1, "one corpus file starts with {prefix}");
    ids.pop().unwrap()
}

/// A document's text as the tool sees it: the file's bytes after a UTF-8 BOM.
pub fn doc_text(path: &Path) -> String {
    let bytes = fs::read(path).unwrap();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).expect("test documents are UTF-8")
}

/// (name, bytes, modification time) of every entry of a folder.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>, std::time::SystemTime)> {
    entries(dir)
        .into_iter()
        .map(|n| {
            let p = dir.join(&n);
            let m = fs::metadata(&p).unwrap();
            let bytes = if m.is_file() {
                fs::read(&p).unwrap()
            } else {
                Vec::new()
            };
            (n, bytes, m.modified().unwrap())
        })
        .collect()
}

/// Panics if `out` holds a table, a manifest or a run's temporary folder.
#[track_caller]
pub fn assert_no_tables_or_tmp(out: &Path) {
    let names = entries(out);
    assert!(
        names
            .iter()
            .all(|n| !n.ends_with(".csv") && n != "manifest.json" && !n.starts_with(TMP_PREFIX)),
        "{} should hold no tables, manifest or temp folder, has {names:?}",
        out.display()
    );
}

/// `text` as UTF-16 with a byte-order mark, little- or big-endian.
pub fn utf16(text: &str, le: bool) -> Vec<u8> {
    let mut v = if le {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in text.encode_utf16() {
        v.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    v
}

/// SHA-256 of `bytes`, in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A tiny Hugging Face tokenizer: word-level, whitespace pre-tokenizer.
pub const TOKENIZER_JSON: &str = r#"{
  "version": "1.0",
  "truncation": null,
  "padding": null,
  "added_tokens": [],
  "normalizer": null,
  "pre_tokenizer": {"type": "Whitespace"},
  "post_processor": null,
  "decoder": null,
  "model": {
    "type": "WordLevel",
    "vocab": {"[UNK]": 0, "Hello": 1, "world": 2, ".": 3, ",": 4, "!": 5},
    "unk_token": "[UNK]"
  }
}"#;

/// Writes [`TOKENIZER_JSON`] as `dir/tokenizer.json` and returns its path.
pub fn write_tokenizer(dir: &Path) -> PathBuf {
    let p = dir.join("tokenizer.json");
    fs::write(&p, TOKENIZER_JSON).unwrap();
    p
}
