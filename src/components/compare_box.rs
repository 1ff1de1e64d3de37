//! "Compare with the other side": paste their link, or use one's own result.

use yew::prelude::*;

use super::buttons::action_button;
use crate::platform::dom;
use crate::state::Action;
use client_fit_core::english_bank;
use client_fit_core::i18n::Messages;
use client_fit_core::share::{parse_link, ShareError};
use client_fit_core::Audience;

const PASTE_ID: &str = "cf-paste";

#[derive(Clone, Debug, PartialEq)]
pub struct CompareBoxProps {
    /// The side of the result on screen.
    pub side: Audience,
    /// Why the last pasted link could not be compared.
    pub error: Option<ShareError>,
    /// The person finished the other side's quiz themselves.
    pub mine_ready: bool,
    /// A result of the other side was opened from a link earlier.
    pub opened_ready: bool,
    pub on_action: Callback<Action>,
}

pub fn compare_box(props: &CompareBoxProps, m: &Messages) -> Html {
    let side = props.side.id();
    let on_action = &props.on_action;
    let submit = on_action.reform(|e: SubmitEvent| {
        e.prevent_default();
        Action::PasteLink(parse_link(english_bank(), &dom::input_value(PASTE_ID)))
    });
    html! {
        <form class="cf-compare-box" onsubmit={submit} data-testid="compare-box">
            <h2>{ m.t(&format!("compare.box.title.{side}")) }</h2>
            <p class="cf-small">{ m.t(&format!("compare.box.intro.{side}")) }</p>
            if props.mine_ready {
                <p>{ action_button("cf-secondary", "compare-mine", m.t("compare.with_mine"), Action::CompareWithMine, on_action) }</p>
            }
            if props.opened_ready {
                <p>{ action_button("cf-primary", "compare-opened", m.t(&format!("compare.with_opened.{side}")), Action::CompareWithOpened, on_action) }</p>
            }
            <label for={PASTE_ID}>{ m.t("compare.paste_label") }</label>
            <div class="cf-row">
                <input id={PASTE_ID} type="text" data-testid="paste-link" autocomplete="off"
                       aria-invalid={props.error.is_some().to_string()}
                       aria-describedby={props.error.map(|_| "cf-paste-error")} />
                <button type="submit" class="cf-primary" data-testid="compare-go">{ m.t("compare.go") }</button>
            </div>
            if let Some(e) = props.error {
                <p class="cf-field-error" id="cf-paste-error" role="alert" data-testid="paste-error">{ m.t(e.message_id()) }</p>
            }
        </form>
    }
}
