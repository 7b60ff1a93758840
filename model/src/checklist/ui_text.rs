//! Every sentence of the interface that is not part of a step, declared as one list of keys,
//! each with the placeholders its call fills: `intro(total)` is read as `text.intro(&total)`,
//! so no call can fill a name its text lacks or leave one out, and the content rules refuse a
//! text in any language whose placeholders differ. `{provider}` is not declared: it may be in
//! any content text, and is put in once, when the checklist is loaded (`with_provider_name`).

use super::Text;
use crate::fill;
use std::collections::BTreeMap;

/// Declares [`UiText`] from one list of keys, so its fields, its keys in a content file and
/// its reading from a content file can't drift apart.
macro_rules! ui_text {
    ($($key:ident $(($($name:ident),+))?),* $(,)?) => {
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

            /// The placeholders each text's call fills, in the order of [`UiText::KEYS`].
            pub const PLACEHOLDERS: &'static [&'static [&'static str]] =
                &[$(&[$($(stringify!($name)),+)?]),*];

            /// Texts in the order of [`UiText::KEYS`] (how `build.rs` writes the built-in ones).
            pub const fn from_array(values: [Text; TEXT_COUNT]) -> UiText {
                UiText { values }
            }

            $(ui_text!(@read $key $(($($name),+))?);)*

            /// A text as the content gives it, placeholders unfilled, by its key.
            pub fn raw(&self, key: &str) -> Option<&str> {
                let index = Self::KEYS.iter().position(|k| *k == key)?;
                Some(&self.values[index])
            }

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
                    values.push(map.remove(*key).or(default).ok_or_else(|| ["missing text `", key, "`"].concat())?);
                }
                if let Some(unknown) = map.keys().next() {
                    return Err(["unknown text `", unknown, "`"].concat());
                }
                let values = values.try_into().map_err(|_| "wrong number of texts".to_owned())?;
                Ok(UiText { values })
            }
        }
    };
    (@read $key:ident) => {
        // Named as in the content files, so `from_mx_check` is a text, not a constructor.
        #[allow(clippy::wrong_self_convention)]
        pub fn $key(&self) -> &str {
            &self.values[Key::$key as usize]
        }
    };
    (@read $key:ident ($($name:ident),+)) => {
        /// The text with its placeholders filled, in the order declared: a value put in is
        /// never searched for the placeholders after it.
        pub fn $key(&self, $($name: &str),+) -> String {
            fill(&self.values[Key::$key as usize], &[$((stringify!($name), $name)),+])
        }
    };
}

ui_text! {
    title,
    intro(total),
    before_you_start,
    applies_to,
    difficulty,
    time_needed,
    tools_needed,
    step_of(n, total),
    announce_step(n, total, question),
    date_format(day, month, year),
    month_names,
    moment_format(date, time, zone),
    answered_of(n, total),
    all_answered(total),
    steps_heading,
    status_not_started,
    status_answered,
    status_points_to_cause,
    status_to_check,
    answered_and_to_check(n, total, m),
    get_help,
    get_help_hint,
    get_help_offer,
    most_likely_heading,
    other_causes_heading,
    tie_named,
    tie_more,
    tie_order,
    conflict_between(answers),
    conflict_answer(answer, n),
    unanswered_heading,
    answer_rest,
    todo_heading,
    todo_to_check,
    show_steps(total),
    contact_who,
    expected_heading,
    yes,
    no,
    unsure,
    your_answer,
    no_date,
    change,
    change_step(n),
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
    answered_from(n),
    started_at(when),
    began_today,
    began_yesterday(date),
    began_days_ago(n, date),
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
    report_version,
    report_answers,
    report_given(when),
    report_not_answered,
    report_file_name,
    report_subject,
    report_cut,
    report_browser_on(browser, system),
    report_browser_unknown,
    report_findings_cut(copy, download),
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
    settings_copied(what),
    settings_copy_failed,
    settings_see_above,
    mail_app_legend,
    profile_intro,
    profile_address,
    profile_download,
    profile_note,
    profile_bad_address,
    profile_failed,
    profile_name(address),
    profile_account(address),
    profile_hidden_char,
    profile_bad_local,
    profile_no_ending(domain),
    profile_bad_domain,
    profile_saved(file),
    profile_next_iphone,
    profile_next_mac,
    profile_not_offered,
    settings_copied_button,
    expected_servers,
    servers_bad_parts,
    servers_bad_host(part),
    servers_bad_port(part),
    servers_bad_security(part),
    servers_bad_user(part),
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
    offer_intro(n, total, when),
    offer_replaces,
    offer_continue,
    offer_ignore,
    offer_taken,
    link_refused(why),
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
    outcome_about(finding),
    outcome_fixed,
    outcome_not_fixed,
    outcome_tried,
    outcome_undo,
    outcome_undo_about(finding),
    outcome_next_lead(finding),
    outcome_fixed_label,
    outcome_set_aside(finding),
    notice_mark_left_out,
    resolved_heading(finding),
    resolved_intro,
    resolved_start_again,
    report_fixed_by(finding),
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
    first_screen_loading,
    first_screen_failed,
    first_screen_article,
    config_problems,
    config_problem(field, expected),
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
    check_sends(dns, rdap),
    check_now,
    check_cancel,
    check_running,
    check_cancelled,
    check_bad_input,
    checked_at(when),
    mx_heading(domain),
    mx_found,
    mx_expected,
    mx_nothing,
    mx_more(n),
    mx_all,
    mx_some(missing),
    mx_none,
    mx_nxdomain(domain),
    mx_dns_failure(domain),
    mx_no_records,
    mx_null(domain),
    reg_heading(domain),
    reg_expired(date),
    reg_expiring(date, n),
    reg_fine(date),
    reg_no_expiry,
    reg_registrar(name),
    reg_not_listed,
    portal_heading,
    portal_intro(host),
    portal_now,
    portal_up(host, ms),
    portal_down(host),
    failure_offline,
    failure_timeout(service, seconds),
    failure_refused(service),
    failure_cors(service),
    failure_malformed(service),
    checks_heading,
    from_mx_check,
    from_registration_check,
    check_problem,
    check_fine,
    check_unknown,
    check_contradicts(n, answer, question),
    mx_found_ordered,
    next_mx_records,
    next_mx_nxdomain,
    next_mx_dns,
    next_renew_now,
    next_renew_soon,
    next_portal,
    expected_host,
    mx_extra(others),
    mx_extra_preferred(others),
    next_mx_extra,
    spf_heading(domain),
    spf_included(include),
    spf_missing(include),
    spf_none,
    spf_several(n),
    next_spf,
    autodiscover_heading(domain),
    autodiscover_matches(target, name),
    autodiscover_elsewhere(target, expected, name),
    autodiscover_not_set(name),
    next_autodiscover,
    from_spf_check,
    from_autodiscover_check,
    spf_indirect(include, names),
    spf_more(n),
    autodiscover_too_long(target, name, n),
    check_sending,
    mx_not_provider,
}
