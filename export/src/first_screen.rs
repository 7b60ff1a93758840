//! The first screen, drawn at build time: `first-screen-<lang>.js`, which the embed script
//! shows at once to a visitor with nothing saved, while the wasm loads.
//!
//! It is drawn by the widget's own view ([`TroubleshooterView`]) with Yew's server renderer,
//! from the session a first visit starts with, and again with each answer to question 1
//! chosen. The module holds the first drawing as a tree of elements (the embed script builds
//! it with DOM calls: a page that enforces Trusted Types refuses HTML strings) and, for each
//! answer, the changes that turn one drawing into the other, so that choosing an answer shows
//! the same guidance the widget would, before the widget is there.

use crate::js_string;
use email_troubleshooter::components::{TroubleshooterView, ViewProps};
use email_troubleshooter::content::SharedChecklist;
use email_troubleshooter::model::session::{Input, Session};
use email_troubleshooter::model::{Action, Checklist, Choice, Config, Date, Timestamp};
use std::fmt::Write;
use yew::LocalServerRenderer;

/// A node of the drawing: an element or a text.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Text(String),
    Element {
        tag: String,
        attributes: Vec<(String, String)>,
        children: Vec<Node>,
    },
}

/// A change to the drawing, at a path of child indices from the top element.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// The element's attributes become these (any others are removed).
    Attributes(Vec<usize>, Vec<(String, String)>),
    /// Of the element's children, `removed` from `start` on are replaced by these. The element
    /// stays, so a live region is still the same region and reads out what comes into it, and
    /// the children around stay too, with focus if they have it.
    Splice {
        path: Vec<usize>,
        start: usize,
        removed: usize,
        nodes: Vec<Node>,
    },
}

/// The day a drawing is made for: nothing on the first screen shows a date.
const A_DAY: (u16, u8, u8) = (2026, 1, 1);

/// The first screen's module for one of the built-in checklists.
pub fn module(builtin: &'static Checklist) -> Result<String, String> {
    let base = drawn_alone(builtin, None)?;
    let mut answers = String::new();
    for option in builtin.steps.first().ok_or("no questions")?.options.iter() {
        let choice = Choice::from_id(&option.id).ok_or_else(|| {
            format!(
                "question 1's answer {} is not yes, no or not sure",
                option.id
            )
        })?;
        let answered = drawn_alone(builtin, Some(choice))?;
        let (mut there, mut back) = (Vec::new(), Vec::new());
        changes(&base, &answered, &mut Vec::new(), &mut there);
        changes(&answered, &base, &mut Vec::new(), &mut back);
        let _ = write!(
            answers,
            "{}:[{},{}],",
            js_string(&option.id),
            changes_js(&there),
            changes_js(&back)
        );
    }
    let checklist = Config::default().checklist(builtin);
    let text = &checklist.text;
    Ok(format!(
        "export default{{lang:{},screen:{},answers:{{{}}},texts:[{},{},{}]}};\n",
        js_string(&checklist.lang),
        node_js(&base),
        answers.trim_end_matches(','),
        js_string(text.first_screen_loading()),
        js_string(text.first_screen_failed()),
        js_string(text.first_screen_article()),
    ))
}

/// A first visit's drawing, with question 1 answered or not, made on a thread of its own: the
/// ids some views number per page then start where they do in a page's first widget.
fn drawn_alone(builtin: &'static Checklist, answer: Option<Choice>) -> Result<Node, String> {
    let drawn = std::thread::spawn(move || {
        let config = Config::default();
        let checklist = SharedChecklist::new(config.checklist(builtin));
        let mut session = first_visit(&checklist)?;
        if let Some(option) = answer {
            let action = Action::Choose { step: 0, option };
            session.apply(&checklist, Input::Act(action), Timestamp(0));
        }
        drawing(&checklist, &config, session)
    });
    drawn.join().map_err(|_| "drawing it failed".to_owned())?
}

/// The session a first visit starts with: nothing saved, saving works, no link.
pub fn first_visit(checklist: &Checklist) -> Result<Session, String> {
    let (year, month, day) = A_DAY;
    let today = Date::new(year, month, day).ok_or("not a date")?;
    Ok(Session::start(
        checklist,
        today,
        Some(Ok(None)),
        true,
        None,
        false,
    ))
}

/// The view drawn for a session with `config`, as a tree: one top element.
pub fn drawing(
    checklist: &SharedChecklist,
    config: &Config,
    session: Session,
) -> Result<Node, String> {
    let props = ViewProps::still(checklist.clone(), config, session);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|error| error.to_string())?;
    let renderer = LocalServerRenderer::<TroubleshooterView>::with_props(props).hydratable(false);
    let html = runtime.block_on(tokio::task::LocalSet::new().run_until(renderer.render()));
    let mut nodes = parse(&html)?;
    match (nodes.pop(), nodes.is_empty()) {
        (Some(mut top @ Node::Element { .. }), true) => {
            unchecked(&mut top);
            Ok(top)
        }
        _ => Err("the view did not draw one element".to_owned()),
    }
}

/// Without `checked` attributes: in the browser the widget checks a radio button by its
/// property, as the visitor's own click does on the first screen, so neither has the attribute.
fn unchecked(node: &mut Node) {
    if let Node::Element {
        attributes,
        children,
        ..
    } = node
    {
        attributes.retain(|(name, _)| name != "checked");
        children.iter_mut().for_each(unchecked);
    }
}

/// An element whose closing tag is still to come: its tag, attributes and children so far.
type Open = (String, Vec<(String, String)>, Vec<Node>);

/// Elements that have no closing tag.
const VOID: [&str; 6] = ["input", "br", "hr", "img", "meta", "wbr"];

/// Reads HTML as Yew's server renderer writes it (every element closed, attribute values in
/// double quotes, `&`, `<`, `>`, `"` and `'` escaped), and nothing else: anything it doesn't
/// expect is an error, so the build stops rather than ship a screen drawn wrong.
pub fn parse(html: &str) -> Result<Vec<Node>, String> {
    // The elements still open, outermost first, under a nameless one that holds the result.
    let mut stack: Vec<Open> = vec![(String::new(), Vec::new(), Vec::new())];
    let mut rest = html;
    while !rest.is_empty() {
        let top = stack.last_mut().ok_or("unbalanced")?;
        if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>').ok_or("a closing tag never ends")?;
            let (tag, attributes, children) = stack.pop().ok_or("unbalanced")?;
            if tag != after[..end] || stack.is_empty() {
                return Err(format!("</{}> closes <{tag}>", &after[..end]));
            }
            let element = Node::Element {
                tag,
                attributes,
                children,
            };
            stack.last_mut().ok_or("unbalanced")?.2.push(element);
            rest = &after[end + 1..];
        } else if let Some(after) = rest.strip_prefix('<') {
            let (tag, attributes, after) = open_tag(after)?;
            if VOID.contains(&tag.as_str()) {
                top.2.push(Node::Element {
                    tag,
                    attributes,
                    children: Vec::new(),
                });
            } else {
                stack.push((tag, attributes, Vec::new()));
            }
            rest = after;
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            top.2.push(Node::Text(unescape(&rest[..end])?));
            rest = &rest[end..];
        }
    }
    match (stack.pop(), stack.is_empty()) {
        (Some((_, _, nodes)), true) => Ok(nodes),
        _ => Err("an element is never closed".to_owned()),
    }
}

type OpenTag<'a> = (String, Vec<(String, String)>, &'a str);

/// An opening tag's name and attributes, and what follows it.
fn open_tag(text: &str) -> Result<OpenTag<'_>, String> {
    let name_end = text.find([' ', '>']).ok_or("a tag never ends")?;
    let tag = &text[..name_end];
    if tag.is_empty() || !tag.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(format!("unexpected tag <{tag}"));
    }
    let mut rest = &text[name_end..];
    let mut attributes = Vec::new();
    loop {
        rest = rest.trim_start_matches(' ');
        if let Some(after) = rest.strip_prefix('>') {
            return Ok((tag.to_owned(), attributes, after));
        }
        let end = rest
            .find(['=', ' ', '>'])
            .ok_or("an attribute never ends")?;
        let name = &rest[..end];
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return Err(format!("unexpected attribute name in <{tag}>"));
        }
        rest = &rest[end..];
        let value = match rest.strip_prefix("=\"") {
            Some(after) => {
                let close = after.find('"').ok_or("an attribute value never ends")?;
                rest = &after[close + 1..];
                unescape(&after[..close])?
            }
            // A boolean attribute such as `checked`.
            None => String::new(),
        };
        attributes.push((name.to_owned(), value));
    }
}

/// Text with the entities Yew writes turned back into characters.
fn unescape(text: &str) -> Result<String, String> {
    let mut plain = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        plain.push_str(&rest[..at]);
        let entity = &rest[at..];
        let (character, length) = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&#x27;", '\''),
        ]
        .iter()
        .find(|(name, _)| entity.starts_with(name))
        .map(|(name, character)| (*character, name.len()))
        .ok_or_else(|| format!("unexpected entity in {text:?}"))?;
        plain.push(character);
        rest = &entity[length..];
    }
    plain.push_str(rest);
    Ok(plain)
}

/// Whether two nodes can be changed one into the other in place: the same text, or elements
/// with the same tag.
fn same_kind(a: &Node, b: &Node) -> bool {
    match (a, b) {
        (Node::Text(a), Node::Text(b)) => a == b,
        (Node::Element { tag: a, .. }, Node::Element { tag: b, .. }) => a == b,
        _ => false,
    }
}

/// The changes that turn `from` into `to`: attributes where only they differ, and where the
/// children differ, those between the ones that are alike at the start and at the end. Listed
/// deepest first, so that each path is still right when its change is made.
pub fn changes(from: &Node, to: &Node, path: &mut Vec<usize>, found: &mut Vec<Change>) {
    let (
        Node::Element {
            attributes: from_attributes,
            children: from_children,
            ..
        },
        Node::Element {
            attributes: to_attributes,
            children: to_children,
            ..
        },
    ) = (from, to)
    else {
        return;
    };
    let alike = |(a, b): (&Node, &Node)| same_kind(a, b);
    let start = from_children
        .iter()
        .zip(to_children)
        .take_while(|&pair| alike(pair))
        .count();
    let most = from_children.len().min(to_children.len()) - start;
    let end = from_children
        .iter()
        .rev()
        .zip(to_children.iter().rev())
        .take(most)
        .take_while(|&pair| alike(pair))
        .count();
    let after_from = from_children.len() - end;
    let after_to = to_children.len() - end;
    let pairs = (0..start)
        .map(|i| (i, i))
        .chain((0..end).map(|i| (after_from + i, after_to + i)));
    for (from_index, to_index) in pairs {
        path.push(from_index);
        changes(
            &from_children[from_index],
            &to_children[to_index],
            path,
            found,
        );
        path.pop();
    }
    if start < after_from || start < after_to {
        found.push(Change::Splice {
            path: path.clone(),
            start,
            removed: after_from - start,
            nodes: to_children[start..after_to].to_vec(),
        });
    }
    if from_attributes != to_attributes {
        found.push(Change::Attributes(path.clone(), to_attributes.clone()));
    }
}

/// A node as the embed script reads it: a string for a text, `[tag, [name, value, …],
/// …children]` for an element.
pub fn node_js(node: &Node) -> String {
    match node {
        Node::Text(text) => js_string(text),
        Node::Element {
            tag,
            attributes,
            children,
        } => {
            let mut js = format!("[{},{}", js_string(tag), attributes_js(attributes));
            for child in children {
                js.push(',');
                js.push_str(&node_js(child));
            }
            js.push(']');
            js
        }
    }
}

fn attributes_js(attributes: &[(String, String)]) -> String {
    let list: Vec<String> = attributes
        .iter()
        .flat_map(|(name, value)| [js_string(name), js_string(value)])
        .collect();
    format!("[{}]", list.join(","))
}

/// Changes as the embed script reads them: `[path, attributes]`, or `[path, start, removed,
/// …nodes]` for a splice.
fn changes_js(changes: &[Change]) -> String {
    let path_js = |path: &[usize]| {
        let indices: Vec<String> = path.iter().map(usize::to_string).collect();
        format!("[{}]", indices.join(","))
    };
    let list: Vec<String> = changes
        .iter()
        .map(|change| match change {
            Change::Attributes(path, attributes) => {
                format!("[{},{}]", path_js(path), attributes_js(attributes))
            }
            Change::Splice {
                path,
                start,
                removed,
                nodes,
            } => {
                let mut js = format!("[{},{start},{removed}", path_js(path));
                for child in nodes {
                    js.push(',');
                    js.push_str(&node_js(child));
                }
                js.push(']');
                js
            }
        })
        .collect();
    format!("[{}]", list.join(","))
}
