//! The page address: its query (read by `config`) and the fragment that carries shared results.

use gloo_events::EventListener;

/// The address bar could not be read or changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadLink;

/// The page's query string.
pub fn current_search() -> Option<String> {
    web_sys::window()?.location().search().ok()
}

/// The page's fragment without `#`.
pub fn current_fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    Some(hash.strip_prefix('#').unwrap_or(&hash).to_string())
}

/// The page's whole address.
pub fn current_href() -> Option<String> {
    web_sys::window()?.location().href().ok()
}

/// Shows `fragment` (or none) in the address bar without a new history entry or a `hashchange`,
/// so a reload reopens what is on screen.
pub fn replace_fragment(fragment: &Option<String>) -> Result<(), BadLink> {
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
    replace(&window, &url)
}

/// Replaces the query string (`?…`) in the address bar, keeping path and fragment, without a new
/// history entry.
pub fn replace_search(search: &str) -> Result<(), BadLink> {
    let window = web_sys::window().ok_or(BadLink)?;
    let location = window.location();
    let mut url = location.pathname().map_err(|_| BadLink)?;
    if !search.is_empty() {
        url.push('?');
        url.push_str(search.trim_start_matches('?'));
    }
    url.push_str(&location.hash().map_err(|_| BadLink)?);
    replace(&window, &url)
}

fn replace(window: &web_sys::Window, url: &str) -> Result<(), BadLink> {
    window
        .history()
        .map_err(|_| BadLink)?
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
        .map_err(|_| BadLink)
}

/// Calls `on_change` with the new fragment whenever the person opens another `#…` link in this
/// tab (which does not reload the page). Listening stops when the returned listener is dropped.
pub fn on_fragment_change(on_change: impl Fn(String) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "hashchange", move |_| {
        if let Some(f) = current_fragment() {
            on_change(f);
        }
    }))
}
