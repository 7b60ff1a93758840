//! The built-in checklist, checked and turned into JSON by `build.rs`.

/// The English checklist as compact JSON.
pub const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/content.en.json"));
