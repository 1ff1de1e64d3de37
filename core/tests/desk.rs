//! The specialist's desk: prospects and their changes, the list, verdicts against outcomes, and
//! the desk's files (JSON export and import, CSV).

use client_fit_core::desk::{
    export_csv, export_json, import_json, outcomes, Change, Day, Desk, DeskError, Fault,
    ImportError, ListQuery, Prospect, ProspectId, SortBy, Stage,
};
use client_fit_core::testing::{answer_sets, best_answers, with};
use client_fit_core::{english_bank as bank, Answers, Audience, Band};
use proptest::prelude::*;

const TODAY: Day = Day(20_784); // 2026-11-27

fn id(s: &str) -> ProspectId {
    ProspectId::parse(s).expect("a valid id")
}

/// The worst a specialist can hear: every flag the quiz can raise on money and tone.
fn risky() -> Answers {
    with(&[
        ("money_prepay", "never"),
        ("money_payments", "reminders"),
        ("comm_tone", "threat"),
        ("trust_role", "owes"),
    ])
}

fn three() -> Desk {
    let mut desk = Desk::default();
    for (n, (key, label)) in [
        ("a", "Candle shop"),
        ("b", "Dental clinic"),
        ("c", "Bakery"),
    ]
    .iter()
    .enumerate()
    {
        desk.create(id(key), label, Day(TODAY.0 - 10 + n as i32))
            .unwrap();
    }
    desk.apply(&id("a"), Change::Assessed(risky()), Day(TODAY.0 - 5))
        .unwrap();
    desk.apply(&id("b"), Change::Assessed(best_answers()), Day(TODAY.0 - 4))
        .unwrap();
    desk
}

#[test]
fn days_read_and_write_as_calendar_dates() {
    assert_eq!(Day(0).iso(), "1970-01-01");
    assert_eq!(TODAY.iso(), "2026-11-27");
    assert_eq!(Day::from_iso("2026-11-27"), Some(TODAY));
    assert_eq!(
        Day::from_iso("2024-02-29").map(Day::iso).as_deref(),
        Some("2024-02-29")
    );
    for bad in [
        "2026-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-1-01",
        "26-11-27",
        "2026-11-27x",
        "２０２６-11-27",
        "1969-12-31",
        "",
    ] {
        assert_eq!(Day::from_iso(bad), None, "{bad}");
    }
    for d in (0..2_932_896).step_by(997) {
        assert_eq!(Day::from_iso(&Day(d).iso()), Some(Day(d)), "{d}");
    }
}

#[test]
fn prospects_are_created_renamed_archived_and_deleted_with_undo() {
    let mut desk = three();
    assert_eq!(
        desk.create(id("a"), "Again", TODAY),
        Err(DeskError::DuplicateId)
    );
    assert_eq!(
        desk.create(id("d"), "  \u{7} ", TODAY),
        Err(DeskError::EmptyLabel)
    );
    assert_eq!(
        desk.create(id("d"), &"x".repeat(81), TODAY),
        Err(DeskError::TooLong)
    );
    desk.apply(&id("c"), Change::Label("Bakery\tchain ".into()), TODAY)
        .unwrap();
    assert_eq!(desk.get(&id("c")).unwrap().label, "Bakery chain");
    assert_eq!(desk.get(&id("c")).unwrap().changed, TODAY);
    assert_eq!(
        desk.apply(&id("zz"), Change::Label("x".into()), TODAY),
        Err(DeskError::NoSuchProspect)
    );
    desk.apply(&id("b"), Change::Stage(Stage::Signed), TODAY)
        .unwrap();
    desk.apply(&id("c"), Change::Archived(true), TODAY).unwrap();

    let before = desk.clone();
    let removed = desk.delete(&id("b"), TODAY).expect("b is there");
    assert!(desk.get(&id("b")).is_none());
    desk.restore(removed).unwrap();
    assert_eq!(
        desk.prospects, before.prospects,
        "undo puts it back where it was"
    );
}

#[test]
fn the_list_ranks_by_verdict_score_or_date_filters_by_stage_and_searches_labels() {
    let mut desk = three();
    desk.apply(&id("a"), Change::Stage(Stage::Call), TODAY)
        .unwrap();
    let b = bank();
    let rows = desk.rows(b, &ListQuery::default());
    let order: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        order,
        ["b", "a", "c"],
        "partner, then the risky one, then the one not assessed"
    );
    assert_eq!(rows[0].band, Some(Band::Partner));
    assert_eq!(rows[1].band, Some(Band::HighRisk));
    assert!(!rows[1].flags.is_empty() && rows[1].flags.len() <= 3);
    assert_eq!((rows[2].band, rows[2].score), (None, None));

    let by_date = desk.rows(
        b,
        &ListQuery {
            sort: SortBy::Date,
            ..ListQuery::default()
        },
    );
    assert_eq!(by_date[0].id.as_str(), "a", "changed today");
    let calls = desk.rows(
        b,
        &ListQuery {
            stage: Some(Stage::Call),
            ..ListQuery::default()
        },
    );
    assert_eq!(calls.len(), 1);
    let found = desk.rows(
        b,
        &ListQuery {
            search: "  DENTAL ".into(),
            ..ListQuery::default()
        },
    );
    assert_eq!(
        found.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["b"]
    );
    desk.apply(&id("b"), Change::Archived(true), TODAY).unwrap();
    assert_eq!(desk.rows(b, &ListQuery::default()).len(), 2);
    assert_eq!(
        desk.rows(
            b,
            &ListQuery {
                archived: true,
                ..ListQuery::default()
            }
        )
        .len(),
        1
    );
}

#[test]
fn verdicts_are_set_against_outcomes() {
    let mut desk = three();
    desk.apply(&id("a"), Change::Stage(Stage::PaidLate), TODAY)
        .unwrap();
    desk.apply(&id("b"), Change::Stage(Stage::PaidOnTime), TODAY)
        .unwrap();
    desk.apply(&id("c"), Change::Stage(Stage::Churned), TODAY)
        .unwrap(); // never assessed: not counted
    let table = outcomes(&desk.all_rows(bank()));
    assert_eq!(
        table,
        vec![
            (Band::Partner, [1, 0, 0]),
            (Band::Workable, [0, 0, 0]),
            (Band::HighRisk, [0, 1, 0])
        ]
    );
}

#[test]
fn the_export_reminder_comes_after_30_days_of_unexported_changes() {
    let mut desk = Desk::default();
    assert!(!desk.export_due(TODAY, TODAY), "nothing to export");
    desk.create(id("a"), "A", Day(TODAY.0 - 31)).unwrap();
    assert!(desk.export_due(TODAY, Day(TODAY.0 - 31)));
    assert!(!desk.export_due(TODAY, Day(TODAY.0 - 29)));
    desk.exported = Some(Day(TODAY.0 - 20));
    assert!(
        !desk.export_due(TODAY, Day(0)),
        "exported after the last change"
    );
    desk.apply(&id("a"), Change::Label("B".into()), Day(TODAY.0 - 15))
        .unwrap();
    assert!(
        !desk.export_due(TODAY, Day(0)),
        "changed, but exported 20 days ago"
    );
    assert!(desk.export_due(Day(TODAY.0 + 10), Day(0)));
}

/// Only what the specialist quiz offers: a desk holds specialist assessments.
fn specialist_only(answers: Answers) -> Answers {
    let b = bank();
    answers
        .iter()
        .filter(|(q, o)| {
            b.question(q.as_str())
                .and_then(|question| question.choice(o.as_str()))
                .is_none_or(|c| c.offered_to(Audience::Specialist))
        })
        .map(|(q, o)| (q.clone(), o.clone()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_desk_exported_and_imported_is_the_same_desk(
        labels in prop::collection::vec("[^\u{0}-\u{1f}]{1,30}", 1..6),
        stages in prop::collection::vec(0usize..8, 6),
        answers in prop::collection::vec(answer_sets(), 6),
        days in prop::collection::vec(0i32..30_000, 6),
    ) {
        let mut desk = Desk::default();
        for (n, label) in labels.iter().enumerate() {
            let key = id(&format!("p{n}"));
            if desk.create(key.clone(), label, Day(days[n])).is_err() {
                continue; // a label of spaces only
            }
            desk.apply(&key, Change::Stage(Stage::ALL[stages[n]]), Day(days[n])).unwrap();
            desk.apply(&key, Change::Notes("Called twice; \"prefers\" email,\nthen a call".into()), Day(days[n])).unwrap();
            if n % 2 == 0 {
                desk.apply(&key, Change::Assessed(specialist_only(answers[n].clone())), Day(days[n])).unwrap();
            }
        }
        let file = export_json(&desk, TODAY);
        let back = import_json(&file, bank()).unwrap();
        prop_assert_eq!(back.problems, vec![]);
        prop_assert_eq!(back.prospects, desk.prospects);
    }
}

#[test]
fn a_damaged_file_is_refused_with_where_and_why() {
    let b = bank();
    assert_eq!(
        import_json("{\n  \"format\": ", b),
        Err(ImportError::Syntax {
            line: 2,
            column: 12
        })
    );
    assert_eq!(import_json("[1, 2]", b), Err(ImportError::NotADesk));
    assert_eq!(
        import_json(r#"{"format": "other", "version": 1, "prospects": []}"#, b),
        Err(ImportError::NotADesk)
    );
    assert_eq!(
        import_json(
            r#"{"format": "client-fit-desk", "version": 9, "prospects": []}"#,
            b
        ),
        Err(ImportError::Newer(9))
    );
}

#[test]
fn each_bad_prospect_is_reported_by_line_and_field_and_the_rest_come_in() {
    let mut desk = three();
    desk.apply(&id("b"), Change::Stage(Stage::Proposal), TODAY)
        .unwrap();
    let good = export_json(&desk, TODAY);
    // Break the second prospect twice, and give the third the first one's id.
    let mut file: serde_json::Value = serde_json::from_str(&good).unwrap();
    file["prospects"][1]["stage"] = "maybe".into();
    file["prospects"][1]["assessments"][0]["answers"]["goals_numbers"] = "<script>".into();
    file["prospects"][2]["id"] = "a".into();
    let broken = serde_json::to_string_pretty(&file).unwrap();
    let starts: Vec<usize> = broken
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == "    {")
        .map(|(n, _)| n + 1)
        .collect();
    assert_eq!(starts.len(), 3);
    let back = import_json(&broken, bank()).unwrap();
    let ids: Vec<&str> = back.prospects.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["a"], "only the sound one comes in");
    let fields: Vec<(usize, &str)> = back
        .problems
        .iter()
        .map(|p| (p.line, p.field.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            (starts[1], "stage"),
            (starts[1], "assessments[0].answers.goals_numbers"),
            (starts[2], "id")
        ],
        "{:#?}",
        back.problems
    );
    assert_eq!(back.problems[0].fault, Fault::Stage("maybe".into()));
    assert_eq!(back.problems[1].fault, Fault::Answer("<script>".into()));
    assert_eq!(back.problems[2].fault, Fault::Twice("a".into()));
}

#[test]
fn importing_adds_new_prospects_and_replaces_only_what_the_specialist_chose() {
    let mut mine = three();
    let mut theirs = three();
    theirs
        .apply(&id("a"), Change::Label("Candle shop (Anna)".into()), TODAY)
        .unwrap();
    theirs
        .apply(
            &id("b"),
            Change::Label("Dental clinic (Oleg)".into()),
            TODAY,
        )
        .unwrap();
    theirs.create(id("d"), "Florist", TODAY).unwrap();
    let incoming = import_json(&export_json(&theirs, TODAY), bank())
        .unwrap()
        .prospects;
    let plan = mine.plan_merge(&incoming);
    assert_eq!(plan.added, [id("d")]);
    assert_eq!(plan.unchanged, 1);
    assert_eq!(plan.conflicts, [id("a"), id("b")]);
    mine.merge(incoming, &[id("b")], TODAY);
    let labels: Vec<&str> = mine.prospects.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Candle shop", "Dental clinic (Oleg)", "Bakery", "Florist"]
    );
}

#[test]
fn the_csv_has_a_row_per_prospect_quoted_and_never_a_formula() {
    let mut desk = three();
    desk.apply(
        &id("c"),
        Change::Label("=HYPERLINK(\"http://x\"), \"Bakery\"".into()),
        TODAY,
    )
    .unwrap();
    let csv = export_csv(&desk, bank());
    let rows: Vec<&str> = csv.split("\r\n").filter(|r| !r.is_empty()).collect();
    assert_eq!(rows.len(), 4);
    assert!(
        rows[0].starts_with("id,label,stage,archived,created,changed,assessed,band,score,goals,")
    );
    assert!(rows[0].ends_with(",flags"));
    assert!(
        rows[1].starts_with(
            "a,Candle shop,first_contact,false,2026-11-17,2026-11-22,2026-11-22,high_risk,"
        ),
        "{}",
        rows[1]
    );
    assert!(
        rows[2].contains(",partner,100,100,100,100,100,100,100,100,100,"),
        "{}",
        rows[2]
    );
    assert_eq!(rows[3], "c,\"'=HYPERLINK(\"\"http://x\"\"), \"\"Bakery\"\"\",first_contact,false,2026-11-19,2026-11-27,,,,,,,,,,,,");
    let prospect: &Prospect = desk.get(&id("a")).unwrap();
    assert_eq!(prospect.assessments.len(), 1);
}

#[test]
fn a_reassessment_names_the_answers_that_moved_and_the_verdict_before_and_after() {
    let mut desk = three();
    let b = id("b");
    assert_eq!(
        desk.get(&b).unwrap().reassessment(bank()),
        None,
        "one assessment: nothing to compare"
    );
    let later = with(&[("money_prepay", "never"), ("comm_tone", "threat")]);
    desk.apply(&b, Change::Assessed(later), TODAY).unwrap();
    let r = desk.get(&b).unwrap().reassessment(bank()).unwrap();
    assert_eq!((r.before, r.after), (Day(TODAY.0 - 4), TODAY));
    let moved: Vec<&str> = r.moved.iter().map(|(q, _, _)| q.as_str()).collect();
    assert_eq!(
        moved,
        ["money_prepay", "comm_tone"],
        "quiz order, only what changed"
    );
    assert_eq!(r.moved[0].2.as_ref().map(|o| o.as_str()), Some("never"));
    assert_eq!(r.band.0, Band::Partner);
    assert_ne!(
        r.band.1,
        Band::Partner,
        "a threat and no prepayment cannot stay a partner"
    );
    assert!(r.score.1 < r.score.0);
    assert_ne!(r.fee.0, r.fee.1, "the fee offer follows the verdict");
}

#[test]
fn a_page_catalog_adds_its_strings_to_the_language_on_screen() {
    let base = client_fit_core::i18n::Messages::english();
    let with_desk = base
        .with_catalog(r#"{"desk.title": "Prospect desk", "notice.dismiss": "Fine"}"#)
        .unwrap();
    assert_eq!(with_desk.t("desk.title"), "Prospect desk");
    assert_eq!(
        with_desk.t("notice.dismiss"),
        "Fine",
        "the page's text wins"
    );
    assert_eq!(
        with_desk.t("quiz.next"),
        base.t("quiz.next"),
        "the rest stays"
    );
    assert!(base.with_catalog("{not json").is_err());
}

#[test]
fn dates_are_written_as_each_language_writes_them() {
    use client_fit_core::i18n::Lang;
    let day = Day::from_iso("2026-03-05").unwrap();
    assert_eq!(day.local(Lang::En), "5 Mar 2026");
    assert_eq!(day.local(Lang::Ru), "05.03.2026");
    assert_eq!(day.local(Lang::Fi), "5.3.2026");
    assert_eq!(day.local(Lang::Es), "05/03/2026");
    assert_eq!(TODAY.local(Lang::En), "27 Nov 2026");
}

#[test]
fn an_invitation_names_the_specialist_and_the_return_address_and_nothing_else() {
    use client_fit_core::desk::{invite_query, returned_invite, InviteError};
    let bakery = id("p0a1b2c3d4e5f6a7b");
    let q = invite_query("  Anna   K. ", "anna@studio.example", &bakery).unwrap();
    assert_eq!(
        q,
        "?quiz=client&agency=Anna%20K.&contact=mailto%3Aanna%40studio.example&invite=p0a1b2c3d4e5f6a7b"
    );
    // The client's result link keeps the invite id, and the desk reads it back.
    let (config, _) = client_fit_core::config::Config::from_query(&q);
    let returned = format!(
        "{}#r=x",
        client_fit_core::config::share_base(&format!("https://cf.example/{q}"), &config)
    );
    assert_eq!(returned_invite(&returned), Some(bakery.clone()));
    assert_eq!(
        returned_invite("https://cf.example/#r=x&invite=p1"),
        None,
        "only the query"
    );
    assert_eq!(returned_invite("https://cf.example/?invite=<b>#r=x"), None);
    assert_eq!(returned_invite("not a link"), None);
    let (config, warnings) = client_fit_core::config::Config::from_query(&q);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(config.agency.as_deref(), Some("Anna K."));
    assert_eq!(
        config.quiz,
        client_fit_core::config::QuizChoice::Quiz(Audience::Client)
    );
    let page = invite_query("Anna", "https://t.me/anna_smm", &bakery).unwrap();
    assert!(
        page.contains("contact=https%3A%2F%2Ft.me%2Fanna_smm&"),
        "{page}"
    );
    assert_eq!(
        invite_query("\u{200b} ", "anna@studio.example", &bakery),
        Err(InviteError::Name)
    );
    for bad in [
        "",
        "anna",
        "javascript:alert(1)",
        "http://plain.example",
        "mailto:a@b",
    ] {
        assert_eq!(
            invite_query("Anna", bad, &bakery),
            Err(InviteError::Contact),
            "{bad}"
        );
    }
}

#[test]
fn the_client_result_travels_in_the_desk_file_and_a_version_1_file_still_imports() {
    let mut desk = three();
    desk.apply(&id("b"), Change::ClientResult(Some(best_answers())), TODAY)
        .unwrap();
    let text = export_json(&desk, TODAY);
    assert!(text.contains("\"version\": 2"));
    let back = import_json(&text, bank()).unwrap();
    assert_eq!(back.prospects, desk.prospects);
    assert!(desk.get(&id("b")).unwrap().comparison(bank()).is_some());
    assert!(
        desk.get(&id("c")).unwrap().comparison(bank()).is_none(),
        "no result, no comparison"
    );
    // A file of version 1 (no client field) reads as before.
    let mut old: serde_json::Value = serde_json::from_str(&export_json(&three(), TODAY)).unwrap();
    old["version"] = 1.into();
    let read = import_json(&old.to_string(), bank()).unwrap();
    assert_eq!(read.prospects, three().prospects);
    // A client's answer the client quiz does not offer is a problem of that field.
    let mut bad: serde_json::Value = serde_json::from_str(&text).unwrap();
    bad["prospects"][1]["client"]["money_prepay"] = "sometimes".into();
    let read = import_json(&bad.to_string(), bank()).unwrap();
    assert_eq!(read.problems[0].field, "client.money_prepay");
}

#[test]
fn an_agreement_sheet_travels_whole_in_its_link_and_a_damaged_one_is_refused() {
    use client_fit_core::agreement::{decode, encode, Agreement, SheetField, MAX_FIELD};
    use client_fit_core::fee::FeeModel;
    let mut sheet = Agreement::new(bank(), best_answers(), risky(), Default::default());
    assert_eq!(
        sheet.model,
        FeeModel::PrepaidFixed,
        "a high-risk verdict asks for prepaid"
    );
    assert_eq!(sheet.agreed.len(), bank().contract.len());
    sheet.set(SheetField::Kpi, "30 leads a month at ≤ 400 ₽ each; a!b~c%d");
    sheet.set(SheetField::Contact, "Anna\n(Telegram @anna)");
    assert_eq!(sheet.contact, "Anna (Telegram @anna)", "one line");
    sheet.set(SheetField::Replies, &"x".repeat(500));
    assert_eq!(sheet.replies.chars().count(), MAX_FIELD);
    sheet.plan.currency = client_fit_core::money::Currency::Eur;
    sheet.agreed[0] = true;
    sheet.agreed[3] = true;
    let link = encode(bank(), &sheet).unwrap();
    assert!(link.starts_with("a=a1!"));
    assert!(!link.contains(['#', ' ', '"', '<']), "{link}");
    assert_eq!(decode(bank(), &format!("#{link}")), Ok(sheet.clone()));
    // The open questions are the agenda of the two results.
    assert!(!sheet.comparison(bank()).agenda.is_empty());
    // Cut, changed or swapped sides: refused whole.
    assert!(decode(bank(), &link[..link.len() - 3]).is_err());
    let parts: Vec<&str> = link.split('!').collect();
    let swapped = [parts[0], parts[2], parts[1]].join("!") + "!" + &parts[3..].join("!");
    assert!(decode(bank(), &swapped).is_err());
    assert!(decode(bank(), &link.replace("!prepaid_fixed!", "!barter!")).is_err());
    assert!(decode(bank(), "a=a1!x").is_err());
}
