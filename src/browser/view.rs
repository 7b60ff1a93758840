//! Where the user is looking: bringing a part into view, and how wide the screen is.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{
    FocusOptions, HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition,
};

/// Focuses `element` without the browser's own scroll, then, once the frame's layout has
/// settled (a step above may just have collapsed), scrolls it to the top of the view: one move,
/// smooth unless the user asked for reduced motion. Scrolls a host's dialog too.
pub fn bring_to_top(element: &HtmlElement) {
    let options = FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
    let Some(window) = web_sys::window() else {
        return;
    };
    let element = element.clone();
    let options = scroll_options(ScrollLogicalPosition::Start);
    let scroll = Closure::once_into_js(move || {
        element.scroll_into_view_with_scroll_into_view_options(&options);
    });
    let _ = window.request_animation_frame(scroll.unchecked_ref());
}

/// Whether a media query holds; `false` where the browser can't say.
pub fn matches(query: &str) -> bool {
    web_sys::window()
        .and_then(|window| window.match_media(query).ok().flatten())
        .is_some_and(|list| list.matches())
}

/// Scrolls just enough to show `element` (the guidance an answer just brought up, below the
/// fold on a phone), without moving focus; smooth unless the user asked for reduced motion.
pub fn reveal(element: &HtmlElement) {
    element.scroll_into_view_with_scroll_into_view_options(&scroll_options(
        ScrollLogicalPosition::Nearest,
    ));
}

/// A scroll to `block`, smooth unless the user asked for reduced motion.
fn scroll_options(block: ScrollLogicalPosition) -> ScrollIntoViewOptions {
    let options = ScrollIntoViewOptions::new();
    options.set_block(block);
    if !matches("(prefers-reduced-motion: reduce)") {
        options.set_behavior(ScrollBehavior::Smooth);
    }
    options
}
