//! Finding things in a drawn widget as a user does, for the browser tests (included by path:
//! the rest of tests/common is native only).

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

/// The radio button or checkbox (`kind`) whose label reads `label`, among what `all` finds for
/// a selector (in a widget's own element or shadow root).
pub fn input_labelled(
    all: impl Fn(&str) -> Vec<Element>,
    kind: &str,
    label: &str,
) -> Option<HtmlInputElement> {
    all(&format!("input[type={kind}]"))
        .into_iter()
        .find(|input| {
            let id = input.id();
            all(&format!("label[for='{id}']"))
                .iter()
                .any(|l| l.text_content().as_deref() == Some(label))
        })
        .and_then(|e| e.dyn_into().ok())
}
