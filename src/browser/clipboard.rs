//! Copying text for the user, where the browser lets us.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlDocument, HtmlInputElement, HtmlTextAreaElement, Node};

/// Copies `text` with the Clipboard API; `false` if the API is missing or the browser refuses.
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard =
        Reflect::get(&window.navigator(), &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
    let write = Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    let Some(write) = write else { return false };
    let Some(promise) = write
        .call1(&clipboard, &text.into())
        .ok()
        .and_then(|p| p.dyn_into::<Promise>().ok())
    else {
        return false;
    };
    JsFuture::from(promise).await.is_ok()
}

/// The fallback: selects the field's text, and copies it the old way if the browser still
/// allows that. Either way the text stays selected, so the user can copy it themselves.
pub fn copy_selection(field: &HtmlTextAreaElement) -> bool {
    field.select();
    copy_selected(field)
}

/// The same fallback for a one-line field (a value in the mail app's settings).
pub fn copy_input_selection(field: &HtmlInputElement) -> bool {
    field.select();
    copy_selected(field)
}

fn copy_selected(field: &Node) -> bool {
    field
        .owner_document()
        .and_then(|document| document.dyn_into::<HtmlDocument>().ok())
        .and_then(|document| document.exec_command("copy").ok())
        .unwrap_or(false)
}
