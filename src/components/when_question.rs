use super::{date_entered, error_summary::message, question_form::QuestionForm, StepProps};
use crate::model::digits::decimal;
use crate::model::{Action, Answer, Date, InputError};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The open "when did it start?" step: a date and what changed then, ending with Continue.
#[component]
pub fn WhenQuestion(props: &StepProps) -> Html {
    let shared = super::use_shared();
    let (checklist, on_action) = (&shared.checklist, &shared.on_action);
    let StepProps {
        index, progress, ..
    } = props;
    let index = *index;
    let step = &checklist.steps[index];
    let text = &checklist.text;
    let (date, changes) = match progress.answer(index) {
        Some(Answer::When(when)) => (when.date.text(), when.changes.as_slice()),
        _ => ("", &[][..]),
    };
    let error = props.error;
    let date_error = error.filter(|e| matches!(e, InputError::BadDate | InputError::FutureDate));
    let changes_error = error.filter(|e| *e == InputError::NoChange);
    let id = |part: &str| ["et-step-", &decimal(index as u64), "-", part].concat();
    let with_error = |base: String, error: Option<InputError>| match error {
        Some(_) => base + " " + &id("error"),
        None => base,
    };

    let on_date = {
        let on_action = on_action.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_action.emit(Action::SetDate {
                step: index,
                date: date_entered(&input),
            });
        })
    };
    let checkboxes = step.options.iter().map(|option| {
        let input_id = id(&option.id);
        let onchange = {
            let on_action = on_action.clone();
            let option = option.id.to_string();
            Callback::from(move |event: Event| {
                let input: HtmlInputElement = event.target_unchecked_into();
                on_action.emit(Action::ToggleChange {
                    step: index,
                    option: option.clone(),
                    on: input.checked(),
                });
            })
        };
        html! {
            <>
            if option.exclusive {
                <p class="et-or">{ text.or() }</p>
            }
            <div class="et-choice">
                <input class="et-checkbox" type="checkbox" id={input_id.clone()} value={option.id.to_string()}
                    checked={changes.iter().any(|c| *c == *option.id)} {onchange} />
                <label for={input_id}>{ checklist.option_label(option) }</label>
            </div>
            </>
        }
    });
    // Only a complete date is written back into the input, so typing is never interrupted.
    let shown_date = if Date::parse_iso(date).is_some() {
        date
    } else {
        ""
    };
    html! {
        <QuestionForm step={props.clone()}>
            <div class={classes!("et-field", date_error.map(|_| "et-field--error"))}>
                <label class="et-label" for={id("date")}>{ text.date_label() }</label>
                <p class="et-hint" id={id("date-hint")}>{ text.date_hint() }</p>
                if let Some(problem) = date_error {
                    <p class="et-error-message" id={id("error")}>{ message(checklist, problem) }</p>
                }
                <input class="et-date" type="date" id={id("date")} value={shown_date.to_owned()}
                    max={progress.today().iso()}
                    aria-invalid={date_error.map(|_| "true")}
                    aria-describedby={with_error(id("date-hint"), date_error)}
                    oninput={on_date.reform(|event: InputEvent| Event::from(event))} onchange={on_date} />
            </div>
            <fieldset class={classes!("et-fieldset", "et-field", changes_error.map(|_| "et-field--error"))}
                aria-describedby={with_error(id("changes-hint"), changes_error)}>
                <legend class="et-label">{ text.changes_legend() }</legend>
                <p class="et-hint" id={id("changes-hint")}>{ text.changes_hint() }</p>
                if let Some(problem) = changes_error {
                    <p class="et-error-message" id={id("error")}>{ message(checklist, problem) }</p>
                }
                <div class="et-choices">{ for checkboxes }</div>
            </fieldset>
        </QuestionForm>
    }
}
