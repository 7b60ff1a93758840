use crate::content::Content;
use crate::hooks::Notice;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeLineProps {
    pub checklist: Content,
    pub notice: Option<Notice>,
}

/// One line about saving. The live region is always there, so a notice that appears is announced.
#[component]
pub fn NoticeLine(props: &NoticeLineProps) -> Html {
    let text = &props.checklist.text;
    let message = props.notice.map(|notice| match notice {
        Notice::Unavailable => &text.notice_unavailable,
        Notice::Unreadable => &text.notice_unreadable,
        Notice::Newer => &text.notice_newer,
        Notice::SaveFailed => &text.notice_save_failed,
    });
    html! {
        <div class="et-notice-region" role="status">
            if let Some(message) = message {
                <p class="et-notice">{ &**message }</p>
            }
        </div>
    }
}
