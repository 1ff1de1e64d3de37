//! The result: verdict and why, red flags, what to ask, the profile chart, archetypes, advice,
//! checklists, temperament and the fee offer with its calculator; then the message step, sending
//! and sharing, and the comparison offer.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::buttons::{action_button, with_agency};
use crate::components::compare_box::{compare_box, CompareBoxProps};
use crate::components::fee_calculator::FeeCalculator;
use crate::components::markup::Markup;
use crate::components::message_panel::MessagePanel;
use crate::components::profile_chart::profile_chart;
use crate::components::share_panel::{share_panel, SharePanelProps};
use crate::hooks::{use_evaluation, use_language};
use crate::platform::clipboard::CopyOutcome;
use crate::platform::embed;
use crate::state::{Action, CopyTarget, Screen};
use client_fit_core::config::{Config, Contact};
use client_fit_core::evaluate::{Decider, Evaluation, Reason};
use client_fit_core::fee::{why_message, BonusBase, FeeModel, Offer};
use client_fit_core::host::HostEvent;
use client_fit_core::i18n::Messages;
use client_fit_core::money::{Plan, PlanInput};
use client_fit_core::progress::mirror;
use client_fit_core::stored::Drafts;
use client_fit_core::{Answers, Audience, Bank};

/// How many pieces of advice are shown before "more".
pub const TOP_ADVICE: usize = 5;
/// How many archetype matches are named.
pub const TOP_ARCHETYPES: usize = 3;

#[derive(Properties, PartialEq)]
pub struct ResultProps {
    pub audience: Audience,
    pub answers: Answers,
    /// Someone else's result, opened from a link: read-only.
    pub shared: bool,
    /// Everything, not only the summary: the summary paints first and the rest a frame later
    /// (`hooks::use_deferred`), so the click that finishes a quiz is answered by a small paint.
    pub details: bool,
    /// This result's share link (one's own, when there is a page address).
    pub link: Option<AttrValue>,
    pub calc: PlanInput,
    pub calc_plan: Option<Plan>,
    pub drafts: Drafts,
    pub copied: Option<(CopyTarget, CopyOutcome)>,
    /// The agency's configuration: where "Send my result" goes, under which name, whether the
    /// deployment vouched for it, the host page's pass-through fields and origin (which hears of
    /// a press on it: the consent).
    pub config: Rc<Config>,
    /// Why a pasted link could not be compared.
    pub paste_error: Option<client_fit_core::share::ShareError>,
    /// The person finished the other side's quiz themselves.
    pub mine_ready: bool,
    /// A result of the other side was opened from a link earlier.
    pub opened_ready: bool,
    pub can_share: bool,
    pub on_action: Callback<Action>,
}

#[component]
pub fn ResultPage(props: &ResultProps) -> Html {
    let lang = use_language();
    let (m, b) = (&*lang.messages, &*lang.bank);
    let a = props.audience;
    let eval = use_evaluation(a, props.answers.clone());
    let (shared, on_action) = (props.shared, &props.on_action);
    let screen = if shared {
        Screen::Shared(a)
    } else {
        Screen::Result(a)
    };
    let copied = |target: CopyTarget| props.copied.filter(|(t, _)| *t == target).map(|(_, o)| o);
    let other = mirror(a);
    let band = eval.band.id();

    html! {
        <main class="cf-result" data-testid="result" data-band={band} data-shared={shared.to_string()}>
            if shared {
                <section class="cf-shared-banner" data-testid="shared-banner">
                    <p>{ m.t(&format!("shared.banner.{}", a.id())) }</p>
                    <p class="cf-row">
                        { action_button("cf-primary", "take-mirror", m.t(&format!("nav.take.{}", other.id())), Action::Open(other), on_action) }
                        { action_button("cf-secondary", "take-same", m.t("shared.take_same"), Action::Open(a), on_action) }
                    </p>
                </section>
            }
            { summary(m, b, a, shared, &eval) }

            if props.details {
                { reading(m, b, a, &eval) }
                { details_markup(m, b, &eval) }
                <section class="cf-fee" data-testid="fee" data-model={eval.fee.model().id()} data-offer={eval.fee.offer.id()}>
                    { fee_markup(m, b, a, &eval) }
                    if !shared {
                        <FeeCalculator input={props.calc.clone()} plan={props.calc_plan} on_action={on_action.clone()} />
                    }
                </section>
                if !shared {
                    <MessagePanel audience={a} eval={eval.clone()} answers={props.answers.clone()}
                        brief={props.drafts.brief.clone()}
                        edited={if a == Audience::Client { props.drafts.message.clone() } else { props.drafts.reply.clone() }}
                        with_link={props.drafts.link} currency={props.calc.currency()} link={props.link.clone()}
                        copied={copied(CopyTarget::Draft)} {screen} on_action={on_action.clone()} />
                }
                { exchange(m, props, screen, copied(CopyTarget::Link)) }
                <nav class="cf-nav">
                    if shared {
                        { action_button("cf-secondary", "", m.t("quiz.home"), Action::Home, on_action) }
                    } else {
                        { action_button("cf-secondary", "", m.t("result.review"), Action::Back, on_action) }
                        { action_button("cf-secondary", "", m.t("quiz.home"), Action::Home, on_action) }
                        { action_button("cf-primary", "start-over", m.t("result.start_over"), Action::StartOver(a), on_action) }
                    }
                </nav>
            }
        </main>
    }
}

/// Sending the result to the agency, its share link and the comparison offer.
fn exchange(m: &Messages, p: &ResultProps, screen: Screen, copied: Option<CopyOutcome>) -> Html {
    let (a, on_action) = (p.audience, &p.on_action);
    let send_title = if a == Audience::Client {
        "share.send_title.client"
    } else {
        "share.send_title.specialist"
    };
    // The press is the consent to hand the result link to the embedding page.
    let sent = {
        let (link, config) = (p.link.clone(), p.config.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(link) = &link {
                let event = HostEvent::Send {
                    quiz: a,
                    link: link.to_string(),
                };
                embed::post(&event, config.parent_origin.as_deref());
            }
        })
    };
    html! {
        <section class="cf-exchange">
            if let (Some(contact), Some(link)) = (&p.config.contact, &p.link) {
                <p>
                    <a class="cf-primary cf-button-link" data-testid="send-result" rel="noopener noreferrer"
                       target={matches!(contact, Contact::Page(_)).then_some("_blank")}
                       href={contact.href(link, &m.t(send_title), &p.config.hidden)} onclick={sent}>
                        // Unvouched by the deployment, the label says where the result goes.
                        { match (&p.config.agency, p.config.vouched) {
                            (Some(agency), true) => with_agency(m, "result.send_to", agency, &[]),
                            (None, true) => html! { m.t("result.send") },
                            (Some(agency), false) => with_agency(m, "result.send_to_host", agency, &[("host", contact.host())]),
                            (None, false) => html! { m.f("result.send_host", &[("host", contact.host())]) },
                        } }
                    </a>
                </p>
            }
            if let Some(link) = &p.link {
                <h2>{ m.t("share.title") }</h2>
                { share_panel(&SharePanelProps { link: link.clone(), label: "share.label", send_title, copied,
                    can_share: p.can_share, screen, on_action: on_action.clone() }, m) }
            }
            { compare_box(&CompareBoxProps { side: a, error: p.paste_error, mine_ready: p.mine_ready,
                opened_ready: p.opened_ready, on_action: on_action.clone() }, m) }
        </section>
    }
}

fn decided(m: &Messages, b: &Bank, eval: &Evaluation) -> String {
    let score_band = m.t(&format!("band.{}.short", eval.score_band.id()));
    match &eval.decided_by {
        Decider::Score => m.f("result.decided.score", &[("n", &eval.overall.to_string())]),
        Decider::Flags => m.f("result.decided.flags", &[("band", &score_band)]),
        Decider::Combination(id) => m.f(
            "result.decided.combination",
            &[
                ("band", &score_band),
                (
                    "why",
                    b.combinations
                        .iter()
                        .find(|c| &c.id == id)
                        .map_or("", |c| &c.name),
                ),
            ],
        ),
        Decider::Archetype(id) => m.f(
            "result.decided.archetype",
            &[
                ("band", &score_band),
                ("name", b.archetype(id).map_or("", |a| &a.name)),
            ],
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
                &[("band", &score_band), ("list", &list)],
            )
        }
    }
}

fn reason(m: &Messages, b: &Bank, a: Audience, r: &Reason) -> String {
    match r {
        Reason::Answer { q, choice } => {
            let Some(question) = b.question(q) else {
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

/// The verdict and why, the red flags and the profile chart: the first frame of a result.
fn summary(m: &Messages, b: &Bank, a: Audience, shared: bool, eval: &Evaluation) -> Html {
    let band = eval.band.id();
    // On someone else's result the verdict is about them, not the reader.
    let verdict_id = if shared {
        format!("shared.verdict.{band}.{}", a.id())
    } else {
        format!("band.{band}.{}", a.id())
    };
    let mut h = Markup::new();
    h.open(
        "section",
        &[("class", &format!("cf-verdict cf-band-{band}"))],
    )
    .leaf(
        "p",
        &[("class", "cf-muted")],
        &m.t(&format!("start.{}.title", a.id())),
    )
    .leaf(
        "h1",
        &[("data-testid", "verdict"), ("tabindex", "-1")],
        &m.t(&verdict_id),
    )
    .leaf(
        "p",
        &[("class", "cf-score")],
        &m.f("result.overall", &[("n", &eval.overall.to_string())]),
    )
    .leaf("p", &[("data-testid", "decided")], &decided(m, b, eval));
    if !eval.flags.is_empty() {
        h.leaf("h2", &[], &m.t("result.flags"))
            .open("ul", &[("class", "cf-flags"), ("data-testid", "flags")]);
        for f in eval.flags.iter().filter_map(|id| b.flag(id)) {
            h.leaf("li", &[("data-flag", &f.id)], &f.name);
        }
        h.close("ul");
    }
    if !eval.ask.is_empty() {
        h.leaf("h2", &[], &m.t("result.ask"))
            .leaf("p", &[("class", "cf-small")], &m.t("result.ask_intro"))
            .open("ul", &[("class", "cf-ask"), ("data-testid", "ask")]);
        for q in eval.ask.iter().filter_map(|id| b.question(id)) {
            h.open("li", &[("data-ask", &q.id)])
                .leaf("strong", &[], &q.topic)
                .text(&m.t("fee.condition_unblock"))
                .text(q.ask.as_deref().unwrap_or_default())
                .close("li");
        }
        h.close("ul");
    }
    h.close("section")
        .open("section", &[])
        .leaf("h2", &[], &m.t("result.profile"));
    profile_chart(&mut h, m, &eval.dimensions, &eval.unsure);
    if !eval.unsure.is_empty() {
        let list = eval
            .unsure
            .iter()
            .map(|d| m.t(d.message_id()))
            .collect::<Vec<_>>()
            .join(", ");
        h.leaf(
            "p",
            &[("class", "cf-small"), ("data-testid", "unsure")],
            &m.f("result.unsure", &[("list", &list)]),
        );
    }
    h.close("section");
    h.into_html()
}

/// Archetypes, the specialist's own part, and the advice: what the result says, as text.
fn reading(m: &Messages, b: &Bank, a: Audience, eval: &Evaluation) -> Html {
    let mut markup = Markup::new();
    let h = &mut markup;
    if !eval.archetypes.is_empty() {
        h.open("section", &[("data-testid", "archetypes")]).leaf(
            "h2",
            &[],
            &m.t(&format!("result.archetypes.{}", a.id())),
        );
        let matches = eval.archetypes.iter().take(TOP_ARCHETYPES);
        for (am, at) in matches.filter_map(|am| b.archetype(&am.id).map(|at| (am, at))) {
            h.open(
                "article",
                &[("class", "cf-archetype"), ("data-archetype", &at.id)],
            )
            .open("h3", &[])
            .text(&at.name)
            .leaf(
                "span",
                &[("class", "cf-muted")],
                &m.f("result.strength", &[("n", &am.strength.to_string())]),
            )
            .close("h3")
            .leaf("p", &[], at.note(a))
            .leaf(
                "p",
                &[("class", "cf-small cf-muted")],
                &m.t("result.because"),
            )
            .open("ul", &[("class", "cf-small")]);
            for r in &am.reasons {
                h.leaf("li", &[], &reason(m, b, a, r));
            }
            h.close("ul").close("article");
        }
        h.close("section");
    }
    if a == Audience::Specialist {
        h.leaf(
            "p",
            &[("class", "cf-reminder"), ("data-testid", "own-part")],
            &m.t("result.own_part"),
        );
    }
    h.open("section", &[("data-testid", "advice")]).leaf(
        "h2",
        &[],
        &m.t(&format!("result.advice.{}", a.id())),
    );
    if eval.advice.is_empty() {
        h.leaf("p", &[], &m.t("result.no_advice"));
    }
    let advice = |h: &mut Markup, skip: usize, take: usize| {
        let items = eval.advice.iter().skip(skip).take(take);
        for adv in items.filter_map(|i| b.advice(&i.id)) {
            h.leaf("li", &[], adv.text(a));
        }
    };
    h.open("ol", &[("class", "cf-advice")]);
    advice(h, 0, TOP_ADVICE);
    h.close("ol");
    if eval.advice.len() > TOP_ADVICE {
        let more = (eval.advice.len() - TOP_ADVICE).to_string();
        h.open("details", &[])
            .leaf("summary", &[], &m.f("result.more_advice", &[("n", &more)]))
            .open(
                "ol",
                &[
                    ("class", "cf-advice"),
                    ("start", &(TOP_ADVICE + 1).to_string()),
                ],
            );
        advice(h, TOP_ADVICE, usize::MAX);
        h.close("ol").close("details");
    }
    h.close("section");
    markup.into_html()
}

/// Temperament and the two checklists (painted a frame after the summary).
fn details_markup(m: &Messages, b: &Bank, eval: &Evaluation) -> Html {
    let mut h = Markup::new();
    if !eval.temperament.is_empty() {
        h.open("section", &[("data-testid", "temperament")]).leaf(
            "h2",
            &[],
            &m.t("result.temperament"),
        );
        for t in eval
            .temperament
            .iter()
            .filter_map(|t| b.temperament_info(*t))
        {
            h.open("p", &[])
                .leaf("strong", &[], &t.name)
                .text(&format!(": {} ", t.traits))
                .text(&t.how)
                .close("p");
        }
        h.close("section");
    }
    h.open("section", &[("class", "cf-checklists")])
        .open("div", &[])
        .leaf("h2", &[], &m.t("result.guarantees"))
        .open(
            "ul",
            &[("class", "cf-checklist"), ("data-testid", "guarantees")],
        );
    for (c, ok) in b.guarantees.iter().zip(&eval.guarantees) {
        let (class, said) = if *ok {
            ("cf-yes", "result.check_yes")
        } else {
            ("cf-no", "result.check_no")
        };
        h.open("li", &[("class", class)])
            .leaf("span", &[("class", "cf-sr")], &m.t(said))
            .text(&c.text)
            .close("li");
    }
    let all = eval.guarantees.iter().all(|g| *g);
    h.close("ul")
        .leaf(
            "p",
            &[("class", "cf-small")],
            &m.t(if all {
                "result.guarantees_ok"
            } else {
                "result.guarantees_no"
            }),
        )
        .close("div")
        .open("div", &[])
        .leaf("h2", &[], &m.t("result.contract"))
        .open("ul", &[("class", "cf-contract")]);
    for c in b.contract.iter() {
        h.leaf("li", &[], c);
    }
    h.close("ul").close("div").close("section");
    h.into_html()
}

/// The offer, why, its terms, and what holds the next step back (the calculator follows).
fn fee_markup(m: &Messages, b: &Bank, a: Audience, eval: &Evaluation) -> Html {
    let fee = &eval.fee;
    let rules = &b.fee;
    let months = rules.review_months.to_string();
    let mut h = Markup::new();
    h.leaf("h2", &[], &m.t("fee.title"))
        .open("p", &[("class", "cf-fee-model")])
        .leaf(
            "strong",
            &[],
            &m.t(&format!("fee.offer.{}", fee.offer.id())),
        )
        .close("p")
        .leaf("p", &[], &m.t(&why_message(fee.offer, a)));
    if fee.asked_percentage {
        h.leaf(
            "p",
            &[("data-testid", "fee-asked")],
            &m.t(&format!("fee.asked_percentage.{}", a.id())),
        );
    }
    match fee.offer {
        Offer::MinimumPlusBonus => {
            let base = match fee.bonus_on {
                BonusBase::Sales => "fee.bonus_on.sales",
                BonusBase::Leads => "fee.bonus_on.leads",
            };
            h.leaf("p", &[("data-testid", "fee-bonus-on")], &m.t(base));
        }
        Offer::Conditions => {
            h.leaf("p", &[], &m.t("fee.agree"))
                .open("ul", &[("data-testid", "fee-agree")]);
            for adv in fee.agree.iter().filter_map(|id| b.advice(id)) {
                h.leaf("li", &[], adv.text(a));
            }
            if fee.agree.is_empty() {
                h.leaf("li", &[], &m.t("fee.agree.default"));
            }
            h.close("ul");
        }
        Offer::Percentage => {
            let style = m.lang().number_style();
            let pct = rules.regret.percent;
            let pair = |sales: u64| {
                let paid = sales * u64::from(pct) / 100;
                (
                    style.group_digits(&sales.to_string()),
                    style.group_digits(&paid.to_string()),
                )
            };
            let months_list = rules
                .regret
                .sales
                .iter()
                .map(|s| {
                    let (sales, paid) = pair(*s);
                    m.f("fee.regret.month", &[("sales", &sales), ("paid", &paid)])
                })
                .collect::<Vec<_>>()
                .join("; ");
            h.leaf(
                "p",
                &[],
                &m.f("fee.percentage_terms", &[("months", &months)]),
            )
            .leaf(
                "p",
                &[("data-testid", "fee-regret")],
                &m.f(
                    "fee.regret",
                    &[
                        ("percent", &format!("{pct}{}", style.percent_sign())),
                        ("list", &months_list),
                    ],
                ),
            );
        }
        Offer::Narrowed | Offer::Package | Offer::FixedByChoice => {}
    }
    if let Some(next) = fee.next {
        h.leaf(
            "p",
            &[("data-testid", "fee-next"), ("data-next", next.id())],
            &m.f(&format!("fee.next.{}", next.id()), &[("months", &months)]),
        );
    }
    if fee.held_back_by_verdict {
        h.leaf("p", &[], &m.t("fee.held_back"));
    }
    let blocked = fee.missing.iter().chain(&fee.unknown);
    if fee.next == Some(FeeModel::PurePercentage) && blocked.clone().next().is_some() {
        h.leaf("p", &[], &m.t("fee.blocked_by"))
            .open("ul", &[("data-testid", "fee-missing")]);
        let conditions = &b.fee_conditions;
        for c in blocked.filter_map(|id| conditions.iter().find(|c| &c.id == id)) {
            h.open("li", &[])
                .leaf("strong", &[], &c.text)
                .text(&m.t("fee.condition_unblock"));
            if fee.unknown.iter().any(|u| *u == c.id) {
                h.text(&m.t("fee.condition_unknown"));
            } else {
                h.text(&c.unblock);
            }
            h.close("li");
        }
        h.close("ul");
    }
    h.into_html()
}
