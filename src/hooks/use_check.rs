//! Running a check the user asked for: one at a time, cancellable, its results sent to the
//! model as `Action::Checked`, and a line to say when nothing was kept.

use crate::browser::checks;
use crate::browser::network::Cancel;
use crate::model::checks::CheckResult;
use crate::model::config::CheckSettings;
use crate::model::Action;
use std::future::Future;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

#[derive(Clone)]
pub struct CheckRunner {
    running: UseStateHandle<Option<Cancel>>,
    message: UseStateHandle<String>,
    on_action: Callback<Action>,
    cancelled: AttrValue,
}

impl CheckRunner {
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Why the last attempt left nothing (cancelled, or input that can't be checked); empty
    /// otherwise.
    pub fn message(&self) -> String {
        (*self.message).clone()
    }

    /// Runs `job` with a fresh cancel handle. Its results (`None` if the user cancelled) go
    /// to the model; a cancelled check keeps nothing and says so.
    pub fn start<Job>(&self, job: impl FnOnce(Cancel) -> Job)
    where
        Job: Future<Output = Option<Vec<CheckResult>>> + 'static,
    {
        let cancel = Cancel::new();
        self.running.set(Some(cancel.clone()));
        self.message.set(String::new());
        let work = job(cancel);
        let runner = self.clone();
        spawn_local(async move {
            match work.await {
                Some(results) => results
                    .into_iter()
                    .for_each(|result| runner.on_action.emit(Action::Checked(result))),
                None => runner.message.set(runner.cancelled.as_str().to_owned()),
            }
            runner.running.set(None);
        });
    }

    /// Checks the webmail portal answers.
    pub fn run_portal(&self, settings: Rc<CheckSettings>) {
        self.start(|cancel| async move {
            checks::portal(&settings, &cancel)
                .await
                .map(|result| vec![result])
        });
    }

    /// Looks up a domain's mail records and registration.
    pub fn run_records(&self, settings: Rc<CheckSettings>, domain: String) {
        self.start(|cancel| async move { checks::records(&settings, &domain, &cancel).await });
    }

    /// Says why a check can't start, without starting it.
    pub fn refuse(&self, why: &str) {
        self.message.set(why.to_owned());
    }

    /// Cancels the running check, if any: for the Cancel button.
    pub fn on_cancel(&self) -> Callback<MouseEvent> {
        let running = self.running.clone();
        Callback::from(move |_| {
            if let Some(cancel) = running.as_ref() {
                cancel.cancel();
            }
        })
    }
}

/// A runner for one check; `cancelled` is what the status line says after a cancel.
#[hook]
pub fn use_check(on_action: Callback<Action>, cancelled: AttrValue) -> CheckRunner {
    CheckRunner {
        running: use_state(|| None),
        message: use_state_eq(String::new),
        on_action,
        cancelled,
    }
}
