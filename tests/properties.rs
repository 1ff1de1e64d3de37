//! Properties of the evaluation over random answer sets.

use client_fit::quiz::{bank, evaluate, Band};
use proptest::prelude::*;

mod common;
use common::{answer_sets, audience};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn scores_are_bounded(a in answer_sets(), who in audience()) {
        let e = evaluate(bank(), who, &a);
        prop_assert!(e.overall <= 100);
        prop_assert_eq!(e.dimensions.len(), 8);
        for d in &e.dimensions {
            prop_assert!(d.score <= 100);
        }
        for m in e.archetypes.iter() {
            prop_assert!(m.strength <= 100 && !m.reasons.is_empty());
        }
    }

    #[test]
    fn evaluation_is_deterministic(a in answer_sets(), who in audience()) {
        prop_assert_eq!(evaluate(bank(), who, &a), evaluate(bank(), who, &a.clone()));
    }

    #[test]
    fn improving_any_single_answer_never_lowers_the_overall_score(
        a in answer_sets(), who in audience(), q in 0usize..64, x in 0usize..8, y in 0usize..8,
    ) {
        let b = bank();
        let question = &b.questions[q % b.questions.len()];
        let (mut lo, mut hi) = (&question.options[x % question.options.len()], &question.options[y % question.options.len()]);
        if lo.weight > hi.weight {
            std::mem::swap(&mut lo, &mut hi);
        }
        let mut worse = a.clone();
        worse.insert(question.id.to_string(), lo.id.to_string());
        let mut better = a;
        better.insert(question.id.to_string(), hi.id.to_string());
        let (w, v) = (evaluate(b, who, &worse), evaluate(b, who, &better));
        prop_assert!(v.overall >= w.overall, "{}: {} -> {} lowered {} to {}", question.id, lo.id, hi.id, w.overall, v.overall);
    }

    #[test]
    fn a_hard_red_flag_always_caps_the_band(a in answer_sets(), who in audience(), f in 0usize..32) {
        let b = bank();
        let hard: Vec<_> = b.flags.iter().filter(|f| f.cap == Band::HighRisk).collect();
        let flag = hard[f % hard.len()];
        let mut a = a;
        for s in flag.when.iter() {
            if let Some(q) = &s.q {
                a.insert(q.to_string(), s.any[0].to_string());
            }
        }
        let e = evaluate(b, who, &a);
        prop_assert!(e.flags.iter().any(|f| *f == flag.id));
        prop_assert_eq!(e.band, Band::HighRisk);
    }

    #[test]
    fn the_budget_never_moves_the_verdict(a in answer_sets(), who in audience(), pick in 0usize..3) {
        let b = bank();
        let budget = b.question("money_budget").unwrap();
        let mut other = a.clone();
        other.insert(budget.id.to_string(), budget.options[pick % budget.options.len()].id.to_string());
        let (x, y) = (evaluate(b, who, &a), evaluate(b, who, &other));
        prop_assert_eq!((x.overall, x.band), (y.overall, y.band));
    }
}
