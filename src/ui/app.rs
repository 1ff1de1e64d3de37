//! The root component: owns the state, picks the message catalog and saves progress.

use yew::prelude::*;

use super::compare_screen::{self, compare_screen};
use super::controls::action_button;
use super::lang_switcher::lang_switcher;
use super::notice_bar::notice_bar;
use super::question_screen::{self, question_screen};
use super::result_screen::{self, result_screen};
use super::start_screen::start_screen;
use super::state::{Action, AppState, Notice, Screen};
use crate::languages;
use crate::languages::bank;
use crate::platform::{dom, embed, storage, url};
use client_fit_core::host::{self, HostEvent};
use client_fit_core::share::{is_share_fragment, parse_link};
use client_fit_core::stored as codec;
use client_fit_core::{evaluate, Audience};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// State restored from storage (or the default).
    #[prop_or_default]
    pub initial: AppState,
    /// Trouble met while restoring, told once.
    #[prop_or_default]
    pub problem: Option<Notice>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer_eq(move || initial);
    let messages = languages::messages(state.lang);
    let dispatch = {
        let state = state.clone();
        Callback::from(move |a: Action| state.dispatch(a))
    };

    {
        let dispatch = dispatch.clone();
        use_effect_with(props.problem, move |problem| {
            if let Some(p) = *problem {
                dispatch.emit(Action::Notify(p));
            }
        });
    }
    // Each saved value as the text stored: one hook instance for all of them (a generic one per
    // type cost the wasm ~2 KB each).
    use_persist(
        storage::progress_key(Audience::Client),
        codec::encode_progress(&state.client, bank(), Audience::Client),
        dispatch.clone(),
    );
    use_persist(
        storage::progress_key(Audience::Specialist),
        codec::encode_progress(&state.specialist, bank(), Audience::Specialist),
        dispatch.clone(),
    );
    use_persist(
        storage::SCREEN_KEY,
        storage::encode_screen(state.screen),
        dispatch.clone(),
    );
    use_persist(
        storage::CALC_KEY,
        codec::encode_plan(&state.calc),
        dispatch.clone(),
    );
    use_persist(
        storage::OPENED_KEY,
        state.opened_fragment().unwrap_or_default(),
        dispatch.clone(),
    );
    use_persist(
        storage::LANG_KEY,
        state.lang.code().to_string(),
        dispatch.clone(),
    );
    use_persist(
        storage::DRAFTS_KEY,
        codec::encode_drafts(&state.drafts()),
        dispatch.clone(),
    );
    use_effect_with(state.lang, |lang| {
        crate::platform::lang::set_document_lang(*lang)
    });
    // The address bar tracks the shared result(s) on screen, so a reload or a bookmark reopens
    // them; a link that failed to open is replaced by what is on screen, so a reload does not
    // repeat it.
    let address = (state.share_fragment(), state.link_error.is_some());
    use_save_on_change(address, dispatch.clone(), |(f, _)| {
        // Not worth a notice: the view works; only the address bar is stale.
        let _ = url::replace_fragment(f);
        Ok(())
    });
    use_host_events(&state, state.config.parent_origin.clone());
    // Keyboard and screen-reader users land on each new question's heading, on the verdict of a
    // result and on the comparison's title.
    let step = state.current_item().map(|(_, step, _)| step);
    use_effect_with((state.screen, step), |(screen, step)| {
        let heading = match screen {
            Screen::Quiz(_) if step.is_some() => question_screen::HEADING,
            Screen::Result(_) | Screen::Shared(_) => result_screen::HEADING,
            Screen::Compare => compare_screen::HEADING,
            _ => return,
        };
        dom::focus_first(heading);
    });
    // A result's summary paints first; its details follow a frame later (see `result_screen`).
    let details_for = use_state_eq(|| None::<Screen>);
    {
        let details_for = details_for.clone();
        use_effect_with(state.screen, move |screen| {
            let screen = *screen;
            if matches!(screen, Screen::Result(_) | Screen::Shared(_)) {
                let show = details_for.clone();
                if !dom::after_next_paint(move || show.set(Some(screen))) {
                    details_for.set(Some(screen));
                }
            } else {
                // Coming back to the result paints the summary first again.
                details_for.set(None);
            }
        });
    }
    let details = !dom::CAN_DEFER || *details_for == Some(state.screen);
    {
        // Another result link opened in this tab changes only the fragment: no reload, so listen.
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let listener = url::on_fragment_change(move |fragment| {
                dispatch.emit(if is_share_fragment(&fragment) {
                    Action::OpenLink(parse_link(bank(), &fragment))
                } else {
                    Action::LinkClosed
                });
            });
            move || drop(listener)
        });
    }

    let body = match state.screen {
        Screen::Start => start_screen(&messages, &state, &dispatch),
        Screen::Quiz(_) => question_screen(&messages, &state, &dispatch),
        Screen::Result(a) | Screen::Shared(a) => result_screen(&state, a, details, &dispatch),
        Screen::Compare => compare_screen(&state, &dispatch),
    };
    html! {
        <div class="cf-app">
            { lang_switcher(&messages, state.lang, &dispatch) }
            if let Some(n) = state.notice {
                { notice_bar(&messages, n, &dispatch.reform(|_| Action::DismissNotice), &dispatch.reform(|_| {
                    // What was saved goes aside first: a clean start destroys nothing, and without
                    // a safe copy there is no start over.
                    match storage::set_all_aside() {
                        Ok(()) => Action::ResetAll,
                        Err(_) => Action::Notify(Notice::ResetFailed),
                    }
                })) }
            }
            if let Some(e) = state.link_error {
                <div class="cf-notice cf-alert" role="alert" data-testid="link-error">
                    <p><strong>{ messages.t("share.opened_error") }</strong>{ " " }{ messages.t(e.message_id()) }</p>
                    { action_button("cf-link", "", messages.t("notice.dismiss"), Action::DismissLinkError, &dispatch) }
                </div>
            }
            { body }
        </div>
    }
}

/// Tells the host page (when embedded) that the app is ready, when a quiz starts or ends, and the
/// content height whenever it changes or the host asks.
#[hook]
fn use_host_events(state: &AppState, origin: Option<String>) {
    {
        let origin = origin.clone();
        use_effect_with((), move |_| {
            let send = move |e: HostEvent| embed::post(&e, origin.as_deref());
            send(HostEvent::Ready);
            let resize = send.clone();
            let watcher = embed::watch_height(move |height| resize(HostEvent::Resize { height }));
            let listener = embed::on_parent_message(&[host::MEASURE], move |_| {
                if let Some(height) = embed::content_height() {
                    send(HostEvent::Resize { height });
                }
            });
            move || drop((watcher, listener))
        });
    }
    // A result is reported only when the quiz was finished in this visit, from its last
    // question: one restored from storage or reopened from the start screen belongs to an
    // earlier visit, which the page now embedding the widget has no claim to.
    let previous = use_mut_ref(|| state.screen);
    let screen = state.screen;
    let finished_here =
        matches!(screen, Screen::Result(a) if *previous.borrow() == Screen::Quiz(a));
    let event = match screen {
        Screen::Quiz(a) => Some(HostEvent::Start { quiz: a }),
        Screen::Result(a) if finished_here => Some(HostEvent::complete(&evaluate(
            bank(),
            a,
            &state.progress(a).answers,
        ))),
        _ => None,
    };
    // Once per quiz opened or finished, not per question.
    use_effect_with(screen, move |screen| {
        *previous.borrow_mut() = *screen;
        if let Some(e) = event {
            embed::post(&e, origin.as_deref());
        }
    });
}

/// Stores `text` under `key` each time it changes after mount. The mounted value is what was
/// restored (or the default when nothing could be read), so writing it back could only overwrite
/// what a full or unreadable storage still holds.
#[hook]
fn use_persist(key: &'static str, text: String, dispatch: Callback<Action>) {
    let last = use_mut_ref(|| text.clone());
    use_effect_with(text, move |t| {
        if *last.borrow() != *t {
            last.borrow_mut().clone_from(t);
            report(&dispatch, storage::save_text(key, t));
        }
    });
}

/// Saves `value` each time it changes after mount. The mounted value is what was restored (or the
/// default when nothing could be read), so writing it back could only overwrite what a full or
/// unreadable storage still holds.
#[hook]
fn use_save_on_change<T, F>(value: T, dispatch: Callback<Action>, save: F)
where
    T: PartialEq + Clone + 'static,
    F: Fn(&T) -> Result<(), storage::StorageError> + 'static,
{
    let last = use_mut_ref(|| value.clone());
    use_effect_with(value, move |v| {
        if *last.borrow() != *v {
            *last.borrow_mut() = v.clone();
            report(&dispatch, save(v));
        }
    });
}

fn report(dispatch: &Callback<Action>, result: Result<(), storage::StorageError>) {
    match result {
        Ok(()) => {}
        Err(storage::StorageError::Unavailable) => {
            dispatch.emit(Action::Notify(Notice::StorageUnavailable))
        }
        Err(_) => dispatch.emit(Action::Notify(Notice::SaveFailed)),
    }
}
