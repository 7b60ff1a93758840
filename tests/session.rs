//! The session: the pure reducer the widget keeps, and the effects each change asks for.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{checklist, choose, today, toggle, walk};
use email_troubleshooter::model::session::{announcement, Effect, Focus, Input, Notice, Session};
use email_troubleshooter::model::{
    link, Action, Checklist, Event, InputError, Position, Progress, Timestamp,
};

const NOW: Timestamp = Timestamp(1_795_490_000);

fn fresh(content: &Checklist) -> Session {
    Session::start(content, today(), Some(Ok(None)), true, None, false)
}

fn act(session: &mut Session, content: &Checklist, action: Action) -> Vec<Effect> {
    session.apply(content, Input::Act(action), NOW)
}

#[test]
fn an_answer_here_is_saved_stamped_with_the_time_given_and_told_to_the_host() {
    let content = checklist();
    let mut session = fresh(&content);
    let effects = act(&mut session, &content, choose(0, "yes"));
    assert_eq!(effects[0], Effect::Save);
    assert!(
        matches!(&effects[1], Effect::Tell(events) if matches!(events[..], [Event::Answered { .. }]))
    );
    assert_eq!(
        effects[2..],
        [Effect::Reveal],
        "no focus: the user hasn't moved; only the new guidance is brought into view"
    );
    assert_eq!(session.progress().answered_at(0), Some(NOW));
}

#[test]
fn a_focus_effect_only_on_a_real_move() {
    let content = checklist();
    let mut session = fresh(&content);
    let refused = act(&mut session, &content, Action::Continue);
    assert!(
        !refused.contains(&Effect::Save),
        "Continue without an answer stays put, and nothing is saved: {refused:?}"
    );
    assert_eq!(
        refused,
        vec![Effect::Focus(Focus::Error)],
        "focus goes to the reason, and nothing else is asked"
    );
    assert_eq!(session.error(), Some(InputError::NoAnswer));
    assert_eq!(
        act(&mut session, &content, Action::Continue),
        vec![Effect::Focus(Focus::Error)],
        "a second press goes to the reason again"
    );
    act(&mut session, &content, choose(0, "yes"));
    let moved = act(&mut session, &content, Action::Continue);
    assert!(moved.contains(&Effect::Focus(Focus::Step(1))), "{moved:?}");
    assert_eq!(
        session.error(),
        None,
        "the new step has said nothing wrong yet"
    );
    assert_eq!(
        announcement(&content, session.progress(), &Focus::Step(1)).as_deref(),
        Some("Step 2 of 7: When did the problem start?")
    );
    let start_again = act(&mut session, &content, Action::StartAgain);
    assert!(
        start_again.contains(&Effect::Focus(Focus::Step(0))),
        "{start_again:?}"
    );
}

#[test]
fn nothing_changed_asks_nothing() {
    let content = checklist();
    let mut session = fresh(&content);
    let before = session.clone();
    assert!(act(&mut session, &content, choose(3, "yes")).is_empty());
    assert_eq!(session, before);
}

#[test]
fn an_answer_from_another_tab_is_not_saved_back() {
    let content = checklist();
    let mut session = fresh(&content);
    let mut there = Progress::new(&content, today());
    there.apply(&content, choose(0, "no"), NOW);
    // The other tab also dates the `when` step, which is reported only on Continue from it.
    there.apply(&content, Action::Continue, NOW);
    there.apply(&content, toggle(1, "nothing", true), NOW);
    let effects = session.apply(&content, Input::Adopt(Box::new(there.clone())), NOW);
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(session.progress().answers(), there.answers());
    assert_eq!(
        session.progress().at(),
        Position::Step(1),
        "followed to the open step"
    );
    // And taken as reported: Continue here from the adopted `when` answer moves on but tells
    // nothing of it (a reporter not synced on Adopt would report it as answered here).
    let effects = act(&mut session, &content, Action::Continue);
    assert_eq!(session.progress().at(), Position::Step(2), "{effects:?}");
    assert!(!effects.iter().any(|e| matches!(e, Effect::Tell(events) if events.iter().any(|ev| matches!(ev, Event::Answered { step: 0, .. })))));
    assert!(
        !effects.iter().any(|e| matches!(e, Effect::Tell(_))),
        "nothing to tell: {effects:?}"
    );
}

#[test]
fn only_an_answer_made_here_brings_its_guidance_into_view() {
    let content = checklist();
    let mut session = fresh(&content);
    assert!(act(&mut session, &content, choose(0, "yes")).contains(&Effect::Reveal));
    let moved = act(&mut session, &content, Action::Continue);
    assert!(!moved.contains(&Effect::Reveal), "{moved:?}");
    let ticked = act(&mut session, &content, toggle(1, "nothing", true));
    assert!(ticked.contains(&Effect::Reveal), "{ticked:?}");

    // The same kind of answers made in another tab: this tab doesn't scroll.
    let mut here = fresh(&content);
    let mut there = Progress::new(&content, today());
    there.apply(&content, choose(0, "no"), NOW);
    let adopted = here.apply(&content, Input::Adopt(Box::new(there.clone())), NOW);
    assert!(!adopted.contains(&Effect::Reveal), "{adopted:?}");
    there.apply(&content, Action::Continue, NOW);
    there.apply(&content, toggle(1, "nothing", true), NOW);
    let adopted = here.apply(&content, Input::Adopt(Box::new(there.clone())), NOW);
    assert!(!adopted.contains(&Effect::Reveal), "{adopted:?}");
    assert_eq!(here.progress().answers(), there.answers());
}

#[test]
fn an_unreadable_value_from_another_tab_is_saved_over() {
    let content = checklist();
    let mut session = fresh(&content);
    assert_eq!(
        session.apply(&content, Input::WriteBack, NOW),
        vec![Effect::Save]
    );
}

#[test]
fn at_the_summary_focus_follows_the_outcome_buttons() {
    let content = checklist();
    let progress = walk(&content, &["yes", "yes", "no", "no", "no", "yes"]);
    let mut session = Session::new(&content, progress, Vec::new(), None);
    assert_eq!(session.progress().at(), Position::Summary);
    let lead = session
        .diagnosis()
        .expect("diagnosed at the summary")
        .causes()[0]
        .finding
        .clone();
    let fixed = act(&mut session, &content, Action::Fixed(lead.clone()));
    assert!(fixed.contains(&Effect::Focus(Focus::Resolved)), "{fixed:?}");
    let undone = act(&mut session, &content, Action::TakeBack(lead.clone()));
    assert!(
        undone.contains(&Effect::Focus(Focus::Finding(lead.clone()))),
        "{undone:?}"
    );
    let tried = act(&mut session, &content, Action::NotFixed(lead.clone()));
    assert!(
        tried
            .iter()
            .any(|e| matches!(e, Effect::Focus(Focus::Finding(id)) if *id != lead))
            || tried.contains(&Effect::Focus(Focus::Contact)),
        "the next cause leads, or contact when none is left: {tried:?}"
    );
}

#[test]
fn a_link_is_offered_then_taken_or_ignored_and_its_fragment_forgotten() {
    let content = checklist();
    let there = walk(&content, &["no", "no", "no", "no", "no", "no"]);
    let fragment = link::fragment("", &there, &content);
    let read = link::read_restored(&fragment, "", &content, today()).expect("a link");
    let mut session = Session::start(
        &content,
        today(),
        Some(Ok(None)),
        true,
        Some((read, fragment.clone())),
        false,
    );
    assert!(session.offer().is_some());
    let ignoring = session.clone();
    let effects = session.apply(&content, Input::TakeOffer, NOW);
    assert_eq!(effects[0], Effect::ForgetFragment(fragment.clone()));
    assert!(effects.contains(&Effect::Save));
    assert!(effects.contains(&Effect::Focus(Focus::Summary)));
    assert_eq!(session.notices(), [Notice::OfferTaken]);
    assert_eq!(session.progress().answers(), there.answers());

    let mut ignoring = ignoring;
    let effects = ignoring.apply(&content, Input::IgnoreOffer, NOW);
    assert_eq!(
        effects,
        vec![
            Effect::ForgetFragment(fragment),
            Effect::Focus(Focus::Resume)
        ]
    );
    assert_eq!(
        announcement(&content, ignoring.progress(), &Focus::Resume),
        None,
        "the user hasn't moved: nothing new is read out"
    );
    assert!(ignoring.offer().is_none());
    assert!(ignoring.progress().answers().iter().all(Option::is_none));
}

#[test]
fn notices_replace_those_about_the_same_thing() {
    let content = checklist();
    let mut session = Session::start(&content, today(), None, false, None, false);
    assert_eq!(session.notices(), [Notice::Unavailable]);
    session.apply(&content, Input::Notice(Notice::SaveFailed), NOW);
    assert_eq!(
        session.notices(),
        [Notice::SaveFailed],
        "one line about saving"
    );
    session.apply(&content, Input::Saved, NOW);
    assert!(session.notices().is_empty());
}

#[test]
fn the_language_notice_comes_with_the_start_and_leads() {
    let content = checklist();
    let session = Session::start(&content, today(), None, false, None, true);
    assert_eq!(
        session.notices(),
        [Notice::LanguageUnavailable, Notice::Unavailable]
    );
}

#[test]
fn the_reports_time_moves_only_when_the_progress_changes() {
    let content = checklist();
    let mut session = fresh(&content);
    assert_eq!(
        session.changed_at(),
        None,
        "nothing changed since the start"
    );
    let later = Timestamp(NOW.0 + 600);
    for input in [
        Input::Notice(Notice::SaveFailed),
        Input::Saved,
        Input::WriteBack,
        Input::Act(Action::Continue),
    ] {
        session.apply(&content, input.clone(), later);
        assert_eq!(session.changed_at(), None, "{input:?} changed no progress");
    }
    act(&mut session, &content, choose(0, "yes"));
    assert_eq!(session.changed_at(), Some(NOW));
    session.apply(&content, Input::Notice(Notice::SaveFailed), later);
    session.apply(&content, Input::Saved, later);
    assert_eq!(session.changed_at(), Some(NOW), "a notice keeps the time");
    let mut there = session.progress().clone();
    there.apply(&content, choose(0, "no"), NOW);
    session.apply(&content, Input::Adopt(Box::new(there.clone())), later);
    assert_eq!(
        session.changed_at(),
        Some(later),
        "answers from another tab"
    );
    let again = Timestamp(later.0 + 600);
    session.apply(&content, Input::Adopt(Box::new(there)), again);
    assert_eq!(session.changed_at(), Some(later), "the same answers again");
}

#[test]
fn the_first_screens_answer_and_continue_are_done_again_without_bringing_the_guidance_into_view() {
    let content = checklist();
    let actions = [choose(0, "no"), Action::Continue];
    let mut session = fresh(&content);
    let effects = session.replay(&content, &actions, true, NOW);
    assert_eq!(session.progress().at(), Position::Step(1));
    assert_eq!(session.progress().answered_at(0), Some(NOW));
    assert!(effects.contains(&Effect::Save), "{effects:?}");
    assert!(
        effects.iter().any(
            |e| matches!(e, Effect::Tell(events) if matches!(events[..], [Event::Answered { .. }]))
        ),
        "the host hears of the answer: {effects:?}"
    );
    assert!(
        effects.contains(&Effect::Focus(Focus::Step(1))),
        "{effects:?}"
    );
    assert!(!effects.contains(&Effect::Reveal), "{effects:?}");

    // The visitor has gone on to type in the host page: the same, but focus stays there.
    let mut elsewhere = fresh(&content);
    let effects = elsewhere.replay(&content, &actions, false, NOW);
    assert_eq!(elsewhere.progress().at(), Position::Step(1));
    assert!(
        !effects.iter().any(|e| matches!(e, Effect::Focus(_))),
        "{effects:?}"
    );
    assert!(effects.contains(&Effect::Save), "{effects:?}");
}

#[test]
fn answers_saved_meanwhile_stand_against_the_first_screens() {
    let content = checklist();
    // Another tab answered Yes and went on while this one's first screen waited.
    let mut other = fresh(&content);
    act(&mut other, &content, choose(0, "yes"));
    act(&mut other, &content, Action::Continue);
    let saved = other.progress().clone();
    let mut session = Session::new(&content, saved.clone(), Vec::new(), None);
    let effects = session.replay(&content, &[choose(0, "no"), Action::Continue], true, NOW);
    assert_eq!(effects, []);
    assert_eq!(
        *session.progress(),
        saved,
        "nothing of the first screen's is forced on them"
    );
}
