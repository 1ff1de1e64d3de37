//! Saving and restoring progress in localStorage.
//!
//! Keys are namespaced (`clientfit.v1.*`) and every value carries its schema version (see
//! `codec`). A value that cannot be read (or is implausibly large) is copied aside to
//! `<key>.unreadable`; one written by a newer version of the app is copied to `<key>.newer` and
//! its key is not written again by this page until "Start over". Copies are never overwritten,
//! and a value is removed only once its copy was written and read back, so nothing a person
//! entered is lost.

use client_fit_core::stored::{self as codec, Unreadable};

use crate::languages::bank;
use crate::ui::state::{Notice, Screen};
use client_fit_core::money::PlanInput;
use client_fit_core::progress::Progress;
use client_fit_core::share::{self, SharedResult};
use client_fit_core::Audience;

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
    restored.screen = load_text(SCREEN_KEY).as_deref().and_then(decode_screen);
    // A link opened before that no longer reads is simply gone: the sender has it.
    restored.opened = load_text(OPENED_KEY)
        .and_then(|raw| share::parse_link(bank(), codec::unquote(&raw).ok()?).ok())
        .unwrap_or_default();
    restored.lang =
        load_text(LANG_KEY).and_then(|raw| codec::unquote(&raw).ok().map(str::to_string));
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
    if raw.len() > MAX_STORED_BYTES {
        if !set_aside_as(key, "unreadable", &raw) {
            hold(key);
        }
        trouble.get_or_insert(Notice::SavedDataUnreadable);
        return T::default();
    }
    match codec::unquote(&raw).and_then(decode) {
        Ok(v) => v,
        Err(_) => {
            if codec::unquote(&raw).is_ok_and(codec::written_by_newer) {
                set_aside_as(key, "newer", &raw);
                // Left in place too: that version finds its data as it left it.
                hold(key);
                *trouble = Some(Notice::SavedByNewerVersion);
            } else {
                if !set_aside_as(key, "unreadable", &raw) {
                    // Nowhere safer to keep it: then this page does not write over it either.
                    hold(key);
                }
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

/// The raw stored text of `key`, if it can be read and is of a plausible size.
pub fn load_text(key: &str) -> Option<String> {
    load_raw(key)
        .ok()
        .flatten()
        .filter(|raw| raw.len() <= MAX_STORED_BYTES)
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

/// A start over could not set every saved value aside (storage full or failing); what could not
/// be copied is still in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotSetAside;

/// Moves every saved value aside (to `<key>.before-reset`, `.2`, … for later ones): the app starts
/// clean, nothing typed is destroyed. A value is removed only after its copy was written and read
/// back; when one cannot be, it stays and the start over is refused. The language choice stays.
/// Keys held for a newer version are released.
pub fn set_all_aside() -> Result<(), NotSetAside> {
    for key in all_keys() {
        if key == LANG_KEY {
            continue;
        }
        if let Ok(Some(raw)) = load_raw(key) {
            if !set_aside_as(key, "before-reset", &raw) {
                return Err(NotSetAside);
            }
            remove(key);
        }
    }
    HELD.with(|h| h.borrow_mut().clear());
    Ok(())
}

/// The session's one-time permission to start over, handed from the crash screen's "Start over"
/// to the page it opens (see `crash`): a link alone can never clear anyone's answers.
pub const RESET_TOKEN_KEY: &str = "clientfit.reset-token";

thread_local! {
    /// Keys whose value a newer version of the app wrote: not written by this page (until Start
    /// over), so the newer version never finds its data replaced by this one's.
    static HELD: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Keeps this page from writing `key` until a start over.
fn hold(key: &'static str) {
    HELD.with(|h| h.borrow_mut().push(key));
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

    /// Copies `raw` to `<key>.<why>`, or `<key>.<why>.2`, `.3`, … when earlier copies differ: an
    /// earlier copy is never overwritten, and an identical one is enough. True once a copy is
    /// there, read back; false when storage would not keep one.
    pub fn set_aside_as(key: &str, why: &str, raw: &str) -> bool {
        let Some(s) = storage() else {
            return false;
        };
        // No cap that ends in loss: the bound only stops a storage that answers nonsense.
        for n in 1..=100_000u32 {
            let name = match n {
                1 => format!("{key}.{why}"),
                n => format!("{key}.{why}.{n}"),
            };
            match s.get_item(&name) {
                Ok(Some(earlier)) if earlier == raw => return true,
                Ok(Some(_)) => continue,
                Ok(None) => {
                    return s.set_item(&name, raw).is_ok()
                        && s.get_item(&name).ok().flatten().as_deref() == Some(raw)
                }
                Err(_) => return false,
            }
        }
        false
    }

    fn session() -> Option<web_sys::Storage> {
        web_sys::window()?.session_storage().ok().flatten()
    }

    /// A fresh one-time reset token (random, from the browser's CSPRNG), kept in this tab's
    /// session storage.
    pub fn grant_reset() -> Option<String> {
        let mut bytes = [0u8; 12];
        web_sys::window()?
            .crypto()
            .ok()?
            .get_random_values_with_u8_array(&mut bytes)
            .ok()?;
        let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        session()?
            .set_item(super::RESET_TOKEN_KEY, &token)
            .ok()
            .map(|()| token)
    }

    /// Whether `token` is this tab's reset token; it is used up either way.
    pub fn redeem_reset(token: &str) -> bool {
        let Some(s) = session() else {
            return false;
        };
        let granted = s.get_item(super::RESET_TOKEN_KEY).ok().flatten();
        let _ = s.remove_item(super::RESET_TOKEN_KEY);
        granted.is_some_and(|g| !g.is_empty() && g == token)
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
    pub fn set_aside_as(_key: &str, _why: &str, _raw: &str) -> bool {
        false
    }
    pub fn grant_reset() -> Option<String> {
        None
    }
    pub fn redeem_reset(_token: &str) -> bool {
        false
    }
    pub fn remove(_key: &str) {}
    pub fn save(_key: &str, _value: &str) -> Result<(), StorageError> {
        Err(StorageError::Unavailable)
    }
}

pub use imp::{grant_reset, redeem_reset};
use imp::{load_raw, probe, remove, save, set_aside_as};
