//! Speaker resolution on small hand-written texts, through the whole pipeline.

use crate::testkit::{one, run};

#[test]
fn pronoun_surname_and_description_resolution() {
    let t = "City spokeswoman Jane Alvarez said the roads were safe. Alvarez added that crews worked overnight. She said more snow was coming.\nA senior union official said the strike would go on. The official warned that talks had stalled.";
    let f = run(t);
    assert_eq!(f.len(), 5);
    assert_eq!(f[0].speaker, "Jane Alvarez");
    assert_eq!(
        (f[1].speaker.as_str(), f[1].resolution),
        ("Jane Alvarez", "surname")
    );
    assert_eq!(
        (f[2].speaker.as_str(), f[2].resolution),
        ("Jane Alvarez", "pronoun")
    );
    assert_eq!(f[3].speaker, "A senior union official");
    assert_eq!(
        (f[4].speaker.as_str(), f[4].resolution),
        ("A senior union official", "description")
    );
}

#[test]
fn spellings_of_one_name_resolve_to_one_speaker() {
    let t = "Spokesman Abdel-Karim Al-Hadi said the group would wait. “We are patient,” al-Hadi said. Hadi told reporters the offer was weak.";
    let f = run(t);
    assert_eq!(f.len(), 3);
    assert!(
        f.iter().all(|s| s.speaker == "Abdel-Karim Al-Hadi"),
        "{:?}",
        f.iter().map(|s| &s.speaker).collect::<Vec<_>>()
    );
}

#[test]
fn pronoun_without_antecedent_is_unresolved() {
    let f = one("He said the vote was rigged.");
    assert_eq!(f.mention, "He");
    assert_eq!(f.speaker, "");
    assert_eq!(f.resolution, "unresolved");
}

#[test]
fn a_described_affiliation_names_the_organisation_that_spoke_last() {
    let f = run(
        "The Transit Workers Union said it would strike. The group’s spokesman, Ian Dorr, said talks would resume.",
    );
    let last = f.last().unwrap();
    assert_eq!(last.speaker, "Ian Dorr");
    assert_eq!(last.affiliation, f[0].speaker, "{f:?}");
    assert!(f[0].speaker.contains("Transit Workers Union"), "{f:?}");
}

#[test]
fn it_resolves_only_to_a_speaker_of_the_last_two_sentences() {
    let f = run("The Harbour Board said fees would rise. It also warned of delays.");
    assert_eq!(f[1].mention, "It");
    assert_eq!(f[1].resolution, "pronoun");
    let g = run(
        "The Harbour Board said fees would rise. That budget cut two posts. It also called for new audits.",
    );
    let last = g.last().unwrap();
    assert_eq!(last.mention, "It");
    assert_eq!(last.resolution, "unresolved");
}

#[test]
fn a_first_definite_description_names_its_speaker_but_the_group_points_back() {
    let f = one("The council said fees would rise.");
    assert_eq!(f.speaker, "The council");
    assert_eq!(f.resolution, "explicit");
    let g = one("The group said fees would rise.");
    assert_eq!(g.resolution, "unresolved");
}

#[test]
fn a_head_noun_joined_by_from_or_at_keeps_its_affiliation() {
    let f = one("The senator from Ohio said the bill would pass.");
    assert_eq!(f.mention, "The senator from Ohio");
    assert_eq!(f.affiliation, "Ohio");
    let g = one("Officials at the ministry said the cranes were idle.");
    assert_eq!(g.mention, "Officials at the ministry");
    assert_eq!(g.affiliation, "the ministry");
}

#[test]
fn a_lone_name_taken_up_by_he_is_a_person() {
    let f = run("Okafor said the bill would pass. He added that it was late.");
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(f[1].speaker, "Okafor");
    assert_eq!(f[1].resolution, "pronoun");
    assert_eq!(f[0].speaker_type, "person");
}

#[test]
fn a_description_joins_only_a_speaker_of_the_same_role() {
    let f = run("Fire Chief Ana Ruiz said the blaze was out. The mayor said the city would pay. The governor said the state would help. The chief said crews would stay.");
    assert_eq!(f.len(), 4, "{f:?}");
    assert_eq!(f[1].speaker, "The mayor");
    assert_eq!(
        (f[2].speaker.as_str(), f[2].resolution),
        ("The governor", "explicit")
    );
    assert_eq!(
        (f[3].speaker.as_str(), f[3].resolution),
        ("Ana Ruiz", "description")
    );
}

#[test]
fn different_roles_do_not_merge_but_listed_synonyms_do() {
    let f = run("A spokeswoman for the Port Authority said the cranes were fixed. The treasurer said the accounts balanced. The official said the audit was late. The source added that two staff had quit. A city engineer said the quay was safe.");
    assert_eq!(f.len(), 5, "{f:?}");
    let who: Vec<&str> = f.iter().map(|s| s.speaker.as_str()).collect();
    assert_eq!(
        who,
        [
            "A spokeswoman for the Port Authority",
            "The treasurer",
            "The official",
            "The official",
            "A city engineer"
        ]
    );
    assert_eq!(f[3].resolution, "description");
    assert_ne!(f[4].speaker_type, "organization");
}

#[test]
fn one_speaker_of_two_statements_in_a_sentence_has_one_id() {
    let f = run(
        "Local water officials confirmed the leak and indicated that repairs would take a week.",
    );
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(f[0].mention, f[1].mention);
    assert_eq!(f[0].id, f[1].id, "{f:?}");
    assert!(!f[0].id.is_empty());
}

#[test]
fn the_office_of_a_person_is_an_organisation_affiliated_to_the_person() {
    let f = one("The budget was cut, according to Canadian Finance Minister Anne Dubois’s office.");
    assert_eq!(f.speaker_type, "organization");
    assert_eq!(f.affiliation, "Anne Dubois");
    assert_eq!(f.title, "");
    let g = one("Finance Minister Anne Dubois’s spokesman, Luc Marin, said the budget was cut.");
    assert_eq!(
        (g.speaker.as_str(), g.title.as_str()),
        ("Luc Marin", "spokesman")
    );
    assert_eq!(g.affiliation, "Anne Dubois");
}

#[test]
fn a_bullet_before_a_speaker_is_not_part_of_its_name() {
    let f = one("- Farmers said the harvest was late.");
    assert_eq!(f.speaker, "Farmers");
}

#[test]
fn the_group_resolves_to_an_organisation_named_in_its_sentence() {
    let f = one("Greenfront rejected the mining permit, a spokesman for the environmental group said Friday.");
    assert_eq!(f.affiliation, "Greenfront", "{f:?}");
    let g = run("The ministry said the permit stood. Greenfront rejected the permit on Friday, the group said.");
    let last = g.last().unwrap();
    assert_eq!(
        (last.speaker.as_str(), last.resolution),
        ("Greenfront", "description"),
        "{g:?}"
    );
}

#[test]
fn a_pronoun_resolves_to_the_person_last_named_speaker_or_not() {
    let f = run("Rosa Delgado left the hearing early. “We will fight on,” she said.");
    let last = f.last().unwrap();
    assert_eq!(
        (last.speaker.as_str(), last.resolution),
        ("Rosa Delgado", "pronoun"),
        "{f:?}"
    );
    // A name inside a quote, after "in" or as an object is no antecedent.
    let g = run("Tom Reed said the road was shut. “I phoned Anna Berg,” he said. In Port Ellis, crews met Carl Lind. “It will reopen,” he said.");
    assert!(g.iter().all(|s| s.speaker == "Tom Reed"), "{g:?}");
    // A speaker named after the person still wins.
    let h = run(
        "Rosa Delgado left early. Judge Ian Moss said the ruling stood. “It is final,” he said.",
    );
    assert_eq!(h.last().unwrap().speaker, "Ian Moss", "{h:?}");
}

#[test]
fn a_place_after_a_plural_head_is_its_affiliation() {
    let f = one("Prices rose. Medics in Tigray say the clinic ran out of fuel.");
    assert_eq!(f.mention, "Medics in Tigray");
    assert_eq!(f.affiliation, "Tigray");
}

#[test]
fn a_party_and_state_tag_belongs_to_the_mention_but_names_nobody() {
    for (text, content) in [
        (
            "Last year, after the vote, Sen. Ann Roe (R-Ky.) said the bill was dead.",
            "the bill was dead",
        ),
        (
            "The bill was dead, said Sen. Ann Roe (R-Ky.).",
            "The bill was dead",
        ),
    ] {
        let f = one(text);
        assert_eq!(f.mention, "Sen. Ann Roe (R-Ky.)", "{text}");
        assert_eq!((f.speaker.as_str(), f.title.as_str()), ("Ann Roe", "Sen."));
        assert_eq!(f.parts, [content]);
    }
}

#[test]
fn a_description_set_off_by_dashes_or_commas_keeps_the_name_before_it() {
    for text in [
        "Jason Sims — a teacher from Mount Pleasant — says he voted early.",
        "Jason Sims, a teacher from Mount Pleasant, says he voted early.",
    ] {
        let f = one(text);
        assert!(f.mention.starts_with("Jason Sims"), "{text}");
        assert_eq!(f.speaker, "Jason Sims", "{text}");
        assert_eq!(f.parts, ["he voted early"], "{text}");
    }
}

#[test]
fn a_poll_or_a_lawsuit_is_a_document_and_a_woman_an_unnamed_person() {
    let f = run("A lawsuit filed Monday says the city broke the law. It also says the mayor knew.");
    assert_eq!(f.len(), 2);
    assert_eq!(
        (f[0].speaker.as_str(), f[0].speaker_type),
        ("A lawsuit filed Monday", "document")
    );
    assert_eq!(
        (f[1].speaker.as_str(), f[1].resolution),
        ("A lawsuit filed Monday", "pronoun")
    );
    let f = one("The woman disputes the idea that she was ever ill.");
    assert_eq!(
        (f.mention.as_str(), f.speaker_type),
        ("The woman", "anonymous")
    );
}

#[test]
fn a_pronoun_prefers_a_person_named_since_the_last_speaker() {
    let f = run("A spokesman for the council said the case was closed.\n\n\
         Neighbour Gary Stubbs, 52, was having none of it. 'It's a disgrace,' he told The Sun.");
    assert_eq!(
        (f[1].speaker.as_str(), f[1].resolution),
        ("Gary Stubbs", "pronoun")
    );
    // A speaker of the sentence before is still the nearer antecedent.
    let f = run("Ann Roe said the case was closed as Bob Fry left. “It's over,” she said.");
    assert_eq!(f[1].speaker, "Ann Roe");
    // Function words and honorifics: "For Mr. Clarke" is no name, and
    // "Mrs." rules out "he".
    let f = run("Tom Clarke said the deal was done.\n\nPrices rose.\n\n\
         For Mr. Clarke, the deal opened doors. He took over other mines, he said.");
    assert!(f.iter().skip(1).all(|s| s.speaker == "Tom Clarke"), "{f:?}");
}

#[test]
fn a_name_of_a_place_or_an_organisation_is_the_person_with_an_affiliation() {
    for (text, speaker, affiliation) in [
        (
            "Senator Ted Cruz of Texas said the deal was off.",
            "Ted Cruz",
            "Texas",
        ),
        (
            "Professor Anna Berg of Oslo University said the deal was off.",
            "Anna Berg",
            "Oslo University",
        ),
        (
            "The Star-Ledger of Newark reported that the deal was off.",
            "Star-Ledger",
            "Newark",
        ),
    ] {
        let f = one(text);
        assert_eq!(
            (f.speaker.as_str(), f.affiliation.as_str()),
            (speaker, affiliation),
            "{text}"
        );
    }
    // An organisation's own "of" stays in its name.
    assert_eq!(
        one("Bank of America said the deal was off.").speaker,
        "Bank of America"
    );
}

#[test]
fn a_person_named_after_a_kinship_noun_or_a_boss_title_is_an_antecedent() {
    let f = run("Tracy Piggott, 34, said the council had failed.\n\n\
         Her mother Doreen Piggott lives in Rotherham.\n\n'They took my babies,' she said.");
    assert_eq!(f[1].speaker, "Doreen Piggott");
    let f = run("City boss Ana Ferreira refused to blame the referee. \
         \"We lost because we stopped playing,\" she told reporters.");
    assert_eq!(
        (f[1].speaker.as_str(), f[1].resolution),
        ("Ana Ferreira", "pronoun")
    );
}

#[test]
fn a_family_name_written_first_refers_back_to_the_full_name() {
    let f = run(
        "Chinese President Xi Jinping met the delegation on Monday.\n\n\
         Xi said Beijing would invest in the port.",
    );
    assert_eq!(
        (f[0].speaker.as_str(), f[0].resolution),
        ("Xi Jinping", "surname")
    );
    let f = run("Li Qiang, the premier, said growth was strong. Li added that exports rose.");
    assert_eq!(f[1].speaker, "Li Qiang");
}
