//! What a Yew app's troubleshooter needs of its own element: a shadow root to draw in, with the
//! widget's stylesheet, and the widget's events handed to a callback.

use crate::embedding;
use crate::model::Event;
use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, Element, ShadowRootInit, ShadowRootMode};
use yew::prelude::*;

/// Once `host` is drawn (and if `wanted`), the element in its open shadow root, styled by the
/// widget's stylesheet, to draw the widget into; `None` until then or if it can't have one.
#[hook]
pub fn use_shadow_container(host: NodeRef, wanted: bool) -> Option<Element> {
    let container = use_state(|| None::<Element>);
    {
        let container = container.clone();
        use_effect_with(wanted, move |&wanted| {
            if let Some(element) = host.cast::<Element>().filter(|_| wanted) {
                match shadow_container(&element) {
                    Ok(inside) => container.set(Some(inside)),
                    Err(error) => web_sys::console::error_2(
                        &JsValue::from_str("email-troubleshooter: no shadow root for the widget:"),
                        &error,
                    ),
                }
            }
        });
    }
    (*container).clone()
}

/// Hands each of the widget's events reaching `host` to `on_event`, while it is set.
#[hook]
pub fn use_host_events(host: NodeRef, on_event: Option<Callback<CustomEvent>>) {
    use_effect_with(on_event, move |on_event| {
        let listeners: Vec<EventListener> = match (host.cast::<Element>(), on_event) {
            (Some(element), Some(on_event)) => Event::NAMES
                .iter()
                .map(|name| {
                    let on_event = on_event.clone();
                    EventListener::new(&element, *name, move |event| {
                        if let Some(event) = event.dyn_ref::<CustomEvent>() {
                            on_event.emit(event.clone());
                        }
                    })
                })
                .collect(),
            _ => Vec::new(),
        };
        move || drop(listeners)
    });
}

/// An open shadow root on `host` with the widget's stylesheet, and the element in it that
/// the widget is drawn into.
fn shadow_container(host: &Element) -> Result<Element, JsValue> {
    let root = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    embedding::apply_styles(&root, &embedding::shared_styles())?;
    let document = host
        .owner_document()
        .ok_or_else(|| JsValue::from_str("the element is not in a document"))?;
    let container = document.create_element("div")?;
    container.set_class_name("et-root");
    root.append_child(&container)?;
    Ok(container)
}
