//! The tables themselves: offsets that slice the text, byte-identical output
//! for any `--jobs`, the `--excel` BOM, inert formula cells, manifest.json, and
//! no stale tokens.csv.

#[macro_use]
mod common;

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use common::{
    corpus, doc_text, entries, run_files, run_in, sha256_hex, table, tmp, write_files, Table,
};

#[test]
fn offsets_slice_the_original_text() {
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(
        "Café owners said: “We’re staying.” Prices rose 😀 a lot.\r\n\r\n  Naïve — but true.\u{2028}Zürich’s mayor, Dr. Müller, agreed — “ja”.\n=SUM(A1) is not a formula here.\n"
            .as_bytes(),
    );
    let run = run_files(
        &[
            ("bom.txt", &bom),
            (
                "plain.txt",
                "Ünïcödé ✓ everywhere — “quoted” words. -dash first.\n\tTabbed line ends here."
                    .as_bytes(),
            ),
        ],
        args![corpus(), "--tokens", "--raw-cells"],
        0,
    );

    let docs = run.table("documents.csv");
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
        let tb = run.table(name);
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

#[test]
fn excel_bom_only_with_flag() {
    let run = run_files(
        &[("a.txt", "Café news is here. It is good.".as_bytes())],
        args!["--excel", "--tokens"],
        0,
    );
    // The same input folder, so that the path column is the same.
    let (with, without) = (&run.out, run.tmp.path().join("without"));
    run_in(
        run.tmp.path(),
        args!["run", run.input, "--out", without, "--tokens"],
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
    let files: &[(&str, &[u8])] = &[(
        "f.txt",
        b"The report came out today.\n=SUM(A1)\n+1 for the plan, wrote one reader.\n@mayor replied at once.\nThe end is near.\n",
    )];
    let safe = run_files(files, args![], 0);
    let raw = run_files(files, args!["--raw-cells"], 0);
    let p_safe = safe.table("paragraphs.csv");
    let p_raw = raw.table("paragraphs.csv");
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
    let s_safe = safe.table("sentences.csv");
    assert!(s_safe.column("text").contains(&"'=SUM(A1)"));
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
            "lexicon_hits.csv",
            "manifest.json",
            "paragraphs.csv",
            "quote_clusters.csv",
            "sentences.csv",
            "sources.csv",
            "speaker_links.csv",
            "speaker_stance.csv",
            "speaker_targets.csv",
            "speakers.csv",
            "stance.csv",
            "statements.csv",
            "targets.csv",
        ]
    );
}
