use super::mail_app_choice::mail_app_choice;
use crate::content::SharedChecklist;
use crate::hooks::use_copy;
use crate::model::digits::decimal;
use crate::model::outcome::{Mark, Outcome};
use crate::model::servers::{security_label, user_rule, Server};
use crate::model::RankedCause;
use yew::prelude::*;

/// What a cause in the summary shows of the mail app's settings: the card in the first cause
/// that says to set the mail app up again and wasn't tried without luck, a line pointing back
/// to it in any later one. A tried cause shows nothing: its fix didn't help.
pub fn settings_for_cause(
    checklist: &SharedChecklist,
    causes: &[&RankedCause],
    cause: &RankedCause,
    outcome: &Outcome,
    mail_app: &Option<AttrValue>,
) -> Html {
    let carries = |c: &RankedCause| {
        checklist.finding(&c.finding).is_some_and(|f| f.sets_up)
            && outcome.mark(&c.finding) != Some(Mark::Tried)
    };
    if !carries(cause) {
        return Html::default();
    }
    match causes.iter().find(|c| carries(c)) {
        Some(first) if first.finding == cause.finding => html! {
            <SettingsCard
                mail_app={mail_app.clone()}
                heading_level={if causes.first().is_some_and(|c| c.finding == cause.finding) { 5 } else { 6 }}
            />
        },
        _ => html! { <p class="et-hint">{ checklist.text.settings_see_above() }</p> },
    }
}

#[derive(Properties, PartialEq)]
pub struct SettingsCardProps {
    /// The id of the mail app the user chose, if any.
    #[prop_or_default]
    pub mail_app: Option<AttrValue>,
    /// 5 inside the most likely cause (an `h4`), 6 inside another (an `h5`).
    pub heading_level: u8,
}

/// The mail app's settings after the choice of mail app: each server's name with a Copy
/// button, its port and security on one line, POP (the alternative) folded away.
#[component]
pub fn SettingsCard(props: &SettingsCardProps) -> Html {
    let shared = super::use_shared();
    let settings = std::rc::Rc::clone(&shared.check_settings);
    let checklist = &shared.checklist;
    let text = &checklist.text;
    let servers = &settings.servers;
    let failed = AttrValue::from(text.settings_copy_failed().to_owned());
    let copied = |group: &str| {
        let what = [group, ", ", text.settings_server()].concat();
        AttrValue::from(text.settings_copied(&what))
    };
    // One per server name, always called in this order.
    let copies = [
        use_copy(
            servers.imap.host.clone(),
            copied(text.settings_imap()),
            failed.clone(),
        ),
        use_copy(
            servers.smtp.host.clone(),
            copied(text.settings_smtp()),
            failed.clone(),
        ),
        use_copy(
            servers.pop.host.clone(),
            copied(text.settings_pop()),
            failed,
        ),
    ];
    let group = |index: usize, key: &str, title: &str, server: &Server| {
        let copy = &copies[index];
        let id = ["et-settings-", key, "-host"].concat();
        let host = server.host.clone();
        // Wide enough for the whole name, so it is cut only where it can't fit at all.
        let size = decimal(host.len() as u64 + 1);
        let label = if copy.copied {
            text.settings_copied_button()
        } else {
            text.settings_copy()
        };
        html! {
            <>
                <div class="et-setting">
                    <label class="et-setting-label" for={id.clone()}>{ text.settings_server() }</label>
                    <span class="et-setting-copy">
                        <input class="et-setting-value" type="text" readonly=true id={id} value={host}
                            size={size} ref={copy.field.clone()} spellcheck="false" />
                        // Named in full ("Copy: Outgoing mail server (SMTP), Server"), starting
                        // with the word shown.
                        <button type="button" class="et-button et-button--secondary"
                            aria-label={[label, ": ", title, ", ", text.settings_server()].concat()}
                            onclick={copy.on_copy.clone()}>
                            { label }
                        </button>
                    </span>
                    <p class="et-copy-status" role="status">{ copy.status.clone() }</p>
                </div>
                <p class="et-setting-line">
                    { text.settings_port() }{ " " }{ decimal(u64::from(server.port)) }{ " · " }{ security_label(server.security) }
                </p>
            </>
        }
    };
    let titled = |index: usize, key: &str, title: &str, server: &Server| {
        let title_id = ["et-settings-", key].concat();
        html! {
            <div class="et-settings-group" role="group" aria-labelledby={title_id.clone()}>
                <p class="et-settings-group-title" id={title_id}>{ title.to_owned() }</p>
                { group(index, key, title, server) }
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
            { mail_app_choice(checklist, props.mail_app.as_deref(), &shared.on_action) }
            { titled(0, "imap", text.settings_imap(), &servers.imap) }
            { titled(1, "smtp", text.settings_smtp(), &servers.smtp) }
            <p class="et-settings-user">
                <span class="et-setting-label">{ text.settings_user() }{ ": " }</span>
                { user_rule(checklist, servers.user) }
            </p>
            <p>{ text.settings_smtp_login() }</p>
            <details class="et-settings-group et-settings-pop" aria-labelledby="et-settings-pop">
                <summary class="et-settings-group-title" id="et-settings-pop">{ text.settings_pop() }</summary>
                { group(2, "pop", text.settings_pop(), &servers.pop) }
            </details>
        </section>
    }
}
