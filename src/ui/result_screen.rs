//! The result: verdict and why, red flags, the profile chart, archetypes, advice, checklists,
//! temperament and the fee model with its calculator.

use yew::prelude::*;

use super::compare_box::{compare_box, CompareOffer};
use super::controls::{action_button, with_agency};
use super::fee_calculator::fee_calculator;
use super::markup::Markup;
use super::message_panel::message_panel;
use super::profile_chart::profile_chart;
use super::share_panel::share_panel;
use super::state::{Action, AppState, Screen};
use crate::languages;
use crate::languages::bank;
use crate::platform::url;
use client_fit_core::config::Contact;
use client_fit_core::evaluate::{Decider, Evaluation, Reason};
use client_fit_core::fee::{why_message, BonusBase, FeeModel, Offer};
use client_fit_core::i18n::Messages;
use client_fit_core::progress::mirror;
use client_fit_core::share;
use client_fit_core::{evaluate, Answers, Audience};

/// How many pieces of advice are shown before "more".
pub const TOP_ADVICE: usize = 5;
/// How many archetype matches are named.
pub const TOP_ARCHETYPES: usize = 3;

/// Where keyboard focus lands when the result opens (App moves it): the verdict, not the top of
/// the page.
pub const HEADING: &str = "[data-testid=verdict]";

/// The result screen of `a` (one's own, or one opened from a link). Without `details` it is the
/// summary alone (verdict, flags, profile); App adds the rest (archetypes, advice, temperament,
/// checklists, the fee model, the message step, sharing) a frame later, so the click that
/// finishes the quiz is answered by a small first paint instead of laying out every text at once.
pub fn result_screen(
    state: &AppState,
    a: Audience,
    details: bool,
    on_action: &Callback<Action>,
) -> Html {
    let m = languages::messages(state.lang);
    let shared = matches!(state.screen, Screen::Shared(_));
    let none = Answers::default();
    let answers = state.result_answers(a).unwrap_or(&none);
    let link = if shared {
        None
    } else {
        state
            .own_token(a)
            .zip(url::page_address(&state.config))
            .map(|(token, base)| format!("{base}#{}", share::fragment(&[token])))
    };
    let other = mirror(a);
    let eval = evaluate(bank(), a, answers);
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
            { summary(&m, a, shared, &eval) }

            // The rest follows a frame later (see this function's doc comment).
            if details {
                { reading(&m, a, &eval) }
                { details_markup(&m, &eval) }
                <section class="cf-fee" data-testid="fee" data-model={eval.fee.model().id()} data-offer={eval.fee.offer.id()}>
                    { fee_markup(&m, a, &eval) }
                    if !shared {
                        { fee_calculator(&m, &state.calc, state.calc_plan.as_ref(), on_action) }
                    }
                </section>
                if !shared {
                    { message_panel(&m, state, a, &eval, link.as_deref(), on_action) }
                }
                { exchange(&m, state, a, link.as_deref(), on_action) }
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
fn exchange(
    m: &Messages,
    state: &AppState,
    a: Audience,
    link: Option<&str>,
    on_action: &Callback<Action>,
) -> Html {
    let config = &state.config;
    let shared = matches!(state.screen, Screen::Shared(_));
    let other = mirror(a);
    let offer = CompareOffer {
        side: a,
        error: state.paste_error,
        mine_ready: shared && state.progress(other).finished(bank(), other),
        opened_ready: !shared && state.shared.get(other).is_some(),
    };
    let send_title = if a == Audience::Client {
        "share.send_title.client"
    } else {
        "share.send_title.specialist"
    };
    html! {
        <section class="cf-exchange">
            if let (Some(contact), Some(link)) = (&config.contact, link) {
                <p>
                    <a class="cf-primary cf-button-link" data-testid="send-result" rel="noopener noreferrer"
                       target={matches!(contact, Contact::Page(_)).then_some("_blank")}
                       href={contact.href(link, &m.t(send_title))}>
                        // Unvouched by the deployment, the label says where the result goes.
                        { match (&config.agency, config.vouched) {
                            (Some(agency), true) => with_agency(m, "result.send_to", agency, &[]),
                            (None, true) => html! { m.t("result.send") },
                            (Some(agency), false) => with_agency(m, "result.send_to_host", agency, &[("host", contact.host())]),
                            (None, false) => html! { m.f("result.send_host", &[("host", contact.host())]) },
                        } }
                    </a>
                </p>
            }
            if let Some(link) = link {
                <h2>{ m.t("share.title") }</h2>
                { share_panel(m, state, link, "share.label", send_title, on_action) }
            }
            { compare_box(m, offer, on_action) }
        </section>
    }
}

fn decided(m: &Messages, eval: &Evaluation) -> String {
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
                    bank()
                        .combinations
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
                ("name", bank().archetype(id).map_or("", |a| &a.name)),
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

/// The verdict and why, the red flags and the profile chart: the first frame of a result.
fn summary(m: &Messages, a: Audience, shared: bool, eval: &Evaluation) -> Html {
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
    .leaf("p", &[("data-testid", "decided")], &decided(m, eval));
    if !eval.flags.is_empty() {
        h.leaf("h2", &[], &m.t("result.flags"))
            .open("ul", &[("class", "cf-flags"), ("data-testid", "flags")]);
        for f in eval.flags.iter().filter_map(|id| bank().flag(id)) {
            h.leaf("li", &[("data-flag", &f.id)], &f.name);
        }
        h.close("ul");
    }
    if !eval.ask.is_empty() {
        h.leaf("h2", &[], &m.t("result.ask"))
            .leaf("p", &[("class", "cf-small")], &m.t("result.ask_intro"))
            .open("ul", &[("class", "cf-ask"), ("data-testid", "ask")]);
        for q in eval.ask.iter().filter_map(|id| bank().question(id)) {
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
fn reading(m: &Messages, a: Audience, eval: &Evaluation) -> Html {
    let mut markup = Markup::new();
    let h = &mut markup;
    if !eval.archetypes.is_empty() {
        h.open("section", &[("data-testid", "archetypes")]).leaf(
            "h2",
            &[],
            &m.t(&format!("result.archetypes.{}", a.id())),
        );
        let matches = eval.archetypes.iter().take(TOP_ARCHETYPES);
        for (am, at) in matches.filter_map(|am| bank().archetype(&am.id).map(|at| (am, at))) {
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
                h.leaf("li", &[], &reason(m, a, r));
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
        for adv in items.filter_map(|i| bank().advice(&i.id)) {
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
fn details_markup(m: &Messages, eval: &Evaluation) -> Html {
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
            .filter_map(|t| bank().temperament_info(*t))
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
    for (c, ok) in bank().guarantees.iter().zip(&eval.guarantees) {
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
    for c in bank().contract.iter() {
        h.leaf("li", &[], c);
    }
    h.close("ul").close("div").close("section");
    h.into_html()
}

/// The offer, why, its terms, and what holds the next step back (the calculator follows).
fn fee_markup(m: &Messages, a: Audience, eval: &Evaluation) -> Html {
    let fee = &eval.fee;
    let rules = &bank().fee;
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
            for adv in fee.agree.iter().filter_map(|id| bank().advice(id)) {
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
        let conditions = &bank().fee_conditions;
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
