//! Copying a link and handing it to the phone's share sheet.
//!
//! The Clipboard API exists only in secure contexts (https or localhost); elsewhere, or when the
//! browser refuses, the link's text box is selected so the person can copy it themselves.

use web_sys::Element;

/// How a copy ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyOutcome {
    /// The text is on the clipboard.
    Copied,
    /// The browser would not copy: the text is selected in `fallback` for Ctrl+C / ⌘C.
    Selected,
}

/// Copies `text`, reporting through `done` (later: the Clipboard API answers asynchronously).
/// `fallback` is the text box (input or textarea) holding the same text.
pub fn copy(text: &str, fallback: Option<Element>, done: impl FnOnce(CopyOutcome) + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        use std::cell::RefCell;
        use std::rc::Rc;

        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::{JsCast, JsValue};

        let select = move || select_and_copy(fallback.as_ref());
        let Some(clipboard) = navigator_member("clipboard") else {
            done(select());
            return;
        };
        let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
        let done = Rc::new(RefCell::new(Some(done)));
        let on_ok = {
            let done = done.clone();
            Closure::once(move |_: JsValue| {
                if let Some(d) = done.borrow_mut().take() {
                    d(CopyOutcome::Copied);
                }
            })
        };
        let on_err = Closure::once(move |_: JsValue| {
            if let Some(d) = done.borrow_mut().take() {
                d(select());
            }
        });
        let _ = clipboard.write_text(text).then2(&on_ok, &on_err);
        // One of the two runs, once; the pair is a few bytes per click.
        on_ok.forget();
        on_err.forget();
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (text, fallback);
        done(CopyOutcome::Selected);
    }
}

#[cfg(target_arch = "wasm32")]
fn select_and_copy(field: Option<&Element>) -> CopyOutcome {
    use wasm_bindgen::JsCast;
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
#[cfg(target_arch = "wasm32")]
fn navigator_member(name: &str) -> Option<wasm_bindgen::JsValue> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Whether the browser has a native share sheet (phones, mostly). Asked once: the first look at
/// `navigator.share` took Chromium over a millisecond, and every result render asks.
pub fn can_share() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        thread_local! {
            static CAN: bool = navigator_member("share").is_some();
        }
        CAN.with(|c| *c)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        false
    }
}

/// Opens the native share sheet with `url`. Cancelling it is not an error worth telling.
pub fn share(title: &str, url: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        if !can_share() {
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let data = web_sys::ShareData::new();
        data.set_title(title);
        data.set_url(url);
        let ignore = wasm_bindgen::closure::Closure::once(|_: wasm_bindgen::JsValue| {});
        let _ = window.navigator().share_with_data(&data).catch(&ignore);
        ignore.forget();
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (title, url);
    }
}
