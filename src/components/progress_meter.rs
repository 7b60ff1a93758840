use crate::model::digits::decimal;
use crate::model::session::SharedProgress;
use crate::model::Position;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProgressMeterProps {
    pub progress: SharedProgress,
}

/// "Step N of 7" and a bar of the questions answered so far.
#[component]
pub fn ProgressMeter(props: &ProgressMeterProps) -> Html {
    let shared = super::use_shared();
    let checklist = &shared.checklist;
    let text = &checklist.text;
    let total = decimal(checklist.steps.len() as u64);
    let to_check = props.progress.to_check_count(checklist);
    // "Not sure" answers are counted apart: they are still to check, not answered.
    let answered = decimal((props.progress.answered_count(checklist) - to_check) as u64);
    let where_now = match props.progress.at() {
        Position::Step(step) => text.step_of(&decimal(step as u64 + 1), &total),
        Position::Summary => text.all_answered(&total),
    };
    let summary = props.progress.at() == Position::Summary;
    let all_sure = props.progress.is_complete(checklist) && to_check == 0;
    // At the summary one line says how far the user got: "all answered" only when it is so.
    let where_now = if summary && !all_sure {
        String::new()
    } else {
        where_now
    };
    let answered_text = match to_check {
        0 => text.answered_of(&answered, &total),
        m => text.answered_and_to_check(&answered, &total, &decimal(m as u64)),
    };
    html! {
        <div class="et-progress">
            if !where_now.is_empty() {
                <p class="et-progress-step">{ where_now }</p>
            }
            <progress class="et-progress-bar" max={total} value={answered} aria-label={answered_text.clone()} />
            if !(summary && all_sure) {
                <p class="et-progress-count" aria-hidden="true">{ answered_text }</p>
            }
        </div>
    }
}
