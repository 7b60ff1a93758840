//! The checklist's content: its schema and the rules every content file must follow.
//!
//! `build.rs` uses this crate too, so that a broken content file fails the build instead of
//! reaching a user.

use serde::Deserialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

/// Content text: borrowed for the built-in checklist (compiled in), owned for a host's own.
pub type Text = Cow<'static, str>;
/// A list in the content, borrowed or owned like [`Text`].
pub type List<T> = Cow<'static, [T]>;

/// The schema version of content files this code understands.
pub const CONTENT_SCHEMA: u32 = 1;

/// Answer ids a `choice` step may offer; their labels come from [`UiText`].
pub const CHOICE_IDS: [&str; 3] = ["yes", "no", "unsure"];

/// What the browser's checks can find (see `checks`); `[[check_rules]]` say what each means.
pub const CHECK_SIGNALS: [&str; 13] = [
    "mx_none",
    "mx_some_missing",
    "mx_nxdomain",
    "mx_no_records",
    "mx_null",
    "registration_expired",
    "registration_expiring",
    "mx_extra",
    "mx_extra_preferred",
    "spf_missing",
    "spf_none",
    "spf_several",
    "autodiscover_elsewhere",
];

/// The checks a step can offer: `records` (mail records and registration) or `portal`.
pub const STEP_CHECKS: [&str; 2] = ["records", "portal"];

/// Words the saved-progress format uses itself, so no step may be called by them.
pub const RESERVED_STEP_IDS: [&str; 7] = ["v", "at", "started", "summary", "fixed", "tried", "app"];

/// A whole checklist in one language: the built-in one, or a host's replacement.
#[derive(Debug, Clone, PartialEq)]
pub struct Checklist {
    pub schema: u32,
    pub lang: Text,
    /// The mail provider's name, put in place of `{provider}` in every text.
    pub provider: Text,
    pub text: UiText,
    pub prerequisites: Prerequisites,
    pub links: List<Link>,
    pub findings: List<Finding>,
    pub steps: List<Step>,
    /// Answers that can't all be true at once.
    pub conflicts: List<Conflict>,
    /// What the browser's checks finding something points to.
    pub check_rules: List<CheckRule>,
    /// The mail apps the user can say they use, each with its own set-up lines.
    pub mail_apps: List<MailApp>,
}

/// Declares [`UiText`] from one list of keys, so its fields, its keys in a content file and
/// its reading from a content file can't drift apart.
macro_rules! ui_text {
    ($($key:ident),* $(,)?) => {
        /// Which text: the position of each in [`UiText`], in the order of [`UiText::KEYS`].
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy)]
        enum Key {
            $($key,)*
        }

        /// How many texts there are.
        const TEXT_COUNT: usize = [$(stringify!($key)),*].len();

        /// Every sentence of the interface that is not part of a step. Kept as one array, not
        /// a struct of 160-odd fields: cloning and dropping it is then a loop, not 160 copies
        /// of the same code in the wasm.
        #[derive(Debug, Clone, PartialEq)]
        pub struct UiText {
            values: [Text; TEXT_COUNT],
        }

        impl UiText {
            /// The keys under `[text]` in a content file, in order.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($key)),*];

            /// Texts in the order of [`UiText::KEYS`] (how `build.rs` writes the built-in ones).
            pub const fn from_array(values: [Text; TEXT_COUNT]) -> UiText {
                UiText { values }
            }

            $(
                // Named as in the content files, so `from_mx_check` is a text, not a constructor.
                #[allow(clippy::wrong_self_convention)]
                pub fn $key(&self) -> &str {
                    &self.values[Key::$key as usize]
                }
            )*

            /// The texts in the order of [`UiText::KEYS`].
            pub fn values(&self) -> Vec<&Text> {
                self.values.iter().collect()
            }

            pub fn values_mut(&mut self) -> Vec<&mut Text> {
                self.values.iter_mut().collect()
            }

            /// Builds the texts from a key-to-text map. A key the map lacks is taken from
            /// `defaults`, or is an error without them; a key that isn't a text is an error.
            pub fn from_map(mut map: BTreeMap<String, Text>, defaults: Option<&UiText>) -> Result<UiText, String> {
                let mut values = Vec::with_capacity(TEXT_COUNT);
                for (index, key) in Self::KEYS.iter().enumerate() {
                    let default = defaults.map(|d| d.values[index].clone());
                    values.push(map.remove(*key).or(default).ok_or_else(|| format!("missing text `{key}`"))?);
                }
                if let Some(unknown) = map.keys().next() {
                    return Err(format!("unknown text `{unknown}`"));
                }
                let values = values.try_into().map_err(|_| "wrong number of texts".to_owned())?;
                Ok(UiText { values })
            }
        }
    };
}

// One generic map instead of a derived visitor for each of these keeps the wasm much smaller.
/// A checklist as a content file (or a host's JSON) gives it. Its `[text]` is a plain map,
/// completed from another language's texts where keys are missing: the built-in files give
/// every key; a host's own checklist may give only the texts it changes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistFile {
    pub schema: u32,
    pub lang: Text,
    pub provider: Text,
    #[serde(default)]
    pub text: BTreeMap<String, Text>,
    pub prerequisites: Prerequisites,
    pub links: List<Link>,
    pub findings: List<Finding>,
    pub steps: List<Step>,
    #[serde(default)]
    pub conflicts: List<Conflict>,
    #[serde(default)]
    pub check_rules: List<CheckRule>,
    #[serde(default)]
    pub mail_apps: List<MailApp>,
}

impl ChecklistFile {
    /// The checklist, with any text the file leaves out taken from `defaults`.
    pub fn complete(self, defaults: Option<&UiText>) -> Result<Checklist, String> {
        Ok(Checklist {
            schema: self.schema,
            lang: self.lang,
            provider: self.provider,
            text: UiText::from_map(self.text, defaults)?,
            prerequisites: self.prerequisites,
            links: self.links,
            findings: self.findings,
            steps: self.steps,
            conflicts: self.conflicts,
            check_rules: self.check_rules,
            mail_apps: self.mail_apps,
        })
    }
}

ui_text! {
    title,
    intro,
    before_you_start,
    applies_to,
    difficulty,
    time_needed,
    tools_needed,
    step_of,
    announce_step,
    date_format,
    month_names,
    moment_format,
    answered_of,
    all_answered,
    steps_heading,
    status_not_started,
    status_answered,
    status_points_to_cause,
    status_to_check,
    answered_and_to_check,
    get_help,
    get_help_hint,
    get_help_offer,
    most_likely_heading,
    other_causes_heading,
    tie_named,
    tie_more,
    tie_order,
    conflict_between,
    conflict_answer,
    unanswered_heading,
    answer_rest,
    todo_heading,
    todo_to_check,
    show_steps,
    contact_who,
    expected_heading,
    yes,
    no,
    unsure,
    your_answer,
    no_date,
    change,
    change_step,
    back,
    continue_button,
    what_it_means,
    what_to_do,
    date_label,
    date_hint,
    changes_legend,
    changes_hint,
    or,
    error_title,
    error_no_answer,
    error_no_change,
    error_bad_date,
    error_future_date,
    summary_heading,
    findings_heading,
    no_findings,
    confidence_strong,
    confidence_likely,
    confidence_possible,
    conflicting,
    not_enough,
    answered_from,
    started_at,
    began_today,
    began_yesterday,
    began_days_ago,
    report_heading,
    report_intro,
    report_format,
    report_plain,
    report_markdown,
    report_preview,
    report_copy,
    report_copied,
    report_copy_failed,
    report_download,
    report_email,
    report_email_nobody,
    report_email_shortened,
    report_title,
    report_started,
    report_made,
    report_browser,
    report_provider,
    report_answers,
    report_given,
    report_not_answered,
    report_file_name,
    report_subject,
    report_cut,
    report_browser_on,
    report_browser_unknown,
    report_findings_cut,
    settings_heading,
    settings_intro,
    settings_imap,
    settings_pop,
    settings_smtp,
    settings_server,
    settings_port,
    settings_security,
    settings_user,
    settings_user_address,
    settings_user_local,
    settings_smtp_login,
    settings_copy,
    settings_copied,
    settings_copy_failed,
    settings_see_above,
    mail_app_legend,
    profile_intro,
    profile_address,
    profile_download,
    profile_note,
    profile_bad_address,
    profile_failed,
    profile_name,
    profile_account,
    profile_hidden_char,
    profile_bad_local,
    profile_no_ending,
    profile_bad_domain,
    profile_saved,
    profile_next_iphone,
    profile_next_mac,
    profile_not_offered,
    settings_copied_button,
    expected_servers,
    servers_bad_parts,
    servers_bad_host,
    servers_bad_port,
    servers_bad_security,
    servers_bad_user,
    continue_heading,
    continue_intro,
    continue_link,
    continue_copy,
    continue_copied,
    continue_copy_failed,
    continue_qr,
    continue_qr_label,
    continue_share,
    continue_share_failed,
    continue_qr_show,
    offer_heading,
    offer_intro,
    offer_replaces,
    offer_continue,
    offer_ignore,
    offer_taken,
    link_refused,
    link_damaged,
    link_too_long,
    link_other_version,
    contact_heading,
    contact_now,
    contact_if_still,
    start_again,
    start_again_question,
    start_again_confirm,
    outcome_question,
    outcome_about,
    outcome_fixed,
    outcome_not_fixed,
    outcome_tried,
    outcome_undo,
    outcome_undo_about,
    outcome_next_lead,
    outcome_fixed_label,
    outcome_set_aside,
    notice_mark_left_out,
    resolved_heading,
    resolved_intro,
    resolved_start_again,
    report_fixed_by,
    nothing_fixed,
    cancel,
    notice_unavailable,
    notice_language,
    notice_unreadable,
    notice_newer,
    notice_save_failed,
    notice_read_only,
    notice_check_left_out,
    opens_new_tab,
    contact_admin_link,
    failed,
    config_problems,
    config_problem,
    expected_url,
    expected_contact,
    expected_text,
    expected_storage_key,
    expected_lang,
    expected_theme,
    expected_checklist,
    expected_known_setting,
    expected_json_object,
    expected_web_url,
    expected_domain,
    expected_hosts,
    expected_seconds,
    expected_name,
    expected_no_login,
    expected_one_address,
    check_heading,
    check_intro,
    check_input,
    check_sends,
    check_now,
    check_cancel,
    check_running,
    check_cancelled,
    check_bad_input,
    checked_at,
    mx_heading,
    mx_found,
    mx_expected,
    mx_nothing,
    mx_more,
    mx_all,
    mx_some,
    mx_none,
    mx_nxdomain,
    mx_dns_failure,
    mx_no_records,
    mx_null,
    reg_heading,
    reg_expired,
    reg_expiring,
    reg_fine,
    reg_no_expiry,
    reg_registrar,
    reg_not_listed,
    portal_heading,
    portal_intro,
    portal_now,
    portal_up,
    portal_down,
    failure_offline,
    failure_timeout,
    failure_refused,
    failure_cors,
    failure_malformed,
    checks_heading,
    from_mx_check,
    from_registration_check,
    check_problem,
    check_fine,
    check_unknown,
    check_contradicts,
    mx_found_ordered,
    next_mx_records,
    next_mx_nxdomain,
    next_mx_dns,
    next_renew_now,
    next_renew_soon,
    next_portal,
    expected_host,
    mx_extra,
    mx_extra_preferred,
    next_mx_extra,
    spf_heading,
    spf_included,
    spf_missing,
    spf_none,
    spf_several,
    next_spf,
    autodiscover_heading,
    autodiscover_matches,
    autodiscover_elsewhere,
    autodiscover_not_set,
    next_autodiscover,
    from_spf_check,
    from_autodiscover_check,
    spf_indirect,
    spf_more,
    autodiscover_too_long,
    check_sending,
    mx_not_provider,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prerequisites {
    pub applies_to: Text,
    pub difficulty: Text,
    pub time_needed: Text,
    pub tools: List<Text>,
    #[serde(default)]
    pub link: Option<Text>,
    /// One line shown before the first question: how long it takes and what is needed when.
    #[serde(default)]
    pub in_short: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub id: Text,
    pub label: Text,
    pub url: Text,
}

/// A cause that answers can point to, and what to do about it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub id: Text,
    pub title: Text,
    pub action: Text,
    #[serde(default)]
    pub link: Option<Text>,
    /// Only the administrator can fix this cause, so the user should contact them now.
    #[serde(default)]
    pub contact_admin: bool,
    /// The fix is to set the mail app up again: the mail app's settings are shown with it.
    #[serde(default)]
    pub sets_up: bool,
}

/// A mail app the user can say they use, and how to set it up again in it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailApp {
    pub id: Text,
    pub label: Text,
    /// The set-up step in this app, a line each.
    pub lines: List<Text>,
    /// Apple Mail: offer a set-up profile (`.mobileconfig`) to download.
    #[serde(default)]
    pub profile: bool,
}

/// How strongly an answer points to its cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Possible,
    Likely,
    Strong,
}

/// A signal from a check (one of [`CHECK_SIGNALS`]) and the finding it points to.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckRule {
    pub signal: Text,
    pub points_to: Text,
    pub confidence: Confidence,
    /// The rule holds only with this answer, written `step=option`: an autodiscover record
    /// pointing elsewhere means a move only for someone whose mail moved.
    #[serde(default)]
    pub if_answer: Option<Text>,
}

/// Answers that contradict each other, each written `step=option`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    pub answers: List<Text>,
    pub explanation: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StepKind {
    /// One of Yes / No / Not sure.
    Choice,
    /// A date and the changes made around then.
    When,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: Text,
    pub kind: StepKind,
    pub question: Text,
    pub why: Text,
    #[serde(default)]
    pub link: Option<Text>,
    /// A check the browser can run for this question (one of [`STEP_CHECKS`]).
    #[serde(default)]
    pub check: Option<Text>,
    /// This step sends the user to another computer or network, so its guidance offers the
    /// link that carries their answers there.
    #[serde(default)]
    pub offers_continue: bool,
    pub options: List<AnswerOption>,
}

/// One answer a step offers, with the guidance shown as soon as it is chosen.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    pub id: Text,
    /// Needed by `when` steps; `choice` steps take "Yes" / "No" / "Not sure" from [`UiText`].
    #[serde(default)]
    pub label: Option<Text>,
    /// On a `when` step: chosen alone, never together with another option.
    #[serde(default)]
    pub exclusive: bool,
    pub means: Text,
    pub next: Text,
    /// `next` in a few words, for the answered step and the to-do list; none when the only
    /// next step is the next question.
    #[serde(default)]
    pub todo: Option<Text>,
    #[serde(default)]
    pub points_to: Option<Text>,
    /// How strongly `points_to` follows from this answer.
    #[serde(default)]
    pub confidence: Option<Confidence>,
    /// The answer states the cause itself ("I changed my password") rather than pointing to
    /// it: among equally sure causes, these come first.
    #[serde(default)]
    pub names_cause: bool,
    /// The rest of the questions won't help after this answer: get help now is offered first.
    #[serde(default)]
    pub offers_help: bool,
    #[serde(default)]
    pub link: Option<Text>,
}

/// Something wrong in a content file, named by where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub place: String,
    pub problem: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.problem)
    }
}

impl Checklist {
    /// Every rule the content must follow beyond its shape. Empty when the content is sound.
    pub fn problems(&self) -> Vec<ContentError> {
        let mut found = Vec::new();
        let mut report = |place: String, problem: &str| {
            found.push(ContentError {
                place,
                problem: problem.to_owned(),
            })
        };
        if self.schema != CONTENT_SCHEMA {
            report("schema".into(), "is not a schema version this widget reads");
        }
        if self.steps.is_empty() {
            report("steps".into(), "must list at least one step");
        }
        if self.text.step_of().is_empty() || self.text.title().is_empty() {
            report("text".into(), "must have a title and a step counter");
        }
        for (index, link) in self.links.iter().enumerate() {
            let place = format!("links[{index}] ({})", link.id);
            if self.links[..index].iter().any(|l| l.id == link.id) {
                report(place.clone(), "repeats the id of an earlier link");
            }
            if !is_safe_url(&link.url) {
                report(place, "must be an https:, http: or mailto: address");
            }
        }
        let known_link =
            |link: &Option<Text>| link.as_deref().is_none_or(|l| self.link_by_id(l).is_some());
        if !known_link(&self.prerequisites.link) {
            report(
                "prerequisites.link".into(),
                "names a link that is not defined",
            );
        }
        for (index, finding) in self.findings.iter().enumerate() {
            let place = format!("findings[{index}] ({})", finding.id);
            if self.findings[..index].iter().any(|f| f.id == finding.id) {
                report(place.clone(), "repeats the id of an earlier finding");
            }
            // Saved progress and links name the finding that fixed it.
            if !is_plain_id(&finding.id) {
                report(place.clone(), "needs an id of a-z, 0-9, _ and -");
            }
            if !known_link(&finding.link) {
                report(place.clone(), "names a link that is not defined");
            }
            if finding.sets_up && finding.contact_admin {
                report(place, "can't both send the user to set up their mail app and say only the administrator can fix it");
            }
        }
        for (index, app) in self.mail_apps.iter().enumerate() {
            let place = format!("mail_apps[{index}] ({})", app.id);
            if self.mail_apps[..index].iter().any(|a| a.id == app.id) {
                report(place.clone(), "repeats the id of an earlier mail app");
            }
            if !is_plain_id(&app.id) {
                report(place.clone(), "needs an id of a-z, 0-9, _ and -");
            }
            if app.label.trim().is_empty()
                || app.lines.is_empty()
                || app.lines.iter().any(|l| l.trim().is_empty())
            {
                report(place, "needs a label and at least one line, none empty");
            }
        }
        for (index, step) in self.steps.iter().enumerate() {
            let place = format!("steps[{index}] ({})", step.id);
            if self.steps[..index].iter().any(|s| s.id == step.id) {
                report(place.clone(), "repeats the id of an earlier step");
            }
            if !is_plain_id(&step.id) || RESERVED_STEP_IDS.contains(&&*step.id) {
                report(
                    place.clone(),
                    "needs an id of a-z, 0-9, _ and - that is not v, at, started, summary, fixed, tried or app",
                );
            }
            if step.question.trim().is_empty() || step.why.trim().is_empty() {
                report(place.clone(), "needs a question and why it matters");
            }
            if !known_link(&step.link) {
                report(place.clone(), "names a link that is not defined");
            }
            if step.kind == StepKind::Choice
                && !(step.option("yes").is_some() && step.option("no").is_some())
            {
                report(place.clone(), "must offer at least Yes and No");
            }
            if step.options.len() < 2 {
                report(place.clone(), "must offer at least two answers");
            }
            for (n, option) in step.options.iter().enumerate() {
                let place = format!("{place}.options[{n}] ({})", option.id);
                if step.options[..n].iter().any(|o| o.id == option.id) {
                    report(place.clone(), "repeats an answer id");
                }
                if !is_plain_id(&option.id) {
                    report(place.clone(), "needs an id of a-z, 0-9, _ and -");
                }
                match step.kind {
                    StepKind::Choice if !CHOICE_IDS.contains(&&*option.id) => {
                        report(place.clone(), "must be one of yes, no, unsure")
                    }
                    StepKind::When
                        if option.label.as_deref().is_none_or(|l| l.trim().is_empty()) =>
                    {
                        report(place.clone(), "needs a label")
                    }
                    _ => {}
                }
                if option.means.trim().is_empty() || option.next.trim().is_empty() {
                    report(
                        place.clone(),
                        "needs guidance: what it means and what to do next",
                    );
                }
                if option
                    .points_to
                    .as_deref()
                    .is_some_and(|f| self.finding(f).is_none())
                {
                    report(place.clone(), "points to a finding that is not defined");
                }
                if option.names_cause && option.points_to.is_none() {
                    report(place.clone(), "names a cause but points to no finding");
                }
                if !known_link(&option.link) {
                    report(place.clone(), "names a link that is not defined");
                }
            }
        }
        for (index, rule) in self.check_rules.iter().enumerate() {
            let place = format!("check_rules[{index}] ({})", rule.signal);
            if !CHECK_SIGNALS.contains(&&*rule.signal) {
                report(place.clone(), "names a signal checks don't give");
            }
            if self.finding(&rule.points_to).is_none() {
                report(place.clone(), "points to a finding that is not defined");
            }
            if rule
                .if_answer
                .as_deref()
                .is_some_and(|answer| self.answer_of(answer).is_none())
            {
                report(place, "needs if_answer as step=option of this checklist");
            }
        }
        for (index, step) in self.steps.iter().enumerate() {
            if step
                .check
                .as_deref()
                .is_some_and(|check| !STEP_CHECKS.contains(&check))
            {
                report(
                    format!("steps[{index}] ({})", step.id),
                    "names a check that doesn't exist (records or portal)",
                );
            }
        }
        for (index, conflict) in self.conflicts.iter().enumerate() {
            let place = format!("conflicts[{index}]");
            let known = |answer: &Text| self.answer_of(answer).is_some();
            if conflict.answers.len() < 2 || !conflict.answers.iter().all(known) {
                report(
                    place.clone(),
                    "needs two or more answers, each step=option of this checklist",
                );
            }
            if conflict.explanation.trim().is_empty() {
                report(place, "needs an explanation");
            }
        }
        found
    }

    /// Where this translation's structure differs from `original`'s: every language must have
    /// the same steps, answers, findings, links and conflicts, and use the same placeholders in
    /// each text, so that saved progress and links work whatever the language.
    pub fn differences_from(&self, original: &Checklist) -> Vec<String> {
        let mut found = Vec::new();
        let mut same = |place: &str, a: String, b: String| {
            if a != b {
                found.push(format!("{place}: {a} here, {b} in the original"));
            }
        };
        let steps = |c: &Checklist| {
            c.steps
                .iter()
                .map(|s| {
                    let options: Vec<String> = s
                        .options
                        .iter()
                        .map(|o| {
                            format!(
                                "{}{}{}{}{}{}>{:?}/{:?}/{:?}",
                                o.id,
                                if o.exclusive { "!" } else { "" },
                                // A label of its own or the usual yes/no/unsure one.
                                if o.label.is_some() { "*" } else { "" },
                                if o.todo.is_some() { "+todo" } else { "" },
                                if o.names_cause { "+names" } else { "" },
                                if o.offers_help { "+help" } else { "" },
                                o.points_to,
                                o.confidence,
                                o.link
                            )
                        })
                        .collect();
                    format!(
                        "{}:{:?}:{:?}:{:?}:{}[{}]",
                        s.id,
                        s.kind,
                        s.link,
                        s.check,
                        s.offers_continue,
                        options.join(" ")
                    )
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        same("steps", steps(self), steps(original));
        let links = |c: &Checklist| {
            c.links
                .iter()
                .map(|l| format!("{}={}", l.id, l.url))
                .collect::<Vec<_>>()
                .join(" ")
        };
        same("links", links(self), links(original));
        let findings = |c: &Checklist| {
            c.findings
                .iter()
                .map(|f| format!("{}:{:?}:{}:{}", f.id, f.link, f.contact_admin, f.sets_up))
                .collect::<Vec<_>>()
                .join(" ")
        };
        same("findings", findings(self), findings(original));
        let conflicts = |c: &Checklist| {
            c.conflicts
                .iter()
                .map(|x| x.answers.join("+"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        same("conflicts", conflicts(self), conflicts(original));
        let rules = |c: &Checklist| {
            c.check_rules
                .iter()
                .map(|r| {
                    format!(
                        "{}>{}:{:?}:{:?}",
                        r.signal, r.points_to, r.confidence, r.if_answer
                    )
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        same("check_rules", rules(self), rules(original));
        let apps = |c: &Checklist| {
            c.mail_apps
                .iter()
                .map(|a| format!("{}:{}:{}", a.id, a.lines.len(), a.profile))
                .collect::<Vec<_>>()
                .join(" ")
        };
        same("mail_apps", apps(self), apps(original));
        same(
            "prerequisites",
            format!(
                "{:?} {} tools {}",
                self.prerequisites.link,
                self.prerequisites.tools.len(),
                self.prerequisites.in_short.is_some()
            ),
            format!(
                "{:?} {} tools {}",
                original.prerequisites.link,
                original.prerequisites.tools.len(),
                original.prerequisites.in_short.is_some()
            ),
        );
        for ((key, text), original_text) in UiText::KEYS
            .iter()
            .zip(self.text.values())
            .zip(original.text.values())
        {
            same(
                &format!("text.{key} placeholders"),
                placeholders(text),
                placeholders(original_text),
            );
        }
        found
    }

    /// Puts the provider's name into every text that mentions `{provider}`.
    /// Texts without it stay borrowed, so the built-in checklist is barely copied.
    /// The name goes in as it is: `Config` has already cleaned and isolated a host's name
    /// (the setting, or its own checklist's) with `names`, which build.rs, compiling this
    /// file alone, doesn't have.
    pub fn with_provider_name(mut self) -> Self {
        let name = self.provider.clone();
        let fill = |text: &mut Text| {
            if text.contains("{provider}") {
                *text = Cow::Owned(text.replace("{provider}", &name));
            }
        };
        for text in self.text.values_mut() {
            fill(text);
        }
        for link in self.links.to_mut() {
            fill(&mut link.label);
        }
        for finding in self.findings.to_mut() {
            fill(&mut finding.title);
            fill(&mut finding.action);
        }
        for conflict in self.conflicts.to_mut() {
            fill(&mut conflict.explanation);
        }
        for app in self.mail_apps.to_mut() {
            fill(&mut app.label);
            app.lines.to_mut().iter_mut().for_each(fill);
        }
        for step in self.steps.to_mut() {
            fill(&mut step.question);
            fill(&mut step.why);
            for option in step.options.to_mut() {
                fill(&mut option.means);
                fill(&mut option.next);
                if let Some(todo) = option.todo.as_mut() {
                    fill(todo);
                }
            }
        }
        self
    }

    /// Names this content for translation files, which carry the name they were made for: the
    /// English file's bytes and, in their order, its translatable texts. A file made while the
    /// slots were in another order is refused even when the English file is unchanged, since
    /// its texts would land in the wrong places.
    pub fn fingerprint(&self, source: &[u8]) -> String {
        let mut hash = super::fnv::Fnv64::new();
        hash.add(source);
        for slot in self.clone().translatable_mut() {
            // A separator no text holds, so moving text between slots changes the name too.
            hash.add(&[0]);
            hash.add(slot.as_bytes());
        }
        format!("{:016x}", hash.finish())
    }

    /// Every text that differs between languages, always in the same order. Translations
    /// share everything else with English (`differences_from` makes sure), so a translation
    /// travels as this list of texts alone and is put back with [`Checklist::translated`].
    pub fn translatable_mut(&mut self) -> Vec<&mut Text> {
        let mut texts = vec![&mut self.lang, &mut self.provider];
        texts.extend(self.text.values_mut());
        let prerequisites = &mut self.prerequisites;
        texts.push(&mut prerequisites.applies_to);
        texts.push(&mut prerequisites.difficulty);
        texts.push(&mut prerequisites.time_needed);
        texts.extend(prerequisites.tools.to_mut().iter_mut());
        texts.extend(prerequisites.in_short.as_mut());
        texts.extend(self.links.to_mut().iter_mut().map(|link| &mut link.label));
        for finding in self.findings.to_mut() {
            texts.push(&mut finding.title);
            texts.push(&mut finding.action);
        }
        texts.extend(
            self.conflicts
                .to_mut()
                .iter_mut()
                .map(|conflict| &mut conflict.explanation),
        );
        for step in self.steps.to_mut() {
            texts.push(&mut step.question);
            texts.push(&mut step.why);
            for option in step.options.to_mut() {
                texts.extend(option.label.as_mut());
                texts.push(&mut option.means);
                texts.push(&mut option.next);
                texts.extend(option.todo.as_mut());
            }
        }
        for app in self.mail_apps.to_mut() {
            texts.push(&mut app.label);
            texts.extend(app.lines.to_mut().iter_mut());
        }
        texts
    }

    /// This checklist in another language, from that language's texts in the order of
    /// [`Checklist::translatable_mut`]. `None` if they don't fit: too many, too few, or a
    /// language code that isn't one.
    pub fn translated(&self, texts: Vec<String>) -> Option<Checklist> {
        let mut copy = self.clone();
        let mut slots = copy.translatable_mut();
        if slots.len() != texts.len() {
            return None;
        }
        for (slot, text) in slots.iter_mut().zip(texts) {
            **slot = Cow::Owned(text);
        }
        let plausible_lang = (2..=8).contains(&copy.lang.len())
            && copy
                .lang
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-');
        plausible_lang.then_some(copy)
    }

    /// The step (its index) and option a `step=option` names, if this checklist has them.
    pub fn answer_of<'a>(&self, answer: &'a str) -> Option<(usize, &'a str)> {
        let (step, option) = answer.split_once('=')?;
        let index = self.step_index(step)?;
        self.steps[index].option(option).map(|_| (index, option))
    }

    pub fn step_index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }

    pub fn link_by_id(&self, id: &str) -> Option<&Link> {
        self.links.iter().find(|l| l.id == id)
    }

    /// The link an optional id names, if any.
    pub fn link(&self, id: Option<&Text>) -> Option<&Link> {
        id.and_then(|id| self.link_by_id(id))
    }

    pub fn finding(&self, id: &str) -> Option<&Finding> {
        self.findings.iter().find(|f| f.id == id)
    }

    pub fn mail_app(&self, id: &str) -> Option<&MailApp> {
        self.mail_apps.iter().find(|a| a.id == id)
    }

    /// The label a user sees for an answer option.
    pub fn option_label<'a>(&'a self, option: &'a AnswerOption) -> &'a str {
        match (option.label.as_deref(), &*option.id) {
            (Some(label), _) => label,
            (None, "yes") => self.text.yes(),
            (None, "no") => self.text.no(),
            (None, _) => self.text.unsure(),
        }
    }
}

impl Step {
    pub fn option(&self, id: &str) -> Option<&AnswerOption> {
        self.options.iter().find(|o| o.id == id)
    }
}

/// The `{name}` placeholders in a text, in order.
fn placeholders(text: &str) -> String {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let Some(end) = rest[start..].find('}') else {
            break;
        };
        names.push(&rest[start..start + end + 1]);
        rest = &rest[start + end + 1..];
    }
    names.sort_unstable();
    names.join("")
}

/// Ids travel in saved progress and links unescaped, so they keep to a few safe characters.
pub fn is_plain_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 40
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

/// The longest address a link or setting may have.
pub const MAX_URL_LEN: usize = 2048;

/// Links may only lead to web pages or open a mail program: never `javascript:` or `data:`,
/// and never a web address with a user name or password in it.
pub fn is_safe_url(url: &str) -> bool {
    // Longer than any real address; bounds what a check result saves of the webmail address.
    if url.len() > MAX_URL_LEN {
        return false;
    }
    let lower = url.trim_start().to_ascii_lowercase();
    let rest = ["https://", "http://"]
        .iter()
        .find_map(|scheme| lower.strip_prefix(scheme));
    match rest {
        Some(host_and_path) => {
            !host_and_path.is_empty()
                && !url.chars().any(char::is_whitespace)
                && !has_login_in(host_and_path)
        }
        None => lower
            .strip_prefix("mailto:")
            .is_some_and(|to| !to.is_empty()),
    }
}

/// Whether an `https:` or `http:` address carries a user name or password
/// (`https://user:pass@host/`): the browser would send them, and they can disguise the real
/// host (`https://bank.example@evil.example/` leads to evil.example).
pub fn has_login(url: &str) -> bool {
    url.trim_start()
        .split_once("//")
        .is_some_and(|(scheme, rest)| {
            (scheme.eq_ignore_ascii_case("https:") || scheme.eq_ignore_ascii_case("http:"))
                && has_login_in(rest)
        })
}

/// Whether what follows `https://` has an `@` before the host ends.
fn has_login_in(rest: &str) -> bool {
    // Browsers skip any further slashes (and read `\` as `/`) before the host.
    let mut before_host = true;
    for byte in rest.bytes() {
        match byte {
            b'/' | b'\\' if before_host => {}
            b'@' => return true,
            b'/' | b'\\' | b'?' | b'#' => return false,
            _ => before_host = false,
        }
    }
    false
}
