//! The first message (client) and the reply draft (specialist), composed from the result and
//! editable in place, with a copy button.

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::controls::{action_button, button};
use super::share_panel::{copy_handler, copy_status};
use super::state::{Action, AppState, CopyTarget};
use client_fit_core::first_message::{client_message, specialist_reply, FIELDS};
use client_fit_core::i18n::Messages;
use client_fit_core::money::Currency;
use client_fit_core::{Audience, Evaluation};

/// Fields typed as money (the calculator's currency) and as a percentage.
const MONEY_FIELDS: [&str; 3] = ["cost_per_lead", "avg_order", "budget"];

/// The client's first message (with its brief) or the specialist's reply for result `eval` of
/// `audience`; `link` is this result's share link, when there is a page address.
pub fn message_panel(
    m: &Messages,
    s: &AppState,
    audience: Audience,
    eval: &Evaluation,
    link: Option<&str>,
    on_action: &Callback<Action>,
) -> Html {
    const FIELD: &str = "cf-draft";
    let client = audience == Audience::Client;
    let text = |id: &str| m.t(id);
    let composed = if client {
        let currency = Currency::from_code(&s.calc.currency).unwrap_or(Currency::Rub);
        client_message(
            &text,
            &s.brief,
            &s.progress(Audience::Client).answers,
            currency,
            m.lang().number_style(),
            link.filter(|_| s.message_link),
        )
    } else {
        specialist_reply(&text, eval)
    };
    let edited = if client { &s.message } else { &s.reply };
    let value = edited.clone().unwrap_or(composed);

    let on_edit = on_action.reform(move |e: InputEvent| {
        let v = e
            .target_dyn_into::<HtmlTextAreaElement>()
            .map(|a| a.value())
            .unwrap_or_default();
        if client {
            Action::MessageEdit(v)
        } else {
            Action::ReplyEdit(v)
        }
    });
    let copy = copy_handler(
        value.clone(),
        FIELD,
        (CopyTarget::Draft, s.screen),
        on_action,
    );
    let status = copy_status(m, s, CopyTarget::Draft);
    let (title, intro) = if client {
        ("msg.title", "msg.intro")
    } else {
        ("reply.title", "reply.intro")
    };
    html! {
        <section class="cf-message" data-testid={if client { "first-message" } else { "reply" }}>
            <h2>{ m.t(title) }</h2>
            <p class="cf-small">{ m.t(intro) }</p>
            if client {
                { brief_form(m, s, on_action) }
            }
            <label for={FIELD}>{ m.t(if client { "msg.draft" } else { "reply.title" }) }</label>
            <textarea id={FIELD} class="cf-draft" rows="14" value={value} oninput={on_edit} data-testid="draft" />
            <div class="cf-row">
                { button("cf-primary", "copy-draft", m.t("msg.copy"), copy) }
                if edited.is_some() {
                    { action_button("cf-secondary", "rebuild-draft", m.t("msg.regenerate"), Action::DraftsReset, on_action) }
                }
                if client && link.is_some() {
                    <label class="cf-check">
                        <input type="checkbox" checked={s.message_link} data-testid="add-link"
                               onchange={on_action.reform(|e: Event| Action::MessageLink(e.target_dyn_into::<HtmlInputElement>().is_some_and(|i| i.checked())))} />
                        { m.t("msg.add_link") }
                    </label>
                }
            </div>
            <p class="cf-small" role="status" data-testid="draft-status">{ status }</p>
        </section>
    }
}

fn brief_form(m: &Messages, s: &AppState, on_action: &Callback<Action>) -> Html {
    let field = |name: &'static str| {
        let id = format!("brief-{name}");
        let set = on_action.reform(move |e: InputEvent| {
            let v = e
                .target_dyn_into::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            Action::BriefSet(name, v)
        });
        let money = MONEY_FIELDS.contains(&name);
        let label = if money {
            format!(
                "{} ({})",
                m.t(&format!("msg.field.{name}")),
                s.calc.currency
            )
        } else {
            m.t(&format!("msg.field.{name}"))
        };
        let placeholder = match name {
            "business" | "goal" => m.t(&format!("msg.placeholder.{name}")),
            _ => String::new(),
        };
        html! {
            <div class="cf-field">
                <label for={id.clone()}>{ label }</label>
                <input id={id} type="text" value={s.brief.get(name).to_string()} oninput={set} placeholder={placeholder}
                       inputmode={if money || name == "conversion" { "decimal" } else { "text" }} autocomplete="off" />
            </div>
        }
    };
    let stage = on_action.reform(|e: Event| {
        let v = e
            .target_dyn_into::<HtmlSelectElement>()
            .map(|i| i.value())
            .unwrap_or_default();
        Action::BriefSet("stage", v)
    });
    html! {
        <div class="cf-calc-grid cf-brief" data-testid="brief">
            { for FIELDS.iter().filter(|f| **f != "stage").take(1).map(|f| field(f)) }
            <div class="cf-field">
                <label for="brief-stage">{ m.t("msg.field.stage") }</label>
                <select id="brief-stage" onchange={stage}>
                    { for ["", "running", "opening"].iter().map(|v| html! {
                        <option value={*v} selected={s.brief.stage == *v}>{ m.t(&format!("msg.stage_option.{}", if v.is_empty() { "none" } else { v })) }</option>
                    }) }
                </select>
            </div>
            { for FIELDS.iter().filter(|f| **f != "stage").skip(1).map(|f| field(f)) }
        </div>
    }
}
