use super::continue_elsewhere::ContinueElsewhere;
use crate::model::session::SharedProgress;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ContinueLaterProps {
    pub progress: SharedProgress,
}

/// "Continue on another computer", folded away under the open question: only on offer there.
#[component]
pub fn ContinueLater(props: &ContinueLaterProps) -> Html {
    html! {
        <ContinueElsewhere
            progress={props.progress.clone()}
            folded=true
        />
    }
}
