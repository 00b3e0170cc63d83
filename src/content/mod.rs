//! The texts a person reads, as data: loaded from YAML, embedded at build time or read from
//! `--content DIR`, and validated before the wizard starts so a bad edit is caught with its place.

mod compare;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::wizard::{Route, Step};

pub use compare::placeholders;

/// The files of one language, in its folder (`content/en/`, `content/ru/`, ...).
const GUIDE: &str = "guide.yaml";
const FAQ: &str = "faq.yaml";
const UI: &str = "ui.yaml";
const STEPS: &str = "steps.yaml";
const NOTES: &str = "notes.yaml";

macro_rules! embed {
    ($($lang:ident $code:literal),*) => {
        [$(
            (Lang::$lang, GUIDE, include_str!(concat!("../../content/", $code, "/guide.yaml"))),
            (Lang::$lang, FAQ, include_str!(concat!("../../content/", $code, "/faq.yaml"))),
            (Lang::$lang, UI, include_str!(concat!("../../content/", $code, "/ui.yaml"))),
            (Lang::$lang, STEPS, include_str!(concat!("../../content/", $code, "/steps.yaml"))),
            (Lang::$lang, NOTES, include_str!(concat!("../../content/", $code, "/notes.yaml"))),
        )*]
    };
}

const EMBEDDED: [(Lang, &str, &str); 15] = embed!(En "en", Ru "ru", Kk "kk");

#[derive(Debug, Clone)]
pub struct Content {
    pub lang: Lang,
    pub guide: Guide,
    pub faq: Vec<FaqEntry>,
    pub ui: UiText,
    pub steps: Steps,
    pub notes: Vec<Note>,
    /// Each FAQ entry's question and answer, folded for search (see [`fold`]).
    faq_folded: Vec<String>,
}

/// A text with forms per number, by CLDR plural category; `other` is always given.
#[derive(Debug, Clone, Deserialize)]
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
    fn form(&self, category: &str) -> &str {
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
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Steps {
    pub route: RouteText,
    pub employer: EmployerText,
    pub after_arrival: AfterArrivalText,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteText {
    pub intro: String,
    pub question: String,
    /// In the order of [`crate::wizard::Route::ALL`], checked by id when loading.
    pub options: Vec<RouteOption>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteOption {
    pub id: String,
    pub title: String,
    pub outcome: String,
}

#[derive(Debug, Clone, Deserialize)]
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

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AfterArrivalText {
    pub title: String,
    pub text: String,
}

/// A sourced "Good to know" note, shown beside the guide's statement it qualifies.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: String,
    /// Where it belongs: `step:ID`, `route:ID`, `criterion:ID`, `document:ID`,
    /// `submission:ID` or `faq:ID`.
    pub at: String,
    pub text: String,
    pub sources: Vec<Source>,
    pub checked: NaiveDate,
    pub confidence: Confidence,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    pub url: String,
    /// `YYYY-MM-DD`, `YYYY-MM`, or `undated`.
    pub date: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    High,
    Medium,
    Low,
}

#[derive(Debug, Clone, Deserialize)]
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

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Eligibility {
    pub intro: String,
    pub criteria: Vec<Criterion>,
}

#[derive(Debug, Clone, Deserialize)]
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
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Documents {
    pub intro: String,
    pub items: Vec<Document>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: String,
    pub title: String,
    pub must_show: String,
    pub action: String,
    /// Points the document must cover, ticked one by one.
    #[serde(default)]
    pub items: Vec<DocumentItem>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentItem {
    pub id: String,
    pub title: String,
    pub action: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    #[serde(rename = "where")]
    pub where_to_apply: String,
    pub application_form: SubmissionStep,
    pub visa_fee: SubmissionStep,
    pub interview: SubmissionStep,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmissionStep {
    pub title: String,
    pub explanation: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaqEntry {
    pub id: String,
    pub question: String,
    pub answer: String,
}

/// Interface strings. `{name}` marks a value filled in by [`fill`].
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UiText {
    pub language: LanguageText,
    pub steps: StepNames,
    pub progress: String,
    pub keys: KeyLabels,
    pub too_small: String,
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
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageText {
    /// The language's own name: "Русский".
    pub name: String,
    /// That the English text is the reference and a translation is for convenience.
    pub reference: String,
}

/// Why a file cannot be read or written, in words; `{file}` is its path.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorText {
    pub syntax: String,
    pub newer: String,
    pub unknown_format: String,
    pub not_application: String,
    pub locked: String,
    pub not_found: String,
    pub permission: String,
    pub disk_full: String,
    pub read_only_disk: String,
    pub other: String,
    pub no_data_folder: String,
    pub bug: String,
    pub progress_kept: String,
}

#[derive(Debug, Clone, Deserialize)]
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
    /// The words a low-confidence note may start with: it may only advise.
    pub advice: Vec<String>,
    pub sources: String,
    pub plain_marker: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteUiText {
    pub title: String,
    pub chosen: String,
    pub not_chosen: String,
    pub choose: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmployerUiText {
    pub title: String,
    pub permit_on: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateText {
    pub format: String,
    pub months: [String; 12],
    /// The forms a date field accepts.
    pub hint: String,
    pub invalid: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportText {
    pub title: String,
    pub generated: String,
    pub not_entered: String,
    pub passport_rule: String,
    pub interview_none: String,
}

/// What `list`, `check`, `export` and `faq` print besides the checklist itself.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommandText {
    pub blockers: String,
    pub nothing_blocks: String,
    pub blocks: String,
    pub still_to_do: String,
    pub all_done: String,
    pub no_applications: String,
    pub no_such_application: String,
    pub ambiguous: String,
    pub exists: String,
    pub faq_no_match: String,
    pub saved: String,
}

/// The line-by-line wizard's prompts.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlainText {
    pub commands: String,
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
    pub words: PlainWords,
}

/// What a person may type at any prompt, besides the English words, which always work.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlainWords {
    pub faq: Vec<String>,
    pub notes: Vec<String>,
    pub back: Vec<String>,
    pub quit: Vec<String>,
    pub help: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartText {
    pub title: String,
    pub name: String,
    pub step: String,
    pub progress: String,
    pub updated: String,
    pub cannot_read: String,
    pub new_name: String,
    pub rename: String,
    pub confirm_delete: String,
    pub locked: String,
    pub default_name: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavingText {
    pub failed: String,
    pub read_only: String,
}

#[derive(Debug, Clone, Deserialize)]
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
    pub review: String,
}

#[derive(Debug, Clone, Deserialize)]
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
    pub space: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WelcomeText {
    pub disclaimer_title: String,
    pub start: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EligibilityText {
    pub question_number: String,
    pub your_answer: String,
    pub related_faq: String,
    pub met: String,
    pub not_met: String,
    pub result_intro: String,
    pub all_met: String,
    pub go_on_anyway: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentsText {
    pub items_done: Plural,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PassportText {
    pub intro: String,
    pub expiry: String,
    pub end_of_stay: String,
    pub valid_until: String,
    pub passes: String,
    pub fails: String,
    pub need_both: String,
    pub continue_hint: String,
}

#[derive(Debug, Clone, Deserialize)]
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

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewText {
    pub blockers: String,
    pub no_blockers: String,
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

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaqText {
    pub title: String,
    pub filter: String,
    pub no_match: String,
    pub count: Plural,
}

/// Where a note about what follows arrival belongs: `step:after_arrival`.
pub const AFTER_ARRIVAL: &str = "after_arrival";
/// The submission steps a note can belong to: `submission:ID`.
pub const SUBMISSION_STEPS: [&str; 3] = ["application_form", "visa_fee", "interview"];

fn is_source_date(date: &str) -> bool {
    date == "undated"
        || NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok()
        || NaiveDate::parse_from_str(&format!("{date}-01"), "%Y-%m-%d").is_ok()
}

/// Text as search compares it: lower case, ё as е, and the Kazakh letters as the Russian keyboard
/// types them (ә→а, ө→о, ұ/ү→у, қ→к, ғ→г, ң→н, і→и, һ→х), so "жумыс" finds "жұмыс".
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ё' => 'е',
            'ә' => 'а',
            'ө' => 'о',
            'ұ' | 'ү' => 'у',
            'қ' => 'к',
            'ғ' => 'г',
            'ң' => 'н',
            'і' => 'и',
            'һ' => 'х',
            other => other,
        })
        .collect()
}

/// Replaces each `{name}` in `template` by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = template.to_string();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

impl Content {
    /// The content compiled into the binary, in `lang`.
    pub fn embedded(lang: Lang) -> Result<Self> {
        // The built-in translations are compared with English by the tests (the same files,
        // loaded from `content/`), so a start does not parse the English files a second time.
        Self::from_sources(lang, Compare::No, |lang, name| {
            EMBEDDED
                .iter()
                .find(|(l, file, _)| *l == lang && *file == name)
                .map(|(_, _, text)| {
                    Ok((
                        folder(Path::new("content"), lang, name),
                        (*text).to_string(),
                    ))
                })
                .unwrap_or_else(|| Err(Error::invalid(name, "not embedded")))
        })
    }

    /// The same files read from a folder (`DIR/en/`, `DIR/ru/`, ...), so texts can be corrected
    /// without recompiling.
    pub fn from_dir(dir: &Path, lang: Lang) -> Result<Self> {
        Self::from_sources(lang, Compare::WithEnglish, |lang, name| {
            let path = folder(dir, lang, name);
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            Ok((path, text))
        })
    }

    fn from_sources(
        lang: Lang,
        compare: Compare,
        read: impl Fn(Lang, &str) -> Result<(PathBuf, String)>,
    ) -> Result<Self> {
        // Each file of a translation is checked against its English original first, so a
        // missing or misspelt entry is named as such rather than as a parse error.
        let load = |name: &str| -> Result<(PathBuf, String, serde_yaml::Value)> {
            let (path, text) = read(lang, name)?;
            let value = tree(&path, &text, lang)?;
            if lang != Lang::En && compare == Compare::WithEnglish {
                let (en_path, en_text) = read(Lang::En, name)?;
                let english = tree(&en_path, &en_text, Lang::En)?;
                if let Some(problem) = compare::first_difference(&english, &value, lang) {
                    return Err(Error::At {
                        line: compare::line_of(&text, &problem.line_at),
                        path,
                        message: format!(
                            "[{}] {}: {}",
                            lang.code(),
                            compare::show_path(&problem.at),
                            problem.message
                        ),
                    });
                }
            }
            Ok((path, text, value))
        };
        let (guide_path, guide_text, guide) = load(GUIDE)?;
        let (faq_path, faq_text, faq) = load(FAQ)?;
        let (ui_path, ui_text, ui) = load(UI)?;
        let (steps_path, steps_text, steps) = load(STEPS)?;
        let (notes_path, notes_text, notes) = load(NOTES)?;
        let mut content = Content {
            lang,
            guide: typed(&guide_path, &guide_text, &guide)?,
            faq: Vec::new(),
            faq_folded: Vec::new(),
            ui: typed(&ui_path, &ui_text, &ui)?,
            steps: typed(&steps_path, &steps_text, &steps)?,
            notes: typed(&notes_path, &notes_text, &notes)?,
        };
        content.set_faq(typed(&faq_path, &faq_text, &faq)?);
        content.validate(&guide_path, &faq_path)?;
        content.validate_steps(&steps_path)?;
        content.validate_notes(&notes_path)?;
        Ok(content)
    }

    /// Replaces the FAQ (a generated one, to measure the search at scale), keeping its search
    /// text in step.
    pub fn set_faq(&mut self, entries: Vec<FaqEntry>) {
        self.faq_folded = entries
            .iter()
            .map(|entry| fold(&format!("{}\n{}", entry.question, entry.answer)))
            .collect();
        self.faq = entries;
    }

    /// A text with forms per number, in the form `n` takes in this language.
    pub fn plural<'a>(&self, forms: &'a Plural, n: usize) -> &'a str {
        forms.form(self.lang.plural_category(n as u64))
    }

    fn validate_steps(&self, path: &Path) -> Result<()> {
        let ids: Vec<&str> = self
            .steps
            .route
            .options
            .iter()
            .map(|o| o.id.as_str())
            .collect();
        let expected: Vec<&str> = Route::ALL.iter().map(|r| r.id()).collect();
        if ids != expected {
            return Err(Error::invalid(
                path,
                format!(
                    "route.options must be, in this order: {}",
                    expected.join(", ")
                ),
            ));
        }
        Ok(())
    }

    /// Every note points at something that exists, names a source with an address and date,
    /// and, when its confidence is low, only advises.
    fn validate_notes(&self, path: &Path) -> Result<()> {
        unique_ids(path, "notes", self.notes.iter().map(|n| &n.id))?;
        for note in &self.notes {
            let problem = |message: String| {
                Err(Error::invalid(
                    path,
                    format!("note '{}': {message}", note.id),
                ))
            };
            // Whatever a note can belong to has a subject to name it by.
            if self.note_subject(&note.at).is_none() {
                return problem(format!("'at: {}' points at nothing that exists", note.at));
            }
            if note.sources.is_empty() {
                return problem("has no source".into());
            }
            for source in &note.sources {
                if !(source.url.starts_with("https://") || source.url.starts_with("http://")) {
                    return problem(format!(
                        "the source's url '{}' is not a web address",
                        source.url
                    ));
                }
                if !is_source_date(&source.date) {
                    return problem(format!(
                        "the source's date '{}' is not YYYY-MM-DD, YYYY-MM or undated",
                        source.date
                    ));
                }
            }
            let advice = &self.ui.notes.advice;
            if note.confidence == Confidence::Low
                && !advice
                    .iter()
                    .any(|word| note.text.trim_start().starts_with(word.as_str()))
            {
                return problem(format!(
                    "its confidence is low, so it may only advise: start it with {}",
                    advice.join(" or ")
                ));
            }
        }
        Ok(())
    }

    /// The notes that belong at `at` (`criterion:medical`, say), in file order.
    pub fn notes_at<'a>(&'a self, at: &'a str) -> impl Iterator<Item = &'a Note> + 'a {
        self.notes.iter().filter(move |n| n.at == at)
    }

    /// What a note is about, in words, for a heading over it: the criterion's or document's title.
    pub fn note_subject(&self, at: &str) -> Option<&str> {
        let (kind, id) = at.split_once(':')?;
        let guide = &self.guide;
        let submission = &guide.submission;
        match kind {
            "route" => self
                .steps
                .route
                .options
                .iter()
                .find(|o| o.id == id)
                .map(|o| o.title.as_str()),
            "criterion" => guide
                .eligibility
                .criteria
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.title.as_str()),
            "document" => guide
                .documents
                .items
                .iter()
                .find(|d| d.id == id)
                .map(|d| d.title.as_str()),
            "submission" => match id {
                "application_form" => Some(&submission.application_form.title),
                "visa_fee" => Some(&submission.visa_fee.title),
                "interview" => Some(&submission.interview.title),
                _ => None,
            },
            "faq" => self
                .faq
                .iter()
                .find(|f| f.id == id)
                .map(|f| f.question.as_str()),
            "step" if id == AFTER_ARRIVAL => Some(&self.steps.after_arrival.title),
            "step" => Step::ALL
                .iter()
                .find(|s| s.id() == id)
                .map(|s| self.step_name(*s)),
            _ => None,
        }
    }

    pub fn route_option(&self, route: Route) -> &RouteOption {
        // Validated on load: one option per route, in order.
        &self.steps.route.options[route.index()]
    }

    fn validate(&self, guide_path: &Path, faq_path: &Path) -> Result<()> {
        let guide = &self.guide;
        if guide.eligibility.criteria.is_empty() {
            return Err(Error::invalid(guide_path, "eligibility.criteria is empty"));
        }
        if guide.documents.items.is_empty() {
            return Err(Error::invalid(guide_path, "documents.items is empty"));
        }
        unique_ids(
            guide_path,
            "eligibility.criteria",
            guide.eligibility.criteria.iter().map(|c| &c.id),
        )?;
        unique_ids(
            guide_path,
            "documents.items",
            guide.documents.items.iter().map(|d| &d.id),
        )?;
        for document in &guide.documents.items {
            unique_ids(
                guide_path,
                &format!("documents.items.{}.items", document.id),
                document.items.iter().map(|i| &i.id),
            )?;
        }
        unique_ids(faq_path, "faq", self.faq.iter().map(|f| &f.id))?;
        for criterion in &guide.eligibility.criteria {
            if let Some(faq) = &criterion.faq
                && !self.faq.iter().any(|entry| &entry.id == faq)
            {
                return Err(Error::invalid(
                    guide_path,
                    format!(
                        "criterion '{}' refers to FAQ entry '{faq}', which {} does not have",
                        criterion.id,
                        faq_path.display()
                    ),
                ));
            }
        }
        Ok(())
    }

    /// A date as the content's language writes it: "31 March 2031".
    pub fn date(&self, date: NaiveDate) -> String {
        let dates = &self.ui.dates;
        let month = &dates.months[date.month0() as usize];
        fill(
            &dates.format,
            &[
                ("day", &date.day().to_string()),
                ("month", month),
                ("year", &date.year().to_string()),
            ],
        )
    }

    /// A date as typed in a field: written out when it is one, shown as typed when it is not.
    pub fn typed_date(&self, text: &str) -> String {
        match crate::wizard::dates::parse(text) {
            Some(date) => self.date(date),
            None => text.trim().to_string(),
        }
    }

    pub fn step_name(&self, step: Step) -> &str {
        let names = &self.ui.steps;
        match step {
            Step::Welcome => &names.welcome,
            Step::Route => &names.route,
            Step::Eligibility => &names.eligibility,
            Step::EligibilityResult => &names.eligibility_result,
            Step::Employer => &names.employer,
            Step::Documents => &names.documents,
            Step::Passport => &names.passport,
            Step::Submission => &names.submission,
            Step::Review => &names.review,
        }
    }

    /// Indices of the FAQ entries whose question or answer contains `query`, ignoring case and
    /// the letters people type in place of others (see [`fold`]); every entry for an empty query.
    pub fn faq_search(&self, query: &str) -> Vec<usize> {
        let query = fold(query.trim());
        self.faq_folded
            .iter()
            .enumerate()
            .filter(|(_, text)| text.contains(&query))
            .map(|(i, _)| i)
            .collect()
    }

    pub fn faq_entry(&self, id: &str) -> Option<usize> {
        self.faq.iter().position(|entry| entry.id == id)
    }
}

/// Whether a translation is checked against the English files as it loads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Compare {
    WithEnglish,
    No,
}

fn folder(dir: &Path, lang: Lang, name: &str) -> PathBuf {
    dir.join(lang.code()).join(name)
}

/// A file as plain YAML, with no empty text: the empty one is named by its key path and line.
fn tree(path: &Path, text: &str, lang: Lang) -> Result<serde_yaml::Value> {
    let value: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| Error::yaml(path, &e))?;
    if let Some(at) = compare::first_empty_text(&value) {
        return Err(Error::At {
            path: path.to_path_buf(),
            line: compare::line_of(text, &at),
            message: format!("[{}] {} is empty", lang.code(), compare::show_path(&at)),
        });
    }
    Ok(value)
}

/// The tree as its type. Only when that fails is the text parsed again, for the line and column
/// of the missing or unknown key that serde_yaml reports from text but not from a tree.
fn typed<T: DeserializeOwned>(path: &Path, text: &str, value: &serde_yaml::Value) -> Result<T> {
    T::deserialize(value).map_err(|tree_error| match serde_yaml::from_str::<T>(text) {
        Err(e) => Error::yaml(path, &e),
        Ok(_) => Error::invalid(path, tree_error.to_string()),
    })
}

fn unique_ids<'a>(path: &Path, list: &str, ids: impl Iterator<Item = &'a String>) -> Result<()> {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(Error::invalid(
                path,
                format!("{list}: the id '{id}' is used twice"),
            ));
        }
    }
    Ok(())
}
