//! What the host page is told: an answer given or changed, the checklist finished, a finding
//! that fixed the problem, a reset.
//!
//! Each answer is reported once, when the user gives it: a Yes / No / Not sure answer as it is
//! chosen, a `when` step's answer when the user continues from it. Answers that arrive from
//! another tab or were restored from storage are not reported again.

use super::checklist::{Checklist, StepKind};
use super::progress::{Action, Answer, Position, Progress};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Answered {
        step: usize,
    },
    Changed {
        step: usize,
        previous: Answer,
    },
    Finished,
    /// The user said this finding's action fixed the problem.
    Resolved {
        finding: String,
    },
    Reset,
}

impl Event {
    /// Every event's DOM name, for a listener that wants them all.
    pub const NAMES: [&'static str; 5] = [
        "troubleshooter-answered",
        "troubleshooter-changed",
        "troubleshooter-finished",
        "troubleshooter-resolved",
        "troubleshooter-reset",
    ];

    /// The DOM event's name.
    pub fn name(&self) -> &'static str {
        match self {
            Event::Answered { .. } => "troubleshooter-answered",
            Event::Changed { .. } => "troubleshooter-changed",
            Event::Finished => "troubleshooter-finished",
            Event::Resolved { .. } => "troubleshooter-resolved",
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
            Action::Fixed(finding) => {
                let now = after.outcome().fixed.as_ref();
                if now == Some(finding) && before.outcome().fixed.as_ref() != now {
                    events.push(Event::Resolved {
                        finding: finding.clone(),
                    });
                }
                None
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

/// One answer as the host page's events give it: `answered` and `changed` give one, `resolved`
/// a list of every answered step's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerDetail<'c> {
    /// The step's id.
    pub step: &'c str,
    /// 1 for the first question.
    pub number: u32,
    pub answer: String,
    /// A `when` step's date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The findings the answer points to.
    pub points_to: Vec<&'c str>,
}

/// A step's answer as the host page sees it; `None` while it isn't answered.
pub fn answer_detail<'c>(
    checklist: &'c Checklist,
    progress: &Progress,
    step: usize,
) -> Option<AnswerDetail<'c>> {
    let content = checklist.steps.get(step)?;
    let answer = progress.answer(step)?;
    Some(AnswerDetail {
        step: &content.id,
        number: step as u32 + 1,
        answer: answer_value(answer),
        date: progress.date(step).map(|date| date.iso()),
        points_to: progress
            .chosen(checklist, step)
            .into_iter()
            .filter_map(|o| o.points_to.as_deref())
            .collect(),
    })
}

/// Every answered step's answer, in order: what `resolved` reports.
pub fn answer_details<'c>(checklist: &'c Checklist, progress: &Progress) -> Vec<AnswerDetail<'c>> {
    (0..checklist.steps.len())
        .filter(|&step| progress.is_answered(checklist, step))
        .filter_map(|step| answer_detail(checklist, progress, step))
        .collect()
}

/// An answer as the host page sees it: the option chosen, or a `when` step's changes joined by
/// commas (its date is given separately).
pub fn answer_value(answer: &Answer) -> String {
    match answer {
        Answer::Choice(choice) => choice.id().to_owned(),
        Answer::When(when) => when.changes.join(","),
    }
}
