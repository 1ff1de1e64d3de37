//! Links and saved values made by earlier releases keep working after the content changes.
//!
//! `fixtures/legacy/<layout>.txt` were written by the release whose content had that layout id
//! (see `content/layouts.json`), before the content moved on: each line holds what that release
//! produced and the answers it stood for. Whatever the content becomes, each link must still open
//! with those answers and each saved progress must still resume with them.

use client_fit_core::share::parse_link;
use client_fit_core::stored::decode_progress;
use client_fit_core::{english_bank as bank, Answers, Audience};

const FIXTURES: &[(&str, &str)] = &[("7efc", include_str!("fixtures/legacy/7efc.txt"))];

fn answers(text: &str) -> Answers {
    text.split('&')
        .map(|pair| {
            let (q, o) = pair.split_once('=').expect("q=o");
            (q.into(), o.into())
        })
        .collect()
}

fn audience(id: &str) -> Audience {
    Audience::from_id(id).expect("client or specialist")
}

fn lines(kind: &str) -> impl Iterator<Item = (&'static str, Vec<&'static str>)> + '_ {
    FIXTURES.iter().flat_map(move |(layout, text)| {
        text.lines()
            .filter_map(move |l| l.strip_prefix(kind)?.strip_prefix(' '))
            .map(move |rest| (*layout, rest.split(' ').collect()))
    })
}

#[test]
fn every_fixture_file_has_links_pairs_and_progress() {
    for kind in ["link", "pair", "progress"] {
        for (layout, _) in FIXTURES {
            assert!(
                lines(kind).any(|(l, _)| l == *layout),
                "{layout}: no {kind} line"
            );
        }
    }
}

#[test]
fn result_links_from_earlier_releases_open_with_their_answers() {
    for (layout, fields) in lines("link") {
        let [who, token, expected] = fields[..] else {
            panic!("{layout}: link <audience> <token> <answers>")
        };
        let opened =
            parse_link(bank(), token).unwrap_or_else(|e| panic!("{layout} {token}: {e:?}"));
        assert_eq!(opened.len(), 1);
        assert_eq!(opened[0].audience, audience(who), "{layout} {token}");
        assert_eq!(opened[0].answers, answers(expected), "{layout} {token}");
        // The same answers given to a link opened as a whole address.
        let url = format!("https://agency.example/quiz/#r={token}");
        assert_eq!(parse_link(bank(), &url).map(|r| r.len()), Ok(1));
    }
}

#[test]
fn comparison_links_from_earlier_releases_open_both_sides() {
    for (layout, fields) in lines("pair") {
        let [fragment, client, specialist] = fields[..] else {
            panic!("{layout}: pair <fragment> client=<token> specialist=<token>")
        };
        let opened = parse_link(bank(), fragment).unwrap_or_else(|e| panic!("{layout}: {e:?}"));
        let alone = |token: &str| parse_link(bank(), token).expect("opens alone");
        let client = alone(client.trim_start_matches("client="));
        let specialist = alone(specialist.trim_start_matches("specialist="));
        assert_eq!(opened, [client[0].clone(), specialist[0].clone()]);
    }
}

#[test]
fn progress_saved_by_earlier_releases_resumes_with_its_answers() {
    for (layout, fields) in lines("progress") {
        let [who, stored, expected] = fields[..] else {
            panic!("{layout}: progress <audience> <stored> <answers>")
        };
        let a = audience(who);
        let p = decode_progress(stored, bank(), a).unwrap_or_else(|_| panic!("{layout} {stored}"));
        assert_eq!(p.answers, answers(expected), "{layout} {stored}");
        let at = stored.split(';').nth(1).expect("p2;<at>;…");
        let resumed = if at == "~done" {
            bank().step_count(a)
        } else {
            (0..bank().step_count(a))
                .find(|&s| {
                    client_fit_core::progress::item_at(bank(), a, s).is_some_and(|i| i.id() == at)
                })
                .expect("the question on screen still exists")
        };
        assert_eq!(p.step, resumed, "{layout} {stored}");
    }
}
