//! The address parameters an agency or a link sets: good values apply, bad ones fall back with a
//! warning, hostile ones end up inert.

use client_fit_core::config::{
    ink_for, parse_colour, share_base, AllowList, Config, Contact, QuizChoice, HIDDEN_MAX,
};
use client_fit_core::host::{HostEvent, Value};
use client_fit_core::money::Currency;
use client_fit_core::{english_bank as bank, evaluate, Audience};

fn params(search: &str) -> (Config, Vec<&'static str>) {
    let (c, w) = Config::from_query(search);
    (c, w.iter().map(|w| w.param).collect())
}

#[test]
fn quiz_parameter_picks_a_quiz_the_chooser_or_says_it_is_unknown() {
    assert_eq!(params("").0.quiz, QuizChoice::Resume);
    assert_eq!(
        params("?utm_source=x&quiz=client").0.quiz,
        QuizChoice::Quiz(Audience::Client)
    );
    assert_eq!(
        params("?quiz=specialist").0.quiz,
        QuizChoice::Quiz(Audience::Specialist)
    );
    assert_eq!(params("?quiz=chooser").0.quiz, QuizChoice::Chooser);
    for bad in ["?quiz=%3Cscript%3E", "?quiz=", "?quiz=client&quiz=admin"] {
        let (c, w) = params(bad);
        assert!(c.bad_quiz, "{bad}");
        assert_eq!(w, ["quiz"], "{bad}");
    }
}

#[test]
fn a_full_agency_configuration_applies() {
    let (c, w) = params(
        "?quiz=client&lang=en-GB&accent=%23C2185B&agency=Acme+Digital&contact=mailto%3Ahello%40acme.example&currency=eur&fit=1&origin=https%3A%2F%2Facme.example",
    );
    assert!(w.is_empty(), "{w:?}");
    assert_eq!(c.lang, Some(client_fit_core::i18n::Lang::En));
    assert_eq!(c.accent.as_deref(), Some("#c2185b"));
    assert_eq!(c.agency.as_deref(), Some("Acme Digital"));
    assert_eq!(c.contact, Some(Contact::Mail("hello@acme.example".into())));
    assert_eq!(c.currency, Some(Currency::Eur));
    assert!(c.fit);
    assert_eq!(c.parent_origin.as_deref(), Some("https://acme.example"));
    assert!(!c.hide_desk, "the way to the desk shows unless asked");
}

#[test]
fn desk_0_hides_the_way_to_the_desk_and_nothing_else_does() {
    assert!(params("?desk=0").0.hide_desk);
    for other in ["?desk=1", "?desk=", "?desk=no", "?quiz=client"] {
        assert!(!params(other).0.hide_desk, "{other}");
    }
}

#[test]
fn bad_and_hostile_values_fall_back_with_a_warning() {
    let hostile = [
        ("accent", "red;background:url(https://evil.example/x)"),
        ("accent", "#12345g"),
        ("accent", "expression(alert(1))"),
        ("contact", "javascript:alert(1)"),
        ("contact", "JaVaScRiPt:alert(1)"),
        ("contact", "data:text/html,<script>alert(1)</script>"),
        ("contact", "http://plain.example/"),
        ("contact", "https://user:pw@evil.example/"),
        ("contact", "https://ok.example/\"onmouseover=\"alert(1)"),
        ("contact", "mailto:a@b.example?bcc=everyone@x.example"),
        ("contact", "mailto:a%0Abcc:x@b.example"),
        ("currency", "BTC"),
        ("lang", "xx"),
        ("origin", "javascript:alert(1)"),
    ];
    for (key, value) in hostile {
        let encoded: String = value.bytes().map(|b| format!("%{b:02X}")).collect();
        let (c, w) = params(&format!("?{key}={encoded}"));
        assert_eq!(w, [key], "{key}={value} was accepted: {c:?}");
        assert_eq!(c, Config::default(), "{key}={value}");
    }
    assert_eq!(params("?accent=%zz").1, ["accent"]);
}

#[test]
fn markup_in_the_agency_name_stays_text_and_long_names_are_cut() {
    let (c, _) = params("?agency=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
    // Kept as text: the UI renders it as a text node, never as markup.
    assert_eq!(c.agency.as_deref(), Some("<img src=x onerror=alert(1)>"));
    let (c, _) = params(&format!("?agency={}", "A".repeat(500)));
    assert_eq!(c.agency.map(|a| a.chars().count()), Some(60));
    let (c, w) = params("?agency=%20%0A%09");
    assert_eq!((c.agency, w), (None, vec!["agency"]));
}

#[test]
fn colours_normalise_and_get_a_readable_ink() {
    assert_eq!(parse_colour("#ABC").as_deref(), Some("#aabbcc"));
    assert_eq!(parse_colour("2f6fdb").as_deref(), Some("#2f6fdb"));
    assert_eq!(parse_colour("#2f6fd"), None);
    assert_eq!(ink_for("#ffff00"), "#111111");
    assert_eq!(ink_for("#1d1f23"), "#ffffff");
    assert_eq!(ink_for("#2f6fdb"), "#ffffff");
    assert_eq!(ink_for("#c2185b"), "#ffffff");
    assert_eq!(ink_for("#7aa7ff"), "#111111");
    // Against the exact WCAG formula over a grid of colours: the better ink, except where the two
    // contrasts are within 5 % of each other (and then either passes the same).
    let lin = |v: u32| {
        let v = f64::from(v) / 255.0;
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    for r in (0..=255).step_by(15) {
        for g in (0..=255).step_by(15) {
            for b in (0..=255).step_by(15) {
                let l = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
                let (on_white, on_dark) = (1.05 / (l + 0.05), (l + 0.05) / 0.0556);
                let best = if on_white >= on_dark {
                    "#ffffff"
                } else {
                    "#111111"
                };
                let colour = format!("#{r:02x}{g:02x}{b:02x}");
                let close = (on_white / on_dark - 1.0).abs() < 0.05;
                assert!(
                    close || ink_for(&colour) == best,
                    "{colour}: {on_white:.2} vs {on_dark:.2}"
                );
            }
        }
    }
}

#[test]
fn the_send_button_carries_the_share_link() {
    let link = "https://cf.example/#r=EH78AAAAAAAAAADGPg";
    let mail = Contact::Mail("hello@acme.example".into()).href(link, "My result", &[]);
    assert_eq!(
        mail,
        "mailto:hello@acme.example?subject=My%20result&body=https%3A%2F%2Fcf.example%2F%23r%3DEH78AAAAAAAAAADGPg"
    );
    // In the fragment: kept out of the agency server's logs and out of the Referer.
    let page = Contact::Page("https://acme.example/brief?src=cf#form".into()).href(link, "x", &[]);
    assert_eq!(
        page,
        "https://acme.example/brief?src=cf#cf_result=https%3A%2F%2Fcf.example%2F%23r%3DEH78AAAAAAAAAADGPg"
    );
    let templ = Contact::Page("https://acme.example/r/{link}".into()).href(link, "x", &[]);
    assert!(templ.starts_with("https://acme.example/r/https%3A%2F%2Fcf.example"));
}

#[test]
fn fields_passed_through_are_checked_and_ride_only_on_the_send_address() {
    let query = "?quiz=client&hidden_utm_source=spring%20%3Cb%3E&hidden_ref=ann&hidden_Bad=x\
                 &hidden_long="
        .to_owned()
        + &"y".repeat(201)
        + "&hidden_ctl=a%0Ab";
    let (config, warnings) = Config::from_query(&query);
    assert_eq!(
        config.hidden,
        [
            ("utm_source".to_owned(), "spring <b>".to_owned()),
            ("ref".to_owned(), "ann".to_owned())
        ]
    );
    // One warning per field left out, none of them echoing its value.
    assert_eq!(warnings.len(), 3);
    assert!(warnings
        .iter()
        .all(|w| w.param == "hidden_*" && !w.why.contains("spring")));
    let many: String = (0..12).map(|i| format!("&hidden_f{i}={i}")).collect();
    let (crowded, warnings) = Config::from_query(&many);
    assert_eq!(crowded.hidden.len(), HIDDEN_MAX);
    assert_eq!(warnings.len(), 2);

    let link = "https://cf.example/#r=EH78";
    let page = Contact::Page("https://acme.example/brief?src=cf#form".into());
    assert_eq!(
        page.href(link, "x", &config.hidden),
        "https://acme.example/brief?src=cf&utm_source=spring%20%3Cb%3E&ref=ann#cf_result=https%3A%2F%2Fcf.example%2F%23r%3DEH78"
    );
    let bare = Contact::Page("https://acme.example/r/{link}#top".into());
    assert_eq!(
        bare.href(link, "x", &config.hidden[1..]),
        "https://acme.example/r/https%3A%2F%2Fcf.example%2F%23r%3DEH78?ref=ann#top"
    );
    let mail = Contact::Mail("hello@acme.example".into()).href(link, "R", &config.hidden[1..]);
    assert!(
        mail.ends_with("&body=https%3A%2F%2Fcf.example%2F%23r%3DEH78%0Aref%3A%20ann"),
        "{mail}"
    );
    // Never in a share link.
    let href = format!("https://cf.example/app/{query}");
    assert_eq!(share_base(&href, &config), "https://cf.example/app/");
}

#[test]
fn share_links_drop_frame_only_parameters() {
    let plain = Config::default();
    assert_eq!(
        share_base("https://cf.example/app/?quiz=client&accent=%23c2185b&fit=1&origin=https%3A%2F%2Fa.example#r=x", &plain),
        "https://cf.example/app/?accent=%23c2185b"
    );
    assert_eq!(
        share_base("https://cf.example/?fit=1", &plain),
        "https://cf.example/"
    );
    assert_eq!(
        share_base("https://cf.example/", &plain),
        "https://cf.example/"
    );
}

fn allow() -> AllowList {
    AllowList::from_meta(
        &["Acme Digital".into()],
        &[
            "https://acme.example".into(),
            "mailto:hello@acme.example".into(),
        ],
    )
    .expect("a list")
}

const HOSTILE: &str =
    "?quiz=client&agency=Acme%20Digital&contact=https%3A%2F%2Fevil.example%2Fc%3Fx%3D%7Blink%7D";

#[test]
fn without_a_deployment_list_the_name_and_contact_stay_unvouched_and_out_of_share_links() {
    let (mut c, _) = Config::from_query(HOSTILE);
    assert!(c.enforce(None).is_empty());
    assert!(!c.vouched);
    // Shown with its host, so "Acme Digital" cannot hide where the result goes…
    assert_eq!(c.contact.as_ref().map(Contact::host), Some("evil.example"));
    // …and never passed on to the next reader.
    let href = format!("https://cf.example/{HOSTILE}#r=x");
    assert_eq!(share_base(&href, &c), "https://cf.example/");
}

#[test]
fn a_deployment_list_drops_what_it_does_not_name_and_passes_on_what_it_does() {
    let (mut c, _) = Config::from_query(HOSTILE);
    let dropped: Vec<&str> = c.enforce(Some(&allow())).iter().map(|w| w.param).collect();
    // The name is allowed; the destination is not.
    assert_eq!(dropped, ["contact"]);
    assert_eq!(c.agency.as_deref(), Some("Acme Digital"));
    assert_eq!(c.contact, None);
    let href = format!("https://cf.example/{HOSTILE}#r=x");
    assert_eq!(
        share_base(&href, &c),
        "https://cf.example/?agency=Acme%20Digital"
    );

    let good = "?agency=Acme+Digital&contact=https%3A%2F%2Facme.example%2Fbrief%3Fr%3D%7Blink%7D&accent=%23c2185b";
    let (mut c, _) = Config::from_query(good);
    assert!(c.enforce(Some(&allow())).is_empty());
    assert!(c.vouched);
    assert_eq!(
        share_base(&format!("https://cf.example/{good}"), &c),
        "https://cf.example/?accent=%23c2185b&agency=Acme%20Digital&contact=https%3A%2F%2Facme.example%2Fbrief%3Fr%3D%7Blink%7D"
    );
    // Another page of an allowed host is allowed; mail to an allowed address too; a look-alike
    // name or host is not.
    for (query, kept) in [
        ("?contact=https%3A%2F%2Facme.example%2Fother", true),
        ("?contact=mailto%3Ahello%40acme.example", true),
        ("?contact=mailto%3Ahello%40acme.example.evil.example", false),
        ("?contact=https%3A%2F%2Facme.example.evil.example%2F", false),
        ("?agency=Acme%20Digita1", false),
    ] {
        let (mut c, _) = Config::from_query(query);
        let warned = !c.enforce(Some(&allow())).is_empty();
        assert_eq!(warned, !kept, "{query}");
    }
    assert_eq!(AllowList::from_meta(&[], &[]), None);
}

#[test]
fn format_characters_never_reach_an_agency_name() {
    // Bidi overrides and isolates, zero-width characters, the byte-order mark: stripped.
    let (c, _) = params("?agency=%E2%80%AEAcme%E2%80%AC%E2%81%A6%20Digital%E2%80%8B%EF%BB%BF");
    assert_eq!(c.agency.as_deref(), Some("Acme Digital"));
    let (c, w) = params("?agency=%E2%80%8B%E2%80%8F");
    assert_eq!((c.agency, w), (None, vec!["agency"]));
}

#[test]
fn the_completion_event_carries_scores_but_no_answers() {
    let e = evaluate(
        bank(),
        Audience::Client,
        &client_fit_core::testing::best_answers(),
    );
    let Value::Object(fields) = HostEvent::complete(&e).to_value() else {
        panic!("an object");
    };
    let keys: Vec<&str> = fields.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        keys,
        ["type", "version", "quiz", "band", "overall", "dimensions"]
    );
    assert_eq!(fields[0].1, Value::Text("client-fit:complete".into()));
    let Value::Object(dims) = &fields[5].1 else {
        panic!("dimensions are an object");
    };
    assert_eq!(dims.len(), 8);
    assert_eq!(dims[0].0, "goals");
    let text = format!("{fields:?}");
    for q in bank().questions.iter() {
        assert!(
            !text.contains(q.id.as_ref()),
            "an answer id leaked: {}",
            q.id
        );
    }
}

#[test]
fn progress_send_and_escape_events_carry_only_their_documented_fields() {
    let fields = |e: HostEvent| match e.to_value() {
        Value::Object(fields) => fields,
        other => panic!("an object, not {other:?}"),
    };
    let progress = fields(HostEvent::Progress {
        quiz: Audience::Specialist,
        question: 3,
        total: 40,
    });
    assert_eq!(
        progress,
        [
            ("type", Value::Text("client-fit:progress".into())),
            ("version", Value::Number(2)),
            ("quiz", Value::Text("specialist".into())),
            ("question", Value::Number(3)),
            ("total", Value::Number(40)),
        ]
    );
    let link = "https://cf.example/#r=EH78";
    let send = fields(HostEvent::Send {
        quiz: Audience::Client,
        link: link.into(),
    });
    let keys: Vec<&str> = send.iter().map(|(k, _)| *k).collect();
    assert_eq!(keys, ["type", "version", "quiz", "link"]);
    assert_eq!(send[3].1, Value::Text(link.into()));
    // Escape tells the loader a key was pressed, nothing else.
    assert_eq!(
        fields(HostEvent::Escape),
        [
            ("type", Value::Text("client-fit:escape".into())),
            ("version", Value::Number(2)),
        ]
    );
}
