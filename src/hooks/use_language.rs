use yew::prelude::*;

use client_fit_core::i18n::Pack;

/// The language on screen: its messages and its localized bank, from the context the app
/// provides (English without one, as in a test rendering a component alone).
///
/// # Example
/// ```ignore
/// let lang = use_language();
/// html! { <h1>{ lang.messages.t("app.title") }</h1> }
/// ```
#[hook]
pub fn use_language() -> Pack {
    use_context::<Pack>().unwrap_or_else(Pack::english)
}
