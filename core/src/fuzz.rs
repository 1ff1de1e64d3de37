//! Oracles for fuzzing the decoders of outside data. Each takes arbitrary bytes, must never panic,
//! and asserts what a successful decode promises. Used by `examples/fuzz.rs` (a bounded run in
//! `make test`, long runs by hand); the wasm build never calls them, so they cost it nothing.

use crate::config::{Config, Contact};
use crate::progress::Progress;
use crate::share::{self, decode, encode, parse_link};
use crate::stored as codec;
use crate::{english_bank as bank, Audience};

/// A share link or pasted text: refused, or read as finished results that encode back to the
/// very tokens given (the format is canonical); a token of an earlier content layout re-encodes in
/// the current one.
pub fn share_link(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Ok(results) = parse_link(bank(), &text) else {
        return;
    };
    assert!(!results.is_empty() && results.len() <= 2);
    let current = share::layout_id(bank()).to_be_bytes();
    let earlier_layout = text
        .split(['#', '&', '=', ' ', '/', '?'])
        .filter_map(share::base64_decode)
        .any(|b| b.len() > 3 && b[1..3] != current);
    for r in &results {
        for q in bank().questions.iter() {
            match r.answers.get(q.id.as_ref()) {
                Some(a) => assert!(q.choice(a).is_some()),
                None => assert!(earlier_layout, "a current result answers every pair"),
            }
        }
        if r.audience == Audience::Client && !earlier_layout {
            assert_eq!(r.answers.len(), bank().questions.len());
        }
        let Some(token) = encode(bank(), r.audience, &r.answers) else {
            assert!(earlier_layout, "a current result encodes");
            continue;
        };
        assert_eq!(decode(bank(), &token).as_ref(), Ok(r));
        assert!(
            earlier_layout || text.contains(&token),
            "not canonical: {text:?} read as {token}"
        );
    }
}

/// The page's query: whatever passes is in its narrow, inert form.
pub fn config(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (config, _) = Config::from_query(&text);
    if let Some(accent) = &config.accent {
        assert!(accent.len() == 7 && accent.starts_with('#'));
        assert!(accent[1..].bytes().all(|b| b.is_ascii_hexdigit()));
    }
    if let Some(agency) = &config.agency {
        assert!(!agency.is_empty() && agency.chars().count() <= crate::config::MAX_AGENCY_CHARS);
        assert!(!agency.chars().any(char::is_control));
    }
    match &config.contact {
        Some(Contact::Mail(a)) => assert!(a.contains('@') && !a.contains(['?', '%', ':'])),
        Some(contact @ Contact::Page(url)) => {
            assert!(url.starts_with("https://"));
            let href = contact.href("https://x.example/#r=A", "s");
            assert!(href.starts_with("https://") && !href.contains(char::is_whitespace));
        }
        None => {}
    }
    let _ = crate::config::share_base(&text, &config);
    if let Some(agency) = &config.agency {
        assert!(!agency
            .chars()
            .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)));
    }
}

/// Saved progress and calculator inputs as read back from storage: refused, or decoded to values
/// that encode back to a form that decodes to the same.
pub fn stored(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Ok(inner) = codec::unquote(&text) else {
        return;
    };
    for a in Audience::ALL {
        if let Ok(p) = codec::decode_progress(inner, bank(), a) {
            // Writing it back loses nothing: the same answers, and a step past the end reads
            // back as "done".
            let again = codec::decode_progress(&codec::encode_progress(&p, bank(), a), bank(), a);
            let expected = Progress {
                step: p.step.min(bank().step_count(a)),
                answers: p.answers.clone(),
            };
            assert_eq!(again, Ok(expected));
            let _ = p.sanitized(bank(), a);
        }
    }
    let _ = codec::written_by_newer(inner);
    if let Ok(plan) = codec::decode_plan(inner) {
        assert_eq!(
            codec::decode_plan(&codec::encode_plan(&plan)),
            Ok(plan.clone())
        );
        let _ = plan.validate();
    }
}
