//! Checks the content files against the schema and compiles them into the crate as Rust data.
//!
//! A content mistake (a missing answer, a link that isn't defined) fails the build here, with
//! the place named, instead of reaching a user; and the wasm needs no parser for its content.

#[allow(dead_code)]
#[path = "src/model/checklist.rs"]
mod checklist;
#[path = "build/css.rs"]
mod css;
#[path = "build/rust_literal.rs"]
mod rust_literal;

use rust_literal::RustLiteral;
use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=src/model/checklist.rs");
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=styles/widget.css");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    let source = Path::new("content/en.toml");
    let text = fs::read_to_string(source).unwrap_or_else(|e| panic!("{}: {e}", source.display()));
    let file: checklist::ChecklistFile =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", source.display()));
    // The built-in content must give every text itself.
    let content = file
        .complete(None)
        .unwrap_or_else(|e| panic!("{}: {e}", source.display()));
    let problems = content.problems();
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!(
            "{} has problems:\n  {}",
            source.display(),
            list.join("\n  ")
        );
    }
    let source = format!(
        "pub static BUILTIN_EN: Checklist = {};\n",
        content.literal()
    );
    fs::write(Path::new(&out_dir).join("builtin_en.rs"), source).expect("OUT_DIR is writable");

    let styles = fs::read_to_string("styles/widget.css").expect("styles/widget.css is readable");
    fs::write(
        Path::new(&out_dir).join("widget.min.css"),
        css::minify(&styles),
    )
    .expect("OUT_DIR is writable");
}
