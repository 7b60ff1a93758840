use super::{
    config_problems::ConfigProblems, continue_later::ContinueLater, link_offer::LinkOffer,
    notice_line::NoticeLine, prerequisites::Prerequisites, progress_meter::ProgressMeter,
    start_again::StartAgain, step_item::StepItem, summary::Summary, StorageKey,
};
use crate::browser::{host_events, location};
use crate::content::SharedChecklist;
use crate::hooks::{use_troubleshooter, Msg};
use crate::model::config::CheckSettings;
use crate::model::{fill, Action, ConfigProblem, Position, Theme};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct TroubleshooterProps {
    pub checklist: SharedChecklist,
    /// Separates this instance's saved progress from other instances' on the same site.
    #[prop_or_default]
    pub storage_key: AttrValue,
    #[prop_or_default]
    pub theme: Theme,
    /// Leave out the widget's heading and intro, which the host page already gives.
    #[prop_or_default]
    pub hide_heading: bool,
    /// Where "contact your administrator" leads: a `mailto:` or web address.
    #[prop_or_default]
    pub admin_contact: Option<AttrValue>,
    /// Settings the host gave that could not be used.
    #[prop_or_default]
    pub problems: Rc<Vec<ConfigProblem>>,
    #[prop_or_default]
    pub commands: Commands,
    /// Where the checks ask, what they expect, how long they wait.
    #[prop_or_default]
    pub check_settings: Rc<CheckSettings>,
    /// The visitor's language couldn't be loaded, so this is English: say so.
    #[prop_or_default]
    pub translation_missing: bool,
}

/// Lets the code that mounted the widget act on it (the JavaScript handle's `reset()`).
#[derive(Clone, Default)]
pub struct Commands(Rc<RefCell<Option<Callback<Action>>>>);

impl Commands {
    /// Sends an action as if the user had taken it; `false` if the widget isn't mounted.
    pub fn send(&self, action: Action) -> bool {
        let callback = self.0.borrow().clone();
        callback.map(|callback| callback.emit(action)).is_some()
    }
}

impl PartialEq for Commands {
    fn eq(&self, other: &Commands) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The whole checklist: overview of the steps, the open step, the summary.
#[component]
pub fn Troubleshooter(props: &TroubleshooterProps) -> Html {
    let state = use_troubleshooter(
        props.checklist.clone(),
        props.storage_key.clone(),
        props.translation_missing,
    );
    let on_action = use_callback(state.dispatcher(), |action: Action, dispatcher| {
        dispatcher.dispatch(Msg::Act(action))
    });
    {
        let commands = props.commands.clone();
        use_effect_with(on_action.clone(), move |on_action| {
            *commands.0.borrow_mut() = Some(on_action.clone());
            move || *commands.0.borrow_mut() = None
        });
    }
    // Tell the host page about each batch of events once, after it is rendered.
    let root = use_node_ref();
    {
        let root = root.clone();
        let state = state.clone();
        use_effect_with(state.events.0, move |_| {
            if let Some(target) = root.cast::<web_sys::Element>() {
                for event in state.events.1.iter() {
                    host_events::send(&target, &state.checklist, &state.progress, event);
                }
            }
        });
    }
    // Either way, the link's fragment comes off the address, so a reload doesn't offer it again.
    let settle_offer = |msg: fn() -> Msg| {
        let dispatcher = state.dispatcher();
        let fragment = state
            .offer
            .as_ref()
            .map(|offer| offer.fragment.clone())
            .unwrap_or_default();
        Callback::from(move |_| {
            location::forget_fragment(&fragment);
            dispatcher.dispatch(msg());
        })
    };
    let on_take = settle_offer(|| Msg::TakeOffer);
    let on_ignore = settle_offer(|| Msg::IgnoreOffer);
    let checklist = &state.checklist;
    let progress = &state.progress;
    let text = &checklist.text;
    // Read out when the user moves to another step; the region is there, empty, from the start.
    let announcement = match (state.moves, progress.at()) {
        (0, _) => String::new(),
        (_, Position::Step(step)) => fill(
            text.announce_step(),
            &[
                ("n", &(step + 1).to_string()),
                ("total", &checklist.steps.len().to_string()),
                ("question", &checklist.steps[step].question),
            ],
        ),
        (_, Position::Summary) if progress.is_complete(checklist) => fill(
            text.all_answered(),
            &[("total", &checklist.steps.len().to_string())],
        ),
        (_, Position::Summary) => text.findings_heading().to_string(),
    };
    let has_answers = progress.answers().iter().any(Option::is_some);
    let theme = match props.theme {
        Theme::Auto => None,
        Theme::Light => Some("light"),
        Theme::Dark => Some("dark"),
    };
    let steps = (0..checklist.steps.len()).map(|index| {
        html! {
            <StepItem
                key={checklist.steps[index].id.to_string()}
                {index}
                checklist={checklist.clone()}
                progress={progress.clone()}
                moves={state.moves}
                on_action={on_action.clone()}
            />
        }
    });
    let total = checklist.steps.len().to_string();
    let overview = html! {
        <ol class="et-steps" aria-label={text.steps_heading().to_string()}>
            { for steps }
        </ol>
    };
    let at_summary = progress.at() == Position::Summary;
    let open_offers_continue = match progress.at() {
        Position::Step(step) => checklist.steps[step].offers_continue,
        Position::Summary => false,
    };
    html! {
        <ContextProvider<Rc<CheckSettings>> context={Rc::clone(&props.check_settings)}>
        <ContextProvider<StorageKey> context={StorageKey(props.storage_key.clone())}>
        <section class="et" aria-labelledby={(!props.hide_heading).then_some("et-title")}
            aria-label={props.hide_heading.then(|| text.title().to_string())}
            lang={checklist.lang.to_string()} data-theme={theme} ref={root}>
            if !props.hide_heading {
                <h2 id="et-title" class="et-title">{ text.title() }</h2>
            }
            <div class="et-visually-hidden" aria-live="polite" aria-atomic="true">{ announcement }</div>
            if !props.hide_heading && !at_summary {
                <p class="et-intro">{ fill(text.intro(), &[("total", &total)]) }</p>
            }
            <ConfigProblems checklist={checklist.clone()} problems={Rc::clone(&props.problems)} />
            <NoticeLine checklist={checklist.clone()} notices={state.notices.clone()} />
            if let Some(offer) = &state.offer {
                <LinkOffer
                    checklist={checklist.clone()}
                    offer={Rc::clone(&offer.progress)}
                    replaces={has_answers}
                    on_take={on_take}
                    on_ignore={on_ignore}
                />
            }
            if !at_summary {
                <Prerequisites checklist={checklist.clone()} />
            }
            <ProgressMeter checklist={checklist.clone()} progress={progress.clone()} />
            if at_summary {
                <Summary
                    checklist={checklist.clone()}
                    progress={progress.clone()}
                    moves={state.moves}
                    storage_key={props.storage_key.clone()}
                    admin_contact={props.admin_contact.clone()}
                    on_action={on_action.clone()}
                />
                // Once the summary leads, the questions are a click away rather than in the way.
                <details class="et-overview">
                    <summary>{ fill(text.show_steps(), &[("total", &total)]) }</summary>
                    { overview }
                </details>
            } else {
                { overview }
            }
            // Folded below the questions, unless the open step already offers it.
            if !at_summary && has_answers && !open_offers_continue {
                <ContinueLater checklist={checklist.clone()} progress={progress.clone()} storage_key={props.storage_key.clone()} />
            }
            <StartAgain
                checklist={checklist.clone()}
                {has_answers}
                {on_action}
            />
        </section>
        </ContextProvider<StorageKey>>
        </ContextProvider<Rc<CheckSettings>>>
    }
}
