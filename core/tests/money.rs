//! The fee calculator: the article's worked example, the crossover against hand calculations,
//! monotonic payouts, the cap, formatting, and every class of bad input.

use client_fit_core::money::*;
use proptest::prelude::*;

fn plan() -> Plan {
    PlanInput::default().validate().expect("defaults are valid")
}

#[test]
fn the_articles_example_comes_out_exactly() {
    let p = plan();
    assert_eq!(p.percent, BasisPoints(1000));
    for (sales, pay) in [
        (100_000, 10_000),
        (400_000, 40_000),
        (10_000_000, 1_000_000),
    ] {
        assert_eq!(p.percent_payout(Money::major(sales)), Money::major(pay));
    }
    let sales: Vec<_> = p.table(5).iter().map(|r| r.sales).collect();
    for s in [100_000, 400_000, 10_000_000] {
        assert!(sales.contains(&Money::major(s)), "table lacks {s}");
    }
}

#[test]
fn crossover_with_a_per_unit_bonus_matches_the_hand_calculation() {
    // 10 % vs 40,000 + 250 per unit above 10 units of 5,000:
    // 0.10·S = 40,000 + 250·(S − 50,000)/5,000  ⇒  0.05·S = 37,500  ⇒  S = 750,000.
    let p = plan();
    assert_eq!(p.crossover(), Some(Money::major(750_000)));
    assert_eq!(
        p.percent_payout(Money::major(750_000)),
        Money::major(75_000)
    );
    assert_eq!(p.bonus_payout(Money::major(750_000)), Money::major(75_000));
    assert!(p.percent_payout(Money::major(749_999)) < p.bonus_payout(Money::major(749_999)));
}

#[test]
fn crossover_with_a_percent_bonus_on_revenue_matches_the_hand_calculation() {
    // 8 % vs 30,000 + 5 % above 200,000: 0.03·S = 20,000 ⇒ S = 666,666.67 (rounded up to a kopeck).
    let input = PlanInput {
        fixed_min: "30000".into(),
        threshold_kind: ThresholdKind::Revenue,
        threshold: "200000".into(),
        bonus_kind: BonusKind::Percent,
        bonus: "5".into(),
        percent: "8".into(),
        ..PlanInput::default()
    };
    let p = input.validate().unwrap();
    assert_eq!(p.crossover(), Some(Money(66_666_667)));
    // Below the threshold the crossing is F / p: 8 % vs 30,000 flat up to 500,000 ⇒ 375,000.
    let flat = PlanInput {
        threshold: "500000".into(),
        ..input
    }
    .validate()
    .unwrap();
    assert_eq!(flat.crossover(), Some(Money::major(375_000)));
}

#[test]
fn no_crossover_when_the_bonus_grows_as_fast() {
    let p = PlanInput {
        bonus: "500".into(),
        ..PlanInput::default()
    }
    .validate()
    .unwrap();
    assert_eq!(p.crossover(), None);
}

#[test]
fn the_cap_is_honoured() {
    let p = PlanInput {
        cap: "100000".into(),
        ..PlanInput::default()
    }
    .validate()
    .unwrap();
    for r in p.table(20) {
        assert!(r.bonus <= Money::major(100_000) && r.percent <= Money::major(100_000));
    }
    assert_eq!(
        p.percent_payout(Money::major(10_000_000)),
        Money::major(100_000)
    );
}

#[test]
fn currencies_are_formatted_in_their_own_convention() {
    let m = Money(100_000_050);
    let (en, ru, es) = (
        NumberStyle::ENGLISH,
        NumberStyle::SPACE_COMMA,
        NumberStyle::SPANISH,
    );
    assert_eq!(
        Currency::Rub.format(m, ru),
        "1\u{202f}000\u{202f}000,50\u{a0}₽"
    );
    assert_eq!(Currency::Eur.format(m, es), "1.000.000,50\u{a0}€");
    assert_eq!(Currency::Usd.format(m, en), "$1,000,000.50");
    assert_eq!(Currency::Eur.format(m, en), "€1,000,000.50");
    assert_eq!(Currency::Usd.format(Money::major(999), en), "$999");
    // Spanish groups from five digits on.
    assert_eq!(Currency::Eur.format(Money::major(1000), es), "1000\u{a0}€");
    assert_eq!(
        Currency::Eur.format(Money::major(10000), es),
        "10.000\u{a0}€"
    );
    assert_eq!(
        Currency::Eur.format(Money::major(-1500), ru),
        "-1\u{202f}500\u{a0}€"
    );
}

#[test]
fn typed_numbers_parse_with_any_grouping() {
    assert_eq!(parse_money("1 500 000"), Ok(Money::major(1_500_000)));
    assert_eq!(parse_money("1,500,000"), Ok(Money::major(1_500_000)));
    assert_eq!(parse_money("1.500.000"), Ok(Money::major(1_500_000)));
    assert_eq!(parse_money("1500,5"), Ok(Money(150_050)));
    assert_eq!(parse_money("0.99"), Ok(Money(99)));
    assert_eq!(parse_money("1,000.50"), Ok(Money(100_050)));
    assert_eq!(parse_money("1.000,50"), Ok(Money(100_050)));
    assert_eq!(parse_money(".5"), Ok(Money(50)));
    assert_eq!(parse_money("-0"), Ok(Money(0)));
    assert_eq!(parse_percent("12,5 %"), Ok(BasisPoints(1250)));
    assert_eq!(parse_units("10"), Ok(10));
}

#[test]
fn every_bad_input_class_is_named() {
    assert_eq!(parse_money(""), Err(InputError::Empty));
    assert_eq!(parse_money("   "), Err(InputError::Empty));
    assert_eq!(parse_money("abc"), Err(InputError::NotANumber));
    assert_eq!(parse_money("NaN"), Err(InputError::NotANumber));
    assert_eq!(parse_money("1e9"), Err(InputError::NotANumber));
    assert_eq!(parse_money("Infinity"), Err(InputError::NotANumber));
    assert_eq!(parse_money("-5"), Err(InputError::Negative));
    assert_eq!(
        parse_money("99999999999999999999999"),
        Err(InputError::TooLarge)
    );
    assert_eq!(parse_money("1000000000001"), Err(InputError::TooLarge));
    assert_eq!(parse_money("1.2345"), Err(InputError::TooManyDecimals));
    assert_eq!(parse_money("0.125"), Err(InputError::TooManyDecimals));
    assert_eq!(parse_money("1.5.6"), Err(InputError::NotANumber));
    assert_eq!(parse_money("1,2,3"), Err(InputError::NotANumber));
    assert_eq!(parse_money("1,2.3"), Err(InputError::NotANumber));
    assert_eq!(parse_money("1.000.00"), Err(InputError::NotANumber));
    assert_eq!(parse_money("1,000,000.5.0"), Err(InputError::NotANumber));
    assert_eq!(parse_money("٣"), Err(InputError::NotANumber));
    assert_eq!(parse_percent("101"), Err(InputError::PercentOver100));
    assert_eq!(parse_units("2.5"), Err(InputError::NotWhole));

    let bad = |f: Field, v: &str| {
        let mut input = PlanInput::default();
        input.set(f, v.into());
        input.validate().unwrap_err()
    };
    assert_eq!(
        bad(Field::AvgOrder, "0"),
        [(Field::AvgOrder, InputError::Zero)]
    );
    assert_eq!(
        bad(Field::RangeMin, "20000000"),
        [(Field::RangeMax, InputError::MinAboveMax)]
    );
    assert_eq!(
        bad(Field::Threshold, "5000"),
        [(Field::Threshold, InputError::ThresholdAboveRange)]
    );
    assert_eq!(
        bad(Field::Percent, "-1"),
        [(Field::Percent, InputError::Negative)]
    );
    assert_eq!(
        bad(Field::Cap, "lots"),
        [(Field::Cap, InputError::NotANumber)]
    );
}

#[test]
fn the_largest_valid_inputs_compute_exactly_without_saturating() {
    let huge = "1000000000000"; // MAX_MAJOR
    let input = PlanInput {
        current_sales: huge.into(),
        range_min: "0".into(),
        range_max: huge.into(),
        avg_order: "1000".into(),
        fixed_min: huge.into(),
        threshold_kind: ThresholdKind::Revenue,
        threshold: "0".into(),
        bonus: "1000".into(),
        percent: "100".into(),
        ..PlanInput::default()
    };
    let p = input.validate().unwrap();
    let top = Money::major(MAX_MAJOR);
    // 100 % of the top sales, and the minimum plus a bonus equal to the whole sales.
    assert_eq!(p.percent_payout(top), top);
    assert_eq!(p.bonus_payout(top), Money(2 * top.0));
    for r in p.table(10) {
        assert_eq!(r.percent, r.sales);
        assert_eq!(r.bonus.0, p.fixed_min.0 + r.sales.0);
    }
    // The bonus grows as fast as the percentage and starts higher: never overtaken.
    assert_eq!(p.crossover(), None);
    let quarter = PlanInput {
        bonus: "250".into(),
        ..input
    }
    .validate()
    .unwrap();
    // 1·S = F + S/4  ⇒  S = 4F/3 = 1,333,333,333,333.33… ⇒ rounded up to the cent.
    assert_eq!(quarter.crossover(), Some(Money(133_333_333_333_334)));
}

#[test]
fn a_per_unit_bonus_above_the_order_is_refused() {
    let over = PlanInput {
        bonus: "0.01".into(),
        avg_order: "0.01".into(),
        ..PlanInput::default()
    };
    assert!(over.validate().is_ok());
    let over = PlanInput {
        bonus: "0.02".into(),
        ..over
    };
    assert_eq!(
        over.validate().unwrap_err(),
        [(Field::Bonus, InputError::BonusAboveOrder)]
    );
}

fn plans() -> impl Strategy<Value = Plan> {
    (
        0i64..1_000_000_000,
        1i64..1_000_000_000,
        1i64..100_000_000,
        0i64..100_000_000,
        0i64..1000,
        0i64..10_000,
        0i64..10_000,
        prop::option::of(0i64..1_000_000_000),
        any::<bool>(),
    )
        .prop_map(
            |(lo, span, aov, fixed, units, bonus_bp, pct, cap, per_unit)| Plan {
                currency: Currency::Usd,
                current_sales: Money(lo),
                range_min: Money(lo),
                range_max: Money(lo + span),
                avg_order: Money(aov),
                fixed_min: Money(fixed),
                threshold: Threshold::Units(units),
                bonus: if per_unit {
                    Bonus::PerUnit(Money(bonus_bp * 100))
                } else {
                    Bonus::Percent(BasisPoints(bonus_bp))
                },
                percent: BasisPoints(pct),
                cap: cap.map(Money),
                conversion: BasisPoints(FULL_BP),
            },
        )
}

proptest! {
    #[test]
    fn payouts_never_fall_as_sales_grow(p in plans(), a in 0i64..2_000_000_000, b in 0i64..2_000_000_000) {
        let (lo, hi) = (Money(a.min(b)), Money(a.max(b)));
        prop_assert!(p.bonus_payout(lo) <= p.bonus_payout(hi));
        prop_assert!(p.percent_payout(lo) <= p.percent_payout(hi));
        if let Some(cap) = p.cap {
            prop_assert!(p.bonus_payout(hi) <= cap && p.percent_payout(hi) <= cap);
        }
    }

    #[test]
    fn past_the_crossover_the_percentage_pays_at_least_as_much(p in plans(), extra in 0i64..1_000_000_000) {
        if let Some(c) = p.crossover() {
            let s = Money(c.0 + extra);
            prop_assert!(p.percent_payout(s) >= p.bonus_payout(s), "at {s:?} after {c:?}");
            if c.0 > 0 {
                let before = Money(c.0 - 1);
                prop_assert!(p.percent_payout(before) <= p.bonus_payout(before));
            }
        }
    }
}
