//! The agreement sheet page's state (sheet.html) as plain data and the pure reducer that changes
//! it. The sheet itself and its link are the core's `agreement`; this is what is on screen and
//! what an edit does to it. Whoever holds the link may change the sheet: the page's address
//! follows every change, so the link they send back is their version.

use std::rc::Rc;

use yew::Reducible;

use client_fit::state::Action as QuizAction;
use client_fit_core::agreement::{self, Agreement, SheetField};
use client_fit_core::fee::FeeModel;
use client_fit_core::money::{Plan, PlanInput};
use client_fit_core::Bank;

/// Why the page has no sheet to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoSheet {
    /// Opened without a sheet in its address: it is made from a comparison on the desk.
    Missing,
    /// The link's sheet is damaged, cut off, or made for other questions.
    Unreadable,
}

impl NoSheet {
    pub fn message_id(self) -> &'static str {
        match self {
            NoSheet::Missing => "desk.sheet.missing",
            NoSheet::Unreadable => "desk.notice.sheet_unreadable",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetState {
    pub agreement: Agreement,
    /// The calculator's last valid set-up, drawn while a field is bad.
    pub plan: Option<Plan>,
}

/// The sheet of a page opened with `fragment` (its address after `#`, if any).
pub fn open(bank: &Bank, fragment: &str) -> Result<SheetState, NoSheet> {
    if fragment.trim_start_matches('#').is_empty() {
        return Err(NoSheet::Missing);
    }
    let agreement = agreement::decode(bank, fragment).map_err(|_| NoSheet::Unreadable)?;
    Ok(SheetState::new(agreement))
}

impl SheetState {
    pub fn new(agreement: Agreement) -> SheetState {
        let plan = agreement.plan.validate().ok();
        SheetState { agreement, plan }
    }

    /// The fragment that reproduces this sheet (`a=…`).
    pub fn fragment(&self, bank: &Bank) -> Option<String> {
        agreement::encode(bank, &self.agreement)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum SheetAction {
    Text(SheetField, String),
    Model(FeeModel),
    /// A contract checklist item, by its place in the checklist, agreed or not.
    Agreed(usize, bool),
    /// A calculator edit (the quizzes' calculator sends the quizzes' actions).
    Calc(QuizAction),
}

impl Reducible for SheetState {
    type Action = SheetAction;

    fn reduce(self: Rc<Self>, action: SheetAction) -> Rc<Self> {
        Rc::new(reduce(&self, action))
    }
}

/// The one place the sheet changes: pure, so it is tested natively.
pub fn reduce(state: &SheetState, action: SheetAction) -> SheetState {
    let mut next = state.clone();
    let sheet = &mut next.agreement;
    match action {
        SheetAction::Text(field, text) => sheet.set(field, &text),
        SheetAction::Model(model) => sheet.model = model,
        SheetAction::Agreed(at, agreed) => {
            if let Some(item) = sheet.agreed.get_mut(at) {
                *item = agreed;
            }
        }
        SheetAction::Calc(click) => {
            let plan = &mut sheet.plan;
            match click {
                QuizAction::CalcSet(field, value) => plan.set(field, value),
                QuizAction::CalcThresholdKind(kind) => plan.threshold_kind = kind,
                QuizAction::CalcBonusKind(kind) => plan.bonus_kind = kind,
                QuizAction::CalcMeasure(measure) => plan.measure = measure,
                QuizAction::CalcCurrency(currency) => plan.currency = currency,
                QuizAction::CalcReset => *plan = PlanInput::default(),
                _ => return next,
            }
            if let Ok(valid) = plan.validate() {
                next.plan = Some(valid);
            }
        }
    }
    next
}
