use crate::content::Content;
use crate::model::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StepActionsProps {
    pub checklist: Content,
    pub can_go_back: bool,
    pub on_action: Callback<Action>,
}

/// Continue (the form's submit button) and Back.
#[component]
pub fn StepActions(props: &StepActionsProps) -> Html {
    let text = &props.checklist.text;
    let on_back = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::Back))
    };
    html! {
        <div class="et-actions">
            <button type="submit" class="et-button">{ text.continue_button() }</button>
            if props.can_go_back {
                <button type="button" class="et-button et-button--secondary" onclick={on_back}>{ text.back() }</button>
            }
        </div>
    }
}
