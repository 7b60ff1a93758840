use crate::model::digits::decimal;
use crate::model::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChangeButtonProps {
    /// The step it reopens.
    pub step: usize,
    /// A link-like button in running text unless given (the overview's is a button proper).
    #[prop_or(classes!("et-link-button"))]
    pub class: Classes,
}

/// "Change", named for screen readers by the question it reopens: several stand on one screen.
#[component]
pub fn ChangeButton(props: &ChangeButtonProps) -> Html {
    let shared = super::use_shared();
    let text = &shared.checklist.text;
    let step = props.step;
    let onclick = {
        let on_action = shared.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::Change(step)))
    };
    html! {
        <button type="button" class={props.class.clone()} {onclick}
            aria-label={text.change_step(&decimal(step as u64 + 1))}>
            { text.change() }
        </button>
    }
}
