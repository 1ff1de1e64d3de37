//! Properties of the evaluation over random answer sets.

use client_fit_core::fee::{BonusBase, FeeModel};
use client_fit_core::{english_bank as bank, evaluate, Band, Dimension};
use proptest::prelude::*;

use client_fit_core::testing::{answer_sets, audience};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn scores_are_bounded(a in answer_sets(), who in audience()) {
        let e = evaluate(bank(), who, &a);
        prop_assert!(e.overall <= 100);
        prop_assert_eq!(e.dimensions.len() + e.unsure.len(), 8);
        for d in &e.dimensions {
            prop_assert!(d.score <= 100);
        }
        for m in e.archetypes.iter() {
            prop_assert!(m.strength <= 100 && !m.reasons.is_empty());
        }
    }

    /// Answers to questions the bank does not have (an older or damaged link, another
    /// release's storage) change nothing.
    #[test]
    fn answers_to_questions_the_bank_lacks_change_nothing(
        a in answer_sets(), who in audience(), junk in "[a-z_]{1,16}", option in "[a-z_]{1,8}",
    ) {
        prop_assume!(bank().question(&junk).is_none());
        let mut with_junk = a.clone();
        with_junk.insert(junk.as_str().into(), option.as_str().into());
        prop_assert_eq!(evaluate(bank(), who, &a), evaluate(bank(), who, &with_junk));
    }

    #[test]
    fn improving_any_single_answer_never_lowers_the_overall_score(
        a in answer_sets(), who in audience(), q in 0usize..64, x in 0usize..8, y in 0usize..8,
    ) {
        let b = bank();
        let question = &b.questions[q % b.questions.len()];
        // "Don't know yet" is no answer on the scale: it is neither better nor worse.
        let known: Vec<_> = question.options.iter().filter(|c| !c.unknown).collect();
        let (mut lo, mut hi) = (known[x % known.len()], known[y % known.len()]);
        if lo.weight > hi.weight {
            std::mem::swap(&mut lo, &mut hi);
        }
        let mut worse = a.clone();
        worse.insert(question.id.as_ref().into(), lo.id.as_ref().into());
        let mut better = a;
        better.insert(question.id.as_ref().into(), hi.id.as_ref().into());
        let (w, v) = (evaluate(b, who, &worse), evaluate(b, who, &better));
        prop_assert!(v.overall >= w.overall, "{}: {} -> {} lowered {} to {}", question.id, lo.id, hi.id, w.overall, v.overall);
        prop_assert!(v.band >= w.band, "{}: {} -> {} lowered the band {:?} to {:?}", question.id, lo.id, hi.id, w.band, v.band);
    }

    #[test]
    fn no_pattern_to_stop_at_sits_beside_a_better_verdict(a in answer_sets(), who in audience()) {
        let b = bank();
        let e = evaluate(b, who, &a);
        for m in &e.archetypes {
            let archetype = b.archetype(&m.id).unwrap();
            if let Some(cap) = archetype.cap {
                prop_assert!(e.band <= cap, "{} beside {:?}", m.id, e.band);
            }
            if let Some(only) = archetype.only_at {
                prop_assert_eq!(e.band, only, "{} shown", &m.id);
            }
        }
        let capped = e.archetypes.iter().any(|m| b.archetype(&m.id).unwrap().cap.is_some());
        prop_assert!(!(capped && e.archetypes.iter().any(|m| m.id == "partner")));
    }

    #[test]
    fn no_pure_percentage_with_a_money_flag_or_a_bad_payment_history(a in answer_sets(), who in audience()) {
        let b = bank();
        let e = evaluate(b, who, &a);
        let money_flag = e.flags.iter().any(|id| {
            b.flag(id).and_then(|f| b.flag_dimension(f)) == Some(Dimension::Money)
        });
        let paid_on_time = a.get("money_payments").is_some_and(|p| p == "ontime");
        if money_flag || !paid_on_time {
            prop_assert_ne!(e.fee.model(), FeeModel::PurePercentage);
        }
        // Nor for a client who wants a fixed fee, now or as the next step.
        if a.get("money_model").is_some_and(|m| m == "fixed") {
            prop_assert_eq!(e.fee.model(), FeeModel::PrepaidFixed);
            prop_assert_eq!(e.fee.next, None);
        }
    }

    #[test]
    fn no_bonus_on_sales_without_analytics_that_trace_them(a in answer_sets(), who in audience()) {
        let e = evaluate(bank(), who, &a);
        if !e.fee.met.iter().any(|c| c == "analytics") {
            prop_assert_eq!(e.fee.bonus_on, BonusBase::Leads);
        }
        // Nor any percentage without them.
        if e.fee.model() == FeeModel::PurePercentage {
            prop_assert!(e.fee.missing.is_empty() && e.fee.unknown.is_empty());
            prop_assert_eq!(e.band, Band::Partner);
        }
    }

    #[test]
    fn a_hard_red_flag_always_caps_the_band(a in answer_sets(), who in audience(), f in 0usize..32) {
        let b = bank();
        // Flags on answers (a flag on a dimension score is not one answer away).
        let hard: Vec<_> = b
            .flags
            .iter()
            .filter(|f| f.cap == Band::HighRisk && f.when.iter().all(|s| s.q.is_some()))
            .collect();
        let flag = hard[f % hard.len()];
        let mut a = a;
        for s in flag.when.iter() {
            if let Some(q) = &s.q {
                a.insert(q.as_ref().into(), s.any[0].as_ref().into());
            }
        }
        let e = evaluate(b, who, &a);
        prop_assert!(e.flags.iter().any(|f| *f == flag.id));
        prop_assert_eq!(e.band, Band::HighRisk);
    }

    #[test]
    fn the_budget_never_moves_the_verdict(a in answer_sets(), who in audience(), pick in 0usize..3) {
        // A small budget alone never lowers the band: it shapes the offer (a package) instead.
        let b = bank();
        let budget = b.question("money_budget").unwrap();
        let mut other = a.clone();
        other.insert(budget.id.as_ref().into(), budget.options[pick % budget.options.len()].id.as_ref().into());
        let (x, y) = (evaluate(b, who, &a), evaluate(b, who, &other));
        prop_assert_eq!((x.overall, x.band), (y.overall, y.band));
    }
}
