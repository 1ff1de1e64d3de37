//! Helpers shared by the native test files.
#![allow(dead_code)]

use client_fit::quiz::{bank, Answers};

/// Every question answered with its best option (the first scoring 100; the budget: "medium").
pub fn best_answers() -> Answers {
    bank()
        .questions
        .iter()
        .map(|q| {
            let best = if q.scored {
                q.options.iter().find(|c| c.weight == 100)
            } else {
                q.options.iter().find(|c| !c.is_weak())
            };
            (q.id.clone(), best.unwrap_or(&q.options[0]).id.clone())
        })
        .collect()
}

/// The best answers with some replaced; panics on an unknown id so fixtures stay honest.
pub fn with(overrides: &[(&str, &str)]) -> Answers {
    let mut a = best_answers();
    for (q, opt) in overrides {
        let question = bank()
            .question(q)
            .unwrap_or_else(|| panic!("unknown question {q}"));
        assert!(question.choice(opt).is_some(), "{q} has no option {opt}");
        a.insert((*q).to_string(), (*opt).to_string());
    }
    a
}
