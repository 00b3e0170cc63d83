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

pub use compare::placeholders;
pub use data::*;

/// The files of one language, in its folder (`content/en/`, `content/ru/`, ...).
const GUIDE: &str = "guide.yaml";
const FAQ: &str = "faq.yaml";
const UI: &str = "ui.yaml";
const STEPS: &str = "steps.yaml";
const NOTES: &str = "notes.yaml";
const COUNTRIES: &str = "countries.yaml";

/// The built-in files of `lang`: `content/` as `build.rs` read it into [`Files`] and stored it
/// with postcard, so a start decodes it instead of parsing YAML. The notes and the countries
/// are stored apart (the files' own have none), each decoded at its first use; the files come
/// with the notes' places.
struct Stored {
    files: &'static [u8],
    notes: &'static [u8],
    countries: &'static [u8],
}

macro_rules! stored {
    ($lang:literal) => {
        Stored {
            files: include_bytes!(concat!(env!("OUT_DIR"), "/", $lang, ".postcard")),
            notes: include_bytes!(concat!(env!("OUT_DIR"), "/", $lang, "-notes.postcard")),
            countries: include_bytes!(concat!(env!("OUT_DIR"), "/", $lang, "-countries.postcard")),
        }
    };
}

fn stored(lang: Lang) -> Stored {
    match lang {
        Lang::En => stored!("en"),
        Lang::Ru => stored!("ru"),
        Lang::Kk => stored!("kk"),
    }
}

/// A part of the built-in content decoded when it is first read: the first screen shows no
/// note, and most screens no country. Read through `Deref`, as the value itself.
pub struct Deferred<T> {
    stored: &'static [u8],
    value: std::sync::OnceLock<T>,
}

impl<T> Deferred<T> {
    fn stored(stored: &'static [u8]) -> Self {
        Deferred {
            stored,
            value: std::sync::OnceLock::new(),
        }
    }

    /// A part already at hand (read from a folder, made by a test).
    pub fn ready(value: T) -> Self {
        Deferred {
            stored: &[],
            value: std::sync::OnceLock::from(value),
        }
    }
}

impl<T: DeserializeOwned> std::ops::Deref for Deferred<T> {
    type Target = T;

    fn deref(&self) -> &T {
        // build.rs stored these bytes from this very type; the tests decode every language's.
        self.value.get_or_init(|| {
            postcard::from_bytes(self.stored).expect("build.rs stored this part in this type")
        })
    }
}

impl<'a, T: DeserializeOwned> IntoIterator for &'a Deferred<Vec<T>> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T: DeserializeOwned + Clone> Clone for Deferred<T> {
    fn clone(&self) -> Self {
        match self.value.get() {
            Some(value) => Deferred::ready(value.clone()),
            None => Deferred::stored(self.stored),
        }
    }
}

impl<T: DeserializeOwned + PartialEq> PartialEq for Deferred<T> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: DeserializeOwned + std::fmt::Debug> std::fmt::Debug for Deferred<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

impl<T: DeserializeOwned + serde::Serialize> serde::Serialize for Deferred<T> {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        (**self).serialize(serializer)
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
    pub notes: Deferred<Vec<Note>>,
    /// Where each of the notes belongs, in the same order.
    pub note_places: Vec<NotePlace>,
    /// What the sources say of citizens by country (read by the `countries` module).
    pub countries: Deferred<Vec<Regime>>,
    /// Each FAQ entry's question and answer, folded for search (see [`fold`]).
    faq_folded: FoldedFaq,
}

/// The FAQ's search text, made at the first search: most sessions never search.
#[derive(Debug, Clone, Default)]
struct FoldedFaq(std::sync::OnceLock<Vec<String>>);

impl PartialEq for FoldedFaq {
    /// Made from the FAQ alone, so equal wherever the FAQs are.
    fn eq(&self, _: &Self) -> bool {
        true
    }
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
/// The routes' ids, in the order the route question lists them (`wizard::Route` is these).
pub const ROUTE_IDS: [&str; 3] = ["eaeu", "visa_free", "work_visa"];
/// The document the passport check is about: never ready while the check fails.
pub const PASSPORT_DOCUMENT: &str = "passport";
/// The submission steps a note can belong to: `submission:ID`.
pub const SUBMISSION_STEPS: [&str; 3] = ["application_form", "visa_fee", "interview"];

fn is_source_date(date: &str) -> bool {
    date == "undated"
        || (date.len() == 4 && date.chars().all(|c| c.is_ascii_digit()))
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
    /// when it was built, so a file of the wrong shape fails the build. What they say is not
    /// checked again at each start: a test loads `content/` with every check a folder gets and
    /// finds it equal to these texts, in every language.
    pub fn embedded(lang: Lang) -> Result<Self> {
        let dir = Path::new("content");
        let stored = stored(lang);
        let (files, note_places) = postcard::from_bytes(stored.files).map_err(|e| {
            Error::invalid(
                dir.join(lang.code()),
                format!("the built-in content cannot be decoded: {e}"),
            )
        })?;
        let mut content = Self::assembled(lang, files);
        content.note_places = note_places;
        content.notes = Deferred::stored(stored.notes);
        content.countries = Deferred::stored(stored.countries);
        Ok(content)
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
        let countries = load(COUNTRIES)?;
        let files = Files {
            guide: typed(&guide)?,
            faq: typed(&faq)?,
            ui: typed(&ui)?,
            steps: typed(&steps)?,
            notes: typed(&notes)?,
            countries: typed(&countries)?,
        };
        Self::checked(lang, files, |name| folder(dir, lang, name))
    }

    /// The content of `files`, once what they say holds together: ids unique, references and
    /// notes pointing at what exists. `path` names the file a problem is in.
    fn assembled(lang: Lang, files: Files) -> Self {
        Content {
            lang,
            guide: files.guide,
            faq: files.faq,
            faq_folded: FoldedFaq::default(),
            ui: files.ui,
            steps: files.steps,
            note_places: files.notes.iter().map(Note::place).collect(),
            notes: Deferred::ready(files.notes),
            countries: Deferred::ready(files.countries),
        }
    }

    fn checked(lang: Lang, files: Files, path: impl Fn(&str) -> PathBuf) -> Result<Self> {
        let content = Self::assembled(lang, files);
        content.validate(&path(GUIDE), &path(FAQ))?;
        content.validate_steps(&path(STEPS))?;
        content.validate_notes(&path(NOTES))?;
        content.validate_to_confirm(&path(GUIDE))?;
        content.validate_countries(&path(COUNTRIES))?;
        Ok(content)
    }

    /// Replaces the FAQ (a generated one, to measure the search at scale), keeping its search
    /// text in step.
    pub fn set_faq(&mut self, entries: Vec<FaqEntry>) {
        self.faq_folded = FoldedFaq::default();
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
        let expected: Vec<&str> = ROUTE_IDS.to_vec();
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
            if let Some(route) = note
                .routes
                .iter()
                .find(|r| !ROUTE_IDS.contains(&r.as_str()))
            {
                return problem(format!("'routes' names '{route}', which is not a route"));
            }
            if let Some(message) = sources_problem(&note.sources) {
                return problem(message);
            }
            let notes = &self.ui.notes;
            if note.confidence == Confidence::Low && !self.advises(&note.text) {
                let place = match notes.advice_place {
                    AdvicePlace::Start => "start",
                    AdvicePlace::End => "end its first sentence",
                };
                return problem(format!(
                    "its confidence is low, so it may only advise: {place} with {}",
                    notes.advice.join(" or ")
                ));
            }
        }
        Ok(())
    }

    /// Whether a note's text opens with advice, where the language puts the advice verb: its
    /// first word (English, Russian) or the last word of its first sentence or clause (Kazakh puts
    /// the verb last).
    pub fn advises(&self, text: &str) -> bool {
        let notes = &self.ui.notes;
        let text = text.trim();
        match notes.advice_place {
            AdvicePlace::Start => notes
                .advice
                .iter()
                .any(|word| text.starts_with(word.as_str())),
            AdvicePlace::End => {
                let first = text.split(['.', '?', '!', ':']).next().unwrap_or_default();
                let last = first.split_whitespace().last().unwrap_or_default();
                let last = last
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                notes.advice.iter().any(|word| word.to_lowercase() == last)
            }
        }
    }

    /// What no source confirms is never a blocker: a criterion or a document whose notes are
    /// all of low confidence must be marked `to_confirm`, and one so marked needs a note to show.
    fn validate_to_confirm(&self, path: &Path) -> Result<()> {
        let guide = &self.guide;
        let requirements = guide
            .eligibility
            .criteria
            .iter()
            .map(|c| (format!("criterion:{}", c.id), c.to_confirm))
            .chain(
                guide
                    .documents
                    .items
                    .iter()
                    .map(|d| (format!("document:{}", d.id), d.to_confirm)),
            );
        for (at, to_confirm) in requirements {
            let notes: Vec<&Note> = self.notes_at(&at).collect();
            let only_low =
                !notes.is_empty() && notes.iter().all(|n| n.confidence == Confidence::Low);
            if only_low && !to_confirm {
                return Err(Error::invalid(
                    path,
                    format!(
                        "{at}: its only sources are of low confidence, so it cannot block: \
                         mark it 'to_confirm: true'"
                    ),
                ));
            }
            if to_confirm && notes.is_empty() {
                return Err(Error::invalid(
                    path,
                    format!("{at} is to confirm with the employer, but has no note to say why"),
                ));
            }
        }
        Ok(())
    }

    fn validate_countries(&self, path: &Path) -> Result<()> {
        unique_ids(path, "countries", self.countries.iter().map(|r| &r.id))?;
        let mut seen = HashSet::new();
        for regime in &self.countries {
            let problem =
                |message: String| Err(Error::invalid(path, format!("'{}': {message}", regime.id)));
            if !ROUTE_IDS.contains(&regime.route.as_str()) {
                return problem(format!("'route: {}' is not a route", regime.route));
            }
            for code in &regime.countries {
                if code.len() != 2 || !code.chars().all(|c| c.is_ascii_uppercase()) {
                    return problem(format!("'{code}' is not an ISO 3166-1 alpha-2 code"));
                }
                if !seen.insert(code) {
                    return problem(format!("'{code}' is listed twice"));
                }
            }
            if let Some(message) = sources_problem(&regime.sources) {
                return problem(message);
            }
            if regime.confidence == Confidence::Low && !self.advises(&regime.text) {
                return problem(format!(
                    "its confidence is low, so it may only advise, with {}",
                    self.ui.notes.advice.join(" or ")
                ));
            }
        }
        Ok(())
    }

    /// Whether a note concerns an application on the route with id `route` (every note while
    /// none is chosen): those of another route's option, or limited to other routes, do not.
    pub fn note_on_route(note: &Note, route: Option<&str>) -> bool {
        let at_route = note
            .at
            .strip_prefix("route:")
            .is_none_or(|id| route.is_none_or(|route| id == route));
        at_route && note.for_route(route)
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
            "step" => self.step_name(id),
            _ => None,
        }
    }

    /// The `index`-th route option, in the order of [`ROUTE_IDS`] (validated on load).
    pub fn route_option(&self, index: usize) -> &RouteOption {
        &self.steps.route.options[index.min(self.steps.route.options.len().saturating_sub(1))]
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
    /// A date written out in the language ("30 December 2030"), its words joined by no-break
    /// spaces so that no line is broken inside it ("until 30" / "December 2030").
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
        .replace(' ', "\u{a0}")
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

    /// The name of the step with this id (see [`STEP_IDS`]).
    pub fn step_name(&self, id: &str) -> Option<&str> {
        let names = &self.ui.steps;
        Some(match id {
            "welcome" => &names.welcome,
            "route" => &names.route,
            "eligibility" => &names.eligibility,
            "eligibility_result" => &names.eligibility_result,
            "employer" => &names.employer,
            "documents" => &names.documents,
            "passport" => &names.passport,
            "submission" => &names.submission,
            "dates" => &names.dates,
            "review" => &names.review,
            _ => return None,
        })
    }

    /// Indices of the FAQ entries whose question or answer contains `query`, ignoring case and
    /// the letters people type in place of others (see [`fold`]); every entry for an empty query.
    pub fn faq_search(&self, query: &str) -> Vec<usize> {
        let query = fold(query.trim());
        // Built once per search rather than once per entry, and vectorised: the whole FAQ is
        // searched at every keystroke.
        let finder = memchr::memmem::Finder::new(query.as_bytes());
        self.faq_folded
            .0
            .get_or_init(|| {
                self.faq
                    .iter()
                    .map(|entry| fold(&format!("{}\n{}", entry.question, entry.answer)))
                    .collect()
            })
            .iter()
            .enumerate()
            .filter(|(_, text)| finder.find(text.as_bytes()).is_some())
            .map(|(i, _)| i)
            .collect()
    }

    /// Every address the notes cite, once each, in order: what may become a link on screen.
    pub fn source_urls(&self) -> Vec<&str> {
        let mut urls: Vec<&str> = self
            .notes
            .iter()
            .flat_map(|note| &note.sources)
            .map(|source| source.url.as_str())
            .collect();
        urls.sort_unstable();
        urls.dedup();
        urls
    }

    pub fn faq_entry(&self, id: &str) -> Option<usize> {
        self.faq.iter().position(|entry| entry.id == id)
    }
}

impl Note {
    /// Whether the note is limited to other routes than `route` (`routes:`); every note is for
    /// an application whose route is not chosen yet.
    pub fn for_route(&self, route: Option<&str>) -> bool {
        for_route(&self.routes, route)
    }
}

impl NotePlace {
    /// As [`Note::for_route`].
    pub fn for_route(&self, route: Option<&str>) -> bool {
        for_route(&self.routes, route)
    }
}

fn for_route(routes: &[String], route: Option<&str>) -> bool {
    route.is_none_or(|route| routes.is_empty() || routes.iter().any(|id| id == route))
}

/// Why a list of sources is not one: none, an address that is not one, a date of no known form.
fn sources_problem(sources: &[Source]) -> Option<String> {
    if sources.is_empty() {
        return Some("has no source".into());
    }
    for source in sources {
        if !(source.url.starts_with("https://") || source.url.starts_with("http://")) {
            return Some(format!(
                "the source's url '{}' is not a web address",
                source.url
            ));
        }
        if !is_source_date(&source.date) {
            return Some(format!(
                "the source's date '{}' is not YYYY-MM-DD, YYYY-MM, YYYY or undated",
                source.date
            ));
        }
    }
    None
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

#[cfg(test)]
mod deferred {
    use super::*;

    #[test]
    fn the_notes_and_the_countries_are_decoded_when_first_read() {
        for lang in Lang::ALL {
            let content = Content::embedded(lang).expect("the built-in content decodes");
            assert!(content.notes.value.get().is_none() && content.countries.value.get().is_none());
            let places: Vec<NotePlace> = content.notes.iter().map(Note::place).collect();
            assert_eq!(
                content.note_places, places,
                "{lang:?}: the notes' places as stored"
            );
            assert!(!content.notes.is_empty() && !content.countries.is_empty());
            assert!(content.notes.value.get().is_some() && content.countries.value.get().is_some());
        }
    }
}
