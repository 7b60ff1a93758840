//! Tells the host page what happened, as DOM `CustomEvent`s that bubble out of the shadow root.
//! Nothing leaves the page: only the host's own listeners see these.

use crate::model::events::{answer_detail, answer_details, answer_value, AnswerDetail};
use crate::model::{diagnose, Checklist, Diagnosis, Event, Progress};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

/// `diagnosis` is the one the session already made of `progress`, when it has one.
pub fn send(
    target: &Element,
    checklist: &Checklist,
    progress: &Progress,
    diagnosis: Option<&Diagnosis>,
    event: &Event,
) {
    let detail = js_sys::Object::new();
    let ids = |ids: Vec<&str>| {
        ids.into_iter()
            .map(JsValue::from_str)
            .collect::<js_sys::Array>()
    };
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&detail, &key.into(), &value);
    };
    match event {
        Event::Answered { step } | Event::Changed { step, .. } => {
            let Some(answer) = answer_detail(checklist, progress, *step) else {
                return;
            };
            put_answer(&detail, answer);
            if let Event::Changed { previous, .. } = event {
                set("previous", answer_value(previous).into());
            }
        }
        Event::Resolved { finding } => {
            set("finding", finding.as_str().into());
            let answers = js_sys::Array::new();
            for answer in answer_details(checklist, progress) {
                let one = js_sys::Object::new();
                put_answer(&one, answer);
                answers.push(&one);
            }
            set("answers", answers.into());
        }
        Event::Finished => {
            let made;
            let diagnosis = match diagnosis {
                Some(diagnosis) => diagnosis,
                None => {
                    made = diagnose(checklist, progress);
                    &made
                }
            };
            let causes = diagnosis
                .causes()
                .iter()
                .map(|c| c.finding.as_str())
                .collect();
            set("findings", ids(causes).into());
            set(
                "answered",
                (progress.answered_count(checklist) as u32).into(),
            );
        }
        Event::Reset => {}
    }
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(custom) = CustomEvent::new_with_event_init_dict(event.name(), &init) {
        let _ = target.dispatch_event(&custom);
    }
}

/// One answer's fields, as `answered` gives them: `step`, `number`, `answer`, `date`, `pointsTo`.
fn put_answer(target: &js_sys::Object, answer: AnswerDetail) {
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(target, &key.into(), &value);
    };
    set("step", answer.step.into());
    set("number", answer.number.into());
    set("answer", answer.answer.into());
    if let Some(date) = answer.date {
        set("date", date.into());
    }
    let points_to: js_sys::Array = answer
        .points_to
        .into_iter()
        .map(JsValue::from_str)
        .collect();
    set("pointsTo", points_to.into());
}
