//! The defaults the npm package's Custom Elements Manifest (package/custom-elements.json) gives
//! editors for each attribute are the ones the widget really uses: read from the model's
//! defaults and the built-in content, not from another document.
#![cfg(not(target_arch = "wasm32"))]

use email_troubleshooter::content::BUILTIN_EN;
use email_troubleshooter::model::config::CheckSettings;
use email_troubleshooter::model::{Config, Setting, Theme};
use std::collections::BTreeMap;

/// Each attribute the manifest declares, with its `default` if it gives one.
fn manifest_defaults() -> BTreeMap<String, Option<String>> {
    let manifest: serde_json::Value =
        serde_json::from_str(include_str!("../package/custom-elements.json")).expect("JSON");
    let declarations = manifest["modules"][0]["declarations"]
        .as_array()
        .expect("declarations");
    let element = declarations
        .iter()
        .find(|declaration| declaration["customElement"] == true)
        .expect("the custom element");
    element["attributes"]
        .as_array()
        .expect("attributes")
        .iter()
        .map(|attribute| {
            let name = attribute["name"].as_str().expect("a name").to_owned();
            (name, attribute["default"].as_str().map(str::to_owned))
        })
        .collect()
}

#[test]
fn each_default_in_the_manifest_is_the_widgets_own() {
    let checks = CheckSettings::default();
    let link = |id: &str| {
        BUILTIN_EN
            .link_by_id(id)
            .map(|link| link.url.to_string())
            .expect("a built-in link")
    };
    let theme = match Config::default().theme {
        Theme::Auto => "auto",
        Theme::Light => "light",
        Theme::Dark => "dark",
        _ => "another",
    };
    let heading = if Config::default().hide_heading {
        "hide"
    } else {
        "show"
    };
    let widgets = [
        ("webmail-url", link("webmail")),
        ("help-tool-url", link("email_help_tool")),
        ("provider-name", BUILTIN_EN.provider.to_string()),
        ("doh-url", checks.doh_url.clone()),
        ("rdap-url", checks.rdap_url.clone()),
        ("expected-mx", checks.expected_mx.join(", ")),
        ("spf-include", checks.spf_include.clone()),
        ("autodiscover-target", checks.autodiscover_target.clone()),
        ("check-timeout", checks.timeout_seconds.to_string()),
        ("theme", theme.to_owned()),
        ("heading", heading.to_owned()),
    ];
    let manifest = manifest_defaults();
    for (attribute, default) in widgets {
        assert_eq!(
            manifest.get(attribute).cloned().flatten().as_deref(),
            Some(default.as_str()),
            "{attribute}'s default in custom-elements.json"
        );
    }
    // Every attribute the manifest names is one the element reads (or `config`, its JSON).
    for attribute in manifest.keys() {
        assert!(
            attribute == "config"
                || Setting::ALL
                    .iter()
                    .any(|setting| setting.attribute() == Some(attribute.as_str())),
            "{attribute} is an attribute the element reads"
        );
    }
}
