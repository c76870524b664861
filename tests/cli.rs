//! Runs that stop with exit status 2 (missing input, malformed lexicon, bad
//! tokenizer file) and leave earlier tables alone; `--quiet`.

#[macro_use]
mod common;

use std::fs;

use common::{assert_no_tables_or_tmp, corpus, run_files, run_in, snapshot, tmp, write_files};

#[test]
fn missing_input_exits_2_and_writes_nothing() {
    let t = tmp();
    let out = t.path().join("out");
    let r = run_in(
        t.path(),
        args!["run", t.path().join("no-such-folder"), "--out", out],
        None,
    );
    r.expect_code(2);
    assert!(r.stderr.contains("no-such-folder"), "{}", r.stderr);
    assert_no_tables_or_tmp(&out);
}

#[test]
fn malformed_lexicon_exits_2_names_file_and_line_and_keeps_old_tables() {
    let t = tmp();
    let lex = t.path().join("lex");
    write_files(
        &lex,
        &[(
            "boilerplate.tsv",
            b"# my own rules\n\ncomment_form\texact\tLeave a Reply\tline\nx\tbogus\ty\tline\n",
        )],
    );

    // Into a fresh folder: nothing is written.
    let fresh = t.path().join("fresh");
    let r = run_in(
        t.path(),
        args!["run", corpus(), "--out", fresh, "--lexicons", lex],
        None,
    );
    r.expect_code(2);
    assert!(r.stderr.contains("boilerplate.tsv:4"), "{}", r.stderr);
    assert_no_tables_or_tmp(&fresh);

    // Over the tables of an earlier run: they stay as they were.
    let out = t.path().join("out");
    run_in(t.path(), args!["run", corpus(), "--out", out], None).expect_code(0);
    let before = snapshot(&out);
    assert!(before.iter().any(|(n, _, _)| n == "documents.csv"));
    let r = run_in(
        t.path(),
        args!["run", corpus(), "--out", out, "--lexicons", lex, "--tokens"],
        None,
    );
    r.expect_code(2);
    assert!(r.stderr.contains("boilerplate.tsv:4"), "{}", r.stderr);
    assert_eq!(snapshot(&out), before, "earlier tables changed");
    assert!(!out.join("tokens.csv").exists());
}

#[test]
fn bad_tokenizer_file_exits_2_and_keeps_old_tables() {
    let t = tmp();
    let bad = t.path().join("bad.json");
    fs::write(&bad, r#"{"version": "1.0", "model": {"type": "Nope"}"#).unwrap();
    let out = t.path().join("out");
    run_in(t.path(), args!["run", corpus(), "--out", out], None).expect_code(0);
    let before = snapshot(&out);
    let r = run_in(
        t.path(),
        args!["run", corpus(), "--out", out, "--tokenizer", bad],
        None,
    );
    r.expect_code(2);
    assert!(r.stderr.contains("bad.json"), "{}", r.stderr);
    assert_eq!(snapshot(&out), before);

    let missing = t.path().join("missing.json");
    let fresh = t.path().join("fresh");
    run_in(
        t.path(),
        args!["run", corpus(), "--out", fresh, "--tokenizer", missing],
        None,
    )
    .expect_code(2);
    assert_no_tables_or_tmp(&fresh);
}

#[test]
fn quiet_prints_at_most_one_line() {
    let run = run_files(
        &[
            ("good.txt", b"A good document. It has text."),
            ("empty.txt", b""),
            ("bin.txt", b"\0\0\0"),
        ],
        args![corpus(), "--quiet"],
        1,
    );
    let r = &run.result;
    assert!(
        r.stderr.lines().count() <= 1,
        "--quiet printed:\n{}",
        r.stderr
    );
    assert_eq!(run.table("documents.csv").len(), 8);
}

#[test]
fn zero_jobs_is_a_usage_error() {
    let t = tmp();
    let out = t.path().join("out");
    let r = run_in(
        t.path(),
        args!["run", corpus(), "--out", out, "--jobs", "0"],
        None,
    );
    r.expect_code(2);
    assert!(r.stderr.contains("--jobs"), "{}", r.stderr);
    assert_no_tables_or_tmp(&out);
}

#[test]
fn a_folder_without_documents_says_so_in_the_summary_line() {
    let r = run_files(&[("notes.pdf", b"%PDF-1.4")], args!["--quiet"], 0);
    let lines: Vec<&str> = r.result.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", r.result.stderr);
    assert!(
        lines[0].contains("0 documents")
            && lines[0].contains("no documents found")
            && lines[0].contains("--ext"),
        "{}",
        lines[0]
    );
    assert_eq!(r.table("documents.csv").len(), 0);
}
