//! Browser tests: the components and localStorage in headless Chromium (`make test-browser`).
//! Each test mounts into a fresh element and finds things as a user does, by role and label.
#![cfg(target_arch = "wasm32")]

#[path = "common/dom.rs"]
mod dom;

use email_troubleshooter::components::{Troubleshooter, TroubleshooterProps};
use email_troubleshooter::content::SharedChecklist;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

fn checklist() -> SharedChecklist {
    SharedChecklist::new(email_troubleshooter::content::builtin().with_provider_name())
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

fn local_storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage in the test browser")
}

/// A mounted troubleshooter in a fresh element of its own.
struct Mounted {
    root: Element,
    app: Option<AppHandle<Troubleshooter>>,
}

impl Mounted {
    async fn new(storage_key: &str) -> Mounted {
        let root = document().create_element("div").expect("a div");
        document()
            .body()
            .expect("a body")
            .append_child(&root)
            .expect("appended");
        let props = yew::props!(TroubleshooterProps {
            checklist: checklist(),
            storage_key: storage_key.to_owned(),
        });
        let app =
            yew::Renderer::<Troubleshooter>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        Mounted {
            root,
            app: Some(app),
        }
    }

    /// Unmounts and mounts again, as a reload would.
    async fn reload(mut self, storage_key: &str) -> Mounted {
        self.unmount();
        Mounted::new(storage_key).await
    }

    fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.root.remove();
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self
            .root
            .query_selector_all(selector)
            .expect("a valid selector");
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|node| node.dyn_into::<Element>().ok())
            .collect()
    }

    fn text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }

    /// A radio button or checkbox, found by the text of its label.
    fn input_labelled(&self, kind: &str, label: &str) -> HtmlInputElement {
        dom::input_labelled(|selector| self.all(selector), kind, label)
            .unwrap_or_else(|| panic!("no {kind} labelled {label:?}"))
    }

    /// A button, found by its accessible name (its text, hidden parts included).
    fn button(&self, name: &str) -> HtmlElement {
        self.all("button")
            .into_iter()
            .find(|b| b.text_content().as_deref() == Some(name))
            .and_then(|e| e.dyn_into().ok())
            .unwrap_or_else(|| panic!("no button named {name:?} in: {}", self.text()))
    }

    fn status_text(&self) -> String {
        self.all("[role=status]")
            .iter()
            .filter_map(|e| e.text_content())
            .collect::<Vec<_>>()
            .join(" ")
    }

    async fn choose(&self, label: &str) {
        self.input_labelled("radio", label).click();
        yew::scheduler::flush().await;
    }

    async fn press(&self, name: &str) {
        self.button(name).click();
        yew::scheduler::flush().await;
    }

    fn current_question(&self) -> String {
        self.all("[aria-current=step] h3")
            .first()
            .and_then(|h| h.text_content())
            .unwrap_or_default()
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.unmount();
    }
}

fn saved(key: &str) -> Option<String> {
    local_storage()
        .get_item(&format!("email-troubleshooter:{key}"))
        .ok()
        .flatten()
}

fn clear(key: &str) {
    let storage = local_storage();
    let _ = storage.remove_item(&format!("email-troubleshooter:{key}"));
    let _ = storage.remove_item(&format!("email-troubleshooter:{key}:unreadable"));
}

#[wasm_bindgen_test]
async fn the_first_question_is_a_fieldset_with_yes_no_and_not_sure() {
    clear("first");
    let widget = Mounted::new("first").await;
    let legend = widget.all("fieldset legend");
    assert_eq!(legend.len(), 1, "only the open step has a form");
    assert_eq!(
        legend[0].text_content().as_deref(),
        Some("Can you sign in to webmail and see new mail arriving?")
    );
    for label in ["Yes", "No", "Not sure"] {
        let radio = widget.input_labelled("radio", label);
        assert!(!radio.checked());
    }
    assert!(widget.text().contains("Step 1 of 7"));
    assert_eq!(widget.all("progress").len(), 1);
    assert_eq!(
        widget.all("ol > li").len(),
        7,
        "the overview lists all seven steps"
    );
}

#[wasm_bindgen_test]
async fn an_answer_shows_its_guidance_at_once_and_is_saved() {
    clear("answer");
    let widget = Mounted::new("answer").await;
    assert!(
        saved("answer").is_none(),
        "nothing is written before the user acts"
    );
    widget.choose("No").await;
    let guidance = widget.all("[aria-live=polite]");
    let guidance = guidance
        .iter()
        .filter_map(|e| e.text_content())
        .collect::<String>();
    assert!(
        guidance.contains("the problem is with the mailbox or your account"),
        "{guidance}"
    );
    let stored = saved("answer").expect("saved at once");
    assert!(stored.starts_with("v=2&at=webmail&started="), "{stored}");
    assert!(
        stored.contains("&webmail=no@"),
        "saved with when it was given: {stored}"
    );
}

#[wasm_bindgen_test]
async fn reloading_restores_the_answers_and_the_open_step() {
    clear("reload");
    let widget = Mounted::new("reload").await;
    widget.choose("Yes").await;
    widget.press("Continue").await;
    assert_eq!(widget.current_question(), "When did the problem start?");
    widget
        .input_labelled("checkbox", "I changed my mailbox password")
        .click();
    yew::scheduler::flush().await;

    let widget = widget.reload("reload").await;
    assert_eq!(widget.current_question(), "When did the problem start?");
    assert!(widget
        .input_labelled("checkbox", "I changed my mailbox password")
        .checked());
    assert!(
        widget.text().contains("Your answer: Yes"),
        "{}",
        widget.text()
    );
    assert!(
        widget.status_text().trim().is_empty(),
        "no notice after a clean reload"
    );
}

#[wasm_bindgen_test]
async fn continue_without_an_answer_says_what_is_wrong() {
    clear("error");
    let widget = Mounted::new("error").await;
    widget.press("Continue").await;
    let alert = widget.all("[role=alert]");
    assert_eq!(alert.len(), 1);
    assert!(alert[0]
        .text_content()
        .unwrap_or_default()
        .contains("Select an answer to continue."));
    assert_eq!(
        widget.current_question(),
        "Can you sign in to webmail and see new mail arriving?"
    );
}

#[wasm_bindgen_test]
async fn a_corrupt_saved_value_starts_fresh_with_a_notice_and_is_kept_aside() {
    clear("corrupt");
    let storage = local_storage();
    storage
        .set_item("email-troubleshooter:corrupt", "{not json")
        .expect("writable");
    let widget = Mounted::new("corrupt").await;
    assert_eq!(
        widget.status_text(),
        "Your saved answers couldn't be read, so the troubleshooter has started again."
    );
    assert!(!widget.input_labelled("radio", "Yes").checked());
    assert_eq!(
        storage
            .get_item("email-troubleshooter:corrupt:unreadable")
            .ok()
            .flatten()
            .as_deref(),
        Some("{not json")
    );
    widget.choose("Yes").await;
    assert!(saved("corrupt").is_some_and(|s| s.contains("&webmail=yes@")));
}

#[wasm_bindgen_test]
async fn a_value_from_a_newer_version_is_left_alone_until_the_user_answers() {
    clear("newer");
    let newer = "v=7&whatever=true";
    local_storage()
        .set_item("email-troubleshooter:newer", newer)
        .expect("writable");
    let widget = Mounted::new("newer").await;
    assert!(widget.status_text().contains("saved by a newer version"));
    assert_eq!(
        saved("newer").as_deref(),
        Some(newer),
        "loading alone overwrites nothing"
    );
}

#[wasm_bindgen_test]
async fn two_storage_keys_keep_separate_progress() {
    clear("left");
    clear("right");
    let left = Mounted::new("left").await;
    let right = Mounted::new("right").await;
    left.choose("No").await;
    assert!(saved("left").is_some());
    assert!(saved("right").is_none());
    assert!(!right.input_labelled("radio", "No").checked());
}

#[wasm_bindgen_test]
async fn start_again_asks_first_then_clears_everything() {
    clear("again");
    let widget = Mounted::new("again").await;
    widget.choose("Yes").await;
    widget.press("Continue").await;
    widget.press("Start again").await;
    assert!(widget
        .text()
        .contains("Clear all your answers and start again?"));
    widget.press("Cancel").await;
    assert_eq!(widget.current_question(), "When did the problem start?");

    widget.press("Start again").await;
    widget.press("Yes, clear my answers").await;
    assert_eq!(
        widget.current_question(),
        "Can you sign in to webmail and see new mail arriving?"
    );
    assert!(!widget.input_labelled("radio", "Yes").checked());
    assert_eq!(saved("again").as_deref(), Some("v=2&at=webmail"));
}

#[wasm_bindgen_test]
async fn an_answer_re_renders_only_the_step_it_changes() {
    use email_troubleshooter::components::step_renders;
    clear("renders");
    let widget = Mounted::new("renders").await;
    let before = step_renders();
    widget.choose("Yes").await;
    let after = step_renders();
    assert_eq!(after.len(), 7, "{after:?}");
    assert!(
        after[0] > before[0],
        "step 1 shows its answer: {before:?} → {after:?}"
    );
    assert_eq!(
        &after[1..],
        &before[1..],
        "steps 2 to 7 didn't change, so they didn't render again"
    );
}
