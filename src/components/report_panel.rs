use super::use_shared;
use crate::hooks::{use_browser_description, use_copy};
use crate::model::report::{self, Fit};
use crate::model::session::SharedProgress;
use crate::model::shared::Shared;
use crate::model::{Diagnosis, Timestamp};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReportPanelProps {
    pub progress: SharedProgress,
    pub diagnosis: Shared<Diagnosis>,
    /// When the progress last changed: the time the report gives.
    pub changed_at: Timestamp,
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Plain,
    Markdown,
}

/// The report for the administrator, shown exactly as it will be copied, downloaded or emailed.
#[component]
pub fn ReportPanel(props: &ReportPanelProps) -> Html {
    let format = use_state_eq(|| Format::Plain);
    let shared = use_shared();
    let browser = use_browser_description(shared.checklist.clone());
    let checklist = &shared.checklist;
    let text = &checklist.text;
    // Built once per change of the answers, not on every render (a format switch, a copy).
    let built = use_memo(
        (
            props.progress.clone(),
            props.diagnosis.clone(),
            props.changed_at,
            shared.clone(),
            browser,
        ),
        |(progress, diagnosis, now, shared, browser)| {
            report::build_from(
                &shared.checklist,
                progress,
                diagnosis,
                &shared.check_settings,
                *now,
                shared.utc_offset,
                browser,
            )
        },
    );
    let shown = match *format {
        Format::Plain => built.text(),
        Format::Markdown => built.markdown(),
    };
    let to = shared
        .admin_contact
        .as_deref()
        .and_then(|href| href.strip_prefix("mailto:"));
    let (email_href, fit) = built.mailto(to, text.report_subject());
    let email_hint = match fit {
        Fit::Whole => None,
        Fit::Shortened => Some(text.report_email_shortened().to_owned()),
        Fit::FindingsCut => Some(built.findings_cut_note.clone()),
    };

    let choose = |chosen: Format| {
        let format = format.clone();
        Callback::from(move |_| format.set(chosen))
    };
    let copy = use_copy(
        shown.clone(),
        text.report_copied().into(),
        text.report_copy_failed().into(),
    );
    let on_download = {
        let (shown, download) = (shown.clone(), shared.download.clone());
        let (name, format) = (text.report_file_name().to_string(), *format);
        Callback::from(move |_| {
            let (extension, mime) = match format {
                Format::Plain => ("txt", "text/plain;charset=utf-8"),
                Format::Markdown => ("md", "text/markdown;charset=utf-8"),
            };
            download.emit(([&*name, ".", extension].concat(), mime, shown.to_string()));
        })
    };
    let radio = |id: &'static str, chosen: Format, label: &str| {
        html! {
            <div class="et-choice">
                <input class="et-radio" type="radio" name="et-report-format" id={id}
                    checked={*format == chosen} onchange={choose(chosen)} />
                <label for={id}>{ label.to_owned() }</label>
            </div>
        }
    };
    html! {
        <section class="et-report" aria-labelledby="et-report-title">
            <h3 id="et-report-title">{ text.report_heading() }</h3>
            <p>{ text.report_intro() }</p>
            <fieldset class="et-fieldset et-report-format">
                <legend class="et-label">{ text.report_format() }</legend>
                <div class="et-choices et-choices--inline">
                    { radio("et-report-plain", Format::Plain, text.report_plain()) }
                    { radio("et-report-markdown", Format::Markdown, text.report_markdown()) }
                </div>
            </fieldset>
            <label class="et-label" for="et-report-text">{ text.report_preview() }</label>
            <textarea class="et-report-text" id="et-report-text" readonly=true rows="14" ref={copy.field} value={shown} />
            <div class="et-actions">
                <button type="button" class="et-button" onclick={copy.on_copy}>{ text.report_copy() }</button>
                <button type="button" class="et-button et-button--secondary" onclick={on_download}>{ text.report_download() }</button>
                <a class="et-button et-button--secondary" href={email_href}>
                    { if to.is_some() { text.report_email() } else { text.report_email_nobody() } }
                </a>
            </div>
            if let Some(hint) = email_hint {
                <p class="et-hint">{ hint }</p>
            }
            <p class="et-copy-status" role="status">{ copy.status }</p>
        </section>
    }
}
