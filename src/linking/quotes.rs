//! One quote carried by several outlets.
//!
//! Outlets copy a quote and edit it: they change the quote marks, cut words
//! and mark the cut with an ellipsis, insert a clarification in brackets,
//! quote only part of it. So two statements report the same words when their
//! folded texts are equal, or when most of the word pairs of the shorter one
//! occur in the longer one (containment, not similarity: a cut-down copy is
//! as much the quote as the full one).
//!
//! Comparing every pair is quadratic, so candidates come from MinHash with
//! locality-sensitive hashing, and only candidates are compared exactly:
//!
//! 1. [`prepare`] folds the text into the sorted hashes of its word pairs and
//!    a SHA-256 prefix; it needs the text alone, so the per-document workers
//!    run it in parallel. [`QuoteIndex::insert`] keeps each distinct folded
//!    text once (a wire story reprinted by 500 outlets costs one entry) —
//!    never the text.
//! 2. [`QuoteIndex::clusters`] computes [`BANDS`] MinHash values per distinct
//!    text; texts with an equal value in a band are candidates, verified by
//!    containment; union-find joins the verified pairs.
//!
//! Every choice that could depend on the order of insertion (which text is
//! first in a bucket, which text names the cluster) depends on the content
//! only, and the parallel parts only map, so the clusters are the same for
//! any insertion order and any number of threads.

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use sha2::{Digest, Sha256};
use std::sync::OnceLock;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// A text with fewer content words (words not in [`is_stop`]) is never
/// clustered: "This is your last warning!" (2) or "American lives are on the
/// line" (3) are said by many people about many things, and two outlets
/// carrying them are no evidence of one quote. Five is where real quotes in
/// news start to be specific ("not a single Hamas member will be safe").
pub const MIN_CONTENT_WORDS: usize = 5;

/// Two texts are one quote when at least this share of the word pairs of the
/// shorter occurs in the longer. Each cut, ellipsis or changed word breaks one
/// or two pairs, so 60% keeps a copy with a few edits per ten words; two
/// different quotes that share a phrase ("the United States") share a pair
/// or two, far below it.
pub const MIN_CONTAINMENT_PERCENT: usize = 60;

/// ...and at least this many pairs, so that a short text does not match on
/// two pairs alone.
pub const MIN_SHARED: usize = 3;

/// MinHash values per text, one per band: a band of one row makes a pair a
/// candidate with probability 1 − (1 − J)^BANDS for word-pair Jaccard J,
/// which is what containment needs — a ten-pair excerpt of a fifty-pair quote
/// has J = 0.2 and is found with probability 0.995; with two rows per band it
/// would need four times the bands. (J is over pairs of two content words
/// where a text has them: see [`minhash`].) Cost is linear in BANDS.
pub const BANDS: usize = 24;

/// Buckets up to this size compare all their pairs; larger ones (a common
/// word pair that happens to be the minimum of many texts) compare each
/// member with the first only, so a bucket costs its size, never its square.
/// True copies share many word pairs and meet again in a small bucket.
const SMALL_BUCKET: usize = 16;

/// A bracketed insertion ("compelling it (Israel) to", "accept [the plan]")
/// is the reporter's, not the speaker's, and is dropped; a longer bracket is
/// more likely the speaker's own aside and is kept.
const MAX_BRACKET_CHARS: usize = 60;

const NONE: u32 = u32::MAX;

/// Collects statement contents, then clusters them.
///
/// Memory: 4 bytes per statement, and per distinct folded text 4 bytes per
/// word pair plus about 60 bytes (a 16-byte SHA-256 prefix, kept twice for
/// the lookup, its length, an offset). The folded text itself is not kept:
/// the cluster id needs only the digest, and ties between canonical texts of
/// equal length are broken on the digest instead of on the text.
#[derive(Default)]
pub struct QuoteIndex {
    /// Statement key → distinct text, `NONE` when too short.
    slots: Vec<u32>,
    by_digest: FxHashMap<[u8; 16], u32>,
    /// Per distinct text: SHA-256 of the folded text (first 16 bytes).
    digest: Vec<[u8; 16]>,
    /// Per distinct text: length of the folded text in characters.
    chars: Vec<u32>,
    /// Text `v`'s word-pair hashes are `pairs[ends[v - 1]..ends[v]]`, sorted
    /// and distinct: one allocation for all texts instead of one each.
    pairs: Vec<u32>,
    ends: Vec<usize>,
}

/// A statement's content as the index files it: its folded text's digest,
/// length and word pairs. Made by [`prepare`] from the text alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    digest: [u8; 16],
    chars: u32,
    /// Sorted and distinct.
    pairs: Vec<u32>,
}

/// `text` (a statement's content, parts joined with a space) prepared for
/// [`QuoteIndex::insert`]; `None` when it has too few content words to
/// cluster.
pub fn prepare(text: &str) -> Option<Prepared> {
    let mut folded = String::new();
    fold(text, &mut folded);
    let mut pairs = Vec::new();
    if word_pairs(&folded, &mut pairs) < MIN_CONTENT_WORDS {
        return None;
    }
    Some(Prepared {
        digest: digest16(&folded),
        chars: u32::try_from(folded.chars().count()).unwrap_or(u32::MAX),
        pairs,
    })
}

/// A quote carried by two or more statements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    /// "q" and the first 12 hex digits of the SHA-256 of the canonical folded
    /// text: the same corpus in any order gives the same ids.
    pub id: String,
    /// Member keys, ascending.
    pub members: Vec<u32>,
    /// The member whose text is the canonical one (the longest folded text;
    /// among equally long ones the smaller digest), the smallest such key.
    pub canonical: u32,
    /// Number of distinct folded texts among the members.
    pub variants: usize,
}

impl QuoteIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// `key` is the caller's statement number (dense, 0..n, added in
    /// increasing order); `text` the content (parts joined with a space).
    /// A key added again takes the new text.
    pub fn add(&mut self, key: u32, text: &str) {
        self.insert(key, prepare(text).as_ref());
    }

    /// [`QuoteIndex::add`] with the content already prepared (`None`: not
    /// clusterable). Returns whether `key` is the first statement of a new
    /// distinct text: the only one whose content the caller needs to keep,
    /// as the canonical text of a cluster is its first statement's.
    pub fn insert(&mut self, key: u32, prepared: Option<&Prepared>) -> bool {
        let (variant, new) = prepared.map_or((NONE, false), |p| self.variant_of(p));
        let k = key as usize;
        if self.slots.len() <= k {
            self.slots.resize(k + 1, NONE);
        }
        self.slots[k] = variant;
        new
    }

    /// The distinct text `p` is, and whether it is new; `NONE` if it is too
    /// short to cluster.
    fn variant_of(&mut self, p: &Prepared) -> (u32, bool) {
        if let Some(&v) = self.by_digest.get(&p.digest) {
            return (v, false);
        }
        let Ok(v) = u32::try_from(self.digest.len()) else {
            return (NONE, false);
        };
        if p.pairs.len() < MIN_SHARED || v == NONE {
            return (NONE, false);
        }
        self.by_digest.insert(p.digest, v);
        self.digest.push(p.digest);
        self.chars.push(p.chars);
        self.pairs.extend_from_slice(&p.pairs);
        self.ends.push(self.pairs.len());
        (v, true)
    }

    fn pairs_of(&self, v: u32) -> &[u32] {
        let v = v as usize;
        let start = if v == 0 { 0 } else { self.ends[v - 1] };
        &self.pairs[start..self.ends[v]]
    }

    /// Every cluster of two or more statements, sorted by id.
    ///
    /// Runs on the current rayon pool (call it inside `pool.install` to bound
    /// the threads) and needs, while it runs, about 120 bytes per distinct
    /// text: the signatures, one band's buckets, the union-find.
    pub fn clusters(&self) -> Vec<Cluster> {
        let roots = self.link();
        self.gather(&roots)
    }

    /// The union-find root of every distinct text.
    fn link(&self) -> Vec<u32> {
        let n = self.digest.len();
        // Buckets are ordered by digest, not by insertion, so that which pairs
        // get compared in a large bucket depends on the texts alone.
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.par_sort_unstable_by_key(|&v| self.digest[v as usize]);
        // All bands at once: one pass over each text's pairs instead of one
        // per band, for 4 bytes per band and text while clustering.
        let hashes: [(u64, u64); BANDS] = std::array::from_fn(band_hash);
        let signatures: Vec<[u32; BANDS]> = order
            .par_iter()
            .map(|&v| signature(&hashes, self.pairs_of(v)))
            .collect();
        let mut sets = UnionFind::new(n);
        let mut entries = vec![0u64; n];
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for band in 0..BANDS {
            for (rank, (e, sig)) in entries.iter_mut().zip(&signatures).enumerate() {
                *e = (u64::from(sig[band]) << 32) | rank as u64;
            }
            entries.par_sort_unstable();
            pairs.clear();
            for bucket in entries.chunk_by(|a, b| a >> 32 == b >> 32) {
                let text = |i: usize| order[(bucket[i] & 0xFFFF_FFFF) as usize];
                let firsts = if bucket.len() <= SMALL_BUCKET {
                    bucket.len() - 1
                } else {
                    1
                };
                for i in 0..firsts {
                    for j in i + 1..bucket.len() {
                        let (a, b) = (text(i), text(j));
                        // Pairs already joined by an earlier band need no check.
                        if sets.find(a) != sets.find(b) {
                            pairs.push((a, b));
                        }
                    }
                }
            }
            let same: Vec<bool> = pairs
                .par_iter()
                .map(|&(a, b)| same_quote(self.pairs_of(a), self.pairs_of(b)))
                .collect();
            for (&(a, b), same) in pairs.iter().zip(same) {
                if same {
                    sets.union(a, b);
                }
            }
        }
        (0..n as u32).map(|v| sets.find(v)).collect()
    }

    /// Statements grouped by the root of their text, as clusters.
    fn gather(&self, roots: &[u32]) -> Vec<Cluster> {
        let n = roots.len();
        let mut size = vec![0u32; n];
        let mut used = vec![false; n];
        for &v in self.slots.iter().filter(|&&v| v != NONE) {
            size[roots[v as usize] as usize] += 1;
            used[v as usize] = true;
        }
        // Cluster number of each root with two or more statements.
        let mut index = vec![NONE; n];
        let mut clusters: Vec<Cluster> = Vec::new();
        let mut best: Vec<u32> = Vec::new();
        for v in 0..n {
            let r = roots[v] as usize;
            if size[r] < 2 || !used[v] {
                continue;
            }
            if index[r] == NONE {
                index[r] = clusters.len() as u32;
                clusters.push(Cluster {
                    id: String::new(),
                    members: Vec::with_capacity(size[r] as usize),
                    canonical: NONE,
                    variants: 0,
                });
                best.push(v as u32);
            }
            let c = index[r] as usize;
            clusters[c].variants += 1;
            if self.is_more_canonical(v, best[c] as usize) {
                best[c] = v as u32;
            }
        }
        for (key, &v) in self.slots.iter().enumerate() {
            if v == NONE {
                continue;
            }
            let c = index[roots[v as usize] as usize];
            if c == NONE {
                continue;
            }
            let cluster = &mut clusters[c as usize];
            cluster.members.push(key as u32);
            if v == best[c as usize] && cluster.canonical == NONE {
                cluster.canonical = key as u32;
            }
        }
        for (cluster, &v) in clusters.iter_mut().zip(&best) {
            cluster.id = cluster_id(&self.digest[v as usize]);
        }
        clusters.sort_unstable_by(|a, b| (&a.id, &a.members).cmp(&(&b.id, &b.members)));
        clusters
    }

    fn is_more_canonical(&self, v: usize, than: usize) -> bool {
        (self.chars[v], std::cmp::Reverse(self.digest[v]))
            > (self.chars[than], std::cmp::Reverse(self.digest[than]))
    }
}

/// "q" and 12 hex digits: 48 bits, so that a million clusters collide with
/// probability about 0.2%; ties in the sort are then broken by the members.
fn cluster_id(digest: &[u8; 16]) -> String {
    let mut id = String::with_capacity(13);
    id.push('q');
    for b in &digest[..6] {
        id.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        id.push(char::from_digit(u32::from(b & 15), 16).unwrap_or('0'));
    }
    id
}

fn digest16(folded: &str) -> [u8; 16] {
    let full = Sha256::digest(folded.as_bytes());
    let mut d = [0u8; 16];
    d.copy_from_slice(&full[..16]);
    d
}

/// Whether two sorted, distinct word-pair sets are one quote.
fn same_quote(a: &[u32], b: &[u32]) -> bool {
    let shorter = a.len().min(b.len());
    let need = MIN_SHARED.max((shorter * MIN_CONTAINMENT_PERCENT).div_ceil(100));
    let (mut i, mut j, mut shared) = (0, 0, 0);
    // Branch-free merge: which side advances is unpredictable, and most
    // candidates are false, so mispredictions would be most of the cost.
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        shared += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    shared >= need
}

// ---------------------------------------------------------------------------
// Folding

/// Writes the folded form of `text` into `out`, words separated by one
/// space.
///
/// Folding makes what outlets change when they copy a quote disappear:
/// compatibility forms and accents (NFKD, combining marks dropped), case,
/// apostrophes (removed, so "don’t" and "don't" are both "dont"), short
/// bracketed insertions, and all punctuation, ellipses and quote marks, which
/// only separate words. Each Han or kana character is a word of its own,
/// since those scripts do not put spaces between words.
fn fold(text: &str, out: &mut String) {
    out.clear();
    // ASCII is its own NFKD and has no marks: the common case skips both.
    let chars: Vec<char> = if text.is_ascii() {
        let keep = |b: &u8| !is_apostrophe(char::from(*b));
        let lower = |b: u8| char::from(b.to_ascii_lowercase());
        text.bytes().filter(keep).map(lower).collect()
    } else {
        // ASCII characters are their own NFKD and block the reordering of
        // marks, so NFKD of each run of other characters on its own is NFKD
        // of the whole text, and the ASCII between runs skips it.
        let mut chars = Vec::with_capacity(text.len());
        let mut run: Vec<char> = Vec::new();
        for c in text.chars().filter(|&c| !is_apostrophe(c)) {
            if c.is_ascii() {
                fold_run(&mut run, &mut chars);
                chars.push(c.to_ascii_lowercase());
            } else {
                run.push(c);
            }
        }
        fold_run(&mut run, &mut chars);
        chars
    };
    // Whether a separator came since the last word character.
    let mut space = false;
    let push = |out: &mut String, c: char, space: &mut bool| {
        if *space && !out.is_empty() {
            out.push(' ');
        }
        *space = false;
        out.push(c);
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some(end) = bracket_end(&chars, i) {
            space = true;
            i = end + 1;
            continue;
        }
        if is_ideograph(c) {
            space = true;
            push(out, c, &mut space);
            space = true;
        } else if c.is_alphanumeric() {
            push(out, c, &mut space);
        } else {
            space = true;
        }
        i += 1;
    }
}

/// NFKD, lowercase, no combining marks: `run` (emptied) onto `out`.
fn fold_run(run: &mut Vec<char>, out: &mut Vec<char>) {
    if run.is_empty() {
        return;
    }
    let folded = run.drain(..).nfkd().flat_map(char::to_lowercase);
    out.extend(folded.filter(|&c| !is_combining_mark(c)));
}

/// The index of the bracket closing the one at `i`, if it closes soon and
/// nothing opens before it.
fn bracket_end(chars: &[char], i: usize) -> Option<usize> {
    let close = match chars[i] {
        '(' => ')',
        '[' => ']',
        '{' => '}',
        _ => return None,
    };
    let rest = chars.get(i + 1..)?;
    let at = rest
        .iter()
        .take(MAX_BRACKET_CHARS)
        .position(|&d| d == close || matches!(d, '(' | '[' | '{'))?;
    (rest[at] == close).then_some(i + 1 + at)
}

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2018}'
            | '\u{2019}'
            | '\u{201B}'
            | '\u{02BC}'
            | '\u{2032}'
            | '`'
            | '\u{00B4}'
            | '\u{FF07}'
    )
}

fn is_ideograph(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// Words that carry no identity of a quote: function words, and the words of
/// the reporting frame (said, told, weekdays, months) that an outlet's own
/// wording adds around it. They count neither as content words nor, two in
/// a row, as a word pair. The forms are folded ("dont", "its").
///
/// `h` is `w`'s [`word_hash`], which the word pair needs anyway: looking the
/// word up by it hashes each word once instead of twice (the stop words'
/// hashes are distinct, and a hit is checked against the word).
fn is_stop(h: u64, w: &str) -> bool {
    static MAP: OnceLock<FxHashMap<u64, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| STOP_WORDS.split(' ').map(|s| (word_hash(s), s)).collect())
        .get(&h)
        .is_some_and(|s| *s == w)
}

const STOP_WORDS: &str = "\
    a about according added after again against all also am an and any april are as at \
    august be been before being both but by can could december did do does doing dont down \
    during each february for friday from had has have having he her here hers him his how i \
    if im in into is it its january july june just march may me monday more most my no nor \
    not november now october of off on once only or other our ours out over own s said same \
    saturday say says september she should so some stated such sunday t tells than that \
    thats the their them then there theres these they this those through thursday to today \
    told too tuesday under until up us very was we wednesday well were weve what when where \
    which while who whom why will with would yesterday you your yours";

// ---------------------------------------------------------------------------
// Hashing: fixed functions and seeds, so that a corpus clusters the same on
// every run and machine (the std hasher is randomly seeded per process).

/// The sorted, distinct hashes of the folded text's adjacent word pairs,
/// leaving out pairs of two stop words ("of the", "it is"), which every text
/// shares; returns the number of content words (words not in [`is_stop`]),
/// counted in the same pass so each word is looked up once.
fn word_pairs(folded: &str, out: &mut Vec<u32>) -> usize {
    out.clear();
    let mut content = 0;
    let mut prev: Option<(u64, bool)> = None;
    for w in folded.split(' ').filter(|w| !w.is_empty()) {
        let h = word_hash(w);
        let stop = is_stop(h, w);
        content += usize::from(!stop);
        if let Some((p, pstop)) = prev {
            if !(stop && pstop) {
                // The low bit says whether a stop word is in it, for `minhash`.
                let hash = (mix(p.rotate_left(29) ^ h) >> 32) as u32;
                out.push((hash & !1) | u32::from(stop || pstop));
            }
        }
        prev = Some((h, stop));
    }
    out.sort_unstable();
    out.dedup();
    content
}

/// FNV-1a, then a mixer for its weak high bits.
fn word_hash(w: &str) -> u64 {
    let h = w.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    mix(h)
}

/// The splitmix64 finaliser.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The multiplier (odd) and addend of band `band`'s hash function.
fn band_hash(band: usize) -> (u64, u64) {
    let seed = 0x5157_4f54_4553_0000u64 + 2 * band as u64;
    (mix(seed) | 1, mix(seed + 1))
}

/// The MinHash value of every band.
fn signature(hashes: &[(u64, u64); BANDS], pairs: &[u32]) -> [u32; BANDS] {
    let mut sig = [u32::MAX; BANDS];
    for &p in pairs {
        for (m, &(mul, add)) in sig.iter_mut().zip(hashes) {
            *m = (*m).min(minhash(mul, add, p));
        }
    }
    sig
}

/// Multiply-shift hashing (the word-pair hashes are already uniform, so one
/// multiplication per band gives independent enough orders), except that a
/// pair with a stop word ranks after every pair of two content words: a
/// text's minimum is then one of its rarer pairs ("israeli prisoners", not
/// "the government"), so far fewer unrelated texts share a bucket. It is
/// still one fixed order of all pairs, which is all MinHash needs.
fn minhash(mul: u64, add: u64, pair: u32) -> u32 {
    let h = u64::from(pair).wrapping_mul(mul).wrapping_add(add) >> 33;
    ((pair & 1) << 31) | h as u32
}

/// Union-find with path halving and union by size.
struct UnionFind {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n as u32).collect(),
            size: vec![1; n],
        }
    }

    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let grand = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = grand;
            x = grand;
        }
        x
    }

    fn union(&mut self, a: u32, b: u32) {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        if self.size[a as usize] < self.size[b as usize] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b as usize] = a;
        self.size[a as usize] += self.size[b as usize];
    }
}

#[cfg(test)]
mod tests;
