//! `lexicons/head_synonyms.tsv`: which head nouns of a description name the
//! same role ("the official" ~ "the source"), so that a description joins
//! only an earlier speaker of that role and "the governor" never becomes
//! "the mayor".

use rustc_hash::FxHashMap;

use crate::error::Error;
use crate::lexicon::words::WordLexicon;
use crate::lexicon::{unique, Lexicons};

const FILE: &str = "head_synonyms.tsv";

/// Head nouns and the synonym set each belongs to.
#[derive(Debug, Default)]
pub(crate) struct HeadSynonyms {
    set_of: FxHashMap<String, String>,
}

impl HeadSynonyms {
    /// Loads the file; every word must be a head or title that `words`
    /// knows, and every set must have two words or more.
    pub fn load(lex: &Lexicons, words: &WordLexicon) -> Result<Self, Error> {
        let rows = lex.rows(FILE, 2, 2)?;
        unique(&rows, 0)?;
        let mut sizes: FxHashMap<&str, usize> = FxHashMap::default();
        for row in &rows {
            *sizes.entry(row.col(1)).or_default() += 1;
        }
        let mut s = HeadSynonyms::default();
        for row in &rows {
            let (word, set) = (row.col(0), row.col(1));
            if word != word.to_lowercase() {
                return Err(row.error(format!("{word:?} must be lower case")));
            }
            if set.is_empty() {
                return Err(row.error("the set label (second column) is empty"));
            }
            if !words.is_title(word) && words.head_kind(word).is_none() {
                return Err(row.error(format!(
                    "{word:?} is in neither titles.tsv nor entities.tsv, so no mention has it as head"
                )));
            }
            if sizes[set] < 2 {
                return Err(row.error(format!(
                    "set {set:?} has only {word:?}; a set needs two words or more"
                )));
            }
            s.set_of.insert(word.to_string(), set.to_string());
        }
        Ok(s)
    }

    /// Whether two lower-case heads name the same role.
    pub fn same(&self, a: &str, b: &str) -> bool {
        a == b
            || self
                .set_of
                .get(a)
                .is_some_and(|s| self.set_of.get(b) == Some(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(rows: &str) -> Result<HeadSynonyms, Error> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE), rows).unwrap();
        let lex = Lexicons::load(Some(dir.path())).unwrap();
        HeadSynonyms::load(&lex, &WordLexicon::load(&lex).unwrap())
    }

    #[test]
    fn builtin_sets_join_synonyms_only() {
        let lex = Lexicons::builtin();
        let s = HeadSynonyms::load(&lex, &WordLexicon::load(&lex).unwrap()).unwrap();
        assert!(s.same("official", "source"));
        assert!(s.same("aide", "official"));
        assert!(s.same("mayor", "mayor"));
        assert!(!s.same("mayor", "governor"));
        assert!(!s.same("official", "officials"));
        assert!(!s.same("official", "spokesman"));
    }

    /// Asserts that `rows` fail to load with an error at `line` saying `what`.
    #[track_caller]
    fn fails(rows: &str, line: usize, what: &str) {
        let e = with(rows).unwrap_err().to_string();
        let at = format!("head_synonyms.tsv:{line}:");
        assert!(e.contains(&at) && e.contains(what), "{e}");
    }

    #[test]
    fn bad_rows_are_errors_naming_file_and_line() {
        fails("official\tx\nsource\tx\nofficial\ty\n", 3, "line 1");
        fails("official\tx\nzorblax\tx\n", 2, "neither titles.tsv");
        fails("official\tx\nsource\ty\nmayor\ty\n", 1, "two words");
        fails("official\tx\nSource\tx\n", 2, "lower case");
        fails("official\tx\tz\n", 1, "columns");
    }
}
