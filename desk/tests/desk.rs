//! The desk page natively: its reducer (create, assess, delete and undo, import review) and SSR
//! renders of the list and a prospect.

use client_fit::state::Action as Quiz;
use client_fit_core::desk::{export_json, import_json, Change, Day, DeskError, ProspectId, Stage};
use client_fit_core::i18n::{pack_from_catalog, Lang, Pack};
use client_fit_core::progress::item_at;
use client_fit_core::testing::best_answers;
use client_fit_core::{english_bank as bank, Audience};
use client_fit_desk::app::{DeskApp, DeskAppProps};
use client_fit_desk::state::{
    reduce, AttachError, DeskAction, DeskNotice, DeskState, ImportStatus, Returned, View,
};
use client_fit_desk::wording::{english, with_desk_catalog};
use yew::LocalServerRenderer;

const TODAY: Day = Day(20_784);

fn id(s: &str) -> ProspectId {
    ProspectId::parse(s).unwrap()
}

fn run(state: DeskState, actions: impl IntoIterator<Item = DeskAction>) -> DeskState {
    actions.into_iter().fold(state, |s, a| reduce(&s, a))
}

fn create(name: &str, key: &str) -> DeskAction {
    DeskAction::Create {
        id: id(key),
        label: name.into(),
    }
}

fn fresh() -> DeskState {
    DeskState::new(Default::default(), Default::default(), TODAY)
}

/// Answers every screen of the quiz on screen with its first option (skipping optional ones).
fn answer_all(mut s: DeskState) -> DeskState {
    for _ in 0..100 {
        let View::Assess(pid) = s.view.clone() else {
            return s;
        };
        let step = s.draft(&pid).map_or(0, |d| d.step);
        if let Some(client_fit_core::progress::StepItem::Pair(q)) =
            item_at(bank(), Audience::Specialist, step)
        {
            let first = q.options_for(Audience::Specialist).next().unwrap();
            s = reduce(&s, DeskAction::Quiz(Quiz::Choose(first.id.to_string())));
        }
        s = reduce(&s, DeskAction::Quiz(Quiz::Next));
    }
    panic!("the quiz never ended")
}

#[test]
fn a_prospect_is_created_assessed_and_its_answers_filed_with_todays_date() {
    let s = run(
        fresh(),
        [create("Bakery", "a"), DeskAction::Assess(id("a"))],
    );
    assert_eq!(s.view, View::Assess(id("a")));
    // Next on an unanswered screen does nothing; an option the screen does not offer is ignored.
    let s = run(
        s,
        [
            DeskAction::Quiz(Quiz::Choose("nonsense".into())),
            DeskAction::Quiz(Quiz::Next),
        ],
    );
    assert_eq!(s.draft(&id("a")).unwrap().step, 0);
    let s = answer_all(s);
    assert_eq!(s.view, View::Prospect(id("a")));
    assert!(s.draft(&id("a")).is_none(), "the finished draft goes");
    let p = s.desk.get(&id("a")).unwrap();
    assert_eq!(p.assessments.len(), 1);
    assert_eq!(p.assessments[0].on, TODAY);
}

#[test]
fn leaving_the_quiz_keeps_the_answers_and_back_from_the_first_question_returns_to_the_prospect() {
    let s = run(
        fresh(),
        [create("Bakery", "a"), DeskAction::Assess(id("a"))],
    );
    let first = bank().questions[0]
        .options_for(Audience::Specialist)
        .next()
        .unwrap()
        .id
        .to_string();
    let s = run(
        s,
        [
            DeskAction::Quiz(Quiz::Choose(first)),
            DeskAction::Quiz(Quiz::Next),
            DeskAction::Quiz(Quiz::Home),
        ],
    );
    assert_eq!(s.view, View::Prospect(id("a")));
    assert_eq!(s.draft(&id("a")).unwrap().step, 1);
    let s = run(
        s,
        [DeskAction::Assess(id("a")), DeskAction::Quiz(Quiz::Back)],
    );
    assert_eq!(s.draft(&id("a")).unwrap().step, 0);
    let s = reduce(&s, DeskAction::Quiz(Quiz::Back));
    assert_eq!(s.view, View::Prospect(id("a")));
}

#[test]
fn a_refused_name_is_said_and_a_deleted_prospect_comes_back_with_undo() {
    let s = run(fresh(), [create("   ", "a")]);
    assert_eq!(s.error, Some(DeskError::EmptyLabel));
    assert!(s.desk.prospects.is_empty());
    let s = run(
        s,
        [
            create("Bakery", "a"),
            create("Gym", "b"),
            DeskAction::Change(id("a"), Change::Stage(Stage::Call)),
            DeskAction::Delete(id("a")),
        ],
    );
    assert_eq!(s.error, None);
    assert_eq!(s.desk.prospects.len(), 1);
    assert_eq!(s.removed.as_ref().unwrap().prospect().label, "Bakery");
    let s = reduce(&s, DeskAction::Undo);
    assert_eq!(s.desk.prospects[0].id, id("a"), "back where it was");
    assert_eq!(s.desk.prospects[0].stage, Stage::Call);
    assert_eq!(s.view, View::Prospect(id("a")));
}

#[test]
fn an_import_is_reviewed_first_and_replaces_only_what_is_ticked() {
    let mut theirs = run(fresh(), [create("Bakery (Anna)", "a"), create("Gym", "b")]).desk;
    std::rc::Rc::make_mut(&mut theirs).prospects[0].notes = "theirs".into();
    let file = import_json(&export_json(&theirs, TODAY), bank()).unwrap();
    let s = run(fresh(), [create("Bakery", "a")]);
    let s = reduce(
        &s,
        DeskAction::FileRead {
            file: "desk.json".into(),
            read: Ok(file.clone()),
        },
    );
    let review = s.review.clone().unwrap();
    assert_eq!(
        (review.plan.added.len(), review.plan.conflicts.len()),
        (1, 1)
    );
    assert_eq!(
        s.desk.prospects.len(),
        1,
        "nothing changes before the confirmation"
    );
    let kept = run(s.clone(), [DeskAction::ConfirmImport]);
    assert_eq!(kept.desk.get(&id("a")).unwrap().label, "Bakery");
    assert_eq!(
        kept.import_status,
        Some(ImportStatus::Done {
            added: 1,
            replaced: 0
        })
    );
    let replaced = run(
        s,
        [
            DeskAction::ToggleReplace(id("a")),
            DeskAction::ConfirmImport,
        ],
    );
    assert_eq!(replaced.desk.get(&id("a")).unwrap().label, "Bakery (Anna)");
    // Ticking an id the plan does not list as differing does nothing.
    let s = run(
        fresh(),
        [
            DeskAction::FileRead {
                file: "d".into(),
                read: Ok(file),
            },
            DeskAction::ToggleReplace(id("zz")),
        ],
    );
    assert!(s.review.unwrap().replace.is_empty());
}

#[test]
fn exporting_clears_the_reminder_and_notices_are_said_once() {
    let s = run(
        fresh(),
        [
            DeskAction::Notify(DeskNotice::ExportDue),
            DeskAction::Notify(DeskNotice::ExportDue),
            DeskAction::Notify(DeskNotice::SaveFailed),
        ],
    );
    assert_eq!(s.notices, [DeskNotice::ExportDue, DeskNotice::SaveFailed]);
    let s = reduce(&s, DeskAction::Exported);
    assert_eq!(s.notices, [DeskNotice::SaveFailed]);
    assert_eq!(s.desk.exported, Some(TODAY));
}

async fn render(initial: DeskState, pack: Pack) -> String {
    LocalServerRenderer::<DeskApp>::with_props(DeskAppProps {
        initial,
        pack,
        ..DeskAppProps::default()
    })
    .render()
    .await
}

#[tokio::test]
async fn the_list_shows_each_prospect_ranked_with_its_verdict_and_stage() {
    let mut s = run(
        fresh(),
        [create("Candle shop", "a"), create("Dental clinic", "b")],
    );
    std::rc::Rc::make_mut(&mut s.desk)
        .apply(&id("b"), Change::Assessed(best_answers()), TODAY)
        .unwrap();
    let s = run(
        s,
        [
            DeskAction::ToList,
            DeskAction::Notify(DeskNotice::SetAside(2)),
        ],
    );
    let html = render(s, english()).await;
    let dental = html.find("Dental clinic").unwrap();
    let candle = html.find("Candle shop").unwrap();
    assert!(dental < candle, "the partner first");
    assert!(html.contains("partner, "), "{html}");
    assert!(html.contains("not assessed yet"));
    assert!(html.contains("2 saved prospects could not be read and were set aside"));
    assert!(html.contains("First contact"));
    assert!(
        !html.contains(">desk."),
        "no catalog id shows as text: {html}"
    );
}

#[tokio::test]
async fn a_prospect_renders_in_russian_with_its_verdict_and_what_changed() {
    let mut s = run(fresh(), [create("Кофейня", "a")]);
    std::rc::Rc::make_mut(&mut s.desk)
        .apply(
            &id("a"),
            Change::Assessed(best_answers()),
            Day(TODAY.0 - 30),
        )
        .unwrap();
    let worse = client_fit_core::testing::with(&[("money_prepay", "never")]);
    std::rc::Rc::make_mut(&mut s.desk)
        .apply(&id("a"), Change::Assessed(worse), TODAY)
        .unwrap();
    let s = reduce(&s, DeskAction::Open(id("a")));
    let ru = std::fs::read_to_string("../content/lang/ru.json").unwrap();
    let desk = std::fs::read_to_string("../content/desk/ru.json").unwrap();
    let pack = with_desk_catalog(pack_from_catalog(Lang::Ru, &ru).unwrap(), &desk).unwrap();
    let html = render(s, pack).await;
    let desk_ru: std::collections::BTreeMap<String, String> = client_fit_core::i18n::parse_flat(
        &std::fs::read_to_string("../content/desk/ru.json").unwrap(),
    )
    .unwrap()
    .into_iter()
    .collect();
    assert!(html.contains(&desk_ru["desk.history"]), "{html}");
    assert!(html.contains("data-question=\"money_prepay\""));
    assert!(html.contains(&TODAY.local(Lang::Ru)));
    assert!(html.contains("data-testid=\"full-result\""));
    assert!(!html.contains(">desk."), "no catalog id shows as text");
}

#[test]
fn a_desk_catalog_lacking_a_text_is_refused() {
    let ru = std::fs::read_to_string("../content/desk/ru.json").unwrap();
    let cut = ru.replacen("\"desk.title\"", "\"desk.titel\"", 1);
    assert!(with_desk_catalog(Pack::english(), &ru).is_ok());
    assert!(with_desk_catalog(Pack::english(), &cut).is_err());
    assert!(with_desk_catalog(Pack::english(), "[]").is_err());
}

/// A client's result link, as the client's "Send my result" returns it: the quizzes' page with
/// the invitation's parameters the link keeps, and the result.
fn returned_link(invite: Option<&str>) -> String {
    let token = client_fit_core::share::encode(bank(), Audience::Client, &best_answers()).unwrap();
    let query = invite.map_or(String::new(), |i| format!("?lang=en&invite={i}"));
    format!("https://cf.example/{query}#r={token}")
}

#[test]
fn a_returned_link_attaches_to_the_invited_prospect_or_waits_for_a_pick() {
    let mut s = run(
        fresh(),
        [
            create("Bakery", "a"),
            create("Florist", "b"),
            DeskAction::ToList,
        ],
    );
    std::rc::Rc::make_mut(&mut s.desk)
        .apply(&id("a"), Change::Assessed(best_answers()), TODAY)
        .unwrap();
    // The invitation names the prospect it was made on.
    let invited = reduce(
        &s,
        DeskAction::Invite {
            id: id("a"),
            name: "Anna".into(),
            contact: "anna@studio.example".into(),
        },
    );
    assert!(matches!(&invited.invite, Some((_, Ok(q))) if q.ends_with("&invite=a")));

    let opened = reduce(&s, DeskAction::OpenReturned(returned_link(Some("a"))));
    assert_eq!(
        opened.view,
        View::Compare(id("a")),
        "assessed: both sides compared"
    );
    assert!(opened.desk.get(&id("a")).unwrap().client.is_some());
    assert_eq!(opened.returned, None);
    let not_assessed = reduce(&s, DeskAction::OpenReturned(returned_link(Some("b"))));
    assert_eq!(not_assessed.view, View::Prospect(id("b")));

    // An id this desk does not have, or none: the answers wait for the specialist's pick.
    for link in [returned_link(Some("zz")), returned_link(None)] {
        let waiting = reduce(&s, DeskAction::OpenReturned(link));
        assert!(matches!(waiting.returned, Some(Returned::Unclaimed(_))));
        assert_eq!(waiting.view, View::List);
        let claimed = reduce(&waiting, DeskAction::ClaimReturned(id("b")));
        assert!(claimed.desk.get(&id("b")).unwrap().client.is_some());
        assert_eq!(claimed.returned, None);
        assert_eq!(reduce(&waiting, DeskAction::DropReturned).returned, None);
    }
    // A damaged link, or the specialist's own: refused with the reason, nothing attached.
    let refused = reduce(
        &s,
        DeskAction::OpenReturned("https://cf.example/#r=zzzz".into()),
    );
    assert!(matches!(
        refused.returned,
        Some(Returned::Refused(AttachError::Link(_)))
    ));
    let own =
        client_fit_core::share::encode(bank(), Audience::Specialist, &best_answers()).unwrap();
    let refused = reduce(&s, DeskAction::OpenReturned(format!("#r={own}")));
    assert_eq!(
        refused.returned,
        Some(Returned::Refused(AttachError::NotClient))
    );
    assert_eq!(refused.desk, s.desk);
}

#[test]
fn the_quiz_result_on_offer_becomes_the_next_prospects_first_assessment() {
    let mut s = fresh();
    s.incoming = Some(best_answers());
    let kept = run(s.clone(), [create("Dental clinic", "a")]);
    assert_eq!(kept.incoming, None);
    assert_eq!(kept.desk.get(&id("a")).unwrap().assessments.len(), 1);
    assert_eq!(
        kept.desk.get(&id("a")).unwrap().assessments[0].answers,
        best_answers()
    );
    // A refused name keeps it for the next try; "Not now" lets it go.
    let refused = run(s.clone(), [create("", "a")]);
    assert!(refused.incoming.is_some());
    let dropped = run(s, [DeskAction::DropIncoming, create("Dental clinic", "a")]);
    assert!(dropped.desk.get(&id("a")).unwrap().assessments.is_empty());
}
