//! The per-dimension profile as an SVG bar chart drawn by the app (no chart library).

use yew::prelude::*;

use super::use_messages;
use crate::quiz::evaluate::DimensionScore;

const ROW: i32 = 30;
const LABEL_W: i32 = 150;
const BAR_W: i32 = 170;
const WIDTH: i32 = LABEL_W + BAR_W + 40;

#[derive(Properties, PartialEq)]
pub struct ProfileChartProps {
    pub scores: Vec<DimensionScore>,
}

#[component]
pub fn ProfileChart(props: &ProfileChartProps) -> Html {
    let m = use_messages();
    let rows = i32::try_from(props.scores.len()).unwrap_or(0);
    let height = rows * ROW + 10;
    let summary = props
        .scores
        .iter()
        .map(|d| format!("{} {}", m.t(d.dim.message_id()), d.score))
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        <svg class="cf-profile" viewBox={format!("0 0 {WIDTH} {height}")} role="img"
             aria-label={m.f("result.profile_label", &[("scores", &summary)])} data-testid="profile">
            { for props.scores.iter().enumerate().map(|(i, d)| {
                let y = i32::try_from(i).unwrap_or(0) * ROW + 5;
                let w = BAR_W * i32::from(d.score) / 100;
                let level = match d.score { 70.. => "good", 40..=69 => "mid", _ => "low" };
                html! {
                    <g data-dim={m.t(d.dim.message_id())}>
                        <text x={(LABEL_W - 8).to_string()} y={(y + 19).to_string()} text-anchor="end" class="cf-chart-label">{ m.t(d.dim.message_id()) }</text>
                        <rect x={LABEL_W.to_string()} y={(y + 5).to_string()} width={BAR_W.to_string()} height="18" rx="4" class="cf-bar-bg" />
                        <rect x={LABEL_W.to_string()} y={(y + 5).to_string()} width={w.to_string()} height="18" rx="4" class={format!("cf-bar cf-bar-{level}")} />
                        <text x={(LABEL_W + BAR_W + 6).to_string()} y={(y + 19).to_string()} class="cf-chart-value">{ d.score }</text>
                    </g>
                }
            }) }
        </svg>
    }
}

#[derive(Properties, PartialEq)]
pub struct PairChartProps {
    pub client: Vec<DimensionScore>,
    pub specialist: Vec<DimensionScore>,
}

/// Two bars per dimension, the client's above the specialist's, each with its number and side
/// initial, so neither colour nor position alone tells them apart.
#[component]
pub fn PairChart(props: &PairChartProps) -> Html {
    let m = use_messages();
    let (client_mark, specialist_mark) =
        (m.t("compare.side.client"), m.t("compare.side.specialist"));
    let rows: Vec<_> = props
        .client
        .iter()
        .filter_map(|c| {
            let s = props.specialist.iter().find(|s| s.dim == c.dim)?;
            Some((c.dim, c.score, s.score))
        })
        .collect();
    let height = i32::try_from(rows.len()).unwrap_or(0) * PAIR_ROW + 10;
    let summary = rows
        .iter()
        .map(|(d, c, s)| format!("{} {c}/{s}", m.t(d.message_id())))
        .collect::<Vec<_>>()
        .join(", ");
    let bar = |y: i32, score: u8, class: &'static str, mark: &str| {
        let w = BAR_W * i32::from(score) / 100;
        html! { <>
            <rect x={LABEL_W.to_string()} y={y.to_string()} width={BAR_W.to_string()} height="12" rx="3" class="cf-bar-bg" />
            <rect x={LABEL_W.to_string()} y={y.to_string()} width={w.to_string()} height="12" rx="3" class={class} />
            <text x={(LABEL_W + BAR_W + 6).to_string()} y={(y + 10).to_string()} class="cf-chart-value">{ format!("{score} {}", mark.chars().next().unwrap_or(' ')) }</text>
        </> }
    };
    html! {
        <svg class="cf-profile" viewBox={format!("0 0 {WIDTH} {height}")} role="img"
             aria-label={m.f("compare.profile_label", &[("scores", &summary)])} data-testid="pair-profile">
            { for rows.iter().enumerate().map(|(i, (dim, c, s))| {
                let y = i32::try_from(i).unwrap_or(0) * PAIR_ROW + 5;
                html! {
                    <g data-dim={m.t(dim.message_id())}>
                        <text x={(LABEL_W - 8).to_string()} y={(y + 20).to_string()} text-anchor="end" class="cf-chart-label">{ m.t(dim.message_id()) }</text>
                        { bar(y + 3, *c, "cf-bar cf-bar-client", &client_mark) }
                        { bar(y + 18, *s, "cf-bar cf-bar-specialist", &specialist_mark) }
                    </g>
                }
            }) }
        </svg>
    }
}

const PAIR_ROW: i32 = 36;
