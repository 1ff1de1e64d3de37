//! Turns a set of answers into a verdict: dimension scores, overall score, band and what decided
//! it, red flags, archetype matches, advice ordered by impact, checklists, temperament, what to ask
//! before signing, and the fee advice.
//!
//! The band is the score's band capped by every rule that holds: red flags, amber flags that add
//! up ([`Combination`](super::content::Combination)), archetypes the sources say to stop at or to
//! take only on strict terms, and blind dimensions. All of them are content, not code.

use super::chosen::Chosen;
use super::content::{Archetype, Audience, Band, Bank, Dimension, Signal, Temperament};
use super::content::{Combination, Flag};
use super::fee::{recommend_fee, FeeAdvice};
use super::order;

pub use super::chosen::Answers;

/// A dimension below this is blind: one caps the verdict at "workable" (a partner cannot be blind
/// in one area), two or more at "high risk".
pub const WEAK_DIMENSION_BELOW: u8 = 30;

#[derive(Clone, Debug, PartialEq)]
pub struct DimensionScore {
    pub dim: Dimension,
    /// 0–100, weighted by question importance.
    pub score: u8,
}

/// What settled the band.
#[derive(Clone, Debug, PartialEq)]
pub enum Decider {
    /// The overall score alone.
    Score,
    /// Red flags capped the band below what the score earned.
    Flags,
    /// Amber flags that add up (the combination's id) capped it.
    Combination(String),
    /// A client pattern the sources say to stop at, or to take only on strict terms (its id).
    Archetype(String),
    /// Dimensions so weak that they capped the band, weakest first.
    WeakDimensions(Vec<(Dimension, u8)>),
}

/// Why an archetype matched: one signal that held.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// The answer `choice` to question `q`.
    Answer { q: String, choice: String },
    /// A dimension score.
    Dimension(Dimension, u8),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ArchetypeMatch {
    pub id: String,
    /// Share of the archetype's signals that held, 0–100.
    pub strength: u8,
    pub reasons: Vec<Reason>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AdviceItem {
    pub id: String,
    /// Question weight × how far the answer is from the best one; higher first.
    pub impact: u16,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    pub audience: Audience,
    /// The mean of the scored dimensions.
    pub overall: u8,
    /// Every dimension with enough known answers, in the fixed dimension order.
    pub dimensions: Vec<DimensionScore>,
    /// Dimensions answered mostly "don't know yet": too little known to score them.
    pub unsure: Vec<Dimension>,
    /// Questions answered "don't know yet", in question order: to ask before signing.
    pub ask: Vec<String>,
    /// The band the score alone earns.
    pub score_band: Band,
    /// The final band after red flags and weak dimensions.
    pub band: Band,
    pub decided_by: Decider,
    /// Ids of the red flags raised, in content order.
    pub flags: Vec<String>,
    /// Ids of the combinations of amber flags that hold, in content order.
    pub combinations: Vec<String>,
    /// Matched archetypes, strongest first.
    pub archetypes: Vec<ArchetypeMatch>,
    /// One action per weak answer, most impact first.
    pub advice: Vec<AdviceItem>,
    /// Parallel to `Bank::guarantees`: which conditions for guarantees hold.
    pub guarantees: Vec<bool>,
    /// The most frequent temperaments in the optional section (ties kept), empty when skipped.
    pub temperament: Vec<Temperament>,
    pub fee: FeeAdvice,
}

/// Evaluates a (possibly partial) set of answers. Unknown ids are ignored.
pub fn evaluate(bank: &Bank, audience: Audience, answers: &Answers) -> Evaluation {
    let chosen = Chosen::new(bank, answers);
    let (dimensions, unsure) = dimension_scores(bank, &chosen);
    let overall = mean(dimensions.iter().map(|d| d.score));
    let score_band = Band::from_score(overall);

    let raised: Vec<&Flag> = bank
        .flags
        .iter()
        .filter(|f| f.when.iter().all(|s| holds(s, &chosen, &dimensions)))
        .collect();
    let flag_cap = raised.iter().map(|f| f.cap).min().unwrap_or(Band::Partner);
    let combinations: Vec<&Combination> = bank
        .combinations
        .iter()
        .filter(|c| {
            let amber = raised.iter().filter(|f| {
                f.cap == Band::Workable && (c.dim.is_none() || bank.flag_dimension(f) == c.dim)
            });
            amber.count() >= c.at_least
        })
        .collect();
    let combination_cap = combinations.iter().map(|c| c.cap).min();
    let mut archetypes = archetypes(bank, &chosen, &dimensions);
    let archetype_cap = archetypes
        .iter()
        .filter_map(|(a, m)| a.cap.map(|cap| (cap, m)))
        .min_by_key(|(cap, _)| *cap);
    let mut weak: Vec<(Dimension, u8)> = dimensions
        .iter()
        .filter(|d| d.score < WEAK_DIMENSION_BELOW)
        .map(|d| (d.dim, d.score))
        .collect();
    order::sort_by_key(&mut weak, |&(_, score)| score);
    let dim_cap = match weak.len() {
        0 => Band::Partner,
        1 => Band::Workable,
        _ => Band::HighRisk,
    };
    let band = score_band
        .min(flag_cap)
        .min(combination_cap.unwrap_or(Band::Partner))
        .min(archetype_cap.map_or(Band::Partner, |(cap, _)| cap))
        .min(dim_cap);
    // The most specific reason first: a flag names the answer, a combination the flags.
    let decided_by = if band == score_band {
        Decider::Score
    } else if band == flag_cap {
        Decider::Flags
    } else if let Some(c) = combinations.iter().find(|c| c.cap == band) {
        Decider::Combination(c.id.to_string())
    } else if let Some((_, m)) = archetype_cap.filter(|(cap, _)| *cap == band) {
        Decider::Archetype(m.id.clone())
    } else {
        Decider::WeakDimensions(weak)
    };
    // A pattern that needs a verdict (the partner) is no match under another.
    archetypes.retain(|(a, _)| a.only_at.is_none_or(|only| only == band));
    let flags: Vec<String> = raised.iter().map(|f| f.id.to_string()).collect();

    Evaluation {
        audience,
        overall,
        archetypes: archetypes.into_iter().map(|(_, m)| m).collect(),
        ask: bank
            .questions
            .iter()
            .enumerate()
            .filter(|(i, _)| chosen.at(*i).is_some_and(|c| c.unknown))
            .map(|(_, q)| q.id.to_string())
            .collect(),
        combinations: combinations.iter().map(|c| c.id.to_string()).collect(),
        unsure,
        advice: advice(bank, &chosen),
        guarantees: bank
            .guarantees
            .iter()
            .map(|c| chosen.is(c.at, &c.any))
            .collect(),
        temperament: temperament(bank, answers),
        fee: recommend_fee(bank, &chosen, band, &raised),
        dimensions,
        score_band,
        band,
        decided_by,
        flags,
    }
}

/// The scored dimensions, and those answered but with too little known to score.
fn dimension_scores(bank: &Bank, chosen: &Chosen) -> (Vec<DimensionScore>, Vec<Dimension>) {
    // Indexed by `Dimension as usize` (declaration order, the same as `Dimension::ALL`):
    // (weighted sum of known answers, their question weight, weight answered "don't know yet").
    let mut sums = [(0u32, 0u32, 0u32); Dimension::ALL.len()];
    for (i, q) in bank.questions.iter().enumerate().filter(|(_, q)| q.scored) {
        if let Some(choice) = chosen.at(i) {
            let entry = &mut sums[q.dim as usize];
            if choice.unknown {
                entry.2 += u32::from(q.weight);
            } else {
                entry.0 += u32::from(choice.weight) * u32::from(q.weight);
                entry.1 += u32::from(q.weight);
            }
        }
    }
    let mut scored = Vec::with_capacity(Dimension::ALL.len());
    let mut unsure = Vec::new();
    for (dim, (sum, known, unknown)) in Dimension::ALL.into_iter().zip(sums) {
        if known * 100 >= u32::from(bank.min_known_percent) * (known + unknown) && known > 0 {
            scored.push(DimensionScore {
                dim,
                score: rounded_div(sum, known),
            });
        } else if known + unknown > 0 {
            unsure.push(dim);
        }
    }
    (scored, unsure)
}

fn rounded_div(sum: u32, n: u32) -> u8 {
    if n == 0 {
        return 0;
    }
    // Weights are at most 100, so the mean is too.
    u8::try_from((sum + n / 2) / n).unwrap_or(100)
}

fn mean(scores: impl Iterator<Item = u8>) -> u8 {
    let (sum, n) = scores.fold((0u32, 0u32), |(s, n), x| (s + u32::from(x), n + 1));
    rounded_div(sum, n)
}

/// Whether a signal holds: what [`reason`] says, without building the reason.
fn holds(s: &Signal, chosen: &Chosen, dims: &[DimensionScore]) -> bool {
    match &s.q {
        Some(_) => chosen.is(s.at, &s.any),
        None => reason(s, chosen, dims).is_some(),
    }
}

/// The reason a signal holds, or None.
fn reason(s: &Signal, chosen: &Chosen, dims: &[DimensionScore]) -> Option<Reason> {
    if let Some(q) = &s.q {
        return chosen.is(s.at, &s.any).then(|| Reason::Answer {
            q: q.to_string(),
            choice: chosen
                .at(s.at)
                .map(|c| c.id.to_string())
                .unwrap_or_default(),
        });
    }
    let dim = s.dim?;
    let score = dims.iter().find(|d| d.dim == dim)?.score;
    let ok = s.min.is_none_or(|m| score >= m) && s.max.is_none_or(|m| score <= m);
    ok.then_some(Reason::Dimension(dim, score))
}

/// Every archetype that matches, strongest first, beside its rule.
fn archetypes<'b>(
    bank: &'b Bank,
    chosen: &Chosen,
    dims: &[DimensionScore],
) -> Vec<(&'b Archetype, ArchetypeMatch)> {
    let mut found: Vec<(&Archetype, ArchetypeMatch)> = bank
        .archetypes
        .iter()
        .filter_map(|a| {
            let mut reasons = Vec::new();
            for s in a.signals.iter() {
                match reason(s, chosen, dims) {
                    Some(r) => reasons.push(r),
                    None if s.key => return None,
                    None => {}
                }
            }
            (reasons.len() >= a.need).then(|| {
                let m = ArchetypeMatch {
                    id: a.id.to_string(),
                    strength: u8::try_from(reasons.len() * 100 / a.signals.len()).unwrap_or(100),
                    reasons,
                };
                (a, m)
            })
        })
        .collect();
    // Stable sort: equal strengths keep content order.
    order::sort_by_key(&mut found, |(_, m)| std::cmp::Reverse(m.strength));
    found
}

fn advice(bank: &Bank, chosen: &Chosen) -> Vec<AdviceItem> {
    let mut items: Vec<AdviceItem> = Vec::new();
    for (i, q) in bank.questions.iter().enumerate() {
        let Some(choice) = chosen.at(i) else {
            continue;
        };
        if !choice.is_weak() {
            continue;
        }
        let weight = if q.scored { u16::from(q.weight) } else { 1 };
        let impact = weight * u16::from(100 - choice.weight);
        match items.iter_mut().find(|i| i.id == q.advice_id()) {
            Some(existing) => existing.impact = existing.impact.max(impact),
            None => items.push(AdviceItem {
                id: q.advice_id().to_string(),
                impact,
            }),
        }
    }
    order::sort_by_key(&mut items, |i| std::cmp::Reverse(i.impact));
    items
}

fn temperament(bank: &Bank, answers: &Answers) -> Vec<Temperament> {
    let mut counts = [0u8; Temperament::ALL.len()];
    for q in bank.temperament.iter() {
        let chosen = answers
            .get(q.id.as_ref())
            .and_then(|a| q.options.iter().find(|o| o.id == a.as_str()));
        if let Some(o) = chosen {
            counts[o.temperament as usize] += 1;
        }
    }
    let top = counts.iter().copied().max().unwrap_or(0);
    Temperament::ALL
        .into_iter()
        .zip(counts)
        .filter(|&(_, n)| n == top && n > 0)
        .map(|(t, _)| t)
        .collect()
}
