//! When something panics, the widget is replaced by a small static screen instead of freezing:
//! what happened, that the answers are still saved, a link to the result when the quiz was
//! finished, and "Start over" / "Reload". The wasm instance is not trusted after a panic, so the
//! screen is plain HTML with plain links (no handlers) on a fresh element, and its wording is what
//! the app left in the page beforehand (`texts`): a panic hook cannot reach the app's context.

use client_fit_core::html::escaped;
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

/// The crash screen's wording, in the language on screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrashTexts {
    pub title: String,
    pub saved: String,
    pub link_client: String,
    pub link_specialist: String,
    pub reload: String,
    pub start_over: String,
    pub note: String,
}

/// Where the wording is kept in the page (a `<template>`, never shown), and under which attribute
/// each catalog text goes, in [`CrashTexts`] order. The app renders it with every language change.
pub const TEXTS_ID: &str = "cf-crash-texts";
pub const TEXTS: [(&str, &str); 7] = [
    ("data-title", "crash.title"),
    ("data-saved", "crash.saved"),
    ("data-link-client", "crash.link.client"),
    ("data-link-specialist", "crash.link.specialist"),
    ("data-reload", "crash.reload"),
    ("data-start-over", "crash.start_over"),
    ("data-note", "crash.start_over_note"),
];

impl CrashTexts {
    pub fn from_messages(m: &Messages) -> CrashTexts {
        CrashTexts::from_lookup(|key| Some(m.t(key)))
    }

    fn from_lookup(get: impl Fn(&str) -> Option<String>) -> CrashTexts {
        let [title, saved, link_client, link_specialist, reload, start_over, note] =
            TEXTS.map(|(_, key)| get(key).unwrap_or_default());
        CrashTexts {
            title,
            saved,
            link_client,
            link_specialist,
            reload,
            start_over,
            note,
        }
    }

    /// What the app left in the page, or English where it left nothing readable.
    fn from_page() -> CrashTexts {
        let kept = crate::platform::dom::element(TEXTS_ID);
        let english = Messages::english();
        CrashTexts::from_lookup(|key| {
            let name = TEXTS.iter().find(|(_, k)| *k == key).map(|(n, _)| *n)?;
            kept.as_ref()
                .and_then(|el| el.get_attribute(name))
                .or_else(|| Some(english.t(key)))
        })
    }
}

/// Installs the panic hook. Call it after mounting: Yew installs its own hook (which logs the
/// panic to the console) when it renders; ours keeps that and then shows the crash screen.
pub fn install() {
    let log = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        log(info);
        show();
    }));
}

/// Replaces the widget with the crash screen. Best effort at every step: this runs while the app
/// is failing, so nothing here may panic.
pub fn show() {
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
    let search = crate::platform::address::current_search().unwrap_or_default();
    // The person's click on "Start over" carries this tab's one-time token.
    let token = crate::platform::storage::grant_reset();
    fresh.set_inner_html(&screen_html(
        &CrashTexts::from_page(),
        &finished_links(),
        &without_reset(&search),
        token.as_deref(),
    ));
    let _ = old.replace_with_with_node_1(&fresh);
}

/// Share links of finished quizzes, from what storage holds (the app's state may be broken).
fn finished_links() -> Vec<(Audience, String)> {
    use client_fit_core::{english_bank as bank, saved, share, stored};
    let Some(href) = crate::platform::address::current_href() else {
        return Vec::new();
    };
    let base = client_fit_core::config::share_base(&href, &Default::default());
    Audience::ALL
        .into_iter()
        .filter_map(|a| {
            let raw = crate::platform::storage::load_text(saved::progress_key(a))?;
            let progress = stored::decode_progress(stored::unquote(&raw).ok()?, bank(), a).ok()?;
            if !progress.finished(bank(), a) {
                return None;
            }
            let token = share::encode(bank(), a, &progress.answers)?;
            Some((a, format!("{base}#{}", share::fragment(&[token]))))
        })
        .collect()
}

/// The crash screen's markup. Every text is escaped; links are built here, never taken from input.
/// (Attributes are single-quoted.)
/// `search` is the page's query without the reset parameter (see [`without_reset`]); `token` the
/// one-time permission to start over (without one, the app asks before it clears anything).
pub fn screen_html(
    t: &CrashTexts,
    links: &[(Audience, String)],
    search: &str,
    token: Option<&str>,
) -> String {
    let esc = escaped;
    let mut out = String::from("<main class='cf-crash' role='alert' data-testid='crash'><h1>");
    out.push_str(&esc(&t.title));
    out.push_str("</h1><p>");
    out.push_str(&esc(&t.saved));
    out.push_str("</p>");
    for (a, link) in links {
        let label = match a {
            Audience::Client => &t.link_client,
            Audience::Specialist => &t.link_specialist,
        };
        out.push_str(&format!(
            "<p><a href='{}' data-testid='crash-link-{}'>{}</a></p>",
            esc(link),
            a.id(),
            esc(label)
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
    out.push_str(&esc(&t.reload));
    out.push_str("</a> <a class='cf-secondary cf-button-link' href='");
    out.push_str(&esc(&reset));
    out.push_str("' data-testid='crash-reset'>");
    out.push_str(&esc(&t.start_over));
    out.push_str("</a></p><p class='cf-small cf-muted'>");
    out.push_str(&esc(&t.note));
    out.push_str("</p></main>");
    out
}

/// A deliberate panic, callable from the browser console or a test as
/// `window.wasmBindings.client_fit_crash_test()`: it proves the crash screen works. No address,
/// storage or message reaches it.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn client_fit_crash_test() {
    panic!("crash test");
}
