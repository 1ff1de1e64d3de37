//! What the app keeps in the browser's storage, and how it gets it back: the keys, restoring at
//! start-up, setting values aside, starting over. Written against [`KeyValue`], so the rules are
//! tested here with [`Memory`]; the app plugs in `localStorage`.
//!
//! Keys are namespaced (`clientfit.v1.*`) and every value carries its schema version (see
//! `stored`). A value that cannot be read (or is implausibly large) is copied aside to
//! `<key>.unreadable`; one written by a newer version of the app is copied to `<key>.newer` and is
//! *held*: left in place and not written again by this page until "Start over". Copies are never
//! overwritten, and a value is removed only once its copy was written and read back, so nothing a
//! person entered is lost.

use crate::money::PlanInput;
use crate::progress::Progress;
use crate::share::{self, SharedResult};
use crate::stored::{self, Drafts, Unreadable};
use crate::{Audience, Bank};

/// The quiz on screen when the page was left.
pub const SCREEN_KEY: &str = "clientfit.v1.screen";
pub const CALC_KEY: &str = "clientfit.v1.calc";
/// Results opened from links, as a share fragment, so taking the mirrored quiz (and reloading on
/// the way) still ends in the comparison.
pub const OPENED_KEY: &str = "clientfit.v1.opened";
/// The first-message step: the client's numbers and edited drafts.
pub const DRAFTS_KEY: &str = "clientfit.v1.drafts";
/// The language the reader picked in the switcher (a code such as `fi`).
pub const LANG_KEY: &str = "clientfit.v1.lang";
/// Larger than anything this app writes (a first message with long edited drafts is a few KB):
/// such a value is set aside unread.
pub const MAX_STORED_BYTES: usize = 100_000;
/// The session's one-time permission to start over, handed from the crash screen's "Start over"
/// to the page it opens: a link alone can never clear anyone's answers.
pub const RESET_TOKEN_KEY: &str = "clientfit.reset-token";

pub fn progress_key(a: Audience) -> &'static str {
    match a {
        Audience::Client => "clientfit.v1.client",
        Audience::Specialist => "clientfit.v1.specialist",
    }
}

/// Every key this app writes.
pub const ALL_KEYS: [&str; 7] = [
    "clientfit.v1.client",
    "clientfit.v1.specialist",
    SCREEN_KEY,
    CALC_KEY,
    OPENED_KEY,
    DRAFTS_KEY,
    LANG_KEY,
];

/// The browser refused: storage is missing or blocked, or would not take a write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// No storage at all (disabled, blocked, a sandboxed frame).
    Unavailable,
    /// This key could not be read or written (quota exceeded, access revoked).
    Failed,
}

/// A string store: `localStorage` in the app, [`Memory`] in tests.
pub trait KeyValue {
    /// The raw text stored under `key`.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&mut self, key: &str, raw: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
}

/// What the store lets this page do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// No storage: disabled, blocked, or not a browser.
    Missing,
    /// Readable, but a write fails (quota exceeded).
    ReadOnly,
    Writable,
}

/// Tries a write and takes it back.
pub fn probe(store: &mut impl KeyValue) -> Access {
    const PROBE: &str = "clientfit.probe";
    match store.set(PROBE, "1") {
        Ok(()) if store.remove(PROBE).is_ok() => Access::Writable,
        Err(StoreError::Unavailable) => Access::Missing,
        _ => Access::ReadOnly,
    }
}

/// What went wrong while restoring, to tell the person once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trouble {
    /// No storage: progress lives in memory.
    Unavailable,
    /// Something saved could not be read; it was set aside.
    Unreadable,
    /// Something saved was written by a newer version; it is kept and held.
    Newer,
    /// Storage can be read but not written.
    ReadOnly,
}

/// Everything restored at start-up.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Restored {
    pub client: Progress,
    pub specialist: Progress,
    /// The quiz on screen when the page was left.
    pub screen: Option<Audience>,
    pub calc: PlanInput,
    /// Results opened from links earlier.
    pub opened: Vec<SharedResult>,
    pub drafts: Drafts,
    /// The language picked earlier, as saved (checked by whoever uses it).
    pub lang: Option<String>,
    /// Keys this page must not write (see [`Trouble::Newer`], or a value that could not be set
    /// aside), until a start over.
    pub held: Vec<&'static str>,
    pub trouble: Option<Trouble>,
}

/// Reads all saved state; never fails, reporting trouble instead.
pub fn restore(store: &mut impl KeyValue, bank: &Bank) -> Restored {
    let mut r = Restored::default();
    let access = probe(store);
    if access == Access::Missing {
        r.trouble = Some(Trouble::Unavailable);
        return r;
    }
    // Even when writes fail (storage full), what was saved is read: nothing saved is lost.
    let mut reader = Reader {
        store,
        trouble: None,
        held: Vec::new(),
    };
    r.client = reader.read(progress_key(Audience::Client), |t| {
        stored::decode_progress(t, bank, Audience::Client)
    });
    r.specialist = reader.read(progress_key(Audience::Specialist), |t| {
        stored::decode_progress(t, bank, Audience::Specialist)
    });
    r.calc = reader.read(CALC_KEY, stored::decode_plan);
    r.drafts = reader.read(DRAFTS_KEY, stored::decode_drafts);
    r.screen = reader
        .text(SCREEN_KEY)
        .and_then(|raw| Audience::from_id(raw.trim_matches('"')));
    // A link opened before that no longer reads is simply gone: the sender has it.
    r.opened = reader
        .text(OPENED_KEY)
        .and_then(|raw| share::parse_link(bank, stored::unquote(&raw).ok()?).ok())
        .unwrap_or_default();
    r.lang = reader
        .text(LANG_KEY)
        .and_then(|raw| stored::unquote(&raw).ok().map(str::to_string));
    r.held = reader.held;
    r.trouble = reader
        .trouble
        .or((access == Access::ReadOnly).then_some(Trouble::ReadOnly));
    r
}

struct Reader<'s, S: KeyValue> {
    store: &'s mut S,
    trouble: Option<Trouble>,
    held: Vec<&'static str>,
}

impl<S: KeyValue> Reader<'_, S> {
    /// The raw text of `key`, if it can be read and is of a plausible size.
    fn text(&self, key: &str) -> Option<String> {
        self.store
            .get(key)
            .ok()
            .flatten()
            .filter(|raw| raw.len() <= MAX_STORED_BYTES)
    }

    /// One saved value; one that cannot be read is set aside and reported, never fatal. A value
    /// from a newer version is reported as such (it outranks plain damage).
    fn read<T: Default>(
        &mut self,
        key: &'static str,
        decode: impl Fn(&str) -> Result<T, Unreadable>,
    ) -> T {
        let raw = match self.store.get(key) {
            Ok(Some(raw)) => raw,
            Ok(None) => return T::default(),
            Err(_) => {
                self.trouble.get_or_insert(Trouble::Unreadable);
                return T::default();
            }
        };
        let plausible = raw.len() <= MAX_STORED_BYTES;
        let decoded = if plausible {
            stored::unquote(&raw).and_then(&decode)
        } else {
            Err(Unreadable)
        };
        match decoded {
            Ok(v) => v,
            Err(_) if plausible && stored::unquote(&raw).is_ok_and(stored::written_by_newer) => {
                set_aside_as(self.store, key, "newer", &raw);
                // Left in place too: that version finds its data as it left it.
                self.held.push(key);
                self.trouble = Some(Trouble::Newer);
                T::default()
            }
            Err(_) => {
                if !set_aside_as(self.store, key, "unreadable", &raw) {
                    // Nowhere safer to keep it: then this page does not write over it either.
                    self.held.push(key);
                }
                self.trouble.get_or_insert(Trouble::Unreadable);
                T::default()
            }
        }
    }
}

/// Copies `raw` to `<key>.<why>`, or `<key>.<why>.2`, `.3`, … when earlier copies differ: an
/// earlier copy is never overwritten, and an identical one is enough. True once a copy is there,
/// read back; false when the store would not keep one.
pub fn set_aside_as(store: &mut impl KeyValue, key: &str, why: &str, raw: &str) -> bool {
    // No cap that ends in loss: the bound only stops a store that answers nonsense.
    for n in 1..=100_000u32 {
        let name = match n {
            1 => format!("{key}.{why}"),
            n => format!("{key}.{why}.{n}"),
        };
        match store.get(&name) {
            Ok(Some(earlier)) if earlier == raw => return true,
            Ok(Some(_)) => continue,
            Ok(None) => {
                return store.set(&name, raw).is_ok()
                    && store.get(&name).ok().flatten().as_deref() == Some(raw)
            }
            Err(_) => return false,
        }
    }
    false
}

/// A start over could not set every saved value aside (storage full or failing); what could not
/// be copied is still in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotSetAside;

/// Moves every saved value aside (to `<key>.before-reset`, `.2`, … for later ones) so the app can
/// start clean with nothing typed destroyed. A value is removed only after its copy was written
/// and read back; when one cannot be, it stays and the start over is refused. The language choice
/// stays.
pub fn set_all_aside(store: &mut impl KeyValue) -> Result<(), NotSetAside> {
    for key in ALL_KEYS.into_iter().filter(|k| *k != LANG_KEY) {
        if let Ok(Some(raw)) = store.get(key) {
            if !set_aside_as(store, key, "before-reset", &raw) {
                return Err(NotSetAside);
            }
            store.remove(key).map_err(|_| NotSetAside)?;
        }
    }
    Ok(())
}

/// Stores a value in its stored text form (see `stored`), as a JSON string (what earlier
/// versions wrote through gloo-storage; the text needs no escapes inside the quotes).
pub fn save(store: &mut impl KeyValue, key: &str, text: &str) -> Result<(), StoreError> {
    store.set(key, &format!("\"{text}\""))
}

/// An in-memory store: what tests (and a browser without storage, in effect) use. It can be told
/// to refuse writes to keys containing a pattern, as a full storage does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Memory {
    pub entries: std::collections::BTreeMap<String, String>,
    /// Writes to keys containing this fail.
    pub refuse: Option<String>,
    /// No storage at all.
    pub missing: bool,
}

impl KeyValue for Memory {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if self.missing {
            return Err(StoreError::Unavailable);
        }
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, raw: &str) -> Result<(), StoreError> {
        if self.missing {
            return Err(StoreError::Unavailable);
        }
        if self.refuse.as_deref().is_some_and(|r| key.contains(r)) {
            return Err(StoreError::Failed);
        }
        self.entries.insert(key.to_string(), raw.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        if self.missing {
            return Err(StoreError::Unavailable);
        }
        self.entries.remove(key);
        Ok(())
    }
}
