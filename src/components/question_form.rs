use super::{
    continue_elsewhere::ContinueElsewhere, date_entered, error_summary::ErrorSummary,
    external_link::ExternalLink, guidance::Guidance, portal_check::PortalCheck,
    records_check::RecordsCheck, step_actions::StepActions, use_shared, StepProps,
};
use crate::model::digits::decimal;
use crate::model::{Action, StepCheck};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionFormProps {
    pub step: StepProps,
    /// The id of an error message inside the question that describes the whole question.
    #[prop_or_default]
    pub error_id: Option<AttrValue>,
    /// The question's inputs.
    pub children: Html,
}

/// The frame every open step shares: the error summary; the question as a fieldset whose legend
/// is the step's heading, with why it matters and its link; the guidance for the answer so far;
/// then Continue and Back. Enter or Continue submits, and the model decides what follows.
#[component]
pub fn QuestionForm(props: &QuestionFormProps) -> Html {
    let shared = use_shared();
    let (checklist, on_action) = (&shared.checklist, &shared.on_action);
    let StepProps {
        index, progress, ..
    } = &props.step;
    let step = &checklist.steps[*index];
    let why_id = ["et-step-", &decimal(*index as u64), "-why"].concat();
    let describedby = match &props.error_id {
        Some(error_id) => [&*why_id, " ", error_id].concat(),
        None => why_id.clone(),
    };
    let onsubmit = {
        let (on_action, index) = (on_action.clone(), *index);
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            // A date typed without its year (or, in WebKit, digits without separators) fires
            // no input event: read the field now, so it is refused as a bad date rather than
            // taken as "no date".
            let form: Element = event.target_unchecked_into();
            let date_field = form.query_selector("input[type=date]").ok().flatten();
            // The selector matches only <input> elements.
            if let Some(input) = date_field.map(|f| f.unchecked_into::<HtmlInputElement>()) {
                if input.validity().bad_input() {
                    let date = date_entered(&input);
                    on_action.emit(Action::SetDate { step: index, date });
                }
            }
            on_action.emit(Action::Continue);
        })
    };
    let chosen: Vec<_> = progress
        .chosen(checklist, *index)
        .into_iter()
        .cloned()
        .collect();
    // A check's result belongs with the answer it informs, so it comes before Continue; Enter
    // in its field runs the check, not the step.
    let settings = Rc::clone(&shared.check_settings);
    let check = match step.check {
        Some(StepCheck::Records) => html! {
            <RecordsCheck progress={progress.clone()} {settings} />
        },
        Some(StepCheck::Portal) => html! {
            <PortalCheck progress={progress.clone()} {settings} />
        },
        _ => html! {},
    };
    html! {
        <form class="et-question" novalidate=true {onsubmit}>
            <ErrorSummary error={props.step.error} />
            <fieldset class="et-fieldset" aria-describedby={describedby}>
                <legend class="et-legend">
                    <h3 class="et-step-title" tabindex="-1">{ &*step.question }</h3>
                </legend>
                <p class="et-why" id={why_id}>{ &*step.why }</p>
                if let Some(link) = checklist.link(step.link.as_ref()) {
                    <p class="et-step-link">
                        <ExternalLink link={link.clone()} opens_new_tab={checklist.text.opens_new_tab().to_owned()} />
                    </p>
                }
                { props.children.clone() }
            </fieldset>
            <Guidance options={chosen.clone()} />
            { check }
            <StepActions can_go_back={*index > 0}
                help_offered={chosen.iter().any(|option| option.offers_help)}
                can_get_help={progress.answered_count(checklist) > 0} />
            // This step sends the user to another computer or network: the link that carries
            // the answers there is offered here, below Continue, outside the live guidance (so
            // it isn't read out), and folded (made when opened: every Continue stays fast).
            if step.offers_continue {
                <ContinueElsewhere progress={progress.clone()}
                    folded=true qr_on_request=true />
            }
        </form>
    }
}
