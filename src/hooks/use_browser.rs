//! Small hooks that read the browser for a component, so components never touch the edge.

use crate::browser::{download, location, view};
use crate::content::SharedChecklist;
use crate::model::user_agent;
use std::rc::Rc;
use yew::prelude::*;

/// Whether a media query matches, read once when the component mounts.
#[hook]
pub fn use_media_query(query: &'static str) -> bool {
    *use_memo((), move |_| view::matches(query))
}

/// The user's browser and system in words, for the report; read once per checklist.
#[hook]
pub fn use_browser_description(checklist: SharedChecklist) -> Rc<String> {
    use_memo(checklist, |checklist| {
        user_agent::describe(&checklist.text, &location::user_agent())
    })
}

/// Saves a text as a file: `(file name, MIME type, text)`, whether it went.
#[hook]
pub fn use_download() -> fn(&str, &str, &str) -> bool {
    download::download
}
