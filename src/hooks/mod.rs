//! Custom hooks: state that outlives a render, and effects on the browser.

mod use_check;
mod use_copy;
mod use_focus_on_move;
mod use_outcome;
mod use_troubleshooter;

pub use use_check::{use_check, CheckRunner};
pub use use_copy::{use_copy, Copy};
pub use use_focus_on_move::use_focus_on_move;
pub use use_outcome::{use_outcome, OutcomeFocus, OutcomeUi};
pub use use_troubleshooter::{use_troubleshooter, Msg, Notice, Offer, State};
