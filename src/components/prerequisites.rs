use super::external_link::ExternalLink;
use yew::prelude::*;

/// One line on how long it takes and what it needs; then, folded, who the checklist is for,
/// how hard and long it is, and what to have at hand.
#[component]
pub fn Prerequisites() -> Html {
    let shared = super::use_shared();
    let checklist = &shared.checklist;
    let text = &checklist.text;
    let needs = &checklist.prerequisites;
    html! {
        <>
        if let Some(in_short) = &needs.in_short {
            <p class="et-in-short">{ &**in_short }</p>
        }
        <details class="et-prerequisites">
            <summary>{ text.before_you_start() }</summary>
            <dl class="et-facts">
                <div><dt>{ text.applies_to() }</dt><dd>{ &*needs.applies_to }</dd></div>
                <div><dt>{ text.difficulty() }</dt><dd>{ &*needs.difficulty }</dd></div>
                <div><dt>{ text.time_needed() }</dt><dd>{ &*needs.time_needed }</dd></div>
            </dl>
            <p class="et-tools-heading">{ text.tools_needed() }</p>
            <ul class="et-tools">
                { for needs.tools.iter().map(|tool| html! { <li>{ &**tool }</li> }) }
            </ul>
            if let Some(link) = checklist.link(needs.link.as_ref()) {
                <p><ExternalLink link={link.clone()} opens_new_tab={text.opens_new_tab().to_owned()} /></p>
            }
        </details>
        </>
    }
}
