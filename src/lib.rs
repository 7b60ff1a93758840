//! Email Troubleshooter: an embeddable checklist for a mail app that cannot connect to its mailbox.

pub mod content;
pub mod model;
