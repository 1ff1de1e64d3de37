//! One prospect: its name, stage and notes; assess it (or go on with the assessment under way);
//! the latest verdict with its red flags and profile, a link to the full result; every
//! assessment with its date and what changed since the one before; archive and delete.

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::link_box::LinkBox;
use crate::pages::list::{error_text, stage_name};
use crate::state::{AttachError, DeskAction, Inviter};
use client_fit::components::buttons::button;
use client_fit::components::markup::Markup;
use client_fit::components::profile_chart::profile_chart;
use client_fit::hooks::{evaluated, use_language};
use client_fit_core::desk::{Change, DeskError, InviteError, Prospect, Reassessment, Stage};
use client_fit_core::i18n::Messages;
use client_fit_core::{share, Audience, Bank};

/// The id of the prospect's heading, which takes focus when the page opens (the list, kept in
/// the page meanwhile, has its own).
pub const PROSPECT_HEADING_ID: &str = "cf-prospect-heading";

#[derive(Properties, PartialEq)]
pub struct ProspectPageProps {
    pub prospect: Prospect,
    /// The question the assessment under way has reached, if one is.
    pub draft_step: Option<usize>,
    pub error: Option<DeskError>,
    pub invitation: Invitation,
    pub on_action: Callback<DeskAction>,
}

/// What the client's side needs besides the prospect.
#[derive(Clone, Debug, PartialEq)]
pub struct Invitation {
    /// The quizzes' page, which invitations and links open.
    pub quiz_page: AttrValue,
    /// Who invites (remembered), and the invitation made for this prospect, if any.
    pub inviter: Inviter,
    pub invite: Option<Result<String, InviteError>>,
    /// Why the link pasted here could not be attached.
    pub attach_error: Option<AttachError>,
}

#[component]
pub fn ProspectPage(props: &ProspectPageProps) -> Html {
    let lang = use_language();
    let (m, b) = (&*lang.messages, &*lang.bank);
    let p = &props.prospect;
    let on_action = &props.on_action;
    let id = p.id.clone();
    let change = {
        let (id, on_action) = (id.clone(), on_action.clone());
        move |c: Change| on_action.emit(DeskAction::Change(id.clone(), c))
    };
    let name_ref = use_node_ref();
    let notes_ref = use_node_ref();
    let rename = {
        let (name_ref, change) = (name_ref.clone(), change.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = name_ref.cast::<HtmlInputElement>() {
                change(Change::Label(input.value()));
            }
        })
    };
    // "Saved." after the notes are saved, until they are edited again.
    let notes_saved = use_state_eq(|| false);
    let save_notes = {
        let (notes_ref, change, notes_saved) =
            (notes_ref.clone(), change.clone(), notes_saved.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(area) = notes_ref.cast::<HtmlTextAreaElement>() {
                change(Change::Notes(area.value()));
                notes_saved.set(true);
            }
        })
    };
    let notes_edited = {
        let notes_saved = notes_saved.clone();
        Callback::from(move |_: InputEvent| notes_saved.set(false))
    };
    let set_stage = {
        let change = change.clone();
        Callback::from(move |e: Event| {
            let picked = e
                .target_dyn_into::<HtmlSelectElement>()
                .and_then(|s| Stage::from_name(&s.value()));
            if let Some(stage) = picked {
                change(Change::Stage(stage));
            }
        })
    };
    let total = b.step_count(Audience::Specialist);
    let assess_label = match (props.draft_step, p.assessments.is_empty()) {
        (Some(step), _) if step > 0 => m.f(
            "desk.assess_continue",
            &[
                ("n", &(step + 1).min(total).to_string()),
                ("total", &total.to_string()),
            ],
        ),
        (_, true) => m.t("desk.assess"),
        (_, false) => m.t("desk.assess_again"),
    };
    let act = |action: DeskAction| on_action.reform(move |_: MouseEvent| action.clone());
    let archived = p.archived;
    let date = |d: client_fit_core::desk::Day| d.local(m.lang());

    html! {
        <main class="cf-desk-prospect" data-testid="prospect" data-id={p.id.as_str().to_owned()}>
            <nav class="cf-quiz-head">
                { button("cf-link", "to-list", m.t("desk.back"), act(DeskAction::ToList)) }
            </nav>
            <h1 id={PROSPECT_HEADING_ID} tabindex="-1">
                { p.label.clone() }
                if archived { { " " }<span class="cf-badge">{ m.t("desk.archived_badge") }</span> }
            </h1>
            <p class="cf-muted cf-small">{ m.f("desk.prospect.created", &[("date", &date(p.created))]) }</p>
            if let Some(e) = &props.error {
                <p class="cf-field-error" role="alert" data-testid="prospect-error">{ error_text(m, e) }</p>
            }
            <section class="cf-card cf-desk-edit">
                <form class="cf-field" onsubmit={rename}>
                    <label for="cf-name">{ m.t("desk.prospect.name") }</label>
                    <div class="cf-row">
                        <input id="cf-name" ref={name_ref} type="text" maxlength="80" value={p.label.clone()} data-testid="name" />
                        <button type="submit" class="cf-secondary" data-testid="rename">{ m.t("desk.prospect.rename") }</button>
                    </div>
                </form>
                <div class="cf-field">
                    <label for="cf-stage">{ m.t("desk.prospect.stage") }</label>
                    <select id="cf-stage" data-testid="stage" onchange={set_stage}>
                        { for Stage::ALL.iter().map(|s| html! {
                            <option value={s.name()} selected={*s == p.stage}>{ stage_name(m, *s) }</option>
                        }) }
                    </select>
                </div>
                <form class="cf-field" onsubmit={save_notes}>
                    <label for="cf-notes">{ m.t("desk.prospect.notes") }</label>
                    <textarea id="cf-notes" ref={notes_ref} rows="4" maxlength="4000" data-testid="notes"
                        aria-describedby="cf-notes-hint" value={p.notes.clone()} oninput={notes_edited} />
                    <p id="cf-notes-hint" class="cf-muted cf-small">{ m.t("desk.prospect.notes_hint") }</p>
                    <div class="cf-row">
                        <button type="submit" class="cf-secondary" data-testid="save-notes">{ m.t("desk.prospect.save_notes") }</button>
                        <span class="cf-ok" role="status" data-testid="notes-saved">
                            if *notes_saved { { m.t("desk.prospect.saved") } }
                        </span>
                    </div>
                </form>
            </section>
            <p>{ button("cf-primary", "assess", assess_label, act(DeskAction::Assess(id.clone()))) }</p>
            { latest(m, b, p) }
            <ClientSide prospect={p.clone()} invitation={props.invitation.clone()} on_action={on_action.clone()} />
            { history(m, b, p) }
            <div class="cf-nav">
                if archived {
                    { button("cf-secondary", "unarchive", m.t("desk.unarchive"), act(DeskAction::Change(id.clone(), Change::Archived(false)))) }
                } else {
                    { button("cf-secondary", "archive", m.t("desk.archive"), act(DeskAction::Change(id.clone(), Change::Archived(true)))) }
                }
                { button("cf-secondary", "delete", m.t("desk.delete"), act(DeskAction::Delete(id.clone()))) }
            </div>
        </main>
    }
}

/// The latest verdict: band, score, red flags, the profile, and the full result (the quiz page
/// opens it from its link, read-only).
fn latest(m: &Messages, b: &Bank, p: &Prospect) -> Html {
    let Some(last) = p.assessments.last() else {
        return Html::default();
    };
    let eval = evaluated(Audience::Specialist, &last.answers);
    let band = eval.band.id();
    let mut h = Markup::new();
    h.open(
        "section",
        &[
            ("class", &format!("cf-card cf-verdict cf-band-{band}")),
            ("data-testid", "latest"),
            ("data-band", band),
        ],
    );
    h.leaf(
        "p",
        &[("class", "cf-muted")],
        &m.f("desk.latest", &[("date", &last.on.local(m.lang()))]),
    )
    .leaf("h2", &[], &m.t(&format!("band.{band}.specialist")))
    .leaf(
        "p",
        &[("class", "cf-score"), ("data-testid", "latest-score")],
        &m.f("desk.score", &[("n", &eval.overall.to_string())]),
    );
    if !eval.flags.is_empty() {
        h.leaf("h3", &[], &m.t("result.flags"))
            .open("ul", &[("class", "cf-flags")]);
        for f in eval.flags.iter().filter_map(|id| b.flag(id)) {
            h.leaf("li", &[("data-flag", &f.id)], &f.name);
        }
        h.close("ul");
    }
    profile_chart(&mut h, m, &eval.dimensions, &eval.unsure);
    if let Some(token) = share::encode(b, Audience::Specialist, &last.answers) {
        let href = format!("./#{}", share::fragment(&[token]));
        h.leaf(
            "a",
            &[
                ("class", "cf-link"),
                ("href", &href),
                ("data-testid", "full-result"),
            ],
            &m.t("desk.full_result"),
        );
    }
    h.close("section");
    h.into_html()
}

/// Every assessment with its date, newest first, and what moved since the one before.
fn history(m: &Messages, b: &Bank, p: &Prospect) -> Html {
    if p.assessments.len() < 2 {
        return Html::default();
    }
    let mut h = Markup::new();
    h.open(
        "section",
        &[("class", "cf-card"), ("data-testid", "history")],
    )
    .leaf("h2", &[], &m.t("desk.history"))
    .open("ul", &[]);
    for a in p.assessments.iter().rev() {
        let e = evaluated(Audience::Specialist, &a.answers);
        h.leaf(
            "li",
            &[],
            &m.f(
                "desk.history.item",
                &[
                    ("date", &a.on.local(m.lang())),
                    ("band", &m.t(&format!("band.{}.short", e.band.id()))),
                    ("score", &e.overall.to_string()),
                ],
            ),
        );
    }
    h.close("ul");
    if let Some(r) = p.reassessment(b) {
        changes(&mut h, m, b, &r);
    }
    h.close("section");
    h.into_html()
}

fn changes(h: &mut Markup, m: &Messages, b: &Bank, r: &Reassessment) {
    let band = |x: client_fit_core::Band| m.t(&format!("band.{}.short", x.id()));
    let fee = |o: client_fit_core::fee::Offer| m.t(&format!("fee.short.{}", o.id()));
    let pair = |id: &str, before: String, after: String| {
        m.f(id, &[("before", &before), ("after", &after)])
    };
    h.open("div", &[("data-testid", "changes")]).leaf(
        "h3",
        &[],
        &m.f("desk.changes.title", &[("date", &r.before.local(m.lang()))]),
    );
    h.open("ul", &[]);
    for line in [
        pair("desk.changes.verdict", band(r.band.0), band(r.band.1)),
        pair(
            "desk.changes.score",
            r.score.0.to_string(),
            r.score.1.to_string(),
        ),
        pair("desk.changes.fee", fee(r.fee.0), fee(r.fee.1)),
    ] {
        h.leaf("li", &[], &line);
    }
    h.close("ul");
    if r.moved.is_empty() {
        h.leaf("p", &[], &m.t("desk.changes.none"));
    } else {
        h.open("ul", &[("class", "cf-desk-moved")]);
        for (q, before, after) in &r.moved {
            let text = |o: &Option<client_fit_core::ids::OptionId>| {
                o.as_ref()
                    .and_then(|o| answer_text(b, q.as_str(), o.as_str()))
                    .unwrap_or_else(|| m.t("desk.changes.unanswered"))
            };
            h.open("li", &[("data-question", q.as_str())])
                .leaf("strong", &[], &prompt(b, q.as_str()))
                .leaf("span", &[], &format!(" {} → {}", text(before), text(after)))
                .close("li");
        }
        h.close("ul");
    }
    h.close("div");
}

/// The specialist's wording of a question (or a temperament question).
fn prompt(b: &Bank, q: &str) -> String {
    match b.question(q) {
        Some(question) => question.prompt(Audience::Specialist).to_string(),
        None => b
            .temperament
            .iter()
            .find(|t| t.id == q)
            .map(|t| t.text.to_string())
            .unwrap_or_else(|| q.to_owned()),
    }
}

fn answer_text(b: &Bank, q: &str, o: &str) -> Option<String> {
    match b.question(q) {
        Some(question) => question
            .choice(o)
            .map(|c| c.text_for(Audience::Specialist).to_string()),
        None => b
            .temperament
            .iter()
            .find(|t| t.id == q)
            .and_then(|t| t.options.iter().find(|x| x.id == o))
            .map(|x| x.text.to_string()),
    }
}

#[derive(Properties, PartialEq)]
pub struct ClientSideProps {
    pub prospect: Prospect,
    pub invitation: Invitation,
    pub on_action: Callback<DeskAction>,
}

/// The client's side: an invitation to the mirrored quiz (the specialist's name and where the
/// result comes back, nothing of their own assessment), the link the client sent back pasted and
/// attached, their verdict, and the comparison of both sides.
#[component]
pub fn ClientSide(props: &ClientSideProps) -> Html {
    let lang = use_language();
    let m = &*lang.messages;
    let p = &props.prospect;
    let inv = &props.invitation;
    let on_action = &props.on_action;
    let (name_ref, contact_ref, link_ref) = (use_node_ref(), use_node_ref(), use_node_ref());
    let invite = {
        let (name_ref, contact_ref, on_action, id) = (
            name_ref.clone(),
            contact_ref.clone(),
            on_action.clone(),
            p.id.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| {
                r.cast::<HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default()
            };
            on_action.emit(DeskAction::Invite {
                id: id.clone(),
                name: value(&name_ref),
                contact: value(&contact_ref),
            });
        })
    };
    let attach = {
        let (link_ref, on_action, id) = (link_ref.clone(), on_action.clone(), p.id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = link_ref.cast::<HtmlInputElement>() {
                on_action.emit(DeskAction::AttachLink(id.clone(), input.value()));
            }
        })
    };
    let invite_error = match &inv.invite {
        Some(Err(InviteError::Name)) => Some(("name", m.t("desk.invite.error.name"))),
        Some(Err(InviteError::Contact)) => Some(("contact", m.t("desk.invite.error.contact"))),
        _ => None,
    };
    let invalid = |field: &str| {
        invite_error
            .as_ref()
            .is_some_and(|(f, _)| *f == field)
            .then_some("true")
    };
    let attach_error = inv.attach_error.map(|e| m.t(e.message_id()));
    let client = p
        .client
        .as_ref()
        .map(|answers| evaluated(Audience::Client, answers));
    let id = p.id.clone();
    html! {
        <section class="cf-card cf-desk-client" data-testid="client-side" aria-labelledby="cf-client-title">
            <h2 id="cf-client-title">{ m.t("desk.client.title") }</h2>
            if let Some(eval) = &client {
                <p data-testid="client-verdict" data-band={eval.band.id()}>{ m.f("desk.client.verdict", &[
                    ("band", &m.t(&format!("band.{}.short", eval.band.id()))),
                    ("score", &eval.overall.to_string()),
                ]) }</p>
                <div class="cf-nav">
                    if !p.assessments.is_empty() {
                        { button("cf-primary", "compare", m.t("desk.client.compare"), on_action.reform({ let id = id.clone(); move |_: MouseEvent| DeskAction::Compare(id.clone()) })) }
                    }
                    { button("cf-secondary", "detach", m.t("desk.client.detach"), on_action.reform({ let id = id.clone(); move |_: MouseEvent| DeskAction::Change(id.clone(), Change::ClientResult(None)) })) }
                </div>
            } else {
                <p class="cf-muted">{ m.t("desk.client.lead") }</p>
            }
            <form class="cf-desk-invite" onsubmit={invite}>
                <div class="cf-field">
                    <label for="cf-invite-name">{ m.t("desk.invite.name") }</label>
                    <input id="cf-invite-name" ref={name_ref} type="text" maxlength="60" autocomplete="name"
                        value={inv.inviter.name.clone()} data-testid="invite-name" aria-invalid={invalid("name")} />
                </div>
                <div class="cf-field">
                    <label for="cf-invite-contact">{ m.t("desk.invite.contact") }</label>
                    <input id="cf-invite-contact" ref={contact_ref} type="text" inputmode="email" autocomplete="email"
                        value={inv.inviter.contact.clone()} data-testid="invite-contact" aria-invalid={invalid("contact")} />
                </div>
                if let Some((_, text)) = invite_error {
                    <p class="cf-field-error" role="alert" data-testid="invite-error">{ text }</p>
                }
                <button type="submit" class="cf-secondary" data-testid="make-invite">{ m.t("desk.invite.make") }</button>
            </form>
            if let Some(Ok(query)) = &inv.invite {
                <LinkBox label={m.t("desk.invite.link")} link={format!("{}{query}", inv.quiz_page)} testid="invite-link" />
                <p class="cf-muted cf-small">{ m.t("desk.invite.hint") }</p>
            }
            <form class="cf-field" onsubmit={attach}>
                <label for="cf-client-link">{ m.t("desk.client.paste") }</label>
                <div class="cf-row">
                    <input id="cf-client-link" ref={link_ref} type="url" data-testid="client-link"
                        aria-invalid={attach_error.is_some().then_some("true")} />
                    <button type="submit" class="cf-secondary" data-testid="attach">{ m.t("desk.client.attach") }</button>
                </div>
                if let Some(text) = attach_error {
                    <p class="cf-field-error" role="alert" data-testid="attach-error">{ text }</p>
                }
            </form>
        </section>
    }
}
