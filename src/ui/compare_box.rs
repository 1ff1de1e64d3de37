//! "Compare with the other side": paste their link, or use one's own result.

use yew::prelude::*;

use super::controls::action_button;
use super::state::Action;
use crate::languages::bank;
use crate::platform::dom;
use client_fit_core::i18n::Messages;
use client_fit_core::share::{parse_link, ShareError};
use client_fit_core::Audience;

/// What the box shows besides the paste field.
pub struct CompareOffer {
    /// The side of the result on screen.
    pub side: Audience,
    pub error: Option<ShareError>,
    /// The person finished the other side's quiz themselves.
    pub mine_ready: bool,
    /// A result of the other side was opened from a link earlier.
    pub opened_ready: bool,
}

/// A plain function, not a component (each component type costs the wasm ~3.5 KB).
pub fn compare_box(m: &Messages, offer: CompareOffer, on_action: &Callback<Action>) -> Html {
    let side = offer.side.id();
    let submit = on_action.reform(|e: SubmitEvent| {
        e.prevent_default();
        Action::PasteLink(parse_link(bank(), &dom::input_value(PASTE_ID)))
    });
    html! {
        <form class="cf-compare-box" onsubmit={submit} data-testid="compare-box">
            <h2>{ m.t(&format!("compare.box.title.{side}")) }</h2>
            <p class="cf-small">{ m.t(&format!("compare.box.intro.{side}")) }</p>
            if offer.mine_ready {
                <p>{ action_button("cf-secondary", "compare-mine", m.t("compare.with_mine"), Action::CompareWithMine, on_action) }</p>
            }
            if offer.opened_ready {
                <p>{ action_button("cf-primary", "compare-opened", m.t(&format!("compare.with_opened.{side}")), Action::CompareWithOpened, on_action) }</p>
            }
            <label for={PASTE_ID}>{ m.t("compare.paste_label") }</label>
            <div class="cf-row">
                <input id={PASTE_ID} type="text" data-testid="paste-link" autocomplete="off"
                       aria-invalid={offer.error.is_some().to_string()}
                       aria-describedby={offer.error.map(|_| "cf-paste-error")} />
                <button type="submit" class="cf-primary" data-testid="compare-go">{ m.t("compare.go") }</button>
            </div>
            if let Some(e) = offer.error {
                <p class="cf-field-error" id="cf-paste-error" role="alert" data-testid="paste-error">{ m.t(e.message_id()) }</p>
            }
        </form>
    }
}

const PASTE_ID: &str = "cf-paste";
