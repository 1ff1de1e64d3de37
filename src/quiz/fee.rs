//! Which way of paying suits this client: a prepaid fixed fee, a fixed minimum plus a KPI bonus,
//! or a pure percentage of sales. The readiness conditions are content (`fee_conditions`).

use super::content::{Audience, Band, Bank};
use super::evaluate::Answers;

/// Readiness conditions that may be missing before a prepaid fixed fee is the only safe advice.
pub const MAX_MISSING_FOR_BONUS: usize = 3;

/// The three fee models the advisor chooses between.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum FeeModel {
    /// Paid before the month starts; the default when data, trust or history are missing.
    PrepaidFixed,
    /// A comfortable fixed minimum plus a bonus on results above an agreed threshold.
    FixedPlusBonus,
    /// A percentage of sales only; needs every readiness condition.
    PurePercentage,
}

impl FeeModel {
    pub fn id(self) -> &'static str {
        match self {
            FeeModel::PrepaidFixed => "prepaid_fixed",
            FeeModel::FixedPlusBonus => "fixed_bonus",
            FeeModel::PurePercentage => "percentage",
        }
    }
}

/// The recommendation, with the conditions that led to it.
#[derive(Clone, Debug, PartialEq)]
pub struct FeeAdvice {
    pub model: FeeModel,
    /// Ids of readiness conditions that hold.
    pub met: Vec<String>,
    /// Ids of readiness conditions that block a pure percentage.
    pub missing: Vec<String>,
    /// Every readiness condition holds, but the verdict is not "partner", so the percentage waits.
    pub held_back_by_verdict: bool,
}

/// Recommends a fee model for answers whose verdict is `band`.
pub fn recommend_fee(bank: &Bank, answers: &Answers, band: Band) -> FeeAdvice {
    let (met, missing): (Vec<_>, Vec<_>) = bank.fee_conditions.iter().partition(|c| {
        answers
            .get(c.q.as_ref())
            .is_some_and(|a| c.any.iter().any(|x| x == a))
    });
    let prepayment_missing = missing.iter().any(|c| c.id == "prepayment");
    let model =
        if band == Band::HighRisk || prepayment_missing || missing.len() > MAX_MISSING_FOR_BONUS {
            FeeModel::PrepaidFixed
        } else if missing.is_empty() && band == Band::Partner {
            FeeModel::PurePercentage
        } else {
            FeeModel::FixedPlusBonus
        };
    let held_back_by_verdict = model != FeeModel::PurePercentage && missing.is_empty();
    FeeAdvice {
        model,
        held_back_by_verdict,
        met: met.into_iter().map(|c| c.id.to_string()).collect(),
        missing: missing.into_iter().map(|c| c.id.to_string()).collect(),
    }
}

/// Message id explaining the model to one audience.
pub fn why_message(model: FeeModel, audience: Audience) -> &'static str {
    match (model, audience) {
        (FeeModel::PrepaidFixed, Audience::Client) => "fee.why.prepaid_fixed.client",
        (FeeModel::PrepaidFixed, Audience::Specialist) => "fee.why.prepaid_fixed.specialist",
        (FeeModel::FixedPlusBonus, Audience::Client) => "fee.why.fixed_bonus.client",
        (FeeModel::FixedPlusBonus, Audience::Specialist) => "fee.why.fixed_bonus.specialist",
        (FeeModel::PurePercentage, Audience::Client) => "fee.why.percentage.client",
        (FeeModel::PurePercentage, Audience::Specialist) => "fee.why.percentage.specialist",
    }
}
