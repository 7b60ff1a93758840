//! Saving text as a file on the user's device.

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `text` as a download named `file_name`; `false` if the browser can't.
pub fn download(file_name: &str, mime_type: &str, text: &str) -> bool {
    let save = || -> Option<()> {
        let options = BlobPropertyBag::new();
        options.set_type(mime_type);
        let blob =
            Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&text.into()), &options)
                .ok()?;
        let url = Url::create_object_url_with_blob(&blob).ok()?;
        let document = web_sys::window()?.document()?;
        let link: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
        // Released once the browser has started the download.
        Timeout::new(10_000, move || {
            let _ = Url::revoke_object_url(&url);
        })
        .forget();
        Some(())
    };
    save().is_some()
}
