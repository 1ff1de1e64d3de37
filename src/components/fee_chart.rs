//! Payout against sales for each fee model, as an SVG drawn by the app. Coordinates are computed
//! in integers from money in minor units, so no NaN or Infinity can reach the drawing.

use super::markup::Markup;
use client_fit_core::i18n::Messages;
use client_fit_core::money::{Money, Plan};

const W: i128 = 600;
const H: i128 = 300;
const LEFT: i128 = 92;
const RIGHT: i128 = 12;
const TOP: i128 = 12;
const BOTTOM: i128 = 36;
const SAMPLES: i128 = 48;
/// `0 0 W H`, spelled out: formatting i128 would pull 128-bit formatting into the wasm.
const VIEW_BOX: &str = "0 0 600 300";

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

/// Payout at a sales figure, both in minor units.
type Payout<'a> = &'a dyn Fn(i128) -> i128;

/// The chart with its legend, appended to `h`.
pub fn fee_chart(h: &mut Markup, m: &Messages, p: &Plan) {
    let style = m.lang().number_style();
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
    client_fit_core::order::sort_by_key(&mut xs, |&s| s);
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
    let point = |s: i128, pay: i128| format!("{},{}", tenths(f.x(s)), tenths(f.y(pay)));
    let line = |pay: &dyn Fn(i128) -> i128| {
        xs.iter()
            .map(|&s| point(s, pay(s)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let label = m.f(
        "calc.chart_label",
        &[
            ("lo", &cur.format(p.range_min, style)),
            ("hi", &cur.format(p.range_max, style)),
        ],
    );
    let (left, base) = (tenths(LEFT * SUB), tenths(f.y(0)));
    h.open("figure", &[("class", "cf-chart")]).open(
        "svg",
        &[
            ("viewBox", VIEW_BOX),
            ("role", "img"),
            ("aria-label", &label),
            ("data-testid", "fee-chart"),
        ],
    );
    let axis = |h: &mut Markup, x2: &str, y1: &str| {
        let attrs = [
            ("x1", left.as_str()),
            ("y1", y1),
            ("x2", x2),
            ("y2", base.as_str()),
            ("class", "cf-axis"),
        ];
        h.open("line", &attrs).close("line");
    };
    axis(h, &tenths((W - RIGHT) * SUB), &base);
    axis(h, &left, &tenths(TOP * SUB));
    let tick = |h: &mut Markup, x: i128, y: i128, anchor: &str, v: i128| {
        let (x, y) = (tenths(x), tenths(y));
        let attrs = [
            ("x", x.as_str()),
            ("y", &y),
            ("text-anchor", anchor),
            ("class", "cf-tick"),
        ];
        h.leaf("text", &attrs, &cur.format(money(v), style));
    };
    for v in [0, y_max / 2, y_max] {
        tick(h, (LEFT - 6) * SUB, f.y(v) + 4 * SUB, "end", v);
    }
    for (s, anchor) in [(lo, "start"), ((lo + hi) / 2, "middle"), (hi, "end")] {
        tick(h, f.x(s), (H - 12) * SUB, anchor, s);
    }
    // The region where a pure percentage pays more than the minimum + bonus for the same work.
    if let Some(c) = crossover {
        let ahead: Vec<i128> = xs.iter().copied().filter(|&s| s >= c).collect();
        let upper = ahead.iter().map(|&s| point(s, percent(s)));
        let lower = ahead.iter().rev().map(|&s| point(s, bonus(s)));
        let points = upper.chain(lower).collect::<Vec<_>>().join(" ");
        h.open(
            "polygon",
            &[
                ("points", &points),
                ("class", "cf-region"),
                ("data-testid", "fee-region"),
            ],
        )
        .close("polygon");
    }
    let lines: [(Payout, &str, &str); 3] = [
        (&|_| fixed, "cf-line cf-line-fixed", "line-fixed"),
        (&bonus, "cf-line cf-line-bonus", "line-bonus"),
        (&percent, "cf-line cf-line-percent", "line-percent"),
    ];
    for (pay, class, testid) in lines {
        h.open(
            "polyline",
            &[
                ("points", &line(pay)),
                ("class", class),
                ("data-testid", testid),
            ],
        )
        .close("polyline");
    }
    if let Some(c) = crossover {
        h.open(
            "circle",
            &[
                ("cx", &tenths(f.x(c))),
                ("cy", &tenths(f.y(percent(c)))),
                ("r", "5"),
                ("class", "cf-cross"),
                ("data-testid", "fee-crossover"),
            ],
        )
        .close("circle");
    }
    h.close("svg").open("figcaption", &[("class", "cf-legend")]);
    for (class, id) in [
        ("cf-key cf-key-fixed", "calc.col.fixed"),
        ("cf-key cf-key-bonus", "calc.col.bonus"),
        ("cf-key cf-key-percent", "calc.col.percent"),
        ("cf-key cf-key-region", "calc.region"),
    ] {
        h.leaf("span", &[("class", class)], &m.t(id));
    }
    h.close("figcaption").close("figure");
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_view_box_matches_the_frame() {
        assert_eq!(super::VIEW_BOX, format!("0 0 {} {}", super::W, super::H));
    }
}
