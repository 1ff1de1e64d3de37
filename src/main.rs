//! Browser entry point: read the address and what was saved, load the language, mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    use std::rc::Rc;

    use client_fit::app::{App, AppProps};
    use client_fit::platform::{address, clipboard, crash, dom, embed, fetch, storage};
    use client_fit::state::{reduce, Action, AppState, Environment, Notice, Screen};
    use client_fit_core::config::{share_base, AllowList, Config, QuizChoice};
    use client_fit_core::i18n::{Lang, Pack};
    use client_fit_core::money::PlanInput;
    use client_fit_core::saved::Trouble;
    use client_fit_core::{english_bank, share};

    let search = address::current_search().unwrap_or_default();
    // "Start over" from the crash screen: with this tab's token, saved answers go aside and the
    // app opens clean; a `reset` anyone could have written only makes the app ask. Either way the
    // parameter leaves the address (a reload must not ask again); the rest of the query stays.
    let reset_notice = crash::asks_reset(&search).and_then(|token| {
        let _ = address::replace_search(&crash::without_reset(&search));
        if !storage::redeem_reset(token) {
            Some(Notice::ResetAsked)
        } else {
            storage::set_all_aside().err().map(|_| Notice::ResetFailed)
        }
    });
    let (mut config, mut warnings) = Config::from_query(&search);
    // Who the agency is and where results go: the deployment's list, not the link, decides.
    let allowed = AllowList::from_meta(
        &dom::meta_contents("client-fit-agency"),
        &dom::meta_contents("client-fit-contact"),
    );
    warnings.extend(config.enforce(allowed.as_ref()));
    for w in &warnings {
        embed::warn(&format!(
            "Client Fit: the `{}` parameter {}; it was ignored.",
            w.param, w.why
        ));
    }
    // `fit=1` turns inner scrolling off, which only the loader's frame (sized to fit) can afford.
    embed::apply_theme(config.accent.as_deref(), config.fit && embed::in_frame());
    embed::forward_escape(config.parent_origin.clone());

    let bank = english_bank();
    let mut restored = storage::restore(bank);
    let screen = match config.quiz {
        QuizChoice::Quiz(a) => Screen::Quiz(a),
        QuizChoice::Chooser => Screen::Start,
        QuizChoice::Resume => restored.screen.map_or(Screen::Start, Screen::Quiz),
    };
    if let Some(currency) = config.currency {
        // The agency's currency is the default; a person's own saved choice wins.
        if restored.calc == PlanInput::default() {
            restored.calc.currency = currency;
        }
    }
    let mut initial = AppState::new(screen, restored.client, restored.specialist, restored.calc);
    initial.bad_link = config.bad_quiz;
    initial.held = restored.held;
    initial.restore_opened(restored.opened);
    initial.restore_drafts(restored.drafts);
    // A result link (`#r=…`) wins over the saved screen and `?quiz=`.
    if let Some(fragment) = address::current_fragment().filter(|f| share::is_share_fragment(f)) {
        let opened = share::parse_link(bank, &fragment);
        if opened.is_err() {
            // Said once, on screen; a reload should not say it again.
            let _ = address::replace_fragment(&None);
        }
        initial = reduce(&initial, Action::OpenLink(opened));
    }
    // Language: the reader's own pick in the switcher, else the link's `lang=`, else the
    // browser's list, else English.
    let browser = dom::preferred_languages();
    let wanted = Lang::negotiate(
        restored
            .lang
            .iter()
            .map(String::as_str)
            .chain(config.lang.map(Lang::code))
            .chain(browser.iter().map(String::as_str)),
    );
    let env = Environment {
        page_address: address::current_href().map(|href| share_base(&href, &config)),
        can_share: clipboard::can_share(),
    };
    initial.config = Rc::new(config);
    let trouble = restored.trouble.map(|t| match t {
        Trouble::Unavailable => Notice::StorageUnavailable,
        Trouble::Unreadable => Notice::SavedDataUnreadable,
        Trouble::Newer => Notice::SavedByNewerVersion,
        Trouble::ReadOnly => Notice::SaveFailed,
    });
    let problem = reset_notice.or(trouble);
    // Until the catalog arrives the page keeps its static "Loading…" text.
    fetch::spawn(async move {
        let (pack, problem) = match fetch::language(wanted).await {
            Ok(pack) => (pack, problem),
            Err(_) => (
                Pack::english(),
                problem.or(Some(Notice::LanguageUnavailable)),
            ),
        };
        initial.lang = pack.lang;
        dom::set_document_lang(pack.lang);
        if let Some(problem) = problem {
            initial = reduce(&initial, Action::Notify(problem));
        }
        let props = AppProps { initial, pack, env };
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("client-fit"));
        match root {
            Some(el) => {
                // The static "Loading…" placeholder goes once the app can draw.
                el.set_inner_html("");
                yew::Renderer::<App>::with_root_and_props(el, props).render()
            }
            None => yew::Renderer::<App>::with_props(props).render(),
        };
        crash::install();
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Client Fit runs in the browser: `make serve`, then open http://127.0.0.1:8080");
}

// SAFETY: this wasm32 build has no threads, which is what AssumeSingleThreaded requires.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
