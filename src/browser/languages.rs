//! The languages the page and the browser ask for, most wanted first.

use wasm_bindgen::JsCast;

/// The page's own `lang`, then the browser's preferred languages.
pub fn wanted() -> Vec<String> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let page = window
        .document()
        .and_then(|d| d.document_element())
        .and_then(|root| root.get_attribute("lang"))
        .filter(|lang| !lang.trim().is_empty());
    let browser = window.navigator().languages();
    let browser = browser
        .iter()
        .filter_map(|lang| lang.dyn_into::<js_sys::JsString>().ok())
        .map(String::from);
    page.into_iter().chain(browser).collect()
}
