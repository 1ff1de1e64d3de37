//! The negotiation mirror: both results, the agenda of differing answers, and the fee models.

use yew::prelude::*;

use crate::components::buttons::action_button;
use crate::components::markup::Markup;
use crate::components::profile_chart::pair_chart;
use crate::components::share_panel::{share_panel, SharePanelProps};
use std::rc::Rc;

use crate::platform::clipboard::CopyOutcome;
use crate::state::{Action, Screen};
use client_fit_core::compare::{AgendaItem, Comparison};
use client_fit_core::evaluate::Evaluation;
use client_fit_core::i18n::Messages;
use client_fit_core::i18n::Pack;
use client_fit_core::{Audience, Bank};

#[derive(Clone, Debug, PartialEq)]
pub struct CompareProps {
    /// Both sides' results and the agenda (memoized by the app).
    pub comparison: Rc<Comparison>,
    /// The link to this comparison, when there is a page address.
    pub link: Option<AttrValue>,
    pub copied: Option<CopyOutcome>,
    pub can_share: bool,
    pub on_action: Callback<Action>,
}

/// A client's result beside a specialist's; focus lands on its title (`hooks::use_focus`).
pub fn compare_page(props: &CompareProps, lang: &Pack) -> Html {
    let (m, b) = (&*lang.messages, &*lang.bank);
    let on_action = &props.on_action;
    let cmp = &props.comparison;
    html! {
        <main class="cf-result cf-compare" data-testid="compare">
            { summary(m, b, cmp) }

            if let Some(link) = &props.link {
                <section>
                    { share_panel(&SharePanelProps { link: link.clone(), label: "compare.share_label",
                        send_title: "share.send_title.both", copied: props.copied, can_share: props.can_share,
                        screen: Screen::Compare, on_action: on_action.clone() }, m) }
                </section>
            }

            <nav class="cf-nav">
                { action_button("cf-secondary", "", m.t("quiz.home"), Action::Home, on_action) }
                { action_button("cf-secondary", "", m.t("nav.take.client"), Action::Open(Audience::Client), on_action) }
                { action_button("cf-secondary", "", m.t("nav.take.specialist"), Action::Open(Audience::Specialist), on_action) }
            </nav>
        </main>
    }
}

/// The title, how much the two sides agree, both verdicts, the paired profile chart, then the
/// agenda and the fee models.
pub fn summary(m: &Messages, b: &Bank, cmp: &Comparison) -> Html {
    let total = b.questions.len();
    let mut h = Markup::new();
    h.open("section", &[])
        .leaf("h1", &[("tabindex", "-1")], &m.t("compare.title"))
        .leaf(
            "p",
            &[("data-testid", "compare-summary")],
            &m.f(
                "compare.summary",
                &[
                    ("agreed", &cmp.agreed.to_string()),
                    ("total", &total.to_string()),
                    ("n", &cmp.agenda.len().to_string()),
                ],
            ),
        );
    verdicts(&mut h, m, &cmp.client, &cmp.specialist);
    h.close("section")
        .open("section", &[])
        .leaf("h2", &[], &m.t("compare.profile"))
        .open("p", &[("class", "cf-legend")])
        .leaf(
            "span",
            &[("class", "cf-key cf-key-client")],
            &m.t("compare.side.client"),
        )
        .leaf(
            "span",
            &[("class", "cf-key cf-key-specialist")],
            &m.t("compare.side.specialist"),
        )
        .close("p");
    pair_chart(
        &mut h,
        m,
        &cmp.client.dimensions,
        &cmp.specialist.dimensions,
    );
    h.close("section");
    agenda_and_fees(&mut h, m, b, cmp);
    h.into_html()
}

fn verdicts(h: &mut Markup, m: &Messages, client: &Evaluation, specialist: &Evaluation) {
    h.open("ul", &[("class", "cf-compare-verdicts")]);
    for (a, e) in [
        (Audience::Client, client),
        (Audience::Specialist, specialist),
    ] {
        let band = e.band.id();
        h.leaf(
            "li",
            &[
                ("class", &format!("cf-verdict cf-band-{band}")),
                ("data-side", a.id()),
                ("data-band", band),
            ],
            &m.f(
                &format!("compare.verdict.{}", a.id()),
                &[
                    ("band", &m.t(&format!("band.{band}.short"))),
                    ("n", &e.overall.to_string()),
                ],
            ),
        );
    }
    h.close("ul");
}

/// The agenda of differing answers and the fee models each side supports.
fn agenda_and_fees(h: &mut Markup, m: &Messages, b: &Bank, cmp: &Comparison) {
    h.open("section", &[("data-testid", "agenda")])
        .leaf("h2", &[], &m.t("compare.agenda"));
    if cmp.agenda.is_empty() {
        h.leaf("p", &[], &m.t("compare.agreed_all"));
    } else {
        h.leaf(
            "p",
            &[("class", "cf-small cf-muted")],
            &m.t("compare.agenda_intro"),
        )
        .open("ol", &[("class", "cf-agenda")]);
        for item in &cmp.agenda {
            agenda_item(h, m, b, item);
        }
        h.close("ol");
    }
    h.close("section");

    h.open("section", &[("data-testid", "compare-fee")])
        .leaf("h2", &[], &m.t("compare.fee"));
    for (testid, said, e) in [
        ("fee-client", "compare.fee.client", &cmp.client),
        ("fee-specialist", "compare.fee.specialist", &cmp.specialist),
    ] {
        let offer = e.fee.offer.id();
        h.leaf(
            "p",
            &[
                ("data-model", e.fee.model().id()),
                ("data-offer", offer),
                ("data-testid", testid),
            ],
            &m.f(said, &[("model", &m.t(&format!("fee.short.{offer}")))]),
        );
    }
    if cmp.client.fee.model() == cmp.specialist.fee.model() {
        h.leaf("p", &[], &m.t("compare.fee.same"));
    }
    if !cmp.fee_differences.is_empty() {
        h.leaf("p", &[], &m.t("compare.fee.differ"))
            .open("ul", &[("data-testid", "fee-differences")]);
        for d in &cmp.fee_differences {
            let Some(c) = b.fee_conditions.iter().find(|c| c.id == d.condition) else {
                continue;
            };
            h.open("li", &[("data-condition", &c.id)])
                .leaf("strong", &[], &c.text)
                .text(" ")
                .text(&m.t(&format!("compare.fee.met_by.{}", d.met_by.id())))
                .close("li");
        }
        h.close("ul");
    }
    h.close("section");
}

fn agenda_item(h: &mut Markup, m: &Messages, b: &Bank, item: &AgendaItem) {
    let Some(q) = b.question(item.q.as_str()) else {
        return;
    };
    let said = |a: Audience, option: &str| {
        let answer = q.choice(option).map(|c| c.text_for(a)).unwrap_or_default();
        format!("{} — {answer}", q.prompt(a))
    };
    h.open(
        "li",
        &[("data-q", &q.id), ("data-gap", &item.gap.to_string())],
    )
    .leaf("h3", &[], &q.topic)
    .open("dl", &[])
    .leaf("dt", &[], &m.t("compare.side.client"))
    .leaf("dd", &[], &said(Audience::Client, item.client.as_str()))
    .leaf("dt", &[], &m.t("compare.side.specialist"))
    .leaf(
        "dd",
        &[],
        &said(Audience::Specialist, item.specialist.as_str()),
    )
    .close("dl")
    .close("li");
}
