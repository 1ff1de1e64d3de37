//! The start screen: the two mirrored quizzes, who each is for and how long it takes.

use yew::prelude::*;

use super::controls::with_agency;
use super::state::{Action, AppState};
use crate::languages::bank;
use client_fit_core::i18n::Messages;
use client_fit_core::Audience;

/// Seconds a person takes per question, on average, for the time estimate.
const SECONDS_PER_QUESTION: usize = 12;

/// A plain function, not a component: it has no state of its own, and each component type costs
/// the wasm ~3.5 KB of Yew glue.
pub fn start_screen(m: &Messages, state: &AppState, on_action: &Callback<Action>) -> Html {
    let config = &state.config;
    let card = |a: Audience| {
        let bank = bank();
        let total = bank.questions.len();
        let minutes = (total * SECONDS_PER_QUESTION).div_ceil(60).to_string();
        let progress = state.progress(a);
        let id = a.id();
        let action = if progress.finished(bank, a) {
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
            if state.bad_link {
                <p class="cf-notice" role="alert" data-testid="bad-link">{ m.t("start.bad_link") }</p>
            }
            if let Some(agency) = &config.agency {
                <p class="cf-agency" data-testid="agency">{ with_agency(m, "start.offered_by", agency, &[]) }</p>
            }
            <h1>{ m.t("app.title") }</h1>
            <p class="cf-lead">{ m.t("start.lead") }</p>
            <div class="cf-cards">
                { card(Audience::Client) }
                { card(Audience::Specialist) }
            </div>
            <p class="cf-muted cf-small">{ m.t("start.privacy") }</p>
        </main>
    }
}
