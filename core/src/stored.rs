//! The text form of saved progress and calculator inputs.
//!
//! A small line format instead of JSON: these values are flat, and a line format needs no
//! deserializer in the app (docs/performance.md has what one cost). Every part is percent-encoded, so a
//! value contains only `[A-Za-z0-9_.~-]`, `%`, `;`, `=` and `&`, which also makes it a JSON string
//! with no escapes: storage keeps it as `"…"` and [`unquote`] reads that back.
//!
//! Each value starts with its schema version (`p2;`, `c1;`, `b1;`). An older version is migrated
//! on reading; a newer one ([`written_by_newer`]) is left for the caller to set aside.
//!
//! - progress: `p2;<question on screen, or ~done>;<question>=<option>&…` (v1 stored the screen's
//!   index, `p1;<step>;…`, which pointed elsewhere once content gained or reordered questions)
//! - calculator: `c1;<field>=<text>&…` (unknown fields ignored, missing ones default, so values
//!   saved before the bonus on leads existed read as a bonus on sales)

use crate::first_message::{Brief, BriefField};
use crate::money::{Field, PlanInput};
use crate::progress::{item_at, Progress};
use crate::{Answers, Audience, Bank};

/// The schema each value is written in now.
pub const PROGRESS_VERSION: u32 = 2;
pub const PLAN_VERSION: u32 = 1;
pub const DRAFTS_VERSION: u32 = 1;
/// The desk's index and its prospect entries (`desk_saved`).
pub const DESK_INDEX_VERSION: u32 = 1;
pub const PROSPECT_VERSION: u32 = 2;

/// Where a finished quiz's progress points.
const DONE: &str = "~done";

/// The stored text is not something this app wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unreadable;

pub fn encode_progress(p: &Progress, bank: &Bank, audience: Audience) -> String {
    let answers = encode_answers(&p.answers);
    let at = item_at(bank, audience, p.step).map_or(DONE, |item| item.id());
    format!("p2;{};{answers}", percent_encode(at))
}

/// Reads progress of any version this build knows; the step is found by question id (v2) or
/// taken as the index it was (v1). A question that no longer exists resumes at the first gap.
pub fn decode_progress(
    text: &str,
    bank: &Bank,
    audience: Audience,
) -> Result<Progress, Unreadable> {
    let (version, rest) = text.split_once(';').ok_or(Unreadable)?;
    let (at, answer_text) = rest.split_once(';').ok_or(Unreadable)?;
    let steps = bank.step_count(audience);
    let step = match version {
        "p1" => at.parse::<usize>().map_err(|_| Unreadable)?,
        "p2" => {
            let id = percent_decode(at)?;
            (0..steps)
                .find(|&s| item_at(bank, audience, s).is_some_and(|item| item.id() == id))
                .unwrap_or(steps)
        }
        _ => return Err(Unreadable),
    };
    Ok(Progress {
        step,
        answers: decode_answers(answer_text)?,
    })
}

/// `question=option&…`, each id percent-encoded.
pub fn encode_answers(answers: &Answers) -> String {
    answers
        .iter()
        .map(|(q, a)| {
            format!(
                "{}={}",
                percent_encode(q.as_str()),
                percent_encode(a.as_str())
            )
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// What [`encode_answers`] wrote.
pub fn decode_answers(text: &str) -> Result<Answers, Unreadable> {
    let mut answers = Answers::new();
    for (q, a) in pairs(text)? {
        answers.insert(q.into(), a.into());
    }
    Ok(answers)
}

/// The text was written by a later version of this app: a schema this build cannot read, which
/// must be kept rather than overwritten.
pub fn written_by_newer(text: &str) -> bool {
    let head = text.split(';').next().unwrap_or_default();
    let current = match head.get(..1) {
        Some("p") => PROGRESS_VERSION,
        Some("c") => PLAN_VERSION,
        Some("b") => DRAFTS_VERSION,
        _ => return false,
    };
    head.get(1..)
        .and_then(|n| n.parse::<u32>().ok())
        .is_some_and(|n| n > current)
}

pub fn encode_plan(p: &PlanInput) -> String {
    let fields = Field::ALL
        .iter()
        .map(|&f| format!("{}={}", f.name(), percent_encode(p.get(f))))
        .collect::<Vec<_>>()
        .join("&");
    format!("c1;{fields}")
}

pub fn decode_plan(text: &str) -> Result<PlanInput, Unreadable> {
    let body = text.strip_prefix("c1;").ok_or(Unreadable)?;
    let mut p = PlanInput::default();
    for (name, value) in pairs(body)? {
        // Unknown fields (from a later version) are ignored.
        if let Some(field) = Field::from_name(&name) {
            p.set(field, value);
        }
    }
    Ok(p)
}

/// `a=b&c=d` → [(a, b), (c, d)], each side percent-decoded.
fn pairs(text: &str) -> Result<Vec<(String, String)>, Unreadable> {
    text.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').ok_or(Unreadable)?;
            Ok((percent_decode(k)?, percent_decode(v)?))
        })
        .collect()
}

/// Percent-encodes everything but the unreserved `[A-Za-z0-9_.~-]` (RFC 3986): stored values,
/// the desk's texts and the query values of the links the app writes.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'~' | b'-') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The strict inverse of [`percent_encode`]: a broken `%` escape or bytes that are not UTF-8 are
/// unreadable. (A form's query, where `+` is a space, is read by `config::form_decode`.)
pub fn percent_decode(s: &str) -> Result<String, Unreadable> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = s.get(i + 1..i + 3).ok_or(Unreadable)?;
                out.push(u8::from_str_radix(hex, 16).map_err(|_| Unreadable)?);
                i += 3;
            }
            b if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'~' | b'-') => {
                out.push(b);
                i += 1;
            }
            _ => return Err(Unreadable),
        }
    }
    String::from_utf8(out).map_err(|_| Unreadable)
}

/// The text inside a stored JSON string that needs no escapes (what storage wrote for an
/// encoded value); anything else is unreadable.
pub fn unquote(raw: &str) -> Result<&str, Unreadable> {
    let inner = raw
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .ok_or(Unreadable)?;
    if inner.contains(['"', '\\']) {
        return Err(Unreadable);
    }
    Ok(inner)
}

/// The first-message step as saved: the brief and the edited drafts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drafts {
    pub brief: Brief,
    /// Append the share link to the message.
    pub link: bool,
    pub message: Option<String>,
    pub reply: Option<String>,
}

impl Default for Drafts {
    fn default() -> Self {
        Drafts {
            brief: Brief::default(),
            link: true,
            message: None,
            reply: None,
        }
    }
}

/// `b1;<field>=<text>&…&~link=0|1[&~message=…][&~reply=…]`; empty fields are left out.
pub fn encode_drafts(d: &Drafts) -> String {
    let mut parts: Vec<String> = BriefField::ALL
        .iter()
        .filter(|&&f| !d.brief.get(f).is_empty())
        .map(|&f| format!("{}={}", f.name(), percent_encode(d.brief.get(f))))
        .collect();
    parts.push(format!("~link={}", u8::from(d.link)));
    if let Some(m) = &d.message {
        parts.push(format!("~message={}", percent_encode(m)));
    }
    if let Some(r) = &d.reply {
        parts.push(format!("~reply={}", percent_encode(r)));
    }
    format!("b1;{}", parts.join("&"))
}

/// What [`encode_drafts`] wrote. Unknown fields are ignored.
pub fn decode_drafts(text: &str) -> Result<Drafts, Unreadable> {
    let body = text.strip_prefix("b1;").ok_or(Unreadable)?;
    let mut d = Drafts::default();
    for (name, value) in pairs(body)? {
        match name.as_str() {
            "~link" => d.link = value != "0",
            "~message" => d.message = Some(value),
            "~reply" => d.reply = Some(value),
            field => {
                if let Some(field) = BriefField::from_name(field) {
                    d.brief.set(field, &value);
                }
            }
        }
    }
    Ok(d)
}
