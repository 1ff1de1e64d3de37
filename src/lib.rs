//! Client Fit's web app: the Yew interface over `client_fit_core`, which holds every rule.
//!
//! `ui` renders and holds the pure reducer (`ui::state`), `languages` which language is loaded
//! and shown, `platform` the only code that touches the browser.

pub mod languages;
pub mod platform;
pub mod ui;
