//! Restoring, setting aside and starting over, against an in-memory store: what the browser's
//! storage does to the app, told once, with nothing a person entered ever lost.

use client_fit_core::saved::{
    progress_key, restore, save, set_all_aside, set_aside_as, Memory, NotSetAside, Trouble,
    CALC_KEY, LANG_KEY, MAX_STORED_BYTES, SCREEN_KEY,
};
use client_fit_core::{english_bank, Audience};

const CLIENT: &str = "clientfit.v1.client";

fn store(entries: &[(&str, &str)]) -> Memory {
    Memory {
        entries: entries
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        ..Memory::default()
    }
}

#[test]
fn what_was_saved_comes_back_and_nothing_is_reported() {
    let mut s = store(&[
        (
            CLIENT,
            "\"p2;goals_priority;goals_numbers=yes&goals_success=mostly\"",
        ),
        (SCREEN_KEY, "\"client\""),
        (LANG_KEY, "\"fi\""),
        (CALC_KEY, "\"c1;fixed_min=777\""),
    ]);
    let r = restore(&mut s, english_bank());
    assert_eq!(r.trouble, None);
    assert_eq!(r.client.step, 2);
    assert_eq!(r.client.answers.len(), 2);
    assert_eq!(r.screen, Some(Audience::Client));
    assert_eq!(r.lang.as_deref(), Some("fi"));
    assert_eq!(r.calc.fixed_min, "777");
    assert!(r.held.is_empty());
}

#[test]
fn an_older_schema_migrates_on_reading() {
    let mut s = store(&[(CLIENT, "\"p1;1;goals_numbers=yes&goals_success=mostly\"")]);
    let r = restore(&mut s, english_bank());
    assert_eq!(r.trouble, None);
    assert_eq!(r.client.step, 1);
}

#[test]
fn an_unreadable_value_is_set_aside_and_reported_once() {
    let mut s = store(&[(CLIENT, "{not ours}"), (CALC_KEY, "\"garbage\"")]);
    let r = restore(&mut s, english_bank());
    assert_eq!(r.trouble, Some(Trouble::Unreadable));
    assert_eq!(r.client, Default::default());
    assert_eq!(s.entries["clientfit.v1.client.unreadable"], "{not ours}");
    assert_eq!(s.entries["clientfit.v1.calc.unreadable"], "\"garbage\"");
    // Left where it was: set aside is a copy.
    assert_eq!(s.entries[CLIENT], "{not ours}");
    assert!(r.held.is_empty(), "copied, so this page may write the key");
}

#[test]
fn a_newer_version_s_value_is_kept_held_and_outranks_damage() {
    let newer = "\"p3;something;new\"";
    let mut s = store(&[(CLIENT, newer), (CALC_KEY, "{bad}")]);
    let r = restore(&mut s, english_bank());
    assert_eq!(r.trouble, Some(Trouble::Newer));
    assert_eq!(r.held, [CLIENT]);
    assert_eq!(s.entries["clientfit.v1.client.newer"], newer);
    assert_eq!(s.entries[CLIENT], newer);
}

#[test]
fn an_implausibly_large_value_is_set_aside_unread() {
    let huge = format!("\"p3;{}\"", "x".repeat(MAX_STORED_BYTES));
    let mut s = store(&[(CLIENT, &huge)]);
    let r = restore(&mut s, english_bank());
    assert_eq!(
        r.trouble,
        Some(Trouble::Unreadable),
        "not taken for a newer one"
    );
    assert_eq!(s.entries["clientfit.v1.client.unreadable"], huge);
}

#[test]
fn a_value_that_cannot_be_copied_is_held_not_overwritten() {
    let mut s = store(&[(CLIENT, "{damaged}")]);
    s.refuse = Some(".unreadable".into());
    let r = restore(&mut s, english_bank());
    assert_eq!(r.held, [CLIENT]);
}

#[test]
fn no_storage_and_read_only_storage_are_told_apart() {
    let mut missing = Memory {
        missing: true,
        ..Memory::default()
    };
    assert_eq!(
        restore(&mut missing, english_bank()).trouble,
        Some(Trouble::Unavailable)
    );
    let mut full = store(&[(CLIENT, "\"p2;goals_success;goals_numbers=yes\"")]);
    full.refuse = Some("clientfit".into());
    let r = restore(&mut full, english_bank());
    assert_eq!(r.trouble, Some(Trouble::ReadOnly));
    assert_eq!(r.client.answers.len(), 1, "what was saved is still read");
}

#[test]
fn set_aside_copies_are_never_overwritten_and_an_identical_one_is_enough() {
    let mut s = store(&[]);
    assert!(set_aside_as(&mut s, CLIENT, "before-reset", "a"));
    assert!(set_aside_as(&mut s, CLIENT, "before-reset", "b"));
    assert!(set_aside_as(&mut s, CLIENT, "before-reset", "a"));
    assert_eq!(s.entries.len(), 2);
    assert_eq!(s.entries["clientfit.v1.client.before-reset.2"], "b");
}

#[test]
fn a_start_over_moves_everything_aside_past_any_number_of_earlier_copies() {
    let mut s = store(&[(CLIENT, "\"now\""), (LANG_KEY, "\"fi\"")]);
    for n in 1..=12 {
        let key = match n {
            1 => format!("{CLIENT}.before-reset"),
            n => format!("{CLIENT}.before-reset.{n}"),
        };
        s.entries.insert(key, format!("\"earlier {n}\""));
    }
    assert_eq!(set_all_aside(&mut s), Ok(()));
    assert_eq!(s.entries["clientfit.v1.client.before-reset.13"], "\"now\"");
    assert!(!s.entries.contains_key(CLIENT));
    assert_eq!(s.entries[LANG_KEY], "\"fi\"", "the language choice stays");
}

#[test]
fn a_start_over_that_cannot_copy_removes_nothing() {
    let mut s = store(&[(CLIENT, "\"now\"")]);
    s.refuse = Some(".before-reset".into());
    assert_eq!(set_all_aside(&mut s), Err(NotSetAside));
    assert_eq!(s.entries[CLIENT], "\"now\"");
}

#[test]
fn values_are_saved_as_json_strings() {
    let mut s = store(&[]);
    save(&mut s, progress_key(Audience::Specialist), "p2;~done;").unwrap();
    assert_eq!(s.entries["clientfit.v1.specialist"], "\"p2;~done;\"");
}
