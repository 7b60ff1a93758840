//! What JavaScript sees: `mount` an element, and the handle that unmounts it.
//!
//! The custom element itself is defined in `embed/email-troubleshooter.js`, because only
//! JavaScript can extend `HTMLElement`; everything it does beyond that happens here.

use crate::components::{Troubleshooter, TroubleshooterProps};
use crate::content::Content;
use std::cell::OnceCell;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, Element, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

/// The widget's own styles (`styles/widget.css`, minified by `build.rs`), for its shadow root only.
const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

thread_local! {
    // Parsed and built once per page, however many elements there are.
    static BUILTIN: OnceCell<Content> = const { OnceCell::new() };
    static SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
}

/// A mounted widget. `destroy()` unmounts it and removes what it added to the element.
#[wasm_bindgen]
pub struct Widget {
    app: Option<AppHandle<Troubleshooter>>,
    container: Element,
}

#[wasm_bindgen]
impl Widget {
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.container.remove();
    }
}

/// Renders the troubleshooter into `host`'s open shadow root.
#[wasm_bindgen]
pub fn mount(host: Element) -> Result<Widget, JsValue> {
    let checklist = builtin_checklist();
    let root = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    apply_styles(&root)?;
    let document = host
        .owner_document()
        .ok_or_else(|| JsValue::from_str("the element is not in a document"))?;
    let container = document.create_element("div")?;
    container.set_class_name("et-root");
    root.append_child(&container)?;
    let props = TroubleshooterProps {
        checklist,
        storage_key: host.get_attribute("storage-key").unwrap_or_default().into(),
    };
    let app =
        yew::Renderer::<Troubleshooter>::with_root_and_props(container.clone(), props).render();
    Ok(Widget {
        app: Some(app),
        container,
    })
}

/// The built-in English checklist, with the provider's name filled in.
fn builtin_checklist() -> Content {
    BUILTIN.with(|cell| {
        cell.get_or_init(|| Content::new(crate::content::builtin().with_provider_name()))
            .clone()
    })
}

/// One constructed stylesheet shared by every instance: allowed under a strict `style-src`,
/// unlike a `<style>` element, and parsed once however many widgets there are.
fn apply_styles(root: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = SHEET.with(|cell| {
        cell.get_or_init(|| {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(WIDGET_CSS).ok()?;
            Some(sheet)
        })
        .clone()
    });
    match sheet {
        Some(sheet) => root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet)),
        None => {
            // Browsers without constructed stylesheets get a <style> element instead.
            let document = root
                .owner_document()
                .ok_or_else(|| JsValue::from_str("no document"))?;
            let style = document.create_element("style")?;
            style.set_text_content(Some(WIDGET_CSS));
            root.append_child(&style)?;
        }
    }
    Ok(())
}
