//! The one-time, polite word about storage (or a language that did not load, or a start over).

use yew::prelude::*;

use super::buttons::button;
use crate::state::Notice;
use client_fit_core::i18n::Messages;

#[derive(Clone, Debug, PartialEq)]
pub struct NoticeBarProps {
    pub notice: Notice,
    pub on_dismiss: Callback<()>,
    /// "Start over", offered when saved data was set aside (see [`Notice::offers_reset`]).
    pub on_reset: Callback<()>,
}

/// The notice with "OK", and "Start over" where it applies.
pub fn notice_bar(props: &NoticeBarProps, m: &Messages) -> Html {
    let reset = props.notice.offers_reset().then(|| {
        button(
            "cf-link",
            "notice-reset",
            m.t("notice.start_over"),
            props.on_reset.reform(|_: MouseEvent| ()),
        )
    });
    html! {
        <div class="cf-notice" role="status" data-testid="notice">
            <p>{ m.t(props.notice.message_id()) }</p>
            { for reset }
            { button("cf-link", "", m.t("notice.dismiss"), props.on_dismiss.reform(|_: MouseEvent| ())) }
        </div>
    }
}
