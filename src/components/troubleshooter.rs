use super::{
    config_problems::ConfigProblems, continue_later::ContinueLater, link_offer::LinkOffer,
    notice_line::NoticeLine, prerequisites::Prerequisites, progress_meter::ProgressMeter,
    start_again::StartAgain, step_item::StepItem, summary::Summary,
};
use crate::content::SharedChecklist;
use crate::hooks::{use_troubleshooter, Download, RandomBytes};
use crate::model::config::CheckSettings;
use crate::model::digits::decimal;
use crate::model::session::{Input, Session};
use crate::model::shared::Shared;
use crate::model::{Action, Config, ConfigProblem, Position, Theme, Timestamp};
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
    /// What the visitor did on the first screen shown before the widget was ready, done again
    /// here once, as the widget starts.
    #[prop_or_default]
    pub replay: Rc<Replay>,
}

impl TroubleshooterProps {
    /// The widget a host's `config` asks for, on `checklist` (`config.checklist(…)`), with the
    /// settings it couldn't use listed, taking `commands`, and doing `replay` as it starts.
    /// Everything is given, none made to be replaced: a default built and dropped costs the
    /// embed bundle about 200 bytes gzip.
    pub fn for_config(
        config: &Config,
        checklist: SharedChecklist,
        problems: Vec<ConfigProblem>,
        commands: Commands,
        translation_missing: bool,
        replay: Rc<Replay>,
    ) -> TroubleshooterProps {
        TroubleshooterProps {
            storage_key: config.storage_key.clone().unwrap_or_default().into(),
            theme: config.theme,
            hide_heading: config.hide_heading,
            admin_contact: config.admin_contact.clone().map(Into::into),
            problems: Rc::new(problems),
            commands,
            check_settings: Rc::new(config.check_settings(&checklist)),
            translation_missing,
            checklist,
            replay,
        }
    }
}

/// The first screen's answer and Continue, to do again as the widget starts, and whether focus
/// may follow them: not if the visitor has moved it out of the widget since.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Replay {
    pub actions: Vec<Action>,
    pub focus_here: bool,
}

/// What every part of one widget shares, given once through context: the checklist, the
/// widget's settings and where actions go. It changes only when the widget does, so reading
/// it re-renders nothing on an answer.
#[derive(Clone, PartialEq)]
pub struct WidgetContext {
    pub checklist: SharedChecklist,
    pub check_settings: Rc<CheckSettings>,
    pub storage_key: AttrValue,
    pub admin_contact: Option<AttrValue>,
    pub on_action: Callback<Action>,
    /// Saves a file, and gives random bytes (for a profile's identifiers): the browser's
    /// work, handed to components as callbacks.
    pub download: Download,
    pub random_bytes: RandomBytes,
    /// Minutes east of UTC, for the times shown.
    pub utc_offset: i32,
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

/// The widget: its state from the edge hook (storage, the address, other tabs), drawn by
/// [`TroubleshooterView`].
#[component]
pub fn Troubleshooter(props: &TroubleshooterProps) -> Html {
    let edge = use_troubleshooter(
        props.checklist.clone(),
        props.storage_key.clone(),
        props.translation_missing,
        Rc::clone(&props.replay),
    );
    let on_action = use_callback(edge.send.clone(), |action: Action, send| {
        send.emit(Input::Act(action))
    });
    {
        let commands = props.commands.clone();
        use_effect_with(on_action.clone(), move |on_action| {
            *commands.0.borrow_mut() = Some(on_action.clone());
            move || *commands.0.borrow_mut() = None
        });
    }
    let shared = WidgetContext {
        checklist: props.checklist.clone(),
        check_settings: Rc::clone(&props.check_settings),
        storage_key: props.storage_key.clone(),
        admin_contact: props.admin_contact.clone(),
        on_action,
        download: edge.download.clone(),
        random_bytes: edge.random_bytes.clone(),
        utc_offset: edge.state.utc_offset,
    };
    html! {
        <TroubleshooterView
            {shared}
            session={edge.state.session.clone()}
            changed_at={edge.state.changed_at()}
            send={edge.send.clone()}
            theme={props.theme}
            hide_heading={props.hide_heading}
            problems={Rc::clone(&props.problems)}
            root={edge.root.clone()}
            announcer={edge.announcer.clone()}
        />
    }
}

#[derive(Properties, PartialEq)]
pub struct ViewProps {
    pub shared: WidgetContext,
    pub session: Shared<Session>,
    /// When the session last changed: the time the report gives.
    pub changed_at: Timestamp,
    /// Where the link offer's answers (take or ignore) go.
    pub send: Callback<Input>,
    #[prop_or_default]
    pub theme: Theme,
    #[prop_or_default]
    pub hide_heading: bool,
    #[prop_or_default]
    pub problems: Rc<Vec<ConfigProblem>>,
    #[prop_or_default]
    pub root: NodeRef,
    #[prop_or_default]
    pub announcer: NodeRef,
}

impl ViewProps {
    /// A session drawn with no widget behind it, as a widget with `config` draws it: nothing
    /// saved, nothing sent, no browser. The build draws the first screen this way, ahead of
    /// time (see `export/src/first_screen.rs`). `checklist` is `config.checklist(…)`.
    pub fn still(checklist: SharedChecklist, config: &Config, session: Session) -> ViewProps {
        ViewProps {
            shared: WidgetContext {
                check_settings: Rc::new(config.check_settings(&checklist)),
                checklist,
                storage_key: config.storage_key.clone().unwrap_or_default().into(),
                admin_contact: config.admin_contact.clone().map(Into::into),
                on_action: Callback::default(),
                download: Callback::from(|_| false),
                random_bytes: Callback::from(|()| None),
                utc_offset: 0,
            },
            session: Shared::new(session),
            changed_at: Timestamp(0),
            send: Callback::default(),
            theme: config.theme,
            hide_heading: config.hide_heading,
            problems: Rc::default(),
            root: NodeRef::default(),
            announcer: NodeRef::default(),
        }
    }
}

/// The whole checklist drawn from a session, with no browser call: overview of the steps, the
/// open step, the summary. The widget draws with it, and so can a server renderer.
#[component]
pub fn TroubleshooterView(props: &ViewProps) -> Html {
    let shared = &props.shared;
    let session = &props.session;
    let settle_offer = |input: fn() -> Input| {
        let send = props.send.clone();
        Callback::from(move |_| send.emit(input()))
    };
    let on_take = settle_offer(|| Input::TakeOffer);
    let on_ignore = settle_offer(|| Input::IgnoreOffer);
    let checklist = &shared.checklist;
    let progress = session.progress();
    let text = &checklist.text;
    let has_answers = progress.answers().iter().any(Option::is_some);
    let theme = match props.theme {
        Theme::Light => Some("light"),
        Theme::Dark => Some("dark"),
        _ => None,
    };
    // The open step's view carries the whole progress; the others only their answer.
    let open_progress = session.shared_progress();
    let steps = (0..checklist.steps.len()).map(|index| {
        let open = progress.at() == Position::Step(index);
        html! {
            <StepItem
                key={checklist.steps[index].id.to_string()}
                {index}
                answer={progress.answer(index).cloned()}
                status={progress.status(checklist, index)}
                error={session.error().filter(|_| open)}
                open={open.then(|| open_progress.clone())}
            />
        }
    });
    let total = decimal(checklist.steps.len() as u64);
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
        <ContextProvider<WidgetContext> context={shared.clone()}>
        <section class="et" aria-labelledby={(!props.hide_heading).then_some("et-title")}
            aria-label={props.hide_heading.then(|| text.title().to_string())}
            lang={checklist.lang.to_string()} data-theme={theme} ref={props.root.clone()}>
            if !props.hide_heading {
                <h2 id="et-title" class="et-title">{ text.title() }</h2>
            }
            // Said when the user moves to another step: the region is there, empty, from the start.
            <div class="et-visually-hidden" aria-live="polite" aria-atomic="true" ref={props.announcer.clone()}></div>
            if !props.hide_heading && !at_summary {
                <p class="et-intro">{ text.intro(&total) }</p>
            }
            <ConfigProblems problems={Rc::clone(&props.problems)} />
            <NoticeLine notices={session.notices().to_vec()} />
            if let Some(offer) = session.offer() {
                <LinkOffer
                    offer={offer.progress.clone()}
                    replaces={has_answers}
                    on_take={on_take}
                    on_ignore={on_ignore}
                />
            }
            if !at_summary {
                <Prerequisites />
            }
            <ProgressMeter progress={open_progress.clone()} />
            if at_summary {
                <Summary
                    progress={open_progress.clone()}
                    diagnosis={session.diagnosis().cloned().unwrap_or_default()}
                    changed_at={props.changed_at}
                />
                // Once the summary leads, the questions are a click away rather than in the way.
                <details class="et-overview">
                    <summary>{ text.show_steps(&total) }</summary>
                    { overview }
                </details>
            } else {
                { overview }
            }
            // Folded below the questions, unless the open step already offers it.
            if !at_summary && has_answers && !open_offers_continue {
                <ContinueLater progress={open_progress.clone()} />
            }
            <StartAgain
                {has_answers}
            />
        </section>
        </ContextProvider<WidgetContext>>
    }
}
