//! The specialist's desk (desk.html): every prospect a specialist vets, with its stage, notes and
//! dated assessments, the ranked list, verdicts against outcomes, and the desk's files; and the
//! agreement sheet (sheet.html, `sheet` and `sheet_app`), a second page of this crate. A page of
//! its own over the quizzes' crate (`client_fit`: the question page, buttons, language switcher,
//! storage, catalog fetch) and the core (`client_fit_core::desk`, `desk_saved`: every rule).
//!
//! `app` owns the state (the pure reducer in `state`) and the language context; `pages` and
//! `components` draw it; `platform` is the desk's own reach into the browser (files, the clock).

pub mod app;
pub mod components;
pub mod hooks;
pub mod pages;
pub mod platform;
pub mod sheet;
pub mod sheet_app;
pub mod state;
pub mod wording;
