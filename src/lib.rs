//! Client Fit's web app: the Yew interface over `client_fit_core`, which holds every rule.
//!
//! `app` owns the state (the pure reducer in `state`) and provides the language to `pages` and
//! `components` through a context; `hooks` connect them to storage, the address and the host page;
//! `platform` is the only code that touches the browser.

pub mod app;
pub mod components;
pub mod hooks;
pub mod pages;
pub mod platform;
pub mod state;
