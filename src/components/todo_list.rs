use super::change_button::ChangeButton;
use crate::model::digits::decimal;
use crate::model::NextStep;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TodoListProps {
    pub steps: Vec<NextStep>,
}

/// Every answer's next step in one list. A "Not sure" one says how to find out, is marked still
/// to check, and has its Change control beside it.
#[component]
pub fn TodoList(props: &TodoListProps) -> Html {
    let shared = super::use_shared();
    let text = &shared.checklist.text;
    if props.steps.is_empty() {
        return html! {};
    }
    let items = props.steps.iter().map(|next| {
        let step = next.step;
        let number = decimal(step as u64 + 1);
        let from = text.answered_from(&number);
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
                    <ChangeButton {step} />
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
