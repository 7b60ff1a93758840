use crate::model::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StepActionsProps {
    pub can_go_back: bool,
    /// The guidance above already offers help in its place: don't offer it twice.
    pub help_offered: bool,
    /// Something is answered, so the summary has something to say.
    pub can_get_help: bool,
}

/// Continue (the form's submit button) and Back; and at every step, a way to the summary and
/// the report without answering the rest.
#[component]
pub fn StepActions(props: &StepActionsProps) -> Html {
    let shared = super::use_shared();
    let text = &shared.checklist.text;
    let on_back = {
        let on_action = shared.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::Back))
    };
    let on_help = {
        let on_action = shared.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::GetHelp))
    };
    html! {
        <>
        <div class="et-actions">
            // Where help is offered first, it is the main action and Continue the second.
            <button type="submit" class={classes!("et-button", props.help_offered.then_some("et-button--secondary"))}>{ text.continue_button() }</button>
            if props.can_go_back {
                <button type="button" class="et-button et-button--secondary" onclick={on_back}>{ text.back() }</button>
            }
        </div>
        if props.can_get_help && !props.help_offered {
            <p class="et-get-help">
                <button type="button" class="et-link-button" onclick={on_help} aria-describedby="et-get-help-hint">{ text.get_help() }</button>
                <span class="et-hint" id="et-get-help-hint">{ text.get_help_hint() }</span>
            </p>
        }
        </>
    }
}
