//! The widget's colours meet WCAG 2.2 AA in both schemes: 4.5:1 for text, 3:1 for the edges of
//! controls and the focus ring. Read from styles/widget.css itself, so a colour change that
//! breaks contrast fails here.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;

const CSS: &str = include_str!("../styles/widget.css");

/// The `--_name: …#rrggbb…` colours declared in the first rule whose selector is `selector`.
fn palette(selector: &str) -> HashMap<String, (u8, u8, u8)> {
    let start = CSS
        .find(&format!("{selector} {{"))
        .unwrap_or_else(|| panic!("no rule {selector}"));
    let block = &CSS[start..start + CSS[start..].find('}').expect("the rule ends")];
    block
        .lines()
        .filter_map(|line| {
            let (name, value) = line.trim().strip_prefix("--_")?.split_once(':')?;
            let hex = &value[value.find('#')? + 1..];
            let channel = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
            Some((name.to_owned(), (channel(0)?, channel(2)?, channel(4)?)))
        })
        .collect()
}

fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

fn ratio(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (light, dark) = {
        let (x, y) = (luminance(a), luminance(b));
        if x > y {
            (x, y)
        } else {
            (y, x)
        }
    };
    (light + 0.05) / (dark + 0.05)
}

/// Foreground, background and the least ratio they need. The focus ring is a 3px outline in
/// the text colour, so ("text", "background") covers it; its yellow halo only adds contrast.
const PAIRS: [(&str, &str, f64); 17] = [
    ("text", "background", 4.5),
    ("text", "surface", 4.5),
    ("muted", "background", 4.5),
    ("muted", "surface", 4.5),
    ("accent", "background", 4.5),
    ("accent", "surface", 4.5),
    ("accent-text", "accent", 4.5),
    ("done", "done-background", 4.5),
    ("cause", "cause-background", 4.5),
    ("cause", "background", 4.5),
    // A check's problem result: text and its hints on the finding's tint.
    ("text", "cause-background", 4.5),
    ("muted", "cause-background", 4.5),
    // Links inside the findings and the most likely cause's box.
    ("accent", "cause-background", 4.5),
    ("error", "background", 4.5),
    ("background", "error", 4.5),
    ("border", "background", 3.0),
    ("border", "surface", 3.0),
];

#[test]
fn light_and_dark_colours_have_enough_contrast() {
    let light = palette(".et");
    let dark = palette(".et[data-theme=\"dark\"]");
    for (scheme, colours) in [("light", &light), ("dark", &dark)] {
        let colour = |name: &str| light_or(colours, &light, name);
        for (fore, back, least) in PAIRS {
            let measured = ratio(colour(fore), colour(back));
            assert!(
                measured >= least,
                "{scheme}: {fore} on {back} is {measured:.2}:1, needs {least}:1"
            );
        }
    }
}

/// A scheme's colour, or the light one where the dark scheme doesn't change it (the focus halo).
fn light_or(
    colours: &HashMap<String, (u8, u8, u8)>,
    light: &HashMap<String, (u8, u8, u8)>,
    name: &str,
) -> (u8, u8, u8) {
    *colours
        .get(name)
        .or_else(|| light.get(name))
        .unwrap_or_else(|| panic!("no colour --_{name}"))
}

#[test]
fn the_dark_scheme_is_the_same_for_the_attribute_and_the_system_setting() {
    let attribute = palette(".et[data-theme=\"dark\"]");
    let system = palette("  .et:not([data-theme=\"light\"])");
    assert_eq!(
        attribute, system,
        "the two dark blocks must not drift apart"
    );
    assert!(attribute.len() >= 10);
}

#[test]
fn the_ratio_is_the_wcag_one() {
    assert!((ratio((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 0.01);
    assert!((ratio((118, 118, 118), (255, 255, 255)) - 4.54).abs() < 0.01);
}
