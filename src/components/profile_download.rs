use crate::browser::{download, random};
use crate::content::Content;
use crate::model::config::CheckSettings;
use crate::model::profile;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProfileDownloadProps {
    pub checklist: Content,
}

/// What went wrong with the last try.
#[derive(Clone, Copy, PartialEq)]
enum Problem {
    None,
    NotAnAddress,
    NotSaved,
}

/// "Download a set-up profile" for Apple Mail: the user's address (the host's `domain`
/// setting if that is one), checked, then a `.mobileconfig` made here and saved.
#[component]
pub fn ProfileDownload(props: &ProfileDownloadProps) -> Html {
    let settings = use_context::<Rc<CheckSettings>>().unwrap_or_default();
    let input = use_state(|| {
        let given = settings.domain.as_deref().unwrap_or_default();
        profile::address(given).unwrap_or_default()
    });
    let problem = use_state_eq(|| Problem::None);
    let field = use_node_ref();
    let checklist = &props.checklist;
    let text = &checklist.text;
    let on_input = {
        let input = input.clone();
        Callback::from(move |event: InputEvent| {
            input.set(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_download = {
        let (input, problem, field) = (input.clone(), problem.clone(), field.clone());
        let (checklist, settings) = (checklist.clone(), Rc::clone(&settings));
        Callback::from(move |_: MouseEvent| {
            let Some(address) = profile::address(&input) else {
                problem.set(Problem::NotAnAddress);
                if let Some(field) = field.cast::<HtmlInputElement>() {
                    let _ = field.focus();
                }
                return;
            };
            let saved = random::bytes().is_some_and(|bytes| {
                let file = profile::mobileconfig(&checklist, &settings.servers, &address, &bytes);
                download::download(profile::FILE_NAME, profile::MIME_TYPE, &file)
            });
            problem.set(if saved {
                Problem::None
            } else {
                Problem::NotSaved
            });
        })
    };
    let invalid = *problem == Problem::NotAnAddress;
    html! {
        <div class="et-profile">
            <p>{ text.profile_intro() }</p>
            <div class={classes!("et-field", invalid.then_some("et-field--error"))}>
                <label class="et-label" for="et-profile-address">{ text.profile_address() }</label>
                if invalid {
                    <p class="et-error-message" id="et-profile-error">{ text.profile_bad_address() }</p>
                }
                <input class="et-text-input" type="text" id="et-profile-address" inputmode="email"
                    autocomplete="email" spellcheck="false" ref={field} value={(*input).clone()}
                    aria-invalid={invalid.then_some("true")}
                    aria-describedby={invalid.then_some("et-profile-error")}
                    oninput={on_input} />
            </div>
            <p><button type="button" class="et-button" onclick={on_download}>{ text.profile_download() }</button></p>
            if *problem == Problem::NotSaved {
                <p class="et-error-message" role="alert">{ text.profile_failed() }</p>
            }
            <p class="et-hint">{ text.profile_note() }</p>
        </div>
    }
}
