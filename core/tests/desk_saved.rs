//! The desk in storage: written and read back, a damaged prospect set aside while the rest load,
//! a newer version's entry held, storage full or missing.

use client_fit_core::desk::{Change, Day, Desk, ProspectId, Stage};
use client_fit_core::desk_saved::{
    decode_prospect, draft_key, encode_prospect, load_desk, load_drafts, prospect_key, save_index,
    save_prospect, snapshot, snapshot_since, write_changes, Drafts, Earlier, DESK_KEY,
};
use client_fit_core::progress::Progress;
use client_fit_core::saved::{Memory, StoreError};
use client_fit_core::testing::{answer_sets, best_answers, with};
use client_fit_core::{english_bank as bank, Answers, Audience};
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
    assert!(raw.starts_with("\"q2;") && !raw[1..raw.len() - 1].contains(['"', '\\']));
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
        .insert(key.clone(), "\"q3;from;the;future\"".into());
    let loaded = load_desk(&mut store, bank());
    assert_eq!(loaded.held, std::slice::from_ref(&key));
    assert_eq!(
        store.entries[&key], "\"q3;from;the;future\"",
        "left for that version"
    );
    assert_eq!(
        store.entries[&format!("{key}.newer")],
        "\"q3;from;the;future\""
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

#[test]
fn a_save_encodes_again_only_the_prospects_that_changed() {
    let desk = desk();
    let mut store = stored(&desk);
    let loaded = load_desk(&mut store, bank());
    // The load keeps each prospect's text as read: what storage holds, not encoded again.
    let fresh = snapshot(&desk, &Drafts::new(), &[], bank());
    assert_eq!(loaded.texts.len(), 3);
    for (key, text) in &loaded.texts {
        assert_eq!(Some(text), fresh.get(key), "{key}");
    }
    // Texts marked so that a reuse shows: unchanged prospects keep theirs, a changed one is
    // encoded again, and the index always is.
    let mut marked = loaded.texts.clone();
    for text in marked.values_mut() {
        text.push_str("#earlier");
    }
    let mut changed = loaded.desk.clone();
    changed
        .apply(&id("b"), Change::Stage(Stage::Signed), Day(20_800))
        .unwrap();
    let earlier = Earlier {
        desk: &loaded.desk,
        texts: &marked,
    };
    let next = snapshot_since(Some(earlier), &changed, &Drafts::new(), &[], bank());
    let expected = snapshot(&changed, &Drafts::new(), &[], bank());
    assert_eq!(
        next[&prospect_key(&id("b"))],
        expected[&prospect_key(&id("b"))]
    );
    assert_eq!(next[DESK_KEY], expected[DESK_KEY]);
    for key in [prospect_key(&id("a")), prospect_key(&id("c"))] {
        assert_eq!(next[&key], marked[&key]);
    }
    // A prospect the earlier desk did not have, or whose text it lacks, is encoded.
    let mut grown = changed.clone();
    grown.create(id("d"), "Florist", Day(20_801)).unwrap();
    let mut lacking = marked.clone();
    lacking.remove(&prospect_key(&id("a")));
    let earlier = Earlier {
        desk: &changed,
        texts: &lacking,
    };
    let next = snapshot_since(Some(earlier), &grown, &Drafts::new(), &[], bank());
    let expected = snapshot(&grown, &Drafts::new(), &[], bank());
    for key in [prospect_key(&id("a")), prospect_key(&id("d"))] {
        assert_eq!(next[&key], expected[&key]);
    }
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

#[test]
fn changes_are_written_entry_by_entry_and_the_stored_desk_reads_back() {
    let mut desk = desk();
    let mut drafts = Drafts::new();
    let mut draft = Progress::default();
    let first = &bank().questions[0];
    let option = first
        .options_for(client_fit_core::Audience::Specialist)
        .next()
        .unwrap();
    draft
        .answers
        .insert(first.id.as_ref().into(), option.id.as_ref().into());
    draft.step = 1;
    drafts.insert(id("b"), draft);
    let mut store = Memory::default();
    let mut last = Default::default();
    write_changes(
        &mut store,
        &mut last,
        &snapshot(&desk, &drafts, &[], bank()),
    )
    .unwrap();
    let loaded = load_desk(&mut store, bank());
    assert_eq!(loaded.desk, desk);
    assert_eq!(load_drafts(&mut store, &loaded.desk, bank()), drafts);

    // One change rewrites that prospect and the index, nothing else.
    desk.apply(&id("c"), Change::Label("Dentist".into()), Day(20_800))
        .unwrap();
    let before = store.entries.clone();
    store
        .entries
        .insert(prospect_key(&id("a")), "tampered".into());
    write_changes(
        &mut store,
        &mut last,
        &snapshot(&desk, &drafts, &[], bank()),
    )
    .unwrap();
    assert_eq!(
        store.entries[&prospect_key(&id("a"))],
        "tampered",
        "an unchanged entry is not rewritten"
    );
    assert_ne!(
        store.entries[&prospect_key(&id("c"))],
        before[&prospect_key(&id("c"))]
    );

    // A deleted prospect's entry and its assessment under way go; a full storage fails the
    // write and the next call finishes it.
    desk.delete(&id("b"), Day(20_801));
    store.refuse = Some(DESK_KEY.into());
    let next = snapshot(&desk, &Drafts::new(), &[], bank());
    assert_eq!(
        write_changes(&mut store, &mut last, &next),
        Err(StoreError::Failed)
    );
    assert!(
        store.entries.contains_key(&prospect_key(&id("b"))),
        "nothing removed before the index is written"
    );
    store.refuse = None;
    write_changes(&mut store, &mut last, &next).unwrap();
    assert!(!store.entries.contains_key(&prospect_key(&id("b"))));
    assert!(!store.entries.contains_key(&draft_key(&id("b"))));
    store.entries.insert(
        prospect_key(&id("a")),
        before[&prospect_key(&id("a"))].clone(),
    );
    assert_eq!(load_desk(&mut store, bank()).desk, desk);
}

#[test]
fn prospects_a_newer_version_saved_stay_on_the_index() {
    let desk = desk();
    let kept = [id("z")];
    let all = snapshot(&desk, &Drafts::new(), &kept, bank());
    assert!(all[DESK_KEY].ends_with(",z"), "{}", all[DESK_KEY]);
    let empty = snapshot(&Desk::default(), &Drafts::new(), &kept, bank());
    assert!(empty[DESK_KEY].ends_with(";z"), "{}", empty[DESK_KEY]);
}

#[test]
fn an_assessment_moves_on_only_from_an_answered_screen_with_an_offered_option() {
    use client_fit_core::Audience::Specialist;
    let first = &bank().questions[0];
    let mut p = Progress::default();
    assert!(!p.advance(bank(), Specialist), "nothing answered yet");
    assert!(!p.choose(bank(), Specialist, "no-such-option"));
    let offered = first.options_for(Specialist).next().unwrap().id.to_string();
    assert!(p.choose(bank(), Specialist, &offered));
    assert_eq!(
        p.answers.get(first.id.as_ref()).map(|o| o.as_str()),
        Some(offered.as_str())
    );
    assert!(p.advance(bank(), Specialist));
    assert_eq!(p.step, 1);
    // The optional temperament screens may be skipped; past the last screen nothing moves.
    p.step = bank().questions.len();
    assert!(
        p.advance(bank(), Specialist),
        "an optional screen is skipped"
    );
    p.step = bank().step_count(Specialist);
    assert!(!p.advance(bank(), Specialist) && !p.choose(bank(), Specialist, &offered));
}

#[test]
fn a_client_result_is_kept_as_its_token_and_an_entry_of_version_1_still_reads() {
    use client_fit_core::Audience;
    let mut desk = desk();
    let client = best_answers();
    desk.apply(
        &id("b"),
        Change::ClientResult(Some(client.clone())),
        Day(20_791),
    )
    .unwrap();
    let p = desk.get(&id("b")).unwrap().clone();
    let text = encode_prospect(&p, bank());
    let token = client_fit_core::share::encode(bank(), Audience::Client, &client).unwrap();
    assert!(text.ends_with(&format!(";t.{token}")), "{text}");
    assert_eq!(decode_prospect(&id("b"), &text, bank()), Ok(p.clone()));
    // Written before the client's result existed: the same fields without it.
    let old = text.replacen("q2;", "q1;", 1);
    let old = &old[..old.rfind(';').unwrap()];
    let read = decode_prospect(&id("b"), old, bank()).unwrap();
    assert_eq!(read.client, None);
    assert_eq!(read.label, p.label);
    // A specialist's token where the client's belongs is refused, as is a q1 with the extra field.
    let spec = client_fit_core::share::encode(bank(), Audience::Specialist, &client).unwrap();
    let wrong = format!("{};t.{spec}", &text[..text.rfind(';').unwrap()]);
    assert!(decode_prospect(&id("b"), &wrong, bank()).is_err());
    assert!(decode_prospect(&id("b"), &text.replacen("q2;", "q1;", 1), bank()).is_err());
}

#[test]
fn a_finished_specialist_quiz_is_offered_to_the_desk_once() {
    use client_fit_core::desk_saved::{quiz_result_to_offer, OFFERED_KEY};
    use client_fit_core::saved::{progress_key, save};
    use client_fit_core::stored::encode_progress;
    let key = progress_key(Audience::Specialist);
    let mut store = Memory::default();
    assert_eq!(
        quiz_result_to_offer(&mut store, bank()),
        None,
        "nothing saved"
    );
    let steps = bank().step_count(Audience::Specialist);
    let under_way = Progress {
        step: 2,
        answers: best_answers(),
    };
    save(
        &mut store,
        key,
        &encode_progress(&under_way, bank(), Audience::Specialist),
    )
    .unwrap();
    assert_eq!(
        quiz_result_to_offer(&mut store, bank()),
        None,
        "not finished"
    );
    let done = Progress {
        step: steps,
        answers: best_answers(),
    };
    save(
        &mut store,
        key,
        &encode_progress(&done, bank(), Audience::Specialist),
    )
    .unwrap();
    let (answers, token) = quiz_result_to_offer(&mut store, bank()).unwrap();
    assert_eq!(answers, best_answers());
    save(&mut store, OFFERED_KEY, &token).unwrap();
    assert_eq!(
        quiz_result_to_offer(&mut store, bank()),
        None,
        "offered once"
    );
    // A client's quiz is not the specialist's; damage is left alone, unread.
    let mut other = Memory::default();
    save(
        &mut other,
        progress_key(Audience::Client),
        &encode_progress(&done, bank(), Audience::Client),
    )
    .unwrap();
    assert_eq!(quiz_result_to_offer(&mut other, bank()), None);
    other
        .entries
        .insert(key.to_owned(), "\"p2;garbage".to_owned());
    assert_eq!(quiz_result_to_offer(&mut other, bank()), None);
    assert!(other.entries.contains_key(key), "left where it was");
}
