use super::{check_controls::check_controls, check_results::CheckResults};
use crate::hooks::use_check;
use crate::model::checks::describe::host_of;
use crate::model::checks::domain::domain_from_input;
use crate::model::config::CheckSettings;
use crate::model::session::SharedProgress;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RecordsCheckProps {
    pub progress: SharedProgress,
    pub settings: Rc<CheckSettings>,
}

/// Checks the domain's mail records and registration, only when the user asks, after saying
/// which service receives which name. It can be cancelled.
#[component]
pub fn RecordsCheck(props: &RecordsCheckProps) -> Html {
    let shared = super::use_shared();
    let checklist = &shared.checklist;
    let text = &checklist.text;
    let settings = &props.settings;
    let last = props
        .progress
        .checks()
        .mx
        .as_ref()
        .map(|check| check.domain.clone());
    let input = use_state(|| settings.domain.clone().or(last).unwrap_or_default());
    let check = use_check(
        shared.on_action.clone(),
        text.check_cancelled().to_owned().into(),
    );
    let run = {
        let (input, check) = (input.clone(), check.clone());
        let settings = Rc::clone(settings);
        let bad_input = text.check_bad_input().to_string();
        Callback::from(move |()| {
            // The browser folds case beyond ASCII (BÜCHER.de is bücher.de).
            let folded = String::from(js_sys::JsString::from(input.as_str()).to_lower_case());
            let Some(domain) = domain_from_input(&folded) else {
                check.refuse(&bad_input);
                return;
            };
            check.run_records(Rc::clone(&settings), domain);
        })
    };
    let on_input = {
        let input = input.clone();
        Callback::from(move |event: InputEvent| {
            input.set(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_key = {
        let run = run.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" {
                event.prevent_default();
                run.emit(());
            }
        })
    };
    let sends = text.check_sends(host_of(&settings.doh_url), host_of(&settings.rdap_url));
    html! {
        <section class="et-check" aria-labelledby="et-records-check-title">
            <h4 id="et-records-check-title">{ text.check_heading() }</h4>
            <p>{ text.check_intro() }</p>
            <label class="et-label" for="et-records-check-input">{ text.check_input() }</label>
            <input class="et-text-input" type="text" id="et-records-check-input" inputmode="email" autocomplete="email"
                spellcheck="false" aria-describedby="et-records-check-sends" value={(*input).clone()}
                oninput={on_input} onkeydown={on_key} />
            <p class="et-hint" id="et-records-check-sends">{ sends }</p>
            { check_controls(text, &check, text.check_now(), run.reform(|_| ())) }
            // The last results are hidden while a new check runs, so none is taken for its.
            if !check.is_running() {
                <CheckResults progress={props.progress.clone()} settings={Rc::clone(settings)} portal={false} />
            }
        </section>
    }
}
