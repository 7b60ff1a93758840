use super::qr_code::QrCode;
use crate::hooks::{use_copy, use_page_for_sharing, use_share};
use crate::model::digits::decimal;
use crate::model::link;
use crate::model::session::SharedProgress;
use std::cell::Cell;
use web_sys::HtmlDetailsElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ContinueElsewhereProps {
    pub progress: SharedProgress,
    /// Folded under its heading until the user opens it, where it is only on offer; open
    /// where it is needed (a step's guidance, the summary).
    #[prop_or_default]
    pub folded: bool,
    /// The heading's level, 3 or 4: 3 among the summary's headings, 4 inside a step.
    #[prop_or(3)]
    pub heading_level: u8,
    /// The QR code waits for a button: inside a step the link changes with every answer, and
    /// drawing the code each time would slow every click there.
    #[prop_or_default]
    pub qr_on_request: bool,
}

thread_local! {
    /// Numbers each placement, so that two on one page don't share ids.
    static PLACED: Cell<u32> = const { Cell::new(0) };
}

/// A link that carries the answers to another computer inside the link itself, with Copy,
/// Share where the browser has a share sheet, and a QR code except on a phone (the phone is
/// the other device then). Questions 6 and 7 send the user to another computer and network.
#[component]
pub fn ContinueElsewhere(props: &ContinueElsewhereProps) -> Html {
    let shared = super::use_shared();
    let id = *use_memo((), |_| PLACED.with(|n| n.replace(n.get() + 1)));
    let open = use_state_eq(|| !props.folded);
    // Asked of the browser once it opens: folded under the open question, it appears with the
    // first answer, and that click shouldn't pay for it.
    let browser = use_page_for_sharing(*open);
    let (address, can_share, on_phone) = match &*browser {
        Some((address, can_share, on_phone)) => (address.as_str(), *can_share, *on_phone),
        None => ("", false, false),
    };
    let share_failed = use_state_eq(|| false);
    let qr_asked = use_state_eq(|| false);
    let checklist = &shared.checklist;
    let text = &checklist.text;
    // The link, and everything made from it, only while it shows: folded under the open
    // question, making them on every answer would slow every click.
    let url = if *open {
        [
            address,
            "#",
            &link::fragment(&shared.storage_key, &props.progress, checklist),
        ]
        .concat()
    } else {
        String::new()
    };
    let copy = use_copy(
        url.clone(),
        text.continue_copied().into(),
        text.continue_copy_failed().into(),
    );
    let on_copy = {
        let (share_failed, on_copy) = (share_failed.clone(), copy.on_copy.clone());
        Callback::from(move |event| {
            share_failed.set(false);
            on_copy.emit(event);
        })
    };
    let on_share = use_share(text.title().to_owned(), url.clone(), share_failed.clone());
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |event: Event| {
            if let Some(details) = event.target_dyn_into::<HtmlDetailsElement>() {
                open.set(details.open());
            }
        })
    };
    let title_id = "et-continue-title-".to_owned() + &decimal(id as u64);
    let link_id = "et-continue-link-".to_owned() + &decimal(id as u64);
    let status = if *share_failed {
        text.continue_share_failed().to_owned()
    } else {
        copy.status
    };
    let body = if !*open {
        Html::default()
    } else {
        html! {
            <div class="et-continue-body">
                <p>{ text.continue_intro() }</p>
                <label class="et-label" for={link_id.clone()}>{ text.continue_link() }</label>
                <textarea class="et-link-text" id={link_id} readonly=true rows="4" ref={copy.field} value={url.clone()} />
                <div class="et-actions">
                    if can_share {
                        <button type="button" class="et-button et-button--secondary" onclick={on_share}>{ text.continue_share() }</button>
                    }
                    <button type="button" class="et-button et-button--secondary" onclick={on_copy}>{ text.continue_copy() }</button>
                </div>
                <p class="et-copy-status" role="status">{ status }</p>
                if !on_phone && *open && props.qr_on_request && !*qr_asked {
                    <p>
                        <button type="button" class="et-button et-button--secondary"
                            onclick={let qr_asked = qr_asked.clone(); Callback::from(move |_| qr_asked.set(true))}>
                            { text.continue_qr_show() }
                        </button>
                    </p>
                } else if !on_phone && *open {
                    <p>{ text.continue_qr() }</p>
                    <QrCode text={url} label={text.continue_qr_label().to_string()} />
                }
            </div>
        }
    };
    let heading = text.continue_heading();
    html! {
        <section class="et-continue" aria-labelledby={title_id.clone()}>
            if props.folded {
                <details class="et-continue-later" {ontoggle}>
                    <summary id={title_id}>{ heading }</summary>
                    { body }
                </details>
            } else {
                if props.heading_level == 4 {
                    <h4 id={title_id}>{ heading }</h4>
                } else {
                    <h3 id={title_id}>{ heading }</h3>
                }
                { body }
            }
        </section>
    }
}
