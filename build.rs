//! Checks the content files against the schema and compiles them into the crate as Rust data.
//!
//! A content mistake (a missing answer, a link that isn't defined, a translation whose steps
//! differ from English) fails the build here, with the place named, instead of reaching a
//! user; and the wasm needs no parser for its content.

#[path = "build/css.rs"]
mod css;
#[path = "build/rust_literal.rs"]
mod rust_literal;

use email_troubleshooter_model::checklist::{Checklist, ChecklistFile, StrictIds};
use rust_literal::RustLiteral;
use std::{env, fs, path::Path};

/// English comes first: it is the fallback, and the others are checked against it.
const FIRST_LANGUAGE: &str = "en";

fn main() {
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=styles/widget.css");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");

    let mut languages: Vec<String> = fs::read_dir("content")
        .expect("content/ is readable")
        .filter_map(|entry| {
            entry
                .ok()?
                .path()
                .file_name()?
                .to_str()?
                .strip_suffix(".toml")
                .map(str::to_owned)
        })
        .collect();
    languages.sort_by_key(|lang| (lang != FIRST_LANGUAGE, lang.clone()));
    assert_eq!(
        languages.first().map(String::as_str),
        Some(FIRST_LANGUAGE),
        "content/en.toml is missing"
    );

    let mut source = String::new();
    let mut first: Option<Checklist> = None;
    for lang in &languages {
        let content = read(lang);
        if let Some(original) = &first {
            let differences = content.differences_from(original);
            if !differences.is_empty() {
                panic!(
                    "content/{lang}.toml differs from content/en.toml:\n  {}",
                    differences.join("\n  ")
                );
            }
            // The wasm builds translations from English and a list of texts: that must give
            // back exactly this language's checklist.
            let texts = content
                .clone()
                .translatable_mut()
                .into_iter()
                .map(|text| text.to_string())
                .collect();
            if original.translated(texts).as_ref() != Some(&content) {
                panic!("content/{lang}.toml can't be rebuilt from English and its own texts");
            }
        }
        source.push_str(&format!(
            "pub static BUILTIN_{}: Checklist = {};\n",
            lang.to_uppercase(),
            content.literal()
        ));
        first.get_or_insert(content);
    }
    let all: Vec<String> = languages
        .iter()
        .map(|lang| format!("&BUILTIN_{}", lang.to_uppercase()))
        .collect();
    source.push_str(&format!(
        "/// Every built-in language, English first.\npub static BUILTINS: [&Checklist; {}] = [{}];\n",
        languages.len(),
        all.join(", ")
    ));
    source.push_str(&format!(
        "/// The codes of the built-in languages, English first.\npub static LANGUAGES: [&str; {}] = {:?};\n",
        languages.len(),
        languages
    ));
    // A translation file made for other English content must not be applied to this one.
    source.push_str(&format!(
        "/// Names this English content; translation files carry the name they were made for.\npub const CONTENT_FINGERPRINT: &str = \"{}\";\n",
        first
            .as_ref()
            .expect("content/en.toml is read first")
            .fingerprint(&fs::read("content/en.toml").expect("content/en.toml is readable"))
    ));
    fs::write(Path::new(&out_dir).join("builtin.rs"), source).expect("OUT_DIR is writable");

    let styles = fs::read_to_string("styles/widget.css").expect("styles/widget.css is readable");
    fs::write(
        Path::new(&out_dir).join("widget.min.css"),
        css::minify(&styles),
    )
    .expect("OUT_DIR is writable");
}

/// One language's content, which must give every text itself and break no rule.
fn read(lang: &str) -> Checklist {
    let path = format!("content/{lang}.toml");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    // Checks and signals first, strictly, so an unknown one is named with its line.
    toml::from_str::<StrictIds>(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let file: ChecklistFile = toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let content = file
        .complete(None)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .checked_builtin()
        .unwrap_or_else(|problems| {
            let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
            panic!("{path} has problems:\n  {}", list.join("\n  "));
        });
    if content.lang != lang {
        panic!(
            "{path}: lang is {:?}, but the file is named for {lang:?}",
            content.lang
        );
    }
    content
}
