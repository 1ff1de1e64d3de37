//! A result's link: shown, copied (Clipboard API or select-to-copy), or handed to the share sheet.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::controls::button;
use super::state::{Action, AppState, CopyTarget, Screen};
use crate::platform::clipboard::{self, CopyOutcome};
use crate::platform::dom;
use client_fit_core::i18n::Messages;

/// The link box: `label` and `send_title` are message ids (the field's label, the title the share
/// sheet gets).
pub fn share_panel(
    m: &Messages,
    state: &AppState,
    link: &str,
    label: &str,
    send_title: &str,
    on_action: &Callback<Action>,
) -> Html {
    const FIELD: &str = "cf-share-link";
    let copy = copy_handler(
        link.to_string(),
        FIELD,
        (CopyTarget::Link, state.screen),
        on_action,
    );
    let share = {
        let (link, title) = (link.to_string(), m.t(send_title));
        Callback::from(move |_: MouseEvent| clipboard::share(&title, &link))
    };
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
            input.select();
        }
    });
    html! {
        <div class="cf-share" data-testid="share">
            <label for={FIELD}>{ m.t(label) }</label>
            <div class="cf-row">
                <input id={FIELD} type="text" readonly=true value={link.to_string()}
                       onfocus={select_all} data-testid="share-link" />
                { button("cf-primary", "copy-link", m.t("share.copy"), copy) }
                if clipboard::can_share() {
                    { button("cf-secondary", "", m.t("share.native"), share) }
                }
            </div>
            <p class="cf-small" role="status" data-testid="copy-status">{ copy_status(m, state, CopyTarget::Link) }</p>
            <p class="cf-small cf-muted">{ m.t("share.private") }</p>
        </div>
    }
}

/// A copy button's click handler for `text`, which the text box `field_id` also holds (the
/// fallback selects it); the outcome comes back as [`Action::Copied`] for the button `target` on
/// the screen it is on.
pub fn copy_handler(
    text: String,
    field_id: &'static str,
    (target, screen): (CopyTarget, Screen),
    on_action: &Callback<Action>,
) -> Callback<MouseEvent> {
    let on_action = on_action.clone();
    Callback::from(move |_: MouseEvent| {
        let done = on_action.clone();
        clipboard::copy(&text, dom::element(field_id), move |o| {
            done.emit(Action::Copied(target, o, screen))
        });
    })
}

/// What the copy button of `target` says after a copy (also used by the message panel).
pub fn copy_status(m: &Messages, state: &AppState, target: CopyTarget) -> String {
    match state.copied {
        Some((t, CopyOutcome::Copied)) if t == target => m.t("share.copied"),
        Some((t, CopyOutcome::Selected)) if t == target => m.t("share.selected"),
        _ => String::new(),
    }
}
