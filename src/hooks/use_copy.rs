//! Copying a text for the user, with the fallbacks and the message that says how it went.

use crate::browser::clipboard;
use web_sys::HtmlTextAreaElement;
use yew::platform::spawn_local;
use yew::prelude::*;

pub struct Copy {
    /// Put on the text area that shows the text: the fallback selects it.
    pub field: NodeRef,
    /// What happened, for a `role="status"` line; empty until the user copies.
    pub status: String,
    pub on_copy: Callback<MouseEvent>,
}

/// Copies `text` on click: the Clipboard API first, then the old way from `field`'s selection,
/// and if both are refused the text stays selected and `failed` says how to copy it by hand.
#[hook]
pub fn use_copy(text: String, copied: AttrValue, failed: AttrValue) -> Copy {
    let field = use_node_ref();
    let status = use_state_eq(String::new);
    let on_copy = {
        let (field, status) = (field.clone(), status.clone());
        Callback::from(move |_| {
            let (text, field, status) = (text.clone(), field.clone(), status.clone());
            let (copied, failed) = (copied.to_string(), failed.to_string());
            spawn_local(async move {
                let done = clipboard::copy(&text).await
                    || field
                        .cast::<HtmlTextAreaElement>()
                        .is_some_and(|f| clipboard::copy_selection(&f));
                status.set(if done { copied } else { failed });
            });
        })
    };
    Copy {
        field,
        status: (*status).clone(),
        on_copy,
    }
}
