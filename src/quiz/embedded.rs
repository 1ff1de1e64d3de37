//! The content compiled into this binary: the English bank as a `static` that `build.rs` wrote
//! from the validated JSON (nothing to decode at start). Another language's content replaces its
//! wording (`i18n`); `bank()` returns the one on screen.

use std::cell::Cell;

use super::content::Bank;

mod generated {
    use std::borrow::Cow;

    use crate::quiz::content::{
        Advice, AnswerIs, Archetype, Band, Bank, CheckItem, Choice, Combination, Dimension,
        FeeCondition, FeeRules, Flag, Question, RegretExample, Signal, Temperament,
        TemperamentChoice, TemperamentInfo, TemperamentQuestion,
    };

    include!(concat!(env!("OUT_DIR"), "/bank.rs"));
}

/// The English question bank and rules.
pub fn english_bank() -> &'static Bank {
    &generated::ENGLISH
}

thread_local! {
    static SHOWN: Cell<Option<&'static Bank>> = const { Cell::new(None) };
}

/// The question bank in the language on screen (English until another is chosen). Ids, weights
/// and rules are the same in every language; only wording differs.
pub fn bank() -> &'static Bank {
    SHOWN.with(Cell::get).unwrap_or_else(english_bank)
}

/// Shows `bank` from now on (see `i18n::activate`).
pub fn set_bank(bank: &'static Bank) {
    SHOWN.with(|s| s.set(Some(bank)));
}
