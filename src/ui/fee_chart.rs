//! Payout against sales for each fee model, as an SVG drawn by the app. Coordinates are computed
//! in integers from money in minor units, so no NaN or Infinity can reach the drawing.

use yew::prelude::*;

use super::use_messages;
use crate::quiz::money::{Money, Plan};

const W: i128 = 600;
const H: i128 = 300;
const LEFT: i128 = 92;
const RIGHT: i128 = 12;
const TOP: i128 = 12;
const BOTTOM: i128 = 36;
const SAMPLES: i128 = 48;
/// `0 0 W H`, spelled out: formatting i128 would pull 128-bit formatting into the wasm.
const VIEW_BOX: &str = "0 0 600 300";

#[derive(Properties, PartialEq)]
pub struct FeeChartProps {
    pub plan: Plan,
}

struct Frame {
    lo: i128,
    hi: i128,
    y_max: i128,
}

/// Coordinates are kept in tenths of a unit so straight lines stay straight.
const SUB: i128 = 10;

impl Frame {
    fn x(&self, sales: i128) -> i128 {
        LEFT * SUB + (sales - self.lo) * (W - LEFT - RIGHT) * SUB / (self.hi - self.lo).max(1)
    }
    fn y(&self, pay: i128) -> i128 {
        (TOP + H - TOP - BOTTOM) * SUB
            - pay.min(self.y_max) * (H - TOP - BOTTOM) * SUB / self.y_max.max(1)
    }
}

/// Formats tenths as an SVG number: 1234 → "123.4".
fn tenths(v: i128) -> String {
    // Coordinates lie within the view box; i64 keeps 128-bit formatting out of the binary.
    let v = i64::try_from(v).unwrap_or(0);
    format!("{}.{}", v / 10, (v % 10).abs())
}

#[component]
pub fn FeeChart(props: &FeeChartProps) -> Html {
    let m = use_messages();
    let style = m.lang().number_style();
    let p = &props.plan;
    let cur = p.currency;
    let (lo, hi) = (i128::from(p.range_min.0), i128::from(p.range_max.0));
    let sales_at = |i: i128| lo + (hi - lo) * i / SAMPLES;
    let mut xs: Vec<i128> = (0..=SAMPLES).map(sales_at).collect();
    let crossover = p
        .crossover()
        .map(|c| i128::from(c.0))
        .filter(|c| (lo..=hi).contains(c));
    // Kinks (threshold, cap, crossover) are sampled exactly so lines bend where the money does.
    xs.extend(crossover);
    let kinks = p.cap_points().into_iter().chain([p.threshold_revenue()]);
    xs.extend(
        kinks
            .map(|m| i128::from(m.0))
            .filter(|s| (lo..=hi).contains(s)),
    );
    crate::quiz::order::sort_by_key(&mut xs, |&s| s);
    xs.dedup();
    let money = |v: i128| Money(i64::try_from(v).unwrap_or(i64::MAX));
    let bonus = |s: i128| i128::from(p.bonus_payout(money(s)).0);
    let percent = |s: i128| i128::from(p.percent_payout(money(s)).0);
    let fixed = i128::from(p.fixed_min.0);
    let y_max = xs
        .iter()
        .map(|&s| bonus(s).max(percent(s)))
        .chain([fixed])
        .max()
        .unwrap_or(1)
        .max(1);
    let f = Frame { lo, hi, y_max };
    let line = |pay: &dyn Fn(i128) -> i128| {
        xs.iter()
            .map(|&s| format!("{},{}", tenths(f.x(s)), tenths(f.y(pay(s)))))
            .collect::<Vec<_>>()
            .join(" ")
    };
    // The region where a pure percentage pays more than the minimum + bonus for the same work.
    let region = crossover.map(|c| {
        let ahead: Vec<i128> = xs.iter().copied().filter(|&s| s >= c).collect();
        let upper = ahead
            .iter()
            .map(|&s| format!("{},{}", tenths(f.x(s)), tenths(f.y(percent(s)))));
        let lower = ahead
            .iter()
            .rev()
            .map(|&s| format!("{},{}", tenths(f.x(s)), tenths(f.y(bonus(s)))));
        upper.chain(lower).collect::<Vec<_>>().join(" ")
    });
    let label = m.f(
        "calc.chart_label",
        &[
            ("lo", &cur.format(p.range_min, style)),
            ("hi", &cur.format(p.range_max, style)),
        ],
    );
    let base = tenths(f.y(0));
    html! {
        <figure class="cf-chart">
            <svg viewBox={VIEW_BOX} role="img" aria-label={label} data-testid="fee-chart">
                <line x1={tenths(LEFT * SUB)} y1={base.clone()} x2={tenths((W - RIGHT) * SUB)} y2={base.clone()} class="cf-axis" />
                <line x1={tenths(LEFT * SUB)} y1={tenths(TOP * SUB)} x2={tenths(LEFT * SUB)} y2={base} class="cf-axis" />
                { for [0, y_max / 2, y_max].into_iter().map(|v| html! {
                    <text x={tenths((LEFT - 6) * SUB)} y={tenths(f.y(v) + 4 * SUB)} text-anchor="end" class="cf-tick">{ cur.format(money(v), style) }</text>
                }) }
                { for [lo, (lo + hi) / 2, hi].into_iter().enumerate().map(|(i, s)| html! {
                    <text x={tenths(f.x(s))} y={tenths((H - 12) * SUB)} text-anchor={["start", "middle", "end"][i]} class="cf-tick">{ cur.format(money(s), style) }</text>
                }) }
                if let Some(points) = region {
                    <polygon points={points} class="cf-region" data-testid="fee-region" />
                }
                <polyline points={line(&|_| fixed)} class="cf-line cf-line-fixed" />
                <polyline points={line(&bonus)} class="cf-line cf-line-bonus" data-testid="line-bonus" />
                <polyline points={line(&percent)} class="cf-line cf-line-percent" data-testid="line-percent" />
                if let Some(c) = crossover {
                    <circle cx={tenths(f.x(c))} cy={tenths(f.y(percent(c)))} r="5" class="cf-cross" data-testid="fee-crossover" />
                }
            </svg>
            <figcaption class="cf-legend">
                <span class="cf-key cf-key-fixed">{ m.t("calc.col.fixed") }</span>
                <span class="cf-key cf-key-bonus">{ m.t("calc.col.bonus") }</span>
                <span class="cf-key cf-key-percent">{ m.t("calc.col.percent") }</span>
                <span class="cf-key cf-key-region">{ m.t("calc.region") }</span>
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_view_box_matches_the_frame() {
        assert_eq!(super::VIEW_BOX, format!("0 0 {} {}", super::W, super::H));
    }
}
