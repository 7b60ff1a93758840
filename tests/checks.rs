//! The checks' pure parts: reading DNS and RDAP answers, comparing records, validating what
//! the user typed, and saving results.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{checklist, today};
use email_troubleshooter::model::checks::domain::domain_from_input;
use email_troubleshooter::model::checks::json::Json;
use email_troubleshooter::model::checks::mx::{self, DnsAnswer, MxRecord, MxVerdict};
use email_troubleshooter::model::checks::rdap::{self, RegistrationStatus};
use email_troubleshooter::model::checks::{
    CheckResult, Failure, MxCheck, PortalCheck, RegistrationCheck,
};
use email_troubleshooter::model::saved::{decode, encode};
use email_troubleshooter::model::{diagnose, Action, Confidence, Date, Progress, Timestamp};
use proptest::prelude::*;

/// JSON text as the browser would hand it over.
fn json(text: &str) -> Json {
    fn convert(value: serde_json::Value) -> Json {
        match value {
            serde_json::Value::Null => Json::Null,
            serde_json::Value::Bool(b) => Json::Bool(b),
            serde_json::Value::Number(n) => Json::Number(n.as_f64().unwrap_or(f64::NAN)),
            serde_json::Value::String(s) => Json::String(s),
            serde_json::Value::Array(items) => {
                Json::Array(items.into_iter().map(convert).collect())
            }
            serde_json::Value::Object(members) => {
                Json::Object(members.into_iter().map(|(k, v)| (k, convert(v))).collect())
            }
        }
    }
    convert(serde_json::from_str(text).expect("test JSON"))
}

fn expected() -> Vec<String> {
    vec!["mx1.emailsrvr.com".into(), "mx2.emailsrvr.com".into()]
}

#[test]
fn mx_records_are_read_from_a_cloudflare_or_google_answer() {
    let answer = json(
        r#"{"Status":0,"TC":false,"Question":[{"name":"example.com","type":15}],
        "Answer":[{"name":"example.com","type":5,"TTL":60,"data":"alias.example.com."},
                  {"name":"example.com","type":15,"TTL":300,"data":"20 MX2.emailsrvr.com."},
                  {"name":"example.com","type":15,"TTL":300,"data":"10 mx1.emailsrvr.com."}]}"#,
    );
    let parsed = mx::parse(&answer).expect("an answer");
    assert_eq!(
        parsed,
        DnsAnswer::Records(vec![
            MxRecord {
                priority: 10,
                host: "mx1.emailsrvr.com".into()
            },
            MxRecord {
                priority: 20,
                host: "mx2.emailsrvr.com".into()
            },
        ]),
        "sorted by priority, trailing dots gone, lower case, other record types skipped"
    );
    assert_eq!(mx::verdict(&parsed, &expected()), MxVerdict::AllMatch);
}

#[test]
fn every_mx_verdict() {
    let records = |hosts: &[&str]| {
        DnsAnswer::Records(
            hosts
                .iter()
                .enumerate()
                .map(|(i, h)| MxRecord {
                    priority: i as u16,
                    host: (*h).into(),
                })
                .collect(),
        )
    };
    let cases = [
        (
            records(&[
                "mx1.emailsrvr.com",
                "mx2.emailsrvr.com",
                "backup.example.net",
            ]),
            MxVerdict::AllMatch,
        ),
        (
            records(&["mx1.emailsrvr.com"]),
            MxVerdict::SomeMissing(vec!["mx2.emailsrvr.com".into()]),
        ),
        (records(&["aspmx.l.google.com"]), MxVerdict::NoneMatch),
        (records(&[]), MxVerdict::NoRecords),
        (DnsAnswer::NxDomain, MxVerdict::NxDomain),
        (DnsAnswer::Failed(2), MxVerdict::DnsFailure),
    ];
    for (answer, verdict) in cases {
        assert_eq!(mx::verdict(&answer, &expected()), verdict, "{answer:?}");
    }
    assert_eq!(
        mx::parse(&json(r#"{"Status":3}"#)),
        Some(DnsAnswer::NxDomain)
    );
    assert_eq!(
        mx::parse(&json(r#"{"Status":2}"#)),
        Some(DnsAnswer::Failed(2))
    );
    assert_eq!(
        mx::parse(&json(r#"{"Status":0}"#)),
        Some(DnsAnswer::Records(vec![]))
    );
}

#[test]
fn answers_that_are_not_dns_answers_are_refused() {
    for text in [
        r#"[]"#,
        r#"{}"#,
        r#"{"Status":"0"}"#,
        r#"{"Status":0,"Answer":[{"type":15}]}"#,
        r#"{"Status":0,"Answer":[{"type":15,"data":"mx.example.com."}]}"#,
        r#"{"Status":0,"Answer":[{"type":15,"data":"ten mx.example.com."}]}"#,
        r#"{"Status":0,"Answer":[{"type":15,"data":"10 a.example. extra"}]}"#,
    ] {
        assert_eq!(mx::parse(&json(text)), None, "{text}");
    }
}

#[test]
fn a_registration_gives_its_expiry_and_registrar() {
    let answer = json(
        r#"{"objectClassName":"domain","ldhName":"EXAMPLE.COM",
        "events":[{"eventAction":"registration","eventDate":"1995-08-14T04:00:00Z"},
                  {"eventAction":"expiration","eventDate":"2027-08-13T04:00:00Z"}],
        "entities":[{"objectClassName":"entity","roles":["registrar"],
                     "vcardArray":["vcard",[["version",{},"text","4.0"],["fn",{},"text","RESERVED-Internet Assigned Numbers Authority"]]]}]}"#,
    );
    let registration = rdap::parse(&answer).expect("a domain");
    assert_eq!(registration.expires, Date::new(2027, 8, 13));
    assert_eq!(
        registration.registrar.as_deref(),
        Some("RESERVED-Internet Assigned Numbers Authority")
    );
    let on = |y, m, d| rdap::status(&registration, Date::new(y, m, d).expect("a date"));
    assert_eq!(on(2026, 11, 24), RegistrationStatus::Fine);
    assert_eq!(on(2027, 7, 24), RegistrationStatus::ExpiringSoon(20));
    assert_eq!(on(2027, 8, 13), RegistrationStatus::ExpiringSoon(0));
    assert_eq!(on(2027, 8, 14), RegistrationStatus::Expired);
    let bare =
        rdap::parse(&json(r#"{"objectClassName":"domain"}"#)).expect("a domain with no events");
    assert_eq!(
        (
            bare.expires,
            bare.registrar.clone(),
            rdap::status(&bare, today())
        ),
        (None, None, RegistrationStatus::NoExpiry)
    );
    assert_eq!(rdap::parse(&json(r#"{"objectClassName":"entity"}"#)), None);
}

fn arbitrary_json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<f64>().prop_map(Json::Number),
        prop_oneof![
            ".{0,20}",
            "(10|20|x) [a-z.]{0,12}",
            "(expiration|registrar|fn|domain)"
        ]
        .prop_map(Json::String),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        Just("Status".to_string()),
                        Just("Answer".to_string()),
                        Just("type".to_string()),
                        Just("data".to_string()),
                        Just("objectClassName".to_string()),
                        Just("events".to_string()),
                        Just("eventAction".to_string()),
                        Just("eventDate".to_string()),
                        Just("entities".to_string()),
                        Just("roles".to_string()),
                        Just("vcardArray".to_string()),
                        ".{0,8}"
                    ],
                    inner
                ),
                0..6
            )
            .prop_map(Json::Object),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn reading_any_answer_never_panics(answer in arbitrary_json()) {
        if let Some(parsed) = mx::parse(&answer) {
            let _ = mx::verdict(&parsed, &expected());
        }
        if let Some(registration) = rdap::parse(&answer) {
            let _ = rdap::status(&registration, today());
        }
    }

    #[test]
    fn any_input_gives_a_plain_domain_or_nothing(input in ".{0,80}") {
        if let Some(domain) = domain_from_input(&input) {
            prop_assert!(domain.len() <= 253);
            prop_assert!(domain.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-'), "{}", domain);
            prop_assert!(domain.contains('.'));
        }
    }
}

fn finished_with(checks: Vec<CheckResult>) -> Progress {
    let content = checklist();
    let mut progress = common::walk(&content, &["yes", "no", "no", "no", "no", "no"]);
    for check in checks {
        progress.apply(&content, Action::Checked(check));
    }
    progress
}

#[test]
fn check_results_are_saved_and_restored_with_their_time() {
    let content = checklist();
    let at = Timestamp(1_795_497_000);
    let progress = finished_with(vec![
        CheckResult::Mx(MxCheck {
            domain: "example.com".into(),
            outcome: Ok((
                vec![MxRecord {
                    priority: 10,
                    host: "aspmx.l.google.com".into(),
                }],
                MxVerdict::NoneMatch,
            )),
            at,
        }),
        CheckResult::Registration(RegistrationCheck {
            domain: "example.com".into(),
            outcome: Ok(Some(rdap::Registration {
                expires: Date::new(2027, 1, 15),
                registrar: Some("Example Registrar, Inc. & Co".into()),
            })),
            at,
        }),
        CheckResult::Portal(PortalCheck {
            url: "https://mail.example.com/?a=b&c=d".into(),
            outcome: Err(Failure::Timeout),
            at,
        }),
    ]);
    let line = encode(&progress, &content);
    assert!(
        line.contains("&check.mx=example.com/none/10:aspmx.l.google.com@1795497000"),
        "{line}"
    );
    assert!(line.contains("&check.reg=example.com/found:2027-01-15:Example~20Registrar~2C~20Inc.~20~26~20Co@1795497000"), "{line}");
    assert!(
        !line[line.find("check.portal").expect("saved")..].contains('&'),
        "free text can't break the line: {line}"
    );
    assert_eq!(decode(&line, &content, today()), Ok(progress));
}

#[test]
fn damaged_check_results_make_the_saved_value_untrusted() {
    let content = checklist();
    for bad in [
        "check.mx=example.com/maybe/@1",
        "check.mx=example.com/none/x:y@1",
        "check.reg=example.com/found:soon:x@1",
        "check.portal=fast:https~3A@1",
        "check.what=1@1",
        "check.mx=example.com/none/",
        "check.reg=exa mple.com/none@1",
    ] {
        let line = format!("v=1&at=webmail&{bad}");
        assert!(decode(&line, &content, today()).is_err(), "{line}");
    }
}

#[test]
fn what_the_checks_find_feeds_the_findings() {
    let content = checklist();
    let mx_none = CheckResult::Mx(MxCheck {
        domain: "example.com".into(),
        outcome: Ok((vec![], MxVerdict::NoneMatch)),
        at: Timestamp(1),
    });
    let diagnosis = diagnose(&content, &finished_with(vec![mx_none]));
    let causes = diagnosis.causes();
    assert_eq!(causes.len(), 1);
    assert_eq!(
        (
            causes[0].finding.as_str(),
            causes[0].confidence,
            causes[0].steps.len()
        ),
        ("domain", Confidence::Strong, 0)
    );
    let expired = CheckResult::Registration(RegistrationCheck {
        domain: "example.com".into(),
        outcome: Ok(Some(rdap::Registration {
            expires: Date::new(2020, 1, 1),
            registrar: None,
        })),
        at: Timestamp(1),
    });
    assert_eq!(
        diagnose(&content, &finished_with(vec![expired])).causes()[0].finding,
        "domain"
    );
    let failed = CheckResult::Mx(MxCheck {
        domain: "example.com".into(),
        outcome: Err(Failure::Timeout),
        at: Timestamp(1),
    });
    assert!(
        diagnose(&content, &finished_with(vec![failed]))
            .causes()
            .is_empty(),
        "a failed check proves nothing"
    );
}
