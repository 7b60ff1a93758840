use super::external_link::ExternalLink;
use crate::model::{Action, AnswerOption};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GuidanceProps {
    /// The options chosen so far; empty before the user answers.
    pub options: Vec<AnswerOption>,
}

/// What the chosen answer means and what to do next. A live region, so it is read out as it
/// appears (an answer made here also brings it into view: see `Effect::Reveal`). Where the answer says the rest won't help, getting help now comes first.
#[component]
pub fn Guidance(props: &GuidanceProps) -> Html {
    let shared = super::use_shared();
    let checklist = &shared.checklist;
    let text = &checklist.text;
    let items = props.options.iter().map(|option| {
        let link = checklist.link(option.link.as_ref());
        html! {
            <div class="et-guidance-item">
                <p><strong>{ text.what_it_means() }{ ": " }</strong>{ &*option.means }</p>
                <p><strong>{ text.what_to_do() }{ ": " }</strong>{ &*option.next }</p>
                if let Some(link) = link {
                    <p><ExternalLink link={link.clone()} opens_new_tab={text.opens_new_tab().to_owned()} /></p>
                }
            </div>
        }
    });
    let offers_help = props.options.iter().any(|option| option.offers_help);
    let on_help = {
        let on_action = shared.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::GetHelp))
    };
    html! {
        <div class="et-guidance" aria-live="polite">
            { for items }
            if offers_help {
                <div class="et-help-now">
                    <p>{ text.get_help_offer() }{ " " }{ text.get_help_hint() }</p>
                    <button type="button" class="et-button" onclick={on_help}>{ text.get_help() }</button>
                </div>
            }
        </div>
    }
}
