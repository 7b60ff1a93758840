use crate::content::Content;
use crate::model::{fill, NextStep};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TodoListProps {
    pub checklist: Content,
    pub steps: Vec<NextStep>,
}

/// Every answer's next step in one list, "Not sure" ones (how to find out) marked as such.
#[component]
pub fn TodoList(props: &TodoListProps) -> Html {
    let text = &props.checklist.text;
    if props.steps.is_empty() {
        return html! {};
    }
    let items = props.steps.iter().map(|next| {
        let from = fill(text.answered_from(), &[("n", &(next.step + 1).to_string())]);
        html! {
            <li>
                { &next.text }
                <span class="et-todo-from">
                    { " (" }{ from }
                    if next.unsure { { ", " }{ text.todo_to_check() } }
                    { ")" }
                </span>
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
