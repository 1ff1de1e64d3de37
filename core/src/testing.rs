//! Fixtures for tests, of this crate and of the app (feature `testing`): answer sets built from
//! the English bank, and proptest strategies over them.

use crate::ids::{OptionId, QuestionId};
use crate::{english_bank as bank, Answers, Audience};
use proptest::prelude::*;

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
            (
                QuestionId::from(q.id.as_ref()),
                OptionId::from(best.unwrap_or(&q.options[0]).id.as_ref()),
            )
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
        a.insert((*q).into(), (*opt).into());
    }
    a
}

/// The best answers, except that the client knows nothing about their own numbers: the data
/// dimension is blind, everything else strong.
pub fn blind_on_data() -> Answers {
    with(&[
        ("data_conversion", "no"),
        ("data_costs", "no"),
        ("data_ltv", "no"),
        ("data_decision", "no"),
        ("data_history", "blind"),
    ])
}

/// A random complete answer set: one option index per question (and per temperament question).
pub fn answer_sets() -> impl Strategy<Value = Answers> {
    let b = bank();
    let n = b.questions.len() + b.temperament.len();
    prop::collection::vec(0usize..8, n).prop_map(|picks| {
        let b = bank();
        let mut a = Answers::new();
        for (q, pick) in b.questions.iter().zip(&picks) {
            a.insert(
                q.id.as_ref().into(),
                q.options[pick % q.options.len()].id.as_ref().into(),
            );
        }
        for (t, pick) in b.temperament.iter().zip(&picks[b.questions.len()..]) {
            if pick % 5 != 4 {
                a.insert(
                    t.id.as_ref().into(),
                    t.options[pick % t.options.len()].id.as_ref().into(),
                );
            }
        }
        a
    })
}

pub fn audience() -> impl Strategy<Value = Audience> {
    prop_oneof![Just(Audience::Client), Just(Audience::Specialist)]
}

/// The string literals of a source text that look like message ids (`word.word…`, but not a page
/// such as `desk.html`): what the catalog tests of each page compare with its catalog.
pub fn literal_message_ids(source: &str) -> Vec<String> {
    source
        .split('"')
        .enumerate()
        .filter(|(i, piece)| {
            i % 2 == 1
                && piece.contains('.')
                && !piece.ends_with('.')
                && !piece.ends_with(".html")
                && piece
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_')
        })
        .map(|(_, piece)| piece.to_string())
        .collect()
}
