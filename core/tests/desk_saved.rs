//! The desk in storage: written and read back, a damaged prospect set aside while the rest load,
//! a newer version's entry held, storage full or missing.

use client_fit_core::desk::{Change, Day, Desk, ProspectId, Stage};
use client_fit_core::desk_saved::{
    decode_prospect, encode_prospect, load_desk, prospect_key, save_index, save_prospect, DESK_KEY,
};
use client_fit_core::saved::{Memory, StoreError};
use client_fit_core::testing::{answer_sets, best_answers, with};
use client_fit_core::{english_bank as bank, Answers};
use proptest::prelude::*;

fn id(s: &str) -> ProspectId {
    ProspectId::parse(s).expect("a valid id")
}

fn desk() -> Desk {
    let mut desk = Desk::default();
    let today = Day(20_784);
    desk.create(id("a"), "Candle shop; \"Anna\" 100%", today)
        .unwrap();
    desk.create(id("b"), "Пекарня", today).unwrap();
    desk.create(id("c"), "Dental clinic", today).unwrap();
    desk.apply(
        &id("a"),
        Change::Notes("Called twice,\nprefers email".into()),
        today,
    )
    .unwrap();
    desk.apply(&id("a"), Change::Assessed(best_answers()), today)
        .unwrap();
    desk.apply(
        &id("a"),
        Change::Assessed(with(&[("money_prepay", "never")])),
        Day(20_790),
    )
    .unwrap();
    desk.apply(&id("b"), Change::Stage(Stage::PaidLate), today)
        .unwrap();
    desk.apply(&id("c"), Change::Archived(true), today).unwrap();
    desk.exported = Some(Day(20_700));
    desk
}

fn stored(desk: &Desk) -> Memory {
    let mut store = Memory::default();
    for p in &desk.prospects {
        save_prospect(&mut store, p, bank()).unwrap();
    }
    save_index(&mut store, desk).unwrap();
    store
}

#[test]
fn a_desk_saved_is_the_desk_loaded() {
    let desk = desk();
    let mut store = stored(&desk);
    let loaded = load_desk(&mut store, bank());
    assert_eq!(loaded.desk, desk);
    assert!(loaded.set_aside.is_empty() && loaded.missing.is_empty() && loaded.held.is_empty());
    // A finished assessment is kept as its share token: a few dozen characters, not 36 pairs.
    let raw = store.entries[&prospect_key(&id("a"))].clone();
    assert!(raw.len() < 200, "{raw}");
    assert!(raw.starts_with("\"q1;") && !raw[1..raw.len() - 1].contains(['"', '\\']));
}

#[test]
fn a_damaged_prospect_is_set_aside_and_the_rest_load() {
    let desk = desk();
    let mut store = stored(&desk);
    let key = prospect_key(&id("b"));
    store.entries.insert(key.clone(), "\"q1;broken\"".into());
    store.entries.remove(&prospect_key(&id("c")));
    let loaded = load_desk(&mut store, bank());
    let ids: Vec<&str> = loaded
        .desk
        .prospects
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, ["a"]);
    assert_eq!(loaded.set_aside, std::slice::from_ref(&key));
    assert_eq!(loaded.missing, [id("c")]);
    assert_eq!(
        store.entries[&format!("{key}.unreadable")],
        "\"q1;broken\"",
        "kept aside"
    );
    assert!(
        !store.entries.contains_key(&key),
        "moved, once the copy was there"
    );
}

#[test]
fn a_newer_versions_entry_is_held_and_a_full_storage_keeps_the_damaged_one_in_place() {
    let desk = desk();
    let mut store = stored(&desk);
    let key = prospect_key(&id("a"));
    store
        .entries
        .insert(key.clone(), "\"q2;from;the;future\"".into());
    let loaded = load_desk(&mut store, bank());
    assert_eq!(loaded.held, std::slice::from_ref(&key));
    assert_eq!(
        store.entries[&key], "\"q2;from;the;future\"",
        "left for that version"
    );
    assert_eq!(
        store.entries[&format!("{key}.newer")],
        "\"q2;from;the;future\""
    );

    let mut full = stored(&desk);
    full.entries.insert(key.clone(), "\"garbage".into());
    full.refuse = Some(".unreadable".into());
    let loaded = load_desk(&mut full, bank());
    assert_eq!(loaded.set_aside, std::slice::from_ref(&key));
    assert_eq!(
        full.entries[&key], "\"garbage",
        "no copy could be made: the original stays"
    );
    assert_eq!(save_prospect(&mut full, &desk.prospects[0], bank()), Ok(()));
    full.refuse = Some(DESK_KEY.into());
    assert_eq!(save_index(&mut full, &desk), Err(StoreError::Failed));
}

#[test]
fn no_storage_means_an_empty_desk_in_memory() {
    let mut none = Memory {
        missing: true,
        ..Memory::default()
    };
    let loaded = load_desk(&mut none, bank());
    assert!(loaded.unavailable);
    assert!(loaded.desk.prospects.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_prospect_reads_back_as_written(
        label in "[^\u{0}-\u{1f}]{1,40}",
        notes in "[^\u{0}-\u{8}]{0,80}",
        stage in 0usize..8,
        answers in prop::collection::vec(answer_sets(), 0..4),
        partial in any::<bool>(),
    ) {
        let mut desk = Desk::default();
        let key = id("p1");
        prop_assume!(desk.create(key.clone(), &label, Day(20_000)).is_ok());
        desk.apply(&key, Change::Notes(notes), Day(20_001)).unwrap();
        desk.apply(&key, Change::Stage(Stage::ALL[stage]), Day(20_002)).unwrap();
        for (n, a) in answers.into_iter().enumerate() {
            // An incomplete set has no token and is kept as pairs.
            let a: Answers = if partial { a.iter().take(5).map(|(q, o)| (q.clone(), o.clone())).collect() } else { a };
            desk.apply(&key, Change::Assessed(a), Day(20_003 + n as i32)).unwrap();
        }
        let p = desk.get(&key).unwrap();
        let text = encode_prospect(p, bank());
        let back = decode_prospect(&key, &text, bank());
        prop_assert_eq!(back.as_ref(), Ok(p));
    }

    #[test]
    fn any_stored_text_is_read_or_refused_without_panicking(text in "\\PC{0,200}") {
        let _ = decode_prospect(&id("x"), &text, bank());
    }
}
