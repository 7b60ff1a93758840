//! Saved progress in `localStorage`, which may be missing, refuse to work, or hold anything.

use crate::model::saved::{decode, encode};
use crate::model::{Checklist, Date, Progress, RestoreError};

/// Every key the widget writes starts with this, so its values can't mix with the host's.
pub const KEY_PREFIX: &str = "email-troubleshooter:";

/// Where a saved value that could not be trusted is kept, so that nothing is thrown away.
const UNREADABLE_SUFFIX: &str = ":unreadable";

/// One instance's place in `localStorage`.
pub struct Store {
    key: String,
    local: Option<web_sys::Storage>,
}

impl Store {
    /// Opens the store for a storage key; `is_available` says whether saving will work.
    pub fn open(storage_key: &str) -> Store {
        Store {
            key: storage_key_for(storage_key),
            local: usable_local_storage(),
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
        local
            .set_item(&self.key, &encode(progress, checklist))
            .is_ok()
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
