//! The desk page's state as plain data and the one pure reducer that changes it. The rules
//! (prospects, the list, files, storage formats) are the core's `desk` and `desk_saved`; this
//! is what is on screen and what a click does to it.

use std::rc::Rc;

use yew::Reducible;

use client_fit::state::Action as QuizAction;
use client_fit_core::desk::{
    invite_query, returned_invite, Change, Day, Desk, DeskError, ImportError, Imported,
    InviteError, ListQuery, MergePlan, Problem, Prospect, ProspectId, Removed, SortBy, Stage,
};
use client_fit_core::desk_saved::Drafts;
use client_fit_core::english_bank as bank;
use client_fit_core::i18n::Lang;
use client_fit_core::progress::Progress;
use client_fit_core::share::{self, ShareError};
use client_fit_core::Answers;
use client_fit_core::Audience::Specialist;

/// Which screen of the desk is showing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    List,
    Prospect(ProspectId),
    /// The specialist quiz about this prospect.
    Assess(ProspectId),
    /// The client's result beside the specialist's latest assessment.
    Compare(ProspectId),
}

/// Why a pasted link could not be attached as the client's result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttachError {
    Link(ShareError),
    /// A specialist's result, not the client's.
    NotClient,
}

impl AttachError {
    pub fn message_id(self) -> &'static str {
        match self {
            AttachError::Link(e) => e.message_id(),
            AttachError::NotClient => "desk.client.not_client",
        }
    }
}

/// A client's result link opened on the list (where it came back by mail, say).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Returned {
    /// Not a client's result link, with the reason.
    Refused(AttachError),
    /// The client's answers, whose invite id names no prospect here (the invitation was made in
    /// another browser, or the prospect was deleted): the specialist picks the prospect.
    Unclaimed(Answers),
}

/// Who invites and where the client's result comes back: asked once, remembered for the next
/// invitation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Inviter {
    pub name: String,
    pub contact: String,
}

/// A word about storage or the desk's upkeep, shown until dismissed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeskNotice {
    /// Storage is blocked: the desk lives in this tab only.
    Unavailable,
    /// A save failed (storage full): export to keep the last change.
    SaveFailed,
    /// Saved prospects that could not be read, set aside.
    SetAside(usize),
    /// Entries a newer Client Fit saved, left for it.
    Held,
    /// Prospects the index lists whose entries are gone.
    Missing(usize),
    /// Changed and not exported for 30 days.
    ExportDue,
    /// The language asked for could not be loaded: English is shown.
    LanguageUnavailable,
    /// The language picked in the menu could not be loaded: nothing changed.
    LanguageNotSwitched,
}

impl DeskNotice {
    pub fn message_id(self) -> &'static str {
        match self {
            DeskNotice::Unavailable => "desk.notice.unavailable",
            DeskNotice::SaveFailed => "desk.notice.save_failed",
            DeskNotice::SetAside(_) => "desk.notice.set_aside",
            DeskNotice::Held => "desk.notice.held",
            DeskNotice::Missing(_) => "desk.notice.missing",
            DeskNotice::ExportDue => "desk.notice.export_due",
            DeskNotice::LanguageUnavailable => "notice.lang_unavailable",
            DeskNotice::LanguageNotSwitched => "notice.lang_not_switched",
        }
    }

    /// The count a notice's text agrees with, if any.
    pub fn count(self) -> Option<usize> {
        match self {
            DeskNotice::SetAside(n) | DeskNotice::Missing(n) => Some(n),
            _ => None,
        }
    }

    /// Whether exporting is the way out (the notice offers the button).
    pub fn offers_export(self) -> bool {
        matches!(
            self,
            DeskNotice::Unavailable | DeskNotice::SaveFailed | DeskNotice::ExportDue
        )
    }
}

/// A file read for import, waiting for the specialist to confirm.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    pub file: String,
    pub prospects: Vec<Prospect>,
    pub problems: Vec<Problem>,
    pub plan: MergePlan,
    /// The differing prospects the file should replace (ticked by the specialist).
    pub replace: Vec<ProspectId>,
}

/// How the last import went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportStatus {
    Done { added: usize, replaced: usize },
    Refused(ImportError),
    TooBig,
    Unreadable,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeskState {
    /// Shared, so that a render clones and compares it by pointer: a desk of 200 prospects with
    /// 5 assessments each is 1,000 answer sets.
    pub desk: Rc<Desk>,
    pub view: View,
    pub query: ListQuery,
    /// Assessments under way, by prospect.
    pub drafts: Drafts,
    /// The last deleted prospect, for "Undo".
    pub removed: Option<Removed>,
    pub notices: Vec<DeskNotice>,
    pub review: Option<Review>,
    pub import_status: Option<ImportStatus>,
    /// Why the last change was refused (an empty or too long name).
    pub error: Option<DeskError>,
    pub today: Day,
    pub lang: Lang,
    pub inviter: Inviter,
    /// The invitation made last: for which prospect, and its address parameters or why not.
    pub invite: Option<(ProspectId, Result<String, InviteError>)>,
    /// Why the link pasted on a prospect could not be attached.
    pub attach_error: Option<(ProspectId, AttachError)>,
    /// A client's result link opened on the list and not attached yet.
    pub returned: Option<Returned>,
    /// The specialist quiz just finished on the quizzes' page, offered once: the next prospect
    /// created keeps it as its first assessment.
    pub incoming: Option<Answers>,
}

impl DeskState {
    pub fn new(desk: Desk, drafts: Drafts, today: Day) -> DeskState {
        DeskState {
            desk: Rc::new(desk),
            view: View::List,
            query: ListQuery::default(),
            drafts,
            removed: None,
            notices: Vec::new(),
            review: None,
            import_status: None,
            error: None,
            today,
            lang: Lang::En,
            inviter: Inviter::default(),
            invite: None,
            attach_error: None,
            returned: None,
            incoming: None,
        }
    }

    /// The assessment under way of `id`, if any.
    pub fn draft(&self, id: &ProspectId) -> Option<&Progress> {
        self.drafts.get(id)
    }
}

impl Default for DeskState {
    fn default() -> DeskState {
        DeskState::new(Desk::default(), Drafts::new(), Day(0))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum DeskAction {
    /// A new prospect, with the id the platform made for it.
    Create {
        id: ProspectId,
        label: String,
    },
    Open(ProspectId),
    ToList,
    Change(ProspectId, Change),
    Delete(ProspectId),
    Undo,
    /// Start (or go on with) the specialist quiz about a prospect.
    Assess(ProspectId),
    /// A click in the quiz on screen (the app's question page sends the app's actions).
    Quiz(QuizAction),
    Sort(SortBy),
    Stage(Option<Stage>),
    Search(String),
    ShowArchive(bool),
    /// A desk file was read (or could not be).
    FileRead {
        file: String,
        read: Result<Imported, ImportStatus>,
    },
    ToggleReplace(ProspectId),
    ConfirmImport,
    CancelImport,
    /// The desk file was handed to the browser.
    Exported,
    Notify(DeskNotice),
    Dismiss(DeskNotice),
    SetLang(Lang),
    /// Make an invitation to the client quiz for this prospect.
    Invite {
        id: ProspectId,
        name: String,
        contact: String,
    },
    /// A link pasted as the client's result of this prospect.
    AttachLink(ProspectId, String),
    /// A client's result link opened on the list: attached to the prospect its invite id names,
    /// or kept while the specialist picks one.
    OpenReturned(String),
    /// The returned result kept on the list, attached to this prospect.
    ClaimReturned(ProspectId),
    DropReturned,
    /// The result the page was opened with is not to be kept.
    DropIncoming,
    Compare(ProspectId),
}

impl Reducible for DeskState {
    type Action = DeskAction;

    fn reduce(self: Rc<Self>, action: DeskAction) -> Rc<Self> {
        Rc::new(reduce(&self, action))
    }
}

/// The one place the desk's state changes: pure, so it is tested natively.
pub fn reduce(state: &DeskState, action: DeskAction) -> DeskState {
    let mut next = state.clone();
    let today = state.today;
    next.error = None;
    match action {
        DeskAction::Create { id, label } => {
            match desk_mut(&mut next).create(id.clone(), &label, today) {
                Ok(()) => {
                    if let Some(answers) = next.incoming.take() {
                        let _ = desk_mut(&mut next).apply(&id, Change::Assessed(answers), today);
                    }
                    next.view = View::Prospect(id);
                }
                Err(e) => next.error = Some(e),
            }
        }
        DeskAction::DropIncoming => next.incoming = None,
        DeskAction::Open(id) => {
            if next.desk.get(&id).is_some() {
                next.view = View::Prospect(id);
            }
        }
        DeskAction::ToList => next.view = View::List,
        DeskAction::Change(id, change) => {
            if let Err(e) = desk_mut(&mut next).apply(&id, change, today) {
                next.error = Some(e);
            }
        }
        DeskAction::Delete(id) => {
            next.removed = desk_mut(&mut next).delete(&id, today);
            next.drafts.remove(&id);
            next.view = View::List;
        }
        DeskAction::Undo => {
            if let Some(removed) = next.removed.take() {
                let id = removed.prospect().id.clone();
                if desk_mut(&mut next).restore(removed).is_ok() {
                    next.view = View::Prospect(id);
                }
            }
        }
        DeskAction::Assess(id) => {
            if next.desk.get(&id).is_some() {
                next.drafts.entry(id.clone()).or_default();
                next.view = View::Assess(id);
            }
        }
        DeskAction::Quiz(click) => quiz_click(&mut next, click),
        DeskAction::Sort(sort) => next.query.sort = sort,
        DeskAction::Stage(stage) => next.query.stage = stage,
        DeskAction::Search(text) => next.query.search = text,
        DeskAction::ShowArchive(archived) => next.query.archived = archived,
        DeskAction::FileRead { file, read } => match read {
            Ok(imported) => {
                next.import_status = None;
                next.review = Some(Review {
                    file,
                    plan: next.desk.plan_merge(&imported.prospects),
                    prospects: imported.prospects,
                    problems: imported.problems,
                    replace: Vec::new(),
                });
            }
            Err(status) => {
                next.review = None;
                next.import_status = Some(status);
            }
        },
        DeskAction::ToggleReplace(id) => {
            if let Some(review) = next.review.as_mut() {
                if let Some(at) = review.replace.iter().position(|r| *r == id) {
                    review.replace.remove(at);
                } else if review.plan.conflicts.contains(&id) {
                    review.replace.push(id);
                }
            }
        }
        DeskAction::ConfirmImport => {
            if let Some(review) = next.review.take() {
                let (added, replaced) = (review.plan.added.len(), review.replace.len());
                desk_mut(&mut next).merge(review.prospects, &review.replace, today);
                next.import_status = Some(ImportStatus::Done { added, replaced });
            }
        }
        DeskAction::CancelImport => next.review = None,
        DeskAction::Exported => {
            desk_mut(&mut next).exported = Some(today);
            next.notices.retain(|n| *n != DeskNotice::ExportDue);
        }
        DeskAction::Notify(notice) => {
            if !next.notices.contains(&notice) {
                next.notices.push(notice);
            }
        }
        DeskAction::Dismiss(notice) => next.notices.retain(|n| *n != notice),
        DeskAction::SetLang(lang) => {
            next.lang = lang;
            // A language on screen answers any earlier word about one that was not loaded.
            next.notices.retain(|n| {
                !matches!(
                    n,
                    DeskNotice::LanguageUnavailable | DeskNotice::LanguageNotSwitched
                )
            });
        }
        DeskAction::Invite { id, name, contact } => {
            next.invite = Some((id.clone(), invite_query(&name, &contact, &id)));
            next.inviter = Inviter { name, contact };
        }
        DeskAction::AttachLink(id, text) => {
            next.attach_error = None;
            match client_result(&text) {
                Ok(answers) => attach(&mut next, id, answers),
                Err(e) => next.attach_error = Some((id, e)),
            }
        }
        DeskAction::OpenReturned(text) => {
            next.returned = match client_result(&text) {
                Ok(answers) => {
                    match returned_invite(&text).filter(|id| next.desk.get(id).is_some()) {
                        Some(id) => {
                            attach(&mut next, id, answers);
                            None
                        }
                        None => Some(Returned::Unclaimed(answers)),
                    }
                }
                Err(e) => Some(Returned::Refused(e)),
            };
        }
        DeskAction::ClaimReturned(id) => {
            if let Some(Returned::Unclaimed(answers)) = next.returned.take() {
                attach(&mut next, id, answers);
            }
        }
        DeskAction::DropReturned => next.returned = None,
        DeskAction::Compare(id) => {
            if next
                .desk
                .get(&id)
                .is_some_and(|p| p.client.is_some() && !p.assessments.is_empty())
            {
                next.view = View::Compare(id);
            }
        }
    }
    next
}

/// The desk to change: copied first only if a render still holds the one on screen.
fn desk_mut(state: &mut DeskState) -> &mut Desk {
    Rc::make_mut(&mut state.desk)
}

/// The client's answers in a pasted result link, or why there are none.
fn client_result(text: &str) -> Result<Answers, AttachError> {
    share::parse_link(bank(), text)
        .map_err(AttachError::Link)?
        .into_iter()
        .find(|r| r.audience == client_fit_core::Audience::Client)
        .map(|r| r.answers)
        .ok_or(AttachError::NotClient)
}

/// The client's answers kept with prospect `id`; the desk then shows both sides compared, or the
/// prospect when the specialist has not assessed it yet.
fn attach(next: &mut DeskState, id: ProspectId, answers: Answers) {
    let today = next.today;
    if desk_mut(next)
        .apply(&id, Change::ClientResult(Some(answers)), today)
        .is_ok()
    {
        let assessed = next
            .desk
            .get(&id)
            .is_some_and(|p| !p.assessments.is_empty());
        next.view = if assessed {
            View::Compare(id)
        } else {
            View::Prospect(id)
        };
    }
}

/// Choose, Next, Back and Home in the quiz about a prospect. The last Next files the answers as
/// the prospect's new assessment; Home and Back from the first question return to the prospect
/// with the answers kept.
fn quiz_click(next: &mut DeskState, click: QuizAction) {
    let View::Assess(id) = next.view.clone() else {
        return;
    };
    let Some(progress) = next.drafts.get_mut(&id) else {
        next.view = View::Prospect(id);
        return;
    };
    match click {
        QuizAction::Choose(option) => {
            progress.choose(bank(), Specialist, &option);
        }
        // The guard moves on (when the screen is answered); past the last screen, the answers
        // become the prospect's new assessment.
        QuizAction::Next
            if progress.advance(bank(), Specialist) && progress.finished(bank(), Specialist) =>
        {
            let answers = progress.answers.clone();
            next.drafts.remove(&id);
            let today = next.today;
            let _ = desk_mut(next).apply(&id, Change::Assessed(answers), today);
            next.view = View::Prospect(id);
        }
        QuizAction::Back if progress.step > 0 => progress.step -= 1,
        QuizAction::Back | QuizAction::Home => next.view = View::Prospect(id),
        _ => {}
    }
}
