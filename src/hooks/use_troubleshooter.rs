//! The widget's state: the model's progress, loaded from and saved to storage, kept in step
//! with other instances and tabs that share its storage key, offered from a continue-link, and
//! reported to the host page.

use crate::browser::{clock, location, storage::Store, storage::Watch};
use crate::content::SharedChecklist;
use crate::model::link::{self, LinkError};
use crate::model::{Action, Event, Progress, Reporter, RestoreError};
use gloo::events::EventListener;
use std::rc::Rc;
use yew::prelude::*;

/// A one-line message above the checklist, about saving or about a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// Storage is switched off or refuses writes: the widget works in memory only.
    Unavailable,
    /// Saved answers were read, but storage refuses writes (it may be full).
    ReadOnly,
    /// What was saved couldn't be trusted, so the checklist started again.
    Unreadable,
    /// What was saved came from a newer version, so the checklist started again.
    Newer,
    /// A saved check result couldn't be read and was left out; the answers are all there.
    CheckLeftOut,
    /// A saved or linked mail app or "did this fix it?" mark names something this checklist
    /// doesn't have and was left out; the answers are all there.
    MarkLeftOut,
    /// A save failed after earlier ones worked (for example, storage is full).
    SaveFailed,
    /// The page was opened with a continue-link that can't be used.
    LinkRefused(LinkError),
    /// The answers from a continue-link replaced the ones here.
    OfferTaken,
    /// The visitor's language couldn't be loaded, so the checklist is in English.
    LanguageUnavailable,
}

/// What a notice is about. A newer notice replaces an older one about the same thing, so
/// the line never holds two views of one subject (a refusal beside a later offer, say).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Subject {
    Saving,
    Restoring,
    Link,
    Language,
    Marks,
}

impl Notice {
    fn subject(self) -> Subject {
        match self {
            Notice::Unavailable | Notice::ReadOnly | Notice::SaveFailed => Subject::Saving,
            Notice::Unreadable | Notice::Newer | Notice::CheckLeftOut => Subject::Restoring,
            Notice::MarkLeftOut => Subject::Marks,
            Notice::LinkRefused(_) | Notice::OfferTaken => Subject::Link,
            Notice::LanguageUnavailable => Subject::Language,
        }
    }
}

/// Puts `notice` in the list in place of any other about the same subject.
fn replace_notice(notices: &mut Vec<Notice>, notice: Notice) {
    notices.retain(|n| n.subject() != notice.subject());
    notices.push(notice);
}

/// Answers a continue-link brought, waiting for the user to take or ignore them.
#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    pub progress: Rc<Progress>,
    /// The fragment that carried them, taken off the address once the user has chosen.
    pub fragment: String,
    /// Whether a mark or mail app in the link was left out (see [`Notice::MarkLeftOut`]).
    pub marks_left_out: bool,
}

pub enum Msg {
    /// Something the user did here.
    Act(Action),
    /// Answers saved by another instance or tab with the same storage key.
    Adopt(Box<Progress>),
    /// A continue-link was opened (the page's address changed to one).
    Offered(Offer),
    /// The user chose to continue with the link's answers.
    TakeOffer,
    /// The user chose to keep the answers here and ignore the link.
    IgnoreOffer,
    /// Another tab left a value here that can't be read (now kept aside): save this
    /// instance's progress over it, so a reload doesn't lose it.
    WriteBack,
    /// A save went through: a line saying the last one failed is no longer true.
    Saved,
    Notice(Notice),
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub checklist: SharedChecklist,
    pub progress: Progress,
    /// Counts the user's moves between steps, so that focus follows only real moves.
    pub moves: u32,
    reporter: Reporter,
    /// What the latest change means to the host page, numbered so each batch is sent once.
    pub events: (u32, Rc<Vec<Event>>),
    /// Whether the latest change was made here, and so is to be saved.
    made_here: bool,
    /// Counts requests to save progress that hasn't changed (see [`Msg::WriteBack`]).
    saves: u32,
    pub offer: Option<Offer>,
    pub notices: Vec<Notice>,
}

impl Reducible for State {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        next.made_here = false;
        match msg {
            Msg::Act(action) => {
                next.progress.set_time(clock::now());
                let start_again = action == Action::StartAgain;
                if !next.progress.apply(&self.checklist, action.clone()) {
                    return self;
                }
                let moved = next.progress.at() != self.progress.at() || start_again;
                next.moves += u32::from(moved);
                let events =
                    next.reporter
                        .report(&self.checklist, &self.progress, &next.progress, &action);
                if !events.is_empty() {
                    next.events = (self.events.0 + 1, Rc::new(events));
                }
                next.made_here = true;
            }
            Msg::Adopt(other) => {
                if !next.progress.adopt(&self.checklist, &other) {
                    return self;
                }
                next.reporter.sync(&next.progress);
            }
            Msg::Offered(offer) => {
                next.notices.retain(|n| n.subject() != Subject::Link);
                next.offer = Some(offer);
            }
            Msg::TakeOffer => {
                let Some(offer) = next.offer.take() else {
                    return self;
                };
                next.progress = (*offer.progress).clone();
                next.reporter.sync(&next.progress);
                next.moves += 1;
                next.made_here = true;
                replace_notice(&mut next.notices, Notice::OfferTaken);
                next.notices.retain(|n| *n != Notice::MarkLeftOut);
                if offer.marks_left_out {
                    next.notices.push(Notice::MarkLeftOut);
                }
            }
            Msg::IgnoreOffer => next.offer = None,
            Msg::Saved => next.notices.retain(|n| *n != Notice::SaveFailed),
            Msg::WriteBack => {
                next.made_here = true;
                next.saves = self.saves.wrapping_add(1);
            }
            Msg::Notice(notice) => {
                if next.notices.contains(&notice) {
                    return self;
                }
                if notice.subject() == Subject::Link {
                    // The address now holds another link: the earlier offer is not in it.
                    next.offer = None;
                }
                replace_notice(&mut next.notices, notice);
            }
        }
        Rc::new(next)
    }
}

/// Loads the saved progress for a storage key (and any continue-link the page was opened
/// with), saves every change made here, and takes in changes saved by other instances or tabs
/// with the same key.
#[hook]
pub fn use_troubleshooter(
    checklist: SharedChecklist,
    storage_key: AttrValue,
    translation_missing: bool,
) -> UseReducerHandle<State> {
    let store = use_memo(storage_key.clone(), |key| Store::open(key));
    let state = {
        let store = Rc::clone(&store);
        let storage_key = storage_key.clone();
        use_reducer(move || {
            let mut state = start(&store, checklist, &storage_key);
            if translation_missing {
                state.notices.insert(0, Notice::LanguageUnavailable);
            }
            state
        })
    };

    // Save every change made here at once; never the value just loaded, so an untrusted one stays put.
    {
        let store = Rc::clone(&store);
        let dispatcher = state.dispatcher();
        let checklist = state.checklist.clone();
        let made_here = state.made_here;
        // Told only when it changes something: an answer click costs no second dispatch.
        let failed_before = state.notices.contains(&Notice::SaveFailed);
        use_effect_with(
            (state.progress.clone(), state.saves),
            move |(progress, _)| {
                if !made_here || !store.can_save() {
                    return;
                }
                let saved = store.save(progress, &checklist);
                if !saved {
                    dispatcher.dispatch(Msg::Notice(Notice::SaveFailed));
                } else if failed_before {
                    dispatcher.dispatch(Msg::Saved);
                }
            },
        );
    }

    // Take in what other instances on this page, and other tabs, save under the same key.
    {
        let dispatcher = state.dispatcher();
        let checklist = state.checklist.clone();
        use_effect_with(Rc::clone(&store), move |store| {
            let reader = Rc::clone(store);
            let watch: Option<Watch> =
                store.watch(move || match reader.load(&checklist, clock::today()) {
                    Ok(Some(restored)) => {
                        dispatcher.dispatch(Msg::Adopt(Box::new(restored.progress)));
                    }
                    Ok(None) => {}
                    // A newer version's value is left in place (it is kept aside too).
                    Err(RestoreError::Newer(_)) => {}
                    Err(RestoreError::Unreadable(_)) => {
                        if reader.claim_unreadable() {
                            dispatcher.dispatch(Msg::WriteBack);
                        }
                    }
                });
            move || drop(watch)
        });
    }

    // A continue-link pasted into this tab changes only the fragment: no reload, so listen.
    {
        let dispatcher = state.dispatcher();
        let checklist = state.checklist.clone();
        use_effect_with(storage_key, move |storage_key| {
            let storage_key = storage_key.clone();
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "hashchange", move |_| {
                    if let Some(msg) = offer_from_address(&checklist, &storage_key) {
                        dispatcher.dispatch(msg);
                    }
                })
            });
            move || drop(listener)
        });
    }
    state
}

/// The state to start from: saved progress (or a fresh start), notices about it, and the
/// answers of a continue-link in the address, if any.
fn start(store: &Store, checklist: SharedChecklist, storage_key: &str) -> State {
    let today = clock::today();
    let fresh = || Progress::new(&checklist, today);
    let mut notices = Vec::new();
    let progress = if !store.can_read() {
        notices.push(Notice::Unavailable);
        fresh()
    } else {
        let loaded = store.load(&checklist, today);
        let found_answers = matches!(&loaded, Ok(Some(_)));
        let progress = match loaded {
            Ok(Some(restored)) => {
                if restored.checks_left_out > 0 {
                    notices.push(Notice::CheckLeftOut);
                }
                if restored.marks_left_out > 0 {
                    notices.push(Notice::MarkLeftOut);
                }
                restored.progress
            }
            Ok(None) => fresh(),
            Err(RestoreError::Newer(_)) => {
                notices.push(Notice::Newer);
                fresh()
            }
            Err(RestoreError::Unreadable(why)) => {
                web_sys::console::warn_2(
                    &"email-troubleshooter: saved progress ignored:".into(),
                    &why.into(),
                );
                notices.push(Notice::Unreadable);
                fresh()
            }
        };
        if !store.can_save() {
            notices.push(if found_answers {
                Notice::ReadOnly
            } else {
                Notice::Unavailable
            });
        }
        progress
    };
    let mut offer = None;
    match offer_from_address(&checklist, storage_key) {
        Some(Msg::Offered(offered)) => offer = Some(offered),
        Some(Msg::Notice(notice)) => notices.push(notice),
        _ => {}
    }
    State {
        reporter: Reporter::new(&progress),
        progress,
        checklist,
        moves: 0,
        events: (0, Rc::default()),
        made_here: false,
        saves: 0,
        offer,
        notices,
    }
}

/// What the page's address says: answers offered by a continue-link for this storage key, a
/// link that can't be used, or (`None`) nothing for this widget.
fn offer_from_address(checklist: &SharedChecklist, storage_key: &str) -> Option<Msg> {
    let fragment = location::fragment();
    match link::read_restored(&fragment, storage_key, checklist, clock::today())? {
        Ok(restored) => Some(Msg::Offered(Offer {
            progress: Rc::new(restored.progress),
            fragment,
            marks_left_out: restored.marks_left_out > 0,
        })),
        Err(why) => Some(Msg::Notice(Notice::LinkRefused(why))),
    }
}
