//! Which documents a run has: the command-line inputs resolved to files and
//! JSON Lines sources, listed in a fixed order, each with an id that is unique
//! in the run.
//!
//! Only listing happens here; plain files are read later, on a worker.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use super::jsonl::JsonlReader;
use super::{InputDoc, InputOptions, Meta, Payload, Status};
use crate::error::Error;

/// A source named on the command line, resolved.
#[derive(Debug)]
enum Source {
    Doc {
        path: PathBuf,
        doc_id: String,
    },
    Unreadable {
        path: PathBuf,
        doc_id: String,
        message: String,
    },
    Jsonl(PathBuf),
    Stdin,
}

/// Lists the sources behind the command-line inputs. Fails (exit 2) only for
/// inputs that do not exist at all, which is almost always a typo.
fn resolve(inputs: &[PathBuf], opts: &InputOptions) -> Result<Vec<Source>, Error> {
    let mut out = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.push(Source::Stdin);
            continue;
        }
        let meta = fs::metadata(input).map_err(|e| {
            Error::Usage(format!(
                "input {}: {e}; give existing files or folders, or - for JSON Lines on stdin",
                input.display()
            ))
        })?;
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(input, &mut files, &mut Default::default());
            for entry in files {
                let path = match entry {
                    Ok(p) => p,
                    Err((dir, message)) => {
                        let rel = dir.strip_prefix(input).unwrap_or(&dir);
                        out.push(Source::Unreadable {
                            doc_id: id_of(rel),
                            path: dir,
                            message,
                        });
                        continue;
                    }
                };
                let ext = extension(&path);
                if !opts.extensions.contains(&ext) {
                    continue;
                }
                if ext == "jsonl" {
                    out.push(Source::Jsonl(path));
                } else {
                    let rel = path.strip_prefix(input).unwrap_or(&path);
                    out.push(Source::Doc {
                        doc_id: id_of(rel),
                        path,
                    });
                }
            }
        } else if extension(input) == "jsonl" {
            out.push(Source::Jsonl(input.clone()));
        } else {
            let name = Path::new(input.file_name().unwrap_or(input.as_os_str()));
            out.push(Source::Doc {
                doc_id: id_of(name),
                path: input.clone(),
            });
        }
    }
    Ok(out)
}

/// Recursive listing in name order, so runs are deterministic. Unreadable
/// folders are listed as entries, so that they surface as error rows.
/// Folders reached through symbolic links are entered once each (by their
/// real path), so a link cycle cannot repeat the corpus.
fn walk(
    dir: &Path,
    out: &mut Vec<Result<PathBuf, (PathBuf, String)>>,
    seen: &mut HashSet<PathBuf>,
) {
    if let Ok(real) = fs::canonicalize(dir) {
        if !seen.insert(real) {
            return;
        }
    }
    let mut entries: Vec<PathBuf> = Vec::new();
    match fs::read_dir(dir) {
        Ok(rd) => {
            for e in rd {
                match e {
                    Ok(e) => entries.push(e.path()),
                    Err(e) => {
                        out.push(Err((dir.to_path_buf(), format!("cannot list folder: {e}"))))
                    }
                }
            }
        }
        Err(e) => {
            out.push(Err((dir.to_path_buf(), format!("cannot list folder: {e}"))));
            return;
        }
    }
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out, seen);
        } else {
            out.push(Ok(p));
        }
    }
}

fn extension(p: &Path) -> String {
    p.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// The path without its extension, with `/` separators on every platform.
fn id_of(rel: &Path) -> String {
    let no_ext = rel.with_extension("");
    no_ext
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// All documents of a run, in order, with duplicate ids already marked.
///
/// JSON Lines are read here (they carry the ids); plain files are only listed.
pub struct Discovery {
    sources: std::vec::IntoIter<Source>,
    current: Option<JsonlReader>,
    seen: HashMap<String, String>,
    index: usize,
    /// Sum of the sizes of all files named by the inputs (progress bar length).
    pub total_bytes: Option<u64>,
}

impl Discovery {
    pub fn new(inputs: &[PathBuf], opts: &InputOptions) -> Result<Self, Error> {
        let sources = resolve(inputs, opts)?;
        let mut total = Some(0u64);
        for s in &sources {
            match s {
                Source::Doc { path, .. } | Source::Jsonl(path) => {
                    if let (Some(t), Ok(m)) = (total.as_mut(), fs::metadata(path)) {
                        *t += m.len();
                    }
                }
                Source::Stdin => total = None,
                Source::Unreadable { .. } => {}
            }
        }
        Ok(Discovery {
            sources: sources.into_iter(),
            current: None,
            seen: HashMap::new(),
            index: 0,
            total_bytes: total,
        })
    }

    fn next_raw(&mut self) -> Option<InputDoc> {
        loop {
            if let Some(r) = self.current.as_mut() {
                if let Some(doc) = r.next_doc() {
                    return Some(doc);
                }
                self.current = None;
            }
            match self.sources.next()? {
                Source::Doc { path, doc_id } => {
                    let size_hint = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
                    return Some(InputDoc {
                        index: 0,
                        doc_id,
                        path: path.display().to_string(),
                        meta: Meta::default(),
                        payload: Payload::File(path),
                        size_hint,
                    });
                }
                Source::Unreadable {
                    path,
                    doc_id,
                    message,
                } => {
                    return Some(InputDoc {
                        index: 0,
                        doc_id,
                        path: path.display().to_string(),
                        meta: Meta::default(),
                        payload: Payload::Failed(Status::Error, message),
                        size_hint: 0,
                    })
                }
                Source::Jsonl(path) => match fs::File::open(&path) {
                    Ok(f) => {
                        self.current = Some(JsonlReader::new(
                            path.display().to_string(),
                            Box::new(BufReader::new(f)),
                        ))
                    }
                    Err(e) => {
                        return Some(InputDoc {
                            index: 0,
                            doc_id: id_of(Path::new(path.file_name().unwrap_or_default())),
                            path: path.display().to_string(),
                            meta: Meta::default(),
                            payload: Payload::Failed(
                                Status::Error,
                                format!("cannot open JSON Lines file: {e}"),
                            ),
                            size_hint: 0,
                        })
                    }
                },
                Source::Stdin => {
                    self.current = Some(JsonlReader::new(
                        "-".into(),
                        Box::new(BufReader::new(std::io::stdin())),
                    ))
                }
            }
        }
    }
}

impl Iterator for Discovery {
    type Item = InputDoc;

    fn next(&mut self) -> Option<InputDoc> {
        let mut doc = self.next_raw()?;
        doc.index = self.index;
        self.index += 1;
        // Only documents that can be processed claim their id, so a broken
        // record does not shadow a good one with the same id.
        if !matches!(doc.payload, Payload::Failed(..)) {
            if let Some(first) = self.seen.get(&doc.doc_id) {
                doc.payload = Payload::Failed(
                    Status::DuplicateId,
                    format!("doc_id already used by {first}; this document was not processed"),
                );
            } else {
                self.seen.insert(doc.doc_id.clone(), doc.path.clone());
            }
        }
        Some(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_relative_paths_without_extension() {
        assert_eq!(id_of(Path::new("a/b/c.txt")), "a/b/c");
        assert_eq!(id_of(Path::new("x.md")), "x");
    }

    #[test]
    fn jsonl_records_and_duplicates() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.jsonl");
        fs::write(
            &p,
            "{\"id\":\"a\",\"text\":\"One.\",\"source\":\"S\"}\n\nnot json\n{\"id\":\"a\",\"text\":\"Two.\"}\n{\"id\":7,\"text\":\"Three.\"}\n{\"text\":\"Four.\"}\n",
        )
        .unwrap();
        let opts = InputOptions {
            extensions: vec!["txt".into()],
        };
        let docs: Vec<InputDoc> = Discovery::new(&[p], &opts).unwrap().collect();
        assert_eq!(docs.len(), 5);
        assert_eq!(docs[0].doc_id, "a");
        assert_eq!(docs[0].meta.source.as_deref(), Some("S"));
        assert!(matches!(docs[1].payload, Payload::Failed(Status::Error, _)));
        assert!(docs[1].doc_id.ends_with("c.jsonl:3"));
        assert!(matches!(
            docs[2].payload,
            Payload::Failed(Status::DuplicateId, _)
        ));
        assert_eq!(docs[3].doc_id, "7");
        assert!(matches!(docs[4].payload, Payload::Failed(Status::Error, _)));
        assert_eq!(
            docs.iter().map(|d| d.index).collect::<Vec<_>>(),
            [0, 1, 2, 3, 4]
        );
    }

    #[test]
    fn missing_input_is_a_usage_error() {
        let opts = InputOptions {
            extensions: vec!["txt".into()],
        };
        let r = Discovery::new(&[PathBuf::from("/no/such/path")], &opts);
        assert!(matches!(r, Err(Error::Usage(_))));
    }
}
