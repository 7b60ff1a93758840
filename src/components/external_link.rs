use crate::model::{checklist::is_safe_url, Link};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExternalLinkProps {
    pub link: Link,
    pub opens_new_tab: AttrValue,
}

/// A link that opens in a new tab, so the user keeps their place; unsafe addresses render as text.
#[component]
pub fn ExternalLink(props: &ExternalLinkProps) -> Html {
    let Link { label, url, .. } = &props.link;
    if !is_safe_url(url) {
        return html! { <span>{ &**label }</span> };
    }
    html! {
        <a class="et-link" href={url.to_string()} target="_blank" rel="noopener noreferrer">
            { &**label }
            <span class="et-visually-hidden">{ " " }{ &props.opens_new_tab }</span>
        </a>
    }
}
