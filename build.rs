//! Checks the content files against the schema and turns them into compact JSON for the wasm.
//!
//! A content mistake (a missing answer, a link that isn't defined) fails the build here, with
//! the place named, instead of reaching a user.

#[allow(dead_code)]
#[path = "src/model/checklist.rs"]
mod checklist;

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=src/model/checklist.rs");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    let source = Path::new("content/en.toml");
    let text = fs::read_to_string(source).unwrap_or_else(|e| panic!("{}: {e}", source.display()));
    let content: checklist::Checklist =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", source.display()));
    let problems = content.problems();
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!(
            "{} has problems:\n  {}",
            source.display(),
            list.join("\n  ")
        );
    }
    let json = serde_json::to_string(&content).expect("content serialises");
    fs::write(Path::new(&out_dir).join("content.en.json"), json).expect("OUT_DIR is writable");
}
