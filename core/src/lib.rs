//! Client Fit's expert core: everything the app knows and decides, with no browser or UI
//! dependency (its manifest has no yew, web-sys, js-sys, wasm-bindgen or gloo, so the compiler
//! keeps it that way). The web app in the parent crate renders what this crate computes.
//!
//! - content and its validation (`content`, the compiled English bank in `embedded`);
//! - the judgement: `evaluate`, `fee`, `money`, `compare`;
//! - what travels and what is kept: `share` (links), `stored` (saved values, their versions and
//!   migrations), `saved` (restoring them, setting them aside, starting over), `config` (address parameters), `host` (events for an embedding page);
//! - words: `i18n` (languages, catalogs), `first_message` (the drafts);
//! - `progress` (a quiz under way), `ids` (question and option ids, named closed sets), and the
//!   small tools `str_map` and `order`.

pub mod agreement;
pub mod chosen;
pub mod compare;
pub mod config;
pub mod content;
pub mod desk;
pub mod desk_saved;
pub mod embedded;
pub mod evaluate;
pub mod fee;
pub mod first_message;
#[doc(hidden)]
pub mod fuzz;
pub mod host;
pub mod html;
pub mod i18n;
pub mod ids;
pub mod money;
pub mod order;
pub mod progress;
pub mod saved;
pub mod share;
pub mod stored;
pub mod str_map;
#[cfg(feature = "testing")]
pub mod testing;

pub use content::{Audience, Band, Bank, Dimension, Temperament};
pub use embedded::english_bank;
pub use evaluate::{evaluate, Answers, Evaluation};
