//! The only code that touches the browser: storage, the address, the clipboard and share sheet,
//! the catalog fetch, messages to and from an embedding page, the crash screen, small DOM helpers.
//! Every call returns a `Result` or an `Option`; none runs during render (only in effects and
//! handlers), so components render natively in tests.

pub mod address;
pub mod clipboard;
pub mod crash;
pub mod dom;
pub mod embed;
pub mod fetch;
pub mod storage;
