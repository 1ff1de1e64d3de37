//! The desk's files: export to JSON (the copy that imports back) and to CSV (for a spreadsheet),
//! import of a desk file with what it would change, shown before anything is replaced.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::state::{DeskAction, ImportStatus, Review};
use client_fit::components::buttons::button;
use client_fit::hooks::use_language;
use client_fit_core::desk::ImportError;
use client_fit_core::i18n::Messages;

#[derive(Properties, PartialEq)]
pub struct DeskFilesProps {
    pub review: Option<Review>,
    pub status: Option<ImportStatus>,
    pub on_action: Callback<DeskAction>,
    pub on_export_json: Callback<()>,
    pub on_export_csv: Callback<()>,
    /// A file was chosen in the import field.
    pub on_file: Callback<HtmlInputElement>,
}

fn status_text(m: &Messages, status: &ImportStatus) -> String {
    match status {
        ImportStatus::Done { added, replaced } => m.f(
            "desk.import.done",
            &[
                ("added", &added.to_string()),
                ("replaced", &replaced.to_string()),
            ],
        ),
        ImportStatus::Refused(ImportError::Syntax { line, column }) => m.f(
            "desk.import.error.syntax",
            &[("line", &line.to_string()), ("column", &column.to_string())],
        ),
        ImportStatus::Refused(ImportError::NotADesk) => m.t("desk.import.error.not_desk"),
        ImportStatus::Refused(ImportError::Newer(v)) => {
            m.f("desk.import.error.newer", &[("version", &v.to_string())])
        }
        ImportStatus::TooBig | ImportStatus::Unreadable => m.t("desk.import.error.unreadable"),
    }
}

#[component]
pub fn DeskFiles(props: &DeskFilesProps) -> Html {
    let lang = use_language();
    let m = &*lang.messages;
    let on_action = &props.on_action;
    let chosen = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                on_file.emit(input);
            }
        })
    };
    let status = props.status.as_ref().map(|s| {
        let done = matches!(s, ImportStatus::Done { .. });
        html! {
            <p class={classes!(if done { "cf-ok" } else { "cf-field-error" })} role={if done { "status" } else { "alert" }}
               data-testid="import-status">{ status_text(m, s) }</p>
        }
    });
    html! {
        <section class="cf-card cf-desk-files" aria-labelledby="cf-files-title">
            <h2 id="cf-files-title">{ m.t("desk.files.title") }</h2>
            <p class="cf-muted">{ m.t("desk.files.lead") }</p>
            <div class="cf-nav">
                { button("cf-secondary", "export-json", m.t("desk.export.json"), props.on_export_json.reform(|_: MouseEvent| ())) }
                { button("cf-secondary", "export-csv", m.t("desk.export.csv"), props.on_export_csv.reform(|_: MouseEvent| ())) }
            </div>
            <div class="cf-field">
                <label for="cf-import">{ m.t("desk.import") }</label>
                <input id="cf-import" type="file" accept=".json,application/json" data-testid="import" onchange={chosen} />
            </div>
            { for status }
            if let Some(review) = &props.review {
                { review_panel(m, review, on_action) }
            }
        </section>
    }
}

/// What the chosen file would change: new prospects, unchanged ones, ones that differ (ticked to
/// be replaced), and every prospect left out with its line, field and reason.
fn review_panel(m: &Messages, review: &Review, on_action: &Callback<DeskAction>) -> Html {
    let label = |id: &client_fit_core::desk::ProspectId| {
        review
            .prospects
            .iter()
            .find(|p| &p.id == id)
            .map(|p| p.label.clone())
            .unwrap_or_else(|| id.as_str().to_owned())
    };
    html! {
        <div class="cf-notice cf-desk-review" data-testid="import-review" role="region" aria-labelledby="cf-review-title">
            <h3 id="cf-review-title">{ m.f("desk.import.title", &[("file", &review.file)]) }</h3>
            <p data-testid="import-added">{ m.f("desk.import.added", &[("n", &review.plan.added.len().to_string())]) }</p>
            <p>{ m.f("desk.import.unchanged", &[("n", &review.plan.unchanged.to_string())]) }</p>
            if !review.plan.conflicts.is_empty() {
                <fieldset class="cf-checks">
                    <legend>{ m.t("desk.import.conflicts") }</legend>
                    { for review.plan.conflicts.iter().map(|id| {
                        let toggle = { let id = id.clone(); on_action.reform(move |_: Event| DeskAction::ToggleReplace(id.clone())) };
                        html! {
                            <label class="cf-check">
                                <input type="checkbox" data-testid="replace" checked={review.replace.contains(id)} onchange={toggle} />
                                { label(id) }
                            </label>
                        }
                    }) }
                </fieldset>
            }
            if !review.problems.is_empty() {
                <p>{ m.t("desk.import.problems") }</p>
                <ul data-testid="import-problems">
                    { for review.problems.iter().map(|p| html! {
                        <li>{ m.f("desk.import.problem", &[
                            ("line", &p.line.to_string()),
                            ("field", &p.field),
                            ("why", &m.f(p.fault.message_id(), &[("value", p.fault.value())])),
                        ]) }</li>
                    }) }
                </ul>
            }
            <div class="cf-nav">
                { button("cf-primary", "import-confirm", m.t("desk.import.confirm"), on_action.reform(|_: MouseEvent| DeskAction::ConfirmImport)) }
                { button("cf-secondary", "import-cancel", m.t("desk.import.cancel"), on_action.reform(|_: MouseEvent| DeskAction::CancelImport)) }
            </div>
        </div>
    }
}
