//! `localStorage` (through gloo-storage) as the core's [`KeyValue`], and the tab's
//! `sessionStorage` for the one-time reset token. The rules (keys, restoring, setting aside,
//! starting over) are the core's (`client_fit_core::saved`); this file only reaches the browser.
//!
//! gloo-storage's `raw()` throws where storage is blocked (a frame sandboxed without
//! `allow-same-origin`): availability is asked first, so a blocked storage is reported, never a
//! crash. Values are written in their stored text form, already a JSON string (`"…"`), which is
//! what gloo-storage's typed `set` of that text would write.

use gloo_storage::{LocalStorage, SessionStorage, Storage};

use client_fit_core::saved::{self, KeyValue, NotSetAside, Restored, StoreError};
use client_fit_core::Bank;

/// The page's `localStorage`.
pub struct Local;

fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

impl KeyValue for Local {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if !available() {
            return Err(StoreError::Unavailable);
        }
        LocalStorage::raw()
            .get_item(key)
            .map_err(|_| StoreError::Failed)
    }

    fn set(&mut self, key: &str, raw: &str) -> Result<(), StoreError> {
        if !available() {
            return Err(StoreError::Unavailable);
        }
        LocalStorage::raw()
            .set_item(key, raw)
            .map_err(|_| StoreError::Failed)
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        if !available() {
            return Err(StoreError::Unavailable);
        }
        LocalStorage::raw()
            .remove_item(key)
            .map_err(|_| StoreError::Failed)
    }
}

/// Everything saved, read at start-up.
pub fn restore(bank: &Bank) -> Restored {
    saved::restore(&mut Local, bank)
}

/// Saves a value in its stored text form.
pub fn save(key: &str, text: &str) -> Result<(), StoreError> {
    saved::save(&mut Local, key, text)
}

/// The raw stored text of `key`, if any (for the crash screen's links).
pub fn load_text(key: &str) -> Option<String> {
    Local.get(key).ok().flatten()
}

/// Moves every saved value aside for a clean start (see `saved::set_all_aside`).
pub fn set_all_aside() -> Result<(), NotSetAside> {
    saved::set_all_aside(&mut Local)
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()?;
    Some(SessionStorage::raw())
}

/// A fresh one-time reset token (random, from the browser's CSPRNG), kept in this tab's session
/// storage: only the crash screen's "Start over" carries it.
pub fn grant_reset() -> Option<String> {
    let mut bytes = [0u8; 12];
    web_sys::window()?
        .crypto()
        .ok()?
        .get_random_values_with_u8_array(&mut bytes)
        .ok()?;
    let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    session()?
        .set_item(saved::RESET_TOKEN_KEY, &token)
        .ok()
        .map(|()| token)
}

/// Whether `token` is this tab's reset token; it is used up either way.
pub fn redeem_reset(token: &str) -> bool {
    let Some(s) = session() else {
        return false;
    };
    let granted = s.get_item(saved::RESET_TOKEN_KEY).ok().flatten();
    let _ = s.remove_item(saved::RESET_TOKEN_KEY);
    granted.is_some_and(|g| !g.is_empty() && g == token)
}
