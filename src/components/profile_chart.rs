//! The per-dimension profile as an SVG bar chart drawn by the app (no chart library), as one
//! markup string (see `markup`).

use super::markup::Markup;
use client_fit_core::evaluate::DimensionScore;
use client_fit_core::i18n::Messages;
use client_fit_core::Dimension;

const ROW: i32 = 30;
const PAIR_ROW: i32 = 36;
const LABEL_W: i32 = 150;
const BAR_W: i32 = 170;
const WIDTH: i32 = LABEL_W + BAR_W + 40;

/// One bar per dimension, coloured by level, with its number; a dimension with too little known
/// (`unsure`) gets an empty track and a dash instead of a number.
pub fn profile_chart(
    h: &mut Markup,
    m: &Messages,
    scores: &[DimensionScore],
    unsure: &[Dimension],
) {
    let rows: Vec<(Dimension, Option<u8>)> = Dimension::ALL
        .into_iter()
        .filter_map(|dim| match scores.iter().find(|d| d.dim == dim) {
            Some(d) => Some((dim, Some(d.score))),
            None => unsure.contains(&dim).then_some((dim, None)),
        })
        .collect();
    let unknown = m.t("result.dim_unsure");
    let summary = rows
        .iter()
        .map(|(dim, score)| {
            let value = score.map_or_else(|| unknown.clone(), |s| s.to_string());
            format!("{} {value}", m.t(dim.message_id()))
        })
        .collect::<Vec<_>>()
        .join(", ");
    open_svg(
        h,
        rows.len(),
        ROW,
        &m.f("result.profile_label", &[("scores", &summary)]),
        "profile",
    );
    for (y, (dim, score)) in (5..).step_by(ROW as usize).zip(&rows) {
        label(h, m, *dim, y + 19);
        match score {
            Some(score) => {
                let level = match score {
                    70.. => "cf-bar cf-bar-good",
                    40..=69 => "cf-bar cf-bar-mid",
                    _ => "cf-bar cf-bar-low",
                };
                bar(h, y + 5, 18, *score, level, &score.to_string(), y + 19);
            }
            None => bar(h, y + 5, 18, 0, "cf-bar", "—", y + 19),
        }
        h.close("g");
    }
    h.close("svg");
}

/// Two bars per dimension, the client's above the specialist's, each with its number and side
/// initial, so neither colour nor position alone tells them apart.
pub fn pair_chart(
    h: &mut Markup,
    m: &Messages,
    client: &[DimensionScore],
    specialist: &[DimensionScore],
) {
    let initial = |id: &str| m.t(id).chars().next().unwrap_or(' ');
    let (client_mark, specialist_mark) = (
        initial("compare.side.client"),
        initial("compare.side.specialist"),
    );
    let rows: Vec<_> = client
        .iter()
        .filter_map(|c| {
            let s = specialist.iter().find(|s| s.dim == c.dim)?;
            Some((c.dim, c.score, s.score))
        })
        .collect();
    let summary = rows
        .iter()
        .map(|(d, c, s)| format!("{} {c}/{s}", m.t(d.message_id())))
        .collect::<Vec<_>>()
        .join(", ");
    open_svg(
        h,
        rows.len(),
        PAIR_ROW,
        &m.f("compare.profile_label", &[("scores", &summary)]),
        "pair-profile",
    );
    for (y, (dim, c, s)) in (5..).step_by(PAIR_ROW as usize).zip(&rows) {
        label(h, m, *dim, y + 20);
        let client_value = format!("{c} {client_mark}");
        bar(
            h,
            y + 3,
            12,
            *c,
            "cf-bar cf-bar-client",
            &client_value,
            y + 13,
        );
        let specialist_value = format!("{s} {specialist_mark}");
        bar(
            h,
            y + 18,
            12,
            *s,
            "cf-bar cf-bar-specialist",
            &specialist_value,
            y + 28,
        );
        h.close("g");
    }
    h.close("svg");
}

fn open_svg(h: &mut Markup, rows: usize, row: i32, label: &str, testid: &str) {
    let height = i32::try_from(rows).unwrap_or(0) * row + 10;
    h.open(
        "svg",
        &[
            ("class", "cf-profile"),
            ("viewBox", &format!("0 0 {WIDTH} {height}")),
            ("role", "img"),
            ("aria-label", label),
            ("data-testid", testid),
        ],
    );
}

/// Opens the dimension's group (closed by the caller after its bars) with its label.
fn label(h: &mut Markup, m: &Messages, dim: Dimension, y: i32) {
    let name = m.t(dim.message_id());
    h.open("g", &[("data-dim", &name)]).leaf(
        "text",
        &[
            ("x", &(LABEL_W - 8).to_string()),
            ("y", &y.to_string()),
            ("text-anchor", "end"),
            ("class", "cf-chart-label"),
        ],
        &name,
    );
}

/// A track, the bar for `score` (0–100) over it, and `value` written after the track.
fn bar(h: &mut Markup, y: i32, height: i32, score: u8, class: &str, value: &str, text_y: i32) {
    let rx = (height / 4).to_string();
    let (x, y, height) = (LABEL_W.to_string(), y.to_string(), height.to_string());
    let width = (BAR_W * i32::from(score) / 100).to_string();
    let rect = |h: &mut Markup, width: &str, class: &str| {
        h.open(
            "rect",
            &[
                ("x", &x),
                ("y", &y),
                ("width", width),
                ("height", &height),
                ("rx", &rx),
                ("class", class),
            ],
        )
        .close("rect");
    };
    rect(h, &BAR_W.to_string(), "cf-bar-bg");
    rect(h, &width, class);
    h.leaf(
        "text",
        &[
            ("x", &(LABEL_W + BAR_W + 6).to_string()),
            ("y", &text_y.to_string()),
            ("class", "cf-chart-value"),
        ],
        value,
    );
}
