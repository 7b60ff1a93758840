//! The page's address: where a continue-link points, and the link the page was opened with.

/// The page's address without its fragment, to which a continue-link's fragment is added.
pub fn page_address() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    match href.split_once('#') {
        Some((address, _)) => address.to_owned(),
        None => href,
    }
}

/// The fragment the page was opened with, without `#`.
pub fn fragment() -> String {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_owned()
}

/// Takes a used continue-link off the address, so a reload doesn't offer it again. Leaves the
/// address alone unless its fragment is still that link.
pub fn forget_fragment(used: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if fragment() != used {
        return;
    }
    if let Ok(history) = window.history() {
        let _ =
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page_address()));
    }
}

/// The browser's user-agent string, the only thing the report says about the device.
pub fn user_agent() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default()
}
