//! Share links: round trips, damage, foreign and stale input.

use client_fit_core::share::{
    answer_space, base64_encode, crc16, decode, encode, fragment, layout_id, parse_link,
    released_fingerprint, released_layouts, Layout, Reader, ShareError, FORMAT,
};
use client_fit_core::{english_bank as bank, Answers, Audience};
use proptest::prelude::*;

use client_fit_core::testing::{answer_sets, audience, best_answers, with};

/// What a client's answers look like as a share link's answers: no temperament section, and
/// never "don't know yet" (only specialists are offered it).
fn for_side(answers: Answers, who: Audience) -> Answers {
    if who == Audience::Specialist {
        return answers;
    }
    answers
        .iter()
        .filter_map(|(q, a)| {
            let question = bank().question(q.as_str())?;
            let offered = question
                .choice(a.as_str())
                .is_some_and(|c| c.offered_to(who));
            let a: &str = if offered {
                a.as_str()
            } else {
                &question.options[0].id
            };
            Some((q.clone(), a.into()))
        })
        .collect()
}

/// Characters a changed link may contain: the token alphabet and some that must be refused.
const PROBES: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/.%# é";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_finished_result_round_trips(a in answer_sets(), who in audience()) {
        let a = for_side(a, who);
        let token = encode(bank(), who, &a).expect("a finished result encodes");
        let back = decode(bank(), &token).expect("its token decodes");
        prop_assert_eq!(back.audience, who);
        prop_assert_eq!(&back.answers, &a);
        let link = format!("https://agency.example/tools/client-fit/#{}", fragment(&[token]));
        prop_assert!(link.len() <= 120, "{} characters: {link}", link.len());
    }

    /// One reader serves both sides in turn, as the desk's reads a prospect's assessments and
    /// the client's result: its digits worked out once give each token's own answers.
    #[test]
    fn one_reader_reads_results_of_both_sides_in_any_order(
        sets in proptest::collection::vec((answer_sets(), audience()), 1..8)
    ) {
        let reader = Reader::new(bank());
        for (a, who) in sets {
            let a = for_side(a, who);
            let token = encode(bank(), who, &a).expect("a finished result encodes");
            let back = reader.decode(&token).expect("its token decodes");
            prop_assert_eq!(back.audience, who);
            prop_assert_eq!(back.answers, a);
        }
    }

    #[test]
    fn a_changed_character_in_a_link_is_refused_with_a_reason(
        a in answer_sets(), who in audience(), at in 0usize..64, probe in 0usize..PROBES.len()
    ) {
        let token = encode(bank(), who, &for_side(a, who)).expect("encodes");
        let at = at % token.len();
        let Some(c) = PROBES.chars().nth(probe % PROBES.chars().count()) else { unreachable!() };
        let mut changed: String = token.chars().take(at).collect();
        changed.push(c);
        changed.extend(token.chars().skip(at + 1));
        if changed == token {
            return Ok(());
        }
        // The CRC catches every single change (a stronger promise than "reads as a valid result").
        match parse_link(bank(), &format!("#r={changed}")) {
            Ok(_) => prop_assert!(false, "a changed token was accepted: {changed}"),
            Err(e) => prop_assert!(
                matches!(e, ShareError::Damaged | ShareError::OtherContent | ShareError::Foreign | ShareError::NewerFormat),
                "{e:?}"
            ),
        }
    }
}

#[test]
fn every_single_character_change_of_a_full_link_is_refused() {
    let a = with(&[("goals_numbers", "learn"), ("comm_reply", "minutes")]);
    for who in Audience::ALL {
        let token = encode(bank(), who, &for_side(a.clone(), who)).expect("encodes");
        for at in 0..token.len() {
            for c in PROBES.chars() {
                let mut changed: String = token.chars().take(at).collect();
                changed.push(c);
                changed.extend(token.chars().skip(at + 1));
                if changed != token {
                    assert!(decode(bank(), &changed).is_err(), "accepted {changed}");
                }
            }
        }
        // Truncated anywhere, or with a character too many.
        for len in 0..token.len() {
            assert!(
                decode(bank(), &token[..len]).is_err(),
                "accepted {}",
                &token[..len]
            );
        }
        assert!(decode(bank(), &format!("{token}A")).is_err());
    }
}

#[test]
fn unfinished_results_make_no_link() {
    let mut a = best_answers();
    a.remove("comm_reply");
    assert_eq!(encode(bank(), Audience::Client, &a), None);
    let mut a = best_answers();
    a.insert("comm_reply".into(), "no_such_option".into());
    assert_eq!(encode(bank(), Audience::Specialist, &a), None);
}

/// Builds a token from raw parts with a correct CRC, as another version of the app would.
fn token_from(head: u8, layout: u16, number: &[u8]) -> String {
    let mut bytes = vec![head];
    bytes.extend_from_slice(&layout.to_be_bytes());
    bytes.extend_from_slice(number);
    bytes.extend_from_slice(&crc16(&bytes).to_be_bytes());
    base64_encode(&bytes)
}

#[test]
fn stale_newer_and_foreign_links_are_told_apart() {
    let b = bank();
    let width = client_fit_core::share::answer_bytes(b, Audience::Client);
    let zeros = vec![0u8; width];
    // The all-first-options answer set is a valid number: check the builder first.
    assert!(decode(b, &token_from(FORMAT << 4, layout_id(b), &zeros)).is_ok());
    assert_eq!(
        decode(b, &token_from(FORMAT << 4, layout_id(b) ^ 1, &zeros)),
        Err(ShareError::OtherContent)
    );
    assert_eq!(
        decode(b, &token_from((FORMAT + 1) << 4, layout_id(b), &zeros)),
        Err(ShareError::NewerFormat)
    );
    assert_eq!(
        decode(b, &token_from(FORMAT << 4 | 7, layout_id(b), &zeros)),
        Err(ShareError::Foreign)
    );
    // A number past the answer space: canonical form is enforced.
    let space = answer_space(b, Audience::Client).expect("fits");
    let too_big = space.to_be_bytes()[16 - width..].to_vec();
    assert_eq!(
        decode(b, &token_from(FORMAT << 4, layout_id(b), &too_big)),
        Err(ShareError::Damaged)
    );
    assert_eq!(parse_link(b, "  "), Err(ShareError::Empty));
    assert_eq!(
        parse_link(b, "https://example.com/#"),
        Err(ShareError::Empty)
    );
    assert_eq!(
        parse_link(b, "https://example.com/#section-2"),
        Err(ShareError::Foreign)
    );
    assert_eq!(parse_link(b, "#utm=1&x=2"), Err(ShareError::Foreign));
    assert_eq!(
        parse_link(b, "<script>alert(1)</script>"),
        Err(ShareError::Foreign)
    );
    // A bare token with a character changed reads as damaged, not foreign.
    let token = encode(b, Audience::Client, &best_answers()).expect("encodes");
    let last = if token.ends_with('A') { 'B' } else { 'A' };
    let changed = format!("{}{last}", &token[..token.len() - 1]);
    assert_eq!(parse_link(b, &changed), Err(ShareError::Damaged));
}

#[test]
fn links_carry_one_or_two_results_of_different_sides() {
    let b = bank();
    let client = encode(b, Audience::Client, &best_answers()).expect("encodes");
    let specialist =
        encode(b, Audience::Specialist, &with(&[("comm_reply", "minutes")])).expect("encodes");
    // Any order, whole URL or bare token; client first on the way out.
    let both = parse_link(
        b,
        &format!(
            "https://x.example/cf/?lang=en#{}",
            fragment(&[specialist.clone(), client.clone()])
        ),
    )
    .expect("reads");
    assert_eq!(
        both.iter().map(|r| r.audience).collect::<Vec<_>>(),
        [Audience::Client, Audience::Specialist]
    );
    assert_eq!(parse_link(b, &client).expect("bare token").len(), 1);
    assert_eq!(
        parse_link(
            b,
            &format!("#{}", fragment(&[client.clone(), client.clone()]))
        ),
        Err(ShareError::SameSide)
    );
    assert_eq!(
        parse_link(
            b,
            &format!(
                "#{}",
                fragment(&[client.clone(), specialist.clone(), client])
            )
        ),
        Err(ShareError::TooMany)
    );
}

/// Links already sent must keep opening: every content layout that links were made with is
/// recorded in `content/layouts.json`, so a token of an earlier layout is read with its own ids.
/// When content gains or reorders a question or an option, this test prints the entry to add.
#[test]
fn every_released_layout_is_recorded_under_its_fingerprint() {
    let file: serde_json::Value =
        serde_json::from_str(include_str!("../../content/layouts.json")).expect("valid JSON");
    let recorded: Vec<Layout> = file["layouts"]
        .as_array()
        .expect("a list of layouts")
        .iter()
        .map(|l| {
            let join = |part: &str| {
                l[part]
                    .as_array()
                    .expect("[id, [options]] pairs")
                    .iter()
                    .map(|d| {
                        let options: Vec<&str> = d[1]
                            .as_array()
                            .unwrap()
                            .iter()
                            .map(|o| o.as_str().unwrap())
                            .collect();
                        format!("{}:{}", d[0].as_str().unwrap(), options.join(","))
                    })
                    .collect::<Vec<_>>()
                    .join(";")
            };
            let digits = format!("{}|{}", join("questions"), join("temperament"));
            Layout {
                id: u16::from_str_radix(l["id"].as_str().unwrap(), 16).unwrap(),
                digits: Box::leak(digits.into_boxed_str()),
            }
        })
        .collect();
    for l in &recorded {
        assert_eq!(
            released_fingerprint(l),
            l.id,
            "content/layouts.json: {:04x} does not match its ids",
            l.id
        );
    }
    // The app carries every recorded layout but the current one, which the bank itself is.
    let b = bank();
    let current = layout_id(b);
    let shipped: Vec<u16> = released_layouts().iter().map(|l| l.id).collect();
    let expected: Vec<u16> = recorded
        .iter()
        .map(|l| l.id)
        .filter(|id| *id != current)
        .collect();
    assert_eq!(shipped, expected);
    if !recorded.iter().any(|l| l.id == current) {
        let digits = |items: Vec<(String, Vec<String>)>| {
            items
                .iter()
                .map(|(id, o)| format!("        [{id:?}, {o:?}]"))
                .collect::<Vec<_>>()
                .join(",\n")
        };
        let questions = b
            .questions
            .iter()
            .map(|q| {
                (
                    q.id.to_string(),
                    q.options.iter().map(|o| o.id.to_string()).collect(),
                )
            })
            .collect();
        let temperament = b
            .temperament
            .iter()
            .map(|t| {
                (
                    t.id.to_string(),
                    t.options.iter().map(|o| o.id.to_string()).collect(),
                )
            })
            .collect();
        panic!(
            "the current layout is not in content/layouts.json; add:\n    {{ \"id\": \"{current:04x}\",\n      \"questions\": [\n{}\n      ],\n      \"temperament\": [\n{}\n      ] }}",
            digits(questions),
            digits(temperament)
        );
    }
    for who in Audience::ALL {
        assert!(
            answer_space(b, who).is_some(),
            "answers must fit in 128 bits"
        );
    }
}

#[test]
fn a_client_link_saying_dont_know_yet_is_refused_as_damaged() {
    // Only specialists are offered "don't know yet"; no release writes it into a client's link.
    let mut a = for_side(best_answers(), Audience::Client);
    a.insert("money_payments".into(), "unknown".into());
    let token = encode(bank(), Audience::Client, &a).expect("encodes digits");
    assert_eq!(decode(bank(), &token), Err(ShareError::Damaged));
    let specialist = encode(bank(), Audience::Specialist, &a).expect("finished");
    assert_eq!(decode(bank(), &specialist).map(|r| r.answers), Ok(a));
}
