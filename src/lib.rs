//! The Email Troubleshooter: an interactive checklist for people whose mail app can't connect to
//! their mailbox, as a Yew component.
//!
//! [`EmailTroubleshooter`] is the whole widget. Its properties are the settings of the
//! `<email-troubleshooter>` element, named as its attributes in snake case and read by the same
//! rules; it draws itself in a shadow root of its own with its stylesheet, and tells the page
//! what happens with the same DOM events as the element. The visitor's progress is kept in
//! `localStorage`, under [`storage_key`](EmailTroubleshooterProps::storage_key).
//!
//! ```no_run
//! use email_troubleshooter::{EmailTroubleshooter, Theme};
//! use yew::prelude::*;
//!
//! #[component]
//! fn App() -> Html {
//!     html! {
//!         <main>
//!             <h1>{ "Cannot connect to email" }</h1>
//!             <EmailTroubleshooter storage_key="help" theme={Theme::Light}
//!                 provider_name="Example Mail" admin_contact="helpdesk@example.com" />
//!         </main>
//!     }
//! }
//!
//! fn main() {
//!     yew::Renderer::<App>::new().render();
//! }
//! ```
//!
//! The component needs a browser (Yew's `csr` renderer) and is built for
//! `wasm32-unknown-unknown`. Every language the widget speaks is compiled in. The version of
//! this crate is the widget's, under semantic versioning: the items documented here are the
//! stable API; the crate's other public modules serve its own bundles and tests and may
//! change in any release.

#![warn(missing_docs)]

pub use components::{EmailTroubleshooter, EmailTroubleshooterProps, Heading};
pub use email_troubleshooter_model::{Theme, VERSION};

/// The widget's stylesheet (minified), written for a shadow root: it styles the widget through
/// `:host` and its own class names and sets nothing outside.
///
/// [`EmailTroubleshooter`] adopts it in its own shadow root by default. An app that draws the
/// component in a shadow root of its own (with
/// [`shadow_root={false}`](EmailTroubleshooterProps::shadow_root)) puts this stylesheet there.
///
/// ```
/// // For a constructed stylesheet: `CssStyleSheet::new()?.replace_sync(WIDGET_CSS)`.
/// let css = email_troubleshooter::WIDGET_CSS;
/// assert!(css.contains(":host"));
/// ```
pub const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

// The widget's parts. Public for the embed bundle (embed-bundle/), the content export and the
// tests, which build on them; hidden from the documentation because they are not the stable
// API and are not covered by semver: they change with the widget.
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
/// The pure core, its own crate so that it has no browser or Yew to reach for.
#[doc(hidden)]
pub use email_troubleshooter_model as model;
