//! The one-time, polite word about storage (or a language that did not load).

//! (Plain functions, not components: each component type costs the wasm ~3.5 KB of Yew glue.)

use yew::prelude::*;

use super::controls::button;
use super::state::Notice;
use client_fit_core::i18n::Messages;

/// The notice with "OK", and "Start over" when saved data was set aside
/// (see [`Notice::offers_reset`]).
pub fn notice_bar(
    m: &Messages,
    notice: Notice,
    on_dismiss: &Callback<()>,
    on_reset: &Callback<()>,
) -> Html {
    let reset = notice.offers_reset().then(|| {
        button(
            "cf-link",
            "notice-reset",
            m.t("notice.start_over"),
            on_reset.reform(|_: MouseEvent| ()),
        )
    });
    html! {
        <div class="cf-notice" role="status" data-testid="notice">
            <p>{ m.t(notice.message_id()) }</p>
            { for reset }
            { button("cf-link", "", m.t("notice.dismiss"), on_dismiss.reform(|_: MouseEvent| ())) }
        </div>
    }
}
