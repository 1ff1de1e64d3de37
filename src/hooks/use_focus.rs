use yew::prelude::*;

use crate::platform::dom;
use crate::state::Screen;

/// Where keyboard focus lands on each screen: a new question's heading, a result's verdict, the
/// comparison's title. Keyboard and screen-reader users start reading there.
pub const QUESTION_HEADING: &str = ".cf-question h2";
pub const RESULT_HEADING: &str = "[data-testid=verdict]";
pub const COMPARE_HEADING: &str = ".cf-compare h1";

/// Moves focus to the heading of what is on screen whenever the screen or the question changes.
///
/// # Example
/// ```ignore
/// use_focus(state.screen, state.current_item().map(|(_, step, _)| step));
/// ```
#[hook]
pub fn use_focus(screen: Screen, step: Option<usize>) {
    use_effect_with((screen, step), |(screen, step)| {
        let heading = match screen {
            Screen::Quiz(_) if step.is_some() => QUESTION_HEADING,
            Screen::Result(_) | Screen::Shared(_) => RESULT_HEADING,
            Screen::Compare => COMPARE_HEADING,
            _ => return,
        };
        dom::focus_first(heading);
    });
}
