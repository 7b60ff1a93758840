//! Custom hooks: state that outlives a render, and effects on the browser. The one hook that
//! carries out the session's effects is `use_troubleshooter`.

mod use_browser;
mod use_check;
mod use_copy;
mod use_host;
mod use_troubleshooter;

/// For a component that moves focus itself (a confirm it opens).
pub use crate::browser::view::focus_showing;
pub use use_browser::{
    use_browser_description, use_media_query, use_page_for_sharing, use_share, Download,
    RandomBytes,
};
pub use use_check::{use_check, CheckRunner};
pub use use_copy::{use_copy, Copy};
pub use use_host::{use_host_events, use_shadow_container};
pub use use_troubleshooter::{use_troubleshooter, Msg, State, Troubleshooting};
