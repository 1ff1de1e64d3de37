//! Turns a set of answers into a verdict: dimension scores, overall score, band and what decided
//! it, red flags, archetype matches, advice ordered by impact, checklists and temperament.

use super::content::{Audience, Band, Bank, Dimension, Signal, Temperament};
use super::fee::{recommend_fee, FeeAdvice};
use super::order;

/// Question id → chosen option id. Ids, not indices, so saved answers survive content edits.
pub type Answers = super::str_map::StrMap;

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
    pub overall: u8,
    /// Every dimension with at least one scored answer, in the fixed dimension order.
    pub dimensions: Vec<DimensionScore>,
    /// The band the score alone earns.
    pub score_band: Band,
    /// The final band after red flags and weak dimensions.
    pub band: Band,
    pub decided_by: Decider,
    /// Ids of the red flags raised, in content order.
    pub flags: Vec<String>,
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
    let dimensions = dimension_scores(bank, answers);
    let overall = mean(dimensions.iter().map(|d| d.score));
    let score_band = Band::from_score(overall);

    let flags: Vec<String> = bank
        .flags
        .iter()
        .filter(|f| f.when.iter().all(|s| holds(s, answers, &dimensions)))
        .map(|f| f.id.to_string())
        .collect();
    let flag_cap = flags
        .iter()
        .filter_map(|id| bank.flag(id))
        .map(|f| f.cap)
        .min()
        .unwrap_or(Band::Partner);
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
    let band = score_band.min(flag_cap).min(dim_cap);
    let decided_by = if band == score_band {
        Decider::Score
    } else if band == flag_cap {
        Decider::Flags
    } else {
        Decider::WeakDimensions(weak)
    };

    Evaluation {
        audience,
        overall,
        archetypes: archetypes(bank, answers, &dimensions),
        advice: advice(bank, answers),
        guarantees: bank
            .guarantees
            .iter()
            .map(|c| {
                answers
                    .get(c.q.as_ref())
                    .is_some_and(|a| c.any.iter().any(|x| x == a))
            })
            .collect(),
        temperament: temperament(bank, answers),
        fee: recommend_fee(bank, answers, band),
        dimensions,
        score_band,
        band,
        decided_by,
        flags,
    }
}

fn dimension_scores(bank: &Bank, answers: &Answers) -> Vec<DimensionScore> {
    // Indexed by `Dimension as usize` (declaration order, the same as `Dimension::ALL`).
    let mut sums = [(0u32, 0u32); Dimension::ALL.len()];
    for q in bank.questions.iter().filter(|q| q.scored) {
        if let Some(choice) = answers.get(q.id.as_ref()).and_then(|a| q.choice(a)) {
            let entry = &mut sums[q.dim as usize];
            entry.0 += u32::from(choice.weight) * u32::from(q.weight);
            entry.1 += u32::from(q.weight);
        }
    }
    Dimension::ALL
        .into_iter()
        .zip(sums)
        .filter(|(_, (_, weights))| *weights > 0)
        .map(|(dim, (sum, weights))| DimensionScore {
            dim,
            score: rounded_div(sum, weights),
        })
        .collect()
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
fn holds(s: &Signal, answers: &Answers, dims: &[DimensionScore]) -> bool {
    match &s.q {
        Some(q) => answers
            .get(q.as_ref())
            .is_some_and(|a| s.any.iter().any(|x| x == a)),
        None => reason(s, answers, dims).is_some(),
    }
}

/// The reason a signal holds, or None.
fn reason(s: &Signal, answers: &Answers, dims: &[DimensionScore]) -> Option<Reason> {
    if let Some(q) = &s.q {
        let a = answers.get(q.as_ref())?;
        return s.any.iter().any(|x| x == a).then(|| Reason::Answer {
            q: q.to_string(),
            choice: a.clone(),
        });
    }
    let dim = s.dim?;
    let score = dims.iter().find(|d| d.dim == dim)?.score;
    let ok = s.min.is_none_or(|m| score >= m) && s.max.is_none_or(|m| score <= m);
    ok.then_some(Reason::Dimension(dim, score))
}

fn archetypes(bank: &Bank, answers: &Answers, dims: &[DimensionScore]) -> Vec<ArchetypeMatch> {
    let mut found: Vec<ArchetypeMatch> = bank
        .archetypes
        .iter()
        .filter_map(|a| {
            let mut reasons = Vec::new();
            for s in a.signals.iter() {
                match reason(s, answers, dims) {
                    Some(r) => reasons.push(r),
                    None if s.key => return None,
                    None => {}
                }
            }
            (reasons.len() >= a.need).then(|| ArchetypeMatch {
                id: a.id.to_string(),
                strength: u8::try_from(reasons.len() * 100 / a.signals.len()).unwrap_or(100),
                reasons,
            })
        })
        .collect();
    // Stable sort: equal strengths keep content order.
    order::sort_by_key(&mut found, |m| std::cmp::Reverse(m.strength));
    found
}

fn advice(bank: &Bank, answers: &Answers) -> Vec<AdviceItem> {
    let mut items: Vec<AdviceItem> = Vec::new();
    for q in bank.questions.iter() {
        let Some(choice) = answers.get(q.id.as_ref()).and_then(|a| q.choice(a)) else {
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
            .and_then(|a| q.options.iter().find(|o| &o.id == a));
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
