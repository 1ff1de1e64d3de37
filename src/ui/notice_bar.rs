//! The one-time, polite word that progress will not be kept.

use yew::prelude::*;

use super::state::Notice;
use super::use_messages;

#[derive(Properties, PartialEq)]
pub struct NoticeBarProps {
    pub notice: Notice,
    pub on_dismiss: Callback<()>,
}

#[component]
pub fn NoticeBar(props: &NoticeBarProps) -> Html {
    let m = use_messages();
    let dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="cf-notice" role="status" data-testid="notice">
            <p>{ m.t(props.notice.message_id()) }</p>
            <button type="button" class="cf-link" onclick={dismiss}>{ m.t("notice.dismiss") }</button>
        </div>
    }
}
