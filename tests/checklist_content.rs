//! The built-in content: it parses, it keeps every fact of the article, and every answer has guidance.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::checklist;
use email_troubleshooter::model::checklist::is_safe_url;
use email_troubleshooter::model::checklist::ChecklistFile;
use email_troubleshooter::model::{Checklist, StepKind};

#[test]
fn the_builtin_content_parses_and_breaks_no_rule() {
    let content = checklist();
    assert_eq!(content.problems(), vec![]);
}

#[test]
fn the_compiled_in_content_is_exactly_the_content_file() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/content/en.toml"))
        .expect("readable");
    let parsed = toml::from_str::<ChecklistFile>(&text)
        .expect("content/en.toml parses")
        .complete(None)
        .expect("every text is given")
        .checked()
        .expect("content/en.toml breaks no rule");
    assert_eq!(parsed, email_troubleshooter::content::builtin());
}

#[test]
fn it_asks_the_articles_seven_questions_in_order() {
    let content = checklist();
    let ids: Vec<&str> = content.steps.iter().map(|s| &*s.id).collect();
    assert_eq!(
        ids,
        ["webmail", "when", "migrated", "upgraded", "domain", "computer", "network"]
    );
}

#[test]
fn every_step_has_guidance_for_every_answer() {
    let content = checklist();
    for step in content.steps.iter() {
        assert!(
            !step.question.trim().is_empty() && !step.why.trim().is_empty(),
            "{}",
            step.id
        );
        let ids: Vec<&str> = step.options.iter().map(|o| &*o.id).collect();
        if step.kind == StepKind::Choice {
            assert!(
                ids.contains(&"yes") && ids.contains(&"no"),
                "{} offers yes and no",
                step.id
            );
        }
        for option in step.options.iter() {
            assert!(
                !option.means.trim().is_empty(),
                "{}/{} says what it means",
                step.id,
                option.id
            );
            assert!(
                !option.next.trim().is_empty(),
                "{}/{} says what to do next",
                step.id,
                option.id
            );
            assert!(!content.option_label(option).is_empty());
        }
    }
}

#[test]
fn the_when_step_offers_the_changes_the_article_names() {
    let content = checklist();
    let when = &content.steps[1];
    assert_eq!(when.kind, StepKind::When);
    let ids: Vec<&str> = when.options.iter().map(|o| &*o.id).collect();
    assert_eq!(ids, ["password", "network", "new_setup", "nothing"]);
    let exclusive: Vec<&str> = when
        .options
        .iter()
        .filter(|o| o.exclusive)
        .map(|o| &*o.id)
        .collect();
    assert_eq!(exclusive, ["nothing"]);
}

#[test]
fn it_keeps_the_prerequisites_of_the_article() {
    let p = checklist().prerequisites;
    assert_eq!(p.difficulty, "Challenging");
    assert!(p.time_needed.contains("hour"), "{}", p.time_needed);
    assert!(
        p.applies_to.to_lowercase().contains("user"),
        "{}",
        p.applies_to
    );
    let tools = p.tools.join(" | ").to_lowercase();
    for needed in [
        "device",
        "webmail",
        "second computer",
        "second internet connection",
    ] {
        assert!(tools.contains(needed), "tools mention {needed}: {tools}");
    }
}

#[test]
fn it_keeps_the_articles_references() {
    let content = checklist();
    let url = |id: &str| {
        content
            .link_by_id(id)
            .map(|l| l.url.to_string())
            .unwrap_or_default()
    };
    assert_eq!(url("webmail"), "https://apps.rackspace.com");
    assert_eq!(url("email_help_tool"), "https://emailhelp.rackspace.com");
    assert!(url("dns_records").ends_with("/set-up-dns-records-for-cloud-office-email/"));
    for link in content.links.iter() {
        assert!(is_safe_url(&link.url), "{}", link.url);
    }
}

#[test]
fn the_answers_point_to_the_causes_the_article_names() {
    let content = checklist();
    let points = |step: &str, option: &str| {
        let step = content
            .steps
            .iter()
            .find(|s| s.id == step)
            .expect("step exists");
        step.option(option).and_then(|o| o.points_to.clone())
    };
    assert_eq!(points("webmail", "no").as_deref(), Some("mailbox"));
    assert_eq!(points("webmail", "yes"), None);
    assert_eq!(points("when", "password").as_deref(), Some("password"));
    assert_eq!(points("migrated", "yes").as_deref(), Some("migration"));
    assert_eq!(points("upgraded", "yes").as_deref(), Some("upgrade"));
    assert_eq!(points("domain", "yes").as_deref(), Some("domain"));
    assert_eq!(points("computer", "yes").as_deref(), Some("computer"));
    assert_eq!(points("network", "yes").as_deref(), Some("network"));
    for step in ["migrated", "upgraded", "domain", "computer", "network"] {
        assert_eq!(points(step, "no"), None, "{step}: no rules the cause out");
    }
}

#[test]
fn the_provider_name_reaches_every_text_that_names_it() {
    let content = checklist();
    let everything = format!("{content:?}");
    assert!(!everything.contains("{provider}"));
    assert!(content.steps[2].question.contains("Rackspace Cloud Office"));
}

fn broken(edit: impl FnOnce(&mut Checklist)) -> Vec<String> {
    let mut content = checklist();
    edit(&mut content);
    content.problems().iter().map(ToString::to_string).collect()
}

#[test]
fn a_broken_content_file_is_reported_with_the_place_named() {
    let problems = broken(|c| c.steps.to_mut()[0].options.to_mut()[1].next = "".into());
    assert_eq!(
        problems,
        ["steps[0] (webmail).options[1] (no): needs guidance: what it means and what to do next"]
    );

    let problems =
        broken(|c| c.steps.to_mut()[4].options.to_mut()[0].points_to = Some("gremlins".into()));
    assert_eq!(
        problems,
        ["steps[4] (domain).options[0] (yes): points to a finding that is not defined"]
    );

    let problems = broken(|c| c.steps.to_mut()[6].id = "webmail".into());
    assert_eq!(
        problems,
        [
            "steps[6] (webmail): repeats the id of an earlier step",
            "conflicts[2]: needs two or more answers, each step=option of this checklist"
        ]
    );

    let problems = broken(|c| {
        c.steps.to_mut()[0]
            .options
            .to_mut()
            .retain(|o| o.id != "no")
    });
    assert_eq!(
        problems,
        [
            "steps[0] (webmail): must offer at least Yes and No",
            "conflicts[0]: needs two or more answers, each step=option of this checklist"
        ]
    );

    // A reserved step id is refused, and the check rule conditioned on that step's answer
    // names it no more.
    for reserved in ["at", "fixed", "tried", "app"] {
        let problems = broken(|c| c.steps.to_mut()[3].id = reserved.into());
        assert_eq!(
            problems,
            [
                format!("steps[3] ({reserved}): needs an id of a-z, 0-9, _ and - that is not v, at, started, summary, fixed, tried or app"),
                "check_rules[10] (autodiscover_elsewhere): needs if_answer as step=option of this checklist".to_owned(),
            ]
        );
    }

    // Saved progress and links name the finding that fixed it: its id must travel unescaped.
    let problems = broken(|c| {
        let finding = &mut c.findings.to_mut()[0];
        finding.id = "<b>x</b>".into();
    });
    assert!(
        problems.contains(&"findings[0] (<b>x</b>): needs an id of a-z, 0-9, _ and -".to_string()),
        "{problems:?}"
    );

    let problems = broken(|c| c.steps.to_mut()[0].options.to_mut()[0].id = "Yes please".into());
    assert!(
        problems.contains(
            &"steps[0] (webmail).options[0] (Yes please): needs an id of a-z, 0-9, _ and -"
                .to_string()
        ),
        "{problems:?}"
    );

    let problems = broken(|c| c.steps.to_mut()[1].options.to_mut()[0].label = None);
    assert_eq!(
        problems,
        ["steps[1] (when).options[0] (password): needs a label"]
    );

    let problems = broken(|c| c.steps.to_mut()[2].options.to_mut()[0].id = "maybe".into());
    assert!(
        problems.contains(
            &"steps[2] (migrated).options[0] (maybe): must be one of yes, no, unsure".to_string()
        ),
        "{problems:?}"
    );

    // An answer can only name a cause it points to: the tie rule ranks by it.
    let problems = broken(|c| c.steps.to_mut()[2].options.to_mut()[1].names_cause = true);
    assert_eq!(
        problems,
        ["steps[2] (migrated).options[1] (no): names a cause but points to no finding"]
    );

    let problems = broken(|c| {
        if let Some(link) = c.links.to_mut().iter_mut().find(|l| l.id == "webmail") {
            link.url = "javascript:alert(1)".into();
        }
    });
    assert_eq!(
        problems,
        ["links[1] (webmail): must be an https:, http: or mailto: address"]
    );
}

#[test]
fn a_content_file_of_another_shape_does_not_parse() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/content/en.toml"))
        .expect("readable");
    let unknown = text.replacen(
        "kind = \"choice\"",
        "kind = \"choice\"\ncolour = \"red\"",
        1,
    );
    let error = toml::from_str::<ChecklistFile>(&unknown).expect_err("unknown fields are refused");
    assert!(error.to_string().contains("colour"), "{error}");
    let missing = text.replacen("continue_button = \"Continue\"\n", "", 1);
    assert_ne!(missing, text);
    let error = toml::from_str::<ChecklistFile>(&missing)
        .expect("the shape is fine")
        .complete(None)
        .expect_err("a missing text is refused");
    assert!(error.to_string().contains("continue"), "{error}");
}

#[test]
fn only_web_and_mail_addresses_count_as_safe_links() {
    for url in [
        "https://example.com",
        "http://example.com/help",
        "mailto:help@example.com",
        "HTTPS://EXAMPLE.COM",
    ] {
        assert!(is_safe_url(url), "{url}");
    }
    for url in [
        "javascript:alert(1)",
        " javascript:alert(1)",
        "JaVaScRiPt:x",
        "data:text/html,x",
        "vbscript:x",
        "//example.com",
        "https://",
        "mailto:",
        "ftp://example.com",
        "https://exa mple.com",
        "",
    ] {
        assert!(!is_safe_url(url), "{url}");
    }
}
