//! The first message (client) and the reply draft (specialist), composed from the result and
//! editable in place, with a copy button.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::buttons::{action_button, button};
use super::share_panel::{copy_handler, copy_status};
use crate::hooks::use_language;
use crate::platform::clipboard::CopyOutcome;
use crate::state::{Action, CopyTarget, Screen};
use client_fit_core::first_message::{client_message, specialist_reply, Brief, BriefField, Stage};
use client_fit_core::i18n::Messages;
use client_fit_core::money::Currency;
use client_fit_core::{Answers, Audience, Evaluation};

/// Fields typed as money (the calculator's currency) and as a percentage.

#[derive(Properties)]
pub struct MessagePanelProps {
    pub audience: Audience,
    /// The result the draft is composed from.
    pub eval: Rc<Evaluation>,
    /// The answers behind it (the client's message quotes some).
    pub answers: Answers,
    /// The client's numbers for the message.
    pub brief: Brief,
    /// The draft as edited; `None` while it follows the result.
    pub edited: Option<String>,
    /// Append the share link to the client's message.
    pub with_link: bool,
    /// The calculator's currency, for money fields.
    pub currency: Currency,
    /// This result's share link, when there is a page address.
    pub link: Option<AttrValue>,
    pub copied: Option<CopyOutcome>,
    pub screen: Screen,
    pub on_action: Callback<Action>,
}

/// The same result is the same evaluation: compared by identity (the page memoizes it), not
/// field by field.
impl PartialEq for MessagePanelProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.eval, &other.eval)
            && (
                self.audience,
                &self.answers,
                &self.brief,
                &self.edited,
                self.with_link,
                self.currency,
                &self.link,
                self.copied,
                self.screen,
                &self.on_action,
            ) == (
                other.audience,
                &other.answers,
                &other.brief,
                &other.edited,
                other.with_link,
                other.currency,
                &other.link,
                other.copied,
                other.screen,
                &other.on_action,
            )
    }
}

/// The client's first message (with its brief) or the specialist's reply, editable in place.
#[component]
pub fn MessagePanel(props: &MessagePanelProps) -> Html {
    const FIELD: &str = "cf-draft";
    let m = &*use_language().messages;
    let on_action = &props.on_action;
    let client = props.audience == Audience::Client;
    let text = |id: &str| m.t(id);
    let link = props.link.as_deref();
    let composed = if client {
        client_message(
            &text,
            &props.brief,
            &props.answers,
            props.currency,
            m.lang().number_style(),
            link.filter(|_| props.with_link),
        )
    } else {
        specialist_reply(&text, &props.eval)
    };
    let edited = &props.edited;
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
        (CopyTarget::Draft, props.screen),
        on_action,
    );
    let status = copy_status(m, props.copied);
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
                { brief_form(m, &props.brief, props.currency, on_action) }
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
                        <input type="checkbox" checked={props.with_link} data-testid="add-link"
                               onchange={on_action.reform(|e: Event| Action::MessageLink(e.target_dyn_into::<HtmlInputElement>().is_some_and(|i| i.checked())))} />
                        { m.t("msg.add_link") }
                    </label>
                }
            </div>
            <p class="cf-small" role="status" data-testid="draft-status">{ status }</p>
        </section>
    }
}

fn brief_form(
    m: &Messages,
    brief: &Brief,
    currency: Currency,
    on_action: &Callback<Action>,
) -> Html {
    let field = |field: BriefField| {
        let name = field.name();
        let id = format!("brief-{name}");
        let set = on_action.reform(move |e: InputEvent| {
            let v = e
                .target_dyn_into::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            Action::BriefSet(field, v)
        });
        let money = field.is_money();
        let label = if money {
            format!(
                "{} ({})",
                m.t(&format!("msg.field.{name}")),
                currency.code()
            )
        } else {
            m.t(&format!("msg.field.{name}"))
        };
        let placeholder = match field {
            BriefField::Business | BriefField::Goal => m.t(&format!("msg.placeholder.{name}")),
            _ => String::new(),
        };
        html! {
            <div class="cf-field">
                <label for={id.clone()}>{ label }</label>
                <input id={id} type="text" value={brief.get(field).to_string()} oninput={set} placeholder={placeholder}
                       inputmode={if money || field == BriefField::Conversion { "decimal" } else { "text" }} autocomplete="off" />
            </div>
        }
    };
    let stage = on_action.reform(|e: Event| {
        let v = e
            .target_dyn_into::<HtmlSelectElement>()
            .map(|i| i.value())
            .unwrap_or_default();
        Action::BriefSet(BriefField::Stage, v)
    });
    html! {
        <div class="cf-calc-grid cf-brief" data-testid="brief">
            { field(BriefField::Business) }
            <div class="cf-field">
                <label for="brief-stage">{ m.t("msg.field.stage") }</label>
                <select id="brief-stage" onchange={stage}>
                    <option value="" selected={brief.stage.is_none()}>{ m.t("msg.stage_option.none") }</option>
                    { for Stage::ALL.iter().map(|&stage| html! {
                        <option value={stage.name()} selected={brief.stage == Some(stage)}>{ m.t(&format!("msg.stage_option.{}", stage.name())) }</option>
                    }) }
                </select>
            </div>
            { for BriefField::ALL.iter().skip(2).map(|&f| field(f)) }
        </div>
    }
}
