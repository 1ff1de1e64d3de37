//! Mounting the desk page.

/// Mounts the page's root component `C` in `#client-fit` (replacing its static "Loading…"
/// placeholder), or in the body when the page has no such element.
pub fn mount<C: yew::BaseComponent>(props: C::Properties) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("client-fit"));
    match root {
        Some(el) => {
            el.set_inner_html("");
            yew::Renderer::<C>::with_root_and_props(el, props).render()
        }
        None => yew::Renderer::<C>::with_props(props).render(),
    };
}
