//! Personas taken from situations the source articles describe, each with the article it comes
//! from (`../shared/seeds/`: 000 the Russian SMM agency on bad clients, 001 the Russian talk on
//! account management, 002 the Spanish guide to working with an SMM specialist, 003 the Finnish
//! agency blacklist, 004 the Russian piece on small clients). The mirrored quizzes must agree:
//! the same facts give the same verdict, archetypes and offer from either side; a specialist's
//! "don't know yet" persona exists on that side only.

use client_fit_core::evaluate::{Decider, Evaluation};
use client_fit_core::fee::{BonusBase, FeeModel, Offer};
use client_fit_core::testing::{blind_on_data, with};
use client_fit_core::{english_bank as bank, evaluate, Answers, Audience, Band, Dimension};

struct Persona {
    name: &'static str,
    /// Why an experienced agency owner would judge it so, and where the article says it.
    source: &'static str,
    answers: Answers,
    /// Both quizzes, or the specialist's only (for "don't know yet").
    sides: &'static [Audience],
    band: Band,
    decided: Decided,
    /// Every archetype that matches, strongest first.
    archetypes: &'static [&'static str],
    flags: &'static [&'static str],
    offer: Offer,
    /// What the bonus is counted on, for the offers that have one now or next.
    bonus_on: Option<BonusBase>,
    /// Questions under "Ask before you sign".
    ask: &'static [&'static str],
}

/// What decided the band, without the details the evaluation carries.
#[derive(Debug, PartialEq)]
enum Decided {
    Score,
    Flags,
    Combination(&'static str),
    Archetype(&'static str),
    WeakDimensions,
}

fn decided(e: &Evaluation) -> Decided {
    match &e.decided_by {
        Decider::Score => Decided::Score,
        Decider::Flags => Decided::Flags,
        Decider::Combination(id) => Decided::Combination(leak(id)),
        Decider::Archetype(id) => Decided::Archetype(leak(id)),
        Decider::WeakDimensions(_) => Decided::WeakDimensions,
    }
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

const BOTH: &[Audience] = &[Audience::Client, Audience::Specialist];
const SPECIALIST: &[Audience] = &[Audience::Specialist];

fn personas() -> Vec<Persona> {
    vec![
        Persona {
            name: "owner who knows the numbers, prepays and proposes a minimum + bonus",
            source: "002: the compromise at first contact is a comfortable minimum + a KPI bonus; a percentage may follow once both are satisfied",
            answers: with(&[("money_model", "bonus")]),
            sides: BOTH,
            band: Band::Partner,
            decided: Decided::Score,
            archetypes: &["partner"],
            flags: &[],
            offer: Offer::MinimumPlusBonus,
            bonus_on: Some(BonusBase::Sales),
            ask: &[],
        },
        Persona {
            name: "the same owner asking to pay a pure percentage, every condition met",
            source: "002: a percentage works when the specialist is 90 % sure: trust, every process and figure open, analytics that show what was earned; the regret grows with success, so cap it",
            answers: with(&[("money_model", "percent")]),
            sides: BOTH,
            band: Band::Partner,
            decided: Decided::Score,
            archetypes: &["partner"],
            flags: &[],
            offer: Offer::Percentage,
            bonus_on: None,
            ask: &[],
        },
        Persona {
            name: "model client who wants a fixed monthly fee",
            source: "002: the prepaid fixed fee is the plain default; the client's own choice of it is respected, nobody pushes a percentage",
            answers: with(&[("money_model", "fixed")]),
            sides: BOTH,
            band: Band::Partner,
            decided: Decided::Score,
            archetypes: &["partner"],
            flags: &[],
            offer: Offer::FixedByChoice,
            bonus_on: None,
            ask: &[],
        },
        Persona {
            name: "owner who can't set KPIs yet and asks to be taught, proposes a minimum + bonus",
            source: "000: \"I don't know how to set KPIs, help me\" is a good sign, not a muddy one",
            answers: with(&[("goals_numbers", "learn"), ("money_model", "bonus")]),
            sides: BOTH,
            band: Band::Partner,
            decided: Decided::Score,
            archetypes: &["partner"],
            flags: &[],
            offer: Offer::MinimumPlusBonus,
            bonus_on: Some(BonusBase::Sales),
            ask: &[],
        },
        Persona {
            name: "good prospect whose conversion is known only roughly, no CRM",
            source: "002: without analytics that show which sales the work brought, nobody can count a bonus on sales; count it on leads",
            answers: with(&[("data_conversion", "rough"), ("money_model", "bonus")]),
            sides: BOTH,
            band: Band::Partner,
            decided: Decided::Score,
            archetypes: &["partner"],
            flags: &[],
            offer: Offer::MinimumPlusBonus,
            bonus_on: Some(BonusBase::Leads),
            ask: &[],
        },
        Persona {
            name: "small shop with a small budget, otherwise a model client",
            source: "004: keep small clients, sell them a package whose attention grows with what they pay",
            answers: with(&[("money_budget", "small"), ("money_model", "bonus")]),
            sides: BOTH,
            band: Band::Partner,
            decided: Decided::Score,
            archetypes: &["partner"],
            flags: &[],
            offer: Offer::Package,
            bonus_on: None,
            ask: &[],
        },
        Persona {
            name: "about to open a perfume store, heard Instagram works",
            source: "002: no business yet, no numbers, a guarantee expected: too much unknown for any bet on results",
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
            sides: BOTH,
            band: Band::HighRisk,
            decided: Decided::WeakDimensions,
            archetypes: &["muddy"],
            flags: &[],
            offer: Offer::Narrowed,
            bonus_on: None,
            ask: &[],
        },
        Persona {
            name: "drum school offering a percentage per student, no prepayment",
            source: "002: pay-per-student without analytics puts all the risk on the specialist",
            answers: with(&[
                ("money_model", "percent"),
                ("money_prepay", "never"),
                ("data_conversion", "no"),
                ("data_history", "blind"),
            ]),
            sides: BOTH,
            band: Band::HighRisk,
            decided: Decided::Flags,
            archetypes: &["no_pay_for_air"],
            flags: &["no_prepay", "blind_percentage"],
            offer: Offer::Narrowed,
            bonus_on: None,
            ask: &[],
        },
        Persona {
            name: "wants to pay only after the first results",
            source: "003: \"won't pay for air\" is an alarm bell: the agency carries all the risk",
            answers: with(&[("money_prepay", "after")]),
            sides: BOTH,
            band: Band::HighRisk,
            decided: Decided::Flags,
            archetypes: &["no_pay_for_air"],
            flags: &["pay_after"],
            offer: Offer::Narrowed,
            bonus_on: None,
            ask: &[],
        },
        Persona {
            name: "eternal debtor who pays a part each month",
            source: "003: eternal debtors pay a little and promise the rest; better to end the relationship",
            answers: with(&[("money_payments", "parts"), ("money_prepay", "half")]),
            sides: BOTH,
            band: Band::HighRisk,
            decided: Decided::Flags,
            archetypes: &["eternal_debtor"],
            flags: &["debtor"],
            offer: Offer::Narrowed,
            bonus_on: None,
            ask: &[],
        },
        Persona {
            name: "haggles hard, then pays after reminders",
            source: "000: discount-seekers tend to pay late; two money warnings together are not one fixable clause",
            answers: with(&[
                ("money_discount", "hard"),
                ("money_payments", "reminders"),
                ("trust_role", "vendor"),
            ]),
            sides: BOTH,
            band: Band::HighRisk,
            decided: Decided::Combination("money_warnings"),
            archetypes: &["penny_pincher"],
            flags: &["late_payer", "price_first"],
            offer: Offer::Narrowed,
            bonus_on: None,
            ask: &[],
        },
        Persona {
            name: "three partners all commenting in the group chat",
            source: "000 and 003: many voices with different opinions; insist on one contact person",
            answers: with(&[
                ("inv_contact", "chat"),
                ("goals_priority", "all"),
                ("comm_style", "voice"),
                ("inv_feedback", "partly"),
            ]),
            sides: BOTH,
            band: Band::Workable,
            decided: Decided::Flags,
            archetypes: &["divided_house"],
            flags: &["many_bosses"],
            offer: Offer::Conditions,
            bonus_on: None,
            ask: &[],
        },
        Persona {
            name: "two department heads fighting through the project",
            source: "003: \"ambitious goals\", rivals in one company; if one responsible person can't be had, wash your hands",
            answers: with(&[("inv_contact", "conflict"), ("goals_priority", "all")]),
            sides: BOTH,
            band: Band::HighRisk,
            decided: Decided::Flags,
            archetypes: &["divided_house"],
            flags: &["departments_conflict"],
            offer: Offer::Narrowed,
            bonus_on: None,
            ask: &[],
        },
        Persona {
            name: "writes at night and expects an answer, otherwise calm",
            source: "000 and 002: night messages are settled by a reply window in the contract (2 hours, Mon–Fri)",
            answers: with(&[
                ("comm_reply", "night"),
                ("comm_tone", "upset"),
                ("money_model", "bonus"),
            ]),
            sides: BOTH,
            band: Band::Workable,
            decided: Decided::Flags,
            archetypes: &[],
            flags: &["always_on"],
            offer: Offer::Conditions,
            bonus_on: Some(BonusBase::Sales),
            ask: &[],
        },
        Persona {
            name: "messages at night, then a reprimand: the client is always right",
            source: "000: the commanding tone with night messages and a morning reprimand is a client to decline",
            answers: with(&[("comm_reply", "night"), ("comm_tone", "command")]),
            sides: BOTH,
            band: Band::HighRisk,
            decided: Decided::Flags,
            archetypes: &[],
            flags: &["night_orders", "commanding", "always_on"],
            offer: Offer::Narrowed,
            bonus_on: None,
            ask: &[],
        },
        Persona {
            name: "conservative: do what my last optimiser did, although it failed",
            source: "003: the conservative wants the old method that brought nothing; agree in writing what changes",
            answers: with(&[
                ("trust_methods", "failed"),
                ("trust_proof", "more"),
                ("exp_prior", "some"),
            ]),
            sides: BOTH,
            band: Band::Workable,
            decided: Decided::Flags,
            archetypes: &["conservative"],
            flags: &["repeat_failure"],
            offer: Offer::Conditions,
            bonus_on: None,
            ask: &[],
        },
        Persona {
            name: "product weaker than its claims",
            source: "003: cognitive dissonance, promoting a product that isn't what it says, is near hopeless",
            answers: with(&[("prod_quality", "gap")]),
            sides: BOTH,
            band: Band::HighRisk,
            decided: Decided::Flags,
            archetypes: &["cognitive_dissonance"],
            flags: &["claims_gap"],
            offer: Offer::Narrowed,
            bonus_on: None,
            ask: &[],
        },
        Persona {
            name: "hides the numbers, nobody answers leads, and every extra is owed",
            source: "000, 002 and 003: each warning alone is a contract clause; three at once outweigh any contract",
            answers: with(&[
                ("data_conversion", "hide"),
                ("prod_sales", "none"),
                ("trust_role", "owes"),
            ]),
            sides: BOTH,
            band: Band::HighRisk,
            decided: Decided::Combination("warnings_add_up"),
            archetypes: &[],
            flags: &["hidden_numbers", "owes_everything", "no_sales_team"],
            offer: Offer::Narrowed,
            bonus_on: None,
            ask: &[],
        },
        Persona {
            name: "muddy goals with a guarantee expected, the rest in order",
            source: "003: a muddy client ends with \"I expected something else\"; workable at best, with the goal fixed in writing",
            answers: with(&[("goals_numbers", "vague"), ("exp_guarantee", "guarantee")]),
            sides: BOTH,
            band: Band::Workable,
            decided: Decided::Archetype("muddy"),
            archetypes: &["muddy"],
            flags: &[],
            offer: Offer::Conditions,
            bonus_on: None,
            ask: &[],
        },
        Persona {
            name: "first call went well; payments, product and lead handling not known yet",
            source: "001: learn the client's past experience before you promise; ask how earlier contractors were paid and who answers leads",
            answers: with(&[
                ("money_payments", "unknown"),
                ("prod_quality", "unknown"),
                ("prod_sales", "unknown"),
                ("money_model", "bonus"),
            ]),
            sides: SPECIALIST,
            band: Band::Partner,
            decided: Decided::Score,
            archetypes: &[],
            flags: &[],
            offer: Offer::MinimumPlusBonus,
            bonus_on: Some(BonusBase::Leads),
            ask: &["money_payments", "prod_quality", "prod_sales"],
        },
    ]
}

#[test]
fn every_persona_gets_the_expected_verdict_archetypes_and_offer() {
    for p in personas() {
        assert!(p.source.len() > 20, "{}: say where it comes from", p.name);
        let evals: Vec<Evaluation> = p
            .sides
            .iter()
            .map(|a| evaluate(bank(), *a, &p.answers))
            .collect();
        for e in &evals {
            let side = e.audience.id();
            assert_eq!(
                e.band, p.band,
                "{} ({side}): band (overall {}, {:?})",
                p.name, e.overall, e.decided_by
            );
            assert_eq!(decided(e), p.decided, "{} ({side}): decided", p.name);
            let names: Vec<_> = e.archetypes.iter().map(|m| m.id.as_str()).collect();
            assert_eq!(names, p.archetypes, "{} ({side}): archetypes", p.name);
            assert_eq!(e.flags, p.flags, "{} ({side}): flags", p.name);
            assert_eq!(
                e.fee.offer, p.offer,
                "{} ({side}): offer, missing {:?}",
                p.name, e.fee.missing
            );
            let has_bonus = e.fee.model() == FeeModel::FixedPlusBonus
                || e.fee.next == Some(FeeModel::FixedPlusBonus);
            if let Some(base) = p.bonus_on {
                assert!(has_bonus, "{} ({side}): a bonus now or next", p.name);
                assert_eq!(e.fee.bonus_on, base, "{} ({side}): bonus on", p.name);
            }
            assert_eq!(e.ask, p.ask, "{} ({side}): ask before signing", p.name);
        }
        if let [client, specialist] = &evals[..] {
            assert_eq!(
                client.overall, specialist.overall,
                "{}: mirrored scores differ",
                p.name
            );
        }
    }
}

#[test]
fn the_personas_cover_every_archetype_offer_side_and_unknown() {
    let all = personas();
    assert!(all.len() >= 12);
    for a in bank().archetypes.iter() {
        assert!(
            all.iter().any(|p| p.archetypes.contains(&a.id.as_ref())),
            "no persona shows {}",
            a.id
        );
    }
    for o in Offer::ALL {
        assert!(all.iter().any(|p| p.offer == o), "no persona gets {o:?}");
    }
    for base in [BonusBase::Sales, BonusBase::Leads] {
        assert!(all.iter().any(|p| p.bonus_on == Some(base)));
    }
    assert!(all
        .iter()
        .any(|p| p.sides == SPECIALIST && !p.ask.is_empty()));
    for d in [
        Decided::Score,
        Decided::Flags,
        Decided::Combination("money_warnings"),
        Decided::Combination("warnings_add_up"),
        Decided::Archetype("muddy"),
    ] {
        assert!(
            all.iter().any(|p| p.decided == d),
            "no persona decided by {d:?}"
        );
    }
}

#[test]
fn too_little_known_leaves_a_dimension_unscored_and_out_of_the_overall() {
    let a = with(&[("prod_quality", "unknown"), ("prod_sales", "unknown")]);
    let e = evaluate(bank(), Audience::Specialist, &a);
    assert_eq!(e.unsure, [Dimension::Product]);
    assert!(e.dimensions.iter().all(|d| d.dim != Dimension::Product));
    assert_eq!(e.ask, ["prod_quality", "prod_sales"]);
    // One unknown of several in a dimension: scored from what is known.
    let one = evaluate(
        bank(),
        Audience::Specialist,
        &with(&[("prod_quality", "unknown")]),
    );
    assert!(one.unsure.is_empty());
    let product = one.dimensions.iter().find(|d| d.dim == Dimension::Product);
    assert_eq!(product.map(|d| d.score), Some(100));
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
        matches!(&e.decided_by, Decider::WeakDimensions(w) if w.len() == 1 && w[0].0 == client_fit_core::Dimension::Data),
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
    assert_eq!(e.temperament, [client_fit_core::Temperament::Choleric]);
}

#[test]
fn a_percentage_blocked_only_by_the_verdict_says_so() {
    let night = with(&[("comm_reply", "night"), ("comm_tone", "command")]);
    let e = evaluate(bank(), Audience::Client, &night);
    assert_eq!(
        (e.band, e.fee.model()),
        (Band::HighRisk, FeeModel::PrepaidFixed)
    );
    assert!(e.fee.missing.is_empty() && e.fee.held_back_by_verdict);
    let partner = evaluate(bank(), Audience::Client, &with(&[]));
    assert!(!partner.fee.held_back_by_verdict);
}
