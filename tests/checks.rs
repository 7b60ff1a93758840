//! The checks' pure parts: reading DNS and RDAP answers, comparing records, validating what
//! the user typed, and saving results.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{checklist, choice, today};
use email_troubleshooter::model::checklist::{is_safe_url, MAX_URL_LEN};
use email_troubleshooter::model::checks::autodiscover::{
    self, AutodiscoverFound, AutodiscoverVerdict,
};
use email_troubleshooter::model::checks::domain::domain_from_input;
use email_troubleshooter::model::checks::json::Json;
use email_troubleshooter::model::checks::mx::{
    self, DnsAnswer, Extra, MxFound, MxRecord, MxVerdict,
};
use email_troubleshooter::model::checks::rdap::{self, RegistrationStatus};
use email_troubleshooter::model::checks::spf::{self, SpfVerdict};
use email_troubleshooter::model::checks::{
    AutodiscoverCheck, CheckResult, Failure, MxCheck, PortalCheck, RegistrationCheck, SpfCheck,
};
use email_troubleshooter::model::config::MAX_EXPECTED_MX;
use email_troubleshooter::model::link;
use email_troubleshooter::model::saved::{decode, encode, MAX_SAVED_LEN};
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
    let record = |priority, host: &str| MxRecord {
        priority,
        host: host.into(),
    };
    assert_eq!(
        parsed,
        DnsAnswer::Records(vec![
            record(20, "mx2.emailsrvr.com"),
            record(10, "mx1.emailsrvr.com")
        ]),
        "trailing dots gone, lower case, other record types skipped"
    );
    assert_eq!(
        mx::found(&parsed, &expected()),
        MxFound {
            records: vec![
                record(10, "mx1.emailsrvr.com"),
                record(20, "mx2.emailsrvr.com")
            ],
            more: 0,
            verdict: MxVerdict::AllMatch,
        },
        "kept in order of preference"
    );
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
            // Another provider's host beside the expected ones is named, not hidden.
            MxVerdict::Extra(Extra {
                named: vec!["backup.example.net".into()],
                others: 0,
                preferred: false,
            }),
        ),
        (
            records(&["mx.old.example", "mx1.emailsrvr.com", "mx2.emailsrvr.com"]),
            MxVerdict::Extra(Extra {
                named: vec!["mx.old.example".into()],
                others: 0,
                preferred: true,
            }),
        ),
        (
            records(&["mx1.emailsrvr.com", "mx2.emailsrvr.com"]),
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
        (DnsAnswer::NullMx, MxVerdict::NoMail),
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
        r#"{"Status":0.5}"#,
        r#"{"Status":-1}"#,
        r#"{"Status":0,"Answer":"x"}"#,
        r#"{"Status":0,"Answer":{}}"#,
        r#"{"Status":0,"Answer":{"type":15,"data":"10 mx1.emailsrvr.com."}}"#,
        r#"{"Status":0,"Answer":[["10 mx1.emailsrvr.com."]]}"#,
        r#"{"Status":0,"Answer":["10 mx1.emailsrvr.com."]}"#,
        r#"{"Status":0,"Answer":[{"type":"15","data":"10 mx1.emailsrvr.com."}]}"#,
        r#"{"Status":0,"Answer":[{"data":"10 mx1.emailsrvr.com."}]}"#,
        r#"{"Status":0,"Answer":[{"type":15}]}"#,
        r#"{"Status":0,"Answer":[{"type":15,"data":["10 mx1.emailsrvr.com."]}]}"#,
        r#"{"Status":0,"Answer":[{"type":15,"data":"mx.example.com."}]}"#,
        r#"{"Status":0,"Answer":[{"type":15,"data":"ten mx.example.com."}]}"#,
        r#"{"Status":0,"Answer":[{"type":15,"data":"70000 mx.example.com."}]}"#,
        r#"{"Status":0,"Answer":[{"type":15,"data":"10 a.example. extra"}]}"#,
        r#"{"Status":0,"Answer":[{"type":15,"data":"10 x@1&computer=yes&network=no"}]}"#,
        r#"{"Status":0,"Answer":[{"type":15,"data":"10 mail.example.com/path"}]}"#,
        r#"{"Status":0,"Answer":[{"type":15,"data":"10 a..example.com"}]}"#,
    ] {
        assert_eq!(mx::parse(&json(text)), None, "{text}");
    }
}

#[test]
fn a_null_mx_says_the_domain_accepts_no_mail() {
    let answer = mx::parse(&json(
        r#"{"Status":0,"Answer":[{"name":"example.com","type":15,"TTL":300,"data":"0 ."}]}"#,
    ))
    .expect("a null MX is a real answer");
    assert_eq!(answer, DnsAnswer::NullMx);
    let check = CheckResult::Mx(MxCheck {
        domain: "example.com".into(),
        outcome: Ok(mx::found(&answer, &expected())),
        at: Timestamp(1),
    });
    let diagnosis = diagnose(&checklist(), &finished_with(vec![check]));
    assert_eq!(
        (
            diagnosis.causes()[0].finding.as_str(),
            diagnosis.causes()[0].confidence
        ),
        ("domain", Confidence::Strong)
    );
}

#[test]
fn names_with_underscores_are_read_and_kept() {
    let answer = mx::parse(&json(
        r#"{"Status":0,"Answer":[{"type":15,"data":"10 mail_in.example.com."}]}"#,
    ))
    .expect("DNS allows underscores");
    let found = mx::found(&answer, &expected());
    assert_eq!(found.records[0].host, "mail_in.example.com");
    let content = checklist();
    let progress = finished_with(vec![CheckResult::Mx(MxCheck {
        domain: "example.com".into(),
        outcome: Ok(found),
        at: Timestamp(5),
    })]);
    let restored = decode(&encode(&progress, &content), &content, today()).expect("trusted");
    assert_eq!((restored.progress, restored.checks_left_out), (progress, 0));
}

#[test]
fn a_huge_answer_keeps_the_verdict_and_a_few_records() {
    let mut records: Vec<String> = (0..10_000)
        .map(|i| {
            format!(
                r#"{{"type":15,"data":"{} host{i}.example.net."}}"#,
                10 + i % 50
            )
        })
        .collect();
    records.push(r#"{"type":15,"data":"65535 mx2.emailsrvr.com."}"#.into());
    records.push(r#"{"type":15,"data":"5 mx1.emailsrvr.com."}"#.into());
    let answer = mx::parse(&json(&format!(
        r#"{{"Status":0,"Answer":[{}]}}"#,
        records.join(",")
    )))
    .expect("an answer");
    let found = mx::found(&answer, &expected());
    assert_eq!(
        found.verdict,
        MxVerdict::Extra(Extra {
            named: vec![
                "host0.example.net".into(),
                "host100.example.net".into(),
                "host1000.example.net".into()
            ],
            others: 10_000 - 3,
            preferred: false,
        }),
        "every record counted, the most preferred others named"
    );
    assert_eq!(found.records.len(), mx::MAX_KEPT);
    assert_eq!(found.more, 10_002 - mx::MAX_KEPT as u32);
    assert_eq!(
        found.records[0].host, "mx1.emailsrvr.com",
        "most preferred first"
    );
    assert!(found
        .records
        .windows(2)
        .all(|w| (w[0].priority, &w[0].host) <= (w[1].priority, &w[1].host)));
    let content = checklist();
    let progress = finished_with(vec![CheckResult::Mx(MxCheck {
        domain: "example.com".into(),
        outcome: Ok(found),
        at: Timestamp(5),
    })]);
    let line = encode(&progress, &content);
    assert!(line.len() < 2_000, "{} characters", line.len());
    assert_eq!(
        decode(&line, &content, today()).map(|r| r.progress),
        Ok(progress)
    );
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
    let registration = rdap::parse(&answer, today()).expect("a domain");
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
    let bare = rdap::parse(&json(r#"{"objectClassName":"domain"}"#), today())
        .expect("a domain with no events");
    assert_eq!(
        (
            bare.expires,
            bare.registrar.clone(),
            rdap::status(&bare, today())
        ),
        (None, None, RegistrationStatus::NoExpiry)
    );
    assert_eq!(
        rdap::parse(&json(r#"{"objectClassName":"entity"}"#), today()),
        None
    );
}

#[test]
fn registrations_of_the_wrong_shape_or_with_unbelievable_dates_are_unreadable() {
    let expiring = |date: &str| {
        format!(
            r#"{{"objectClassName":"domain","events":[{{"eventAction":"expiration","eventDate":"{date}"}}]}}"#
        )
    };
    for text in [
        expiring("0000-01-01T00:00:00Z"),
        expiring("1984-12-31T00:00:00Z"),
        expiring("2127-01-01T00:00:00Z"),
        expiring("soon"),
        r#"{"objectClassName":"domain","events":"x"}"#.into(),
        r#"{"objectClassName":"domain","events":[{"eventAction":"expiration"}]}"#.into(),
        r#"{"objectClassName":"domain","events":[{"eventAction":"expiration","eventDate":20270101}]}"#.into(),
        r#"{"objectClassName":"domain","entities":{}}"#.into(),
        r#"{"objectClassName":"domain","entities":[{"roles":"registrar"}]}"#.into(),
    ] {
        assert_eq!(rdap::parse(&json(&text), today()), None, "{text}");
    }
    let fine = rdap::parse(&json(&expiring("2126-11-24T00:00:00Z")), today())
        .expect("a hundred years ahead is still believed");
    assert_eq!(fine.expires, Date::new(2126, 11, 24));
}

#[test]
fn a_registrar_name_is_cleaned_and_cut() {
    let named = |name: &str| {
        json(&format!(
            r#"{{"objectClassName":"domain","entities":[{{"roles":["registrar"],"vcardArray":["vcard",[["fn",{{}},"text",{}]]]}}]}}"#,
            serde_json::Value::String(name.into())
        ))
    };
    let long = rdap::parse(&named(&"Registrar ".repeat(300)), today()).expect("a domain");
    let name = long.registrar.expect("a name");
    assert_eq!(name.chars().count(), rdap::MAX_REGISTRAR_CHARS + 1);
    assert!(name.ends_with('…'));
    let sneaky = rdap::parse(&named("Good\u{202E}Registrar\n\tInc"), today()).expect("a domain");
    assert_eq!(sneaky.registrar.as_deref(), Some("GoodRegistrar Inc"));
}

fn arbitrary_json() -> impl Strategy<Value = Json> {
    common::json_like(
        &["(10|20|x) [a-z.]{0,12}", "(expiration|registrar|fn|domain)"],
        &[
            "Status",
            "Answer",
            "type",
            "data",
            "objectClassName",
            "events",
            "eventAction",
            "eventDate",
            "entities",
            "roles",
            "vcardArray",
        ],
        5,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn reading_any_answer_never_panics(answer in arbitrary_json()) {
        if let Some(parsed) = mx::parse(&answer) {
            let _ = mx::verdict(&parsed, &expected());
        }
        if let Some(registration) = rdap::parse(&answer, today()) {
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
        progress.apply(&content, Action::Checked(check), Timestamp(0));
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
            outcome: Ok(MxFound {
                records: vec![MxRecord {
                    priority: 10,
                    host: "aspmx.l.google.com".into(),
                }],
                more: 0,
                verdict: MxVerdict::NoneMatch,
            }),
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
    let restored = decode(&line, &content, today()).expect("trusted");
    assert_eq!((restored.progress, restored.checks_left_out), (progress, 0));
}

#[test]
fn a_damaged_check_result_is_left_out_and_every_answer_kept() {
    let content = checklist();
    let answered = encode(
        &common::walk(&content, &["yes", "no", "no", "no", "no", "no"]),
        &content,
    );
    for bad in [
        "check.mx=example.com/maybe/@1",
        "check.mx=example.com/none/x:y@1",
        "check.reg=example.com/found:soon:x@1",
        "check.portal=fast:https~3A@1",
        "check.what=1@1",
        "check.mx=example.com/none/",
        "check.reg=exa mple.com/none@1",
        "check.mx=example.com/none/10:x~401@1",
        "check.mx=EXAMPLE.com/all/@1",
        "check.mx=example.com/all//+x@1",
        "check.reg=example.com/found:-:A~0ABad~20Name@1",
        "check.reg=example.com/found:0000-01-01:@1795497000",
        "check.portal=12:javascript~3Aalert~281~29@1",
        "check.portal=12:https~3A~2F~2Fuser~3Apass~40mail.example.com~2F@1",
    ] {
        let line = format!("{answered}&{bad}");
        let restored = decode(&line, &content, today()).expect("the answers are trusted");
        assert_eq!(
            (restored.progress.answers(), restored.checks_left_out),
            (
                decode(&answered, &content, today())
                    .expect("trusted")
                    .progress
                    .answers(),
                1
            ),
            "{line}"
        );
        assert!(restored.progress.checks().is_empty(), "{line}");
    }
}

#[test]
fn a_dns_answer_cannot_plant_answers() {
    let content = checklist();
    let hostile =
        json(r#"{"Status":0,"Answer":[{"type":15,"data":"10 x@1&computer=yes&network=no"}]}"#);
    assert_eq!(mx::parse(&hostile), None, "refused when read");
    // Even a host that bypassed the reader is escaped, and refused when read back.
    let mut progress = common::walk(&content, &["yes", "no", "no", "no", "no", "no"]);
    let before = progress.answers().to_vec();
    progress.apply(
        &content,
        Action::Checked(CheckResult::Mx(MxCheck {
            domain: "example.com".into(),
            outcome: Ok(MxFound {
                records: vec![MxRecord {
                    priority: 10,
                    host: "x@1&computer=unsure&network=unsure".into(),
                }],
                more: 0,
                verdict: MxVerdict::NoneMatch,
            }),
            at: Timestamp(1),
        })),
        Timestamp(0),
    );
    let line = encode(&progress, &content);
    assert_eq!(
        line.matches('&').count(),
        10,
        "one pair per answer and check: {line}"
    );
    let restored = decode(&line, &content, today()).expect("trusted");
    assert_eq!(restored.progress.answers(), &before[..]);
    assert_eq!(restored.checks_left_out, 1);
}

#[test]
fn what_the_checks_find_feeds_the_findings() {
    let content = checklist();
    let mx_none = CheckResult::Mx(MxCheck {
        domain: "example.com".into(),
        outcome: Ok(MxFound {
            records: vec![],
            more: 0,
            verdict: MxVerdict::NoneMatch,
        }),
        at: Timestamp(1),
    });
    // Answers that clash (everyone affected, yet another computer works) set aside only what
    // they say: the check's evidence for the domain stays.
    let mut clashing = common::walk(&content, &["yes", "no", "no", "yes", "yes", "no"]);
    clashing.apply(&content, Action::Checked(mx_none.clone()), Timestamp(0));
    let doubted = diagnose(&content, &clashing);
    assert_eq!(doubted.conflicts(), [1]);
    let kept: Vec<(&str, Confidence, usize)> = doubted
        .causes()
        .iter()
        .map(|c| (c.finding.as_str(), c.confidence, c.steps.len()))
        .collect();
    assert_eq!(kept, [("domain", Confidence::Strong, 0)]);

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

#[test]
fn a_right_to_left_registrar_is_isolated_inside_its_sentence() {
    use email_troubleshooter::model::checks::describe;
    let content = checklist();
    let check = |name: &str| RegistrationCheck {
        domain: "example.com".into(),
        outcome: Ok(Some(rdap::Registration {
            expires: None,
            registrar: Some(name.into()),
        })),
        at: Timestamp(1),
    };
    let lines = describe::registration(&content, &check("רשם דוגמה"), today(), "rdap", 8);
    assert_eq!(lines[1], "Registrar: \u{2068}רשם דוגמה\u{2069}");
    let lines = describe::registration(&content, &check("Example, Inc."), today(), "rdap", 8);
    assert_eq!(lines[1], "Registrar: Example, Inc.");
}

fn mx_result(records: &[(u16, &str)], verdict: MxVerdict) -> MxCheck {
    MxCheck {
        domain: "example.com".into(),
        outcome: Ok(MxFound {
            records: records
                .iter()
                .map(|(priority, host)| MxRecord {
                    priority: *priority,
                    host: (*host).into(),
                })
                .collect(),
            more: 0,
            verdict,
        }),
        at: Timestamp(1),
    }
}

fn registration_expiring(expires: Option<Date>) -> RegistrationCheck {
    RegistrationCheck {
        domain: "example.com".into(),
        outcome: Ok(Some(rdap::Registration {
            expires,
            registrar: None,
        })),
        at: Timestamp(1),
    }
}

#[test]
fn every_result_is_fine_a_problem_with_a_next_step_or_unknown() {
    use email_troubleshooter::model::checks::describe::{self, Standing};
    let content = checklist();
    let text = &content.text;
    let mx = |verdict| describe::mx_standing(&content, &mx_result(&[], verdict));
    assert_eq!(mx(MxVerdict::AllMatch), Standing::Fine);
    for verdict in [
        MxVerdict::SomeMissing(vec!["mx2.emailsrvr.com".into()]),
        MxVerdict::NoneMatch,
        MxVerdict::NoRecords,
        MxVerdict::NoMail,
    ] {
        assert_eq!(mx(verdict), Standing::Problem(text.next_mx_records()));
    }
    assert_eq!(
        mx(MxVerdict::NxDomain),
        Standing::Problem(text.next_mx_nxdomain())
    );
    assert_eq!(
        mx(MxVerdict::DnsFailure),
        Standing::Problem(text.next_mx_dns())
    );
    let failed = MxCheck {
        outcome: Err(Failure::Timeout),
        ..mx_result(&[], MxVerdict::AllMatch)
    };
    assert_eq!(describe::mx_standing(&content, &failed), Standing::Unknown);

    let registration = |expires| {
        describe::registration_standing(&content, &registration_expiring(expires), today())
    };
    assert_eq!(
        registration(Date::new(2026, 11, 1)),
        Standing::Problem(text.next_renew_now())
    );
    assert_eq!(
        registration(Date::new(2026, 12, 4)),
        Standing::Problem(text.next_renew_soon())
    );
    assert_eq!(registration(Date::new(2027, 6, 1)), Standing::Fine);
    assert_eq!(registration(None), Standing::Unknown, "no expiry given");
    for outcome in [Ok(None), Err(Failure::Cors)] {
        let check = RegistrationCheck {
            outcome,
            ..registration_expiring(None)
        };
        assert_eq!(
            describe::registration_standing(&content, &check, today()),
            Standing::Unknown
        );
    }

    let portal = |outcome| {
        describe::portal_standing(
            &content,
            &PortalCheck {
                url: "https://mail.example.com/".into(),
                outcome,
                at: Timestamp(1),
            },
        )
    };
    assert_eq!(portal(Ok(120)), Standing::Fine);
    assert_eq!(
        portal(Err(Failure::Refused)),
        Standing::Problem(text.next_portal())
    );
    assert_eq!(portal(Err(Failure::Offline)), Standing::Unknown);
    assert_eq!(portal(Err(Failure::Timeout)), Standing::Unknown);
}

#[test]
fn mail_hosts_are_named_without_priorities_and_their_order_said_in_words() {
    use email_troubleshooter::model::checks::describe;
    let content = checklist();
    let ordered = mx_result(
        &[(10, "aspmx.l.google.com"), (20, "alt1.aspmx.l.google.com")],
        MxVerdict::NoneMatch,
    );
    assert_eq!(
        describe::mx_hosts(&content, &ordered),
        ["aspmx.l.google.com", "alt1.aspmx.l.google.com"]
    );
    assert_eq!(
        describe::mx_found(&content, &ordered),
        "aspmx.l.google.com, alt1.aspmx.l.google.com"
    );
    assert_eq!(
        describe::mx_found_label(&content, &ordered),
        "Found, most preferred first"
    );
    let equal = mx_result(
        &[(10, "mx1.emailsrvr.com"), (10, "mx2.emailsrvr.com")],
        MxVerdict::AllMatch,
    );
    assert_eq!(describe::mx_found_label(&content, &equal), "Found");
    let mut more = mx_result(&[(10, "mx1.emailsrvr.com")], MxVerdict::AllMatch);
    if let Ok(found) = &mut more.outcome {
        found.more = 9_980;
    }
    assert_eq!(
        describe::mx_hosts(&content, &more),
        ["mx1.emailsrvr.com", "9980 more records"]
    );
    assert_eq!(describe::mx_found_label(&content, &more), "Found");
    assert_eq!(
        describe::mx_hosts(&content, &mx_result(&[], MxVerdict::NoRecords)),
        ["none"]
    );
}

/// The content's one step with an option pointing to `finding`, and that option's id.
fn step_pointing_to(
    content: &email_troubleshooter::model::Checklist,
    finding: &str,
) -> (usize, String) {
    content
        .steps
        .iter()
        .enumerate()
        .find_map(|(index, step)| {
            let option = step
                .options
                .iter()
                .find(|o| o.points_to.as_deref() == Some(finding))?;
            Some((index, option.id.to_string()))
        })
        .unwrap_or_else(|| panic!("a step points to {finding}"))
}

/// Answers every choice step with `choice`, then records `results`.
fn answered_with(
    content: &email_troubleshooter::model::Checklist,
    choice: &str,
    results: Vec<CheckResult>,
) -> Progress {
    let choices = vec![choice; 6];
    let mut progress = common::walk(content, &choices);
    for result in results {
        progress.apply(content, Action::Checked(result), Timestamp(0));
    }
    progress
}

#[test]
fn a_check_that_points_where_an_answer_says_otherwise_is_pointed_out() {
    use email_troubleshooter::model::checks::contradiction::{contradictions, Contradiction};
    use email_troubleshooter::model::checks::describe;
    use email_troubleshooter::model::checks::CheckKind;
    let content = checklist();
    // Where the records check's finding is also asked about, read from the content.
    let rule = content
        .check_rules
        .iter()
        .find(|r| r.signal.id() == "mx_none")
        .expect("a rule");
    let (step, pointing) = step_pointing_to(&content, &rule.points_to);
    let mx_none = CheckResult::Mx(mx_result(
        &[(10, "aspmx.l.google.com")],
        MxVerdict::NoneMatch,
    ));

    let progress = answered_with(&content, "no", vec![mx_none.clone()]);
    let found = contradictions(&content, &progress);
    assert_eq!(
        found,
        [Contradiction {
            check: CheckKind::Mx,
            step,
            option: choice("no")
        }]
    );
    assert_ne!(pointing, "no");
    let question = &content.steps[step].question;
    assert_eq!(
        describe::contradiction(&content, &found[0]),
        format!(
            "This doesn't fit your answer: you answered No to question {}, \"{question}\"",
            step + 1
        )
    );

    // The answer that points there, "Not sure", a good result and a failed check: nothing.
    for (choice, result) in [
        (pointing.as_str(), mx_none.clone()),
        ("unsure", mx_none.clone()),
        (
            "no",
            CheckResult::Mx(mx_result(&[(10, "mx1.emailsrvr.com")], MxVerdict::AllMatch)),
        ),
        (
            "no",
            CheckResult::Mx(MxCheck {
                domain: "example.com".into(),
                outcome: Err(Failure::Timeout),
                at: Timestamp(1),
            }),
        ),
    ] {
        let progress = answered_with(&content, choice, vec![result.clone()]);
        assert_eq!(
            contradictions(&content, &progress),
            [],
            "{choice} {result:?}"
        );
    }

    // An expired registration says the same about the domain, as its own result.
    let expired = CheckResult::Registration(registration_expiring(Date::new(2026, 1, 1)));
    let progress = answered_with(&content, "no", vec![mx_none, expired]);
    let checks: Vec<CheckKind> = contradictions(&content, &progress)
        .iter()
        .map(|c| c.check)
        .collect();
    assert_eq!(checks, [CheckKind::Mx, CheckKind::Registration]);
}

#[test]
fn contradictions_follow_the_content_not_the_step_ids() {
    use email_troubleshooter::model::checks::contradiction::contradictions;
    let mut content = checklist();
    // Made to say that records pointing elsewhere mean the usual computer is at fault.
    for rule in content.check_rules.to_mut() {
        rule.points_to = "computer".into();
    }
    let (step, _) = step_pointing_to(&content, "computer");
    let progress = answered_with(
        &content,
        "no",
        vec![CheckResult::Mx(mx_result(&[], MxVerdict::NoRecords))],
    );
    let steps: Vec<usize> = contradictions(&content, &progress)
        .iter()
        .map(|c| c.step)
        .collect();
    assert_eq!(steps, [step]);

    // A translation names the question and answer in its own words.
    let spanish = email_troubleshooter::content::BUILTIN_ES
        .clone()
        .with_provider_name();
    let found = contradictions(
        &spanish,
        &answered_with(
            &spanish,
            "no",
            vec![CheckResult::Mx(mx_result(&[], MxVerdict::NoneMatch))],
        ),
    );
    let (step, _) = step_pointing_to(&spanish, &spanish.check_rules[0].points_to);
    let line = email_troubleshooter::model::checks::describe::contradiction(&spanish, &found[0]);
    let start = format!(
        "Esto no encaja con su respuesta: respondió No a la pregunta {}, «",
        step + 1
    );
    assert!(line.starts_with(&start), "{line}");
}

#[test]
fn the_largest_results_a_check_can_make_still_fit_the_saved_line() {
    let long = |c: &str| format!("{0}.{0}.{0}.{1}", c.repeat(63), "t".repeat(61));
    let costly = |i: u32| format!("{0}.{0}.{0}.{0}", format!("{i}{}", "_".repeat(60)));
    // Underscores are the costliest characters a DNS name may hold: each is saved escaped.
    let hosts: Vec<String> = (0..60)
        .map(|i| {
            let name = format!("{i:02}{}", "_".repeat(61));
            let host = match i {
                0 => long("a"), // the one expected host that is there
                _ => format!("{0}.{0}.{0}.{1}", name, "_".repeat(61)),
            };
            format!(r#"{{"type":15,"data":"{i} {host}."}}"#)
        })
        .collect();
    let answer = mx::parse(&json(&format!(
        r#"{{"Status":0,"Answer":[{}]}}"#,
        hosts.join(",")
    )))
    .expect("long but valid names");
    // As many expected hosts as a host may set (MAX_EXPECTED_MX), all but one missing.
    let expected: Vec<String> = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]
        .iter()
        .map(|c| long(c))
        .collect();
    assert_eq!(expected.len(), MAX_EXPECTED_MX);
    let registrar = json(&format!(
        r#"{{"objectClassName":"domain","entities":[{{"roles":["registrar"],"vcardArray":["vcard",[["fn",{{}},"text","{}"]]]}}]}}"#,
        "😀".repeat(3000)
    ));
    let at = Timestamp(99_999_999_999);
    let progress = finished_with(vec![
        CheckResult::Mx(MxCheck {
            domain: long("d"),
            outcome: Ok(mx::found(&answer, &expected)),
            at,
        }),
        CheckResult::Registration(RegistrationCheck {
            domain: long("d"),
            outcome: Ok(rdap::parse(&registrar, today())),
            at,
        }),
        CheckResult::Portal(PortalCheck {
            // The longest address a setting takes (MAX_URL_LEN), every byte of it escaped.
            url: format!("https://mail.example.com/{}", "~".repeat(MAX_URL_LEN - 25)),
            outcome: Err(Failure::Timeout),
            at,
        }),
        // The most names the SPF and autodiscover results keep, each of the costliest kind.
        CheckResult::Spf(SpfCheck {
            domain: long("_"),
            outcome: Ok(SpfVerdict::Missing {
                named: (0..spf::MAX_NAMED).map(|i| costly(i as u32)).collect(),
                others: u32::MAX,
            }),
            at,
        }),
        CheckResult::Autodiscover(AutodiscoverCheck {
            domain: long("_"),
            outcome: Ok(AutodiscoverFound {
                chain: (0..autodiscover::MAX_CHAIN)
                    .map(|i| costly(i as u32))
                    .collect(),
                verdict: AutodiscoverVerdict::Elsewhere,
            }),
            at,
        }),
    ]);
    let content = checklist();
    let line = encode(&progress, &content);
    assert!(line.len() > 28_000, "really the largest: {}", line.len());
    assert!(line.len() <= MAX_SAVED_LEN, "{} characters", line.len());
    let restored = decode(&line, &content, today()).expect("trusted");
    assert!(
        matches!(&restored.progress.checks().mx, Some(MxCheck { outcome: Ok(MxFound { verdict: MxVerdict::SomeMissing(missing), records, more: 40 }), .. }) if records.len() == mx::MAX_KEPT && missing.len() == 9)
    );
    assert_eq!((restored.progress, restored.checks_left_out), (progress, 0));
}

/// Every kind of result a check can make: from any DNS or RDAP answer, hostile ones included
/// (names with `&`, `=`, `@`, `~`, direction marks, thousands of records), any failure, and
/// any webmail address a host can set.
fn any_check_result() -> impl Strategy<Value = CheckResult> {
    let label = "[a-z0-9_-]{1,63}";
    let host = prop_oneof![
        prop::collection::vec(label, 1..5).prop_map(|labels| labels.join(".")),
        Just(format!("{0}.{0}.{0}.{1}", "h".repeat(63), "t".repeat(61))),
        ".{0,80}",
        Just("x@1&computer=yes&network=no".to_string()),
        Just(".".to_string()),
    ];
    let record = (any::<u16>(), host, any::<bool>()).prop_map(|(priority, host, dot)| {
        Json::Object(vec![
            ("type".into(), Json::Number(15.0)),
            (
                "data".into(),
                Json::String(format!("{priority} {host}{}", if dot { "." } else { "" })),
            ),
        ])
    });
    let dns = prop_oneof![
        prop::collection::vec(record, 0..45).prop_map(|records| Json::Object(vec![
            ("Status".into(), Json::Number(0.0)),
            ("Answer".into(), Json::Array(records)),
        ])),
        (0u16..30).prop_map(|status| Json::Object(vec![(
            "Status".into(),
            Json::Number(f64::from(status))
        )])),
        arbitrary_json(),
    ];
    let domain = prop_oneof![
        "[a-z0-9-]{1,20}\\.[a-z]{2,6}",
        Just(format!("{0}.{0}.{0}.{1}", "d".repeat(63), "t".repeat(61))),
    ]
    .prop_filter_map("a domain the check would send", |d| domain_from_input(&d));
    let failure = prop_oneof![
        Just(Failure::Offline),
        Just(Failure::Timeout),
        Just(Failure::Refused),
        Just(Failure::Cors),
        Just(Failure::Malformed),
    ];
    let registrar = prop_oneof![
        ".{0,40}",
        "[a-zA-Z\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}\\n&=@~ ]{0,3000}",
        Just("Your mailbox is locked. Call +1 555 0100".to_string()),
    ];
    let rdap_answer = (0u16..300, registrar, any::<bool>()).prop_map(|(year, name, shaped)| {
        let date = format!("{:04}-06-01T00:00:00Z", 1900 + year);
        let entity = Json::Object(vec![
            (
                "roles".into(),
                Json::Array(vec![Json::String("registrar".into())]),
            ),
            (
                "vcardArray".into(),
                Json::Array(vec![
                    Json::String("vcard".into()),
                    Json::Array(vec![Json::Array(vec![
                        Json::String("fn".into()),
                        Json::Object(vec![]),
                        Json::String("text".into()),
                        Json::String(name),
                    ])]),
                ]),
            ),
        ]);
        let events = Json::Array(vec![Json::Object(vec![
            ("eventAction".into(), Json::String("expiration".into())),
            ("eventDate".into(), Json::String(date)),
        ])]);
        Json::Object(vec![
            (
                "objectClassName".into(),
                Json::String(if shaped { "domain" } else { "entity" }.into()),
            ),
            ("events".into(), events),
            ("entities".into(), Json::Array(vec![entity])),
        ])
    });
    let url = prop_oneof![
        "https?://[ -~]{1,300}",
        Just(format!("https://mail.example.com/{}", "~&=@/%".repeat(337))),
    ]
    .prop_filter("an address a host can set", |url| is_safe_url(url));
    let at = (0u64..99_999_999_999).prop_map(Timestamp);
    prop_oneof![
        (
            domain.clone(),
            dns,
            at.clone(),
            prop::option::of(failure.clone())
        )
            .prop_map(|(domain, answer, at, failed)| {
                let outcome = match failed {
                    Some(failure) => Err(failure),
                    None => mx::parse(&answer)
                        .map(|answer| mx::found(&answer, &expected()))
                        .ok_or(Failure::Malformed),
                };
                CheckResult::Mx(MxCheck {
                    domain,
                    outcome,
                    at,
                })
            }),
        (
            domain,
            rdap_answer,
            at.clone(),
            prop::option::of(failure.clone())
        )
            .prop_map(|(domain, answer, at, failed)| {
                let outcome = match failed {
                    Some(failure) => Err(failure),
                    // As the browser does: "today" is when the check was made.
                    None => rdap::parse(&answer, at.date())
                        .map(Some)
                        .ok_or(Failure::Malformed),
                };
                CheckResult::Registration(RegistrationCheck {
                    domain,
                    outcome,
                    at,
                })
            }),
        (url, prop::option::of(failure), any::<u32>(), at).prop_map(|(url, failed, ms, at)| {
            CheckResult::Portal(PortalCheck {
                url,
                outcome: failed.map_or(Ok(ms), Err),
                at,
            })
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn every_check_result_survives_saving_and_never_reaches_a_link(
        results in prop::collection::vec(any_check_result(), 1..4),
        answers in prop::collection::vec(prop_oneof![Just("yes"), Just("no"), Just("unsure")], 6),
    ) {
        let content = checklist();
        let mut progress = common::walk(&content, &answers);
        let answered = progress.answers().to_vec();
        for result in results {
            progress.apply(&content, Action::Checked(result), Timestamp(0));
        }
        let line = encode(&progress, &content);
        prop_assert!(line.len() <= MAX_SAVED_LEN, "{} characters", line.len());
        let restored = decode(&line, &content, today()).expect("trusted");
        prop_assert_eq!(restored.checks_left_out, 0, "{}", line);
        prop_assert_eq!(&restored.progress, &progress);

        let fragment = link::fragment("help", &progress, &content);
        prop_assert!(!fragment.contains("check."), "{}", fragment);
        let carried = link::read(&fragment, "help", &content, today())
            .expect("a link for this key")
            .expect("readable");
        prop_assert_eq!(carried.answers(), &answered[..]);
        prop_assert!(carried.checks().is_empty());
    }
}
