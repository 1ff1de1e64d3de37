//! The content compiled into this binary: the postcard blob `build.rs` made from the validated
//! JSON, deserialized once on first use.

use std::sync::OnceLock;

use super::content::Bank;

static BANK_POSTCARD: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bank.postcard"));

/// The question bank and rules.
pub fn bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(|| {
        // invariant: build.rs wrote this blob from the same types after validating the content.
        decode_bank().expect("embedded content decodes")
    })
}

/// Decodes the embedded blob afresh (what start-up pays once; the benchmark times it).
pub fn decode_bank() -> Result<Bank, postcard::Error> {
    postcard::from_bytes(BANK_POSTCARD)
}
