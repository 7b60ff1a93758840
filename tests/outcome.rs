//! "Did this fix it?": the marks, the order the causes are shown in, and the event.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{checklist, choose, today, walk};
use email_troubleshooter::model::events::answer_details;
use email_troubleshooter::model::outcome::Mark;
use email_troubleshooter::model::{diagnose, Action, Event, Progress, Reporter, Timestamp};

/// Every question answered, pointing to the password (question 2) and the network (7).
fn two_causes() -> Progress {
    let content = checklist();
    let mut progress = common::yes_then_password(
        &content,
        email_troubleshooter::model::Timestamp(1_795_490_000),
        email_troubleshooter::model::Timestamp(1_795_490_600),
    );
    progress.apply(&content, Action::Continue, Timestamp(0));
    for step in 2..7 {
        progress.apply(
            &content,
            choose(step, if step == 6 { "yes" } else { "no" }),
            Timestamp(0),
        );
        progress.apply(&content, Action::Continue, Timestamp(0));
    }
    progress
}

fn lead(progress: &Progress) -> Vec<String> {
    let content = checklist();
    let diagnosis = diagnose(&content, progress);
    diagnosis
        .lead_order(progress.outcome())
        .iter()
        .map(|c| c.finding.clone())
        .collect()
}

#[test]
fn still_not_working_moves_the_next_cause_to_the_front_and_tried_ones_last() {
    let content = checklist();
    let mut progress = two_causes();
    assert_eq!(lead(&progress), ["password", "network"]);
    assert!(progress.apply(&content, Action::NotFixed("password".into()), Timestamp(0)));
    assert_eq!(lead(&progress), ["network", "password"]);
    assert_eq!(progress.outcome().mark("password"), Some(Mark::Tried));
    let diagnosis = diagnose(&content, &progress);
    assert!(!diagnosis.all_tried(progress.outcome()));
    assert!(progress.apply(&content, Action::NotFixed("network".into()), Timestamp(0)));
    assert_eq!(
        progress.outcome().tried,
        ["password", "network"],
        "in the order tried"
    );
    assert!(diagnosis.all_tried(progress.outcome()));
    assert!(
        !progress.apply(&content, Action::NotFixed("network".into()), Timestamp(0)),
        "tried twice is still tried once"
    );
}

#[test]
fn this_fixed_it_leads_and_keeps_what_did_not_help() {
    let content = checklist();
    let mut progress = two_causes();
    progress.apply(&content, Action::NotFixed("password".into()), Timestamp(0));
    progress.apply(&content, Action::NotFixed("network".into()), Timestamp(0));
    assert!(progress.apply(&content, Action::Fixed("network".into()), Timestamp(0)));
    assert_eq!(progress.outcome().fixed.as_deref(), Some("network"));
    assert_eq!(
        progress.outcome().tried,
        ["password"],
        "fixed is no longer tried"
    );
    assert_eq!(lead(&progress), ["network", "password"]);
    // Only one finding fixed it: another replaces it.
    progress.apply(&content, Action::Fixed("password".into()), Timestamp(0));
    assert_eq!(progress.outcome().fixed.as_deref(), Some("password"));
    assert!(progress.outcome().tried.is_empty());
    assert_eq!(progress.outcome().mark("network"), None);
}

#[test]
fn a_mark_can_be_taken_back() {
    let content = checklist();
    let mut progress = two_causes();
    progress.apply(&content, Action::NotFixed("password".into()), Timestamp(0));
    progress.apply(&content, Action::Fixed("network".into()), Timestamp(0));
    assert!(progress.apply(&content, Action::TakeBack("password".into()), Timestamp(0)));
    assert!(progress.apply(&content, Action::TakeBack("network".into()), Timestamp(0)));
    assert_eq!(progress.outcome(), two_causes().outcome());
    assert_eq!(lead(&progress), ["password", "network"]);
    assert!(!progress.apply(&content, Action::TakeBack("network".into()), Timestamp(0)));
}

#[test]
fn findings_the_content_does_not_have_are_refused() {
    let content = checklist();
    let mut progress = two_causes();
    for id in ["gremlins", "", "<script>", "Password", "password,network"] {
        assert!(
            !progress.apply(&content, Action::Fixed(id.into()), Timestamp(0)),
            "{id:?}"
        );
        assert!(
            !progress.apply(&content, Action::NotFixed(id.into()), Timestamp(0)),
            "{id:?}"
        );
        assert!(
            !progress.apply(&content, Action::TakeBack(id.into()), Timestamp(0)),
            "{id:?}"
        );
    }
    assert_eq!(progress, two_causes());
}

#[test]
fn start_again_clears_the_marks() {
    let content = checklist();
    let mut progress = two_causes();
    progress.apply(&content, Action::NotFixed("password".into()), Timestamp(0));
    progress.apply(&content, Action::Fixed("network".into()), Timestamp(0));
    progress.apply(&content, Action::StartAgain, Timestamp(0));
    assert_eq!(progress.outcome().fixed, None);
    assert!(progress.outcome().tried.is_empty());
}

#[test]
fn another_tab_s_marks_are_taken_in() {
    let mut followed = None;
    let content = checklist();
    let mut here = two_causes();
    let mut there = here.clone();
    there.apply(&content, Action::NotFixed("password".into()), Timestamp(0));
    assert!(
        here.adopt(&content, &there, &mut followed),
        "only the marks differ"
    );
    assert_eq!(here.outcome(), there.outcome());
    there.apply(&content, Action::Fixed("network".into()), Timestamp(0));
    assert!(here.adopt(&content, &there, &mut followed));
    assert_eq!(here.outcome().fixed.as_deref(), Some("network"));
    assert!(!here.adopt(&content, &there, &mut followed), "nothing new");
}

#[test]
fn a_diagnosis_with_no_cause_has_nothing_to_try() {
    let content = checklist();
    let progress = walk(&content, &["yes", "no", "no", "no", "no", "no"]);
    let diagnosis = diagnose(&content, &progress);
    assert!(diagnosis.causes().is_empty());
    assert!(diagnosis.lead_order(progress.outcome()).is_empty());
    assert!(!diagnosis.all_tried(progress.outcome()));
}

#[test]
fn this_fixed_it_is_told_to_the_host_page_once_with_the_answers() {
    let content = checklist();
    let mut progress = two_causes();
    let mut reporter = Reporter::new(&progress);
    let mut events = Vec::new();
    for action in [
        Action::NotFixed("password".into()),
        Action::Fixed("network".into()),
        Action::Fixed("network".into()),
        Action::TakeBack("network".into()),
        Action::Fixed("gremlins".into()),
    ] {
        let before = progress.clone();
        progress.apply(&content, action.clone(), Timestamp(0));
        events.extend(reporter.report(&content, &before, &progress, &action));
    }
    assert_eq!(
        events,
        [Event::Resolved {
            finding: "network".into()
        }]
    );
    assert_eq!(events[0].name(), "troubleshooter-resolved");
    // The answers as `troubleshooter-answered` gives each one.
    progress.apply(&content, Action::Fixed("network".into()), Timestamp(0));
    let answers = answer_details(&content, &progress);
    assert_eq!(answers.len(), 7);
    assert_eq!(
        (
            answers[0].step,
            answers[0].number,
            answers[0].answer.as_str()
        ),
        ("webmail", 1, "yes")
    );
    assert_eq!(
        (
            answers[1].step,
            answers[1].answer.as_str(),
            answers[1].date.as_deref()
        ),
        ("when", "password", Some("2026-11-20"))
    );
    assert_eq!(answers[1].points_to, ["password"]);
    assert_eq!((answers[6].step, answers[6].number), ("network", 7));
}

#[test]
fn only_answered_steps_are_in_the_event() {
    let content = checklist();
    let mut progress = Progress::new(&content, today());
    progress.apply(&content, choose(0, "no"), Timestamp(0));
    progress.apply(&content, Action::GetHelp, Timestamp(0));
    let answers = answer_details(&content, &progress);
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0].answer, "no");
}

#[test]
fn a_mark_on_a_finding_the_answers_no_longer_point_to_is_not_shown_reported_or_counted() {
    use email_troubleshooter::model::config::CheckSettings;
    use email_troubleshooter::model::report;
    let content = checklist();
    // Question 3 (migrated) yes: the migration is a cause (beside the network), and it fixed it.
    let mut progress = walk(&content, &["yes", "yes", "no", "no", "no", "yes"]);
    progress.apply(&content, Action::Fixed("migration".into()), Timestamp(0));
    let report_of = |progress: &Progress| {
        report::build(
            &content,
            progress,
            &CheckSettings::default(),
            email_troubleshooter::model::Timestamp(0),
            0,
            "a browser",
        )
    };
    assert!(report_of(&progress).fixed_by.is_some());
    // Question 3 changed to No: the migration is no cause any more.
    progress.apply(&content, Action::Change(2), Timestamp(0));
    progress.apply(&content, choose(2, "no"), Timestamp(0));
    progress.apply(&content, Action::GetHelp, Timestamp(0));
    let diagnosis = diagnose(&content, &progress);
    assert!(diagnosis.causes().iter().all(|c| c.finding != "migration"));
    assert!(!diagnosis.causes().is_empty());
    let marks = diagnosis.marks_among(progress.outcome());
    assert_eq!(
        marks.fixed, None,
        "no Fixed panel for a finding that is no cause"
    );
    assert_eq!(
        report_of(&progress).fixed_by,
        None,
        "no Fixed by in the report"
    );
    // Every remaining cause tried: it is time to contact the administrator, with no fix beside.
    for cause in diagnosis.causes() {
        progress.apply(
            &content,
            Action::NotFixed(cause.finding.clone()),
            Timestamp(0),
        );
    }
    let marks = diagnosis.marks_among(progress.outcome());
    assert!(diagnosis.all_tried(&marks));
    assert_eq!(marks.fixed, None);
    // The mark is kept, and counts again once the answer that points to it comes back.
    progress.apply(&content, Action::Change(2), Timestamp(0));
    progress.apply(&content, choose(2, "yes"), Timestamp(0));
    let diagnosis = diagnose(&content, &progress);
    let marks = diagnosis.marks_among(progress.outcome());
    assert_eq!(marks.fixed.as_deref(), Some("migration"));
    assert!(report_of(&progress).fixed_by.is_some());
}
