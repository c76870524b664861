//! The stance tables (stance.csv, targets.csv, lexicon_hits.csv), the
//! `score` and `lexicon check` commands, and what bad stance lexicons do.

#[macro_use]
mod common;

use std::collections::HashMap;
use std::fs;

use common::{
    assert_no_tables_or_tmp, corpus, doc_text, run_in, snapshot, table, tmp, write_files,
};

const ACTS: [&str; 9] = [
    "demand",
    "threat",
    "refusal",
    "condition",
    "offer",
    "proposal",
    "accusation",
    "support",
    "oppose",
];

#[test]
fn hits_add_up_to_the_stance_of_every_statement_and_sit_at_their_offsets() {
    let t = tmp();
    let out = t.path().join("out");
    run_in(
        t.path(),
        args!["run", corpus(), "--out", out, "--raw-cells"],
        None,
    )
    .expect_code(0);
    let docs = table(&out, "documents.csv");
    let statements = table(&out, "statements.csv");
    let stance = table(&out, "stance.csv");
    let hits = table(&out, "lexicon_hits.csv");
    let targets = table(&out, "targets.csv");

    // One row per statement and one authorial row per document.
    let mut ids: Vec<&str> = statements.column("statement_id");
    ids.dedup();
    assert_eq!(stance.len(), ids.len() + docs.len());
    assert_eq!(
        stance
            .column("voice")
            .iter()
            .filter(|v| **v == "authorial")
            .count(),
        docs.len()
    );

    // Contributions per statement and category reproduce stance.csv.
    let mut sums: HashMap<(String, String), (f64, usize)> = HashMap::new();
    for r in &hits.rows {
        let key = (
            hits.get(r, "statement_id").to_string(),
            hits.get(r, "category").to_string(),
        );
        let e = sums.entry(key).or_default();
        e.0 += hits.get(r, "contribution").parse::<f64>().unwrap();
        e.1 += 1;
    }
    let mut nonzero = 0;
    for r in &stance.rows {
        let id = stance.get(r, "statement_id");
        for c in ["valence", "hedge", "certainty"].iter().chain(ACTS.iter()) {
            let v: f64 = stance.get(r, c).parse().unwrap();
            let (sum, n) = sums
                .get(&(id.to_string(), c.to_string()))
                .copied()
                .unwrap_or_default();
            // Each cell is rounded to 4 decimals.
            assert!(
                (sum - v).abs() <= 0.00005 * (n as f64 + 1.0),
                "{id} {c}: stance.csv says {v}, its hits add up to {sum}"
            );
            nonzero += usize::from(v != 0.0);
        }
    }
    assert!(nonzero > 20, "the corpus has stance to show");

    // Hits and target mentions are the text at their offsets.
    let paths: HashMap<&str, &str> = docs
        .rows
        .iter()
        .map(|r| (docs.get(r, "doc_id"), docs.get(r, "path")))
        .collect();
    let texts: HashMap<&str, Vec<char>> = paths
        .iter()
        .map(|(id, p)| (*id, doc_text(std::path::Path::new(p)).chars().collect()))
        .collect();
    for (tbl, text_col) in [(&hits, "text"), (&targets, "mention")] {
        assert!(tbl.len() > 0);
        for r in &tbl.rows {
            let chars = &texts[tbl.get(r, "doc_id")];
            let (a, b) = (tbl.num(r, "start_char"), tbl.num(r, "end_char"));
            let s: String = chars[a..b].iter().collect();
            assert_eq!(s, tbl.get(r, text_col));
        }
    }
    // Every target row names a statement or a document's own voice.
    for r in &targets.rows {
        let id = targets.get(r, "statement_id");
        assert!(ids.contains(&id) || id.ends_with(":authorial"), "{id}");
        assert!(["favor", "against", "neutral"].contains(&targets.get(r, "label")));
    }
}

#[test]
fn a_bad_stance_lexicon_stops_the_run_and_keeps_the_old_tables() {
    let t = tmp();
    let out = t.path().join("out");
    run_in(t.path(), args!["run", corpus(), "--out", out], None).expect_code(0);
    let before = snapshot(&out);
    for (name, body, says) in [
        (
            "mine.tsv",
            "ultimatum\tthreat\t1\nbluff\tthreats\t1\n",
            "mine.tsv:2",
        ),
        ("mine.tsv", "ultimatum\tthreat\tstrong\n", "not a number"),
        (
            "mine.tsv",
            "ultimatum\tthreat\t1\nUltimatum\tthreat\t2\n",
            "mine.tsv:2",
        ),
        ("feelings.txt", "glad\n", "feelings"),
        ("mine.dic", "%\n1\tthreat\n%\nultimatum\t2\n", "mine.dic:4"),
    ] {
        let p = t.path().join(name);
        fs::write(&p, body).unwrap();
        let r = run_in(
            t.path(),
            args!["run", corpus(), "--out", out, "--lexicon", p],
            None,
        );
        r.expect_code(2);
        assert!(r.stderr.contains(says), "{name}: {}", r.stderr);
        assert_eq!(snapshot(&out), before, "the old tables stay");
        // `lexicon check` says the same, and runs nothing.
        let r = run_in(t.path(), args!["lexicon", "check", p], None);
        r.expect_code(2);
        assert!(r.stderr.contains(says), "{name}: {}", r.stderr);
    }
    let fresh = t.path().join("fresh");
    let bad = t.path().join("mine.tsv");
    run_in(
        t.path(),
        args!["run", corpus(), "--out", fresh, "--lexicon", bad],
        None,
    )
    .expect_code(2);
    assert_no_tables_or_tmp(&fresh);
}

#[test]
fn an_added_lexicon_counts_and_lexicon_check_describes_the_set() {
    let t = tmp();
    let lex = t.path().join("extra.tsv");
    fs::write(
        &lex,
        "# my event\nzorblat\tthreat\t1.0\tan invented threat word\n",
    )
    .unwrap();
    let r = run_in(t.path(), args!["lexicon", "check", lex], None);
    r.expect_code(0);
    assert!(
        r.stdout.contains("extra.tsv (tsv): threat 1"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("vader_lexicon.txt"), "{}", r.stdout);
    assert!(
        r.stdout.lines().last().unwrap().starts_with("ok:"),
        "{}",
        r.stdout
    );

    let items = t.path().join("items.jsonl");
    fs::write(
        &items,
        "{\"id\": \"a\", \"text\": \"They will zorblat us all.\"}\n",
    )
    .unwrap();
    let r = run_in(
        t.path(),
        args!["score", "--input", items, "--lexicon", lex],
        None,
    );
    r.expect_code(0);
    let mut rows = csv::Reader::from_reader(r.stdout.as_bytes());
    let h = rows.headers().unwrap().clone();
    let row = rows.records().next().unwrap().unwrap();
    let threat = h.iter().position(|c| c == "threat").unwrap();
    assert_eq!(&row[threat], "1.0000");
}

#[test]
fn score_writes_a_row_per_item_and_an_error_row_for_a_bad_one() {
    let t = tmp();
    let items = t.path().join("items.jsonl");
    write_files(
        t.path(),
        &[(
            "items.jsonl",
            "{\"id\": \"good\", \"text\": \"What a wonderful, generous offer.\"}\n\
             not json\n\
             {\"id\": \"t\", \"text\": \"Hamas rejected the ceasefire.\", \"target\": \"the ceasefire\", \"target_start\": 14, \"target_end\": 27}\n\
             {\"id\": \"far\", \"text\": \"short\", \"target_start\": 3, \"target_end\": 99}\n\
             {\"id\": \"bad\", \"text\": \"It was a dreadful, cruel and shameful act.\"}\n"
                .as_bytes(),
        )],
    );
    let out = t.path().join("scores.csv");
    let r = run_in(
        t.path(),
        args!["score", "--input", items, "--out", out],
        None,
    );
    r.expect_code(1);
    assert!(r.stderr.contains("2 with errors"), "{}", r.stderr);
    let s = table(t.path(), "scores.csv");
    assert_eq!(s.column("id"), ["good", "line 2", "t", "far", "bad"]);
    let row = |id: &str| s.rows.iter().find(|r| s.get(r, "id") == id).unwrap();
    assert_eq!(s.get(row("good"), "label"), "positive");
    assert_eq!(s.get(row("bad"), "label"), "negative");
    assert!(s.get(row("line 2"), "error").contains("not JSON"));
    assert!(s.get(row("far"), "error").contains("offsets"));
    assert_eq!(s.get(row("t"), "target_label"), "negative");
    assert!(s.get(row("t"), "refusal").parse::<f64>().unwrap() > 0.0);
    assert_eq!(s.get(row("good"), "target_label"), "");
}
