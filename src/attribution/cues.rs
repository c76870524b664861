//! Reporting cues (said, told, warned, according to) from `lexicons/cues.tsv`.
//!
//! Inflections are generated from the lemma (say → says, saying; admit →
//! admitted) plus the file's explicit forms, rather than matched by stem:
//! stems conflate "reporter" with "report" and "supporters" with "support".

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::lexicon::Lexicons;

/// One cue of the lexicon.
#[derive(Debug, Clone)]
pub struct Cue {
    pub lemma: String,
    pub class: String,
    /// Speech, belief or evidence: belief and evidence cues are read only
    /// where no reported speech stands.
    pub kind: CueType,
    /// Takes an object before its content: told [Reuters] that, urged [X] to.
    pub takes_object: bool,
    /// Takes a to-infinitive: vowed [to fight], urged X [to leave].
    pub takes_infinitive: bool,
    /// Typically followed by a clause or a quote (say, warn), rather than a
    /// noun phrase only (criticize, praise).
    pub takes_clause: bool,
    /// Reports what was said as a clause (frames `clause` or `obj_that`),
    /// rather than only naming it ("called it a disgrace").
    pub reports_clause: bool,
    /// Takes a quote and reports a clause (frames `quote` and `clause` or
    /// `obj_that`): may introduce a quote with no colon or comma (`she
    /// said “…”`), where a cue that only names ("called “…”") does not.
    pub introduces_quote: bool,
    /// Words after the first, matched literally (call *on*, point *out*).
    pub rest: Vec<String>,
    /// Tells someone something (frame `obj_that`): "told [reporters] the
    /// talks had failed" has an addressee even without "that".
    pub tells_someone: bool,
    /// Takes "of" after its object (frame `obj_of`): in the passive, "was
    /// accused of lying" still reports what an unnamed source said.
    pub takes_of: bool,
    /// Only attributes an adjacent quote ("…," he continued).
    pub quote_only: bool,
    /// "Clinton seemed to implore …": the subject is what the view is
    /// about, and nobody named holds it (frame `raising`).
    pub raising: bool,
    /// "was expected to cruise", "is seen as": in the passive, a view with
    /// no source named (frame `passive`).
    pub passive: bool,
    /// Takes no object but a topic (frame `about` and at most `quote`):
    /// "spoke about the plan" reports, "spoke for 30 minutes" does not.
    pub topic_only: bool,
    /// Its frame must show in the words (frame `overt`): for these the bare
    /// object is the commoner, other sense ("maintains a lead").
    pub overt: bool,
    /// Names what it reports on (frame `name`): "a group called Our Future"
    /// is a participle naming the group.
    pub names: bool,
    /// Only extends another cue (in a statement); never a cue by itself.
    pub nominal: bool,
    /// The colon of a labelled line (frame `label`), read by its own rule.
    pub label: bool,
    /// `according to X`: no verb, the speaker is the phrase after it and the
    /// content stands on either side (complement frame `according`).
    pub according: bool,
}

/// What a cue reports (`cues.tsv` column 3): users filter on it, since a
/// third of what news attributes is not speech ("Trump believes …", "the
/// poll shows …").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CueType {
    #[default]
    Speech,
    Belief,
    Evidence,
}

impl CueType {
    pub fn as_str(self) -> &'static str {
        match self {
            CueType::Speech => "speech",
            CueType::Belief => "belief",
            CueType::Evidence => "evidence",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [CueType::Speech, CueType::Belief, CueType::Evidence]
            .into_iter()
            .find(|t| t.as_str() == s)
    }
}

/// The classes of column 2, as the file's header documents them.
const CLASSES: &[&str] = &[
    "neutral",
    "assertive",
    "directive",
    "warning",
    "accusation",
    "concession",
    "claim",
    "report",
    "written",
    "question",
    "denial",
    "promise",
    "support",
    "other",
];

/// How a token sequence matched a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Base,
    /// -s form: says, warns.
    Present3,
    /// -ed or irregular past: said, warned, told.
    Past,
    /// -ing form: saying, warning.
    Gerund,
}

#[derive(Debug, Clone, Copy)]
pub struct CueMatch {
    pub cue: usize,
    pub form: Form,
    /// Tokens the cue covers (1 for single words).
    pub len: usize,
}

/// The complement frames of `cues.tsv` column 4, as its header documents them.
const FRAMES: &[&str] = &[
    "clause",
    "quote",
    "obj_to",
    "obj_of",
    "obj_that",
    "obj_for",
    "np",
    "about",
    "none",
    "according",
    "raising",
    "passive",
    "label",
    "overt",
    "name",
];

/// The cue lexicon, indexed by inflected first word.
#[derive(Debug, Default)]
pub struct CueLexicon {
    pub cues: Vec<Cue>,
    /// The cue of a labelled line ("Clinton: …", frame `label`): a mark,
    /// not a word, so it is never matched in running text.
    pub label: Option<CueMatch>,
    by_form: FxHashMap<String, Vec<(usize, Form)>>,
}

impl CueLexicon {
    pub fn load(lex: &Lexicons) -> Result<Self, Error> {
        let mut out = CueLexicon::default();
        let rows = lex.rows("cues.tsv", 4, 5)?;
        crate::lexicon::unique(&rows, 0)?;
        for row in rows {
            let lemma = row.col(0).to_lowercase();
            let Some(kind) = CueType::parse(row.col(2)) else {
                return Err(row.error(format!(
                    "type must be speech, belief or evidence, not {:?}",
                    row.col(2)
                )));
            };
            let class = row.col(1);
            if !CLASSES.contains(&class) {
                return Err(row.error(format!(
                    "unknown class {class:?}; the classes are {}",
                    CLASSES.join(", ")
                )));
            }
            let comp = row.col(3);
            if let Some(f) = comp.split(',').map(str::trim).find(|f| !FRAMES.contains(f)) {
                return Err(row.error(format!(
                    "unknown complement frame {f:?}; the frames are {}",
                    FRAMES.join(", ")
                )));
            }
            let mut words = lemma.split_whitespace().map(str::to_string);
            let Some(first) = words.next() else {
                return Err(row.error("empty cue"));
            };
            let rest: Vec<String> = words.collect();
            let id = out.cues.len();
            if comp.split(',').any(|f| f.trim() == "label") {
                if lemma.contains(char::is_alphanumeric) || !rest.is_empty() {
                    return Err(row.error(format!(
                        "a cue with frame label is one mark (\":\"), not {lemma:?}"
                    )));
                }
                out.label = Some(CueMatch {
                    cue: id,
                    form: Form::Base,
                    len: 1,
                });
            }
            out.cues.push(Cue {
                lemma,
                class: class.to_string(),
                kind,
                takes_object: comp.contains("obj_"),
                takes_infinitive: comp.contains("obj_to"),
                takes_of: comp.contains("obj_of"),
                tells_someone: comp.contains("obj_that"),
                takes_clause: comp.contains("clause") || comp.contains("quote"),
                reports_clause: comp.contains("clause") || comp.contains("obj_that"),
                introduces_quote: comp.contains("quote")
                    && (comp.contains("clause") || comp.contains("obj_that")),
                rest,
                quote_only: comp == "quote",
                raising: comp.split(',').any(|f| f.trim() == "raising"),
                passive: comp.split(',').any(|f| f.trim() == "passive"),
                topic_only: comp.split(',').any(|f| f.trim() == "about")
                    && comp
                        .split(',')
                        .all(|f| matches!(f.trim(), "about" | "quote")),
                overt: comp.split(',').any(|f| f.trim() == "overt"),
                names: comp.split(',').any(|f| f.trim() == "name"),
                nominal: comp == "none",
                label: comp.split(',').any(|f| f.trim() == "label"),
                according: comp.split(',').any(|f| f.trim() == "according"),
            });
            let mut forms = inflections(&first);
            for f in row
                .col(4)
                .split(',')
                .map(str::trim)
                .filter(|f| !f.is_empty())
            {
                let form = if f.ends_with("ing") {
                    Form::Gerund
                } else if f.ends_with('s') && !f.ends_with("ss") {
                    Form::Present3
                } else {
                    Form::Past
                };
                forms.push((f.to_lowercase(), form));
            }
            for (f, form) in forms {
                let e = out.by_form.entry(f).or_default();
                if !e.iter().any(|&(c, _)| c == id) {
                    e.push((id, form));
                }
            }
        }
        // Longer cues first, so "call on" wins over "call".
        for v in out.by_form.values_mut() {
            v.sort_by_key(|&(c, _)| std::cmp::Reverse(out.cues[c].rest.len()));
        }
        Ok(out)
    }

    /// The speech cue starting at `words[0]`, if any. `words` are the
    /// normalised tokens from the candidate on.
    pub fn match_at(&self, words: &[&str]) -> Option<CueMatch> {
        self.match_typed(words, false)
    }

    /// The cue of any type (speech, belief, evidence) starting at `words[0]`.
    pub fn match_any_at(&self, words: &[&str]) -> Option<CueMatch> {
        self.match_typed(words, true)
    }

    fn match_typed(&self, words: &[&str], any_type: bool) -> Option<CueMatch> {
        let first = *words.first()?;
        for &(cue, form) in self.by_form.get(first)? {
            let c = &self.cues[cue];
            if c.nominal || c.label || !any_type && c.kind != CueType::Speech {
                continue;
            }
            if c.rest.len() < words.len() && c.rest.iter().zip(&words[1..]).all(|(a, b)| a == b) {
                return Some(CueMatch {
                    cue,
                    form,
                    len: 1 + c.rest.len(),
                });
            }
        }
        None
    }

    /// Whether `word` is a one-word cue noun that only extends another cue
    /// ("restated its *position* that …"), in any of its forms.
    pub fn is_nominal(&self, word: &str) -> bool {
        self.by_form.get(word).is_some_and(|v| {
            v.iter()
                .any(|&(c, _)| self.cues[c].nominal && self.cues[c].rest.is_empty())
        })
    }

    pub fn get(&self, m: CueMatch) -> &Cue {
        &self.cues[m.cue]
    }
}

/// Regular inflections of an English verb (and plural of a noun), generously:
/// a form that is not a word costs nothing.
fn inflections(w: &str) -> Vec<(String, Form)> {
    let mut v = vec![(w.to_string(), Form::Base)];
    if !w.chars().all(|c| c.is_ascii_alphabetic()) || w.len() < 2 {
        return v;
    }
    let b = w.as_bytes();
    let last = b[b.len() - 1] as char;
    let prev = b[b.len() - 2] as char;
    let vowel = |c: char| "aeiou".contains(c);
    let stem = &w[..w.len() - 1];
    if last == 'y' && !vowel(prev) {
        v.push((format!("{stem}ies"), Form::Present3));
        v.push((format!("{stem}ied"), Form::Past));
    } else if w.ends_with('s')
        || w.ends_with("sh")
        || w.ends_with("ch")
        || w.ends_with('x')
        || w.ends_with('z')
    {
        v.push((format!("{w}es"), Form::Present3));
    } else {
        v.push((format!("{w}s"), Form::Present3));
    }
    if last == 'e' {
        v.push((format!("{w}d"), Form::Past));
        v.push((format!("{stem}ing"), Form::Gerund));
    } else {
        if last != 'y' || vowel(prev) {
            v.push((format!("{w}ed"), Form::Past));
        }
        v.push((format!("{w}ing"), Form::Gerund));
        // Consonant doubling: admit → admitted, slam → slammed.
        if !vowel(last) && vowel(prev) && !"wxy".contains(last) {
            v.push((format!("{w}{last}ed"), Form::Past));
            v.push((format!("{w}{last}ing"), Form::Gerund));
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_cover_regular_verbs() {
        let f = |w: &str| {
            inflections(w)
                .into_iter()
                .map(|(s, _)| s)
                .collect::<Vec<_>>()
        };
        assert!(f("warn").contains(&"warned".to_string()));
        assert!(f("deny").contains(&"denied".to_string()));
        assert!(f("deny").contains(&"denies".to_string()));
        assert!(f("admit").contains(&"admitted".to_string()));
        assert!(f("insist").contains(&"insisting".to_string()));
        assert!(f("argue").contains(&"arguing".to_string()));
        assert!(f("argue").contains(&"argued".to_string()));
        assert!(!f("report").contains(&"reporter".to_string()));
    }

    fn with_cues(rows: &str) -> Result<CueLexicon, Error> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("cues.tsv"), rows).unwrap();
        CueLexicon::load(&Lexicons::load(Some(dir.path())).unwrap())
    }

    #[test]
    fn cue_types_are_speech_belief_or_evidence() {
        let lx = with_cues("believe\tother\tbelief\tclause\t\nshow\tother\tevidence\tclause\tshows\nsay\tneutral\tspeech\tclause\t\n").unwrap();
        assert!(
            lx.match_at(&["believes"]).is_none(),
            "a belief is no speech cue"
        );
        let b = lx.match_any_at(&["believes"]).unwrap();
        assert_eq!(lx.get(b).kind, CueType::Belief);
        assert_eq!(
            lx.get(lx.match_any_at(&["shows"]).unwrap()).kind,
            CueType::Evidence
        );
        assert_eq!(
            lx.get(lx.match_any_at(&["says"]).unwrap()).kind,
            CueType::Speech
        );
        let e = with_cues("say\tneutral\tspeech\tclause\t\nthink\tother\tother\tclause\t\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("cues.tsv:2") && e.contains("belief"), "{e}");
    }

    #[test]
    fn unknown_class_names_file_and_line() {
        for class in CLASSES {
            assert!(with_cues(&format!("say\t{class}\tspeech\tclause\t\n")).is_ok());
        }
        let e = with_cues(
            "# header\nsay\tneutral\tspeech\tclause\t\nwarn\twarnings\tspeech\tclause\t\n",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("cues.tsv:3") && e.contains("warnings"), "{e}");
    }

    #[test]
    fn unknown_frames_and_repeated_cues_are_errors() {
        assert!(with_cues("blame\taccusation\tspeech\tobj_for,np\t\n").is_ok());
        let e = with_cues("say\tneutral\tspeech\tclause,that\t\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("cues.tsv:1") && e.contains("\"that\""), "{e}");
        let e = with_cues("say\tneutral\tspeech\tclause\t\nsay\tclaim\tspeech\tclause\t\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("cues.tsv:2") && e.contains("line 1"), "{e}");
    }

    #[test]
    fn according_is_a_complement_frame() {
        let lx = CueLexicon::load(&Lexicons::builtin()).unwrap();
        let acc = lx.get(lx.match_at(&["according", "to", "x"]).unwrap());
        assert!(acc.according && !acc.nominal);
        assert!(!lx.get(lx.match_at(&["said"]).unwrap()).according);
        // A cue of its own with the frame, whatever its words; "none" only
        // extends another cue.
        let lx = with_cues("as reported by\treport\tspeech\taccording\t\nin a statement\tneutral\tspeech\tnone\t\n").unwrap();
        let m = lx.match_at(&["as", "reported", "by", "x"]).unwrap();
        assert!(lx.get(m).according && m.len == 3);
        assert!(lx.match_at(&["in", "a", "statement"]).is_none());
        assert!(lx.cues.iter().any(|c| c.nominal && !c.according));
    }

    #[test]
    fn lexicon_matches_irregular_and_multiword_cues() {
        let lx = CueLexicon::load(&Lexicons::builtin()).unwrap();
        let said = lx.match_at(&["said", "that"]).unwrap();
        assert_eq!(lx.get(said).lemma, "say");
        assert_eq!(said.form, Form::Past);
        let told = lx.match_at(&["told", "reuters"]).unwrap();
        assert_eq!(lx.get(told).lemma, "tell");
        let acc = lx.match_at(&["according", "to", "x"]).unwrap();
        assert_eq!(acc.len, 2);
        assert!(lx.match_at(&["reporter"]).is_none());
        assert!(lx.match_at(&["according"]).is_none());
    }
}
