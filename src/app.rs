//! `App` is the [`Application`] plus what exists only on screen (the FAQ overlay, expanded rows,
//! the text cursor). [`App::update`] is the only place where either changes.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use unicode_width::UnicodeWidthStr;

use crate::content::{AFTER_ARRIVAL, Content, SUBMISSION_STEPS, fill};
use crate::error::Error;
use crate::lang::Lang;
use crate::present::InWords;
use crate::present::safe::shown;
use crate::store::{Listing, ReadOnly, Record};
use crate::theme::Theme;
use crate::wizard::form::{self, Field, Kind};
use crate::wizard::review::{self, ReviewRow};
use crate::wizard::{
    Application, Interview, PassportField, Place, Route, Step, SubmissionField, dates, flow,
};

/// The longest text a field keeps; a runaway paste stops here instead of filling the file.
pub const MAX_FIELD_CHARS: usize = 200;

/// What happened, in the wizard's terms: made from keys by the keymap, never a terminal type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// Yes or no to the focused question or checklist row; a row then hands over to the next.
    Answer(bool),
    /// The n-th option (from 0) of a choice: the interview's state.
    Choose(usize),
    /// The whole text of the focused field, as the line mode reads it.
    Replace(String),
    Up,
    Down,
    /// A list's first row.
    First,
    /// A list's last row.
    Last,
    /// [`PAGE_ROWS`] rows up a list.
    PageUp,
    /// [`PAGE_ROWS`] rows down a list.
    PageDown,
    Toggle,
    Expand,
    Collapse,
    Confirm,
    NextField,
    PrevField,
    Back,
    OpenFaq,
    OpenRelatedFaq,
    /// The "Good to know" notes of the screen.
    OpenNotes,
    /// The plan: the dated actions, from any step.
    OpenPlan,
    StartFilter,
    Quit,
    Edit(Edit),
    Paste(String),
    NewApplication,
    Rename,
    Delete,
    /// Bring the last deleted application back from the trash.
    RestoreDeleted,
    OpenReadOnly,
    /// The next language (on the welcome and start screens).
    SwitchLanguage,
    /// The review ("Check your answers"), from any step.
    OpenReview,
    /// Into the route step's citizenship field.
    TypeCountry,
    /// The citizenship as the line wizard reads it: the route it suggests is highlighted.
    Country(String),
    /// On to the next field of a form, or on from the form after its last (as Enter there).
    Advance,
    /// The date today, from the shell's clock: at start and when the day changes.
    Today(chrono::NaiveDate),
    /// The person's time zone, from the shell: at start.
    TimeZone(chrono::FixedOffset),
    // What the shell's effects found, reported back: the app changes only here.
    /// An application was opened: resume it where it was left.
    Opened {
        name: String,
        application: Box<Application>,
        read_only: Option<ReadOnly>,
        /// Opened with `--file`: one file, wherever it is, with no list of applications to go
        /// back to.
        from_file: bool,
    },
    /// The selected application is open in another kzvisa: offer to read it.
    OpenLocked,
    /// The folder's application files, newest first, none read yet; the selection kept on
    /// `select`.
    Listed {
        files: Vec<PathBuf>,
        select: Option<PathBuf>,
    },
    /// The start screen's files in their true order, after a first order that was the
    /// folder's index's: rows already read stay read (see `App::reorder_files`).
    Reordered(Vec<PathBuf>),
    /// Rows of the start screen read, by row number (see [`App::unread_files`]).
    RowsRead(Vec<(usize, Listing)>),
    /// A problem to show, or `None` to clear the last one.
    Notice(Option<String>),
    /// The texts of another language, loaded.
    TextsLoaded(Texts),
    /// How far the page of text on screen scrolls at the size drawn (see `ui::view_measured`).
    ScrollLimit(u16),
    /// How the save the shell carried out went: the error in words if it failed.
    Saved(Result<(), String>),
    /// The save found the file changed by another program, so it left it and saved the answers
    /// as a new application called `name`; `notice` says where each version is.
    SavedAsNew {
        name: String,
        notice: String,
    },
    /// An application came back from the trash (its name), or `None`: the trash was empty.
    Restored(Option<String>),
    /// Save again, from the question asked on quitting with the last change not saved.
    RetrySave,
    /// Hand the terminal back to the shell for now (Ctrl+Z), as other terminal programs do.
    Suspend,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    /// Everything before the cursor (Ctrl+U).
    DeleteToStart,
    /// Everything from the cursor on (Ctrl+K).
    DeleteToEnd,
    /// The word before the cursor and the spaces after it (Ctrl+W).
    DeleteWord,
}

/// Texts loaded by the shell. Two are equal when they are the same texts (the same `Arc`).
#[derive(Debug, Clone)]
pub struct Texts(pub Arc<Content>);

impl PartialEq for Texts {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Texts {}

impl Msg {
    /// Whether the message reports what the shell did rather than what the person did.
    fn is_report(&self) -> bool {
        matches!(
            self,
            Msg::Saved(_)
                | Msg::SavedAsNew { .. }
                | Msg::Today(_)
                | Msg::TimeZone(_)
                | Msg::Opened { .. }
                | Msg::OpenLocked
                | Msg::Listed { .. }
                | Msg::Reordered(_)
                | Msg::RowsRead(_)
                | Msg::Notice(_)
                | Msg::TextsLoaded(_)
                | Msg::ScrollLimit(_)
                | Msg::Restored(_)
        )
    }
}

/// What the shell must do after an update: the IO the pure core asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    /// The application changed: save it.
    Save,
    Quit,
    /// Open this saved application (taking its lock) and resume it.
    Open(PathBuf),
    /// Open it without the lock and without saving: another kzvisa has it.
    OpenReadOnly(PathBuf),
    /// Start a new application with this name.
    Create(String),
    Rename(PathBuf, String),
    /// Move the file to the trash.
    Trash(PathBuf),
    /// Bring the application deleted last back from the trash.
    RestoreLast,
    /// Close the open application (every change is saved already), releasing its lock, and
    /// list the applications afresh on the start screen.
    CloseApplication,
    /// Speak this language from now on, and remember it for the next start.
    SwitchLanguage(Lang),
    /// Restore the terminal, stop until continued, then draw everything again.
    Suspend,
}

/// Which keys mean what right now: one per key table in the keymap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Welcome,
    /// The welcome screen of an application opened with `--file`: no list to go back to.
    WelcomeFromFile,
    Route,
    /// Typing the citizenship on the route step.
    RouteCountry,
    RouteOutcome,
    Question,
    /// A question with no related FAQ entry: `f` has nothing to open.
    QuestionWithoutFaq,
    EligibilityResult,
    Documents,
    PassportResult,
    /// A form's tick (the permit, the fee paid…).
    FormTick,
    /// A form's choice (the interview's state).
    FormChoice,
    /// A form's date or text field: typing goes into it.
    FormText,
    Review,
    Faq,
    FaqFilter,
    Notes,
    /// The plan overlay.
    Plan,
    Start,
    StartName,
    StartConfirmDelete,
    StartLocked,
    /// The start screen with no application to list: only new, language, quit.
    StartEmpty,
    /// Quitting while the last change is not saved: retry saving, or quit anyway.
    ConfirmQuit,
}

/// Which screen shows: the list of saved applications, or the wizard on one of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    Start(StartView),
    Wizard,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StartView {
    /// The folder's applications, newest first.
    pub rows: Vec<Row>,
    /// Whether the folder's files are known yet; until then the screen says it is reading it.
    pub listed: bool,
    /// The display width of the longest name read, for the name column: kept as rows are read
    /// rather than measured over every row on every frame.
    pub widest_name: usize,
    /// The numbers of the rows not read yet, so the next ones to read are found without
    /// passing over those read.
    pub unread: BTreeSet<usize>,
    pub selected: usize,
    pub prompt: Option<Prompt>,
}

/// A row of the start screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A file of the folder not read yet. The shell reads the rows nearest the selection first,
    /// between keys, so the screen shows before a large folder is read.
    Unread(PathBuf),
    /// With its (done, total), worked out once when read rather than on every frame.
    Read {
        listing: Listing,
        progress: (usize, usize),
    },
}

impl Row {
    pub fn path(&self) -> &Path {
        match self {
            Row::Unread(path) => path,
            Row::Read { listing, .. } => listing.path(),
        }
    }

    /// The application, once read and readable.
    pub fn record(&self) -> Option<&Record> {
        match self {
            Row::Read {
                listing: Listing::Ready { record, .. },
                ..
            } => Some(record),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prompt {
    /// Typing the name of a new application.
    NewName(String),
    /// Typing a new name for the selected application.
    Rename(String),
    ConfirmDelete,
    /// The selected application is open in another kzvisa.
    Locked,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FaqView {
    /// Index into the entries that match the filter.
    pub selected: usize,
    /// Entries (by index into the content's FAQ) whose answer is shown.
    pub expanded: BTreeSet<usize>,
    pub filter: String,
    /// Where the filter's text cursor is, in characters.
    pub cursor: usize,
    pub filtering: bool,
    /// The entries that match the filter, kept from one key to the next: the search runs when
    /// the filter changes, not on every frame.
    pub matches: Vec<usize>,
}

/// The plan overlay: which action is selected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanView {
    pub selected: usize,
}

/// The notes overlay: which note is at the top.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NotesView {
    pub selected: usize,
}

#[derive(Debug, Clone)]
pub struct App {
    pub content: Arc<Content>,
    pub screen: Screen,
    pub application: Application,
    /// The application's name, shown in the header.
    pub name: String,
    /// Why answers can be read here but not changed (another kzvisa has the file, it is a link,
    /// it is write-protected); `None` when they can be changed.
    pub read_only: Option<ReadOnly>,
    /// Why the last save failed, shown until a save succeeds.
    pub save_error: Option<String>,
    /// A problem with a file on the start screen (it could not be opened, renamed, moved).
    pub notice: Option<String>,
    pub theme: Theme,
    pub faq: Option<FaqView>,
    pub notes: Option<NotesView>,
    pub plan: Option<PlanView>,
    /// Documents (by index) whose details are shown.
    pub expanded: BTreeSet<usize>,
    /// Position of the text cursor in the focused field, in characters.
    pub cursor: usize,
    /// Set when Enter found a bad date, so its message shows even in the focused field.
    pub show_date_errors: bool,
    /// The review row a step was opened from: leaving that step (Enter at its end, Esc) goes
    /// back to the review on that row rather than on through the steps.
    pub back_to_review: Option<usize>,
    /// How far down a page of text (the welcome, say) is scrolled, and how far it can be at the
    /// size drawn last (told by the shell, [`Msg::ScrollLimit`]).
    pub scroll: u16,
    pub scroll_limit: u16,
    /// Where the review was opened from with its key: Esc on the review goes back there.
    pub review_opened_from: Option<Place>,
    /// Today, as the shell last said ([`Msg::Today`]): the core has no clock. Until told, no
    /// date is judged against today.
    pub today: Option<chrono::NaiveDate>,
    /// The citizenship typed on the route step, to find the route by country: shown, never
    /// saved (the route chosen is what is saved).
    pub country: String,
    /// Whether typing goes into the citizenship field of the route step.
    pub country_focus: bool,
    /// The person's time zone, as the shell last said ([`Msg::TimeZone`]), for the times shown.
    pub time_zone: Option<chrono::FixedOffset>,
    /// Quit was asked while the last change is not saved: the question shows until answered.
    pub quitting: bool,
    /// The last paste did not fit in its field and was cut; said until the next message.
    pub pasted_cut: bool,
    /// The application was opened with `--file` ([`Msg::Opened`]): there is no list of
    /// applications to go back to, so Esc on the welcome screen does nothing.
    pub from_file: bool,
}

impl App {
    /// The wizard on one application, at the place where it was left.
    pub fn new(content: Arc<Content>, application: Application, theme: Theme) -> Self {
        let mut app = App {
            content,
            screen: Screen::Wizard,
            application: Application::default(),
            name: String::new(),
            read_only: None,
            save_error: None,
            notice: None,
            theme,
            faq: None,
            notes: None,
            plan: None,
            expanded: BTreeSet::new(),
            cursor: 0,
            show_date_errors: false,
            back_to_review: None,
            review_opened_from: None,
            scroll: 0,
            scroll_limit: 0,
            today: None,
            time_zone: None,
            country: String::new(),
            country_focus: false,
            quitting: false,
            pasted_cut: false,
            from_file: false,
        };
        app.resume(String::new(), application, None);
        app
    }

    /// The start screen listing these applications, every row read.
    pub fn start(content: Arc<Content>, listings: Vec<Listing>, theme: Theme) -> Self {
        let mut app = App::start_reading(content, theme);
        app.show_files(
            listings.iter().map(|l| l.path().to_path_buf()).collect(),
            None,
        );
        for (row, listing) in listings.into_iter().enumerate() {
            app.read_listing(row, listing);
        }
        app
    }

    /// The start screen before the folder is listed: drawn first, filled in as it is read.
    pub fn start_reading(content: Arc<Content>, theme: Theme) -> Self {
        let mut app = App::new(content, Application::default(), theme);
        app.screen = Screen::Start(StartView::default());
        app
    }

    /// Switches to the wizard on an application, exactly where it was left.
    pub fn resume(
        &mut self,
        name: String,
        mut application: Application,
        read_only: Option<ReadOnly>,
    ) {
        application.clamp_place(&self.content);
        self.screen = Screen::Wizard;
        self.name = name;
        self.read_only = read_only;
        self.application = application;
        self.faq = None;
        self.notes = None;
        self.back_to_review = None;
        self.review_opened_from = None;
        self.country.clear();
        self.country_focus = false;
        self.plan = None;
        self.expanded.clear();
        self.go(self.application.place);
    }

    /// Back to the start screen listing `files` (newest first), none read yet, keeping the
    /// selection on `select` if given.
    pub fn show_files(&mut self, files: Vec<PathBuf>, select: Option<&Path>) {
        let selected = select
            .and_then(|path| files.iter().position(|file| file == path))
            .unwrap_or(0);
        self.screen = Screen::Start(StartView {
            unread: (0..files.len()).collect(),
            rows: files.into_iter().map(Row::Unread).collect(),
            listed: true,
            widest_name: 0,
            selected,
            prompt: None,
        });
    }

    /// The start screen's rows in the order of `files`: a row already read moves with its file,
    /// a file not listed before comes unread, a file no longer there goes. A selection moved
    /// off the first row stays on its file; on the first row it stays there, on the newest.
    fn reorder_files(&mut self, files: Vec<PathBuf>) {
        let Screen::Start(start) = &mut self.screen else {
            return;
        };
        let selected = start
            .rows
            .get(start.selected)
            .filter(|_| start.selected > 0)
            .map(|row| row.path().to_path_buf());
        let mut read: std::collections::HashMap<PathBuf, Row> = std::mem::take(&mut start.rows)
            .into_iter()
            .filter(|row| matches!(row, Row::Read { .. }))
            .map(|row| (row.path().to_path_buf(), row))
            .collect();
        start.rows = files
            .into_iter()
            .map(|file| read.remove(&file).unwrap_or(Row::Unread(file)))
            .collect();
        start.unread = (0..start.rows.len())
            .filter(|&n| matches!(start.rows[n], Row::Unread(_)))
            .collect();
        start.selected = selected
            .and_then(|path| start.rows.iter().position(|row| row.path() == path))
            .unwrap_or(0);
    }

    /// Puts a file as read into `row` of the start screen (as [`App::unread_files`] numbers
    /// them), if that row still lists that file. Found by number, not by searching the rows for
    /// its path.
    pub fn read_listing(&mut self, row: usize, listing: Listing) {
        let Screen::Start(start) = &mut self.screen else {
            return;
        };
        let Some(slot) = start
            .rows
            .get_mut(row)
            .filter(|slot| slot.path() == listing.path())
        else {
            return;
        };
        start.unread.remove(&row);
        let progress = match &listing {
            Listing::Ready { record, .. } => {
                start.widest_name = start.widest_name.max(shown(&record.name).width());
                review::progress(&record.application, &self.content, self.today)
            }
            Listing::Broken { .. } => (0, 0),
        };
        *slot = Row::Read { listing, progress };
    }

    /// One step of filling in the start screen between keys: the [`ROWS_PER_STEP`] unread rows
    /// nearest the selection, each file read by `read` (the shell's IO; the core does none).
    pub fn read_next_rows(&mut self, mut read: impl FnMut(PathBuf) -> Listing) {
        for (row, file) in self.unread_files(ROWS_PER_STEP) {
            self.read_listing(row, read(file));
        }
    }

    /// The start screen's files, in its order.
    pub fn listed_files(&self) -> Vec<&Path> {
        match &self.screen {
            Screen::Start(start) => start.rows.iter().map(Row::path).collect(),
            _ => Vec::new(),
        }
    }

    /// Whether the start screen shows but does not know yet which files its folder holds.
    pub fn folder_unlisted(&self) -> bool {
        matches!(&self.screen, Screen::Start(start) if !start.listed)
    }

    /// Whether the start screen shows and has files of its folder still to list or read.
    pub fn reading_folder(&self) -> bool {
        matches!(&self.screen, Screen::Start(start) if !start.listed || !start.unread.is_empty())
    }

    /// Up to `limit` rows of the start screen still to read, by number and file, nearest the
    /// selection first: the screen keeps the selection in view, so these are the rows on screen.
    pub fn unread_files(&self, limit: usize) -> Vec<(usize, PathBuf)> {
        let Screen::Start(start) = &self.screen else {
            return Vec::new();
        };
        // Outwards from the selection, the nearer of two rows at the same distance being the one
        // above: the unread rows above it, nearest first, merged with those from it down.
        let selected = start.selected;
        let mut above = start.unread.range(..selected).rev().copied().peekable();
        let mut below = start.unread.range(selected..).copied().peekable();
        let mut next = Vec::with_capacity(limit);
        while next.len() < limit {
            let row = match (above.peek(), below.peek()) {
                (Some(&up), Some(&down)) if selected - up <= down - selected => above.next(),
                (_, Some(_)) => below.next(),
                (Some(_), None) => above.next(),
                (None, None) => None,
            };
            let Some(row) = row else { break };
            if let Some(path) = start.rows.get(row).map(Row::path) {
                next.push((row, path.to_path_buf()));
            }
        }
        next
    }

    /// The same screen in another language: every answer is a language-free value, so only the
    /// texts change.
    pub fn set_content(&mut self, content: Arc<Content>) {
        self.content = content;
    }

    /// An error as the person reads it, in their language.
    pub fn words(&self, error: &Error) -> String {
        error.in_words(&self.content.ui.errors)
    }

    /// Tells the start screen that the application it tried to open is locked elsewhere.
    pub fn report_locked(&mut self) {
        if let Screen::Start(start) = &mut self.screen {
            start.prompt = Some(Prompt::Locked);
        }
    }

    pub fn mode(&self) -> Mode {
        if self.quitting {
            return Mode::ConfirmQuit;
        }
        if self.notes.is_some() {
            return Mode::Notes;
        }
        if self.plan.is_some() {
            return Mode::Plan;
        }
        if let Some(faq) = &self.faq {
            return if faq.filtering {
                Mode::FaqFilter
            } else {
                Mode::Faq
            };
        }
        if let Screen::Start(start) = &self.screen {
            return match start.prompt {
                None if start.listed && start.rows.is_empty() => Mode::StartEmpty,
                None => Mode::Start,
                Some(Prompt::NewName(_) | Prompt::Rename(_)) => Mode::StartName,
                Some(Prompt::ConfirmDelete) => Mode::StartConfirmDelete,
                Some(Prompt::Locked) => Mode::StartLocked,
            };
        }
        match self.application.place {
            Place::Welcome if self.from_file => Mode::WelcomeFromFile,
            Place::Welcome => Mode::Welcome,
            Place::Route { .. } if self.country_focus => Mode::RouteCountry,
            Place::Route { .. } => Mode::Route,
            Place::RouteOutcome => Mode::RouteOutcome,

            Place::Eligibility { question } => {
                let criteria = &self.content.guide.eligibility.criteria;
                if criteria.get(question).is_some_and(|c| c.faq.is_some()) {
                    Mode::Question
                } else {
                    Mode::QuestionWithoutFaq
                }
            }
            Place::EligibilityResult => Mode::EligibilityResult,
            Place::Documents { .. } => Mode::Documents,
            Place::Passport {
                field: PassportField::Result,
            } => Mode::PassportResult,
            Place::Review { .. } => Mode::Review,
            place => match Field::at(place).map(Field::kind) {
                Some(Kind::Tick) => Mode::FormTick,
                Some(Kind::Choice) => Mode::FormChoice,
                Some(Kind::Date | Kind::Text) | None => Mode::FormText,
            },
        }
    }

    /// Handles one message; `Effect::Save` whenever the saved part changed.
    pub fn update(&mut self, msg: Msg) -> Effect {
        // A save's report follows the paste it saved: the notice stays for the key after.
        if !msg.is_report() {
            self.pasted_cut = false;
        }
        let before = self.application.clone();
        match msg {
            Msg::Opened {
                name,
                application,
                read_only,
                from_file,
            } => {
                self.from_file = from_file;
                self.resume(name, *application, read_only);
                return Effect::None;
            }
            Msg::OpenLocked => {
                self.report_locked();
                return Effect::None;
            }
            Msg::Listed { files, select } => {
                self.show_files(files, select.as_deref());
                return Effect::None;
            }
            Msg::Reordered(files) => {
                self.reorder_files(files);
                return Effect::None;
            }
            Msg::RowsRead(rows) => {
                for (row, listing) in rows {
                    self.read_listing(row, listing);
                }
                return Effect::None;
            }
            Msg::Notice(notice) => {
                self.notice = notice;
                return Effect::None;
            }
            Msg::Restored(name) => {
                let start = &self.content.ui.start;
                self.notice = Some(match name {
                    Some(name) => fill(&start.restored, &[("name", &shown(&name))]),
                    None => start.trash_empty.clone(),
                });
                return Effect::None;
            }
            Msg::TextsLoaded(Texts(content)) => {
                self.set_content(content);
                return Effect::None;
            }
            Msg::ScrollLimit(limit) => {
                self.scroll_limit = limit;
                self.scroll = self.scroll.min(limit);
                return Effect::None;
            }
            Msg::Saved(result) => return self.saved(result),
            Msg::SavedAsNew { name, notice } => {
                self.name = name;
                self.notice = Some(notice);
                return self.saved(Ok(()));
            }
            Msg::Suspend => return Effect::Suspend,
            msg if self.quitting => return self.update_quitting(msg),
            Msg::Quit if self.unsaved() => self.quitting = true,
            Msg::Quit => return Effect::Quit,
            Msg::Today(today) => {
                self.today = Some(today);
                return Effect::None;
            }
            Msg::TimeZone(zone) => {
                self.time_zone = Some(zone);
                return Effect::None;
            }
            Msg::SwitchLanguage if self.faq.is_none() && self.notes.is_none() => {
                return Effect::SwitchLanguage(self.content.lang.next());
            }
            _ if self.notes.is_some() => self.update_notes(msg),
            _ if self.plan.is_some() => self.update_plan(msg),
            Msg::OpenPlan if matches!(self.screen, Screen::Wizard) && self.faq.is_none() => {
                self.plan = Some(PlanView::default());
            }
            Msg::OpenNotes if matches!(self.screen, Screen::Wizard) && self.faq.is_none() => {
                self.notes = Some(NotesView {
                    selected: self.first_note_on_focus(),
                });
            }
            Msg::OpenFaq if self.faq.is_none() => self.set_faq(FaqView::default()),
            _ if self.faq.is_some() => self.update_faq(msg),
            msg if matches!(self.screen, Screen::Start(_)) => return self.update_start(msg),
            Msg::OpenReview => {
                if !matches!(self.application.place, Place::Review { .. }) {
                    self.review_opened_from = Some(self.application.place);
                }
                self.open_review();
            }
            // Opened from the review: Esc goes back to it, on the same row.
            Msg::Back if self.back_to_review.is_some() => self.open_review(),
            // Back from the first screen: out of the application, to the list of them; opened
            // with --file, there is no list, and Back does nothing.
            Msg::Back if self.application.place == Place::Welcome => {
                if !self.from_file {
                    return self.close();
                }
            }
            msg => self.update_step(msg),
        }
        if self.application == before {
            Effect::None
        } else if self.read_only.is_some() {
            // Moving about is fine; answers stay as the other window has them.
            let place = self.application.place;
            self.application = before;
            self.application.place = place;
            Effect::None
        } else {
            Effect::Save
        }
    }

    /// Whether the last change is not saved: the last save reported back failed. Every change
    /// is saved as it is made, so the last report speaks for all of them.
    pub fn unsaved(&self) -> bool {
        self.save_error.is_some()
    }

    fn saved(&mut self, result: Result<(), String>) -> Effect {
        self.save_error = result.err();
        if self.quitting && !self.unsaved() {
            // The retry asked for on quitting worked: nothing is left to lose.
            Effect::Quit
        } else {
            Effect::None
        }
    }

    /// Leaves the application for the start screen, which the shell lists afresh. With the last
    /// change not saved it stays and saves again instead: leaving would lose that change.
    fn close(&mut self) -> Effect {
        if self.unsaved() {
            return Effect::Save;
        }
        self.screen = Screen::Start(StartView::default());
        self.name.clear();
        self.read_only = None;
        self.application = Application::default();
        self.scroll = 0;
        Effect::CloseApplication
    }

    fn update_quitting(&mut self, msg: Msg) -> Effect {
        match msg {
            Msg::RetrySave => Effect::Save,
            // q again, or Ctrl+C again: the person knows, and goes.
            Msg::Quit => Effect::Quit,
            Msg::Back => {
                self.quitting = false;
                Effect::None
            }
            _ => Effect::None,
        }
    }

    /// What the status line says after a paste was cut at the field's limit.
    pub fn cut_notice(&self) -> Option<String> {
        self.pasted_cut.then(|| {
            let limit = MAX_FIELD_CHARS.to_string();
            fill(&self.content.ui.text_cut, &[("limit", &limit)])
        })
    }

    fn update_start(&mut self, msg: Msg) -> Effect {
        let Screen::Start(start) = &mut self.screen else {
            return Effect::None;
        };
        let selected = start.rows.get(start.selected);
        let path = selected.map(|row| row.path().to_path_buf());
        let record = selected.and_then(Row::record);
        // A row not read yet is opened all the same: opening reads it, and reports it if broken.
        let broken = matches!(
            selected,
            Some(Row::Read {
                listing: Listing::Broken { .. },
                ..
            })
        );
        if start.prompt.is_none()
            && let Some(to) = moved_in_list(start.selected, start.rows.len(), &msg)
        {
            start.selected = to;
            return Effect::None;
        }
        match (&mut start.prompt, msg) {
            (None, Msg::Confirm) if !broken => return path.map_or(Effect::None, Effect::Open),
            // A file that cannot be read is not opened: say why, and where it is.
            (None, Msg::Confirm) => {
                if let Some(Row::Read {
                    listing: Listing::Broken { error, .. },
                    ..
                }) = selected
                {
                    let error = error.in_words(&self.content.ui.errors);
                    self.notice = Some(fill(
                        &self.content.ui.start.cannot_read,
                        &[("error", &error)],
                    ));
                }
            }
            (None, Msg::NewApplication) => {
                self.cursor = 0;
                start.prompt = Some(Prompt::NewName(String::new()));
            }
            (None, Msg::Rename) => {
                if let Some(record) = record {
                    self.cursor = record.name.chars().count();
                    start.prompt = Some(Prompt::Rename(record.name.clone()));
                }
            }
            (None, Msg::Delete) if path.is_some() => start.prompt = Some(Prompt::ConfirmDelete),
            (None, Msg::RestoreDeleted) => return Effect::RestoreLast,
            (Some(Prompt::NewName(name) | Prompt::Rename(name)), Msg::Edit(edit)) => {
                self.notice = None;
                edit_text(name, &mut self.cursor, edit);
            }
            (Some(Prompt::NewName(name) | Prompt::Rename(name)), Msg::Paste(text)) => {
                self.pasted_cut = paste_into(name, &mut self.cursor, &text);
            }
            // A name another application has is refused, as `kzvisa new` refuses it: two of
            // one name could no longer be told apart by `resume` or `check`.
            (Some(Prompt::NewName(name)), Msg::Confirm) if name_taken(&start.rows, None, name) => {
                let name = name.trim().to_string();
                self.notice = Some(fill(&self.content.ui.commands.exists, &[("name", &name)]));
            }
            (Some(Prompt::Rename(name)), Msg::Confirm)
                if name_taken(&start.rows, Some(start.selected), name) =>
            {
                let name = name.trim().to_string();
                self.notice = Some(fill(&self.content.ui.commands.exists, &[("name", &name)]));
            }
            (Some(Prompt::NewName(name)), Msg::Confirm) if !name.trim().is_empty() => {
                let name = name.trim().to_string();
                start.prompt = None;
                return Effect::Create(name);
            }
            (Some(Prompt::Rename(name)), Msg::Confirm) if !name.trim().is_empty() => {
                let name = name.trim().to_string();
                start.prompt = None;
                return path.map_or(Effect::None, |p| Effect::Rename(p, name));
            }
            (Some(Prompt::ConfirmDelete), Msg::Answer(true)) => {
                start.prompt = None;
                return path.map_or(Effect::None, Effect::Trash);
            }
            (Some(Prompt::Locked), Msg::OpenReadOnly) => {
                start.prompt = None;
                return path.map_or(Effect::None, Effect::OpenReadOnly);
            }
            (Some(_), Msg::Back | Msg::Answer(false)) => start.prompt = None,
            _ => {}
        }
        Effect::None
    }

    fn update_step(&mut self, msg: Msg) {
        // A page of text scrolls with the list keys, as far as the text goes.
        if matches!(
            self.application.place,
            Place::Welcome | Place::RouteOutcome | Place::EligibilityResult
        ) && let Some(to) = moved_in_list(
            usize::from(self.scroll),
            usize::from(self.scroll_limit) + 1,
            &msg,
        ) {
            self.scroll = u16::try_from(to).unwrap_or(self.scroll_limit);
            return;
        }
        match self.application.place {
            Place::Welcome => {
                if msg == Msg::Confirm {
                    self.go_forward();
                }
            }
            Place::Route { option } => self.update_route(option, msg),
            Place::RouteOutcome => match msg {
                Msg::Confirm => self.go_forward(),
                Msg::Back => self.go(self.route_place()),
                _ => {}
            },
            Place::Eligibility { question } => self.update_question(question, msg),
            Place::Passport {
                field: PassportField::Result,
            } => self.update_passport_result(msg),
            Place::EligibilityResult => match msg {
                Msg::Confirm => self.go_forward(),
                Msg::Back => self.go(Place::Eligibility {
                    question: self.criteria_count() - 1,
                }),
                _ => {}
            },
            Place::Documents { document, item } => self.update_documents(document, item, msg),
            Place::Review { row } => self.update_review(row, msg),
            // Every form, whatever its step: as `wizard::form` declares its fields.
            place => {
                if let Some(field) = Field::at(place) {
                    self.update_form(field, msg);
                }
            }
        }
    }

    /// The route question, with the chosen route highlighted.
    fn route_place(&self) -> Place {
        Place::Route {
            option: self.application.route.map_or(0, |r| r.index()),
        }
    }

    /// On to the next step of the route, from wherever in this one: or back to the review, when
    /// the step was opened from it.
    fn go_forward(&mut self) {
        let step = self.application.place.step();
        match flow::next(step, &self.application) {
            _ if self.back_to_review.is_some() => self.open_review(),
            Some(next) => self.go(flow::start_of(next, &self.application)),
            None => {}
        }
    }

    /// Back to the end of the step before this one on the route.
    fn go_backward(&mut self) {
        let step = self.application.place.step();
        if let Some(previous) = flow::previous(step, &self.application) {
            self.go(flow::end_of(previous, &self.application, &self.content));
        }
    }

    /// The review, on the row a step was opened from if it was, else where it was left.
    fn open_review(&mut self) {
        let row = self
            .back_to_review
            .take()
            .unwrap_or(match self.application.place {
                Place::Review { row } => row,
                _ => 0,
            });
        let last = review::rows(&self.application, &self.content, self.today)
            .len()
            .saturating_sub(1);
        self.go(Place::Review { row: row.min(last) });
    }

    /// The route step's citizenship field: typing finds what the sources say of the country;
    /// Enter highlights the route it suggests, which the person still chooses.
    fn update_country(&mut self, msg: Msg) {
        match msg {
            Msg::Edit(edit) => edit_text(&mut self.country, &mut self.cursor, edit),
            Msg::Paste(text) => {
                for c in single_line(&text).chars() {
                    edit_text(&mut self.country, &mut self.cursor, Edit::Insert(c));
                }
            }
            Msg::Confirm => {
                self.country_focus = false;
                self.suggest_route();
            }
            Msg::Back | Msg::NextField | Msg::PrevField => self.country_focus = false,
            _ => {}
        }
    }

    /// Highlights the route the typed country suggests, if the sources say.
    fn suggest_route(&mut self) {
        if let Some(route) = crate::countries::lookup(&self.content, &self.country).route() {
            self.go(Place::Route {
                option: route.index(),
            });
        }
    }

    fn update_route(&mut self, option: usize, msg: Msg) {
        if self.country_focus {
            return self.update_country(msg);
        }
        let last = Route::ALL.len() - 1;
        let chosen = match msg {
            Msg::TypeCountry => {
                self.country_focus = true;
                self.cursor = self.country.chars().count();
                None
            }
            Msg::Country(text) => {
                self.country = text;
                self.suggest_route();
                None
            }
            Msg::Up => {
                self.go(Place::Route {
                    option: option.saturating_sub(1),
                });
                None
            }
            Msg::Down => {
                self.go(Place::Route {
                    option: (option + 1).min(last),
                });
                None
            }
            Msg::Confirm => Route::ALL.get(option),
            Msg::Choose(n) => Route::ALL.get(n),
            Msg::Back => {
                self.go_backward();
                None
            }
            _ => None,
        };
        if let Some(&route) = chosen {
            self.application.route = Some(route);
            // Routes without a work visa first learn what sources say about theirs.
            if route != Route::WorkVisa {
                self.go(Place::RouteOutcome);
            } else {
                self.go_forward();
            }
        }
    }

    /// One message on a form's field (the employer's part, the passport, the submission), as
    /// [`form`] declares them: the same for every form, whatever its step.
    fn update_form(&mut self, field: Field, msg: Msg) {
        let step = field.step();
        match msg {
            Msg::Down | Msg::NextField => self.go_field(field, true),
            Msg::Up | Msg::PrevField => self.go_field(field, false),
            Msg::Advance => match form::neighbour(field, &self.application, true) {
                Some(next) => self.go(next.place()),
                None => self.finish_form(step),
            },
            Msg::Toggle if field.kind() == Kind::Tick => {
                let ticked = field.ticked(&self.application).unwrap_or(false);
                field.set_ticked(&mut self.application, !ticked);
            }
            Msg::Answer(yes) if field.kind() == Kind::Tick => {
                field.set_ticked(&mut self.application, yes);
                self.update_form(field, Msg::Advance);
            }
            Msg::Toggle | Msg::Expand | Msg::Collapse if field.kind() == Kind::Choice => {
                let submission = &mut self.application.submission;
                submission.interview = submission.interview.cycled(msg != Msg::Collapse);
            }
            Msg::Choose(option) if field.kind() == Kind::Choice => {
                if let Some(state) = Interview::ALL.get(option) {
                    self.application.submission.interview = *state;
                }
            }
            Msg::Confirm if form::enter_walks_fields(step) => {
                self.update_form(field, Msg::Advance);
            }
            Msg::Confirm => self.finish_form(step),
            Msg::Back => self.go_backward(),
            Msg::Edit(edit) if field.takes_text() => self.edit(edit),
            Msg::Paste(text) if field.takes_text() => self.paste(&text),
            Msg::Replace(text) if field.takes_text() => self.replace(&text),
            _ => {}
        }
    }

    /// Enter on a form: the first date that is not one holds it, with its message; else the
    /// passport shows its verdict, and the other forms go on.
    fn finish_form(&mut self, step: Step) {
        let bad = form::fields(step, &self.application).find(|f| {
            f.kind() == Kind::Date
                && f.text(&self.application)
                    .is_some_and(|t| dates::is_invalid(t))
        });
        match bad {
            Some(bad) => {
                self.go(bad.place());
                self.show_date_errors = true;
            }
            None if step == Step::Passport => self.go(Place::Passport {
                field: PassportField::Result,
            }),
            None => self.go_forward(),
        }
    }

    /// The next or previous field of the form, staying at its ends.
    fn go_field(&mut self, field: Field, forward: bool) {
        if let Some(to) = form::neighbour(field, &self.application, forward) {
            self.go(to.place());
        }
    }

    /// The notes of the screen in view, by index into the content's notes: the step's own, then
    /// those of what the screen shows (a question's criterion, the documents, the submission).
    pub fn notes_here(&self) -> Vec<usize> {
        let content = &self.content;
        let mut targets: Vec<String> = vec![format!("step:{}", self.application.place.step().id())];
        match self.application.place {
            Place::Route { .. } => {
                targets.extend(Route::ALL.iter().map(|r| format!("route:{}", r.id())));
            }
            Place::RouteOutcome => {
                targets.extend(self.application.route.map(|r| format!("route:{}", r.id())));
            }
            Place::Eligibility { question } => {
                let criterion = &content.guide.eligibility.criteria[question];
                targets.push(format!("criterion:{}", criterion.id));
            }
            Place::Documents { .. } => {
                let documents = &content.guide.documents.items;
                targets.extend(documents.iter().map(|d| format!("document:{}", d.id)));
            }
            Place::Submission { .. } => {
                targets.extend(SUBMISSION_STEPS.map(|s| format!("submission:{s}")));
            }
            Place::Review { .. } => targets.push(format!("step:{AFTER_ARRIVAL}")),
            _ => {}
        }
        content
            .note_places
            .iter()
            .enumerate()
            .filter(|(_, place)| {
                targets.contains(&place.at)
                    && place.for_route(self.application.route.map(Route::id))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Where the notes open: at the first one about the row in focus (the document under the
    /// cursor, say), else at the top.
    fn first_note_on_focus(&self) -> usize {
        let content = &self.content;
        let focus = match self.application.place {
            Place::Documents { document, .. } => {
                format!("document:{}", content.guide.documents.items[document].id)
            }
            Place::Submission { field } => format!(
                "submission:{}",
                match field {
                    SubmissionField::FormCompleted => "application_form",
                    SubmissionField::Interview | SubmissionField::InterviewDate => "interview",
                    _ => "visa_fee",
                }
            ),
            _ => return 0,
        };
        self.notes_here()
            .iter()
            .position(|&i| content.notes[i].at == focus)
            .unwrap_or(0)
    }

    /// The plan's actions, as the overlay lists them.
    pub fn plan_here(&self) -> Vec<crate::wizard::plan::Dated> {
        crate::wizard::plan::plan(&self.application, crate::content::timing())
    }

    /// On the plan: move, Enter goes to the field an action follows from, Esc closes it.
    fn update_plan(&mut self, msg: Msg) {
        let actions = self.plan_here();
        let Some(plan) = self.plan.as_mut() else {
            return;
        };
        if let Some(to) = moved_in_list(plan.selected, actions.len(), &msg) {
            plan.selected = to;
            return;
        }
        match msg {
            Msg::Confirm => {
                let Some(action) = actions.get(plan.selected) else {
                    return;
                };
                self.plan = None;
                // A field of a step not on the route (the permit, after a route change): stay.
                if action.field.applies(&self.application)
                    && flow::applies(action.field.step(), &self.application)
                {
                    self.go(action.field.place());
                }
            }
            Msg::Back | Msg::OpenPlan => self.plan = None,
            _ => {}
        }
    }

    fn update_notes(&mut self, msg: Msg) {
        let count = self.notes_here().len();
        let Some(notes) = self.notes.as_mut() else {
            return;
        };
        if let Some(to) = moved_in_list(notes.selected, count, &msg) {
            notes.selected = to;
            return;
        }
        match msg {
            Msg::Back | Msg::OpenNotes => self.notes = None,
            _ => {}
        }
    }

    fn update_question(&mut self, question: usize, msg: Msg) {
        let criterion = &self.content.guide.eligibility.criteria[question];
        let id = criterion.id.clone();
        let related = criterion.faq.clone();
        let next = if question + 1 < self.criteria_count() {
            Place::Eligibility {
                question: question + 1,
            }
        } else {
            Place::EligibilityResult
        };
        match msg {
            // The question the review opened is answered: back to the review.
            Msg::Answer(yes) if self.back_to_review.is_some() => {
                self.application.eligibility.insert(id, yes);
                self.open_review();
            }
            Msg::Answer(yes) => {
                self.application.eligibility.insert(id, yes);
                self.go(next);
            }
            Msg::Confirm if self.application.answer(&id).is_some() => self.go(next),
            Msg::Back if question == 0 => self.go_backward(),
            Msg::Back => self.go(Place::Eligibility {
                question: question - 1,
            }),
            Msg::OpenRelatedFaq => self.open_faq_at(related.as_deref()),
            _ => {}
        }
    }

    fn update_documents(&mut self, document: usize, item: Option<usize>, msg: Msg) {
        let rows = self.document_rows();
        let at = rows
            .iter()
            .position(|row| *row == (document, item))
            .unwrap_or(0);
        let content = Arc::clone(&self.content);
        let doc = &content.guide.documents.items[document];
        // Home, End and the page keys, as every list answers them.
        if matches!(msg, Msg::First | Msg::Last | Msg::PageUp | Msg::PageDown)
            && let Some(to) = moved_in_list(at, rows.len(), &msg)
        {
            self.go_document_row(rows[to]);
            return;
        }
        match msg {
            Msg::Up => self.go_document_row(rows[at.saturating_sub(1)]),
            Msg::Down => self.go_document_row(rows[(at + 1).min(rows.len() - 1)]),
            Msg::Toggle => {
                let ticked = match item {
                    None => self.application.has_document(&doc.id),
                    Some(i) => self.application.covers(&doc.id, &doc.items[i].id),
                };
                self.tick(document, item, !ticked);
            }
            Msg::Answer(yes) => {
                self.tick(document, item, yes);
                // The document's points come right after it.
                self.expanded.insert(document);
                let rows = self.document_rows();
                match rows.iter().position(|row| *row == (document, item)) {
                    Some(at) if at + 1 < rows.len() => self.go_document_row(rows[at + 1]),
                    _ => self.go_forward(),
                }
            }
            Msg::Expand => {
                self.expanded.insert(document);
            }
            Msg::Collapse => {
                self.expanded.remove(&document);
                self.go_document_row((document, None));
            }
            Msg::Confirm => self.go_forward(),
            Msg::Back => self.go_backward(),
            _ => {}
        }
    }

    /// Ticks or unticks a document (`item` None) or one of its points.
    fn tick(&mut self, document: usize, item: Option<usize>, ticked: bool) {
        let doc = &self.content.guide.documents.items[document];
        let progress = self
            .application
            .documents
            .entry(doc.id.clone())
            .or_default();
        match item {
            None => progress.have = ticked,
            Some(i) if ticked => {
                progress.covered.insert(doc.items[i].id.clone());
            }
            Some(i) => {
                progress.covered.remove(&doc.items[i].id);
            }
        }
        // An entry with nothing ticked says no more than no entry: keep the file tidy.
        if *progress == Default::default() {
            self.application.documents.remove(&doc.id);
        }
    }

    /// The rows the documents list shows: each document, then its points when expanded.
    pub fn document_rows(&self) -> Vec<(usize, Option<usize>)> {
        let mut rows = Vec::new();
        for (d, document) in self.content.guide.documents.items.iter().enumerate() {
            rows.push((d, None));
            if self.expanded.contains(&d) {
                rows.extend((0..document.items.len()).map(|i| (d, Some(i))));
            }
        }
        rows
    }

    fn go_document_row(&mut self, (document, item): (usize, Option<usize>)) {
        self.go(Place::Documents { document, item });
    }

    /// The passport's verdict, below its two dates.
    fn update_passport_result(&mut self, msg: Msg) {
        match msg {
            Msg::Confirm => self.go_forward(),
            Msg::Up | Msg::PrevField => self.go(Field::EndOfStay.place()),
            Msg::Back => self.go_backward(),
            _ => {}
        }
    }

    fn update_review(&mut self, row: usize, msg: Msg) {
        let rows = review::rows(&self.application, &self.content, self.today);
        if let Some(to) = moved_in_list(row, rows.len(), &msg) {
            self.go(Place::Review { row: to });
            return;
        }
        match msg {
            // What follows arrival is read on the review; Enter opens its sourced notes.
            Msg::Confirm if rows.get(row) == Some(&ReviewRow::AfterArrival) => {
                self.notes = Some(NotesView::default());
            }
            Msg::Confirm => {
                if let Some(target) = rows.get(row).map(ReviewRow::place) {
                    self.go(target);
                    self.back_to_review = Some(row);
                    if let Place::Documents {
                        document,
                        item: Some(_),
                    } = target
                    {
                        self.expanded.insert(document);
                    }
                }
            }
            Msg::Back => match self.review_opened_from.take() {
                Some(place) => self.go(place),
                None => self.go_backward(),
            },
            _ => {}
        }
    }

    fn update_faq(&mut self, msg: Msg) {
        let Some(faq) = self.faq.as_mut() else {
            return;
        };
        let filter_before = faq.filter.clone();
        let selected = faq.matches.get(faq.selected).copied();
        if let Some(to) = moved_in_list(faq.selected, faq.matches.len(), &msg) {
            faq.selected = to;
        }
        match msg {
            Msg::Confirm | Msg::Toggle if !faq.filtering => {
                if let Some(entry) = selected
                    && !faq.expanded.remove(&entry)
                {
                    faq.expanded.insert(entry);
                }
            }
            Msg::Confirm => faq.filtering = false,
            Msg::StartFilter => {
                faq.filtering = true;
                faq.cursor = faq.filter.chars().count();
            }
            Msg::Back if faq.filtering => {
                faq.filtering = false;
                faq.filter.clear();
                faq.cursor = 0;
            }
            Msg::Back => self.faq = None,
            Msg::Edit(edit) if faq.filtering => edit_text(&mut faq.filter, &mut faq.cursor, edit),
            Msg::Paste(text) if faq.filtering => {
                self.pasted_cut = paste_into(&mut faq.filter, &mut faq.cursor, &text);
            }
            _ => {}
        }
        // A new filter, new matches, from the first; moving the cursor changes neither.
        if let Some(faq) = self.faq.as_mut()
            && faq.filter != filter_before
        {
            faq.matches = self.content.faq_search(&faq.filter);
            faq.selected = 0;
        }
    }

    /// Indices of the FAQ entries that match the filter.
    pub fn faq_matches(&self) -> &[usize] {
        self.faq.as_ref().map_or(&[], |f| f.matches.as_slice())
    }

    /// Opens the FAQ as given, finding the entries its filter matches, the cursor at the end of
    /// the filter.
    pub fn set_faq(&mut self, mut faq: FaqView) {
        faq.cursor = faq.filter.chars().count();
        faq.matches = self.content.faq_search(&faq.filter);
        self.faq = Some(faq);
    }

    fn open_faq_at(&mut self, entry: Option<&str>) {
        let mut faq = FaqView::default();
        if let Some(i) = entry.and_then(|id| self.content.faq_entry(id)) {
            faq.selected = i;
            faq.expanded.insert(i);
        }
        self.set_faq(faq);
    }

    /// Moves to a place; a text field gets the cursor at the end of what it holds.
    fn go(&mut self, place: Place) {
        self.application.place = place;
        self.scroll = 0;
        self.show_date_errors = false;
        self.cursor = self.focused_text().map_or(0, |t| t.chars().count());
        if let Place::Documents {
            document,
            item: Some(_),
        } = place
        {
            self.expanded.insert(document);
        }
    }

    /// The text of the focused field, if a text field has focus.
    pub fn focused_text(&self) -> Option<&String> {
        Field::at(self.application.place).and_then(|f| f.text(&self.application))
    }

    fn focused_text_mut(&mut self) -> Option<&mut String> {
        Field::at(self.application.place).and_then(|f| f.text_mut(&mut self.application))
    }

    fn edit(&mut self, edit: Edit) {
        let mut cursor = self.cursor;
        if let Some(text) = self.focused_text_mut() {
            edit_text(text, &mut cursor, edit);
        }
        self.cursor = cursor;
    }

    /// A paste goes into the focused field as typed text; its line breaks never act as Enter.
    fn paste(&mut self, pasted: &str) {
        let mut cursor = self.cursor;
        if let Some(text) = self.focused_text_mut() {
            let cut = paste_into(text, &mut cursor, pasted);
            self.pasted_cut = cut;
        }
        self.cursor = cursor;
    }

    fn replace(&mut self, text: &str) {
        if let Some(field) = self.focused_text_mut() {
            field.clear();
        }
        self.cursor = 0;
        self.paste(text.trim());
    }

    fn criteria_count(&self) -> usize {
        self.content.guide.eligibility.criteria.len()
    }
}

/// How many rows of the start screen are read in one step between keys: what an 80x24 screen
/// lists (about a millisecond; a taller screen fills in two or three steps).
pub const ROWS_PER_STEP: usize = 24;

/// How many rows Page Up and Page Down move a list by.
pub const PAGE_ROWS: usize = 10;

/// Where a move key takes the selection of a list of `len` rows, if `msg` is one.
/// Whether an application (other than the row `except`, the one being renamed) is called
/// `name`, case aside, as [`crate::store::named`] compares names.
fn name_taken(rows: &[Row], except: Option<usize>, name: &str) -> bool {
    let wanted = name.trim().to_lowercase();
    rows.iter().enumerate().any(|(i, row)| {
        Some(i) != except
            && row
                .record()
                .is_some_and(|record| record.name.trim().to_lowercase() == wanted)
    })
}

fn moved_in_list(selected: usize, len: usize, msg: &Msg) -> Option<usize> {
    let to = match msg {
        Msg::Up => selected.saturating_sub(1),
        Msg::Down => selected + 1,
        Msg::PageUp => selected.saturating_sub(PAGE_ROWS),
        Msg::PageDown => selected + PAGE_ROWS,
        Msg::First => 0,
        Msg::Last => usize::MAX,
        _ => return None,
    };
    Some(to.min(len.saturating_sub(1)))
}

/// Pasted text as one line: line breaks become spaces, other control characters go.
fn single_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c == '\n' || c == '\r' || c == '\t' {
                ' '
            } else {
                c
            }
        })
        .filter(|c| !c.is_control())
        .collect()
}

/// Pastes `pasted` at the cursor as one line; whether it was cut at [`MAX_FIELD_CHARS`].
fn paste_into(text: &mut String, cursor: &mut usize, pasted: &str) -> bool {
    let line = single_line(pasted);
    let room = MAX_FIELD_CHARS.saturating_sub(text.chars().count());
    for c in line.chars() {
        edit_text(text, cursor, Edit::Insert(c));
    }
    line.chars().count() > room
}

/// One edit of a single-line text at a cursor counted in characters.
fn edit_text(text: &mut String, cursor: &mut usize, edit: Edit) {
    let len = text.chars().count();
    *cursor = (*cursor).min(len);
    let byte_at = |text: &String, chars: usize| {
        text.char_indices()
            .nth(chars)
            .map_or(text.len(), |(byte, _)| byte)
    };
    match edit {
        Edit::Insert(c) if !c.is_control() && len < MAX_FIELD_CHARS => {
            text.insert(byte_at(text, *cursor), c);
            *cursor += 1;
        }
        Edit::Insert(_) => {}
        Edit::Backspace if *cursor > 0 => {
            text.remove(byte_at(text, *cursor - 1));
            *cursor -= 1;
        }
        Edit::Backspace => {}
        Edit::Delete if *cursor < len => {
            text.remove(byte_at(text, *cursor));
        }
        Edit::Delete => {}
        Edit::Left => *cursor = cursor.saturating_sub(1),
        Edit::Right => *cursor = (*cursor + 1).min(len),
        Edit::Home => *cursor = 0,
        Edit::End => *cursor = len,
        Edit::DeleteToStart => {
            text.replace_range(..byte_at(text, *cursor), "");
            *cursor = 0;
        }
        Edit::DeleteToEnd => text.truncate(byte_at(text, *cursor)),
        Edit::DeleteWord => {
            let before: Vec<char> = text.chars().take(*cursor).collect();
            let spaces = before
                .iter()
                .rev()
                .take_while(|c| c.is_whitespace())
                .count();
            let word = before[..before.len() - spaces]
                .iter()
                .rev()
                .take_while(|c| !c.is_whitespace())
                .count();
            let start = *cursor - spaces - word;
            text.replace_range(byte_at(text, start)..byte_at(text, *cursor), "");
            *cursor = start;
        }
    }
}
