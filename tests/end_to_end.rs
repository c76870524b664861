//! End-to-end tests: they run the built `quotestance` binary on the sample
//! corpus and on small documents made up here, and check the tables it writes.
//!
//! Every test works in its own temporary folder (also the binary's working
//! directory) and never writes into the repository.

#[macro_use]
mod common;

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use common::{corpus, entries, run_in, table, Table};
use tempfile::TempDir;

const TMP_PREFIX: &str = ".quotestance-tmp-";

fn tmp() -> TempDir {
    tempfile::tempdir().expect("temporary folder")
}

/// Writes `files` (relative path → bytes) under `dir`, creating folders.
fn write_files(dir: &Path, files: &[(&str, &[u8])]) {
    for (name, bytes) in files {
        let p = dir.join(name);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(&p, bytes).unwrap();
    }
}

/// The doc_id of the corpus file whose name starts with `prefix` ("000").
fn corpus_id(prefix: &str) -> String {
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
fn doc_text(path: &Path) -> String {
    let bytes = fs::read(path).unwrap();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).expect("test documents are UTF-8")
}

/// (name, bytes, modification time) of every entry of a folder.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>, std::time::SystemTime)> {
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

#[track_caller]
fn assert_no_tables_or_tmp(out: &Path) {
    let names = entries(out);
    assert!(
        names
            .iter()
            .all(|n| !n.ends_with(".csv") && n != "manifest.json" && !n.starts_with(TMP_PREFIX)),
        "{} should hold no tables, manifest or temp folder, has {names:?}",
        out.display()
    );
}

// 1. The sample corpus.

#[test]
fn corpus_run_flags_boilerplate_and_finds_datelines() {
    let t = tmp();
    let out = t.path().join("out");
    run_in(t.path(), args!["run", corpus(), "--out", out], None).expect_code(0);

    let docs = table(&out, "documents.csv");
    assert_eq!(docs.len(), 5);
    assert!(
        docs.column("status").iter().all(|s| *s == "ok"),
        "{:?}",
        docs.column("status")
    );
    let d000 = corpus_id("000");
    let d001 = corpus_id("001");
    let d003 = corpus_id("003");
    assert_eq!(docs.get(docs.doc_row(&d000), "source"), "NewsNation");
    assert_eq!(docs.get(docs.doc_row(&d003), "dateline"), "WASHINGTON");
    assert_eq!(
        docs.get(docs.doc_row(&d001), "title"),
        "Hamas rejects Trump threat, demands lasting truce for hostage release"
    );

    let paras = table(&out, "paragraphs.csv");
    let sents = table(&out, "sentences.csv");
    // Counts in documents.csv agree with the other tables.
    for row in &docs.rows {
        let id = docs.get(row, "doc_id");
        assert_eq!(paras.doc(id).count(), docs.num(row, "paragraphs"), "{id}");
        assert_eq!(sents.doc(id).count(), docs.num(row, "sentences"), "{id}");
        let flagged = paras
            .doc(id)
            .filter(|p| !paras.get(p, "flag").is_empty())
            .count();
        assert_eq!(flagged, docs.num(row, "flagged_paragraphs"), "{id}");
    }

    // Every flagged paragraph of every document, in order: (text start, flag).
    let expected: BTreeMap<String, Vec<(&str, &str)>> = [
        (
            d000.clone(),
            vec![
                (
                    "Freed Hamas hostages to meet with Trump at White House",
                    "related_headline",
                ),
                ("‘Kite Runner’ star says", "related_headline"),
            ],
        ),
        (
            d001.clone(),
            vec![
                ("Hamas rejects Trump threat", "title"),
                ("Trump Issues Final Threat as Pressure Mounts", "heading"),
                ("Escalating Pressure and Humanitarian Crisis", "heading"),
                ("Check Also", "related_block"),
                ("Iran and US set for second round", "related_block"),
                ("High-level talks between", "related_block"),
                ("Leave a Reply", "comment_form"),
                ("Your email address will not be published", "comment_form"),
            ],
        ),
        (corpus_id("002"), vec![]),
        (
            d003.clone(),
            vec![
                ("The initial ceasefire, declared", "truncated"),
                ("Sure! Could you please provide", "chat_artefact"),
            ],
        ),
        (corpus_id("004"), vec![]),
    ]
    .into_iter()
    .collect();
    for (id, want) in &expected {
        let got: Vec<(&str, &str)> = paras
            .doc(id)
            .filter(|p| !paras.get(p, "flag").is_empty())
            .map(|p| (paras.get(p, "text"), paras.get(p, "flag")))
            .collect();
        assert_eq!(got.len(), want.len(), "{id}: flagged paragraphs {got:#?}");
        for ((text, flag), (prefix, want_flag)) in got.iter().zip(want) {
            assert!(text.starts_with(prefix), "{id}: {text:?} !~ {prefix:?}");
            assert_eq!(flag, want_flag, "{id}: flag of {text:?}");
        }
    }
    // Exact texts and positions where the brief names them.
    let p = |id: &str, n: usize| -> (String, String) {
        let row = paras
            .doc(id)
            .find(|r| paras.num(r, "paragraph") == n)
            .unwrap_or_else(|| panic!("{id} has no paragraph {n}"));
        (
            paras.get(row, "text").to_string(),
            paras.get(row, "flag").to_string(),
        )
    };
    assert_eq!(
        p(&d001, 0),
        (
            "Hamas rejects Trump threat, demands lasting truce for hostage release".into(),
            "title".into()
        )
    );
    let n001 = paras.doc(&d001).count();
    let check_also = paras
        .doc(&d001)
        .find(|r| paras.get(r, "text") == "Check Also")
        .map(|r| paras.num(r, "paragraph"))
        .expect("Check Also paragraph");
    assert_eq!(check_also + 5, n001, "Check Also is 5th from the end");
    for k in 0..3 {
        assert_eq!(p(&d001, check_also + k).1, "related_block");
    }
    assert_eq!(
        p(&d001, check_also + 3),
        ("Leave a Reply".into(), "comment_form".into())
    );
    assert_eq!(p(&d001, check_also + 4).1, "comment_form");
    let n003 = paras.doc(&d003).count();
    assert_eq!(
        p(&d003, n003 - 2),
        ("The initial ceasefire, declared".into(), "truncated".into())
    );

    // Datelines are not part of any sentence.
    for row in &sents.rows {
        let text = sents.get(row, "text");
        assert!(
            !text.starts_with("(NewsNation)") && !text.starts_with("WASHINGTON —"),
            "sentence keeps its dateline: {text:?}"
        );
    }
    let first = |id: &str| sents.doc(id).next().map(|r| sents.get(r, "text")).unwrap();
    assert!(
        first(&d000).starts_with("In an apparent dismissal"),
        "{}",
        first(&d000)
    );
    assert!(
        first(&d003).starts_with("The Trump administration"),
        "{}",
        first(&d003)
    );
}

// 2. Bad inputs next to a good one.

fn utf16(text: &str, le: bool) -> Vec<u8> {
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

// 3. JSON Lines.

#[test]
fn jsonl_file_records_duplicates_and_bad_lines() {
    let t = tmp();
    let jl = t.path().join("feed.jsonl");
    fs::write(
        &jl,
        concat!(
            r#"{"id":"a1","text":"The mayor spoke on Monday. She said the bridge would open.","source":"Daily Wire","title":"Bridge to open"}"#,
            "\n",
            r#"{"id":"a2","text":"Rain fell all week. Rivers rose.","source":"Town Post"}"#,
            "\n",
            "this is not json\n",
            "\n",
            r#"{"id":"a1","text":"A second record with the same id."}"#,
            "\n",
            r#"{"id":"a3","title":"No text here"}"#,
            "\n",
        ),
    )
    .unwrap();
    let out = t.path().join("out");
    run_in(t.path(), args!["run", jl, "--out", out], None).expect_code(1);

    let docs = table(&out, "documents.csv");
    let ids = docs.column("doc_id");
    assert_eq!(ids[..2], ["a1", "a2"]);
    assert!(
        ids[2].ends_with("feed.jsonl:3"),
        "a line without an id gets FILE:LINE: {}",
        ids[2]
    );
    assert_eq!(ids[3..], ["a1", "a3"]);
    assert_eq!(
        docs.column("status"),
        ["ok", "ok", "error", "duplicate_id", "error"]
    );
    assert_eq!(
        docs.column("source"),
        ["Daily Wire", "Town Post", "", "", ""]
    );
    assert_eq!(docs.get(&docs.rows[0], "title"), "Bridge to open");
    assert_eq!(docs.get(&docs.rows[4], "title"), "No text here");
    assert!(docs.get(&docs.rows[2], "path").ends_with("feed.jsonl:3"));
    assert!(docs.get(&docs.rows[4], "message").contains("text"));
    let dup = docs.get(&docs.rows[3], "message");
    assert!(dup.contains("feed.jsonl:1"), "names the first use: {dup:?}");

    let sents = table(&out, "sentences.csv");
    let texts: Vec<&str> = sents.column("text");
    assert_eq!(
        texts,
        [
            "The mayor spoke on Monday.",
            "She said the bridge would open.",
            "Rain fell all week.",
            "Rivers rose."
        ],
        "only the two ok records are processed"
    );
    assert_eq!(sents.column("doc_id"), ["a1", "a1", "a2", "a2"]);
}

#[test]
fn jsonl_on_stdin_all_ok_exits_0() {
    let t = tmp();
    let out = t.path().join("out");
    let input = concat!(
        r#"{"id":"s1","text":"Hello from stdin. Second sentence here.","source":"Pipe","title":"Piped"}"#,
        "\n",
        r#"{"id":7,"text":"Numbers work as ids too."}"#,
        "\n",
    );
    // --raw-cells: by default the path "-:1" is written as "'-:1" (it
    // starts with "-", like a formula).
    run_in(
        t.path(),
        args!["run", "-", "--out", out, "--raw-cells"],
        Some(input.as_bytes()),
    )
    .expect_code(0);
    let docs = table(&out, "documents.csv");
    assert_eq!(docs.column("doc_id"), ["s1", "7"]);
    assert_eq!(docs.column("status"), ["ok", "ok"]);
    assert_eq!(docs.column("path"), ["-:1", "-:2"]);
    assert_eq!(docs.column("source"), ["Pipe", ""]);
    assert_eq!(docs.get(&docs.rows[0], "title"), "Piped");
    let sents = table(&out, "sentences.csv");
    assert_eq!(
        sents.column("text"),
        [
            "Hello from stdin.",
            "Second sentence here.",
            "Numbers work as ids too."
        ]
    );
    assert_eq!(sents.column("doc_id"), ["s1", "s1", "7"]);

    // A bad line on stdin makes the exit status 1.
    let out2 = t.path().join("out2");
    let input = "{\"id\":\"ok1\",\"text\":\"Fine text.\"}\n{broken\n";
    run_in(
        t.path(),
        args!["run", "-", "--out", out2],
        Some(input.as_bytes()),
    )
    .expect_code(1);
    let docs = table(&out2, "documents.csv");
    assert_eq!(docs.column("status"), ["ok", "error"]);
    assert_eq!(docs.column("doc_id"), ["ok1", "-:2"]);
}

// 4. doc_id of nested files, --ext.

#[test]
fn nested_doc_ids_and_ext_filter() {
    let t = tmp();
    let root = t.path().join("root");
    write_files(
        &root,
        &[
            ("a.txt", b"Alpha text is here."),
            ("notes.md", b"Notes text is here."),
            ("skip.csv", b"x,y\n1,2\n"),
            ("sub/b.txt", b"Bravo text is here."),
            ("sub/README", b"No extension at all."),
            ("sub/deeper/c.md", b"Charlie text is here."),
            ("sub/deeper/d.TXT", b"Delta text is here."),
        ],
    );
    let out = t.path().join("out");
    run_in(t.path(), args!["run", root, "--out", out], None).expect_code(0);
    let docs = table(&out, "documents.csv");
    assert_eq!(
        docs.column("doc_id"),
        ["a", "notes", "sub/b", "sub/deeper/c", "sub/deeper/d"]
    );
    let sents = table(&out, "sentences.csv");
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
    let docs = table(&out, "documents.csv");
    assert_eq!(docs.column("doc_id"), ["notes", "sub/deeper/c"]);

    // A file named on the command line: its name without extension.
    run_in(
        t.path(),
        args!["run", root.join("sub/b.txt"), "--out", out],
        None,
    )
    .expect_code(0);
    let docs = table(&out, "documents.csv");
    assert_eq!(docs.column("doc_id"), ["b"]);
}

// 5. Offsets.

#[test]
fn offsets_slice_the_original_text() {
    let t = tmp();
    let extra = t.path().join("extra");
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(
        "Café owners said: “We’re staying.” Prices rose 😀 a lot.\r\n\r\n  Naïve — but true.\u{2028}Zürich’s mayor, Dr. Müller, agreed — “ja”.\n=SUM(A1) is not a formula here.\n"
            .as_bytes(),
    );
    write_files(
        &extra,
        &[
            ("bom.txt", &bom),
            (
                "plain.txt",
                "Ünïcödé ✓ everywhere — “quoted” words. -dash first.\n\tTabbed line ends here."
                    .as_bytes(),
            ),
        ],
    );
    let out = t.path().join("out");
    run_in(
        t.path(),
        args![
            "run",
            corpus(),
            extra,
            "--out",
            out,
            "--tokens",
            "--raw-cells"
        ],
        None,
    )
    .expect_code(0);

    let docs = table(&out, "documents.csv");
    assert_eq!(docs.len(), 7);
    let texts: HashMap<String, (String, Vec<char>)> = docs
        .rows
        .iter()
        .map(|r| {
            let text = doc_text(Path::new(docs.get(r, "path")));
            assert_eq!(
                docs.num(r, "chars"),
                text.chars().count(),
                "chars of {}",
                docs.get(r, "doc_id")
            );
            let chars = text.chars().collect();
            (docs.get(r, "doc_id").to_string(), (text, chars))
        })
        .collect();

    let check = |name: &str| -> Table {
        let tb = table(&out, name);
        assert!(!tb.rows.is_empty(), "{name} is empty");
        for row in &tb.rows {
            let id = tb.get(row, "doc_id");
            let (text, chars) = &texts[id];
            let cell = tb.get(row, "text");
            let (sb, eb) = (tb.num(row, "start_byte"), tb.num(row, "end_byte"));
            let (sc, ec) = (tb.num(row, "start_char"), tb.num(row, "end_char"));
            assert!(sb < eb && eb <= text.len(), "{name} {id}: bytes {sb}..{eb}");
            assert_eq!(
                text.get(sb..eb),
                Some(cell),
                "{name} {id}: byte slice {sb}..{eb}"
            );
            assert!(
                sc < ec && ec <= chars.len(),
                "{name} {id}: chars {sc}..{ec}"
            );
            assert_eq!(
                chars[sc..ec].iter().collect::<String>(),
                cell,
                "{name} {id}: char slice {sc}..{ec}"
            );
        }
        tb
    };
    let paras = check("paragraphs.csv");
    let sents = check("sentences.csv");
    let toks = check("tokens.csv");
    assert!(toks.len() > 2000, "tokens.csv has {} rows", toks.len());
    assert_eq!(paras.doc("bom").count(), 4, "CRLF, U+2028 and LF split");

    // Sentences lie in their paragraph, tokens in their sentence.
    let span = |tb: &Table, r: &[String]| (tb.num(r, "start_byte"), tb.num(r, "end_byte"));
    let para_spans: HashMap<(String, usize), (usize, usize)> = paras
        .rows
        .iter()
        .map(|r| {
            (
                (
                    paras.get(r, "doc_id").to_string(),
                    paras.num(r, "paragraph"),
                ),
                span(&paras, r),
            )
        })
        .collect();
    let sent_spans: HashMap<(String, usize), (usize, usize)> = sents
        .rows
        .iter()
        .map(|r| {
            let id = sents.get(r, "doc_id").to_string();
            let (s, e) = span(&sents, r);
            let (ps, pe) = para_spans[&(id.clone(), sents.num(r, "paragraph"))];
            assert!(
                ps <= s && e <= pe,
                "{id}: sentence {s}..{e} outside paragraph {ps}..{pe}"
            );
            ((id, sents.num(r, "sentence")), (s, e))
        })
        .collect();
    for r in &toks.rows {
        let key = (toks.get(r, "doc_id").to_string(), toks.num(r, "sentence"));
        let (ss, se) = sent_spans
            .get(&key)
            .copied()
            .unwrap_or_else(|| panic!("token of unknown sentence {key:?}"));
        let (s, e) = span(&toks, r);
        assert!(
            ss <= s && e <= se,
            "{key:?}: token {s}..{e} outside sentence {ss}..{se}"
        );
    }
    // documents.csv token counts agree with tokens.csv.
    for r in &docs.rows {
        let id = docs.get(r, "doc_id");
        assert_eq!(toks.doc(id).count(), docs.num(r, "tokens"), "{id}");
    }
}

// 6. Determinism.

#[test]
fn output_is_identical_for_any_number_of_jobs() {
    let t = tmp();
    let extra = t.path().join("extra");
    fs::create_dir_all(&extra).unwrap();
    // Enough documents to span more than one batch of the run loop.
    for i in 0..600 {
        let body = match i % 5 {
            0 => format!(
                "Document {i} says hello. “Quote {i},” said Dr. Smith.\nSecond paragraph {i} ends"
            ),
            1 => format!("HEADLINE FOR {i}\n\nBERLIN — Officials met {i} times. They agreed.\n"),
            2 => "é".repeat(i % 17 + 1) + " — Ünïcödé text. Done.\r\n",
            3 if i % 3 == 0 => String::new(),
            _ => format!("Line {i}.\rAnother {i}.\r\n{}\n", "word ".repeat(i % 40)),
        };
        fs::write(extra.join(format!("doc{i:04}.txt")), body).unwrap();
    }
    let run = |jobs: &str, out: &Path| {
        let r = run_in(
            t.path(),
            args![
                "run",
                corpus(),
                extra,
                "--out",
                out,
                "--tokens",
                "--jobs",
                jobs
            ],
            None,
        );
        r.expect_code(1); // some synthetic documents are empty
    };
    let (o1, o2) = (t.path().join("j1"), t.path().join("j2"));
    run("1", &o1);
    run("2", &o2);
    for name in [
        "documents.csv",
        "paragraphs.csv",
        "sentences.csv",
        "tokens.csv",
        "statements.csv",
    ] {
        let a = fs::read(o1.join(name)).unwrap();
        let b = fs::read(o2.join(name)).unwrap();
        assert!(a.len() > 100, "{name} is too small");
        assert!(a == b, "{name} differs between --jobs 1 and --jobs 2");
    }
    assert_eq!(table(&o1, "documents.csv").len(), 605);
}

// 7. Errors that stop the run.

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

// 8. Output hygiene.

#[test]
fn excel_bom_only_with_flag() {
    let t = tmp();
    let dir = t.path().join("in");
    write_files(
        &dir,
        &[("a.txt", "Café news is here. It is good.".as_bytes())],
    );
    let (with, without) = (t.path().join("with"), t.path().join("without"));
    run_in(
        t.path(),
        args!["run", dir, "--out", with, "--excel", "--tokens"],
        None,
    )
    .expect_code(0);
    run_in(
        t.path(),
        args!["run", dir, "--out", without, "--tokens"],
        None,
    )
    .expect_code(0);
    for name in [
        "documents.csv",
        "paragraphs.csv",
        "sentences.csv",
        "tokens.csv",
    ] {
        let a = fs::read(with.join(name)).unwrap();
        let b = fs::read(without.join(name)).unwrap();
        assert!(a.starts_with(b"\xEF\xBB\xBFdoc_id,"), "{name} --excel");
        assert!(b.starts_with(b"doc_id,"), "{name} without --excel");
        assert_eq!(&a[3..], &b[..], "{name}: the BOM is the only difference");
    }
}

#[test]
fn formula_cells_are_inert_unless_raw() {
    let t = tmp();
    let dir = t.path().join("in");
    write_files(
        &dir,
        &[(
            "f.txt",
            b"The report came out today.\n=SUM(A1)\n+1 for the plan, wrote one reader.\n@mayor replied at once.\nThe end is near.\n",
        )],
    );
    let (safe, raw) = (t.path().join("safe"), t.path().join("raw"));
    run_in(t.path(), args!["run", dir, "--out", safe], None).expect_code(0);
    run_in(
        t.path(),
        args!["run", dir, "--out", raw, "--raw-cells"],
        None,
    )
    .expect_code(0);
    let p_safe = table(&safe, "paragraphs.csv");
    let p_raw = table(&raw, "paragraphs.csv");
    assert_eq!(
        p_safe.column("text"),
        [
            "The report came out today.",
            "'=SUM(A1)",
            "'+1 for the plan, wrote one reader.",
            "'@mayor replied at once.",
            "The end is near."
        ]
    );
    assert_eq!(
        p_raw.column("text"),
        [
            "The report came out today.",
            "=SUM(A1)",
            "+1 for the plan, wrote one reader.",
            "@mayor replied at once.",
            "The end is near."
        ]
    );
    // Offsets are those of the text itself, not of the escaped cell.
    assert_eq!(p_safe.column("start_byte"), p_raw.column("start_byte"));
    assert_eq!(p_safe.column("end_byte"), p_raw.column("end_byte"));
    let s_safe = table(&safe, "sentences.csv");
    assert!(s_safe.column("text").contains(&"'=SUM(A1)"));
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn manifest_describes_the_run() {
    let t = tmp();
    let lex = t.path().join("lex");
    let abbrevs = b"# a tiny list\nMr.\ttitle\nDr.\ttitle\n";
    write_files(&lex, &[("abbreviations.txt", abbrevs)]);
    let out = t.path().join("out");
    let c = corpus();
    let given = args!["run", c, "--out", out, "--tokens", "--lexicons", lex];
    run_in(t.path(), given, None).expect_code(0);

    let m: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("manifest.json")).unwrap())
            .expect("manifest.json is JSON");
    assert_eq!(m["version"], env!("CARGO_PKG_VERSION"));
    let argv: Vec<&str> = m["arguments"]
        .as_array()
        .expect("arguments is an array")
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let given: Vec<String> = given
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    assert_eq!(argv[1..], given[..], "arguments after the program name");

    let lexicons = m["lexicons"].as_array().expect("lexicons is an array");
    let names: Vec<&str> = lexicons
        .iter()
        .map(|l| l["file"].as_str().unwrap())
        .collect();
    for want in ["abbreviations.txt", "boilerplate.tsv", "cleaning.tsv"] {
        assert!(names.contains(&want), "{want} missing from {names:?}");
    }
    for l in lexicons {
        let h = l["sha256"].as_str().expect("sha256 is a string");
        assert!(
            h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()),
            "sha256 {h:?}"
        );
    }
    let ab = lexicons
        .iter()
        .find(|l| l["file"] == "abbreviations.txt")
        .unwrap();
    assert_eq!(ab["sha256"], sha256_hex(abbrevs), "hash of the user's file");
    assert_eq!(
        ab["origin"],
        lex.join("abbreviations.txt").display().to_string()
    );

    for name in [
        "documents.csv",
        "paragraphs.csv",
        "sentences.csv",
        "tokens.csv",
    ] {
        let rows = table(&out, name).len();
        assert_eq!(m["tables"][name], rows as u64, "row count of {name}");
    }
    assert_eq!(m["counts"]["documents"], 5);
}

#[test]
fn run_without_tokens_removes_stale_tokens_table() {
    let t = tmp();
    let out = t.path().join("out");
    run_in(
        t.path(),
        args!["run", corpus(), "--out", out, "--tokens"],
        None,
    )
    .expect_code(0);
    assert!(out.join("tokens.csv").exists());
    run_in(t.path(), args!["run", corpus(), "--out", out], None).expect_code(0);
    assert!(
        !out.join("tokens.csv").exists(),
        "stale tokens.csv survived"
    );
    let m: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("manifest.json")).unwrap()).unwrap();
    assert!(m["tables"].get("tokens.csv").is_none(), "{}", m["tables"]);
    assert_eq!(
        entries(&out),
        [
            "documents.csv",
            "manifest.json",
            "paragraphs.csv",
            "sentences.csv",
            "statements.csv"
        ]
    );
}

// 9. --tokenizer.

/// A tiny Hugging Face tokenizer: word-level, whitespace pre-tokenizer.
const TOKENIZER_JSON: &str = r#"{
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

fn write_tokenizer(dir: &Path) -> PathBuf {
    let p = dir.join("tokenizer.json");
    fs::write(&p, TOKENIZER_JSON).unwrap();
    p
}

#[test]
fn tokenizer_json_is_accepted_by_the_tokenizers_crate() {
    let t = tmp();
    let tk = tokenizers::Tokenizer::from_file(write_tokenizer(t.path()))
        .expect("the test tokenizer loads");
    let enc = tk
        .encode("Hello world. Goodbye, cruel world!", false)
        .unwrap();
    assert_eq!(
        enc.get_tokens(),
        ["Hello", "world", ".", "[UNK]", ",", "[UNK]", "world", "!"]
    );
}

#[test]
fn subword_counts_with_tokenizer_and_empty_without() {
    let t = tmp();
    let tok = write_tokenizer(t.path());
    let dir = t.path().join("in");
    write_files(
        &dir,
        &[(
            "s.txt",
            b"Hello world. Goodbye, cruel world!\nA third sentence (with brackets) ends here...\n",
        )],
    );
    let out = t.path().join("out");
    run_in(
        t.path(),
        args![
            "run",
            dir,
            corpus(),
            "--out",
            out,
            "--tokenizer",
            tok,
            "--raw-cells"
        ],
        None,
    )
    .expect_code(0);
    let sents = table(&out, "sentences.csv");
    let mine: Vec<(&str, &str)> = sents
        .doc("s")
        .map(|r| (sents.get(r, "text"), sents.get(r, "subword_tokens")))
        .collect();
    assert_eq!(
        mine,
        [
            ("Hello world.", "3"),
            ("Goodbye, cruel world!", "5"),
            ("A third sentence (with brackets) ends here...", "10"),
        ]
    );
    // Every sentence's count is what the tokenizer gives for its text.
    let tk = tokenizers::Tokenizer::from_file(&tok).unwrap();
    for r in &sents.rows {
        let text = sents.get(r, "text");
        let want = tk.encode(text, false).unwrap().len();
        assert_eq!(sents.num(r, "subword_tokens"), want, "{text:?}");
    }

    let out2 = t.path().join("out2");
    run_in(t.path(), args!["run", dir, "--out", out2], None).expect_code(0);
    let sents = table(&out2, "sentences.csv");
    assert_eq!(sents.len(), 3);
    assert!(sents.column("subword_tokens").iter().all(|c| c.is_empty()));
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

// 10. --quiet.

#[test]
fn quiet_prints_at_most_one_line() {
    let t = tmp();
    let dir = t.path().join("in");
    write_files(
        &dir,
        &[
            ("good.txt", b"A good document. It has text."),
            ("empty.txt", b""),
            ("bin.txt", b"\0\0\0"),
        ],
    );
    let out = t.path().join("out");
    let r = run_in(
        t.path(),
        args!["run", dir, corpus(), "--out", out, "--quiet"],
        None,
    );
    r.expect_code(1);
    assert!(
        r.stderr.lines().count() <= 1,
        "--quiet printed:\n{}",
        r.stderr
    );
    assert_eq!(table(&out, "documents.csv").len(), 8);
}

// Bugs found while writing these tests (run with `cargo test -- --ignored`).

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

#[test]
fn jsonl_with_utf8_bom() {
    let t = tmp();
    let jl = t.path().join("bom.jsonl");
    fs::write(
        &jl,
        b"\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"First record here.\"}\n{\"id\":\"b\",\"text\":\"Second record here.\"}\n",
    )
    .unwrap();
    let out = t.path().join("out");
    let r = run_in(t.path(), args!["run", jl, "--out", out], None);
    let docs = table(&out, "documents.csv");
    assert_eq!(docs.column("doc_id"), ["a", "b"]);
    assert_eq!(docs.column("status"), ["ok", "ok"]);
    r.expect_code(0);
}

#[test]
fn jsonl_invalid_utf8_is_decoded_lossy() {
    let t = tmp();
    let jl = t.path().join("bad.jsonl");
    fs::write(&jl, b"{\"id\":\"a\",\"text\":\"Caf\xE9 prices rose.\"}\n").unwrap();
    let out = t.path().join("out");
    let r = run_in(t.path(), args!["run", jl, "--out", out], None);
    let docs = table(&out, "documents.csv");
    assert_eq!(docs.column("status"), ["decoded_lossy"]);
    r.expect_code(1);
}
