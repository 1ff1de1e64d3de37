//! The agreement sheet page's root component (sheet.html): owns the sheet on screen and the
//! language, keeps the address bar on the sheet as it stands (a reload or a copied address
//! reproduces it), and opens the print dialog.

use yew::prelude::*;

use crate::hooks::use_desk_language;
use crate::pages::sheet::SheetPage;
use crate::platform::files;
use crate::sheet::{NoSheet, SheetState};
use crate::wording::english;
use client_fit::components::lang_switcher::{lang_switcher, LangSwitcherProps};
use client_fit::platform::address;
use client_fit_core::english_bank;
use client_fit_core::i18n::Pack;

#[derive(Properties, PartialEq)]
pub struct SheetAppProps {
    /// The sheet the page was opened with, or why there is none.
    pub sheet: Result<SheetState, NoSheet>,
    /// The language to start in, with the desk's wording.
    pub pack: Pack,
    /// This page's address without its fragment, which the sheet's link extends; `None` when
    /// the page has no address (rendered outside a browser).
    pub page: Option<AttrValue>,
}

impl Default for SheetAppProps {
    fn default() -> SheetAppProps {
        SheetAppProps {
            sheet: Err(NoSheet::Missing),
            pack: english(),
            page: None,
        }
    }
}

#[component]
pub fn SheetApp(props: &SheetAppProps) -> Html {
    let pack = use_state_eq(|| props.pack.clone());
    // A language picked and not loaded: said until a pick succeeds.
    let not_switched = use_state_eq(|| false);
    let on_pick = {
        let (shown, failed) = (not_switched.clone(), not_switched.clone());
        use_desk_language(
            pack.clone(),
            Callback::from(move |_| shown.set(false)),
            Callback::from(move |()| failed.set(true)),
        )
    };
    let m = &pack.messages;
    let body = match &props.sheet {
        Ok(sheet) => html! { <SheetBody sheet={sheet.clone()} page={props.page.clone()} /> },
        Err(why) => html! {
            <main class="cf-sheet">
                <div class="cf-notice" role="status" data-testid="sheet-missing" data-notice={why.message_id()}>
                    <p>{ m.t(why.message_id()) }</p>
                </div>
                <p><a class="cf-primary" href="desk.html">{ m.t("desk.title") }</a></p>
            </main>
        },
    };
    html! {
        <ContextProvider<Pack> context={(*pack).clone()}>
            <div class="cf-app cf-desk">
                { lang_switcher(&LangSwitcherProps { current: pack.lang, on_pick }, m) }
                if *not_switched {
                    <div class="cf-notice" role="status" data-testid="sheet-notice" data-notice="notice.lang_not_switched">
                        <p>{ m.t("notice.lang_not_switched") }</p>
                    </div>
                }
                { body }
            </div>
        </ContextProvider<Pack>>
    }
}

#[derive(Properties, PartialEq)]
struct SheetBodyProps {
    sheet: SheetState,
    page: Option<AttrValue>,
}

#[component]
fn SheetBody(props: &SheetBodyProps) -> Html {
    let initial = props.sheet.clone();
    let state = use_reducer_eq(move || initial);
    let fragment = use_memo((*state).clone(), |sheet| sheet.fragment(english_bank()));
    {
        // The address follows the sheet, without a history entry per keystroke.
        let has_page = props.page.is_some();
        use_effect_with(fragment.clone(), move |fragment| {
            if has_page && fragment.is_some() {
                let _ = address::replace_fragment(fragment);
            }
        });
    }
    let link = props
        .page
        .as_ref()
        .zip(fragment.as_ref().as_ref())
        .map(|(page, f)| AttrValue::from(format!("{page}#{f}")));
    let dispatch = {
        let state = state.clone();
        Callback::from(move |a| state.dispatch(a))
    };
    html! {
        <SheetPage sheet={(*state).clone()} {link} on_action={dispatch} on_print={Callback::from(|()| files::print())} />
    }
}
