//! The shapes of the content files, one type a file or section. Kept apart from the loader so
//! the build script (`build.rs`) can read the YAML into the same types and store it compactly:
//! a start then needs no YAML parse.
//!
//! Serialized with postcard, which writes no field names: every field is always written (no
//! `skip_serializing_if`), so what is written reads back field by field.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A text with forms per number, by CLDR plural category; `other` is always given.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Plural {
    pub zero: Option<String>,
    pub one: Option<String>,
    pub two: Option<String>,
    pub few: Option<String>,
    pub many: Option<String>,
    pub other: String,
}

impl Plural {
    pub(super) fn form(&self, category: &str) -> &str {
        let form = match category {
            "zero" => &self.zero,
            "one" => &self.one,
            "two" => &self.two,
            "few" => &self.few,
            "many" => &self.many,
            _ => &None,
        };
        form.as_deref().unwrap_or(&self.other)
    }
}

/// The steps kzvisa adds to the guide from sourced notes: the route by citizenship, the
/// employer's part and what follows arrival.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Steps {
    pub route: RouteText,
    pub employer: EmployerText,
    pub after_arrival: AfterArrivalText,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RouteText {
    pub intro: String,
    pub question: String,
    /// In the order of [`super::ROUTE_IDS`], checked by id when loading.
    pub options: Vec<RouteOption>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RouteOption {
    pub id: String,
    pub title: String,
    pub outcome: String,
    /// The route as the review and the exports name it, a phrase that reads on its own ("Your
    /// route: …"), where the title answers the route question.
    pub on_review: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EmployerText {
    pub intro: String,
    pub permit: String,
    pub permit_date: String,
    pub invitation: String,
    pub invitation_detail: String,
    pub invitation_hint: String,
    pub ask_permit: String,
    pub ask_invitation: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AfterArrivalText {
    pub title: String,
    pub text: String,
}

/// A sourced "Good to know" note, shown beside the guide's statement it qualifies.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: String,
    /// Where it belongs: `step:ID`, `route:ID`, `criterion:ID`, `document:ID`,
    /// `submission:ID` or `faq:ID`.
    pub at: String,
    /// The routes (by id) it concerns; every route when empty.
    #[serde(default)]
    pub routes: Vec<String>,
    pub text: String,
    pub sources: Vec<Source>,
    pub checked: NaiveDate,
    pub confidence: Confidence,
}

/// Where a note belongs and the routes it concerns, known without the note being read: which
/// notes a screen has is asked at every frame, the notes themselves only when they are shown.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct NotePlace {
    pub at: String,
    pub routes: Vec<String>,
}

impl Note {
    pub fn place(&self) -> NotePlace {
        NotePlace {
            at: self.at.clone(),
            routes: self.routes.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    pub url: String,
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or `undated`.
    pub date: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    High,
    Medium,
    Low,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    pub title: String,
    /// When these texts and the notes were last checked against their sources.
    pub checked: NaiveDate,
    pub welcome: Vec<String>,
    pub disclaimer: String,
    pub eligibility: Eligibility,
    pub documents: Documents,
    pub submission: Submission,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Eligibility {
    pub intro: String,
    pub criteria: Vec<Criterion>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub title: String,
    pub question: String,
    pub explanation: String,
    /// Why the criterion blocks when it is not met.
    pub not_met: String,
    /// What to do about it, shown among the next actions.
    pub action: String,
    /// The FAQ entry that answers the question behind this criterion, if there is one.
    #[serde(default)]
    pub faq: Option<String>,
    /// No source confirms it as a rule for work visas: a "no" is something to confirm with the
    /// employer, shown with its notes, never a blocker. Required where every note on it is of
    /// low confidence (checked on load).
    #[serde(default)]
    pub to_confirm: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Documents {
    pub intro: String,
    pub items: Vec<Document>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: String,
    pub title: String,
    pub must_show: String,
    pub action: String,
    /// Points the document must cover, ticked one by one.
    #[serde(default)]
    pub items: Vec<DocumentItem>,
    /// No source confirms what it must be: while it is not ready it is something to confirm
    /// with the employer, with its notes, not a thing left to do (see [`Criterion::to_confirm`]).
    #[serde(default)]
    pub to_confirm: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentItem {
    pub id: String,
    pub title: String,
    pub action: String,
    /// The routes (by id) that do not ask for this point.
    #[serde(default)]
    pub not_on_routes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    #[serde(rename = "where")]
    pub where_to_apply: String,
    pub application_form: SubmissionStep,
    pub visa_fee: SubmissionStep,
    pub interview: SubmissionStep,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SubmissionStep {
    pub title: String,
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FaqEntry {
    pub id: String,
    pub question: String,
    pub answer: String,
}

/// Interface strings. `{name}` marks a value filled in by [`super::fill`].
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct UiText {
    pub language: LanguageText,
    pub steps: StepNames,
    pub progress: String,
    pub keys: KeyLabels,
    pub too_small: String,
    /// Said when a paste did not fit in a field: {limit}.
    pub text_cut: String,
    pub yes: String,
    pub no: String,
    pub not_answered: String,
    pub welcome: WelcomeText,
    pub eligibility: EligibilityText,
    pub documents: DocumentsText,
    pub passport: PassportText,
    pub submission: SubmissionText,
    pub review: ReviewText,
    pub faq: FaqText,
    pub start: StartText,
    pub errors: ErrorText,
    pub saving: SavingText,
    pub dates: DateText,
    pub export: ExportText,
    pub commands: CommandText,
    pub plain: PlainText,
    pub notes: NotesText,
    pub route: RouteUiText,
    pub employer: EmployerUiText,
    pub your_dates: YourDatesText,
    pub plan: PlanText,
}

/// The step "Your dates": the dates the plan counts from.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct YourDatesText {
    pub intro: String,
    pub target: String,
    pub planned_entry: String,
    pub actual_entry: String,
    pub permit_end: String,
    pub visa_end: String,
}

/// The plan: dated actions, who acts, and how near each is.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PlanText {
    pub title: String,
    pub heading: String,
    pub intro: String,
    pub empty: String,
    pub estimate: String,
    pub today: String,
    pub in_days: Plural,
    pub days_late: Plural,
    pub overdue: String,
    pub due_soon: String,
    pub later: String,
    pub done: String,
    pub date: String,
    pub action: String,
    pub who: String,
    pub status: String,
    pub who_you: String,
    pub who_employer: String,
    pub who_mission: String,
    pub who_host: String,
    pub vacancy_posting: String,
    pub permit_application: String,
    pub invitation: String,
    pub visa_application: String,
    pub entry: String,
    pub host_notification: String,
    pub registration: String,
    pub iin: String,
    pub passport_renewal: String,
    pub permit_renewal: String,
    pub address_change: String,
    pub after_entry: String,
    pub due_within: String,
    pub nothing_due: String,
    pub reminder: String,
    /// On the start screen, the next dated action: {date}, {action}.
    pub next: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageText {
    /// The language's own name: "Русский".
    pub name: String,
    /// That the English text is the reference and a translation is for convenience.
    pub reference: String,
}

/// Why a file cannot be read or written, in words; `{file}` is its path.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorText {
    pub syntax: String,
    pub newer: String,
    pub unknown_format: String,
    pub not_application: String,
    pub locked: String,
    pub unknown_key: String,
    pub link: String,
    pub not_regular: String,
    pub changed: String,
    pub name_taken: String,
    pub not_found: String,
    pub permission: String,
    pub disk_full: String,
    pub read_only_disk: String,
    pub other: String,
    pub no_data_folder: String,
    pub bug: String,
    pub progress_kept: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NotesText {
    pub marker: String,
    pub open_hint: String,
    pub title: String,
    pub intro: String,
    pub source: String,
    pub undated: String,
    pub checked: String,
    pub high: String,
    pub medium: String,
    pub low: String,
    pub none: String,
    pub checked_content: String,
    /// The words of advice a low-confidence note must open its first sentence with, or end it
    /// with (see `advice_place`): it may only advise.
    pub advice: Vec<String>,
    /// Where the language puts the advice verb: at the start (English "Ask ...", Russian
    /// "Спросите ..."), or at the end of the first sentence (Kazakh "... сұраңыз.").
    pub advice_place: AdvicePlace,
    pub sources: String,
    pub plain_marker: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AdvicePlace {
    Start,
    End,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RouteUiText {
    pub title: String,
    pub chosen: String,
    pub not_chosen: String,
    pub choose: String,
    /// Asked before the route question: the citizenship, in any of the three languages.
    pub country_prompt: String,
    /// After what the sources say of {country}: the route it suggests, {route}.
    pub country_route: String,
    /// A country the sources kzvisa keeps say nothing of: {country}.
    pub country_no_data: String,
    /// A name kzvisa does not know as a country: {query}.
    pub country_unknown: String,
    /// Said with every country answer.
    pub lists_change: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EmployerUiText {
    pub title: String,
    pub permit_on: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DateText {
    pub format: String,
    pub months: [String; 12],
    /// The forms a date field accepts.
    pub hint: String,
    pub invalid: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ExportText {
    pub title: String,
    pub generated: String,
    pub not_entered: String,
    pub passport_rule: String,
    pub interview_none: String,
    /// Why `export -o PATH` writes nothing: what is at `{file}` is kept.
    pub refuse_not_a_file: String,
    pub refuse_folder: String,
    pub refuse_link: String,
    pub refuse_application: String,
}

/// What `list`, `check`, `export` and `faq` print besides the checklist itself.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CommandText {
    pub blockers: String,
    pub nothing_blocks: String,
    pub blocks: String,
    pub still_to_do: String,
    /// Over what to confirm with the employer, which does not make `check` fail.
    pub to_confirm: String,
    pub all_done: String,
    pub no_applications: String,
    pub no_such_application: String,
    pub ambiguous: String,
    pub exists: String,
    pub faq_no_match: String,
    pub saved: String,
    /// `kzvisa restore`: over what the trash holds, or that it holds nothing.
    pub trash_heading: String,
    pub trash_empty: String,
    pub restore_hint: String,
    pub restored: String,
    pub not_in_trash: String,
}

/// The line-by-line wizard's prompts.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PlainText {
    pub commands: String,
    /// [`PlainText::commands`] without `list`, for an application opened with `--file`.
    pub commands_from_file: String,
    /// `list` typed in an application opened with `--file`: there is no list to go back to.
    pub no_list: String,
    pub yes_no: String,
    pub press_enter: String,
    pub keep: String,
    pub skip: String,
    pub invalid_yes_no: String,
    pub invalid_choice: String,
    pub document: String,
    pub point: String,
    pub form_completed: String,
    pub fee_paid: String,
    pub interview_choices: String,
    pub finish: String,
    pub start_choose: String,
    pub new_name: String,
    pub locked: String,
    pub faq_query: String,
    pub read_only: String,
    /// A line of input that is not UTF-8, before asking again.
    pub not_text: String,
    /// Why the full screen is not used on this terminal, said once on standard error.
    pub dumb_terminal: String,
    pub words: PlainWords,
}

/// What a person may type at any prompt, besides the English words, which always work.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PlainWords {
    pub faq: Vec<String>,
    pub notes: Vec<String>,
    pub back: Vec<String>,
    /// Back to the list of saved applications.
    pub list: Vec<String>,
    pub quit: Vec<String>,
    pub help: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StartText {
    pub title: String,
    pub name: String,
    pub step: String,
    pub progress: String,
    pub updated: String,
    pub cannot_read: String,
    /// Shown until the folder's files are known (a moment, even for a thousand of them).
    pub reading: String,
    /// Shown when the folder holds no application (the last one was just deleted, say).
    pub empty: String,
    pub new_name: String,
    pub rename: String,
    pub confirm_delete: String,
    pub locked: String,
    pub default_name: String,
    /// Said when an application came back from the trash.
    pub restored: String,
    pub trash_empty: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SavingText {
    pub failed: String,
    pub read_only: String,
    pub read_only_link: String,
    pub read_only_protected: String,
    pub moved: String,
    /// Asked on quitting while the last change is not saved: {error}.
    pub quit_unsaved: String,
    /// On leaving with changes not saved: {error}, {file}.
    pub left_unsaved: String,
    /// After a signal, when the last attempt saved them: {file}.
    pub saved_at_last: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StepNames {
    pub welcome: String,
    pub route: String,
    pub eligibility: String,
    pub eligibility_result: String,
    pub employer: String,
    pub documents: String,
    pub passport: String,
    pub submission: String,
    pub dates: String,
    pub review: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct KeyLabels {
    pub start: String,
    pub answer: String,
    pub move_selection: String,
    pub toggle: String,
    pub expand: String,
    pub continue_on: String,
    pub next_field: String,
    pub back: String,
    pub related_faq: String,
    pub faq: String,
    pub quit: String,
    pub open: String,
    pub filter: String,
    pub close: String,
    pub choose: String,
    pub jump: String,
    pub resume: String,
    pub new: String,
    pub rename: String,
    pub delete: String,
    pub confirm: String,
    pub cancel: String,
    pub read_only: String,
    pub notes: String,
    pub language: String,
    pub review: String,
    pub country: String,
    pub plan: String,
    pub retry: String,
    pub quit_anyway: String,
    /// Back to the list of saved applications.
    pub applications: String,
    /// Brings the last deleted application back from the trash.
    pub undo: String,
    pub space: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WelcomeText {
    pub disclaimer_title: String,
    pub start: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EligibilityText {
    pub question_number: String,
    pub your_answer: String,
    pub related_faq: String,
    pub met: String,
    pub not_met: String,
    /// A "no" that no source confirms as a rule: to confirm with the employer.
    pub to_confirm: String,
    pub result_intro: String,
    pub all_met: String,
    pub go_on_anyway: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentsText {
    pub items_done: Plural,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PassportText {
    pub intro: String,
    pub expiry: String,
    pub end_of_stay: String,
    pub valid_until: String,
    pub passes: String,
    pub fails: String,
    pub expired: String,
    pub renew_expired: String,
    pub stay_in_past: String,
    pub need_both: String,
    pub continue_hint: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SubmissionText {
    pub done: String,
    pub fee_amount: String,
    pub fee_amount_hint: String,
    pub fee_paid_on: String,
    pub interview: String,
    pub interview_date: String,
    pub not_requested: String,
    pub scheduled: String,
    pub attended: String,
    pub invalid_dates: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewText {
    pub blockers: String,
    pub no_blockers: String,
    /// The heading over what no source confirms: to ask the employer, never a blocker.
    pub to_confirm: String,
    pub next_actions: String,
    pub all_done: String,
    pub eligibility: String,
    pub documents: String,
    pub passport: String,
    pub submission: String,
    pub passport_fails: String,
    pub passport_missing: String,
    pub answer_question: String,
    pub renew_passport: String,
    pub attend_interview: String,
    pub attend_interview_undated: String,
    pub fee_paid_on: String,
    pub interview_on: String,
    pub have: String,
    pub missing: String,
    pub documents_missing: Plural,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FaqText {
    pub title: String,
    pub filter: String,
    pub no_match: String,
    pub count: Plural,
}

/// The five files of one language, as the build script stores them.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Files {
    pub guide: Guide,
    pub faq: Vec<FaqEntry>,
    pub ui: UiText,
    pub steps: Steps,
    pub notes: Vec<Note>,
    pub countries: Vec<Regime>,
}

/// What the sources say of the citizens of some countries: the route it suggests, how long
/// they may stay without a visa. `countries.yaml`, in every language (only `text` is translated).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Regime {
    pub id: String,
    /// The route it suggests, by id: `eaeu`, `visa_free` or `work_visa`.
    pub route: String,
    /// ISO 3166-1 alpha-2 codes.
    pub countries: Vec<String>,
    /// The days of a stay without a visa, where a source gives them.
    #[serde(default)]
    pub days: Option<u32>,
    /// What the sources say: `{country}` and `{days}` are filled in.
    pub text: String,
    pub sources: Vec<Source>,
    pub checked: NaiveDate,
    pub confidence: Confidence,
}

/// One country's names, built from CLDR by `build.rs` (see `src/countries.rs`).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct CountryName {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    pub en: String,
    pub ru: String,
    pub kk: String,
    /// Other names people write (official long names, short ones, in other languages) and the
    /// alpha-3 code.
    pub other: Vec<String>,
}

/// Kazakhstan's working calendar and the sourced durations the plan counts with: facts, not
/// rules, the same in every language (`content/calendar.yaml`, `content/durations.yaml`).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Timing {
    pub calendar: CalendarData,
    pub durations: Vec<DurationData>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarData {
    /// The sources the days cite, by id.
    pub sources: Vec<CalendarSource>,
    pub years: Vec<CalendarYear>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarSource {
    pub id: String,
    pub title: String,
    pub url: String,
    /// `YYYY-MM-DD`, `YYYY-MM`, or `undated`.
    pub date: String,
}

/// One year: every weekday that is a day off and every Saturday or Sunday that is worked.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarYear {
    pub year: i32,
    /// False while a day off is not known yet (2027's Kurban Ait): counts in it are estimates.
    pub complete: bool,
    pub note: String,
    pub days_off: Vec<CalendarDay>,
    pub working_weekends: Vec<CalendarDay>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarDay {
    pub date: NaiveDate,
    /// What the day is: `holiday`, `kurban_ait`, `carry_over` (of a holiday on a weekend) or
    /// `transfer` (moved by an order).
    pub kind: String,
    pub what: String,
    /// Ids of [`CalendarData::sources`].
    pub sources: Vec<String>,
}

/// A sourced duration: `days` in `unit` (`calendar`, `working` or `months`).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DurationData {
    pub id: String,
    pub days: u32,
    pub unit: DurationUnit,
    pub confidence: Confidence,
    /// Sources disagree (one says 5 working days, another 15): shown as an estimate whatever the
    /// confidence.
    pub disputed: bool,
    pub what: String,
    pub sources: Vec<Source>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DurationUnit {
    Calendar,
    Working,
    Months,
}
