//! "Did this fix it?": which finding fixed the problem, which were tried without luck, and the
//! order the causes are shown in once some have been tried.

use super::checklist::Checklist;

/// What the user said about the findings they acted on. Ids are the content's finding ids.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// The finding whose action fixed the problem.
    pub fixed: Option<String>,
    /// Findings tried that did not fix it, in the order they were tried.
    pub tried: Vec<String>,
}

/// What the user can say about one finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Fixed,
    Tried,
}

impl Outcome {
    /// How a finding is marked, if it is.
    pub fn mark(&self, finding: &str) -> Option<Mark> {
        if self.fixed.as_deref() == Some(finding) {
            Some(Mark::Fixed)
        } else if self.tried.iter().any(|t| t == finding) {
            Some(Mark::Tried)
        } else {
            None
        }
    }

    /// Marks `finding` (`None` takes its mark back). A finding the content doesn't have is
    /// refused. One finding fixed it: marking another replaces it; a fixed finding is no
    /// longer "tried", while the others stay tried (what didn't help matters to the
    /// administrator). Returns whether anything changed.
    pub fn set(&mut self, checklist: &Checklist, finding: &str, mark: Option<Mark>) -> bool {
        if checklist.finding(finding).is_none() {
            return false;
        }
        let before = self.clone();
        if self.fixed.as_deref() == Some(finding) {
            self.fixed = None;
        }
        let was_tried = self.tried.iter().position(|t| t == finding);
        match (mark, was_tried) {
            (Some(Mark::Tried), Some(_)) => {}
            (Some(Mark::Tried), None) => self.tried.push(finding.to_owned()),
            (_, Some(index)) => {
                self.tried.remove(index);
            }
            (_, None) => {}
        }
        if mark == Some(Mark::Fixed) {
            self.fixed = Some(finding.to_owned());
        }
        *self != before
    }
}
