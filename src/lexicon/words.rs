//! The word lists that shape how speakers are read: roles of small words
//! (`mention_words.tsv`), titles, entity head nouns, pronouns and demonyms.
//!
//! They sit on the lexicon side, below every stage, because two stages read
//! them: attribution, to find where a speaker phrase begins and ends, and
//! speaker resolution, to read the phrase and match it to an entity.

use rustc_hash::FxHashMap;

use crate::error::Error;
use crate::lexicon::{unique, Lexicons};

/// Roles of a word in `lexicons/mention_words.tsv` (a word may have several).
#[derive(Debug, Clone, Copy, Default)]
pub struct Roles(u64);

impl Roles {
    pub const DETERMINER: u64 = 1;
    pub const MODIFIER: u64 = 1 << 1;
    pub const PARTICLE: u64 = 1 << 2;
    pub const CONNECTOR: u64 = 1 << 3;
    pub const SKIP: u64 = 1 << 4;
    pub const TIME: u64 = 1 << 5;
    pub const STOP: u64 = 1 << 6;
    pub const RELATIVE: u64 = 1 << 7;
    pub const PREPOSITION: u64 = 1 << 8;
    pub const ANAPHORIC: u64 = 1 << 9;
    pub const SETTING: u64 = 1 << 10;
    pub const FUNCTION: u64 = 1 << 11;
    pub const ASIDE: u64 = 1 << 12;
    pub const SUBORDINATOR: u64 = 1 << 13;
    pub const QUANTIFIER: u64 = 1 << 14;
    pub const PLURAL: u64 = 1 << 15;
    pub const ADVERB: u64 = 1 << 16;
    pub const PARTICIPLE: u64 = 1 << 17;
    pub const CONJUNCTION: u64 = 1 << 18;
    pub const CLAUSE: u64 = 1 << 19;
    pub const PREDICATE: u64 = 1 << 20;
    pub const MEDIUM: u64 = 1 << 21;
    pub const ELISION: u64 = 1 << 22;
    pub const FINITE: u64 = 1 << 23;
    pub const SHARE: u64 = 1 << 24;
    pub const APPROXIMATE: u64 = 1 << 25;
    pub const TIME_OPENER: u64 = 1 << 26;
    pub const LOCATIVE: u64 = 1 << 27;
    pub const TOPIC: u64 = 1 << 28;
    pub const LABEL: u64 = 1 << 29;
    pub const MANNER: u64 = 1 << 30;
    pub const NUMBER: u64 = 1 << 31;
    pub const QUALIFIER: u64 = 1 << 32;
    pub const CATENATIVE: u64 = 1 << 33;
    pub const FINDING: u64 = 1 << 34;
    pub const STANDING: u64 = 1 << 35;
    pub const HEARSAY: u64 = 1 << 36;
    pub const OBJECT_RELATIVE: u64 = 1 << 37;

    /// The role names of the file's second column.
    pub const NAMES: &'static [(&'static str, u64)] = &[
        ("determiner", Self::DETERMINER),
        ("modifier", Self::MODIFIER),
        ("particle", Self::PARTICLE),
        ("connector", Self::CONNECTOR),
        ("skip", Self::SKIP),
        ("time", Self::TIME),
        ("stop", Self::STOP),
        ("relative", Self::RELATIVE),
        ("preposition", Self::PREPOSITION),
        ("anaphoric", Self::ANAPHORIC),
        ("setting", Self::SETTING),
        ("function", Self::FUNCTION),
        ("aside", Self::ASIDE),
        ("subordinator", Self::SUBORDINATOR),
        ("quantifier", Self::QUANTIFIER),
        ("plural", Self::PLURAL),
        ("adverb", Self::ADVERB),
        ("participle", Self::PARTICIPLE),
        ("conjunction", Self::CONJUNCTION),
        ("clause", Self::CLAUSE),
        ("predicate", Self::PREDICATE),
        ("medium", Self::MEDIUM),
        ("elision", Self::ELISION),
        ("finite", Self::FINITE),
        ("share", Self::SHARE),
        ("approximate", Self::APPROXIMATE),
        ("time_opener", Self::TIME_OPENER),
        ("locative", Self::LOCATIVE),
        ("topic", Self::TOPIC),
        ("label", Self::LABEL),
        ("manner", Self::MANNER),
        ("number", Self::NUMBER),
        ("qualifier", Self::QUALIFIER),
        ("catenative", Self::CATENATIVE),
        ("finding", Self::FINDING),
        ("standing", Self::STANDING),
        ("hearsay", Self::HEARSAY),
        ("object_relative", Self::OBJECT_RELATIVE),
    ];

    pub fn has(self, r: u64) -> bool {
        self.0 & r != 0
    }

    fn named(name: &str) -> Option<u64> {
        Self::NAMES
            .iter()
            .find(|&&(n, _)| n == name)
            .map(|&(_, r)| r)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    Organization,
    Group,
    Anonymous,
    /// A poll, a report, a letter: a source that speaks for whoever made
    /// it ("the survey found", "the letter says").
    Document,
}

#[derive(Debug, Clone, Copy)]
pub struct Pronoun {
    pub gender: char,
    pub plural: bool,
    pub person: u8,
}

/// The speaker lexicons, loaded once.
#[derive(Debug, Default)]
pub struct WordLexicon {
    roles: FxHashMap<String, Roles>,
    /// Titles by their words (lower case); value: (gender).
    titles: FxHashMap<String, Option<char>>,
    pub max_title_words: usize,
    heads: FxHashMap<String, EntityKind>,
    pronouns: FxHashMap<String, Pronoun>,
    demonyms: FxHashMap<String, String>,
}

impl WordLexicon {
    pub fn load(lex: &Lexicons) -> Result<Self, Error> {
        let mut s = WordLexicon::default();
        s.load_roles(lex)?;
        s.load_titles(lex)?;
        s.load_heads(lex)?;
        s.load_pronouns(lex)?;
        s.load_demonyms(lex)?;
        Ok(s)
    }

    /// `mention_words.tsv`: a word may have several roles, one row each.
    fn load_roles(&mut self, lex: &Lexicons) -> Result<(), Error> {
        for row in lex.rows("mention_words.tsv", 2, 2)? {
            let Some(r) = Roles::named(row.col(1)) else {
                let names: Vec<&str> = Roles::NAMES.iter().map(|&(n, _)| n).collect();
                return Err(row.error(format!(
                    "unknown role {:?}; the roles are {}",
                    row.col(1),
                    names.join(", ")
                )));
            };
            self.roles.entry(row.col(0).to_lowercase()).or_default().0 |= r;
        }
        Ok(())
    }

    fn load_titles(&mut self, lex: &Lexicons) -> Result<(), Error> {
        let titles = lex.rows("titles.tsv", 2, 3)?;
        unique(&titles, 0)?;
        for row in titles {
            if !matches!(row.col(1), "honorific" | "office" | "role") {
                return Err(row.error(format!(
                    "kind must be honorific, office or role, not {:?}",
                    row.col(1)
                )));
            }
            let t = row.col(0).to_lowercase();
            self.max_title_words = self.max_title_words.max(t.split_whitespace().count());
            let g = match row.col(2) {
                "m" => Some('m'),
                "f" => Some('f'),
                "" => None,
                other => {
                    return Err(row.error(format!("gender must be m, f or empty, not {other:?}")))
                }
            };
            self.titles.insert(t, g);
        }
        Ok(())
    }

    fn load_heads(&mut self, lex: &Lexicons) -> Result<(), Error> {
        let entities = lex.rows("entities.tsv", 2, 2)?;
        unique(&entities, 0)?;
        for row in entities {
            let k = match row.col(1) {
                "organization" => EntityKind::Organization,
                "group" => EntityKind::Group,
                "anonymous" => EntityKind::Anonymous,
                "document" => EntityKind::Document,
                other => {
                    return Err(row.error(format!(
                        "unknown type {other:?}; the types are organization, group, anonymous, document"
                    )))
                }
            };
            self.heads.insert(row.col(0).to_lowercase(), k);
        }
        Ok(())
    }

    fn load_pronouns(&mut self, lex: &Lexicons) -> Result<(), Error> {
        let pronouns = lex.rows("pronouns.tsv", 4, 4)?;
        unique(&pronouns, 0)?;
        for row in pronouns {
            let gender = match row.col(1) {
                g @ ("m" | "f" | "n" | "x") => g.chars().next().unwrap_or('x'),
                other => {
                    return Err(row.error(format!("gender must be m, f, n or x, not {other:?}")))
                }
            };
            let plural = match row.col(2) {
                "sg" => false,
                "pl" => true,
                other => return Err(row.error(format!("number must be sg or pl, not {other:?}"))),
            };
            let person = match row.col(3) {
                "1" => 1,
                "2" => 2,
                "3" => 3,
                other => return Err(row.error(format!("person must be 1, 2 or 3, not {other:?}"))),
            };
            self.pronouns.insert(
                row.col(0).to_lowercase(),
                Pronoun {
                    gender,
                    plural,
                    person,
                },
            );
        }
        Ok(())
    }

    fn load_demonyms(&mut self, lex: &Lexicons) -> Result<(), Error> {
        let demonyms = lex.rows("demonyms.tsv", 2, 2)?;
        unique(&demonyms, 0)?;
        for row in demonyms {
            self.demonyms
                .insert(row.col(0).to_lowercase(), row.col(1).to_string());
        }
        Ok(())
    }

    pub fn roles(&self, norm: &str) -> Roles {
        self.roles.get(norm).copied().unwrap_or_default()
    }

    pub fn is_title(&self, words: &str) -> bool {
        self.titles.contains_key(words)
    }

    pub fn title_gender(&self, words: &str) -> Option<char> {
        self.titles.get(words).copied().flatten()
    }

    pub fn head_kind(&self, norm: &str) -> Option<EntityKind> {
        self.heads.get(norm).copied()
    }

    pub fn pronoun(&self, norm: &str) -> Option<Pronoun> {
        self.pronouns.get(norm).copied()
    }

    pub fn demonym(&self, norm: &str) -> Option<&str> {
        self.demonyms.get(norm).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word lists with `file` replaced by `rows`.
    fn with(file: &str, rows: &str) -> Result<WordLexicon, Error> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(file), rows).unwrap();
        WordLexicon::load(&Lexicons::load(Some(dir.path())).unwrap())
    }

    fn with_pronouns(rows: &str) -> Result<WordLexicon, Error> {
        with("pronouns.tsv", rows)
    }

    #[test]
    fn bad_title_kinds_unknown_types_and_repeated_terms_are_errors() {
        let e = with("titles.tsv", "mayor\toffice\t\nceo\tboss\t\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("titles.tsv:2") && e.contains("honorific, office or role"),
            "{e}"
        );
        let e = with("entities.tsv", "ministry\torganization\ngang\tmob\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("entities.tsv:2") && e.contains("organization, group, anonymous"),
            "{e}"
        );
        let e = with("entities.tsv", "activists\tgroup\nActivists\tgroup\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("entities.tsv:2") && e.contains("line 1"), "{e}");
        let e = with("demonyms.tsv", "israeli\tIsrael\nisraeli\tIsrael\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("demonyms.tsv:2"), "{e}");
    }

    #[test]
    fn builtin_lists_load() {
        let w = WordLexicon::load(&Lexicons::builtin()).unwrap();
        assert!(w
            .pronoun("she")
            .is_some_and(|p| p.gender == 'f' && !p.plural));
        assert!(w.is_title("spokesperson"));
    }

    fn with_mention_words(rows: &str) -> Result<WordLexicon, Error> {
        with("mention_words.tsv", rows)
    }

    #[test]
    fn every_role_name_loads_from_an_override() {
        let rows: String = Roles::NAMES
            .iter()
            .map(|(name, _)| format!("w{name}\t{name}\n"))
            .collect();
        let w = with_mention_words(&format!("# header\n{rows}")).unwrap();
        for &(name, bit) in Roles::NAMES {
            let r = w.roles(&format!("w{name}"));
            assert!(r.has(bit), "{name}");
            assert_eq!(r.0, bit, "{name} sets only its own bit");
        }
        // The override replaces the built-in list.
        assert!(!w.roles("the").has(Roles::DETERMINER));
    }

    #[test]
    fn unknown_role_names_file_and_line() {
        let e = with_mention_words("# header\nwhen\tsubordinator\nwhen\tsubordinate\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("mention_words.tsv:3") && e.contains("subordinate"),
            "{e}"
        );
        assert!(e.contains("the roles are determiner"), "{e}");
    }

    #[test]
    fn builtin_cue_context_roles_load() {
        let w = WordLexicon::load(&Lexicons::builtin()).unwrap();
        let has = |word: &str, role: u64| w.roles(word).has(role);
        for (role, words) in [
            (Roles::FUNCTION, &["that", "who", "if"][..]),
            (Roles::ASIDE, &["in", "speaking", "however", "according"]),
            // One list for both uses (a past-form cue, and "when asked").
            (Roles::SUBORDINATOR, &["when", "once", "unless", "until"]),
            (
                Roles::QUANTIFIER,
                &["some", "many", "both", "several", "other"],
            ),
            (Roles::PLURAL, &["many", "several", "both", "few", "some"]),
            (Roles::TOPIC, &["about", "of", "on"]),
            (Roles::LABEL, &["update", "breaking", "poll", "photo"]),
            (Roles::MANNER, &["condition", "behalf"]),
            (Roles::ADVERB, &["also", "later", "then", "again"]),
            (Roles::PARTICIPLE, &["by", "while", "without", "when"]),
            (Roles::CONJUNCTION, &["but", "whereas", "and", "while"]),
            (Roles::CLAUSE, &["but", "yet", "because", "although"]),
            (Roles::PREDICATE, &["said", "says", "also"]),
            (Roles::MEDIUM, &["statement", "interview", "tweet"]),
        ] {
            for word in words {
                assert!(has(word, role), "{word}");
            }
        }
        // The near-duplicates differ on purpose (see the file's header).
        assert!(!has("few", Roles::DETERMINER));
        assert!(!has("because", Roles::CONJUNCTION));
        assert!(!has("or", Roles::CONJUNCTION));
        assert!(!has("and", Roles::CLAUSE));
    }

    #[test]
    fn malformed_pronoun_rows_name_file_and_line() {
        assert!(with_pronouns("he\tm\tsg\t3\n").is_ok());
        for (row, what) in [
            ("he\tmale\tsg\t3\n", "gender"),
            ("he\tm\tsingular\t3\n", "number"),
            ("he\tm\tsg\tthird\n", "person"),
        ] {
            let e = with_pronouns(&format!("# header\n{row}"))
                .unwrap_err()
                .to_string();
            assert!(e.contains("pronouns.tsv:2") && e.contains(what), "{e}");
        }
    }
}
