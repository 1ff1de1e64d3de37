//! Benchmark (not a test): evaluating a full quiz and a fee table, reported as time per call.
//! `make bench`. Plain harness to keep the dependency tree small; median of several batches.

use std::hint::black_box;
use std::time::Instant;

use client_fit_core::money::PlanInput;
use client_fit_core::{english_bank as bank, evaluate, Answers, Audience};

fn median_ns(batches: usize, per_batch: u32, mut f: impl FnMut()) -> f64 {
    let mut samples: Vec<f64> = (0..batches)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_batch {
                f();
            }
            start.elapsed().as_nanos() as f64 / f64::from(per_batch)
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn main() {
    let b = bank();
    let answers: Answers = b
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            (
                q.id.as_ref().into(),
                q.options[i % q.options.len()].id.as_ref().into(),
            )
        })
        .chain(
            b.temperament
                .iter()
                .map(|t| (t.id.as_ref().into(), t.options[0].id.as_ref().into())),
        )
        .collect();
    let start = Instant::now();
    let parsed = client_fit_core::content::embedded_sources();
    let json_ns = median_ns(11, 20, || {
        black_box(client_fit_core::content::Bank::parse(parsed.0, parsed.1, parsed.2).ok());
    });
    let fi = include_str!("../../content/lang/fi.json");
    let catalog_ns = median_ns(11, 50, || {
        black_box(
            client_fit_core::i18n::pack_from_catalog(client_fit_core::i18n::Lang::Fi, fi).ok(),
        );
    });
    let eval_ns = median_ns(21, 2000, || {
        black_box(evaluate(b, Audience::Specialist, black_box(&answers)));
    });
    let plan = PlanInput::default().validate().unwrap();
    let table_ns = median_ns(21, 2000, || {
        black_box(black_box(&plan).table(5));
        black_box(plan.crossover());
    });
    // The desk's list (issue #23): 200 prospects with 5 assessments each, ranked by verdict.
    let mut desk = client_fit_core::desk::Desk::default();
    for n in 0..200 {
        let Some(id) = client_fit_core::desk::ProspectId::parse(&format!("p{n}")) else {
            continue;
        };
        let day = client_fit_core::desk::Day(20_000 + n);
        let _ = desk.create(id.clone(), &format!("Prospect {n}"), day);
        for _ in 0..5 {
            let _ = desk.apply(
                &id,
                client_fit_core::desk::Change::Assessed(answers.clone()),
                day,
            );
        }
    }
    let query = client_fit_core::desk::ListQuery::default();
    let list_ns = median_ns(7, 5, || {
        black_box(desk.rows(b, black_box(&query)));
    });
    // The desk page's start: 200 prospects of 5 assessments each read from storage, listed.
    let mut store = client_fit_core::saved::Memory::default();
    for p in &desk.prospects {
        let _ = client_fit_core::desk_saved::save_prospect(&mut store, p, b);
    }
    let _ = client_fit_core::desk_saved::save_index(&mut store, &desk);
    let load_ns = median_ns(7, 5, || {
        let loaded = client_fit_core::desk_saved::load_desk(&mut store, b);
        black_box(loaded.desk.rows(b, black_box(&query)));
    });
    let token =
        client_fit_core::share::encode(b, Audience::Specialist, &answers).unwrap_or_default();
    let token_ns = median_ns(11, 500, || {
        black_box(client_fit_core::share::decode(b, black_box(&token)).ok());
    });
    let file = client_fit_core::desk::export_json(&desk, client_fit_core::desk::Day(20_300));
    let import_ns = median_ns(7, 3, || {
        black_box(client_fit_core::desk::import_json(black_box(&file), b).ok());
    });
    println!(
        "desk list, 200 prospects        {:>10.1} µs",
        list_ns / 1000.0
    );
    println!(
        "desk read from storage + listed {:>10.1} µs (200 × 5 assessments)",
        load_ns / 1000.0
    );
    println!(
        "read one result token           {:>10.1} µs",
        token_ns / 1000.0
    );
    println!(
        "desk file import, 200 × 5       {:>10.1} µs ({} KB)",
        import_ns / 1000.0,
        file.len() / 1024
    );
    println!(
        "apply a language catalog (fi)   {:>10.1} µs",
        catalog_ns / 1000.0
    );
    println!(
        "parse + validate JSON (build)   {:>10.1} µs",
        json_ns / 1000.0
    );
    println!(
        "evaluate a full specialist quiz {:>10.1} µs",
        eval_ns / 1000.0
    );
    println!(
        "fee table + crossover           {:>10.1} µs",
        table_ns / 1000.0
    );
    println!("(total bench time {:.1} s)", start.elapsed().as_secs_f64());
}
