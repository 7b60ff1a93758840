//! The troubleshooter as a Yew component for Yew apps: the element's settings as properties,
//! read by the same rules, and its styles in a shadow root of its own.

use super::{Troubleshooter, TroubleshooterProps};
use crate::embedding;
use crate::hooks::{use_host_events, use_shadow_container};
use crate::model::digits::decimal;
use crate::model::{Setting, Theme};
use std::rc::Rc;
use web_sys::CustomEvent;
use yew::prelude::*;

/// Whether the widget shows its own heading and intro (the `heading` attribute).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Heading {
    /// The widget's heading and intro are shown.
    #[default]
    Show,
    /// Left out, for a page that already says them; the line on time and what is needed stays.
    Hide,
}

/// The properties of [`EmailTroubleshooter`]: one for each attribute of the
/// `<email-troubleshooter>` element, named as the attribute in snake case, with the same
/// default and read by the same rules (see the README's settings table).
///
/// A value the element would refuse is refused here too: the widget lists it, with what was
/// expected, in the same line inside the widget, logs it on the console, and uses the default.
/// A host's own checklist (the `checklist` JSON setting) is not a property: it needs the JSON
/// decoder the embed script loads separately; Yew apps show the built-in checklist.
///
/// Build them with `html!` or `yew::props!`: new properties may be added in a minor release.
#[derive(Properties, PartialEq, Clone, Debug)]
#[non_exhaustive]
pub struct EmailTroubleshooterProps {
    /// `webmail-url`: the webmail portal (`https:`, `http:` or `mailto:`, without a user name
    /// or password). Default: the provider's portal.
    #[prop_or_default]
    pub webmail_url: Option<AttrValue>,
    /// `help-tool-url`: the mail app settings tool.
    #[prop_or_default]
    pub help_tool_url: Option<AttrValue>,
    /// `dns-records-url`: the article on DNS records for mail.
    #[prop_or_default]
    pub dns_records_url: Option<AttrValue>,
    /// `admin-contact`: the administrator, as an email address, a `mailto:` with one address,
    /// or a web link; shown in the summary. Default: none.
    #[prop_or_default]
    pub admin_contact: Option<AttrValue>,
    /// `provider-name`: the mail provider's name in the questions, at most 80 characters.
    #[prop_or_default]
    pub provider_name: Option<AttrValue>,
    /// `storage-key`: names this widget's saved progress (letters, digits, `-`, `_`, `.`).
    /// Default: `default`.
    #[prop_or_default]
    pub storage_key: Option<AttrValue>,
    /// `lang`: a language tag (`en`, `es`, `de`, or a regional one such as `es-MX`). Default:
    /// the page's, then the browser's.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    /// `theme`: light, dark, or following the system ([`Theme::Auto`], the default).
    #[prop_or_default]
    pub theme: Theme,
    /// `domain`: the domain (or an email address) the records check starts with.
    #[prop_or_default]
    pub domain: Option<AttrValue>,
    /// `doh-url`: a DNS-over-HTTPS service with a JSON API.
    #[prop_or_default]
    pub doh_url: Option<AttrValue>,
    /// `rdap-url`: an RDAP service, asked `<rdap_url><domain>`.
    #[prop_or_default]
    pub rdap_url: Option<AttrValue>,
    /// `expected-mx`: the mail servers the domain's MX records should name, comma-separated
    /// (at most 10).
    #[prop_or_default]
    pub expected_mx: Option<AttrValue>,
    /// `check-timeout`: how long each check waits, in seconds (1-60). Default: 8.
    #[prop_or_default]
    pub check_timeout: Option<u32>,
    /// `heading`: whether the widget shows its own heading and intro.
    #[prop_or_default]
    pub heading: Heading,
    /// `spf-include`: the name the domain's SPF record should include (one host name).
    #[prop_or_default]
    pub spf_include: Option<AttrValue>,
    /// `autodiscover-target`: where `autodiscover.<domain>` should point (one host name).
    #[prop_or_default]
    pub autodiscover_target: Option<AttrValue>,
    /// `servers`: the mail app's settings, as
    /// `imap=host:port:security; pop=…; smtp=…; user=address`.
    #[prop_or_default]
    pub servers: Option<AttrValue>,
    /// Draw into an open shadow root of the component's own element, with the widget's
    /// stylesheet adopted there (the default). `false` draws into the element itself, unstyled,
    /// for an app that puts the component in a shadow root of its own and styles it with
    /// [`WIDGET_CSS`](crate::WIDGET_CSS). Read when the component is first drawn.
    ///
    /// With `false`, give each instance a shadow root (or document) of its own: the widget's
    /// ids and radio groups are fixed within it, so two in one tree would answer each other.
    #[prop_or(true)]
    pub shadow_root: bool,
    /// Called with each of the widget's events, the same DOM `CustomEvent`s the element sends
    /// (`troubleshooter-answered`, `-changed`, `-finished`, `-resolved`, `-reset`, with the
    /// same `detail`), as they reach the component's element.
    #[prop_or_default]
    pub on_event: Option<Callback<CustomEvent>>,
}

impl EmailTroubleshooterProps {
    /// The widget these settings describe, read as the element reads its attributes.
    fn widget(&self) -> TroubleshooterProps {
        let timeout = self
            .check_timeout
            .map(|seconds| decimal(u64::from(seconds)));
        let texts = [
            (Setting::WebmailUrl, &self.webmail_url),
            (Setting::HelpToolUrl, &self.help_tool_url),
            (Setting::DnsRecordsUrl, &self.dns_records_url),
            (Setting::AdminContact, &self.admin_contact),
            (Setting::ProviderName, &self.provider_name),
            (Setting::StorageKey, &self.storage_key),
            (Setting::Lang, &self.lang),
            (Setting::Domain, &self.domain),
            (Setting::DohUrl, &self.doh_url),
            (Setting::RdapUrl, &self.rdap_url),
            (Setting::ExpectedMx, &self.expected_mx),
            (Setting::SpfInclude, &self.spf_include),
            (Setting::AutodiscoverTarget, &self.autodiscover_target),
            (Setting::Servers, &self.servers),
        ];
        let given = texts
            .iter()
            .filter_map(|(setting, value)| Some((*setting, value.as_deref()?)))
            .chain(timeout.as_deref().map(|t| (Setting::CheckTimeout, t)));
        embedding::widget_from_values(given, self.theme, self.heading == Heading::Hide)
    }
}

/// The Email Troubleshooter, as a Yew component.
///
/// It draws a `<div>` and, by default, the widget in that element's open shadow root, styled
/// by the widget's stylesheet (one `CssStyleSheet` per page, adopted by every instance; a
/// `<style>` where constructed stylesheets don't exist), so the app's CSS and the widget's
/// don't meet. Changing a property later draws the widget again with the new settings;
/// the visitor's progress carries over (it is saved under `storage_key`), as when the
/// element's attributes change. A new `theme` or `heading` keeps even the visitor's focus and
/// anything half typed.
///
/// The widget's events are DOM `CustomEvent`s dispatched from inside it that bubble and are
/// composed, so they reach the component's `<div>` and go on up to `document`, where any
/// listener hears them; [`on_event`](EmailTroubleshooterProps::on_event) hands them to a
/// Yew callback.
///
/// Needs a browser: it is drawn with Yew's client-side renderer (`csr`).
///
/// Mount it once and hide it rather than mounting and unmounting it many times: Yew keeps the
/// event handlers of a portal's subtree for the life of the page, so each mount leaves its
/// shadow root's handlers behind (a review measured about 256 KB of heap over 100 cycles).
///
/// ```no_run
/// use email_troubleshooter::{EmailTroubleshooter, Heading, Theme};
/// use yew::prelude::*;
///
/// #[component]
/// fn Help() -> Html {
///     html! {
///         <EmailTroubleshooter
///             storage_key="help"
///             theme={Theme::Dark}
///             heading={Heading::Hide}
///             check_timeout={10}
///             on_event={Callback::from(|event: web_sys::CustomEvent| {
///                 web_sys::console::log_1(&event.type_().into());
///             })}
///         />
///     }
/// }
///
/// yew::Renderer::<Help>::new().render();
/// ```
#[component]
pub fn EmailTroubleshooter(props: &EmailTroubleshooterProps) -> Html {
    let host = use_node_ref();
    // Fixed at the first drawing: an element's shadow root can't be taken away again.
    let in_shadow = *use_state(|| props.shadow_root);
    let container = use_shadow_container(host.clone(), in_shadow);
    use_host_events(host.clone(), props.on_event.clone());
    // New content or storage settings draw a new widget, numbered so it starts afresh and
    // reads the saved progress again, as the element does when an attribute changes. The
    // theme and the heading only change how it looks: the same widget is drawn again, so
    // focus, a half-typed field and a check under way stay (an app's dark-mode switch).
    let generation = use_mut_ref(|| 0_u32);
    let content = EmailTroubleshooterProps {
        theme: Theme::default(),
        heading: Heading::default(),
        shadow_root: true,
        on_event: None,
        ..props.clone()
    };
    let widget = use_memo(content, |content| {
        let mut count = generation.borrow_mut();
        *count = count.wrapping_add(1);
        (*count, Rc::new(content.widget()))
    });
    let (key, widget) = (*widget).clone();
    let looks = TroubleshooterProps {
        theme: props.theme,
        hide_heading: props.heading == Heading::Hide,
        ..(*widget).clone()
    };
    let drawn = html! { <Troubleshooter key={key} ..looks /> };
    if !in_shadow {
        return html! { <div class="et-root" ref={host}>{ drawn }</div> };
    }
    html! {
        <div ref={host}>
            if let Some(inside) = container {
                { create_portal(drawn, inside) }
            }
        </div>
    }
}
