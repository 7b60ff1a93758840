use super::profile_download::ProfileDownload;
use crate::content::SharedChecklist;
use crate::model::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// "Which mail app do you use?": the chosen app's set-up lines, and for Apple Mail the
/// set-up profile. The choice is kept with the progress. A plain function, not a component:
/// it has no state of its own, and each component costs the wasm about 3 KB.
pub fn mail_app_choice(
    checklist: &SharedChecklist,
    mail_app: Option<&str>,
    on_action: &Callback<Action>,
) -> Html {
    if checklist.mail_apps.is_empty() {
        return Html::default();
    }
    let chosen = mail_app.and_then(|id| checklist.mail_app(id));
    let onchange = on_action.reform(|event: Event| {
        let input: HtmlInputElement = event.target_unchecked_into();
        Action::ChooseMailApp(input.value())
    });
    let radios = checklist.mail_apps.iter().map(|app| {
        let id = "et-mail-app-".to_owned() + &app.id;
        html! {
            <div class="et-choice">
                <input class="et-radio" type="radio" id={id.clone()} name="et-mail-app"
                    value={app.id.to_string()} checked={chosen.is_some_and(|c| c.id == app.id)}
                    onchange={onchange.clone()} />
                <label for={id}>{ &*app.label }</label>
            </div>
        }
    });
    html! {
        <>
            <fieldset class="et-fieldset et-mail-apps">
                <legend class="et-label">{ checklist.text.mail_app_legend() }</legend>
                <div class="et-choices">{ for radios }</div>
            </fieldset>
            if let Some(app) = chosen {
                <ul class="et-mail-app-lines">
                    { for app.lines.iter().map(|line| html! { <li>{ &**line }</li> }) }
                </ul>
                if app.profile {
                    <ProfileDownload />
                }
            }
        </>
    }
}
