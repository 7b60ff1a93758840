//! Saved progress in `localStorage`, which may be missing, refuse to work, or hold anything.

use crate::model::saved::{decode, encode, Restored};
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
    /// `localStorage`, if reading it works.
    local: Option<web_sys::Storage>,
    /// Whether a write went through when the store was opened (a full storage refuses).
    writable: bool,
    /// Set while the value under the key can't be read and couldn't be copied aside: it is
    /// then the only copy, and no save may overwrite it.
    guarding: Cell<bool>,
    /// The last unreadable value this instance saved over (see [`Store::claim_unreadable`]).
    written_over: RefCell<Option<String>>,
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
    /// Opens the store for a storage key; `can_read` and `can_save` say what will work.
    pub fn open(storage_key: &str) -> Store {
        let local = readable_local_storage();
        Store {
            key: storage_key_for(storage_key),
            writable: local.as_ref().is_some_and(accepts_writes),
            local,
            guarding: Cell::new(false),
            written_over: RefCell::new(None),
            id: NEXT_ID.with(|next| next.replace(next.get().wrapping_add(1))),
        }
    }

    /// Whether saved progress can be read (even when nothing more can be written).
    pub fn can_read(&self) -> bool {
        self.local.is_some()
    }

    /// Whether saving is expected to work.
    pub fn can_save(&self) -> bool {
        self.writable
    }

    pub fn key(&self) -> &str {
        &self.key
    }

    /// Reads saved progress. `Ok(None)` when nothing was saved; an error when what is there
    /// can't be trusted. Whatever can't be read in full (the whole value, or a check result
    /// left out of it) is first copied aside; if even that copy is refused, saves are held back
    /// so the only copy is never overwritten.
    pub fn load(
        &self,
        checklist: &Checklist,
        today: Date,
    ) -> Result<Option<Restored>, RestoreError> {
        let Some(local) = &self.local else {
            return Ok(None);
        };
        let Ok(Some(text)) = local.get_item(&self.key) else {
            return Ok(None);
        };
        let restored = decode(&text, checklist, today);
        let partly_unread = match &restored {
            Ok(restored) => restored.checks_left_out + restored.marks_left_out > 0,
            Err(_) => true,
        };
        // Kept aside so a newer version (or a person) can still recover it.
        let kept_aside = !partly_unread
            || local
                .set_item(&[&*self.key, UNREADABLE_SUFFIX].concat(), &text)
                .is_ok();
        // Only answers nobody can read are worth guarding: a check result left out of readable
        // answers can be run again, and must not stop every later save.
        self.guarding.set(restored.is_err() && !kept_aside);
        restored.map(Some)
    }

    /// Whether this instance should save its progress over the unreadable value now under the
    /// key: once per distinct value, so two tabs that can't read each other's values (another
    /// version of the content, say) don't take turns overwriting each other for ever.
    pub fn claim_unreadable(&self) -> bool {
        let Some(text) = self
            .local
            .as_ref()
            .and_then(|local| local.get_item(&self.key).ok().flatten())
        else {
            return false;
        };
        let mut written_over = self.written_over.borrow_mut();
        if written_over.as_deref() == Some(text.as_str()) {
            return false;
        }
        *written_over = Some(text);
        true
    }

    /// Writes progress; `false` when the browser refused (full, or storage switched off), or
    /// when the value there is an unreadable one that couldn't be kept aside.
    pub fn save(&self, progress: &Progress, checklist: &Checklist) -> bool {
        let Some(local) = &self.local else {
            return false;
        };
        if self.guarding.get() {
            return false;
        }
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
    [KEY_PREFIX, if name.is_empty() { "default" } else { name }].concat()
}

/// `localStorage`, if getting it and reading from it don't throw.
fn readable_local_storage() -> Option<web_sys::Storage> {
    let local = web_sys::window()?.local_storage().ok()??;
    local.get_item(&[KEY_PREFIX, "probe"].concat()).ok()?;
    Some(local)
}

/// Whether a small write goes through (a full or read-only storage refuses it).
fn accepts_writes(local: &web_sys::Storage) -> bool {
    let probe = [KEY_PREFIX, "probe"].concat();
    local.set_item(&probe, "1").is_ok() && local.remove_item(&probe).is_ok()
}
