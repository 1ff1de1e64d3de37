//! Personas drawn from situations in the source articles, evaluated by both quizzes. The mirrored
//! quizzes must agree: the same facts give the same band and archetype from either side.

mod common;

use client_fit::quiz::evaluate::Decider;
use client_fit::quiz::fee::FeeModel;
use client_fit::quiz::{bank, evaluate, Answers, Audience, Band};
use common::{blind_on_data, with};

struct Persona {
    name: &'static str,
    answers: Answers,
    band: Band,
    archetype: Option<&'static str>,
    flags: &'static [&'static str],
    fee: FeeModel,
}

fn personas() -> Vec<Persona> {
    vec![
        Persona {
            name: "owner who knows the KPIs and pays upfront",
            answers: with(&[]),
            band: Band::Partner,
            archetype: Some("partner"),
            flags: &[],
            fee: FeeModel::PurePercentage,
        },
        Persona {
            name: "about to open a perfume store, heard Instagram works",
            answers: with(&[
                ("prod_stage", "idea"),
                ("goals_numbers", "vague"),
                ("goals_success", "no"),
                ("goals_priority", "ranked"),
                ("data_conversion", "no"),
                ("data_costs", "no"),
                ("data_ltv", "no"),
                ("data_decision", "no"),
                ("data_history", "new"),
                ("prod_sales", "owner"),
                ("prod_audience", "cold"),
                ("exp_prior", "none"),
                ("exp_guarantee", "guarantee"),
                ("exp_control", "partly"),
            ]),
            band: Band::HighRisk,
            archetype: Some("muddy"),
            flags: &[],
            fee: FeeModel::PrepaidFixed,
        },
        Persona {
            name: "drum school offering a percentage per student",
            answers: with(&[
                ("money_model", "percent"),
                ("money_prepay", "never"),
                ("data_conversion", "no"),
                ("data_history", "blind"),
            ]),
            band: Band::HighRisk,
            archetype: Some("no_pay_for_air"),
            flags: &["no_prepay", "blind_percentage"],
            fee: FeeModel::PrepaidFixed,
        },
        Persona {
            name: "three partners all commenting in the chat",
            answers: with(&[
                ("inv_contact", "chat"),
                ("goals_priority", "all"),
                ("comm_style", "voice"),
                ("inv_feedback", "partly"),
            ]),
            band: Band::Workable,
            archetype: Some("divided_house"),
            flags: &["many_bosses"],
            fee: FeeModel::FixedPlusBonus,
        },
        Persona {
            name: "debtor who pays a part each month",
            answers: with(&[("money_payments", "parts"), ("money_prepay", "half")]),
            band: Band::HighRisk,
            archetype: Some("eternal_debtor"),
            flags: &["debtor"],
            fee: FeeModel::PrepaidFixed,
        },
        Persona {
            name: "writes at night and scolds in the morning",
            answers: with(&[
                ("comm_reply", "night"),
                ("comm_tone", "upset"),
                ("comm_style", "voice"),
            ]),
            band: Band::HighRisk,
            archetype: None,
            flags: &["always_on"],
            fee: FeeModel::PrepaidFixed,
        },
        Persona {
            name: "conservative: do what my last optimiser did",
            answers: with(&[
                ("trust_methods", "failed"),
                ("trust_proof", "more"),
                ("exp_prior", "some"),
            ]),
            band: Band::Workable,
            archetype: Some("conservative"),
            flags: &["repeat_failure"],
            fee: FeeModel::FixedPlusBonus,
        },
        Persona {
            name: "product weaker than its claims",
            answers: with(&[("prod_quality", "gap")]),
            band: Band::HighRisk,
            archetype: Some("cognitive_dissonance"),
            flags: &["claims_gap"],
            fee: FeeModel::PrepaidFixed,
        },
        Persona {
            name: "penny-pincher who then wants VIP attention",
            answers: with(&[
                ("money_discount", "hard"),
                ("trust_role", "owes"),
                ("comm_reply", "minutes"),
                ("money_prepay", "after"),
            ]),
            band: Band::Workable,
            archetype: Some("penny_pincher"),
            flags: &["pay_after", "price_first", "owes_everything"],
            fee: FeeModel::PrepaidFixed,
        },
        Persona {
            name: "small budget, otherwise a model client",
            answers: with(&[("money_budget", "small")]),
            band: Band::Partner,
            archetype: Some("partner"),
            flags: &[],
            fee: FeeModel::PurePercentage,
        },
    ]
}

#[test]
fn every_persona_gets_the_expected_verdict_from_both_quizzes() {
    for p in personas() {
        let [client, specialist] =
            [Audience::Client, Audience::Specialist].map(|a| evaluate(bank(), a, &p.answers));
        for e in [&client, &specialist] {
            assert_eq!(
                e.band, p.band,
                "{}: band (overall {}, {:?})",
                p.name, e.overall, e.decided_by
            );
            let names: Vec<_> = e.archetypes.iter().map(|m| m.id.as_ref()).collect();
            match p.archetype {
                Some(id) => {
                    assert_eq!(names.first(), Some(&id), "{}: archetypes {names:?}", p.name)
                }
                None => assert!(names.is_empty(), "{}: archetypes {names:?}", p.name),
            }
            assert_eq!(e.flags, p.flags, "{}: flags", p.name);
            assert_eq!(
                e.fee.model, p.fee,
                "{}: fee model, missing {:?}",
                p.name, e.fee.missing
            );
        }
        assert_eq!(
            client.overall, specialist.overall,
            "{}: mirrored scores differ",
            p.name
        );
    }
}

#[test]
fn the_strongest_archetype_comes_first_with_its_reasons() {
    let e = evaluate(
        bank(),
        Audience::Specialist,
        &with(&[("inv_contact", "conflict"), ("goals_priority", "all")]),
    );
    let top = &e.archetypes[0];
    assert_eq!(top.id, "divided_house");
    assert_eq!(top.reasons.len(), 2);
    assert!(e
        .archetypes
        .windows(2)
        .all(|w| w[0].strength >= w[1].strength));
}

#[test]
fn red_flags_explain_the_verdict() {
    let e = evaluate(
        bank(),
        Audience::Client,
        &with(&[("money_prepay", "never")]),
    );
    assert_eq!(e.score_band, Band::Partner);
    assert_eq!(e.band, Band::HighRisk);
    assert_eq!(e.decided_by, Decider::Flags);
}

#[test]
fn a_blind_dimension_caps_a_partner_at_workable() {
    let e = evaluate(bank(), Audience::Client, &blind_on_data());
    assert!(
        matches!(&e.decided_by, Decider::WeakDimensions(w) if w.len() == 1 && w[0].0 == client_fit::quiz::Dimension::Data),
        "{:?}",
        e.decided_by
    );
    assert_eq!(e.band, Band::Workable);
}

#[test]
fn small_budget_never_lowers_the_verdict_but_sets_package_boundaries() {
    let small = evaluate(
        bank(),
        Audience::Client,
        &with(&[("money_budget", "small")]),
    );
    let large = evaluate(
        bank(),
        Audience::Client,
        &with(&[("money_budget", "large")]),
    );
    assert_eq!((small.overall, small.band), (large.overall, large.band));
    assert!(small.advice.iter().any(|a| a.id == "budget_packages"));
    assert!(!large.advice.iter().any(|a| a.id == "budget_packages"));
}

#[test]
fn advice_is_ordered_by_impact_with_the_heaviest_gap_first() {
    let e = evaluate(
        bank(),
        Audience::Client,
        &with(&[
            ("comm_style", "voice"),
            ("money_prepay", "never"),
            ("data_ltv", "partly"),
        ]),
    );
    let ids: Vec<_> = e.advice.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["money_prepay", "comm_style", "data_ltv"]);
}

#[test]
fn guarantees_checklist_follows_the_answers() {
    let e = evaluate(
        bank(),
        Audience::Specialist,
        &with(&[("prod_audience", "cold")]),
    );
    assert_eq!(e.guarantees, [true, false, true, true]);
}

#[test]
fn temperament_is_optional_and_takes_the_most_frequent() {
    let none = evaluate(bank(), Audience::Specialist, &with(&[]));
    assert!(none.temperament.is_empty());
    let mut a = with(&[]);
    a.insert("temp_upset".into(), "c".into());
    a.insert("temp_decide".into(), "p".into());
    a.insert("temp_first".into(), "c".into());
    let e = evaluate(bank(), Audience::Specialist, &a);
    assert_eq!(e.temperament, [client_fit::quiz::Temperament::Choleric]);
}

#[test]
fn a_percentage_blocked_only_by_the_verdict_says_so() {
    let night = with(&[("comm_reply", "night")]);
    let e = evaluate(bank(), Audience::Client, &night);
    assert_eq!(
        (e.band, e.fee.model),
        (Band::HighRisk, FeeModel::PrepaidFixed)
    );
    assert!(e.fee.missing.is_empty() && e.fee.held_back_by_verdict);
    let partner = evaluate(bank(), Audience::Client, &with(&[]));
    assert!(!partner.fee.held_back_by_verdict);
}
