use yew::prelude::*;

use crate::platform::address;
use crate::state::Action;
use client_fit_core::english_bank;
use client_fit_core::share::{is_share_fragment, parse_link};

/// Keeps the address bar's fragment on the shared result(s) on screen, so a reload or a bookmark
/// reopens them (a link that failed to open is replaced, so a reload does not repeat it), and
/// opens a result link followed in this tab (only the fragment changes: no reload).
///
/// # Example
/// ```ignore
/// use_fragment(state.share_fragment(), state.link_error.is_some(), dispatch.clone());
/// ```
#[hook]
pub fn use_fragment(fragment: Option<String>, failed: bool, dispatch: Callback<Action>) {
    let last = use_mut_ref(|| (fragment.clone(), failed));
    use_effect_with((fragment, failed), move |now| {
        if *last.borrow() != *now {
            *last.borrow_mut() = now.clone();
            // Not worth a notice: the view works; only the address bar is stale.
            let _ = address::replace_fragment(&now.0);
        }
    });
    use_effect_with((), move |_| {
        let listener = address::on_fragment_change(move |fragment| {
            dispatch.emit(if is_share_fragment(&fragment) {
                Action::OpenLink(parse_link(english_bank(), &fragment))
            } else {
                Action::LinkClosed
            });
        });
        move || drop(listener)
    });
}
