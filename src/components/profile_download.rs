use crate::model::profile::{self, AddressFault};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// How the last try went.
#[derive(Clone, PartialEq)]
enum Outcome {
    None,
    NotAnAddress(AddressFault),
    NotSaved,
    Saved,
}

/// "Download a set-up profile" for Apple Mail: the user's address (the host's `domain`
/// setting if that is one), checked, then a `.mobileconfig` made here and saved, and what to
/// do with it next. Settings a profile can't carry safely (STARTTLS) are entered by hand.
#[component]
pub fn ProfileDownload() -> Html {
    let shared = super::use_shared();
    let settings = Rc::clone(&shared.check_settings);
    // Typed text is lost when the card moves to another cause; the `domain` setting refills it.
    let input = use_state(|| {
        let given = settings.domain.as_deref().unwrap_or_default();
        profile::address(given).unwrap_or_default()
    });
    let outcome = use_state_eq(|| Outcome::None);
    let field = use_node_ref();
    let (download, random_bytes) = (shared.download.clone(), shared.random_bytes.clone());
    let checklist = &shared.checklist;
    let text = &checklist.text;
    if !profile::offered(&settings.servers) {
        return html! { <p class="et-profile">{ text.profile_not_offered() }</p> };
    }
    let on_input = {
        let input = input.clone();
        Callback::from(move |event: InputEvent| {
            input.set(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_download = {
        let (input, outcome, field) = (input.clone(), outcome.clone(), field.clone());
        let (checklist, settings) = (checklist.clone(), Rc::clone(&settings));
        Callback::from(move |_: MouseEvent| {
            let address = match profile::address(&folded(&input)) {
                Ok(address) => address,
                Err(fault) => {
                    outcome.set(Outcome::NotAnAddress(fault));
                    if let Some(field) = field.cast::<HtmlInputElement>() {
                        let _ = field.focus();
                    }
                    return;
                }
            };
            let saved = random_bytes.emit(()).is_some_and(|bytes| {
                let file = profile::mobileconfig(&checklist, &settings.servers, &address, &bytes);
                download.emit((profile::FILE_NAME.to_owned(), profile::MIME_TYPE, file))
            });
            outcome.set(if saved {
                Outcome::Saved
            } else {
                Outcome::NotSaved
            });
        })
    };
    let fault = match &*outcome {
        Outcome::NotAnAddress(fault) => Some(profile::fault_text(text, fault)),
        _ => None,
    };
    let invalid = fault.is_some();
    html! {
        <div class="et-profile">
            <p>{ text.profile_intro() }</p>
            <div class={classes!("et-field", invalid.then_some("et-field--error"))}>
                <label class="et-label" for="et-profile-address">{ text.profile_address() }</label>
                if let Some(fault) = fault {
                    <p class="et-error-message" id="et-profile-error">{ fault }</p>
                }
                <input class="et-text-input" type="text" id="et-profile-address" inputmode="email"
                    autocomplete="email" spellcheck="false" ref={field} value={(*input).clone()}
                    aria-invalid={invalid.then_some("true")}
                    aria-describedby={invalid.then_some("et-profile-error")}
                    oninput={on_input} />
            </div>
            <p><button type="button" class="et-button" onclick={on_download}>{ text.profile_download() }</button></p>
            // Always present, so what a download did is announced where it happened.
            <div class="et-profile-result" role="status">
                if *outcome == Outcome::Saved {
                    <p>{ text.profile_saved(profile::FILE_NAME) }</p>
                    <ul>
                        <li>{ text.profile_next_iphone() }</li>
                        <li>{ text.profile_next_mac() }</li>
                    </ul>
                }
            </div>
            if *outcome == Outcome::NotSaved {
                <p class="et-error-message" role="alert">{ text.profile_failed() }</p>
            }
            <p class="et-hint">{ text.profile_note() }</p>
        </div>
    }
}

/// The domain lower-cased by the browser, which knows Unicode's cases (the wasm doesn't carry
/// them), so `Bücher.de` and `bücher.de` convert alike.
fn folded(input: &str) -> String {
    match input.rsplit_once('@') {
        Some((local, domain)) => {
            let domain = String::from(js_sys::JsString::from(domain).to_lower_case());
            [local, "@", &domain].concat()
        }
        None => input.to_owned(),
    }
}
