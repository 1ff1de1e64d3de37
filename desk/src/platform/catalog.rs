//! A language for the desk: the quizzes' catalog and the desk's own.

use client_fit::platform::{address, dom, fetch, storage};
use client_fit_core::config::Config;
use client_fit_core::i18n::{Lang, Pack};
use client_fit_core::saved::LANG_KEY;
use client_fit_core::stored::unquote;

use crate::wording::{english, with_desk_catalog};

/// Why a language could not be shown; the page stays in (or opens in) English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unavailable;

/// `lang` ready to show on the desk: English at once; for another language its quizzes' catalog
/// (`lang/<code>.json`, which also words the questions) and then the desk's (`desk/<code>.json`),
/// both complete. Two small files from the page's own origin, fetched one after the other.
pub async fn language(lang: Lang) -> Result<Pack, Unavailable> {
    if lang == Lang::En {
        return Ok(english());
    }
    let pack = fetch::language(lang).await.map_err(|_| Unavailable)?;
    let desk = fetch::text(&format!("desk/{}.json", lang.code()))
        .await
        .ok_or(Unavailable)?;
    with_desk_catalog(pack, &desk).map_err(|_| Unavailable)
}

/// The language a page of the desk opens in: the reader's own pick (shared with the quizzes),
/// else the address's `lang=`, else the browser's.
pub fn wanted() -> Lang {
    let (config, _) = Config::from_query(&address::current_search().unwrap_or_default());
    let saved = storage::load_text(LANG_KEY).and_then(|raw| unquote(&raw).ok().map(str::to_owned));
    let browser = dom::preferred_languages();
    Lang::negotiate(
        saved
            .iter()
            .map(String::as_str)
            .chain(config.lang.map(Lang::code))
            .chain(browser.iter().map(String::as_str)),
    )
}
