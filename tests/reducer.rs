//! The pure reducer: navigation, answering, persistence-relevant state and notices.

use client_fit::state::{reduce, Action, AppState, Notice, Screen};
use client_fit_core::first_message::BriefField;
use client_fit_core::money::{Currency, Field};
use client_fit_core::progress::Progress;
use client_fit_core::{english_bank as bank, Audience};

fn run(state: AppState, actions: impl IntoIterator<Item = Action>) -> AppState {
    actions.into_iter().fold(state, |s, a| reduce(&s, a))
}

fn answer_all(a: Audience) -> AppState {
    let mut s = reduce(&AppState::default(), Action::Open(a));
    while let Screen::Quiz(_) = s.screen {
        let (_, _, item) = s.current_item().unwrap();
        if !item.optional() {
            let first = match item {
                client_fit_core::progress::StepItem::Pair(q) => q.options[0].id.to_string(),
                client_fit_core::progress::StepItem::Temperament(t) => t.options[0].id.to_string(),
            };
            s = reduce(&s, Action::Choose(first));
        }
        s = reduce(&s, Action::Next);
    }
    s
}

#[test]
fn next_needs_an_answer_and_invalid_options_are_ignored() {
    let s = run(
        AppState::default(),
        [Action::Open(Audience::Client), Action::Next],
    );
    assert_eq!(s.client.step, 0);
    let s = run(s, [Action::Choose("not-an-option".into()), Action::Next]);
    assert_eq!(s.client.step, 0);
    assert!(s.client.answers.is_empty());
    let s = run(s, [Action::Choose("yes".into()), Action::Next]);
    assert_eq!(s.client.step, 1);
    assert_eq!(
        s.client.answers.get("goals_numbers").map(|o| o.as_str()),
        Some("yes")
    );
}

#[test]
fn a_full_run_reaches_the_result_and_back_returns_to_the_last_question() {
    let s = answer_all(Audience::Client);
    assert_eq!(s.screen, Screen::Result(Audience::Client));
    assert_eq!(s.client.answers.len(), bank().questions.len());
    let s = reduce(&s, Action::Back);
    assert_eq!(s.screen, Screen::Quiz(Audience::Client));
    assert_eq!(s.client.step, bank().questions.len() - 1);
}

#[test]
fn the_temperament_section_can_be_skipped() {
    let s = answer_all(Audience::Specialist);
    assert_eq!(s.screen, Screen::Result(Audience::Specialist));
    assert!(bank()
        .temperament
        .iter()
        .all(|t| !s.specialist.answers.contains_key(t.id.as_ref())));
}

#[test]
fn start_over_clears_only_that_quiz() {
    let s = answer_all(Audience::Client);
    let s = run(
        s,
        [
            Action::Home,
            Action::Open(Audience::Specialist),
            Action::Choose("yes".into()),
            Action::Next,
        ],
    );
    let s = reduce(&s, Action::StartOver(Audience::Client));
    assert_eq!(s.client, Progress::default());
    assert_eq!(s.specialist.step, 1);
    assert_eq!(s.screen, Screen::Quiz(Audience::Client));
}

#[test]
fn each_quiz_resumes_where_it_was_left() {
    let s = run(
        AppState::default(),
        [
            Action::Open(Audience::Client),
            Action::Choose("yes".into()),
            Action::Next,
            Action::Home,
        ],
    );
    assert_eq!(s.screen, Screen::Start);
    let s = reduce(&s, Action::Open(Audience::Client));
    assert_eq!(
        (s.screen, s.client.step),
        (Screen::Quiz(Audience::Client), 1)
    );
}

#[test]
fn restored_progress_is_sanitized() {
    let mut p = Progress {
        step: 999,
        ..Progress::default()
    };
    p.answers.insert("goals_numbers".into(), "yes".into());
    p.answers.insert("ghost".into(), "yes".into());
    p.answers.insert("money_prepay".into(), "bribe".into());
    let s = AppState::new(
        Screen::Quiz(Audience::Client),
        p,
        Progress::default(),
        Default::default(),
    );
    assert_eq!(s.client.answers.len(), 1);
    assert_eq!(
        s.client.step, 1,
        "resumes at the first unanswered question, not at a result"
    );
    assert_eq!(s.screen, Screen::Quiz(Audience::Client));
}

#[test]
fn a_storage_notice_is_shown_once() {
    let s = run(
        AppState::default(),
        [
            Action::Notify(Notice::StorageUnavailable),
            Action::DismissNotice,
        ],
    );
    assert_eq!(s.notice, None);
    let s = reduce(&s, Action::Notify(Notice::SaveFailed));
    assert_eq!(s.notice, None, "the person was already told");
}

#[test]
fn a_bad_calculator_value_keeps_the_last_valid_plan() {
    let s = reduce(
        &AppState::default(),
        Action::CalcSet(Field::Percent, "12".into()),
    );
    let good = s.calc_plan.expect("valid");
    assert_eq!(good.percent.0, 1200);
    let s = reduce(&s, Action::CalcSet(Field::Percent, "abc".into()));
    assert_eq!(s.calc.percent, "abc", "what was typed is kept");
    assert_eq!(s.calc_plan, Some(good));
    let s = reduce(&s, Action::CalcSet(Field::Percent, "15".into()));
    assert_eq!(s.calc_plan.map(|p| p.percent.0), Some(1500));
}

#[test]
fn opening_a_quiz_clears_the_bad_link_message() {
    let s = AppState {
        bad_link: true,
        ..AppState::default()
    };
    assert!(!reduce(&s, Action::Open(Audience::Client)).bad_link);
}

#[test]
fn a_complete_restored_quiz_opens_on_its_result_even_with_temperament_skipped() {
    let answers = bank()
        .questions
        .iter()
        .map(|q| (q.id.as_ref().into(), q.options[0].id.as_ref().into()))
        .collect();
    let done = Progress { step: 999, answers };
    let s = AppState::new(
        Screen::Quiz(Audience::Specialist),
        Progress::default(),
        done,
        Default::default(),
    );
    assert_eq!(s.screen, Screen::Result(Audience::Specialist));
}

#[test]
fn reset_all_clears_everything_but_the_language_and_the_embedding() {
    use client_fit_core::config::Config;
    use client_fit_core::i18n::Lang;
    use std::rc::Rc;
    let mut s = answer_all(Audience::Client);
    s = run(
        s,
        [
            Action::Open(Audience::Specialist),
            Action::Choose("yes".into()),
            Action::CalcSet(Field::FixedMin, "12345".into()),
            Action::BriefSet(BriefField::Business, "Bakery".into()),
            Action::Notify(Notice::SavedByNewerVersion),
        ],
    );
    s.lang = Lang::Fi;
    let (config, _) = Config::from_query("?currency=eur&agency=Acme");
    s.config = Rc::new(config);
    assert!(!s.client.answers.is_empty() && !s.specialist.answers.is_empty());

    let fresh = reduce(&s, Action::ResetAll);
    assert_eq!(fresh.screen, Screen::Start);
    assert_eq!(fresh.client, Progress::default());
    assert_eq!(fresh.specialist, Progress::default());
    assert_eq!(fresh.calc.fixed_min, AppState::default().calc.fixed_min);
    assert_eq!(
        fresh.calc.currency,
        Currency::Eur,
        "the agency's currency stays the default"
    );
    assert!(fresh.brief.get(BriefField::Business).is_empty());
    assert_eq!(fresh.notice, None);
    assert_eq!(fresh.lang, Lang::Fi);
    assert_eq!(fresh.config, s.config);
    // Storage trouble was told already: the fresh start does not nag again.
    assert_eq!(
        reduce(&fresh, Action::Notify(Notice::SaveFailed)).notice,
        None
    );
}

#[test]
fn a_copy_status_is_said_until_the_next_action() {
    use client_fit::platform::clipboard::CopyOutcome;
    use client_fit::state::CopyTarget;
    let s = answer_all(Audience::Client);
    let copied = reduce(
        &s,
        Action::Copied(CopyTarget::Draft, CopyOutcome::Selected, s.screen),
    );
    assert_eq!(
        copied.copied,
        Some((CopyTarget::Draft, CopyOutcome::Selected))
    );
    // Editing the draft after copying makes the copied text stale: the status goes.
    let edited = reduce(&copied, Action::MessageEdit("Hello".into()));
    assert_eq!(edited.copied, None);
    assert_eq!(edited.message.as_deref(), Some("Hello"));
    // A copy that finishes after the person left that screen says nothing on the next one.
    let home = reduce(&s, Action::Home);
    let late = reduce(
        &home,
        Action::Copied(CopyTarget::Link, CopyOutcome::Copied, s.screen),
    );
    assert_eq!(late.copied, None);
}
