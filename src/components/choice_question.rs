use super::{error_summary::message, question_form::QuestionForm, StepProps};
use crate::model::digits::decimal;
use crate::model::{Action, Answer, Choice};
use yew::prelude::*;

/// The open Yes / No / Not sure question: choosing records the answer and shows its guidance at once.
#[component]
pub fn ChoiceQuestion(props: &StepProps) -> Html {
    let shared = super::use_shared();
    let (checklist, on_action) = (&shared.checklist, &shared.on_action);
    let StepProps {
        index, progress, ..
    } = props;
    let index = *index;
    let step = &checklist.steps[index];
    let chosen = match progress.answer(index) {
        Some(Answer::Choice(choice)) => Some(*choice),
        _ => None,
    };
    let name = "et-step-".to_owned() + &decimal(index as u64);
    let error = props.error;
    let error_id: AttrValue = (name.clone() + "-error").into();
    let choices = step
        .options
        .iter()
        .filter_map(|o| Some((o, Choice::from_id(&o.id)?)));
    let radios = choices.map(|(option, choice)| {
        let id = [&*name, "-", &*option.id].concat();
        let onchange = {
            let on_action = on_action.clone();
            Callback::from(move |_: Event| {
                on_action.emit(Action::Choose {
                    step: index,
                    option: choice,
                });
            })
        };
        html! {
            <div class="et-choice">
                <input class="et-radio" type="radio" id={id.clone()} name={name.clone()}
                    value={option.id.to_string()} checked={chosen == Some(choice)} {onchange} />
                <label for={id}>{ checklist.option_label(option) }</label>
            </div>
        }
    });
    html! {
        <QuestionForm step={props.clone()} error_id={error.map(|_| error_id.clone())}>
            if let Some(problem) = error {
                <p class="et-error-message" id={error_id}>{ message(checklist, problem) }</p>
            }
            <div class={classes!("et-choices", error.map(|_| "et-choices--error"))}>{ for radios }</div>
        </QuestionForm>
    }
}
