//! Tells the host page what happened, as DOM `CustomEvent`s that bubble out of the shadow root.
//! Nothing leaves the page: only the host's own listeners see these.

use crate::model::events::answer_value;
use crate::model::{diagnose, Checklist, Event, Progress};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

pub fn send(target: &Element, checklist: &Checklist, progress: &Progress, event: &Event) {
    let detail = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&detail, &key.into(), &value);
    };
    let ids = |ids: Vec<&str>| {
        ids.into_iter()
            .map(JsValue::from_str)
            .collect::<js_sys::Array>()
    };
    match event {
        Event::Answered { step } | Event::Changed { step, .. } => {
            let Some(content) = checklist.steps.get(*step) else {
                return;
            };
            set("step", content.id.as_ref().into());
            set("number", (*step as u32 + 1).into());
            if let Some(answer) = progress.answer(*step) {
                set("answer", answer_value(answer).into());
            }
            if let Some(date) = progress.date(*step) {
                set("date", date.to_string().into());
            }
            let points_to = progress
                .chosen(checklist, *step)
                .into_iter()
                .filter_map(|o| o.points_to.as_deref())
                .collect();
            set("pointsTo", ids(points_to).into());
            if let Event::Changed { previous, .. } = event {
                set("previous", answer_value(previous).into());
            }
        }
        Event::Finished => {
            let diagnosis = diagnose(checklist, progress);
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
