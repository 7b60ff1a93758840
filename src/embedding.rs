//! What the embed bundle's exports do: `prepare` and `mount` a widget in an element, and the
//! handle that resets or unmounts it.
//!
//! For the embed bundle (embed-bundle/, which wraps these in `#[wasm_bindgen]` exports) and not
//! covered by semver. It lives in the library, not in that crate, because code compiled in
//! a second crate brings its own copies of the generic code it uses (Yew's, drop glue), which
//! made the bundle's wasm 5 KB larger.

use crate::browser::{host_settings, languages, translations};
use crate::components::{Commands, Replay, Troubleshooter, TroubleshooterProps};
use crate::content::{self, SharedChecklist};
use crate::model::config::describe;
use crate::model::{Action, Checklist, Choice, Config, ConfigProblem, Setting, Theme};
use std::borrow::Cow;
use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Element, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::prelude::*;
use yew::AppHandle;

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
    /// Every mounted widget's container, with the words to show there if the wasm fails.
    static MOUNTED: RefCell<Vec<(u32, Element, String)>> = const { RefCell::new(Vec::new()) };
    /// Yew roots no widget is using now. Yew never frees a root's event handlers (they are
    /// meant to live as long as the page), so a root is kept and used again rather than
    /// destroyed: mounting and destroying any number of times then costs no memory.
    static IDLE_ROOTS: RefCell<Vec<YewRoot>> = const { RefCell::new(Vec::new()) };
}

/// A yew app and the element it renders into, which moves to whichever shadow root needs it.
struct YewRoot {
    container: Element,
    app: AppHandle<Root>,
}

#[derive(Properties, PartialEq)]
struct RootProps {
    /// The widget to show, numbered so each mount starts afresh; nothing while the root is idle.
    widget: Option<(u32, Rc<TroubleshooterProps>)>,
}

#[function_component]
fn Root(props: &RootProps) -> Html {
    match &props.widget {
        Some((id, widget)) => html! { <Troubleshooter key={*id} ..(**widget).clone() /> },
        None => html! {},
    }
}

/// A mounted widget.
pub struct Widget {
    id: u32,
    yew: Option<YewRoot>,
    root: ShadowRoot,
    commands: Commands,
}

impl Widget {
    /// Clears every answer, as "Start again" does, without asking.
    pub fn reset(&self) {
        self.commands.send(Action::StartAgain);
    }

    /// Unmounts the widget, removes its listeners, and shows the element's own content again.
    pub fn destroy(&mut self) {
        let Some(mut yew) = self.yew.take() else {
            return;
        };
        // A widget whose destroy() waited for its first render may find that a newer widget
        // has drawn in this root since (and taken this one's container out): the root is
        // that widget's now, so it is left alone.
        let still_here = yew
            .container
            .parent_node()
            .is_some_and(|parent| parent == **self.root);
        yew.app.update(RootProps { widget: None });
        yew.container.remove();
        IDLE_ROOTS.with(|idle| idle.borrow_mut().push(yew));
        let id = self.id;
        MOUNTED.with(|mounted| {
            mounted
                .borrow_mut()
                .retain(|(mounted_id, _, _)| *mounted_id != id)
        });
        if !still_here {
            return;
        }
        self.root.set_adopted_style_sheets(&js_sys::Array::new());
        // A slot puts back whatever the host had inside the element (the fallback content).
        if let Some(slot) = self
            .root
            .owner_document()
            .and_then(|d| d.create_element("slot").ok())
        {
            let _ = self.root.append_child(&slot);
        }
    }
}

/// A widget about to be mounted: the host's settings read once, and its language chosen, so
/// the embed script can fetch that language's texts before [`Mounting::mount`].
pub struct Mounting {
    host: Element,
    config: Config,
    problems: Vec<ConfigProblem>,
    lang: &'static str,
}

/// Reads `host`'s settings (with `settings` from `mount()`, if any) for a widget to mount.
pub fn prepare(host: Element, settings: JsValue) -> Mounting {
    let (config, problems) = host_settings::read(&host, &settings);
    let lang = language(&config);
    Mounting {
        host,
        config,
        problems,
        lang,
    }
}

impl Mounting {
    /// The built-in language whose `locale-<lang>.js` must be fetched first: `undefined` for
    /// English, and in the bundle that has every language compiled in.
    pub fn translation_needed(&self) -> Option<String> {
        (self.lang != "en" && !cfg!(feature = "host-checklist")).then(|| self.lang.to_owned())
    }

    /// Renders the troubleshooter into the element's open shadow root: the embed bundle's
    /// `Mounting::mount`, which says what each argument is.
    pub fn mount(
        self,
        translation: JsValue,
        styles: JsValue,
        answer: Option<String>,
        continued: bool,
        focus_here: bool,
    ) -> Result<Widget, JsValue> {
        show_failures_on_panic();
        let Mounting {
            host,
            config,
            problems,
            lang,
        } = self;
        let root = own_shadow_root(&host)?;
        let (builtin, translation_missing) = builtin(lang, &translation);
        let checklist = SharedChecklist::new(config.checklist(&builtin));
        warn_about(&checklist, &problems);
        // Emptied with DOM calls: a page that requires Trusted Types refuses any HTML string.
        root.set_text_content(None);
        apply_styles(&root, &styles)?;
        // The first screen's answer and Continue, done again in the widget as they were there.
        let actions = answer
            .as_deref()
            .and_then(Choice::from_id)
            .map(|option| Action::Choose { step: 0, option })
            .into_iter()
            .chain(continued.then_some(Action::Continue))
            .collect();
        let id = NEXT_ID.with(|next| next.replace(next.get().wrapping_add(1)));
        let commands = Commands::default();
        let replay = Rc::new(Replay {
            actions,
            focus_here,
        });
        let props = TroubleshooterProps::for_config(
            &config,
            checklist,
            problems,
            commands.clone(),
            translation_missing,
            replay,
        );
        let failed = props.checklist.text.failed().to_string();
        let widget = Some((id, Rc::new(props)));
        let mut yew = match IDLE_ROOTS.with(|idle| idle.borrow_mut().pop()) {
            Some(yew) => yew,
            None => {
                let document = host
                    .owner_document()
                    .ok_or_else(|| JsValue::from_str("the element is not in a document"))?;
                let container = document.create_element("div")?;
                container.set_class_name("et-root");
                let app = yew::Renderer::<Root>::with_root_and_props(
                    container.clone(),
                    RootProps { widget: None },
                )
                .render();
                YewRoot { container, app }
            }
        };
        root.append_child(&yew.container)?;
        yew.container.set_class_name("et-root");
        yew.app.update(RootProps { widget });
        MOUNTED.with(|mounted| {
            mounted
                .borrow_mut()
                .push((id, yew.container.clone(), failed))
        });
        Ok(Widget {
            id,
            yew: Some(yew),
            root,
            commands,
        })
    }
}

/// The widget for a Yew app's properties: text settings read as the element reads the same
/// attributes (each problem named by its attribute), theme and heading as given, and every
/// language compiled in (a Yew app has no embed script to fetch one).
pub fn widget_from_values<'a>(
    values: impl IntoIterator<Item = (Setting, &'a str)>,
    theme: Theme,
    hide_heading: bool,
) -> TroubleshooterProps {
    let (mut config, problems) = host_settings::read_values(values);
    config.theme = theme;
    config.hide_heading = hide_heading;
    let lang = language(&config);
    let checklist = SharedChecklist::new(config.checklist(content::builtin_in(lang)));
    warn_about(&checklist, &problems);
    TroubleshooterProps::for_config(
        &config,
        checklist,
        problems,
        Commands::default(),
        false,
        Rc::default(),
    )
}

/// Each setting that can't be used, on the console, as the widget lists it.
pub fn warn_about(checklist: &Checklist, problems: &[ConfigProblem]) {
    for problem in problems {
        web_sys::console::warn_1(
            &format!(
                "email-troubleshooter: {}",
                describe(&checklist.text, problem)
            )
            .into(),
        );
    }
}

/// The element's `lang`, then the page's, then the browser's; English if none is built in.
pub fn language(config: &Config) -> &'static str {
    let page = languages::wanted();
    let wanted = config.lang.iter().chain(page.iter());
    content::language_for(wanted.map(String::as_str))
}

/// The built-in checklist in `lang`, and whether it had to fall back to English because the
/// texts for `lang` were missing or didn't fit.
fn builtin(lang: &str, translation: &JsValue) -> (Cow<'static, Checklist>, bool) {
    if cfg!(feature = "host-checklist") {
        return (Cow::Borrowed(content::builtin_in(lang)), false);
    }
    if lang == "en" {
        return (Cow::Borrowed(&content::BUILTIN_EN), false);
    }
    let translated = translations::texts(translation)
        .and_then(|texts| content::BUILTIN_EN.translated(texts))
        .filter(|checklist| checklist.lang == lang);
    match translated {
        Some(checklist) => (Cow::Owned(checklist), false),
        None => (Cow::Borrowed(&content::BUILTIN_EN), true),
    }
}

/// The element's shadow root for the widget: one the troubleshooter made (this wasm, or any
/// copy of the embed script: they share the mark), or a new one. Someone else's open shadow
/// root is refused, so that its content is never wiped.
fn own_shadow_root(host: &Element) -> Result<ShadowRoot, JsValue> {
    let mark = JsValue::from(js_sys::Symbol::for_("email-troubleshooter"));
    match host.shadow_root() {
        None => {
            let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
            js_sys::Reflect::set(&root, &mark, &JsValue::TRUE)?;
            Ok(root)
        }
        Some(root) if js_sys::Reflect::get(&root, &mark).is_ok_and(|m| m.is_truthy()) => Ok(root),
        Some(_) => Err(JsValue::from_str(
            "the element already has another shadow root",
        )),
    }
}

/// The widget's styles for [`apply_styles`]: one `CssStyleSheet` per page, however many widgets
/// there are, or the CSS text where the browser can't construct one.
pub fn shared_styles() -> JsValue {
    thread_local!(static SHEET: OnceCell<JsValue> = const { OnceCell::new() });
    SHEET.with(|sheet| {
        sheet
            .get_or_init(|| {
                let css = crate::WIDGET_CSS;
                CssStyleSheet::new()
                    .and_then(|sheet| sheet.replace_sync(css).map(|()| sheet.into()))
                    .unwrap_or_else(|_| JsValue::from_str(css))
            })
            .clone()
    })
}

/// [`prepare`] and [`Mounting::mount`] at once, for Rust callers, with the widget's own styles.
pub fn mount(host: Element, settings: JsValue, translation: JsValue) -> Result<Widget, JsValue> {
    prepare(host, settings).mount(translation, shared_styles(), None, false, true)
}

/// If the widget's code panics, every widget on the page says so in a sentence instead of
/// freezing half-drawn; the host page itself carries on.
fn show_failures_on_panic() {
    thread_local!(static INSTALLED: Cell<bool> = const { Cell::new(false) });
    if INSTALLED.with(|installed| installed.replace(true)) {
        return;
    }
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("email-troubleshooter: {info}").into());
        MOUNTED.with(|mounted| {
            let Ok(mounted) = mounted.try_borrow() else {
                return;
            };
            for (_, container, message) in mounted.iter() {
                container.set_class_name("et-root et-failed");
                container.set_text_content(Some(message));
            }
        });
    }));
}

/// The widget's stylesheet in its shadow root. A constructed stylesheet, which the embed
/// script makes once and every instance shares, is allowed under a strict `style-src`, unlike a
/// `<style>` element; browsers that can't construct one are given the text, in a `<style>`.
pub fn apply_styles(root: &ShadowRoot, styles: &JsValue) -> Result<(), JsValue> {
    if let Some(sheet) = styles.dyn_ref::<CssStyleSheet>() {
        root.set_adopted_style_sheets(&js_sys::Array::of1(sheet));
        return Ok(());
    }
    let css = styles
        .as_string()
        .ok_or_else(|| JsValue::from_str("no styles"))?;
    let document = root
        .owner_document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let style = document.create_element("style")?;
    style.set_text_content(Some(&css));
    root.append_child(&style)?;
    Ok(())
}
