//! The widget's state: the model's progress, loaded from and saved to storage.

use crate::browser::{clock, storage::Store};
use crate::content::Content;
use crate::model::{Action, Checklist, Position, Progress, RestoreError};
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

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub checklist: Content,
    pub progress: Progress,
    /// Counts the user's moves between steps, so that focus follows only real moves.
    pub moves: u32,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut progress = self.progress.clone();
        let was_at: Position = progress.at();
        let start_again = action == Action::StartAgain;
        if !progress.apply(&self.checklist, action) {
            return self;
        }
        let moved = progress.at() != was_at || start_again;
        Rc::new(State {
            checklist: self.checklist.clone(),
            moves: self.moves + u32::from(moved),
            progress,
        })
    }
}

/// Loads the saved progress for a storage key, and saves every change to it.
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
            progress: loaded.0.clone(),
            moves: 0,
        })
    };

    // Save every change at once; never the value just loaded, so an untrusted one stays put.
    let loaded_now = use_mut_ref(|| true);
    {
        let notice = notice.clone();
        let checklist = state.checklist.clone();
        use_effect_with(state.progress.clone(), move |progress| {
            if std::mem::take(&mut *loaded_now.borrow_mut()) {
                return;
            }
            if store.is_available() && !store.save(progress, &checklist) {
                notice.set(Some(Notice::SaveFailed));
            }
        });
    }
    (state, *notice)
}

fn load(store: &Store, checklist: &Checklist) -> (Progress, Option<Notice>) {
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
            web_sys::console::warn_1(
                &format!("email-troubleshooter: saved progress ignored: {why}").into(),
            );
            (fresh(), Some(Notice::Unreadable))
        }
    }
}
