//! Email Troubleshooter: an embeddable checklist for a mail app that cannot connect to its mailbox.

pub mod browser;
pub mod components;
pub mod content;
pub mod embed;
pub mod hooks;
pub mod model;
