//! The page address: deep links (`?quiz=client` or `?quiz=specialist` opens that quiz where it
//! was left) and the fragment that carries shared results.

use crate::quiz::Audience;

/// A query string asked for something this app does not have. The raw value is never shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadLink;

/// Reads the quiz a query string (`?a=b&quiz=client`) asks for. Other parameters are ignored.
pub fn requested_quiz(search: &str) -> Result<Option<Audience>, BadLink> {
    let query = search.strip_prefix('?').unwrap_or(search);
    let mut wanted = None;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if key == "quiz" {
            wanted = Some(Audience::from_id(value).ok_or(BadLink)?);
        }
    }
    Ok(wanted)
}

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

/// This page's address without its fragment: the base of share links.
pub fn page_address() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let location = web_sys::window()?.location();
        let href = location.href().ok()?;
        Some(
            href.split_once('#')
                .map_or(href.clone(), |(base, _)| base.to_string()),
        )
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
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
pub fn on_fragment_change(on_change: impl Fn(String) + 'static) -> Option<FragmentListener> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;
        let window = web_sys::window()?;
        let closure = Closure::<dyn Fn()>::new(move || {
            if let Some(f) = current_fragment() {
                on_change(f);
            }
        });
        window
            .add_event_listener_with_callback("hashchange", closure.as_ref().unchecked_ref())
            .ok()?;
        Some(FragmentListener { window, closure })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = on_change;
        None
    }
}

pub struct FragmentListener {
    #[cfg(target_arch = "wasm32")]
    window: web_sys::Window,
    #[cfg(target_arch = "wasm32")]
    closure: wasm_bindgen::closure::Closure<dyn Fn()>,
}

impl Drop for FragmentListener {
    fn drop(&mut self) {
        #[cfg(target_arch = "wasm32")]
        {
            use wasm_bindgen::JsCast;
            let _ = self.window.remove_event_listener_with_callback(
                "hashchange",
                self.closure.as_ref().unchecked_ref(),
            );
        }
    }
}
