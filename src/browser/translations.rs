//! A built-in language other than English, handed over by the embed script: it loads
//! `locale-<lang>.js` (written next to the wasm at build time) only for the pages that need
//! it, so English-speaking visitors never download the other languages.

use crate::content::CONTENT_FINGERPRINT;
use wasm_bindgen::{JsCast, JsValue};

/// The texts of a translation module's default export, `{ content, texts }`, if it was made for
/// the English content in this wasm. Anything else (no module, an old one from a cache, a
/// damaged one) gives `None`, and the widget shows English with a notice.
pub fn texts(module: &JsValue) -> Option<Vec<String>> {
    let field = |name: &str| js_sys::Reflect::get(module, &JsValue::from_str(name)).ok();
    if field("content")?.as_string()? != CONTENT_FINGERPRINT {
        return None;
    }
    let texts = field("texts")?.dyn_into::<js_sys::Array>().ok()?;
    texts.iter().map(|text| text.as_string()).collect()
}
