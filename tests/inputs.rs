//! Files and folders as input: bad files next to good ones, encodings and
//! line ends, doc_ids of nested files, `--ext`, unlistable folders, symlinks.

#[macro_use]
mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use common::{run_files, run_in, table, tmp, utf16, write_files, Table};

#[cfg(unix)]
#[test]
fn bad_inputs_get_one_row_each_and_exit_1() {
    let t = tmp();
    let dir = t.path().join("in");
    let le = utf16("Zoë went to Zürich. She liked it.\r\n", true);
    let be = utf16("Ōsaka is big. It is busy.\n", false);
    let big = "Words go on and on. ".repeat(100); // 2000 bytes > 1K
    write_files(
        &dir,
        &[
            (
                "good.txt",
                b"The council met on Monday. It voted to build a bridge.\n",
            ),
            ("empty.txt", b""),
            ("blank.txt", b" \n\t\r\n   \n"),
            ("binary.txt", b"GIF89a\0\0\x01\x02 not text"),
            ("lossy.txt", b"Caf\xE9 prices rose. Tea \xFF\xFE fell.\n"),
            ("utf16le.txt", &le),
            ("utf16be.txt", &be),
            (
                "crlf.txt",
                b"First line here.\r\nSecond line here.\r\n\r\nThird line here.\r\n",
            ),
            ("cr.txt", b"Alpha one.\rBeta two.\r\rGamma three.\r"),
            ("big.txt", big.as_bytes()),
        ],
    );
    std::os::unix::fs::symlink(
        t.path().join("no/such/target.txt"),
        dir.join("dangling.txt"),
    )
    .unwrap();
    let out = t.path().join("out");
    let r = run_in(
        t.path(),
        args!["run", dir, "--out", out, "--max-bytes", "1K"],
        None,
    );
    r.expect_code(1);

    let docs = table(&out, "documents.csv");
    let want: BTreeMap<&str, &str> = [
        ("big", "skipped_too_large"),
        ("binary", "skipped_binary"),
        ("blank", "empty"),
        ("cr", "ok"),
        ("crlf", "ok"),
        ("dangling", "error"),
        ("empty", "empty"),
        ("good", "ok"),
        ("lossy", "decoded_lossy"),
        ("utf16be", "ok"),
        ("utf16le", "ok"),
    ]
    .into_iter()
    .collect();
    // One row per file, in name order.
    assert_eq!(
        docs.column("doc_id"),
        want.keys().copied().collect::<Vec<_>>()
    );
    for row in &docs.rows {
        let id = docs.get(row, "doc_id");
        assert_eq!(docs.get(row, "status"), want[id], "status of {id}: {row:?}");
    }
    let msg = |id: &str| docs.get(docs.doc_row(id), "message").to_string();
    let lossy = msg("lossy");
    assert!(
        regex::Regex::new(r"\b3\b").unwrap().is_match(&lossy),
        "lossy message should give the 3 replaced bytes: {lossy:?}"
    );
    assert!(
        msg("dangling").contains("No such file or directory"),
        "error message should carry the OS error: {:?}",
        msg("dangling")
    );
    assert!(msg("big").contains("1024"), "{:?}", msg("big"));

    let paras = table(&out, "paragraphs.csv");
    let sents = table(&out, "sentences.csv");
    let texts = |t: &Table, id: &str| -> Vec<String> {
        t.doc(id).map(|r| t.get(r, "text").to_string()).collect()
    };
    assert_eq!(
        texts(&sents, "good"),
        ["The council met on Monday.", "It voted to build a bridge."]
    );
    assert_eq!(
        texts(&sents, "utf16le"),
        ["Zoë went to Zürich.", "She liked it."]
    );
    assert_eq!(texts(&sents, "utf16be"), ["Ōsaka is big.", "It is busy."]);
    assert_eq!(
        texts(&paras, "crlf"),
        ["First line here.", "Second line here.", "Third line here."]
    );
    assert_eq!(
        texts(&paras, "cr"),
        ["Alpha one.", "Beta two.", "Gamma three."]
    );
    // Offsets of line-end-split paragraphs point into the file as it is.
    let starts =
        |id: &str| -> Vec<usize> { paras.doc(id).map(|r| paras.num(r, "start_byte")).collect() };
    assert_eq!(starts("crlf"), [0, 18, 39]);
    assert_eq!(starts("cr"), [0, 11, 22]);
    assert_eq!(
        texts(&paras, "lossy"),
        ["Caf\u{FFFD} prices rose. Tea \u{FFFD}\u{FFFD} fell."]
    );
    // Documents that were not processed have no paragraphs.
    for id in ["big", "binary", "blank", "dangling", "empty"] {
        assert_eq!(paras.doc(id).count(), 0, "{id}");
        assert_eq!(sents.doc(id).count(), 0, "{id}");
    }
}

#[test]
fn nested_doc_ids_and_ext_filter() {
    let run = run_files(
        &[
            ("a.txt", b"Alpha text is here."),
            ("notes.md", b"Notes text is here."),
            ("skip.csv", b"x,y\n1,2\n"),
            ("sub/b.txt", b"Bravo text is here."),
            ("sub/README", b"No extension at all."),
            ("sub/deeper/c.md", b"Charlie text is here."),
            ("sub/deeper/d.TXT", b"Delta text is here."),
        ],
        args![],
        0,
    );
    let (t, root, out) = (&run.tmp, &run.input, &run.out);
    let docs = run.table("documents.csv");
    assert_eq!(
        docs.column("doc_id"),
        ["a", "notes", "sub/b", "sub/deeper/c", "sub/deeper/d"]
    );
    let sents = run.table("sentences.csv");
    assert_eq!(
        sents.column("doc_id"),
        ["a", "notes", "sub/b", "sub/deeper/c", "sub/deeper/d"]
    );
    assert_eq!(sents.get(&sents.rows[2], "text"), "Bravo text is here.");

    run_in(
        t.path(),
        args!["run", root, "--out", out, "--ext", "md"],
        None,
    )
    .expect_code(0);
    let docs = table(out, "documents.csv");
    assert_eq!(docs.column("doc_id"), ["notes", "sub/deeper/c"]);

    // A file named on the command line: its name without extension.
    run_in(
        t.path(),
        args!["run", root.join("sub/b.txt"), "--out", out],
        None,
    )
    .expect_code(0);
    let docs = table(out, "documents.csv");
    assert_eq!(docs.column("doc_id"), ["b"]);
}

#[cfg(unix)]
#[test]
fn unreadable_subfolder_gets_an_error_row() {
    let t = tmp();
    let dir = t.path().join("in");
    write_files(&dir, &[("a.txt", b"Alpha text is here.")]);
    // A folder that cannot be listed: chmod 000 works unless we are root;
    // as root, another process's /proc/PID/map_files often is unlistable.
    let locked = dir.join("locked");
    fs::create_dir(&locked).unwrap();
    fs::write(locked.join("x.txt"), "Hidden text is here.").unwrap();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let listable = |p: &Path| {
        fs::read_dir(p)
            .and_then(|rd| rd.collect::<Result<Vec<_>, _>>())
            .is_ok()
    };
    if listable(&locked) {
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
        fs::remove_dir_all(&locked).unwrap();
        if listable(Path::new("/proc/1/map_files")) {
            eprintln!("cannot make an unlistable folder here; nothing tested");
            return;
        }
        std::os::unix::fs::symlink("/proc/1/map_files", &locked).unwrap();
    }
    let out = t.path().join("out");
    let r = run_in(t.path(), args!["run", dir, "--out", out], None);
    let _ = fs::set_permissions(&locked, fs::Permissions::from_mode(0o755));
    let docs = table(&out, "documents.csv");
    assert!(
        docs.column("status").contains(&"error"),
        "the unlistable folder has no row: {:?}",
        docs.rows
    );
    r.expect_code(1);
}

#[cfg(unix)]
#[test]
fn symlink_cycle_lists_each_file_once() {
    let t = tmp();
    let dir = t.path().join("in");
    write_files(
        &dir,
        &[
            ("a.txt", b"Alpha text is here."),
            ("sub/b.txt", b"Bravo text is here."),
        ],
    );
    std::os::unix::fs::symlink("..", dir.join("sub/up")).unwrap();
    let out = t.path().join("out");
    run_in(t.path(), args!["run", dir, "--out", out], None);
    let docs = table(&out, "documents.csv");
    let ids = docs.column("doc_id");
    assert_eq!(
        ids.len(),
        2,
        "{} rows, e.g. {:?}",
        ids.len(),
        &ids[..ids.len().min(4)]
    );
    assert_eq!(ids, ["a", "sub/b"]);
}
