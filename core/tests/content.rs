//! The content files parse, cross-reference and cover what the brief asks; broken content is
//! rejected with a message naming the file and the id.

use std::collections::BTreeSet;

use client_fit_core::content::{embedded_sources, Bank};
use client_fit_core::{english_bank as bank, Band, Dimension};
use serde_json::Value;

#[test]
fn embedded_content_is_valid() {
    let (q, r, a) = embedded_sources();
    assert!(
        Bank::parse(q, r, a).is_ok(),
        "{:?}",
        Bank::parse(q, r, a).err()
    );
}

#[test]
fn at_least_24_mirrored_pairs_and_3_per_dimension() {
    let b = bank();
    let scored: Vec<_> = b.questions.iter().filter(|q| q.scored).collect();
    assert!(scored.len() >= 24, "only {} scored pairs", scored.len());
    for d in Dimension::ALL {
        let n = scored.iter().filter(|q| q.dim == d).count();
        assert!(n >= 3, "{d:?} has {n} scored pairs");
    }
    for q in b.questions.iter() {
        assert_ne!(
            q.client, q.specialist,
            "{}: the two phrasings must differ",
            q.id
        );
    }
}

#[test]
fn hard_red_flags_exist_and_every_archetype_of_the_brief_is_present() {
    let b = bank();
    assert!(b.flags.iter().filter(|f| f.cap == Band::HighRisk).count() >= 5);
    for id in [
        "partner",
        "muddy",
        "divided_house",
        "penny_pincher",
        "conservative",
        "no_pay_for_air",
        "eternal_debtor",
        "cognitive_dissonance",
    ] {
        assert!(b.archetype(id).is_some(), "archetype {id} missing");
    }
}

#[test]
fn every_weak_answer_has_advice_for_both_audiences() {
    let b = bank();
    for q in b.questions.iter() {
        if q.options.iter().any(|c| c.is_weak()) {
            let advice = b.advice(q.advice_id()).expect("validated");
            assert!(!advice.client.is_empty() && !advice.specialist.is_empty());
            assert_ne!(advice.client, advice.specialist, "{}", advice.id);
        }
    }
}

/// Ids go into storage and share links: once published, an id may never disappear.
#[test]
fn published_ids_are_stable() {
    let published = include_str!("fixtures/ids.txt");
    let b = bank();
    let mut current = BTreeSet::new();
    for q in b.questions.iter() {
        for c in q.options.iter() {
            current.insert(format!("{}={}", q.id, c.id));
        }
    }
    for t in b.temperament.iter() {
        for o in t.options.iter() {
            current.insert(format!("{}={}", t.id, o.id));
        }
    }
    current.extend(b.flags.iter().map(|f| format!("flag:{}", f.id)));
    current.extend(b.archetypes.iter().map(|a| format!("archetype:{}", a.id)));
    current.extend(b.fee_conditions.iter().map(|c| format!("fee:{}", c.id)));
    current.extend(b.advice.iter().map(|a| format!("advice:{}", a.id)));
    for line in published.lines().filter(|l| !l.trim().is_empty()) {
        assert!(
            current.contains(line.trim()),
            "published id {line} was removed or renamed"
        );
    }
    assert!(
        published.lines().count() >= current.len(),
        "new ids: add them to tests/fixtures/ids.txt"
    );
}

fn mutate(file: usize, f: impl FnOnce(&mut Value)) -> String {
    let (q, r, a) = embedded_sources();
    let mut docs = [q, r, a].map(|s| serde_json::from_str::<Value>(s).unwrap());
    f(&mut docs[file]);
    let texts = docs.map(|d| d.to_string());
    match Bank::parse(&texts[0], &texts[1], &texts[2]) {
        Ok(_) => panic!("broken content was accepted"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn broken_content_is_rejected_naming_the_culprit() {
    let e = mutate(0, |v| {
        let first = v["questions"][0].clone();
        v["questions"].as_array_mut().unwrap().push(first);
    });
    assert!(e.contains("duplicate id goals_numbers"), "{e}");

    let e = mutate(0, |v| v["questions"][0]["options"][0]["w"] = 101.into());
    assert!(e.contains("goals_numbers/yes") && e.contains("101"), "{e}");

    let e = mutate(0, |v| {
        let scaled = v["questions"].as_array_mut().unwrap().iter_mut();
        let question = scaled.into_iter().find(|q| q.get("scale").is_some());
        question.expect("a question on a shared scale")["scale"] = "nope".into();
    });
    assert!(e.contains("unknown scale nope"), "{e}");

    let e = mutate(0, |v| v["questions"][0]["colour"] = "red".into());
    assert!(e.contains("questions.json") && e.contains("colour"), "{e}");

    let e = mutate(2, |v| {
        v.as_array_mut()
            .unwrap()
            .retain(|a| a["id"] != "money_prepay")
    });
    assert!(e.contains("advice money_prepay does not exist"), "{e}");

    let e = mutate(1, |v| v["flags"][0]["when"][0]["any"][0] = "maybe".into());
    assert!(
        e.contains("no_prepay") && e.contains("no option maybe"),
        "{e}"
    );

    let e = mutate(1, |v| {
        v["archetypes"][1]["signals"][0]["q"] = "ghost".into()
    });
    assert!(
        e.contains("muddy") && e.contains("unknown question ghost"),
        "{e}"
    );

    let e = mutate(0, |v| v["questions"][0]["specialist"] = " ".into());
    assert!(e.contains("goals_numbers") && e.contains("both"), "{e}");
}

#[test]
fn the_shipped_blob_is_exactly_the_validated_json() {
    let (q, r, a) = embedded_sources();
    assert_eq!(bank(), &Bank::parse(q, r, a).unwrap());
}

#[test]
fn closed_sets_list_their_variants_in_declaration_order() {
    for (i, d) in Dimension::ALL.into_iter().enumerate() {
        assert_eq!(d as usize, i);
    }
    for (i, t) in client_fit_core::Temperament::ALL.into_iter().enumerate() {
        assert_eq!(t as usize, i);
    }
}
