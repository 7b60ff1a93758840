use crate::model::config::describe;
use crate::model::ConfigProblem;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfigProblemsProps {
    pub problems: Rc<Vec<ConfigProblem>>,
}

/// Settings the host page gave that could not be used, each with what was expected.
/// Meant for the web team putting the widget on a page; the checklist works with the defaults.
#[component]
pub fn ConfigProblems(props: &ConfigProblemsProps) -> Html {
    let shared = super::use_shared();
    if props.problems.is_empty() {
        return html! {};
    }
    let text = &shared.checklist.text;
    html! {
        <div class="et-config-problems">
            <p>{ text.config_problems() }</p>
            <ul>
                { for props.problems.iter().map(|problem| html! { <li>{ describe(text, problem) }</li> }) }
            </ul>
        </div>
    }
}
