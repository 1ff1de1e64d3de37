//! The agreement sheet, "What we agree": from a comparison of both sides, the fee model and the
//! calculator scenario both sides see, the KPI and its threshold, the channel and reply windows,
//! the one contact person, the contract checklist with what is agreed ticked, and the questions
//! still open. It travels whole in a link's fragment, so the other side sees the same page and
//! the same numbers; nothing is stored anywhere but in that link.
//!
//! Fragment: `a=` then fields joined by `!`: `a1`, the client's share token, the specialist's,
//! the fee model, the calculator (`stored::encode_plan`), the KPI, channel, reply windows and
//! contact person (percent-encoded, at most [`MAX_FIELD`] characters each), and the agreed
//! checklist items as a string of `0`/`1` in checklist order.

use crate::compare::{compare, Comparison};
use crate::fee::FeeModel;
use crate::money::PlanInput;
use crate::share;
use crate::stored::{decode_plan, encode_plan, percent_decode, percent_encode, Unreadable};
use crate::{Answers, Audience, Bank};

/// Longest text of one field of the sheet: a line or two, not a contract.
pub const MAX_FIELD: usize = 200;
/// The fragment's key: `#a=…`.
pub const FRAGMENT_KEY: &str = "a=";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agreement {
    pub client: Answers,
    pub specialist: Answers,
    pub model: FeeModel,
    pub plan: PlanInput,
    pub kpi: String,
    pub channel: String,
    pub replies: String,
    pub contact: String,
    /// One per item of the bank's contract checklist: agreed or not.
    pub agreed: Vec<bool>,
}

/// A text field of the sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetField {
    Kpi,
    Channel,
    Replies,
    Contact,
}

impl SheetField {
    pub const ALL: [SheetField; 4] = [
        SheetField::Kpi,
        SheetField::Channel,
        SheetField::Replies,
        SheetField::Contact,
    ];

    pub fn name(self) -> &'static str {
        match self {
            SheetField::Kpi => "kpi",
            SheetField::Channel => "channel",
            SheetField::Replies => "replies",
            SheetField::Contact => "contact",
        }
    }
}

impl Agreement {
    /// A sheet to fill in for these two results: the fee model the specialist's result
    /// recommends, nothing agreed yet.
    pub fn new(bank: &Bank, client: Answers, specialist: Answers, plan: PlanInput) -> Agreement {
        let model = crate::evaluate(bank, Audience::Specialist, &specialist)
            .fee
            .model();
        Agreement {
            client,
            specialist,
            model,
            plan,
            kpi: String::new(),
            channel: String::new(),
            replies: String::new(),
            contact: String::new(),
            agreed: vec![false; bank.contract.len()],
        }
    }

    pub fn get(&self, field: SheetField) -> &str {
        match field {
            SheetField::Kpi => &self.kpi,
            SheetField::Channel => &self.channel,
            SheetField::Replies => &self.replies,
            SheetField::Contact => &self.contact,
        }
    }

    /// Sets a text field, cut to [`MAX_FIELD`] characters, control characters as spaces.
    pub fn set(&mut self, field: SheetField, text: &str) {
        let clean: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .take(MAX_FIELD)
            .collect();
        *match field {
            SheetField::Kpi => &mut self.kpi,
            SheetField::Channel => &mut self.channel,
            SheetField::Replies => &mut self.replies,
            SheetField::Contact => &mut self.contact,
        } = clean;
    }

    /// The two sides compared: the open questions are its agenda.
    pub fn comparison(&self, bank: &Bank) -> Comparison {
        compare(bank, &self.client, &self.specialist)
    }
}

/// The sheet as a fragment (`a=…`); `None` when a result cannot be put in a link.
pub fn encode(bank: &Bank, sheet: &Agreement) -> Option<String> {
    let client = share::encode(bank, Audience::Client, &sheet.client)?;
    let specialist = share::encode(bank, Audience::Specialist, &sheet.specialist)?;
    let agreed: String = sheet
        .agreed
        .iter()
        .map(|a| if *a { '1' } else { '0' })
        .collect();
    let texts: Vec<String> = SheetField::ALL
        .iter()
        .map(|f| percent_encode(sheet.get(*f)))
        .collect();
    Some(format!(
        "{FRAGMENT_KEY}a1!{client}!{specialist}!{}!{}!{}!{agreed}",
        sheet.model.id(),
        percent_encode(&encode_plan(&sheet.plan)),
        texts.join("!"),
    ))
}

/// Reads a sheet from a fragment (with or without `#` and `a=`). Anything damaged, or made for
/// other questions, is refused whole: a sheet with a gap would say less than was agreed.
pub fn decode(bank: &Bank, fragment: &str) -> Result<Agreement, Unreadable> {
    let body = fragment.trim_start_matches('#');
    let body = body.strip_prefix(FRAGMENT_KEY).unwrap_or(body);
    if body.len() > 8_000 {
        return Err(Unreadable);
    }
    let parts: Vec<&str> = body.split('!').collect();
    let ["a1", client, specialist, model, plan, kpi, channel, replies, contact, agreed] = parts[..]
    else {
        return Err(Unreadable);
    };
    let reader = share::Reader::new(bank);
    let side = |token: &str, audience: Audience| -> Result<Answers, Unreadable> {
        let result = reader.decode(token).map_err(|_| Unreadable)?;
        (result.audience == audience)
            .then_some(result.answers)
            .ok_or(Unreadable)
    };
    let text = |t: &str| -> Result<String, Unreadable> {
        let text = percent_decode(t)?;
        (text.chars().count() <= MAX_FIELD && !text.chars().any(char::is_control))
            .then_some(text)
            .ok_or(Unreadable)
    };
    if agreed.len() != bank.contract.len() || !agreed.bytes().all(|b| b == b'0' || b == b'1') {
        return Err(Unreadable);
    }
    Ok(Agreement {
        client: side(client, Audience::Client)?,
        specialist: side(specialist, Audience::Specialist)?,
        model: FeeModel::from_id(model).ok_or(Unreadable)?,
        plan: decode_plan(&percent_decode(plan)?)?,
        kpi: text(kpi)?,
        channel: text(channel)?,
        replies: text(replies)?,
        contact: text(contact)?,
        agreed: agreed.bytes().map(|b| b == b'1').collect(),
    })
}
