//! Small DOM helpers, called from effects and handlers only (never during render, so components
//! render natively in tests).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Whether [`after_next_paint`] can defer work; off the browser, render everything at once.
pub const CAN_DEFER: bool = cfg!(target_arch = "wasm32");

/// Runs `f` once the browser has painted the current frame, so a click is answered with a paint
/// before heavier rendering starts. Returns false (and drops `f`) when that is not possible.
pub fn after_next_paint(f: impl FnOnce() + 'static) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    // Both closures are freed once called (`once_into_js`).
    let later = Closure::once_into_js(f);
    let timer_window = window.clone();
    // An animation frame runs just before the paint; a zero timeout queued from it, after.
    let frame = Closure::once_into_js(move || {
        let _ = timer_window
            .set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 0);
    });
    window
        .request_animation_frame(frame.unchecked_ref())
        .is_ok()
}

/// Moves keyboard focus to the first element matching `selector`, if it is mounted; returns
/// whether it worked.
///
/// Inside another site's page, focus moves only once the person is using the widget: focusing
/// an element in a frame scrolls the host page to it, which nobody asked for on page load.
pub fn focus_first(selector: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(el) = document
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    let idle_in_frame = super::embed::in_frame() && !document.has_focus().unwrap_or(false);
    !idle_in_frame && el.focus().is_ok()
}

/// The element with `id`, if it is mounted.
pub fn element(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// Sets which option the `<select>` with `id` shows.
pub fn set_select_value(id: &str, value: &str) {
    if let Some(select) =
        element(id).and_then(|el| el.dyn_into::<web_sys::HtmlSelectElement>().ok())
    {
        select.set_value(value);
    }
}

/// What the text input with `id` holds (empty when there is none), read at event time.
pub fn input_value(id: &str) -> String {
    element(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value())
        .unwrap_or_default()
}

/// The `content` of every `<meta name="{name}">` in the page, in document order: what the
/// deployment wrote into it (see `scripts/postbuild.mjs`).
pub fn meta_contents(name: &str) -> Vec<String> {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    let Ok(list) = document.query_selector_all("meta[name][content]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.get(i)?.dyn_into::<web_sys::Element>().ok())
        .filter(|el| el.get_attribute("name").as_deref() == Some(name))
        .filter_map(|el| el.get_attribute("content"))
        .collect()
}

/// The browser's preferred language tags, best first.
pub fn preferred_languages() -> Vec<String> {
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

/// Tells the page which language it is in (screen readers pick their voice from it).
pub fn set_document_lang(lang: client_fit_core::i18n::Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
    }
}
