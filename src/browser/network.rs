//! The checks' requests: a JSON answer from a public service, or a timed visit to the webmail
//! portal. Each can be cancelled, times out, and says plainly what went wrong.

use crate::model::checks::json::Json;
use crate::model::checks::Failure;
use gloo::timers::callback::Timeout;
use js_sys::{Array, Object, Reflect};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestInit, RequestMode, Response};

/// Why a request has no usable answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Failed(Failure),
    /// The service answered 404: it has nothing on the name.
    NotFound,
    /// The user cancelled.
    Cancelled,
}

/// Lets the user stop checks under way.
#[derive(Clone)]
pub struct Cancel {
    controller: Option<AbortController>,
    cancelled: Rc<Cell<bool>>,
}

impl Cancel {
    pub fn new() -> Cancel {
        Cancel {
            controller: AbortController::new().ok(),
            cancelled: Rc::default(),
        }
    }

    pub fn cancel(&self) {
        self.cancelled.set(true);
        if let Some(controller) = &self.controller {
            controller.abort();
        }
    }
}

impl Default for Cancel {
    fn default() -> Self {
        Cancel::new()
    }
}

fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Fetches `url` with a time limit; `mode` is `cors` for answers to read, `no-cors` for visits.
async fn fetch(
    url: &str,
    accept: Option<&str>,
    mode: RequestMode,
    seconds: u32,
    cancel: &Cancel,
) -> Result<Response, Problem> {
    if !online() {
        return Err(Problem::Failed(Failure::Offline));
    }
    let window = web_sys::window().ok_or(Problem::Failed(Failure::Refused))?;
    // Its own controller, so the time limit can abort this request alone.
    let controller = AbortController::new().map_err(|_| Problem::Failed(Failure::Refused))?;
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let (controller, timed_out) = (controller.clone(), Rc::clone(&timed_out));
        Timeout::new(seconds.saturating_mul(1000), move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let forward = cancel.controller.as_ref().map(|outer| {
        let inner = controller.clone();
        gloo::events::EventListener::once(&outer.signal(), "abort", move |_| inner.abort())
    });
    let init = RequestInit::new();
    init.set_mode(mode);
    init.set_cache(web_sys::RequestCache::NoStore);
    init.set_signal(Some(&controller.signal()));
    if let Some(accept) = accept {
        if let Ok(headers) = Headers::new() {
            let _ = headers.set("accept", accept);
            init.set_headers(&headers);
        }
    }
    let result = JsFuture::from(window.fetch_with_str_and_init(url, &init)).await;
    drop(timer);
    drop(forward);
    match result {
        Ok(response) => response
            .dyn_into::<Response>()
            .map_err(|_| Problem::Failed(Failure::Malformed)),
        Err(_) if cancel.cancelled.get() => Err(Problem::Cancelled),
        Err(_) if timed_out.get() => Err(Problem::Failed(Failure::Timeout)),
        Err(_) if !online() => Err(Problem::Failed(Failure::Offline)),
        Err(_) => Err(Problem::Failed(Failure::Refused)),
    }
}

/// Asks a service for JSON. A refusal is told apart from a missing CORS header by asking
/// again without CORS: an opaque answer means the service is there but won't be read.
pub async fn get_json(
    url: &str,
    accept: &str,
    seconds: u32,
    cancel: &Cancel,
) -> Result<Json, Problem> {
    let response = match fetch(url, Some(accept), RequestMode::Cors, seconds, cancel).await {
        Err(Problem::Failed(Failure::Refused)) => {
            let probe = fetch(url, None, RequestMode::NoCors, seconds, cancel).await;
            return Err(match probe {
                Ok(_) => Problem::Failed(Failure::Cors),
                Err(Problem::Cancelled) => Problem::Cancelled,
                Err(_) => Problem::Failed(Failure::Refused),
            });
        }
        other => other?,
    };
    if response.status() == 404 {
        return Err(Problem::NotFound);
    }
    if !response.ok() {
        return Err(Problem::Failed(Failure::Refused));
    }
    let parsing = response
        .json()
        .map_err(|_| Problem::Failed(Failure::Malformed))?;
    let value = JsFuture::from(parsing).await.map_err(|_| {
        if cancel.cancelled.get() {
            Problem::Cancelled
        } else {
            Problem::Failed(Failure::Malformed)
        }
    })?;
    to_json(&value, 0).ok_or(Problem::Failed(Failure::Malformed))
}

/// Visits `url` and times it. A browser can say the portal answered, and how fast; it can't
/// see the answer (no-cors), so it says nothing more.
pub async fn reach(url: &str, seconds: u32, cancel: &Cancel) -> Result<u32, Problem> {
    let now = || {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now())
    };
    let started = now();
    fetch(url, None, RequestMode::NoCors, seconds, cancel).await?;
    Ok((now() - started).max(0.0).round() as u32)
}

/// The browser's parsed JSON as the model's [`Json`]; `None` past a sane depth or size.
fn to_json(value: &JsValue, depth: u32) -> Option<Json> {
    const MAX_DEPTH: u32 = 32;
    const MAX_ITEMS: u32 = 10_000;
    if depth > MAX_DEPTH {
        return None;
    }
    if value.is_null() || value.is_undefined() {
        return Some(Json::Null);
    }
    if let Some(flag) = value.as_bool() {
        return Some(Json::Bool(flag));
    }
    if let Some(number) = value.as_f64() {
        return Some(Json::Number(number));
    }
    if let Some(text) = value.as_string() {
        return Some(Json::String(text));
    }
    if Array::is_array(value) {
        let array: &Array = value.unchecked_ref();
        if array.length() > MAX_ITEMS {
            return None;
        }
        return array
            .iter()
            .map(|item| to_json(&item, depth + 1))
            .collect::<Option<_>>()
            .map(Json::Array);
    }
    let object: &Object = value.dyn_ref()?;
    let keys = Object::keys(object);
    if keys.length() > MAX_ITEMS {
        return None;
    }
    keys.iter()
        .map(|key| {
            let member = Reflect::get(object, &key).ok()?;
            Some((key.as_string()?, to_json(&member, depth + 1)?))
        })
        .collect::<Option<_>>()
        .map(Json::Object)
}
