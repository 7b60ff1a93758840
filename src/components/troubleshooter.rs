use super::{
    notice_line::NoticeLine, prerequisites::Prerequisites, progress_meter::ProgressMeter,
    start_again::StartAgain, step_item::StepItem, summary::Summary,
};
use crate::content::Content;
use crate::hooks::use_troubleshooter;
use crate::model::{Action, Position};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TroubleshooterProps {
    pub checklist: Content,
    /// Separates this instance's saved progress from other instances' on the same site.
    #[prop_or_default]
    pub storage_key: AttrValue,
}

/// The whole checklist: overview of the steps, the open step, the summary.
#[component]
pub fn Troubleshooter(props: &TroubleshooterProps) -> Html {
    let (state, notice) = use_troubleshooter(props.checklist.clone(), props.storage_key.clone());
    let on_action = use_callback(state.dispatcher(), |action: Action, dispatcher| {
        dispatcher.dispatch(action)
    });
    let checklist = &state.checklist;
    let progress = &state.progress;
    let text = &checklist.text;
    let steps = (0..checklist.steps.len()).map(|index| {
        html! {
            <StepItem
                key={checklist.steps[index].id.to_string()}
                {index}
                checklist={checklist.clone()}
                progress={progress.clone()}
                moves={state.moves}
                on_action={on_action.clone()}
            />
        }
    });
    html! {
        <section class="et" aria-labelledby="et-title" lang={checklist.lang.clone()}>
            <h2 id="et-title" class="et-title">{ &*text.title }</h2>
            <p class="et-intro">{ &*text.intro }</p>
            <NoticeLine checklist={checklist.clone()} {notice} />
            <Prerequisites checklist={checklist.clone()} />
            <ProgressMeter checklist={checklist.clone()} progress={progress.clone()} />
            <ol class="et-steps" aria-label={text.steps_heading.clone()}>
                { for steps }
            </ol>
            if progress.at() == Position::Summary {
                <Summary
                    checklist={checklist.clone()}
                    progress={progress.clone()}
                    moves={state.moves}
                    on_action={on_action.clone()}
                />
            }
            <StartAgain
                checklist={checklist.clone()}
                has_answers={progress.answers().iter().any(Option::is_some)}
                {on_action}
            />
        </section>
    }
}
