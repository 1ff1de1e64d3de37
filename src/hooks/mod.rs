//! The app's hooks, one per file: what a component asks of the language, storage, the address and
//! the host page, each behind one intention-named call.

mod use_deferred;
mod use_evaluation;
mod use_focus;
mod use_fragment;
mod use_host_events;
mod use_language;
mod use_persist;

pub use use_deferred::use_deferred;
pub use use_evaluation::{evaluated, evaluations, use_evaluation};
pub use use_focus::use_focus;
pub use use_fragment::use_fragment;
pub use use_host_events::use_host_events;
pub use use_language::use_language;
pub use use_persist::use_persist;
