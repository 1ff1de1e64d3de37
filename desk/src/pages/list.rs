//! The desk's front page: a form for a new prospect, the list (sorted, filtered by stage,
//! searched by name; the archive apart), a client's returned result link opened, how verdicts
//! compared with outcomes, and the desk's files.

use std::rc::Rc;

use web_sys::{Element, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::files::DeskFiles;
use crate::components::returned::ReturnedBox;
use crate::state::{DeskAction, ImportStatus, Returned, Review};
use client_fit::components::buttons::button;
use client_fit::components::markup::Markup;
use client_fit::hooks::use_language;
use client_fit_core::content::Bank;
use client_fit_core::desk::{DeskError, ListQuery, ProspectId, Row, SortBy, Stage};
use client_fit_core::i18n::Messages;
use client_fit_core::str_map::StrMap;
use client_fit_core::Band;

/// The id of the page's heading, which takes focus when the list opens again.
pub const HEADING_ID: &str = "cf-desk-heading";

#[derive(Properties, PartialEq)]
pub struct DeskListProps {
    pub rows: Rc<Vec<Row>>,
    /// Every prospect's row drawn ([`draw_rows`]), which `rows` puts in order.
    pub drawn: Rc<DrawnRows>,
    pub query: ListQuery,
    /// Prospects on the working list and in the archive, whatever the search.
    pub working: usize,
    pub archived: usize,
    pub error: Option<DeskError>,
    pub outcomes: Rc<Vec<(Band, [usize; 3])>>,
    pub review: Option<Review>,
    pub import_status: Option<ImportStatus>,
    /// A client's result link opened here and not attached yet.
    pub returned: Option<Returned>,
    /// Every prospect's row, whatever the search (for attaching a returned result).
    pub all_rows: Rc<Vec<Row>>,
    /// The verdict and score of the specialist's result the page was opened with, which the
    /// next prospect created keeps.
    pub incoming: Option<(Band, u8)>,
    pub on_action: Callback<DeskAction>,
    /// A name typed for a new prospect (the desk mints its id).
    pub on_create: Callback<String>,
    pub on_export_json: Callback<()>,
    pub on_export_csv: Callback<()>,
    pub on_file: Callback<HtmlInputElement>,
}

pub fn error_text(m: &Messages, e: &DeskError) -> String {
    match e {
        DeskError::TooLong => m.t("desk.error.too_long"),
        _ => m.t("desk.error.empty_label"),
    }
}

pub fn stage_name(m: &Messages, s: Stage) -> String {
    m.t(&format!("desk.stage.{}", s.name()))
}

#[component]
pub fn DeskList(props: &DeskListProps) -> Html {
    let lang = use_language();
    let m = &*lang.messages;
    let on_action = &props.on_action;
    let new_name = use_node_ref();
    let create = {
        let (new_name, on_create) = (new_name.clone(), props.on_create.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = new_name.cast::<HtmlInputElement>() {
                on_create.emit(input.value());
                input.set_value("");
            }
        })
    };
    let sort = on_action.reform(|e: Event| {
        let value = e
            .target_dyn_into::<HtmlSelectElement>()
            .map(|s| s.value())
            .unwrap_or_default();
        DeskAction::Sort(match value.as_str() {
            "score" => SortBy::Score,
            "date" => SortBy::Date,
            _ => SortBy::Verdict,
        })
    });
    let stage = on_action.reform(|e: Event| {
        let value = e
            .target_dyn_into::<HtmlSelectElement>()
            .map(|s| s.value())
            .unwrap_or_default();
        DeskAction::Stage(Stage::from_name(&value))
    });
    let search = on_action.reform(|e: InputEvent| {
        DeskAction::Search(
            e.target_dyn_into::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default(),
        )
    });
    // Put in order again only when the rows shown change, not on every keystroke elsewhere.
    let rows = use_memo(
        (props.rows.clone(), props.drawn.clone()),
        |(rows, drawn)| list_markup(drawn, rows),
    );
    let open = {
        let on_action = on_action.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(id) = clicked_prospect(&e) {
                on_action.emit(DeskAction::Open(id));
            }
        })
    };
    let q = &props.query;
    let sort_value = match q.sort {
        SortBy::Verdict => "verdict",
        SortBy::Score => "score",
        SortBy::Date => "date",
    };
    let shown_total = if q.archived {
        props.archived
    } else {
        props.working
    };
    let empty = if shown_total > 0 {
        m.t("desk.no_match")
    } else if q.archived {
        m.t("desk.empty_archive")
    } else {
        m.t("desk.empty")
    };
    let archive_toggle = if q.archived {
        m.t("desk.show_working")
    } else {
        m.f("desk.show_archive", &[("n", &props.archived.to_string())])
    };
    let to_archive = !q.archived;

    html! {
        <main class="cf-desk-list" data-testid="desk-list">
            <header class="cf-desk-head">
                <h1 id={HEADING_ID} tabindex="-1">{ m.t("desk.title") }</h1>
                <p class="cf-muted">{ m.t("desk.lead") }</p>
                <a class="cf-link" href="./" data-testid="to-quizzes">{ m.t("desk.to_quizzes") }</a>
            </header>
            if let Some((band, score)) = props.incoming {
                <div class="cf-notice" role="status" data-testid="incoming" data-band={band.id()}>
                    <p>{ m.f("desk.incoming", &[("band", &m.t(&format!("band.{}.short", band.id()))), ("score", &score.to_string())]) }</p>
                    { button("cf-link", "drop-incoming", m.t("desk.incoming.drop"), on_action.reform(|_: MouseEvent| DeskAction::DropIncoming)) }
                </div>
            }
            <form class="cf-card cf-desk-new" onsubmit={create}>
                <label for="cf-new-name">{ m.t("desk.new.label") }</label>
                <div class="cf-row">
                    <input id="cf-new-name" ref={new_name} type="text" maxlength="80" autocomplete="off"
                        placeholder={m.t("desk.new.placeholder")} data-testid="new-name"
                        aria-invalid={props.error.is_some().then_some("true")}
                        aria-describedby={props.error.is_some().then_some("cf-new-error")} />
                    <button type="submit" class="cf-primary" data-testid="add-prospect">{ m.t("desk.new.add") }</button>
                </div>
                if let Some(e) = &props.error {
                    <p id="cf-new-error" class="cf-field-error" role="alert">{ error_text(m, e) }</p>
                }
            </form>
            <section class="cf-desk-prospects" aria-labelledby="cf-list-title">
                <h2 id="cf-list-title">
                    { if q.archived { m.t("desk.list.archive_title") } else { m.t("desk.list.title") } }
                    { " " }<span class="cf-muted cf-small" data-testid="count">{ m.f("desk.count", &[("n", &props.rows.len().to_string())]) }</span>
                </h2>
                <div class="cf-desk-controls">
                    <div class="cf-field">
                        <label for="cf-sort">{ m.t("desk.sort") }</label>
                        <select id="cf-sort" data-testid="sort" onchange={sort}>
                            { for [("verdict", "desk.sort.verdict"), ("score", "desk.sort.score"), ("date", "desk.sort.date")].iter().map(|(v, id)| html! {
                                <option value={*v} selected={*v == sort_value}>{ m.t(id) }</option>
                            }) }
                        </select>
                    </div>
                    <div class="cf-field">
                        <label for="cf-stage-filter">{ m.t("desk.filter.stage") }</label>
                        <select id="cf-stage-filter" data-testid="stage-filter" onchange={stage}>
                            <option value="" selected={q.stage.is_none()}>{ m.t("desk.filter.all") }</option>
                            { for Stage::ALL.iter().map(|s| html! {
                                <option value={s.name()} selected={q.stage == Some(*s)}>{ stage_name(m, *s) }</option>
                            }) }
                        </select>
                    </div>
                    <div class="cf-field">
                        <label for="cf-search">{ m.t("desk.search") }</label>
                        <input id="cf-search" type="search" data-testid="search" value={q.search.clone()} oninput={search} />
                    </div>
                </div>
                if props.rows.is_empty() {
                    <p class="cf-muted" data-testid="desk-empty">{ empty }</p>
                } else {
                    <div onclick={open} data-testid="rows">{ (*rows).clone() }</div>
                }
                { button("cf-link", "show-archive", archive_toggle, on_action.reform(move |_: MouseEvent| DeskAction::ShowArchive(to_archive))) }
            </section>
            <ReturnedBox returned={props.returned.clone()} rows={props.all_rows.clone()} on_action={on_action.clone()} />
            { outcomes_table(m, &props.outcomes) }
            <DeskFiles review={props.review.clone()} status={props.import_status.clone()}
                on_action={on_action.clone()} on_export_json={props.on_export_json.clone()}
                on_export_csv={props.on_export_csv.clone()} on_file={props.on_file.clone()} />
        </main>
    }
}

/// Each prospect's row as markup, by prospect: drawn once per change of the desk or of the
/// language, so that a new sort, filter or search, or coming back from a prospect, only puts drawn
/// rows in order (docs/performance.md).
#[derive(PartialEq, Eq)]
pub struct DrawnRows(StrMap<String, Markup>);

pub fn draw_rows(m: &Messages, bank: &Bank, rows: &[Row]) -> DrawnRows {
    let mut drawn = StrMap::with_capacity(rows.len());
    for row in rows {
        drawn.insert(row.id.as_str().to_owned(), row_markup(m, bank, row));
    }
    DrawnRows(drawn)
}

/// The rows, one string of markup: a list of 200 prospects paints with one DOM call instead of
/// a component and half a dozen elements each (docs/performance.md). A row's name is a button
/// carrying the prospect's id, which the list's one click handler reads.
fn list_markup(drawn: &DrawnRows, rows: &[Row]) -> Html {
    let mut h = Markup::new();
    h.open("ul", &[("class", "cf-desk-rows")]);
    // `rows` are selected from the rows `drawn` was made from (both follow the desk's
    // `all_rows`), so every one is there.
    for row in rows {
        if let Some(markup) = drawn.0.get(row.id.as_str()) {
            h.append(markup);
        }
    }
    h.close("ul");
    h.into_html()
}

fn row_markup(m: &Messages, bank: &Bank, row: &Row) -> Markup {
    let mut h = Markup::new();
    let band = row.band.map(|b| b.id()).unwrap_or("none");
    let verdict = match (row.band, row.score) {
        (Some(b), Some(s)) => format!(
            "{}, {}",
            m.t(&format!("band.{}.short", b.id())),
            m.f("desk.score", &[("n", &s.to_string())])
        ),
        _ => m.t("desk.not_assessed"),
    };
    let flags: Vec<&str> = row
        .flags
        .iter()
        .filter_map(|id| bank.flag(id))
        .map(|f| f.name.as_ref())
        .collect();
    h.open(
        "li",
        &[
            ("class", &format!("cf-desk-row cf-band-{band}")),
            ("data-testid", "prospect-row"),
            ("data-id", row.id.as_str()),
            ("data-band", band),
        ],
    )
    .leaf(
        "button",
        &[
            ("type", "button"),
            ("class", "cf-link cf-desk-name"),
            (OPEN_ATTR, row.id.as_str()),
        ],
        &row.label,
    )
    .leaf(
        "span",
        &[("class", "cf-desk-verdict"), ("data-testid", "row-verdict")],
        &verdict,
    )
    .leaf(
        "span",
        &[("class", "cf-badge"), ("data-testid", "row-stage")],
        &stage_name(m, row.stage),
    );
    if !flags.is_empty() {
        h.leaf(
            "span",
            &[("class", "cf-desk-flags cf-small")],
            &flags.join(" · "),
        );
    }
    h.leaf(
        "span",
        &[("class", "cf-muted cf-small")],
        &m.f("desk.changed_on", &[("date", &row.changed.local(m.lang()))]),
    )
    .close("li");
    h
}

/// The attribute of a row's name button that names the prospect it opens.
const OPEN_ATTR: &str = "data-open";

/// The prospect whose name was clicked (or pressed with the keyboard) in the list, if any.
fn clicked_prospect(e: &MouseEvent) -> Option<ProspectId> {
    let target = e.target_dyn_into::<Element>()?;
    let button = target.closest(&format!("[{OPEN_ATTR}]")).ok()??;
    ProspectId::parse(&button.get_attribute(OPEN_ATTR)?)
}

/// For each verdict, how the signed prospects turned out.
fn outcomes_table(m: &Messages, outcomes: &[(Band, [usize; 3])]) -> Html {
    let any = outcomes
        .iter()
        .any(|(_, counts)| counts.iter().any(|n| *n > 0));
    let columns = ["paid_on_time", "paid_late", "churned"];
    html! {
        <section class="cf-card cf-desk-outcomes" data-testid="outcomes" aria-labelledby="cf-outcomes-title">
            <h2 id="cf-outcomes-title">{ m.t("desk.outcomes.title") }</h2>
            <p class="cf-muted">{ m.t("desk.outcomes.lead") }</p>
            if any {
                <div class="cf-table-wrap">
                    <table class="cf-table">
                        <thead><tr>
                            <th scope="col">{ m.t("desk.outcomes.verdict") }</th>
                            { for columns.iter().map(|c| html! { <th scope="col">{ m.t(&format!("desk.stage.{c}")) }</th> }) }
                        </tr></thead>
                        <tbody>
                            { for outcomes.iter().map(|(band, counts)| html! {
                                <tr data-band={band.id()}>
                                    <th scope="row">{ m.t(&format!("band.{}.short", band.id())) }</th>
                                    { for counts.iter().map(|n| html! { <td>{ n.to_string() }</td> }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            } else {
                <p>{ m.t("desk.outcomes.empty") }</p>
            }
        </section>
    }
}
