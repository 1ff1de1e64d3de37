//! The messages an embedded widget sends its host page, as plain data (the platform turns them
//! into `postMessage` objects). Their shape is a public API, documented in the README: add
//! fields, never rename or remove one, and bump [`EVENT_VERSION`] if a meaning changes.
//!
//! They carry what an agency may know (which quiz, how far it has come, the verdict band,
//! dimension scores), never the answers or anything a person typed; the result link only when
//! the person pressed "Send my result".

use crate::{Audience, Evaluation};

/// 2: `start` no longer says whether the quiz was resumed, and `complete` is sent only for a
/// quiz finished in this visit (version 1 also sent it for a result restored from storage).
pub const EVENT_VERSION: u32 = 2;

/// A message from the host page the widget acts on (anything else is ignored).
pub const MEASURE: &str = "client-fit:measure";

/// A JSON-like value, enough for these messages.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Number(u32),
    Object(Vec<(&'static str, Value)>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum HostEvent {
    /// The app has drawn its first screen.
    Ready,
    /// A quiz was opened.
    Start { quiz: Audience },
    /// A quiz was finished in this visit.
    Complete {
        quiz: Audience,
        band: &'static str,
        overall: u8,
        dimensions: Vec<(&'static str, u8)>,
    },
    /// The content's height in CSS pixels, for the loader to size the frame.
    Resize { height: u32 },
    /// A question is on screen: its number (from 1) of the quiz's total, never its answer.
    Progress {
        quiz: Audience,
        question: u32,
        total: u32,
    },
    /// The person pressed "Send my result": the press is their consent to hand over the link.
    Send { quiz: Audience, link: String },
    /// Escape was pressed in the app and nothing in it took the key: the loader closes the popup
    /// or slider holding it, as Escape does with focus outside the frame.
    Escape,
}

impl HostEvent {
    pub fn complete(e: &Evaluation) -> HostEvent {
        HostEvent::Complete {
            quiz: e.audience,
            band: e.band.id(),
            overall: e.overall,
            dimensions: e.dimensions.iter().map(|d| (d.dim.id(), d.score)).collect(),
        }
    }

    /// The message's type, always under `client-fit:` (the loader passes on nothing else).
    pub fn kind(&self) -> &'static str {
        match self {
            HostEvent::Ready => "client-fit:ready",
            HostEvent::Start { .. } => "client-fit:start",
            HostEvent::Complete { .. } => "client-fit:complete",
            HostEvent::Resize { .. } => "client-fit:resize",
            HostEvent::Progress { .. } => "client-fit:progress",
            HostEvent::Send { .. } => "client-fit:send",
            HostEvent::Escape => "client-fit:escape",
        }
    }

    /// The message object: `type`, `version`, then the event's own fields.
    pub fn to_value(&self) -> Value {
        let mut fields = vec![
            ("type", Value::Text(self.kind().into())),
            ("version", Value::Number(EVENT_VERSION)),
        ];
        match self {
            HostEvent::Ready | HostEvent::Escape => {}
            HostEvent::Start { quiz } => fields.push(("quiz", Value::Text(quiz.id().into()))),
            HostEvent::Progress {
                quiz,
                question,
                total,
            } => {
                fields.push(("quiz", Value::Text(quiz.id().into())));
                fields.push(("question", Value::Number(*question)));
                fields.push(("total", Value::Number(*total)));
            }
            HostEvent::Send { quiz, link } => {
                fields.push(("quiz", Value::Text(quiz.id().into())));
                fields.push(("link", Value::Text(link.clone())));
            }
            HostEvent::Complete {
                quiz,
                band,
                overall,
                dimensions,
            } => {
                fields.push(("quiz", Value::Text(quiz.id().into())));
                fields.push(("band", Value::Text((*band).into())));
                fields.push(("overall", Value::Number(u32::from(*overall))));
                let dims = dimensions
                    .iter()
                    .map(|(d, s)| (*d, Value::Number(u32::from(*s))))
                    .collect();
                fields.push(("dimensions", Value::Object(dims)));
            }
            HostEvent::Resize { height } => fields.push(("height", Value::Number(*height))),
        }
        Value::Object(fields)
    }
}
