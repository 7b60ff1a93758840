//! Copying a text for the user, with the fallbacks and the message that says how it went.

use crate::browser::clipboard;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

pub struct Copy {
    /// Put on the field (a text area or a one-line input) that shows the text: the fallback
    /// selects it.
    pub field: NodeRef,
    /// What happened, for a `role="status"` line; empty until the user copies.
    pub status: String,
    /// Whether the last try copied, so the button can say so.
    pub copied: bool,
    pub on_copy: Callback<MouseEvent>,
}

/// Copies `text` on click: the Clipboard API first, then the old way from `field`'s selection,
/// and if both are refused the text stays selected and `failed` says how to copy it by hand.
#[hook]
pub fn use_copy(text: String, copied: AttrValue, failed: AttrValue) -> Copy {
    let field = use_node_ref();
    let status = use_state_eq(|| (String::new(), false));
    let on_copy = {
        let (field, status) = (field.clone(), status.clone());
        Callback::from(move |_| {
            let (text, field, status) = (text.clone(), field.clone(), status.clone());
            let (copied, failed) = (copied.as_str().to_owned(), failed.as_str().to_owned());
            spawn_local(async move {
                let done = clipboard::copy(&text).await
                    || match field.cast::<HtmlTextAreaElement>() {
                        Some(area) => clipboard::copy_selection(&area),
                        None => field
                            .cast::<HtmlInputElement>()
                            .is_some_and(|input| clipboard::copy_input_selection(&input)),
                    };
                status.set(if done {
                    (copied, true)
                } else {
                    (failed, false)
                });
            });
        })
    };
    Copy {
        field,
        status: status.0.clone(),
        copied: status.1,
        on_copy,
    }
}
