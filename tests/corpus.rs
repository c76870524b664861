//! The sample corpus (`corpus/`): documents, flagged paragraphs, datelines.

#[macro_use]
mod common;

use std::collections::BTreeMap;

use common::{corpus, corpus_id, run_in, table, tmp};

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
