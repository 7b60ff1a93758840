//! What the host page is told, and when.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{checklist, choose, today, toggle};
use email_troubleshooter::model::events::answer_value;
use email_troubleshooter::model::{Action, Answer, Choice, Event, Progress, Reporter, Timestamp};

/// Applies actions one by one, collecting the events each causes.
fn run(progress: &mut Progress, reporter: &mut Reporter, actions: Vec<Action>) -> Vec<Event> {
    let content = checklist();
    let mut events = Vec::new();
    for action in actions {
        let before = progress.clone();
        progress.apply(&content, action.clone(), Timestamp(0));
        events.extend(reporter.report(&content, &before, progress, &action));
    }
    events
}

#[test]
fn a_choice_is_reported_when_chosen_and_again_when_changed() {
    let mut progress = Progress::new(&checklist(), today());
    let mut reporter = Reporter::new(&progress);
    let events = run(
        &mut progress,
        &mut reporter,
        vec![choose(0, "yes"), choose(0, "yes"), choose(0, "no")],
    );
    assert_eq!(
        events,
        [
            Event::Answered { step: 0 },
            Event::Changed {
                step: 0,
                previous: Answer::Choice(Choice::Yes)
            }
        ]
    );
}

#[test]
fn a_when_step_is_reported_once_when_the_user_continues() {
    let mut progress = Progress::new(&checklist(), today());
    let mut reporter = Reporter::new(&progress);
    let events = run(
        &mut progress,
        &mut reporter,
        vec![
            choose(0, "yes"),
            Action::Continue,
            toggle(1, "password", true),
            toggle(1, "network", true),
            Action::SetDate {
                step: 1,
                date: "2026-11-01".into(),
            },
        ],
    );
    assert_eq!(
        events,
        [Event::Answered { step: 0 }],
        "ticking boxes reports nothing yet"
    );
    let events = run(&mut progress, &mut reporter, vec![Action::Continue]);
    assert_eq!(events, [Event::Answered { step: 1 }]);
    assert_eq!(
        progress.answer(1).map(answer_value).as_deref(),
        Some("password,network")
    );
    let events = run(
        &mut progress,
        &mut reporter,
        vec![Action::Back, Action::Continue],
    );
    assert_eq!(
        events,
        [],
        "continuing past an unchanged answer reports nothing"
    );
}

#[test]
fn finishing_and_starting_again_are_reported() {
    let content = checklist();
    let mut progress = Progress::new(&content, today());
    let mut reporter = Reporter::new(&progress);
    let mut actions = vec![choose(0, "yes"), Action::Continue];
    actions.push(toggle(1, "nothing", true));
    actions.push(Action::Continue);
    for step in 2..7 {
        actions.push(choose(step, "no"));
        actions.push(Action::Continue);
    }
    let events = run(&mut progress, &mut reporter, actions);
    assert_eq!(events.last(), Some(&Event::Finished));
    assert_eq!(
        events
            .iter()
            .filter(|e| matches!(e, Event::Answered { .. }))
            .count(),
        7
    );
    let events = run(&mut progress, &mut reporter, vec![Action::StartAgain]);
    assert_eq!(events, [Event::Reset]);
    let events = run(&mut progress, &mut reporter, vec![choose(0, "yes")]);
    assert_eq!(
        events,
        [Event::Answered { step: 0 }],
        "after a reset an answer is new again"
    );
}

#[test]
fn restored_or_synced_answers_are_not_reported_again() {
    let content = checklist();
    let mut progress = common::walk(&content, &["yes", "no", "no", "no", "no", "no"]);
    let mut reporter = Reporter::new(&progress);
    progress.apply(&content, Action::Change(0), Timestamp(0));
    let events = run(
        &mut progress,
        &mut reporter,
        vec![choose(0, "yes"), Action::Continue],
    );
    assert_eq!(
        events,
        [Event::Finished],
        "the same answer as before is not reported; reaching the summary is"
    );
    let mut other = progress.clone();
    other.apply(&content, choose(0, "no"), Timestamp(0));
    reporter.sync(&other);
    let events = run(&mut progress, &mut reporter, vec![choose(0, "no")]);
    assert_eq!(events, [], "the other tab already reported it");
}

#[test]
fn event_names_are_the_documented_ones() {
    let names: Vec<&str> = [
        Event::Answered { step: 0 },
        Event::Changed {
            step: 0,
            previous: Answer::Choice(Choice::Yes),
        },
        Event::Finished,
        Event::Reset,
    ]
    .iter()
    .map(Event::name)
    .collect();
    assert_eq!(
        names,
        [
            "troubleshooter-answered",
            "troubleshooter-changed",
            "troubleshooter-finished",
            "troubleshooter-reset"
        ]
    );
}

#[test]
fn getting_help_before_the_end_is_reported_as_finishing_but_not_with_nothing_answered() {
    let mut progress = Progress::new(&checklist(), today());
    let mut reporter = Reporter::new(&progress);
    let events = run(&mut progress, &mut reporter, vec![Action::GetHelp]);
    assert_eq!(
        events,
        [],
        "nothing answered: help has nothing to show, nothing moves"
    );
    let events = run(
        &mut progress,
        &mut reporter,
        vec![choose(0, "no"), Action::GetHelp],
    );
    assert_eq!(events, [Event::Answered { step: 0 }, Event::Finished]);
}

#[test]
fn the_list_of_event_names_holds_each_events_name_once() {
    let events = [
        Event::Answered { step: 0 },
        Event::Changed {
            step: 0,
            previous: Answer::Choice(Choice::Yes),
        },
        Event::Finished,
        Event::Resolved {
            finding: "password".to_owned(),
        },
        Event::Reset,
    ];
    let names: Vec<&str> = events.iter().map(Event::name).collect();
    assert_eq!(names, Event::NAMES);
}
