//! Stance on sentences from the sample corpus and others written here,
//! through the whole pipeline: each asserts what a reader sees in them.

use crate::lexicon::Lexicons;
use crate::pipeline::Pipeline;
use crate::span::Span;

use super::{Category, Stance};

fn pipeline() -> Pipeline {
    Pipeline::new(&Lexicons::builtin(), None, u64::MAX).unwrap()
}

/// The stance of `text` scored as one statement, and toward `target` if given.
fn score(text: &str, target: Option<&str>) -> Stance {
    let p = pipeline();
    let doc = p.doc(text.to_string());
    let t = target.map(|t| {
        let b = text.find(t).expect("the target is in the text");
        Span::new(b, b + t.len())
    });
    p.stancer().score_span(&doc, Span::new(0, text.len()), t)
}

fn act(s: &Stance, c: Category) -> f64 {
    s.scores.get(c)
}

#[test]
fn the_ultimatum_is_a_demand_and_a_threat() {
    let s = score(
        "Release all of the Hostages now, not later, and immediately return all of the dead \
         bodies of the people you murdered, or it is OVER for you.",
        None,
    );
    assert!(act(&s, Category::Demand) > 0.0, "{:?}", s.scores);
    assert!(act(&s, Category::Threat) > 0.0, "{:?}", s.scores);
    assert!(s.scores.valence <= 0.0, "{:?}", s.scores);
}

#[test]
fn the_accusation_is_an_accusation_and_not_positive() {
    let s = score(
        "Trump's repeated threats against our people represent support to Netanyahu to evade \
         the agreement.",
        None,
    );
    assert!(act(&s, Category::Accusation) > 0.0, "{:?}", s.scores);
    assert!(s.scores.valence <= 0.05, "{:?}", s.scores);
}

#[test]
fn a_conditional_refusal_is_a_refusal_and_a_condition() {
    let s = score(
        "Hamas would not disarm unless a sovereign Palestinian state is established.",
        None,
    );
    assert!(act(&s, Category::Refusal) > 0.0, "{:?}", s.scores);
    assert!(act(&s, Category::Condition) > 0.0, "{:?}", s.scores);
}

#[test]
fn a_negated_demand_is_no_demand() {
    let s = score("Hamas is not demanding to remain in power.", None);
    assert_eq!(act(&s, Category::Demand), 0.0, "{:?}", s.scores);
    assert!(s
        .scores
        .hits
        .iter()
        .any(|h| h.category == Category::Demand && h.modifiers.has(super::Modifiers::NEGATED)));
}

#[test]
fn an_offer_with_a_condition_favours_the_ceasefire() {
    let s = score(
        "Hamas is ready to proceed with the full release under the condition of a permanent \
         ceasefire.",
        Some("permanent ceasefire"),
    );
    assert!(act(&s, Category::Offer) > 0.0, "{:?}", s.scores);
    assert!(act(&s, Category::Condition) > 0.0, "{:?}", s.scores);
    assert_eq!(s.targets.len(), 1);
    assert!(s.targets[0].polarity > 0.0, "{:?}", s.targets);
}

#[test]
fn the_act_in_the_cue_counts_for_the_statement() {
    let p = pipeline();
    let a = p.analyse(
        "t",
        "Hamas accused Trump of trying to back out of the ceasefire deal. \
         Trump called on Hamas to release the hostages."
            .to_string(),
    );
    let by_cue = |cue: &str| {
        a.statements
            .iter()
            .find(|s| {
                s.cue
                    .as_ref()
                    .is_some_and(|c| c.at.slice(&a.doc.text) == cue)
            })
            .unwrap_or_else(|| panic!("a statement with cue {cue:?}"))
    };
    let accused = &by_cue("accused").stance;
    assert!(
        accused.scores.get(Category::Accusation) > 0.0,
        "{accused:?}"
    );
    assert!(accused
        .scores
        .hits
        .iter()
        .any(|h| h.modifiers.has(super::Modifiers::FROM_CUE)));
    let called = &by_cue("called on").stance;
    assert!(called.scores.get(Category::Demand) > 0.0, "{called:?}");
}

#[test]
fn every_score_is_the_sum_of_its_hits() {
    let p = pipeline();
    let a = p.analyse(
        "t",
        "Talks Stall\nThe ceasefire is a terrible failure, but the mediators are very hopeful! \
         “We will never accept this plan,” said the spokesman. He warned of severe consequences \
         if the talks fail."
            .to_string(),
    );
    let stances = a
        .statements
        .iter()
        .map(|s| &s.stance)
        .chain(std::iter::once(&a.authorial));
    let mut scored = 0;
    for s in stances {
        for c in [Category::Valence, Category::Hedge, Category::Certainty]
            .into_iter()
            .chain(Category::ACTS)
        {
            let sum: f64 = s
                .scores
                .hits
                .iter()
                .filter(|h| h.category == c)
                .map(|h| h.contribution)
                .sum();
            assert!(
                (sum - s.scores.get(c)).abs() < 1e-9,
                "{c:?}: {sum} vs {:?}",
                s.scores
            );
            scored += usize::from(sum != 0.0);
        }
        for h in &s.scores.hits {
            assert!(!h.at.slice(&a.doc.text).is_empty(), "{h:?}");
        }
        assert!((-1.0..=1.0).contains(&s.scores.valence));
    }
    assert!(scored >= 3, "the text has scores to explain");
    assert!(
        a.authorial.scores.valence != 0.0,
        "{:?}",
        a.authorial.scores
    );
}

#[test]
fn topic_words_carry_no_valence_of_their_own() {
    let s = score(
        "The war killed hundreds of hostages during the siege.",
        None,
    );
    assert_eq!(s.scores.valence, 0.0, "{:?}", s.scores.hits);
    let s = score("The talks were a terrible failure.", None);
    assert!(s.scores.valence < 0.0);
}

#[test]
fn contrast_and_negation_bend_valence() {
    let plain = score("The plan is good.", None).scores.valence;
    let negated = score("The plan is not good.", None).scores.valence;
    assert!(plain > 0.0 && negated < 0.0, "{plain} {negated}");
    let but = score("The plan is good, but the deal is terrible.", None)
        .scores
        .valence;
    assert!(but < 0.0, "the clause after but counts more: {but}");
}

#[test]
fn a_demand_favours_what_it_asks_for_not_whom_it_is_addressed_to() {
    let asked = score(
        "Egypt demanded a permanent ceasefire.",
        Some("permanent ceasefire"),
    );
    assert!(asked.targets[0].polarity > 0.0, "{:?}", asked.targets);
    let addressed = score("Egypt called on Hamas to talk.", Some("Hamas"));
    assert!(
        act(&addressed, Category::Demand) > 0.0,
        "{:?}",
        addressed.scores
    );
    assert_eq!(
        addressed.targets[0].polarity, 0.0,
        "{:?}",
        addressed.targets
    );
}

#[test]
fn news_words_of_judgement_carry_valence() {
    let s = score("The botched rollout drew allegations of misconduct.", None);
    assert!(s.scores.valence < -0.3, "{}", s.scores.valence);
    let s = score("Her tireless work was lauded as a milestone.", None);
    assert!(s.scores.valence > 0.3, "{}", s.scores.valence);
}

#[test]
fn an_actor_is_not_favoured_by_what_is_asked_of_it() {
    // Israel is an actor in the built-in targets.tsv, the ceasefire an issue.
    let p = pipeline();
    let text = "Egypt called for a ceasefire. It also called for Netanyahu's resignation.";
    let doc = p.doc(text.to_string());
    let s = p.stancer().score_span(&doc, Span::new(0, text.len()), None);
    let of = |name: &str| {
        s.targets
            .iter()
            .find(|t| t.target == name)
            .unwrap_or_else(|| panic!("{name} in {:?}", s.targets))
            .polarity
    };
    assert!(of("ceasefire") > 0.0, "{:?}", s.targets);
    assert!(of("Israel") <= 0.0, "{:?}", s.targets);
    // A target given by offsets: a name or a pronoun is an actor.
    let hedged = score(
        "Officials said Lopez allegedly hid the money.",
        Some("Lopez"),
    );
    assert!(hedged.targets[0].polarity < 0.0, "{:?}", hedged.targets);
    let asked = score(
        "The mayor asked for the pension reform.",
        Some("pension reform"),
    );
    assert!(asked.targets[0].polarity > 0.0, "{:?}", asked.targets);
}

#[test]
fn a_target_kind_is_actor_or_issue_and_only_one() {
    let load = |text: &str| {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("targets.tsv"), text).unwrap();
        let lex = Lexicons::load(Some(dir.path())).unwrap();
        super::targets::Targets::load(&lex).map(|_| ())
    };
    assert!(load("Lopez\tLopez\tactor\nLopez\tMaria Lopez\n").is_ok());
    let err = load("Lopez\tLopez\tperson\n").unwrap_err().to_string();
    assert!(
        err.contains("targets.tsv:1") && err.contains("actor"),
        "{err}"
    );
    let err = load("Lopez\tLopez\tactor\nLopez\tMs. Lopez\tissue\n")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("targets.tsv:2") && err.contains("both"),
        "{err}"
    );
}

#[test]
fn what_a_target_says_of_others_is_not_against_it() {
    let of = |text: &str, target: &str| score(text, Some(target)).targets[0].clone();
    // The same judgement said of the target, and said by it.
    let about = of(
        "The budget from Senator Mills is a disgrace.",
        "Senator Mills",
    );
    assert!(about.polarity < -0.1, "{about:?}");
    for (text, target) in [
        (
            "Senator Mills said the budget is a disgrace and a failure.",
            "Senator Mills",
        ),
        (
            "Mills also told reporters the budget is a disgrace.",
            "Mills",
        ),
        ("“The budget is a disgrace,” Mills said on Friday.", "Mills"),
        ("“The budget is a disgrace,” said Mills.", "Mills"),
    ] {
        let t = of(text, target);
        assert!(t.polarity > -1e-9, "{text}: {t:?}");
        assert_eq!(t.label, super::Label::Neutral, "{text}: {t:?}");
    }
    // Words between the name and the cue make someone else the speaker.
    let others = of("Mills supporters said the budget is a disgrace.", "Mills");
    assert!(others.polarity < 0.0, "{others:?}");
    // A cue that is itself an act about its speaker is no mere report.
    let admitted = of("Mills admitted the budget is a failure.", "Mills");
    assert!(admitted.polarity < 0.0, "{admitted:?}");
}

#[test]
fn person_words_judge_whom_they_are_said_of_not_the_statement() {
    let s = score("Police arrested Mayor Dunn on Tuesday.", Some("Mayor Dunn"));
    assert_eq!(s.scores.valence, 0.0, "an event, told neutrally");
    assert_eq!(s.targets[0].label, super::Label::Against, "{:?}", s.targets);
    let charged = score("Dunn was charged with fraud.", Some("Dunn"));
    assert_eq!(charged.targets[0].label, super::Label::Against);
    let cleared = score("A jury acquitted Dunn on Friday.", Some("Dunn"));
    assert_eq!(cleared.targets[0].label, super::Label::Favor);
    let not = score("Dunn was not charged.", Some("Dunn"));
    assert_eq!(
        not.targets[0].label,
        super::Label::Neutral,
        "{:?}",
        not.targets
    );
    // "in charge of" is no charge.
    let boss = score("Dunn is in charge of the budget.", Some("Dunn"));
    assert_eq!(
        boss.targets[0].label,
        super::Label::Neutral,
        "{:?}",
        boss.targets
    );
    // Owning up to a fault: VADER's "apologize" is positive, the apology is not.
    let sorry = score("Dunn apologized for the remarks.", Some("Dunn"));
    assert!(sorry.scores.valence > 0.0, "{:?}", sorry.scores);
    assert!(sorry.targets[0].polarity < 0.0, "{:?}", sorry.targets);
}

#[test]
fn a_weak_sign_against_counts_where_a_weak_sign_for_does_not() {
    use super::Label;
    assert_eq!(Label::of(-0.08), Label::Against);
    assert_eq!(Label::of(0.08), Label::Neutral);
    assert_eq!(Label::of(-0.04), Label::Neutral);
    assert_eq!(Label::of(0.12), Label::Favor);
}
