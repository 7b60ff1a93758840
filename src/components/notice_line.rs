use crate::model::link::LinkError;
use crate::model::session::Notice;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeLineProps {
    pub notices: Vec<Notice>,
}

/// One line each about saving and links. The live region is always there, so a notice that
/// appears later is announced.
#[component]
pub fn NoticeLine(props: &NoticeLineProps) -> Html {
    let shared = super::use_shared();
    let text = &shared.checklist.text;
    let message = |notice: &Notice| -> String {
        match notice {
            Notice::Unavailable => text.notice_unavailable().to_string(),
            Notice::ReadOnly => text.notice_read_only().to_string(),
            Notice::CheckLeftOut => text.notice_check_left_out().to_string(),
            Notice::MarkLeftOut => text.notice_mark_left_out().to_string(),
            Notice::Unreadable => text.notice_unreadable().to_string(),
            Notice::Newer => text.notice_newer().to_string(),
            Notice::SaveFailed => text.notice_save_failed().to_string(),
            Notice::OfferTaken => text.offer_taken().to_string(),
            Notice::LanguageUnavailable => text.notice_language().to_string(),
            Notice::LinkRefused(why) => {
                let why = match why {
                    LinkError::Damaged => &text.link_damaged(),
                    LinkError::TooLong => &text.link_too_long(),
                    LinkError::OtherVersion => &text.link_other_version(),
                };
                text.link_refused(why)
            }
        }
    };
    html! {
        <div class="et-notice-region" role="status">
            { for props.notices.iter().map(|notice| html! { <p class="et-notice">{ message(notice) }</p> }) }
        </div>
    }
}
