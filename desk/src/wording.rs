//! The desk's wording: English compiled in, another language's added to the quizzes' pack of
//! that language. Used by both of this crate's pages (the desk and the agreement sheet).

use std::rc::Rc;

use client_fit_core::i18n::{parse_flat, Pack};

/// The desk's own wording in English, compiled in; the other languages' are fetched beside the
/// quizzes' catalogs (`desk/<code>.json`, `platform::catalog`), as the quizzes' are.
pub const ENGLISH: &str = include_str!("../../content/desk/en.json");

/// `pack` with the desk's wording added from `json`, the desk catalog of its language; refused
/// when that catalog is not a flat object of strings or lacks a text English has.
pub fn with_desk_catalog(pack: Pack, json: &str) -> Result<Pack, String> {
    let messages = pack.messages.with_catalog(json)?;
    let english = parse_flat(ENGLISH)?;
    if let Some((missing, _)) = english.iter().find(|(id, _)| !messages.contains(id)) {
        return Err(format!("the desk catalog lacks {missing}"));
    }
    Ok(Pack {
        messages: Rc::new(messages),
        ..pack
    })
}

/// English, with the desk's wording.
pub fn english() -> Pack {
    let pack = Pack::english();
    with_desk_catalog(pack.clone(), ENGLISH).unwrap_or(pack)
}
