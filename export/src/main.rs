//! Writes the files `dist/` serves beside the wasm that are made from the content: a
//! `locale-<lang>.js` for each language but English, an `article-<lang>.html` and a
//! `first-screen-<lang>.js` for each, and `widget-styles.js`.
//! Trunk runs it after every build (`scripts/post-build.mjs`); by hand:
//! `cargo run -p email_troubleshooter_export -- <directory>`.

use email_troubleshooter::content::BUILTINS;
use email_troubleshooter::WIDGET_CSS;
use email_troubleshooter_export::{first_screen, plain_page, styles_module, translation_module};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: export-content <directory>");
        return ExitCode::FAILURE;
    };
    let mut files = vec![("widget-styles.js".to_owned(), styles_module(WIDGET_CSS))];
    for checklist in BUILTINS {
        let lang = &checklist.lang;
        let first = match first_screen::module(checklist) {
            Ok(module) => module,
            Err(error) => {
                eprintln!("export-content: the first screen in {lang}: {error}");
                return ExitCode::FAILURE;
            }
        };
        files.push((format!("first-screen-{lang}.js"), first));
        files.push((format!("article-{lang}.html"), plain_page(checklist)));
        if lang != "en" {
            files.push((format!("locale-{lang}.js"), translation_module(checklist)));
        }
    }
    for (name, contents) in files {
        let path = dir.join(name);
        if let Err(error) = std::fs::write(&path, contents) {
            eprintln!("export-content: {}: {error}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
