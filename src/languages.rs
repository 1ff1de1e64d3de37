//! Which languages are loaded and which is on screen.

use std::cell::RefCell;
use std::rc::Rc;

use client_fit_core::i18n::{Lang, Messages, Pack};
use client_fit_core::{english_bank, Bank};

thread_local! {
    static LOADED: RefCell<Vec<(Lang, Pack)>> = const { RefCell::new(Vec::new()) };
    static CURRENT: RefCell<Lang> = const { RefCell::new(Lang::En) };
    static SHOWN: std::cell::Cell<Option<&'static Bank>> = const { std::cell::Cell::new(None) };
}

/// The question bank in the language on screen (English until another is chosen).
pub fn bank() -> &'static Bank {
    SHOWN
        .with(std::cell::Cell::get)
        .unwrap_or_else(english_bank)
}

/// Remembers a loaded language.
pub fn register(lang: Lang, pack: Pack) {
    LOADED.with(|l| {
        let mut l = l.borrow_mut();
        l.retain(|(x, _)| *x != lang);
        l.push((lang, pack));
    });
}

/// Whether `lang` can be shown without fetching.
pub fn is_loaded(lang: Lang) -> bool {
    lang == Lang::En || LOADED.with(|l| l.borrow().iter().any(|(x, _)| *x == lang))
}

/// Makes `lang` the one shown (content included); false when it is not loaded.
pub fn activate(lang: Lang) -> bool {
    let bank: Option<&'static Bank> = if lang == Lang::En {
        Some(english_bank())
    } else {
        LOADED.with(|l| {
            l.borrow()
                .iter()
                .find(|(x, _)| *x == lang)
                // A handful of languages per session at most, each kept for the page's life.
                .map(|(_, p)| &*Box::leak(Box::new((*p.bank).clone())))
        })
    };
    match bank {
        Some(b) => {
            SHOWN.with(|s| s.set(Some(b)));
            CURRENT.with(|c| *c.borrow_mut() = lang);
            true
        }
        None => false,
    }
}

/// The language shown now.
pub fn current() -> Lang {
    CURRENT.with(|c| *c.borrow())
}

/// The UI strings of the language on screen without any chance of panicking (for the crash
/// screen, which runs while something else may hold the registry): `None` if it is busy.
pub fn try_current_messages() -> Option<Rc<Messages>> {
    let lang = CURRENT
        .try_with(|c| c.try_borrow().ok().map(|l| *l))
        .ok()??;
    if lang == Lang::En {
        return Some(english());
    }
    LOADED
        .try_with(|l| {
            l.try_borrow().ok().and_then(|l| {
                l.iter()
                    .find(|(x, _)| *x == lang)
                    .map(|(_, p)| p.messages.clone())
            })
        })
        .ok()?
}

/// The UI strings of `lang`, English when it is not loaded.
pub fn messages(lang: Lang) -> Rc<Messages> {
    LOADED
        .with(|l| {
            l.borrow()
                .iter()
                .find(|(x, _)| *x == lang)
                .map(|(_, p)| p.messages.clone())
        })
        .unwrap_or_else(english)
}

fn english() -> Rc<Messages> {
    thread_local! {
        static EN: Rc<Messages> = Messages::english();
    }
    EN.with(Rc::clone)
}
