//! Email Troubleshooter: an embeddable checklist for a mail app that cannot connect to its mailbox.

pub mod browser;
pub mod components;
pub mod content;
pub mod embed;
pub mod hooks;

/// The pure core, its own crate so that it has no browser or Yew to reach for.
pub use email_troubleshooter_model as model;
