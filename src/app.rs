//! The root component: owns the state and the language on screen, saves what changes, talks to the
//! host page, and shows the page for the current screen.

use yew::prelude::*;

use crate::components::buttons::{action_button, desk_link};
use crate::components::lang_switcher::{lang_switcher, LangSwitcherProps, SELECT_ID};
use crate::components::markup::Markup;
use crate::components::notice_bar::{notice_bar, NoticeBarProps};
use crate::hooks::{use_deferred, use_focus, use_fragment, use_host_events, use_persist};
use crate::pages::compare::{compare_page, CompareProps};
use crate::pages::question::{question_page, QuestionProps};
use crate::pages::start::{start_page, StartProps};
use crate::pages::{QuizStatus, ResultPage};
use crate::platform::{crash, dom, fetch, storage};
use crate::state::{Action, AppState, Environment, Notice, Screen};
use std::rc::Rc;

use client_fit_core::compare::{compare, Comparison};
use client_fit_core::i18n::{Lang, Messages, Pack};
use client_fit_core::progress::mirror;
use client_fit_core::saved::{self, progress_key};
use client_fit_core::stored;
use client_fit_core::{english_bank, share, Audience};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// State restored from storage (or the default), with any trouble met on the way already
    /// told to it (`Action::Notify`).
    #[prop_or_default]
    pub initial: AppState,
    /// The language to start in, loaded (English unless another was asked for and arrived).
    #[prop_or_else(Pack::english)]
    pub pack: Pack,
    #[prop_or_default]
    pub env: Environment,
}

impl Default for AppProps {
    fn default() -> AppProps {
        AppProps {
            initial: AppState::default(),
            pack: Pack::english(),
            env: Environment::default(),
        }
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer_eq(move || initial);
    // One callback for the page's life, so a child whose other props are unchanged is not
    // rendered again only because its callback is new.
    let dispatch = Callback::from(state.dispatcher());
    let pack = use_state_eq(|| props.pack.clone());
    let on_pick = use_language_picker(pack.clone(), dispatch.clone());

    let held = |key: &str| state.held.contains(&key);
    let bank = english_bank();
    let (client, specialist) = (Audience::Client, Audience::Specialist);
    use_persist(
        progress_key(client),
        stored::encode_progress(&state.client, bank, client),
        held(progress_key(client)),
        dispatch.clone(),
    );
    use_persist(
        progress_key(specialist),
        stored::encode_progress(&state.specialist, bank, specialist),
        held(progress_key(specialist)),
        dispatch.clone(),
    );
    let screen_text = state.screen.audience().map_or("", Audience::id).to_string();
    use_persist(
        saved::SCREEN_KEY,
        screen_text,
        held(saved::SCREEN_KEY),
        dispatch.clone(),
    );
    use_persist(
        saved::CALC_KEY,
        stored::encode_plan(&state.calc),
        held(saved::CALC_KEY),
        dispatch.clone(),
    );
    use_persist(
        saved::OPENED_KEY,
        state.opened_fragment().unwrap_or_default(),
        held(saved::OPENED_KEY),
        dispatch.clone(),
    );
    use_persist(
        saved::LANG_KEY,
        state.lang.code().to_string(),
        held(saved::LANG_KEY),
        dispatch.clone(),
    );
    use_persist(
        saved::DRAFTS_KEY,
        stored::encode_drafts(&state.drafts()),
        held(saved::DRAFTS_KEY),
        dispatch.clone(),
    );
    use_fragment(
        state.share_fragment(),
        state.link_error.is_some(),
        dispatch.clone(),
    );
    let finished_answers = match state.screen {
        Screen::Result(a) => Some(state.progress(a).answers.clone()),
        _ => None,
    };
    use_host_events(
        state.screen,
        state.current_item().map(|(a, step, _)| (a, step)),
        finished_answers,
        state.config.parent_origin.clone(),
    );
    use_focus(state.screen, state.current_item().map(|(_, step, _)| step));
    let details = use_deferred(state.screen);
    // The two sides put beside each other, worked out again only when a side changes.
    let comparison = use_memo(
        (state.shared.client.clone(), state.shared.specialist.clone()),
        |(client, specialist)| {
            let (c, s) = (client.clone(), specialist.clone());
            compare(
                english_bank(),
                &c.unwrap_or_default(),
                &s.unwrap_or_default(),
            )
        },
    );

    let on_reset = dispatch.reform(|_| {
        // What was saved goes aside first: a clean start destroys nothing, and without a safe
        // copy there is no start over.
        match storage::set_all_aside() {
            Ok(()) => Action::ResetAll,
            Err(_) => Action::Notify(Notice::ResetFailed),
        }
    });
    let m = &pack.messages;
    html! {
        <ContextProvider<Pack> context={(*pack).clone()}>
            <div class="cf-app">
                { lang_switcher(&LangSwitcherProps { current: state.lang, on_pick }, m) }
                if let Some(n) = state.notice {
                    { notice_bar(&NoticeBarProps { notice: n, on_dismiss: dispatch.reform(|_| Action::DismissNotice), on_reset }, m) }
                }
                if let Some(e) = state.link_error {
                    <div class="cf-notice cf-alert" role="alert" data-testid="link-error">
                        <p><strong>{ m.t("share.opened_error") }</strong>{ " " }{ m.t(e.message_id()) }</p>
                        { action_button("cf-link", "", m.t("notice.dismiss"), Action::DismissLinkError, &dispatch) }
                    </div>
                }
                { page(&state, details, &props.env, &dispatch, &pack, comparison) }
                { crash_texts(m) }
            </div>
        </ContextProvider<Pack>>
    }
}

/// The crash screen's wording in the language on screen, kept in the page for a panic to use
/// (`platform::crash`).
fn crash_texts(m: &Messages) -> Html {
    let texts: Vec<(&'static str, String)> = crash::TEXTS
        .iter()
        .map(|(name, key)| (*name, m.t(key)))
        .collect();
    let mut attrs: Vec<(&'static str, &str)> = vec![("id", crash::TEXTS_ID)];
    attrs.extend(texts.iter().map(|(name, text)| (*name, text.as_str())));
    let mut h = Markup::new();
    h.open("template", &attrs).close("template");
    h.into_html()
}

/// The page of the current screen, with its props taken from the state.
fn page(
    state: &AppState,
    details: bool,
    env: &Environment,
    dispatch: &Callback<Action>,
    lang: &Pack,
    comparison: Rc<Comparison>,
) -> Html {
    let bank = english_bank();
    let status = |a: Audience| QuizStatus {
        step: state.progress(a).step,
        finished: state.progress(a).finished(bank, a),
    };
    let on_action = dispatch.clone();
    match state.screen {
        Screen::Start => html! {
            { start_page(&StartProps { agency: state.config.agency.clone().map(AttrValue::from), bad_link: state.bad_link,
                client: status(Audience::Client), specialist: status(Audience::Specialist),
                desk: !state.config.hide_desk, on_action }, lang) }
        },
        Screen::Quiz(_) => match state.current_item() {
            Some((audience, step, item)) => html! {
                { question_page(&QuestionProps { audience, step,
                    selected: state.progress(audience).answers.get(item.id()).map(|o| AttrValue::from(String::from(o.clone()))),
                    on_action }, lang) }
            },
            None => html! {},
        },
        Screen::Result(a) | Screen::Shared(a) => {
            let shared = matches!(state.screen, Screen::Shared(_));
            let other = mirror(a);
            let link = (!shared)
                .then(|| state.own_token(a))
                .flatten()
                .zip(env.page_address.as_deref())
                .map(|(token, base)| {
                    AttrValue::from(format!("{base}#{}", share::fragment(&[token])))
                });
            html! { <>
                <ResultPage audience={a} answers={state.result_answers(a).cloned().unwrap_or_default()}
                    {shared} {details} {link} calc={state.calc.clone()} calc_plan={state.calc_plan}
                    drafts={state.drafts()} copied={state.copied}
                    config={state.config.clone()}
                    paste_error={state.paste_error}
                    mine_ready={shared && state.progress(other).finished(bank, other)}
                    opened_ready={!shared && state.shared.get(other).is_some()}
                    can_share={env.can_share} {on_action} />
                // The desk offers to keep this result (read from storage) as a prospect's.
                if details && !shared && a == Audience::Specialist && !state.config.hide_desk {
                    <p>{ desk_link(&lang.messages) }</p>
                }
            </> }
        }
        Screen::Compare => {
            let link = state
                .share_fragment()
                .zip(env.page_address.as_deref())
                .map(|(f, base)| AttrValue::from(format!("{base}#{f}")));
            let props = CompareProps {
                comparison,
                link,
                copied: state.copied.map(|(_, o)| o),
                can_share: env.can_share,
                on_action,
            };
            compare_page(&props, lang)
        }
    }
}

/// What picking a language in the switcher does: show it at once when loaded before, else fetch
/// its catalog; a catalog that settles after the reader picked another says nothing, and one that
/// fails leaves the page (and the menu) as it was with a notice.
#[hook]
fn use_language_picker(pack: UseStateHandle<Pack>, dispatch: Callback<Action>) -> Callback<Lang> {
    let loaded = use_mut_ref(|| vec![(*pack).clone()]);
    // Each pick's number: only the latest pick's load may change the page (the same language
    // picked twice is two picks).
    let latest = use_mut_ref(|| 0u32);
    Callback::from(move |wanted: Lang| {
        let pick = {
            let mut latest = latest.borrow_mut();
            *latest = latest.wrapping_add(1);
            *latest
        };
        let known = loaded.borrow().iter().find(|p| p.lang == wanted).cloned();
        let show = {
            let (pack, dispatch) = (pack.clone(), dispatch.clone());
            move |p: Pack| {
                let lang = p.lang;
                crate::platform::dom::set_document_lang(lang);
                pack.set(p);
                dispatch.emit(Action::SetLang(lang));
            }
        };
        if let Some(p) = known.or_else(|| (wanted == Lang::En).then(Pack::english)) {
            show(p);
            return;
        }
        let (loaded, latest, pack, dispatch) = (
            loaded.clone(),
            latest.clone(),
            pack.clone(),
            dispatch.clone(),
        );
        fetch::spawn(async move {
            let result = fetch::language(wanted).await;
            if *latest.borrow() != pick {
                return;
            }
            match result {
                Ok(p) => {
                    loaded.borrow_mut().push(p.clone());
                    show(p);
                }
                Err(_) => {
                    // The menu shows the language still on screen.
                    dom::set_select_value(SELECT_ID, pack.lang.code());
                    dispatch.emit(Action::Notify(Notice::LanguageNotSwitched));
                }
            }
        });
    })
}
