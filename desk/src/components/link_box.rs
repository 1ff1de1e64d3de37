//! A link to hand over: shown in a read-only field (selectable on any device) with a Copy
//! button that says what it did.

use web_sys::Element;
use yew::prelude::*;

use client_fit::components::buttons::button;
use client_fit::hooks::use_language;
use client_fit::platform::clipboard::{self, CopyOutcome};

#[derive(Properties, PartialEq)]
pub struct LinkBoxProps {
    pub label: AttrValue,
    pub link: AttrValue,
    pub testid: AttrValue,
}

#[component]
pub fn LinkBox(props: &LinkBoxProps) -> Html {
    let lang = use_language();
    let m = &*lang.messages;
    let field = use_node_ref();
    let outcome = use_state_eq(|| None::<CopyOutcome>);
    {
        let outcome = outcome.clone();
        use_effect_with(props.link.clone(), move |_| outcome.set(None));
    }
    let copy = {
        let (field, outcome, link) = (field.clone(), outcome.clone(), props.link.to_string());
        Callback::from(move |_: MouseEvent| {
            let outcome = outcome.clone();
            clipboard::copy(link.clone(), field.cast::<Element>(), move |o| {
                outcome.set(Some(o))
            });
        })
    };
    let id = format!("cf-{}", props.testid);
    html! {
        <div class="cf-field cf-link-box">
            <label for={id.clone()}>{ props.label.clone() }</label>
            <div class="cf-row">
                <input id={id} ref={field} type="text" readonly=true value={props.link.clone()}
                    data-testid={props.testid.clone()} />
                { button("cf-secondary", "copy", m.t("share.copy"), copy) }
            </div>
            <p class="cf-muted cf-small" role="status">
                { match *outcome {
                    Some(CopyOutcome::Copied) => m.t("share.copied"),
                    Some(CopyOutcome::Selected) => m.t("share.selected"),
                    None => String::new(),
                } }
            </p>
        </div>
    }
}
