//! Deep links: `?quiz=client` or `?quiz=specialist` opens that quiz (where it was left).

use crate::quiz::Audience;

/// A query string asked for something this app does not have. The raw value is never shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadLink;

/// Reads the quiz a query string (`?a=b&quiz=client`) asks for. Other parameters are ignored.
pub fn requested_quiz(search: &str) -> Result<Option<Audience>, BadLink> {
    let query = search.strip_prefix('?').unwrap_or(search);
    let mut wanted = None;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if key == "quiz" {
            wanted = Some(Audience::from_id(value).ok_or(BadLink)?);
        }
    }
    Ok(wanted)
}

/// The page's query string, if there is a page.
pub fn current_search() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()?.location().search().ok()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}
