use super::check_results::CheckResults;
use crate::browser::{checks, network::Cancel};
use crate::content::Content;
use crate::model::checks::describe::host_of;
use crate::model::config::CheckSettings;
use crate::model::{fill, Action, Progress};
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PortalCheckProps {
    pub checklist: Content,
    pub progress: Progress,
    pub settings: Rc<CheckSettings>,
    pub on_action: Callback<Action>,
}

/// Whether this browser, on this network, can reach the webmail portal, and how fast; run only
/// when the user asks, and cancellable.
#[component]
pub fn PortalCheck(props: &PortalCheckProps) -> Html {
    let checklist = &props.checklist;
    let text = &checklist.text;
    let settings = &props.settings;
    let running: UseStateHandle<Option<Cancel>> = use_state(|| None);
    let message = use_state_eq(String::new);
    let run = {
        let (running, message) = (running.clone(), message.clone());
        let (settings, on_action) = (Rc::clone(settings), props.on_action.clone());
        let cancelled = text.check_cancelled().to_string();
        Callback::from(move |_| {
            let cancel = Cancel::new();
            running.set(Some(cancel.clone()));
            message.set(String::new());
            let (settings, on_action, running, message, cancelled) = (
                Rc::clone(&settings),
                on_action.clone(),
                running.clone(),
                message.clone(),
                cancelled.clone(),
            );
            spawn_local(async move {
                match checks::portal(&settings, &cancel).await {
                    Some(result) => on_action.emit(Action::Checked(result)),
                    None => message.set(cancelled),
                }
                running.set(None);
            });
        })
    };
    let on_cancel = {
        let running = running.clone();
        Callback::from(move |_| {
            if let Some(cancel) = running.as_ref() {
                cancel.cancel();
            }
        })
    };
    if settings.webmail_url.is_empty() {
        return html! {};
    }
    html! {
        <section class="et-check" aria-labelledby="et-portal-check-title">
            <h4 id="et-portal-check-title">{ text.portal_heading() }</h4>
            <p>{ fill(text.portal_intro(), &[("host", host_of(&settings.webmail_url))]) }</p>
            <div class="et-actions">
                if running.is_some() {
                    <button type="button" class="et-button et-button--secondary" onclick={on_cancel}>{ text.check_cancel() }</button>
                } else {
                    <button type="button" class="et-button et-button--secondary" onclick={run}>{ text.portal_now() }</button>
                }
            </div>
            <p class="et-check-status" role="status">
                { if running.is_some() { text.check_running().to_string() } else { (*message).clone() } }
            </p>
            <CheckResults checklist={checklist.clone()} progress={props.progress.clone()} settings={Rc::clone(settings)} records={false} />
        </section>
    }
}
