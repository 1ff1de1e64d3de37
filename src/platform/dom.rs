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

use yew::NodeRef;

/// Moves keyboard focus to the element, if it is mounted; returns whether it worked.
pub fn focus(node: &NodeRef) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        if let Some(el) = node.cast::<web_sys::HtmlElement>() {
            return el.focus().is_ok();
        }
    }
    let _ = node;
    false
}
