use crate::hooks::focus_showing;
use crate::model::Action;
use web_sys::{Element, HtmlElement};
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
    let confirm = use_node_ref();
    let opener = use_node_ref();
    // Set by Cancel: focus goes back to the button that opened the confirm (after Yes, the
    // session moves it to the first step).
    let cancelled = use_mut_ref(|| false);
    {
        let (question, confirm, opener) = (question.clone(), confirm.clone(), opener.clone());
        let cancelled = cancelled.clone();
        use_effect_with(*confirming, move |confirming| {
            if *confirming {
                // The question has focus, and the whole box shows: on a phone its two
                // buttons would otherwise stay below the fold.
                if let (Some(line), Some(around)) =
                    (question.cast::<HtmlElement>(), confirm.cast::<Element>())
                {
                    focus_showing(&line, &around);
                }
            } else if std::mem::take(&mut *cancelled.borrow_mut()) {
                if let Some(button) = opener.cast::<HtmlElement>() {
                    let _ = button.focus();
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
    let on_open = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(true))
    };
    let on_cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_| {
            *cancelled.borrow_mut() = true;
            confirming.set(false);
        })
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
                <div class="et-confirm" role="group" aria-labelledby={question_id} ref={confirm}>
                    <p class="et-confirm-question" id={question_id} tabindex="-1" ref={question}>
                        { text.start_again_question() }
                    </p>
                    <div class="et-actions">
                        <button type="button" class="et-button et-button--warning" onclick={on_confirm}>
                            { text.start_again_confirm() }
                        </button>
                        <button type="button" class="et-button et-button--secondary" onclick={on_cancel}>
                            { text.cancel() }
                        </button>
                    </div>
                </div>
            } else {
                <button type="button" class="et-button et-button--secondary" onclick={on_open} ref={opener}>
                    { props.label.as_deref().unwrap_or(text.start_again()) }
                </button>
            }
        </div>
    }
}
