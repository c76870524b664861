//! Corpus linking end to end: speakers.csv, speaker_links.csv,
//! quote_clusters.csv and the summaries, on the sample corpus and on small
//! corpora made up here.

#[macro_use]
mod common;

use std::collections::{BTreeSet, HashMap};

use common::{corpus, run_files, run_in, table, tmp};

/// Every corpus speaker id by name, for a finished run.
fn speakers(out: &std::path::Path) -> HashMap<String, Vec<String>> {
    let t = table(out, "speakers.csv");
    let mut m: HashMap<String, Vec<String>> = HashMap::new();
    for r in &t.rows {
        m.entry(t.get(r, "name").to_string())
            .or_default()
            .push(t.get(r, "speaker_id").to_string());
    }
    m
}

#[test]
fn the_sample_corpus_is_one_picture() {
    let t = tmp();
    let out = t.path().join("out");
    run_in(t.path(), args!["run", corpus(), "--out", out], None).expect_code(0);
    let sp = table(&out, "speakers.csv");
    let row = |id: &str| {
        sp.rows
            .iter()
            .find(|r| sp.get(r, "speaker_id") == id)
            .unwrap_or_else(|| panic!("no speaker {id}"))
    };
    let qanoua = row("person:abdel-latif-qanoua");
    assert!(sp.num(qanoua, "n_documents") >= 3);
    let aliases = sp.get(qanoua, "aliases");
    for spelling in ["Abdel-Latif Al-Qanoua", "Abdel-Latif al-Qanoua", "Qanoua"] {
        assert!(aliases.contains(spelling), "{aliases}");
    }
    assert!(sp.num(row("person:donald-trump"), "n_documents") >= 3);
    assert_eq!(sp.num(row("person:karoline-leavitt"), "n_documents"), 2);
    // No anonymous source or group spans documents.
    for r in &sp.rows {
        if matches!(sp.get(r, "type"), "anonymous" | "group") {
            assert_eq!(sp.num(r, "n_documents"), 1, "{r:?}");
        }
    }
    // statements.csv carries the corpus speaker, and every id is in speakers.csv.
    let st = table(&out, "statements.csv");
    let ids: BTreeSet<&str> = sp.column("speaker_id").into_iter().collect();
    let mut linked = 0;
    for r in &st.rows {
        let id = st.get(r, "speaker_id");
        let doc_id = st.get(r, "doc_speaker_id");
        assert_eq!(id.is_empty(), doc_id.is_empty(), "{r:?}");
        if !id.is_empty() {
            assert!(ids.contains(id), "{id}");
            linked += 1;
        }
    }
    assert!(linked > 40, "{linked}");
    // Every document speaker has its link row, with a rule.
    let links = table(&out, "speaker_links.csv");
    let rules: BTreeSet<&str> = links.column("rule").into_iter().collect();
    assert!(rules.iter().all(|r| [
        "same_name",
        "forced_alias",
        "unique_surname",
        "middle_name",
        "own_document"
    ]
    .contains(r)));
    // The summaries name the same speakers.
    for name in ["speaker_stance.csv", "speaker_targets.csv"] {
        let t = table(&out, name);
        for id in t.column("speaker_id") {
            assert!(ids.contains(id), "{name}: {id}");
        }
    }
    let stance = table(&out, "speaker_stance.csv");
    assert_eq!(stance.len(), sp.len());
    // The "best track" quote, carried by two outlets, one of them edited
    // ("is by... going", "(Israel)"), is one cluster; statements.csv says so.
    let cl = table(&out, "quote_clusters.csv");
    let best = cl
        .rows
        .iter()
        .find(|r| cl.get(r, "canonical_text").contains("best track"))
        .expect("a best-track cluster");
    assert_eq!(cl.num(best, "n_documents"), 2);
    assert_eq!(cl.get(best, "speakers"), "Abdel-Latif al-Qanoua");
    let id = cl.get(best, "cluster_id");
    let members: Vec<&str> = st
        .rows
        .iter()
        .filter(|r| st.get(r, "cluster_id") == id)
        .map(|r| st.get(r, "statement_id"))
        .collect();
    assert_eq!(members.join(";"), cl.get(best, "statement_ids"));
    let sources = table(&out, "sources.csv");
    let docs: usize = sources
        .rows
        .iter()
        .map(|r| sources.num(r, "documents"))
        .sum();
    assert_eq!(docs, 5);
}

#[test]
fn people_who_share_a_surname_stay_apart_across_documents() {
    let run = run_files(
        &[
            (
                "a.txt",
                "Hillary Clinton said the plan would fail.\n".as_bytes(),
            ),
            ("b.txt", b"Bill Clinton said the economy was strong.\n"),
            ("c.txt", b"Clinton said the vote was rigged.\n"),
            ("d.txt", b"\"We will win,\" said Hillary Clinton.\n"),
            ("e.txt", b"Henry Ford said the line would move.\n"),
            ("f.txt", b"Ford said its profits fell.\n"),
        ],
        &[],
        0,
    );
    let sp = speakers(&run.out);
    assert_eq!(sp["Hillary Clinton"], ["person:hillary-clinton"]);
    assert_eq!(sp["Bill Clinton"], ["person:bill-clinton"]);
    // "Clinton" alone could be either; it keeps a document-scoped id. So does
    // "Ford": Henry Ford, or the company.
    assert!(
        sp["Clinton"].iter().all(|id| id.starts_with("c:")),
        "{sp:?}"
    );
    assert!(sp["Ford"].iter().all(|id| id.starts_with("f:")), "{sp:?}");
    let st = table(&run.out, "statements.csv");
    let hillary: BTreeSet<&str> = st
        .rows
        .iter()
        .filter(|r| st.get(r, "speaker_mention").contains("Hillary"))
        .map(|r| st.get(r, "speaker_id"))
        .collect();
    assert_eq!(hillary.len(), 1, "{hillary:?}");
}

#[test]
fn aliases_tsv_forces_and_forbids_merges() {
    let t = tmp();
    let lex = t.path().join("lex");
    std::fs::create_dir_all(&lex).unwrap();
    std::fs::write(
        lex.join("aliases.tsv"),
        "POTUS\tDonald Trump\n!Smith\tJohn Smith\n",
    )
    .unwrap();
    let input = t.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    for (name, text) in [
        ("a.txt", "Donald Trump said the talks were over.\n"),
        ("b.txt", "POTUS said the talks were over.\n"),
        ("c.txt", "John Smith said the bridge was safe.\n"),
        ("d.txt", "Smith said the bridge was closed.\n"),
    ] {
        std::fs::write(input.join(name), text).unwrap();
    }
    let out = t.path().join("out");
    run_in(
        t.path(),
        args!["run", input, "--out", out, "--lexicons", lex],
        None,
    )
    .expect_code(0);
    let links = table(&out, "speaker_links.csv");
    let of = |name: &str| {
        let r = links
            .rows
            .iter()
            .find(|r| links.get(r, "name") == name)
            .unwrap_or_else(|| panic!("no link row for {name}"));
        (
            links.get(r, "speaker_id").to_string(),
            links.get(r, "rule").to_string(),
        )
    };
    assert_eq!(
        of("POTUS"),
        ("person:donald-trump".into(), "forced_alias".into())
    );
    assert_eq!(of("Smith").1, "own_document");
    assert_ne!(of("Smith").0, of("John Smith").0);
    // A bad row stops the run before any table is written.
    std::fs::write(lex.join("aliases.tsv"), "Trump\tTRUMP\n").unwrap();
    let out2 = t.path().join("out2");
    let r = run_in(
        t.path(),
        args!["run", input, "--out", out2, "--lexicons", lex],
        None,
    );
    r.expect_code(2);
    assert!(r.stderr.contains("aliases.tsv:1"), "{}", r.stderr);
    assert!(!out2.join("statements.csv").exists());
}
