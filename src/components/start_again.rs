use crate::model::Action;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StartAgainProps {
    pub has_answers: bool,
    /// The button's words where not plain "Start again" ("… for another device").
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

/// "Start again", which asks first: clearing answers can't be undone.
#[component]
pub fn StartAgain(props: &StartAgainProps) -> Html {
    let shared = super::use_shared();
    let confirming = use_state_eq(|| false);
    let question = use_node_ref();
    {
        let question = question.clone();
        use_effect_with(*confirming, move |confirming| {
            if *confirming {
                if let Some(element) = question.cast::<HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }
    if !props.has_answers {
        return html! {};
    }
    let text = &shared.checklist.text;
    // Two may show at once: each question needs an id of its own.
    let question_id = if props.label.is_some() {
        "et-start-again-question-2"
    } else {
        "et-start-again-question"
    };
    let set = |value: bool| {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(value))
    };
    let on_confirm = {
        let confirming = confirming.clone();
        let on_action = shared.on_action.clone();
        Callback::from(move |_| {
            confirming.set(false);
            on_action.emit(Action::StartAgain);
        })
    };
    html! {
        <div class="et-start-again">
            if *confirming {
                <div class="et-confirm" role="group" aria-labelledby={question_id}>
                    <p class="et-confirm-question" id={question_id} tabindex="-1" ref={question}>
                        { text.start_again_question() }
                    </p>
                    <div class="et-actions">
                        <button type="button" class="et-button et-button--warning" onclick={on_confirm}>
                            { text.start_again_confirm() }
                        </button>
                        <button type="button" class="et-button et-button--secondary" onclick={set(false)}>
                            { text.cancel() }
                        </button>
                    </div>
                </div>
            } else {
                <button type="button" class="et-button et-button--secondary" onclick={set(true)}>
                    { props.label.as_deref().unwrap_or(text.start_again()) }
                </button>
            }
        </div>
    }
}
