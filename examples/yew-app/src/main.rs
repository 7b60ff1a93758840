//! A help page written in Yew with the troubleshooter on it, as a Yew app would use the
//! component: a few settings as properties, and the page listening for one of its events.

use email_troubleshooter::{EmailTroubleshooter, Theme};
use yew::prelude::*;

#[component]
fn HelpPage() -> Html {
    // The step the visitor last answered, as the widget's `troubleshooter-answered` event says.
    let answered = use_state(|| None::<String>);
    let on_event = {
        let answered = answered.clone();
        Callback::from(move |event: web_sys::CustomEvent| {
            if event.type_() == "troubleshooter-answered" {
                let step = js_sys::Reflect::get(&event.detail(), &"step".into())
                    .ok()
                    .and_then(|step| step.as_string());
                answered.set(step);
            }
        })
    };
    html! {
        <main>
            <h1>{ "Cannot connect to email" }</h1>
            <EmailTroubleshooter
                storage_key="yew-example"
                theme={Theme::Light}
                provider_name="Example Mail"
                admin_contact="helpdesk@example.com"
                {on_event}
            />
            <p role="status" aria-label="Last answer">
                { answered.as_deref().map_or("No step answered yet".to_owned(), |step| format!("Answered: {step}")) }
            </p>
        </main>
    }
}

fn main() {
    yew::Renderer::<HelpPage>::new().render();
}
