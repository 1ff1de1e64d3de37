//! What screens are made of: panels as components (the fee calculator, the message step, the
//! share panel, the comparison box, the language switcher, the notice bar), and builders for
//! buttons and read-only markup (the profile and fee charts).

pub mod buttons;
pub mod compare_box;
pub mod fee_calculator;
pub mod fee_chart;
pub mod lang_switcher;
pub mod markup;
pub mod message_panel;
pub mod notice_bar;
pub mod profile_chart;
pub mod share_panel;
