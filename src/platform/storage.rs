//! Saving and restoring progress in localStorage.
//!
//! Keys are namespaced (`clientfit.v1.*`) and every value carries its schema version (see
//! `codec`). A value that cannot be read is copied aside to `<key>.unreadable`; one written by a
//! newer version of the app is copied to `<key>.newer` and its key is not written again by this
//! page until "Start over". Copies are never overwritten, so nothing a person entered is lost.

use super::codec::{self, Unreadable};

use crate::quiz::money::PlanInput;
use crate::quiz::share::{self, SharedResult};
use crate::quiz::{bank, Audience};
use crate::ui::state::{Notice, Progress, Screen};

pub const SCREEN_KEY: &str = "clientfit.v1.screen";
pub const CALC_KEY: &str = "clientfit.v1.calc";
/// Results opened from links, as a share fragment, so taking the mirrored quiz (and reloading on
/// the way) still ends in the comparison.
pub const OPENED_KEY: &str = "clientfit.v1.opened";
/// The first-message step: the client's numbers and edited drafts.
pub const DRAFTS_KEY: &str = "clientfit.v1.drafts";
/// The language the reader picked in the switcher (a code such as `fi`).
pub const LANG_KEY: &str = "clientfit.v1.lang";

pub fn progress_key(a: Audience) -> &'static str {
    match a {
        Audience::Client => "clientfit.v1.client",
        Audience::Specialist => "clientfit.v1.specialist",
    }
}

/// Why storage could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// localStorage is missing, disabled or blocked.
    Unavailable,
    /// The stored value is not what this app wrote.
    Unreadable,
    /// The browser refused the write (quota exceeded, or access revoked).
    WriteFailed,
}

/// What the browser lets this page do with localStorage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// No storage: disabled, blocked, or not a browser.
    Missing,
    /// Readable, but a write fails (quota exceeded).
    ReadOnly,
    Writable,
}

/// Everything restored at start-up, with the first problem met (if any) to tell the person.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Restored {
    pub client: Progress,
    pub specialist: Progress,
    pub screen: Option<Screen>,
    pub calc: PlanInput,
    /// Results opened from links earlier.
    pub opened: Vec<SharedResult>,
    pub drafts: codec::Drafts,
    /// The language picked earlier, as saved (checked by whoever uses it).
    pub lang: Option<String>,
    pub problem: Option<Notice>,
}

/// Reads all saved state; never fails, reporting trouble in `problem` instead.
pub fn restore() -> Restored {
    let mut restored = Restored::default();
    let access = probe();
    if access == Access::Missing {
        restored.problem = Some(Notice::StorageUnavailable);
        return restored;
    }
    // Even when writes fail (storage full), what was saved is read: nothing saved is lost.
    let mut trouble = None;
    for (a, slot) in [
        (Audience::Client, &mut restored.client),
        (Audience::Specialist, &mut restored.specialist),
    ] {
        *slot = read(
            progress_key(a),
            |text| codec::decode_progress(text, bank(), a),
            &mut trouble,
        );
    }
    restored.calc = read(CALC_KEY, codec::decode_plan, &mut trouble);
    restored.drafts = read(DRAFTS_KEY, codec::decode_drafts, &mut trouble);
    restored.screen = load_raw(SCREEN_KEY)
        .ok()
        .flatten()
        .as_deref()
        .and_then(decode_screen);
    // A link opened before that no longer reads (new content) is simply gone: the sender has it.
    restored.opened = load_raw(OPENED_KEY)
        .ok()
        .flatten()
        .and_then(|raw| share::parse_link(bank(), codec::unquote(&raw).ok()?).ok())
        .unwrap_or_default();
    restored.lang = load_raw(LANG_KEY)
        .ok()
        .flatten()
        .and_then(|raw| codec::unquote(&raw).ok().map(str::to_string));
    if trouble.is_some() {
        restored.problem = trouble;
    } else if access == Access::ReadOnly {
        restored.problem = Some(Notice::SaveFailed);
    }
    restored
}

/// Reads one saved value; one that cannot be read is set aside and reported, never fatal. A
/// value from a newer version is reported as such (it outranks plain damage in `trouble`).
fn read<T: Default>(
    key: &'static str,
    decode: impl Fn(&str) -> Result<T, Unreadable>,
    trouble: &mut Option<Notice>,
) -> T {
    let raw = match load_raw(key) {
        Ok(Some(raw)) => raw,
        Ok(None) => return T::default(),
        Err(_) => {
            trouble.get_or_insert(Notice::SavedDataUnreadable);
            return T::default();
        }
    };
    match codec::unquote(&raw).and_then(decode) {
        Ok(v) => v,
        Err(_) => {
            if codec::unquote(&raw).is_ok_and(codec::written_by_newer) {
                set_aside_as(key, "newer", &raw);
                // Left in place too: that version finds its data as it left it.
                HELD.with(|h| h.borrow_mut().push(key));
                *trouble = Some(Notice::SavedByNewerVersion);
            } else {
                set_aside_as(key, "unreadable", &raw);
                trouble.get_or_insert(Notice::SavedDataUnreadable);
            }
            T::default()
        }
    }
}

pub fn encode_screen(s: Screen) -> String {
    match s.audience() {
        Some(a) => a.id().to_string(),
        None => String::new(),
    }
}

pub fn decode_screen(raw: &str) -> Option<Screen> {
    Audience::from_id(raw.trim_matches('"')).map(Screen::Quiz)
}

/// The raw stored text of `key`, if it can be read.
pub fn load_text(key: &str) -> Option<String> {
    load_raw(key).ok().flatten()
}

/// Every key this app writes, for "Start over" after a crash.
pub fn all_keys() -> [&'static str; 7] {
    [
        progress_key(Audience::Client),
        progress_key(Audience::Specialist),
        SCREEN_KEY,
        CALC_KEY,
        OPENED_KEY,
        DRAFTS_KEY,
        LANG_KEY,
    ]
}

/// Moves every saved value aside (to `<key>.before-reset`): the app starts clean, nothing typed is
/// destroyed. The language choice stays. Keys held for a newer version are released.
pub fn set_all_aside() {
    for key in all_keys() {
        if key == LANG_KEY {
            continue;
        }
        if let Some(raw) = load_text(key) {
            set_aside_as(key, "before-reset", &raw);
            remove(key);
        }
    }
    HELD.with(|h| h.borrow_mut().clear());
}

thread_local! {
    /// Keys whose value a newer version of the app wrote: not written by this page (until Start
    /// over), so the newer version never finds its data replaced by this one's.
    static HELD: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Stores a value already in its stored text form (see `codec`, [`encode_screen`]); a key held
/// for a newer version is left alone (the notice said so).
pub fn save_text(key: &str, text: &str) -> Result<(), StorageError> {
    if HELD.with(|h| h.borrow().contains(&key)) {
        return Ok(());
    }
    save(key, text)
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::{Access, StorageError};

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    pub fn probe() -> Access {
        const PROBE: &str = "clientfit.probe";
        match storage() {
            None => Access::Missing,
            Some(s) if s.set_item(PROBE, "1").is_ok() && s.remove_item(PROBE).is_ok() => {
                Access::Writable
            }
            Some(_) => Access::ReadOnly,
        }
    }

    pub fn load_raw(key: &str) -> Result<Option<String>, StorageError> {
        storage()
            .ok_or(StorageError::Unavailable)?
            .get_item(key)
            .map_err(|_| StorageError::Unreadable)
    }

    /// Copies `raw` to `<key>.<why>`, or `<key>.<why>.2` … `.9` when earlier copies differ: an
    /// earlier copy is never overwritten, and an identical one is enough.
    pub fn set_aside_as(key: &str, why: &str, raw: &str) {
        let Some(s) = storage() else {
            return;
        };
        for n in 1..=9 {
            let name = match n {
                1 => format!("{key}.{why}"),
                n => format!("{key}.{why}.{n}"),
            };
            match s.get_item(&name) {
                Ok(Some(earlier)) if earlier == raw => return,
                Ok(Some(_)) => continue,
                // Best effort: if even this fails there is nowhere safer to keep it.
                _ => {
                    let _ = s.set_item(&name, raw);
                    return;
                }
            }
        }
    }

    pub fn remove(key: &str) {
        if let Some(s) = storage() {
            let _ = s.remove_item(key);
        }
    }

    /// Stored as a JSON string, as earlier versions (through gloo-storage) wrote it; the value is
    /// percent-encoded (`codec`), so the quotes need no escaping inside.
    pub fn save(key: &str, value: &str) -> Result<(), StorageError> {
        storage()
            .ok_or(StorageError::Unavailable)?
            .set_item(key, &format!("\"{value}\""))
            .map_err(|_| StorageError::WriteFailed)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::{Access, StorageError};

    pub fn probe() -> Access {
        Access::Missing
    }
    pub fn load_raw(_key: &str) -> Result<Option<String>, StorageError> {
        Err(StorageError::Unavailable)
    }
    pub fn set_aside_as(_key: &str, _why: &str, _raw: &str) {}
    pub fn remove(_key: &str) {}
    pub fn save(_key: &str, _value: &str) -> Result<(), StorageError> {
        Err(StorageError::Unavailable)
    }
}

use imp::{load_raw, probe, remove, save, set_aside_as};
