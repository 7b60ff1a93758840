//! Reads one element's settings from the host page.
//!
//! Later sources win: a child `<script type="application/json">`, then the `config` attribute,
//! then the other attributes, then the object given to `mount(element, config)`. JSON is parsed
//! by the browser; serde-wasm-bindgen decodes a host's checklist.

#[cfg(feature = "host-checklist")]
use crate::model::checklist::ChecklistFile;
use crate::model::digits::decimal;
use crate::model::servers::{self, ServersFault};
use crate::model::{Config, ConfigProblem, Expected, Setting};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// The name a problem in a `<script type="application/json">` child is reported under.
const SCRIPT_SOURCE: &str = "<script type=\"application/json\">";

pub fn read(host: &Element, given: &JsValue) -> (Config, Vec<ConfigProblem>) {
    let mut reader = Reader::default();
    let children = host.children();
    for index in 0..children.length() {
        let Some(child) = children.item(index) else {
            continue;
        };
        if child.tag_name().eq_ignore_ascii_case("script")
            && child.get_attribute("type").as_deref() == Some("application/json")
        {
            reader.json_text(SCRIPT_SOURCE, &child.text_content().unwrap_or_default());
        }
    }
    if let Some(text) = host.get_attribute("config") {
        reader.json_text("config", &text);
    }
    for setting in Setting::ALL {
        let Some(attribute) = setting.attribute() else {
            continue;
        };
        if let Some(value) = host.get_attribute(attribute) {
            reader.text(setting, attribute, &value);
        }
    }
    if !given.is_undefined() && !given.is_null() {
        reader.object("mount()", given);
    }
    (reader.config, reader.problems)
}

/// Settings given one by one as text (a Yew app's properties), each taken as the element takes
/// the same attribute, and a problem named by that attribute.
pub fn read_values<'a>(
    values: impl IntoIterator<Item = (Setting, &'a str)>,
) -> (Config, Vec<ConfigProblem>) {
    let mut reader = Reader::default();
    for (setting, value) in values {
        reader.text(
            setting,
            setting.attribute().unwrap_or(setting.json_key()),
            value,
        );
    }
    (reader.config, reader.problems)
}

#[derive(Default)]
struct Reader {
    config: Config,
    problems: Vec<ConfigProblem>,
}

impl Reader {
    fn problem(&mut self, field: &str, expected: Expected, detail: Option<String>) {
        self.problems.push(ConfigProblem {
            field: field.to_owned(),
            expected,
            detail,
        });
    }

    fn text(&mut self, setting: Setting, field: &str, value: &str) {
        if let Err(expected) = self.config.set(setting, value) {
            self.problem(field, expected, None);
        }
    }

    fn json_text(&mut self, source: &str, text: &str) {
        match js_sys::JSON::parse(text) {
            Ok(value) => self.object(source, &value),
            Err(_) => self.problem(
                source,
                Expected::JsonObject,
                Some("not valid JSON".to_owned()),
            ),
        }
    }

    fn object(&mut self, source: &str, value: &JsValue) {
        let Some(object) = value
            .dyn_ref::<js_sys::Object>()
            .filter(|_| !js_sys::Array::is_array(value))
        else {
            self.problem(source, Expected::JsonObject, None);
            return;
        };
        for entry in js_sys::Object::entries(object).iter() {
            let entry: js_sys::Array = entry.unchecked_into();
            let key = entry.get(0).as_string().unwrap_or_default();
            let value = entry.get(1);
            match Setting::from_json_key(&key) {
                None => self.problem(&key, Expected::KnownSetting, None),
                Some(Setting::Checklist) => self.checklist(&key, value),
                Some(Setting::Servers) if value.is_object() => self.servers(&key, &value),
                // `"checkTimeout": 8` as well as `"8"`: JSON's own way to write a number.
                Some(setting) => match value.as_string().or_else(|| {
                    (setting == Setting::CheckTimeout)
                        .then(|| number_text(&value))
                        .flatten()
                }) {
                    Some(text) => self.text(setting, &key, &text),
                    None => self.problem(&key, setting.expected(), None),
                },
            }
        }
    }

    /// The mail app's servers as an object: `{ "imap": { "host", "port", "security" } or
    /// "host:port:security", …, "user": "address" }`. Read field by field, never joined into
    /// the compact form, so no value can add a part.
    fn servers(&mut self, key: &str, value: &JsValue) {
        let mut reader = servers::Reader::default();
        let text = |object: &JsValue, name: &str| {
            let field = js_sys::Reflect::get(object, &name.into()).unwrap_or(JsValue::UNDEFINED);
            // A port given as a number as well as in text.
            field.as_string().or_else(|| number_text(&field))
        };
        // `Reflect` returns the errors a Proxy or a throwing getter raises, where
        // `Object.entries`/`keys` would throw them through the wasm.
        let keys = |object: &JsValue| {
            js_sys::Reflect::own_keys(object.unchecked_ref::<js_sys::Object>())
                .map_err(|_| ServersFault::Parts)
        };
        let read = keys(value)
            .and_then(|parts| {
                parts.iter().try_for_each(|name| {
                    let part = name.as_string().ok_or(ServersFault::Parts)?;
                    let server =
                        js_sys::Reflect::get(value, &name).map_err(|_| ServersFault::Parts)?;
                    if let Some(compact) = server.as_string() {
                        return reader.part(&part, &compact);
                    }
                    // Only a real object is looked into, and only these three fields.
                    let known = server.is_object()
                        && keys(&server)?.iter().all(|f| {
                            matches!(f.as_string().as_deref(), Some("host" | "port" | "security"))
                        });
                    match ["host", "port", "security"].map(|name| text(&server, name)) {
                        [Some(host), Some(port), Some(security)] if known => {
                            reader.server(&part, &host, &port, &security)
                        }
                        _ => Err(ServersFault::Parts),
                    }
                })
            })
            .and_then(|()| reader.finish());
        match read {
            Ok(servers) => self.config.servers = Some(servers),
            Err(fault) => self.problem(key, Expected::Servers(fault), None),
        }
    }

    /// A host's own checklist; texts it leaves out come from the built-in checklist.
    #[cfg(feature = "host-checklist")]
    fn checklist(&mut self, key: &str, value: JsValue) {
        let decoded = serde_wasm_bindgen::from_value::<ChecklistFile>(value)
            .map_err(|error| error.to_string())
            .and_then(|file| {
                // Texts the host leaves out come from the built-in checklist in its language.
                let lang = crate::content::language_for([&*file.lang]);
                let defaults = &crate::content::builtin_in(lang).text;
                file.complete(Some(defaults))
            });
        match decoded {
            Err(error) => self.problem(key, Expected::Checklist, Some(error)),
            Ok(checklist) => {
                if let Err(problems) = self.config.set_checklist(checklist) {
                    let detail = problems.first().map(ToString::to_string);
                    self.problem(key, Expected::Checklist, detail);
                }
            }
        }
    }

    /// The embed script loads the bundle that reads checklists whenever settings name one,
    /// so this only happens if a page loads the lean bundle by hand.
    #[cfg(not(feature = "host-checklist"))]
    fn checklist(&mut self, key: &str, _value: JsValue) {
        let detail = "this bundle was built without host-checklist".to_owned();
        self.problem(key, Expected::Checklist, Some(detail));
    }
}

/// A JSON number as the text a setting reads: whole ones only, written without float
/// formatting (which would add 20 KB to the wasm); any other number reads as `-`, which no
/// setting takes, so it is refused with what was expected.
fn number_text(value: &JsValue) -> Option<String> {
    value.as_f64().map(|n| match n as u32 {
        whole if f64::from(whole) == n => decimal(u64::from(whole)),
        _ => String::from("-"),
    })
}
