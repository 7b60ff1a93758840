//! Email Troubleshooter: an embeddable checklist for a mail app that cannot connect to its mailbox.

/// The pure core, its own crate so that it has no browser or Yew to reach for.
pub use email_troubleshooter_model as model;

/// The widget's styles (`styles/widget.css`, minified by `build.rs`), for its shadow root only.
/// The embed script gets them from `widget-styles.js`, which the build writes from this, and
/// hands them to the wasm: the embed bundle's wasm carries no copy of its own.
pub const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

// The widget's parts. Public for the embed bundle (embed-bundle/), the content export and the
// tests, which build on them; hidden from the documentation because they are not the stable
// API: they change with the widget, whatever the version number says.
#[doc(hidden)]
pub mod browser;
#[doc(hidden)]
pub mod components;
#[doc(hidden)]
pub mod content;
#[doc(hidden)]
pub mod embedding;
#[doc(hidden)]
pub mod hooks;
