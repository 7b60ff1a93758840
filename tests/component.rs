//! The library's stable Yew API as a Yew app uses it (`make test-browser`): `EmailTroubleshooter`
//! mounted into a fresh element, its properties read as the element's attributes are, changed
//! while the visitor works, and its events handed to the app.
#![cfg(target_arch = "wasm32")]

#[path = "common/dom.rs"]
mod dom;

use email_troubleshooter::{EmailTroubleshooter, EmailTroubleshooterProps, Theme};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, NodeList};
use yew::prelude::*;
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

fn forget(key: &str) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.remove_item(&format!("email-troubleshooter:{key}"));
    }
}

/// The component in a fresh element of its own, as an app's `Renderer` draws it.
struct App {
    element: Element,
    app: Option<AppHandle<EmailTroubleshooter>>,
}

impl App {
    async fn new(props: EmailTroubleshooterProps) -> App {
        let element = document().create_element("section").expect("a section");
        document()
            .body()
            .expect("a body")
            .append_child(&element)
            .expect("appended");
        let app = yew::Renderer::<EmailTroubleshooter>::with_root_and_props(element.clone(), props)
            .render();
        let app = App {
            element,
            app: Some(app),
        };
        app.settle().await;
        app
    }

    /// Yew's work and the effects it schedules (the shadow root is made in an effect).
    async fn settle(&self) {
        for _ in 0..3 {
            yew::scheduler::flush().await;
        }
    }

    async fn update(&mut self, props: EmailTroubleshooterProps) {
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
        self.settle().await;
    }

    /// The component's own element (the `<div>` it draws in the section).
    fn host(&self) -> Element {
        self.element
            .first_element_child()
            .expect("the component's element")
    }

    /// What matches `selector` where the widget is drawn: the host's shadow root if it has
    /// one, else the host itself.
    fn all(&self, selector: &str) -> Vec<Element> {
        let host = self.host();
        let list: NodeList = match host.shadow_root() {
            Some(root) => root.query_selector_all(selector),
            None => host.query_selector_all(selector),
        }
        .expect("a valid selector");
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|node| node.dyn_into::<Element>().ok())
            .collect()
    }

    fn text(&self) -> String {
        self.all(".et-root")
            .iter()
            .filter_map(|e| e.text_content())
            .collect()
    }

    /// A radio button, found by the text of its label (in this widget's own tree).
    fn radio(&self, label: &str) -> HtmlInputElement {
        dom::input_labelled(|selector| self.all(selector), "radio", label)
            .unwrap_or_else(|| panic!("no radio labelled {label:?} in: {}", self.text()))
    }

    async fn choose(&self, label: &str) {
        self.radio(label).click();
        self.settle().await;
    }

    /// The widget's theme as drawn (`data-theme` on its outermost section).
    fn theme(&self) -> Option<String> {
        self.all("section.et")
            .first()
            .and_then(|section| section.get_attribute("data-theme"))
    }

    /// The legend of the question on show first (question 1's group of answers).
    fn first_question(&self) -> String {
        self.all("fieldset legend")
            .first()
            .and_then(|l| l.text_content())
            .unwrap_or_default()
    }
}

impl Drop for App {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.element.remove();
    }
}

fn props(storage_key: &'static str) -> EmailTroubleshooterProps {
    yew::props!(EmailTroubleshooterProps {
        storage_key: AttrValue::from(storage_key),
    })
}

#[wasm_bindgen_test]
async fn the_component_draws_question_one_in_a_styled_shadow_root_of_its_own() {
    forget("component-draws");
    let app = App::new(props("component-draws")).await;
    let root = app.host().shadow_root().expect("an open shadow root");
    assert_eq!(
        root.adopted_style_sheets().length(),
        1,
        "the widget's stylesheet"
    );
    assert!(
        app.first_question().contains("sign in to webmail"),
        "question 1 first: {}",
        app.text()
    );
    // The app's own page isn't touched: nothing of the widget outside the shadow root.
    assert_eq!(app.host().child_element_count(), 0);
}

#[wasm_bindgen_test]
async fn a_property_the_element_would_refuse_is_named_in_the_widget_and_its_default_used() {
    forget("component-refused");
    let app = App::new(yew::props!(EmailTroubleshooterProps {
        storage_key: AttrValue::from("component-refused"),
        webmail_url: AttrValue::from("javascript:alert(1)"),
    }))
    .await;
    let text = app.text();
    assert!(
        text.contains("settings can't be used") && text.contains("webmail-url"),
        "the problem line names the attribute: {text}"
    );
    app.choose("No").await;
    let webmail_links: Vec<String> = app
        .all("a")
        .iter()
        .filter_map(|a| a.get_attribute("href"))
        .filter(|href| href.contains("apps.rackspace.com"))
        .collect();
    assert!(
        !webmail_links.is_empty(),
        "the default webmail link is offered"
    );
    assert!(
        app.all("a")
            .iter()
            .filter_map(|a| a.get_attribute("href"))
            .all(|href| !href.starts_with("javascript:")),
        "the refused address is never a link"
    );
}

#[wasm_bindgen_test]
async fn changing_a_property_redraws_with_it_and_keeps_the_answers() {
    forget("component-change");
    let mut app = App::new(props("component-change")).await;
    app.choose("No").await;
    assert!(!app.text().contains("moved your mail to Example Mail"));
    app.update(yew::props!(EmailTroubleshooterProps {
        storage_key: AttrValue::from("component-change"),
        provider_name: AttrValue::from("Example Mail"),
        theme: Theme::Dark,
    }))
    .await;
    assert!(
        app.text().contains("Example Mail"),
        "the new provider's name is used: {}",
        app.text()
    );
    assert!(
        app.radio("No").checked(),
        "question 1's answer is still chosen"
    );
    assert_eq!(app.theme().as_deref(), Some("dark"));
}

#[wasm_bindgen_test]
async fn a_theme_changed_by_the_app_keeps_the_visitors_focus() {
    forget("component-theme");
    let mut app = App::new(props("component-theme")).await;
    assert_eq!(app.theme(), None, "follows the system by default");
    app.radio("Not sure").focus().expect("focusable");
    app.update(yew::props!(EmailTroubleshooterProps {
        storage_key: AttrValue::from("component-theme"),
        theme: Theme::Dark,
    }))
    .await;
    assert_eq!(app.theme().as_deref(), Some("dark"));
    let root = app.host().shadow_root().expect("its shadow root");
    let focused = root.active_element().map(|element| element.id());
    assert_eq!(
        focused,
        Some(app.radio("Not sure").id()),
        "focus stays where it was"
    );
}

#[wasm_bindgen_test]
async fn two_on_a_page_are_answered_apart() {
    forget("component-first");
    forget("component-second");
    let first = App::new(props("component-first")).await;
    let second = App::new(props("component-second")).await;
    second.choose("No").await;
    assert!(second.radio("No").checked());
    assert!(
        !first.radio("No").checked() && !first.radio("Yes").checked(),
        "the other widget's question 1 is still open"
    );
}

#[wasm_bindgen_test]
async fn the_app_hears_each_answer_through_on_event() {
    forget("component-events");
    let heard = Rc::new(RefCell::new(Vec::<(String, Option<String>)>::new()));
    let on_event = {
        let heard = heard.clone();
        Callback::from(move |event: web_sys::CustomEvent| {
            let step = js_sys::Reflect::get(&event.detail(), &"step".into())
                .ok()
                .and_then(|step| step.as_string());
            heard.borrow_mut().push((event.type_(), step));
        })
    };
    let app = App::new(yew::props!(EmailTroubleshooterProps {
        storage_key: AttrValue::from("component-events"),
        on_event,
    }))
    .await;
    app.choose("Yes").await;
    assert_eq!(
        heard.borrow().as_slice(),
        [(
            "troubleshooter-answered".to_owned(),
            Some("webmail".to_owned())
        )]
    );
}

#[wasm_bindgen_test]
async fn without_a_shadow_root_it_draws_in_its_element_for_the_app_to_style() {
    forget("component-inline");
    let app = App::new(yew::props!(EmailTroubleshooterProps {
        storage_key: AttrValue::from("component-inline"),
        shadow_root: false,
    }))
    .await;
    assert!(app.host().shadow_root().is_none());
    assert!(app.first_question().contains("sign in to webmail"));
}
