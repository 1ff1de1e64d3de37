//! The one-time, polite word about storage (or a language that did not load).

//! (Plain functions, not components: each component type costs the wasm ~3.5 KB of Yew glue.)

use yew::prelude::*;

use super::state::Notice;
use crate::i18n::Messages;

/// The notice with "OK", and "Start over" when saved data was set aside
/// (see [`Notice::offers_reset`]).
pub fn notice_bar(
    m: &Messages,
    notice: Notice,
    on_dismiss: &Callback<()>,
    on_reset: &Callback<()>,
) -> Html {
    let dismiss = on_dismiss.reform(|_: MouseEvent| ());
    let reset = notice.offers_reset().then(|| {
        html! {
            <button type="button" class="cf-link" data-testid="notice-reset" onclick={on_reset.reform(|_: MouseEvent| ())}>{ m.t("notice.start_over") }</button>
        }
    });
    html! {
        <div class="cf-notice" role="status" data-testid="notice">
            <p>{ m.t(notice.message_id()) }</p>
            { for reset }
            <button type="button" class="cf-link" onclick={dismiss}>{ m.t("notice.dismiss") }</button>
        </div>
    }
}
