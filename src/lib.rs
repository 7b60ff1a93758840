//! Email Troubleshooter: an embeddable checklist for a mail app that cannot connect to its mailbox.

pub mod browser;
pub mod components;
pub mod content;
pub mod embed;
pub mod hooks;

/// The pure core, its own crate so that it has no browser or Yew to reach for.
pub use email_troubleshooter_model as model;

/// The widget's styles (`styles/widget.css`, minified by `build.rs`), for its shadow root only.
/// The embed script gets them from `widget-styles.js`, which the build writes from this, and
/// hands them to the wasm: the embed bundle's wasm carries no copy of its own.
pub const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

// The wasm runs on one thread (no atomics, no workers share its memory), which is what
// AssumeSingleThreaded needs to be sound.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: see above; this module is never used from more than one thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
