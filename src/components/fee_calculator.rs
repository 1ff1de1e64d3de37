//! The fee calculator: editable inputs with inline messages, a payout table and the chart.
//! While a field is invalid the outputs keep showing the last valid set-up.

use yew::prelude::*;

use super::buttons::action_button;
use super::fee_chart::fee_chart;
use super::markup::Markup;
use crate::hooks::use_language;
use crate::state::Action;
use client_fit_core::i18n::Messages;
use client_fit_core::money::{
    BonusKind, Currency, Field, InputError, Measure, Plan, PlanInput, ThresholdKind,
};

/// Table rows between the ends of the sales range (plus the current sales and the crossover).
pub const TABLE_STEPS: i64 = 5;

#[derive(Properties, PartialEq)]
pub struct FeeCalculatorProps {
    /// What the person typed.
    pub input: PlanInput,
    /// The last set-up that validated, drawn while a field is bad.
    pub plan: Option<Plan>,
    pub on_action: Callback<Action>,
}

/// The calculator: its fields, with the message of a bad one beside it, and the outputs.
#[component]
pub fn FeeCalculator(props: &FeeCalculatorProps) -> Html {
    let m = &*use_language().messages;
    let (input, plan, on_action) = (&props.input, props.plan.as_ref(), &props.on_action);
    let errors: Vec<(Field, InputError)> = input.validate().err().unwrap_or_default();
    let error_of = |f: Field| errors.iter().find(|(ef, _)| *ef == f).map(|(_, e)| *e);
    let currency = input.currency();

    let field = |f: Field, label: String| field(m, input, error_of(f), f, label, on_action);
    let money_label = |id: &str| m.f(id, &[("cur", currency.code())]);
    let units = input.units_threshold();
    let per_unit = input.per_unit_bonus();
    let on_leads = input.on_leads();
    let on_currency = on_action.reform(move |e: Event| {
        let value = e
            .target_dyn_into::<web_sys::HtmlSelectElement>()
            .map(|s| s.value())
            .unwrap_or_default();
        Action::CalcCurrency(Currency::from_code(&value).unwrap_or(currency))
    });
    let toggle =
        |name: &'static str, first: bool, labels: (String, String), make: fn(bool) -> Action| {
            toggle(name, first, labels, make, on_action)
        };

    html! {
        <div class="cf-calc" data-testid="calculator">
            <h3>{ m.t("calc.title") }</h3>
            <div class="cf-calc-grid">
                <div class="cf-field">
                    <label for="calc-currency">{ m.t("calc.currency") }</label>
                    <select id="calc-currency" onchange={on_currency}>
                        { for Currency::ALL.iter().map(|c| html! {
                            <option value={c.code()} selected={*c == currency}>{ c.code() }</option>
                        }) }
                    </select>
                </div>
                { field(Field::CurrentSales, money_label("calc.current_sales")) }
                { field(Field::RangeMin, money_label("calc.range_min")) }
                { field(Field::RangeMax, money_label("calc.range_max")) }
                { field(Field::AvgOrder, money_label("calc.avg_order")) }
                { field(Field::FixedMin, money_label("calc.fixed_min")) }
                <div class="cf-field-group">
                    { toggle("bonus-measure", !on_leads, (m.t("calc.on_sales"), m.t("calc.on_leads")), |sales| Action::CalcMeasure(if sales { Measure::Sales } else { Measure::Leads })) }
                    if on_leads {
                        { field(Field::Conversion, m.t("calc.conversion")) }
                    }
                </div>
                if on_leads {
                    { field(Field::LeadThreshold, m.t("calc.threshold.leads")) }
                    { field(Field::LeadBonus, money_label("calc.bonus.per_lead")) }
                } else {
                    <div class="cf-field-group">
                        { toggle("threshold-kind", units, (m.t("calc.threshold_units"), m.t("calc.threshold_revenue")), |units| Action::CalcThresholdKind(if units { ThresholdKind::Units } else { ThresholdKind::Revenue })) }
                        { field(Field::Threshold, if units { m.t("calc.threshold.units") } else { money_label("calc.threshold.revenue") }) }
                    </div>
                    <div class="cf-field-group">
                        { toggle("bonus-kind", per_unit, (m.t("calc.bonus_per_unit"), m.t("calc.bonus_percent")), |per_unit| Action::CalcBonusKind(if per_unit { BonusKind::PerUnit } else { BonusKind::Percent })) }
                        { field(Field::Bonus, if per_unit { money_label("calc.bonus.per_unit") } else { m.t("calc.bonus.percent") }) }
                    </div>
                }
                { field(Field::Percent, m.t("calc.percent")) }
                { field(Field::Cap, money_label("calc.cap")) }
            </div>
            { action_button("cf-link", "", m.t("calc.reset"), Action::CalcReset, on_action) }
            if !errors.is_empty() {
                <p class="cf-stale" data-testid="calc-stale">{ m.t("calc.stale") }</p>
            }
            if let Some(plan) = plan {
                { outputs(m, plan) }
            }
        </div>
    }
}

/// One labelled input with its error line. A function of its own: the calculator has a dozen.
#[inline(never)]
fn field(
    m: &Messages,
    input: &PlanInput,
    error: Option<InputError>,
    f: Field,
    label: String,
    on_action: &Callback<Action>,
) -> Html {
    let id = format!("calc-{}", f.name());
    let err_id = format!("{id}-error");
    let oninput = on_action.reform(move |e: InputEvent| {
        let value = e
            .target_dyn_into::<web_sys::HtmlInputElement>()
            .map(|i| i.value())
            .unwrap_or_default();
        Action::CalcSet(f, value)
    });
    html! {
        <div class="cf-field">
            <label for={id.clone()}>{ label }</label>
            <input id={id} type="text" inputmode="decimal" autocomplete="off" value={input.get(f).to_string()}
                   aria-invalid={error.is_some().to_string()} aria-describedby={err_id.clone()} oninput={oninput} />
            <p class="cf-field-error" id={err_id} data-testid={format!("error-{}", f.name())} aria-live="polite">
                { error.map(|e| m.t(e.message_id())).unwrap_or_default() }
            </p>
        </div>
    }
}

/// Two radio buttons choosing between two kinds (`make(true)` or `make(false)`).
#[inline(never)]
fn toggle(
    name: &'static str,
    first: bool,
    labels: (String, String),
    make: fn(bool) -> Action,
    on_action: &Callback<Action>,
) -> Html {
    let on_first = on_action.reform(move |_: Event| make(true));
    let on_second = on_action.reform(move |_: Event| make(false));
    html! {
        <div class="cf-toggle" role="radiogroup">
            <label><input type="radio" {name} checked={first} onchange={on_first} />{ labels.0 }</label>
            <label><input type="radio" {name} checked={!first} onchange={on_second} />{ labels.1 }</label>
        </div>
    }
}

fn outputs(m: &Messages, plan: &Plan) -> Html {
    let cur = plan.currency;
    let style = m.lang().number_style();
    let crossover = match plan.crossover() {
        Some(s) => m.f(
            "calc.crossover",
            &[
                ("sales", &cur.format(s, style)),
                ("pay", &cur.format(plan.percent_payout(s), style)),
            ],
        ),
        None => m.t("calc.no_crossover"),
    };
    let mut h = Markup::new();
    h.leaf(
        "p",
        &[("class", "cf-crossover"), ("data-testid", "crossover")],
        &crossover,
    );
    fee_chart(&mut h, m, plan);
    h.open("div", &[("class", "cf-table-wrap")])
        .open(
            "table",
            &[("class", "cf-table"), ("data-testid", "fee-table")],
        )
        .leaf("caption", &[("class", "cf-sr")], &m.t("calc.table_caption"))
        .open("thead", &[])
        .open("tr", &[]);
    let leads_column: &[&str] = if plan.on_leads() {
        &["calc.col.leads"]
    } else {
        &[]
    };
    let columns = ["calc.col.sales"].iter().chain(leads_column).chain(&[
        "calc.col.fixed",
        "calc.col.bonus",
        "calc.col.percent",
    ]);
    for id in columns {
        h.leaf("th", &[("scope", "col")], &m.t(id));
    }
    h.close("tr").close("thead").open("tbody", &[]);
    for r in plan.table(TABLE_STEPS) {
        let ahead: &[(&str, &str)] = if r.percent_ahead() {
            &[("class", "cf-ahead")]
        } else {
            &[]
        };
        h.open("tr", ahead)
            .leaf("th", &[("scope", "row")], &cur.format(r.sales, style));
        if let Some(leads) = r.leads {
            h.leaf("td", &[], &style.group_digits(&leads.to_string()));
        }
        for v in [r.fixed, r.bonus, r.percent] {
            h.leaf("td", &[], &cur.format(v, style));
        }
        h.close("tr");
    }
    h.close("tbody").close("table").close("div");
    h.into_html()
}
