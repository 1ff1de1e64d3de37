//! Languages: every catalog complete and consistent, each one building a full UI and content.

use std::collections::BTreeMap;

use client_fit_core::embedded::english_bank;
use client_fit_core::i18n::{pack_from_catalog, parse_flat, CatalogError, Lang, Messages};

/// Every key a language must have, with its English text.
fn english() -> BTreeMap<String, String> {
    let mut all: BTreeMap<String, String> = english_bank().texts().into_iter().collect();
    let m = Messages::english();
    for id in m.ids() {
        all.insert(id.to_string(), m.t(id));
    }
    all
}

fn catalog(lang: Lang) -> String {
    let path = format!("../content/{}", lang.catalog_path());
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn placeholders(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| {
            !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
        })
        .collect();
    out.sort_unstable();
    out
}

fn others() -> impl Iterator<Item = Lang> {
    Lang::ALL.into_iter().filter(|l| *l != Lang::En)
}

#[test]
fn every_language_has_exactly_the_english_keys_and_placeholders() {
    let en = english();
    for lang in others() {
        let entries = parse_flat(&catalog(lang)).unwrap_or_else(|e| panic!("{lang:?}: {e}"));
        let mut problems = Vec::new();
        let mut seen = BTreeMap::new();
        for (k, v) in &entries {
            if seen.insert(k.clone(), ()).is_some() {
                problems.push(format!("duplicate key {k}"));
            }
            match en.get(k) {
                None => problems.push(format!("unused key {k}")),
                Some(english) => {
                    if v.trim().is_empty() {
                        problems.push(format!("empty {k}"));
                    }
                    if placeholders(v) != placeholders(english) {
                        problems.push(format!(
                            "{k}: placeholders {:?}, English has {:?}",
                            placeholders(v),
                            placeholders(english)
                        ));
                    }
                }
            }
        }
        for k in en.keys() {
            if !seen.contains_key(k) {
                problems.push(format!("missing key {k}"));
            }
        }
        assert!(
            problems.is_empty(),
            "content/{}: {problems:#?}",
            lang.catalog_path()
        );
    }
}

#[test]
fn the_english_content_keys_are_what_translators_were_given() {
    // A fixed count guards against keys silently appearing or vanishing from `visit_texts`.
    let content = english_bank().texts();
    assert!(content.iter().all(|(k, _)| k.starts_with("c.")));
    assert_eq!(
        content
            .iter()
            .filter(|(k, _)| k.starts_with("c.scale.agree."))
            .count(),
        4,
        "a shared scale is translated once"
    );
    assert!(content.len() > 300, "{}", content.len());
}

#[test]
fn a_catalog_with_a_gap_or_broken_syntax_is_refused() {
    let mut ru: BTreeMap<String, String> = parse_flat(&catalog(Lang::Ru))
        .unwrap()
        .into_iter()
        .collect();
    ru.remove("c.q.comm_reply.topic");
    let json = serde_json::to_string(&ru).expect("strings serialize");
    assert_eq!(
        pack_from_catalog(Lang::Ru, &json).err(),
        Some(CatalogError::Missing("c.q.comm_reply.topic".into()))
    );
    assert!(matches!(
        pack_from_catalog(Lang::Ru, "{\"a\": 1}"),
        Err(CatalogError::Syntax(_))
    ));
    assert!(matches!(
        pack_from_catalog(Lang::Ru, "<html>404</html>"),
        Err(CatalogError::Syntax(_))
    ));
}

#[test]
fn the_flat_parser_reads_json_strings_and_nothing_else() {
    assert_eq!(
        parse_flat(r#" { "a" : "x\"y\\z\n\u00e9\ud83d\ude00" , "b":"" } "#),
        Ok(vec![
            ("a".into(), "x\"y\\z\né😀".into()),
            ("b".into(), String::new())
        ])
    );
    assert_eq!(parse_flat("{}"), Ok(vec![]));
    for bad in [
        "",
        "{",
        "{\"a\"}",
        "{\"a\":\"b\",}",
        "{\"a\":\"b\"} x",
        "[\"a\"]",
        "{\"a\":\"\\x\"}",
        "{\"a\":\"\u{1}\"}",
        "{\"a\":\"\\ud800\"}",
    ] {
        assert!(parse_flat(bad).is_err(), "accepted {bad:?}");
    }
}

#[test]
fn the_language_is_the_first_of_param_saved_choice_and_browser_that_is_spoken() {
    assert_eq!(Lang::negotiate(["de-DE", "fi-FI", "en"]), Lang::Fi);
    assert_eq!(Lang::negotiate(["es_419"]), Lang::Es);
    assert_eq!(Lang::negotiate(["RU"]), Lang::Ru);
    assert_eq!(Lang::negotiate(["de", "fr"]), Lang::En);
    assert_eq!(Lang::negotiate([]), Lang::En);
}
