use super::{
    change_button::ChangeButton, choice_question::ChoiceQuestion, status_label, use_shared,
    when_question::WhenQuestion, StepProps,
};
use crate::model::progress::{answer_text_of, chosen_in};
use crate::model::session::SharedProgress;
use crate::model::{Answer, InputError, StepKind, StepStatus};
use yew::prelude::*;

/// One step as the overview shows it: small, so that an answer re-renders only the steps
/// whose view it changes.
#[derive(Properties, PartialEq, Clone)]
pub struct StepItemProps {
    pub index: usize,
    pub answer: Option<Answer>,
    pub status: StepStatus,
    /// Why the open step can't be left yet; always `None` for the others.
    pub error: Option<InputError>,
    /// The whole progress, for the open step only: its form needs more than its own answer
    /// (its error, the checks, the link to continue elsewhere).
    pub open: Option<SharedProgress>,
}

#[cfg(debug_assertions)]
thread_local! {
    static RENDERS: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Debug builds only (the browser tests): how many times each step has rendered.
#[cfg(debug_assertions)]
pub fn step_renders() -> Vec<u32> {
    RENDERS.with(|renders| renders.borrow().clone())
}

/// One step of the overview: its question and status, its answer with "Change", or its form when open.
#[component]
pub fn StepItem(props: &StepItemProps) -> Html {
    #[cfg(debug_assertions)]
    RENDERS.with(|renders| {
        let mut renders = renders.borrow_mut();
        if renders.len() <= props.index {
            renders.resize(props.index + 1, 0);
        }
        renders[props.index] += 1;
    });
    let shared = use_shared();
    let checklist = &shared.checklist;
    let index = props.index;
    let Some(step) = checklist.steps.get(index) else {
        return html! {};
    };
    let text = &checklist.text;
    let open = props.open.is_some();
    let status = props.status;
    let status_class = match status {
        StepStatus::NotStarted => "et-tag",
        StepStatus::Answered => "et-tag et-tag--answered",
        StepStatus::PointsToCause => "et-tag et-tag--cause",
        StepStatus::ToCheck => "et-tag et-tag--to-check",
    };

    let body = if let Some(progress) = &props.open {
        let step_props = StepProps {
            index,
            progress: progress.clone(),
            error: props.error,
        };
        match step.kind {
            StepKind::Choice => html! { <ChoiceQuestion ..step_props /> },
            StepKind::When => html! { <WhenQuestion ..step_props /> },
        }
    } else {
        let chosen = chosen_in(checklist, index, props.answer.as_ref());
        html! {
            <>
                <div class="et-step-head">
                    <h3 class="et-step-title">{ &*step.question }</h3>
                    <strong class={status_class}>{ status_label(checklist, status) }</strong>
                </div>
                if status != StepStatus::NotStarted {
                    <p class="et-answer">
                        <span class="et-answer-label">{ text.your_answer() }{ ": " }</span>
                        { answer_text_of(checklist, index, props.answer.as_ref()) }
                    </p>
                    <ul class="et-answer-means">
                        { for chosen.iter().map(|option| html! {
                            <li>
                                { &*option.means }
                                if let Some(todo) = &option.todo {
                                    <span class="et-answer-next">
                                        <strong>{ " " }{ text.what_to_do() }{ ": " }</strong>{ &**todo }
                                    </span>
                                }
                            </li>
                        }) }
                    </ul>
                    <ChangeButton step={index}
                        class={classes!("et-button", "et-button--secondary", "et-change")} />
                }
            </>
        }
    };
    html! {
        <li class={classes!("et-step", open.then_some("et-step--open"))} aria-current={open.then_some("step")}>
            { body }
        </li>
    }
}
