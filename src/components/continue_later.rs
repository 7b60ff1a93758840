use super::continue_elsewhere::ContinueElsewhere;
use crate::content::Content;
use crate::model::Progress;
use web_sys::HtmlDetailsElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ContinueLaterProps {
    pub checklist: Content,
    pub progress: Progress,
    pub storage_key: AttrValue,
}

/// "Continue on another device", folded away under the open question. Its link and QR code
/// are made only while it is open: making them on every answer would slow every click.
#[component]
pub fn ContinueLater(props: &ContinueLaterProps) -> Html {
    let open = use_state_eq(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |event: Event| {
            if let Some(details) = event.target_dyn_into::<HtmlDetailsElement>() {
                open.set(details.open());
            }
        })
    };
    html! {
        <details class="et-continue-later" {ontoggle}>
            <summary>{ props.checklist.text.continue_heading() }</summary>
            if *open {
                <ContinueElsewhere
                    checklist={props.checklist.clone()}
                    progress={props.progress.clone()}
                    storage_key={props.storage_key.clone()}
                />
            }
        </details>
    }
}
