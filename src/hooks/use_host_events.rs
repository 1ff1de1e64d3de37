use yew::prelude::*;

use super::evaluated;
use crate::platform::embed;
use crate::state::Screen;
use client_fit_core::host::{self, HostEvent};
use client_fit_core::Answers;

/// Tells the host page (when embedded, and its origin is known) that the app is ready, when a
/// quiz starts, when one is finished in this visit, and the content height whenever it changes or
/// the host asks. A result restored from storage or reopened from the start screen belongs to an
/// earlier visit, which the page now embedding the widget has no claim to.
///
/// # Example
/// ```ignore
/// use_host_events(state.screen, answers_on_screen, state.config.parent_origin.clone());
/// ```
#[hook]
pub fn use_host_events(screen: Screen, answers: Option<Answers>, origin: Option<String>) {
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
    let previous = use_mut_ref(|| screen);
    // Once per quiz opened or finished, not per question.
    use_effect_with(screen, move |screen| {
        let before = std::mem::replace(&mut *previous.borrow_mut(), *screen);
        let event = match *screen {
            Screen::Quiz(a) => Some(HostEvent::Start { quiz: a }),
            Screen::Result(a) if before == Screen::Quiz(a) => answers
                .as_ref()
                .map(|answers| HostEvent::complete(&evaluated(a, answers))),
            _ => None,
        };
        if let Some(e) = event {
            embed::post(&e, origin.as_deref());
        }
    });
}
