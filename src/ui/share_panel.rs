//! A result's link: shown, copied (Clipboard API or select-to-copy), or handed to the share sheet.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n;

use crate::platform::clipboard::{self, CopyOutcome};

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    /// The language on screen.
    pub lang: crate::i18n::Lang,
    /// The whole link.
    pub link: AttrValue,
    /// Message id of the field's label.
    pub label: &'static str,
    /// Message id of the title the share sheet gets.
    pub send_title: &'static str,
}

#[component]
pub fn SharePanel(props: &SharePanelProps) -> Html {
    let m = i18n::messages(props.lang);
    let (input, copy, outcome) = use_copy(props.link.to_string());
    let share = {
        let (link, title) = (props.link.clone(), m.t(props.send_title));
        Callback::from(move |_: MouseEvent| clipboard::share(&title, &link))
    };
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
            input.select();
        }
    });
    let status = copy_status(&m, outcome);
    html! {
        <div class="cf-share" data-testid="share">
            <label for="cf-share-link">{ m.t(props.label) }</label>
            <div class="cf-row">
                <input id="cf-share-link" type="text" readonly=true value={props.link.clone()}
                       ref={input} onfocus={select_all} data-testid="share-link" />
                <button type="button" class="cf-primary" onclick={copy} data-testid="copy-link">{ m.t("share.copy") }</button>
                if clipboard::can_share() {
                    <button type="button" class="cf-secondary" onclick={share}>{ m.t("share.native") }</button>
                }
            </div>
            <p class="cf-small" role="status" data-testid="copy-status">{ status }</p>
            <p class="cf-small cf-muted">{ m.t("share.private") }</p>
        </div>
    }
}

/// A copy button for `text`: the ref for the text box holding it (the fallback selects it), the
/// click handler, and how the last copy ended. Also used by the message panel.
#[hook]
pub fn use_copy(text: String) -> (NodeRef, Callback<MouseEvent>, Option<CopyOutcome>) {
    let field = use_node_ref();
    let outcome = use_state(|| None::<CopyOutcome>);
    let copy = {
        let (field, outcome) = (field.clone(), outcome.clone());
        Callback::from(move |_: MouseEvent| {
            let outcome = outcome.clone();
            clipboard::copy(&text, field.cast::<web_sys::Element>(), move |o| {
                outcome.set(Some(o))
            });
        })
    };
    (field, copy, *outcome)
}

/// What a copy button says afterwards (also used by the message panel).
pub fn copy_status(m: &crate::i18n::Messages, outcome: Option<CopyOutcome>) -> String {
    match outcome {
        Some(CopyOutcome::Copied) => m.t("share.copied"),
        Some(CopyOutcome::Selected) => m.t("share.selected"),
        None => String::new(),
    }
}
