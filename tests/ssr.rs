//! Each screen rendered through Yew's server-side renderer, natively.

use client_fit::app::{App, AppProps};
use client_fit::state::{reduce, Action, AppState, Notice};
use client_fit_core::money::Field;
use client_fit_core::Audience;
use std::rc::Rc;

use client_fit_core::config::Config;
use yew::LocalServerRenderer;

async fn render(initial: AppState, problem: Option<Notice>) -> String {
    render_with(initial, problem, Config::default()).await
}

async fn render_with(mut initial: AppState, problem: Option<Notice>, config: Config) -> String {
    initial.config = Rc::new(config);
    if let Some(problem) = problem {
        initial = reduce(&initial, Action::Notify(problem));
    }
    LocalServerRenderer::<App>::with_props(AppProps {
        initial,
        ..AppProps::default()
    })
    .render()
    .await
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[tokio::test]
async fn start_screen_offers_both_quizzes() {
    let html = render(AppState::default(), None).await;
    assert!(html.contains("Am I a good client?"), "{html}");
    assert!(html.contains("Should I take this client?"));
    let n = client_fit_core::english_bank().questions.len();
    assert!(html.contains(&format!("{n} questions, about ")), "{html}");
    assert!(html.contains(&format!("{n} questions plus 3 optional ones")));
    assert_eq!(count(&html, "data-testid=\"open-"), 2);
}

#[tokio::test]
async fn question_screen_has_radios_progress_and_navigation() {
    let s = reduce(&AppState::default(), Action::Open(Audience::Specialist));
    let html = render(s, None).await;
    assert!(
        html.contains("The client stated the result they want in numbers"),
        "{html}"
    );
    assert_eq!(count(&html, "type=\"radio\""), 4);
    assert!(html.contains("role=\"radiogroup\""));
    let total = client_fit_core::english_bank().step_count(Audience::Specialist);
    assert_eq!(
        total,
        client_fit_core::english_bank().questions.len() + 3,
        "pairs + the temperament section"
    );
    assert!(html.contains(&format!("1 of {total}")));
    assert!(html.contains("data-name=\"q1\""));
    assert!(html.contains(">Next<") && html.contains(">Back<"));
    assert!(
        html.contains("Not yet, but they asked for help setting them"),
        "specialist wording"
    );
}

#[tokio::test]
async fn result_screen_shows_verdict_profile_advice_and_fee() {
    let mut s = reduce(&AppState::default(), Action::Open(Audience::Client));
    while s.current_item().is_some() {
        let id = match s.current_item().unwrap().2 {
            client_fit_core::progress::StepItem::Pair(q) => q
                .options_for(Audience::Client)
                .last()
                .unwrap()
                .id
                .to_string(),
            client_fit_core::progress::StepItem::Temperament(t) => t.options[0].id.to_string(),
        };
        s = reduce(&reduce(&s, Action::Choose(id)), Action::Next);
    }
    let html = render(s, None).await;
    assert!(html.contains("data-testid=\"result\""));
    assert!(html.contains("data-band=\"high_risk\""));
    assert!(html.contains("Specialists will see you as a high-risk client"));
    assert!(html.contains("Refuses any prepayment"));
    assert_eq!(
        count(&html, "class=\"cf-bar cf-bar-"),
        8,
        "one bar per dimension"
    );
    assert!(html.contains("data-testid=\"fee-chart\""));
    assert!(html.contains("data-offer=\"narrowed\""));
    assert!(html.contains("A 100% prepaid fixed fee for a narrowed service, or a polite no"));
    assert!(
        !html.contains("own-part"),
        "the own-side reminder is for specialists"
    );
}

#[tokio::test]
async fn a_storage_notice_is_rendered_politely() {
    let mut s = AppState::default();
    s = reduce(&s, Action::Notify(Notice::StorageUnavailable));
    let html = render(s, None).await;
    assert!(html.contains("data-testid=\"notice\""));
    assert!(html.contains("progress will only last until you close the page"));
}

#[tokio::test]
async fn a_bad_calculator_field_shows_its_message_in_place() {
    let answers = client_fit_core::english_bank()
        .questions
        .iter()
        .map(|q| (q.id.as_ref().into(), q.options[0].id.as_ref().into()))
        .collect();
    let finished = client_fit_core::progress::Progress { step: 99, answers };
    let s = AppState::new(
        client_fit::state::Screen::Quiz(Audience::Specialist),
        Default::default(),
        finished,
        Default::default(),
    );
    let s = reduce(&s, Action::CalcSet(Field::AvgOrder, "-3".into()));
    let html = render(s, None).await;
    assert!(
        html.contains("Amounts can&#x27;t be negative.")
            || html.contains("Amounts can't be negative."),
        "{html}"
    );
    assert!(html.contains("data-testid=\"calc-stale\""));
    assert!(html.contains("₽10,000,000"), "the last valid table stays");
}

#[tokio::test]
async fn agency_name_and_contact_render_as_text_and_a_checked_link() {
    let (config, _) = Config::from_query(
        "?agency=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&contact=mailto%3Ahello%40acme.example",
    );
    let html = render_with(AppState::default(), None, config.clone()).await;
    // Text, in an isolated run of its own.
    assert!(
        html.contains(
            "Offered by <bdi data-testid=\"agency-name\">&lt;img src=x onerror=alert(1)&gt;</bdi>"
        ),
        "{html}"
    );
    assert!(!html.contains("<img"));
}

#[tokio::test]
async fn a_copy_status_shows_beside_its_own_button_only() {
    use client_fit::platform::clipboard::CopyOutcome;
    use client_fit::state::CopyTarget;
    let mut s = reduce(&AppState::default(), Action::Open(Audience::Client));
    while let Some((_, _, item)) = s.current_item() {
        if let client_fit_core::progress::StepItem::Pair(q) = item {
            s = reduce(&s, Action::Choose(q.options[0].id.to_string()));
        }
        s = reduce(&s, Action::Next);
    }
    // The text of the status paragraph after the draft's copy button.
    let status = |html: &str| -> String {
        let at = html
            .find("data-testid=\"draft-status\"")
            .expect("draft status");
        let rest = &html[at..];
        let start = rest.find('>').expect("tag end") + 1;
        rest[start..rest.find("</p>").expect("p end")].to_string()
    };
    assert_eq!(status(&render(s.clone(), None).await), "");
    let copied = reduce(
        &s,
        Action::Copied(CopyTarget::Draft, CopyOutcome::Copied, s.screen),
    );
    let html = render(copied.clone(), None).await;
    assert_eq!(status(&html), "Copied. Paste it into your message.");
    let other = reduce(
        &s,
        Action::Copied(CopyTarget::Link, CopyOutcome::Copied, s.screen),
    );
    assert_eq!(
        status(&render(other, None).await),
        "",
        "the link's copy says nothing here"
    );
}

#[tokio::test]
async fn the_share_panel_renders_natively_with_the_page_address_it_is_given() {
    use client_fit::state::Environment;
    let s = AppState {
        client: client_fit_core::progress::Progress {
            step: client_fit_core::english_bank().step_count(Audience::Client),
            answers: client_fit_core::testing::best_answers(),
        },
        screen: client_fit::state::Screen::Result(Audience::Client),
        ..AppState::default()
    };
    let html = LocalServerRenderer::<App>::with_props(AppProps {
        initial: s,
        env: Environment {
            page_address: Some("https://agency.example/cf/".into()),
            can_share: true,
        },
        ..AppProps::default()
    })
    .render()
    .await;
    assert!(html.contains("data-testid=\"share\""), "{html}");
    assert!(
        html.contains("value=\"https://agency.example/cf/#r="),
        "the link starts from the page address"
    );
    assert!(html.contains(">Share…<"), "the share sheet is offered");
}
