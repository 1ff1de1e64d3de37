//! "Compare with the other side": paste their link, or use one's own result.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::state::Action;
use super::use_messages;
use crate::quiz::share::{parse_link, ShareError};
use crate::quiz::{bank, Audience};

#[derive(Properties, PartialEq)]
pub struct CompareBoxProps {
    /// The side of the result on screen.
    pub side: Audience,
    pub error: Option<ShareError>,
    /// The person finished the other side's quiz themselves.
    pub mine_ready: bool,
    /// A result of the other side was opened from a link earlier.
    #[prop_or_default]
    pub opened_ready: bool,
    pub on_action: Callback<Action>,
}

#[component]
pub fn CompareBox(props: &CompareBoxProps) -> Html {
    let m = use_messages();
    let input = use_node_ref();
    let side = props.side.id();
    let submit = {
        let (input, on_action) = (input.clone(), props.on_action.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = input
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            on_action.emit(Action::PasteLink(parse_link(bank(), &text)));
        })
    };
    let mine = props
        .on_action
        .reform(|_: MouseEvent| Action::CompareWithMine);
    let opened = props
        .on_action
        .reform(|_: MouseEvent| Action::CompareWithOpened);
    html! {
        <form class="cf-compare-box" onsubmit={submit} data-testid="compare-box">
            <h2>{ m.t(&format!("compare.box.title.{side}")) }</h2>
            <p class="cf-small">{ m.t(&format!("compare.box.intro.{side}")) }</p>
            if props.mine_ready {
                <p><button type="button" class="cf-secondary" onclick={mine} data-testid="compare-mine">{ m.t("compare.with_mine") }</button></p>
            }
            if props.opened_ready {
                <p><button type="button" class="cf-primary" onclick={opened} data-testid="compare-opened">{ m.t(&format!("compare.with_opened.{side}")) }</button></p>
            }
            <label for="cf-paste">{ m.t("compare.paste_label") }</label>
            <div class="cf-row">
                <input id="cf-paste" type="text" ref={input} data-testid="paste-link" autocomplete="off"
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
