//! statements.csv: the cells and offsets of every statement, on the sample
//! corpus and on small non-ASCII documents made up here.

#[macro_use]
mod common;

use std::collections::HashMap;
use std::path::Path;

use common::{corpus, doc_text, run_files};

/// The code points `start..end` of `chars`, or `None` when out of range.
fn char_slice(chars: &[char], start: usize, end: usize) -> Option<String> {
    chars.get(start..end).map(|s| s.iter().collect())
}

#[test]
fn statement_cells_are_the_text_at_their_offsets() {
    // A UTF-8 BOM, curly quotes, accents, emoji, CRLF and LF line ends: byte
    // and code point offsets differ, and both shift by one with the BOM.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(
        "“We will rebuild the bridge,” said Mayor Ana Ruiz.\r\n\r\nThe café reopened on Monday. “It’s a new start for Zürich 🎉,” José Núñez told reporters.\r\n"
            .as_bytes(),
    );
    let run = run_files(
        &[
            ("bom.txt", &bom),
            (
                "crlf.txt",
                "Dr. Ōno told reporters that the dam would hold.\r\nAccording to the ministry, 12 people died.\r\n"
                    .as_bytes(),
            ),
            (
                "mixed.md",
                "Émilie Dubois said the naïve plan “would cost €3 million to finish” and warned that it could fail.\n😀 Fans cheered. “Nobody expected this — not even me,” she said. “We’ll be back next year.”\n"
                    .as_bytes(),
            ),
        ],
        args![corpus(), "--raw-cells"],
        0,
    );

    // doc_id → (text, its code points), through documents.csv.
    let docs = run.table("documents.csv");
    assert_eq!(docs.len(), 8);
    let texts: HashMap<String, (String, Vec<char>)> = docs
        .rows
        .iter()
        .map(|r| {
            let text = doc_text(Path::new(docs.get(r, "path")));
            let chars = text.chars().collect();
            (docs.get(r, "doc_id").to_string(), (text, chars))
        })
        .collect();

    let st = run.table("statements.csv");
    let mut per_doc: HashMap<&str, usize> = HashMap::new();
    let mut shifted = 0; // rows whose byte and char offsets differ
    let mut non_ascii = 0; // rows with non-ASCII text, cue or speaker
    for row in &st.rows {
        let id = st.get(row, "doc_id");
        let what = format!("{id} {}", st.get(row, "statement_id"));
        let (text, chars) = texts
            .get(id)
            .unwrap_or_else(|| panic!("{what}: doc_id not in documents.csv"));
        *per_doc.entry(id).or_default() += 1;

        let cell = st.get(row, "text");
        let (sb, eb) = (st.num(row, "start_byte"), st.num(row, "end_byte"));
        let (sc, ec) = (st.num(row, "start_char"), st.num(row, "end_char"));
        assert!(sc < ec, "{what}: chars {sc}..{ec} are empty");
        assert_eq!(
            text.get(sb..eb),
            Some(cell),
            "{what}: text is not the byte slice {sb}..{eb}"
        );
        assert_eq!(
            char_slice(chars, sc, ec).as_deref(),
            Some(cell),
            "{what}: text is not the char slice {sc}..{ec}"
        );

        let cue = st.get(row, "cue");
        if !cue.is_empty() {
            let (s, e) = (st.num(row, "cue_start_char"), st.num(row, "cue_end_char"));
            assert_eq!(
                char_slice(chars, s, e).as_deref(),
                Some(cue),
                "{what}: cue is not the char slice {s}..{e}"
            );
        }
        let mention = st.get(row, "speaker_mention");
        if !mention.is_empty() {
            let (s, e) = (
                st.num(row, "speaker_mention_start_char"),
                st.num(row, "speaker_mention_end_char"),
            );
            assert_eq!(
                char_slice(chars, s, e).as_deref(),
                Some(mention),
                "{what}: speaker_mention is not the char slice {s}..{e}"
            );
        }

        if sb != sc {
            shifted += 1;
        }
        if !(cell.is_ascii() && cue.is_ascii() && mention.is_ascii()) {
            non_ascii += 1;
        }
    }

    // The checks above ran on real rows: the corpus and every made-up
    // document have statements, some of them past non-ASCII text.
    assert!(st.len() >= 20, "statements.csv has {} rows", st.len());
    for id in ["bom", "crlf", "mixed"] {
        assert!(
            per_doc.get(id).copied().unwrap_or(0) >= 2,
            "{id} has {:?} statements",
            per_doc.get(id)
        );
    }
    assert_eq!(per_doc.len(), 8, "statements in only {per_doc:?}");
    assert!(
        shifted >= 8,
        "{shifted} rows with byte offsets ≠ char offsets"
    );
    assert!(non_ascii >= 4, "{non_ascii} rows with non-ASCII cells");
}

#[test]
fn content_form_is_a_column_after_kind() {
    let text = "The council rejected the harbour proposal.\n'We will appeal,' the mayor said, 'and we will win.'\n“Who pays for the bridge?” the residents asked.\n";
    let run = run_files(&[("forms.txt", text.as_bytes())], args!["--quiet"], 0);
    let st = run.table("statements.csv");
    let kind = st.headers.iter().position(|h| h == "kind").unwrap();
    assert_eq!(st.headers[kind + 1], "content_form");
    let rows: Vec<(&str, &str, &str)> = st
        .rows
        .iter()
        .map(|r| {
            (
                st.get(r, "kind"),
                st.get(r, "content_form"),
                st.get(r, "text"),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("indirect", "noun_phrase", "the harbour proposal"),
            ("direct", "clause", "We will appeal,"),
            ("direct", "clause", "and we will win."),
            ("direct", "question", "Who pays for the bridge?"),
        ]
    );
}

#[test]
fn reported_by_names_the_outer_source_of_a_nested_report() {
    let text =
        "The union accused the mayor of hiding the audit, the Harbour Gazette first reported.\n";
    let run = run_files(&[("nested.txt", text.as_bytes())], args!["--quiet"], 0);
    let st = run.table("statements.csv");
    assert_eq!(st.len(), 1);
    let r = &st.rows[0];
    assert_eq!(st.get(r, "speaker_mention"), "The union");
    assert_eq!(st.get(r, "reported_by"), "the Harbour Gazette");
    assert_eq!(st.get(r, "cue"), "accused");
}

#[test]
fn cue_type_keeps_speech_one_filter_away_from_beliefs_and_evidence() {
    let text = "Mayor Ana Ruiz said the bridge will reopen in May.\nThe council believes that the repairs will cost more.\nA survey by the harbour board found that most residents use the bridge daily.\n“We were never asked,” said one resident.\n";
    let run = run_files(&[("types.txt", text.as_bytes())], args!["--quiet"], 0);
    let st = run.table("statements.csv");
    let cue = st.headers.iter().position(|h| h == "cue_class").unwrap();
    assert_eq!(st.headers[cue + 1], "cue_type");
    let rows: Vec<(&str, &str)> = st
        .rows
        .iter()
        .map(|r| (st.get(r, "cue_lemma"), st.get(r, "cue_type")))
        .collect();
    assert_eq!(
        rows,
        [
            ("say", "speech"),
            ("believe", "belief"),
            ("find", "evidence"),
            ("say", "speech"),
        ]
    );
}
