//! Small DOM helpers used from effects only (never during render, so SSR stays native).

/// Whether [`after_next_paint`] can defer work; off the browser, render everything at once.
pub const CAN_DEFER: bool = cfg!(target_arch = "wasm32");

/// Runs `f` once the browser has painted the current frame, so a click is answered with a paint
/// before heavier rendering starts. Returns false (and drops `f`) when that is not possible.
pub fn after_next_paint(f: impl FnOnce() + 'static) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::{closure::Closure, JsCast};
        let Some(window) = web_sys::window() else {
            return false;
        };
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
    #[cfg(not(target_arch = "wasm32"))]
    {
        drop(f);
        false
    }
}

/// Moves keyboard focus to the first element matching `selector`, if it is mounted; returns
/// whether it worked.
///
/// Inside another site's page, focus moves only once the person is using the widget: focusing
/// an element in a frame scrolls the host page to it, which nobody asked for on page load.
pub fn focus_first(selector: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let found = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(selector).ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = found {
            return focus_element(&el);
        }
    }
    let _ = selector;
    false
}

#[cfg(target_arch = "wasm32")]
fn focus_element(el: &web_sys::HtmlElement) -> bool {
    let idle_in_frame = super::embed::in_frame()
        && !web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.has_focus().ok())
            .unwrap_or(false);
    !idle_in_frame && el.focus().is_ok()
}

/// The element with `id`, if it is mounted.
pub fn element(id: &str) -> Option<web_sys::Element> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = id;
        None
    }
}

/// Sets which option the `<select>` with `id` shows.
pub fn set_select_value(id: &str, value: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if let Some(select) =
            element(id).and_then(|el| el.dyn_into::<web_sys::HtmlSelectElement>().ok())
        {
            select.set_value(value);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (id, value);
}

/// What the text input with `id` holds (empty when there is none), read at event time.
pub fn input_value(id: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if let Some(input) =
            element(id).and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            return input.value();
        }
    }
    let _ = id;
    String::new()
}

/// A listener on `window`; listening stops when this is dropped.
pub struct Listener {
    #[cfg(target_arch = "wasm32")]
    window: web_sys::Window,
    #[cfg(target_arch = "wasm32")]
    event: &'static str,
    #[cfg(target_arch = "wasm32")]
    closure: wasm_bindgen::closure::Closure<dyn Fn(web_sys::Event)>,
}

/// Calls `f` for each `event` on `window`.
#[cfg(target_arch = "wasm32")]
pub fn listen(event: &'static str, f: impl Fn(web_sys::Event) + 'static) -> Option<Listener> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window()?;
    let closure = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(f);
    window
        .add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())
        .ok()?;
    Some(Listener {
        window,
        event,
        closure,
    })
}

impl Drop for Listener {
    fn drop(&mut self) {
        #[cfg(target_arch = "wasm32")]
        {
            use wasm_bindgen::JsCast;
            let _ = self.window.remove_event_listener_with_callback(
                self.event,
                self.closure.as_ref().unchecked_ref(),
            );
        }
    }
}

/// The `content` of every `<meta name="{name}">` in the page, in document order: what the
/// deployment wrote into it (see `scripts/postbuild.mjs`).
pub fn meta_contents(name: &str) -> Vec<String> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
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
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = name;
        Vec::new()
    }
}
