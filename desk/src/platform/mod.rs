//! The desk's own reach into the browser: its catalogs, files, the clock, fresh ids, mounting
//! the page.

pub mod catalog;
pub mod files;
pub mod page;
