//! The language switcher: answers stay (they are ids), only the wording changes.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use client_fit_core::i18n::{Lang, Messages};

/// The select's id (the app puts it back on the language still shown when a pick fails).
pub const SELECT_ID: &str = "cf-lang";

#[derive(Clone, Debug, PartialEq)]
pub struct LangSwitcherProps {
    pub current: Lang,
    /// A language was picked; the app loads it (or says why not).
    pub on_pick: Callback<Lang>,
}

pub fn lang_switcher(props: &LangSwitcherProps, m: &Messages) -> Html {
    let on_pick = props.on_pick.clone();
    let change = Callback::from(move |e: Event| {
        let picked = e
            .target_dyn_into::<HtmlSelectElement>()
            .and_then(|s| Lang::from_tag(&s.value()));
        if let Some(lang) = picked {
            on_pick.emit(lang);
        }
    });
    html! {
        <div class="cf-lang">
            <label for={SELECT_ID}>{ m.t("lang.label") }</label>
            <select id={SELECT_ID} data-testid="lang" onchange={change}>
                { for Lang::ALL.iter().map(|l| html! {
                    <option value={l.code()} lang={l.code()} selected={*l == props.current}>{ l.native_name() }</option>
                }) }
            </select>
        </div>
    }
}
