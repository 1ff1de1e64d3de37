//! The message catalog: every UI string by id, so another language is a data file, not code.

use std::collections::BTreeMap;
use std::rc::Rc;

/// `content/messages.en.json`, checked and converted to postcard by build.rs.
static ENGLISH: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/messages.en.postcard"));

/// UI strings of one language, keyed by id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Messages {
    strings: BTreeMap<String, String>,
}

impl Messages {
    /// Parses a catalog file: a flat JSON object of id → text, `{name}` marking a placeholder.
    pub fn parse(json: &str) -> Result<Messages, String> {
        serde_json::from_str(json)
            .map(|strings| Messages { strings })
            .map_err(|e| format!("message catalog: {e}"))
    }

    /// Decodes a catalog that build.rs converted to postcard.
    pub fn decode(bytes: &[u8]) -> Result<Messages, String> {
        postcard::from_bytes(bytes)
            .map(|strings| Messages { strings })
            .map_err(|e| format!("message catalog: {e}"))
    }

    /// The English catalog compiled into the binary.
    pub fn english() -> Rc<Messages> {
        thread_local! {
            static EN: Rc<Messages> = Rc::new(
                // invariant: build.rs parsed this catalog; tests/messages.rs checks every id used.
                Messages::decode(ENGLISH).expect("embedded English catalog decodes"),
            );
        }
        EN.with(Rc::clone)
    }

    /// The text for `id`; the id itself when missing, so a gap is visible but never fatal.
    pub fn t(&self, id: &str) -> String {
        self.strings
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }

    /// The text for `id` with each `{name}` replaced by its value.
    pub fn f(&self, id: &str, args: &[(&str, &str)]) -> String {
        let mut out = self.t(id);
        for (name, value) in args {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }

    pub fn contains(&self, id: &str) -> bool {
        self.strings.contains_key(id)
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.strings.keys().map(String::as_str)
    }
}
