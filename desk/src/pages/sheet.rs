//! The agreement sheet, "What we agree": the fee model and the calculator scenario, the KPI and
//! threshold, the channel and reply windows, the one contact person, the contract checklist
//! with what is agreed ticked, and the questions still open (the agenda of the comparison).
//! Printing it gives one page: the print stylesheet hides the controls and the link.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::link_box::LinkBox;
use crate::sheet::{SheetAction, SheetState};
use client_fit::components::buttons::button;
use client_fit::components::fee_calculator::FeeCalculator;
use client_fit::hooks::use_language;
use client_fit_core::agreement::{SheetField, MAX_FIELD};
use client_fit_core::fee::FeeModel;
use client_fit_core::Audience;

/// The id of the sheet's heading, which a reader lands on.
pub const SHEET_HEADING_ID: &str = "cf-sheet-title";

#[derive(Properties, PartialEq)]
pub struct SheetPageProps {
    pub sheet: SheetState,
    /// The link that reproduces the sheet as it stands, when the page has an address.
    pub link: Option<AttrValue>,
    pub on_action: Callback<SheetAction>,
    /// "Print or save as PDF" was pressed.
    pub on_print: Callback<()>,
}

#[component]
pub fn SheetPage(props: &SheetPageProps) -> Html {
    let lang = use_language();
    let (m, b) = (&*lang.messages, &*lang.bank);
    let a = &props.sheet.agreement;
    let on_action = &props.on_action;
    let model_name = |id: &str| m.t(&format!("desk.model.{id}"));
    let pick_model = on_action.reform(|e: Event| {
        let value = e
            .target_dyn_into::<HtmlSelectElement>()
            .map(|s| s.value())
            .unwrap_or_default();
        SheetAction::Model(FeeModel::from_id(&value).unwrap_or(FeeModel::PrepaidFixed))
    });
    let text_field = |field: SheetField| {
        let name = field.name();
        let id = format!("cf-sheet-{name}");
        let oninput = on_action.reform(move |e: InputEvent| {
            let text = e
                .target_dyn_into::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            SheetAction::Text(field, text)
        });
        html! {
            <div class="cf-field">
                <label for={id.clone()}>{ m.t(&format!("desk.sheet.{name}")) }</label>
                <input {id} type="text" maxlength={MAX_FIELD.to_string()} value={a.get(field).to_owned()}
                    {oninput} data-testid={format!("sheet-{name}")} />
            </div>
        }
    };
    let comparison = a.comparison(b);
    html! {
        <main class="cf-sheet" data-testid="sheet">
            <nav class="cf-quiz-head">
                <a class="cf-link" href="desk.html">{ m.t("desk.title") }</a>
            </nav>
            <h1 id={SHEET_HEADING_ID} tabindex="-1">{ m.t("desk.sheet.title") }</h1>
            <p class="cf-muted">{ m.t("desk.sheet.lead") }</p>
            <section class="cf-card" aria-labelledby="cf-sheet-fee">
                <h2 id="cf-sheet-fee">{ m.t("desk.sheet.fee") }</h2>
                <div class="cf-field">
                    <label for="cf-sheet-model">{ m.t("desk.sheet.model") }</label>
                    <select id="cf-sheet-model" data-testid="sheet-model" onchange={pick_model}>
                        { for FeeModel::ALL.iter().map(|model| html! {
                            <option value={model.id()} selected={*model == a.model}>{ model_name(model.id()) }</option>
                        }) }
                    </select>
                </div>
                <FeeCalculator input={a.plan.clone()} plan={props.sheet.plan} on_action={on_action.reform(SheetAction::Calc)} />
            </section>
            <section class="cf-card" aria-labelledby="cf-sheet-terms">
                <h2 id="cf-sheet-terms">{ m.t("desk.sheet.terms") }</h2>
                { for SheetField::ALL.iter().map(|f| text_field(*f)) }
            </section>
            <section class="cf-card" aria-labelledby="cf-sheet-contract">
                <h2 id="cf-sheet-contract">{ m.t("desk.sheet.contract") }</h2>
                <ul class="cf-checklist cf-sheet-checklist" data-testid="sheet-contract">
                    { for b.contract.iter().zip(&a.agreed).enumerate().map(|(at, (item, agreed))| {
                        let agreed = *agreed;
                        let toggle = on_action.reform(move |_: Event| SheetAction::Agreed(at, !agreed));
                        html! {
                            <li data-agreed={agreed.to_string()}><label class="cf-check">
                                <input type="checkbox" checked={agreed} onchange={toggle} />{ item.to_string() }
                            </label></li>
                        }
                    }) }
                </ul>
            </section>
            <section class="cf-card" aria-labelledby="cf-sheet-open">
                <h2 id="cf-sheet-open">{ m.t("desk.sheet.open") }</h2>
                if comparison.agenda.is_empty() {
                    <p>{ m.t("desk.sheet.none_open") }</p>
                } else {
                    <ul class="cf-agenda" data-testid="sheet-open">
                        { for comparison.agenda.iter().filter_map(|item| {
                            let q = b.question(item.q.as_str())?;
                            let said = |side: Audience, option: &str| q.choice(option).map(|c| c.text_for(side).to_string()).unwrap_or_default();
                            Some(html! {
                                <li data-q={q.id.to_string()}>
                                    <h3>{ q.topic.to_string() }</h3>
                                    <dl>
                                        <dt>{ m.t("compare.side.client") }</dt><dd>{ said(Audience::Client, item.client.as_str()) }</dd>
                                        <dt>{ m.t("compare.side.specialist") }</dt><dd>{ said(Audience::Specialist, item.specialist.as_str()) }</dd>
                                    </dl>
                                </li>
                            })
                        }) }
                    </ul>
                }
            </section>
            if let Some(link) = &props.link {
                <section class="cf-card cf-sheet-share">
                    <LinkBox label={m.t("desk.sheet.link")} link={link.clone()} testid="sheet-link" />
                    <p class="cf-muted cf-small">{ m.t("desk.sheet.link_hint") }</p>
                </section>
            }
            <div class="cf-nav cf-sheet-print">
                { button("cf-primary", "print", m.t("desk.sheet.print"), props.on_print.reform(|_: MouseEvent| ())) }
            </div>
        </main>
    }
}
