//! App state as plain data and the one pure reducer that changes it.
//!
//! The reducer reads the quizzes' structure (ids, steps, which options a side is offered) from the
//! English bank compiled into the binary: it is the same in every language, only wording differs,
//! and wording is the pages' business (from the language context).

use std::rc::Rc;

use yew::Reducible;

use crate::platform::clipboard::CopyOutcome;
use client_fit_core::config::Config;
use client_fit_core::english_bank as bank;
use client_fit_core::first_message::{Brief, BriefField};
use client_fit_core::i18n::Lang;
use client_fit_core::money::{BonusKind, Currency, Field, Measure, Plan, PlanInput, ThresholdKind};
use client_fit_core::progress::{item_at, mirror, Progress, StepItem};
use client_fit_core::share::{self, ShareError, SharedResult};
use client_fit_core::{Answers, Audience};

/// Which screen is showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Start,
    Quiz(Audience),
    Result(Audience),
    /// A result opened from a link, read-only.
    Shared(Audience),
    /// A client's result beside a specialist's.
    Compare,
}

impl Screen {
    /// The person's own quiz on screen, if any (not a shared result).
    pub fn audience(self) -> Option<Audience> {
        match self {
            Screen::Start | Screen::Shared(_) | Screen::Compare => None,
            Screen::Quiz(a) | Screen::Result(a) => Some(a),
        }
    }
}

/// Results from links (or one's own, put beside a link's), one slot per side. They live in the
/// URL fragment, not in storage: the link is the record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SharedSlots {
    pub client: Option<Answers>,
    pub specialist: Option<Answers>,
}

impl SharedSlots {
    pub fn get(&self, a: Audience) -> Option<&Answers> {
        match a {
            Audience::Client => self.client.as_ref(),
            Audience::Specialist => self.specialist.as_ref(),
        }
    }

    fn set(&mut self, a: Audience, answers: Option<Answers>) {
        match a {
            Audience::Client => self.client = answers,
            Audience::Specialist => self.specialist = answers,
        }
    }
}

/// A one-time, polite word about storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// localStorage is disabled or blocked: progress lives in memory only.
    StorageUnavailable,
    /// Saved progress could not be read; the quiz starts fresh and the old data is kept aside.
    SavedDataUnreadable,
    /// Saved progress was written by a newer version of the app; it is kept aside, untouched.
    SavedByNewerVersion,
    /// A save failed (storage full): progress lives in memory from here on.
    SaveFailed,
    /// The language the page opened in could not be loaded: English is shown.
    LanguageUnavailable,
    /// A language picked in the switcher could not be loaded: the page stays as it was.
    LanguageNotSwitched,
    /// The address asked for a start over that no click of this person's asked for: the app asks.
    ResetAsked,
    /// A start over could not set the saved answers aside (storage full): nothing was changed.
    ResetFailed,
}

impl Notice {
    /// Saved data was set aside: the notice offers a clean start of everything else.
    pub fn offers_reset(self) -> bool {
        matches!(
            self,
            Notice::SavedDataUnreadable | Notice::SavedByNewerVersion | Notice::ResetAsked
        )
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Notice::StorageUnavailable => "notice.storage_unavailable",
            Notice::SavedDataUnreadable => "notice.saved_unreadable",
            Notice::SavedByNewerVersion => "notice.saved_newer",
            Notice::SaveFailed => "notice.save_failed",
            Notice::LanguageUnavailable => "notice.lang_unavailable",
            Notice::LanguageNotSwitched => "notice.lang_not_switched",
            Notice::ResetAsked => "notice.reset_asked",
            Notice::ResetFailed => "notice.reset_failed",
        }
    }
}

/// A copy button: the result link's or the message draft's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyTarget {
    Link,
    Draft,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub screen: Screen,
    pub client: Progress,
    pub specialist: Progress,
    /// The fee calculator's inputs, as typed.
    pub calc: PlanInput,
    /// The last calculator set-up that validated: the chart keeps showing it while a field is bad.
    pub calc_plan: Option<Plan>,
    /// The storage notice showing, if any.
    pub notice: Option<Notice>,
    /// A notice was shown once already: never nag twice.
    pub notice_seen: bool,
    /// The page was opened with a link asking for a quiz that does not exist.
    pub bad_link: bool,
    /// Results opened from links.
    pub shared: SharedSlots,
    /// A result link that was opened but could not be read.
    pub link_error: Option<ShareError>,
    /// A pasted link that could not be compared, shown beside the paste box.
    pub paste_error: Option<ShareError>,
    /// What the page address asked for (agency name, contact, …); fixed for the session.
    pub config: Rc<Config>,
    /// The language on screen (its catalog is loaded and active, see `i18n`).
    pub lang: Lang,
    /// The numbers for the client's first message.
    pub brief: Brief,
    /// The client's message as edited; `None` while it follows the brief.
    pub message: Option<String>,
    /// Append the share link to the client's message.
    pub message_link: bool,
    /// The specialist's reply as edited; `None` while it follows the verdict.
    pub reply: Option<String>,
    /// What the last copy button did, said beside it until anything else happens.
    pub copied: Option<(CopyTarget, CopyOutcome)>,
    /// Storage keys this page must not write until a start over (a newer version's data, or a
    /// value that could not be set aside).
    pub held: Vec<&'static str>,
}

/// What the page learned about where it runs, once, at start: the address share links start
/// from (none off the browser) and whether there is a share sheet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Environment {
    pub page_address: Option<String>,
    pub can_share: bool,
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new(
            Screen::Start,
            Progress::default(),
            Progress::default(),
            PlanInput::default(),
        )
    }
}

impl AppState {
    pub fn new(
        screen: Screen,
        client: Progress,
        specialist: Progress,
        calc: PlanInput,
    ) -> AppState {
        let bank = bank();
        let calc_plan = calc
            .validate()
            .ok()
            .or_else(|| PlanInput::default().validate().ok());
        let mut state = AppState {
            screen: Screen::Start,
            client: client.sanitized(bank, Audience::Client),
            specialist: specialist.sanitized(bank, Audience::Specialist),
            calc,
            calc_plan,
            notice: None,
            notice_seen: false,
            bad_link: false,
            shared: SharedSlots::default(),
            link_error: None,
            paste_error: None,
            config: Rc::default(),
            lang: Lang::En,
            brief: Brief::default(),
            message: None,
            message_link: true,
            reply: None,
            copied: None,
            held: Vec::new(),
        };
        if let Some(a) = screen.audience() {
            state.screen = state.screen_for(a);
        }
        state
    }

    pub fn progress(&self, a: Audience) -> &Progress {
        match a {
            Audience::Client => &self.client,
            Audience::Specialist => &self.specialist,
        }
    }

    fn progress_mut(&mut self, a: Audience) -> &mut Progress {
        match a {
            Audience::Client => &mut self.client,
            Audience::Specialist => &mut self.specialist,
        }
    }

    /// The screen a quiz opens on: its result when finished, else the current question.
    fn screen_for(&self, a: Audience) -> Screen {
        if self.progress(a).finished(bank(), a) {
            Screen::Result(a)
        } else {
            Screen::Quiz(a)
        }
    }

    /// The current question of the quiz on screen and its answer.
    pub fn current_item(&self) -> Option<(Audience, usize, StepItem<'static>)> {
        let Screen::Quiz(a) = self.screen else {
            return None;
        };
        let step = self.progress(a).step;
        item_at(bank(), a, step).map(|item| (a, step, item))
    }

    /// The answers of a finished result on screen: one's own or a shared one.
    pub fn result_answers(&self, a: Audience) -> Option<&Answers> {
        match self.screen {
            Screen::Result(r) if r == a => Some(&self.progress(a).answers),
            Screen::Shared(r) if r == a => self.shared.get(a),
            _ => None,
        }
    }

    /// The share token of one's own finished result.
    pub fn own_token(&self, a: Audience) -> Option<String> {
        let p = self.progress(a);
        if !p.finished(bank(), a) {
            return None;
        }
        share::encode(bank(), a, &p.answers)
    }

    /// What the URL fragment should say: the shared result(s) on screen, or nothing.
    pub fn share_fragment(&self) -> Option<String> {
        let token = |a| share::encode(bank(), a, self.shared.get(a)?);
        let tokens = match self.screen {
            Screen::Shared(a) => vec![token(a)?],
            Screen::Compare => vec![token(Audience::Client)?, token(Audience::Specialist)?],
            _ => return None,
        };
        Some(share::fragment(&tokens))
    }

    /// Puts `results` (one or both sides) on screen; `keep` is a result of the other side to
    /// set beside a single one.
    fn show_shared(&mut self, results: Vec<SharedResult>, keep: Option<(Audience, Answers)>) {
        let mut slots = SharedSlots::default();
        if let Some((a, answers)) = keep {
            slots.set(a, Some(answers));
        }
        let single = (results.len() == 1).then(|| results[0].audience);
        for r in results {
            slots.set(r.audience, Some(r.answers));
        }
        self.screen = match single {
            Some(a) if slots.get(mirror(a)).is_none() => Screen::Shared(a),
            _ => Screen::Compare,
        };
        self.shared = slots;
        self.link_error = None;
        self.paste_error = None;
    }

    /// Whether Next may be pressed now.
    pub fn can_advance(&self) -> bool {
        match self.current_item() {
            Some((a, _, item)) => {
                item.optional() || self.progress(a).answers.contains_key(item.id())
            }
            None => false,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Open a quiz where it was left.
    Open(Audience),
    /// Back to the start screen; progress kept.
    Home,
    /// Answer the current question.
    Choose(String),
    Next,
    Back,
    /// Clear one quiz and begin it again; the other quiz is untouched.
    StartOver(Audience),
    /// Storage trouble to tell the person about (once).
    Notify(Notice),
    /// Clear every answer, the calculator, the drafts and opened links (after the saved copies
    /// were set aside): the clean start a notice about unreadable data offers.
    ResetAll,
    DismissNotice,
    /// A calculator field was edited.
    CalcSet(Field, String),
    CalcThresholdKind(ThresholdKind),
    CalcBonusKind(BonusKind),
    /// Count the bonus on leads or on sales.
    CalcMeasure(Measure),
    CalcCurrency(Currency),
    CalcReset,
    /// The page was opened with (or navigated to) a result link, read or not.
    OpenLink(Result<Vec<SharedResult>, ShareError>),
    /// A link pasted to compare with the result on screen.
    PasteLink(Result<Vec<SharedResult>, ShareError>),
    /// Put one's own finished result beside the shared one on screen.
    CompareWithMine,
    /// On one's own result: put it beside the other side's result opened earlier from a link.
    CompareWithOpened,
    /// The address lost its result fragment (Back, or an edited address): leave the shared view.
    LinkClosed,
    DismissLinkError,
    /// Show another language (already loaded and activated). Answers are kept: they are ids.
    SetLang(Lang),
    /// A field of the first-message step was edited.
    BriefSet(BriefField, String),
    /// The client edited the composed message.
    MessageEdit(String),
    MessageLink(bool),
    /// The specialist edited the reply draft.
    ReplyEdit(String),
    /// Drop edits: the message or reply follows the fields and the verdict again.
    DraftsReset,
    /// A copy button on `Screen` finished (the Clipboard API answers later; by then the person
    /// may have moved on, and the status is not said elsewhere).
    Copied(CopyTarget, CopyOutcome, Screen),
}

impl AppState {
    /// The first-message step in its saved form.
    pub fn drafts(&self) -> client_fit_core::stored::Drafts {
        client_fit_core::stored::Drafts {
            brief: self.brief.clone(),
            link: self.message_link,
            message: self.message.clone(),
            reply: self.reply.clone(),
        }
    }

    pub fn restore_drafts(&mut self, d: client_fit_core::stored::Drafts) {
        self.brief = d.brief;
        self.message_link = d.link;
        self.message = d.message;
        self.reply = d.reply;
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(reduce(&self, action))
    }
}

/// The pure transition function behind [`Reducible`].
pub fn reduce(state: &AppState, action: Action) -> AppState {
    let bank = bank();
    let mut next = state.clone();
    next.copied = None;
    match action {
        Action::Open(a) => {
            next.screen = next.screen_for(a);
            next.clear_messages();
        }
        Action::Home => {
            next.screen = Screen::Start;
            next.clear_messages();
        }
        Action::Choose(option) => {
            if let Some((a, _, item)) = state.current_item() {
                let valid = match item {
                    StepItem::Pair(q) => q.choice(&option).is_some_and(|c| c.offered_to(a)),
                    StepItem::Temperament(t) => t.options.iter().any(|o| o.id == option),
                };
                if valid {
                    next.progress_mut(a)
                        .answers
                        .insert(item.id().into(), option.into());
                }
            }
        }
        Action::Next => {
            if state.can_advance() {
                if let Some((a, step, _)) = state.current_item() {
                    next.progress_mut(a).step = step + 1;
                    next.screen = next.screen_for(a);
                }
            }
        }
        Action::Back => match state.screen {
            Screen::Quiz(a) => {
                let p = next.progress_mut(a);
                if p.step == 0 {
                    next.screen = Screen::Start;
                } else {
                    p.step -= 1;
                }
            }
            Screen::Result(a) => {
                next.progress_mut(a).step = bank.step_count(a).saturating_sub(1);
                next.screen = Screen::Quiz(a);
            }
            Screen::Start | Screen::Shared(_) | Screen::Compare => {}
        },
        Action::StartOver(a) => {
            *next.progress_mut(a) = Progress::default();
            next.screen = Screen::Quiz(a);
            next.clear_messages();
        }
        Action::Notify(notice) => {
            // Storage trouble is told once; what answers a person's own click (a language that
            // failed when picked, a start over refused), every time.
            let about_language = matches!(
                notice,
                Notice::LanguageUnavailable | Notice::LanguageNotSwitched | Notice::ResetFailed
            );
            if !state.notice_seen || about_language {
                next.notice = Some(notice);
                next.notice_seen = true;
            }
        }
        Action::DismissNotice => next.notice = None,
        Action::ResetAll => {
            let mut calc = PlanInput::default();
            if let Some(currency) = state.config.currency {
                calc.currency = currency;
            }
            let mut fresh = AppState::new(
                Screen::Start,
                Progress::default(),
                Progress::default(),
                calc,
            );
            fresh.config = state.config.clone();
            fresh.lang = state.lang;
            fresh.notice_seen = true;
            next = fresh;
        }
        Action::CalcSet(field, value) => {
            next.calc.set(field, value);
            next.revalidate_calc();
        }
        Action::CalcThresholdKind(kind) => {
            next.calc.threshold_kind = kind;
            next.revalidate_calc();
        }
        Action::CalcBonusKind(kind) => {
            next.calc.bonus_kind = kind;
            next.revalidate_calc();
        }
        Action::CalcMeasure(measure) => {
            next.calc.measure = measure;
            next.revalidate_calc();
        }
        Action::CalcCurrency(currency) => {
            next.calc.currency = currency;
            next.revalidate_calc();
        }
        Action::CalcReset => {
            next.calc = PlanInput::default();
            next.revalidate_calc();
        }
        Action::OpenLink(Err(e)) => next.link_error = Some(e),
        Action::OpenLink(Ok(results)) => {
            // Opening the other side's link while one is on screen builds the comparison.
            let viewing = matches!(state.screen, Screen::Shared(_) | Screen::Compare);
            // Unless it is the very result already on screen: then (going Back, say) it alone shows.
            let keep = match results.as_slice() {
                [r] if viewing && state.shared.get(r.audience) != Some(&r.answers) => {
                    let other = mirror(r.audience);
                    state.shared.get(other).map(|x| (other, x.clone()))
                }
                _ => None,
            };
            next.show_shared(results, keep);
        }
        Action::PasteLink(parsed) => {
            let here = match state.screen {
                Screen::Result(a) | Screen::Shared(a) => Some(a),
                _ => None,
            };
            let mine = here.and_then(|a| state.result_answers(a).map(|x| (a, x.clone())));
            match (parsed, mine) {
                (Err(e), _) => next.paste_error = Some(e),
                (Ok(results), _) if results.len() == 2 => next.show_shared(results, None),
                (Ok(results), Some((a, answers))) => {
                    if results.iter().any(|r| r.audience == a) {
                        next.paste_error = Some(ShareError::SameSide);
                    } else {
                        next.show_shared(results, Some((a, answers)));
                    }
                }
                (Ok(_), None) => {}
            }
        }
        Action::LinkClosed => {
            if matches!(state.screen, Screen::Shared(_) | Screen::Compare) {
                next.screen = Screen::Start;
            }
            next.link_error = None;
        }
        Action::CompareWithOpened => {
            if let Screen::Result(a) = state.screen {
                if state.shared.get(mirror(a)).is_some() && state.progress(a).finished(bank, a) {
                    next.shared.set(a, Some(state.progress(a).answers.clone()));
                    next.screen = Screen::Compare;
                    next.paste_error = None;
                }
            }
        }
        Action::CompareWithMine => {
            if let Screen::Shared(a) = state.screen {
                let mine = mirror(a);
                if let Some(answers) = state
                    .progress(mine)
                    .finished(bank, mine)
                    .then(|| state.progress(mine).answers.clone())
                {
                    next.shared.set(mine, Some(answers));
                    next.screen = Screen::Compare;
                    next.paste_error = None;
                }
            }
        }
        Action::DismissLinkError => next.link_error = None,
        Action::SetLang(lang) => {
            next.lang = lang;
            // A language on screen answers any earlier word about one that was not loaded.
            if matches!(
                next.notice,
                Some(Notice::LanguageUnavailable | Notice::LanguageNotSwitched)
            ) {
                next.notice = None;
            }
            // A draft that still follows the fields is rebuilt in the new language by itself;
            // an edited one is the person's own words and stays.
        }
        Action::BriefSet(field, value) => next.brief.set(field, &value),
        Action::MessageEdit(text) => next.message = Some(text.chars().take(5000).collect()),
        Action::MessageLink(on) => next.message_link = on,
        Action::ReplyEdit(text) => next.reply = Some(text.chars().take(5000).collect()),
        Action::DraftsReset => {
            next.message = None;
            next.reply = None;
        }
        Action::Copied(target, outcome, on) => {
            if on == state.screen {
                next.copied = Some((target, outcome));
            }
        }
    }
    next
}

impl AppState {
    /// Messages about a link or a paste belong to the screen they were shown on.
    fn clear_messages(&mut self) {
        self.bad_link = false;
        self.link_error = None;
        self.paste_error = None;
    }

    /// Every result opened from links, for keeping across reloads (one's own are saved anyway).
    pub fn opened_fragment(&self) -> Option<String> {
        let tokens: Vec<String> = Audience::ALL
            .into_iter()
            .filter_map(|a| share::encode(bank(), a, self.shared.get(a)?))
            .collect();
        (!tokens.is_empty()).then(|| share::fragment(&tokens))
    }

    /// Restores the results opened earlier (not on screen: the slots only).
    pub fn restore_opened(&mut self, results: Vec<SharedResult>) {
        for r in results {
            self.shared.set(r.audience, Some(r.answers));
        }
    }

    fn revalidate_calc(&mut self) {
        if let Ok(plan) = self.calc.validate() {
            self.calc_plan = Some(plan);
        }
    }
}
