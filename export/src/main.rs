//! Writes the files `dist/` serves beside the wasm that are made from the content: a
//! `locale-<lang>.js` for each language but English, and an `article-<lang>.html` for each.
//! Trunk runs it after every build (`scripts/post-build.mjs`); by hand:
//! `cargo run -p email_troubleshooter_export -- <directory>`.

use email_troubleshooter::content::BUILTINS;
use email_troubleshooter_export::{plain_page, translation_module};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: export-content <directory>");
        return ExitCode::FAILURE;
    };
    for checklist in BUILTINS {
        let lang = &checklist.lang;
        let mut files = vec![(format!("article-{lang}.html"), plain_page(checklist))];
        if lang != "en" {
            files.push((format!("locale-{lang}.js"), translation_module(checklist)));
        }
        for (name, contents) in files {
            let path = dir.join(name);
            if let Err(error) = std::fs::write(&path, contents) {
                eprintln!("export-content: {}: {error}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
