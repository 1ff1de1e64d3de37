//! Copying a link and handing it to the phone's share sheet.
//!
//! The Clipboard API exists only in secure contexts (https or localhost); elsewhere, or when the
//! browser refuses, the link's text box is selected so the person can copy it themselves.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::Element;

/// How a copy ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyOutcome {
    /// The text is on the clipboard.
    Copied,
    /// The browser would not copy: the text is selected in `fallback` for Ctrl+C / ⌘C.
    Selected,
}

/// Copies `text`, reporting through `done` once the Clipboard API has answered. `fallback` is
/// the text box (input or textarea) holding the same text.
pub fn copy(text: String, fallback: Option<Element>, done: impl FnOnce(CopyOutcome) + 'static) {
    let Some(clipboard) = navigator_member("clipboard") else {
        done(select_and_copy(fallback.as_ref()));
        return;
    };
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    spawn_local(async move {
        let outcome = match JsFuture::from(clipboard.write_text(&text)).await {
            Ok(_) => CopyOutcome::Copied,
            Err(_) => select_and_copy(fallback.as_ref()),
        };
        done(outcome);
    });
}

fn select_and_copy(field: Option<&Element>) -> CopyOutcome {
    if let Some(input) = field.and_then(|f| f.dyn_ref::<web_sys::HtmlInputElement>()) {
        let _ = input.focus();
        input.select();
    } else if let Some(area) = field.and_then(|f| f.dyn_ref::<web_sys::HtmlTextAreaElement>()) {
        let _ = area.focus();
        area.select();
    } else {
        return CopyOutcome::Selected;
    }
    let copied = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    if copied {
        CopyOutcome::Copied
    } else {
        CopyOutcome::Selected
    }
}

/// `navigator.<name>` when the browser has it (reading it never throws; calling a missing one would).
fn navigator_member(name: &str) -> Option<wasm_bindgen::JsValue> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Whether the browser has a native share sheet (phones, mostly). Asked once, at start.
pub fn can_share() -> bool {
    navigator_member("share").is_some()
}

/// Opens the native share sheet with `url`. Cancelling it is not an error worth telling.
pub fn share(title: &str, url: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if !can_share() {
        return;
    }
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_url(url);
    let shared = window.navigator().share_with_data(&data);
    spawn_local(async move {
        let _ = JsFuture::from(shared).await;
    });
}
