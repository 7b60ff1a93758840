use crate::model::{checklist::is_safe_url, Link};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExternalLinkProps {
    pub link: Link,
    pub opens_new_tab: AttrValue,
}

/// A link out of the widget. Web pages open in a new tab, so the user keeps their place;
/// `mailto:` opens the mail program; anything else (`javascript:`, say) renders as plain text.
#[component]
pub fn ExternalLink(props: &ExternalLinkProps) -> Html {
    let Link { label, url, .. } = &props.link;
    if !is_safe_url(url) {
        return html! { <span>{ &**label }</span> };
    }
    if url
        .get(..7)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("mailto:"))
    {
        return html! { <a class="et-link" href={url.to_string()}>{ &**label }</a> };
    }
    html! {
        <a class="et-link" href={url.to_string()} target="_blank" rel="noopener noreferrer">
            { &**label }
            <span class="et-visually-hidden">{ " " }{ &props.opens_new_tab }</span>
        </a>
    }
}
