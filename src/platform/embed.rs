//! Living inside an agency's page: theme from the address, messages to and from the host page,
//! and the content height for the loader to size the frame.

use gloo_events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use client_fit_core::host::{HostEvent, Value};

/// Whether this page runs in a frame (another page embeds it).
pub fn in_frame() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    match window.parent() {
        Ok(Some(parent)) => !js_sys::Object::is(&window, &parent),
        _ => false,
    }
}

/// Sends `event` to the host page at `origin`. Nothing is sent outside a frame, nor when the
/// host's origin is unknown: `"*"` would hand it to whatever page frames the widget.
pub fn post(event: &HostEvent, origin: Option<&str>) {
    let Some(origin) = origin.filter(|_| in_frame()) else {
        return;
    };
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
        return;
    };
    // A wrong origin makes the browser drop the message; nothing to report.
    let _ = parent.post_message(&to_js(&event.to_value()), origin);
}

/// Tells the loader each time Escape is pressed in the app and nothing in it took the key (in a
/// frame that posts its events to `origin`), so that a popup or slider holding the app closes
/// with focus inside it too.
pub fn forward_escape(origin: Option<String>) {
    let Some(origin) = origin.filter(|_| in_frame()) else {
        return;
    };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    EventListener::new(&document, "keydown", move |e| {
        let escape = e
            .dyn_ref::<web_sys::KeyboardEvent>()
            .is_some_and(|k| k.key() == "Escape");
        if escape && !e.default_prevented() {
            post(&HostEvent::Escape, Some(&origin));
        }
    })
    .forget();
}

fn to_js(value: &Value) -> JsValue {
    match value {
        Value::Text(s) => JsValue::from_str(s),
        Value::Number(n) => JsValue::from_f64(f64::from(*n)),
        Value::Object(fields) => {
            let object = js_sys::Object::new();
            for (key, v) in fields {
                let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &to_js(v));
            }
            object.into()
        }
    }
}

/// Sets the accent colour (already checked to be `#rrggbb`) and the readable ink on it, and,
/// when the loader sizes the frame, turns inner scrolling off.
pub fn apply_theme(accent: Option<&str>, fit: bool) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    if let (Some(accent), Some(style)) = (
        accent,
        root.dyn_ref::<web_sys::HtmlElement>().map(|e| e.style()),
    ) {
        let _ = style.set_property("--cf-accent", accent);
        let _ = style.set_property("--cf-accent-ink", client_fit_core::config::ink_for(accent));
    }
    if fit {
        let _ = root.class_list().add_1("cf-fit");
    }
}

/// A line in the browser console for the agency's developer.
pub fn warn(text: &str) {
    web_sys::console::warn_1(&text.into());
}

/// The height of the app's content in CSS pixels.
pub fn content_height() -> Option<u32> {
    let body = web_sys::window()?.document()?.body()?;
    let h = body.get_bounding_client_rect().height().ceil();
    (h.is_finite() && h >= 0.0).then_some(h as u32)
}

/// Calls `on_resize` with the content height whenever it changes. Stops when dropped.
pub fn watch_height(on_resize: impl Fn(u32) + 'static) -> Option<Watcher> {
    let body = web_sys::window()?.document()?.body()?;
    let last = std::cell::Cell::new(u32::MAX);
    let closure = Closure::<dyn Fn()>::new(move || {
        if let Some(h) = content_height() {
            if h != last.replace(h) {
                on_resize(h);
            }
        }
    });
    let observer = web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref()).ok()?;
    observer.observe(&body);
    Some(Watcher {
        observer,
        _closure: closure,
    })
}

/// A [`watch_height`] under way: the observer and the closure it calls live as long as this.
pub struct Watcher {
    observer: web_sys::ResizeObserver,
    _closure: Closure<dyn Fn()>,
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `on_message` with the `type` of each message from the parent window whose type is one
/// of `known`. Messages from anywhere else (other frames, other windows) or of other types are
/// ignored. Stops when the listener is dropped.
pub fn on_parent_message(
    known: &'static [&'static str],
    on_message: impl Fn(&'static str) + 'static,
) -> Option<EventListener> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    Some(EventListener::new(&window, "message", move |e| {
        let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let from_parent = e.source().is_some_and(|s| js_sys::Object::is(&s, &parent));
        if !from_parent {
            return;
        }
        let kind = js_sys::Reflect::get(&e.data(), &"type".into())
            .ok()
            .and_then(|t| t.as_string());
        if let Some(k) = kind.and_then(|k| known.iter().copied().find(|x| *x == k)) {
            on_message(k);
        }
    }))
}
