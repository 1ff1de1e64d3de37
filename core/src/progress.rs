//! A quiz in progress: where a person is, what they answered, which screen asks what, and the
//! mirrored side of each quiz.

use crate::content::{Audience, Bank, Question, TemperamentQuestion};
use crate::evaluate::Answers;

/// One quiz's progress: where the person is and what they answered. This is what is saved.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Index of the current screen; equal to the step count once the quiz is finished.
    pub step: usize,
    pub answers: Answers,
}

impl Progress {
    /// Drops answers whose question or option no longer exists and clamps the step to the first
    /// unanswered question, so progress saved by an older build (or edited by hand) can neither
    /// point past the content nor reach a result with answers missing.
    pub fn sanitized(mut self, bank: &Bank, audience: Audience) -> Progress {
        self.answers.retain(|q, a| match bank.question(q.as_str()) {
            Some(question) => question
                .choice(a.as_str())
                .is_some_and(|c| c.offered_to(audience)),
            None => {
                audience == Audience::Specialist
                    && bank
                        .temperament
                        .iter()
                        .any(|t| t.id == q.as_str() && t.options.iter().any(|o| o.id == a.as_str()))
            }
        });
        // A result needs every required answer: resume at the first gap, wherever the step said.
        let first_gap = (0..bank.step_count(audience)).find(|&step| {
            item_at(bank, audience, step)
                .is_some_and(|item| !item.optional() && !self.answers.contains_key(item.id()))
        });
        self.step = self
            .step
            .min(first_gap.unwrap_or(bank.step_count(audience)));
        self
    }

    pub fn finished(&self, bank: &Bank, audience: Audience) -> bool {
        self.step >= bank.step_count(audience)
    }

    /// Answers the current screen's question with `option`, when that screen offers it to this
    /// side; `false` (nothing changed) otherwise.
    pub fn choose(&mut self, bank: &Bank, audience: Audience, option: &str) -> bool {
        let Some(item) = item_at(bank, audience, self.step) else {
            return false;
        };
        let offered = match item {
            StepItem::Pair(q) => q.choice(option).is_some_and(|c| c.offered_to(audience)),
            StepItem::Temperament(t) => t.options.iter().any(|o| o.id == option),
        };
        if offered {
            self.answers.insert(item.id().into(), option.into());
        }
        offered
    }

    /// Moves to the next screen when this one is answered (or may be skipped); `false` otherwise.
    pub fn advance(&mut self, bank: &Bank, audience: Audience) -> bool {
        let ready = item_at(bank, audience, self.step)
            .is_some_and(|item| item.optional() || self.answers.contains_key(item.id()));
        if ready {
            self.step += 1;
        }
        ready
    }
}

/// What one screen of a quiz asks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum StepItem<'a> {
    /// A mirrored pair, answer required.
    Pair(&'a Question),
    /// A question of the optional temperament section (specialists only).
    Temperament(&'a TemperamentQuestion),
}

impl<'a> StepItem<'a> {
    pub fn id(self) -> &'a str {
        match self {
            StepItem::Pair(q) => &q.id,
            StepItem::Temperament(t) => &t.id,
        }
    }

    pub fn optional(self) -> bool {
        matches!(self, StepItem::Temperament(_))
    }
}

pub fn item_at(bank: &Bank, audience: Audience, step: usize) -> Option<StepItem<'_>> {
    match bank.questions.get(step) {
        Some(q) => Some(StepItem::Pair(q)),
        None if audience == Audience::Specialist => bank
            .temperament
            .get(step - bank.questions.len())
            .map(StepItem::Temperament),
        None => None,
    }
}

/// The other side of a mirrored pair.
pub fn mirror(a: Audience) -> Audience {
    match a {
        Audience::Client => Audience::Specialist,
        Audience::Specialist => Audience::Client,
    }
}
