//! The content compiled into this binary: the postcard blob `build.rs` made from the validated
//! JSON, deserialized once on first use. Another language's content replaces its wording
//! (`i18n`); `bank()` returns the one on screen.

use std::cell::Cell;
use std::sync::OnceLock;

use super::content::Bank;

static BANK_POSTCARD: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bank.postcard"));

/// The English question bank and rules.
pub fn english_bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(|| {
        // invariant: build.rs wrote this blob from the same types after validating the content.
        // (`unwrap_or_else` + `panic!`, not `expect`: no Debug formatting in the wasm.)
        decode_bank().unwrap_or_else(|_| panic!("embedded content decodes"))
    })
}

thread_local! {
    static SHOWN: Cell<Option<&'static Bank>> = const { Cell::new(None) };
}

/// The question bank in the language on screen (English until another is chosen). Ids, weights
/// and rules are the same in every language; only wording differs.
pub fn bank() -> &'static Bank {
    SHOWN.with(Cell::get).unwrap_or_else(english_bank)
}

/// Shows `bank` from now on (see `i18n::activate`).
pub fn set_bank(bank: &'static Bank) {
    SHOWN.with(|s| s.set(Some(bank)));
}

/// Decodes the embedded blob afresh (what start-up pays once; the benchmark times it).
pub fn decode_bank() -> Result<Bank, postcard::Error> {
    postcard::from_bytes(BANK_POSTCARD)
}
