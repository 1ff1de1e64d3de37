//! A client's result link opened on the desk's list: pasted here, it is attached to the prospect
//! its invite id names and the comparison opens; when the id names no prospect on this desk,
//! the specialist picks which one it is for.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::state::{DeskAction, Returned};
use client_fit::components::buttons::button;
use client_fit::hooks::use_language;
use client_fit_core::desk::{ProspectId, Row};

#[derive(Properties, PartialEq)]
pub struct ReturnedBoxProps {
    pub returned: Option<Returned>,
    /// Every prospect's row (the archived ones are not offered in the pick).
    pub rows: Rc<Vec<Row>>,
    pub on_action: Callback<DeskAction>,
}

#[component]
pub fn ReturnedBox(props: &ReturnedBoxProps) -> Html {
    let lang = use_language();
    let m = &*lang.messages;
    let (link_ref, pick_ref) = (use_node_ref(), use_node_ref());
    let open = {
        let (link_ref, on_action) = (link_ref.clone(), props.on_action.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = link_ref.cast::<HtmlInputElement>() {
                on_action.emit(DeskAction::OpenReturned(input.value()));
            }
        })
    };
    let claim = {
        let (pick_ref, on_action) = (pick_ref.clone(), props.on_action.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let id = pick_ref
                .cast::<HtmlSelectElement>()
                .and_then(|s| ProspectId::parse(&s.value()));
            if let Some(id) = id {
                on_action.emit(DeskAction::ClaimReturned(id));
            }
        })
    };
    let refused = match &props.returned {
        Some(Returned::Refused(e)) => Some(m.t(e.message_id())),
        _ => None,
    };
    let unclaimed = matches!(props.returned, Some(Returned::Unclaimed(_)));
    let mut working = props.rows.iter().filter(|r| !r.archived).peekable();
    let none_working = working.peek().is_none();
    html! {
        <section class="cf-card cf-desk-returned" aria-labelledby="cf-returned-title">
            <h2 id="cf-returned-title">{ m.t("desk.returned.title") }</h2>
            <form class="cf-field" onsubmit={open}>
                <label for="cf-returned-link">{ m.t("desk.returned.label") }</label>
                <div class="cf-row">
                    <input id="cf-returned-link" ref={link_ref} type="url" data-testid="returned-link"
                        aria-invalid={refused.is_some().then_some("true")}
                        aria-describedby={refused.is_some().then_some("cf-returned-error")} />
                    <button type="submit" class="cf-secondary" data-testid="open-returned">{ m.t("desk.returned.open") }</button>
                </div>
                if let Some(text) = refused {
                    <p id="cf-returned-error" class="cf-field-error" role="alert" data-testid="returned-error">{ text }</p>
                }
            </form>
            if unclaimed {
                <form class="cf-field" onsubmit={claim} data-testid="returned-pick">
                    if none_working {
                        <p role="status">{ m.t("desk.returned.none") }</p>
                    } else {
                        <label for="cf-returned-pick">{ m.t("desk.returned.which") }</label>
                        <div class="cf-row">
                            <select id="cf-returned-pick" ref={pick_ref}>
                                { for working.map(|r| html! {
                                    <option value={r.id.as_str().to_owned()}>{ r.label.clone() }</option>
                                }) }
                            </select>
                            <button type="submit" class="cf-primary" data-testid="claim-returned">{ m.t("desk.returned.attach") }</button>
                        </div>
                    }
                    { button("cf-link", "drop-returned", m.t("desk.returned.drop"), props.on_action.reform(|_: MouseEvent| DeskAction::DropReturned)) }
                </form>
            }
        </section>
    }
}
