use yew::prelude::*;

use super::evaluated;
use crate::platform::embed;
use crate::state::Screen;
use client_fit_core::host::{self, HostEvent};
use client_fit_core::{english_bank, Answers, Audience};

/// Tells the host page (when embedded, and its origin is known) that the app is ready, when a
/// quiz starts, which question is on screen, when one is finished in this visit, and the content
/// height whenever it changes or the host asks. A result restored from storage or reopened from the start screen belongs to an earlier
/// visit, which the page now embedding the widget has no claim to.
///
/// # Example
/// ```ignore
/// use_host_events(state.screen, question_on_screen, answers_on_screen, origin);
/// ```
#[hook]
pub fn use_host_events(
    screen: Screen,
    question: Option<(Audience, usize)>,
    answers: Option<Answers>,
    origin: Option<String>,
) {
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
    let previous = use_mut_ref(|| None);
    // Start and complete once per quiz opened or finished; progress for each question shown.
    use_effect_with((screen, question), move |&(screen, question)| {
        let before = previous.borrow_mut().replace(screen);
        let event = match screen {
            Screen::Quiz(a) if before != Some(screen) => Some(HostEvent::Start { quiz: a }),
            Screen::Result(a) if before == Some(Screen::Quiz(a)) => answers
                .as_ref()
                .map(|answers| HostEvent::complete(&evaluated(a, answers))),
            _ => None,
        };
        let progress = question.map(|(quiz, step)| HostEvent::Progress {
            quiz,
            question: step as u32 + 1,
            total: english_bank().step_count(quiz) as u32,
        });
        for e in event.into_iter().chain(progress) {
            embed::post(&e, origin.as_deref());
        }
    });
}
