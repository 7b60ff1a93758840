//! The SPF (TXT) and autodiscover (CNAME) records: reading DoH answers of any shape, the
//! verdicts, saving them, and the check rule that holds only with an answer.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{checklist, today};
use email_troubleshooter::model::checks::autodiscover::{
    self, AutodiscoverFound, AutodiscoverVerdict, MAX_CHAIN,
};
use email_troubleshooter::model::checks::contradiction::contradictions;
use email_troubleshooter::model::checks::describe::{self, Standing};
use email_troubleshooter::model::checks::json::Json;
use email_troubleshooter::model::checks::spf::{self, txt_text, SpfVerdict, MAX_NAMED};
use email_troubleshooter::model::checks::{
    AutodiscoverCheck, CheckKind, CheckResult, Checks, Failure, SpfCheck,
};
use email_troubleshooter::model::config::{CheckSettings, Config, Expected, Setting};
use email_troubleshooter::model::saved::{decode, encode};
use email_troubleshooter::model::{diagnose, Action, Checklist, Confidence, Progress, Timestamp};
use proptest::prelude::*;

fn string(text: &str) -> Json {
    Json::String(text.into())
}

fn record(kind: f64, name: &str, data: &str) -> Json {
    Json::Object(vec![
        ("name".into(), string(name)),
        ("type".into(), Json::Number(kind)),
        ("TTL".into(), Json::Number(300.0)),
        ("data".into(), string(data)),
    ])
}

fn answer(status: f64, records: Vec<Json>) -> Json {
    Json::Object(vec![
        ("Status".into(), Json::Number(status)),
        ("Answer".into(), Json::Array(records)),
    ])
}

fn txt(texts: &[&str]) -> Json {
    answer(
        0.0,
        texts
            .iter()
            .map(|t| record(16.0, "example.com.", t))
            .collect(),
    )
}

fn spf_of(texts: &[&str]) -> Option<SpfVerdict> {
    spf::verdict(&txt(texts), "emailsrvr.com")
}

#[test]
fn a_txt_record_split_into_quoted_strings_is_joined_without_spaces() {
    assert_eq!(
        txt_text(r#""v=spf1 i" "nclude:emailsrvr.com ~all""#).as_deref(),
        Some("v=spf1 include:emailsrvr.com ~all")
    );
    assert_eq!(
        txt_text(r#""say \"hi\"\\" "\065\066""#).as_deref(),
        Some(r#"say "hi"\AB"#)
    );
    // Some services give the text without quotes.
    assert_eq!(txt_text("v=spf1 -all").as_deref(), Some("v=spf1 -all"));
    for broken in [r#""open"#, r#""a" b"#, r#""\12""#, r#""\999""#, r#""a\"#] {
        assert_eq!(txt_text(broken), None, "{broken}");
    }
    assert_eq!(
        spf_of(&[r#""v=spf1 include:_spf.example.net i" "nclude:emailsrvr.com ~all""#]),
        Some(SpfVerdict::Included)
    );
}

#[test]
fn every_spf_verdict() {
    let missing = |named: &[&str], others| SpfVerdict::Missing {
        named: named.iter().map(|n| (*n).into()).collect(),
        others,
    };
    let cases: [(&[&str], SpfVerdict); 12] = [
        (
            &[
                r#""google-site-verification=x""#,
                r#""v=spf1 include:emailsrvr.com ~all""#,
            ],
            SpfVerdict::Included,
        ),
        // Case-insensitive (RFC 7208), any qualifier, a trailing dot, or a redirect.
        (
            &[r#""V=SPF1 ~INCLUDE:EmailSrvr.com. -all""#],
            SpfVerdict::Included,
        ),
        (
            &[r#""v=spf1 redirect=emailsrvr.com""#],
            SpfVerdict::Included,
        ),
        (
            &[r#""v=spf1 include:_spf.google.com include:mailgun.org ~all""#],
            missing(&["_spf.google.com", "mailgun.org"], 0),
        ),
        // Terms that let servers send may cover the provider's: counted, not followed.
        (&[r#""v=spf1 mx -all""#], missing(&[], 1)),
        (
            &[
                r#""v=spf1 ip4:192.0.2.1 IP6:2001:db8::/32 a:mail.example.net exists:%{i}.x.net ~all""#,
            ],
            missing(&[], 4),
        ),
        // Nothing in it could cover any server: `all`, modifiers and unknown words.
        (&[r#""v=spf1 exp=why.example.net -all""#], missing(&[], 0)),
        (&[r#""v=spf1 amx ip5:1.2.3.4 ~all""#], missing(&[], 0)),
        // A macro is no name to show; it is counted.
        (
            &[r#""v=spf1 include:%{i}.example.net include:a.example.net -all""#],
            missing(&["a.example.net"], 1),
        ),
        (
            &[r#""v=spf10 include:emailsrvr.com""#, r#""hello""#],
            SpfVerdict::NoRecord,
        ),
        (&[], SpfVerdict::NoRecord),
        (
            &[r#""v=spf1 include:emailsrvr.com ~all""#, r#""v=spf1 -all""#],
            SpfVerdict::Several(2),
        ),
    ];
    for (texts, verdict) in cases {
        assert_eq!(spf_of(texts), Some(verdict), "{texts:?}");
    }
    let many: Vec<String> = (0..40)
        .map(|i| format!("include:n{i}.example.net"))
        .collect();
    let long = format!("\"v=spf1 {} -all\"", many.join(" "));
    match spf_of(&[&long]) {
        Some(SpfVerdict::Missing { named, others }) => {
            assert_eq!((named.len(), others), (MAX_NAMED, 40 - MAX_NAMED as u32))
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        spf::verdict(&answer(3.0, vec![]), "emailsrvr.com"),
        Some(SpfVerdict::NoRecord)
    );
    assert_eq!(
        spf::verdict(&answer(2.0, vec![]), "emailsrvr.com"),
        Some(SpfVerdict::DnsFailure)
    );
    // Records of another type on the way are passed over.
    let mixed = answer(
        0.0,
        vec![
            record(5.0, "example.com.", "other.example.net."),
            record(
                16.0,
                "example.com.",
                r#""v=spf1 include:emailsrvr.com -all""#,
            ),
        ],
    );
    assert_eq!(
        spf::verdict(&mixed, "emailsrvr.com"),
        Some(SpfVerdict::Included)
    );
}

#[test]
fn txt_answers_of_the_wrong_shape_are_unreadable_not_empty() {
    let wrong = [
        Json::Null,
        Json::Object(vec![("Answer".into(), Json::Array(vec![]))]),
        answer(0.5, vec![]),
        Json::Object(vec![
            ("Status".into(), Json::Number(0.0)),
            ("Answer".into(), string("x")),
        ]),
        answer(0.0, vec![string("v=spf1")]),
        answer(
            0.0,
            vec![Json::Object(vec![
                ("type".into(), string("16")),
                ("data".into(), string("v=spf1")),
            ])],
        ),
        answer(
            0.0,
            vec![Json::Object(vec![
                ("type".into(), Json::Number(16.0)),
                ("data".into(), Json::Number(1.0)),
            ])],
        ),
        txt(&[r#""v=spf1 unterminated"#]),
    ];
    for (index, answer) in wrong.iter().enumerate() {
        assert_eq!(spf::verdict(answer, "emailsrvr.com"), None, "{answer:?}");
        // The last two are wrong only as TXT records: a CNAME reader passes them over.
        if index < 6 {
            assert_eq!(
                autodiscover::found(answer, NAME, TARGET),
                None,
                "{answer:?}"
            );
        }
    }
}

const NAME: &str = "autodiscover.example.com";
const TARGET: &str = "autodiscover.emailsrvr.com";

fn cnames(links: &[(&str, &str)]) -> Json {
    answer(
        0.0,
        links
            .iter()
            .map(|(from, to)| record(5.0, from, to))
            .collect(),
    )
}

fn chain_of(found: Option<AutodiscoverFound>) -> (Vec<String>, AutodiscoverVerdict) {
    let found = found.expect("readable");
    (found.chain, found.verdict)
}

#[test]
fn every_autodiscover_verdict_and_chains_followed_as_far_as_the_answer_goes() {
    use AutodiscoverVerdict::*;
    let found = |answer: &Json| chain_of(autodiscover::found(answer, NAME, TARGET));
    assert_eq!(
        found(&cnames(&[(
            "Autodiscover.Example.com.",
            "autodiscover.emailsrvr.com."
        )])),
        (vec![TARGET.to_string()], Matches)
    );
    assert_eq!(
        found(&cnames(&[(NAME, "autodiscover.outlook.com.")])),
        (vec!["autodiscover.outlook.com".to_string()], Elsewhere)
    );
    assert_eq!(
        found(&cnames(&[
            ("ad.example.net", TARGET),
            (NAME, "ad.example.net."),
        ])),
        (
            vec!["ad.example.net".to_string(), TARGET.to_string()],
            Matches
        )
    );
    assert_eq!(found(&cnames(&[])), (vec![], NotSet));
    assert_eq!(found(&answer(3.0, vec![])), (vec![], NotSet));
    assert_eq!(found(&answer(2.0, vec![])), (vec![], DnsFailure));
    // A CNAME for another name, or an A record, is no autodiscover record.
    assert_eq!(
        found(&cnames(&[("www.example.com", TARGET)])),
        (vec![], NotSet)
    );
    assert_eq!(
        found(&answer(0.0, vec![record(1.0, NAME, "192.0.2.1")])),
        (vec![], NotSet)
    );
    // A loop ends where it turns back; a chain going on past MAX_CHAIN names is too long to
    // say where it ends, never "elsewhere".
    let (chain, verdict) = found(&cnames(&[(NAME, "a.example.net"), ("a.example.net", NAME)]));
    assert_eq!(
        (chain, verdict),
        (vec!["a.example.net".to_string()], Elsewhere)
    );
    let names: Vec<String> = (0..50).map(|i| format!("n{i}.example.net")).collect();
    let mut links = vec![(NAME.to_string(), names[0].clone())];
    links.extend(names.windows(2).map(|w| (w[0].clone(), w[1].clone())));
    let links: Vec<(&str, &str)> = links
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let (chain, verdict) = found(&cnames(&links));
    assert_eq!((chain.len(), verdict), (MAX_CHAIN, TooLong));
    // a → b → c → d → the provider's target: the walk stops at d with a link still to follow.
    let long = [
        (NAME, "a.example.net"),
        ("a.example.net", "b.example.net"),
        ("b.example.net", "c.example.net"),
        ("c.example.net", "d.example.net"),
        ("d.example.net", TARGET),
    ];
    assert_eq!(found(&cnames(&long)).1, TooLong);
    // Four names ending at the target, or ending anywhere else, are whole chains.
    assert_eq!(found(&cnames(&long[1..])).1, NotSet);
    let mut four = long[..4].to_vec();
    four[3] = ("c.example.net", TARGET);
    assert_eq!(found(&cnames(&four)).1, Matches);
    four[3] = ("c.example.net", "autodiscover.outlook.com");
    assert_eq!(found(&cnames(&four)).1, Elsewhere);
    // A chain that turns back at its fourth name ends there: it doesn't go on.
    four[3] = ("c.example.net", "a.example.net");
    assert_eq!(found(&cnames(&four)).1, Elsewhere);
    // A CNAME naming no DNS name makes the answer unreadable, never "not set".
    assert_eq!(
        autodiscover::found(&cnames(&[(NAME, "<b>evil</b>")]), NAME, TARGET),
        None
    );
}

fn arbitrary_json() -> impl Strategy<Value = Json> {
    common::json_like(
        &[
            "\"v=spf1( [a-z:.~%{}]{0,12}){0,4}\"( \"[a-z :.\\\\\"]{0,10}\"){0,3}",
            "(autodiscover\\.example\\.com|[a-z]{1,5}\\.example\\.net)\\.?",
            "\"[\\\\0-9\"]{0,8}",
        ],
        &["Status", "Answer", "type", "data", "name"],
        6,
    )
}

/// Nested `depth` arrays deep, around a TXT record.
fn nested(depth: usize) -> Json {
    let mut value = txt(&[r#""v=spf1 -all""#]);
    for _ in 0..depth {
        value = Json::Array(vec![value]);
    }
    value
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn reading_any_answer_never_panics_and_keeps_little(answer in arbitrary_json()) {
        if let Some(SpfVerdict::Missing { named, .. }) = spf::verdict(&answer, "emailsrvr.com") {
            prop_assert!(named.len() <= MAX_NAMED);
        }
        if let Some(found) = autodiscover::found(&answer, NAME, TARGET) {
            prop_assert!(found.chain.len() <= MAX_CHAIN);
            prop_assert_eq!(found.chain.is_empty(), matches!(found.verdict, AutodiscoverVerdict::NotSet | AutodiscoverVerdict::DnsFailure));
        }
    }

    #[test]
    fn any_txt_data_is_read_or_refused_without_panicking(data in "(\"|\\\\|[0-9]|.){0,60}") {
        let _ = txt_text(&data);
        let _ = spf_of(&[&data]);
    }
}

#[test]
fn huge_and_deeply_nested_answers_are_read_or_refused_quickly() {
    let huge = format!("\"v=spf1 {}\"", "include:a.example.net ".repeat(50_000));
    assert_eq!(
        spf_of(&[&huge]),
        Some(SpfVerdict::Missing {
            named: vec!["a.example.net".into()],
            others: 0
        })
    );
    let long_name = format!("\"v=spf1 include:{}.net\"", "a".repeat(100_000));
    assert_eq!(
        spf_of(&[&long_name]),
        Some(SpfVerdict::Missing {
            named: vec![],
            others: 1
        })
    );
    assert_eq!(spf::verdict(&nested(10_000), "emailsrvr.com"), None);
    let many: Vec<String> = (0..10_000).map(|i| format!("\"token{i}\"")).collect();
    let many: Vec<&str> = many.iter().map(String::as_str).collect();
    assert_eq!(spf_of(&many), Some(SpfVerdict::NoRecord));
}

fn spf_check(outcome: Result<SpfVerdict, Failure>) -> SpfCheck {
    SpfCheck {
        domain: "example.com".into(),
        outcome,
        at: Timestamp(1_795_497_000),
    }
}

fn autodiscover_check(chain: &[&str], verdict: AutodiscoverVerdict) -> AutodiscoverCheck {
    AutodiscoverCheck {
        domain: "example.com".into(),
        outcome: Ok(AutodiscoverFound {
            chain: chain.iter().map(|c| (*c).into()).collect(),
            verdict,
        }),
        at: Timestamp(1_795_497_000),
    }
}

fn walked(choices: &[&str], checks: Vec<CheckResult>) -> Progress {
    let content = checklist();
    let mut progress = common::walk(&content, choices);
    for check in checks {
        progress.apply(&content, Action::Checked(check), Timestamp(0));
    }
    progress
}

#[test]
fn spf_and_autodiscover_results_are_saved_and_read_back() {
    let content = checklist();
    let cases = [
        (
            spf_check(Ok(SpfVerdict::Missing {
                named: vec!["_spf.google.com".into(), "mailgun.org".into()],
                others: 3,
            })),
            autodiscover_check(
                &["ad.old.example", "autodiscover.old.example"],
                AutodiscoverVerdict::Elsewhere,
            ),
        ),
        (
            spf_check(Ok(SpfVerdict::Several(2))),
            autodiscover_check(&[], AutodiscoverVerdict::NotSet),
        ),
        (
            spf_check(Err(Failure::Timeout)),
            AutodiscoverCheck {
                outcome: Err(Failure::Cors),
                ..autodiscover_check(&[], AutodiscoverVerdict::NotSet)
            },
        ),
        (
            spf_check(Ok(SpfVerdict::Missing {
                named: vec![],
                others: 0,
            })),
            autodiscover_check(&[TARGET], AutodiscoverVerdict::Matches),
        ),
    ];
    for (spf, autodiscover) in cases {
        let progress = walked(
            &["yes", "no", "no", "no", "no", "no"],
            vec![
                CheckResult::Spf(spf),
                CheckResult::Autodiscover(autodiscover),
            ],
        );
        let line = encode(&progress, &content);
        let restored = decode(&line, &content, today()).expect("trusted");
        assert_eq!(
            (restored.progress, restored.checks_left_out),
            (progress, 0),
            "{line}"
        );
    }
    let line = encode(
        &walked(
            &["yes", "no", "no", "no", "no", "no"],
            vec![CheckResult::Autodiscover(autodiscover_check(
                &["autodiscover.old.example"],
                AutodiscoverVerdict::Elsewhere,
            ))],
        ),
        &content,
    );
    assert!(
        line.contains(
            "&check.autodiscover=example.com/elsewhere/autodiscover.old.example@1795497000"
        ),
        "{line}"
    );
}

#[test]
fn a_hostile_saved_spf_or_autodiscover_result_is_left_out_alone() {
    let content = checklist();
    let answered = encode(
        &common::walk(&content, &["yes", "no", "no", "no", "no", "no"]),
        &content,
    );
    let ok = "check.spf=example.com/included@1";
    for bad in [
        "check.spf=example.com/maybe@1",
        "check.spf=example.com/several:1@1",
        "check.spf=example.com/several:x@1",
        "check.spf=example.com/missing:a+b@1",
        "check.spf=example.com/missing:a.net+b.net+c.net+d.net+e.net+f.net:0@1",
        "check.spf=example.com/missing:x~26computer~3Dyes:0@1",
        "check.spf=Example.com/included@1",
        "check.spf=example.com/included",
        "check.autodiscover=example.com/elsewhere/@1",
        "check.autodiscover=example.com/notset/a.example.net@1",
        "check.autodiscover=example.com/match/a.net/b.net@1",
        "check.autodiscover=example.com/elsewhere/a~3Cb~3E.net@1",
        "check.autodiscover=example.com/elsewhere/a1.n+a2.n+a3.n+a4.n+a5.n+a6.n+a7.n+a8.n+a9.n@1",
        "check.autodiscover=example.com/whatever/a.net@1",
    ] {
        let line = format!("{answered}&{ok}&{bad}");
        let restored = decode(&line, &content, today()).expect("the answers are trusted");
        assert_eq!(restored.checks_left_out, 1, "{bad}");
        assert!(
            restored.progress.checks().spf.is_some(),
            "the good result stays: {bad}"
        );
        assert_eq!(
            restored.progress.answers(),
            decode(&answered, &content, today())
                .expect("trusted")
                .progress
                .answers(),
            "{bad}"
        );
    }
}

fn any_spf_check() -> impl Strategy<Value = SpfCheck> {
    let name = "[a-z0-9_-]{1,20}(\\.[a-z0-9-]{1,20}){1,3}";
    let verdict = prop_oneof![
        Just(SpfVerdict::Included),
        Just(SpfVerdict::NoRecord),
        Just(SpfVerdict::DnsFailure),
        (2u32..).prop_map(SpfVerdict::Several),
        (prop::collection::vec(name, 0..=MAX_NAMED), any::<u32>())
            .prop_map(|(named, others)| SpfVerdict::Missing { named, others }),
    ];
    (
        name,
        prop_oneof![verdict.prop_map(Ok), Just(Err(Failure::Malformed))],
        0u64..99_999_999_999,
    )
        .prop_map(|(domain, outcome, at)| SpfCheck {
            domain,
            outcome,
            at: Timestamp(at),
        })
}

fn any_autodiscover_check() -> impl Strategy<Value = AutodiscoverCheck> {
    let name = "[a-z0-9_-]{1,20}(\\.[a-z0-9-]{1,20}){1,3}";
    let found = prop_oneof![
        prop::collection::vec(name, 1..=MAX_CHAIN).prop_flat_map(|chain| {
            prop_oneof![
                Just(AutodiscoverVerdict::Matches),
                Just(AutodiscoverVerdict::Elsewhere)
            ]
            .prop_map(move |verdict| AutodiscoverFound {
                chain: chain.clone(),
                verdict,
            })
        }),
        prop::collection::vec(name, MAX_CHAIN).prop_map(|chain| AutodiscoverFound {
            chain,
            verdict: AutodiscoverVerdict::TooLong,
        }),
        prop_oneof![
            Just(AutodiscoverVerdict::NotSet),
            Just(AutodiscoverVerdict::DnsFailure)
        ]
        .prop_map(|verdict| AutodiscoverFound {
            chain: vec![],
            verdict
        }),
    ];
    (
        name,
        prop_oneof![found.prop_map(Ok), Just(Err(Failure::Timeout))],
        0u64..99_999_999_999,
    )
        .prop_map(|(domain, outcome, at)| AutodiscoverCheck {
            domain,
            outcome,
            at: Timestamp(at),
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn any_result_a_check_makes_is_read_back_as_it_was(spf in any_spf_check(), autodiscover in any_autodiscover_check()) {
        let content = checklist();
        let progress = walked(&["yes", "no", "no", "no", "no", "no"], vec![CheckResult::Spf(spf), CheckResult::Autodiscover(autodiscover)]);
        let line = encode(&progress, &content);
        let restored = decode(&line, &content, today()).expect("trusted");
        prop_assert_eq!((restored.progress, restored.checks_left_out), (progress, 0));
    }

    #[test]
    fn any_saved_value_is_read_or_left_out_without_panicking(value in ".{0,80}", key in "(spf|autodiscover)") {
        let content = checklist();
        let answered = encode(&common::walk(&content, &["yes", "no", "no", "no", "no", "no"]), &content);
        let _ = decode(&format!("{answered}&check.{key}={value}"), &content, today());
    }
}

fn elsewhere() -> CheckResult {
    CheckResult::Autodiscover(autodiscover_check(
        &["autodiscover.outlook.com"],
        AutodiscoverVerdict::Elsewhere,
    ))
}

#[test]
fn autodiscover_elsewhere_is_a_strong_sign_of_a_move_or_upgrade_only_with_that_yes() {
    let content = checklist();
    // webmail, migrated, upgraded, domain, computer, network
    let moved = walked(&["yes", "yes", "no", "no", "no", "no"], vec![elsewhere()]);
    let diagnosis = diagnose(&content, &moved);
    let cause = &diagnosis.causes()[0];
    assert_eq!(
        (&*cause.finding, cause.confidence, cause.checks.as_slice()),
        (
            "migration",
            Confidence::Strong,
            &[CheckKind::Autodiscover][..]
        )
    );
    let upgraded = walked(&["yes", "no", "yes", "no", "no", "no"], vec![elsewhere()]);
    let diagnosis = diagnose(&content, &upgraded);
    let cause = &diagnosis.causes()[0];
    assert_eq!(
        (&*cause.finding, cause.confidence),
        ("upgrade", Confidence::Strong)
    );

    // Without a Yes, the record points to no cause and contradicts no answer.
    for unsure in [
        ["yes", "no", "no", "no", "no", "no"],
        ["yes", "unsure", "unsure", "no", "no", "no"],
    ] {
        let progress = walked(&unsure, vec![elsewhere()]);
        assert!(
            diagnose(&content, &progress).causes().is_empty(),
            "{unsure:?}"
        );
        assert_eq!(contradictions(&content, &progress), vec![], "{unsure:?}");
    }
}

#[test]
fn spf_findings_point_to_no_connection_cause() {
    let content = checklist();
    for verdict in [
        SpfVerdict::NoRecord,
        SpfVerdict::Several(3),
        SpfVerdict::Missing {
            named: vec!["_spf.google.com".into()],
            others: 0,
        },
        SpfVerdict::Missing {
            named: vec![],
            others: 0,
        },
    ] {
        let progress = walked(
            &["yes", "no", "no", "yes", "no", "no"],
            vec![CheckResult::Spf(spf_check(Ok(verdict.clone())))],
        );
        let causes: Vec<(String, Vec<CheckKind>)> = diagnose(&content, &progress)
            .causes()
            .iter()
            .map(|c| (c.finding.clone(), c.checks.clone()))
            .collect();
        assert_eq!(
            causes,
            vec![("domain".to_string(), vec![])],
            "{verdict:?}: only question 5's answer"
        );
        let check = spf_check(Ok(verdict));
        let line = describe::spf(&content, &check, "emailsrvr.com", "dns.example", 8);
        assert!(
            line.contains("This affects sending, not connecting"),
            "{line}"
        );
        // A problem, but tagged as one with sending, never as one connecting.
        let standing = describe::spf_standing(&content, &check);
        let covers_nothing =
            !matches!(&check.outcome, Ok(SpfVerdict::Missing { named, .. }) if !named.is_empty());
        assert_eq!(
            matches!(standing, Standing::Sending(_)),
            covers_nothing,
            "{check:?}"
        );
    }
    // Another include may well include the provider's: not named directly, not followed, so
    // no problem is claimed.
    let missing = spf_check(Ok(SpfVerdict::Missing {
        named: vec!["_spf.google.com".into(), "mailgun.org".into()],
        others: 2,
    }));
    assert_eq!(
        describe::spf(&content, &missing, "emailsrvr.com", "dns.example", 8),
        "The SPF record doesn't name emailsrvr.com directly. It names other senders (_spf.google.com, mailgun.org, 2 more terms), and one of them may cover Rackspace Cloud Office's servers: this check doesn't follow them. This affects sending, not connecting."
    );
    assert_eq!(
        describe::spf_standing(&content, &missing),
        Standing::Unknown
    );
    // Nothing in it could cover the provider: a problem with sending, said plainly.
    let bare = spf_check(Ok(SpfVerdict::Missing {
        named: vec![],
        others: 0,
    }));
    assert_eq!(
        describe::spf(&content, &bare, "emailsrvr.com", "dns.example", 8),
        "The SPF record doesn't name emailsrvr.com directly, and nothing else in it could cover Rackspace Cloud Office's servers. This affects sending, not connecting: other mail servers may reject mail your domain sends through Rackspace Cloud Office, or mark it as spam."
    );
    assert_eq!(
        describe::spf_standing(&content, &bare),
        Standing::Sending(content.text.next_spf())
    );
    let signals = |verdict| {
        let mut checks = Checks::default();
        checks.record(CheckResult::Spf(spf_check(Ok(verdict))));
        let signals = checks.signals(today()).into_iter();
        signals.map(|(s, kind)| (s.id(), kind)).collect::<Vec<_>>()
    };
    assert_eq!(
        signals(bare.outcome.clone().expect("ok")),
        vec![("spf_missing", CheckKind::Spf)]
    );
    assert_eq!(signals(missing.outcome.clone().expect("ok")), vec![]);
}

#[test]
fn an_autodiscover_chain_too_long_to_follow_is_no_sign_even_after_a_move() {
    let content = checklist();
    let long = autodiscover_check(
        &[
            "a.example.net",
            "b.example.net",
            "c.example.net",
            "d.example.net",
        ],
        AutodiscoverVerdict::TooLong,
    );
    let moved = walked(
        &["yes", "yes", "no", "no", "no", "no"],
        vec![CheckResult::Autodiscover(long.clone())],
    );
    let diagnosis = diagnose(&content, &moved);
    assert!(
        diagnosis.causes().iter().all(|c| c.checks.is_empty()),
        "{:?}",
        diagnosis.causes()
    );
    assert_eq!(
        describe::autodiscover_standing(&content, &long),
        Standing::Unknown
    );
    assert_eq!(
        describe::autodiscover(&content, &long, TARGET, "dns.example", 8),
        "autodiscover.example.com leads on past a.example.net → b.example.net → c.example.net → d.example.net, through more than 4 names, further than this check follows: it can't tell where Outlook is sent."
    );
    // Saved and read back; a cut chain is only ever a whole MAX_CHAIN names.
    let line = encode(&moved, &content);
    assert!(line.contains("&check.autodiscover=example.com/toolong/a.example.net+b.example.net+c.example.net+d.example.net@"), "{line}");
    let restored = decode(&line, &content, today()).expect("trusted");
    assert_eq!((restored.progress, restored.checks_left_out), (moved, 0));
    let short = line.replace("+d.example.net@", "@");
    assert_eq!(
        decode(&short, &content, today())
            .expect("trusted")
            .checks_left_out,
        1
    );
}

#[test]
fn each_record_has_one_plain_line() {
    let content = checklist();
    let line = |chain: &[&str], verdict| {
        describe::autodiscover(
            &content,
            &autodiscover_check(chain, verdict),
            TARGET,
            "dns.example",
            8,
        )
    };
    assert_eq!(
        line(&["autodiscover.outlook.com"], AutodiscoverVerdict::Elsewhere),
        "autodiscover.example.com points to autodiscover.outlook.com, not to autodiscover.emailsrvr.com. When Outlook sets up your account, it may be sent there (often to the provider your mail was with before) instead of to your mailbox at Rackspace Cloud Office."
    );
    assert_eq!(
        line(&["ad.example.net", TARGET], AutodiscoverVerdict::Matches),
        "autodiscover.example.com points to ad.example.net → autodiscover.emailsrvr.com, as it should: Outlook can find your mailbox's settings by itself."
    );
    assert!(line(&[], AutodiscoverVerdict::NotSet)
        .starts_with("autodiscover.example.com has no autodiscover record"));
    let not_set = autodiscover_check(&[], AutodiscoverVerdict::NotSet);
    assert_eq!(
        describe::autodiscover_standing(&content, &not_set),
        Standing::Fine,
        "not set is not alarming"
    );
    let failed = AutodiscoverCheck {
        outcome: Err(Failure::Timeout),
        ..not_set
    };
    assert_eq!(
        describe::autodiscover(&content, &failed, TARGET, "dns.example", 8),
        "dns.example didn't answer within 8 seconds. Try again in a moment."
    );
    assert_eq!(
        describe::autodiscover_standing(&content, &failed),
        Standing::Unknown
    );
}

#[test]
fn a_check_rule_must_name_an_answer_this_checklist_has() {
    let broken = |answer: &str| {
        let mut content: Checklist = checklist();
        content.check_rules.to_mut()[0].if_answer = Some(answer.to_string().into());
        content
            .problems()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(broken("migrated=yes"), Vec::<String>::new());
    for wrong in ["migrated=maybe", "moved=yes", "migrated", "=yes"] {
        assert_eq!(
            broken(wrong),
            ["check_rules[0] (mx_none): needs if_answer as step=option of this checklist"],
            "{wrong}"
        );
    }
}

#[test]
fn the_spf_include_and_autodiscover_target_settings_take_one_host_name() {
    let mut config = Config::default();
    assert_eq!(
        config.set(Setting::SpfInclude, " Mail.Example.com "),
        Ok(())
    );
    assert_eq!(
        config.set(Setting::AutodiscoverTarget, "autodiscover.example.net"),
        Ok(())
    );
    for wrong in [
        "",
        "a b.com",
        "https://x.com",
        "x@example.com",
        "a.com,b.com",
        "localhost",
    ] {
        assert_eq!(
            config.set(Setting::SpfInclude, wrong),
            Err(Expected::Host),
            "{wrong}"
        );
        assert_eq!(
            config.set(Setting::AutodiscoverTarget, wrong),
            Err(Expected::Host),
            "{wrong}"
        );
    }
    let content = checklist();
    let settings = config.check_settings(&content);
    assert_eq!(
        (
            settings.spf_include.as_str(),
            settings.autodiscover_target.as_str()
        ),
        ("mail.example.com", "autodiscover.example.net"),
        "the last good value stays"
    );
    let defaults = CheckSettings::default();
    assert_eq!(
        (
            defaults.spf_include.as_str(),
            defaults.autodiscover_target.as_str()
        ),
        ("emailsrvr.com", TARGET)
    );
    assert_eq!(
        defaults.dns_request("autodiscover.example.com", "CNAME"),
        "https://cloudflare-dns.com/dns-query?name=autodiscover.example.com&type=CNAME"
    );
    assert_eq!(Setting::SpfInclude.attribute(), Some("spf-include"));
    assert_eq!(Setting::AutodiscoverTarget.json_key(), "autodiscoverTarget");
}
