//! Files made from the content at build time and served beside the wasm (see
//! `src/main.rs`, the `export-content` binary Trunk runs after each build):
//!
//! - `locale-<lang>.js`: one language's texts, which the embed script loads only for the
//!   pages that show that language, so the wasm carries English alone;
//! - `first-screen-<lang>.js`: the first screen, drawn ahead of time (see [`first_screen`]);
//! - `widget-styles.js`: the widget's CSS;
//! - `article-<lang>.html`: the checklist as a plain page with no script, for browsers that
//!   can't run the widget, for hosts to link to from the element's fallback content, and as
//!   the baseline `make bench` compares the widget with.
//!
//! A crate of its own, run natively at build time: nothing here is in the wasm.

pub mod first_screen;

use email_troubleshooter::content::CONTENT_FINGERPRINT;
use email_troubleshooter::model::{Checklist, Link, StepKind};
use std::fmt::Write;

/// The `locale-<lang>.js` module for a translation: its texts in the order of
/// [`Checklist::translatable_mut`], marked with the English content they were made for.
pub fn translation_module(translation: &Checklist) -> String {
    let mut copy = translation.clone();
    let texts: Vec<String> = copy
        .translatable_mut()
        .into_iter()
        .map(|text| js_string(text))
        .collect();
    format!(
        "export default{{content:{},texts:[{}]}};\n",
        js_string(CONTENT_FINGERPRINT),
        texts.join(",")
    )
}

/// `widget-styles.js`: the widget's CSS, which the embed script gives the first screen and the
/// wasm alike, so it is downloaded once.
pub fn styles_module(css: &str) -> String {
    format!("export default{};\n", js_string(css))
}

/// A string literal that means the same in JavaScript and JSON.
pub(crate) fn js_string(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            // `</script>` and the two line separators can't end or break the module.
            '<' | '\u{2028}' | '\u{2029}' => {
                let _ = write!(quoted, "\\u{:04x}", c as u32);
            }
            c if c < ' ' => {
                let _ = write!(quoted, "\\u{:04x}", c as u32);
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// The whole checklist as one static page: every question, why it matters, and what each
/// answer means, in the content's order and words.
pub fn plain_page(checklist: &Checklist) -> String {
    let checklist = checklist.clone().with_provider_name();
    let text = &checklist.text;
    let mut page = String::new();
    let _ = write!(
        page,
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{PLAIN_CSS}</style>\n</head>\n<body>\n<main>\n\
         <h1>{title}</h1>\n<p>{intro}</p>\n",
        lang = escape(&checklist.lang),
        title = escape(text.title()),
        intro = escape(&text.intro(&checklist.steps.len().to_string())),
    );

    let before = &checklist.prerequisites;
    let _ = write!(
        page,
        "<h2>{}</h2>\n<dl>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd><ul>",
        escape(text.before_you_start()),
        escape(text.applies_to()),
        escape(&before.applies_to),
        escape(text.difficulty()),
        escape(&before.difficulty),
        escape(text.time_needed()),
        escape(&before.time_needed),
        escape(text.tools_needed()),
    );
    for tool in before.tools.iter() {
        let _ = write!(page, "<li>{}</li>", escape(tool));
    }
    page.push_str("</ul></dd>\n</dl>\n");

    let _ = writeln!(
        page,
        "<h2>{}</h2>\n<ol class=\"steps\">",
        escape(text.steps_heading())
    );
    let total = checklist.steps.len().to_string();
    for (index, step) in checklist.steps.iter().enumerate() {
        let n = (index + 1).to_string();
        let _ = write!(
            page,
            "<li id=\"{id}\">\n<p class=\"step-of\">{of}</p>\n<h3>{question}</h3>\n<p>{why}</p>\n",
            id = escape(&step.id),
            of = escape(&text.step_of(&n, &total)),
            question = escape(&step.question),
            why = escape(&step.why),
        );
        if let Some(link) = checklist.link(step.link.as_ref()) {
            let _ = writeln!(page, "<p>{}</p>", anchor(link));
        }
        if step.kind == StepKind::When {
            let _ = writeln!(page, "<p>{}</p>", escape(text.changes_legend()));
        }
        // Each answer opens to what it means: the page stays short enough to scan on a phone.
        for option in step.options.iter() {
            let _ = write!(
                page,
                "<details><summary>{label}</summary><p>{means}</p><p>{next}</p>",
                label = escape(checklist.option_label(option)),
                means = escape(&option.means),
                next = escape(&option.next),
            );
            if let Some(link) = checklist.link(option.link.as_ref()) {
                let _ = write!(page, "<p>{}</p>", anchor(link));
            }
            page.push_str("</details>\n");
        }
        page.push_str("</li>\n");
    }
    page.push_str("</ol>\n</main>\n</body>\n</html>\n");
    page
}

/// Just enough style to read well on a phone; no file to fetch.
/// The list's own numbers are left off: each step says "Step 1 of 7" itself.
const PLAIN_CSS: &str = "body{margin:0;font:1rem/1.5 system-ui,sans-serif;color:#0b0c0c}\
main{max-width:40rem;margin:0 auto;padding:1rem}dt,summary{font-weight:700}dd{margin:0 0 1rem}\
summary{cursor:pointer;padding:.25rem 0}.step-of{color:#505a5f;margin-bottom:0}a{color:#1d70b8}\
.steps{list-style:none;padding:0}";

fn anchor(link: &Link) -> String {
    format!(
        "<a href=\"{}\">{}</a>",
        escape(&link.url),
        escape(&link.label)
    )
}

/// Text for HTML, in an element or a quoted attribute.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            c => escaped.push(c),
        }
    }
    escaped
}
