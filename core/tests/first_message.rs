//! The first message and the reply draft, composed in every language from persona answers.

use client_fit_core::first_message::{client_message, specialist_reply, Brief, BriefField};
use client_fit_core::i18n::{pack_from_catalog, Lang, Messages};
use client_fit_core::money::{Currency, Money};
use client_fit_core::{english_bank as bank, evaluate, Audience, Band};

use client_fit_core::testing::{best_answers, blind_on_data, with};

fn messages(lang: Lang) -> std::rc::Rc<Messages> {
    if lang == Lang::En {
        return Messages::english();
    }
    let json = std::fs::read_to_string(format!("../content/{}", lang.catalog_path())).unwrap();
    pack_from_catalog(lang, &json)
        .expect("complete catalog")
        .messages
}

fn full_brief() -> Brief {
    let mut b = Brief::default();
    for (f, v) in [
        ("business", "handmade candles, online shop"),
        ("stage", "running"),
        ("goal", "40 orders a month by June"),
        ("cost_per_lead", "350"),
        ("conversion", "2,5"),
        ("avg_order", "4 900"),
        ("budget", "60000"),
        ("decision_time", "about a week"),
        ("contact", "Anna"),
        ("channel", "Telegram, 10–18"),
    ] {
        b.set(BriefField::from_name(f).expect("a brief field"), v);
    }
    b
}

#[test]
fn every_known_number_appears_in_the_readers_format_in_every_language() {
    for lang in Lang::ALL {
        let m = messages(lang);
        let style = lang.number_style();
        let text = |id: &str| m.t(id);
        let msg = client_message(
            &text,
            &full_brief(),
            &best_answers(),
            Currency::Eur,
            style,
            Some("https://cf.example/#r=X"),
        );
        for amount in [350, 4900, 60000] {
            let shown = Currency::Eur.format(Money::major(amount), style);
            assert!(msg.contains(&shown), "{lang:?}: {shown} missing in\n{msg}");
        }
        let pct = if style.percent_space {
            format!("2{}5\u{a0}%", style.decimal)
        } else {
            "2.5%".into()
        };
        assert!(msg.contains(&pct), "{lang:?}: {pct} missing in\n{msg}");
        for typed in [
            "handmade candles, online shop",
            "40 orders a month by June",
            "about a week",
            "Anna",
            "Telegram, 10–18",
        ] {
            assert!(msg.contains(typed), "{lang:?}: {typed}");
        }
        assert!(
            !msg.contains(m.t("msg.unknown_value").as_str()),
            "{lang:?}: nothing is unknown"
        );
        assert!(
            msg.contains(&m.t("msg.terms.prepay_full")),
            "{lang:?}: the prepayment the answers accept"
        );
        assert!(
            msg.ends_with("https://cf.example/#r=X") || msg.contains("https://cf.example/#r=X")
        );
        assert!(
            !msg.contains('{') && !msg.contains('}'),
            "{lang:?}: a placeholder left in\n{msg}"
        );
    }
}

#[test]
fn unknown_numbers_are_said_to_be_unknown_never_invented() {
    for lang in Lang::ALL {
        let m = messages(lang);
        let text = |id: &str| m.t(id);
        let mut b = Brief::default();
        b.set(BriefField::Business, "bakery");
        b.set(BriefField::Conversion, "not sure"); // not a number: unknown, not guessed
        let answers = with(&[("money_prepay", "never"), ("inv_contract", "verbal")]);
        let msg = client_message(
            &text,
            &b,
            &answers,
            Currency::Rub,
            lang.number_style(),
            None,
        );
        let unknown = m.t("msg.unknown_value");
        assert_eq!(
            msg.matches(unknown.as_str()).count(),
            4,
            "{lang:?}: four facts unknown\n{msg}"
        );
        assert!(msg.contains(&m.t("msg.budget_unknown")), "{lang:?}");
        assert!(
            msg.contains(&m.t("msg.help_is_fine")),
            "{lang:?}: asking for help is fine"
        );
        assert!(msg.contains(&m.t("msg.goal_unknown")), "{lang:?}");
        assert!(
            !msg.chars().any(|c| c.is_ascii_digit()),
            "{lang:?}: no number was invented\n{msg}"
        );
        assert!(
            !msg.contains(&m.t("msg.terms.prepay_full"))
                && !msg.contains(&m.t("msg.terms.contract"))
        );
        assert!(!msg.contains('{'), "{lang:?}");
    }
}

#[test]
fn the_reply_draft_matches_the_verdict_in_every_language() {
    let partner = evaluate(bank(), Audience::Specialist, &best_answers());
    let workable = evaluate(bank(), Audience::Specialist, &blind_on_data());
    let high_risk = evaluate(
        bank(),
        Audience::Specialist,
        &with(&[("money_prepay", "never"), ("comm_reply", "night")]),
    );
    assert_eq!(
        (partner.band, high_risk.band),
        (Band::Partner, Band::HighRisk)
    );
    for lang in Lang::ALL {
        let m = messages(lang);
        let text = |id: &str| m.t(id);
        let reply = specialist_reply(&text, &partner);
        assert!(
            reply.contains(&m.t("reply.partner.steps"))
                && reply.contains(&m.t(&format!("fee.short.{}", partner.fee.offer.id()))),
            "{lang:?}"
        );
        let reply = specialist_reply(&text, &high_risk);
        assert!(
            reply.contains(&m.t("reply.high_risk.offer")),
            "{lang:?}: a paid consultation instead of free advice"
        );
        assert!(!reply.contains(&m.t("reply.partner.steps")));
        if workable.band == Band::Workable {
            let reply = specialist_reply(&text, &workable);
            assert!(
                reply.contains(&m.t("reply.workable.conditions")),
                "{lang:?}"
            );
        }
        for r in [&partner, &workable, &high_risk] {
            assert!(!specialist_reply(&text, r).contains('{'), "{lang:?}");
        }
    }
}

#[test]
fn typed_braces_stay_as_typed_and_are_never_filled_in_again() {
    let mut brief = full_brief();
    brief.set(
        BriefField::from_name("contact").expect("a brief field"),
        "Anna {channel}",
    );
    brief.set(
        BriefField::from_name("channel").expect("a brief field"),
        "{contact} {budget}",
    );
    for lang in Lang::ALL {
        let m = messages(lang);
        let text = |id: &str| m.t(id);
        let msg = client_message(
            &text,
            &brief,
            &best_answers(),
            Currency::Eur,
            lang.number_style(),
            None,
        );
        assert!(
            msg.contains("Anna {channel}"),
            "{lang:?}: the contact as typed in\n{msg}"
        );
        assert!(
            msg.contains("{contact} {budget}"),
            "{lang:?}: the channel as typed in\n{msg}"
        );
    }
}

/// The message names payment and contract terms by the answers' ids: if the content renamed one,
/// the term would silently drop out of every message (`with` refuses an id the bank lacks).
#[test]
fn the_terms_follow_the_payment_and_contract_answers_by_their_ids() {
    let m = messages(Lang::En);
    let text = |id: &str| m.t(id);
    let message_for = |overrides: &[(&str, &str)]| {
        let answers = with(overrides);
        client_message(
            &text,
            &full_brief(),
            &answers,
            Currency::Eur,
            Lang::En.number_style(),
            None,
        )
    };
    for (question, option, term) in [
        ("money_prepay", "full", "msg.terms.prepay_full"),
        ("money_prepay", "half", "msg.terms.prepay_half"),
        ("inv_contract", "yes", "msg.terms.contract"),
        ("inv_contract", "simple", "msg.terms.contract_simple"),
    ] {
        let msg = message_for(&[(question, option)]);
        assert!(
            msg.contains(&m.t(term)),
            "{question}={option}: {term} missing in\n{msg}"
        );
    }
    let msg = message_for(&[("money_prepay", "after"), ("inv_contract", "verbal")]);
    for term in [
        "msg.terms.prepay_full",
        "msg.terms.prepay_half",
        "msg.terms.contract",
        "msg.terms.contract_simple",
    ] {
        assert!(
            !msg.contains(&m.t(term)),
            "{term} present without its answer in\n{msg}"
        );
    }
}
