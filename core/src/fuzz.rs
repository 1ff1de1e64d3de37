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
                Some(a) => assert!(q.choice(a.as_str()).is_some()),
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
    assert!(config.hidden.len() <= crate::config::HIDDEN_MAX);
    for (name, value) in &config.hidden {
        assert!(
            !name.is_empty()
                && name.len() <= 40
                && name.starts_with(|c: char| c.is_ascii_lowercase())
        );
        assert!(value.chars().count() <= crate::config::HIDDEN_VALUE_MAX);
        assert!(!value.chars().any(char::is_control));
    }
    match &config.contact {
        Some(Contact::Mail(a)) => assert!(a.contains('@') && !a.contains(['?', '%', ':'])),
        Some(contact @ Contact::Page(url)) => {
            assert!(url.starts_with("https://"));
            let href = contact.href("https://x.example/#r=A", "s", &config.hidden);
            assert!(href.starts_with("https://") && !href.contains(char::is_whitespace));
        }
        None => {}
    }
    // Fields passed through never travel in a share link.
    let base = crate::config::share_base(&text, &config);
    let query = base.split_once('?').map_or("", |(_, q)| q);
    assert!(!query.split('&').any(|p| p.starts_with("hidden_")));
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

/// A language catalog as fetched: refused with a reason, or a complete language whose every
/// message and content text is what the catalog said.
pub fn catalog(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Ok(entries) = crate::i18n::parse_flat(&text) else {
        return;
    };
    for (key, value) in &entries {
        // What was read writes back to a JSON string that reads the same.
        let json = format!("{{{}:{}}}", json_string(key), json_string(value));
        assert_eq!(
            crate::i18n::parse_flat(&json).as_deref(),
            Ok(&[(key.clone(), value.clone())][..])
        );
    }
    if let Ok(pack) = crate::i18n::pack_from_catalog(crate::i18n::Lang::Fi, &text) {
        for (key, value) in &entries {
            if !key.starts_with("c.") && pack.messages.contains(key) {
                // The last of a repeated key wins.
                let last = entries.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v);
                assert_eq!(Some(&pack.messages.t(key)), last);
                let _ = value;
            }
        }
        assert_eq!(pack.bank.questions.len(), bank().questions.len());
    }
}

/// The first-message step as read back from storage: refused, or drafts that encode to a form
/// that decodes to the same.
pub fn drafts(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Ok(inner) = codec::unquote(&text) else {
        return;
    };
    if let Ok(d) = codec::decode_drafts(inner) {
        assert_eq!(codec::decode_drafts(&codec::encode_drafts(&d)), Ok(d));
    }
}

/// A desk file being imported: refused, or read into prospects that export and import back the
/// same, each problem naming a line inside the file.
pub fn desk_file(data: &[u8]) {
    use crate::desk::{export_json, import_json, Day, Desk};
    let text = String::from_utf8_lossy(data);
    let Ok(imported) = import_json(&text, bank()) else {
        return;
    };
    let lines = text.lines().count().max(1);
    for problem in &imported.problems {
        assert!(
            (1..=lines).contains(&problem.line),
            "{problem:?} outside {lines} lines"
        );
    }
    let desk = Desk {
        prospects: imported.prospects,
        ..Desk::default()
    };
    let again = import_json(&export_json(&desk, Day(20_000)), bank());
    assert_eq!(
        again.map(|i| (i.prospects, i.problems.len())),
        Ok((desk.prospects, 0))
    );
}

/// An agreement sheet's link: refused, or read into a sheet that writes back the same link.
pub fn agreement(data: &[u8]) {
    use crate::agreement::{decode, encode};
    let text = String::from_utf8_lossy(data);
    if let Ok(sheet) = decode(bank(), &text) {
        let again = encode(bank(), &sheet).map(|link| decode(bank(), &link));
        assert_eq!(again, Some(Ok(sheet)));
    }
}

/// `s` as a JSON string literal.
fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
