//! The desk page's entry point (desk.html): read the desk from storage, pick the language, mount.

#[cfg(target_arch = "wasm32")]
fn main() {
    use std::rc::Rc;

    use client_fit::platform::storage::Local;
    use client_fit::platform::{address, crash, dom, fetch};
    use client_fit_core::desk::ProspectId;
    use client_fit_core::desk_saved::{
        load_desk, load_drafts, load_inviter, load_reminded, quiz_result_to_offer, save_reminded,
        snapshot_since, Earlier, DESK_KEY,
    };
    use client_fit_core::english_bank;
    use client_fit_desk::app::{DeskApp, DeskAppProps};
    use client_fit_desk::platform::catalog;
    use client_fit_desk::platform::files::today;
    use client_fit_desk::platform::page::mount;
    use client_fit_desk::state::{DeskNotice, DeskState, Inviter};
    use client_fit_desk::wording::english;

    let bank = english_bank();
    let today = today();
    let loaded = load_desk(&mut Local, bank);
    let drafts = load_drafts(&mut Local, &loaded.desk, bank);
    // A newer version's index: show what could be read, but write nothing over it.
    let index_held = loaded.held.iter().any(|k| k == DESK_KEY);
    let saving = !loaded.unavailable && !index_held;
    let kept: Vec<ProspectId> = loaded
        .held
        .iter()
        .filter_map(|k| k.strip_prefix(&format!("{DESK_KEY}.")))
        .filter_map(ProspectId::parse)
        .collect();
    // What storage holds now (each prospect's text as read, not encoded again); the index is
    // written again when it lists what was set aside.
    let earlier = Earlier {
        desk: &loaded.desk,
        texts: &loaded.texts,
    };
    let mut stored = snapshot_since(Some(earlier), &loaded.desk, &drafts, &kept, bank);
    if !loaded.set_aside.is_empty() || !loaded.missing.is_empty() {
        stored.remove(DESK_KEY);
    }

    let mut initial = DeskState::new(loaded.desk, drafts, today);
    let mut notices = Vec::new();
    if loaded.unavailable {
        notices.push(DeskNotice::Unavailable);
    }
    if !loaded.set_aside.is_empty() {
        notices.push(DeskNotice::SetAside(loaded.set_aside.len()));
    }
    if !loaded.held.is_empty() {
        notices.push(DeskNotice::Held);
    }
    if !loaded.missing.is_empty() {
        notices.push(DeskNotice::Missing(loaded.missing.len()));
    }
    // The export reminder: once, then not again for 30 days.
    let first_change = initial.desk.prospects.iter().map(|p| p.created).min();
    let reminded = load_reminded(&mut Local);
    let due = first_change.is_some_and(|first| initial.desk.export_due(today, first))
        && reminded.is_none_or(|r| today.0 - r.0 >= 30);
    if due && saving && save_reminded(&mut Local, today).is_ok() {
        notices.push(DeskNotice::ExportDue);
    }
    initial.notices = notices;
    // A specialist quiz just finished on the quizzes' page: offered as the first assessment of
    // the next prospect, once.
    let offered = quiz_result_to_offer(&mut Local, bank).map(|(answers, token)| {
        initial.incoming = Some(answers);
        token
    });
    if let Some((name, contact)) = load_inviter(&mut Local) {
        initial.inviter = Inviter { name, contact };
    }
    // The quizzes' page: this folder (`…/desk.html?…` → `…/`), for invitations and links.
    let quiz_page = address::current_href()
        .map(|href| {
            let page = href.split(['?', '#']).next().unwrap_or_default();
            page.rsplit_once('/')
                .map_or(page, |(folder, _)| folder)
                .to_owned()
                + "/"
        })
        .unwrap_or_else(|| "./".to_owned());

    let wanted = catalog::wanted();
    fetch::spawn(async move {
        let pack = match catalog::language(wanted).await {
            Ok(pack) => pack,
            Err(_) => {
                initial.notices.push(DeskNotice::LanguageUnavailable);
                english()
            }
        };
        initial.lang = pack.lang;
        dom::set_document_lang(pack.lang);
        let props = DeskAppProps {
            initial,
            pack,
            stored: Rc::new(stored),
            kept,
            saving,
            quiz_page: quiz_page.into(),
            offered,
        };
        mount::<DeskApp>(props);
        crash::install();
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "The desk runs in the browser: `make serve`, then open http://127.0.0.1:8080/desk.html"
    );
}

// SAFETY: this wasm32 build has no threads, which is what AssumeSingleThreaded requires.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
