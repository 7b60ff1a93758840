//! One widget's session: what the user did (their progress, the notices they were shown, a
//! continue-link waiting for an answer) and the one pure function that changes it,
//! [`Session::apply`]. What a change asks of the world (save, move focus, tell the host page)
//! comes back as [`Effect`]s, data that the edge hook carries out.

use super::checklist::Checklist;
use super::date::Date;
use super::date::Timestamp;
use super::diagnosis::{diagnose, Diagnosis};
use super::events::{Event, Reporter};
use crate::digits::decimal;

use super::link::LinkError;
use super::progress::{Action, InputError, Position, Progress};
use super::saved::{RestoreError, Restored};
use super::shared::Shared;

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

/// Answers a continue-link brought, waiting for the user to take or ignore them.
#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    pub progress: SharedProgress,
    /// The fragment that carried them, taken off the address once the user has chosen.
    pub fragment: String,
    /// Whether a mark or mail app in the link was left out (see [`Notice::MarkLeftOut`]).
    pub marks_left_out: bool,
}

impl Offer {
    /// The offer a continue-link's answers make, or the notice refusing a link that can't be used.
    pub fn from_link(read: Result<Restored, LinkError>, fragment: String) -> Result<Offer, Notice> {
        match read {
            Ok(restored) => Ok(Offer {
                progress: Shared::new(restored.progress),
                fragment,
                marks_left_out: restored.marks_left_out > 0,
            }),
            Err(why) => Err(Notice::LinkRefused(why)),
        }
    }
}

/// Everything that can happen to a session.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
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
    /// session's progress over it, so a reload doesn't lose it.
    WriteBack,
    /// A save went through: a line saying the last one failed is no longer true.
    Saved,
    Notice(Notice),
}

/// Where focus goes (and what is read out) once a change is drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Focus {
    /// The open step's heading, after a move to it.
    Step(usize),
    /// The summary's heading, after a move to it.
    Summary,
    /// The "Fixed" panel at the top of the summary.
    Resolved,
    /// A finding's title: the one that now leads, or one whose mark was taken back.
    Finding(String),
    /// Contacting the administrator: everything was tried.
    Contact,
    /// The error summary, after a Continue that can't leave its step: it says why.
    Error,
    /// Back to where the user is (the open step's heading, or the summary's) once the link
    /// offer above it is gone: they haven't moved, so nothing is read out.
    Resume,
}

/// What a change asks the world to do, in this order.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Save the progress: it was changed here, or another tab left a value that can't be
    /// read (the edge has already claimed that value, so two tabs don't take turns).
    Save,
    /// Move focus (and, for a move between steps, say where the user now is).
    Focus(Focus),
    /// Tell the host page about these events.
    Tell(Vec<Event>),
    /// Take a continue-link's fragment off the page's address, so a reload doesn't offer it again.
    ForgetFragment(String),
    /// Bring the open step's guidance into view (below the fold on a phone): only for an
    /// answer made here, so another tab with the same key doesn't scroll.
    Reveal,
}

/// The session's progress as the views share it: a new one on every change.
pub type SharedProgress = Shared<Progress>;

#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// Shared with the view: replaced, never changed in place, so a view can tell a change by
    /// the pointer and no render copies it.
    progress: SharedProgress,
    /// Why the open step can't be left yet, once the user has tried to.
    error: Option<InputError>,
    /// Where the last answers taken from another tab put the user; see [`Progress::adopt`].
    followed: Option<Position>,
    reporter: Reporter,
    offer: Option<Offer>,
    notices: Vec<Notice>,
    /// When the progress last changed here or was replaced (`None` since the start): the
    /// report's time, so a notice or a save doesn't move it.
    changed_at: Option<Timestamp>,
    /// The diagnosis of the progress while the summary shows it, worked out once per change.
    diagnosis: Option<Shared<Diagnosis>>,
}

impl Session {
    /// A session starting from `progress` (fresh or restored), with the notices about how it
    /// was read and any continue-link the page was opened with.
    pub fn new(
        checklist: &Checklist,
        progress: Progress,
        notices: Vec<Notice>,
        offer: Option<Offer>,
    ) -> Session {
        let mut session = Session {
            reporter: Reporter::new(&progress),
            progress: Shared::new(progress),
            error: None,
            followed: None,
            offer,
            notices,
            changed_at: None,
            diagnosis: None,
        };
        session.diagnose(checklist);
        session
    }

    /// The session a widget starts with. `stored` is what its storage held (`None` when
    /// storage can't be read at all), `can_save` whether storage takes writes, and `link` a
    /// continue-link for this widget in the page's address, with its fragment;
    /// `language_unavailable` when the visitor's language couldn't be loaded.
    pub fn start(
        checklist: &Checklist,
        today: Date,
        stored: Option<Result<Option<Restored>, RestoreError>>,
        can_save: bool,
        link: Option<(Result<Restored, LinkError>, String)>,
        language_unavailable: bool,
    ) -> Session {
        let fresh = || Progress::new(checklist, today);
        let mut notices = Vec::new();
        if language_unavailable {
            notices.push(Notice::LanguageUnavailable);
        }
        let progress = match stored {
            None => {
                notices.push(Notice::Unavailable);
                fresh()
            }
            Some(loaded) => {
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
                    Err(RestoreError::Unreadable(_)) => {
                        notices.push(Notice::Unreadable);
                        fresh()
                    }
                };
                if !can_save {
                    notices.push(if found_answers {
                        Notice::ReadOnly
                    } else {
                        Notice::Unavailable
                    });
                }
                progress
            }
        };
        let mut offer = None;
        match link.map(|(read, fragment)| Offer::from_link(read, fragment)) {
            Some(Ok(offered)) => offer = Some(offered),
            Some(Err(notice)) => notices.push(notice),
            None => {}
        }
        Session::new(checklist, progress, notices, offer)
    }

    /// The user's answers and where they are.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// The progress as the view holds it: the same one until the progress changes.
    pub fn shared_progress(&self) -> SharedProgress {
        self.progress.clone()
    }

    /// A continue-link's answers waiting for the user to take or ignore them.
    pub fn offer(&self) -> Option<&Offer> {
        self.offer.as_ref()
    }

    /// The notices shown above the checklist, oldest first.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// When the progress last changed (`None` if it hasn't since the session started).
    pub fn changed_at(&self) -> Option<Timestamp> {
        self.changed_at
    }

    /// Why the open step can't be left yet: said once the user has pressed Continue.
    pub fn error(&self) -> Option<InputError> {
        self.error
    }

    /// What the answers point to, while the summary is shown (`None` before).
    pub fn diagnosis(&self) -> Option<&Shared<Diagnosis>> {
        self.diagnosis.as_ref()
    }

    /// Does again, as the widget starts, what the visitor did on the first screen shown before
    /// it (question 1's answer, Continue), and returns what that asks of the world, except
    /// bringing the guidance into view: it is in view already, where the visitor left it. Focus
    /// is asked for only if `focus_here` (focus is still in the widget, or nowhere). Only onto
    /// a first visit: answers another tab or element saved meanwhile are newer, and stand.
    pub fn replay(
        &mut self,
        checklist: &Checklist,
        actions: &[Action],
        focus_here: bool,
        now: Timestamp,
    ) -> Vec<Effect> {
        let first_visit =
            self.progress.answers().iter().all(Option::is_none) && self.offer.is_none();
        if !first_visit {
            return Vec::new();
        }
        let mut effects = Vec::new();
        for action in actions {
            effects.extend(self.apply(checklist, Input::Act(action.clone()), now));
        }
        effects.retain(|effect| match effect {
            Effect::Reveal => false,
            Effect::Focus(_) => focus_here,
            _ => true,
        });
        effects
    }

    /// Applies one input that happened at `now`, and returns what it asks of the world.
    /// Nothing changes and nothing is asked when the input changes nothing, except that a
    /// refused Continue always asks for focus on its reason.
    pub fn apply(&mut self, checklist: &Checklist, input: Input, now: Timestamp) -> Vec<Effect> {
        let mut effects = Vec::new();
        match input {
            Input::Act(action) => {
                let before = self.progress.clone();
                let mut next = (*before).clone();
                let changed = next.apply(checklist, action.clone(), now);
                if changed {
                    self.progress = Shared::new(next);
                }
                self.error = self.error_after(checklist, &action, before.at());
                // Each refused Continue takes the user to the reason, even a repeated one.
                let refused = matches!(action, Action::Continue)
                    && self.progress.at() == before.at()
                    && self.error.is_some();
                if !changed {
                    if refused {
                        effects.push(Effect::Focus(Focus::Error));
                    }
                    return effects;
                }
                self.changed_at = Some(now);
                self.diagnose(checklist);
                effects.push(Effect::Save);
                let moved = self.progress.at() != before.at() || action == Action::StartAgain;
                let focus = if refused {
                    Some(Focus::Error)
                } else {
                    self.focus_after(&action, moved)
                };
                if let Some(focus) = focus {
                    effects.push(Effect::Focus(focus));
                }
                let events = self
                    .reporter
                    .report(checklist, &before, &self.progress, &action);
                if !events.is_empty() {
                    effects.push(Effect::Tell(events));
                }
                if matches!(action, Action::Choose { .. } | Action::ToggleChange { .. }) {
                    effects.push(Effect::Reveal);
                }
            }
            Input::Adopt(other) => {
                // Saved elsewhere already: not saved back, and focus stays where it is.
                let mut next = (*self.progress).clone();
                if next.adopt(checklist, &other, &mut self.followed) {
                    self.progress = Shared::new(next);
                    self.changed_at = Some(now);
                    self.error = None;
                    self.reporter.sync(&self.progress);
                    self.diagnose(checklist);
                }
            }
            Input::Offered(offer) => {
                self.notices.retain(|n| n.subject() != Subject::Link);
                self.offer = Some(offer);
            }
            Input::TakeOffer => {
                let Some(offer) = self.offer.take() else {
                    return effects;
                };
                self.progress = offer.progress.clone();
                self.changed_at = Some(now);
                self.error = None;
                self.reporter.sync(&self.progress);
                self.diagnose(checklist);
                self.replace_notice(Notice::OfferTaken);
                self.notices.retain(|n| *n != Notice::MarkLeftOut);
                if offer.marks_left_out {
                    self.notices.push(Notice::MarkLeftOut);
                }
                effects.push(Effect::ForgetFragment(offer.fragment));
                effects.push(Effect::Save);
                effects.push(Effect::Focus(self.focus_on_position()));
            }
            Input::IgnoreOffer => {
                if let Some(offer) = self.offer.take() {
                    effects.push(Effect::ForgetFragment(offer.fragment));
                    // Its button is gone with it: focus would fall to the page.
                    effects.push(Effect::Focus(Focus::Resume));
                }
            }
            Input::Saved => self.notices.retain(|n| *n != Notice::SaveFailed),
            Input::WriteBack => effects.push(Effect::Save),
            Input::Notice(notice) => {
                if self.notices.contains(&notice) {
                    return effects;
                }
                if notice.subject() == Subject::Link {
                    // The address now holds another link: the earlier offer is not in it.
                    self.offer = None;
                }
                self.replace_notice(notice);
            }
        }
        effects
    }

    /// Puts `notice` in the list in place of any other about the same subject.
    fn replace_notice(&mut self, notice: Notice) {
        self.notices.retain(|n| n.subject() != notice.subject());
        self.notices.push(notice);
    }

    /// The error once `action`, taken at `was`, is applied: a Continue that can't leave its
    /// step says why; working on the open step, moving elsewhere or starting again clears it;
    /// anything else keeps it.
    fn error_after(
        &self,
        checklist: &Checklist,
        action: &Action,
        was: Position,
    ) -> Option<InputError> {
        let at = self.progress.at();
        match action {
            Action::Continue if at != was => None,
            Action::Continue => match at {
                Position::Step(step) => self.progress.problem_with(checklist, step),
                Position::Summary => self.error,
            },
            Action::Choose { step, .. }
            | Action::SetDate { step, .. }
            | Action::ToggleChange { step, .. }
            | Action::Change(step)
                if at == Position::Step(*step) =>
            {
                None
            }
            Action::Back | Action::GetHelp | Action::StartAgain => None,
            _ => self.error,
        }
    }

    fn diagnose(&mut self, checklist: &Checklist) {
        let at_summary = self.progress.at() == Position::Summary;
        self.diagnosis = at_summary.then(|| Shared::new(diagnose(checklist, &self.progress)));
    }

    fn focus_on_position(&self) -> Focus {
        match self.progress.at() {
            Position::Step(step) => Focus::Step(step),
            Position::Summary => Focus::Summary,
        }
    }

    /// Where focus goes after `action`: the new place after a move; after "This fixed it",
    /// "Still not working" or Undo, the panel or finding that now answers it.
    fn focus_after(&self, action: &Action, moved: bool) -> Option<Focus> {
        let after_outcome = matches!(
            action,
            Action::Fixed(_) | Action::NotFixed(_) | Action::TakeBack(_)
        );
        if !after_outcome {
            return moved.then(|| self.focus_on_position());
        }
        let diagnosis = self.diagnosis.as_deref();
        let outcome = self.progress.outcome();
        Some(match action {
            Action::Fixed(_) => Focus::Resolved,
            Action::NotFixed(_) if diagnosis.is_some_and(|d| d.all_tried(outcome)) => {
                Focus::Contact
            }
            Action::TakeBack(id) => Focus::Finding(id.clone()),
            _ => match diagnosis.and_then(|d| d.lead_order(outcome).first().copied()) {
                Some(lead) => Focus::Finding(lead.finding.clone()),
                None => Focus::Contact,
            },
        })
    }
}

/// What a screen reader says when focus moves to `focus`: where the user now is. Nothing for
/// focus inside the summary, whose headings say it.
pub fn announcement(checklist: &Checklist, progress: &Progress, focus: &Focus) -> Option<String> {
    let text = &checklist.text;
    let total = decimal(checklist.steps.len() as u64);
    match focus {
        Focus::Step(step) => Some(text.announce_step(
            &decimal(*step as u64 + 1),
            &total,
            &checklist.steps.get(*step)?.question,
        )),
        Focus::Summary if progress.is_complete(checklist) => Some(text.all_answered(&total)),
        Focus::Summary => Some(text.findings_heading().to_string()),
        _ => None,
    }
}
