use yew::prelude::*;

use crate::platform::dom;
use crate::state::Screen;

/// Whether a result's details may paint: its summary paints first, the rest a frame later, so the
/// click that opens it is answered by a small first paint. True at once where nothing can be
/// deferred (off the browser).
///
/// # Example
/// ```ignore
/// let details = use_deferred(state.screen);
/// ```
#[hook]
pub fn use_deferred(screen: Screen) -> bool {
    let details_for = use_state_eq(|| None::<Screen>);
    {
        let details_for = details_for.clone();
        use_effect_with(screen, move |screen| {
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
    !dom::CAN_DEFER || *details_for == Some(screen)
}
