use super::answer_text;
use crate::model::digits::decimal;
use crate::model::format;
use crate::model::session::SharedProgress;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LinkOfferProps {
    /// The answers the link carries.
    pub offer: SharedProgress,
    /// Whether this browser already has answers the offer would replace.
    pub replaces: bool,
    pub on_take: Callback<()>,
    pub on_ignore: Callback<()>,
}

/// The answers a continue-link brought, shown in full, with the choice to continue from them.
/// Nothing here changes until the user chooses.
#[component]
pub fn LinkOffer(props: &LinkOfferProps) -> Html {
    let shared = super::use_shared();
    let checklist = &shared.checklist;
    let text = &checklist.text;
    let offer = &props.offer;
    let answered = offer.answered_count(checklist);
    let latest = (0..checklist.steps.len())
        .filter_map(|step| offer.answered_at(step))
        .max();
    let intro = text.offer_intro(
        &decimal(answered as u64),
        &decimal(checklist.steps.len() as u64),
        &latest
            .map(|when| format::moment(text, when, shared.utc_offset))
            .unwrap_or_default(),
    );
    let rows = checklist
        .steps
        .iter()
        .enumerate()
        .filter(|(step, _)| offer.is_answered(checklist, *step))
        .map(|(step, content)| {
            html! {
                <div class="et-summary-row">
                    <dt>{ &*content.question }</dt>
                    <dd>{ answer_text(checklist, offer, step) }</dd>
                </div>
            }
        });
    let take = props.on_take.reform(|_| ());
    let ignore = props.on_ignore.reform(|_| ());
    html! {
        <section class="et-offer" aria-labelledby="et-offer-title">
            <h3 id="et-offer-title">{ text.offer_heading() }</h3>
            <p>{ intro }</p>
            <dl class="et-summary-list">{ for rows }</dl>
            if props.replaces {
                <p class="et-offer-warning"><strong>{ text.offer_replaces() }</strong></p>
            }
            <div class="et-actions">
                <button type="button" class="et-button" onclick={take}>{ text.offer_continue() }</button>
                <button type="button" class="et-button et-button--secondary" onclick={ignore}>{ text.offer_ignore() }</button>
            </div>
        </section>
    }
}
