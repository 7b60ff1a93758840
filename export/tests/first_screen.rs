//! The first screen drawn at build time: read back whole, each answer's changes turning one
//! drawing into the other, and the embed script's rules for showing it agreeing with the code.

use email_troubleshooter::browser::storage::KEY_PREFIX;
use email_troubleshooter::content::{SharedChecklist, BUILTINS, LANGUAGES};
use email_troubleshooter::model::link::LINK_MARK;
use email_troubleshooter::model::session::Input;
use email_troubleshooter::model::{Action, Choice, Config, Setting, Timestamp};
use email_troubleshooter_export::first_screen::{
    changes, drawing, first_visit, module, parse, Change, Node,
};

const EMBED: &str = include_str!("../../embed/email-troubleshooter.js");

/// The drawing of a first visit with `config`, in the built-in language `lang`.
fn first_screen(lang: &str, config: &Config) -> Node {
    let builtin = BUILTINS
        .iter()
        .find(|checklist| checklist.lang == lang)
        .expect("a built-in language");
    let checklist = SharedChecklist::new(config.checklist(builtin));
    let session = first_visit(&checklist).expect("a session");
    drawing(&checklist, config, session).expect("drawn")
}

fn answered(lang: &str, choice: Choice) -> Node {
    let config = Config::default();
    let builtin = BUILTINS.iter().find(|c| c.lang == lang).expect("built in");
    let checklist = SharedChecklist::new(config.checklist(builtin));
    let mut session = first_visit(&checklist).expect("a session");
    let action = Action::Choose {
        step: 0,
        option: choice,
    };
    session.apply(&checklist, Input::Act(action), Timestamp(0));
    drawing(&checklist, &config, session).expect("drawn")
}

/// Makes the changes as the embed script does, on a copy.
fn changed(node: &Node, list: &[Change]) -> Node {
    fn at<'a>(node: &'a mut Node, path: &[usize]) -> &'a mut Node {
        path.iter().fold(node, |node, &index| match node {
            Node::Element { children, .. } => &mut children[index],
            Node::Text(_) => panic!("a path through a text"),
        })
    }
    let mut node = node.clone();
    for change in list {
        match change {
            Change::Attributes(path, new) => match at(&mut node, path) {
                Node::Element { attributes, .. } => *attributes = new.clone(),
                Node::Text(_) => panic!("attributes of a text"),
            },
            Change::Splice {
                path,
                start,
                removed,
                nodes,
            } => match at(&mut node, path) {
                Node::Element { children, .. } => {
                    children.splice(start..&(start + removed), nodes.iter().cloned());
                }
                Node::Text(_) => panic!("children of a text"),
            },
        }
    }
    node
}

#[test]
fn each_answer_changes_the_first_screen_into_the_widgets_drawing_of_it_and_back() {
    for lang in LANGUAGES {
        let base = first_screen(lang, &Config::default());
        for choice in [Choice::Yes, Choice::No, Choice::Unsure] {
            let with_answer = answered(lang, choice);
            assert_ne!(base, with_answer, "an answer shows something");
            let (mut there, mut back) = (Vec::new(), Vec::new());
            changes(&base, &with_answer, &mut Vec::new(), &mut there);
            changes(&with_answer, &base, &mut Vec::new(), &mut back);
            assert_eq!(changed(&base, &there), with_answer, "{lang} {choice:?}");
            assert_eq!(changed(&with_answer, &back), base, "{lang} {choice:?} back");
            // The radio buttons stay the same elements (and keep focus): only their attributes
            // change, never the list they are in.
            assert!(
                there.iter().all(|change| match change {
                    Change::Splice { nodes, .. } => !format!("{nodes:?}").contains("et-radio"),
                    Change::Attributes(..) => true,
                }),
                "{lang} {choice:?}: {there:?}"
            );
        }
    }
}

/// HTML written back from a drawing the way Yew's server renderer writes it.
fn html(node: &Node) -> String {
    let escape = |text: &str, quote: bool| {
        let text = text
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        if quote {
            text.replace('"', "&quot;")
        } else {
            text
        }
    };
    match node {
        Node::Text(text) => escape(text, false),
        Node::Element {
            tag,
            attributes,
            children,
        } => {
            let mut out = format!("<{tag}");
            for (name, value) in attributes {
                if name == "checked" {
                    out.push_str(" checked");
                } else {
                    out.push_str(&format!(" {name}=\"{}\"", escape(value, true)));
                }
            }
            out.push('>');
            if tag != "input" {
                children.iter().for_each(|child| out.push_str(&html(child)));
                out.push_str(&format!("</{tag}>"));
            }
            out
        }
    }
}

#[test]
fn the_drawing_holds_every_tag_attribute_and_text_the_renderer_wrote() {
    let node = first_screen("de", &Config::default());
    let again = parse(&html(&node)).expect("read back");
    assert_eq!(again, vec![node.clone()]);
    let text = format!("{node:?}");
    assert!(
        text.contains("Können Sie sich bei Webmail anmelden"),
        "{text}"
    );
}

#[test]
fn html_the_reader_does_not_expect_stops_the_build() {
    assert!(parse("<p>an &nbsp; entity</p>").is_err());
    assert!(parse("<div><p>never closed</div>").is_err());
    assert!(parse("<p onclick='x'>single quotes</p>").is_err());
    assert_eq!(
        parse("<p title=\"a &quot;b&quot; &amp; c\">1 &lt; 2</p>"),
        Ok(vec![Node::Element {
            tag: "p".into(),
            attributes: vec![("title".into(), "a \"b\" & c".into())],
            children: vec![Node::Text("1 < 2".into())],
        }])
    );
}

/// A list in the embed script, between `start` and the next `end`.
fn embed_list<'a>(start: &str, end: &str) -> &'a str {
    let from = EMBED.find(start).expect(start) + start.len();
    let rest = &EMBED[from..];
    &rest[..rest.find(end).expect("its end")]
}

#[test]
fn the_embed_script_knows_the_languages_the_saved_key_and_the_link_as_the_code_does() {
    let languages: Vec<&str> = embed_list("const LANGUAGES = [", "]")
        .split(',')
        .map(|lang| lang.trim().trim_matches('"'))
        .collect();
    assert_eq!(languages, LANGUAGES);
    assert_eq!(embed_list("const STORE = \"", "\""), KEY_PREFIX);
    assert_eq!(embed_list("const LINK_MARK = /", "/"), LINK_MARK);
    for lang in LANGUAGES {
        let written =
            module(BUILTINS.iter().find(|c| c.lang == lang).expect("built in")).expect("a module");
        assert!(written.starts_with(&format!("export default{{lang:\"{lang}\"")));
    }
}

/// The top element's attributes without `data-theme`, which the embed script sets itself.
fn without_theme(node: Node) -> Node {
    match node {
        Node::Element {
            tag,
            mut attributes,
            children,
        } => {
            attributes.retain(|(name, _)| name != "data-theme");
            Node::Element {
                tag,
                attributes,
                children,
            }
        }
        text => text,
    }
}

#[test]
fn the_settings_the_first_screen_is_shown_with_leave_it_as_drawn() {
    let listed: Vec<&str> = embed_list("const FIRST_SCREEN_SETTINGS = {", " };")
        .split(", ")
        .filter_map(|entry| entry.split(':').next())
        .map(|name| name.trim().trim_matches('"'))
        .collect();
    assert!(listed.contains(&"storage-key"), "{listed:?}");
    let plain = first_screen("en", &Config::default());
    let sample = |attribute: &str| match attribute {
        "storage-key" => "help-article",
        "lang" => "en-GB",
        "theme" => "dark",
        "provider-name" => "Example Mail",
        _ => "https://mail.example.com/",
    };
    let drawn_with = |attribute: &str| {
        let setting = Setting::ALL
            .into_iter()
            .find(|s| s.attribute() == Some(attribute))
            .expect("a setting");
        let mut config = Config::default();
        config
            .set(setting, sample(attribute))
            .expect("a value it takes");
        without_theme(first_screen("en", &config))
    };
    for attribute in listed {
        assert_eq!(drawn_with(attribute), plain, "{attribute}");
    }
    // The comparison can tell: settings the embed script doesn't list change the screen.
    assert_ne!(drawn_with("provider-name"), plain);
    assert_ne!(drawn_with("webmail-url"), plain);
}
