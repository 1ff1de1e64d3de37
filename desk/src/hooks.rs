//! Hooks both of this crate's pages use.

use yew::prelude::*;

use crate::platform::catalog;
use client_fit::components::lang_switcher::SELECT_ID;
use client_fit::platform::{dom, fetch, storage};
use client_fit_core::i18n::{Lang, Pack};
use client_fit_core::saved;

/// Picking a language: shown at once when loaded before in this visit, else the quiz catalog of
/// that language is fetched (English is compiled in) and the desk's wording added; `on_shown`
/// hears of it. A fetch that settles after the reader picked another language says nothing, and
/// one that fails leaves the page (and the menu) as it was and tells `on_failed`.
#[hook]
pub fn use_desk_language(
    pack: UseStateHandle<Pack>,
    on_shown: Callback<Lang>,
    on_failed: Callback<()>,
) -> Callback<Lang> {
    let loaded = use_mut_ref(|| vec![(*pack).clone()]);
    // Each pick's number: only the latest pick's load may change the page (the same language
    // picked twice is two picks).
    let latest = use_mut_ref(|| 0u32);
    Callback::from(move |wanted: Lang| {
        let pick = {
            let mut latest = latest.borrow_mut();
            *latest = latest.wrapping_add(1);
            *latest
        };
        let show = {
            let (pack, on_shown) = (pack.clone(), on_shown.clone());
            move |p: Pack| {
                // The menu and the page already say which language: a failed save of the
                // preference only means the next visit starts in the browser's own language.
                let _ = storage::save(saved::LANG_KEY, p.lang.code());
                dom::set_document_lang(p.lang);
                let lang = p.lang;
                pack.set(p);
                on_shown.emit(lang);
            }
        };
        let known = loaded.borrow().iter().find(|p| p.lang == wanted).cloned();
        if let Some(p) = known {
            show(p);
            return;
        }
        let (loaded, latest, pack, on_failed) = (
            loaded.clone(),
            latest.clone(),
            pack.clone(),
            on_failed.clone(),
        );
        fetch::spawn(async move {
            let result = catalog::language(wanted).await;
            if *latest.borrow() != pick {
                return;
            }
            match result {
                Ok(p) => {
                    loaded.borrow_mut().push(p.clone());
                    show(p);
                }
                Err(_) => {
                    dom::set_select_value(SELECT_ID, pack.lang.code());
                    on_failed.emit(());
                }
            }
        });
    })
}
