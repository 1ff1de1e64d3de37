//! The page address: its query (read by `config`) and the fragment that carries shared results.

/// The address bar could not be read or changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadLink;

/// The page's query string, if there is a page.
pub fn current_search() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()?.location().search().ok()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// The page's fragment without `#`, if there is a page.
pub fn current_fragment() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let hash = web_sys::window()?.location().hash().ok()?;
        Some(hash.strip_prefix('#').unwrap_or(&hash).to_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// This page's address as the base of share links (see [`client_fit_core::config::share_base`]).
pub fn page_address(config: &client_fit_core::config::Config) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let href = web_sys::window()?.location().href().ok()?;
        Some(client_fit_core::config::share_base(&href, config))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = config;
        None
    }
}

/// Shows `fragment` (or none) in the address bar without a new history entry or a `hashchange`,
/// so a reload reopens what is on screen.
pub fn replace_fragment(fragment: &Option<String>) -> Result<(), BadLink> {
    #[cfg(target_arch = "wasm32")]
    {
        let window = web_sys::window().ok_or(BadLink)?;
        let location = window.location();
        let mut url = format!(
            "{}{}",
            location.pathname().map_err(|_| BadLink)?,
            location.search().map_err(|_| BadLink)?
        );
        if let Some(f) = fragment {
            url.push('#');
            url.push_str(f);
        }
        let history = window.history().map_err(|_| BadLink)?;
        history
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            .map_err(|_| BadLink)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = fragment;
        Ok(())
    }
}

/// Calls `on_change` with the new fragment whenever the person opens another `#…` link in this
/// tab (which does not reload the page). Listening stops when the returned guard is dropped.
pub fn on_fragment_change(on_change: impl Fn(String) + 'static) -> Option<super::dom::Listener> {
    #[cfg(target_arch = "wasm32")]
    {
        super::dom::listen("hashchange", move |_| {
            if let Some(f) = current_fragment() {
                on_change(f);
            }
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = on_change;
        None
    }
}

/// Replaces the query string (`?…`) in the address bar, keeping path and fragment, without a new
/// history entry.
pub fn replace_search(search: &str) -> Result<(), BadLink> {
    #[cfg(target_arch = "wasm32")]
    {
        let window = web_sys::window().ok_or(BadLink)?;
        let location = window.location();
        let mut url = location.pathname().map_err(|_| BadLink)?;
        if !search.is_empty() {
            url.push('?');
            url.push_str(search.trim_start_matches('?'));
        }
        url.push_str(&location.hash().map_err(|_| BadLink)?);
        window
            .history()
            .map_err(|_| BadLink)?
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            .map_err(|_| BadLink)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = search;
        Ok(())
    }
}
