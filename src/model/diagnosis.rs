//! From answers to what they point to: ranked causes, or an honest "not enough to say".
//!
//! Every rule is data in the content file: which answer points to which finding and how
//! strongly (`points_to`, `confidence`), and which answers contradict each other
//! (`[[conflicts]]`). A host's own checklist brings its own.

use super::checklist::{Checklist, Confidence, Conflict};
use super::checks::CheckKind;
use super::progress::{Answer, Progress};

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
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Diagnosis {
    /// Answers point to these causes, most likely first. `open` lists the steps still
    /// unanswered or answered "Not sure", which could change the picture.
    Causes {
        causes: Vec<RankedCause>,
        open: Vec<usize>,
    },
    /// Some answers contradict each other (the indexes of the content's conflicts), so
    /// nothing is concluded.
    Conflicting(Vec<usize>),
    /// Nothing points anywhere, but these steps are unanswered or "Not sure".
    NotEnough { open: Vec<usize> },
    /// Every question answered for sure, and none points to a cause.
    NoCause,
}

impl Diagnosis {
    /// The causes concluded, most likely first; none when the answers conflict or say nothing.
    pub fn causes(&self) -> &[RankedCause] {
        match self {
            Diagnosis::Causes { causes, .. } => causes,
            _ => &[],
        }
    }

    /// The content's conflicts (their indexes) that the answers fall into.
    pub fn conflicts(&self) -> &[usize] {
        match self {
            Diagnosis::Conflicting(conflicts) => conflicts,
            _ => &[],
        }
    }

    /// The steps still unanswered or answered "Not sure".
    pub fn open(&self) -> &[usize] {
        match self {
            Diagnosis::Causes { open, .. } | Diagnosis::NotEnough { open } => open,
            _ => &[],
        }
    }
}

pub fn diagnose(checklist: &Checklist, progress: &Progress) -> Diagnosis {
    let conflicts: Vec<usize> = checklist
        .conflicts
        .iter()
        .enumerate()
        .filter(|(_, conflict)| holds(checklist, progress, conflict))
        .map(|(index, _)| index)
        .collect();
    if !conflicts.is_empty() {
        return Diagnosis::Conflicting(conflicts);
    }

    let mut causes: Vec<RankedCause> = Vec::new();
    for step in 0..checklist.steps.len() {
        if !progress.is_answered(checklist, step) {
            continue;
        }
        for option in progress.chosen(checklist, step) {
            let Some(finding) = option.points_to.as_deref() else {
                continue;
            };
            let confidence = option.confidence.unwrap_or(Confidence::Likely);
            match causes.iter_mut().find(|cause| cause.finding == finding) {
                Some(cause) => {
                    cause.confidence = cause.confidence.max(confidence);
                    if !cause.steps.contains(&step) {
                        cause.steps.push(step);
                    }
                }
                None => causes.push(RankedCause {
                    finding: finding.to_owned(),
                    confidence,
                    steps: vec![step],
                    checks: Vec::new(),
                }),
            }
        }
    }
    // What the checks the user ran found counts too, as the content's check rules say.
    for (signal, kind) in progress.checks().signals(progress.today()) {
        for rule in checklist
            .check_rules
            .iter()
            .filter(|rule| rule.signal == signal)
        {
            match causes
                .iter_mut()
                .find(|cause| cause.finding == *rule.points_to)
            {
                Some(cause) => {
                    cause.confidence = cause.confidence.max(rule.confidence);
                    if !cause.checks.contains(&kind) {
                        cause.checks.push(kind);
                    }
                }
                None => causes.push(RankedCause {
                    finding: rule.points_to.to_string(),
                    confidence: rule.confidence,
                    steps: Vec::new(),
                    checks: vec![kind],
                }),
            }
        }
    }
    // Surest first; equally sure causes keep the order of the questions that raised them.
    // Three passes over a short list, rather than a general sort routine in the wasm.
    let causes: Vec<RankedCause> = [Confidence::Strong, Confidence::Likely, Confidence::Possible]
        .iter()
        .flat_map(|level| {
            causes
                .iter()
                .filter(move |cause| cause.confidence == *level)
        })
        .cloned()
        .collect();

    let open: Vec<usize> = (0..checklist.steps.len())
        .filter(|&step| !progress.is_answered(checklist, step) || is_unsure(progress.answer(step)))
        .collect();
    match (causes.is_empty(), open.is_empty()) {
        (false, _) => Diagnosis::Causes { causes, open },
        (true, false) => Diagnosis::NotEnough { open },
        (true, true) => Diagnosis::NoCause,
    }
}

fn is_unsure(answer: Option<&Answer>) -> bool {
    matches!(answer, Some(Answer::Choice(option)) if option == "unsure")
}

/// Whether the user gave every answer a conflict names.
fn holds(checklist: &Checklist, progress: &Progress, conflict: &Conflict) -> bool {
    conflict.answers.iter().all(|answer| {
        let Some((step, option)) = answer.split_once('=') else {
            return false;
        };
        let Some(index) = checklist.step_index(step) else {
            return false;
        };
        progress.is_answered(checklist, index)
            && progress
                .chosen(checklist, index)
                .iter()
                .any(|o| o.id == option)
    })
}
