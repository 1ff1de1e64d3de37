//! A result's link: shown, copied (Clipboard API or select-to-copy), or handed to the share sheet.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::buttons::button;
use crate::platform::clipboard::{self, CopyOutcome};
use crate::platform::dom;
use crate::state::{Action, CopyTarget, Screen};
use client_fit_core::i18n::Messages;

const FIELD: &str = "cf-share-link";

#[derive(Clone, Debug, PartialEq)]
pub struct SharePanelProps {
    pub link: AttrValue,
    /// Message ids: the field's label, and the title the share sheet gets.
    pub label: &'static str,
    pub send_title: &'static str,
    /// What the copy button did last, if it was this one.
    pub copied: Option<CopyOutcome>,
    /// The browser has a share sheet (asked once, at start).
    pub can_share: bool,
    /// The screen the panel is on: a copy that settles after the person left it says nothing.
    pub screen: Screen,
    pub on_action: Callback<Action>,
}

pub fn share_panel(props: &SharePanelProps, m: &Messages) -> Html {
    let copy = copy_handler(
        props.link.to_string(),
        FIELD,
        (CopyTarget::Link, props.screen),
        &props.on_action,
    );
    let share = {
        let (link, title) = (props.link.to_string(), m.t(props.send_title));
        Callback::from(move |_: MouseEvent| clipboard::share(&title, &link))
    };
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
            input.select();
        }
    });
    html! {
        <div class="cf-share" data-testid="share">
            <label for={FIELD}>{ m.t(props.label) }</label>
            <div class="cf-row">
                <input id={FIELD} type="text" readonly=true value={props.link.clone()}
                       onfocus={select_all} data-testid="share-link" />
                { button("cf-primary", "copy-link", m.t("share.copy"), copy) }
                if props.can_share {
                    { button("cf-secondary", "", m.t("share.native"), share) }
                }
            </div>
            <p class="cf-small" role="status" data-testid="copy-status">{ copy_status(m, props.copied) }</p>
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
        clipboard::copy(text.clone(), dom::element(field_id), move |o| {
            done.emit(Action::Copied(target, o, screen))
        });
    })
}

/// What a copy button says after a copy.
pub fn copy_status(m: &Messages, copied: Option<CopyOutcome>) -> String {
    match copied {
        Some(CopyOutcome::Copied) => m.t("share.copied"),
        Some(CopyOutcome::Selected) => m.t("share.selected"),
        None => String::new(),
    }
}
