//! The one-time, polite word about storage (or a language that did not load).

use yew::prelude::*;

use super::state::Notice;
use super::use_messages;

#[derive(Properties, PartialEq)]
pub struct NoticeBarProps {
    pub notice: Notice,
    pub on_dismiss: Callback<()>,
    /// "Start over": shown when saved data was set aside (see [`Notice::offers_reset`]).
    pub on_reset: Callback<()>,
}

#[component]
pub fn NoticeBar(props: &NoticeBarProps) -> Html {
    let m = use_messages();
    let dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    let reset = props.notice.offers_reset().then(|| {
        html! {
            <button type="button" class="cf-link" data-testid="notice-reset" onclick={props.on_reset.reform(|_: MouseEvent| ())}>{ m.t("notice.start_over") }</button>
        }
    });
    html! {
        <div class="cf-notice" role="status" data-testid="notice">
            <p>{ m.t(props.notice.message_id()) }</p>
            { for reset }
            <button type="button" class="cf-link" onclick={dismiss}>{ m.t("notice.dismiss") }</button>
        </div>
    }
}
