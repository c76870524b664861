//! Tests of quote clustering: folding, what joins, what stays apart, order and scale.

use super::*;

const FULL: &str = "The best track to release the remaining Israeli prisoners in Gaza is by \
    going into the second phase and compelling it to adhere to the agreement";
const EDITED: &str = "The best track to release the remaining Israeli prisoners is by... going \
    into the second phase and compelling it (Israel) to adhere to what was signed";
const TRUMP: &str = "I am sending Israel everything it needs to finish the job. Not a single \
    Hamas member will be safe if you don't do as I say. I have just met with your former \
    Hostages whose lives you have destroyed. This is your last warning! For the leadership, \
    now is the time to leave Gaza, while you still have a chance.";

fn index(texts: &[&str]) -> QuoteIndex {
    let mut q = QuoteIndex::new();
    for (k, t) in texts.iter().enumerate() {
        q.add(k as u32, t);
    }
    q
}

fn members(texts: &[&str]) -> Vec<Vec<u32>> {
    index(texts)
        .clusters()
        .into_iter()
        .map(|c| c.members)
        .collect()
}

fn folded(t: &str) -> String {
    let mut s = String::new();
    fold(t, &mut s);
    s
}

#[test]
fn copies_differing_in_quote_marks_case_and_punctuation_are_one_variant() {
    let c = index(&[
        "\u{201C}I am sending Israel everything it needs to finish the job,\u{201D}",
        "\"i am sending israel everything it needs \u{2014} to finish the job\"",
        "'I AM SENDING ISRAEL EVERYTHING IT NEEDS TO FINISH THE JOB!'",
    ])
    .clusters();
    assert_eq!(c.len(), 1);
    assert_eq!(
        (c[0].members.clone(), c[0].variants, c[0].canonical),
        (vec![0, 1, 2], 1, 0)
    );
    assert!(c[0].id.starts_with('q') && c[0].id.len() == 13);
}

#[test]
fn edited_copies_and_excerpts_join_the_full_quote() {
    assert_eq!(members(&[FULL, "unrelated", EDITED]), vec![vec![0, 2]]);
    let excerpt = "sending Israel everything it needs to finish the job";
    assert_eq!(members(&[TRUMP, excerpt]), vec![vec![0, 1]]);
    let c = index(&[EDITED, FULL]).clusters();
    assert_eq!(
        (c[0].variants, c[0].canonical),
        (2, 1),
        "the longer text names it"
    );
}

#[test]
fn bracketed_insertions_and_ellipses_fold_away() {
    assert_eq!(
        folded("compelling it (Israel) to adhere \u{2026} to [the] deal"),
        folded("Compelling it to adhere... to deal")
    );
    assert_eq!(
        folded("Don\u{2019}t go (now"),
        "dont go now",
        "an unclosed bracket stays"
    );
    assert_eq!(
        folded("caf\u{E9} \u{FB01}ne \u{2018}x\u{2019}"),
        "cafe fine x"
    );
    let plan = "We will never accept [the plan] because it abandons our prisoners in Israeli jails";
    let it = "We will never accept it because it abandons our prisoners in Israeli jails";
    assert_eq!(members(&[plan, it]), vec![vec![0, 1]]);
}

#[test]
fn different_quotes_sharing_a_phrase_stay_apart() {
    let c = members(&[
        "Hamas said on Thursday that the United States is backing Netanyahu's effort to \
         evade the ceasefire agreement",
        "Officials said on Thursday that the United States would send more weapons and \
         ammunition to Israel next month",
        "The United States will keep talking to anyone who can help bring the hostages home",
        "The remaining Israeli prisoners will only be released once a permanent ceasefire \
         is reached in Gaza",
        FULL,
    ]);
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn short_texts_never_cluster() {
    let short = [
        "This is your last warning!",
        "American lives are on the line",
    ];
    assert!(members(&[short[0], short[0], short[1], short[1], short[0]]).is_empty());
}

#[test]
fn odd_input_does_not_panic_and_other_scripts_cluster() {
    let arabic = "\u{0625}\u{0646} \u{0623}\u{0641}\u{0636}\u{0644} \u{0637}\u{0631}\u{064A}\u{0642} \
        \u{0644}\u{0644}\u{0625}\u{0641}\u{0631}\u{0627}\u{062C} \u{0647}\u{0648} \u{0627}\u{0644}\u{0645}\u{0631}\u{062D}\u{0644}\u{0629} \
        \u{0627}\u{0644}\u{062B}\u{0627}\u{0646}\u{064A}\u{0629}";
    let chinese =
        "\u{6211}\u{4EEC}\u{5C06}\u{7EE7}\u{7EED}\u{8C08}\u{5224}\u{76F4}\u{5230}\u{5E73}";
    let odd = [
        "",
        " ",
        "\u{1F600}\u{1F600}",
        "...!!!???",
        "(((",
        "[",
        "\u{FEFF}",
        "\u{301}\u{301}",
    ];
    let mut texts: Vec<&str> = odd.to_vec();
    texts.extend([arabic, chinese, arabic, chinese]);
    let mut c = members(&texts);
    c.sort();
    assert_eq!(c, vec![vec![8, 10], vec![9, 11]]);
    let mut q = QuoteIndex::new();
    q.add(7, FULL);
    q.add(3, FULL);
    assert_eq!(q.clusters()[0].members, vec![3, 7]);
    assert!(QuoteIndex::new().clusters().is_empty());
}

/// Each cluster as its members' texts, order-free.
fn by_text(texts: &[&str], threads: usize) -> Vec<(String, usize, String, Vec<String>)> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    let c = pool.install(|| index(texts).clusters());
    let text = |k: u32| texts[k as usize].to_string();
    c.into_iter()
        .map(|c| {
            let mut m: Vec<String> = c.members.iter().map(|&k| text(k)).collect();
            m.sort();
            (c.id, c.variants, text(c.canonical), m)
        })
        .collect()
}

#[test]
fn ids_and_clusters_do_not_depend_on_order_or_threads() {
    let mut texts = vec![
        FULL,
        EDITED,
        TRUMP,
        "sending Israel everything it needs to finish the job",
    ];
    texts.extend([
        "Trump's repeated threats against our people represent support to Netanyahu \
        to evade the agreement and tightens the siege",
        "Trump\u{2019}s repeated threats against \
        our people represent support to Netanyahu to evade the agreement",
        FULL,
        "short one",
    ]);
    let forward = by_text(&texts, 1);
    assert_eq!(forward.len(), 3, "{forward:?}");
    texts.reverse();
    assert_eq!(by_text(&texts, 2), forward);
    texts.rotate_left(3);
    assert_eq!(by_text(&texts, 2), forward);
}

#[test]
fn a_text_repeated_thousands_of_times_is_one_cheap_cluster() {
    let started = std::time::Instant::now();
    let mut texts = vec![FULL; 5000];
    texts.push(EDITED);
    let c = index(&texts).clusters();
    assert_eq!((c.len(), c[0].members.len(), c[0].variants), (1, 5001, 2));
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
}

/// `cargo test --release --lib linking -- --ignored --nocapture`; QUOTES_N
/// sets the number of distinct statements, QUOTES_COPIES how often each is added.
#[test]
#[ignore]
fn timing() {
    let var = |k: &str, d: usize| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let (n, copies) = (var("QUOTES_N", 200_000), var("QUOTES_COPIES", 1));
    let mut state = 7u64;
    let mut rand = move |m: usize| {
        state = mix(state.wrapping_add(0x9e37_79b9_7f4a_7c15));
        (state % m as u64) as usize
    };
    // Zipf-like words: common ones recur across statements, as in news.
    let vocab: Vec<String> = (0..20_000).map(|i| format!("w{i:x}")).collect();
    let stops = [
        "the", "of", "to", "and", "in", "that", "is", "said", "on", "we", "will",
    ];
    let mut base: Vec<String> = Vec::with_capacity(n);
    // The planted truth: statement → the fresh statement it was copied from.
    let mut group: Vec<usize> = Vec::with_capacity(n);
    for i in 0..n {
        if i % 10 == 9 {
            // An edited copy of an earlier statement: one to three words cut,
            // an ellipsis, a bracketed insertion; every other one an excerpt.
            let src = rand(i);
            let mut w: Vec<&str> = base[src].split(' ').collect();
            for _ in 0..1 + rand(3) {
                w.remove(rand(w.len()));
            }
            w.insert(rand(w.len()), "...");
            w.insert(rand(w.len()), "(w5)");
            if i % 20 == 19 && w.len() > 16 {
                let from = rand(w.len() - 12);
                w = w[from..from + 12].to_vec();
            }
            base.push(w.join(" "));
            group.push(group[src]);
            continue;
        }
        group.push(i);
        let len = 12 + rand(30);
        let words: Vec<&str> = (0..len)
            .map(|_| match rand(3) {
                0 => stops[rand(stops.len())],
                _ => {
                    let common = rand(vocab.len()) + 1;
                    vocab[rand(common)].as_str()
                }
            })
            .collect();
        base.push(words.join(" "));
    }
    let started = std::time::Instant::now();
    let mut q = QuoteIndex::new();
    let mut key = 0;
    for _ in 0..copies {
        for t in &base {
            q.add(key, t);
            key += 1;
        }
    }
    let added = started.elapsed();
    let c = q.clusters();
    let took = started.elapsed() - added;
    // Recall: planted groups whose clusterable members all share one cluster.
    let mut cluster_of = vec![usize::MAX; q.slots.len()];
    for (i, c) in c.iter().enumerate() {
        for &k in &c.members {
            cluster_of[k as usize] = i;
        }
    }
    let mut seen: FxHashMap<usize, (usize, usize, bool)> = FxHashMap::default();
    for (k, &v) in q.slots.iter().enumerate() {
        if v != NONE {
            let e = seen.entry(group[k % n]).or_insert((cluster_of[k], 0, true));
            e.1 += 1;
            e.2 &= e.0 == cluster_of[k] && cluster_of[k] != usize::MAX;
        }
    }
    let planted: Vec<bool> = seen.values().filter(|e| e.1 > 1).map(|e| e.2).collect();
    let found = planted.iter().filter(|&&ok| ok).count();
    let mixed = c
        .iter()
        .filter(|c| {
            c.members
                .iter()
                .any(|&k| group[k as usize % n] != group[c.members[0] as usize % n])
        })
        .count();
    eprintln!(
        "{n} x {copies}: add {added:?}, clusters {took:?}; {} clusters, {found} of {} planted \
         groups found whole, {mixed} clusters mix groups",
        c.len(),
        planted.len()
    );
}

#[test]
fn stop_words_are_found_by_their_distinct_hashes() {
    let words: Vec<&str> = STOP_WORDS.split(' ').collect();
    let mut hashes: Vec<u64> = words.iter().map(|w| word_hash(w)).collect();
    hashes.sort_unstable();
    hashes.dedup();
    assert_eq!(hashes.len(), words.len());
    assert!(words.iter().all(|w| is_stop(word_hash(w), w)));
    assert!(!is_stop(word_hash("israeli"), "israeli"));
    assert!(!is_stop(word_hash("the"), "they"));
}

#[test]
fn folding_runs_of_other_characters_is_folding_the_whole_text() {
    let whole = |t: &str| -> String {
        let chars: Vec<char> = t
            .chars()
            .filter(|&c| !is_apostrophe(c))
            .nfkd()
            .flat_map(char::to_lowercase)
            .filter(|&c| !is_combining_mark(c))
            .collect();
        let mut runs = Vec::new();
        let mut run = Vec::new();
        for c in t.chars().filter(|&c| !is_apostrophe(c)) {
            if c.is_ascii() {
                fold_run(&mut run, &mut runs);
                runs.push(c.to_ascii_lowercase());
            } else {
                run.push(c);
            }
        }
        fold_run(&mut run, &mut runs);
        assert_eq!(runs, chars, "{t:?}");
        chars.into_iter().collect()
    };
    for t in [
        "Zürich’s “café” — naïve",
        "a\u{0301}\u{0323}b e\u{0323}\u{0301} İstanbul ﬁnal ＦＵＬＬ",
        "\u{0301}x\u{0301}\u{0301}y ½ ㈱ Ǆ ß Σσς",
        "中文 and 日本語のテキスト",
    ] {
        assert!(!whole(t).is_empty());
    }
}
