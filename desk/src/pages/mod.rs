//! The desk's screens: the list and one prospect; the agreement sheet (sheet.html).

pub mod list;
pub mod prospect;
pub mod sheet;
