//! Buttons, built by one function each: written inline in `html!`, every button (with its own
//! click closure) cost the wasm about half a kilobyte.

use yew::prelude::*;

use super::state::Action;

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
