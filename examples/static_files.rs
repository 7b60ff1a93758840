//! Writes the files `dist/` serves beside the wasm that are made from the content: a
//! `locale-<lang>.js` for each language but English, and an `article-<lang>.html` for each.
//! Trunk runs it after every build (`scripts/post-build.mjs`); by hand:
//! `cargo run --example static_files -- <directory>`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

// A build tool: there is nothing for it to do inside the browser.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use email_troubleshooter::content::BUILTINS;
    use email_troubleshooter::export::{plain_page, translation_module};
    use std::path::PathBuf;
    use std::process::ExitCode;

    pub fn main() -> ExitCode {
        let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
            eprintln!("usage: static_files <directory>");
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
                    eprintln!("static_files: {}: {error}", path.display());
                    return ExitCode::FAILURE;
                }
            }
        }
        ExitCode::SUCCESS
    }
}
