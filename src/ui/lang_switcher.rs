//! The language switcher: answers stay (they are ids), only the wording changes.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::state::{Action, Notice};
use crate::languages;
use crate::platform::{dom, lang};
use client_fit_core::i18n::{Lang, Messages};

const SELECT_ID: &str = "cf-lang";

thread_local! {
    /// The language last picked in the switcher.
    static LATEST: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

pub fn lang_switcher(m: &Messages, current: Lang, on_action: &Callback<Action>) -> Html {
    let on_action = on_action.clone();
    let change = Callback::from(move |e: Event| {
        let Some(wanted) = e
            .target_dyn_into::<HtmlSelectElement>()
            .and_then(|s| Lang::from_tag(&s.value()))
        else {
            return;
        };
        LATEST.with(|l| l.set(Some(wanted)));
        let on_action = on_action.clone();
        lang::load(wanted, move |loaded| {
            // A slow catalog that settles after the reader picked another language says nothing.
            if LATEST.with(|l| l.get()) != Some(wanted) {
                return;
            }
            match loaded {
                Ok(()) if languages::activate(wanted) => on_action.emit(Action::SetLang(wanted)),
                _ => {
                    // The menu shows the language still on screen.
                    dom::set_select_value(SELECT_ID, current.code());
                    on_action.emit(Action::Notify(Notice::LanguageNotSwitched));
                }
            }
        });
    });
    html! {
        <div class="cf-lang">
            <label for={SELECT_ID}>{ m.t("lang.label") }</label>
            <select id={SELECT_ID} data-testid="lang" onchange={change}>
                { for Lang::ALL.iter().map(|l| html! {
                    <option value={l.code()} lang={l.code()} selected={*l == current}>{ l.native_name() }</option>
                }) }
            </select>
        </div>
    }
}
