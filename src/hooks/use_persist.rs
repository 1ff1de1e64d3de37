use yew::prelude::*;

use crate::platform::storage;
use crate::state::{Action, Notice};
use client_fit_core::saved::StoreError;

/// Stores `text` (a value in its stored form) under `key` each time it changes after mount,
/// telling the person through `dispatch` when storage fails. The mounted value is what was
/// restored (or the default when nothing could be read), so writing it back could only overwrite
/// what a full or unreadable storage still holds; a `held` key is not written at all.
///
/// # Example
/// ```ignore
/// use_persist(saved::CALC_KEY, stored::encode_plan(&state.calc), false, dispatch.clone());
/// ```
#[hook]
pub fn use_persist(key: &'static str, text: String, held: bool, dispatch: Callback<Action>) {
    let last = use_mut_ref(|| text.clone());
    use_effect_with((text, held), move |(t, held)| {
        if *held || *last.borrow() == *t {
            return;
        }
        last.borrow_mut().clone_from(t);
        match storage::save(key, t) {
            Ok(()) => {}
            Err(StoreError::Unavailable) => {
                dispatch.emit(Action::Notify(Notice::StorageUnavailable))
            }
            Err(StoreError::Failed) => dispatch.emit(Action::Notify(Notice::SaveFailed)),
        }
    });
}
