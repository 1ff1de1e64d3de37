//! Every message id the UI asks for exists in the English catalog.

use client_fit::state::Notice;
use client_fit_core::fee::{why_message, FeeModel, Offer};
use client_fit_core::i18n::Messages;
use client_fit_core::money::InputError;
use client_fit_core::share::ShareError;
use client_fit_core::{Audience, Band, Dimension};

/// String literals in the UI sources that look like message ids (`word.word…`).
fn literal_ids() -> Vec<String> {
    let mut ids = Vec::new();
    let dir = |d: &str| {
        std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect::<Vec<_>>()
    };
    let files = dir("src/pages")
        .into_iter()
        .chain(dir("src/components"))
        .chain(
            [
                "src/app.rs",
                "src/state.rs",
                "core/src/first_message.rs",
                "src/platform/crash.rs",
            ]
            .map(std::path::PathBuf::from),
        );
    for path in files {
        let text = std::fs::read_to_string(path).unwrap();
        ids.extend(client_fit_core::testing::literal_message_ids(&text));
    }
    ids
}

/// Every message id the UI can ask for: literals in the UI sources plus the ids it builds.
fn used_ids() -> Vec<String> {
    let mut ids = literal_ids();
    assert!(ids.len() > 50, "scanner found only {} ids", ids.len());
    for a in Audience::ALL {
        ids.push(format!("start.{}.title", a.id()));
        ids.push(format!("start.{}.who", a.id()));
        ids.push(format!("result.archetypes.{}", a.id()));
        ids.push(format!("result.advice.{}", a.id()));
        for b in [Band::Partner, Band::Workable, Band::HighRisk] {
            ids.push(format!("band.{}.{}", b.id(), a.id()));
            ids.push(format!("band.{}.short", b.id()));
        }
        for o in Offer::ALL {
            ids.push(why_message(o, a));
            ids.push(format!("fee.offer.{}", o.id()));
            ids.push(format!("fee.short.{}", o.id()));
        }
        ids.push(format!("fee.asked_percentage.{}", a.id()));
    }
    for f in [FeeModel::FixedPlusBonus, FeeModel::PurePercentage] {
        ids.push(format!("fee.next.{}", f.id()));
    }
    ids.extend(Dimension::ALL.iter().map(|d| d.message_id().to_string()));
    ids.extend(
        [
            ShareError::Empty,
            ShareError::Foreign,
            ShareError::NewerFormat,
            ShareError::Damaged,
            ShareError::OtherContent,
            ShareError::TooMany,
            ShareError::SameSide,
        ]
        .map(|e| e.message_id().to_string()),
    );
    for a in Audience::ALL {
        for prefix in [
            "shared.banner",
            "nav.take",
            "compare.box.title",
            "compare.box.intro",
            "compare.verdict",
            "compare.fee.met_by",
            "share.send_title",
            "compare.with_opened",
            "crash.link",
        ] {
            ids.push(format!("{prefix}.{}", a.id()));
        }
        for b in [Band::Partner, Band::Workable, Band::HighRisk] {
            ids.push(format!("shared.verdict.{}.{}", b.id(), a.id()));
        }
    }
    ids.extend(
        [
            Notice::StorageUnavailable,
            Notice::SavedDataUnreadable,
            Notice::SaveFailed,
            Notice::LanguageUnavailable,
        ]
        .map(|n| n.message_id().to_string()),
    );
    for e in [
        InputError::Empty,
        InputError::NotANumber,
        InputError::Negative,
        InputError::TooLarge,
        InputError::TooManyDecimals,
        InputError::Zero,
        InputError::PercentOver100,
        InputError::NotWhole,
        InputError::MinAboveMax,
        InputError::ThresholdAboveRange,
        InputError::BonusAboveOrder,
        InputError::BonusAboveLeadValue,
        InputError::CapBelowMinimum,
    ] {
        ids.push(e.message_id().to_string());
    }
    for f in client_fit_core::first_message::BriefField::ALL {
        ids.push(format!("msg.field.{}", f.name()));
    }
    for stage in client_fit_core::first_message::Stage::ALL {
        ids.push(format!("msg.stage_option.{}", stage.name()));
    }
    for id in [
        "msg.placeholder.business",
        "msg.placeholder.goal",
        "msg.stage_option.none",
        "msg.stage_option.running",
        "msg.stage_option.opening",
    ] {
        ids.push(id.to_string());
    }
    ids
}

#[test]
fn every_id_the_ui_uses_exists() {
    let m = Messages::english();
    let ids = used_ids();
    let missing: Vec<_> = ids.iter().filter(|id| !m.contains(id)).collect();
    assert!(missing.is_empty(), "missing message ids: {missing:?}");
}

#[test]
fn placeholders_are_filled() {
    let m = Messages::english();
    assert_eq!(m.f("quiz.count", &[("n", "3"), ("total", "32")]), "3 of 32");
    assert_eq!(m.t("no.such.id"), "no.such.id");
}

#[test]
fn the_shipped_catalog_is_exactly_the_json_file() {
    let json = Messages::parse(include_str!("../content/messages.en.json")).unwrap();
    assert_eq!(*Messages::english(), json);
}

#[test]
fn every_catalog_id_is_used() {
    let used = used_ids();
    let english = Messages::english();
    let unused: Vec<&str> = english
        .ids()
        .filter(|id| !used.iter().any(|u| u == id))
        .collect();
    assert!(
        unused.is_empty(),
        "unused message ids (remove them, or use them): {unused:?}"
    );
}
