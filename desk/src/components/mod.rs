//! The desk's panels.

pub mod files;
