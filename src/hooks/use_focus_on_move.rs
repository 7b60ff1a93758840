//! Brings a heading to the top of the view, focused, when the user has moved to the part it heads.

use crate::browser::view;
use yew::prelude::*;

/// Focuses `target` and scrolls it to the top when it mounts or `moves` changes, but only after
/// the user's first move: loading the page must never pull focus away from the host page.
#[hook]
pub fn use_focus_on_move(target: NodeRef, moves: u32) {
    use_effect_with(moves, move |moves| {
        if *moves > 0 {
            if let Some(element) = target.cast::<web_sys::HtmlElement>() {
                view::bring_to_top(&element);
            }
        }
    });
}
