//! The desk's screens: the list and one prospect.

pub mod list;
pub mod prospect;
