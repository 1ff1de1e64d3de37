//! The content compiled into this binary: the English bank as a `static` that `build.rs` wrote
//! from the validated JSON (nothing to decode at start). Another language's content is this bank
//! with its wording replaced (`i18n::Pack`); ids, weights and rules are the same in every language.

use super::content::Bank;

mod generated {
    use std::borrow::Cow;

    use crate::content::{
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
