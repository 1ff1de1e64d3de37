//! A mutation fuzzer for the decoders of outside data, on stable Rust.
//!
//! ```text
//! cargo run --profile fuzz -p client-fit-core --example fuzz -- share_link --runs 200000   # bounded (make test)
//! cargo run --profile fuzz -p client-fit-core --example fuzz -- share_link --seconds 3600  # a long run
//! cargo run --profile fuzz -p client-fit-core --example fuzz -- share_link --replay FILE   # re-run one input
//! ```
//!
//! Targets: `share_link` (links and pasted text), `config` (the page's query parameters),
//! `stored` (saved progress and calculator inputs as read back from localStorage), `catalog` (a
//! fetched language catalog), `drafts` (the saved first-message step), `desk_file` (an imported
//! desk file), `agreement` (an agreement sheet's link). The `fuzz`
//! profile is release with overflow checks and debug assertions on.
//!
//! Seeds are valid inputs made by the encoders; each run mutates one (bit flips, byte swaps,
//! insertions, deletions, truncations, splices, format tokens) and feeds it to the oracle in
//! `client_fit_core::fuzz`, which must not panic. On a panic the input is written to
//! `target/fuzz-crashes/` and printed before the process stops. Inputs the decoder accepts join
//! the corpus, so mutations keep exploring around valid links.

use std::cell::RefCell;
use std::time::{Duration, Instant};

use client_fit_core::fuzz;
use client_fit_core::share::{encode, fragment};
use client_fit_core::{english_bank as bank, Answers, Audience};

type Target = fn(&[u8]);
type Seeds = fn(&mut Rng) -> Vec<Vec<u8>>;

thread_local! {
    static CURRENT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// splitmix64: small, fast, and reproducible from a seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces of the formats that random bytes would rarely hit.
const DICTIONARY: &[&str] = &[
    "r=",
    "#",
    "&",
    "&r=",
    "=",
    "%",
    "%00",
    "?quiz=client",
    "https://",
    "\u{e9}",
    "\u{1f600}",
    "A",
    "_",
    "-",
];

fn random_answers(rng: &mut Rng, audience: Audience) -> Answers {
    let b = bank();
    let mut a = Answers::new();
    for q in b.questions.iter() {
        a.insert(
            q.id.as_ref().into(),
            q.options[rng.below(q.options.len())].id.as_ref().into(),
        );
    }
    if audience == Audience::Specialist {
        for t in b.temperament.iter() {
            if rng.below(4) > 0 {
                a.insert(
                    t.id.as_ref().into(),
                    t.options[rng.below(t.options.len())].id.as_ref().into(),
                );
            }
        }
    }
    a
}

fn share_seeds(rng: &mut Rng) -> Vec<Vec<u8>> {
    let mut seeds = Vec::new();
    for i in 0..32 {
        let who = Audience::ALL[i % 2];
        let Some(token) = encode(bank(), who, &random_answers(rng, who)) else {
            continue;
        };
        let mirror = Audience::ALL[(i + 1) % 2];
        let Some(other) = encode(bank(), mirror, &random_answers(rng, mirror)) else {
            continue;
        };
        seeds.push(token.clone().into_bytes());
        seeds.push(
            format!(
                "https://agency.example/cf/?lang=en#{}",
                fragment(std::slice::from_ref(&token))
            )
            .into_bytes(),
        );
        seeds.push(format!("#{}", fragment(&[token, other])).into_bytes());
    }
    // Links made by earlier releases (core/tests/fixtures/legacy/): tokens of older content layouts.
    let legacy = include_str!("../tests/fixtures/legacy/7efc.txt");
    for line in legacy.lines() {
        let mut words = line.split(' ');
        match (words.next(), words.next(), words.next()) {
            (Some("link"), Some(_), Some(token)) => seeds.push(token.as_bytes().to_vec()),
            (Some("pair"), Some(fragment), _) => seeds.push(fragment.as_bytes().to_vec()),
            _ => {}
        }
    }
    seeds.push(b"#section-2".to_vec());
    seeds.push(Vec::new());
    seeds
}

fn config_seeds(_: &mut Rng) -> Vec<Vec<u8>> {
    [
        "?quiz=client&lang=en&accent=%23c2185b&agency=Acme+Digital&contact=mailto%3Ahello%40acme.example&currency=EUR&fit=1&origin=https%3A%2F%2Facme.example",
        "?quiz=chooser&contact=https%3A%2F%2Facme.example%2Fbrief%3Fx%3D1%23f&accent=abc",
        "?utm_source=x&quiz=specialist",
        "",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect()
}

fn stored_seeds(rng: &mut Rng) -> Vec<Vec<u8>> {
    use client_fit_core::money::PlanInput;
    use client_fit_core::progress::Progress;
    use client_fit_core::stored::{encode_plan, encode_progress};
    let mut seeds = vec![format!("\"{}\"", encode_plan(&PlanInput::default())).into_bytes()];
    for who in Audience::ALL {
        let p = Progress {
            step: rng.below(40),
            answers: random_answers(rng, who),
        };
        seeds.push(format!("\"{}\"", encode_progress(&p, bank(), who)).into_bytes());
        seeds.push(format!("\"p1;{};\"", p.step).into_bytes());
    }
    seeds
}

fn catalog_seeds(_: &mut Rng) -> Vec<Vec<u8>> {
    // A small piece of a real catalog, and a whole one (for the complete-language path).
    let fi = include_str!("../../content/lang/fi.json");
    vec![
        fi.as_bytes().to_vec(),
        br#"{"a": "b\u00e9\n", "c.q.x": "\ud83d\ude00 {n}"}"#.to_vec(),
        b"{}".to_vec(),
    ]
}

fn drafts_seeds(_: &mut Rng) -> Vec<Vec<u8>> {
    use client_fit_core::first_message::BriefField;
    use client_fit_core::stored::{encode_drafts, Drafts};
    let mut d = Drafts::default();
    d.brief
        .set(BriefField::Business, "candles & soap; \"handmade\"");
    d.brief.set(BriefField::Stage, "running");
    d.message = Some("Hello,\nwe sell candles.".into());
    vec![
        format!("\"{}\"", encode_drafts(&Drafts::default())).into_bytes(),
        format!("\"{}\"", encode_drafts(&d)).into_bytes(),
    ]
}

fn agreement_seeds(_: &mut Rng) -> Vec<Vec<u8>> {
    use client_fit_core::agreement::{encode, Agreement, SheetField};
    use client_fit_core::testing::{best_answers, with};
    let mut sheet = Agreement::new(
        bank(),
        best_answers(),
        with(&[("money_prepay", "never")]),
        Default::default(),
    );
    let mut seeds: Vec<Vec<u8>> = encode(bank(), &sheet)
        .into_iter()
        .map(String::into_bytes)
        .collect();
    sheet.set(SheetField::Kpi, "30 leads a month at ≤ 400 ₽; a!b~c%d");
    sheet.set(SheetField::Contact, "Anna (Telegram @anna)");
    sheet.agreed[0] = true;
    seeds.extend(encode(bank(), &sheet).map(String::into_bytes));
    seeds
}

fn desk_seeds(_: &mut Rng) -> Vec<Vec<u8>> {
    use client_fit_core::desk::{export_json, Change, Day, Desk, ProspectId, Stage};
    use client_fit_core::testing::best_answers;
    let mut desk = Desk::default();
    for (n, label) in ["Candle shop", "Dental \"clinic\"", "Пекарня"]
        .iter()
        .enumerate()
    {
        let Some(id) = ProspectId::parse(&format!("p{n}")) else {
            continue;
        };
        let _ = desk.create(id.clone(), label, Day(20_000 + n as i32));
        let _ = desk.apply(&id, Change::Stage(Stage::ALL[n * 2]), Day(20_001));
        if n != 1 {
            let _ = desk.apply(&id, Change::Assessed(best_answers()), Day(20_002));
        }
    }
    vec![
        export_json(&desk, Day(20_010)).into_bytes(),
        export_json(&Desk::default(), Day(0)).into_bytes(),
    ]
}

fn mutate(rng: &mut Rng, corpus: &[Vec<u8>], input: &mut Vec<u8>) {
    for _ in 0..=rng.below(4) {
        let len = input.len();
        match rng.below(9) {
            0 if len > 0 => {
                let i = rng.below(len);
                input[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                input[i] = rng.next() as u8;
            }
            2 => {
                let i = rng.below(len + 1);
                input.insert(i, rng.next() as u8);
            }
            3 if len > 0 => {
                input.remove(rng.below(len));
            }
            4 => input.truncate(rng.below(len + 1)),
            5 if len > 1 => {
                let (a, b) = (rng.below(len), rng.below(len));
                let (start, end) = (a.min(b), a.max(b));
                let piece = input[start..end].to_vec();
                let at = rng.below(input.len() + 1);
                input.splice(at..at, piece);
            }
            6 => {
                let other = &corpus[rng.below(corpus.len())];
                let cut = rng.below(other.len() + 1);
                let at = rng.below(len + 1);
                input.truncate(at);
                input.extend_from_slice(&other[cut..]);
            }
            7 => {
                let word = DICTIONARY[rng.below(DICTIONARY.len())].as_bytes();
                let at = rng.below(len + 1);
                input.splice(at..at, word.iter().copied());
            }
            _ if len > 0 => {
                // Swap two characters, as a hurried retyping does.
                let (a, b) = (rng.below(len), rng.below(len));
                input.swap(a, b);
            }
            _ => {}
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let name = args.first().map(String::as_str).unwrap_or("");
    let (target, seeds): (Target, Seeds) = match name {
        "share_link" => (fuzz::share_link, share_seeds),
        "config" => (fuzz::config, config_seeds),
        "stored" => (fuzz::stored, stored_seeds),
        "catalog" => (fuzz::catalog, catalog_seeds),
        "drafts" => (fuzz::drafts, drafts_seeds),
        "desk_file" => (fuzz::desk_file, desk_seeds),
        "agreement" => (fuzz::agreement, agreement_seeds),
        _ => {
            eprintln!("usage: fuzz <target> [--runs N | --seconds S | --replay FILE] [--seed N]\ntargets: share_link, config, stored, catalog, drafts, desk_file, agreement");
            std::process::exit(2);
        }
    };
    let flag = |f: &str| {
        args.iter()
            .position(|a| a == f)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    if let Some(file) = flag("--replay") {
        let data = std::fs::read(&file).unwrap_or_else(|e| panic!("cannot read {file}: {e}"));
        target(&data);
        println!("{file}: no panic");
        return;
    }
    let runs: u64 = flag("--runs")
        .and_then(|r| r.parse().ok())
        .unwrap_or(u64::MAX);
    let limit = flag("--seconds")
        .and_then(|s| s.parse().ok())
        .map(Duration::from_secs);
    let seed: u64 = flag("--seed")
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x00c1_1e47_f175);
    if runs == u64::MAX && limit.is_none() {
        eprintln!("give --runs N or --seconds S");
        std::process::exit(2);
    }

    let crash_name = name.to_string();
    std::panic::set_hook(Box::new(move |info| {
        let input = CURRENT.with(|c| c.borrow().clone());
        let dir = std::path::Path::new("target/fuzz-crashes");
        let _ = std::fs::create_dir_all(dir);
        let path = dir.join(format!("{crash_name}-{:016x}", fxhash(&input)));
        let _ = std::fs::write(&path, &input);
        eprintln!(
            "fuzz {crash_name}: PANIC on input {:?}\n  {info}\n  saved to {} (re-run with --replay)",
            String::from_utf8_lossy(&input),
            path.display()
        );
        std::process::exit(1);
    }));

    let mut rng = Rng(seed);
    let mut corpus = seeds(&mut rng);
    for s in &corpus {
        CURRENT.with(|c| *c.borrow_mut() = s.clone());
        target(s);
    }
    let started = Instant::now();
    let mut done: u64 = 0;
    let mut input = Vec::new();
    while done < runs && limit.is_none_or(|l| started.elapsed() < l) {
        input.clear();
        input.extend_from_slice(&corpus[rng.below(corpus.len())]);
        mutate(&mut rng, &corpus, &mut input);
        CURRENT.with(|c| c.borrow_mut().clone_from(&input));
        target(&input);
        // Accepted inputs are rare and interesting: keep exploring around them.
        if corpus.len() < 4096 && accepted(name, &input) {
            corpus.push(input.clone());
        }
        done += 1;
    }
    println!(
        "fuzz {name}: {done} inputs in {:.1} s, no panic (corpus {} inputs, seed {seed})",
        started.elapsed().as_secs_f64(),
        corpus.len()
    );
}

fn accepted(name: &str, input: &[u8]) -> bool {
    let text = String::from_utf8_lossy(input);
    match name {
        "share_link" => client_fit_core::share::parse_link(bank(), &text).is_ok(),
        "config" => client_fit_core::config::Config::from_query(&text)
            .1
            .is_empty(),
        "stored" | "drafts" => client_fit_core::stored::unquote(&text).is_ok(),
        "catalog" => client_fit_core::i18n::parse_flat(&text).is_ok(),
        "agreement" => client_fit_core::agreement::decode(bank(), &text).is_ok(),
        _ => false,
    }
}

fn fxhash(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}
