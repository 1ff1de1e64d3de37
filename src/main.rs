//! Browser entry point: restore saved progress, then mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    use client_fit::platform::{storage, url};
    use client_fit::quiz::share;
    use client_fit::ui::app::{App, AppProps};
    use client_fit::ui::state::{reduce, Action, AppState, Screen};

    let restored = storage::restore();
    let link = url::current_search().map_or(Ok(None), |s| url::requested_quiz(&s));
    let screen = match link {
        Ok(Some(audience)) => Screen::Quiz(audience),
        _ => restored.screen.unwrap_or(Screen::Start),
    };
    let mut initial = AppState::new(screen, restored.client, restored.specialist, restored.calc);
    initial.bad_link = link.is_err();
    // A result link (`#r=…`) wins over the saved screen and `?quiz=`.
    if let Some(fragment) = url::current_fragment().filter(|f| share::is_share_fragment(f)) {
        let opened = share::parse_link(client_fit::quiz::bank(), &fragment);
        initial = reduce(&initial, Action::OpenLink(opened));
    }
    let props = AppProps {
        initial,
        problem: restored.problem,
    };
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("client-fit"));
    match root {
        Some(el) => {
            // The static "Loading…" placeholder goes once the app can draw.
            el.set_inner_html("");
            yew::Renderer::<App>::with_root_and_props(el, props).render()
        }
        None => yew::Renderer::<App>::with_props(props).render(),
    };
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Client Fit runs in the browser: `make serve`, then open http://127.0.0.1:8080");
}

// SAFETY: this wasm32 build has no threads, which is what AssumeSingleThreaded requires.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
