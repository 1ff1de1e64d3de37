//! When something panics, the widget is replaced by a small static screen instead of freezing:
//! what happened, that the answers are still saved, a link to the result when the quiz was
//! finished, and "Start over" / "Reload". The wasm instance is not trusted after a panic, so the
//! screen is plain HTML with plain links (no handlers) on a fresh element.

use client_fit_core::i18n::Messages;
use client_fit_core::Audience;

/// The address parameter of "Start over": `reset=<token>`. Only a token this tab was handed by
/// the crash screen (see `storage::grant_reset`) starts over at once; any other `reset` (a link
/// someone wrote) makes the app ask first.
pub const RESET_PARAM: &str = "reset";

fn is_reset(pair: &str) -> bool {
    pair == RESET_PARAM || pair.starts_with("reset=")
}

/// The query without the reset parameter (`?quiz=client&lang=fi`, or empty): an embedding's
/// parameters survive a reload and a start over.
pub fn without_reset(search: &str) -> String {
    let kept: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && !is_reset(p))
        .collect();
    if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    }
}

/// The token the address carries when it asks for a start over (empty for a bare `reset`).
pub fn asks_reset(search: &str) -> Option<&str> {
    search
        .trim_start_matches('?')
        .split('&')
        .find(|p| is_reset(p))
        .map(|p| p.split_once('=').map_or("", |(_, token)| token))
}

/// Installs the panic hook. Call it after mounting: Yew installs its own hook (which logs the
/// panic to the console) when it renders; ours keeps that and then shows the crash screen.
pub fn install() {
    #[cfg(target_arch = "wasm32")]
    {
        let log = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            log(info);
            show();
        }));
    }
}

/// Replaces the widget with the crash screen. Best effort at every step: this runs while the app
/// is failing, so nothing here may panic.
pub fn show() {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(old) = document
            .get_element_by_id("client-fit")
            .or_else(|| document.body().map(Into::into))
        else {
            return;
        };
        let Ok(fresh) = document.create_element("div") else {
            return;
        };
        fresh.set_id("client-fit");
        let search = crate::platform::url::current_search().unwrap_or_default();
        // The person's click on "Start over" carries this tab's one-time token.
        let token = crate::platform::storage::grant_reset();
        fresh.set_inner_html(&screen_html(
            &live::messages(),
            &live::finished_links(),
            &without_reset(&search),
            token.as_deref(),
        ));
        let _ = old.replace_with_with_node_1(&fresh);
    }
}

#[cfg(target_arch = "wasm32")]
mod live {
    use crate::languages::{self, bank};
    use crate::platform::{storage, url};
    use client_fit_core::i18n::Messages;
    use client_fit_core::stored as codec;
    use client_fit_core::{share, Audience};

    /// The messages of the language on screen, if they can be had without risk; English otherwise.
    pub fn messages() -> std::rc::Rc<Messages> {
        std::panic::catch_unwind(|| languages::messages(languages::current()))
            .unwrap_or_else(|_| Messages::english())
    }

    /// Share links of finished quizzes, from what storage holds (the app's state may be broken).
    pub fn finished_links() -> Vec<(Audience, String)> {
        let Some(base) = url::page_address(&client_fit_core::config::Config::default()) else {
            return Vec::new();
        };
        Audience::ALL
            .into_iter()
            .filter_map(|a| {
                let raw = storage::load_text(storage::progress_key(a))?;
                let progress =
                    codec::decode_progress(codec::unquote(&raw).ok()?, bank(), a).ok()?;
                if !progress.finished(bank(), a) {
                    return None;
                }
                let token = share::encode(bank(), a, &progress.answers)?;
                Some((a, format!("{base}#{}", share::fragment(&[token]))))
            })
            .collect()
    }
}

/// The crash screen's markup. Every text is escaped; links are built here, never taken from input.
/// (Attributes are single-quoted.)
/// `search` is the page's query without the reset parameter (see [`without_reset`]); `token` the
/// one-time permission to start over (without one, the app asks before it clears anything).
pub fn screen_html(
    m: &Messages,
    links: &[(Audience, String)],
    search: &str,
    token: Option<&str>,
) -> String {
    let esc = crate::ui::markup::escaped;
    let mut out = String::from("<main class='cf-crash' role='alert' data-testid='crash'><h1>");
    out.push_str(&esc(&m.t("crash.title")));
    out.push_str("</h1><p>");
    out.push_str(&esc(&m.t("crash.saved")));
    out.push_str("</p>");
    for (a, link) in links {
        out.push_str(&format!(
            "<p><a href='{}' data-testid='crash-link-{}'>{}</a></p>",
            esc(link),
            a.id(),
            esc(&m.t(&format!("crash.link.{}", a.id())))
        ));
    }
    // Relative links that only change the query: the embedding's parameters stay.
    let reload = if search.is_empty() { "?" } else { search };
    let reset_param = format!("{RESET_PARAM}={}", token.unwrap_or_default());
    let reset = match search {
        "" => format!("?{reset_param}"),
        s => format!("{s}&{reset_param}"),
    };
    out.push_str("<p class='cf-row'><a class='cf-primary cf-button-link' href='");
    out.push_str(&esc(reload));
    out.push_str("' data-testid='crash-reload'>");
    out.push_str(&esc(&m.t("crash.reload")));
    out.push_str("</a> <a class='cf-secondary cf-button-link' href='");
    out.push_str(&esc(&reset));
    out.push_str("' data-testid='crash-reset'>");
    out.push_str(&esc(&m.t("crash.start_over")));
    out.push_str("</a></p><p class='cf-small cf-muted'>");
    out.push_str(&esc(&m.t("crash.start_over_note")));
    out.push_str("</p></main>");
    out
}

/// A deliberate panic, callable from the browser console or a test as
/// `window.wasmBindings.client_fit_crash_test()`: it proves the crash screen works. No address,
/// storage or message reaches it.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn client_fit_crash_test() {
    panic!("crash test");
}
