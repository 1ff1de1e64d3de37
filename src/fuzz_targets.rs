//! Oracles for fuzzing the decoders of outside data. Each takes arbitrary bytes, must never panic,
//! and asserts what a successful decode promises. Used by `examples/fuzz.rs` (a bounded run in
//! `make test`, long runs by hand); the wasm build never calls them, so they cost it nothing.

use crate::quiz::share::{decode, encode, parse_link};
use crate::quiz::{bank, Audience};

/// A share link or pasted text: refused, or read as finished results that encode back to the
/// very tokens given (the format is canonical).
pub fn share_link(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Ok(results) = parse_link(bank(), &text) else {
        return;
    };
    assert!(!results.is_empty() && results.len() <= 2);
    for r in &results {
        for q in &bank().questions {
            let a = r
                .answers
                .get(&q.id)
                .expect("a decoded result answers every pair");
            assert!(q.choice(a).is_some());
        }
        if r.audience == Audience::Client {
            assert_eq!(r.answers.len(), bank().questions.len());
        }
        let token = encode(bank(), r.audience, &r.answers).expect("a decoded result encodes");
        assert_eq!(decode(bank(), &token).as_ref(), Ok(r));
        assert!(
            text.contains(&token),
            "not canonical: {text:?} read as {token}"
        );
    }
}
