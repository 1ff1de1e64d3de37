//! The specialist's desk: the prospects a specialist vets, each with a stage, notes and every
//! assessment with its date; the list sorted, filtered and searched; how verdicts compared with
//! outcomes; and the desk's file formats (JSON to export and import, CSV for a spreadsheet).
//! Pure: the app stores it, shows it and hands the files to the browser.

use serde::{Deserialize, Serialize};

use crate::fee::Offer;
use crate::i18n::Lang;
use crate::ids::{named_set, OptionId, QuestionId};
use crate::{evaluate, Answers, Audience, Band, Bank, Dimension};

named_set! {
    /// Where a prospect stands: the way to a contract, then how it ended.
    pub enum Stage {
        FirstContact = "first_contact",
        Call = "call",
        Proposal = "proposal",
        Signed = "signed",
        PaidOnTime = "paid_on_time",
        PaidLate = "paid_late",
        Churned = "churned",
        Declined = "declined",
    }
}

impl Stage {
    /// How a signed prospect turned out: what the verdict is checked against.
    pub const OUTCOMES: [Stage; 3] = [Stage::PaidOnTime, Stage::PaidLate, Stage::Churned];
}

/// A prospect's id: made by the app, unique on the desk, kept through export and import.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProspectId(String);

impl ProspectId {
    /// `[A-Za-z0-9_-]`, 1 to 40 characters: safe in a file, a link and a storage key.
    pub fn parse(text: &str) -> Option<ProspectId> {
        let ok = (1..=40).contains(&text.len())
            && text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        ok.then(|| ProspectId(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A calendar day, as days since 1970-01-01 (the app passes today's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

impl Day {
    /// `2026-11-27`.
    pub fn iso(self) -> String {
        // Howard Hinnant's civil_from_days.
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i32::from(m <= 2);
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// The date as the language writes it: `27 Nov 2026`, `27.11.2026` (ru), `5.3.2026` (fi), `27/11/2026` (es).
    pub fn local(self, lang: Lang) -> String {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let iso = self.iso();
        let (y, rest) = iso.split_at(iso.len() - 6);
        let (m, d) = (&rest[1..3], &rest[4..6]);
        match lang {
            Lang::En => {
                let month = m
                    .parse::<usize>()
                    .ok()
                    .and_then(|m| MONTHS.get(m.wrapping_sub(1)));
                format!("{} {} {y}", d.trim_start_matches('0'), month.unwrap_or(&m))
            }
            Lang::Ru => format!("{d}.{m}.{y}"),
            Lang::Fi => {
                let (d, m) = (d.trim_start_matches('0'), m.trim_start_matches('0'));
                format!("{d}.{m}.{y}")
            }
            Lang::Es => format!("{d}/{m}/{y}"),
        }
    }

    /// Reads `YYYY-MM-DD` (years 1970–9999); `None` for anything else or a day that does not exist.
    pub fn from_iso(text: &str) -> Option<Day> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<i32> {
            let part = text.get(r)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        if !(1970..=9999).contains(&y) || !(1..=12).contains(&m) || d < 1 {
            return None;
        }
        // Hinnant's days_from_civil.
        let yy = if m <= 2 { y - 1 } else { y };
        let era = yy.div_euclid(400);
        let yoe = yy.rem_euclid(400);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let day = Day(era * 146_097 + doe - 719_468);
        // 2026-02-30 would land in March: refuse what does not read back the same.
        (day.iso() == text).then_some(day)
    }
}

/// One run of the specialist quiz about a prospect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    pub on: Day,
    pub answers: Answers,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prospect {
    pub id: ProspectId,
    pub label: String,
    pub notes: String,
    pub stage: Stage,
    pub archived: bool,
    pub created: Day,
    pub changed: Day,
    /// Oldest first; the last one is the prospect's current verdict.
    pub assessments: Vec<Assessment>,
    /// The client's own answers to the mirrored quiz, from the result link they sent back.
    pub client: Option<Answers>,
}

/// Longest label and notes the desk keeps (a label is a name, notes a few paragraphs).
pub const MAX_LABEL: usize = 80;
pub const MAX_NOTES: usize = 4000;

/// What a change to the desk could not do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeskError {
    EmptyLabel,
    TooLong,
    DuplicateId,
    NoSuchProspect,
}

/// What a specialist can change about a prospect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Label(String),
    Notes(String),
    Stage(Stage),
    Archived(bool),
    /// A finished assessment: the prospect's verdict is now this one's.
    Assessed(Answers),
    /// The client's result from the link they sent (or none, to detach it).
    ClientResult(Option<Answers>),
}

/// A deleted prospect and where it stood, for "Undo".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removed {
    at: usize,
    prospect: Prospect,
}

impl Removed {
    pub fn prospect(&self) -> &Prospect {
        &self.prospect
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Desk {
    pub prospects: Vec<Prospect>,
    /// When the desk was last exported, and last changed: for the export reminder.
    pub exported: Option<Day>,
    pub changed: Option<Day>,
}

/// A label or notes as kept: control characters become spaces, the ends trimmed.
fn clean(text: &str, max: usize) -> Result<String, DeskError> {
    let cleaned: String = text
        .chars()
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect();
    let cleaned = cleaned.trim().to_owned();
    if cleaned.chars().count() > max {
        return Err(DeskError::TooLong);
    }
    Ok(cleaned)
}

impl Desk {
    pub fn get(&self, id: &ProspectId) -> Option<&Prospect> {
        self.prospects.iter().find(|p| &p.id == id)
    }

    pub fn create(&mut self, id: ProspectId, label: &str, today: Day) -> Result<(), DeskError> {
        let label = clean(label, MAX_LABEL)?;
        if label.is_empty() {
            return Err(DeskError::EmptyLabel);
        }
        if self.get(&id).is_some() {
            return Err(DeskError::DuplicateId);
        }
        self.prospects.push(Prospect {
            id,
            label,
            notes: String::new(),
            stage: Stage::FirstContact,
            archived: false,
            created: today,
            changed: today,
            assessments: Vec::new(),
            client: None,
        });
        self.changed = Some(today);
        Ok(())
    }

    /// Changes one prospect, which then counts as changed `today`.
    pub fn apply(&mut self, id: &ProspectId, change: Change, today: Day) -> Result<(), DeskError> {
        let p = self
            .prospects
            .iter_mut()
            .find(|p| &p.id == id)
            .ok_or(DeskError::NoSuchProspect)?;
        match change {
            Change::Label(label) => {
                let label = clean(&label, MAX_LABEL)?;
                if label.is_empty() {
                    return Err(DeskError::EmptyLabel);
                }
                p.label = label;
            }
            Change::Notes(notes) => p.notes = clean(&notes, MAX_NOTES)?,
            Change::Stage(stage) => p.stage = stage,
            Change::Archived(archived) => p.archived = archived,
            Change::Assessed(answers) => p.assessments.push(Assessment { on: today, answers }),
            Change::ClientResult(answers) => p.client = answers,
        }
        p.changed = today;
        self.changed = Some(today);
        Ok(())
    }

    /// Removes a prospect; `restore` puts it back where it was.
    pub fn delete(&mut self, id: &ProspectId, today: Day) -> Option<Removed> {
        let at = self.prospects.iter().position(|p| &p.id == id)?;
        self.changed = Some(today);
        Some(Removed {
            at,
            prospect: self.prospects.remove(at),
        })
    }

    pub fn restore(&mut self, removed: Removed) -> Result<(), DeskError> {
        if self.get(&removed.prospect.id).is_some() {
            return Err(DeskError::DuplicateId);
        }
        let at = removed.at.min(self.prospects.len());
        self.prospects.insert(at, removed.prospect);
        Ok(())
    }

    /// Once the desk has changed since its last export (or was never exported) and 30 days have
    /// passed since that export (or since the first change), the specialist is reminded.
    pub fn export_due(&self, today: Day, first_change: Day) -> bool {
        let Some(changed) = self.changed else {
            return false;
        };
        match self.exported {
            Some(exported) => changed > exported && today.0 - exported.0 >= 30,
            None => today.0 - first_change.0 >= 30,
        }
    }

    /// The list the desk shows.
    pub fn rows(&self, bank: &Bank, query: &ListQuery) -> Vec<Row> {
        select_rows(&self.all_rows(bank), query)
    }

    /// Every prospect as the list shows it, each evaluated once, in desk order: what
    /// [`select_rows`] sorts and filters, so a new sort or search evaluates nothing again.
    pub fn all_rows(&self, bank: &Bank) -> Vec<Row> {
        self.prospects.iter().map(|p| Row::of(p, bank)).collect()
    }
}

/// How the verdicts compared with outcomes: for each band of the last assessment, how many signed
/// prospects paid on time, paid late or churned. Read from the rows ([`Desk::all_rows`]), whose
/// verdicts are worked out already.
pub fn outcomes(rows: &[Row]) -> Vec<(Band, [usize; 3])> {
    let mut table = [
        (Band::Partner, [0; 3]),
        (Band::Workable, [0; 3]),
        (Band::HighRisk, [0; 3]),
    ];
    for r in rows {
        let (Some(at), Some(band)) = (Stage::OUTCOMES.iter().position(|s| *s == r.stage), r.band)
        else {
            continue;
        };
        if let Some(row) = table.iter_mut().find(|(b, _)| *b == band) {
            row.1[at] += 1;
        }
    }
    table.to_vec()
}

impl Prospect {
    /// The client's result beside the latest assessment, once both exist.
    pub fn comparison(&self, bank: &Bank) -> Option<crate::compare::Comparison> {
        let (client, last) = (self.client.as_ref()?, self.assessments.last()?);
        Some(crate::compare::compare(bank, client, &last.answers))
    }
}

/// Why an invitation cannot be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InviteError {
    /// No name the client would recognise.
    Name,
    /// Not an e-mail address or an https: page.
    Contact,
}

/// The address parameters of an invitation to the client quiz: the specialist's name, shown as
/// who the quiz comes from, where "Send my result" goes, and the invite id (the prospect's id),
/// which the client's result link keeps, so that the desk knows whose result came back. Nothing
/// of the specialist's own assessment is in it. `contact` is an e-mail address or an `https:`
/// page (a form, a chat).
pub fn invite_query(name: &str, contact: &str, invite: &ProspectId) -> Result<String, InviteError> {
    let name = crate::config::clean_name(name).ok_or(InviteError::Name)?;
    let contact = contact.trim();
    let contact = if contact.contains('@') && !contact.contains(':') {
        format!("mailto:{contact}")
    } else {
        contact.to_owned()
    };
    let contact = crate::config::parse_contact(&contact).ok_or(InviteError::Contact)?;
    let raw = match &contact {
        crate::config::Contact::Mail(address) => format!("mailto:{address}"),
        crate::config::Contact::Page(url) => url.clone(),
    };
    Ok(format!(
        "?quiz=client&agency={}&contact={}&{INVITE_PARAM}={}",
        crate::stored::percent_encode(&name),
        crate::stored::percent_encode(&raw),
        invite.as_str()
    ))
}

/// The invitation's parameter that names the prospect (`invite=<id>`).
pub const INVITE_PARAM: &str = "invite";

/// The invite id a returned result link carries in its query, when it is a well-formed id.
pub fn returned_invite(link: &str) -> Option<ProspectId> {
    let address = link.trim().split('#').next()?;
    let (_, query) = address.split_once('?')?;
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == INVITE_PARAM)
        .and_then(|(_, value)| ProspectId::parse(value))
}

/// What moved between a prospect's last two assessments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reassessment {
    pub before: Day,
    pub after: Day,
    pub band: (Band, Band),
    pub score: (u8, u8),
    pub fee: (Offer, Offer),
    /// Each question whose answer changed, in quiz order: its id, the answer before and after
    /// (`None`: not answered, as an optional question may be).
    pub moved: Vec<(QuestionId, Option<OptionId>, Option<OptionId>)>,
}

impl Prospect {
    /// The last assessment against the one before it; `None` until there are two.
    pub fn reassessment(&self, bank: &Bank) -> Option<Reassessment> {
        let [.., before, after] = self.assessments.as_slice() else {
            return None;
        };
        let (was, is) = (
            evaluate(bank, Audience::Specialist, &before.answers),
            evaluate(bank, Audience::Specialist, &after.answers),
        );
        let ids = bank
            .questions
            .iter()
            .map(|q| q.id.as_ref())
            .chain(bank.temperament.iter().map(|t| t.id.as_ref()));
        let moved = ids
            .filter_map(|id: &str| {
                let (a, b) = (before.answers.get(id), after.answers.get(id));
                (a != b).then(|| (QuestionId::from(id), a.cloned(), b.cloned()))
            })
            .collect();
        Some(Reassessment {
            before: before.on,
            after: after.on,
            band: (was.band, is.band),
            score: (was.overall, is.overall),
            fee: (was.fee.offer, is.fee.offer),
            moved,
        })
    }
}

/// The rows `query` asks for: the working list or the archive, one stage, a search by name
/// (case-insensitive), sorted.
pub fn select_rows(all: &[Row], query: &ListQuery) -> Vec<Row> {
    let needle = query.search.trim().to_lowercase();
    let mut rows: Vec<Row> = all
        .iter()
        .filter(|r| r.archived == query.archived)
        .filter(|r| query.stage.is_none_or(|s| r.stage == s))
        .filter(|r| needle.is_empty() || r.label.to_lowercase().contains(&needle))
        .cloned()
        .collect();
    let verdict_rank = |r: &Row| r.band.map_or(0, |b| b as u8 + 1);
    match query.sort {
        SortBy::Verdict => rows.sort_by(|a, b| {
            verdict_rank(b)
                .cmp(&verdict_rank(a))
                .then(b.score.cmp(&a.score))
                .then(b.changed.cmp(&a.changed))
        }),
        SortBy::Score => rows.sort_by(|a, b| b.score.cmp(&a.score).then(b.changed.cmp(&a.changed))),
        SortBy::Date => rows.sort_by_key(|r| std::cmp::Reverse(r.changed)),
    }
    rows
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// Partner first, then workable, high risk, and the not yet assessed.
    #[default]
    Verdict,
    Score,
    /// Last changed first.
    Date,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListQuery {
    pub sort: SortBy,
    pub stage: Option<Stage>,
    pub search: String,
    /// The archive instead of the working list.
    pub archived: bool,
}

/// A prospect as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub id: ProspectId,
    pub label: String,
    pub stage: Stage,
    pub archived: bool,
    pub band: Option<Band>,
    pub score: Option<u8>,
    /// The first red flags, at most three.
    pub flags: Vec<String>,
    pub changed: Day,
}

impl Row {
    fn of(p: &Prospect, bank: &Bank) -> Row {
        let eval = p
            .assessments
            .last()
            .map(|a| evaluate(bank, Audience::Specialist, &a.answers));
        Row {
            id: p.id.clone(),
            label: p.label.clone(),
            stage: p.stage,
            archived: p.archived,
            band: eval.as_ref().map(|e| e.band),
            score: eval.as_ref().map(|e| e.overall),
            flags: eval
                .map(|e| e.flags.into_iter().take(3).collect())
                .unwrap_or_default(),
            changed: p.changed,
        }
    }
}

// --- The JSON file: `{"format": "client-fit-desk", "version": 1, …}` (README "The desk file") ---

pub const FILE_FORMAT: &str = "client-fit-desk";
/// 2 added the client's result (`client`); files of version 1 read as before.
pub const FILE_VERSION: u32 = 2;

#[derive(Serialize, Deserialize)]
struct FileOut<'a> {
    format: &'a str,
    version: u32,
    exported: String,
    prospects: Vec<ProspectFile>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProspectFile {
    id: String,
    label: String,
    #[serde(default)]
    notes: String,
    stage: String,
    #[serde(default)]
    archived: bool,
    created: String,
    changed: String,
    #[serde(default)]
    assessments: Vec<AssessmentFile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    client: Option<std::collections::BTreeMap<String, String>>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AssessmentFile {
    on: String,
    answers: std::collections::BTreeMap<String, String>,
}

/// The whole desk as the JSON file a specialist downloads.
pub fn export_json(desk: &Desk, today: Day) -> String {
    let file = FileOut {
        format: FILE_FORMAT,
        version: FILE_VERSION,
        exported: today.iso(),
        prospects: desk
            .prospects
            .iter()
            .map(|p| ProspectFile {
                id: p.id.as_str().to_owned(),
                label: p.label.clone(),
                notes: p.notes.clone(),
                stage: p.stage.name().to_owned(),
                archived: p.archived,
                created: p.created.iso(),
                changed: p.changed.iso(),
                assessments: p
                    .assessments
                    .iter()
                    .map(|a| AssessmentFile {
                        on: a.on.iso(),
                        answers: a
                            .answers
                            .iter()
                            .map(|(q, o)| (q.as_str().to_owned(), o.as_str().to_owned()))
                            .collect(),
                    })
                    .collect(),
                client: p.client.as_ref().map(|answers| {
                    answers
                        .iter()
                        .map(|(q, o)| (q.as_str().to_owned(), o.as_str().to_owned()))
                        .collect()
                }),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// A problem with one prospect of an imported file: where it is and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The line the prospect starts on (1-based).
    pub line: usize,
    /// The field at fault (`stage`, `assessments[2].answers.goals_numbers`, …).
    pub field: String,
    pub fault: Fault,
}

/// What is wrong with a field of an imported prospect; the app words it in the reader's
/// language (`message_id`, with the offending value as `{value}`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Not shaped as the format says (a missing field, a number for a text): the JSON reader's
    /// own description, which names the field.
    Shape(String),
    Id,
    Label,
    Notes,
    /// Not one of the stage names.
    Stage(String),
    /// Not a date like 2026-11-27.
    Date(String),
    /// Not an answer the quiz offers to this question.
    Answer(String),
    /// The same id twice in one file.
    Twice(String),
}

impl Fault {
    pub fn message_id(&self) -> &'static str {
        match self {
            Fault::Shape(_) => "desk.fault.shape",
            Fault::Id => "desk.fault.id",
            Fault::Label => "desk.fault.label",
            Fault::Notes => "desk.fault.notes",
            Fault::Stage(_) => "desk.fault.stage",
            Fault::Date(_) => "desk.fault.date",
            Fault::Answer(_) => "desk.fault.answer",
            Fault::Twice(_) => "desk.fault.twice",
        }
    }

    /// The offending value, as the file has it.
    pub fn value(&self) -> &str {
        match self {
            Fault::Shape(v)
            | Fault::Stage(v)
            | Fault::Date(v)
            | Fault::Answer(v)
            | Fault::Twice(v) => v,
            Fault::Id | Fault::Label | Fault::Notes => "",
        }
    }
}

/// Why a file could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Not JSON: where the parser stopped.
    Syntax { line: usize, column: usize },
    /// JSON, but not a desk file.
    NotADesk,
    /// A desk file from a newer Client Fit.
    Newer(u32),
}

/// A file read: the prospects that passed, and a problem for each that did not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    pub prospects: Vec<Prospect>,
    pub problems: Vec<Problem>,
}

/// Reads a desk file. A prospect with any problem is left out and reported; the rest come in.
/// Answers are checked against `bank`, so a file never brings an answer the quiz cannot show.
pub fn import_json(text: &str, bank: &Bank) -> Result<Imported, ImportError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| ImportError::Syntax {
        line: e.line(),
        column: e.column(),
    })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FILE_FORMAT) {
        return Err(ImportError::NotADesk);
    }
    let version = value.get("version").and_then(serde_json::Value::as_u64);
    match version {
        Some(v) if v > u64::from(FILE_VERSION) => {
            return Err(ImportError::Newer(u32::try_from(v).unwrap_or(u32::MAX)))
        }
        Some(_) => {}
        None => return Err(ImportError::NotADesk),
    }
    let Some(items) = value.get("prospects").and_then(|p| p.as_array()) else {
        return Err(ImportError::NotADesk);
    };
    let lines = element_lines(text, "prospects");
    let mut imported = Imported {
        prospects: Vec::new(),
        problems: Vec::new(),
    };
    let mut seen = std::collections::BTreeSet::new();
    for (i, item) in items.iter().enumerate() {
        let line = lines.get(i).copied().unwrap_or(1);
        let mut problems = Vec::new();
        let mut say = |field: &str, fault: Fault| {
            problems.push(Problem {
                line,
                field: field.to_owned(),
                fault,
            });
        };
        match serde_json::from_value::<ProspectFile>(item.clone()) {
            Err(e) => say("", Fault::Shape(e.to_string())),
            Ok(file) => {
                if let Some(p) = read_prospect(file, bank, &mut say) {
                    if seen.insert(p.id.clone()) {
                        imported.prospects.push(p);
                    } else {
                        say("id", Fault::Twice(p.id.as_str().to_owned()));
                    }
                }
            }
        }
        imported.problems.extend(problems);
    }
    Ok(imported)
}

/// A date field, or a fault for it.
fn read_day(faults: &mut Vec<(String, Fault)>, field: &str, text: &str) -> Option<Day> {
    let day = Day::from_iso(text);
    if day.is_none() {
        faults.push((field.to_owned(), Fault::Date(text.to_owned())));
    }
    day
}

fn read_prospect(
    file: ProspectFile,
    bank: &Bank,
    say: &mut impl FnMut(&str, Fault),
) -> Option<Prospect> {
    let mut faults: Vec<(String, Fault)> = Vec::new();
    let id = ProspectId::parse(&file.id);
    if id.is_none() {
        faults.push(("id".into(), Fault::Id));
    }
    let label = clean(&file.label, MAX_LABEL).ok().filter(|l| !l.is_empty());
    if label.is_none() {
        faults.push(("label".into(), Fault::Label));
    }
    let notes = clean(&file.notes, MAX_NOTES).ok();
    if notes.is_none() {
        faults.push(("notes".into(), Fault::Notes));
    }
    let stage = Stage::from_name(&file.stage);
    if stage.is_none() {
        faults.push(("stage".into(), Fault::Stage(file.stage.clone())));
    }
    let created = read_day(&mut faults, "created", &file.created);
    let changed = read_day(&mut faults, "changed", &file.changed);
    let mut assessments = Vec::new();
    for (n, a) in file.assessments.iter().enumerate() {
        let on = read_day(&mut faults, &format!("assessments[{n}].on"), &a.on);
        let answers = read_answers(
            bank,
            Audience::Specialist,
            &a.answers,
            &format!("assessments[{n}].answers"),
            &mut faults,
        );
        if let Some(on) = on {
            assessments.push(Assessment { on, answers });
        }
    }
    let client = file
        .client
        .as_ref()
        .map(|c| read_answers(bank, Audience::Client, c, "client", &mut faults));
    if !faults.is_empty() {
        for (field, fault) in faults {
            say(&field, fault);
        }
        return None;
    }
    Some(Prospect {
        id: id?,
        label: label?,
        notes: notes?,
        stage: stage?,
        archived: file.archived,
        created: created?,
        changed: changed?,
        assessments,
        client,
    })
}

/// Answers of a file checked against the quiz of `audience`: each unknown one is a fault.
fn read_answers(
    bank: &Bank,
    audience: Audience,
    answers: &std::collections::BTreeMap<String, String>,
    field: &str,
    faults: &mut Vec<(String, Fault)>,
) -> Answers {
    let mut read = Answers::new();
    for (q, o) in answers {
        let known =
            bank.question(q)
                .and_then(|question| question.choice(o))
                .is_some_and(|c| c.offered_to(audience))
                || (audience == Audience::Specialist
                    && bank.temperament.iter().any(|t| {
                        t.id == q.as_str() && t.options.iter().any(|x| x.id == o.as_str())
                    }));
        if known {
            read.insert(QuestionId::from(q.as_str()), OptionId::from(o.as_str()));
        } else {
            faults.push((format!("{field}.{q}"), Fault::Answer(o.clone())));
        }
    }
    read
}

/// The line each element of the top-level array `key` starts on: JSON values carry no
/// positions, and a problem is only useful with one.
fn element_lines(text: &str, key: &str) -> Vec<usize> {
    let quoted = format!("\"{key}\"");
    let mut lines = Vec::new();
    let (mut depth, mut line, mut in_string, mut escaped) = (0usize, 1usize, false, false);
    let mut array_depth = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            line += 1;
        }
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
        } else {
            match b {
                b'"' => {
                    if depth == 1 && array_depth.is_none() && text[i..].starts_with(&quoted) {
                        array_depth = Some(2);
                    }
                    in_string = true;
                }
                b'{' | b'[' => {
                    depth += 1;
                    if b == b'{' && array_depth == Some(depth - 1) {
                        lines.push(line);
                    }
                }
                b'}' | b']' => {
                    if b == b']' && array_depth == Some(depth) {
                        array_depth = Some(usize::MAX);
                    }
                    depth = depth.saturating_sub(1);
                }
                _ => {}
            }
        }
        i += 1;
    }
    lines
}

/// What importing would change: new prospects are added, identical ones left as they are, and
/// ones that differ are listed for the specialist to decide; nothing is replaced without asking.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergePlan {
    pub added: Vec<ProspectId>,
    pub unchanged: usize,
    pub conflicts: Vec<ProspectId>,
}

impl Desk {
    pub fn plan_merge(&self, incoming: &[Prospect]) -> MergePlan {
        let mut plan = MergePlan::default();
        for p in incoming {
            match self.get(&p.id) {
                None => plan.added.push(p.id.clone()),
                Some(mine) if mine == p => plan.unchanged += 1,
                Some(_) => plan.conflicts.push(p.id.clone()),
            }
        }
        plan
    }

    /// Adds the new prospects and replaces exactly the conflicting ones in `replace`.
    pub fn merge(&mut self, incoming: Vec<Prospect>, replace: &[ProspectId], today: Day) {
        for p in incoming {
            match self.prospects.iter_mut().find(|m| m.id == p.id) {
                None => self.prospects.push(p),
                Some(mine) if replace.contains(&p.id) => *mine = p,
                Some(_) => {}
            }
        }
        self.changed = Some(today);
    }
}

// --- CSV: a row per prospect for a spreadsheet or a CRM ---

/// One cell, quoted when it must be (RFC 4180), and never read as a formula by a spreadsheet.
fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// id, label, stage, archived, created, changed, last assessed, band, score, one column per
/// dimension (empty when too little is known), and the red flags separated by `;`.
pub fn export_csv(desk: &Desk, bank: &Bank) -> String {
    let mut header: Vec<String> = [
        "id", "label", "stage", "archived", "created", "changed", "assessed", "band", "score",
    ]
    .iter()
    .map(|h| (*h).to_owned())
    .collect();
    header.extend(Dimension::ALL.iter().map(|d| d.id().to_owned()));
    header.push("flags".into());
    let mut out = header.join(",") + "\r\n";
    for p in &desk.prospects {
        let last = p.assessments.last();
        let eval = last.map(|a| evaluate(bank, Audience::Specialist, &a.answers));
        let mut row = vec![
            cell(p.id.as_str()),
            cell(&p.label),
            p.stage.name().to_owned(),
            p.archived.to_string(),
            p.created.iso(),
            p.changed.iso(),
            last.map(|a| a.on.iso()).unwrap_or_default(),
            eval.as_ref()
                .map(|e| e.band.id().to_owned())
                .unwrap_or_default(),
            eval.as_ref()
                .map(|e| e.overall.to_string())
                .unwrap_or_default(),
        ];
        for d in Dimension::ALL {
            let score = eval
                .as_ref()
                .and_then(|e| e.dimensions.iter().find(|s| s.dim == d))
                .map(|s| s.score.to_string());
            row.push(score.unwrap_or_default());
        }
        row.push(cell(&eval.map(|e| e.flags.join(";")).unwrap_or_default()));
        out += &(row.join(",") + "\r\n");
    }
    out
}
