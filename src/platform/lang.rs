//! The browser's side of languages: what the reader prefers, fetching a catalog, and the page's
//! `lang` attribute (screen readers pick their voice from it).

use crate::languages;
use client_fit_core::i18n::{self, CatalogError, Lang};

/// The browser's preferred language tags, best first.
pub fn preferred() -> Vec<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(window) = web_sys::window() else {
            return Vec::new();
        };
        window
            .navigator()
            .languages()
            .iter()
            .filter_map(|v| v.as_string())
            .collect()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Vec::new()
    }
}

/// Tells the page which language it is in.
pub fn set_document_lang(lang: Lang) {
    #[cfg(target_arch = "wasm32")]
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = lang;
}

/// Why a language could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The catalog could not be fetched (offline, not deployed, blocked).
    Network,
    /// It arrived but is not a complete catalog.
    Catalog(CatalogError),
}

/// Makes `lang` available (fetching its catalog unless already loaded), then calls `done`.
pub fn load(lang: Lang, done: impl FnOnce(Result<(), LoadError>) + 'static) {
    if languages::is_loaded(lang) {
        done(Ok(()));
        return;
    }
    fetch_text(&lang.catalog_path(), move |text| {
        let result = text.ok_or(LoadError::Network).and_then(|json| {
            let pack = i18n::pack_from_catalog(lang, &json).map_err(LoadError::Catalog)?;
            languages::register(lang, pack);
            Ok(())
        });
        done(result);
    });
}

/// How long a catalog may take to arrive (ms). Catalogs are 14–16 KB compressed: seconds even on a
/// slow phone connection.
#[cfg(target_arch = "wasm32")]
const FETCH_TIMEOUT_MS: i32 = 10_000;

/// GETs `url` (same origin) as text; `None` when it fails or takes longer than
/// `FETCH_TIMEOUT_MS`.
fn fetch_text(url: &str, done: impl FnOnce(Option<String>) + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        use std::cell::RefCell;
        use std::rc::Rc;
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::{JsCast, JsValue};

        let Some(window) = web_sys::window() else {
            done(None);
            return;
        };
        let done = Rc::new(RefCell::new(Some(done)));
        let finish = move |text: Option<String>| {
            if let Some(d) = done.borrow_mut().take() {
                d(text);
            }
        };
        let finish = Rc::new(finish);
        let on_text = {
            let finish = finish.clone();
            Closure::once(move |v: JsValue| finish(v.as_string()))
        };
        let on_fail = {
            let finish = finish.clone();
            Closure::once(move |_: JsValue| finish(None))
        };
        let on_response = {
            let finish = finish.clone();
            Closure::once(move |v: JsValue| {
                let text = v
                    .dyn_into::<web_sys::Response>()
                    .ok()
                    .filter(web_sys::Response::ok)
                    .and_then(|r| r.text().ok());
                match text {
                    Some(promise) => {
                        let _ = promise.then2(&on_text, &on_fail);
                        on_text.forget();
                        on_fail.forget();
                    }
                    None => finish(None),
                }
            })
        };
        let on_timeout = {
            let finish = finish.clone();
            Closure::once_into_js(move || finish(None))
        };
        let on_error = Closure::once(move |_: JsValue| finish(None));
        let _ = window.fetch_with_str(url).then2(&on_response, &on_error);
        // A connection that stalls gives up, so the caller can say so instead of leaving
        // "Loading…" up for ever. Whichever comes first finishes; the others do nothing.
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.unchecked_ref(),
            FETCH_TIMEOUT_MS,
        );
        // Each runs at most once and `finish` acts on the first: the closures live until then.
        on_response.forget();
        on_error.forget();
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = url;
        done(None);
    }
}
