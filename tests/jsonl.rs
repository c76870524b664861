//! JSON Lines input: a file, stdin, duplicate ids, bad lines, a BOM, invalid
//! UTF-8.

#[macro_use]
mod common;

use std::fs;

use common::{run_in, table, tmp};

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
