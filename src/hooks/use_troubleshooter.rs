//! The edge of the widget's state: the model's [`Session`], started from storage and the page's
//! address, changed only by [`Session::apply`] (with the time read here), and the effects each
//! change asks for carried out here, after the change is drawn: saving, focus and what is read
//! out, the host page's events, the address. Also takes in what other tabs save, and
//! continue-links pasted into this one.

use super::{Download, RandomBytes};
use crate::browser::{clock, host_events, location, storage::Store, storage::Watch, view};
use crate::components::Replay;
use crate::content::SharedChecklist;
use crate::model::session::{announcement, Effect, Focus, Input, Notice, Offer, Session};
use crate::model::shared::Shared;
use crate::model::{link, Checklist, Progress, RestoreError, Timestamp};
use gloo::events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// What the widget renders from: the session, and when it started.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub checklist: SharedChecklist,
    pub session: Shared<Session>,
    /// When the session started: the report's time until the progress changes.
    started_at: Timestamp,
    /// Minutes east of UTC, read once, for the times shown.
    pub utc_offset: i32,
    outbox: Outbox,
}

impl State {
    pub fn new(
        checklist: SharedChecklist,
        session: Session,
        now: Timestamp,
        utc_offset: i32,
    ) -> Self {
        State {
            checklist,
            session: Shared::new(session),
            started_at: now,
            utc_offset,
            outbox: Outbox::default(),
        }
    }

    /// When the progress last changed (or the session started): the report's time.
    pub fn changed_at(&self) -> Timestamp {
        self.session.changed_at().unwrap_or(self.started_at)
    }
}

/// Effects waiting to be carried out once the change that asked for them is drawn. Shared by
/// every state of one widget, so it takes no part in comparing them.
#[derive(Debug, Clone, Default)]
struct Outbox(Rc<RefCell<Vec<Effect>>>);

impl PartialEq for Outbox {
    fn eq(&self, _: &Outbox) -> bool {
        true
    }
}

/// An input, and when it happened.
pub struct Msg(Input, Timestamp);

impl Reducible for State {
    type Action = Msg;

    fn reduce(self: Rc<Self>, Msg(input, now): Msg) -> Rc<Self> {
        let mut session = (*self.session).clone();
        let effects = session.apply(&self.checklist, input, now);
        if effects.is_empty() && session == *self.session {
            return self;
        }
        self.outbox.0.borrow_mut().extend(effects);
        Rc::new(State {
            checklist: self.checklist.clone(),
            session: Shared::new(session),
            started_at: self.started_at,
            utc_offset: self.utc_offset,
            outbox: self.outbox.clone(),
        })
    }
}

/// The widget's state, the way to change it, and the two elements its effects need.
pub struct Troubleshooting {
    pub state: UseReducerHandle<State>,
    /// Sends an input to the session, stamped with the time now.
    pub send: Callback<Input>,
    /// The widget's outermost element: events are sent from it, focus is found inside it.
    pub root: NodeRef,
    /// The live region where a move between steps is read out.
    pub announcer: NodeRef,
    /// What components may ask of the browser, for the widget's context.
    pub download: Download,
    pub random_bytes: RandomBytes,
}

/// Starts the session for a storage key (with any continue-link the page was opened with),
/// carries out what each change asks, and takes in changes saved by other instances or tabs
/// with the same key.
#[hook]
pub fn use_troubleshooter(
    checklist: SharedChecklist,
    storage_key: AttrValue,
    translation_missing: bool,
    replay: Rc<Replay>,
) -> Troubleshooting {
    let store = use_memo(storage_key.clone(), |key| Store::open(key));
    let state = {
        let store = Rc::clone(&store);
        let storage_key = storage_key.clone();
        use_reducer(move || {
            let mut session = start(&store, &checklist, &storage_key, translation_missing);
            let now = clock::now();
            let effects = session.replay(&checklist, &replay.actions, replay.focus_here, now);
            let state = State::new(checklist, session, now, clock::utc_offset_minutes());
            // Carried out after the first render, as any change's are.
            state.outbox.0.borrow_mut().extend(effects);
            state
        })
    };
    let send = use_callback(state.dispatcher(), |input: Input, dispatcher| {
        dispatcher.dispatch(Msg(input, clock::now()))
    });
    let root = use_node_ref();
    let announcer = use_node_ref();

    // After every render: what the changes just drawn asked for.
    {
        let (state, send) = (state.clone(), send.clone());
        let (store, root, announcer) = (Rc::clone(&store), root.clone(), announcer.clone());
        use_effect(move || {
            let effects = std::mem::take(&mut *state.outbox.0.borrow_mut());
            let mut saved = false;
            for effect in effects {
                match effect {
                    Effect::Save => {
                        if !saved {
                            saved = true;
                            save(&store, &state, &send);
                        }
                    }
                    Effect::Focus(focus) => move_focus(
                        &root,
                        &announcer,
                        &state.checklist,
                        state.session.progress(),
                        &focus,
                    ),
                    Effect::Tell(events) => {
                        if let Some(target) = root.cast::<Element>() {
                            for event in &events {
                                host_events::send(
                                    &target,
                                    &state.checklist,
                                    state.session.progress(),
                                    state.session.diagnosis().map(|d| &**d),
                                    event,
                                );
                            }
                        }
                    }
                    Effect::ForgetFragment(fragment) => location::forget_fragment(&fragment),
                    Effect::Reveal => reveal_guidance(&root),
                }
            }
        });
    }

    // Take in what other instances on this page, and other tabs, save under the same key.
    {
        let send = send.clone();
        let checklist = state.checklist.clone();
        use_effect_with(Rc::clone(&store), move |store| {
            let reader = Rc::clone(store);
            let watch: Option<Watch> =
                store.watch(move || match reader.load(&checklist, clock::today()) {
                    Ok(Some(restored)) => send.emit(Input::Adopt(Box::new(restored.progress))),
                    Ok(None) => {}
                    // A newer version's value is left in place (it is kept aside too).
                    Err(RestoreError::Newer(_)) => {}
                    // Claimed as it is read: by the time the save runs, it may have changed.
                    Err(RestoreError::Unreadable(_)) => {
                        if reader.claim_unreadable() {
                            send.emit(Input::WriteBack);
                        }
                    }
                });
            move || drop(watch)
        });
    }

    // A continue-link pasted into this tab changes only the fragment: no reload, so listen.
    {
        let send = send.clone();
        let checklist = state.checklist.clone();
        use_effect_with(storage_key, move |storage_key| {
            let storage_key = storage_key.clone();
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "hashchange", move |_| {
                    if let Some(read) = link_in_address(&checklist, &storage_key) {
                        send.emit(match Offer::from_link(read.0, read.1) {
                            Ok(offer) => Input::Offered(offer),
                            Err(notice) => Input::Notice(notice),
                        });
                    }
                })
            });
            move || drop(listener)
        });
    }
    let (download, random_bytes) = super::use_browser::browser_calls();
    Troubleshooting {
        state,
        send,
        root,
        announcer,
        download,
        random_bytes,
    }
}

/// Saves the progress; says so when a save fails, and takes that back when one works again.
fn save(store: &Store, state: &State, send: &Callback<Input>) {
    if !store.can_save() {
        return;
    }
    let failed_before = state.session.notices().contains(&Notice::SaveFailed);
    if !store.save(state.session.progress(), &state.checklist) {
        send.emit(Input::Notice(Notice::SaveFailed));
    } else if failed_before {
        send.emit(Input::Saved);
    }
}

/// Brings the place `focus` names to the top of the view, focused, and reads out where the
/// user now is.
fn move_focus(
    root: &NodeRef,
    announcer: &NodeRef,
    checklist: &Checklist,
    progress: &Progress,
    focus: &Focus,
) {
    let Some(root) = root.cast::<Element>() else {
        return;
    };
    let find = |selector: &str| root.query_selector(selector).ok().flatten();
    let target = match focus {
        Focus::Step(_) => find(".et-step--open .et-step-title"),
        Focus::Summary => find(".et-summary-title"),
        Focus::Resolved => find(".et-resolved-title"),
        Focus::Contact => find(".et-contact-title"),
        Focus::Error => find(".et-error-summary"),
        Focus::Resume => {
            find(".et-step--open .et-step-title").or_else(|| find(".et-summary-title"))
        }
        Focus::Finding(id) => {
            let titles = root.query_selector_all(".et-finding-title").ok();
            titles.and_then(|titles| {
                (0..titles.length())
                    .filter_map(|i| titles.item(i)?.dyn_into::<Element>().ok())
                    .find(|title| title.get_attribute("data-finding").as_deref() == Some(id))
            })
        }
    };
    if let Some(said) = announcement(checklist, progress, focus) {
        if let Some(region) = announcer.cast::<Element>() {
            region.set_text_content(Some(&said));
        }
    }
    let Some(element) = target.and_then(|t| t.dyn_into::<HtmlElement>().ok()) else {
        return;
    };
    match focus {
        Focus::Step(_) | Focus::Summary | Focus::Error | Focus::Resume => {
            view::bring_to_top(&element)
        }
        _ => {
            // The box around it: the lead's label and the line saying why it leads, or the
            // Fixed panel's border, stay in view with the heading.
            let around = element
                .closest(".et-first-cause, .et-resolved")
                .ok()
                .flatten();
            view::bring_to_top_within(&element, around.as_ref().unwrap_or(&element));
        }
    }
}

/// Scrolls just enough to show the open step's guidance, if the answer brought any.
fn reveal_guidance(root: &NodeRef) {
    let guidance = root
        .cast::<Element>()
        .and_then(|root| {
            root.query_selector(".et-step--open .et-guidance")
                .ok()
                .flatten()
        })
        .filter(|guidance| guidance.child_element_count() > 0);
    if let Some(guidance) = guidance {
        view::reveal(&guidance);
    }
}

/// The session to start from: saved progress (or a fresh start), notices about it, and the
/// answers of a continue-link in the address, if any.
fn start(
    store: &Store,
    checklist: &Checklist,
    storage_key: &str,
    translation_missing: bool,
) -> Session {
    let today = clock::today();
    let stored = store.can_read().then(|| store.load(checklist, today));
    if let Some(Err(RestoreError::Unreadable(why))) = &stored {
        web_sys::console::warn_2(
            &"email-troubleshooter: saved progress ignored:".into(),
            &(*why).into(),
        );
    }
    let link = link_in_address(checklist, storage_key);
    Session::start(
        checklist,
        today,
        stored,
        store.can_save(),
        link,
        translation_missing,
    )
}

/// A continue-link for this storage key in the page's address, read, with its fragment.
fn link_in_address(
    checklist: &Checklist,
    storage_key: &str,
) -> Option<(
    Result<crate::model::saved::Restored, link::LinkError>,
    String,
)> {
    let fragment = location::fragment();
    let read = link::read_restored(&fragment, storage_key, checklist, clock::today())?;
    Some((read, fragment))
}
