//! The widget's first screen rendered natively, with Yew's server renderer: the same view the
//! widget draws with, from a fresh session of the built-in English content, no browser.
#![cfg(not(target_arch = "wasm32"))]

use email_troubleshooter::components::{TroubleshooterView, ViewProps};
use email_troubleshooter::content::{builtin, SharedChecklist};
use email_troubleshooter::model::session::Session;
use email_troubleshooter::model::{Config, Date};
use yew::LocalServerRenderer;

fn first_screen() -> String {
    let config = Config::default();
    let checklist = SharedChecklist::new(config.checklist(&builtin()));
    let today = Date::new(2026, 11, 24).expect("a real date");
    let session = Session::start(&checklist, today, Some(Ok(None)), true, None, false);
    let props = ViewProps::still(checklist, &config, session);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    let renderer = LocalServerRenderer::<TroubleshooterView>::with_props(props).hydratable(false);
    runtime.block_on(tokio::task::LocalSet::new().run_until(renderer.render()))
}

/// The `<input>` tags of a kind in the HTML, each with the label that names it by `for`.
fn labelled_inputs(html: &str, kind: &str) -> Vec<(String, String)> {
    let attribute = |tag: &str, name: &str| {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let end = tag[start..].find('"')? + start;
        Some(tag[start..end].to_owned())
    };
    html.split("<input")
        .skip(1)
        .filter_map(|rest| {
            let tag = &rest[..rest.find('>')?];
            (attribute(tag, "type")?.as_str() == kind).then_some(())?;
            let id = attribute(tag, "id")?;
            let opening = format!("<label for=\"{id}\">");
            let after = &html[html.find(&opening)? + opening.len()..];
            let label = after[..after.find("</label>")?].to_owned();
            Some((id, label))
        })
        .collect()
}

#[test]
fn the_first_question_and_its_radio_buttons_render_without_a_browser() {
    let html = first_screen();
    assert!(
        html.contains("Can you sign in to webmail and see new mail arriving?"),
        "{html}"
    );
    let labels: Vec<String> = labelled_inputs(&html, "radio")
        .into_iter()
        .map(|(_, label)| label)
        .collect();
    assert_eq!(labels, ["Yes", "No", "Not sure"], "{html}");
    assert!(html.contains("<fieldset"), "the question is a fieldset");
}

/// Components reach the browser only through hooks that hand them callbacks: no component
/// names the browser edge, and no hook hands out a bare browser function.
#[test]
fn components_get_callbacks_never_browser_functions() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/components");
    for entry in std::fs::read_dir(dir).expect("the components") {
        let path = entry.expect("a file").path();
        let source = std::fs::read_to_string(&path).expect("readable");
        assert!(!source.contains("browser::"), "{}", path.display());
    }
    let hooks = concat!(env!("CARGO_MANIFEST_DIR"), "/src/hooks/use_browser.rs");
    let source = std::fs::read_to_string(hooks).expect("readable");
    assert!(!source.contains("-> fn("), "a hook returns a plain fn");
}
