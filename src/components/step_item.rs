use super::{
    answer_text, change_button::ChangeButton, choice_question::ChoiceQuestion, status_label,
    when_question::WhenQuestion, StepProps,
};
use crate::model::{Position, StepKind, StepStatus};
use yew::prelude::*;

/// One step of the overview: its question and status, its answer with "Change", or its form when open.
#[component]
pub fn StepItem(props: &StepProps) -> Html {
    let StepProps {
        index,
        checklist,
        progress,
        ..
    } = props;
    let index = *index;
    let step = &checklist.steps[index];
    let text = &checklist.text;
    let open = progress.at() == Position::Step(index);
    let status = progress.status(checklist, index);
    let status_class = match status {
        StepStatus::NotStarted => "et-tag",
        StepStatus::Answered => "et-tag et-tag--answered",
        StepStatus::PointsToCause => "et-tag et-tag--cause",
        StepStatus::ToCheck => "et-tag et-tag--to-check",
    };

    let body = if open {
        match step.kind {
            StepKind::Choice => html! { <ChoiceQuestion ..props.clone() /> },
            StepKind::When => html! { <WhenQuestion ..props.clone() /> },
        }
    } else {
        let chosen = progress.chosen(checklist, index);
        html! {
            <>
                <div class="et-step-head">
                    <h3 class="et-step-title">{ &*step.question }</h3>
                    <strong class={status_class}>{ status_label(checklist, status) }</strong>
                </div>
                if status != StepStatus::NotStarted {
                    <p class="et-answer">
                        <span class="et-answer-label">{ text.your_answer() }{ ": " }</span>
                        { answer_text(checklist, progress, index) }
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
                    <ChangeButton checklist={checklist.clone()} step={index} on_action={props.on_action.clone()}
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
