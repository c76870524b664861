//! Attribution patterns on small hand-written sentences.

use crate::testkit::{one, run};

#[test]
fn direct_quote_then_said_name() {
    let f = run("“We will rebuild the bridge,” said Mayor Ana Ruiz.");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].kind, "direct");
    assert_eq!(f[0].parts, ["We will rebuild the bridge,"]);
    assert_eq!(f[0].cue, "said");
    assert_eq!(f[0].speaker, "Ana Ruiz");
}

#[test]
fn direct_quote_speaker_before_cue() {
    let f = one("“The dam will hold,” the engineer Tom Berg said on Friday.");
    assert_eq!(f.parts, ["The dam will hold,"]);
    assert_eq!(f.mention, "the engineer Tom Berg");
    assert_eq!(f.speaker, "Tom Berg");
    assert_eq!(f.resolution, "explicit");
}

#[test]
fn direct_quote_with_leading_colon_and_told() {
    let f = one("Gov. Lena Park told reporters: \"We are not closing the schools.\"");
    assert_eq!(f.kind, "direct");
    assert_eq!(f.parts, ["We are not closing the schools."]);
    assert_eq!(f.cue, "told");
    assert_eq!(f.speaker, "Lena Park");
}

#[test]
fn split_quote_is_one_statement_with_two_parts() {
    let f = one("“We stayed all night,” Ms. Duarte wrote on Facebook. “Nobody came to help us.”");
    assert_eq!(f.parts, ["We stayed all night,", "Nobody came to help us."]);
    assert_eq!(f.cue, "wrote");
    assert_eq!(f.speaker, "Duarte");
}

#[test]
fn multi_paragraph_quote_continues_the_speaker() {
    let t = "Union leader Maria Stone said: “The talks failed because the owners walked out.\n“We will strike on Monday if nothing changes.”";
    let f = one(t);
    assert_eq!(f.parts.len(), 2);
    assert!(f.parts[1].starts_with("We will strike"));
    assert_eq!(f.speaker, "Maria Stone");
}

#[test]
fn mixed_quote_inside_indirect_speech() {
    let f = one("The coach said that his team was \"tired of losing every close game\" this year.");
    assert_eq!(f.kind, "mixed");
    assert!(f.parts[0].starts_with("that his team"));
    assert!(f.parts[0].ends_with("this year"));
}

#[test]
fn indirect_with_that_and_object() {
    let f =
        one("A senior police official told the newspaper that the suspect had fled the country.");
    assert_eq!(f.kind, "indirect");
    assert_eq!(f.parts, ["that the suspect had fled the country"]);
    assert_eq!(f.mention, "A senior police official");
    assert_eq!(f.cue, "told");
}

#[test]
fn content_before_inverted_attribution() {
    let f = one("The bridge will reopen in May, confirmed city engineer Paul Otto on Tuesday.");
    assert_eq!(f.parts, ["The bridge will reopen in May"]);
    assert_eq!(f.speaker, "Paul Otto");
    let f = one("The plan is dead, a spokesman for the council said.");
    assert_eq!(f.parts, ["The plan is dead"]);
    assert_eq!(f.mention, "a spokesman for the council");
}

#[test]
fn participle_cue_takes_the_clause_speaker() {
    let f = run("The mayor rejected the offer, warning that the city would sue.");
    let w = f
        .iter()
        .find(|s| s.cue == "warning")
        .expect("a statement cued by warning");
    assert_eq!(w.parts, ["that the city would sue"]);
    assert_eq!(w.mention, "The mayor");
}

#[test]
fn parenthetical_between_speaker_and_cue() {
    let f = one(
        "Farm minister Ida Holm, in a statement to local radio, responded that prices would fall.",
    );
    assert_eq!(f.cue, "responded");
    assert_eq!(f.speaker, "Ida Holm");
    assert_eq!(f.parts, ["that prices would fall"]);
}

#[test]
fn according_to_both_orders() {
    let f = one("According to the fire department, nobody was hurt.");
    assert_eq!(f.kind, "according_to");
    assert_eq!(f.parts, ["nobody was hurt"]);
    assert_eq!(f.mention, "the fire department");
    let f = one("Nobody was hurt, according to local police.");
    assert_eq!(f.parts, ["Nobody was hurt"]);
    assert_eq!(f.mention, "local police");
}

#[test]
fn apostrophes_and_odd_marks_never_lose_statements() {
    let f = run("“Don’t sell the farmers’ land,” Mr. Ito said. He said it's “a crime.\nThe mayor said the sale was legal.");
    assert!(f
        .iter()
        .any(|s| s.parts == ["Don’t sell the farmers’ land,"]));
    assert!(f.iter().any(|s| s.parts == ["the sale was legal"]));
}

#[test]
fn scare_quotes_titles_and_noun_cues_are_not_statements() {
    assert!(run("The ‘Kite Runner’ star walked to the \"new\" stage.").is_empty());
    assert!(run("The October attack killed nine people.").is_empty());
    // The report is the subject, not a cue: it is what supports them.
    let f = one("A recent report supports these claims.");
    assert_eq!(
        (f.mention.as_str(), f.cue.as_str()),
        ("A recent report", "supports")
    );
    assert!(run("The warning came too late for the town.").is_empty());
}

#[test]
fn flagged_paragraphs_yield_nothing() {
    let t = "The mayor said the bridge was safe.\nOfficials say storm will hit coast tonight\nThe council said it agreed.\nLeave a Reply\nSure! Could you please provide the text you would like me to rewrite?";
    let f = run(t);
    assert_eq!(
        f.len(),
        2,
        "{:?}",
        f.iter().map(|s| &s.parts).collect::<Vec<_>>()
    );
}

#[test]
fn coordinated_names_share_a_base_form_cue() {
    let f = one("But Ms. Okafor and Mr. Lund say the dam needs new gates.");
    assert_eq!(f.kind, "indirect");
    assert_eq!(f.mention, "Ms. Okafor and Mr. Lund");
    assert_eq!(f.parts, ["the dam needs new gates"]);
}

#[test]
fn a_coordinated_clause_with_its_own_cue_is_a_second_statement() {
    let f = run("Ruiz said the budget would be tight and the council warned that fees could rise.");
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(f[0].parts, ["the budget would be tight"]);
    assert_eq!(f[1].mention, "the council");
    assert_eq!(f[1].parts, ["that fees could rise"]);
    let g = run("His aides say the trip is off but noted that plans may change.");
    assert_eq!(g.len(), 2, "{g:?}");
    assert_eq!(g[0].parts, ["the trip is off"]);
    assert_eq!(g[1].mention, "His aides");
}

#[test]
fn an_appositive_is_only_read_after_an_inverted_speaker() {
    let f = one("Too often, Ms. Berg said, the debate ends before it starts.");
    assert_eq!(f.mention, "Ms. Berg");
    assert_eq!(f.parts.last().unwrap(), "the debate ends before it starts");
}

#[test]
fn a_reported_question_has_no_named_asker() {
    let f = run("Asked about the new tolls, Ruiz said that drivers would adapt.");
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(f[0].cue, "Asked");
    assert_eq!(f[0].parts, ["the new tolls"]);
    assert_eq!(f[0].mention, "");
    assert_eq!(f[1].mention, "Ruiz");
    assert_eq!(f[1].parts, ["that drivers would adapt"]);
}

#[test]
fn title_case_headlines_are_read_despite_their_capitals() {
    let f = one("Harbour Plan Will Flood Old Town, Former City Engineer Says.");
    assert_eq!(f.cue, "Says");
    assert_eq!(f.mention, "Former City Engineer");
    assert_eq!(f.parts, ["Harbour Plan Will Flood Old Town"]);
    let g = one("Facing Protests, Mayor Vows To Keep The Ferry Running.");
    assert_eq!(g.mention, "Mayor");
    assert_eq!(g.parts, ["To Keep The Ferry Running"]);
}

#[test]
fn words_before_a_mid_sentence_attribution_open_the_quote() {
    let f = one("While the river keeps rising, she said, “the levee will hold.”");
    assert_eq!(f.kind, "mixed");
    assert_eq!(
        f.parts,
        ["While the river keeps rising", "the levee will hold."]
    );
}

#[test]
fn a_mid_sentence_attribution_may_carry_an_object_and_a_setting() {
    let f = one("The real problem, he told me on Friday, is that the pumps are old.");
    assert_eq!(f.mention, "he");
    assert_eq!(f.parts, ["The real problem", "is that the pumps are old"]);
    let g = one("To see the damage, Ms. Berg said, one has to walk the levee.");
    assert_eq!(g.parts, ["To see the damage", "one has to walk the levee"]);
}

#[test]
fn a_second_attribution_with_an_adverb_ends_the_first_content() {
    let f = run("While she said the pumps were old, Ms. Berg also noted the levee had held.");
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(f[0].parts, ["the pumps were old"]);
    assert_eq!(f[1].mention, "Ms. Berg");
    assert_eq!(f[1].parts, ["the levee had held"]);
}

#[test]
fn coordinated_participles_are_separate_statements() {
    let f = run("Ruiz spoke for an hour, criticizing the toll plan and calling for a new ferry.");
    let parts: Vec<_> = f.iter().map(|x| x.parts.join(" | ")).collect();
    assert!(parts.contains(&"the toll plan".to_string()), "{f:?}");
    assert!(parts.contains(&"a new ferry".to_string()), "{f:?}");
}

#[test]
fn a_setting_after_the_cue_is_not_what_was_said() {
    assert!(run("The mayor spoke in a hall near the harbour.").is_empty());
    assert!(run("The mayor spoke from the steps of the town hall.").is_empty());
    assert!(run("The mayor spoke outside the court.").is_empty());
    let f = one("The mayor said from her office that the ferry would run.");
    assert_eq!(f.parts, ["that the ferry would run"]);
    let f = one("The mayor said in a statement that the ferry would run.");
    assert_eq!(f.parts, ["that the ferry would run"]);
    assert!(run("Still, the plan will raise many questions in the months ahead.").is_empty());
}

#[test]
fn a_quote_straight_after_its_cue_is_direct() {
    let f = one("Ms. Doe said “we will not back down from this fight.”");
    assert_eq!(f.kind, "direct");
    assert_eq!(f.cue, "said");
    assert_eq!(f.mention, "Ms. Doe");
    assert_eq!(f.parts, ["we will not back down from this fight."]);
    let g = one("He said \"the plan costs the town far too much.\"");
    assert_eq!((g.kind, g.cue.as_str()), ("direct", "said"));
    assert_eq!(g.mention, "He");
    assert_eq!(g.parts, ["the plan costs the town far too much."]);
}

#[test]
fn a_quote_straight_after_an_addressee_leaves_the_addressee_out() {
    let f = one("She told reporters “this is not where the road ends for us.”");
    assert_eq!((f.kind, f.cue.as_str()), ("direct", "told"));
    assert_eq!(f.mention, "She");
    assert_eq!(f.parts, ["this is not where the road ends for us."]);
}

#[test]
fn a_quote_after_its_cue_that_runs_on_is_mixed_speech() {
    let f = one("The coach said \"no way\" to the new stadium plan.");
    assert_eq!((f.kind, f.cue.as_str()), ("mixed", "said"));
    assert_eq!(f.parts, ["\"no way\" to the new stadium plan"]);
}

#[test]
fn single_quote_marks_are_speech_marks() {
    let f = one("'We will appeal,' she said, 'and we will win.'");
    assert_eq!(
        (f.kind, f.cue.as_str(), f.mention.as_str()),
        ("direct", "said", "she")
    );
    assert_eq!(f.parts, ["We will appeal,", "and we will win."]);
    let g = one("‘The ferry will run again in May,’ the harbour master said.");
    assert_eq!(g.parts, ["The ferry will run again in May,"]);
    assert_eq!(g.mention, "the harbour master");
    let h = one("``The ferry will run again in May,'' the harbour master said.");
    assert_eq!(h.parts, ["The ferry will run again in May,"]);
    let h = one("`The ferry will run again in May,' the harbour master said.");
    assert_eq!(
        (h.kind, h.parts[0].as_str()),
        ("direct", "The ferry will run again in May,")
    );
}

#[test]
fn apostrophes_open_no_quote_in_a_statement() {
    let f = one("The students' union said O'Brien's rock 'n' roll bar from the '90s won't close.");
    assert_eq!(f.kind, "indirect");
    assert_eq!(
        f.parts,
        ["O'Brien's rock 'n' roll bar from the '90s won't close"]
    );
}

#[test]
fn a_quote_continued_after_its_attribution_is_one_statement() {
    let f = one("“We will appeal,” insists Lopez. “We have always said so.”");
    assert_eq!(f.parts, ["We will appeal,", "We have always said so."]);
    assert_eq!((f.cue.as_str(), f.mention.as_str()), ("insists", "Lopez"));
    let g = one("'The fees stay,' says Ms. Berg. 'Nobody has asked us to cut them.'");
    assert_eq!(
        g.parts,
        ["The fees stay,", "Nobody has asked us to cut them."]
    );
    assert_eq!(g.mention, "Ms. Berg");
}

#[test]
fn an_inverted_plural_cue_after_a_quote_is_a_cue() {
    let f = one("“We will appeal the ruling,” reply the residents.");
    assert_eq!((f.kind, f.cue.as_str()), ("direct", "reply"));
    assert_eq!(f.mention, "the residents");
    assert_eq!(f.parts, ["We will appeal the ruling,"]);
    let g = one("“Why should we pay twice?” ask the parents of the pupils.");
    assert_eq!((g.kind, g.cue.as_str()), ("direct", "ask"));
    assert!(g.mention.starts_with("the parents"), "{g:?}");
}

#[test]
fn a_short_capitalised_quote_alone_in_its_paragraph_is_a_heading() {
    let t = "Mayor Ana Ruiz said the ferry would run again in May.\n'All Boats Are Back.'";
    let f = one(t);
    assert_eq!(f.parts, ["the ferry would run again in May"]);
}

#[test]
fn mismatched_marks_never_span_the_attribution() {
    for text in [
        "'We will appeal the ruling,\" Lopez told reporters. The court was closed.",
        "\"We will appeal the ruling,' Lopez told reporters. The court was closed.",
    ] {
        let f = one(text);
        assert_eq!(f.parts, ["We will appeal the ruling,"], "{text}");
        assert_eq!((f.cue.as_str(), f.mention.as_str()), ("told", "Lopez"));
    }
}

#[test]
fn content_form_tells_clauses_from_noun_phrases() {
    let f = one("The mayor said the ferry would run again in May.");
    assert_eq!(f.form, "clause");
    let f = one("The council rejected the harbour proposal.");
    assert_eq!(
        (f.form, f.parts[0].as_str()),
        ("noun_phrase", "the harbour proposal")
    );
    let f = one("Local farmers denounced the new tax on diesel fuel.");
    assert_eq!(f.form, "noun_phrase", "{f:?}");
    let f = one("The union vowed to strike on Monday.");
    assert_eq!(f.form, "clause", "{f:?}");
    let f = one("“We stayed all night,” Ms. Duarte wrote on Facebook.");
    assert_eq!(f.form, "clause");
}

#[test]
fn content_form_marks_questions() {
    let f = one("“Who will pay for the new bridge?” the mayor asked.");
    assert_eq!(f.form, "question");
    let f = one("Reporters asked whether the ferry would run in May.");
    assert_eq!(f.form, "question", "{f:?}");
}

#[test]
fn a_cue_noun_before_that_is_no_content() {
    let f = one("The council restated its position that the ferry must keep running.");
    assert_eq!(f.cue, "restated");
    assert_eq!(f.parts, ["that the ferry must keep running"]);
    assert_eq!(f.mention, "The council");
}

#[test]
fn according_to_without_a_comma_needs_a_named_source() {
    let f = one("Nine people were hurt, most of them children according to the Harbour Police.");
    assert_eq!(f.kind, "according_to");
    assert_eq!(f.mention, "the Harbour Police");
    assert!(f.parts[0].ends_with("most of them children"), "{f:?}");
    assert!(run("The vote went according to plan for the council.").is_empty());
}

#[test]
fn a_nested_report_keeps_the_inner_speaker() {
    let f =
        one("The union accused the mayor of hiding the audit, the Harbour Gazette first reported.");
    assert_eq!(f.cue, "accused");
    assert_eq!(f.mention, "The union");
    assert_eq!(f.reported_by, "the Harbour Gazette");
    assert_eq!(f.parts, ["the mayor of hiding the audit"]);
    // A report with no statement inside is the outer source's own.
    let g = one("The ferry will stop in May, the Harbour Gazette reported.");
    assert_eq!(
        (g.mention.as_str(), g.reported_by.as_str()),
        ("the Harbour Gazette", "")
    );
}

#[test]
fn a_bullet_opening_the_line_is_not_part_of_the_speaker() {
    for bullet in ["-", "•", "–"] {
        let f = one(&format!("{bullet} Residents said the road was closed."));
        assert_eq!(f.mention, "Residents", "{bullet}");
    }
}

#[test]
fn a_belief_is_a_statement_of_its_own_type() {
    let f = one("Governor Ana Ruiz believes that the dam will hold through the winter.");
    assert_eq!(f.cue, "believes");
    assert_eq!(f.cue_type, "belief");
    assert_eq!(f.parts, ["that the dam will hold through the winter"]);
    assert_eq!(f.speaker, "Ana Ruiz");
    let f = one("The union wants to reopen the talks before the strike.");
    assert_eq!((f.cue.as_str(), f.cue_type), ("wants", "belief"));
}

#[test]
fn what_a_survey_shows_is_evidence() {
    let f = one("A survey by the city council shows that most residents oppose the new road.");
    assert_eq!(f.cue_type, "evidence");
    assert_eq!(f.parts, ["that most residents oppose the new road"]);
}

#[test]
fn a_belief_inside_reported_speech_is_part_of_it() {
    let f = one("The mayor said the engineer believes the dam will hold.");
    assert_eq!((f.cue.as_str(), f.cue_type), ("said", "speech"));
    assert_eq!(f.parts, ["the engineer believes the dam will hold"]);
}

#[test]
fn a_quote_after_a_belief_keeps_no_belief_cue() {
    // The next paragraph's quote is his words: he did not "want" them.
    let f = run("Chairman Tom Berg wants a second vote on the plan.\n“We were not consulted.”");
    assert_eq!(f.len(), 2);
    assert_eq!((f[0].cue.as_str(), f[0].cue_type), ("wants", "belief"));
    assert_eq!(f[1].speaker, "Tom Berg");
    assert_eq!((f[1].cue.as_str(), f[1].cue_type), ("", "speech"));
}

#[test]
fn a_plain_plural_or_share_before_a_cue_is_a_speaker() {
    for (text, speaker) in [
        (
            "Prices rose again. The forecasters say spending will rise.",
            "The forecasters",
        ),
        (
            "Prices rose again. Nearly a third say they do not know.",
            "Nearly a third",
        ),
        (
            "Prices rose again. Those surveyed say stricter laws would help.",
            "Those surveyed",
        ),
        (
            "Prices rose again. In the poll, 42% say they are liberal.",
            "42%",
        ),
    ] {
        let f = one(text);
        assert_eq!(f.mention, speaker, "{text}");
        assert_eq!(f.speaker_type, "group", "{text}");
    }
    // A singular noun is no plain subject: "the weather say" is no cue.
    assert!(run("Prices rose again. The weather say spending will rise.").is_empty());
}

#[test]
fn a_sentence_adverb_before_a_cue_is_no_content() {
    assert!(run("Meanwhile, the military campaign presses on.").is_empty());
    assert!(run("However, the mayor said.").is_empty());
}

#[test]
fn adverbs_time_phrases_and_progressives_stand_between_speaker_and_cue() {
    for (text, mention) in [
        (
            "Prices rose. David Axelrod on Wednesday called on the mayor to apologize.",
            "David Axelrod",
        ),
        (
            "Prices rose. In July, Senator Gingrich cynically dismissed the plan as a stunt.",
            "Senator Gingrich",
        ),
        (
            "Prices rose. Fellow Republicans are urging the mayor to change course.",
            "Fellow Republicans",
        ),
        // A capital mid-sentence is part of the name, not the modal "may".
        (
            "Prices rose. Prime Minister Theresa May said this week that the country would leave.",
            "Prime Minister Theresa May",
        ),
        // "family" ends in -ly but is the head of the speaker.
        (
            "Prices rose. The Lopez family said they would appeal.",
            "The Lopez family",
        ),
        (
            "Prices rose. The family said they would appeal.",
            "The family",
        ),
        (
            "Prices rose. They watched it, a lawyer for the family said.",
            "a lawyer for the family",
        ),
    ] {
        assert_eq!(one(text).mention, mention, "{text}");
    }
}

#[test]
fn an_inverted_base_form_after_a_comma_takes_the_plural_after_it() {
    let f = one("Prices rose. The plan will fail, say officials at the ministry.");
    assert_eq!(
        (f.mention.as_str(), f.parts[0].as_str()),
        ("officials at the ministry", "The plan will fail")
    );
    let f = one("Prices rose. The plan may work, say some Democrats.");
    assert_eq!(f.mention, "some Democrats");
    // "say" as "for example" is no cue.
    assert!(run("Prices rose. Take a city, say, Paris, and look.").is_empty());
}

#[test]
fn a_plural_head_before_a_connector_makes_a_base_form_a_cue() {
    let f =
        one("Prices rose. Residents of Hebden Bridge say the council ignored repeated warnings.");
    assert_eq!(
        (f.cue.as_str(), f.mention.as_str()),
        ("say", "Residents of Hebden Bridge")
    );
    assert_eq!(f.parts, ["the council ignored repeated warnings"]);
}

#[test]
fn a_participle_running_into_a_cue_is_no_cue() {
    let f = one("Prices rose. An Environment Agency report published on Tuesday found that river levels rose.");
    assert_eq!((f.cue.as_str(), f.cue_type), ("found", "evidence"));
    assert_eq!(f.parts, ["that river levels rose"]);
}

#[test]
fn a_belief_gerund_after_a_preposition_is_a_noun() {
    assert!(run("Prices rose. There's no way to tell without seeing his tax returns.").is_empty());
    // A speech gerund there still reports.
    let f = one("Prices rose. He ended the call by saying that the deal was dead.");
    assert_eq!(f.cue, "saying");
}

#[test]
fn a_place_after_a_plural_head_belongs_to_the_speaker() {
    let f = one("Prices rose. Farmers in Norfolk say the drought ruined the harvest.");
    assert_eq!(f.mention, "Farmers in Norfolk");
    assert_eq!(f.parts, ["the drought ruined the harvest"]);
    let f = one("Prices rose. Residents in the Rhine Valley fear the river will rise.");
    assert_eq!(f.mention, "Residents in the Rhine Valley");
}

#[test]
fn an_adjective_after_a_determiner_is_part_of_a_plain_subject() {
    let f = one("Prices rose. The newest surveys show that rents will climb.");
    assert_eq!(
        (f.mention.as_str(), f.cue_type),
        ("The newest surveys", "evidence")
    );
    let f = one("Prices rose. Some independent forecasters say the slump is over.");
    assert_eq!(f.mention, "Some independent forecasters");
}

#[test]
fn a_sentence_adverb_between_commas_leaves_a_base_form_its_subject() {
    let f = one("Prices rose. Dockworkers, however, insist the strike will go on.");
    assert_eq!(
        (f.cue.as_str(), f.mention.as_str()),
        ("insist", "Dockworkers")
    );
    assert_eq!(f.parts, ["the strike will go on"]);
    // No subject before the commas: "say" is no verb there.
    assert!(run("Prices rose. Take, for instance, say, Paris.").is_empty());
}

#[test]
fn a_passive_accusation_reports_an_unnamed_source() {
    let f = one("Prices rose. The mill owners were accused of poisoning the creek.");
    assert_eq!((f.cue.as_str(), f.mention.as_str()), ("accused", ""));
    assert_eq!(f.parts, ["poisoning the creek"]);
    // Without "of" a passive reports nothing.
    assert!(run("Prices rose. The mill owners were criticized harshly.").is_empty());
}

#[test]
fn content_keeps_the_sign_of_its_last_or_first_number() {
    let f = one("The bank said inflation would fall to 2%.");
    assert_eq!(f.parts, ["inflation would fall to 2%"]);
    let f = one("Officials said $40 was the fare.");
    assert_eq!(f.parts, ["$40 was the fare"]);
}

#[test]
fn the_addressee_of_told_is_no_content_even_without_that() {
    for (text, content) in [
        (
            "She told reporters the depot would close.",
            "the depot would close",
        ),
        (
            "He told the BBC the talks had failed.",
            "the talks had failed",
        ),
        (
            "The minister told Reuters she would resign.",
            "she would resign",
        ),
        ("He told them the plan was dead.", "the plan was dead"),
    ] {
        assert_eq!(one(text).parts, [content], "{text}");
    }
    // No clause after it: the object is what was told.
    assert_eq!(
        one("He told a story about the war.").parts,
        ["a story about the war"]
    );
}
