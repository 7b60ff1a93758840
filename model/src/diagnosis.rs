//! From answers to what they point to: ranked causes, the answers that contradict each other,
//! and what is still open.
//!
//! Every rule is data in the content file: which answer points to which finding and how
//! strongly (`points_to`, `confidence`, `names_cause`), which answers contradict each other
//! (`[[conflicts]]`), and, for causes that are otherwise equal, the order of `[[findings]]`.
//! A host's own checklist brings its own.

use super::checklist::{AnswerRef, CheckRule, Checklist, Confidence, Conflict};
use super::checks::CheckKind;
use super::outcome::{Mark, Outcome};
use super::progress::Progress;

/// A cause the answers point to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RankedCause {
    /// The finding's id in the content.
    pub finding: String,
    /// The strongest confidence of the answers pointing here.
    pub confidence: Confidence,
    /// The steps whose answers point here, in order.
    pub steps: Vec<usize>,
    /// The checks whose results point here.
    pub checks: Vec<CheckKind>,
    /// An answer states this cause itself ("I changed my password").
    pub named: bool,
    /// As likely as the cause after it, and placed first by the tie rule (see [`diagnose`]).
    pub tie_broken: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Diagnosis {
    /// Causes most likely first; without the ones a conflict casts doubt on.
    causes: Vec<RankedCause>,
    /// The content's conflicts (their indexes) that the answers meet.
    conflicts: Vec<usize>,
    /// Steps answered "Not sure".
    unsure: Vec<usize>,
    /// Steps not answered yet (the user asked for help before the end).
    unanswered: Vec<usize>,
    /// Both of the above, in order.
    open: Vec<usize>,
}

impl Diagnosis {
    /// The marks on findings that are causes now. A mark on a finding the answers no longer
    /// point to is kept (it counts again if those answers come back) but is not shown, reported
    /// or counted: "Fixed by" a finding that is no cause would be stuck, with no Undo beside it.
    pub fn marks_among(&self, outcome: &Outcome) -> Outcome {
        let is_cause = |id: &String| self.causes.iter().any(|c| c.finding == *id);
        Outcome {
            fixed: outcome.fixed.clone().filter(is_cause),
            tried: outcome
                .tried
                .iter()
                .filter(|id| is_cause(id))
                .cloned()
                .collect(),
        }
    }

    /// The causes in the order the summary and the report show them: the one that fixed it
    /// first, then those not yet tried (in the diagnosis' order), then those tried without luck.
    pub fn lead_order(&self, outcome: &Outcome) -> Vec<&RankedCause> {
        let rank = |cause: &RankedCause| match outcome.mark(&cause.finding) {
            Some(Mark::Fixed) => 0,
            None => 1,
            Some(Mark::Tried) => 2,
        };
        (0..3)
            .flat_map(|group| self.causes.iter().filter(move |c| rank(c) == group))
            .collect()
    }

    /// Whether every cause has been tried and none fixed it: time to contact the administrator.
    pub fn all_tried(&self, outcome: &Outcome) -> bool {
        !self.causes.is_empty()
            && self
                .causes
                .iter()
                .all(|c| outcome.mark(&c.finding) == Some(Mark::Tried))
    }

    /// The causes concluded, most likely first.
    pub fn causes(&self) -> &[RankedCause] {
        &self.causes
    }

    /// Conflicts among the answers, as indexes into the content's `conflicts`.
    pub fn conflicts(&self) -> &[usize] {
        &self.conflicts
    }

    /// Steps answered "Not sure", which the user could still find out.
    pub fn unsure(&self) -> &[usize] {
        &self.unsure
    }

    /// Steps without an answer yet.
    pub fn unanswered(&self) -> &[usize] {
        &self.unanswered
    }

    /// Steps that could change the picture: unanswered or "Not sure", in order.
    pub fn open(&self) -> &[usize] {
        &self.open
    }

    /// Every question answered for sure, no conflict, and none points to a cause.
    pub fn is_no_cause(&self) -> bool {
        self.causes.is_empty()
            && self.conflicts.is_empty()
            && self.unsure.is_empty()
            && self.unanswered.is_empty()
    }
}

/// Ranks causes by, in turn: confidence; whether an answer names the cause itself; how many
/// answers and checks point to it; and last the order of `[[findings]]` in the content, which
/// lists the quickest to act on first. Never by the order of the questions.
pub fn diagnose(checklist: &Checklist, progress: &Progress) -> Diagnosis {
    let conflicts: Vec<usize> = checklist
        .conflicts
        .iter()
        .enumerate()
        .filter(|(_, conflict)| holds(checklist, progress, conflict))
        .map(|(index, _)| index)
        .collect();
    // A conflict sets aside what its own answers say, and nothing else: a cause other answers
    // or checks point to stays, on their evidence alone.
    let clashing: Vec<(usize, &str)> = conflicts
        .iter()
        .flat_map(|&index| conflict_answers(&checklist.conflicts[index]))
        .collect();

    let mut causes: Vec<RankedCause> = Vec::new();
    let mut add = |finding: &str, confidence: Confidence, source: Source| {
        let index = match causes.iter().position(|cause| cause.finding == finding) {
            Some(index) => index,
            None => {
                causes.push(RankedCause {
                    finding: finding.to_owned(),
                    confidence,
                    steps: Vec::new(),
                    checks: Vec::new(),
                    named: false,
                    tie_broken: false,
                });
                causes.len() - 1
            }
        };
        let cause = &mut causes[index];
        cause.confidence = cause.confidence.max(confidence);
        match source {
            Source::Step(step, named) => {
                cause.named |= named;
                if !cause.steps.contains(&step) {
                    cause.steps.push(step);
                }
            }
            Source::Check(kind) => {
                if !cause.checks.contains(&kind) {
                    cause.checks.push(kind);
                }
            }
        }
    };
    for step in 0..checklist.steps.len() {
        if !progress.is_answered(checklist, step) {
            continue;
        }
        for option in progress.chosen(checklist, step) {
            if clashing.contains(&(step, &*option.id)) {
                continue;
            }
            if let Some(finding) = option.points_to.as_deref() {
                let confidence = option.confidence.unwrap_or(Confidence::Likely);
                add(finding, confidence, Source::Step(step, option.names_cause));
            }
        }
    }
    // What the checks the user ran found counts too, as the content's check rules say.
    for (signal, kind) in progress.checks().signals(progress.today()) {
        for rule in checklist
            .check_rules
            .iter()
            .filter(|r| r.signal == signal && rule_holds(checklist, progress, r))
        {
            add(&rule.points_to, rule.confidence, Source::Check(kind));
        }
    }
    let rank = |cause: &RankedCause| {
        let order = checklist
            .findings
            .iter()
            .position(|f| f.id == cause.finding)
            .unwrap_or(usize::MAX);
        (
            std::cmp::Reverse(cause.confidence),
            !cause.named,
            std::cmp::Reverse(cause.steps.len() + cause.checks.len()),
            order,
        )
    };
    // Insertion sort, stable: the list is a handful long, and a general sort routine would
    // cost the wasm kilobytes.
    for end in 1..causes.len() {
        let mut at = end;
        while at > 0 && rank(&causes[at]) < rank(&causes[at - 1]) {
            causes.swap(at, at - 1);
            at -= 1;
        }
    }
    for index in 1..causes.len() {
        if causes[index - 1].confidence == causes[index].confidence {
            causes[index - 1].tie_broken = true;
        }
    }

    let steps = 0..checklist.steps.len();
    let answered = |step: &usize| progress.is_answered(checklist, *step);
    let unsure = |step: &usize| answered(step) && progress.is_unsure(*step);
    Diagnosis {
        causes,
        conflicts,
        unsure: steps.clone().filter(unsure).collect(),
        unanswered: steps.clone().filter(|step| !answered(step)).collect(),
        open: steps
            .filter(|step| !answered(step) || unsure(step))
            .collect(),
    }
}

enum Source {
    /// A step's answer, and whether it names the cause itself.
    Step(usize, bool),
    Check(CheckKind),
}

/// The steps and options a conflict names, as indexes and ids, as resolved when the content
/// was checked.
pub fn conflict_answers(conflict: &Conflict) -> impl Iterator<Item = (usize, &str)> {
    conflict
        .answer_refs
        .iter()
        .map(|answer| (answer.step, answer.option.id()))
}

/// Whether a check rule's answer condition (`if_answer`), if it has one, is the user's answer.
/// A condition that names no answer of this checklist (unresolved) never holds.
pub fn rule_holds(checklist: &Checklist, progress: &Progress, rule: &CheckRule) -> bool {
    match (&rule.if_answer, &rule.if_answer_ref) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(_), Some(answer)) => gave(checklist, progress, answer),
    }
}

/// Whether the user gave every answer a conflict names.
fn holds(checklist: &Checklist, progress: &Progress, conflict: &Conflict) -> bool {
    !conflict.answer_refs.is_empty()
        && conflict
            .answer_refs
            .iter()
            .all(|answer| gave(checklist, progress, answer))
}

/// Whether the user gave this answer, on a step they have answered.
fn gave(checklist: &Checklist, progress: &Progress, answer: &AnswerRef) -> bool {
    progress.is_answered(checklist, answer.step)
        && progress
            .chosen(checklist, answer.step)
            .iter()
            .any(|o| o.id == answer.option.id())
}
