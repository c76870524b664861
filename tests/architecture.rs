//! The layering of src/: one module per stage, data flowing one way.
//!
//! The floors are declared in `scripts/layers.txt`; this test reads every
//! `src/**/*.rs`, finds each `crate::NAME` it refers to (in `use` lines, grouped
//! or not, and in paths inside code), and fails when a module imports a later
//! floor, when top-level modules import each other in a cycle, when a module is
//! missing from the list, or when a file is too long to read in one go. Rust
//! itself allows all of these, which is why they need a test: each one makes
//! the next change harder without ever failing to compile.
//!
//! Only `crate::` paths count: `super::` and `self::` stay inside a module
//! (a file's own tests, its own parts), and lib.rs and main.rs, which wire
//! everything, are exempt. `scripts/layers.sh` prints the module graph.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Longest file allowed in src/ (the house rule says ~600; this is the hard
/// stop, so that a file slightly over gets split at a good moment, not at once).
const MAX_LINES: usize = 650;

const LAYERS_FILE: &str = "scripts/layers.txt";

// ---------------------------------------------------------------------------
// Finding `crate::NAME` references

fn is_ident_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The code with comments (doc comments included) and string and character
/// literals turned into spaces, newlines kept, so that what is left is only
/// code and every line number stays right. A `crate::` in a doc example or in
/// an error message is not an import.
fn blank_comments_and_literals(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let blank = |ch: char, out: &mut String| out.push(if ch == '\n' { '\n' } else { ' ' });
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        let next = c.get(i + 1).copied();
        if ch == '/' && next == Some('/') {
            while i < c.len() && c[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if ch == '/' && next == Some('*') {
            // Block comments nest in Rust.
            let mut depth = 0usize;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(c[i], &mut out);
                    i += 1;
                }
            }
        } else if ch == '"' {
            out.push(' ');
            i += 1;
            while i < c.len() {
                let d = c[i];
                blank(d, &mut out);
                i += 1;
                if d == '\\' && i < c.len() {
                    blank(c[i], &mut out);
                    i += 1;
                } else if d == '"' {
                    break;
                }
            }
        } else if ch == '\'' {
            // A character literal ('x', '\n', '\u{..}', '"') or a lifetime
            // ('a, 'static), which has no closing quote.
            let end = if next == Some('\\') {
                (i + 3..c.len()).find(|&k| c[k] == '\'')
            } else if c.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(end) => {
                    for &d in &c[i..=end] {
                        blank(d, &mut out);
                    }
                    i = end + 1;
                }
                None => {
                    out.push('\'');
                    i += 1;
                }
            }
        } else if is_ident_start(ch) && (i == 0 || !is_ident_char(c[i - 1])) {
            let start = i;
            while i < c.len() && is_ident_char(c[i]) {
                i += 1;
            }
            let word: String = c[start..i].iter().collect();
            out.push_str(&word);
            // Raw strings: r"..", r#".."#, br"..", cr#".."#.
            if matches!(word.as_str(), "r" | "br" | "cr") {
                let mut j = i;
                while c.get(j) == Some(&'#') {
                    j += 1;
                }
                if c.get(j) == Some(&'"') {
                    let hashes = j - i;
                    for &d in &c[i..=j] {
                        blank(d, &mut out);
                    }
                    i = j + 1;
                    while i < c.len() {
                        let closes =
                            c[i] == '"' && (1..=hashes).all(|h| c.get(i + h) == Some(&'#'));
                        if closes {
                            out.push_str(&" ".repeat(hashes + 1));
                            i += hashes + 1;
                            break;
                        }
                        blank(c[i], &mut out);
                        i += 1;
                    }
                }
            }
        } else {
            out.push(ch);
            i += 1;
        }
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Punct(char),
}

/// Identifiers and punctuation of blanked code, each with its 1-based line.
/// Numbers are dropped: they never take part in a path.
fn tokens(code: &str) -> Vec<(Tok, usize)> {
    let c: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch.is_whitespace() {
            i += 1;
        } else if is_ident_char(ch) {
            let start = i;
            while i < c.len() && is_ident_char(c[i]) {
                i += 1;
            }
            if is_ident_start(ch) {
                out.push((Tok::Ident(c[start..i].iter().collect()), line));
            }
        } else {
            out.push((Tok::Punct(ch), line));
            i += 1;
        }
    }
    out
}

fn is_ident(t: Option<&(Tok, usize)>, s: &str) -> bool {
    matches!(t, Some((Tok::Ident(w), _)) if w == s)
}

fn is_punct(t: Option<&(Tok, usize)>, p: char) -> bool {
    matches!(t, Some((Tok::Punct(q), _)) if *q == p)
}

/// Every `crate::NAME` in `src` as (line, NAME): `use crate::a::B`,
/// `use crate::{a, b::{c, d}}` (a and b), `pub use`, and paths in code such as
/// `&crate::tokenize::Tokenized`. Comments, literals, `super::`, `self::` and
/// `pub(in crate::..)` visibilities are not references.
fn crate_refs(src: &str) -> Vec<(usize, String)> {
    let t = tokens(&blank_comments_and_literals(src));
    let mut out = Vec::new();
    for i in 0..t.len() {
        if !(is_ident(t.get(i), "crate")
            && is_punct(t.get(i + 1), ':')
            && is_punct(t.get(i + 2), ':'))
        {
            continue;
        }
        if i >= 2 && is_ident(t.get(i - 1), "in") && is_punct(t.get(i - 2), '(') {
            continue;
        }
        match t.get(i + 3) {
            Some((Tok::Ident(name), line)) => out.push((*line, name.clone())),
            Some((Tok::Punct('{'), _)) => group_heads(&t[i + 3..], &mut out),
            _ => {}
        }
    }
    out
}

/// The first segment of every item of the group `{..}` that `t` starts with.
fn group_heads(t: &[(Tok, usize)], out: &mut Vec<(usize, String)>) {
    let mut depth = 0usize;
    let mut item_start = true;
    for (tok, line) in t {
        match tok {
            Tok::Punct('{') => {
                depth += 1;
                item_start = depth == 1;
            }
            Tok::Punct('}') => {
                depth -= 1;
                if depth == 0 {
                    return;
                }
            }
            Tok::Punct(',') if depth == 1 => item_start = true,
            Tok::Ident(name) if depth == 1 && item_start => {
                if name != "self" {
                    out.push((*line, name.clone()));
                }
                item_start = false;
            }
            _ if depth == 1 => item_start = false,
            _ => {}
        }
    }
}

/// What lib.rs re-exports from which module (`pub use pipeline::{run, ..}`
/// makes `run` → `pipeline`), so that `crate::run` counts as importing
/// `pipeline`, not as importing from the top.
fn reexports(lib_src: &str) -> BTreeMap<String, String> {
    let t = tokens(&blank_comments_and_literals(lib_src));
    let mut out = BTreeMap::new();
    for i in 0..t.len() {
        if !(is_ident(t.get(i), "pub") && is_ident(t.get(i + 1), "use")) {
            continue;
        }
        let mut k = i + 2;
        while is_ident(t.get(k), "crate") || is_ident(t.get(k), "self") || is_punct(t.get(k), ':') {
            k += 1;
        }
        let Some((Tok::Ident(module), _)) = t.get(k) else {
            continue;
        };
        while k < t.len() && !is_punct(t.get(k), ';') {
            if let (Tok::Ident(name), _) = &t[k] {
                let leaf = [',', '}', ';'].iter().any(|&p| is_punct(t.get(k + 1), p));
                if leaf && name != "self" {
                    out.insert(name.clone(), module.clone());
                }
            }
            k += 1;
        }
    }
    out
}

// ---------------------------------------------------------------------------
// The declared floors

#[derive(Debug)]
struct Layers {
    floors: Vec<Vec<String>>,
    floor_of: BTreeMap<String, usize>,
}

fn parse_layers(text: &str) -> Result<Layers, Vec<String>> {
    let mut layers = Layers {
        floors: Vec::new(),
        floor_of: BTreeMap::new(),
    };
    let mut problems = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("");
        let names: Vec<String> = line.split_whitespace().map(str::to_string).collect();
        if names.is_empty() {
            continue;
        }
        let floor = layers.floors.len();
        for name in &names {
            if let Some(&other) = layers.floor_of.get(name) {
                problems.push(format!(
                    "{LAYERS_FILE}:{}: `{name}` is already on floor {}; list each module once",
                    n + 1,
                    other + 1
                ));
            } else {
                layers.floor_of.insert(name.clone(), floor);
            }
        }
        layers.floors.push(names);
    }
    if layers.floors.is_empty() {
        problems.push(format!("{LAYERS_FILE} declares no floors"));
    }
    if problems.is_empty() {
        Ok(layers)
    } else {
        Err(problems)
    }
}

// ---------------------------------------------------------------------------
// The check

/// One source file, its path relative to the crate (`src/foo/bar.rs`).
struct SrcFile {
    rel: String,
    text: String,
}

/// The top-level module a file belongs to; `None` for the crate roots, which
/// may import anything.
fn top_module(rel: &str) -> Option<String> {
    let rest = rel.strip_prefix("src/")?;
    match rest.split_once('/') {
        Some(("bin", _)) => None,
        Some((dir, _)) => Some(dir.to_string()),
        None if rest == "lib.rs" || rest == "main.rs" => None,
        None => rest.strip_suffix(".rs").map(str::to_string),
    }
}

/// One place where a module refers to another.
#[derive(Debug, Clone)]
struct Site {
    file: String,
    line: usize,
    code: String,
}

impl std::fmt::Display for Site {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: `{}`", self.file, self.line, self.code)
    }
}

struct Report {
    /// The module graph, floor by floor, for people to read.
    graph: String,
    /// What breaks the rule, each with where and what to do.
    problems: Vec<String>,
}

/// Test code may import any module: tests drive a stage through the whole
/// pipeline. Test code is a file named `tests.rs` or `testkit.rs`, and the
/// part of any file from a `#[cfg(test)]` line followed by an inline
/// `mod NAME {` on (Rust puts a file's own tests last).
fn is_test_file(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    matches!(name, "tests.rs" | "testkit.rs")
}

/// The part of a file that is not test code (all of it for most files).
fn production_code<'a>(rel: &str, text: &'a str) -> &'a str {
    if is_test_file(rel) {
        return "";
    }
    let mut at = 0;
    let mut lines = text.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        let inline_mod = lines.peek().is_some_and(|next| {
            let next = next.trim();
            next.starts_with("mod ") && next.ends_with('{')
        });
        if line.trim() == "#[cfg(test)]" && inline_mod {
            return &text[..at];
        }
        at += line.len();
    }
    text
}

fn check(files: &[SrcFile], layers_text: &str) -> Report {
    let mut problems = Vec::new();
    let layers = parse_layers(layers_text).unwrap_or_else(|p| {
        problems.extend(p);
        Layers {
            floors: Vec::new(),
            floor_of: BTreeMap::new(),
        }
    });
    let modules: BTreeSet<String> = files
        .iter()
        .filter(|f| !is_test_file(&f.rel))
        .filter_map(|f| top_module(&f.rel))
        .collect();
    let aliases = files
        .iter()
        .find(|f| f.rel == "src/lib.rs")
        .map(|f| reexports(&f.text))
        .unwrap_or_default();

    // edges[from][to] = where `from` refers to `to`, in file order.
    let mut edges: BTreeMap<String, BTreeMap<String, Vec<Site>>> = BTreeMap::new();
    for m in &modules {
        edges.entry(m.clone()).or_default();
    }
    let mut too_long = Vec::new();
    for f in files {
        let lines = f.text.lines().count();
        if lines > MAX_LINES {
            let how = match f.rel.strip_suffix(".rs") {
                Some(stem) if stem.matches('/').count() == 1 => {
                    format!("turn it into a folder module ({stem}/mod.rs and one file per idea)")
                }
                _ => "split it by idea into more files of its folder".to_string(),
            };
            too_long.push(format!(
                "{} has {lines} lines, over the limit of {MAX_LINES}: {how}",
                f.rel
            ));
        }
        let Some(from) = top_module(&f.rel).filter(|_| !is_test_file(&f.rel)) else {
            continue;
        };
        let mut seen = BTreeSet::new();
        for (line, name) in crate_refs(production_code(&f.rel, &f.text)) {
            let to = if modules.contains(&name) {
                name.clone()
            } else if let Some(m) = aliases.get(&name) {
                m.clone()
            } else {
                problems.push(format!(
                    "{}:{line}: `crate::{name}` is neither a top-level module nor re-exported \
                     by lib.rs from one; import it from the module that defines it",
                    f.rel
                ));
                continue;
            };
            if to == from || !seen.insert((line, to.clone())) {
                continue;
            }
            let code = f
                .text
                .lines()
                .nth(line - 1)
                .unwrap_or("")
                .trim()
                .to_string();
            edges
                .get_mut(&from)
                .unwrap()
                .entry(to)
                .or_default()
                .push(Site {
                    file: f.rel.clone(),
                    line,
                    code,
                });
        }
    }

    for m in &modules {
        if !layers.floor_of.contains_key(m) {
            problems.push(format!(
                "module `{m}` (src/{m}.rs or src/{m}/) is not in {LAYERS_FILE}: add it to \
                 scripts/layers.txt, on the floor of its stage"
            ));
        }
    }

    for (from, tos) in &edges {
        let Some(&ff) = layers.floor_of.get(from) else {
            continue;
        };
        for (to, sites) in tos {
            let Some(&ft) = layers.floor_of.get(to) else {
                continue;
            };
            if ft > ff {
                for s in sites {
                    problems.push(format!(
                        "{s}: `{from}` (floor {}) imports `{to}`, which is on a later floor ({}). \
                         A module may import only its own floor or lower ones: move what \
                         `{from}` needs from `{to}` down to floor {} or below, or have a later \
                         stage pass it in",
                        ff + 1,
                        ft + 1,
                        ff + 1
                    ));
                }
            }
        }
    }

    let cycles = cycles(&edges);
    let mut cycle_edges = BTreeSet::new();
    for cycle in &cycles {
        let mut msg = format!("import cycle: {} -> {}", cycle.join(" -> "), cycle[0]);
        for (k, from) in cycle.iter().enumerate() {
            let to = &cycle[(k + 1) % cycle.len()];
            cycle_edges.insert((from.clone(), to.clone()));
            for s in &edges[from][to] {
                msg.push_str(&format!("\n    {from} -> {to} at {s}"));
            }
        }
        msg.push_str(
            "\n  break it: move what both sides need down to a module on a lower floor (or into \
             one of them), so that the imports go one way",
        );
        problems.push(msg);
    }

    problems.extend(too_long);
    Report {
        graph: render_graph(&layers, &modules, &edges, &cycle_edges),
        problems,
    }
}

/// One cycle (as a list of modules) per strongly connected group of modules,
/// found with Tarjan's algorithm and reported along a shortest loop.
fn cycles(edges: &BTreeMap<String, BTreeMap<String, Vec<Site>>>) -> Vec<Vec<String>> {
    struct Tarjan<'a> {
        edges: &'a BTreeMap<String, BTreeMap<String, Vec<Site>>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        groups: Vec<Vec<&'a str>>,
    }
    impl<'a> Tarjan<'a> {
        fn visit(&mut self, v: &'a str) {
            let n = self.index.len();
            self.index.insert(v, n);
            self.low.insert(v, n);
            self.stack.push(v);
            self.on_stack.insert(v);
            let edges = self.edges;
            for w in edges[v].keys().filter(|w| edges.contains_key(*w)) {
                let w = w.as_str();
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let lw = self.low[w];
                    let lv = self.low.get_mut(v).unwrap();
                    *lv = (*lv).min(lw);
                } else if self.on_stack.contains(w) {
                    let iw = self.index[w];
                    let lv = self.low.get_mut(v).unwrap();
                    *lv = (*lv).min(iw);
                }
            }
            if self.low[v] == self.index[v] {
                let mut group = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack.remove(w);
                    group.push(w);
                    if w == v {
                        break;
                    }
                }
                if group.len() > 1 {
                    group.sort();
                    self.groups.push(group);
                }
            }
        }
    }
    let mut t = Tarjan {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        groups: Vec::new(),
    };
    for v in edges.keys() {
        if !t.index.contains_key(v.as_str()) {
            t.visit(v);
        }
    }
    let mut out = Vec::new();
    for group in &t.groups {
        // Shortest way from the group's first module back to itself.
        let start = group[0];
        let inside: BTreeSet<&str> = group.iter().copied().collect();
        let mut prev: BTreeMap<&str, &str> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([start]);
        let mut last = None;
        while let Some(v) = queue.pop_front() {
            for w in edges[v].keys().map(String::as_str) {
                if w == start {
                    last = Some(v);
                    break;
                }
                if inside.contains(w) && !prev.contains_key(w) {
                    prev.insert(w, v);
                    queue.push_back(w);
                }
            }
            if last.is_some() {
                break;
            }
        }
        let mut path = vec![last.unwrap_or(start)];
        while let Some(&p) = prev.get(path.last().unwrap()) {
            path.push(p);
        }
        if *path.last().unwrap() != start {
            path.push(start);
        }
        path.reverse();
        out.push(path.into_iter().map(str::to_string).collect());
    }
    out
}

fn render_graph(
    layers: &Layers,
    modules: &BTreeSet<String>,
    edges: &BTreeMap<String, BTreeMap<String, Vec<Site>>>,
    cycle_edges: &BTreeSet<(String, String)>,
) -> String {
    let width = modules.iter().map(String::len).max().unwrap_or(0);
    let line_of = |m: &str, ff: Option<usize>| {
        let imports: Vec<String> = edges[m]
            .keys()
            .map(|to| {
                let mut s = to.clone();
                if let (Some(ff), Some(&ft)) = (ff, layers.floor_of.get(to)) {
                    if ft > ff {
                        s.push_str(&format!(" [LATER: floor {}]", ft + 1));
                    }
                }
                if cycle_edges.contains(&(m.to_string(), to.clone())) {
                    s.push_str(" [CYCLE]");
                }
                s
            })
            .collect();
        let imports = if imports.is_empty() {
            "(nothing)".to_string()
        } else {
            imports.join(", ")
        };
        format!("    {m:width$} -> {imports}\n")
    };
    let mut out = format!("module graph of src/ (floors from {LAYERS_FILE}, lowest first)\n");
    for (k, floor) in layers.floors.iter().enumerate() {
        out.push_str(&format!("  floor {}: {}\n", k + 1, floor.join(" ")));
        for m in floor {
            if modules.contains(m) {
                out.push_str(&line_of(m, Some(k)));
            } else {
                out.push_str(&format!("    {m:width$}    (not in src/ yet)\n"));
            }
        }
    }
    let unlisted: Vec<&String> = modules
        .iter()
        .filter(|m| !layers.floor_of.contains_key(*m))
        .collect();
    if !unlisted.is_empty() {
        out.push_str(&format!("  not in {LAYERS_FILE}:\n"));
        for m in unlisted {
            out.push_str(&line_of(m, None));
        }
    }
    out
}

fn read_src(dir: &Path, root: &Path, out: &mut Vec<SrcFile>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            read_src(&p, root, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            let rel = p.strip_prefix(root).unwrap();
            let rel: Vec<_> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect();
            out.push(SrcFile {
                rel: rel.join("/"),
                text: fs::read_to_string(&p)
                    .unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display())),
            });
        }
    }
}

#[test]
fn src_follows_the_declared_layers() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    read_src(&root.join("src"), root, &mut files);
    let layers = fs::read_to_string(root.join(LAYERS_FILE))
        .unwrap_or_else(|e| panic!("cannot read {LAYERS_FILE}: {e}"));
    let report = check(&files, &layers);
    println!("{}", report.graph);
    if report.problems.is_empty() {
        println!(
            "verdict: OK: every import goes to the same floor or lower, no cycles, no file over \
             {MAX_LINES} lines"
        );
        return;
    }
    let list: String = report.problems.iter().map(|p| format!("- {p}\n")).collect();
    println!("verdict: FAIL, {} problem(s):", report.problems.len());
    panic!(
        "src/ breaks the layering rule of {LAYERS_FILE} ({} problem(s)):\n{list}",
        report.problems.len()
    );
}

// ---------------------------------------------------------------------------
// Tests of the checker itself (run always, unlike the check of src/)

fn names(src: &str) -> Vec<String> {
    crate_refs(src).into_iter().map(|(_, n)| n).collect()
}

#[test]
fn plain_and_grouped_uses() {
    assert_eq!(names("use crate::error::Error;"), ["error"]);
    assert_eq!(names("use crate::{a, b::c};"), ["a", "b"]);
    assert_eq!(names("use crate :: { a , b :: c } ;"), ["a", "b"]);
    assert_eq!(names("use crate::input::{self, Discovery};"), ["input"]);
}

#[test]
fn nested_groups_count_their_first_segment_only() {
    assert_eq!(
        names("use crate::{a::{x, y::{z, w}}, b, c::*, d as e, self};"),
        ["a", "b", "c", "d"]
    );
    let src = "use crate::{\n    clean::Cleaned,\n    tokenize::{Token, Tokenized},\n};\n";
    assert_eq!(
        crate_refs(src),
        [(2, "clean".to_string()), (3, "tokenize".to_string())]
    );
}

#[test]
fn pub_uses_and_visibilities() {
    assert_eq!(names("pub use crate::span::Span;"), ["span"]);
    assert_eq!(names("pub(crate) use crate::lexicon::hex;"), ["lexicon"]);
    assert_eq!(names("pub(crate) fn f() {}"), Vec::<String>::new());
    assert_eq!(
        names("pub(in crate::speakers) fn f() {}"),
        Vec::<String>::new()
    );
}

#[test]
fn inline_paths_in_code() {
    let src = "fn f<'a>(tk: &'a crate::tokenize::Tokenized, s: &[crate::attribution::Statement]) {\n    let x = crate::span::Span::new(0, 1);\n}\n";
    assert_eq!(
        crate_refs(src),
        [
            (1, "tokenize".to_string()),
            (1, "attribution".to_string()),
            (2, "span".to_string())
        ]
    );
    assert_eq!(names("$crate::output::write()"), ["output"]);
}

#[test]
fn comments_and_doc_comments_are_ignored() {
    let src = "// use crate::a;\n/// see [`crate::b::X`]\n//! crate::c\n/* crate::d /* crate::e */ crate::f */ use crate::g;\nfn h() {} // crate::i\n";
    assert_eq!(crate_refs(src), [(4, "g".to_string())]);
}

#[test]
fn literals_are_ignored() {
    assert_eq!(names(r#"let s = "use crate::a;"; use crate::b;"#), ["b"]);
    assert_eq!(names(r#"let s = "\"crate::a\""; crate::b::f();"#), ["b"]);
    assert_eq!(
        names("let s = r#\"crate::a \"quoted\" \"#; crate::b::f();"),
        ["b"]
    );
    assert_eq!(names("let c = '\"'; crate::b::f(); let d = '\\'';"), ["b"]);
    assert_eq!(names("let q = b'\"'; use crate::c::D;"), ["c"]);
}

#[test]
fn super_and_self_are_not_crate_references() {
    assert_eq!(
        names("use super::x;\nuse super::super::y::Z;\nuse self::w;\nmod tests { use super::*; }"),
        Vec::<String>::new()
    );
}

#[test]
fn lib_reexports_resolve_to_their_module() {
    let r = reexports(
        "pub mod a;\npub use error::Error;\npub use pipeline::{run, Pipeline as P, self};\n",
    );
    assert_eq!(r.get("Error").map(String::as_str), Some("error"));
    assert_eq!(r.get("run").map(String::as_str), Some("pipeline"));
    assert_eq!(r.get("P").map(String::as_str), Some("pipeline"));
    assert_eq!(r.get("Pipeline"), None);
}

#[test]
fn files_map_to_their_top_level_module() {
    assert_eq!(top_module("src/clean.rs").as_deref(), Some("clean"));
    assert_eq!(top_module("src/input/mod.rs").as_deref(), Some("input"));
    assert_eq!(
        top_module("src/input/decode/utf16.rs").as_deref(),
        Some("input")
    );
    assert_eq!(top_module("src/lib.rs"), None);
    assert_eq!(top_module("src/main.rs"), None);
}

#[test]
fn layers_file_comments_and_duplicates() {
    let l = parse_layers("# rule\n\nerror span # shared\nlexicon\n").unwrap();
    assert_eq!(l.floors, [vec!["error", "span"], vec!["lexicon"]]);
    assert_eq!(l.floor_of["span"], 0);
    let e = parse_layers("a\nb a\n").unwrap_err();
    assert!(e[0].contains(":2:") && e[0].contains("`a`"), "{e:?}");
}

fn file(rel: &str, text: &str) -> SrcFile {
    SrcFile {
        rel: rel.into(),
        text: text.into(),
    }
}

const LAYERS: &str = "error\nclean tokenize\nspeakers\npipeline\n";

#[test]
fn a_clean_graph_passes() {
    let files = [
        file(
            "src/lib.rs",
            "pub use error::Error;\npub use pipeline::run;\n",
        ),
        file("src/error.rs", ""),
        file("src/clean.rs", "use crate::error::Error;\n"),
        file("src/tokenize.rs", "use crate::clean::Cleaned;\n"),
        file("src/pipeline.rs", "use crate::{clean, tokenize::T};\n"),
        file("src/speakers/mod.rs", "use super::x;\nuse crate::Error;\n"),
    ];
    let r = check(&files, LAYERS);
    assert!(r.problems.is_empty(), "{:#?}", r.problems);
    assert!(
        r.graph.contains("pipeline -> clean, tokenize"),
        "{}",
        r.graph
    );
    assert!(r.graph.contains("speakers -> error"), "{}", r.graph);
}

#[test]
fn a_later_floor_import_names_file_line_and_import() {
    let files = [
        file("src/clean.rs", "\nuse crate::speakers::Roles;\n"),
        file("src/speakers.rs", ""),
    ];
    let r = check(&files, LAYERS);
    assert_eq!(r.problems.len(), 1, "{:#?}", r.problems);
    let p = &r.problems[0];
    assert!(
        p.starts_with("src/clean.rs:2: `use crate::speakers::Roles;`"),
        "{p}"
    );
    assert!(p.contains("later floor"), "{p}");
    assert!(
        r.graph.contains("clean    -> speakers [LATER: floor 3]"),
        "{}",
        r.graph
    );
}

#[test]
fn a_cycle_on_one_floor_is_found() {
    let files = [
        file("src/clean.rs", "use crate::tokenize::T;\n"),
        file("src/tokenize.rs", "fn f(x: crate::clean::C) {}\n"),
    ];
    let r = check(&files, LAYERS);
    assert_eq!(r.problems.len(), 1, "{:#?}", r.problems);
    let p = &r.problems[0];
    assert!(
        p.starts_with("import cycle: clean -> tokenize -> clean"),
        "{p}"
    );
    assert!(p.contains("src/tokenize.rs:1:"), "{p}");
    assert!(r.graph.contains("tokenize -> clean [CYCLE]"), "{}", r.graph);
}

#[test]
fn unlisted_modules_unknown_names_and_long_files_fail() {
    let long = "fn f() {}\n".repeat(MAX_LINES + 1);
    let files = [
        file("src/stray.rs", "use crate::Nowhere;\n"),
        file("src/error.rs", &long),
    ];
    let r = check(&files, LAYERS);
    let all = r.problems.join("\n");
    assert_eq!(r.problems.len(), 3, "{all}");
    assert!(
        all.contains("`stray`") && all.contains("add it to scripts/layers.txt"),
        "{all}"
    );
    assert!(all.contains("src/stray.rs:1: `crate::Nowhere`"), "{all}");
    assert!(
        all.contains(&format!("src/error.rs has {} lines", MAX_LINES + 1)),
        "{all}"
    );
    assert!(all.contains("src/error/mod.rs"), "{all}");
}

#[test]
fn test_code_may_import_any_floor() {
    let layers = "a\nb\n";
    let files = [
        file(
            "src/a/mod.rs",
            "fn f() {}\n#[cfg(test)]\nmod t {\n    use crate::b::X;\n}\n",
        ),
        file("src/a/tests.rs", "use crate::b::Y;\n"),
        file("src/testkit.rs", "use crate::b::Z;\n"),
        file("src/b.rs", "use crate::a::W;\n"),
    ];
    let report = check(&files, layers);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let files = [file("src/a.rs", "use crate::b::X;\n"), file("src/b.rs", "")];
    assert_eq!(check(&files, layers).problems.len(), 1);
    // A declaration of a test module hides nothing after it.
    let files = [
        file("src/a.rs", "#[cfg(test)]\nmod tests;\nuse crate::b::X;\n"),
        file("src/b.rs", ""),
    ];
    assert_eq!(check(&files, layers).problems.len(), 1);
}
