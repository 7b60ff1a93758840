//! The build's CSS minifier drops only what CSS ignores.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../build/css.rs"]
mod css;

#[test]
fn drops_comments_and_spare_white_space() {
    let source = "/* a comment */\n.et  >  p ,\n.et li {\n  color: red ;\n  margin: 0 auto;\n}\n";
    assert_eq!(css::minify(source), ".et>p,.et li{color:red;margin:0 auto}");
}

#[test]
fn keeps_the_space_that_changes_a_selector() {
    assert_eq!(
        css::minify(".et :focus-visible { outline: 0 }"),
        ".et :focus-visible{outline:0}"
    );
}

#[test]
fn leaves_strings_alone() {
    assert_eq!(
        css::minify(".a::after { content: \" : ; { \\\" \" }"),
        ".a::after{content:\" : ; { \\\" \"}"
    );
}

#[test]
fn the_widget_stylesheet_shrinks_and_keeps_every_rule() {
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/styles/widget.css"))
        .expect("readable");
    let minified = css::minify(&source);
    assert!(
        minified.len() < source.len() * 85 / 100,
        "{} -> {}",
        source.len(),
        minified.len()
    );
    let rules = |css: &str| {
        let mut rest = css;
        let mut count = 0;
        while let Some(start) = rest.find("/*") {
            count += rest[..start].matches('{').count();
            rest = rest[start..]
                .split_once("*/")
                .map_or("", |(_, after)| after);
        }
        count + rest.matches('{').count()
    };
    assert_eq!(
        rules(&source),
        minified.matches('{').count(),
        "every rule is kept"
    );
    assert!(!minified.contains("/*"));
}
