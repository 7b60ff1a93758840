//! What the host page is told: an answer given or changed, the checklist finished, a reset.
//!
//! Each answer is reported once, when the user gives it: a Yes / No / Not sure answer as it is
//! chosen, a `when` step's answer when the user continues from it. Answers that arrive from
//! another tab or were restored from storage are not reported again.

use super::checklist::{Checklist, StepKind};
use super::progress::{Action, Answer, Position, Progress};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Answered { step: usize },
    Changed { step: usize, previous: Answer },
    Finished,
    Reset,
}

impl Event {
    /// The DOM event's name.
    pub fn name(&self) -> &'static str {
        match self {
            Event::Answered { .. } => "troubleshooter-answered",
            Event::Changed { .. } => "troubleshooter-changed",
            Event::Finished => "troubleshooter-finished",
            Event::Reset => "troubleshooter-reset",
        }
    }
}

/// Remembers what was last reported for each step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reporter {
    reported: Vec<Option<Answer>>,
}

impl Reporter {
    /// Starts from the answers already there, so restoring them reports nothing.
    pub fn new(progress: &Progress) -> Reporter {
        Reporter {
            reported: progress.answers().to_vec(),
        }
    }

    /// Takes answers that came from elsewhere (another tab) as already reported.
    pub fn sync(&mut self, progress: &Progress) {
        self.reported = progress.answers().to_vec();
    }

    /// The events one action caused, given the progress before and after it.
    pub fn report(
        &mut self,
        checklist: &Checklist,
        before: &Progress,
        after: &Progress,
        action: &Action,
    ) -> Vec<Event> {
        let mut events = Vec::new();
        let committed = match action {
            Action::StartAgain => {
                self.sync(after);
                return vec![Event::Reset];
            }
            Action::Choose { step, .. } => Some(*step),
            Action::Continue => match before.at() {
                Position::Step(step)
                    if after.at() != before.at()
                        && checklist
                            .steps
                            .get(step)
                            .is_some_and(|s| s.kind == StepKind::When) =>
                {
                    Some(step)
                }
                _ => None,
            },
            _ => None,
        };
        if let Some(step) = committed {
            let now = after.answer(step).cloned();
            let was = self.reported.get(step).cloned().flatten();
            if now.is_some() && now != was {
                events.push(match was {
                    None => Event::Answered { step },
                    Some(previous) => Event::Changed { step, previous },
                });
                if let Some(slot) = self.reported.get_mut(step) {
                    *slot = now;
                }
            }
        }
        // At the end of the questions, or by "Get help now" before it.
        if matches!(action, Action::Continue | Action::GetHelp)
            && before.at() != Position::Summary
            && after.at() == Position::Summary
        {
            events.push(Event::Finished);
        }
        events
    }
}

/// An answer as the host page sees it: the option chosen, or a `when` step's changes joined by
/// commas (its date is given separately).
pub fn answer_value(answer: &Answer) -> String {
    match answer {
        Answer::Choice(option) => option.clone(),
        Answer::When(when) => when.changes.join(","),
    }
}
