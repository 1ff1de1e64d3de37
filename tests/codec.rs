//! The stored text form of progress and calculator inputs: round trips, and garbage is refused
//! without panicking.

use client_fit::platform::codec::*;
use client_fit::quiz::money::PlanInput;
use client_fit::quiz::Answers;
use client_fit::ui::state::Progress;
use proptest::prelude::*;

#[test]
fn progress_has_a_readable_stable_form() {
    let mut answers = Answers::new();
    answers.insert("goals_numbers".into(), "yes".into());
    answers.insert("temp_upset".into(), "c".into());
    let p = Progress { step: 2, answers };
    let text = encode_progress(&p);
    assert_eq!(text, "p1;2;goals_numbers=yes&temp_upset=c");
    assert_eq!(decode_progress(&text), Ok(p));
    assert_eq!(decode_progress("p1;0;"), Ok(Progress::default()));
}

#[test]
fn stored_values_are_json_strings_without_escapes() {
    let text = encode_plan(&PlanInput {
        cap: "1\"2\\3 ₽ & = ;".into(),
        ..PlanInput::default()
    });
    let json = serde_json::to_string(&text).unwrap();
    assert_eq!(
        json,
        format!("\"{text}\""),
        "gloo-storage writes it verbatim in quotes"
    );
    assert_eq!(
        unquote(&json).and_then(decode_plan).map(|p| p.cap),
        Ok("1\"2\\3 ₽ & = ;".to_string())
    );
}

#[test]
fn garbage_and_other_formats_are_unreadable() {
    for bad in [
        "",
        "{\"step\":3,\"answers\":{}}",
        "p1",
        "p1;x;",
        "p1;-1;",
        "p2;1;",
        "p1;1;q",
        "p1;1;q=%ZZ",
        "p1;1;q=%E2%82",
        "p1;1;q=a b",
        "p1;99999999999999999999999;",
    ] {
        assert_eq!(decode_progress(bad), Err(Unreadable), "{bad:?}");
    }
    assert_eq!(decode_plan("c0;cap=1"), Err(Unreadable));
    assert_eq!(unquote("\"a\\\"b\""), Err(Unreadable));
    assert_eq!(unquote("plain"), Err(Unreadable));
}

#[test]
fn unknown_calculator_fields_are_ignored_and_missing_ones_default() {
    let p = decode_plan("c1;percent=12&colour=red").unwrap();
    assert_eq!(p.percent, "12");
    assert_eq!(p.range_max, PlanInput::default().range_max);
}

fn ids() -> impl Strategy<Value = String> {
    "[a-z0-9_]{1,20}"
}

proptest! {
    #[test]
    fn progress_round_trips(step in 0usize..1000, answers in prop::collection::btree_map(ids(), ids(), 0..40)) {
        let p = Progress { step, answers };
        prop_assert_eq!(decode_progress(&encode_progress(&p)), Ok(p));
    }

    #[test]
    fn any_typed_calculator_text_round_trips(fields in prop::collection::vec(any::<String>(), 12)) {
        let mut p = PlanInput::default();
        let names = [&mut p.currency, &mut p.current_sales, &mut p.range_min, &mut p.range_max, &mut p.avg_order,
            &mut p.fixed_min, &mut p.threshold_kind, &mut p.threshold, &mut p.bonus_kind, &mut p.bonus, &mut p.percent, &mut p.cap];
        for (slot, value) in names.into_iter().zip(fields) {
            *slot = value;
        }
        let json = serde_json::to_string(&encode_plan(&p)).unwrap();
        prop_assert_eq!(unquote(&json).and_then(decode_plan), Ok(p));
    }

    #[test]
    fn decoding_anything_never_panics(text in any::<String>()) {
        let _ = decode_progress(&text);
        let _ = decode_plan(&text);
        let _ = unquote(&text).and_then(decode_progress);
    }
}
