//! The negotiation mirror: both results, the agenda of differing answers, and the fee models.

use yew::prelude::*;

use super::controls::action_button;
use super::markup::Markup;
use super::profile_chart::pair_chart;
use super::share_panel::share_panel;
use super::state::{Action, AppState};
use crate::languages;
use crate::languages::bank;
use crate::platform::url;
use client_fit_core::compare::{compare, AgendaItem, Comparison};
use client_fit_core::evaluate::Evaluation;
use client_fit_core::i18n::Messages;
use client_fit_core::Audience;

/// Where keyboard focus lands when the comparison opens (App moves it).
pub const HEADING: &str = ".cf-compare h1";

pub fn compare_screen(state: &AppState, on_action: &Callback<Action>) -> Html {
    let m = languages::messages(state.lang);
    let empty = Default::default();
    let cmp = compare(
        bank(),
        state.shared.client.as_ref().unwrap_or(&empty),
        state.shared.specialist.as_ref().unwrap_or(&empty),
    );
    let link = state
        .share_fragment()
        .zip(url::page_address(&state.config))
        .map(|(f, base)| format!("{base}#{f}"));
    html! {
        <main class="cf-result cf-compare" data-testid="compare">
            { summary(&m, &cmp) }

            if let Some(link) = link {
                <section>
                    { share_panel(&m, state, &link, "compare.share_label", "share.send_title.both", on_action) }
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
fn summary(m: &Messages, cmp: &Comparison) -> Html {
    let total = bank().questions.len();
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
    agenda_and_fees(&mut h, m, cmp);
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
fn agenda_and_fees(h: &mut Markup, m: &Messages, cmp: &Comparison) {
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
            agenda_item(h, m, item);
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
            let Some(c) = bank().fee_conditions.iter().find(|c| c.id == d.condition) else {
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

fn agenda_item(h: &mut Markup, m: &Messages, item: &AgendaItem) {
    let Some(q) = bank().question(&item.q) else {
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
    .leaf("dd", &[], &said(Audience::Client, &item.client))
    .leaf("dt", &[], &m.t("compare.side.specialist"))
    .leaf("dd", &[], &said(Audience::Specialist, &item.specialist))
    .close("dl")
    .close("li");
}
