//! Which way of paying suits this client, in the order the Spanish article gives it: a prepaid fixed
//! fee while data, trust or history are missing; a comfortable fixed minimum plus a KPI bonus for a
//! good prospect at first contact; a pure percentage only as the later step, or at once when the
//! client asks for it and every readiness condition holds. What the advice reads (readiness
//! conditions, the client's own wish, the budget) is content (`fee_conditions`, `fee`).

use super::chosen::Chosen;
use super::content::{Audience, Band, Bank, Flag};

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
    /// Every model, in the order a picker lists them.
    pub const ALL: [FeeModel; 3] = [
        FeeModel::PrepaidFixed,
        FeeModel::FixedPlusBonus,
        FeeModel::PurePercentage,
    ];

    pub fn from_id(id: &str) -> Option<FeeModel> {
        FeeModel::ALL.into_iter().find(|m| m.id() == id)
    }

    pub fn id(self) -> &'static str {
        match self {
            FeeModel::PrepaidFixed => "prepaid_fixed",
            FeeModel::FixedPlusBonus => "fixed_bonus",
            FeeModel::PurePercentage => "percentage",
        }
    }
}

/// The offer made to this client: a fee model and the terms that come with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offer {
    /// High risk: a 100 % prepaid fixed fee for a narrowed service (a standard package, one
    /// channel or the CRM only), or a polite decline.
    Narrowed,
    /// Workable: a prepaid fixed fee, with the conditions to agree before the start.
    Conditions,
    /// A small budget: a prepaid fixed package whose attention grows with what is paid.
    Package,
    /// The client wants a fixed fee: that, prepaid, and never a percentage.
    FixedByChoice,
    /// A good prospect: a comfortable fixed minimum + a KPI bonus, with the review clause.
    MinimumPlusBonus,
    /// A good prospect who asked for it with every condition met: a pure percentage with a
    /// monthly cap and a review date.
    Percentage,
}

impl Offer {
    pub const ALL: [Offer; 6] = [
        Offer::Narrowed,
        Offer::Conditions,
        Offer::Package,
        Offer::FixedByChoice,
        Offer::MinimumPlusBonus,
        Offer::Percentage,
    ];

    /// Stable id, as in message ids (`fee.offer.<id>`) and `data-offer`.
    pub fn id(self) -> &'static str {
        match self {
            Offer::Narrowed => "narrowed",
            Offer::Conditions => "conditions",
            Offer::Package => "package",
            Offer::FixedByChoice => "fixed_by_choice",
            Offer::MinimumPlusBonus => "minimum_bonus",
            Offer::Percentage => "percentage",
        }
    }

    pub fn model(self) -> FeeModel {
        match self {
            Offer::Narrowed | Offer::Conditions | Offer::Package | Offer::FixedByChoice => {
                FeeModel::PrepaidFixed
            }
            Offer::MinimumPlusBonus => FeeModel::FixedPlusBonus,
            Offer::Percentage => FeeModel::PurePercentage,
        }
    }
}

/// What a bonus is counted on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BonusBase {
    /// Sales: analytics trace each sale to its source and someone answers the leads.
    Sales,
    /// A measurable KPI the specialist's work delivers (leads, cost per lead).
    Leads,
}

/// The recommendation, with the conditions that led to it.
#[derive(Clone, Debug, PartialEq)]
pub struct FeeAdvice {
    pub offer: Offer,
    /// What a bonus (now, or in the next step) is counted on.
    pub bonus_on: BonusBase,
    /// The model both sides may move to after the review period, when its conditions hold.
    pub next: Option<FeeModel>,
    /// The client asked for a pure percentage that this offer does not give (yet).
    pub asked_percentage: bool,
    /// For a workable prospect: advice ids of the rules that settle its amber flags.
    pub agree: Vec<String>,
    /// Ids of readiness conditions that hold.
    pub met: Vec<String>,
    /// Ids of readiness conditions that block a pure percentage.
    pub missing: Vec<String>,
    /// Ids of readiness conditions answered "don't know yet".
    pub unknown: Vec<String>,
    /// Every readiness condition holds, but the verdict is not "partner", so the percentage waits.
    pub held_back_by_verdict: bool,
}

impl FeeAdvice {
    pub fn model(&self) -> FeeModel {
        self.offer.model()
    }
}

/// Recommends an offer for the answers `chosen` whose verdict is `band`, with the red flags
/// `raised`.
pub fn recommend_fee(bank: &Bank, chosen: &Chosen, band: Band, raised: &[&Flag]) -> FeeAdvice {
    let (mut met, mut missing, mut unknown) = (Vec::new(), Vec::new(), Vec::new());
    for c in bank.fee_conditions.iter() {
        let slot = if chosen.is(c.at, &c.any) {
            &mut met
        } else if chosen.at(c.at).is_some_and(|o| o.unknown) {
            &mut unknown
        } else {
            &mut missing
        };
        slot.push(c.id.to_string());
    }
    let all_met = missing.is_empty() && unknown.is_empty();
    let rules = &bank.fee;
    let answered = |rule: &super::content::AnswerIs| chosen.is(rule.at, &rule.any);
    let asks_percentage = answered(&rules.asks_percentage);
    let wants_fixed = answered(&rules.wants_fixed);
    let offer = match band {
        Band::HighRisk => Offer::Narrowed,
        Band::Workable => Offer::Conditions,
        Band::Partner if answered(&rules.small_budget) => Offer::Package,
        Band::Partner if wants_fixed => Offer::FixedByChoice,
        Band::Partner if asks_percentage && all_met => Offer::Percentage,
        Band::Partner => Offer::MinimumPlusBonus,
    };
    let bonus_on = if rules
        .sales_bonus_needs
        .iter()
        .all(|id| met.iter().any(|m| m == id))
    {
        BonusBase::Sales
    } else {
        BonusBase::Leads
    };
    // The ladder: prepaid fixed → minimum + bonus → pure percentage, one review at a time; a
    // client who wants a fixed fee stays on it.
    let next = match offer {
        Offer::Conditions if !wants_fixed => Some(FeeModel::FixedPlusBonus),
        Offer::MinimumPlusBonus => Some(FeeModel::PurePercentage),
        _ => None,
    };
    let mut agree: Vec<String> = Vec::new();
    if offer == Offer::Conditions {
        for f in raised.iter().filter(|f| f.cap == Band::Workable) {
            let question = f.when.first().and_then(|s| s.q.as_deref());
            if let Some(q) = question.and_then(|q| bank.question(q)) {
                if !agree.iter().any(|a| a == q.advice_id()) {
                    agree.push(q.advice_id().to_string());
                }
            }
        }
    }
    FeeAdvice {
        offer,
        bonus_on,
        next,
        asked_percentage: asks_percentage && offer != Offer::Percentage,
        agree,
        held_back_by_verdict: all_met && band != Band::Partner,
        met,
        missing,
        unknown,
    }
}

/// Message id explaining the offer to one audience.
pub fn why_message(offer: Offer, audience: Audience) -> String {
    format!("fee.why.{}.{}", offer.id(), audience.id())
}
