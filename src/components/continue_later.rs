use super::continue_elsewhere::ContinueElsewhere;
use crate::model::Progress;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ContinueLaterProps {
    pub progress: Rc<Progress>,
}

/// "Continue on another computer", folded away under the open question: only on offer there.
#[component]
pub fn ContinueLater(props: &ContinueLaterProps) -> Html {
    html! {
        <ContinueElsewhere
            progress={Rc::clone(&props.progress)}
            folded=true
        />
    }
}
