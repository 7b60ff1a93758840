//! The mail app the user chose: kept with the progress, saved, shared with other tabs, and in
//! the report's settings section with the servers, only where a cause says to set it up again.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{checklist, choose, today, walk};
use email_troubleshooter::content::{BUILTIN_DE, BUILTIN_EN};
use email_troubleshooter::model::checklist::{Checklist, RESERVED_STEP_IDS};
use email_troubleshooter::model::config::CheckSettings;
use email_troubleshooter::model::report::{build, Detail, Report};
use email_troubleshooter::model::saved::{decode, encode};
use email_troubleshooter::model::servers::parse;
use email_troubleshooter::model::{Action, Progress, Timestamp};
use std::borrow::Cow;

fn pick(app: &str) -> Action {
    Action::ChooseMailApp(app.into())
}

#[test]
fn a_mail_app_the_content_lists_is_chosen_and_any_other_refused() {
    let content = checklist();
    let mut progress = Progress::new(&content, today());
    assert_eq!(progress.mail_app(), None);
    assert!(progress.apply(&content, pick("apple_mail"), Timestamp(0)));
    assert_eq!(progress.mail_app(), Some("apple_mail"));
    assert!(
        !progress.apply(&content, pick("apple_mail"), Timestamp(0)),
        "the same again changes nothing"
    );
    for refused in ["", "outlook", "Apple_Mail", "apple_mail&at=summary"] {
        assert!(
            !progress.apply(&content, pick(refused), Timestamp(0)),
            "{refused:?}"
        );
    }
    assert_eq!(progress.mail_app(), Some("apple_mail"));
    assert!(progress.apply(&content, pick("thunderbird"), Timestamp(0)));
    assert_eq!(progress.mail_app(), Some("thunderbird"));
    progress.apply(&content, Action::StartAgain, Timestamp(0));
    assert_eq!(progress.mail_app(), None, "start again clears it");
}

#[test]
fn the_choice_is_saved_as_one_key_and_read_back_strictly() {
    let content = checklist();
    let mut progress = walk(&content, &["yes", "yes", "no", "no", "no", "no"]);
    progress.apply(&content, pick("outlook_windows"), Timestamp(0));
    let line = encode(&progress, &content);
    assert!(line.ends_with("&app=outlook_windows"), "{line}");
    let restored = decode(&line, &content, today()).expect("trusted").progress;
    assert_eq!(restored.mail_app(), Some("outlook_windows"));
    assert_eq!(restored, progress);

    // Not an answer: an app the content doesn't list is left out on its own, and counted.
    let without = line.replace("&app=outlook_windows", "");
    for (bad, kept, why) in [
        (
            format!("{without}&app=outlook"),
            None,
            "an app the content doesn't list",
        ),
        (format!("{without}&app="), None, "an empty one"),
        (
            format!("{line}&app=android"),
            Some("outlook_windows"),
            "two",
        ),
        (
            format!("{without}&app=apple_mail@1795497000"),
            None,
            "with anything after it",
        ),
    ] {
        let restored = decode(&bad, &content, today()).expect("the answers are trusted");
        assert_eq!(restored.marks_left_out, 1, "{why}: {bad}");
        assert_eq!(restored.progress.mail_app(), kept, "{why}: {bad}");
        assert_eq!(
            restored.progress.answers(),
            progress.answers(),
            "{why}: {bad}"
        );
    }
    // A host's own checklist with no mail apps: the saved app goes, the answers stay.
    let mut no_apps = content.clone();
    no_apps.mail_apps.to_mut().clear();
    let restored = decode(&line, &no_apps, today()).expect("the answers are trusted");
    assert_eq!(restored.marks_left_out, 1);
    assert_eq!(restored.progress.mail_app(), None);
    assert_eq!(restored.progress.answers(), progress.answers());
    assert!(
        RESERVED_STEP_IDS.contains(&"app"),
        "no step can be called app"
    );
}

#[test]
fn another_tab_choosing_a_mail_app_is_followed() {
    let mut followed = None;
    let content = checklist();
    let here = walk(&content, &["yes", "yes", "no", "no", "no", "no"]);
    let mut there = here.clone();
    there.apply(&content, pick("android"), Timestamp(0));
    let mut mine = here.clone();
    assert!(
        mine.adopt(&content, &there, &mut followed),
        "only the mail app differs, and it is taken"
    );
    assert_eq!(mine.mail_app(), Some("android"));
    assert!(
        !mine.adopt(&content, &there, &mut followed),
        "nothing more to take"
    );
}

fn report(content: &Checklist, progress: &Progress, settings: &CheckSettings) -> Report {
    build(
        content,
        progress,
        settings,
        Timestamp(1_795_497_360),
        0,
        "Firefox 140 on Linux",
    )
}

#[test]
fn the_report_gives_the_settings_only_when_a_cause_says_to_set_the_mail_app_up_again() {
    let content = checklist();
    // Moved from another provider (question 3: Yes).
    let mut moved = walk(&content, &["yes", "yes", "no", "no", "no", "no"]);
    moved.apply(&content, pick("apple_mail"), Timestamp(0));
    let text = report(&content, &moved, &CheckSettings::default()).text();
    let section = text
        .split("\nSettings for your mail app\n\n")
        .nth(1)
        .unwrap_or_else(|| panic!("no settings section in:\n{text}"));
    assert!(
        section.starts_with(
            "- Which mail app do you use?: Apple Mail on Mac, iPhone or iPad\n\
             - Incoming mail server (IMAP): secure.emailsrvr.com, Port 993, SSL/TLS\n\
             - Incoming mail server (POP), instead of IMAP: secure.emailsrvr.com, Port 995, SSL/TLS\n\
             - Outgoing mail server (SMTP): secure.emailsrvr.com, Port 465, SSL/TLS\n\
             - User name: your full email address\n"
        ),
        "{section}"
    );
    let markdown = report(&content, &moved, &CheckSettings::default()).markdown();
    assert!(
        markdown.contains("\n## Settings for your mail app\n"),
        "{markdown}"
    );

    // A host's own servers.
    let settings = CheckSettings {
        servers: parse("smtp=smtp.example.com:587:starttls").expect("good"),
        ..CheckSettings::default()
    };
    let text = report(&content, &moved, &settings).text();
    assert!(
        text.contains("smtp.example.com, Port 587, STARTTLS"),
        "{text}"
    );

    // No cause of that kind: no section.
    let clean = walk(&content, &["yes", "no", "no", "no", "no", "yes"]);
    let text = report(&content, &clean, &CheckSettings::default()).text();
    assert!(!text.contains("Settings for your mail app"), "{text}");
}

#[test]
fn an_email_leaves_the_settings_out_first_and_keeps_every_finding() {
    let content = checklist();
    let progress = walk(&content, &["yes", "yes", "yes", "no", "yes", "no"]);
    let report = report(&content, &progress, &CheckSettings::default());
    assert!(report
        .text_with(Detail::All)
        .contains("Settings for your mail app"));
    assert!(!report
        .text_with(Detail::NoAnswerTimes)
        .contains("Settings for your mail app"));
    let (href, _) = report.mailto(Some("it@example.com"), "Report");
    for cause in &report.causes {
        let encoded: String = cause.title.split(' ').collect::<Vec<_>>().join("%20");
        assert!(href.contains(&encoded), "{} missing", cause.title);
    }
}

#[test]
fn the_content_rules_cover_mail_apps_and_findings_that_set_up() {
    let mut content = checklist();
    let finding = content
        .findings
        .to_mut()
        .iter_mut()
        .find(|f| f.id == "migration")
        .expect("migration");
    finding.contact_admin = true;
    let app = &mut content.mail_apps.to_mut()[1];
    app.lines = Cow::Owned(vec![Cow::Borrowed(" ")]);
    let repeated = content.mail_apps[0].clone();
    content.mail_apps.to_mut().push(repeated);
    content.mail_apps.to_mut()[2].id = Cow::Borrowed("Apple Mail");
    let problems: Vec<String> = content.problems().iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "findings[3] (migration): can't both send the user to set up their mail app and say only the administrator can fix it",
            "mail_apps[1] (outlook_mac): needs a label and at least one line, none empty",
            "mail_apps[2] (Apple Mail): needs an id of a-z, 0-9, _ and -",
            "mail_apps[6] (outlook_windows): repeats the id of an earlier mail app",
        ]
    );

    let built_in = [BUILTIN_EN.clone(), BUILTIN_DE.clone()];
    let sets_up: Vec<&str> = built_in[0]
        .findings
        .iter()
        .filter(|f| f.sets_up)
        .map(|f| &*f.id)
        .collect();
    assert_eq!(sets_up, ["new_setup", "migration", "upgrade", "computer"]);
    let mut drifted = built_in[1].clone();
    drifted.mail_apps.to_mut()[2].profile = false;
    let differences = drifted.differences_from(&built_in[0]);
    assert!(
        differences.len() == 1 && differences[0].starts_with("mail_apps: "),
        "{differences:?}"
    );
    let mut drifted = built_in[1].clone();
    drifted.findings.to_mut()[2].sets_up = false;
    assert!(drifted.differences_from(&built_in[0])[0].starts_with("findings: "));
    assert_eq!(
        BUILTIN_EN
            .mail_apps
            .iter()
            .filter(|a| a.profile)
            .map(|a| &*a.id)
            .collect::<Vec<_>>(),
        ["apple_mail"]
    );
}

#[test]
fn choosing_in_a_step_still_needs_the_step_open() {
    // The mail app is not an answer: choosing it neither answers nor moves.
    let content = checklist();
    let mut progress = Progress::new(&content, today());
    progress.apply(&content, choose(0, "yes"), Timestamp(0));
    let before = progress.clone();
    progress.apply(&content, pick("other"), Timestamp(0));
    assert_eq!(progress.answers(), before.answers());
    assert_eq!(progress.at(), before.at());
}
