//! Saved progress in `localStorage`, which may be missing, refuse to work, or hold anything.

use crate::model::saved::{decode, encode};
use crate::model::{Checklist, Date, Progress, RestoreError};
use gloo::events::EventListener;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Every key the widget writes starts with this, so its values can't mix with the host's.
pub const KEY_PREFIX: &str = "email-troubleshooter:";

/// Where a saved value that could not be trusted is kept, so that nothing is thrown away.
const UNREADABLE_SUFFIX: &str = ":unreadable";

/// One instance's place in `localStorage`.
pub struct Store {
    key: String,
    local: Option<web_sys::Storage>,
    /// Tells this instance's own saves apart from other instances' on the same page.
    id: u32,
}

type Listener = Rc<dyn Fn()>;

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
    /// The instances on this page that watch a key, so a save here can tell the others.
    static WATCHERS: RefCell<Vec<(u32, String, Listener)>> = const { RefCell::new(Vec::new()) };
}

/// While it lives, calls its listener when another instance or tab saves under the same key.
pub struct Watch {
    id: u32,
    _other_tabs: EventListener,
}

impl Drop for Watch {
    fn drop(&mut self) {
        WATCHERS.with(|watchers| watchers.borrow_mut().retain(|(id, _, _)| *id != self.id));
    }
}

impl Store {
    /// Opens the store for a storage key; `is_available` says whether saving will work.
    pub fn open(storage_key: &str) -> Store {
        Store {
            key: storage_key_for(storage_key),
            local: usable_local_storage(),
            id: NEXT_ID.with(|next| next.replace(next.get().wrapping_add(1))),
        }
    }

    pub fn is_available(&self) -> bool {
        self.local.is_some()
    }

    pub fn key(&self) -> &str {
        &self.key
    }

    /// Reads saved progress. `Ok(None)` when nothing was saved; an error when what is there
    /// can't be trusted, in which case it has been copied aside before anything overwrites it.
    pub fn load(
        &self,
        checklist: &Checklist,
        today: Date,
    ) -> Result<Option<Progress>, RestoreError> {
        let Some(local) = &self.local else {
            return Ok(None);
        };
        let Ok(Some(text)) = local.get_item(&self.key) else {
            return Ok(None);
        };
        let restored = decode(&text, checklist, today);
        if restored.is_err() {
            // Kept aside so a newer version (or a person) can still recover it.
            let _ = local.set_item(&format!("{}{UNREADABLE_SUFFIX}", self.key), &text);
        }
        restored.map(Some)
    }

    /// Writes progress; `false` when the browser refused (full, or storage switched off).
    pub fn save(&self, progress: &Progress, checklist: &Checklist) -> bool {
        let Some(local) = &self.local else {
            return false;
        };
        let saved = local
            .set_item(&self.key, &encode(progress, checklist))
            .is_ok();
        if saved {
            self.tell_others();
        }
        saved
    }

    /// Calls `listener` whenever another instance on this page, or another tab, saves under
    /// this key. `None` when there is no storage to watch.
    pub fn watch(&self, listener: impl Fn() + 'static) -> Option<Watch> {
        self.local.as_ref()?;
        let window = web_sys::window()?;
        let listener: Listener = Rc::new(listener);
        WATCHERS.with(|watchers| {
            watchers
                .borrow_mut()
                .push((self.id, self.key.clone(), Rc::clone(&listener)))
        });
        let key = self.key.clone();
        // The `storage` event only fires in the other tabs of the same site.
        let other_tabs = EventListener::new(&window, "storage", move |event| {
            let changed = event
                .dyn_ref::<web_sys::StorageEvent>()
                .map(web_sys::StorageEvent::key);
            // A key of null means the whole of storage was cleared.
            if matches!(changed, Some(None)) || changed.flatten().as_deref() == Some(key.as_str()) {
                listener();
            }
        });
        Some(Watch {
            id: self.id,
            _other_tabs: other_tabs,
        })
    }

    fn tell_others(&self) {
        let others: Vec<Listener> = WATCHERS.with(|watchers| {
            watchers
                .borrow()
                .iter()
                .filter(|(id, key, _)| *id != self.id && *key == self.key)
                .map(|(_, _, listener)| Rc::clone(listener))
                .collect()
        });
        for listener in others {
            listener();
        }
    }
}

impl PartialEq for Store {
    fn eq(&self, other: &Store) -> bool {
        self.id == other.id
    }
}

pub fn storage_key_for(storage_key: &str) -> String {
    let name = storage_key.trim();
    format!(
        "{KEY_PREFIX}{}",
        if name.is_empty() { "default" } else { name }
    )
}

/// `localStorage`, if reading it doesn't throw and a write goes through.
fn usable_local_storage() -> Option<web_sys::Storage> {
    let local = web_sys::window()?.local_storage().ok()??;
    let probe = format!("{KEY_PREFIX}probe");
    local.set_item(&probe, "1").ok()?;
    local.remove_item(&probe).ok()?;
    Some(local)
}
