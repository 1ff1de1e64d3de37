//! One question per screen: real radio inputs in a radiogroup, Back / Next, a progress bar.
//! The form submits on Enter, so the whole quiz works from the keyboard.

use yew::prelude::*;

use crate::components::buttons::action_button;
use crate::state::Action;
use client_fit_core::i18n::Pack;
use client_fit_core::progress::{item_at, StepItem};
use client_fit_core::Audience;

#[derive(Clone, Debug, PartialEq)]
pub struct QuestionProps {
    pub audience: Audience,
    /// The screen's index in its quiz.
    pub step: usize,
    /// The option chosen on this screen, if any.
    pub selected: Option<AttrValue>,
    pub on_action: Callback<Action>,
}

/// One question; the app moves focus to its heading when it opens (`hooks::use_focus`).
pub fn question_page(props: &QuestionProps, lang: &Pack) -> Html {
    let (m, bank) = (&*lang.messages, &*lang.bank);
    let (audience, step, on_action) = (props.audience, props.step, &props.on_action);
    let Some(item) = item_at(bank, audience, step) else {
        return html! {};
    };
    let total = bank.step_count(audience);
    let selected = props.selected.clone();
    let options: Vec<(String, String)> = match item {
        StepItem::Pair(q) => q
            .options_for(audience)
            .map(|c| (c.id.to_string(), c.text_for(audience).to_string()))
            .collect(),
        StepItem::Temperament(t) => t
            .options
            .iter()
            .map(|o| (o.id.to_string(), o.text.to_string()))
            .collect(),
    };
    let prompt = match item {
        StepItem::Pair(q) => q.prompt(audience).to_string(),
        StepItem::Temperament(t) => t.text.to_string(),
    };
    let last = step + 1 == total;
    let next_label = if item.optional() && selected.is_none() {
        m.t("quiz.skip")
    } else if last {
        m.t("quiz.finish")
    } else {
        m.t("quiz.next")
    };
    let onsubmit = on_action.reform(|e: SubmitEvent| {
        e.prevent_default();
        Action::Next
    });
    let group = format!("q-{}", item.id());
    let title_id = format!("{group}-title");
    let percent = step * 100 / total.max(1);
    let quiz_title = m.t(&format!("start.{}.title", audience.id()));

    html! {
        <main class="cf-quiz" data-audience={audience.id()}>
            <header class="cf-quiz-head">
                { action_button("cf-link", "", m.t("quiz.home"), Action::Home, on_action) }
                <span class="cf-muted">{ quiz_title }</span>
            </header>
            <div class="cf-progress" role="progressbar" aria-valuemin="0" aria-valuemax={total.to_string()}
                 aria-valuenow={step.to_string()} aria-label={m.t("quiz.progress")}>
                // An SVG width, not an inline style: the page's CSP allows no inline styles.
                <svg class="cf-progress-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                    <rect class="cf-progress-fill" width={percent.to_string()} height="8" />
                </svg>
            </div>
            <p class="cf-count" data-testid="count" aria-live="polite">{ m.f("quiz.count", &[("n", &(step + 1).to_string()), ("total", &total.to_string())]) }</p>
            <form class="cf-question" onsubmit={onsubmit} data-name={format!("q{}", step + 1)}>
                if item.optional() {
                    <p class="cf-badge">{ m.t("quiz.temperament_section") }</p>
                }
                <fieldset role="radiogroup" class="cf-options">
                    <legend><h2 id={title_id} tabindex="-1">{ prompt }</h2></legend>
                    { for options.into_iter().map(|(id, text)| {
                        let checked = selected.as_deref() == Some(id.as_str());
                        let choose = on_action.reform({ let id = id.clone(); move |_: Event| Action::Choose(id.clone()) });
                        html! {
                            // The chosen option's class, not `:has(input:checked)`: measured cheaper to
                            // restyle on each click (docs/performance.md).
                            <label class={if checked { "cf-option cf-chosen" } else { "cf-option" }}>
                                <input type="radio" name={group.clone()} value={id} checked={checked} onchange={choose} />
                                <span>{ text }</span>
                            </label>
                        }
                    }) }
                </fieldset>
                <div class="cf-nav">
                    { action_button("cf-secondary", "", m.t("quiz.back"), Action::Back, on_action) }
                    <button type="submit" class="cf-primary" disabled={!item.optional() && selected.is_none()}>{ next_label }</button>
                </div>
            </form>
        </main>
    }
}
