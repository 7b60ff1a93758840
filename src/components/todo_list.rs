use super::change_button::ChangeButton;
use crate::content::SharedChecklist;
use crate::model::{fill, Action, NextStep};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TodoListProps {
    pub checklist: SharedChecklist,
    pub steps: Vec<NextStep>,
    pub on_action: Callback<Action>,
}

/// Every answer's next step in one list. A "Not sure" one says how to find out, is marked still
/// to check, and has its Change control beside it.
#[component]
pub fn TodoList(props: &TodoListProps) -> Html {
    let text = &props.checklist.text;
    if props.steps.is_empty() {
        return html! {};
    }
    let items = props.steps.iter().map(|next| {
        let step = next.step;
        let number = (step + 1).to_string();
        let from = fill(text.answered_from(), &[("n", &number)]);
        html! {
            <li>
                { &next.text }
                <span class="et-todo-from">
                    { " (" }{ from }
                    if next.unsure { { ", " }{ text.todo_to_check() } }
                    { ")" }
                </span>
                if next.unsure {
                    { " " }
                    <ChangeButton checklist={props.checklist.clone()} {step} on_action={props.on_action.clone()} />
                }
            </li>
        }
    });
    html! {
        <>
            <h4>{ text.todo_heading() }</h4>
            <ul class="et-todo">{ for items }</ul>
        </>
    }
}
