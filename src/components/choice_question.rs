use super::{
    error_summary::ErrorSummary, guidance::Guidance, step_actions::StepActions,
    step_intro::StepIntro,
};
use crate::content::Content;
use crate::hooks::use_focus_on_move;
use crate::model::{Action, Answer, Progress};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChoiceQuestionProps {
    pub index: usize,
    pub checklist: Content,
    pub progress: Progress,
    pub moves: u32,
    pub on_action: Callback<Action>,
}

/// The open Yes / No / Not sure question: choosing records the answer and shows its guidance at once.
#[component]
pub fn ChoiceQuestion(props: &ChoiceQuestionProps) -> Html {
    let heading = use_node_ref();
    use_focus_on_move(heading.clone(), props.moves);
    let ChoiceQuestionProps {
        index,
        checklist,
        progress,
        on_action,
        ..
    } = props;
    let index = *index;
    let step = &checklist.steps[index];
    let chosen = match progress.answer(index) {
        Some(Answer::Choice(id)) => Some(id.as_str()),
        _ => None,
    };
    let name = format!("et-step-{index}");
    let why_id = format!("{name}-why");
    let error = progress.error();
    let error_id = format!("{name}-error");
    let describedby = if error.is_some() {
        format!("{why_id} {error_id}")
    } else {
        why_id.clone()
    };
    let radios = step.options.iter().map(|option| {
        let id = format!("{name}-{}", option.id);
        let onchange = {
            let on_action = on_action.clone();
            Callback::from(move |event: Event| {
                let input: HtmlInputElement = event.target_unchecked_into();
                on_action.emit(Action::Choose {
                    step: index,
                    option: input.value(),
                });
            })
        };
        html! {
            <div class="et-choice">
                <input class="et-radio" type="radio" id={id.clone()} name={name.clone()}
                    value={option.id.to_string()} checked={chosen == Some(&*option.id)} {onchange} />
                <label for={id}>{ checklist.option_label(option) }</label>
            </div>
        }
    });
    html! {
        <form class="et-question" novalidate=true onsubmit={submit(on_action)}>
            <ErrorSummary checklist={checklist.clone()} {error} />
            <fieldset class="et-fieldset" aria-describedby={describedby}>
                <legend class="et-legend">
                    <h3 class="et-step-title" tabindex="-1" ref={heading}>{ &*step.question }</h3>
                </legend>
                <StepIntro checklist={checklist.clone()} {index} id={why_id.clone()} />
                if let Some(message) = error.map(|e| super::error_summary::message(checklist, e)) {
                    <p class="et-error-message" id={error_id}>{ message }</p>
                }
                <div class={classes!("et-choices", error.map(|_| "et-choices--error"))}>{ for radios }</div>
            </fieldset>
            <Guidance checklist={checklist.clone()} options={progress.chosen(checklist, index).into_iter().cloned().collect::<Vec<_>>()} />
            <StepActions checklist={checklist.clone()} can_go_back={index > 0} on_action={on_action.clone()} />
        </form>
    }
}

/// Pressing Enter or the Continue button submits the step's form: the model decides what follows.
pub(crate) fn submit(on_action: &Callback<Action>) -> Callback<SubmitEvent> {
    let on_action = on_action.clone();
    Callback::from(move |event: SubmitEvent| {
        event.prevent_default();
        on_action.emit(Action::Continue);
    })
}
