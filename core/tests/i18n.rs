//! Languages: every catalog complete and consistent, each one building a full UI and content.

use std::collections::BTreeMap;

use client_fit_core::embedded::english_bank;
use client_fit_core::i18n::{
    pack_from_catalog, parse_flat, select_plurals, CatalogError, Lang, Messages,
};

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

/// The plural selectors `{name|form|…}` of a text: (name, forms).
fn selectors(text: &str) -> Vec<(&str, Vec<&str>)> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(inner, _)| inner))
        .filter_map(|inner| inner.split_once('|'))
        .map(|(name, forms)| (name, forms.split('|').collect()))
        .collect()
}

/// What is wrong with the plural selectors of `key`'s text in `lang`.
fn selector_problems(lang: Lang, key: &str, text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for (name, forms) in selectors(text) {
        if !placeholders(text).contains(&name) {
            problems.push(format!(
                "{key}: selector {{{name}|…}} without a {{{name}}} to count"
            ));
        }
        if forms.len() != lang.plural_forms() {
            problems.push(format!(
                "{key}: {{{name}|…}} lists {} forms, {lang:?} has {}",
                forms.len(),
                lang.plural_forms()
            ));
        }
        if forms.iter().any(|f| f.trim().is_empty()) {
            problems.push(format!("{key}: an empty form in {{{name}|…}}"));
        }
        // The first message and the content are composed without a language's plural rules.
        if key.starts_with("msg.") || key.starts_with("c.") {
            problems.push(format!("{key}: plural selectors are for UI texts only"));
        }
    }
    problems
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
                    problems.extend(selector_problems(lang, k, v));
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

#[test]
fn plural_forms_follow_the_cldr_categories_of_each_language() {
    // CLDR cardinal categories for these counts, written out rather than computed.
    let counts = [0, 1, 2, 5, 11, 21, 22, 25, 101];
    let two = [
        "other", "one", "other", "other", "other", "other", "other", "other", "other",
    ];
    let russian = [
        "many", "one", "few", "many", "many", "one", "few", "many", "one",
    ];
    for lang in Lang::ALL {
        let (names, expected): (&[&str], [&str; 9]) = match lang {
            Lang::Ru => (&["one", "few", "many"], russian),
            _ => (&["one", "other"], two),
        };
        assert_eq!(lang.plural_forms(), names.len(), "{lang:?}");
        for (n, category) in counts.iter().zip(expected) {
            assert_eq!(names[lang.plural_index(*n)], category, "{lang:?} {n}");
        }
    }
    assert_eq!(Lang::Ru.plural_index(111), 2);
    assert_eq!(Lang::Ru.plural_index(1004), 1);
    assert_eq!(Lang::Ru.plural_index(u64::MAX), 2);
}

#[test]
fn every_count_text_takes_its_languages_form_for_every_count() {
    let counts = [0u64, 1, 2, 5, 11, 21, 22, 25, 101];
    let english_messages = Messages::english();
    let mut checked = 0;
    for lang in Lang::ALL {
        let messages = if lang == Lang::En {
            english_messages.clone()
        } else {
            pack_from_catalog(lang, &catalog(lang))
                .unwrap_or_else(|e| panic!("{lang:?}: {e:?}"))
                .messages
        };
        let mut problems = Vec::new();
        for id in english_messages.ids() {
            let text = messages.t(id);
            problems.extend(selector_problems(lang, id, &text));
            let found = selectors(&text);
            if found.is_empty() {
                continue;
            }
            for n in counts {
                let value = n.to_string();
                let args: Vec<(&str, &str)> = placeholders(&text)
                    .into_iter()
                    .map(|name| (name, value.as_str()))
                    .collect();
                let out = messages.f(id, &args);
                let mut expected = text.clone();
                for (name, forms) in &found {
                    let whole = format!("{{{name}|{}}}", forms.join("|"));
                    expected = expected.replace(&whole, forms[lang.plural_index(n)]);
                }
                for name in placeholders(&text) {
                    expected = expected.replace(&format!("{{{name}}}"), &value);
                }
                if out != expected || out.contains(['{', '|']) {
                    problems.push(format!(
                        "{lang:?} {id} n={n}: {out:?}, expected {expected:?}"
                    ));
                }
                checked += 1;
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }
    // English alone has seven count texts with selectors, each rendered for nine counts.
    assert!(checked >= 7 * 9, "{checked}");
}

#[test]
fn a_plural_selector_picks_by_the_digits_of_its_value() {
    let args = [("n", "1\u{a0}021"), ("x", "many"), ("m", "5")];
    // (text, language, expected, why)
    let cases = [
        (
            "{n} {n|тема|темы|тем}",
            Lang::Ru,
            "{n} тема",
            "1 021 takes «one»",
        ),
        ("{x|a|b}", Lang::En, "b", "no digits: the last form"),
        (
            "{y|a|b} {n}",
            Lang::En,
            "b {n}",
            "no such value: the last form",
        ),
        ("{m|one}", Lang::Ru, "one", "too few forms: the last"),
        ("{ {n|a|b", Lang::En, "{ {n|a|b", "unclosed: left as it is"),
        ("plain {n} text", Lang::En, "plain {n} text", "no selector"),
    ];
    for (text, lang, expected, why) in cases {
        assert_eq!(select_plurals(text, &args, lang), expected, "{why}");
    }
}

/// Where the numbers written in `text` disagree with how `lang`'s formatter writes numbers: the
/// digit group separator, the decimal separator, grouping itself, and the space before `%`.
fn number_problems(lang: Lang, key: &str, text: &str) -> Vec<String> {
    let style = lang.number_style();
    let chars: Vec<char> = text.chars().collect();
    let mut problems = Vec::new();
    let mut say = |what: String| problems.push(format!("{lang:?} {key}: {what} in {text:?}"));
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].is_ascii_digit()
            && (i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '+'));
        if !starts {
            // A placeholder right before a percent sign: `{n} %` / `{n}%`.
            if chars[i] == '}' {
                check_percent(&chars, i + 1, style.percent_space, &mut say);
            }
            i += 1;
            continue;
        }
        let begin = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let first_run = i - begin;
        let mut separators = Vec::new();
        // Groups of three after a separator.
        while first_run <= 3
            && i + 3 < chars.len()
            && [' ', '\u{a0}', '\u{202f}', ',', '.'].contains(&chars[i])
            && chars[i + 1..=i + 3].iter().all(char::is_ascii_digit)
            && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
        {
            separators.push(chars[i]);
            i += 4;
        }
        let after_letter = chars.get(i).is_some_and(|c| c.is_alphabetic());
        if after_letter {
            continue;
        }
        if let Some(sep) = separators.iter().find(|s| **s != style.group) {
            say(format!(
                "digits grouped with {sep:?}, the formatter uses {:?}",
                style.group
            ));
        }
        let year = first_run == 4
            && separators.is_empty()
            && (1900..=2099).contains(
                &chars[begin..i]
                    .iter()
                    .collect::<String>()
                    .parse::<u32>()
                    .unwrap_or(0),
            );
        if separators.is_empty() && first_run >= style.min_grouping_digits && !year {
            say(format!("{first_run} digits not grouped"));
        }
        // A decimal separator of another language: `2.5` in Russian, `2,5` in English.
        let foreign = if style.decimal == ',' { '.' } else { ',' };
        if chars.get(i) == Some(&foreign)
            && chars.get(i + 1).is_some_and(char::is_ascii_digit)
            && chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count()
                <= 2
        {
            say(format!(
                "decimal {foreign:?}, the formatter uses {:?}",
                style.decimal
            ));
        }
        check_percent(&chars, i, style.percent_space, &mut say);
    }
    problems
}

/// The percent sign that may follow a number ending before `at`.
fn check_percent(chars: &[char], at: usize, spaced: bool, say: &mut impl FnMut(String)) {
    match (chars.get(at), chars.get(at + 1)) {
        (Some('%'), _) if spaced => say("no no-break space before %".into()),
        (Some(' ' | '\u{202f}'), Some('%')) if spaced => {
            say("an ordinary space before %, not a no-break one".into())
        }
        (Some(' ' | '\u{a0}' | '\u{202f}'), Some('%')) if !spaced => say("a space before %".into()),
        _ => {}
    }
}

#[test]
fn numbers_in_every_catalog_are_written_as_its_formatter_writes_them() {
    let mut problems = Vec::new();
    for (k, v) in english() {
        problems.extend(number_problems(Lang::En, &k, &v));
    }
    for lang in others() {
        for (k, v) in parse_flat(&catalog(lang)).unwrap_or_else(|e| panic!("{lang:?}: {e}")) {
            problems.extend(number_problems(lang, &k, &v));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems: {problems:#?}",
        problems.len()
    );
}

#[test]
fn the_number_check_finds_what_it_looks_for() {
    let found = |lang, text| number_problems(lang, "k", text);
    assert!(found(Lang::Ru, "до 1\u{202f}000\u{a0}% и 2,5 раза в 2026 году").is_empty());
    assert!(found(Lang::Es, "1500,50 o 1.000.000 y 10\u{a0}%").is_empty());
    assert!(found(Lang::En, "1,000 and 2.5 and 10% and {n}% in 2026").is_empty());
    assert_eq!(found(Lang::Ru, "1 000").len(), 1, "ordinary space");
    assert_eq!(found(Lang::Ru, "10 %").len(), 1);
    assert_eq!(found(Lang::Ru, "10%").len(), 1);
    assert_eq!(found(Lang::Ru, "2.5 раза").len(), 1);
    assert_eq!(found(Lang::Es, "1 500,50").len(), 1);
    assert_eq!(found(Lang::Es, "1000000").len(), 1);
    assert_eq!(found(Lang::En, "100 %").len(), 1);
    assert_eq!(found(Lang::En, "{n} % match").len(), 1);
    assert_eq!(found(Lang::Fi, "10000 euroa").len(), 1);
}

#[test]
fn no_catalog_text_is_left_in_english_unless_english_is_the_term() {
    // Where the language really uses the English word: the brand, and words that are its own.
    const INTENDED: &[(Lang, &str, &str)] = &[
        (Lang::Ru, "app.title", "the brand"),
        (Lang::Es, "app.title", "the brand"),
        (Lang::Fi, "app.title", "the brand"),
        (Lang::Es, "calc.col.leads", "Spanish marketers say «leads»"),
        (Lang::Es, "c.scale.agree.no", "«No» is Spanish"),
        (
            Lang::Fi,
            "notice.dismiss",
            "«OK» is how Finnish apps say it",
        ),
    ];
    let en = english();
    let mut problems = Vec::new();
    for lang in others() {
        for (k, v) in parse_flat(&catalog(lang)).unwrap_or_else(|e| panic!("{lang:?}: {e}")) {
            // Words outside the placeholders: "{dim}: {n} / 100" has none to translate.
            let outside: String = v
                .split('{')
                .map(|part| part.split_once('}').map_or(part, |(_, rest)| rest))
                .collect();
            let has_words = outside.chars().any(char::is_alphabetic);
            let intended = INTENDED.iter().any(|(l, key, _)| *l == lang && *key == k);
            if has_words && en.get(&k) == Some(&v) && !intended {
                problems.push(format!("{lang:?} {k}: still English: {v:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

proptest::proptest! {
    /// A fetched catalog's text is outside data: any text with any value resolves without
    /// panicking, and a text without a selector comes back unchanged.
    #[test]
    fn any_catalog_text_resolves_its_selectors_without_panicking(
        text in "[{}|a-zé0-9 ]{0,40}",
        value in "[0-9a-z\u{a0} ]{0,12}",
    ) {
        for lang in Lang::ALL {
            let out = select_plurals(&text, &[("n", &value), ("a", &value)], lang);
            if !text.contains('|') {
                proptest::prop_assert_eq!(&out, &text);
            }
        }
    }
}

/// The desk page's own wording (`content/desk/<code>.json`), added to each language's catalog.
fn desk_catalog(lang: Lang) -> Vec<(String, String)> {
    let path = format!("../content/desk/{}.json", lang.code());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse_flat(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_desk_catalog_has_the_english_keys_placeholders_plural_forms_and_numbers() {
    let en: BTreeMap<String, String> = desk_catalog(Lang::En).into_iter().collect();
    let mut problems = Vec::new();
    for k in en.keys().filter(|k| !k.starts_with("desk.")) {
        problems.push(format!(
            "{k}: the desk adds its own keys only, never a quiz one"
        ));
    }
    for lang in Lang::ALL {
        let entries = desk_catalog(lang);
        let mut keys: Vec<&String> = entries.iter().map(|(k, _)| k).collect();
        keys.sort();
        if keys != en.keys().collect::<Vec<_>>() {
            problems.push(format!(
                "{lang:?}: keys differ from English (missing, extra or twice)"
            ));
        }
        for (k, v) in &entries {
            if v.trim().is_empty() {
                problems.push(format!("{lang:?} {k}: empty"));
            }
            problems.extend(selector_problems(lang, k, v));
            problems.extend(number_problems(lang, k, v));
            let english = en.get(k).map(String::as_str).unwrap_or_default();
            if placeholders(v) != placeholders(english) {
                problems.push(format!(
                    "{lang:?} {k}: placeholders {:?}, English has {:?}",
                    placeholders(v),
                    placeholders(english)
                ));
            }
        }
        // Every text builds: with the quiz catalog of its language, each desk text resolves.
        let added = Messages::english()
            .with_catalog(
                &std::fs::read_to_string(format!("../content/desk/{}.json", lang.code())).unwrap(),
            )
            .unwrap();
        for (k, _) in &entries {
            let text = added.f(k, &[("n", "2"), ("added", "1"), ("replaced", "0")]);
            if text.contains('|') {
                problems.push(format!("{lang:?} {k}: a selector left unresolved: {text}"));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn fill_replaces_named_placeholders_once_and_keeps_the_rest() {
    use client_fit_core::i18n::fill;
    let args = [("a", "{b}"), ("b", "B")];
    assert_eq!(fill("{a} and {b}".into(), &args), "{b} and B");
    assert_eq!(fill("{unknown} {a".into(), &args), "{unknown} {a");
    assert_eq!(fill("{{a}}".into(), &args), "{{b}}");
    assert_eq!(fill("{n|one|many} {}".into(), &args), "{n|one|many} {}");
    assert_eq!(fill("no braces".into(), &args), "no braces");
}
