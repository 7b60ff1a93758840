use super::external_link::ExternalLink;
use crate::content::Content;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StepIntroProps {
    pub checklist: Content,
    pub index: usize,
    /// So the question's inputs can point at this text with `aria-describedby`.
    pub id: AttrValue,
}

/// Why a question matters, and the step's own link (such as the webmail portal).
#[component]
pub fn StepIntro(props: &StepIntroProps) -> Html {
    let checklist = &props.checklist;
    let step = &checklist.steps[props.index];
    html! {
        <>
            <p class="et-why" id={props.id.clone()}>{ &*step.why }</p>
            if let Some(link) = checklist.link(step.link.as_ref()) {
                <p class="et-step-link">
                    <ExternalLink link={link.clone()} opens_new_tab={checklist.text.opens_new_tab.clone()} />
                </p>
            }
        </>
    }
}
