//! Small DOM helpers used from effects only (never during render, so SSR stays native).

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
