//! The interface: one Yew component (`app::App`, which owns the state) and plain functions that
//! render each screen from it and dispatch actions; the logic lives in `quiz` and in the pure
//! reducer in `state`.

pub mod app;
pub mod compare_box;
pub mod compare_screen;
pub mod controls;
pub mod fee_calculator;
pub mod fee_chart;
pub mod lang_switcher;
pub mod markup;
pub mod message_panel;
pub mod notice_bar;
pub mod profile_chart;
pub mod question_screen;
pub mod result_screen;
pub mod share_panel;
pub mod start_screen;
pub mod state;
