//! The desk in the browser's storage: one entry per prospect, so a damaged one is set aside and
//! the rest load, and an index that keeps their order and the export dates.
//!
//! - index `clientfit.v1.desk`: `k1;<exported day or ->;<changed day or ->;<id>,<id>,…`
//! - prospect `clientfit.v1.desk.<id>`: `q2;<label>;<notes>;<stage>;<0|1 archived>;<created>;
//!   <changed>;<assessment>,<assessment>,…;<client's result or ->` (q1 had no client's result),
//!   the client's result being its share token, or `a.<answers>` when none can be made; an
//!   assessment being `<day>.t.<share token>` (a
//!   finished specialist result, 20-odd characters that links of earlier content layouts already
//!   know how to read) or `<day>.a.<question>=<option>&…` when no token can be made.
//!
//! - an assessment under way `clientfit.v1.desk-progress.<id>`: saved progress (`stored`, `p2;…`)
//! - when the export reminder was last shown `clientfit.v1.desk-reminded`: `<day>`
//!
//! Days are numbers (days since 1970-01-01); texts are percent-encoded (`stored::percent_encode`), so a
//! value needs no JSON escapes, as every stored value of this app. Written against
//! [`KeyValue`]; nothing is removed before its copy aside was written and read back.

use std::collections::BTreeMap;

use crate::desk::{Assessment, Day, Desk, Prospect, ProspectId, Stage};
use crate::progress::Progress;
use crate::saved::{save, set_aside_as, KeyValue, StoreError, MAX_STORED_BYTES};
use crate::share;
use crate::stored::{
    decode_answers, decode_progress, encode_answers, encode_progress, percent_decode,
    percent_encode, unquote, Unreadable, DESK_INDEX_VERSION, PROGRESS_VERSION, PROSPECT_VERSION,
};
use crate::{Answers, Audience, Bank};

pub const DESK_KEY: &str = "clientfit.v1.desk";
pub const REMINDED_KEY: &str = "clientfit.v1.desk-reminded";
const DRAFT_PREFIX: &str = "clientfit.v1.desk-progress.";

/// Assessments under way, by prospect.
pub type Drafts = BTreeMap<ProspectId, Progress>;

pub fn draft_key(id: &ProspectId) -> String {
    format!("{DRAFT_PREFIX}{}", id.as_str())
}

pub fn prospect_key(id: &ProspectId) -> String {
    format!("{DESK_KEY}.{}", id.as_str())
}

fn day_text(day: Option<Day>) -> String {
    day.map_or_else(|| "-".into(), |d| d.0.to_string())
}

fn read_day(text: &str) -> Result<Day, Unreadable> {
    text.parse::<i32>().map(Day).map_err(|_| Unreadable)
}

fn read_optional_day(text: &str) -> Result<Option<Day>, Unreadable> {
    if text == "-" {
        Ok(None)
    } else {
        read_day(text).map(Some)
    }
}

pub fn encode_index(desk: &Desk) -> String {
    let ids: Vec<&str> = desk.prospects.iter().map(|p| p.id.as_str()).collect();
    format!(
        "k1;{};{};{}",
        day_text(desk.exported),
        day_text(desk.changed),
        ids.join(",")
    )
}

/// The order of prospects and the export dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Index {
    pub ids: Vec<ProspectId>,
    pub exported: Option<Day>,
    pub changed: Option<Day>,
}

pub fn decode_index(text: &str) -> Result<Index, Unreadable> {
    let mut parts = text.splitn(4, ';');
    if parts.next() != Some("k1") {
        return Err(Unreadable);
    }
    let exported = read_optional_day(parts.next().ok_or(Unreadable)?)?;
    let changed = read_optional_day(parts.next().ok_or(Unreadable)?)?;
    let list = parts.next().ok_or(Unreadable)?;
    let ids = list
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|s| ProspectId::parse(s).ok_or(Unreadable))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Index {
        ids,
        exported,
        changed,
    })
}

pub fn encode_prospect(p: &Prospect, bank: &Bank) -> String {
    let assessments: Vec<String> = p
        .assessments
        .iter()
        .map(
            |a| match share::encode(bank, Audience::Specialist, &a.answers) {
                Some(token) => format!("{}.t.{token}", a.on.0),
                None => format!("{}.a.{}", a.on.0, encode_answers(&a.answers)),
            },
        )
        .collect();
    let client = p.client.as_ref().map_or_else(
        || "-".to_owned(),
        |answers| match share::encode(bank, Audience::Client, answers) {
            Some(token) => format!("t.{token}"),
            None => format!("a.{}", encode_answers(answers)),
        },
    );
    format!(
        "q2;{};{};{};{};{};{};{};{client}",
        percent_encode(&p.label),
        percent_encode(&p.notes),
        p.stage.name(),
        u8::from(p.archived),
        p.created.0,
        p.changed.0,
        assessments.join(",")
    )
}

pub fn decode_prospect(id: &ProspectId, text: &str, bank: &Bank) -> Result<Prospect, Unreadable> {
    read_prospect(id, text, &share::Reader::new(bank))
}

fn read_prospect(
    id: &ProspectId,
    text: &str,
    reader: &share::Reader,
) -> Result<Prospect, Unreadable> {
    let parts: Vec<&str> = text.split(';').collect();
    let (fields, client) = match parts[..] {
        ["q1", ref rest @ ..] if rest.len() == 7 => (rest, None),
        ["q2", ref rest @ .., client] if rest.len() == 7 => (rest, decode_client(client, reader)?),
        _ => return Err(Unreadable),
    };
    let [label, notes, stage, archived, created, changed, assessments] = fields[..] else {
        return Err(Unreadable);
    };
    let assessments = assessments
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|a| decode_assessment(a, reader))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Prospect {
        id: id.clone(),
        label: percent_decode(label)?,
        notes: percent_decode(notes)?,
        stage: Stage::from_name(stage).ok_or(Unreadable)?,
        archived: match archived {
            "0" => false,
            "1" => true,
            _ => return Err(Unreadable),
        },
        created: read_day(created)?,
        changed: read_day(changed)?,
        assessments,
        client,
    })
}

/// The client's result as stored: `-`, `t.<share token>` or `a.<answers>`.
fn decode_client(text: &str, reader: &share::Reader) -> Result<Option<Answers>, Unreadable> {
    match text.split_once('.') {
        None if text == "-" => Ok(None),
        Some(("t", token)) => {
            let result = reader.decode(token).map_err(|_| Unreadable)?;
            if result.audience != Audience::Client {
                return Err(Unreadable);
            }
            Ok(Some(result.answers))
        }
        Some(("a", answers)) => decode_answers(answers).map(Some),
        _ => Err(Unreadable),
    }
}

fn decode_assessment(text: &str, reader: &share::Reader) -> Result<Assessment, Unreadable> {
    let mut parts = text.splitn(3, '.');
    let on = read_day(parts.next().ok_or(Unreadable)?)?;
    let kind = parts.next().ok_or(Unreadable)?;
    let body = parts.next().ok_or(Unreadable)?;
    let answers = match kind {
        "t" => {
            let result = reader.decode(body).map_err(|_| Unreadable)?;
            if result.audience != Audience::Specialist {
                return Err(Unreadable);
            }
            result.answers
        }
        "a" => decode_answers(body)?,
        _ => return Err(Unreadable),
    };
    Ok(Assessment { on, answers })
}

/// Writes one prospect (after a change to it).
pub fn save_prospect(
    store: &mut impl KeyValue,
    p: &Prospect,
    bank: &Bank,
) -> Result<(), StoreError> {
    save(store, &prospect_key(&p.id), &encode_prospect(p, bank))
}

/// Writes the order and dates (after a prospect was added, deleted or moved).
pub fn save_index(store: &mut impl KeyValue, desk: &Desk) -> Result<(), StoreError> {
    save(store, DESK_KEY, &encode_index(desk))
}

/// Removes a deleted prospect's entry, once "Undo" can no longer bring it back.
pub fn forget_prospect(store: &mut impl KeyValue, id: &ProspectId) -> Result<(), StoreError> {
    store.remove(&prospect_key(id))
}

/// The desk as stored, and what could not be read (copied aside to `<key>.unreadable`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadedDesk {
    pub desk: Desk,
    /// Keys whose value was set aside; the index then no longer lists them once saved.
    pub set_aside: Vec<String>,
    /// Prospects the index lists but whose entry is gone (removed by hand, or storage cleared).
    pub missing: Vec<ProspectId>,
    /// Entries a newer Client Fit wrote: copied to `<key>.newer` and left in place for it.
    pub held: Vec<String>,
    /// Storage could not be read at all: the desk works in memory.
    pub unavailable: bool,
    /// Each prospect's text as read, by key: what a save need not write again
    /// ([`snapshot_since`]).
    pub texts: BTreeMap<String, String>,
}

/// Loads the desk; a damaged prospect is set aside and skipped, never deleted, and the rest load.
pub fn load_desk(store: &mut impl KeyValue, bank: &Bank) -> LoadedDesk {
    let mut loaded = LoadedDesk::default();
    let index = match read(store, DESK_KEY, decode_index) {
        Read::Value(index) => index,
        Read::Absent => return loaded,
        Read::SetAside => {
            loaded.set_aside.push(DESK_KEY.into());
            return loaded;
        }
        Read::Held => {
            loaded.held.push(DESK_KEY.into());
            return loaded;
        }
        Read::Unavailable => {
            loaded.unavailable = true;
            return loaded;
        }
    };
    loaded.desk.exported = index.exported;
    loaded.desk.changed = index.changed;
    let reader = share::Reader::new(bank);
    for id in index.ids {
        let key = prospect_key(&id);
        let decode = |text: &str| Ok((read_prospect(&id, text, &reader)?, text.to_owned()));
        match read(store, &key, decode) {
            Read::Value((p, text)) => {
                if loaded.desk.get(&p.id).is_none() {
                    loaded.desk.prospects.push(p);
                    loaded.texts.insert(key, text);
                }
            }
            Read::Absent => loaded.missing.push(id),
            Read::SetAside => loaded.set_aside.push(key),
            Read::Held => loaded.held.push(key),
            Read::Unavailable => loaded.unavailable = true,
        }
    }
    loaded
}

enum Read<T> {
    Value(T),
    Absent,
    SetAside,
    Held,
    Unavailable,
}

/// `k2;…` or `q7;…`: a desk format this build does not know yet, but a later one wrote. Apart
/// from `stored::written_by_newer`, which the quiz page calls: that page never reads the desk.
fn written_by_newer(text: &str) -> bool {
    let head = text.split(';').next().unwrap_or_default();
    let current = match head.get(..1) {
        Some("k") => DESK_INDEX_VERSION,
        Some("q") => PROSPECT_VERSION,
        Some("p") => PROGRESS_VERSION,
        _ => return false,
    };
    head.get(1..)
        .and_then(|n| n.parse::<u32>().ok())
        .is_some_and(|n| n > current)
}

fn read<T>(
    store: &mut impl KeyValue,
    key: &str,
    decode: impl Fn(&str) -> Result<T, Unreadable>,
) -> Read<T> {
    let raw = match store.get(key) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Read::Absent,
        Err(_) => return Read::Unavailable,
    };
    let decoded = if raw.len() <= MAX_STORED_BYTES {
        unquote(&raw).and_then(&decode)
    } else {
        Err(Unreadable)
    };
    match decoded {
        Ok(value) => Read::Value(value),
        Err(_) if unquote(&raw).is_ok_and(written_by_newer) => {
            set_aside_as(store, key, "newer", &raw);
            Read::Held
        }
        Err(_) => {
            // A copy is kept whatever happens; the original stays too when no copy could be made.
            if set_aside_as(store, key, "unreadable", &raw) {
                let _ = store.remove(key);
            }
            Read::SetAside
        }
    }
}

/// Every stored text of the desk by key: the index (listing `kept` too, prospects a newer
/// Client Fit saved that this one leaves alone), each prospect and each assessment under way.
pub fn snapshot(
    desk: &Desk,
    drafts: &Drafts,
    kept: &[ProspectId],
    bank: &Bank,
) -> BTreeMap<String, String> {
    snapshot_since(None, desk, drafts, kept, bank)
}

/// A desk's texts as an earlier snapshot (or the load) made them, and the desk they were made
/// from.
#[derive(Clone, Copy, Debug)]
pub struct Earlier<'a> {
    pub desk: &'a Desk,
    pub texts: &'a BTreeMap<String, String>,
}

/// [`snapshot`], taking the text of each prospect unchanged since `earlier` from it instead of
/// encoding it again: a desk of 200 prospects with five assessments each is 1,000 share tokens,
/// and a change touches one prospect.
pub fn snapshot_since(
    earlier: Option<Earlier>,
    desk: &Desk,
    drafts: &Drafts,
    kept: &[ProspectId],
    bank: &Bank,
) -> BTreeMap<String, String> {
    let mut index = encode_index(desk);
    for id in kept.iter().filter(|id| desk.get(id).is_none()) {
        if !index.ends_with(';') {
            index.push(',');
        }
        index.push_str(id.as_str());
    }
    let mut all = BTreeMap::new();
    all.insert(DESK_KEY.to_owned(), index);
    for (at, p) in desk.prospects.iter().enumerate() {
        let key = prospect_key(&p.id);
        let unchanged = earlier.and_then(|e| {
            // Where it was, unless prospects were added or removed before it.
            let before = e.desk.prospects.get(at).filter(|q| q.id == p.id);
            let before = before.or_else(|| e.desk.get(&p.id))?;
            (std::ptr::eq(before, p) || before == p)
                .then(|| e.texts.get(&key))
                .flatten()
        });
        let text = match unchanged {
            Some(text) => text.clone(),
            None => encode_prospect(p, bank),
        };
        all.insert(key, text);
        if let Some(draft) = drafts.get(&p.id) {
            let text = encode_progress(draft, bank, Audience::Specialist);
            all.insert(draft_key(&p.id), text);
        }
    }
    all
}

/// Brings storage from `last` (what it holds) to `next`: writes what differs, the index last so
/// that it never lists an entry not yet written, then removes what `next` no longer has. On a
/// failure `last` still tells what storage holds, so the next call retries the rest.
pub fn write_changes(
    store: &mut impl KeyValue,
    last: &mut BTreeMap<String, String>,
    next: &BTreeMap<String, String>,
) -> Result<(), StoreError> {
    let entries: Vec<&String> = next.keys().filter(|k| *k != DESK_KEY).collect();
    for key in entries
        .into_iter()
        .chain(next.get_key_value(DESK_KEY).map(|(k, _)| k))
    {
        if next.get(key) != last.get(key) {
            save(store, key, &next[key])?;
            last.insert(key.clone(), next[key].clone());
        }
    }
    let gone: Vec<String> = last
        .keys()
        .filter(|k| !next.contains_key(*k))
        .cloned()
        .collect();
    for key in gone {
        store.remove(&key)?;
        last.remove(&key);
    }
    Ok(())
}

/// The assessments under way of the prospects on `desk`; a damaged one is set aside like a
/// damaged prospect, and its quiz starts again.
pub fn load_drafts(store: &mut impl KeyValue, desk: &Desk, bank: &Bank) -> Drafts {
    let mut drafts = Drafts::new();
    for p in &desk.prospects {
        let decode = |text: &str| decode_progress(text, bank, Audience::Specialist);
        if let Read::Value(progress) = read(store, &draft_key(&p.id), decode) {
            drafts.insert(p.id.clone(), progress.sanitized(bank, Audience::Specialist));
        }
    }
    drafts
}

/// The day the export reminder was last shown, if it ever was.
pub fn load_reminded(store: &mut impl KeyValue) -> Option<Day> {
    match read(store, REMINDED_KEY, read_day) {
        Read::Value(day) => Some(day),
        _ => None,
    }
}

pub fn save_reminded(store: &mut impl KeyValue, day: Day) -> Result<(), StoreError> {
    save(store, REMINDED_KEY, &day.0.to_string())
}

/// The quizzes' last finished specialist result the desk offered to keep (its result token), so
/// that it is offered once: kept as a prospect's assessment or turned down, it is not offered again.
pub const OFFERED_KEY: &str = "clientfit.v1.desk-offered";

/// The specialist quiz the person finished on the quizzes' page (same origin, same storage), with
/// its result token, unless the desk offered that result already. Read only: a damaged value
/// is the quizzes' to set aside.
pub fn quiz_result_to_offer(store: &mut impl KeyValue, bank: &Bank) -> Option<(Answers, String)> {
    let raw = store
        .get(crate::saved::progress_key(Audience::Specialist))
        .ok()
        .flatten()
        .filter(|raw| raw.len() <= MAX_STORED_BYTES)?;
    let progress = unquote(&raw)
        .and_then(|text| decode_progress(text, bank, Audience::Specialist))
        .ok()?;
    if !progress.finished(bank, Audience::Specialist) {
        return None;
    }
    let token = share::encode(bank, Audience::Specialist, &progress.answers)?;
    let offered = store.get(OFFERED_KEY).ok().flatten();
    (offered.as_deref().and_then(|o| unquote(o).ok()) != Some(token.as_str()))
        .then_some((progress.answers, token))
}

/// Who invites clients, remembered for the next invitation: `i1;<name>;<contact>`.
pub const INVITER_KEY: &str = "clientfit.v1.desk-inviter";

pub fn encode_inviter(name: &str, contact: &str) -> String {
    format!("i1;{};{}", percent_encode(name), percent_encode(contact))
}

/// The name and contact last used in an invitation; `None` when absent or unreadable (they are
/// asked again, nothing is lost that matters).
pub fn load_inviter(store: &mut impl KeyValue) -> Option<(String, String)> {
    let decode = |text: &str| -> Result<(String, String), Unreadable> {
        match text.split(';').collect::<Vec<_>>()[..] {
            ["i1", name, contact] => Ok((percent_decode(name)?, percent_decode(contact)?)),
            _ => Err(Unreadable),
        }
    };
    match read(store, INVITER_KEY, decode) {
        Read::Value(pair) => Some(pair),
        _ => None,
    }
}
