//! Shared results in the reducer, the comparison logic and the rendered comparison.

use client_fit::app::{App, AppProps};
use client_fit::state::{reduce, Action, AppState, Screen};
use client_fit_core::compare::compare;
use client_fit_core::progress::Progress;
use client_fit_core::share::{encode, fragment, parse_link, ShareError};
use client_fit_core::{english_bank as bank, Answers, Audience};
use yew::LocalServerRenderer;

use client_fit_core::testing::{best_answers, with};

fn link(results: &[(Audience, &Answers)]) -> String {
    let tokens: Vec<String> = results
        .iter()
        .map(|(a, x)| encode(bank(), *a, x).expect("finished"))
        .collect();
    format!("https://agency.example/cf/#{}", fragment(&tokens))
}

async fn render(initial: AppState) -> String {
    LocalServerRenderer::<App>::with_props(AppProps {
        initial,
        ..AppProps::default()
    })
    .render()
    .await
}

fn open(state: &AppState, text: &str) -> AppState {
    reduce(state, Action::OpenLink(parse_link(bank(), text)))
}

/// A client who thinks all is well, and a specialist who saw slow replies and no prepayment.
fn pair() -> (Answers, Answers) {
    let client = best_answers();
    let specialist = with(&[
        ("comm_reply", "night"),
        ("money_prepay", "never"),
        ("goals_numbers", "learn"),
        ("comm_channel", "mostly"),
    ]);
    (client, specialist)
}

#[test]
fn a_link_opens_read_only_and_the_fragment_round_trips() {
    let (client, _) = pair();
    let s = open(&AppState::default(), &link(&[(Audience::Client, &client)]));
    assert_eq!(s.screen, Screen::Shared(Audience::Client));
    assert_eq!(s.result_answers(Audience::Client), Some(&client));
    // The person's own progress is untouched by someone else's link.
    assert_eq!(s.client, Progress::default());
    let again = open(
        &AppState::default(),
        &format!("#{}", s.share_fragment().expect("on screen")),
    );
    assert_eq!(again.shared, s.shared);
    // Taking the mirrored quiz leaves the shared view and clears the fragment.
    let s = reduce(&s, Action::Open(Audience::Specialist));
    assert_eq!(s.screen, Screen::Quiz(Audience::Specialist));
    assert_eq!(s.share_fragment(), None);
}

#[test]
fn opening_the_other_sides_link_builds_the_comparison() {
    let (client, specialist) = pair();
    let s = open(&AppState::default(), &link(&[(Audience::Client, &client)]));
    let s = open(&s, &link(&[(Audience::Specialist, &specialist)]));
    assert_eq!(s.screen, Screen::Compare);
    assert_eq!(s.shared.client.as_ref(), Some(&client));
    assert_eq!(s.shared.specialist.as_ref(), Some(&specialist));
    // A combined link opens straight into it, and is what the address bar shows.
    let combined = open(
        &AppState::default(),
        &format!("#{}", s.share_fragment().expect("both")),
    );
    assert_eq!(combined.screen, Screen::Compare);
    assert_eq!(combined.shared, s.shared);
}

#[test]
fn pasting_compares_with_the_result_on_screen_and_refuses_the_same_side() {
    let (client, specialist) = pair();
    let own = AppState {
        specialist: Progress {
            step: bank().step_count(Audience::Specialist),
            answers: specialist.clone(),
        },
        ..AppState::default()
    };
    let own = reduce(&own, Action::Open(Audience::Specialist));
    assert_eq!(own.screen, Screen::Result(Audience::Specialist));

    let same = reduce(
        &own,
        Action::PasteLink(parse_link(
            bank(),
            &link(&[(Audience::Specialist, &client)]),
        )),
    );
    assert_eq!(same.paste_error, Some(ShareError::SameSide));
    assert_eq!(same.screen, own.screen);

    let damaged = reduce(&own, Action::PasteLink(parse_link(bank(), "#r=AAAA")));
    assert_eq!(damaged.paste_error, Some(ShareError::Damaged));

    let s = reduce(
        &own,
        Action::PasteLink(parse_link(bank(), &link(&[(Audience::Client, &client)]))),
    );
    assert_eq!(s.screen, Screen::Compare);
    assert_eq!(s.paste_error, None);
    assert_eq!(s.shared.specialist.as_ref(), Some(&specialist));

    // From a shared client result, one's own finished specialist result can be put beside it.
    let viewing = open(&own, &link(&[(Audience::Client, &client)]));
    let s = reduce(&viewing, Action::CompareWithMine);
    assert_eq!(s.screen, Screen::Compare);
    assert_eq!(s.shared.specialist.as_ref(), Some(&specialist));
}

#[test]
fn a_bad_link_keeps_everything_and_says_why() {
    let mut s = AppState::default();
    s.client.answers = with(&[("comm_reply", "minutes")]);
    s.client.step = 3;
    let s = reduce(&s, Action::Open(Audience::Client));
    let good = link(&[(Audience::Client, &best_answers())]);
    let cut = &good[..good.len() - 3];
    let after = open(&s, cut);
    assert_eq!(after.link_error, Some(ShareError::Damaged));
    assert_eq!(after.screen, s.screen);
    assert_eq!(after.client, s.client);
    assert_eq!(reduce(&after, Action::DismissLinkError).link_error, None);
}

#[test]
fn the_agenda_lists_differing_answers_by_gap_and_the_fee_difference() {
    let (client, specialist) = pair();
    let c = compare(bank(), &client, &specialist);
    let ids: Vec<&str> = c.agenda.iter().map(|i| i.q.as_str()).collect();
    // Gap = weight × score distance: reply and prepayment are 100 points apart, the others less.
    assert_eq!(ids.len(), 4, "{ids:?}");
    let mut top = ids[..2].to_vec();
    top.sort_unstable();
    assert_eq!(top, ["comm_reply", "money_prepay"]);
    assert!(
        c.agenda.windows(2).all(|w| w[0].gap >= w[1].gap),
        "{:?}",
        c.agenda
    );
    assert_eq!(c.agreed, bank().questions.len() - 4);
    assert_ne!(c.client.fee.offer, c.specialist.fee.offer);
    assert!(c
        .fee_differences
        .iter()
        .any(|d| d.condition == "prepayment" && d.met_by == Audience::Client));
    // Identical answers: nothing to settle.
    let same = compare(bank(), &client, &client);
    assert!(same.agenda.is_empty() && same.fee_differences.is_empty());
}

#[tokio::test]
async fn the_comparison_renders_both_sides_the_agenda_and_a_combined_link_field() {
    let (client, specialist) = pair();
    let s = open(
        &AppState::default(),
        &link(&[
            (Audience::Client, &client),
            (Audience::Specialist, &specialist),
        ]),
    );
    let html = render(s).await;
    assert!(html.contains("data-testid=\"compare\""), "{html}");
    for q in [
        "comm_reply",
        "money_prepay",
        "goals_numbers",
        "comm_channel",
    ] {
        assert!(html.contains(&format!("data-q=\"{q}\"")), "{q} missing");
    }
    assert_eq!(html.matches("data-q=").count(), 4);
    // Each side's own wording of its answer.
    assert!(html.contains("Right away, evenings and nights included"));
    assert!(html.contains("data-testid=\"fee-differences\""));
    assert!(
        html.contains("Same answer on 29 of 33 questions; 4 topics to settle."),
        "{html}"
    );
}

#[tokio::test]
async fn a_shared_result_renders_read_only_with_both_ways_forward() {
    let (client, _) = pair();
    let s = open(&AppState::default(), &link(&[(Audience::Client, &client)]));
    let html = render(s).await;
    assert!(html.contains("data-shared=\"true\""));
    assert!(
        html.contains("data-testid=\"take-mirror\"") && html.contains("data-testid=\"take-same\"")
    );
    assert!(
        !html.contains("data-testid=\"start-over\""),
        "no editing a shared result"
    );
    assert!(html.contains("data-testid=\"compare-box\""));
}

#[test]
fn taking_the_mirrored_quiz_after_a_link_ends_in_the_comparison() {
    let (client, specialist) = pair();
    let s = open(&AppState::default(), &link(&[(Audience::Client, &client)]));
    // A paste error made there does not follow the person into the quiz.
    let s = reduce(&s, Action::PasteLink(parse_link(bank(), "junk")));
    assert_eq!(s.paste_error, Some(ShareError::Foreign));
    let mut s = reduce(&s, Action::Open(Audience::Specialist));
    assert_eq!(s.paste_error, None);
    assert!(
        s.opened_fragment().is_some(),
        "the opened result is kept (and saved)"
    );
    s.specialist = Progress {
        step: bank().step_count(Audience::Specialist),
        answers: specialist.clone(),
    };
    let s = reduce(&s, Action::Open(Audience::Specialist));
    assert_eq!(s.screen, Screen::Result(Audience::Specialist));
    let s = reduce(&s, Action::CompareWithOpened);
    assert_eq!(s.screen, Screen::Compare);
    assert_eq!(s.shared.client.as_ref(), Some(&client));
    assert_eq!(s.shared.specialist.as_ref(), Some(&specialist));
}

#[test]
fn going_back_through_links_shows_each_again_and_an_empty_fragment_leaves() {
    let (client, specialist) = pair();
    let c = link(&[(Audience::Client, &client)]);
    let s = open(&AppState::default(), &c);
    let s = open(&s, &link(&[(Audience::Specialist, &specialist)]));
    assert_eq!(s.screen, Screen::Compare);
    // Back to the client's link: the same result as in the comparison, so it shows alone.
    let back = open(&s, &c);
    assert_eq!(back.screen, Screen::Shared(Audience::Client));
    let gone = reduce(&back, Action::LinkClosed);
    assert_eq!(gone.screen, Screen::Start);
    // Outside a shared view, a fragment change is not the app's business.
    let quiz = reduce(&AppState::default(), Action::Open(Audience::Client));
    assert_eq!(reduce(&quiz, Action::LinkClosed).screen, quiz.screen);
}

#[test]
fn dont_know_yet_on_one_side_puts_the_other_sides_answer_on_the_agenda() {
    let client = with(&[("money_payments", "parts")]);
    let specialist = with(&[("money_payments", "unknown")]);
    let c = compare(bank(), &client, &specialist);
    // Paying in parts, unknown to the specialist: the first thing to settle.
    assert_eq!(c.agenda[0].q, "money_payments");
    assert_eq!(c.agenda[0].gap, 300);
    assert!(
        c.fee_differences.iter().all(|d| d.condition != "payments"),
        "not knowing is no disagreement"
    );
    // Known and good on the client's side: still listed, to confirm, with no gap.
    let c = compare(bank(), &best_answers(), &specialist);
    assert_eq!(c.agenda.len(), 1);
    assert_eq!(c.agenda[0].gap, 0);
}
