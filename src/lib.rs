//! Client Fit: mirrored "Am I a good client?" / "Should I take this client?" quizzes.
//!
//! `quiz` is the pure expert core, `i18n` the message catalog, `ui` the Yew interface and its
//! reducer, `platform` the only code that touches the browser.

pub mod config;
#[doc(hidden)]
pub mod fuzz_targets;
pub mod host;
pub mod i18n;
pub mod platform;
pub mod quiz;
pub mod ui;
