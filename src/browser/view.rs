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
    let smooth = !matches("(prefers-reduced-motion: reduce)");
    let scroll = Closure::once_into_js(move || {
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Start);
        if smooth {
            options.set_behavior(ScrollBehavior::Smooth);
        }
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
