use super::qr_code::QrCode;
use crate::browser::location;
use crate::content::Content;
use crate::hooks::use_copy;
use crate::model::{link, Progress};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ContinueElsewhereProps {
    pub checklist: Content,
    pub progress: Progress,
    pub storage_key: AttrValue,
}

/// A link (and a QR code) that carries the answers to another computer or phone, inside the
/// link itself: questions 6 and 7 send the user to another computer and another network.
#[component]
pub fn ContinueElsewhere(props: &ContinueElsewhereProps) -> Html {
    let address = use_memo((), |_| location::page_address());
    let checklist = &props.checklist;
    let text = &checklist.text;
    let url = format!(
        "{address}#{}",
        link::fragment(&props.storage_key, &props.progress, checklist)
    );
    let copy = use_copy(
        url.clone(),
        text.continue_copied().into(),
        text.continue_copy_failed().into(),
    );
    html! {
        <section class="et-continue" aria-labelledby="et-continue-title">
            <h3 id="et-continue-title">{ text.continue_heading() }</h3>
            <p>{ text.continue_intro() }</p>
            <label class="et-label" for="et-continue-link">{ text.continue_link() }</label>
            <textarea class="et-link-text" id="et-continue-link" readonly=true rows="3" ref={copy.field} value={url.clone()} />
            <div class="et-actions">
                <button type="button" class="et-button et-button--secondary" onclick={copy.on_copy}>{ text.continue_copy() }</button>
            </div>
            <p class="et-copy-status" role="status">{ copy.status }</p>
            <p>{ text.continue_qr() }</p>
            <QrCode text={url} label={text.continue_qr_label().to_string()} />
        </section>
    }
}
