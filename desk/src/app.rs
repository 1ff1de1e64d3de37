//! The desk page's root component: owns the desk's state and the language on screen, saves what
//! changes entry by entry, hands files to the browser and reads the ones chosen, and shows the
//! view on screen (the list, a prospect, or the specialist quiz about one).

use std::collections::BTreeMap;
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::link_box::LinkBox;
use crate::hooks::use_desk_language;
use crate::pages::list::{draw_rows, DeskList, HEADING_ID};
use crate::pages::prospect::{Invitation, ProspectPage, PROSPECT_HEADING_ID};
use crate::platform::files::{self, ReadError};
use crate::state::{DeskAction, DeskNotice, DeskState, ImportStatus, View};
use crate::wording::english;
use client_fit::components::buttons::button;
use client_fit::components::lang_switcher::{lang_switcher, LangSwitcherProps};
use client_fit::pages::compare::summary;
use client_fit::pages::question::{question_page, QuestionProps};
use client_fit::platform::storage::Local;
use client_fit::platform::{dom, fetch, storage};
use client_fit_core::agreement::{self, Agreement};
use client_fit_core::desk::{export_csv, export_json, import_json, select_rows, ProspectId};
use client_fit_core::desk_saved::{
    encode_inviter, snapshot_since, write_changes, Earlier, INVITER_KEY, OFFERED_KEY,
};
use client_fit_core::i18n::Pack;
use client_fit_core::money::PlanInput;
use client_fit_core::saved::StoreError;
use client_fit_core::{english_bank, share, Audience};

#[derive(Properties, PartialEq)]
pub struct DeskAppProps {
    pub initial: DeskState,
    /// The language to start in, with the desk's wording.
    pub pack: Pack,
    /// What storage held at start, by key: only what differs from it is written.
    pub stored: Rc<BTreeMap<String, String>>,
    /// Prospects a newer Client Fit saved: kept on the index, never shown or written.
    pub kept: Vec<ProspectId>,
    /// Whether anything can be saved (storage present, the index not a newer version's).
    pub saving: bool,
    /// The quizzes' page (this folder's index), which invitations and links open.
    pub quiz_page: AttrValue,
    /// The result token of the quiz result on offer (`DeskState::incoming`), remembered once it
    /// is kept or turned down.
    pub offered: Option<String>,
}

impl Default for DeskAppProps {
    fn default() -> DeskAppProps {
        DeskAppProps {
            initial: DeskState::default(),
            pack: english(),
            stored: Rc::default(),
            kept: Vec::new(),
            saving: false,
            quiz_page: AttrValue::from("./"),
            offered: None,
        }
    }
}

#[component]
pub fn DeskApp(props: &DeskAppProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer_eq(move || initial);
    // One callback for the page's life: components given it (the list's rows) are not drawn
    // again only because it changed.
    let dispatch = Callback::from(state.dispatcher());
    let pack = use_state_eq(|| props.pack.clone());
    let on_pick = use_desk_language(
        pack.clone(),
        dispatch.reform(DeskAction::SetLang),
        dispatch.reform(|()| DeskAction::Notify(DeskNotice::LanguageNotSwitched)),
    );
    use_desk_persist(&state, props, dispatch.clone());
    {
        // The inviter's name and contact, remembered for the next invitation.
        let saving = props.saving;
        use_effect_with(state.inviter.clone(), move |who| {
            if saving && !who.name.is_empty() {
                let _ = storage::save(INVITER_KEY, &encode_inviter(&who.name, &who.contact));
            }
        });
    }
    use_desk_focus(&state);
    {
        // The quiz result on offer, once kept or turned down, is not offered again.
        let token = props.offered.clone();
        use_effect_with(state.incoming.is_some(), move |on_offer| {
            if let Some(token) = token.filter(|_| !on_offer) {
                let _ = storage::save(OFFERED_KEY, &token);
            }
        });
    }

    let bank = english_bank();
    // Each prospect evaluated once per change of the desk; a new sort, filter or search only
    // selects and orders those rows.
    let all_rows = use_memo(state.desk.clone(), move |desk| desk.all_rows(bank));
    let rows = use_memo((all_rows.clone(), state.query.clone()), |(all, query)| {
        select_rows(all, query)
    });
    // Drawn whenever the desk changes, also while a prospect is open: the way back to the list
    // then only puts them in order.
    let drawn = use_memo((all_rows.clone(), (*pack).clone()), |(all, pack)| {
        draw_rows(&pack.messages, &pack.bank, all)
    });
    // From the rows' verdicts: no prospect is evaluated twice.
    let outcomes = use_memo(all_rows.clone(), |rows| {
        client_fit_core::desk::outcomes(rows)
    });
    let (desk, today) = (state.desk.clone(), state.today);
    let on_export_json = {
        let (desk, dispatch) = (desk.clone(), dispatch.clone());
        Callback::from(move |()| {
            let name = format!("client-fit-desk-{}.json", today.iso());
            if files::download(&name, "application/json", &export_json(&desk, today)) {
                dispatch.emit(DeskAction::Exported);
            }
        })
    };
    let on_export_csv = Callback::from(move |()| {
        let name = format!("client-fit-desk-{}.csv", today.iso());
        // The byte order mark tells Excel the file is UTF-8 (names in Cyrillic, accents).
        let text = format!("\u{feff}{}", export_csv(&desk, bank));
        files::download(&name, "text/csv;charset=utf-8", &text);
    });
    let on_file = {
        let dispatch = dispatch.clone();
        Callback::from(move |input: HtmlInputElement| {
            let dispatch = dispatch.clone();
            fetch::spawn(async move {
                let Some((file, text)) = files::read_chosen(input).await else {
                    return;
                };
                let read = match text {
                    Ok(text) => import_json(&text, bank).map_err(ImportStatus::Refused),
                    Err(ReadError::TooBig) => Err(ImportStatus::TooBig),
                    Err(ReadError::Unreadable) => Err(ImportStatus::Unreadable),
                };
                dispatch.emit(DeskAction::FileRead { file, read });
            });
        })
    };
    let on_create = dispatch.reform(|label: String| DeskAction::Create {
        id: files::new_prospect_id(),
        label,
    });

    let incoming = use_memo(state.incoming.clone(), move |incoming| {
        incoming.as_ref().map(|answers| {
            let e = client_fit_core::evaluate(bank, Audience::Specialist, answers);
            (e.band, e.overall)
        })
    });
    let m = &pack.messages;
    let working = state.desk.prospects.iter().filter(|p| !p.archived).count();
    let kept_list = use_mut_ref(|| None::<Html>);
    let on_list = state.view == View::List;
    // The list stays in the page, hidden with its rendering kept, while a prospect is open: the
    // way back shows it again instead of building 200 rows anew. It is drawn with fresh props
    // only while on screen, so what is done on the prospect's page costs no hidden redraw.
    let list = match &state.view {
        View::List => {
            let fresh = html! {
                <DeskList rows={rows} {drawn} query={state.query.clone()} {working}
                    archived={state.desk.prospects.len() - working} error={state.error.clone()}
                    outcomes={outcomes} review={state.review.clone()} import_status={state.import_status.clone()}
                    returned={state.returned.clone()} incoming={*incoming} {all_rows}
                    on_action={dispatch.clone()} {on_create} on_export_json={on_export_json.clone()}
                    on_export_csv={on_export_csv.clone()} {on_file} />
            };
            *kept_list.borrow_mut() = Some(fresh.clone());
            Some(fresh)
        }
        View::Prospect(_) => kept_list.borrow().clone(),
        // The quiz and the comparison have their own question counter and headings.
        _ => {
            *kept_list.borrow_mut() = None;
            None
        }
    };
    let view = match &state.view {
        View::List => Html::default(),
        View::Prospect(id) => match state.desk.get(id) {
            Some(p) => html! {
                <ProspectPage prospect={p.clone()} draft_step={state.draft(id).map(|d| d.step)}
                    error={state.error.clone()} invitation={Invitation {
                        quiz_page: props.quiz_page.clone(),
                        inviter: state.inviter.clone(),
                        invite: state.invite.clone().filter(|(for_id, _)| for_id == id).map(|(_, i)| i),
                        attach_error: state.attach_error.clone().filter(|(for_id, _)| for_id == id).map(|(_, e)| e),
                    }}
                    on_action={dispatch.clone()} />
            },
            None => Html::default(),
        },
        View::Compare(id) => compare_view(&state, id, &pack, &props.quiz_page, &dispatch),
        View::Assess(id) => {
            let label = state
                .desk
                .get(id)
                .map(|p| p.label.clone())
                .unwrap_or_default();
            let progress = state.draft(id).cloned().unwrap_or_default();
            let step = progress.step;
            let selected = client_fit_core::progress::item_at(bank, Audience::Specialist, step)
                .and_then(|item| progress.answers.get(item.id()))
                .map(|o| AttrValue::from(o.as_str().to_owned()));
            let props = QuestionProps {
                audience: Audience::Specialist,
                step,
                selected,
                on_action: dispatch.reform(DeskAction::Quiz),
            };
            html! {
                <div class="cf-desk-assess" data-testid="assess">
                    <p class="cf-badge">{ m.f("desk.assess.for", &[("label", &label)]) }</p>
                    { question_page(&props, &pack) }
                </div>
            }
        }
    };
    html! {
        <ContextProvider<Pack> context={(*pack).clone()}>
            <div class="cf-app cf-desk">
                { lang_switcher(&LangSwitcherProps { current: state.lang, on_pick }, m) }
                { for state.notices.iter().map(|n| notice(m, *n, &dispatch, &on_export_json)) }
                if let Some(removed) = &state.removed {
                    <div class="cf-notice" role="status" data-testid="undo-bar">
                        <p>{ m.f("desk.deleted", &[("label", &removed.prospect().label)]) }</p>
                        { button("cf-link", "undo", m.t("desk.undo"), dispatch.reform(|_: MouseEvent| DeskAction::Undo)) }
                    </div>
                }
                if let Some(list) = list {
                    // `aria-hidden` too: browsers that skip the hidden content's rendering do not all
                    // keep it from screen readers (Safari before 18.4).
                    <div class="cf-desk-kept" hidden={!on_list} aria-hidden={(!on_list).then_some("true")}>{ list }</div>
                }
                { view }
            </div>
        </ContextProvider<Pack>>
    }
}

/// Both sides of one prospect: the quizzes' comparison (verdicts, paired profile, the agenda
/// of differing answers, the fee models) and its link, which opens the same comparison for the
/// client on the quizzes' page.
fn compare_view(
    state: &DeskState,
    id: &ProspectId,
    pack: &Pack,
    quiz_page: &AttrValue,
    dispatch: &Callback<DeskAction>,
) -> Html {
    let bank = english_bank();
    let Some((p, cmp)) = state
        .desk
        .get(id)
        .and_then(|p| p.comparison(bank).map(|c| (p, c)))
    else {
        return Html::default();
    };
    let m = &pack.messages;
    let tokens = p
        .client
        .as_ref()
        .and_then(|c| share::encode(bank, Audience::Client, c))
        .zip(
            p.assessments
                .last()
                .and_then(|a| share::encode(bank, Audience::Specialist, &a.answers)),
        );
    let link = tokens.map(|(c, s)| format!("{quiz_page}#{}", share::fragment(&[c, s])));
    // The agreement sheet is a page of its own (sheet.html), opened with both sides in its link.
    let sheet = p
        .client
        .clone()
        .zip(p.assessments.last().map(|a| a.answers.clone()))
        .map(|(client, specialist)| Agreement::new(bank, client, specialist, PlanInput::default()))
        .and_then(|a| agreement::encode(bank, &a))
        .map(|fragment| format!("{quiz_page}sheet.html#{fragment}"));
    let back = {
        let id = id.clone();
        dispatch.reform(move |_: MouseEvent| DeskAction::Open(id.clone()))
    };
    html! {
        <div class="cf-desk-compare" data-testid="desk-compare">
            <nav class="cf-quiz-head">
                { button("cf-link", "to-prospect", m.f("desk.compare.back", &[("label", &p.label)]), back) }
            </nav>
            <div class="cf-result cf-compare">{ summary(m, &pack.bank, &cmp) }</div>
            if let Some(sheet) = sheet {
                <section class="cf-card">
                    <h2>{ m.t("desk.sheet.title") }</h2>
                    <p>{ m.t("desk.compare.sheet_lead") }</p>
                    <a class="cf-primary" href={sheet} data-testid="open-sheet">{ m.t("desk.compare.sheet") }</a>
                </section>
            }
            if let Some(link) = link {
                <section class="cf-card">
                    <LinkBox label={m.t("desk.compare.link")} {link} testid="compare-link" />
                    <p class="cf-muted cf-small">{ m.t("desk.compare.hint") }</p>
                </section>
            }
        </div>
    }
}

fn notice(
    m: &client_fit_core::i18n::Messages,
    n: DeskNotice,
    dispatch: &Callback<DeskAction>,
    on_export: &Callback<()>,
) -> Html {
    let text = match n.count() {
        Some(count) => m.f(n.message_id(), &[("n", &count.to_string())]),
        None => m.t(n.message_id()),
    };
    let export = n.offers_export().then(|| {
        button(
            "cf-secondary",
            "notice-export",
            m.t("desk.export.json"),
            on_export.reform(|_: MouseEvent| ()),
        )
    });
    let dismiss = if n == DeskNotice::ExportDue {
        m.t("desk.notice.later")
    } else {
        m.t("notice.dismiss")
    };
    html! {
        <div class="cf-notice" role="status" data-testid="desk-notice" data-notice={n.message_id()}>
            <p>{ text }</p>
            { for export }
            { button("cf-link", "", dismiss, dispatch.reform(move |_: MouseEvent| DeskAction::Dismiss(n))) }
        </div>
    }
}

/// Saves what changed: each prospect (and assessment under way) in its own entry, the index last.
/// A write that fails says so once (storage full: export to keep the change) and is tried again
/// with the next change. Only the prospects that changed since the last save are encoded again.
#[hook]
fn use_desk_persist(state: &DeskState, props: &DeskAppProps, dispatch: Callback<DeskAction>) {
    // What storage holds, and the last snapshot with the desk it was made from.
    let last = use_mut_ref(|| (*props.stored).clone());
    let encoded = use_mut_ref(|| (props.initial.desk.clone(), (*props.stored).clone()));
    let (saving, kept) = (props.saving, props.kept.clone());
    use_effect_with(
        (state.desk.clone(), state.drafts.clone()),
        move |(desk, drafts)| {
            if saving {
                let mut encoded = encoded.borrow_mut();
                let earlier = Earlier {
                    desk: &encoded.0,
                    texts: &encoded.1,
                };
                let next = snapshot_since(Some(earlier), desk, drafts, &kept, english_bank());
                match write_changes(&mut Local, &mut last.borrow_mut(), &next) {
                    Ok(()) => {}
                    Err(StoreError::Unavailable) => {
                        dispatch.emit(DeskAction::Notify(DeskNotice::Unavailable))
                    }
                    Err(_) => dispatch.emit(DeskAction::Notify(DeskNotice::SaveFailed)),
                }
                *encoded = (desk.clone(), next);
            }
        },
    );
}

/// Focus follows the view: the new view's heading, or the question on screen in the quiz. Not on
/// the first render: the page opens where the browser put it.
#[hook]
fn use_desk_focus(state: &DeskState) {
    let first = use_mut_ref(|| true);
    let step = match &state.view {
        View::Assess(id) => state.draft(id).map(|d| d.step),
        _ => None,
    };
    let previous = use_mut_ref(|| None::<View>);
    use_effect_with((state.view.clone(), step), move |(view, _)| {
        let left = previous.borrow_mut().replace(view.clone());
        if std::mem::take(&mut *first.borrow_mut()) {
            return;
        }
        let target = match (view, left) {
            (View::Assess(_), _) => ".cf-question h2".to_owned(),
            (View::Compare(_), _) => ".cf-compare h1".to_owned(),
            (View::Prospect(_), _) => format!("#{PROSPECT_HEADING_ID}"),
            // Back from a prospect: its row, so that the place in a long list is not lost (ids
            // are `[A-Za-z0-9_-]`). A row filtered out or deleted meanwhile leaves the heading.
            (View::List, Some(View::Prospect(id))) => {
                format!("[data-id=\"{}\"] .cf-desk-name", id.as_str())
            }
            (View::List, _) => format!("#{HEADING_ID}"),
        };
        if !dom::focus_first(&target) && *view == View::List {
            dom::focus_first(&format!("#{HEADING_ID}"));
        }
    });
}
