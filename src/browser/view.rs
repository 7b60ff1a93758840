//! Where the user is looking: bringing a part into view, and how wide the screen is.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, FocusOptions, HtmlElement, ScrollBehavior, ScrollIntoViewOptions,
    ScrollLogicalPosition,
};

/// Focuses `element` without the browser's own scroll and, in the next frame, once the layout
/// has settled (a step above may just have collapsed), scrolls it to the top of the view: one
/// move. Scrolls a host's dialog too.
pub fn bring_to_top(element: &HtmlElement) {
    bring_to_top_within(element, element);
}

/// [`bring_to_top`], but scrolls `view` (a box around the element) to the top, so a label
/// above the element or the box's border stays in view.
pub fn bring_to_top_within(element: &HtmlElement, view: &Element) {
    // Focus in a microtask: before any keystroke can land elsewhere, but after the rest of this
    // render's effects (the save among them), which a focus's style work would otherwise hold
    // up (measured: Continue took twice as long). The scroll waits for the frame.
    let focus = element.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let options = FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = focus.focus_with_options(&options);
    });
    let target = view.clone();
    next_frame(move || {
        target.scroll_into_view_with_scroll_into_view_options(&scroll_to(
            ScrollLogicalPosition::Start,
        ));
    });
}

/// Whether a media query holds; `false` where the browser can't say.
pub fn matches(query: &str) -> bool {
    web_sys::window()
        .and_then(|window| window.match_media(query).ok().flatten())
        .is_some_and(|list| list.matches())
}

/// Focuses `element` without the browser's own scroll and, in the next frame, scrolls just
/// enough to show `around` whole: a box whose buttons would stay below the fold on a phone if
/// only the focused line were shown.
pub fn focus_showing(element: &HtmlElement, around: &Element) {
    let options = FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
    reveal(around);
}

/// Scrolls just enough to show `element` (the guidance an answer just brought up, below the
/// fold on a phone), without moving focus.
pub fn reveal(element: &Element) {
    let target = element.clone();
    next_frame(move || {
        target.scroll_into_view_with_scroll_into_view_options(&scroll_to(
            ScrollLogicalPosition::Nearest,
        ))
    });
}

/// A scroll to `block`, at once: never animated. A smooth scroll kept the page busy for a third
/// of a second after every Continue (measured), and nothing moving suits users who asked for
/// reduced motion as well.
fn scroll_to(block: ScrollLogicalPosition) -> ScrollIntoViewOptions {
    let options = ScrollIntoViewOptions::new();
    options.set_block(block);
    options.set_behavior(ScrollBehavior::Instant);
    options
}

/// Runs `work` in the next frame, with the layout the browser makes for it anyway: scrolling
/// during the click would force a layout of its own before the answer is even saved.
fn next_frame(work: impl FnOnce() + 'static) {
    if let Some(window) = web_sys::window() {
        let work = Closure::once_into_js(work);
        let _ = window.request_animation_frame(work.unchecked_ref());
    }
}
