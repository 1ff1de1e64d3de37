//! The question bank and the rules, parsed once from the JSON files under `content/`.
//!
//! Content is data: wording, weights, red flags, archetype rules and advice all live in the
//! files, and [`Bank::parse`] checks their cross-references so a broken file fails the build or a
//! test, not a user. Ids are stable: they are stored in localStorage and will go into share links.
//!
//! `build.rs` includes this file: it parses and validates the JSON at build time and writes the
//! result as Rust source, a `static` that `embedded.rs` includes. The shipped binary thus carries
//! no JSON parser, no deserializer and no validation for its content, and starts with it ready.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

/// Wording and ids: borrowed from the binary for the built-in English bank (see `build.rs`),
/// owned when parsed or translated.
pub type Text = Cow<'static, str>;
/// A list, borrowed or owned likewise.
pub type List<T> = Cow<'static, [T]>;

const QUESTIONS_JSON: &str = include_str!("../../content/questions.json");
const RULES_JSON: &str = include_str!("../../content/rules.json");
const ADVICE_JSON: &str = include_str!("../../content/advice.json");

/// An answer scoring at or below this is weak: it must lead to advice.
pub const WEAK_BELOW: u8 = 60;

/// Who is taking the quiz.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// A business owner about to hire a specialist: "Am I a good client?"
    Client,
    /// A specialist or agency vetting a prospect: "Should I take this client?"
    Specialist,
}

impl Audience {
    pub const ALL: [Audience; 2] = [Audience::Client, Audience::Specialist];

    /// Stable id used in storage keys and links.
    pub fn id(self) -> &'static str {
        match self {
            Audience::Client => "client",
            Audience::Specialist => "specialist",
        }
    }

    pub fn from_id(id: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.id() == id)
    }
}

/// The eight things that make a client good or bad to work with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Goals,
    Data,
    Money,
    Communication,
    Trust,
    Involvement,
    Product,
    Expectations,
}

impl Dimension {
    /// In declaration order, so `d as usize` indexes it.
    pub const ALL: [Dimension; 8] = [
        Dimension::Goals,
        Dimension::Data,
        Dimension::Money,
        Dimension::Communication,
        Dimension::Trust,
        Dimension::Involvement,
        Dimension::Product,
        Dimension::Expectations,
    ];

    /// Stable id, as in events sent to an embedding page.
    pub fn id(self) -> &'static str {
        self.message_id().trim_start_matches("dim.")
    }

    /// Message-catalog id of the dimension's display name.
    pub fn message_id(self) -> &'static str {
        match self {
            Dimension::Goals => "dim.goals",
            Dimension::Data => "dim.data",
            Dimension::Money => "dim.money",
            Dimension::Communication => "dim.communication",
            Dimension::Trust => "dim.trust",
            Dimension::Involvement => "dim.involvement",
            Dimension::Product => "dim.product",
            Dimension::Expectations => "dim.expectations",
        }
    }
}

/// Verdict bands, worst first so that `min` applies a cap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    HighRisk,
    Workable,
    Partner,
}

impl Band {
    /// The band an overall score earns before any cap.
    pub fn from_score(score: u8) -> Band {
        match score {
            75.. => Band::Partner,
            50..=74 => Band::Workable,
            _ => Band::HighRisk,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Band::HighRisk => "high_risk",
            Band::Workable => "workable",
            Band::Partner => "partner",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Temperament {
    Choleric,
    Sanguine,
    Melancholic,
    Phlegmatic,
}

impl Temperament {
    /// In declaration order, so `t as usize` indexes it.
    pub const ALL: [Temperament; 4] = [
        Temperament::Choleric,
        Temperament::Sanguine,
        Temperament::Melancholic,
        Temperament::Phlegmatic,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Temperament::Choleric => "choleric",
            Temperament::Sanguine => "sanguine",
            Temperament::Melancholic => "melancholic",
            Temperament::Phlegmatic => "phlegmatic",
        }
    }
}

/// One answer option, with the text resolved for both audiences.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stable id, unique within its question.
    pub id: Text,
    /// Score of this answer, 0 (worst) to 100 (best).
    #[serde(rename = "w")]
    pub weight: u8,
    /// Wording shown to the client (and to the specialist unless `spec` is set).
    pub text: Text,
    /// Wording for the specialist when it differs.
    #[serde(default)]
    pub spec: Option<Text>,
    /// "Don't know yet": offered to specialists only, never scored, never part of a rule. Added
    /// by [`Bank::parse`] to every question that has an `ask`, never written in the files.
    #[serde(skip)]
    pub unknown: bool,
}

/// The id of the "don't know yet" option, reserved in every question.
pub const UNKNOWN: &str = "unknown";

impl Choice {
    pub fn text_for(&self, audience: Audience) -> &str {
        match (audience, &self.spec) {
            (Audience::Specialist, Some(spec)) => spec,
            _ => &self.text,
        }
    }

    /// A known answer scoring below [`WEAK_BELOW`]: it leads to advice.
    pub fn is_weak(&self) -> bool {
        !self.unknown && self.weight < WEAK_BELOW
    }

    /// Whether `audience` is offered this option.
    pub fn offered_to(&self, audience: Audience) -> bool {
        !self.unknown || audience == Audience::Specialist
    }
}

/// A mirrored question pair: one thing measured, phrased for each audience, one answer scale.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id; goes into storage and share links.
    pub id: Text,
    pub dim: Dimension,
    /// A few words naming what is asked, as a heading on the negotiation agenda.
    pub topic: Text,
    /// Importance within its dimension, 1 to 3.
    #[serde(default = "one")]
    pub weight: u8,
    /// Phrasing for the business owner.
    pub client: Text,
    /// Phrasing for the specialist.
    pub specialist: Text,
    /// Name of a shared scale under `scales`, instead of inline options.
    #[serde(default)]
    pub(crate) scale: Option<Text>,
    #[serde(default)]
    pub options: List<Choice>,
    /// Advice id for weak answers; defaults to the question id.
    #[serde(default)]
    pub(crate) advice: Option<Text>,
    /// Unscored questions (the budget) inform advice but never move the verdict.
    #[serde(default = "yes")]
    pub scored: bool,
    /// What a specialist who cannot know the answer yet should ask before signing. Its presence
    /// gives the question a "don't know yet" option (specialists only).
    #[serde(default)]
    pub ask: Option<Text>,
}

fn one() -> u8 {
    1
}
fn yes() -> bool {
    true
}

impl Question {
    pub fn prompt(&self, audience: Audience) -> &str {
        match audience {
            Audience::Client => &self.client,
            Audience::Specialist => &self.specialist,
        }
    }

    pub fn advice_id(&self) -> &str {
        self.advice.as_deref().unwrap_or(&self.id)
    }

    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.options.iter().find(|c| c.id == id)
    }

    /// The options `audience` is offered, in order.
    pub fn options_for(&self, audience: Audience) -> impl Iterator<Item = &Choice> {
        self.options.iter().filter(move |c| c.offered_to(audience))
    }
}

/// One optional question of the specialist's temperament section.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemperamentQuestion {
    pub id: Text,
    pub text: Text,
    pub options: List<TemperamentChoice>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemperamentChoice {
    pub id: Text,
    #[serde(rename = "t")]
    pub temperament: Temperament,
    pub text: Text,
}

/// A condition on the answers or on a dimension score, used by flags, archetypes and checklists.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signal {
    /// Question id: the signal holds when its answer is one of `any`.
    #[serde(default)]
    pub q: Option<Text>,
    #[serde(default)]
    pub any: List<Text>,
    /// Dimension: the signal holds when its score is within `min..=max`.
    #[serde(default)]
    pub dim: Option<Dimension>,
    #[serde(default)]
    pub min: Option<u8>,
    #[serde(default)]
    pub max: Option<u8>,
    /// An archetype matches only if every key signal holds.
    #[serde(default)]
    pub key: bool,
    /// Where `q` is in [`Bank::questions`] (set by [`Bank::parse`]), so evaluation never looks
    /// an id up.
    #[serde(skip)]
    pub at: usize,
}

/// A red flag: when all its signals hold, the verdict is capped at `cap`. A flag capped at
/// "workable" is amber: settled by a rule in the contract, unless several come together (see
/// [`Combination`]).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flag {
    pub id: Text,
    pub name: Text,
    pub cap: Band,
    pub when: List<Signal>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Archetype {
    pub id: Text,
    pub name: Text,
    /// How many signals, key signals included, must hold for a match (and every key one must).
    pub need: usize,
    /// What it means, told to the client about themselves.
    pub client: Text,
    /// What it means, told to the specialist about the prospect.
    pub specialist: Text,
    pub signals: List<Signal>,
    /// A pattern the sources say to stop at or to take only on strict terms caps the verdict.
    #[serde(default)]
    pub cap: Option<Band>,
    /// Shown only when the final verdict is this band (the partner is no partner when capped).
    #[serde(default)]
    pub only_at: Option<Band>,
}

/// Amber flags that add up: when at least `at_least` of them are raised (only those about `dim`,
/// when given), the verdict is capped at `cap` and the result says that the combination decided.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Combination {
    pub id: Text,
    /// Why together they decide, as a sentence.
    pub name: Text,
    pub at_least: usize,
    #[serde(default)]
    pub dim: Option<Dimension>,
    pub cap: Band,
}

/// A question answered with one of `any`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerIs {
    pub q: Text,
    pub any: List<Text>,
    /// Where `q` is in [`Bank::questions`] (set by [`Bank::parse`]).
    #[serde(skip)]
    pub at: usize,
}

/// The worked example of a pure percentage's regret: `percent` of each monthly sales figure.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegretExample {
    pub percent: u8,
    pub sales: List<u64>,
}

/// What the fee advice reads besides the verdict and the readiness conditions.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeRules {
    /// The client itself asks to pay a pure percentage.
    pub asks_percentage: AnswerIs,
    /// The client wants a fixed fee: never advised a percentage.
    pub wants_fixed: AnswerIs,
    /// A small budget: the offer becomes a fixed package with clear boundaries.
    pub small_budget: AnswerIs,
    /// Readiness conditions a bonus on sales needs; without them the bonus is on leads.
    pub sales_bonus_needs: List<Text>,
    /// Months above the threshold after which either side may propose the next model.
    pub review_months: u8,
    pub regret: RegretExample,
}

impl Archetype {
    pub fn note(&self, audience: Audience) -> &str {
        match audience {
            Audience::Client => &self.client,
            Audience::Specialist => &self.specialist,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemperamentInfo {
    pub id: Temperament,
    pub name: Text,
    pub traits: Text,
    pub how: Text,
}

/// One concrete action, worded for each audience.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    pub id: Text,
    pub client: Text,
    pub specialist: Text,
}

impl Advice {
    pub fn text(&self, audience: Audience) -> &str {
        match audience {
            Audience::Client => &self.client,
            Audience::Specialist => &self.specialist,
        }
    }
}

/// A checklist line that is ticked when a question's answer is one of `any`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckItem {
    pub text: Text,
    pub q: Text,
    pub any: List<Text>,
    /// Where `q` is in [`Bank::questions`] (set by [`Bank::parse`]).
    #[serde(skip)]
    pub at: usize,
}

/// A readiness condition for a pure percentage of sales.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeCondition {
    pub id: Text,
    /// The question whose answer decides the condition.
    pub q: Text,
    /// Answers that meet it.
    pub any: List<Text>,
    /// The condition, stated.
    pub text: Text,
    /// What would meet it, when it is missing.
    pub unblock: Text,
    /// Where `q` is in [`Bank::questions`] (set by [`Bank::parse`]).
    #[serde(skip)]
    pub at: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionsFile {
    /// The wording of every "don't know yet" option.
    unknown_option: String,
    scales: BTreeMap<String, Vec<Choice>>,
    questions: Vec<Question>,
    temperament: Vec<TemperamentQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    flags: Vec<Flag>,
    combinations: Vec<Combination>,
    min_known_percent: u8,
    archetypes: Vec<Archetype>,
    temperaments: Vec<TemperamentInfo>,
    guarantees: Vec<CheckItem>,
    fee_conditions: Vec<FeeCondition>,
    fee: FeeRules,
    contract: List<Text>,
}

/// Everything the quizzes know, validated.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Bank {
    /// Mirrored pairs, in the order they are asked.
    pub questions: List<Question>,
    /// The optional temperament section of the specialist quiz.
    pub temperament: List<TemperamentQuestion>,
    pub flags: List<Flag>,
    /// Amber flags that decide the verdict together.
    pub combinations: List<Combination>,
    /// A dimension with less than this share of its question weight known (the rest "don't know
    /// yet") shows no score.
    pub min_known_percent: u8,
    pub archetypes: List<Archetype>,
    pub temperaments: List<TemperamentInfo>,
    pub advice: List<Advice>,
    /// When guarantees are possible.
    pub guarantees: List<CheckItem>,
    /// What the contract should fix.
    pub contract: List<Text>,
    /// Conditions that must all hold before a pure percentage of sales is advised.
    pub fee_conditions: List<FeeCondition>,
    pub fee: FeeRules,
}

/// A content error, naming the file and the id at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError(pub String);

impl std::fmt::Display for ContentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn fail<T>(msg: String) -> Result<T, ContentError> {
    Err(ContentError(msg))
}

fn parse_json<'a, T: Deserialize<'a>>(file: &str, text: &'a str) -> Result<T, ContentError> {
    serde_json::from_str(text).map_err(|e| ContentError(format!("content/{file}: {e}")))
}

impl Bank {
    /// Visits every piece of wording with its catalog key (`c.q.<id>.client`, …): the one list
    /// translations are checked against and applied by. Options of a shared scale are keyed by
    /// the scale (`c.scale.agree.yes`), so they are translated once.
    pub fn visit_texts(&mut self, f: &mut dyn FnMut(&str, &mut Text)) {
        // One reused buffer and one joining routine for every key.
        let mut key = String::new();
        let mut at = |parts: &[&str], text: &mut Text| {
            key.clear();
            key.push_str("c.");
            for p in parts {
                key.push_str(p);
            }
            f(&key, text);
        };
        for q in self.questions.to_mut() {
            at(&["q.", &q.id, ".topic"], &mut q.topic);
            at(&["q.", &q.id, ".client"], &mut q.client);
            at(&["q.", &q.id, ".specialist"], &mut q.specialist);
            // A scale's options repeat in every question using it; all share the scale's keys.
            let (kind, owner) = match &q.scale {
                Some(scale) => ("scale.", scale.as_ref()),
                None => ("q.", q.id.as_ref()),
            };
            let sep = if q.scale.is_some() { "." } else { ".o." };
            if let Some(ask) = &mut q.ask {
                at(&["q.", &q.id, ".ask"], ask);
            }
            for o in q.options.to_mut() {
                if o.unknown {
                    // One wording for every "don't know yet".
                    at(&["unknown"], &mut o.text);
                    continue;
                }
                at(&[kind, owner, sep, &o.id], &mut o.text);
                if let Some(spec) = &mut o.spec {
                    at(&[kind, owner, sep, &o.id, ".spec"], spec);
                }
            }
        }
        for t in self.temperament.to_mut() {
            at(&["t.", &t.id, ".text"], &mut t.text);
            for o in t.options.to_mut() {
                at(&["t.", &t.id, ".o.", &o.id], &mut o.text);
            }
        }
        for x in self.flags.to_mut() {
            at(&["flag.", &x.id, ".name"], &mut x.name);
        }
        for x in self.combinations.to_mut() {
            at(&["combination.", &x.id, ".name"], &mut x.name);
        }
        for x in self.archetypes.to_mut() {
            at(&["archetype.", &x.id, ".name"], &mut x.name);
            at(&["archetype.", &x.id, ".client"], &mut x.client);
            at(&["archetype.", &x.id, ".specialist"], &mut x.specialist);
        }
        for x in self.temperaments.to_mut() {
            let id = x.id.id();
            at(&["temperament.", id, ".name"], &mut x.name);
            at(&["temperament.", id, ".traits"], &mut x.traits);
            at(&["temperament.", id, ".how"], &mut x.how);
        }
        for (i, x) in self.guarantees.to_mut().iter_mut().enumerate() {
            at(&["guarantee.", &(i + 1).to_string()], &mut x.text);
        }
        for (i, x) in self.contract.to_mut().iter_mut().enumerate() {
            at(&["contract.", &(i + 1).to_string()], x);
        }
        for x in self.fee_conditions.to_mut() {
            at(&["fee.", &x.id, ".text"], &mut x.text);
            at(&["fee.", &x.id, ".unblock"], &mut x.unblock);
        }
        for x in self.advice.to_mut() {
            at(&["advice.", &x.id, ".client"], &mut x.client);
            at(&["advice.", &x.id, ".specialist"], &mut x.specialist);
        }
    }

    /// Every content text by its catalog key (the English catalog of content, derived).
    pub fn texts(&self) -> Vec<(String, String)> {
        let mut copy = self.clone();
        let mut out: Vec<(String, String)> = Vec::new();
        copy.visit_texts(&mut |key, text| {
            if !out.iter().any(|(k, _)| k == key) {
                out.push((key.to_string(), text.to_string()));
            }
        });
        out
    }

    /// This bank with its wording replaced from `lookup` (a language catalog); the first key the
    /// catalog lacks is the error.
    pub fn localized(&self, lookup: &dyn Fn(&str) -> Option<String>) -> Result<Bank, String> {
        let mut bank = self.clone();
        let mut missing = None;
        bank.visit_texts(&mut |key, text| match lookup(key) {
            Some(t) => *text = Text::Owned(t),
            None => {
                missing.get_or_insert_with(|| key.to_string());
            }
        });
        match missing {
            None => Ok(bank),
            Some(key) => Err(key),
        }
    }

    /// Parses and validates the three content files.
    pub fn parse(questions: &str, rules: &str, advice: &str) -> Result<Bank, ContentError> {
        let q: QuestionsFile = parse_json("questions.json", questions)?;
        let r: RulesFile = parse_json("rules.json", rules)?;
        let advice: Vec<Advice> = parse_json("advice.json", advice)?;
        let mut questions = q.questions;
        for question in &mut questions {
            if let Some(scale) = question.scale.clone() {
                if !question.options.is_empty() {
                    return fail(format!(
                        "questions.json: {} has both a scale and options",
                        question.id
                    ));
                }
                match q.scales.get(scale.as_ref()) {
                    Some(options) => question.options = List::Owned(options.clone()),
                    None => {
                        return fail(format!(
                            "questions.json: {} uses unknown scale {scale}",
                            question.id
                        ))
                    }
                }
            }
            if question.options.iter().any(|c| c.id == UNKNOWN) {
                return fail(format!(
                    "questions.json: {}: the option id {UNKNOWN} is reserved for \"don't know yet\"",
                    question.id
                ));
            }
            if question.ask.is_some() {
                question.options.to_mut().push(Choice {
                    id: UNKNOWN.into(),
                    weight: 0,
                    text: q.unknown_option.clone().into(),
                    spec: None,
                    unknown: true,
                });
            }
        }
        let mut bank = Bank {
            questions: questions.into(),
            temperament: q.temperament.into(),
            flags: r.flags.into(),
            combinations: r.combinations.into(),
            min_known_percent: r.min_known_percent,
            archetypes: r.archetypes.into(),
            temperaments: r.temperaments.into(),
            advice: advice.into(),
            guarantees: r.guarantees.into(),
            contract: r.contract,
            fee_conditions: r.fee_conditions.into(),
            fee: r.fee,
        };
        bank.validate()?;
        bank.place_question_refs();
        Ok(bank)
    }

    /// Sets every `at` to the index of its `q` (validated to exist).
    fn place_question_refs(&mut self) {
        let ids: Vec<Text> = self.questions.iter().map(|q| q.id.clone()).collect();
        let at = |q: &str| ids.iter().position(|id| id == q).unwrap_or(usize::MAX);
        let signals = self
            .flags
            .to_mut()
            .iter_mut()
            .flat_map(|f| f.when.to_mut().iter_mut());
        let signals = signals.chain(
            self.archetypes
                .to_mut()
                .iter_mut()
                .flat_map(|a| a.signals.to_mut().iter_mut()),
        );
        for s in signals {
            if let Some(q) = &s.q {
                s.at = at(q);
            }
        }
        for c in self.guarantees.to_mut() {
            c.at = at(&c.q);
        }
        for c in self.fee_conditions.to_mut() {
            c.at = at(&c.q);
        }
        let fee = &mut self.fee;
        for rule in [
            &mut fee.asks_percentage,
            &mut fee.wants_fixed,
            &mut fee.small_budget,
        ] {
            rule.at = at(&rule.q);
        }
    }

    fn validate(&self) -> Result<(), ContentError> {
        // Share links carry every answer as one number below 2^128 (see quiz::share).
        let mut radixes = self
            .questions
            .iter()
            .map(|q| q.options.len() as u128)
            .chain(self.temperament.iter().map(|t| t.options.len() as u128 + 1));
        if radixes.try_fold(1u128, u128::checked_mul).is_none() {
            return fail(
                "questions.json: too many answer combinations for a share link (128 bits)".into(),
            );
        }
        unique(
            "questions.json",
            self.questions.iter().map(|q| q.id.as_ref()),
        )?;
        unique(
            "questions.json",
            self.temperament.iter().map(|q| q.id.as_ref()),
        )?;
        unique("rules.json flags", self.flags.iter().map(|f| f.id.as_ref()))?;
        unique(
            "rules.json archetypes",
            self.archetypes.iter().map(|a| a.id.as_ref()),
        )?;
        unique("advice.json", self.advice.iter().map(|a| a.id.as_ref()))?;
        for q in self.questions.iter() {
            let at = format!("questions.json: {}", q.id);
            if q.client.trim().is_empty() || q.specialist.trim().is_empty() {
                return fail(format!(
                    "{at}: needs both a client and a specialist phrasing"
                ));
            }
            if q.topic.trim().is_empty() {
                return fail(format!("{at}: needs a topic for the negotiation agenda"));
            }
            if !(1..=3).contains(&q.weight) {
                return fail(format!("{at}: weight {} is outside 1..=3", q.weight));
            }
            if q.options.len() < 2 {
                return fail(format!("{at}: needs at least two options"));
            }
            unique(&at, q.options.iter().map(|c| c.id.as_ref()))?;
            for c in q.options.iter() {
                if c.weight > 100 {
                    return fail(format!("{at}/{}: weight {} is above 100", c.id, c.weight));
                }
            }
            if q.scored && !q.options.iter().any(|c| c.weight == 100) {
                return fail(format!("{at}: no option reaches 100"));
            }
            if q.ask.is_some() && !q.scored {
                return fail(format!(
                    "{at}: \"don't know yet\" is for scored questions only"
                ));
            }
            let needs_advice = !q.scored || q.options.iter().any(Choice::is_weak);
            if needs_advice && self.advice(q.advice_id()).is_none() {
                return fail(format!("{at}: advice {} does not exist", q.advice_id()));
            }
        }
        for t in self.temperament.iter() {
            if t.options.len() < 2 {
                return fail(format!("questions.json: {} needs options", t.id));
            }
            unique(&t.id, t.options.iter().map(|c| c.id.as_ref()))?;
        }
        for f in self.flags.iter() {
            self.check_signals(&format!("rules.json flag {}", f.id), &f.when)?;
            if f.cap == Band::Partner {
                return fail(format!(
                    "rules.json flag {}: a cap at partner caps nothing",
                    f.id
                ));
            }
        }
        unique(
            "rules.json combinations",
            self.combinations.iter().map(|c| c.id.as_ref()),
        )?;
        for c in self.combinations.iter() {
            let at = format!("rules.json combination {}", c.id);
            let amber = self
                .flags
                .iter()
                .filter(|f| f.cap == Band::Workable)
                .filter(|f| c.dim.is_none() || self.flag_dimension(f) == c.dim)
                .count();
            if c.at_least < 2 || c.at_least > amber {
                return fail(format!(
                    "{at}: at_least {} is outside 2..={amber} (the amber flags it counts)",
                    c.at_least
                ));
            }
            if c.cap != Band::HighRisk {
                return fail(format!("{at}: amber flags that add up cap at high_risk"));
            }
        }
        if !(1..=100).contains(&self.min_known_percent) {
            return fail("rules.json: min_known_percent is outside 1..=100".into());
        }
        for a in self.archetypes.iter() {
            let at = format!("rules.json archetype {}", a.id);
            self.check_signals(&at, &a.signals)?;
            match (a.cap, a.only_at) {
                (Some(Band::Partner), _) => {
                    return fail(format!("{at}: a cap at partner caps nothing"))
                }
                (Some(_), Some(_)) => {
                    return fail(format!("{at}: either a cap or only_at, not both"))
                }
                _ => {}
            }
            if a.need == 0 || a.need > a.signals.len() {
                return fail(format!(
                    "{at}: need {} is outside 1..={}",
                    a.need,
                    a.signals.len()
                ));
            }
        }
        for c in self.guarantees.iter() {
            self.check_answer_ref("rules.json guarantees", &c.q, &c.any)?;
        }
        unique(
            "rules.json fee_conditions",
            self.fee_conditions.iter().map(|c| c.id.as_ref()),
        )?;
        for c in self.fee_conditions.iter() {
            self.check_answer_ref(&format!("rules.json fee condition {}", c.id), &c.q, &c.any)?;
        }
        let fee = &self.fee;
        for (name, rule) in [
            ("asks_percentage", &fee.asks_percentage),
            ("wants_fixed", &fee.wants_fixed),
            ("small_budget", &fee.small_budget),
        ] {
            self.check_answer_ref(&format!("rules.json fee {name}"), &rule.q, &rule.any)?;
        }
        for id in fee.sales_bonus_needs.iter() {
            if !self.fee_conditions.iter().any(|c| c.id == *id) {
                return fail(format!(
                    "rules.json fee sales_bonus_needs: unknown condition {id}"
                ));
            }
        }
        if fee.review_months == 0 || fee.regret.sales.is_empty() || fee.regret.percent == 0 {
            return fail(
                "rules.json fee: review_months, regret.percent and regret.sales must be set".into(),
            );
        }
        let known: BTreeSet<Temperament> = self.temperaments.iter().map(|t| t.id).collect();
        if known.len() != 4 || self.temperaments.len() != 4 {
            return fail("rules.json: temperaments must list the four, once each".into());
        }
        Ok(())
    }

    fn check_signals(&self, at: &str, signals: &[Signal]) -> Result<(), ContentError> {
        if signals.is_empty() {
            return fail(format!("{at}: no signals"));
        }
        for s in signals {
            match (&s.q, s.dim) {
                (Some(q), None) if s.min.is_none() && s.max.is_none() => {
                    self.check_answer_ref(at, q, &s.any)?
                }
                (None, Some(_)) if s.any.is_empty() && (s.min.is_some() || s.max.is_some()) => {}
                _ => {
                    return fail(format!(
                        "{at}: a signal is either {{q, any}} or {{dim, min|max}}"
                    ))
                }
            }
        }
        Ok(())
    }

    fn check_answer_ref(&self, at: &str, q: &str, any: &[Text]) -> Result<(), ContentError> {
        let Some(question) = self.question(q) else {
            return fail(format!("{at}: unknown question {q}"));
        };
        if any.is_empty() {
            return fail(format!("{at}: {q} lists no answers"));
        }
        for id in any {
            match question.choice(id) {
                None => return fail(format!("{at}: {q} has no option {id}")),
                Some(c) if c.unknown => {
                    return fail(format!("{at}: \"don't know yet\" ({q}) decides nothing"))
                }
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// The dimension a flag is about: its first signal's question's, or its dimension's.
    pub fn flag_dimension(&self, f: &Flag) -> Option<Dimension> {
        let s = f.when.first()?;
        match &s.q {
            Some(q) => self.question(q).map(|q| q.dim),
            None => s.dim,
        }
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn advice(&self, id: &str) -> Option<&Advice> {
        self.advice.iter().find(|a| a.id == id)
    }

    pub fn flag(&self, id: &str) -> Option<&Flag> {
        self.flags.iter().find(|f| f.id == id)
    }

    pub fn archetype(&self, id: &str) -> Option<&Archetype> {
        self.archetypes.iter().find(|a| a.id == id)
    }

    pub fn temperament_info(&self, t: Temperament) -> Option<&TemperamentInfo> {
        self.temperaments.iter().find(|i| i.id == t)
    }

    /// Number of screens in a quiz: the pairs, plus the optional temperament section for
    /// specialists.
    pub fn step_count(&self, audience: Audience) -> usize {
        match audience {
            Audience::Client => self.questions.len(),
            Audience::Specialist => self.questions.len() + self.temperament.len(),
        }
    }
}

fn unique<'a>(at: &str, ids: impl Iterator<Item = &'a str>) -> Result<(), ContentError> {
    let mut seen = BTreeSet::new();
    for id in ids {
        if id.is_empty()
            || !id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        {
            return fail(format!(
                "{at}: id {id:?} must be lowercase ascii, digits or _"
            ));
        }
        if !seen.insert(id) {
            return fail(format!("{at}: duplicate id {id}"));
        }
    }
    Ok(())
}

/// The JSON sources, for the build script and for tests that validate or mutate them.
pub fn embedded_sources() -> (&'static str, &'static str, &'static str) {
    (QUESTIONS_JSON, RULES_JSON, ADVICE_JSON)
}
