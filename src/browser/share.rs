//! Passing a link on from this device: the browser's own share sheet where it has one, and
//! whether this device is a phone (a QR code is of no use there: the phone is the other device).

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How a share ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shared {
    Done,
    /// The user closed the share sheet: not an error, nothing to say.
    Cancelled,
    Failed,
}

/// `navigator.share`, if the browser has it.
fn share_function() -> Option<(JsValue, Function)> {
    let navigator: JsValue = web_sys::window()?.navigator().into();
    let share = Reflect::get(&navigator, &"share".into()).ok()?;
    Some((navigator, share.dyn_into().ok()?))
}

/// Whether the browser has a share sheet (the Web Share API: phones, and some desktops).
pub fn available() -> bool {
    share_function().is_some()
}

/// Opens the share sheet with a title and a link.
pub async fn share(title: &str, url: &str) -> Shared {
    let Some((navigator, share)) = share_function() else {
        return Shared::Failed;
    };
    let data = Object::new();
    let _ = Reflect::set(&data, &"title".into(), &title.into());
    let _ = Reflect::set(&data, &"url".into(), &url.into());
    let Some(promise) = share
        .call1(&navigator, &data)
        .ok()
        .and_then(|p| p.dyn_into::<Promise>().ok())
    else {
        return Shared::Failed;
    };
    match JsFuture::from(promise).await {
        Ok(_) => Shared::Done,
        Err(error) => {
            let name = Reflect::get(&error, &"name".into()).ok();
            if name.and_then(|n| n.as_string()).as_deref() == Some("AbortError") {
                Shared::Cancelled
            } else {
                Shared::Failed
            }
        }
    }
}

/// A touch screen as the main pointer, and small on either side (so a phone held sideways
/// counts, and a tablet doesn't).
const PHONE: &str =
    "(pointer: coarse) and (max-width: 40em), (pointer: coarse) and (max-height: 40em)";

/// Whether this looks like a phone.
pub fn on_phone() -> bool {
    super::view::matches(PHONE)
}
