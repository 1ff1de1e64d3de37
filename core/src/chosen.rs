//! The answers of one quiz resolved against a bank: what every rule reads.

use crate::content::{Bank, Choice, Text};
use crate::ids::{OptionId, QuestionId};

/// Question id → chosen option id. Ids, not indices, so saved answers survive content edits.
pub type Answers = crate::str_map::StrMap<QuestionId, OptionId>;

/// The option chosen for each question of a bank, in the bank's order: every answer is looked up
/// once, and rules reach theirs by the question's index (`at`), not by its id.
pub struct Chosen<'a>(Vec<Option<&'a Choice>>);

impl<'a> Chosen<'a> {
    pub fn new(bank: &'a Bank, answers: &Answers) -> Chosen<'a> {
        Chosen(
            bank.questions
                .iter()
                .map(|q| {
                    answers
                        .get(q.id.as_ref())
                        .and_then(|a| q.choice(a.as_str()))
                })
                .collect(),
        )
    }

    /// The option chosen for the question at `at`, if any.
    pub fn at(&self, at: usize) -> Option<&'a Choice> {
        self.0.get(at).copied().flatten()
    }

    /// Whether the question at `at` is answered with one of `any`.
    pub fn is(&self, at: usize, any: &[Text]) -> bool {
        self.at(at).is_some_and(|c| any.contains(&c.id))
    }
}
