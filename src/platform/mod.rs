//! The only code that touches the browser. Every call returns a `Result` or an `Option`; on the
//! native target (tests, SSR) storage reports itself unavailable instead of panicking.

pub mod clipboard;
pub mod crash;
pub mod dom;
pub mod embed;
pub mod lang;
pub mod storage;
pub mod url;
