use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

use yew::prelude::*;

use client_fit_core::{english_bank, evaluate, Answers, Audience, Evaluation};

/// How many evaluations ran on this page: a browser test reads it to show that typing in the
/// calculator re-renders without evaluating again.
static EVALUATIONS: AtomicUsize = AtomicUsize::new(0);

/// [`EVALUATIONS`], also as `window.wasmBindings.client_fit_evaluations()`.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = client_fit_evaluations)]
pub fn evaluations() -> usize {
    EVALUATIONS.load(Ordering::Relaxed)
}

/// Evaluates one result; counted.
pub fn evaluated(audience: Audience, answers: &Answers) -> Evaluation {
    EVALUATIONS.fetch_add(1, Ordering::Relaxed);
    // Ids, weights and rules are the same in every language: the English bank decides.
    evaluate(english_bank(), audience, answers)
}

/// The evaluation of `answers` for `audience`, computed again only when they change, not on every
/// render of the page showing it.
///
/// # Example
/// ```ignore
/// let eval = use_evaluation(Audience::Client, answers.clone());
/// html! { <p>{ eval.band.id() }</p> }
/// ```
#[hook]
pub fn use_evaluation(audience: Audience, answers: Answers) -> Rc<Evaluation> {
    use_memo((audience, answers), |(a, answers)| evaluated(*a, answers))
}
