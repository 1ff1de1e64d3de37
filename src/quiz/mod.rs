//! The expert core: what Client Fit knows about clients, with no browser or UI dependency.

pub mod compare;
pub mod content;
pub mod embedded;
pub mod evaluate;
pub mod fee;
pub mod first_message;
pub mod money;
pub mod order;
pub mod share;
pub mod str_map;

pub use content::{Audience, Band, Bank, Dimension, Temperament};
pub use embedded::bank;
pub use evaluate::{evaluate, Answers, Evaluation};
