//! Every message id the desk asks for exists in the English catalogs (the quizzes' and the
//! desk's own), and every id of the desk's catalog is used.

use client_fit_core::agreement::SheetField;
use client_fit_core::desk::{Fault, Stage};
use client_fit_core::fee::FeeModel;
use client_fit_core::i18n::Messages;
use client_fit_desk::sheet::NoSheet;
use client_fit_desk::state::DeskNotice;
use client_fit_desk::wording::ENGLISH;

/// String literals in the desk's sources that look like message ids (`word.word…`).
fn literal_ids() -> Vec<String> {
    let mut ids = Vec::new();
    let mut files = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.push(path);
            }
        }
    }
    for path in files {
        let text = std::fs::read_to_string(path).unwrap();
        ids.extend(client_fit_core::testing::literal_message_ids(&text));
    }
    ids
}

fn used_ids() -> Vec<String> {
    let mut ids = literal_ids();
    assert!(ids.len() > 50, "scanner found only {} ids", ids.len());
    ids.extend(
        Stage::ALL
            .iter()
            .map(|s| format!("desk.stage.{}", s.name())),
    );
    ids.extend(
        [
            Fault::Shape(String::new()),
            Fault::Id,
            Fault::Label,
            Fault::Notes,
            Fault::Stage(String::new()),
            Fault::Date(String::new()),
            Fault::Answer(String::new()),
            Fault::Twice(String::new()),
        ]
        .map(|f| f.message_id().to_string()),
    );
    ids.extend(
        [
            DeskNotice::Unavailable,
            DeskNotice::SaveFailed,
            DeskNotice::SetAside(1),
            DeskNotice::Held,
            DeskNotice::Missing(1),
            DeskNotice::ExportDue,
            DeskNotice::LanguageUnavailable,
        ]
        .map(|n| n.message_id().to_string()),
    );
    // The agreement sheet names its fields and fee models by their ids.
    ids.extend(
        SheetField::ALL
            .iter()
            .map(|f| format!("desk.sheet.{}", f.name())),
    );
    ids.extend(
        FeeModel::ALL
            .iter()
            .map(|m| format!("desk.model.{}", m.id())),
    );
    ids.extend([NoSheet::Missing, NoSheet::Unreadable].map(|n| n.message_id().to_string()));
    ids
}

#[test]
fn every_id_the_desk_uses_exists() {
    let m = Messages::english().with_catalog(ENGLISH).unwrap();
    let missing: Vec<_> = used_ids()
        .into_iter()
        .filter(|id| !m.contains(id))
        .collect();
    assert!(missing.is_empty(), "missing message ids: {missing:?}");
}

#[test]
fn every_desk_catalog_id_is_used() {
    let used = used_ids();
    let desk = Messages::parse(ENGLISH).unwrap();
    let unused: Vec<&str> = desk
        .ids()
        .filter(|id| !used.iter().any(|u| u == id))
        .collect();
    assert!(unused.is_empty(), "unused desk message ids: {unused:?}");
}
