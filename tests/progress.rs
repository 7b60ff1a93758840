//! The model of a user's progress through the checklist, driven only by actions.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{checklist, choose, step, today, toggle, walk};
use email_troubleshooter::model::saved::{decode, encode};
use email_troubleshooter::model::session::{Input, Session};
use email_troubleshooter::model::{
    diagnose, next_steps, Action, Answer, Checklist, Choice, DateEntry, InputError, Position,
    Progress, StepStatus, Timestamp, WhenAnswer,
};

#[test]
fn a_new_checklist_opens_at_the_first_question_with_nothing_answered() {
    let content = checklist();
    let progress = Progress::new(&content, today());
    assert_eq!(progress.at(), Position::Step(0));
    assert_eq!(progress.answered_count(&content), 0);
    assert!((0..7).all(|i| progress.status(&content, i) == StepStatus::NotStarted));
    assert!(diagnose(&content, &progress).causes().is_empty());
}

#[test]
fn choosing_an_answer_records_it_and_shows_its_guidance_without_moving_on() {
    let content = checklist();
    let mut progress = Progress::new(&content, today());
    assert!(progress.apply(&content, choose(0, "no"), Timestamp(0)));
    assert_eq!(progress.at(), Position::Step(0));
    assert_eq!(progress.answer(0), Some(&Answer::Choice(Choice::No)));
    let guidance = progress.chosen(&content, 0);
    assert_eq!(guidance.len(), 1);
    assert!(guidance[0].means.contains("mailbox"));
    assert_eq!(progress.status(&content, 0), StepStatus::PointsToCause);

    assert!(
        progress.apply(&content, choose(0, "yes"), Timestamp(0)),
        "an answer can be changed"
    );
    assert_eq!(progress.status(&content, 0), StepStatus::Answered);
    assert!(
        !progress.apply(&content, choose(0, "yes"), Timestamp(0)),
        "choosing the same answer again changes nothing"
    );
}

#[test]
fn continue_needs_an_answer_first() {
    let content = checklist();
    // The error is the session's (what the user was told), not part of the answers.
    let mut session = Session::new(&content, Progress::new(&content, today()), vec![], None);
    let before = session.clone();
    act(&mut session, &content, Action::Continue);
    assert!(
        session != before,
        "Continue without an answer changes what is shown"
    );
    assert_eq!(session.error(), Some(InputError::NoAnswer));
    assert_eq!(session.progress().at(), Position::Step(0));
    act(&mut session, &content, choose(0, "yes"));
    assert_eq!(session.error(), None, "answering clears the error");
    act(&mut session, &content, Action::Continue);
    assert_eq!(session.progress().at(), Position::Step(1));
}

fn act(session: &mut Session, content: &Checklist, action: Action) {
    session.apply(content, Input::Act(action), Timestamp(0));
}

#[test]
fn answers_to_other_steps_and_unknown_answers_are_ignored() {
    let content = checklist();
    let mut progress = Progress::new(&content, today());
    assert!(
        !progress.apply(&content, choose(3, "yes"), Timestamp(0)),
        "step 4 is not open yet"
    );
    // An answer that isn't yes, no or unsure can't be made into an action at all; one the
    // step doesn't offer is ignored.
    assert_eq!(Choice::from_id("maybe"), None);
    let mut without_unsure = content.clone();
    without_unsure.steps.to_mut()[0]
        .options
        .to_mut()
        .retain(|o| o.id != "unsure");
    assert!(!progress.apply(&without_unsure, choose(0, "unsure"), Timestamp(0)));
    assert!(!progress.apply(&content, choose(99, "yes"), Timestamp(0)));
    assert!(
        !progress.apply(&content, toggle(0, "password", true), Timestamp(0)),
        "step 1 is not a when step"
    );
    assert_eq!(progress, Progress::new(&content, today()));
}

#[test]
fn walking_all_seven_steps_reaches_the_summary_with_what_the_answers_point_to() {
    let content = checklist();
    let progress = walk(&content, &["yes", "no", "yes", "no", "no", "yes"]);
    assert_eq!(progress.at(), Position::Summary);
    assert!(progress.is_complete(&content));
    assert_eq!(progress.answered_count(&content), 7);
    let causes: Vec<(String, usize)> = diagnose(&content, &progress)
        .causes()
        .iter()
        .map(|c| (c.finding.clone(), c.steps[0]))
        .collect();
    assert_eq!(
        causes,
        [("upgrade".to_string(), 3), ("network".to_string(), 6)]
    );
    assert_eq!(progress.status(&content, 3), StepStatus::PointsToCause);
    assert_eq!(progress.status(&content, 4), StepStatus::Answered);
}

#[test]
fn back_keeps_the_answers_and_continue_returns_to_the_first_gap() {
    let content = checklist();
    let mut progress = Progress::new(&content, today());
    progress.apply(&content, choose(0, "yes"), Timestamp(0));
    progress.apply(&content, Action::Continue, Timestamp(0));
    progress.apply(&content, Action::Back, Timestamp(0));
    assert_eq!(progress.at(), Position::Step(0));
    assert_eq!(progress.answer(0), Some(&Answer::Choice(Choice::Yes)));
    assert!(
        !progress.apply(&content, Action::Back, Timestamp(0)),
        "there is nothing before the first step"
    );
    progress.apply(&content, Action::Continue, Timestamp(0));
    assert_eq!(progress.at(), Position::Step(1));
}

#[test]
fn changing_an_answer_from_the_summary_comes_back_to_the_summary() {
    let content = checklist();
    let mut progress = walk(&content, &["yes", "no", "no", "no", "no", "no"]);
    let domain = step(&content, "domain");
    assert!(progress.apply(&content, Action::Change(domain), Timestamp(0)));
    assert_eq!(progress.at(), Position::Step(domain));
    progress.apply(&content, choose(domain, "yes"), Timestamp(0));
    progress.apply(&content, Action::Continue, Timestamp(0));
    assert_eq!(progress.at(), Position::Summary);
    assert_eq!(diagnose(&content, &progress).causes()[0].finding, "domain");
}

#[test]
fn a_step_past_the_first_unanswered_one_cannot_be_opened() {
    let content = checklist();
    let mut progress = Progress::new(&content, today());
    progress.apply(&content, choose(0, "yes"), Timestamp(0));
    assert!(!progress.apply(&content, Action::Change(3), Timestamp(0)));
    assert!(progress.apply(&content, Action::Continue, Timestamp(0)));
    assert!(progress.apply(&content, Action::Change(0), Timestamp(0)));
    assert!(
        progress.apply(&content, Action::Change(1), Timestamp(0)),
        "the first unanswered step can be opened"
    );
}

#[test]
fn the_when_step_takes_a_date_and_what_changed() {
    let content = checklist();
    let mut session = Session::new(&content, Progress::new(&content, today()), vec![], None);
    act(&mut session, &content, choose(0, "yes"));
    act(&mut session, &content, Action::Continue);

    act(&mut session, &content, Action::Continue);
    assert_eq!(session.error(), Some(InputError::NoChange));
    let mut progress = session.progress().clone();

    progress.apply(
        &content,
        Action::SetDate {
            step: 1,
            date: "2026-11-20".into(),
        },
        Timestamp(0),
    );
    progress.apply(&content, toggle(1, "password", true), Timestamp(0));
    progress.apply(&content, toggle(1, "new_setup", true), Timestamp(0));
    assert_eq!(
        progress.answer(1),
        Some(&Answer::When(WhenAnswer {
            date: "2026-11-20".into(),
            changes: vec!["password".into(), "new_setup".into()],
        }))
    );
    let guidance: Vec<&str> = progress
        .chosen(&content, 1)
        .iter()
        .map(|o| &*o.id)
        .collect();
    assert_eq!(guidance, ["password", "new_setup"]);
    assert_eq!(progress.status(&content, 1), StepStatus::PointsToCause);
    progress.apply(&content, Action::Continue, Timestamp(0));
    assert_eq!(progress.at(), Position::Step(2));
}

#[test]
fn nothing_that_i_know_of_and_a_change_rule_each_other_out() {
    let content = checklist();
    let mut progress = walk(&content, &["yes", "no", "no", "no", "no", "no"]);
    progress.apply(&content, Action::Change(1), Timestamp(0));
    let changes = |p: &Progress| match p.answer(1) {
        Some(Answer::When(when)) => when.changes.clone(),
        other => panic!("expected a when answer, got {other:?}"),
    };
    assert_eq!(changes(&progress), ["nothing"]);
    progress.apply(&content, toggle(1, "network", true), Timestamp(0));
    progress.apply(&content, toggle(1, "password", true), Timestamp(0));
    assert_eq!(
        changes(&progress),
        ["password", "network"],
        "kept in the content's order"
    );
    progress.apply(&content, toggle(1, "nothing", true), Timestamp(0));
    assert_eq!(changes(&progress), ["nothing"]);
    progress.apply(&content, toggle(1, "nothing", false), Timestamp(0));
    assert!(changes(&progress).is_empty());
    assert_eq!(progress.status(&content, 1), StepStatus::NotStarted);
}

#[test]
fn a_date_in_the_future_or_not_a_date_is_refused() {
    let content = checklist();
    let mut progress = Progress::new(&content, today());
    progress.apply(&content, choose(0, "yes"), Timestamp(0));
    progress.apply(&content, Action::Continue, Timestamp(0));
    progress.apply(&content, toggle(1, "nothing", true), Timestamp(0));
    for (date, expected) in [
        ("2026-11-25", Some(InputError::FutureDate)),
        ("invalid", Some(InputError::BadDate)),
        ("2026-11-24", None),
        ("", None),
    ] {
        progress.apply(
            &content,
            Action::SetDate {
                step: 1,
                date: date.into(),
            },
            Timestamp(0),
        );
        assert_eq!(progress.problem_with(&content, 1), expected, "{date:?}");
    }
    // A date the browser couldn't read (typed without its year) is a bad date, not "no date".
    progress.apply(
        &content,
        Action::SetDate {
            step: 1,
            date: DateEntry::Unreadable,
        },
        Timestamp(0),
    );
    assert_eq!(
        progress.problem_with(&content, 1),
        Some(InputError::BadDate)
    );
    progress.apply(
        &content,
        Action::SetDate {
            step: 1,
            date: "2027-01-01".into(),
        },
        Timestamp(0),
    );
    let mut session = Session::new(&content, progress, vec![], None);
    act(&mut session, &content, Action::Continue);
    assert_eq!(
        (session.progress().at(), session.error()),
        (Position::Step(1), Some(InputError::FutureDate))
    );
}

#[test]
fn start_again_clears_everything() {
    let content = checklist();
    let mut progress = walk(&content, &["yes", "no", "no", "no", "no", "no"]);
    assert!(progress.apply(&content, Action::StartAgain, Timestamp(0)));
    assert_eq!(progress, Progress::new(&content, today()));
}

#[test]
fn answers_from_another_tab_are_taken_and_a_user_at_the_first_open_question_follows_along() {
    let mut followed = None;
    let content = checklist();
    let mut here = Progress::new(&content, today());
    let mut there = Progress::new(&content, today());
    there.apply(&content, choose(0, "no"), Timestamp(0));
    there.apply(&content, Action::Continue, Timestamp(0));
    assert!(here.adopt(&content, &there, &mut followed));
    assert_eq!(here.answer(0), Some(&Answer::Choice(Choice::No)));
    assert_eq!(
        here.at(),
        Position::Step(1),
        "it was at the first open question, so it follows"
    );
    assert!(
        !here.adopt(&content, &there, &mut followed),
        "nothing new the second time"
    );
}

#[test]
fn a_user_looking_back_at_an_answer_keeps_their_place_when_answers_arrive() {
    let mut followed = None;
    let content = checklist();
    let mut here = walk(&content, &["yes", "no", "no", "no", "no", "no"]);
    here.apply(&content, Action::Change(2), Timestamp(0));
    let mut there = here.clone();
    there.apply(&content, Action::Change(4), Timestamp(0));
    there.apply(&content, choose(4, "yes"), Timestamp(0));
    assert!(here.adopt(&content, &there, &mut followed));
    assert_eq!(here.at(), Position::Step(2));
    assert_eq!(here.status(&content, 4), StepStatus::PointsToCause);
}

#[test]
fn answers_cleared_in_another_tab_bring_this_one_back_to_the_start() {
    let mut followed = None;
    let content = checklist();
    let mut here = walk(&content, &["yes", "no", "no", "no", "no", "no"]);
    let there = Progress::new(&content, today());
    assert!(here.adopt(&content, &there, &mut followed));
    assert_eq!(here.at(), Position::Step(0));
    assert_eq!(here.answered_count(&content), 0);
}

#[test]
fn a_user_following_another_tab_keeps_following_it() {
    let mut followed = None;
    let content = checklist();
    let mut here = Progress::new(&content, today());
    let mut there = Progress::new(&content, today());
    there.apply(&content, choose(0, "no"), Timestamp(0));
    assert!(here.adopt(&content, &there, &mut followed));
    assert_eq!(here.at(), Position::Step(0));
    there.apply(&content, Action::Continue, Timestamp(0));
    assert!(
        here.adopt(&content, &there, &mut followed),
        "the other tab moved on"
    );
    assert_eq!(here.at(), Position::Step(1));
}

#[test]
fn help_can_be_asked_for_at_any_step_and_the_open_questions_wait() {
    let content = checklist();
    let mut progress = Progress::new(&content, today());
    progress.apply(&content, choose(0, "no"), Timestamp(0));
    assert!(progress.apply(&content, Action::GetHelp, Timestamp(0)));
    assert_eq!(progress.at(), Position::Summary);
    let diagnosis = diagnose(&content, &progress);
    assert_eq!(diagnosis.causes()[0].finding, "mailbox");
    assert_eq!(diagnosis.unanswered(), [1, 2, 3, 4, 5, 6]);
    // Saved and read back, the user is still at the summary.
    let saved = encode(&progress, &content);
    let restored = decode(&saved, &content, today()).expect("reads back");
    assert_eq!(restored.progress.at(), Position::Summary);
    // Back and "answer the rest" lead to the first open question, never past it.
    let mut back = progress.clone();
    back.apply(&content, Action::Back, Timestamp(0));
    assert_eq!(back.at(), Position::Step(1));
    assert!(!progress
        .clone()
        .apply(&content, Action::Change(4), Timestamp(0)));
    progress.apply(&content, Action::Change(1), Timestamp(0));
    assert_eq!(progress.at(), Position::Step(1));
}

#[test]
fn not_sure_is_still_to_check_and_counted_apart() {
    let content = checklist();
    let progress = walk(&content, &["unsure", "no", "no", "yes", "unsure", "no"]);
    assert_eq!(progress.status(&content, 0), StepStatus::ToCheck);
    assert_eq!(progress.status(&content, 5), StepStatus::ToCheck);
    assert_eq!(progress.status(&content, 4), StepStatus::PointsToCause);
    assert_eq!(progress.answered_count(&content), 7);
    assert_eq!(progress.to_check_count(&content), 2);
}

#[test]
fn the_to_do_list_gathers_every_answers_next_step_not_sure_included() {
    let content = checklist();
    let progress = walk(&content, &["unsure", "yes", "no", "yes", "no", "no"]);
    let steps = next_steps(&content, &progress);
    let from: Vec<(usize, bool)> = steps.iter().map(|s| (s.step, s.unsure)).collect();
    // Webmail not sure (how to find out), moved here, everyone affected, other networks fail.
    assert_eq!(from, [(0, true), (2, false), (4, false), (6, false)]);
    let webmail = content.steps[0]
        .option("unsure")
        .and_then(|o| o.todo.as_deref());
    assert_eq!(Some(steps[0].text.as_str()), webmail);
    // "Nothing that I know of" and the No answers that only lead on add nothing.
    assert!(steps
        .iter()
        .all(|s| s.step != 1 && s.step != 3 && s.step != 5));
}

#[test]
fn answers_that_clash_add_nothing_to_the_to_do_list_and_the_rest_stay() {
    let content = checklist();
    // Question 2 ticks "nothing" in walk(); everyone affected, yet another computer works.
    let progress = walk(&content, &["yes", "no", "no", "yes", "yes", "no"]);
    let steps: Vec<usize> = next_steps(&content, &progress)
        .iter()
        .map(|s| s.step)
        .collect();
    assert_eq!(
        steps,
        [6],
        "only the last answer's next step: 5 and 6 clash"
    );
    let calm = walk(&content, &["yes", "no", "no", "yes", "no", "no"]);
    let steps: Vec<usize> = next_steps(&content, &calm).iter().map(|s| s.step).collect();
    assert_eq!(steps, [4, 6]);
}
