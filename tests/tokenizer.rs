//! `--tokenizer`: subword counts from a Hugging Face `tokenizer.json`.

#[macro_use]
mod common;

use common::{corpus, run_files, run_in, table, tmp, write_tokenizer};

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
    let run = run_files(
        &[(
            "s.txt",
            b"Hello world. Goodbye, cruel world!\nA third sentence (with brackets) ends here...\n",
        )],
        args![corpus(), "--tokenizer", tok, "--raw-cells"],
        0,
    );
    let sents = run.table("sentences.csv");
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

    let out2 = run.tmp.path().join("out2");
    run_in(run.tmp.path(), args!["run", run.input, "--out", out2], None).expect_code(0);
    let sents = table(&out2, "sentences.csv");
    assert_eq!(sents.len(), 3);
    assert!(sents.column("subword_tokens").iter().all(|c| c.is_empty()));
}
