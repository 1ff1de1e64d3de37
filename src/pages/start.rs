//! The start screen: the two mirrored quizzes, who each is for and how long it takes.

use yew::prelude::*;

use crate::components::buttons::{desk_link, with_agency};
use crate::state::Action;
use client_fit_core::i18n::Pack;
use client_fit_core::Audience;

/// Seconds a person takes per question, on average, for the time estimate.
const SECONDS_PER_QUESTION: usize = 12;

/// How far a person got in one quiz.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QuizStatus {
    /// The screen they were on.
    pub step: usize,
    pub finished: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StartProps {
    /// The agency that offers the quizzes, when the page names one.
    pub agency: Option<AttrValue>,
    /// The page was opened for a quiz that does not exist.
    pub bad_link: bool,
    pub client: QuizStatus,
    pub specialist: QuizStatus,
    /// Offer the way to the specialist's desk (off with `desk=0`).
    pub desk: bool,
    pub on_action: Callback<Action>,
}

pub fn start_page(props: &StartProps, lang: &Pack) -> Html {
    let (m, bank) = (&*lang.messages, &*lang.bank);
    let on_action = &props.on_action;
    let card = |a: Audience| {
        let total = bank.questions.len();
        let minutes = (total * SECONDS_PER_QUESTION).div_ceil(60).to_string();
        let progress = match a {
            Audience::Client => props.client,
            Audience::Specialist => props.specialist,
        };
        let id = a.id();
        let action = if progress.finished {
            m.t("start.view_result")
        } else if progress.step > 0 {
            m.f("start.continue", &[("n", &(progress.step + 1).to_string())])
        } else {
            m.t("start.begin")
        };
        let optional = (bank.step_count(a) - total).to_string();
        let length = match a {
            Audience::Client => m.f(
                "start.length",
                &[("n", &total.to_string()), ("min", &minutes)],
            ),
            Audience::Specialist => m.f(
                "start.length_optional",
                &[
                    ("n", &total.to_string()),
                    ("opt", &optional),
                    ("min", &minutes),
                ],
            ),
        };
        let open = on_action.reform(move |_: MouseEvent| Action::Open(a));
        html! {
            <section class="cf-card" aria-labelledby={format!("title-{id}")}>
                <h2 id={format!("title-{id}")}>{ m.t(&format!("start.{id}.title")) }</h2>
                <p>{ m.t(&format!("start.{id}.who")) }</p>
                <p class="cf-muted">{ length }</p>
                <button type="button" class="cf-primary" data-testid={format!("open-{id}")} onclick={open}>{ action }</button>
            </section>
        }
    };
    html! {
        <main class="cf-start">
            if props.bad_link {
                <p class="cf-notice" role="alert" data-testid="bad-link">{ m.t("start.bad_link") }</p>
            }
            if let Some(agency) = &props.agency {
                <p class="cf-agency" data-testid="agency">{ with_agency(m, "start.offered_by", agency, &[]) }</p>
            }
            <h1>{ m.t("app.title") }</h1>
            <p class="cf-lead">{ m.t("start.lead") }</p>
            <div class="cf-cards">
                { card(Audience::Client) }
                { card(Audience::Specialist) }
            </div>
            <p class="cf-muted cf-small">{ m.t("start.privacy") }
                if props.desk {
                    { " " }{ desk_link(m) }
                }
            </p>
        </main>
    }
}
