//! Hooks both of this crate's pages use.

use yew::prelude::*;

use crate::platform::catalog;
use client_fit::components::lang_switcher::SELECT_ID;
use client_fit::platform::{dom, fetch, storage};
use client_fit_core::i18n::{Lang, Pack};
use client_fit_core::saved;

/// Picking a language: the quiz catalog of that language is fetched (English is compiled in) and
/// the desk's wording added, then `on_shown` hears of it; a fetch that fails leaves the page as
/// it was.
#[hook]
pub fn use_desk_language(pack: UseStateHandle<Pack>, on_shown: Callback<Lang>) -> Callback<Lang> {
    Callback::from(move |wanted: Lang| {
        let (pack, on_shown) = (pack.clone(), on_shown.clone());
        fetch::spawn(async move {
            match catalog::language(wanted).await {
                Ok(p) => {
                    let _ = storage::save(saved::LANG_KEY, wanted.code());
                    dom::set_document_lang(wanted);
                    pack.set(p);
                    on_shown.emit(wanted);
                }
                Err(_) => dom::set_select_value(SELECT_ID, pack.lang.code()),
            }
        });
    })
}
