use super::{check_controls::check_controls, check_results::CheckResults};
use crate::hooks::use_check;
use crate::model::checks::describe::host_of;
use crate::model::config::CheckSettings;
use crate::model::session::SharedProgress;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PortalCheckProps {
    pub progress: SharedProgress,
    pub settings: Rc<CheckSettings>,
}

/// Whether this browser, on this network, can reach the webmail portal, and how fast; run only
/// when the user asks, and cancellable.
#[component]
pub fn PortalCheck(props: &PortalCheckProps) -> Html {
    let shared = super::use_shared();
    let checklist = &shared.checklist;
    let text = &checklist.text;
    let settings = &props.settings;
    let check = use_check(
        shared.on_action.clone(),
        text.check_cancelled().to_owned().into(),
    );
    let on_start = {
        let (check, settings) = (check.clone(), Rc::clone(settings));
        Callback::from(move |_| {
            check.run_portal(Rc::clone(&settings));
        })
    };
    if settings.webmail_url.is_empty() {
        return html! {};
    }
    html! {
        <section class="et-check" aria-labelledby="et-portal-check-title">
            <h4 id="et-portal-check-title">{ text.portal_heading() }</h4>
            <p>{ text.portal_intro(host_of(&settings.webmail_url)) }</p>
            { check_controls(text, &check, text.portal_now(), on_start) }
            <CheckResults progress={props.progress.clone()} settings={Rc::clone(settings)} records={false} />
        </section>
    }
}
