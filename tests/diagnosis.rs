//! What answers point to: every combination of answers the content allows, then the article's
//! own meanings row by row.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{checklist, choice, choose, today};
use email_troubleshooter::model::{
    diagnose, Action, Checklist, Confidence, Diagnosis, Progress, RankedCause, StepKind, Timestamp,
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
                        option: choice(option),
                    },
                    Timestamp(0),
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
                        Timestamp(0),
                    );
                }
            }
        }
        assert!(
            progress.apply(content, Action::Continue, Timestamp(0)),
            "{answers:?}"
        );
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
    let mut seen = [0usize; 5];
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
        let diagnosis = diagnose(&content, progress);
        assert_eq!(diagnosis.conflicts(), conflicts, "{answers:?}");
        assert_eq!(diagnosis.unsure(), unsure, "{answers:?}");
        assert_eq!(diagnosis.open(), unsure, "{answers:?}");
        assert!(diagnosis.unanswered().is_empty());
        // A conflict sets aside what its own answers say, and nothing else.
        let clashing: Vec<(usize, &str)> = conflicts
            .iter()
            .flat_map(|&i| content.conflicts[i].answers.iter())
            .map(|answer| {
                let (step, id) = answer.split_once('=').expect("step=option");
                (content.step_index(step).expect("a step"), id)
            })
            .collect();
        let counted: Vec<(usize, &str)> = chosen
            .iter()
            .copied()
            .filter(|pair| !clashing.contains(pair))
            .collect();
        let mut expected_findings: Vec<&str> = counted
            .iter()
            .filter_map(|&(step, id)| option(step, id).points_to.as_deref())
            .collect();
        expected_findings.sort_unstable();
        expected_findings.dedup();
        let mut found: Vec<&str> = diagnosis
            .causes()
            .iter()
            .map(|c| c.finding.as_str())
            .collect();
        found.sort_unstable();
        assert_eq!(
            found, expected_findings,
            "every undoubted cause is kept: {answers:?}"
        );
        let causes = diagnosis.causes();
        for cause in causes {
            let pointing: Vec<(usize, Confidence, bool)> = counted
                .iter()
                .filter_map(|&(step, id)| {
                    let o = option(step, id);
                    (o.points_to.as_deref() == Some(cause.finding.as_str())).then(|| {
                        (
                            step,
                            o.confidence.unwrap_or(Confidence::Likely),
                            o.names_cause,
                        )
                    })
                })
                .collect();
            let steps: Vec<usize> = pointing.iter().map(|(s, _, _)| *s).collect();
            assert_eq!(cause.steps, steps, "{answers:?}");
            assert_eq!(
                Some(cause.confidence),
                pointing.iter().map(|(_, c, _)| *c).max(),
                "{answers:?}"
            );
            assert_eq!(cause.named, pointing.iter().any(|(_, _, named)| *named));
        }
        // The tie rule: confidence, then named by an answer, then how many answers point to
        // it, then the content's order of findings; never the order of the questions.
        let order = |c: &RankedCause| content.findings.iter().position(|f| f.id == c.finding);
        for pair in causes.windows(2) {
            let key = |c: &RankedCause| {
                (
                    std::cmp::Reverse(c.confidence),
                    !c.named,
                    std::cmp::Reverse(c.steps.len()),
                    order(c),
                )
            };
            assert!(key(&pair[0]) < key(&pair[1]), "ranked: {causes:?}");
            assert_eq!(pair[0].tie_broken, pair[0].confidence == pair[1].confidence);
        }
        assert!(causes.last().is_none_or(|c| !c.tie_broken));
        let kind = match (causes.is_empty(), conflicts.is_empty(), unsure.is_empty()) {
            (false, true, _) => 0,
            (false, false, _) => 1,
            (true, false, _) => 2,
            (true, true, false) => 3,
            (true, true, true) => 4,
        };
        assert_eq!(diagnosis.is_no_cause(), kind == 4, "{answers:?}");
        seen[kind] += 1;
    });
    assert_eq!(count, 3usize.pow(6) * 8, "every combination was tried");
    assert!(
        seen.iter().all(|&n| n > 0),
        "every kind of diagnosis occurs: {seen:?}"
    );
}

/// A diagnosis as the rows below write it: causes (finding, confidence, steps), conflicts,
/// steps still to check.
type Found = (
    Vec<(String, Confidence, Vec<usize>)>,
    Vec<usize>,
    Vec<usize>,
);

fn found(diagnosis: &Diagnosis) -> Found {
    (
        diagnosis
            .causes()
            .iter()
            .map(|c| (c.finding.clone(), c.confidence, c.steps.clone()))
            .collect(),
        diagnosis.conflicts().to_vec(),
        diagnosis.unsure().to_vec(),
    )
}

fn cause(
    finding: &str,
    confidence: Confidence,
    steps: &[usize],
) -> (String, Confidence, Vec<usize>) {
    (finding.into(), confidence, steps.to_vec())
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
    let rows: Vec<([&str; 7], Found)> = vec![
        // Mail not arriving in webmail points to the mailbox itself.
        (
            ["no", "nothing", "no", "no", "no", "no", "no"],
            (vec![cause("mailbox", Strong, &[0])], vec![], vec![]),
        ),
        // Everyone on the domain points to its DNS or registration.
        (
            ["yes", "nothing", "no", "no", "yes", "no", "no"],
            (vec![cause("domain", Strong, &[4])], vec![], vec![]),
        ),
        // Only this computer points to something local.
        (
            ["yes", "nothing", "no", "no", "no", "yes", "no"],
            (vec![cause("computer", Likely, &[5])], vec![], vec![]),
        ),
        // Only this network points to the network or the ISP.
        (
            ["yes", "nothing", "no", "no", "no", "no", "yes"],
            (vec![cause("network", Likely, &[6])], vec![], vec![]),
        ),
        // A migration or an upgrade means the mail app must be set up for the new server;
        // equally sure and both named by an answer, so the content's order decides.
        (
            ["yes", "nothing", "yes", "yes", "no", "no", "no"],
            (
                vec![
                    cause("migration", Likely, &[2]),
                    cause("upgrade", Likely, &[3]),
                ],
                vec![],
                vec![],
            ),
        ),
        // A changed network and a network that fails point to one cause, from both questions.
        (
            ["yes", "network", "no", "no", "no", "no", "yes"],
            (vec![cause("network", Likely, &[1, 6])], vec![], vec![]),
        ),
        // Stronger signs come first, whatever the question order.
        (
            ["yes", "new_setup", "no", "no", "yes", "no", "no"],
            (
                vec![
                    cause("domain", Strong, &[4]),
                    cause("new_setup", Possible, &[1]),
                ],
                vec![],
                vec![],
            ),
        ),
        // Equally sure: the cause more answers point to comes first, though its question is later.
        (
            ["yes", "network", "no", "no", "no", "yes", "yes"],
            (
                vec![
                    cause("network", Likely, &[1, 6]),
                    cause("computer", Likely, &[5]),
                ],
                vec![],
                vec![],
            ),
        ),
        // Equally sure: the cause an answer names ("I changed my password") comes first.
        (
            ["yes", "password", "no", "no", "no", "no", "yes"],
            (
                vec![
                    cause("password", Likely, &[1]),
                    cause("network", Likely, &[6]),
                ],
                vec![],
                vec![],
            ),
        ),
        // A cause found with questions still open says which.
        (
            ["yes", "password", "no", "no", "unsure", "no", "unsure"],
            (vec![cause("password", Likely, &[1])], vec![], vec![4, 6]),
        ),
        // Contradictions doubt the causes their answers point to, and keep the others.
        (
            ["yes", "password", "no", "no", "yes", "yes", "no"],
            (vec![cause("password", Likely, &[1])], vec![1], vec![]),
        ),
        (
            ["yes", "nothing", "no", "no", "yes", "yes", "no"],
            (vec![], vec![1], vec![]),
        ),
        // A changed network still points to the network when question 7's Yes clashes.
        (
            ["yes", "network", "no", "no", "yes", "no", "yes"],
            (vec![cause("network", Possible, &[1])], vec![2], vec![]),
        ),
        (
            ["no", "nothing", "no", "no", "yes", "yes", "yes"],
            (vec![], vec![0, 1, 2], vec![]),
        ),
        // Nothing found, but questions left to check.
        (
            ["unsure", "nothing", "no", "no", "no", "no", "no"],
            (vec![], vec![], vec![0]),
        ),
        // Every answer sure, nothing found: the article's "contact your administrator".
        (
            ["yes", "nothing", "no", "no", "no", "no", "no"],
            (vec![], vec![], vec![]),
        ),
    ];
    for (answers, expected) in rows {
        let diagnosis = diagnosis_of(answers);
        assert_eq!(found(&diagnosis), expected, "{answers:?}");
        assert_eq!(
            diagnosis.is_no_cause(),
            answers == ["yes", "nothing", "no", "no", "no", "no", "no"]
        );
    }
}

#[test]
fn half_answered_progress_says_which_questions_are_open() {
    let content = checklist();
    let mut progress = Progress::new(&content, today());
    progress.apply(&content, choose(0, "yes"), Timestamp(0));
    let diagnosis = diagnose(&content, &progress);
    assert_eq!(diagnosis.unanswered(), [1, 2, 3, 4, 5, 6]);
    assert_eq!(diagnosis.open(), [1, 2, 3, 4, 5, 6]);
    assert!(diagnosis.causes().is_empty() && !diagnosis.is_no_cause());
}
