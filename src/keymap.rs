//! Keys → messages, one table per mode. The same tables draw the footer, so the keys a screen
//! names and the keys it answers to can never disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::{App, Edit, Mode, Msg};
use crate::content::{AnswerKeys, KeyLabels};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Start,
    Answer,
    Move,
    Toggle,
    Expand,
    Continue,
    NextField,
    Back,
    RelatedFaq,
    Faq,
    Quit,
    Open,
    Filter,
    Close,
    Choose,
    Jump,
    Resume,
    New,
    Rename,
    Delete,
    Confirm,
    Cancel,
    ReadOnly,
    Notes,
    Language,
    Retry,
    QuitAnyway,
    Review,
    Plan,
    Country,
    Applications,
    Undo,
}

impl Label {
    pub fn text(self, keys: &KeyLabels) -> &str {
        match self {
            Label::Start => &keys.start,
            Label::Answer => &keys.answer,
            Label::Move => &keys.move_selection,
            Label::Toggle => &keys.toggle,
            Label::Expand => &keys.expand,
            Label::Continue => &keys.continue_on,
            Label::NextField => &keys.next_field,
            Label::Back => &keys.back,
            Label::RelatedFaq => &keys.related_faq,
            Label::Faq => &keys.faq,
            Label::Quit => &keys.quit,
            Label::Open => &keys.open,
            Label::Filter => &keys.filter,
            Label::Close => &keys.close,
            Label::Choose => &keys.choose,
            Label::Jump => &keys.jump,
            Label::Resume => &keys.resume,
            Label::New => &keys.new,
            Label::Rename => &keys.rename,
            Label::Delete => &keys.delete,
            Label::Confirm => &keys.confirm,
            Label::Cancel => &keys.cancel,
            Label::ReadOnly => &keys.read_only,
            Label::Notes => &keys.notes,
            Label::Language => &keys.language,
            Label::Review => &keys.review,
            Label::Country => &keys.country,
            Label::Plan => &keys.plan,
            Label::Retry => &keys.retry,
            Label::QuitAnyway => &keys.quit_anyway,
            Label::Applications => &keys.applications,
            Label::Undo => &keys.undo,
        }
    }
}

pub struct Binding {
    pub keys: &'static [KeyCode],
    pub msg: Msg,
    /// How the footer names it; `None` for a key already named by its twin (Down beside Up).
    pub footer: Option<(&'static str, Label)>,
}

const fn bind(keys: &'static [KeyCode], msg: Msg, shown: &'static str, label: Label) -> Binding {
    Binding {
        keys,
        msg,
        footer: Some((shown, label)),
    }
}

const fn hidden(keys: &'static [KeyCode], msg: Msg) -> Binding {
    Binding {
        keys,
        msg,
        footer: None,
    }
}

use KeyCode::{BackTab, Char, Down, Enter, Esc, F, Left, Right, Tab, Up};

// Shared rows; each use of a const is a fresh copy.
const UP: Binding = bind(&[Up, Char('k')], Msg::Up, "↑↓", Label::Move);
const DOWN: Binding = hidden(&[Down, Char('j')], Msg::Down);
// In a text field j and k are letters, so only the arrows move.
const TAB: Binding = bind(&[Tab], Msg::NextField, "Tab", Label::NextField);
const BACK_TAB: Binding = hidden(&[BackTab], Msg::PrevField);
const FIELD_UP: Binding = hidden(&[Up], Msg::Up);
const FIELD_DOWN: Binding = hidden(&[Down], Msg::Down);
const BACK: Binding = bind(&[Esc], Msg::Back, "Esc", Label::Back);
// Through a long list (a folder of applications, a large FAQ), as in less and vim.
const FIRST: Binding = hidden(&[KeyCode::Home, Char('g')], Msg::First);
const LAST: Binding = hidden(&[KeyCode::End, Char('G')], Msg::Last);
const PAGE_UP: Binding = hidden(&[KeyCode::PageUp], Msg::PageUp);
const PAGE_DOWN: Binding = hidden(&[KeyCode::PageDown], Msg::PageDown);
/// How the footer writes the answer keys, replaced by the language's letters.
const YES_NO: &str = "y/n";
const YES: Binding = bind(&[Char('y')], Msg::Answer(true), YES_NO, Label::Answer);
const NO: Binding = hidden(&[Char('n')], Msg::Answer(false));
const NEXT_IF_ANSWERED: Binding = hidden(&[Enter], Msg::Confirm);

/// The space bar, named in the footer in the language in use.
const SPACE: &str = "Space";
/// The language is switched where no application's texts are in the middle of being read.
const LANGUAGE: Binding = bind(&[Char('l')], Msg::SwitchLanguage, "l", Label::Language);
/// A page of text scrolls with the keys of a list.
const SCROLL_UP: Binding = hidden(&[Up, Char('k')], Msg::Up);
const SCROLL_DOWN: Binding = hidden(&[Down, Char('j')], Msg::Down);
const WELCOME: &[Binding] = &[
    bind(&[Enter], Msg::Confirm, "Enter", Label::Start),
    // Back from the first step is back to the list of applications.
    bind(&[Esc], Msg::Back, "Esc", Label::Applications),
    LANGUAGE,
    SCROLL_UP,
    SCROLL_DOWN,
    FIRST,
    LAST,
    PAGE_UP,
    PAGE_DOWN,
];
/// Opened with `--file`, the application has no list to go back to: Esc does nothing.
const WELCOME_FROM_FILE: &[Binding] = &[
    bind(&[Enter], Msg::Confirm, "Enter", Label::Start),
    LANGUAGE,
    SCROLL_UP,
    SCROLL_DOWN,
    FIRST,
    LAST,
    PAGE_UP,
    PAGE_DOWN,
];
const ROUTE: &[Binding] = &[
    UP,
    DOWN,
    bind(&[Tab, Char('/')], Msg::TypeCountry, "Tab", Label::Country),
    bind(&[Enter], Msg::Confirm, "Enter/1-3", Label::Choose),
    hidden(&[Char('1')], Msg::Choose(0)),
    hidden(&[Char('2')], Msg::Choose(1)),
    hidden(&[Char('3')], Msg::Choose(2)),
    BACK,
];
const ROUTE_COUNTRY: &[Binding] = &[
    bind(&[Enter], Msg::Confirm, "Enter", Label::Confirm),
    hidden(&[Tab, BackTab], Msg::NextField),
    bind(&[Esc], Msg::Back, "Esc", Label::Cancel),
];
/// A page of text read before going on (the route's outcome, the eligibility result).
const PAGE_OF_TEXT: &[Binding] = &[
    bind(&[Enter], Msg::Confirm, "Enter", Label::Continue),
    BACK,
    SCROLL_UP,
    SCROLL_DOWN,
    FIRST,
    LAST,
    PAGE_UP,
    PAGE_DOWN,
];
// A form's fields, by kind (see `wizard::form`): the same keys on every form.
const FORM_TICK: &[Binding] = &[
    UP,
    DOWN,
    hidden(&[Tab], Msg::NextField),
    hidden(&[BackTab], Msg::PrevField),
    bind(&[Char(' ')], Msg::Toggle, SPACE, Label::Toggle),
    hidden(&[Char('y')], Msg::Answer(true)),
    hidden(&[Char('n')], Msg::Answer(false)),
    bind(&[Enter], Msg::Confirm, "Enter", Label::Continue),
    BACK,
];
const FORM_CHOICE: &[Binding] = &[
    UP,
    DOWN,
    hidden(&[Tab], Msg::NextField),
    hidden(&[BackTab], Msg::PrevField),
    bind(
        &[Right, Char('l'), Char(' ')],
        Msg::Expand,
        "→←",
        Label::Choose,
    ),
    hidden(&[Left, Char('h')], Msg::Collapse),
    hidden(&[Char('1')], Msg::Choose(0)),
    hidden(&[Char('2')], Msg::Choose(1)),
    hidden(&[Char('3')], Msg::Choose(2)),
    bind(&[Enter], Msg::Confirm, "Enter", Label::Continue),
    BACK,
];
const FORM_TEXT: &[Binding] = &[
    TAB,
    BACK_TAB,
    FIELD_UP,
    FIELD_DOWN,
    bind(&[Enter], Msg::Confirm, "Enter", Label::Continue),
    BACK,
];
const QUESTION: &[Binding] = &[
    YES,
    NO,
    NEXT_IF_ANSWERED,
    bind(&[Char('f')], Msg::OpenRelatedFaq, "f", Label::RelatedFaq),
    BACK,
];
const QUESTION_WITHOUT_FAQ: &[Binding] = &[YES, NO, NEXT_IF_ANSWERED, BACK];
const DOCUMENTS: &[Binding] = &[
    UP,
    DOWN,
    FIRST,
    LAST,
    PAGE_UP,
    PAGE_DOWN,
    bind(&[Char(' ')], Msg::Toggle, SPACE, Label::Toggle),
    bind(&[Right, Char('l')], Msg::Expand, "→←", Label::Expand),
    hidden(&[Left, Char('h')], Msg::Collapse),
    bind(&[Enter], Msg::Confirm, "Enter", Label::Continue),
    BACK,
];
const PASSPORT_RESULT: &[Binding] = &[
    bind(&[Enter], Msg::Confirm, "Enter", Label::Continue),
    hidden(&[Up, BackTab, Char('k')], Msg::Up),
    BACK,
];
const REVIEW: &[Binding] = &[
    UP,
    DOWN,
    FIRST,
    LAST,
    PAGE_UP,
    PAGE_DOWN,
    bind(&[Enter], Msg::Confirm, "Enter", Label::Jump),
    BACK,
];
const FAQ: &[Binding] = &[
    UP,
    DOWN,
    FIRST,
    LAST,
    PAGE_UP,
    PAGE_DOWN,
    bind(&[Enter, Char(' ')], Msg::Confirm, "Enter", Label::Open),
    bind(&[Char('/')], Msg::StartFilter, "/", Label::Filter),
    bind(&[Esc], Msg::Back, "Esc", Label::Close),
];
const NOTES: &[Binding] = &[
    UP,
    DOWN,
    FIRST,
    LAST,
    PAGE_UP,
    PAGE_DOWN,
    bind(&[Esc, Char('i'), F(2)], Msg::Back, "Esc", Label::Close),
];
const PLAN: &[Binding] = &[
    UP,
    DOWN,
    FIRST,
    LAST,
    PAGE_UP,
    PAGE_DOWN,
    bind(&[Enter], Msg::Confirm, "Enter", Label::Jump),
    bind(&[Esc, F(4)], Msg::Back, "Esc", Label::Close),
];
const FAQ_FILTER: &[Binding] = &[
    hidden(&[Up], Msg::Up),
    hidden(&[Down], Msg::Down),
    // Home and End move in the filter's text.
    PAGE_UP,
    PAGE_DOWN,
    bind(&[Enter], Msg::Confirm, "Enter", Label::Continue),
    bind(&[Esc], Msg::Back, "Esc", Label::Cancel),
];

/// The last deleted application back from the trash; again for the one before it. Named on
/// the empty list too: deleting the last one is when it is wanted most.
const UNDO_DELETE: Binding = bind(&[Char('u')], Msg::RestoreDeleted, "u", Label::Undo);
const START: &[Binding] = &[
    UP,
    DOWN,
    FIRST,
    LAST,
    PAGE_UP,
    PAGE_DOWN,
    bind(&[Enter], Msg::Confirm, "Enter", Label::Resume),
    bind(&[Char('n')], Msg::NewApplication, "n", Label::New),
    bind(&[Char('r')], Msg::Rename, "r", Label::Rename),
    bind(&[Char('d')], Msg::Delete, "d", Label::Delete),
    UNDO_DELETE,
    LANGUAGE,
];
/// Nothing listed: only what can be done without an application.
const START_EMPTY: &[Binding] = &[
    bind(&[Char('n')], Msg::NewApplication, "n", Label::New),
    UNDO_DELETE,
    LANGUAGE,
];
const START_NAME: &[Binding] = &[
    bind(&[Enter], Msg::Confirm, "Enter", Label::Confirm),
    bind(&[Esc], Msg::Back, "Esc", Label::Cancel),
];
const START_CONFIRM_DELETE: &[Binding] = &[
    bind(&[Char('y')], Msg::Answer(true), "y", Label::Delete),
    bind(&[Char('n'), Esc], Msg::Answer(false), "n", Label::Cancel),
];
const START_LOCKED: &[Binding] = &[
    bind(&[Char('o')], Msg::OpenReadOnly, "o", Label::ReadOnly),
    bind(&[Esc], Msg::Back, "Esc", Label::Cancel),
];

/// The question on quitting with the last change not saved: nothing else is reachable from it.
const CONFIRM_QUIT: &[Binding] = &[
    bind(&[Char('r')], Msg::RetrySave, "r", Label::Retry),
    bind(&[Char('q')], Msg::Quit, "q", Label::QuitAnyway),
    bind(&[Esc], Msg::Back, "Esc", Label::Cancel),
];

/// Keys that work on every screen; the footer names them after the screen's own.
const EVERYWHERE: &[Binding] = &[bind(&[F(1)], Msg::OpenFaq, "F1", Label::Faq)];
/// The notes of the wizard's screens: `i` is a letter in a text field, F2 works everywhere.
const NOTES_OUTSIDE_FIELDS: &[Binding] = &[bind(
    &[Char('i'), F(2)],
    Msg::OpenNotes,
    "i/F2",
    Label::Notes,
)];
const NOTES_IN_FIELDS: &[Binding] = &[bind(&[F(2)], Msg::OpenNotes, "F2", Label::Notes)];
/// The review from any step: `r` is a letter in a text field, F3 works everywhere.
const REVIEW_OUTSIDE_FIELDS: &[Binding] = &[bind(
    &[Char('r'), F(3)],
    Msg::OpenReview,
    "r/F3",
    Label::Review,
)];
const REVIEW_IN_FIELDS: &[Binding] = &[bind(&[F(3)], Msg::OpenReview, "F3", Label::Review)];
/// In a text field q is a letter: the footer names Ctrl+C, which quits everywhere (it is read
/// before the tables, so the binding has no keys of its own).
const IN_FIELDS: &[Binding] = &[bind(&[], Msg::Quit, "Ctrl+C", Label::Quit)];
/// The plan from any step and from the review: F4, in a text field too.
const PLAN_KEY: &[Binding] = &[bind(&[F(4)], Msg::OpenPlan, "F4", Label::Plan)];
/// Keys that work wherever no text field has focus (in a field they are typed).
const OUTSIDE_FIELDS: &[Binding] = &[
    hidden(&[Char('?')], Msg::OpenFaq),
    bind(&[Char('q')], Msg::Quit, "q", Label::Quit),
];

fn table(mode: Mode) -> &'static [Binding] {
    match mode {
        Mode::Welcome => WELCOME,
        Mode::WelcomeFromFile => WELCOME_FROM_FILE,
        Mode::Route => ROUTE,
        Mode::RouteOutcome => PAGE_OF_TEXT,
        Mode::RouteCountry => ROUTE_COUNTRY,
        Mode::FormTick => FORM_TICK,
        Mode::FormChoice => FORM_CHOICE,
        Mode::FormText => FORM_TEXT,
        Mode::Notes => NOTES,
        Mode::Plan => PLAN,
        Mode::Question => QUESTION,
        Mode::QuestionWithoutFaq => QUESTION_WITHOUT_FAQ,
        Mode::EligibilityResult => PAGE_OF_TEXT,
        Mode::Documents => DOCUMENTS,
        Mode::PassportResult => PASSPORT_RESULT,
        Mode::Review => REVIEW,
        Mode::Faq => FAQ,
        Mode::FaqFilter => FAQ_FILTER,
        Mode::Start => START,
        Mode::StartName => START_NAME,
        Mode::StartConfirmDelete => START_CONFIRM_DELETE,
        Mode::StartLocked => START_LOCKED,
        Mode::StartEmpty => START_EMPTY,
        Mode::ConfirmQuit => CONFIRM_QUIT,
    }
}

/// Whether typed characters go into a text field in this mode.
pub fn takes_text(mode: Mode) -> bool {
    matches!(
        mode,
        Mode::FormText | Mode::RouteCountry | Mode::FaqFilter | Mode::StartName
    )
}

/// Every binding in force in a mode, the screen's own first.
pub fn bindings(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    // The quit question wants an answer: only its own keys.
    let modal = mode == Mode::ConfirmQuit;
    let outside = if modal {
        &[][..]
    } else if takes_text(mode) {
        IN_FIELDS
    } else {
        OUTSIDE_FIELDS
    };
    // Over the FAQ or the notes, F1 and F2 have nothing more to open.
    let overlay = matches!(mode, Mode::Faq | Mode::FaqFilter | Mode::Notes | Mode::Plan) || modal;
    let everywhere = if overlay { &[][..] } else { EVERYWHERE };
    let on_start = matches!(
        mode,
        Mode::Start
            | Mode::StartEmpty
            | Mode::StartName
            | Mode::StartConfirmDelete
            | Mode::StartLocked
    );
    let notes = match (overlay || on_start, takes_text(mode)) {
        (true, _) => &[][..],
        (false, true) => NOTES_IN_FIELDS,
        (false, false) => NOTES_OUTSIDE_FIELDS,
    };
    let in_wizard = !(overlay || on_start || mode == Mode::Review);
    let review = match (in_wizard, takes_text(mode)) {
        (false, _) => &[][..],
        (true, true) => REVIEW_IN_FIELDS,
        (true, false) => REVIEW_OUTSIDE_FIELDS,
    };
    let plan = if overlay || on_start {
        &[][..]
    } else {
        PLAN_KEY
    };
    table(mode)
        .iter()
        .chain(everywhere)
        .chain(notes)
        .chain(review)
        .chain(plan)
        .chain(outside)
}

/// The message a key means on the app's screen, if any: in its mode, and in its language for
/// the answer keys.
pub fn message(app: &App, key: KeyEvent) -> Option<Msg> {
    message_in(app.mode(), &app.content.answer_keys(), key)
}

/// The message a key means in a mode, where `answers` are the language's letters for yes and no.
pub fn message_in(mode: Mode, answers: &AnswerKeys, key: KeyEvent) -> Option<Msg> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(key.code, Char('c') | Char('C')) {
        return Some(Msg::Quit);
    }
    // Only where the shell can stop the process and continue it (job control).
    #[cfg(unix)]
    if ctrl && matches!(key.code, Char('z') | Char('Z')) {
        return Some(Msg::Suspend);
    }
    if ctrl && takes_text(mode) {
        return line_editing(key.code).map(Msg::Edit);
    }
    if ctrl || key.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    // The language's own letters for yes and no come before the layout's Latin twin: on a
    // Russian layout н (нет) sits where y is, and must not answer yes.
    if !takes_text(mode)
        && let Char(c) = key.code
        && let Some(yes) = answers.answer(c)
        && let Some(binding) = bindings(mode).find(|b| b.msg == Msg::Answer(yes))
    {
        return Some(binding.msg.clone());
    }
    let code = if takes_text(mode) {
        key.code
    } else {
        same_key_in_latin(key.code)
    };
    if let Some(binding) = bindings(mode).find(|b| b.keys.contains(&code)) {
        return Some(binding.msg.clone());
    }
    if !takes_text(mode) {
        return None;
    }
    let edit = match key.code {
        Char(c) => Edit::Insert(c),
        KeyCode::Backspace => Edit::Backspace,
        KeyCode::Delete => Edit::Delete,
        Left => Edit::Left,
        Right => Edit::Right,
        KeyCode::Home => Edit::Home,
        KeyCode::End => Edit::End,
        _ => return None,
    };
    Some(Msg::Edit(edit))
}

/// The Ctrl keys of a text field, as in a shell's line editor (readline, zle, fish).
fn line_editing(code: KeyCode) -> Option<Edit> {
    match code {
        Char('a') => Some(Edit::Home),
        Char('e') => Some(Edit::End),
        Char('u') => Some(Edit::DeleteToStart),
        Char('k') => Some(Edit::DeleteToEnd),
        Char('w') | KeyCode::Backspace => Some(Edit::DeleteWord),
        // What some terminals send for Backspace itself.
        Char('h') => Some(Edit::Backspace),
        _ => None,
    }
}

/// The footer's entries for a mode: (keys, label), in table order.
/// With a Russian or Kazakh keyboard layout on, the key where `y` is types `н`: outside text
/// fields, each Cyrillic letter acts as the Latin letter on the same key, so the keys shown in
/// the footer work without switching layouts.
fn same_key_in_latin(code: KeyCode) -> KeyCode {
    const CYRILLIC: &str = "йцукенгшщзфывапролдячсмить";
    const LATIN: &str = "qwertyuiopasdfghjklzxcvbnm";
    match code {
        // Shift stays Shift: П is G, as п is g.
        Char(c) => c
            .to_lowercase()
            .next()
            .and_then(|lower| CYRILLIC.chars().position(|x| x == lower))
            .and_then(|at| LATIN.chars().nth(at))
            .map_or(code, |latin| {
                Char(if c.is_uppercase() {
                    latin.to_ascii_uppercase()
                } else {
                    latin
                })
            }),
        other => other,
    }
}

/// The keys valid in `mode` and what they do, as the footer says them in the language of
/// `labels`.
pub fn footer<'a>(
    mode: Mode,
    labels: &'a KeyLabels,
    answers: &AnswerKeys,
) -> impl Iterator<Item = (String, &'a str)> {
    let (yes, no) = (answers.yes, answers.no);
    bindings(mode)
        .filter_map(|b| b.footer.map(|footer| (&b.msg, footer)))
        .map(move |(msg, (keys, label))| {
            // The space bar's name is a word; the answer keys are the language's own letters
            // (Latin y and n work too); the others are what keyboards print on the keys.
            let keys = match (msg, keys) {
                (_, SPACE) => labels.space.clone(),
                (Msg::Answer(true), YES_NO) => format!("{yes}/{no}"),
                (Msg::Answer(true), _) => yes.to_string(),
                (Msg::Answer(false), _) => no.to_string(),
                (_, keys) => keys.to_string(),
            };
            (keys, label.text(labels))
        })
}
