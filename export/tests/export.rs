//! The files made from the content for dist/: translation modules and plain pages.
#![cfg(not(target_arch = "wasm32"))]

use email_troubleshooter::content::{
    BUILTINS, BUILTIN_DE, BUILTIN_EN, BUILTIN_ES, CONTENT_FINGERPRINT,
};
use email_troubleshooter::model::Checklist;
use email_troubleshooter_export::{plain_page, translation_module};

/// The texts of a translation module, read as JSON (the module is `export default <JSON>;`).
fn module_texts(module: &str) -> (String, Vec<String>) {
    let json = module
        .strip_prefix("export default")
        .and_then(|rest| rest.trim_end().strip_suffix(';'))
        .expect("the module is one default export");
    // Keys are unquoted in the module to keep it small; quote them to read it as JSON.
    let json = json
        .replacen("{content:", "{\"content\":", 1)
        .replacen(",texts:", ",\"texts\":", 1);
    let value: serde_json::Value = serde_json::from_str(&json).expect("the export is JSON");
    let content = value["content"]
        .as_str()
        .expect("content is a string")
        .to_owned();
    let texts = value["texts"]
        .as_array()
        .expect("texts is an array")
        .iter()
        .map(|text| text.as_str().expect("every text is a string").to_owned())
        .collect();
    (content, texts)
}

#[test]
fn a_translation_module_rebuilds_its_language_from_english() {
    for translation in [&BUILTIN_ES, &BUILTIN_DE] {
        let (content, texts) = module_texts(&translation_module(translation));
        assert_eq!(content, CONTENT_FINGERPRINT);
        let rebuilt = BUILTIN_EN.translated(texts).expect("the texts fit English");
        assert_eq!(
            &rebuilt, translation,
            "{} comes back whole",
            translation.lang
        );
    }
}

#[test]
fn texts_that_do_not_fit_are_refused() {
    let mut texts: Vec<String> = BUILTIN_ES
        .clone()
        .translatable_mut()
        .into_iter()
        .map(|text| text.to_string())
        .collect();
    texts.pop();
    assert_eq!(BUILTIN_EN.translated(texts.clone()), None, "one text short");
    texts.push("fin".into());
    texts.push("one more".into());
    assert_eq!(BUILTIN_EN.translated(texts.clone()), None, "one text over");
    texts.pop();
    texts[0] = "<script>".into();
    assert_eq!(
        BUILTIN_EN.translated(texts),
        None,
        "a language code that isn't one"
    );
}

#[test]
fn module_strings_cannot_break_out_of_the_module() {
    let mut checklist: Checklist = BUILTIN_ES.clone();
    checklist.steps.to_mut()[0].question = "\"quoted\" \\ </script> \u{2028} line\nbreak".into();
    let module = translation_module(&checklist);
    assert!(!module.contains("</script>"));
    assert!(!module.contains('\u{2028}'));
    assert_eq!(module.matches('\n').count(), 1, "one line, ended");
    let (_, texts) = module_texts(&module);
    assert!(texts.contains(&"\"quoted\" \\ </script> \u{2028} line\nbreak".to_owned()));
}

#[test]
fn the_plain_page_has_every_question_and_answer_in_its_language() {
    for checklist in BUILTINS {
        let page = plain_page(checklist);
        assert!(page.starts_with(&format!(
            "<!doctype html>\n<html lang=\"{}\">",
            checklist.lang
        )));
        assert!(!page.contains("<script"), "no script at all");
        let filled = checklist.clone().with_provider_name();
        for step in filled.steps.iter() {
            assert!(page.contains(&*step.question), "{}", step.question);
            for option in step.options.iter() {
                assert!(page.contains(&*option.means), "{}", option.means);
            }
        }
        assert!(
            !page.contains("{provider}"),
            "the provider's name is filled in"
        );
        // Every placeholder is filled: the intro's number of questions too.
        assert!(!page.contains("{total}"), "{}", checklist.lang);
        let body = page.split("</style>").nth(1).unwrap_or_default();
        assert!(
            !body.contains('{'),
            "a placeholder left in: {}",
            checklist.lang
        );
    }
}

#[test]
fn the_plain_page_escapes_the_content() {
    let mut checklist = BUILTIN_EN.clone();
    checklist.steps.to_mut()[0].question = "Is <b>this</b> & \"that\" shown as text?".into();
    let page = plain_page(&checklist);
    assert!(page.contains("Is &lt;b&gt;this&lt;/b&gt; &amp; &quot;that&quot; shown as text?"));
}

#[test]
fn translation_files_are_named_for_the_english_file_and_the_order_of_its_slots() {
    let english = include_bytes!("../../content/en.toml");
    assert_eq!(BUILTIN_EN.fingerprint(english), CONTENT_FINGERPRINT);
    // The same English file with two of its translatable slots swapped, as a change to the
    // code's slot order would make: a file made for the old order must not be taken.
    let mut swapped = BUILTIN_EN.clone();
    let mut slots = swapped.translatable_mut();
    let (first, second) = (slots[2].clone(), slots[3].clone());
    assert_ne!(first, second, "two slots with different texts");
    *slots[2] = second;
    *slots[3] = first;
    assert_ne!(swapped.fingerprint(english), CONTENT_FINGERPRINT);
    // A text moved across the boundary between two slots changes it too.
    let mut moved = BUILTIN_EN.clone();
    let mut slots = moved.translatable_mut();
    let (head, tail) = (slots[2].to_string(), slots[3].to_string());
    *slots[2] = format!("{head}{}", &tail[..1]).into();
    *slots[3] = tail[1..].to_owned().into();
    assert_ne!(moved.fingerprint(english), CONTENT_FINGERPRINT);
}

#[test]
fn translation_files_are_named_for_which_slot_holds_each_text() {
    let english = include_bytes!("../../content/en.toml");
    // Two findings with the same English texts: listed in either order, their texts come in
    // the same order, but a translation's texts for them would land in each other's places.
    let mut twins = BUILTIN_EN.clone();
    let findings = twins.findings.to_mut();
    findings[1].title = findings[0].title.clone();
    findings[1].action = findings[0].action.clone();
    let before = twins.fingerprint(english);
    let mut swapped = twins.clone();
    swapped.findings.to_mut().swap(0, 1);
    let texts = |c: &Checklist| -> Vec<String> {
        let mut c = c.clone();
        c.translatable_mut()
            .into_iter()
            .map(|t| t.to_string())
            .collect()
    };
    assert_eq!(
        texts(&twins),
        texts(&swapped),
        "the same texts in the same order"
    );
    assert_ne!(swapped.fingerprint(english), before);
}
