//! Buttons and labels built the same way everywhere: one builder per kind, so every button has the
//! same markup, type and test id convention.

use yew::prelude::*;

use crate::state::Action;
use client_fit_core::i18n::Messages;

/// A `type="button"` labelled `label`; `class` is its look (`cf-primary`, `cf-secondary`,
/// `cf-link`) and `testid` names it for the browser tests ("" for none).
#[inline(never)]
pub fn button(
    class: &'static str,
    testid: &'static str,
    label: String,
    onclick: Callback<MouseEvent>,
) -> Html {
    html! {
        <button type="button" {class} data-testid={(!testid.is_empty()).then_some(testid)} {onclick}>{ label }</button>
    }
}

/// A [`button`] that sends `action` when clicked.
#[inline(never)]
pub fn action_button(
    class: &'static str,
    testid: &'static str,
    label: String,
    action: Action,
    on_action: &Callback<Action>,
) -> Html {
    button(
        class,
        testid,
        label,
        on_action.reform(move |_: MouseEvent| action.clone()),
    )
}

/// The way to the specialist's desk (`desk.html`), on the start screen and a specialist's result.
#[inline(never)]
pub fn desk_link(m: &Messages) -> Html {
    html! { <a href="desk.html" data-testid="to-desk">{ m.t("start.desk") }</a> }
}

/// The catalog text `id` with `{agency}` as an isolated run (`<bdi>`): an agency name written
/// right to left, or with stray direction marks left in it, cannot reorder the words around it.
pub fn with_agency(m: &Messages, id: &str, agency: &str, args: &[(&str, &str)]) -> Html {
    let text = m.f(id, args);
    match text.split_once("{agency}") {
        Some((before, after)) => html! {
            <>{ before.to_string() }<bdi data-testid="agency-name">{ agency.to_string() }</bdi>{ after.to_string() }</>
        },
        None => html! { { text } },
    }
}
