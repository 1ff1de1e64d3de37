//! The result: verdict and why, red flags, the profile chart, archetypes, advice, checklists,
//! temperament and the fee model with its calculator.

use yew::prelude::*;

use super::compare_box::CompareBox;
use super::fee_calculator::FeeCalculator;
use super::message_panel::MessagePanel;
use super::profile_chart::ProfileChart;
use super::share_panel::SharePanel;
use super::state::{mirror, Action, AppState, Screen};
use super::use_messages;
use crate::config::Contact;
use crate::i18n::Messages;
use crate::platform::{dom, url};
use crate::quiz::evaluate::{Decider, Evaluation, Reason};
use crate::quiz::fee::why_message;
use crate::quiz::share;
use crate::quiz::{bank, evaluate, Audience};

/// How many pieces of advice are shown before "more".
pub const TOP_ADVICE: usize = 5;
/// How many archetype matches are named.
pub const TOP_ARCHETYPES: usize = 3;

#[derive(Properties, PartialEq)]
pub struct ResultScreenProps {
    pub audience: Audience,
    pub state: AppState,
    pub on_action: Callback<Action>,
}

#[component]
pub fn ResultScreen(props: &ResultScreenProps) -> Html {
    let m = use_messages();
    let config = &props.state.config;
    let a = props.audience;
    let shared = matches!(props.state.screen, Screen::Shared(_));
    let answers = props.state.result_answers(a).cloned().unwrap_or_default();
    let link = if shared {
        None
    } else {
        props
            .state
            .own_token(a)
            .zip(url::page_address())
            .map(|(token, base)| format!("{base}#{}", share::fragment(&[token])))
    };
    let other = mirror(a);
    let mine_ready = shared && props.state.progress(other).finished(bank(), other);
    let opened_ready = !shared && props.state.shared.get(other).is_some();
    let eval = use_memo((a, answers), |(a, answers)| evaluate(bank(), *a, answers));
    let start_over = props
        .on_action
        .reform(move |_: MouseEvent| Action::StartOver(a));
    let review = props.on_action.reform(|_: MouseEvent| Action::Back);
    let home = props.on_action.reform(|_: MouseEvent| Action::Home);
    let take_mirror = props
        .on_action
        .reform(move |_: MouseEvent| Action::Open(other));
    let take_same = props.on_action.reform(move |_: MouseEvent| Action::Open(a));
    let band = eval.band.id();
    // On someone else's result the verdict is about them, not the reader.
    let verdict_id = if shared {
        format!("shared.verdict.{band}.{}", a.id())
    } else {
        format!("band.{band}.{}", a.id())
    };
    let verdict = use_node_ref();
    {
        // Keyboard and screen-reader users land on the verdict, not on the top of the page.
        let verdict = verdict.clone();
        use_effect_with(a, move |_| {
            dom::focus(&verdict);
        });
    }
    // The summary paints first; temperament, checklists and the calculator follow a frame later,
    // so the click that finishes the quiz gets a fast paint.
    let details = use_state(|| !dom::CAN_DEFER);
    {
        let details = details.clone();
        use_effect_with(a, move |_| {
            let show = details.clone();
            if !dom::after_next_paint(move || show.set(true)) {
                details.set(true);
            }
        });
    }

    html! {
        <main class="cf-result" data-testid="result" data-band={band} data-shared={shared.to_string()}>
            if shared {
                <section class="cf-shared-banner" data-testid="shared-banner">
                    <p>{ m.t(&format!("shared.banner.{}", a.id())) }</p>
                    <p class="cf-row">
                        <button type="button" class="cf-primary" onclick={take_mirror} data-testid="take-mirror">{ m.t(&format!("nav.take.{}", other.id())) }</button>
                        <button type="button" class="cf-secondary" onclick={take_same} data-testid="take-same">{ m.t("shared.take_same") }</button>
                    </p>
                </section>
            }
            <section class={classes!("cf-verdict", format!("cf-band-{band}"))}>
                <p class="cf-muted">{ m.t(&format!("start.{}.title", a.id())) }</p>
                <h1 data-testid="verdict" tabindex="-1" ref={verdict}>{ m.t(&verdict_id) }</h1>
                <p class="cf-score">{ m.f("result.overall", &[("n", &eval.overall.to_string())]) }</p>
                <p data-testid="decided">{ decided(&m, &eval) }</p>
                if !eval.flags.is_empty() {
                    <h2>{ m.t("result.flags") }</h2>
                    <ul class="cf-flags" data-testid="flags">
                        { for eval.flags.iter().filter_map(|id| bank().flag(id)).map(|f| html! {
                            <li data-flag={f.id.clone()}>{ f.name.clone() }</li>
                        }) }
                    </ul>
                }
            </section>

            <section>
                <h2>{ m.t("result.profile") }</h2>
                <ProfileChart scores={eval.dimensions.clone()} />
            </section>

            if !eval.archetypes.is_empty() {
                <section data-testid="archetypes">
                    <h2>{ m.t(&format!("result.archetypes.{}", a.id())) }</h2>
                    { for eval.archetypes.iter().take(TOP_ARCHETYPES).filter_map(|am| bank().archetype(&am.id).map(|at| (am, at))).map(|(am, at)| html! {
                        <article class="cf-archetype" data-archetype={at.id.clone()}>
                            <h3>{ at.name.clone() }<span class="cf-muted">{ m.f("result.strength", &[("n", &am.strength.to_string())]) }</span></h3>
                            <p>{ at.note(a).to_string() }</p>
                            <p class="cf-small cf-muted">{ m.t("result.because") }</p>
                            <ul class="cf-small">{ for am.reasons.iter().map(|r| html! { <li>{ reason(&m, a, r) }</li> }) }</ul>
                        </article>
                    }) }
                </section>
            }

            if a == Audience::Specialist {
                <p class="cf-reminder" data-testid="own-part">{ m.t("result.own_part") }</p>
            }

            <section data-testid="advice">
                <h2>{ m.t(&format!("result.advice.{}", a.id())) }</h2>
                if eval.advice.is_empty() {
                    <p>{ m.t("result.no_advice") }</p>
                }
                <ol class="cf-advice">
                    { for eval.advice.iter().take(TOP_ADVICE).filter_map(|i| bank().advice(&i.id)).map(|adv| html! { <li>{ adv.text(a).to_string() }</li> }) }
                </ol>
                if eval.advice.len() > TOP_ADVICE {
                    <details>
                        <summary>{ m.f("result.more_advice", &[("n", &(eval.advice.len() - TOP_ADVICE).to_string())]) }</summary>
                        <ol class="cf-advice" start={(TOP_ADVICE + 1).to_string()}>
                            { for eval.advice.iter().skip(TOP_ADVICE).filter_map(|i| bank().advice(&i.id)).map(|adv| html! { <li>{ adv.text(a).to_string() }</li> }) }
                        </ol>
                    </details>
                }
            </section>

            if *details {
            if !eval.temperament.is_empty() {
                <section data-testid="temperament">
                    <h2>{ m.t("result.temperament") }</h2>
                    { for eval.temperament.iter().filter_map(|t| bank().temperament_info(*t)).map(|t| html! {
                        <p><strong>{ t.name.clone() }</strong>{ format!(": {} ", t.traits) }{ t.how.clone() }</p>
                    }) }
                </section>
            }

            <section class="cf-checklists">
                <div>
                    <h2>{ m.t("result.guarantees") }</h2>
                    <ul class="cf-checklist" data-testid="guarantees">
                        { for bank().guarantees.iter().zip(&eval.guarantees).map(|(c, ok)| html! {
                            <li class={if *ok { "cf-yes" } else { "cf-no" }}>
                                <span class="cf-sr">{ m.t(if *ok { "result.check_yes" } else { "result.check_no" }) }</span>
                                { c.text.clone() }
                            </li>
                        }) }
                    </ul>
                    <p class="cf-small">{ m.t(if eval.guarantees.iter().all(|g| *g) { "result.guarantees_ok" } else { "result.guarantees_no" }) }</p>
                </div>
                <div>
                    <h2>{ m.t("result.contract") }</h2>
                    <ul class="cf-contract">{ for bank().contract.iter().map(|c| html! { <li>{ c.clone() }</li> }) }</ul>
                </div>
            </section>

            <section class="cf-fee" data-testid="fee" data-model={eval.fee.model.id()}>
                <h2>{ m.t("fee.title") }</h2>
                <p class="cf-fee-model"><strong>{ m.t(&format!("fee.model.{}", eval.fee.model.id())) }</strong></p>
                <p>{ m.t(why_message(eval.fee.model, a)) }</p>
                if eval.fee.held_back_by_verdict {
                    <p>{ m.t("fee.held_back") }</p>
                }
                if !eval.fee.missing.is_empty() {
                    <p>{ m.t("fee.blocked_by") }</p>
                    <ul data-testid="fee-missing">
                        { for eval.fee.missing.iter().filter_map(|id| bank().fee_conditions.iter().find(|c| &c.id == id)).map(|c| html! {
                            <li><strong>{ c.text.clone() }</strong>{ m.t("fee.condition_unblock") }{ c.unblock.clone() }</li>
                        }) }
                    </ul>
                    <p class="cf-small">{ m.t("fee.revisit") }</p>
                }
                if !shared {
                    <FeeCalculator input={props.state.calc.clone()} plan={props.state.calc_plan} on_action={props.on_action.clone()} />
                }
            </section>
            }

            if *details && !shared {
                <MessagePanel audience={a} state={props.state.clone()} eval={(*eval).clone()}
                              link={link.clone().map(AttrValue::from)} on_action={props.on_action.clone()} />
            }

            <section class="cf-exchange">
                if let (Some(contact), Some(link)) = (&config.contact, &link) {
                    <p>
                        <a class="cf-primary cf-button-link" data-testid="send-result" rel="noopener noreferrer"
                           target={matches!(contact, Contact::Page(_)).then_some("_blank")}
                           href={contact.href(link, &m.t(&format!("share.send_title.{}", a.id())))}>
                            { match &config.agency {
                                Some(agency) => m.f("result.send_to", &[("agency", agency)]),
                                None => m.t("result.send"),
                            } }
                        </a>
                    </p>
                }
                if let Some(link) = link {
                    <h2>{ m.t("share.title") }</h2>
                    <SharePanel key={link.as_str()} link={link.clone()} label="share.label" send_title={if a == Audience::Client { "share.send_title.client" } else { "share.send_title.specialist" }} />
                }
                <CompareBox side={a} error={props.state.paste_error} mine_ready={mine_ready} opened_ready={opened_ready} on_action={props.on_action.clone()} />
            </section>

            <nav class="cf-nav">
                if shared {
                    <button type="button" class="cf-secondary" onclick={home}>{ m.t("quiz.home") }</button>
                } else {
                    <button type="button" class="cf-secondary" onclick={review}>{ m.t("result.review") }</button>
                    <button type="button" class="cf-secondary" onclick={home}>{ m.t("quiz.home") }</button>
                    <button type="button" class="cf-primary" data-testid="start-over" onclick={start_over}>{ m.t("result.start_over") }</button>
                }
            </nav>
        </main>
    }
}

fn decided(m: &Messages, eval: &Evaluation) -> String {
    match &eval.decided_by {
        Decider::Score => m.f("result.decided.score", &[("n", &eval.overall.to_string())]),
        Decider::Flags => m.f(
            "result.decided.flags",
            &[(
                "band",
                &m.t(&format!("band.{}.short", eval.score_band.id())),
            )],
        ),
        Decider::WeakDimensions(weak) => {
            let list = weak
                .iter()
                .map(|(d, n)| {
                    m.f(
                        "result.dim_score",
                        &[("dim", &m.t(d.message_id())), ("n", &n.to_string())],
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            m.f(
                "result.decided.dimensions",
                &[
                    (
                        "band",
                        &m.t(&format!("band.{}.short", eval.score_band.id())),
                    ),
                    ("list", &list),
                ],
            )
        }
    }
}

fn reason(m: &Messages, a: Audience, r: &Reason) -> String {
    match r {
        Reason::Answer { q, choice } => {
            let Some(question) = bank().question(q) else {
                return String::new();
            };
            let text = question
                .choice(choice)
                .map(|c| c.text_for(a))
                .unwrap_or_default();
            format!("{} — {}", question.prompt(a), text)
        }
        Reason::Dimension(d, score) => m.f(
            "result.dim_score",
            &[("dim", &m.t(d.message_id())), ("n", &score.to_string())],
        ),
    }
}
