//! Where the user is in the checklist and what they answered. Every change is an [`Action`].

use super::checklist::{AnswerOption, Checklist, Choice, StepKind};
use super::checks::{CheckResult, Checks};
use super::date::{Date, DateEntry, Timestamp};
use super::outcome::{Mark, Outcome};

/// The answer given to one step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The answer chosen on a `choice` step.
    Choice(Choice),
    /// A `when` step, kept as entered so that a half-filled step survives a reload.
    When(WhenAnswer),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WhenAnswer {
    /// `YYYY-MM-DD`, empty when the user doesn't know the date, or a date half typed.
    pub date: DateEntry,
    /// Ids of the changes the user ticked, in the content's order.
    pub changes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    Step(usize),
    Summary,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepStatus {
    NotStarted,
    Answered,
    PointsToCause,
    /// Answered "Not sure": the user can still find out.
    ToCheck,
}

/// Why the current step can't be left yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputError {
    NoAnswer,
    NoChange,
    BadDate,
    FutureDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Choose {
        step: usize,
        option: Choice,
    },
    SetDate {
        step: usize,
        date: DateEntry,
    },
    ToggleChange {
        step: usize,
        option: String,
        on: bool,
    },
    /// Leave the current step for the next one that still needs an answer, or the summary.
    Continue,
    Back,
    /// Reopen an answered step (or the first unanswered one).
    Change(usize),
    /// Go to the summary and the report now, with what is answered so far.
    GetHelp,
    StartAgain,
    /// A check the user asked for has a result.
    Checked(CheckResult),
    /// A finding's action fixed the problem (see [`Outcome::set`]).
    Fixed(String),
    /// A finding's action was tried and did not fix it.
    NotFixed(String),
    /// Takes back a finding's fixed or tried mark (clicked by mistake).
    TakeBack(String),
    /// The mail app the user uses (an id of the content's `mail_apps`), for its set-up lines.
    ChooseMailApp(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    answers: Vec<Option<Answer>>,
    /// When each answer was last given or changed.
    answered_at: Vec<Option<Timestamp>>,
    /// When the first answer was given.
    started: Option<Timestamp>,
    /// The latest result of each check the user ran.
    checks: Checks,
    at: Position,
    /// The day answers are judged on: a date after it is refused.
    today: Date,
    /// Which finding fixed it and which didn't.
    outcome: Outcome,
    /// The mail app the user said they use.
    mail_app: Option<String>,
}

impl Progress {
    pub fn new(checklist: &Checklist, today: Date) -> Progress {
        Progress {
            answers: vec![None; checklist.steps.len()],
            answered_at: vec![None; checklist.steps.len()],
            started: None,
            checks: Checks::default(),
            at: Position::Step(0),
            today,
            outcome: Outcome::default(),
            mail_app: None,
        }
    }

    /// Rebuilds progress from saved parts that have already been checked against the checklist.
    pub(crate) fn from_parts(
        checklist: &Checklist,
        answers: Vec<Option<Answer>>,
        answered_at: Vec<Option<Timestamp>>,
        started: Option<Timestamp>,
        checks: Checks,
        at: Position,
        today: Date,
    ) -> Progress {
        let mut progress = Progress {
            answers,
            answered_at,
            started,
            checks,
            at,
            ..Progress::new(checklist, today)
        };
        progress.at = progress.reachable(checklist, at);
        progress
    }

    pub fn at(&self) -> Position {
        self.at
    }

    /// Which finding fixed it and which were tried.
    pub fn outcome(&self) -> &Outcome {
        &self.outcome
    }

    /// Saved marks, already checked against the checklist.
    pub(crate) fn with_outcome(mut self, outcome: Outcome) -> Progress {
        self.outcome = outcome;
        self
    }

    pub fn today(&self) -> Date {
        self.today
    }

    /// When a step's answer was last given or changed.
    pub fn answered_at(&self, step: usize) -> Option<Timestamp> {
        self.answered_at.get(step).copied().flatten()
    }

    /// The latest result of each check the user ran.
    pub fn checks(&self) -> &Checks {
        &self.checks
    }

    /// When the first answer was given: when troubleshooting started.
    pub fn started(&self) -> Option<Timestamp> {
        self.started
    }

    /// The id of the mail app the user said they use.
    pub fn mail_app(&self) -> Option<&str> {
        self.mail_app.as_deref()
    }

    pub fn answer(&self, step: usize) -> Option<&Answer> {
        self.answers.get(step).and_then(Option::as_ref)
    }

    pub fn answers(&self) -> &[Option<Answer>] {
        &self.answers
    }

    pub fn step_count(&self) -> usize {
        self.answers.len()
    }

    /// A step counts as answered once its answer is complete and valid.
    pub fn is_answered(&self, checklist: &Checklist, step: usize) -> bool {
        self.problem_with(checklist, step).is_none()
    }

    pub fn answered_count(&self, checklist: &Checklist) -> usize {
        (0..self.answers.len())
            .filter(|&i| self.is_answered(checklist, i))
            .count()
    }

    pub fn first_unanswered(&self, checklist: &Checklist) -> Option<usize> {
        (0..self.answers.len()).find(|&i| !self.is_answered(checklist, i))
    }

    pub fn is_complete(&self, checklist: &Checklist) -> bool {
        self.first_unanswered(checklist).is_none()
    }

    /// Whether a step was answered "Not sure".
    pub fn is_unsure(&self, step: usize) -> bool {
        matches!(self.answer(step), Some(Answer::Choice(Choice::Unsure)))
    }

    /// How many steps are answered "Not sure": counted apart from the sure answers.
    pub fn to_check_count(&self, checklist: &Checklist) -> usize {
        (0..self.answers.len())
            .filter(|&i| self.is_answered(checklist, i) && self.is_unsure(i))
            .count()
    }

    pub fn status(&self, checklist: &Checklist, step: usize) -> StepStatus {
        if !self.is_answered(checklist, step) {
            StepStatus::NotStarted
        } else if self.is_unsure(step) {
            StepStatus::ToCheck
        } else if self
            .chosen(checklist, step)
            .iter()
            .any(|o| o.points_to.is_some())
        {
            StepStatus::PointsToCause
        } else {
            StepStatus::Answered
        }
    }

    /// The options the user has chosen on a step, in the content's order: their guidance is shown.
    pub fn chosen<'c>(&self, checklist: &'c Checklist, step: usize) -> Vec<&'c AnswerOption> {
        chosen_in(checklist, step, self.answer(step))
    }

    /// The date given on a `when` step, if it is a real one.
    pub fn date(&self, step: usize) -> Option<Date> {
        match self.answer(step) {
            Some(Answer::When(when)) => when.date.date(),
            _ => None,
        }
    }

    /// Why a step's answer can't be accepted yet, if it can't.
    pub fn problem_with(&self, checklist: &Checklist, step: usize) -> Option<InputError> {
        let kind = checklist.steps.get(step).map(|s| s.kind)?;
        match (kind, self.answer(step)) {
            (StepKind::Choice, Some(Answer::Choice(_))) => None,
            (StepKind::Choice, _) => Some(InputError::NoAnswer),
            (StepKind::When, Some(Answer::When(when))) => self.problem_with_when(when),
            (StepKind::When, _) => Some(InputError::NoChange),
        }
    }

    fn problem_with_when(&self, when: &WhenAnswer) -> Option<InputError> {
        if !when.date.is_empty() {
            match when.date.date() {
                None => return Some(InputError::BadDate),
                Some(date) if date > self.today => return Some(InputError::FutureDate),
                Some(_) => {}
            }
        }
        when.changes.is_empty().then_some(InputError::NoChange)
    }

    /// Applies one action taken at `now` (answers record when they were given; the model
    /// never reads a clock). Returns whether anything changed, so callers save only real changes.
    pub fn apply(&mut self, checklist: &Checklist, action: Action, now: Timestamp) -> bool {
        let before = self.clone();
        match action {
            Action::Choose { step, option } => {
                let offered = checklist
                    .steps
                    .get(step)
                    .is_some_and(|s| s.kind == StepKind::Choice && s.choice(option).is_some());
                if offered && self.is_open(step) {
                    self.answers[step] = Some(Answer::Choice(option));
                }
            }
            Action::SetDate { step, date } => {
                if let Some(when) = self.when_answer_mut(checklist, step) {
                    when.date = date.trimmed();
                }
            }
            Action::ToggleChange { step, option, on } => {
                let Some(content) = checklist.steps.get(step) else {
                    return false;
                };
                let Some(toggled) = content.option(&option) else {
                    return false;
                };
                let order: Vec<&str> = content.options.iter().map(|o| &*o.id).collect();
                if let Some(when) = self.when_answer_mut(checklist, step) {
                    when.changes.retain(|c| c != &option);
                    if on {
                        // An exclusive option ("nothing that I know of") and the others rule each other out.
                        let exclusive =
                            |id: &String| content.option(id).is_some_and(|o| o.exclusive);
                        when.changes.retain(|c| !toggled.exclusive && !exclusive(c));
                        when.changes.push(option);
                        // Kept in the content's order, whatever order they were ticked in
                        // (rebuilt rather than sorted: no sort routine in the wasm for this).
                        when.changes = order
                            .iter()
                            .filter(|o| when.changes.iter().any(|c| c == *o))
                            .map(|o| o.to_string())
                            .collect();
                    }
                }
            }
            // A step with a problem isn't left; the session says why (see `Session::error`).
            Action::Continue => {
                if let Position::Step(step) = self.at {
                    if self.problem_with(checklist, step).is_none() {
                        self.at = self.next_after(checklist, step);
                    }
                }
            }
            Action::Back => {
                self.at = match self.at {
                    Position::Step(step) => Position::Step(step.saturating_sub(1)),
                    Position::Summary => self.reachable(
                        checklist,
                        Position::Step(self.answers.len().saturating_sub(1)),
                    ),
                };
            }
            Action::Change(step) => {
                let wanted = Position::Step(step);
                if step < self.answers.len() && self.reachable(checklist, wanted) == wanted {
                    self.at = Position::Step(step);
                }
            }
            Action::GetHelp => {
                self.at = self.reachable(checklist, Position::Summary);
            }
            Action::Checked(result) => self.checks.record(result),
            Action::Fixed(id) => {
                self.outcome.set(checklist, &id, Some(Mark::Fixed));
            }
            Action::NotFixed(id) => {
                self.outcome.set(checklist, &id, Some(Mark::Tried));
            }
            Action::TakeBack(id) => {
                self.outcome.set(checklist, &id, None);
            }
            Action::ChooseMailApp(id) if checklist.mail_app(&id).is_some() => {
                self.mail_app = Some(id)
            }
            Action::ChooseMailApp(_) => {}
            Action::StartAgain => *self = Progress::new(checklist, self.today),
        }
        self.record_times(&before, now);
        *self != before
    }

    /// Stamps every answer this action gave or changed with the current time.
    fn record_times(&mut self, before: &Progress, now: Timestamp) {
        for step in 0..self.answers.len() {
            if self.answers[step] != before.answers[step] && self.answers[step].is_some() {
                self.answered_at[step] = Some(now);
                self.started.get_or_insert(now);
            }
        }
    }

    /// Takes the answers another tab or instance saved. A user who is at the first open
    /// question, or still where the last such change put them, follows the other one along;
    /// a user who has moved on their own (to look back at an answer, say) keeps their place.
    /// `followed` is where the last such change put them; it is kept by the caller, as it
    /// belongs to this tab's session, not to the answers.
    pub fn adopt(
        &mut self,
        checklist: &Checklist,
        other: &Progress,
        followed: &mut Option<Position>,
    ) -> bool {
        if self.answers.len() != other.answers.len()
            || (self.answers == other.answers
                && self.at == other.at
                && self.outcome == other.outcome
                && self.mail_app == other.mail_app)
        {
            return false;
        }
        let at_first_open = self.first_unanswered(checklist).map(Position::Step) == Some(self.at);
        let following = at_first_open || *followed == Some(self.at);
        let before = (self.answers.clone(), self.at, self.checks.clone());
        let outcome_before = std::mem::replace(&mut self.outcome, other.outcome.clone());
        let app_changed = self.mail_app != other.mail_app;
        self.mail_app = other.mail_app.clone();
        self.answers = other.answers.clone();
        self.answered_at = other.answered_at.clone();
        self.started = other.started;
        self.checks = other.checks.clone();
        let wanted = if following { other.at } else { self.at };
        self.at = self.reachable(checklist, wanted);
        *followed = following.then_some(self.at);
        app_changed
            || self.outcome != outcome_before
            || (self.answers.clone(), self.at, self.checks.clone()) != before
    }

    /// A step's inputs can be used when it is the one open.
    fn is_open(&self, step: usize) -> bool {
        self.at == Position::Step(step)
    }

    fn when_answer_mut(&mut self, checklist: &Checklist, step: usize) -> Option<&mut WhenAnswer> {
        let is_when = checklist
            .steps
            .get(step)
            .is_some_and(|s| s.kind == StepKind::When);
        if !is_when || !self.is_open(step) {
            return None;
        }
        let slot = &mut self.answers[step];
        if !matches!(slot, Some(Answer::When(_))) {
            *slot = Some(Answer::When(WhenAnswer::default()));
        }
        match slot {
            Some(Answer::When(when)) => Some(when),
            _ => None,
        }
    }

    /// The next step still needing an answer, looking forward from `step` first; the summary when none is left.
    fn next_after(&self, checklist: &Checklist, step: usize) -> Position {
        let count = self.answers.len();
        (1..=count)
            .map(|offset| (step + offset) % count)
            .find(|&i| !self.is_answered(checklist, i))
            .map_or(Position::Summary, Position::Step)
    }

    /// A position the user could have reached: a step never past the first gap; the summary
    /// once anything is answered (help can be asked for before the end).
    fn reachable(&self, checklist: &Checklist, at: Position) -> Position {
        let first_gap = self.first_unanswered(checklist);
        let nothing_answered = self.answered_count(checklist) == 0;
        match (at, first_gap) {
            (Position::Step(step), Some(gap)) if step > gap => Position::Step(gap),
            (Position::Summary, Some(gap)) if nothing_answered => Position::Step(gap),
            (Position::Step(step), _) if step >= self.answers.len() => Position::Summary,
            (at, _) => at,
        }
    }
}

/// The options `answer` chose on a step, in the content's order.
pub fn chosen_in<'c>(
    checklist: &'c Checklist,
    step: usize,
    answer: Option<&Answer>,
) -> Vec<&'c AnswerOption> {
    let Some(content) = checklist.steps.get(step) else {
        return Vec::new();
    };
    match answer {
        Some(Answer::Choice(choice)) => content.choice(*choice).into_iter().collect(),
        Some(Answer::When(when)) => content
            .options
            .iter()
            .filter(|o| when.changes.iter().any(|c| *c == *o.id))
            .collect(),
        None => Vec::new(),
    }
}

/// An answer as the user reads it back: the options chosen, and a `when` step's date first.
pub fn answer_text(checklist: &Checklist, progress: &Progress, step: usize) -> String {
    answer_text_of(checklist, step, progress.answer(step))
}

/// [`answer_text`] from the answer alone, for a view that has nothing else of the progress.
pub fn answer_text_of(checklist: &Checklist, step: usize, answer: Option<&Answer>) -> String {
    let labels: Vec<&str> = chosen_in(checklist, step, answer)
        .into_iter()
        .map(|option| checklist.option_label(option))
        .collect();
    if checklist
        .steps
        .get(step)
        .is_none_or(|s| s.kind != StepKind::When)
    {
        return labels.join("; ");
    }
    let date = match answer {
        Some(Answer::When(when)) => when.date.date(),
        _ => None,
    };
    let date = date.map_or_else(
        || checklist.text.no_date().to_string(),
        |date| super::format::date(&checklist.text, date),
    );
    date + ": " + &labels.join("; ")
}
