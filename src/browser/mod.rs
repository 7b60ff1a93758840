//! The edge: every browser API the widget uses, behind small functions the rest can call.

pub mod checks;
pub mod clipboard;
pub mod clock;
pub mod download;
pub mod host_events;
pub mod host_settings;
pub mod languages;
pub mod location;
pub mod network;
pub mod random;
pub mod share;
pub mod storage;
pub mod translations;
pub mod view;
