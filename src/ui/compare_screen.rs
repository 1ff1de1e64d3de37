//! The negotiation mirror: both results, the agenda of differing answers, and the fee models.

use yew::prelude::*;

use super::profile_chart::PairChart;
use super::share_panel::SharePanel;
use super::state::{Action, AppState};
use super::use_messages;
use crate::i18n::Messages;
use crate::platform::{dom, url};
use crate::quiz::compare::{compare, AgendaItem};
use crate::quiz::evaluate::Evaluation;
use crate::quiz::{bank, Audience};

#[derive(Properties, PartialEq)]
pub struct CompareScreenProps {
    pub state: AppState,
    pub on_action: Callback<Action>,
}

#[component]
pub fn CompareScreen(props: &CompareScreenProps) -> Html {
    let m = use_messages();
    let slots = props.state.shared.clone();
    let cmp = use_memo(slots, |s| {
        let empty = Default::default();
        compare(
            bank(),
            s.client.as_ref().unwrap_or(&empty),
            s.specialist.as_ref().unwrap_or(&empty),
        )
    });
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| {
            dom::focus(&heading);
        });
    }
    let open = |a: Audience| props.on_action.reform(move |_: MouseEvent| Action::Open(a));
    let home = props.on_action.reform(|_: MouseEvent| Action::Home);
    let link = props
        .state
        .share_fragment()
        .zip(url::page_address())
        .map(|(f, base)| format!("{base}#{f}"));
    let total = bank().questions.len();

    html! {
        <main class="cf-result cf-compare" data-testid="compare">
            <section>
                <h1 tabindex="-1" ref={heading}>{ m.t("compare.title") }</h1>
                <p data-testid="compare-summary">{ m.f("compare.summary", &[
                    ("agreed", &cmp.agreed.to_string()), ("total", &total.to_string()), ("n", &cmp.agenda.len().to_string()),
                ]) }</p>
                <ul class="cf-compare-verdicts">
                    { verdict(&m, Audience::Client, &cmp.client) }
                    { verdict(&m, Audience::Specialist, &cmp.specialist) }
                </ul>
            </section>

            <section>
                <h2>{ m.t("compare.profile") }</h2>
                <p class="cf-legend">
                    <span class="cf-key cf-key-client">{ m.t("compare.side.client") }</span>
                    <span class="cf-key cf-key-specialist">{ m.t("compare.side.specialist") }</span>
                </p>
                <PairChart client={cmp.client.dimensions.clone()} specialist={cmp.specialist.dimensions.clone()} />
            </section>

            <section data-testid="agenda">
                <h2>{ m.t("compare.agenda") }</h2>
                if cmp.agenda.is_empty() {
                    <p>{ m.t("compare.agreed_all") }</p>
                } else {
                    <p class="cf-small cf-muted">{ m.t("compare.agenda_intro") }</p>
                    <ol class="cf-agenda">{ for cmp.agenda.iter().map(|item| agenda_item(&m, item)) }</ol>
                }
            </section>

            <section data-testid="compare-fee">
                <h2>{ m.t("compare.fee") }</h2>
                <p data-model={cmp.client.fee.model.id()} data-testid="fee-client">{ m.f("compare.fee.client", &[("model", &m.t(&format!("fee.model.{}", cmp.client.fee.model.id())))]) }</p>
                <p data-model={cmp.specialist.fee.model.id()} data-testid="fee-specialist">{ m.f("compare.fee.specialist", &[("model", &m.t(&format!("fee.model.{}", cmp.specialist.fee.model.id())))]) }</p>
                if cmp.client.fee.model == cmp.specialist.fee.model {
                    <p>{ m.t("compare.fee.same") }</p>
                }
                if !cmp.fee_differences.is_empty() {
                    <p>{ m.t("compare.fee.differ") }</p>
                    <ul data-testid="fee-differences">
                        { for cmp.fee_differences.iter().filter_map(|d| bank().fee_conditions.iter().find(|c| c.id == d.condition).map(|c| (c, d))).map(|(c, d)| html! {
                            <li data-condition={c.id.clone()}><strong>{ c.text.clone() }</strong>{ " " }{ m.t(&format!("compare.fee.met_by.{}", d.met_by.id())) }</li>
                        }) }
                    </ul>
                }
            </section>

            if let Some(link) = link {
                <section>
                    <SharePanel key={link.as_str()} link={link.clone()} label="compare.share_label" send_title="share.send_title.both" />
                </section>
            }

            <nav class="cf-nav">
                <button type="button" class="cf-secondary" onclick={home}>{ m.t("quiz.home") }</button>
                <button type="button" class="cf-secondary" onclick={open(Audience::Client)}>{ m.t("nav.take.client") }</button>
                <button type="button" class="cf-secondary" onclick={open(Audience::Specialist)}>{ m.t("nav.take.specialist") }</button>
            </nav>
        </main>
    }
}

fn verdict(m: &Messages, a: Audience, e: &Evaluation) -> Html {
    let band = e.band.id();
    html! {
        <li class={classes!("cf-verdict", format!("cf-band-{band}"))} data-side={a.id()} data-band={band}>
            { m.f(&format!("compare.verdict.{}", a.id()), &[("band", &m.t(&format!("band.{band}.short"))), ("n", &e.overall.to_string())]) }
        </li>
    }
}

fn agenda_item(m: &Messages, item: &AgendaItem) -> Html {
    let Some(q) = bank().question(&item.q) else {
        return Html::default();
    };
    let said = |a: Audience, option: &str| {
        let answer = q.choice(option).map(|c| c.text_for(a)).unwrap_or_default();
        format!("{} — {answer}", q.prompt(a))
    };
    html! {
        <li data-q={q.id.clone()} data-gap={item.gap.to_string()}>
            <h3>{ q.topic.clone() }</h3>
            <dl>
                <dt>{ m.t("compare.side.client") }</dt>
                <dd>{ said(Audience::Client, &item.client) }</dd>
                <dt>{ m.t("compare.side.specialist") }</dt>
                <dd>{ said(Audience::Specialist, &item.specialist) }</dd>
            </dl>
        </li>
    }
}
