//! Small hooks that read the browser for a component, so components never touch the edge.

use crate::browser::{download, location, random, share, view};
use crate::content::SharedChecklist;
use crate::model::user_agent;
use std::rc::Rc;
use yew::platform::spawn_local;
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

/// What a continue-link needs of the browser, asked only once `open` (the page's address,
/// whether it can share, whether it is a phone); `None` while folded.
#[hook]
pub fn use_page_for_sharing(open: bool) -> Rc<Option<(String, bool, bool)>> {
    use_memo(open, |open| {
        open.then(|| {
            (
                location::page_address(),
                share::available(),
                share::on_phone(),
            )
        })
    })
}

/// A click handler that offers `url` to the system's share sheet; `failed` is set when it
/// couldn't be shared.
#[hook]
pub fn use_share(title: String, url: String, failed: UseStateHandle<bool>) -> Callback<MouseEvent> {
    // The same callback until the link changes; any handle of `failed` sets the one state.
    use_callback((title, url), move |_: MouseEvent, (title, url)| {
        let (failed, url, title) = (failed.clone(), url.clone(), title.clone());
        spawn_local(async move {
            failed.set(share::share(&title, &url).await == share::Shared::Failed);
        });
    })
}

/// Saves a text as a file: emit `(file name, MIME type, text)`; returns whether it went.
pub type Download = Callback<(String, &'static str, String), bool>;
/// Emit for 32 random bytes from the browser's generator, if it gives them.
pub type RandomBytes = Callback<(), Option<[u8; 32]>>;

thread_local! {
    // One of each per page, so a context holding them stays equal from render to render
    // (cheaper in the bundle than a memo hook per widget).
    static DOWNLOAD: Download = Callback::from(|(name, mime, text): (String, &'static str, String)| {
        download::download(&name, mime, &text)
    });
    static RANDOM_BYTES: RandomBytes = Callback::from(|()| random::bytes());
}

/// The callbacks that save a file and give random bytes, for the widget's context.
pub(super) fn browser_calls() -> (Download, RandomBytes) {
    (DOWNLOAD.with(Clone::clone), RANDOM_BYTES.with(Clone::clone))
}
