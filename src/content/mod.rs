//! The texts a person reads, as data: loaded from YAML, embedded at build time or read from
//! `--content DIR`, and validated before the wizard starts so a bad edit is caught with its place.

mod compare;
mod data;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde::de::DeserializeOwned;

use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::wizard::{Route, Step};

pub use compare::placeholders;
pub use data::*;

/// The files of one language, in its folder (`content/en/`, `content/ru/`, ...).
const GUIDE: &str = "guide.yaml";
const FAQ: &str = "faq.yaml";
const UI: &str = "ui.yaml";
const STEPS: &str = "steps.yaml";
const NOTES: &str = "notes.yaml";

/// The built-in files of `lang`: `content/` as `build.rs` read it into [`Files`] and stored it
/// with postcard, so a start decodes it instead of parsing YAML.
fn embedded_files(lang: Lang) -> &'static [u8] {
    match lang {
        Lang::En => include_bytes!(concat!(env!("OUT_DIR"), "/en.postcard")),
        Lang::Ru => include_bytes!(concat!(env!("OUT_DIR"), "/ru.postcard")),
        Lang::Kk => include_bytes!(concat!(env!("OUT_DIR"), "/kk.postcard")),
    }
}

/// Kazakhstan's working calendar and the sourced durations (`content/calendar.yaml`,
/// `content/durations.yaml`), as `build.rs` stored them: the same in every language, and built in
/// (a `--content` folder changes the texts, not these facts).
pub fn timing() -> &'static Timing {
    static TIMING: std::sync::OnceLock<Timing> = std::sync::OnceLock::new();
    TIMING.get_or_init(|| {
        postcard::from_bytes(include_bytes!(concat!(env!("OUT_DIR"), "/timing.postcard")))
            .expect("build.rs stored the calendar in this very type")
    })
}

impl Timing {
    /// The duration of this id. Every id the plan uses is in the file (a test checks it); an
    /// unknown one counts as nothing, as an estimate.
    pub fn duration(&self, id: &str) -> Option<&DurationData> {
        self.durations.iter().find(|d| d.id == id)
    }
}

impl DurationData {
    /// Shown as an estimate, never as a rule: low confidence or sources that disagree.
    pub fn is_estimate(&self) -> bool {
        self.disputed || self.confidence == Confidence::Low
    }
}

#[derive(Debug, Clone, PartialEq)]
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

/// Where a note about what follows arrival belongs: `step:after_arrival`.
/// The letters that answer yes and no in a language: the first letters of its words for them
/// (y/n, д/н, и/ж), so a person presses the first letter of their answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerKeys {
    pub yes: char,
    pub no: char,
}

impl AnswerKeys {
    /// Yes or no for a typed letter: the language's own, or Latin y and n in every language.
    pub fn answer(&self, typed: char) -> Option<bool> {
        let typed = typed.to_lowercase().next().unwrap_or(typed);
        if typed == self.yes || typed == 'y' {
            Some(true)
        } else if typed == self.no || typed == 'n' {
            Some(false)
        } else {
            None
        }
    }
}

pub const AFTER_ARRIVAL: &str = "after_arrival";
/// The document the passport check is about: never ready while the check fails.
pub const PASSPORT_DOCUMENT: &str = "passport";
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
    /// The content compiled into the binary, in `lang`. Its files were read into their types
    /// when it was built, so a file of the wrong shape fails the build; what they say is checked
    /// here, as for a folder. The built-in translations are compared with English by the tests
    /// (the same files, loaded from `content/`).
    pub fn embedded(lang: Lang) -> Result<Self> {
        let dir = Path::new("content");
        let files = postcard::from_bytes(embedded_files(lang)).map_err(|e| {
            Error::invalid(
                dir.join(lang.code()),
                format!("the built-in content cannot be decoded: {e}"),
            )
        })?;
        Self::checked(lang, files, |name| folder(dir, lang, name))
    }

    /// The same files read from a folder (`DIR/en/`, `DIR/ru/`, ...), so texts can be corrected
    /// without recompiling.
    pub fn from_dir(dir: &Path, lang: Lang) -> Result<Self> {
        let read = |lang: Lang, name: &str| -> Result<(PathBuf, String)> {
            let path = folder(dir, lang, name);
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            Ok((path, text))
        };
        // Each file of a translation is checked against its English original first, so a
        // missing or misspelt entry is named as such rather than as a parse error.
        let load = |name: &str| -> Result<(PathBuf, String, serde_yaml::Value)> {
            let (path, text) = read(lang, name)?;
            let value = tree(&path, &text, lang)?;
            if lang != Lang::En {
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
        let guide = load(GUIDE)?;
        let faq = load(FAQ)?;
        let ui = load(UI)?;
        let steps = load(STEPS)?;
        let notes = load(NOTES)?;
        let files = Files {
            guide: typed(&guide)?,
            faq: typed(&faq)?,
            ui: typed(&ui)?,
            steps: typed(&steps)?,
            notes: typed(&notes)?,
        };
        Self::checked(lang, files, |name| folder(dir, lang, name))
    }

    /// The content of `files`, once what they say holds together: ids unique, references and
    /// notes pointing at what exists. `path` names the file a problem is in.
    fn checked(lang: Lang, files: Files, path: impl Fn(&str) -> PathBuf) -> Result<Self> {
        let mut content = Content {
            lang,
            guide: files.guide,
            faq: Vec::new(),
            faq_folded: Vec::new(),
            ui: files.ui,
            steps: files.steps,
            notes: files.notes,
        };
        content.set_faq(files.faq);
        content.validate(&path(GUIDE), &path(FAQ))?;
        content.validate_steps(&path(STEPS))?;
        content.validate_notes(&path(NOTES))?;
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
            None => crate::present::safe::shown(text.trim()).into_owned(),
        }
    }

    /// The letters that answer yes and no in this language (see [`AnswerKeys`]).
    pub fn answer_keys(&self) -> AnswerKeys {
        let first = |word: &str, latin: char| {
            word.chars()
                .next()
                .and_then(|c| c.to_lowercase().next())
                .unwrap_or(latin)
        };
        AnswerKeys {
            yes: first(&self.ui.yes, 'y'),
            no: first(&self.ui.no, 'n'),
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
            Step::Dates => &names.dates,
            Step::Review => &names.review,
        }
    }

    /// Indices of the FAQ entries whose question or answer contains `query`, ignoring case and
    /// the letters people type in place of others (see [`fold`]); every entry for an empty query.
    pub fn faq_search(&self, query: &str) -> Vec<usize> {
        let query = fold(query.trim());
        // Built once per search rather than once per entry, and vectorised: the whole FAQ is
        // searched at every keystroke.
        let finder = memchr::memmem::Finder::new(query.as_bytes());
        self.faq_folded
            .iter()
            .enumerate()
            .filter(|(_, text)| finder.find(text.as_bytes()).is_some())
            .map(|(i, _)| i)
            .collect()
    }

    pub fn faq_entry(&self, id: &str) -> Option<usize> {
        self.faq.iter().position(|entry| entry.id == id)
    }
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
fn typed<T: DeserializeOwned>(
    (path, text, value): &(PathBuf, String, serde_yaml::Value),
) -> Result<T> {
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
