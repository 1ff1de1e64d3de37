//! A language for the desk: the quizzes' catalog and the desk's own.

use client_fit::platform::fetch;
use client_fit_core::i18n::{Lang, Pack};

use crate::app::{english, with_desk_catalog};

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
