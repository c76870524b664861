//! Merges and non-merges of speakers across documents.
use super::*;

fn sp(doc: u32, name: &str, kind: SpeakerType) -> DocSpeaker {
    DocSpeaker {
        doc,
        doc_speaker_id: format!("d{doc}:e0"),
        name: name.to_string(),
        kind,
        title: None,
        affiliation: None,
        spellings: vec![(name.to_string(), 1)],
        n_statements: 1,
        tentative: false,
    }
}

fn ids(members: &[DocSpeaker], aliases: &Aliases) -> Vec<String> {
    let l = link(members, aliases);
    l.of_member
        .iter()
        .map(|&s| l.speakers[s as usize].id.clone())
        .collect()
}

use SpeakerType::{Anonymous, Group, Organization, Person};

#[test]
fn spellings_fold_to_one_name() {
    assert_eq!(fold("Abdel-Latif Al-Qanoua"), "abdel latif qanoua");
    assert_eq!(fold("Abdel-Latif al-Qanoua"), "abdel latif qanoua");
    assert_eq!(fold("José Ramos-Horta"), "jose ramos horta");
    assert_eq!(fold("Conan O’Brien"), "conan obrien");
    assert_eq!(fold("the White House"), "white house");
    assert_eq!(fold("Al Gore"), "al gore");
}

#[test]
fn the_spokesman_is_one_speaker_in_every_spelling() {
    let m = [
        sp(0, "Abdel-Latif Al-Qanoua", Person),
        sp(1, "Abdel-Latif al-Qanoua", Person),
        sp(2, "Qanoua", Person),
    ];
    let got = ids(&m, &Aliases::default());
    assert!(
        got.iter().all(|g| g == "person:abdel-latif-qanoua"),
        "{got:?}"
    );
}

#[test]
fn two_people_who_share_a_surname_stay_two() {
    let m = [
        sp(0, "Hillary Clinton", Person),
        sp(1, "Bill Clinton", Person),
        sp(2, "Clinton", Person),
        sp(3, "Hillary Clinton", Person),
    ];
    let got = ids(&m, &Aliases::default());
    assert_eq!(got[0], got[3]);
    assert_ne!(got[0], got[1]);
    // The bare surname could be either: it stays with its document.
    assert_eq!(got[2], "d2:e0");
}

#[test]
fn a_junior_is_not_his_father_and_a_first_name_decides() {
    let m = [
        sp(0, "Donald Trump", Person),
        sp(1, "Donald Trump Jr.", Person),
        sp(2, "Ivanka Trump", Person),
        sp(3, "Donald J. Trump", Person),
    ];
    let got = ids(&m, &Aliases::default());
    assert_ne!(got[0], got[1]);
    assert_ne!(got[0], got[2]);
    assert_eq!(
        got[0], got[3],
        "the middle initial is the one name with a middle"
    );
}

#[test]
fn a_surname_that_is_also_an_organisation_does_not_merge_across_types() {
    let m = [
        sp(0, "Henry Ford", Person),
        sp(1, "Ford", Organization),
        sp(2, "Ford", Person),
    ];
    let got = ids(&m, &Aliases::default());
    assert_eq!(got[0], got[2]);
    assert_ne!(got[0], got[1]);
    assert_eq!(got[1], "organization:ford");
}

#[test]
fn anonymous_sources_and_groups_never_merge() {
    let m = [
        sp(0, "a senior official", Anonymous),
        sp(1, "a senior official", Anonymous),
        sp(2, "officials", Group),
        sp(3, "officials", Group),
        sp(4, "A council spokesperson", Organization),
        sp(5, "A council spokesperson", Organization),
    ];
    let got = ids(&m, &Aliases::default());
    let distinct: FxHashSet<&String> = got.iter().collect();
    assert_eq!(distinct.len(), 6, "{got:?}");
}

fn aliases(text: &str) -> Result<Aliases, Error> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("aliases.tsv"), text).unwrap();
    let lex = Lexicons::load(Some(dir.path()))?;
    Aliases::load(&lex)
}

#[test]
fn forced_and_forbidden_aliases() {
    let a = aliases("POTUS\tDonald Trump\n!Bush\tGeorge W. Bush\n").unwrap();
    let m = [
        sp(0, "Donald Trump", Person),
        sp(1, "POTUS", Person),
        sp(2, "George W. Bush", Person),
        sp(3, "Bush", Person),
    ];
    let l = link(&m, &a);
    let got: Vec<&str> = l
        .of_member
        .iter()
        .map(|&s| l.speakers[s as usize].id.as_str())
        .collect();
    assert_eq!(got[0], got[1]);
    assert_eq!(l.links[1].rule, Rule::ForcedAlias);
    assert_ne!(got[2], got[3], "{got:?}");
    let e = aliases("x\t\n").unwrap_err().to_string();
    assert!(e.contains("aliases.tsv:1"), "{e}");
    let e = aliases("Trump\tTRUMP\n").unwrap_err().to_string();
    assert!(e.contains("same"), "{e}");
}

#[test]
fn ids_do_not_depend_on_the_order_of_documents() {
    let mut m = vec![
        sp(0, "Karoline Leavitt", Person),
        sp(1, "Leavitt", Person),
        sp(2, "Hamas", Organization),
    ];
    let a = ids(&m, &Aliases::default());
    m.reverse();
    let mut b = ids(&m, &Aliases::default());
    b.reverse();
    assert_eq!(a, b);
}
