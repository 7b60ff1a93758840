use super::mail_app_choice::mail_app_choice;
use crate::browser::clipboard;
use crate::content::Content;
use crate::model::config::CheckSettings;
use crate::model::servers::{security_label, user_rule, Server};
use crate::model::{fill, Action, RankedCause};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

/// What a cause in the summary shows of the mail app's settings: the card in the first cause
/// that says to set the mail app up again, a line pointing back to it in any later one.
pub fn settings_for_cause(
    checklist: &Content,
    causes: &[&RankedCause],
    cause: &RankedCause,
    mail_app: &Option<AttrValue>,
    on_action: &Callback<Action>,
) -> Html {
    let sets_up = |c: &RankedCause| checklist.finding(&c.finding).is_some_and(|f| f.sets_up);
    if !sets_up(cause) {
        return Html::default();
    }
    match causes.iter().find(|c| sets_up(c)) {
        Some(first) if first.finding == cause.finding => html! {
            <SettingsCard
                checklist={checklist.clone()}
                mail_app={mail_app.clone()}
                on_action={on_action.clone()}
                heading_level={if causes.first().is_some_and(|c| c.finding == cause.finding) { 5 } else { 6 }}
            />
        },
        _ => html! { <p class="et-hint">{ checklist.text.settings_see_above() }</p> },
    }
}

#[derive(Properties, PartialEq)]
pub struct SettingsCardProps {
    pub checklist: Content,
    /// The id of the mail app the user chose, if any.
    #[prop_or_default]
    pub mail_app: Option<AttrValue>,
    pub on_action: Callback<Action>,
    /// 5 inside the most likely cause (an `h4`), 6 inside another (an `h5`).
    pub heading_level: u8,
}

/// The mail app's settings, each value with a Copy button, after the choice of mail app.
#[component]
pub fn SettingsCard(props: &SettingsCardProps) -> Html {
    let settings = use_context::<Rc<CheckSettings>>().unwrap_or_default();
    let status = use_state_eq(String::new);
    let checklist = &props.checklist;
    let text = &checklist.text;
    let servers = &settings.servers;
    // Copies one value: the Clipboard API, then the old way from its field, then it stays
    // selected with a line saying how to copy it by hand (as the report's Copy does).
    let copy = |value: String, what: String, field: NodeRef| {
        let status = status.clone();
        let copied = fill(text.settings_copied(), &[("what", &what)]);
        let failed = text.settings_copy_failed().to_owned();
        Callback::from(move |_: MouseEvent| {
            let (value, field, status) = (value.clone(), field.clone(), status.clone());
            let (copied, failed) = (copied.clone(), failed.clone());
            spawn_local(async move {
                let done = clipboard::copy(&value).await
                    || field
                        .cast::<HtmlInputElement>()
                        .is_some_and(|f| clipboard::copy_input_selection(&f));
                status.set(if done { copied } else { failed });
            });
        })
    };
    let row = |group: &str, id: String, label: &str, value: String| {
        let field = NodeRef::default();
        let what = format!("{group}, {label}");
        html! {
            <div class="et-setting">
                <label class="et-setting-label" for={id.clone()}>{ label.to_owned() }</label>
                <input class="et-setting-value" type="text" readonly=true id={id} value={value.clone()}
                    ref={field.clone()} spellcheck="false" />
                // Named in full ("Copy: Outgoing mail server (SMTP), Port"), starting with the word shown.
                <button type="button" class="et-button et-button--secondary"
                    aria-label={format!("{}: {what}", text.settings_copy())}
                    onclick={copy(value, what.clone(), field)}>
                    { text.settings_copy() }
                </button>
            </div>
        }
    };
    let group = |key: &str, title: &str, server: &Server| {
        let title_id = format!("et-settings-{key}");
        html! {
            <div class="et-settings-group" role="group" aria-labelledby={title_id.clone()}>
                <p class="et-settings-group-title" id={title_id}>{ title.to_owned() }</p>
                { row(title, format!("et-settings-{key}-host"), text.settings_server(), server.host.clone()) }
                { row(title, format!("et-settings-{key}-port"), text.settings_port(), server.port.to_string()) }
                { row(title, format!("et-settings-{key}-security"), text.settings_security(), security_label(server.security).to_owned()) }
            </div>
        }
    };
    let heading = text.settings_heading();
    html! {
        <section class="et-settings" aria-labelledby="et-settings-title">
            if props.heading_level == 5 {
                <h5 id="et-settings-title">{ heading }</h5>
            } else {
                <h6 id="et-settings-title">{ heading }</h6>
            }
            <p>{ text.settings_intro() }</p>
            { mail_app_choice(checklist, props.mail_app.as_deref(), &props.on_action) }
            { group("imap", text.settings_imap(), &servers.imap) }
            { group("smtp", text.settings_smtp(), &servers.smtp) }
            <p class="et-settings-user">
                <span class="et-setting-label">{ text.settings_user() }{ ": " }</span>
                { user_rule(checklist, servers.user) }
            </p>
            <p>{ text.settings_smtp_login() }</p>
            { group("pop", text.settings_pop(), &servers.pop) }
            <p class="et-copy-status" role="status">{ (*status).clone() }</p>
        </section>
    }
}
