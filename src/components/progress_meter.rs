use crate::content::Content;
use crate::model::{fill, Position, Progress};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProgressMeterProps {
    pub checklist: Content,
    pub progress: Progress,
}

/// "Step N of 7" and a bar of the questions answered so far.
#[component]
pub fn ProgressMeter(props: &ProgressMeterProps) -> Html {
    let checklist = &props.checklist;
    let text = &checklist.text;
    let total = checklist.steps.len().to_string();
    let answered = props.progress.answered_count(checklist).to_string();
    let where_now = match props.progress.at() {
        Position::Step(step) => fill(
            text.step_of(),
            &[("n", &(step + 1).to_string()), ("total", &total)],
        ),
        Position::Summary => fill(text.all_answered(), &[("total", &total)]),
    };
    let answered_text = fill(text.answered_of(), &[("n", &answered), ("total", &total)]);
    html! {
        <div class="et-progress">
            <p class="et-progress-step">{ where_now }</p>
            <progress class="et-progress-bar" max={total} value={answered} aria-label={answered_text.clone()} />
            <p class="et-progress-count" aria-hidden="true">{ answered_text }</p>
        </div>
    }
}
