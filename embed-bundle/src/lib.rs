//! What JavaScript sees: `mount(element, settings)`, and the handle that resets or unmounts it.
//!
//! The custom element and the public `mount()` are defined in `embed/email-troubleshooter.js`,
//! because only JavaScript can extend `HTMLElement`; the rest happens in the library's
//! `embedding` module, which these exports wrap. This crate is the embed bundle
//! (`email_troubleshooter_embed_bg.wasm`): the only one with `#[wasm_bindgen]` exports, and the
//! one that chooses the wasm's allocator, so that the library stays a plain Yew library for
//! apps that bring their own.

use email_troubleshooter::embedding;
use wasm_bindgen::prelude::*;
use web_sys::Element;

// The wasm runs on one thread (no atomics, no workers share its memory), which is what
// AssumeSingleThreaded needs to be sound.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: see above; this module is never used from more than one thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

/// A mounted widget.
#[wasm_bindgen]
pub struct Widget(embedding::Widget);

#[wasm_bindgen]
impl Widget {
    /// Clears every answer, as "Start again" does, without asking.
    pub fn reset(&self) {
        self.0.reset();
    }

    /// Unmounts the widget, removes its listeners, and shows the element's own content again.
    pub fn destroy(&mut self) {
        self.0.destroy();
    }
}

/// A widget about to be mounted: the host's settings read once, and its language chosen, so
/// the embed script can fetch that language's texts before [`Mounting::mount`].
#[wasm_bindgen]
pub struct Mounting(embedding::Mounting);

/// Reads `host`'s settings (with `settings` from `mount()`, if any) for a widget to mount.
#[wasm_bindgen]
pub fn prepare(host: Element, settings: JsValue) -> Mounting {
    Mounting(embedding::prepare(host, settings))
}

#[wasm_bindgen]
impl Mounting {
    /// The built-in language whose `locale-<lang>.js` must be fetched first: `undefined` for
    /// English, and in the bundle that has every language compiled in.
    #[wasm_bindgen(getter)]
    pub fn translation_needed(&self) -> Option<String> {
        self.0.translation_needed()
    }

    /// Renders the troubleshooter into the element's open shadow root. `translation` is the
    /// default export of the `locale-<lang>.js` that `translation_needed` named (anything else,
    /// or nothing, leaves the widget in English with a notice saying so). `styles` is the
    /// widget's stylesheet (a `CSSStyleSheet`, or its text where those can't be made).
    /// `answer` and `continued` are what the visitor did on the first screen the embed script
    /// showed before the wasm was there: question 1's answer, and whether they pressed Continue;
    /// `focus_here`, whether focus is still in the widget (or nowhere), so it may follow them.
    pub fn mount(
        self,
        translation: JsValue,
        styles: JsValue,
        answer: Option<String>,
        continued: bool,
        focus_here: bool,
    ) -> Result<Widget, JsValue> {
        self.0
            .mount(translation, styles, answer, continued, focus_here)
            .map(Widget)
    }
}

/// [`prepare`] and [`Mounting::mount`] at once, for Rust callers (the tests), with the widget's
/// own styles.
pub fn mount(host: Element, settings: JsValue, translation: JsValue) -> Result<Widget, JsValue> {
    embedding::mount(host, settings, translation).map(Widget)
}

/// Test builds only (`--features test-hooks`): panics inside the widget, to prove the page survives.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen]
pub fn panic_for_test() {
    panic!("a panic the end-to-end tests asked for");
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;
    use web_sys::{ShadowRootInit, ShadowRootMode};

    wasm_bindgen_test_configure!(run_in_browser);

    fn host() -> Element {
        host_named("div", "embed-unit")
    }

    /// A fresh `<tag storage-key=…>` in the page's body.
    fn host_named(tag: &str, storage_key: &str) -> Element {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .expect("a document");
        let host = document.create_element(tag).expect("an element");
        host.set_attribute("storage-key", storage_key)
            .expect("attribute");
        document
            .body()
            .expect("a body")
            .append_child(&host)
            .expect("appended");
        host
    }

    #[wasm_bindgen_test]
    fn someone_elses_shadow_root_is_refused_and_left_as_it_is() {
        let host = host();
        let theirs = host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .expect("a shadow root");
        theirs.set_text_content(Some("Their own content"));
        assert!(mount(host.clone(), JsValue::UNDEFINED, JsValue::UNDEFINED).is_err());
        assert_eq!(theirs.text_content().as_deref(), Some("Their own content"));
        assert_eq!(theirs.child_nodes().length(), 1);
        host.remove();
    }

    #[wasm_bindgen_test]
    async fn a_widget_released_after_a_newer_one_drew_leaves_that_ones_root_alone() {
        let host = host();
        let mut older =
            mount(host.clone(), JsValue::UNDEFINED, JsValue::UNDEFINED).expect("mounts");
        let mut newer =
            mount(host.clone(), JsValue::UNDEFINED, JsValue::UNDEFINED).expect("mounts again");
        yew::scheduler::flush().await;
        older.destroy();
        yew::scheduler::flush().await;
        let root = host.shadow_root().expect("the widget's shadow root");
        assert_eq!(root.adopted_style_sheets().length(), 1, "still styled");
        assert!(
            root.query_selector("slot").ok().flatten().is_none(),
            "no fallback"
        );
        let headings = root.query_selector_all("h2").map(|found| found.length());
        assert_eq!(headings.ok(), Some(1), "one widget");
        newer.destroy();
        assert_eq!(root.adopted_style_sheets().length(), 0);
        assert!(
            root.query_selector("slot").ok().flatten().is_some(),
            "the host's content shows again"
        );
        host.remove();
    }

    // Moved here from tests/web.rs with the exports it calls.
    #[wasm_bindgen_test]
    async fn mount_renders_into_an_open_shadow_root_and_destroy_removes_it() {
        if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
            let _ = storage.remove_item("email-troubleshooter:embed");
            let _ = storage.remove_item("email-troubleshooter:embed:unreadable");
        }
        let host = host_named("email-troubleshooter", "embed");
        let mut widget =
            mount(host.clone(), JsValue::UNDEFINED, JsValue::UNDEFINED).expect("mounts");
        yew::scheduler::flush().await;
        let shadow = host.shadow_root().expect("an open shadow root");
        let heading = shadow
            .query_selector("h2")
            .ok()
            .flatten()
            .and_then(|h| h.text_content());
        assert_eq!(heading.as_deref(), Some("Can't connect to your mailbox?"));
        widget.destroy();
        yew::scheduler::flush().await;
        assert!(shadow.query_selector("h2").ok().flatten().is_none());
        host.remove();
    }
}
