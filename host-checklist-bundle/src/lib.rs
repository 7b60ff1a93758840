//! The same widget as the embed bundle, built with the `host-checklist` feature: hosts that give
//! their own checklist get this bundle, everyone else the smaller one without a JSON decoder.

pub use email_troubleshooter_embed::*;
