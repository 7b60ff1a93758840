use crate::model::{Checklist, InputError};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    pub error: Option<InputError>,
}

pub(crate) fn message(checklist: &Checklist, error: InputError) -> &str {
    let text = &checklist.text;
    match error {
        InputError::NoAnswer => text.error_no_answer(),
        InputError::NoChange => text.error_no_change(),
        InputError::BadDate => text.error_bad_date(),
        InputError::FutureDate => text.error_future_date(),
    }
}

/// "There is a problem": the edge hook focuses it after a refused Continue, and its link moves focus to the form's first input.
/// The link is a button: a `#fragment` link would change the host page's address.
#[component]
pub fn ErrorSummary(props: &ErrorSummaryProps) -> Html {
    let shared = super::use_shared();
    let summary = use_node_ref();
    let Some(error) = props.error else {
        return html! {};
    };
    let onclick = {
        let summary = summary.clone();
        Callback::from(move |_| {
            let first_input = summary
                .cast::<Element>()
                .and_then(|element| element.closest("form").ok().flatten())
                .and_then(|form| form.query_selector("input").ok().flatten())
                .and_then(|input| input.dyn_into::<HtmlElement>().ok());
            if let Some(input) = first_input {
                let _ = input.focus();
            }
        })
    };
    html! {
        <div class="et-error-summary" role="alert" tabindex="-1" ref={summary}>
            <h4 class="et-error-title">{ shared.checklist.text.error_title() }</h4>
            <button type="button" class="et-link-button" {onclick}>{ message(&shared.checklist, error) }</button>
        </div>
    }
}
