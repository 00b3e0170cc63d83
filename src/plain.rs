//! The wizard as line-by-line prompts, for screen readers, slow links and answers piped in. It
//! drives the same [`App`] with the same messages as the keys do; this module only says what to
//! ask at each place and turns a typed line into messages. The shell does the reading and writing.

use crate::app::{App, Msg};
use crate::content::{Content, fill};
use crate::present::fields;
use crate::present::safe::shown;
use crate::report;
use crate::wizard::dates::{self, PassportCheck};
use crate::wizard::form::{Field, Kind};
use crate::wizard::review;
use crate::wizard::{Interview, PassportField, Place, Route};

/// What to print before asking, and the question itself with its options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// Paragraphs shown once when the place is reached.
    pub context: Vec<String>,
    pub question: String,
}

/// What a typed line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// Messages for the state machine, in order.
    Send(Vec<Msg>),
    /// The FAQ, or the entries that match these words.
    Faq(String),
    /// The "Good to know" notes of this place.
    Notes,
    /// Show the question and its context again.
    Help,
    Quit,
    /// Leave the application for the list of saved ones.
    List,
    /// Done with the review.
    Finish,
    /// Not an answer to this question: say why and ask again.
    Invalid(String),
}

/// The words that work at every prompt. The English ones always work; a translation adds its own
/// (`plain.words` in its `ui.yaml`).
const FAQ_WORDS: [&str; 1] = ["faq"];
const NOTES_WORDS: [&str; 1] = ["notes"];
const BACK_WORDS: [&str; 1] = ["back"];
const LIST_WORDS: [&str; 1] = ["list"];
const QUIT_WORDS: [&str; 2] = ["quit", "exit"];
const HELP_WORDS: [&str; 2] = ["help", "?"];

fn is_word(word: &str, english: &[&str], translated: &[String]) -> bool {
    english.contains(&word) || translated.iter().any(|t| t.to_lowercase() == word)
}

pub fn prompt(app: &App) -> Prompt {
    place_prompt(app)
}

/// The words that work at every prompt, as `help` says them: `list` only where there is a list
/// of applications to go back to (not for one opened with `--file`).
pub fn commands(app: &App) -> &str {
    let plain = &app.content.ui.plain;
    if app.from_file {
        &plain.commands_from_file
    } else {
        &plain.commands
    }
}

/// What is said once when a step begins: "Step N of M: its name", and how many notes it has.
pub fn step_heading(app: &App) -> Vec<String> {
    let content = &app.content;
    let step = app.application.place.step();
    let (number, total) = crate::wizard::flow::position(step, &app.application);
    let progress = fill(
        &content.ui.progress,
        &[("step", &number.to_string()), ("total", &total.to_string())],
    );
    let mut heading = vec![format!(
        "{progress}: {}",
        crate::present::step_name(content, step)
    )];
    let notes = app.notes_here().len();
    if notes > 0 {
        let marker = &content.ui.notes.plain_marker;
        heading.push(fill(marker, &[("count", &notes.to_string())]));
    }
    heading
}

/// The notes of the app's place as text: each with its sources, date checked and confidence.
pub fn notes_text(app: &App) -> String {
    let content = &app.content;
    let notes: Vec<&crate::content::Note> = app
        .notes_here()
        .into_iter()
        .map(|i| &content.notes[i])
        .collect();
    if notes.is_empty() {
        return content.ui.notes.none.clone();
    }
    report::notes_text(content, &notes)
}

fn place_prompt(app: &App) -> Prompt {
    let content = &app.content;
    let guide = &content.guide;
    let ui = &content.ui;
    let application = &app.application;
    let yes_no = |question: &str, answer: Option<bool>| {
        let mut question = format!("{question} {}", ui.plain.yes_no);
        if let Some(answer) = answer {
            let answer = if answer { &ui.yes } else { &ui.no };
            question.push_str(&format!(
                " ({})",
                fill(&ui.plain.keep, &[("value", answer)])
            ));
        }
        question
    };
    let text_field = |label: &str, value: &str, hint: Option<&str>| {
        let keep = if value.trim().is_empty() {
            ui.plain.skip.clone()
        } else {
            fill(&ui.plain.keep, &[("value", &shown(value.trim()))])
        };
        match hint {
            Some(hint) => format!("{label} ({hint}; {keep}):"),
            None => format!("{label} ({keep}):"),
        }
    };
    match application.place {
        Place::Welcome => {
            let mut context = vec![
                guide.title.clone(),
                guide.disclaimer.clone(),
                ui.language.reference.clone(),
            ];
            context.extend(guide.welcome.iter().cloned());
            context.push(commands(app).to_string());
            Prompt {
                context,
                question: ui.plain.press_enter.clone(),
            }
        }
        Place::Route { .. } => {
            let route = &content.steps.route;
            let mut context = vec![route.intro.clone()];
            for (i, option) in route.options.iter().enumerate() {
                context.push(format!("{}. {}", i + 1, option.title));
            }
            // A citizenship typed instead of a number: what the sources say of it, and the
            // route it suggests as the answer Enter keeps.
            let typed = app.country.trim();
            if !typed.is_empty() {
                let found = crate::countries::lookup(content, typed);
                context.extend(
                    crate::countries::answer_text(content, typed, &found)
                        .lines()
                        .map(str::to_string),
                );
            }
            let mut question = format!("{} [1/2/3] ({})", route.question, ui.route.country_prompt);
            if let Some(chosen) = route_kept(app) {
                let title = &content.route_option(chosen).title;
                question.push_str(&format!(" ({})", fill(&ui.plain.keep, &[("value", title)])));
            }
            Prompt { context, question }
        }
        Place::RouteOutcome => Prompt {
            context: application
                .route
                .map(|r| content.route_option(r.index()).outcome.clone())
                .into_iter()
                .collect(),
            question: ui.plain.press_enter.clone(),
        },
        Place::Eligibility { question } => {
            let criteria = &guide.eligibility.criteria;
            let criterion = &criteria[question];
            let mut context = Vec::new();
            if question == 0 {
                context.push(guide.eligibility.intro.clone());
            }
            context.push(format!(
                "{}: {}",
                fill(
                    &ui.eligibility.question_number,
                    &[
                        ("number", &(question + 1).to_string()),
                        ("total", &criteria.len().to_string()),
                    ],
                ),
                criterion.title
            ));
            context.push(criterion.explanation.clone());
            Prompt {
                context,
                question: yes_no(&criterion.question, application.answer(&criterion.id)),
            }
        }
        Place::EligibilityResult => {
            let mut context = vec![ui.eligibility.result_intro.clone()];
            let mut all_met = true;
            for criterion in &guide.eligibility.criteria {
                let answer = crate::wizard::review::answer(application, criterion);
                all_met &= answer == crate::wizard::review::Answer::Met;
                context.push(crate::present::review::answer_line(
                    content, criterion, answer,
                ));
            }
            context.push(if all_met {
                ui.eligibility.all_met.clone()
            } else {
                ui.eligibility.go_on_anyway.clone()
            });
            Prompt {
                context,
                question: ui.plain.press_enter.clone(),
            }
        }
        Place::Documents { document, item } => {
            let doc = &guide.documents.items[document];
            let mut context = Vec::new();
            if (document, item) == (0, None) {
                context.push(guide.documents.intro.clone());
            }
            match item {
                None => {
                    context.push(format!("{}: {}", doc.title, doc.must_show));
                    Prompt {
                        context,
                        question: yes_no(
                            &ui.plain.document,
                            Some(application.has_document(&doc.id)),
                        ),
                    }
                }
                Some(i) => {
                    let point = &doc.items[i];
                    context.push(format!("{}: {}", doc.title, point.title));
                    Prompt {
                        context,
                        question: yes_no(
                            &ui.plain.point,
                            Some(application.covers(&doc.id, &point.id)),
                        ),
                    }
                }
            }
        }
        Place::Passport {
            field: PassportField::Result,
        } => Prompt {
            context: match review::passport(application, app.today) {
                PassportCheck::Incomplete => vec![ui.passport.need_both.clone()],
                _ => report::passport_outcome(content, application, app.today),
            },
            question: ui.plain.press_enter.clone(),
        },
        Place::Review { .. } => Prompt {
            context: review_text(app),
            question: ui.plain.finish.clone(),
        },
        // Every form's field, whatever its step: as `wizard::form` declares it.
        place => {
            let Some(field) = Field::at(place) else {
                return Prompt {
                    context: vec![],
                    question: ui.plain.press_enter.clone(),
                };
            };
            let label = fields::label(field, content);
            let question = match field.kind() {
                Kind::Tick => yes_no(label, field.ticked(application)),
                Kind::Date | Kind::Text => text_field(
                    label,
                    field.text(application).map_or("", String::as_str),
                    fields::hint(field, content),
                ),
                Kind::Choice => {
                    let current = match application.submission.interview {
                        Interview::NotRequested => &ui.submission.not_requested,
                        Interview::Scheduled => &ui.submission.scheduled,
                        Interview::Attended => &ui.submission.attended,
                    };
                    format!(
                        "{label} [1/2/3] ({}; {})",
                        ui.plain.interview_choices,
                        fill(&ui.plain.keep, &[("value", current)])
                    )
                }
            };
            Prompt {
                context: fields::context(field, content),
                question,
            }
        }
    }
}

/// The review, then the dated plan, as lines to be read aloud (see [`report::text`]).
fn review_text(app: &App) -> Vec<String> {
    let mut blocks = report::review(&app.content, &app.application, app.today);
    if let Some(today) = app.today {
        let plan = crate::wizard::plan::plan(&app.application, crate::content::timing());
        blocks.extend(report::plan_blocks(&app.content, &app.name, &plan, today));
    }
    report::text(&blocks, None)
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(str::to_string)
        .collect()
}

/// What the typed `line` means at the app's current place.
pub fn reply(app: &App, line: &str) -> Reply {
    let content = &app.content;
    let ui = &content.ui;
    let line = line.trim();
    let lower = line.to_lowercase();
    let (word, rest) = lower.split_once(' ').unwrap_or((&lower, ""));
    let words = &ui.plain.words;
    if is_word(word, &FAQ_WORDS, &words.faq) {
        return Reply::Faq(rest.trim().to_string());
    }
    if is_word(&lower, &NOTES_WORDS, &words.notes) {
        return Reply::Notes;
    }
    if is_word(&lower, &BACK_WORDS, &words.back) {
        return Reply::Send(vec![Msg::Back]);
    }
    if is_word(&lower, &LIST_WORDS, &words.list) {
        return if app.from_file {
            Reply::Invalid(ui.plain.no_list.clone())
        } else {
            Reply::List
        };
    }
    if is_quit(content, &lower) {
        return Reply::Quit;
    }
    if is_word(&lower, &HELP_WORDS, &words.help) {
        return Reply::Help;
    }
    let application = &app.application;
    let yes_no = |current: Option<bool>| match yes_or_no(app, &lower) {
        Some(yes) => Reply::Send(vec![Msg::Answer(yes)]),
        None if line.is_empty() && current.is_some() => {
            Reply::Send(vec![Msg::Answer(current.unwrap_or_default())])
        }
        None => Reply::Invalid(ui.plain.invalid_yes_no.clone()),
    };
    // A date is checked before it reaches the application, so a typo is asked again, not saved.
    let date = |then: Vec<Msg>| {
        if line.is_empty() {
            Reply::Send(then)
        } else if dates::parse(line).is_some() {
            let mut msgs = vec![Msg::Replace(line.to_string())];
            msgs.extend(then);
            Reply::Send(msgs)
        } else {
            Reply::Invalid(fill(&ui.dates.invalid, &[("text", &shown(line))]))
        }
    };
    match application.place {
        Place::Welcome
        | Place::EligibilityResult
        | Place::Passport {
            field: PassportField::Result,
        } => {
            if line.is_empty() {
                Reply::Send(vec![Msg::Confirm])
            } else {
                Reply::Invalid(ui.plain.press_enter.clone())
            }
        }
        Place::Route { .. } => match choice(line, route_kept(app), Route::ALL.len()) {
            Some(option) => Reply::Send(vec![Msg::Choose(option)]),
            // Not a number: a citizenship, looked up.
            None if !line.is_empty() && line.parse::<usize>().is_err() => {
                Reply::Send(vec![Msg::Country(line.to_string())])
            }
            None => invalid_choice(app, Route::ALL.len()),
        },
        Place::RouteOutcome => {
            if line.is_empty() {
                Reply::Send(vec![Msg::Confirm])
            } else {
                Reply::Invalid(ui.plain.press_enter.clone())
            }
        }
        Place::Eligibility { question } => {
            let criterion = &content.guide.eligibility.criteria[question];
            match yes_or_no(app, &lower) {
                Some(yes) => Reply::Send(vec![Msg::Answer(yes)]),
                None if line.is_empty() && application.answer(&criterion.id).is_some() => {
                    Reply::Send(vec![Msg::Confirm])
                }
                None => Reply::Invalid(ui.plain.invalid_yes_no.clone()),
            }
        }
        Place::Documents { document, item } => {
            let doc = &content.guide.documents.items[document];
            let current = match item {
                None => application.has_document(&doc.id),
                Some(i) => application.covers(&doc.id, &doc.items[i].id),
            };
            yes_no(Some(current))
        }
        // A form's field, answered, then on to the next one the form asks (as the app decides,
        // so a field that a choice makes apply is asked too), or on from the form.
        Place::Review { .. } if line.is_empty() => Reply::Finish,
        Place::Review { .. } => Reply::Invalid(ui.plain.finish.clone()),
        place => {
            let Some(field) = Field::at(place) else {
                return Reply::Send(vec![Msg::Confirm]);
            };
            match field.kind() {
                Kind::Tick => yes_no(field.ticked(application)),
                Kind::Date => date(vec![Msg::Advance]),
                Kind::Text => {
                    let mut msgs = Vec::new();
                    if !line.is_empty() {
                        msgs.push(Msg::Replace(line.to_string()));
                    }
                    msgs.push(Msg::Advance);
                    Reply::Send(msgs)
                }
                Kind::Choice => {
                    let current = Interview::ALL
                        .iter()
                        .position(|i| *i == application.submission.interview);
                    match choice(line, current, Interview::ALL.len()) {
                        Some(option) => Reply::Send(vec![Msg::Choose(option), Msg::Advance]),
                        None => invalid_choice(app, Interview::ALL.len()),
                    }
                }
            }
        }
    }
}

/// The route Enter keeps: the one the typed citizenship suggests, else the one chosen before.
fn route_kept(app: &App) -> Option<usize> {
    let suggested = Some(app.country.trim())
        .filter(|c| !c.is_empty())
        .and_then(|c| crate::countries::lookup(&app.content, c).route());
    suggested.or(app.application.route).map(Route::index)
}

/// The option (from 0) a typed number from 1 to `count` picks; Enter keeps `current`.
fn choice(line: &str, current: Option<usize>, count: usize) -> Option<usize> {
    if line.is_empty() {
        return current;
    }
    line.parse::<usize>()
        .ok()
        .filter(|n| (1..=count).contains(n))
        .map(|n| n - 1)
}

fn invalid_choice(app: &App, count: usize) -> Reply {
    let choices: Vec<String> = (1..=count).map(|n| n.to_string()).collect();
    Reply::Invalid(fill(
        &app.content.ui.plain.invalid_choice,
        &[("choices", &choices.join(", "))],
    ))
}

/// Whether a typed line asks to stop, at any prompt.
pub fn is_quit(content: &Content, line: &str) -> bool {
    let word = line.trim().to_lowercase();
    is_word(&word, &QUIT_WORDS, &content.ui.plain.words.quit)
}

/// "y", "yes", or the language's own word for yes (and its first letter); the same for no.
fn yes_or_no(app: &App, answer: &str) -> Option<bool> {
    let ui = &app.content.ui;
    let mut letters = answer.chars();
    if let (Some(letter), None) = (letters.next(), letters.next()) {
        return app.content.answer_keys().answer(letter);
    }
    if ["yes", ui.yes.to_lowercase().as_str()].contains(&answer) {
        Some(true)
    } else if ["no", ui.no.to_lowercase().as_str()].contains(&answer) {
        Some(false)
    } else {
        None
    }
}
