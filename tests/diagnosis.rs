//! What answers point to: every combination of answers the content allows, then the article's
//! own meanings row by row.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{checklist, choose, today};
use email_troubleshooter::model::{
    diagnose, Action, Checklist, Confidence, Diagnosis, Progress, RankedCause, StepKind,
};

/// One answer a step can be given: a choice, or the set of changes ticked.
#[derive(Clone, Debug)]
enum Given {
    Choice(String),
    Changes(Vec<String>),
}

/// Every answer each step allows: each choice; for the `when` step each non-empty set of
/// changes, with an exclusive change only on its own.
fn possible_answers(content: &Checklist) -> Vec<Vec<Given>> {
    content
        .steps
        .iter()
        .map(|step| match step.kind {
            StepKind::Choice => step
                .options
                .iter()
                .map(|o| Given::Choice(o.id.to_string()))
                .collect(),
            StepKind::When => {
                let plain: Vec<String> = step
                    .options
                    .iter()
                    .filter(|o| !o.exclusive)
                    .map(|o| o.id.to_string())
                    .collect();
                let mut sets: Vec<Given> = (1..1u32 << plain.len())
                    .map(|mask| {
                        Given::Changes(
                            plain
                                .iter()
                                .enumerate()
                                .filter(|(i, _)| mask & (1 << i) != 0)
                                .map(|(_, id)| id.clone())
                                .collect(),
                        )
                    })
                    .collect();
                sets.extend(
                    step.options
                        .iter()
                        .filter(|o| o.exclusive)
                        .map(|o| Given::Changes(vec![o.id.to_string()])),
                );
                sets
            }
        })
        .collect()
}

/// Answers every step as given, in order, as a user would.
fn answered(content: &Checklist, answers: &[Given]) -> Progress {
    let mut progress = Progress::new(content, today());
    for (step, given) in answers.iter().enumerate() {
        match given {
            Given::Choice(option) => {
                progress.apply(
                    content,
                    Action::Choose {
                        step,
                        option: option.clone(),
                    },
                );
            }
            Given::Changes(changes) => {
                for option in changes {
                    progress.apply(
                        content,
                        Action::ToggleChange {
                            step,
                            option: option.clone(),
                            on: true,
                        },
                    );
                }
            }
        }
        assert!(progress.apply(content, Action::Continue), "{answers:?}");
    }
    progress
}

/// Calls `check` with every combination of answers the content allows.
fn every_combination(content: &Checklist, mut check: impl FnMut(&[Given], &Progress)) -> usize {
    let choices = possible_answers(content);
    let mut counters = vec![0usize; choices.len()];
    let mut count = 0;
    loop {
        let answers: Vec<Given> = counters
            .iter()
            .zip(&choices)
            .map(|(&i, options)| options[i].clone())
            .collect();
        check(&answers, &answered(content, &answers));
        count += 1;
        let mut position = 0;
        loop {
            if position == counters.len() {
                return count;
            }
            counters[position] += 1;
            if counters[position] < choices[position].len() {
                break;
            }
            counters[position] = 0;
            position += 1;
        }
    }
}

#[test]
fn every_combination_of_answers_gets_a_consistent_diagnosis() {
    let content = checklist();
    let mut seen = [0usize; 4];
    let count = every_combination(&content, |answers, progress| {
        let chosen: Vec<(usize, &str)> = answers
            .iter()
            .enumerate()
            .flat_map(|(step, given)| match given {
                Given::Choice(option) => vec![(step, option.as_str())],
                Given::Changes(changes) => changes.iter().map(|c| (step, c.as_str())).collect(),
            })
            .collect();
        let option = |step: usize, id: &str| content.steps[step].option(id).expect("offered");
        let conflicts: Vec<usize> = content
            .conflicts
            .iter()
            .enumerate()
            .filter(|(_, conflict)| {
                conflict.answers.iter().all(|answer| {
                    let (step, id) = answer.split_once('=').expect("step=option");
                    chosen.contains(&(content.step_index(step).expect("a step"), id))
                })
            })
            .map(|(i, _)| i)
            .collect();
        let unsure: Vec<usize> = chosen
            .iter()
            .filter(|(_, id)| *id == "unsure")
            .map(|(step, _)| *step)
            .collect();
        match diagnose(&content, progress) {
            Diagnosis::Conflicting(found) => {
                seen[0] += 1;
                assert_eq!(found, conflicts, "{answers:?}");
            }
            Diagnosis::Causes { causes, open } => {
                seen[1] += 1;
                assert!(
                    conflicts.is_empty(),
                    "a conflict is never glossed over: {answers:?}"
                );
                assert_eq!(open, unsure, "{answers:?}");
                for cause in &causes {
                    let pointing: Vec<(usize, Confidence)> = chosen
                        .iter()
                        .filter_map(|&(step, id)| {
                            let o = option(step, id);
                            (o.points_to.as_deref() == Some(cause.finding.as_str()))
                                .then(|| (step, o.confidence.unwrap_or(Confidence::Likely)))
                        })
                        .collect();
                    assert!(
                        !pointing.is_empty(),
                        "{} comes from an answer: {answers:?}",
                        cause.finding
                    );
                    let steps: Vec<usize> = pointing.iter().map(|(s, _)| *s).collect();
                    assert_eq!(cause.steps, steps, "{answers:?}");
                    assert_eq!(
                        Some(cause.confidence),
                        pointing.iter().map(|(_, c)| *c).max(),
                        "{answers:?}"
                    );
                }
                let all_pointed = chosen
                    .iter()
                    .filter(|&&(step, id)| option(step, id).points_to.is_some())
                    .count();
                assert!(causes.len() <= all_pointed);
                assert!(
                    causes
                        .windows(2)
                        .all(|pair| pair[0].confidence >= pair[1].confidence),
                    "most likely first: {causes:?}"
                );
            }
            Diagnosis::NotEnough { open } => {
                seen[2] += 1;
                assert!(conflicts.is_empty() && !unsure.is_empty());
                assert_eq!(open, unsure);
                assert!(
                    chosen
                        .iter()
                        .all(|&(step, id)| option(step, id).points_to.is_none()),
                    "{answers:?}"
                );
            }
            Diagnosis::NoCause => {
                seen[3] += 1;
                assert!(conflicts.is_empty() && unsure.is_empty());
                assert!(
                    chosen
                        .iter()
                        .all(|&(step, id)| option(step, id).points_to.is_none()),
                    "{answers:?}"
                );
            }
        }
    });
    assert_eq!(count, 3usize.pow(6) * 8, "every combination was tried");
    assert!(
        seen.iter().all(|&n| n > 0),
        "every kind of diagnosis occurs: {seen:?}"
    );
}

fn cause(finding: &str, confidence: Confidence, steps: &[usize]) -> RankedCause {
    RankedCause {
        finding: finding.into(),
        confidence,
        steps: steps.to_vec(),
        checks: Vec::new(),
    }
}

fn diagnosis_of(answers: [&str; 7]) -> Diagnosis {
    let content = checklist();
    let given: Vec<Given> = answers
        .iter()
        .zip(content.steps.iter())
        .map(|(answer, step)| match step.kind {
            StepKind::Choice => Given::Choice((*answer).into()),
            StepKind::When => Given::Changes(answer.split(',').map(Into::into).collect()),
        })
        .collect();
    diagnose(&content, &answered(&content, &given))
}

#[test]
fn the_articles_meanings_row_by_row() {
    use Confidence::{Likely, Possible, Strong};
    let rows: Vec<([&str; 7], Diagnosis)> = vec![
        // Mail not arriving in webmail points to the mailbox itself.
        (
            ["no", "nothing", "no", "no", "no", "no", "no"],
            Diagnosis::Causes {
                causes: vec![cause("mailbox", Strong, &[0])],
                open: vec![],
            },
        ),
        // Everyone on the domain points to its DNS or registration.
        (
            ["yes", "nothing", "no", "no", "yes", "no", "no"],
            Diagnosis::Causes {
                causes: vec![cause("domain", Strong, &[4])],
                open: vec![],
            },
        ),
        // Only this computer points to something local.
        (
            ["yes", "nothing", "no", "no", "no", "yes", "no"],
            Diagnosis::Causes {
                causes: vec![cause("computer", Likely, &[5])],
                open: vec![],
            },
        ),
        // Only this network points to the network or the ISP.
        (
            ["yes", "nothing", "no", "no", "no", "no", "yes"],
            Diagnosis::Causes {
                causes: vec![cause("network", Likely, &[6])],
                open: vec![],
            },
        ),
        // A migration or an upgrade means the mail app must be set up for the new server.
        (
            ["yes", "nothing", "yes", "yes", "no", "no", "no"],
            Diagnosis::Causes {
                causes: vec![
                    cause("migration", Likely, &[2]),
                    cause("upgrade", Likely, &[3]),
                ],
                open: vec![],
            },
        ),
        // A changed network and a network that fails point to one cause, from both questions.
        (
            ["yes", "network", "no", "no", "no", "no", "yes"],
            Diagnosis::Causes {
                causes: vec![cause("network", Likely, &[1, 6])],
                open: vec![],
            },
        ),
        // Stronger signs come first, whatever the question order.
        (
            ["yes", "new_setup", "no", "no", "yes", "no", "no"],
            Diagnosis::Causes {
                causes: vec![
                    cause("domain", Strong, &[4]),
                    cause("new_setup", Possible, &[1]),
                ],
                open: vec![],
            },
        ),
        // A cause found with questions still open says which.
        (
            ["yes", "password", "no", "no", "unsure", "no", "unsure"],
            Diagnosis::Causes {
                causes: vec![cause("password", Likely, &[1])],
                open: vec![4, 6],
            },
        ),
        // Contradictions: not enough to say.
        (
            ["yes", "nothing", "no", "no", "yes", "yes", "no"],
            Diagnosis::Conflicting(vec![1]),
        ),
        (
            ["no", "nothing", "no", "no", "yes", "yes", "yes"],
            Diagnosis::Conflicting(vec![0, 1, 2]),
        ),
        // Nothing found, but questions left open: not enough to say.
        (
            ["unsure", "nothing", "no", "no", "no", "no", "no"],
            Diagnosis::NotEnough { open: vec![0] },
        ),
        // Every answer sure, nothing found: the article's "contact your administrator".
        (
            ["yes", "nothing", "no", "no", "no", "no", "no"],
            Diagnosis::NoCause,
        ),
    ];
    for (answers, expected) in rows {
        assert_eq!(diagnosis_of(answers), expected, "{answers:?}");
    }
}

#[test]
fn half_answered_progress_says_which_questions_are_open() {
    let content = checklist();
    let mut progress = Progress::new(&content, today());
    progress.apply(&content, choose(0, "yes"));
    assert_eq!(
        diagnose(&content, &progress),
        Diagnosis::NotEnough {
            open: vec![1, 2, 3, 4, 5, 6]
        }
    );
}
