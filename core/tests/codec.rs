//! The stored text form of progress and calculator inputs: round trips, and garbage is refused
//! without panicking.

use client_fit_core::money::{BonusKind, Currency, Field, Measure, PlanInput, ThresholdKind};
use client_fit_core::progress::Progress;
use client_fit_core::stored::*;
use client_fit_core::{english_bank as bank, Answers, Audience};
use proptest::prelude::*;

fn decode(text: &str, a: Audience) -> Result<Progress, Unreadable> {
    decode_progress(text, bank(), a)
}

#[test]
fn progress_has_a_readable_stable_form() {
    let mut answers = Answers::new();
    answers.insert("goals_numbers".into(), "yes".into());
    answers.insert("temp_upset".into(), "c".into());
    let p = Progress { step: 2, answers };
    let text = encode_progress(&p, bank(), Audience::Specialist);
    let third = &bank().questions[2].id;
    assert_eq!(
        text,
        format!("p2;{third};goals_numbers=yes&temp_upset=c"),
        "the step is stored as the id of the question on screen"
    );
    assert_eq!(decode(&text, Audience::Specialist), Ok(p));
    let done = Progress {
        step: bank().step_count(Audience::Client),
        answers: Answers::new(),
    };
    assert_eq!(
        encode_progress(&done, bank(), Audience::Client),
        "p2;~done;"
    );
    assert_eq!(decode("p2;~done;", Audience::Client), Ok(done));
}

#[test]
fn version_1_progress_migrates_and_is_written_back_as_version_2() {
    let v1 = "p1;3;goals_numbers=yes";
    let p = decode(v1, Audience::Client).expect("v1 still reads");
    assert_eq!(p.step, 3);
    assert_eq!(
        p.answers.get("goals_numbers").map(|o| o.as_str()),
        Some("yes")
    );
    let v2 = encode_progress(&p, bank(), Audience::Client);
    assert!(
        v2.starts_with(&format!("p2;{};", bank().questions[3].id)),
        "{v2}"
    );
    assert_eq!(decode(&v2, Audience::Client), Ok(p));
    assert_eq!(decode("p1;0;", Audience::Client), Ok(Progress::default()));
}

#[test]
fn a_question_gone_from_the_content_resumes_at_the_first_gap() {
    let first = &bank().questions[0].id;
    let text = format!("p2;no_such_question;{first}=yes");
    let p = decode(&text, Audience::Client).unwrap();
    assert_eq!(
        p.step,
        bank().step_count(Audience::Client),
        "unknown position"
    );
    assert_eq!(p.sanitized(bank(), Audience::Client).step, 1);
}

#[test]
fn values_from_a_newer_schema_are_told_apart_from_damage() {
    for newer in ["p3;x;", "p10;", "c2;cap=1", "b2;", "p99999"] {
        assert!(written_by_newer(newer), "{newer:?}");
        if newer.starts_with('p') {
            assert_eq!(decode(newer, Audience::Client), Err(Unreadable));
        }
    }
    for not_newer in [
        "p2;~done;",
        "p1;0;",
        "c1;cap=1",
        "b1;",
        "p0;",
        "x9;",
        "p",
        "pp;",
        "p-3;",
        "é9;",
        "",
        "p99999999999999999999;",
    ] {
        assert!(!written_by_newer(not_newer), "{not_newer:?}");
    }
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
        "storage keeps it verbatim in quotes, as gloo-storage (earlier versions) wrote it"
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
        "p2;1",
        "p2;%ZZ;",
        "p3;1;",
        "p1;1;q",
        "p1;1;q=%ZZ",
        "p1;1;q=%E2%82",
        "p1;1;q=a b",
        "p1;99999999999999999999999;",
    ] {
        assert_eq!(decode(bad, Audience::Client), Err(Unreadable), "{bad:?}");
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

#[test]
fn choices_are_stored_by_name_and_a_name_this_build_does_not_know_keeps_the_default() {
    let p = PlanInput {
        currency: Currency::Eur,
        threshold_kind: ThresholdKind::Revenue,
        bonus_kind: BonusKind::Percent,
        measure: Measure::Leads,
        ..PlanInput::default()
    };
    let text = encode_plan(&p);
    for pair in [
        "currency=EUR",
        "threshold_kind=revenue",
        "bonus_kind=percent",
        "measure=leads",
    ] {
        assert!(text.contains(pair), "{text}");
    }
    let odd = decode_plan("c1;currency=XYZ&threshold_kind=weekly&bonus_kind=&measure=visits&cap=5")
        .unwrap();
    assert_eq!(
        (
            odd.currency,
            odd.threshold_kind,
            odd.bonus_kind,
            odd.measure
        ),
        (
            Currency::Rub,
            ThresholdKind::Units,
            BonusKind::PerUnit,
            Measure::Sales
        )
    );
    assert_eq!(odd.cap, "5");
}

fn ids() -> impl Strategy<Value = String> {
    "[a-z0-9_]{1,20}"
}

proptest! {
    #[test]
    fn progress_round_trips(step in 0usize..50, specialist: bool, answers in prop::collection::btree_map(ids(), ids(), 0..40)) {
        let a = if specialist { Audience::Specialist } else { Audience::Client };
        let p = Progress { step: step.min(bank().step_count(a)), answers: answers.into_iter().map(|(q, o)| (q.into(), o.into())).collect() };
        prop_assert_eq!(decode(&encode_progress(&p, bank(), a), a), Ok(p));
    }

    #[test]
    fn any_calculator_value_round_trips(texts in prop::collection::vec(any::<String>(), 16), picks in prop::collection::vec(0usize..6, 4)) {
        let mut p = PlanInput::default();
        // Typed fields take any text; a choice ignores a name it does not know.
        for (&field, text) in Field::ALL.iter().zip(texts) {
            p.set(field, text);
        }
        p.currency = Currency::ALL[picks[0] % Currency::ALL.len()];
        p.threshold_kind = ThresholdKind::ALL[picks[1] % ThresholdKind::ALL.len()];
        p.bonus_kind = BonusKind::ALL[picks[2] % BonusKind::ALL.len()];
        p.measure = Measure::ALL[picks[3] % Measure::ALL.len()];
        let json = serde_json::to_string(&encode_plan(&p)).unwrap();
        prop_assert_eq!(unquote(&json).and_then(decode_plan), Ok(p));
    }

    #[test]
    fn decoding_anything_never_panics(text in any::<String>()) {
        let _ = decode(&text, Audience::Specialist);
        let _ = decode_plan(&text);
        let _ = written_by_newer(&text);
        let _ = unquote(&text).and_then(|t| decode(t, Audience::Client));
    }
}
