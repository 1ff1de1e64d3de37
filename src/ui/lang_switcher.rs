//! The language switcher: answers stay (they are ids), only the wording changes.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::state::{Action, Notice};
use crate::i18n::{self, Lang, Messages};
use crate::platform::lang;

pub fn lang_switcher(m: &Messages, current: Lang, on_action: &Callback<Action>) -> Html {
    let on_action = on_action.clone();
    let change = Callback::from(move |e: Event| {
        let Some(wanted) = e
            .target_dyn_into::<HtmlSelectElement>()
            .and_then(|s| Lang::from_tag(&s.value()))
        else {
            return;
        };
        let on_action = on_action.clone();
        lang::load(wanted, move |loaded| match loaded {
            Ok(()) if i18n::activate(wanted) => on_action.emit(Action::SetLang(wanted)),
            _ => on_action.emit(Action::Notify(Notice::LanguageUnavailable)),
        });
    });
    html! {
        <div class="cf-lang">
            <label for="cf-lang">{ m.t("lang.label") }</label>
            <select id="cf-lang" data-testid="lang" onchange={change}>
                { for Lang::ALL.iter().map(|l| html! {
                    <option value={l.code()} lang={l.code()} selected={*l == current}>{ l.native_name() }</option>
                }) }
            </select>
        </div>
    }
}
