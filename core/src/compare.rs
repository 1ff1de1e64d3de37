//! The negotiation mirror: a client's result beside a specialist's, and the agenda of topics to
//! settle before signing, largest gaps first.

use super::content::{Audience, Bank};
use super::evaluate::{evaluate, Answers, Evaluation};
use super::ids::{OptionId, QuestionId};
use super::order;

/// One mirrored question the two sides answered differently.
#[derive(Clone, Debug, PartialEq)]
pub struct AgendaItem {
    pub q: QuestionId,
    /// The client's option id and the specialist's.
    pub client: OptionId,
    pub specialist: OptionId,
    /// Question weight × the distance between the two answers' scores; larger first. Two
    /// different answers scoring the same still differ in fact, so they stay, with gap 0.
    pub gap: u16,
}

/// A readiness condition for a pure percentage that one side's answers meet and the other's don't.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeeDifference {
    pub condition: String,
    /// Whose answers meet it.
    pub met_by: Audience,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub client: Evaluation,
    pub specialist: Evaluation,
    pub agenda: Vec<AgendaItem>,
    /// Mirrored questions answered alike.
    pub agreed: usize,
    pub fee_differences: Vec<FeeDifference>,
}

pub fn compare(bank: &Bank, client: &Answers, specialist: &Answers) -> Comparison {
    let mut agenda = Vec::new();
    let mut agreed = 0;
    for q in bank.questions.iter() {
        let (Some(c), Some(s)) = (client.get(q.id.as_ref()), specialist.get(q.id.as_ref())) else {
            continue;
        };
        if c == s {
            agreed += 1;
            continue;
        }
        let (Some(cw), Some(sw)) = (q.choice(c.as_str()), q.choice(s.as_str())) else {
            continue;
        };
        // A side that does not know yet leaves the known answer's own distance from the best
        // one: the fact to confirm matters as much as that answer is weak.
        let distance = match (cw.unknown, sw.unknown) {
            (false, false) => cw.weight.abs_diff(sw.weight),
            (true, false) => 100 - sw.weight,
            (false, true) => 100 - cw.weight,
            (true, true) => 0,
        };
        agenda.push(AgendaItem {
            q: QuestionId::from(q.id.as_ref()),
            client: c.clone(),
            specialist: s.clone(),
            gap: u16::from(distance) * u16::from(q.weight),
        });
    }
    // Stable, so equal gaps keep the questionnaire's order.
    order::sort_by_key(&mut agenda, |item| std::cmp::Reverse(item.gap));

    let client_eval = evaluate(bank, Audience::Client, client);
    let specialist_eval = evaluate(bank, Audience::Specialist, specialist);
    let fee_differences = bank
        .fee_conditions
        .iter()
        .filter_map(|c| {
            let by_client = client_eval.fee.met.iter().any(|m| *m == c.id);
            let by_specialist = specialist_eval.fee.met.iter().any(|m| *m == c.id);
            // "Don't know yet" is no disagreement: it is on the list to ask.
            let unknown = [&client_eval, &specialist_eval]
                .iter()
                .any(|e| e.fee.unknown.iter().any(|u| *u == c.id));
            (by_client != by_specialist && !unknown).then(|| FeeDifference {
                condition: c.id.to_string(),
                met_by: if by_client {
                    Audience::Client
                } else {
                    Audience::Specialist
                },
            })
        })
        .collect();
    Comparison {
        client: client_eval,
        specialist: specialist_eval,
        agenda,
        agreed,
        fee_differences,
    }
}
