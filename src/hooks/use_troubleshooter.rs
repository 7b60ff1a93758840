//! The widget's state: the model's progress, loaded from and saved to storage, kept in step
//! with other instances and tabs that share its storage key, and reported to the host page.

use crate::browser::{clock, storage::Store, storage::Watch};
use crate::content::Content;
use crate::model::{Action, Event, Progress, Reporter, RestoreError};
use std::rc::Rc;
use yew::prelude::*;

/// A one-line message about saving, shown above the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// Storage is switched off or refuses writes: the widget works in memory only.
    Unavailable,
    /// What was saved couldn't be trusted, so the checklist started again.
    Unreadable,
    /// What was saved came from a newer version, so the checklist started again.
    Newer,
    /// A save failed after earlier ones worked (for example, storage is full).
    SaveFailed,
}

pub enum Msg {
    /// Something the user did here.
    Act(Action),
    /// Answers saved by another instance or tab with the same storage key.
    Adopt(Progress),
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub checklist: Content,
    pub progress: Progress,
    /// Counts the user's moves between steps, so that focus follows only real moves.
    pub moves: u32,
    reporter: Reporter,
    /// What the latest change means to the host page, numbered so each batch is sent once.
    pub events: (u32, Rc<Vec<Event>>),
    /// Whether the latest change was made here, and so is to be saved.
    made_here: bool,
}

impl Reducible for State {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            Msg::Act(action) => {
                let start_again = action == Action::StartAgain;
                if !next.progress.apply(&self.checklist, action.clone()) {
                    return self;
                }
                let moved = next.progress.at() != self.progress.at() || start_again;
                next.moves += u32::from(moved);
                let events =
                    next.reporter
                        .report(&self.checklist, &self.progress, &next.progress, &action);
                if !events.is_empty() {
                    next.events = (self.events.0 + 1, Rc::new(events));
                }
                next.made_here = true;
            }
            Msg::Adopt(other) => {
                if !next.progress.adopt(&self.checklist, &other) {
                    return self;
                }
                next.reporter.sync(&next.progress);
                next.made_here = false;
            }
        }
        Rc::new(next)
    }
}

/// Loads the saved progress for a storage key, saves every change made here, and takes in
/// changes saved by other instances or tabs with the same key.
#[hook]
pub fn use_troubleshooter(
    checklist: Content,
    storage_key: AttrValue,
) -> (UseReducerHandle<State>, Option<Notice>) {
    let store = use_memo(storage_key, |key| Store::open(key));
    let loaded = {
        let store = Rc::clone(&store);
        let checklist = checklist.clone();
        use_memo((), move |_| load(&store, &checklist))
    };
    let notice = use_state_eq(|| loaded.1);
    let state = {
        let loaded = Rc::clone(&loaded);
        use_reducer(move || State {
            checklist,
            reporter: Reporter::new(&loaded.0),
            progress: loaded.0.clone(),
            moves: 0,
            events: (0, Rc::default()),
            made_here: false,
        })
    };

    // Save every change made here at once; never the value just loaded, so an untrusted one stays put.
    {
        let store = Rc::clone(&store);
        let notice = notice.clone();
        let checklist = state.checklist.clone();
        let made_here = state.made_here;
        use_effect_with(state.progress.clone(), move |progress| {
            if made_here && store.is_available() && !store.save(progress, &checklist) {
                notice.set(Some(Notice::SaveFailed));
            }
        });
    }

    // Take in what other instances on this page, and other tabs, save under the same key.
    {
        let dispatcher = state.dispatcher();
        let checklist = state.checklist.clone();
        use_effect_with(Rc::clone(&store), move |store| {
            let reader = Rc::clone(store);
            let watch: Option<Watch> = store.watch(move || {
                if let Ok(Some(progress)) = reader.load(&checklist, clock::today()) {
                    dispatcher.dispatch(Msg::Adopt(progress));
                }
            });
            move || drop(watch)
        });
    }
    (state, *notice)
}

fn load(store: &Store, checklist: &Content) -> (Progress, Option<Notice>) {
    let today = clock::today();
    let fresh = || Progress::new(checklist, today);
    if !store.is_available() {
        return (fresh(), Some(Notice::Unavailable));
    }
    match store.load(checklist, today) {
        Ok(Some(progress)) => (progress, None),
        Ok(None) => (fresh(), None),
        Err(RestoreError::Newer(_)) => (fresh(), Some(Notice::Newer)),
        Err(RestoreError::Unreadable(why)) => {
            web_sys::console::warn_2(
                &"email-troubleshooter: saved progress ignored:".into(),
                &why.into(),
            );
            (fresh(), Some(Notice::Unreadable))
        }
    }
}
