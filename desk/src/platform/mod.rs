//! The desk's own reach into the browser: files, the clock, fresh ids, mounting the page.

pub mod files;
pub mod page;
