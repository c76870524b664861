//! `quotestance score` on a handful of sentences: the acts, valence and
//! target polarity the scorer must keep (tests/data/stance-sents.jsonl).

#[macro_use]
mod common;

use std::collections::HashMap;

use common::{run_in, tmp};

fn scored() -> (HashMap<String, HashMap<String, String>>, String) {
    let t = tmp();
    let input = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/stance-sents.jsonl");
    let out = t.path().join("out.csv");
    let hits = t.path().join("hits.csv");
    run_in(
        t.path(),
        args!["score", "--input", input, "--out", out, "--hits", hits],
        None,
    )
    .expect_code(0);
    let mut rows = HashMap::new();
    let mut r = csv::Reader::from_path(&out).unwrap();
    let headers = r.headers().unwrap().clone();
    for rec in r.records() {
        let rec = rec.unwrap();
        let row: HashMap<String, String> = headers
            .iter()
            .zip(rec.iter())
            .map(|(h, v)| (h.to_string(), v.to_string()))
            .collect();
        rows.insert(row["id"].clone(), row);
    }
    (rows, std::fs::read_to_string(&hits).unwrap())
}

fn num(rows: &HashMap<String, HashMap<String, String>>, id: &str, col: &str) -> f64 {
    rows[id][col].parse().unwrap_or(0.0)
}

#[test]
fn acts_valence_and_polarity_of_the_sample_sentences() {
    let (rows, hits) = scored();
    let n = |id, col| num(&rows, id, col);
    assert!(n("ultimatum", "demand") > 0.0 && n("ultimatum", "threat") > 0.0);
    assert!(n("ultimatum", "valence") < 0.0);
    assert!(n("accusation", "accusation") > 0.0);
    assert_ne!(rows["accusation"]["label"], "positive");
    assert!(n("disarm", "refusal") > 0.0 && n("disarm", "condition") > 0.0);
    assert_eq!(n("notdemand", "demand"), 0.0);
    assert!(n("offer", "offer") > 0.0 && n("offer", "condition") > 0.0);
    assert_eq!(rows["offer"]["target_label"], "positive");
    // VADER's emoticons ":*", "(*" are not wildcards for every colon.
    assert_eq!(n("emoticon", "valence"), 0.0);
    // A negation turns the first sentiment word it reaches, not every one.
    assert!(n("neg_first", "valence") < 0.0, "{:?}", rows["neg_first"]);
    // What a concession grants counts less than the main clause.
    assert!(n("concession", "valence") < 0.0);
    // "kind of" bends the next word; "kind" is not praise here.
    assert!(n("kind_of", "valence") < 0.0);
    assert!(hits.contains("kind_of,valence,kind,") && hits.contains("as_modifier"));
    // The object of an accusation is treated badly.
    assert_eq!(rows["object"]["target_label"], "negative");
    // The polarity is explained by the hits behind it.
    assert!(
        rows["object"]["target_evidence"].contains("accusation"),
        "{:?}",
        rows["object"]
    );
    assert_eq!(rows["ultimatum"]["target_evidence"], "");
}
