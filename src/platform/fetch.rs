//! Fetching a language's catalog from the page's own origin, with a time limit.

use std::future::Future;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use client_fit_core::i18n::{pack_from_catalog, CatalogError, Lang, Pack};

/// How long a catalog may take to arrive (ms): catalogs are small enough to arrive within seconds
/// even on a slow phone connection, so this only catches a stalled one.
const FETCH_TIMEOUT_MS: i32 = 10_000;

/// Why a language could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The catalog could not be fetched (offline, not deployed, blocked, too slow).
    Network,
    /// It arrived but is not a complete catalog.
    Catalog(CatalogError),
}

/// Runs `future` on the browser's event loop.
pub fn spawn(future: impl Future<Output = ()> + 'static) {
    wasm_bindgen_futures::spawn_local(future);
}

/// `lang` ready to show: English at once, any other fetched from `lang/<code>.json`.
pub async fn language(lang: Lang) -> Result<Pack, LoadError> {
    if lang == Lang::En {
        return Ok(Pack::english());
    }
    let json = text(&lang.catalog_path()).await.ok_or(LoadError::Network)?;
    pack_from_catalog(lang, &json).map_err(LoadError::Catalog)
}

/// GETs `url` (same origin) as text; `None` when it fails or takes longer than
/// [`FETCH_TIMEOUT_MS`]: a connection that stalls gives up, so the caller can say so instead of
/// leaving "Loading…" up for ever.
pub async fn text(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let timeout = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, FETCH_TIMEOUT_MS);
    });
    let race = |p: js_sys::Promise| js_sys::Promise::race(&js_sys::Array::of2(&p, &timeout));
    let response = JsFuture::from(race(window.fetch_with_str(url)))
        .await
        .ok()?
        .dyn_into::<web_sys::Response>()
        .ok()
        .filter(web_sys::Response::ok)?;
    let body: JsValue = JsFuture::from(race(response.text().ok()?)).await.ok()?;
    body.as_string()
}
