//! The desk's panels.

pub mod files;
pub mod link_box;
pub mod returned;
