//! The first message: a client's result and a few numbers become the specific request a
//! specialist wants to receive; a specialist's result becomes a reply draft matching the verdict.
//!
//! Pure: wording comes from the message catalog through `text(id)`, numbers are formatted by the
//! caller's [`NumberStyle`]. A number the client does not know is said to be unknown, never
//! guessed.

use super::content::Band;
use super::evaluate::{Answers, Evaluation};
use super::ids::OptionId;
use super::money::{parse_hundredths, Currency, Money, NumberStyle};

/// What the client typed in the optional step. Every field may be empty (= not known / not said).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Brief {
    /// What the business sells and where.
    pub business: String,
    /// Running or about to open; `None` when not said.
    pub stage: Option<Stage>,
    /// Goal in numbers and time.
    pub goal: String,
    /// Cost per lead in other channels, as typed.
    pub cost_per_lead: String,
    /// Lead-to-sale conversion in percent, as typed.
    pub conversion: String,
    /// Average order, as typed.
    pub avg_order: String,
    /// Monthly budget, as typed.
    pub budget: String,
    /// How long customers take to decide, in the client's words.
    pub decision_time: String,
    /// Who will be the one contact person.
    pub contact: String,
    /// Preferred channel and reply hours.
    pub channel: String,
}

crate::ids::named_set! {
    /// Where the business is.
    pub enum Stage {
        Running = "running",
        /// About to open.
        Opening = "opening",
    }
}

crate::ids::named_set! {
    /// The brief's fields by their stored names, in the order the form shows and storage
    /// writes them.
    pub enum BriefField {
        Business = "business",
        Stage = "stage",
        Goal = "goal",
        CostPerLead = "cost_per_lead",
        Conversion = "conversion",
        AvgOrder = "avg_order",
        Budget = "budget",
        DecisionTime = "decision_time",
        Contact = "contact",
        Channel = "channel",
    }
}

impl BriefField {
    /// The fields that hold an amount of money (typed in the calculator's currency).
    pub fn is_money(self) -> bool {
        matches!(
            self,
            BriefField::CostPerLead | BriefField::AvgOrder | BriefField::Budget
        )
    }
}

impl Brief {
    /// A field as stored: the stage by its name, the rest as typed.
    pub fn get(&self, field: BriefField) -> &str {
        match field {
            BriefField::Stage => self.stage.map_or("", Stage::name),
            BriefField::Business => &self.business,
            BriefField::Goal => &self.goal,
            BriefField::CostPerLead => &self.cost_per_lead,
            BriefField::Conversion => &self.conversion,
            BriefField::AvgOrder => &self.avg_order,
            BriefField::Budget => &self.budget,
            BriefField::DecisionTime => &self.decision_time,
            BriefField::Contact => &self.contact,
            BriefField::Channel => &self.channel,
        }
    }

    /// Sets a field from its stored text, capped at 300 characters; a stage by a name it does
    /// not know is "not said".
    pub fn set(&mut self, field: BriefField, value: &str) {
        if field == BriefField::Stage {
            self.stage = Stage::from_name(value);
        } else if let Some(slot) = self.text_mut(field) {
            *slot = value.chars().take(300).collect();
        }
    }

    fn text_mut(&mut self, field: BriefField) -> Option<&mut String> {
        Some(match field {
            BriefField::Stage => return None,
            BriefField::Business => &mut self.business,
            BriefField::Goal => &mut self.goal,
            BriefField::CostPerLead => &mut self.cost_per_lead,
            BriefField::Conversion => &mut self.conversion,
            BriefField::AvgOrder => &mut self.avg_order,
            BriefField::Budget => &mut self.budget,
            BriefField::DecisionTime => &mut self.decision_time,
            BriefField::Contact => &mut self.contact,
            BriefField::Channel => &mut self.channel,
        })
    }
}

/// A typed amount, if it reads as one (`1 500`, `1,500.50`); anything else counts as unknown.
fn amount(raw: &str) -> Option<Money> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    parse_hundredths(raw).ok().filter(|v| *v >= 0).map(Money)
}

/// A typed percentage (`3`, `2,5`, `2.5 %`), 0–100, formatted in `style` with its sign.
fn percent(raw: &str, style: NumberStyle) -> Option<String> {
    let raw = raw.trim().trim_end_matches('%').trim();
    if raw.is_empty() {
        return None;
    }
    let hundredths = parse_hundredths(raw)
        .ok()
        .filter(|v| (0..=10_000).contains(v))?;
    let (whole, frac) = (hundredths / 100, hundredths % 100);
    let mut out = whole.to_string();
    if frac != 0 {
        out.push(style.decimal);
        let f = format!("{frac:02}");
        out.push_str(f.trim_end_matches('0'));
    }
    out.push_str(style.percent_sign());
    Some(out)
}

/// The catalog text `id` with each `{name}` replaced by its value.
fn fill(text: &dyn Fn(&str) -> String, id: &str, args: &[(&str, &str)]) -> String {
    crate::i18n::fill(text(id), args)
}

/// Composes the client's first message. `text(id)` gives the catalog's wording; `link` is the
/// share link to append, if the client wants it.
pub fn client_message(
    text: &dyn Fn(&str) -> String,
    brief: &Brief,
    answers: &Answers,
    currency: Currency,
    style: NumberStyle,
    link: Option<&str>,
) -> String {
    let fill = |id: &str, args: &[(&str, &str)]| fill(text, id, args);
    let plain = |s: &str| s.trim().to_string();
    let mut parts: Vec<String> = Vec::new();

    // Who we are and what we want.
    let business = plain(&brief.business);
    parts.push(if business.is_empty() {
        text("msg.hello")
    } else {
        fill("msg.hello_business", &[("business", &business)])
    });
    match brief.stage {
        Some(Stage::Running) => parts.push(text("msg.stage.running")),
        Some(Stage::Opening) => parts.push(text("msg.stage.opening")),
        None => {}
    }
    let goal = plain(&brief.goal);
    parts.push(if goal.is_empty() {
        text("msg.goal_unknown")
    } else {
        fill("msg.goal", &[("goal", &goal)])
    });

    // What we know, and what we do not know yet.
    let money = |raw: &str| amount(raw).map(|m| currency.format(m, style));
    let facts: [(&str, Option<String>); 4] = [
        ("msg.fact.cost_per_lead", money(&brief.cost_per_lead)),
        ("msg.fact.conversion", percent(&brief.conversion, style)),
        ("msg.fact.avg_order", money(&brief.avg_order)),
        (
            "msg.fact.decision_time",
            Some(plain(&brief.decision_time)).filter(|s| !s.is_empty()),
        ),
    ];
    let known: Vec<String> = facts
        .iter()
        .filter_map(|(id, v)| {
            v.as_ref()
                .map(|v| format!("- {}", fill(id, &[("value", v)])))
        })
        .collect();
    let unknown: Vec<String> = facts
        .iter()
        .filter(|(_, v)| v.is_none())
        .map(|(id, _)| format!("- {}", fill(id, &[("value", &text("msg.unknown_value"))])))
        .collect();
    if !known.is_empty() {
        parts.push(format!("{}\n{}", text("msg.known"), known.join("\n")));
    }
    if !unknown.is_empty() {
        parts.push(format!(
            "{}\n{}\n{}",
            text("msg.unknown"),
            unknown.join("\n"),
            text("msg.help_is_fine")
        ));
    }

    // Budget and terms.
    parts.push(match money(&brief.budget) {
        Some(b) => fill("msg.budget", &[("budget", &b)]),
        None => text("msg.budget_unknown"),
    });
    let answer = |q: &str| answers.get(q).map(OptionId::as_str);
    let mut terms = Vec::new();
    match answer("money_prepay") {
        Some("full") => terms.push(text("msg.terms.prepay_full")),
        Some("half") => terms.push(text("msg.terms.prepay_half")),
        _ => {}
    }
    match answer("inv_contract") {
        Some("yes") => terms.push(text("msg.terms.contract")),
        Some("simple") => terms.push(text("msg.terms.contract_simple")),
        _ => {}
    }
    if !terms.is_empty() {
        parts.push(terms.join(" "));
    }

    // How to reach us, and the close.
    let contact = plain(&brief.contact);
    let channel = plain(&brief.channel);
    match (contact.is_empty(), channel.is_empty()) {
        (false, false) => parts.push(fill(
            "msg.contact_channel",
            &[("contact", &contact), ("channel", &channel)],
        )),
        (false, true) => parts.push(fill("msg.contact", &[("contact", &contact)])),
        (true, false) => parts.push(fill("msg.channel", &[("channel", &channel)])),
        (true, true) => {}
    }
    parts.push(text("msg.close"));
    if let Some(link) = link {
        parts.push(fill("msg.link", &[("link", link)]));
    }
    parts.join("\n\n")
}

/// The specialist's reply draft for a prospect with this evaluation.
pub fn specialist_reply(text: &dyn Fn(&str) -> String, eval: &Evaluation) -> String {
    let model = text(&format!("fee.short.{}", eval.fee.offer.id()));
    let ids: &[&str] = match eval.band {
        Band::Partner => &[
            "reply.partner.open",
            "reply.partner.steps",
            "reply.partner.fee",
            "reply.close",
        ],
        Band::Workable => &[
            "reply.workable.open",
            "reply.workable.conditions",
            "reply.workable.fee",
            "reply.close",
        ],
        Band::HighRisk => &[
            "reply.high_risk.open",
            "reply.high_risk.offer",
            "reply.high_risk.close",
        ],
    };
    ids.iter()
        .map(|id| fill(text, id, &[("model", &model)]))
        .collect::<Vec<_>>()
        .join("\n\n")
}
