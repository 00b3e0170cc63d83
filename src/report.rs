//! What the commands print: the checklist to export, the check, the list of applications and the
//! FAQ. Built as plain blocks first, then written as Markdown or as text, so both formats always
//! say the same.

use chrono::NaiveDate;
use serde::Serialize;

use crate::content::{Confidence, Content, Note, Source, fill};
use crate::present::safe::shown;
use crate::present::{InWords, columns};
use crate::store::{Listing, Summary};
use crate::wizard::dates::PassportCheck;
use crate::wizard::review::{self, Action, Mark, ReviewRow};
use crate::wizard::{Application, Interview, Step, flow, form};

/// A piece of a printed document, independent of its format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Title(String),
    Heading(String),
    Paragraph(String),
    /// Set apart from the rest: the disclaimer.
    Notice(String),
    Bullets(Vec<String>),
    Numbered(Vec<String>),
    Checklist(Vec<Item>),
    /// A numbered list of sources, each web address kept apart from the words around it so that
    /// Markdown can make it a link.
    Sources(Vec<Cited>),
}

/// A source as a line: the words before its web address, the address, the words after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    pub before: String,
    pub url: String,
    pub after: String,
}

impl Cited {
    pub fn line(&self) -> String {
        format!("{}{}{}", self.before, self.url, self.after)
    }
}

/// A checklist line, with the points it is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub done: bool,
    pub text: String,
    pub points: Vec<Item>,
}

/// The printable checklist of one application: every answer, what blocks and what comes next.
pub fn checklist(content: &Content, name: &str, app: &Application, today: NaiveDate) -> Vec<Block> {
    let ui = &content.ui;
    let checked = fill(
        &ui.notes.checked_content,
        &[("date", &content.date(content.guide.checked))],
    );
    let mut blocks = vec![
        Block::Title(fill(&ui.export.title, &[("name", &shown(name))])),
        Block::Paragraph(format!(
            "{} {checked}.",
            fill(&ui.export.generated, &[("date", &content.date(today))])
        )),
        Block::Notice(content.guide.disclaimer.clone()),
        Block::Paragraph(ui.language.reference.clone()),
    ];
    blocks.extend(review(content, app, Some(today)));
    blocks.extend(notes_blocks(content, &applicable_notes(content, app)));
    blocks
}

/// The notes that concern this application: every note except those of routes not taken.
pub fn applicable_notes<'a>(content: &'a Content, app: &Application) -> Vec<&'a Note> {
    content
        .notes
        .iter()
        .filter(|note| Content::note_on_route(note, app.route.map(|r| r.id())))
        .collect()
}

/// The notes as a list, each pointing by number at its sources, listed after them. A source is
/// listed once, however many notes cite it: the date checked and the confidence are the note's,
/// so they stay with the note.
fn notes_blocks(content: &Content, notes: &[&Note]) -> Vec<Block> {
    let ui = &content.ui.notes;
    let mut sources: Vec<&Source> = Vec::new();
    let mut lines = Vec::new();
    for note in notes {
        let mut numbers: Vec<usize> = Vec::new();
        for source in &note.sources {
            let number = match sources.iter().position(|s| s.url == source.url) {
                Some(at) => at + 1,
                None => {
                    sources.push(source);
                    sources.len()
                }
            };
            if !numbers.contains(&number) {
                numbers.push(number);
            }
        }
        let refs: String = numbers.iter().map(|n| format!("[{n}]")).collect();
        let subject = content
            .note_subject(&note.at)
            .map(|s| format!("{s}: "))
            .unwrap_or_default();
        lines.push(format!(
            "{subject}{} {refs} {}",
            note.text.trim(),
            checked_text(content, note)
        ));
    }
    if lines.is_empty() {
        return vec![];
    }
    vec![
        Block::Heading(ui.title.clone()),
        Block::Paragraph(ui.intro.clone()),
        Block::Bullets(lines),
        Block::Heading(ui.sources.clone()),
        Block::Sources(sources.iter().map(|s| cited(content, s)).collect()),
    ]
}

/// "Source: title, url (date)".
pub fn source_line(content: &Content, source: &Source) -> String {
    cited(content, source).line()
}

/// [`source_line`] in its three parts.
pub fn cited(content: &Content, source: &Source) -> Cited {
    let ui = &content.ui.notes;
    let date = if source.date == "undated" {
        ui.undated.as_str()
    } else {
        source.date.as_str()
    };
    // Each side filled on its own, so a title that happens to contain "{url}" stays a title.
    let fill_side = |side: &str| fill(side, &[("title", &source.title), ("date", date)]);
    let (before, after) = ui.source.split_once("{url}").map_or_else(
        || (fill_side(&ui.source), String::new()),
        |(b, a)| (fill_side(b), fill_side(a)),
    );
    Cited {
        before,
        url: source.url.clone(),
        after,
    }
}

/// "Checked on 25 November 2026. Confidence: high."
pub fn checked_text(content: &Content, note: &Note) -> String {
    let ui = &content.ui.notes;
    let confidence = match note.confidence {
        Confidence::High => &ui.high,
        Confidence::Medium => &ui.medium,
        Confidence::Low => &ui.low,
    };
    fill(
        &ui.checked,
        &[
            ("date", &content.date(note.checked)),
            ("confidence", confidence),
        ],
    )
}

/// Notes as text for a person: what each is about, what it says, its sources and when they
/// were checked.
pub fn notes_text(content: &Content, notes: &[&Note]) -> String {
    let mut out = String::new();
    for note in notes {
        if let Some(subject) = content.note_subject(&note.at) {
            out.push_str(&format!("{subject}\n"));
        }
        out.push_str(&format!("{}\n", note.text.trim()));
        for source in &note.sources {
            out.push_str(&format!("  {}\n", source_line(content, source)));
        }
        out.push_str(&format!("  {}\n\n", checked_text(content, note)));
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// The review in blocks: what blocks, what comes next, then every answer, step by step of the
/// application's route (as [`review::rows`] has them).
pub fn review(content: &Content, app: &Application, today: Option<NaiveDate>) -> Vec<Block> {
    let guide = &content.guide;
    let ui = &content.ui;
    let mut blocks = vec![Block::Heading(ui.review.blockers.clone())];
    let blockers = review::blockers(app, content, today);
    blocks.push(if blockers.is_empty() {
        Block::Paragraph(ui.review.no_blockers.clone())
    } else {
        Block::Bullets(blockers.iter().map(|b| b.text(content)).collect())
    });
    let confirm = review::to_confirm(app, content, today);
    if !confirm.is_empty() {
        blocks.push(Block::Heading(ui.review.to_confirm.clone()));
        blocks.push(Block::Bullets(
            confirm.iter().map(|c| c.text(content)).collect(),
        ));
    }
    blocks.push(Block::Heading(ui.review.next_actions.clone()));
    let next = review::next_actions(app, content, today);
    blocks.push(if next.is_empty() {
        Block::Paragraph(ui.review.all_done.clone())
    } else {
        Block::Numbered(next.iter().map(|a| a.text(content)).collect())
    });

    let item = |row: ReviewRow, points: Vec<Item>| {
        let (mark, text) = row.describe(app, content, today);
        Item {
            done: mark == Mark::Done,
            text,
            points,
        }
    };
    for step in flow::steps(app) {
        match step {
            Step::Route => {
                blocks.push(Block::Heading(ui.route.title.clone()));
                blocks.push(Block::Checklist(vec![item(ReviewRow::Route, vec![])]));
            }
            Step::Eligibility => {
                blocks.push(Block::Heading(ui.review.eligibility.clone()));
                blocks.push(Block::Checklist(
                    (0..guide.eligibility.criteria.len())
                        .map(|i| item(ReviewRow::Criterion(i), vec![]))
                        .collect(),
                ));
            }
            Step::Employer => {
                blocks.push(Block::Heading(ui.employer.title.clone()));
                blocks.push(Block::Checklist(vec![
                    item(ReviewRow::Permit, vec![]),
                    item(ReviewRow::Invitation, vec![]),
                ]));
            }
            Step::Documents => {
                blocks.push(Block::Heading(crate::present::review::documents_heading(
                    app, content, today,
                )));
                blocks.push(Block::Checklist(
                    guide
                        .documents
                        .items
                        .iter()
                        .enumerate()
                        .map(|(d, document)| {
                            let points = document
                                .items
                                .iter()
                                .filter(|point| review::point_applies(app, point))
                                .map(|point| Item {
                                    done: app.covers(&document.id, &point.id),
                                    text: point.title.clone(),
                                    points: vec![],
                                })
                                .collect();
                            item(ReviewRow::Document(d), points)
                        })
                        .collect(),
                ));
            }
            Step::Passport => {
                blocks.push(Block::Heading(ui.review.passport.clone()));
                blocks.push(Block::Bullets(passport_lines(content, app, today)));
            }
            Step::Submission => {
                blocks.push(Block::Heading(ui.review.submission.clone()));
                blocks.push(Block::Checklist(vec![
                    item(ReviewRow::Form, vec![]),
                    item(ReviewRow::Fee, vec![]),
                    item(ReviewRow::Interview, vec![]),
                ]));
                if app.submission.interview == Interview::NotRequested {
                    blocks.push(Block::Paragraph(format!(
                        "{}: {}",
                        guide.submission.interview.title, ui.export.interview_none
                    )));
                }
            }
            Step::Dates => {
                blocks.push(Block::Heading(ui.steps.dates.clone()));
                blocks.push(Block::Checklist(
                    form::fields(Step::Dates, app)
                        .map(|field| item(ReviewRow::PlanDate(field), vec![]))
                        .collect(),
                ));
            }
            // Steps with no rows of their own.
            _ => {}
        }
    }
    let after_arrival = &content.steps.after_arrival;
    blocks.push(Block::Heading(after_arrival.title.clone()));
    blocks.push(Block::Paragraph(after_arrival.text.clone()));
    let notes = after_arrival_notes(content, app);
    if !notes.is_empty() {
        blocks.push(Block::Bullets(
            notes.iter().map(|n| n.text.trim().to_string()).collect(),
        ));
    }
    blocks
}

/// The notes of what follows arrival that concern the application's route.
pub fn after_arrival_notes<'a>(content: &'a Content, app: &Application) -> Vec<&'a Note> {
    let at = format!("step:{}", crate::content::AFTER_ARRIVAL);
    content
        .notes
        .iter()
        .filter(|note| note.at == at && Content::note_on_route(note, app.route.map(|r| r.id())))
        .collect()
}

/// The passport rule, both dates as entered and what follows from them.
fn passport_lines(content: &Content, app: &Application, today: Option<NaiveDate>) -> Vec<String> {
    let ui = &content.ui;
    let shown = |text: &str| {
        if text.trim().is_empty() {
            ui.export.not_entered.clone()
        } else {
            crate::present::typed_date(content, text)
        }
    };
    let passport = &app.passport;
    let mut lines = vec![
        ui.export.passport_rule.clone(),
        format!("{}: {}", ui.passport.expiry, shown(&passport.expiry)),
        format!(
            "{}: {}",
            ui.passport.end_of_stay,
            shown(&passport.end_of_stay)
        ),
    ];
    lines.extend(passport_outcome(content, app, today));
    lines
}

/// The date the passport must be valid to, when the rule gives one, and the verdict.
pub fn passport_outcome(
    content: &Content,
    app: &Application,
    today: Option<NaiveDate>,
) -> Vec<String> {
    let check = review::passport(app, today);
    let required = match check {
        PassportCheck::Passes { required } | PassportCheck::Fails { required, .. } => Some(fill(
            &content.ui.passport.valid_until,
            &[("date", &content.date(required))],
        )),
        _ => None,
    };
    let (_, verdict) = crate::present::review::passport_verdict(content, check);
    required.into_iter().chain([verdict]).collect()
}

/// What `check` finds: what blocks, and what is left to do besides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub blockers: Vec<String>,
    /// What no source confirms, to ask the employer: listed, but `check` does not fail on it.
    pub to_confirm: Vec<String>,
    pub to_do: Vec<String>,
}

impl Check {
    /// Ready: nothing blocks, and nothing the route asks for is left to do. What is only to
    /// confirm with the employer does not count: no source makes it a rule.
    pub fn ready(&self) -> bool {
        self.blockers.is_empty() && self.to_do.is_empty()
    }
}

pub fn check(content: &Content, app: &Application, today: Option<NaiveDate>) -> Check {
    let blockers = review::blockers(app, content, today);
    // The actions that only repeat the blockers as things to do are left out (wherever they
    // are: the employer's permit comes before them).
    let to_do = review::actions(app, content, today)
        .into_iter()
        .filter(|a| {
            !matches!(
                a,
                Action::ResolveCriterion(_)
                    | Action::RenewPassport { .. }
                    | Action::RenewExpiredPassport
            )
        })
        .map(|a| a.text(content))
        .collect();
    Check {
        blockers: blockers.iter().map(|b| b.text(content)).collect(),
        to_confirm: review::to_confirm(app, content, today)
            .iter()
            .map(|c| c.text(content))
            .collect(),
        to_do,
    }
}

pub fn check_text(content: &Content, name: &str, check: &Check) -> String {
    let ui = &content.ui.commands;
    let name = &*shown(name);
    let mut out = String::new();
    if check.blockers.is_empty() {
        out.push_str(&fill(&ui.nothing_blocks, &[("name", name)]));
        out.push('\n');
    } else {
        out.push_str(&fill(&ui.blocks, &[("name", name)]));
        out.push('\n');
        for blocker in &check.blockers {
            out.push_str(&format!("  ✗ {blocker}\n"));
        }
    }
    if !check.to_confirm.is_empty() {
        out.push_str(&ui.to_confirm);
        out.push('\n');
        for item in &check.to_confirm {
            out.push_str(&format!("  ? {item}\n"));
        }
    }
    if check.to_do.is_empty() && check.blockers.is_empty() {
        out.push_str(&fill(&ui.all_done, &[("name", name)]));
        out.push('\n');
    } else if !check.to_do.is_empty() {
        out.push_str(&ui.still_to_do);
        out.push('\n');
        for action in &check.to_do {
            out.push_str(&format!("  - {action}\n"));
        }
    }
    out
}

/// One saved application as `list --format yaml` gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum ListedApplication {
    Ready(Listed),
    Broken { file: String, error: String },
}

/// A readable application's row of `kzvisa list`, in either format. It is kept in the folder's
/// index for the day and the language it was made for (see [`list_key`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Listed {
    name: String,
    file: String,
    /// The step's id, stable across languages.
    step: String,
    step_number: usize,
    done: usize,
    total: usize,
    blockers: usize,
    updated: String,
}

/// What a [`Listed`] row depends on besides its file: the day (verdicts count from today), the
/// texts (a `--content` folder's are not known here, so they make none) and this very build.
pub fn list_key(content: &Content, today: NaiveDate, built_in_texts: bool) -> Option<String> {
    let build = std::env::current_exe()
        .and_then(std::fs::metadata)
        .ok()
        .map(|meta| (meta.len(), meta.modified().ok()))?;
    built_in_texts.then(|| format!("{today} {} {build:?}", content.lang.code()))
}

/// The row of one readable application.
pub fn listed_row(
    content: &Content,
    path: &std::path::Path,
    record: &crate::store::Record,
    today: Option<NaiveDate>,
) -> Listed {
    let app = &record.application;
    let (done, total) = review::progress(app, content, today);
    let step = app.place.step();
    // Shown before YAML quotes it: a script may print the value to a terminal.
    Listed {
        name: shown(&record.name).into_owned(),
        file: shown(&path.display().to_string()).into_owned(),
        step: step.id().to_string(),
        step_number: flow::position(step, app).0,
        done,
        total,
        blockers: review::blockers(app, content, today).len(),
        updated: record.updated.to_rfc3339(),
    }
}

/// The rows of listings already read (the trash's, say).
pub fn rows_of(
    content: &Content,
    listings: &[Listing],
    today: Option<NaiveDate>,
) -> Vec<Summary<Listed>> {
    listings
        .iter()
        .map(|listing| match listing {
            Listing::Ready { path, record } => Summary::Ready {
                path: path.clone(),
                row: listed_row(content, path, record, today),
            },
            Listing::Broken { path, error } => Summary::Broken {
                path: path.clone(),
                error: error.clone(),
            },
        })
        .collect()
}

pub fn listed(rows: &[Summary<Listed>]) -> Vec<ListedApplication> {
    rows.iter()
        .map(|row| match row {
            Summary::Ready { row, .. } => ListedApplication::Ready(row.clone()),
            // The parser's message can quote the file's own text.
            Summary::Broken { path, error } => ListedApplication::Broken {
                file: shown(&path.display().to_string()).into_owned(),
                error: shown(&error.to_string()).into_owned(),
            },
        })
        .collect()
}

/// The saved applications as a table, for people.
pub fn list_table(content: &Content, listed: &[Summary<Listed>]) -> String {
    let ui = &content.ui;
    use std::borrow::Cow;
    let mut rows: Vec<[Cow<str>; 5]> = vec![[
        Cow::Borrowed(&ui.start.name),
        Cow::Borrowed(&ui.start.step),
        Cow::Borrowed(&ui.start.progress),
        Cow::Borrowed(&ui.commands.blockers),
        Cow::Borrowed(&ui.start.updated),
    ]];
    let mut broken = Vec::new();
    for row in listed {
        match row {
            Summary::Ready { row, .. } => {
                let step = Step::ALL.into_iter().find(|step| step.id() == row.step);
                rows.push([
                    Cow::Borrowed(&row.name),
                    step.map_or(Cow::Borrowed(row.step.as_str()), |step| {
                        Cow::Borrowed(crate::present::step_name(content, step))
                    }),
                    Cow::Owned(format!("{}/{}", row.done, row.total)),
                    Cow::Owned(row.blockers.to_string()),
                    // RFC 3339 begins with the date and the time to the minute, as people read
                    // them once the T is a space: "2026-12-01 23:12".
                    row.updated
                        .get(..16)
                        .map_or(Cow::Borrowed(row.updated.as_str()), |start| {
                            Cow::Owned(start.replacen('T', " ", 1))
                        }),
                ]);
            }
            Summary::Broken { error, .. } => broken.push(fill(
                &ui.start.cannot_read,
                &[("error", &error.in_words(&ui.errors))],
            )),
        }
    }
    // Each cell's width measured once; the table written straight into one string.
    let cell_widths: Vec<[usize; 5]> = rows
        .iter()
        .map(|row| row.each_ref().map(|c| columns(c)))
        .collect();
    let widths: [usize; 5] =
        std::array::from_fn(|column| cell_widths.iter().map(|w| w[column]).max().unwrap_or(0));
    let mut out = String::with_capacity(rows.len() * (widths.iter().sum::<usize>() + 10));
    for (row, cell_widths) in rows.iter().zip(&cell_widths) {
        let line_start = out.len();
        for (column, cell) in row.iter().enumerate() {
            if column > 0 {
                out.push_str("  ");
            }
            out.push_str(cell);
            out.extend(std::iter::repeat_n(
                ' ',
                widths[column] - cell_widths[column],
            ));
        }
        let end = out[line_start..].trim_end().len() + line_start;
        out.truncate(end);
        out.push('\n');
    }
    for line in broken {
        out.push_str(&format!("✗ {line}\n"));
    }
    out
}

/// The FAQ entries that match `query` (all of them for an empty one), as text.
pub fn faq_text(content: &Content, query: &str) -> Option<String> {
    let matches = content.faq_search(query);
    if matches.is_empty() {
        return None;
    }
    let entries: Vec<String> = matches
        .iter()
        .map(|&i| {
            let entry = &content.faq[i];
            let mut text = format!("{}\n{}\n", entry.question, entry.answer);
            let at = format!("faq:{}", entry.id);
            for note in content.notes_at(&at) {
                let notes = notes_text(content, &[note]);
                // Its subject is the question just printed.
                let body = notes
                    .split_once('\n')
                    .map_or(notes.as_str(), |(_, rest)| rest);
                text.push_str(&format!("{}: {body}", content.ui.notes.title));
            }
            text
        })
        .collect();
    Some(entries.join("\n"))
}

/// The blocks as CommonMark with task lists (GitHub's flavour).
pub fn markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Title(text) => out.push_str(&format!("# {}\n", escape(text))),
            Block::Heading(text) => out.push_str(&format!("## {}\n", escape(text))),
            Block::Paragraph(text) => out.push_str(&format!("{}\n", escape(text))),
            Block::Notice(text) => out.push_str(&format!("> {}\n", escape(text))),
            Block::Bullets(lines) => {
                for line in lines {
                    out.push_str(&format!("- {}\n", escape(line)));
                }
            }
            Block::Numbered(lines) => {
                for (i, line) in lines.iter().enumerate() {
                    out.push_str(&format!("{}. {}\n", i + 1, escape(line)));
                }
            }
            Block::Checklist(items) => {
                for item in items {
                    markdown_item(&mut out, item, 0);
                }
            }
            Block::Sources(sources) => {
                for (i, source) in sources.iter().enumerate() {
                    out.push_str(&format!(
                        "{}. {}{}{}\n",
                        i + 1,
                        escape(&source.before),
                        markdown_link(&source.url),
                        escape_inline(&source.after)
                    ));
                }
            }
        }
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// A web address as an autolink, `<https://…>`, which renders whole: inside the angle brackets
/// nothing is an escape, so an `_` or an `&` is not cut off as it is in a bare address. The few
/// characters an autolink cannot hold (spaces, `<`, `>`, controls) and the bidi controls are
/// percent-encoded, as a
/// browser would send them. What is not an absolute address stays escaped text.
fn markdown_link(url: &str) -> String {
    // CommonMark's scheme: a letter, then 1 to 31 letters, digits, `+`, `.` or `-`, then `:`.
    let is_scheme = |scheme: &str| {
        (2..=32).contains(&scheme.len())
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
    };
    if !url
        .split_once(':')
        .is_some_and(|(scheme, _)| is_scheme(scheme))
    {
        return escape_inline(url);
    }
    let mut out = String::from("<");
    for c in url.chars() {
        let mut bytes = [0; 4];
        let text = c.encode_utf8(&mut bytes);
        // What `shown` would change (controls, bidi overrides) must not reach a terminal either.
        if c == ' ' || c == '<' || c == '>' || shown(text) != *text {
            for byte in text.bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out.push('>');
    out
}

fn markdown_item(out: &mut String, item: &Item, depth: usize) {
    let tick = if item.done { 'x' } else { ' ' };
    out.push_str(&format!(
        "{}- [{tick}] {}\n",
        "  ".repeat(depth),
        escape(&item.text)
    ));
    for point in &item.points {
        markdown_item(out, point, depth + 1);
    }
}

/// Text that Markdown shows as written, at the start of a line: names and amounts are typed by
/// people, and a `*` or a `<` in them must not become emphasis or HTML, nor a `1.` a list.
fn escape(text: &str) -> String {
    let mut out = escape_inline(text);
    // What would start a list or a heading at the beginning of a line stays text.
    let starts_block = out.starts_with(['-', '+', '='])
        || out.split_once(['.', ')']).is_some_and(|(number, _)| {
            !number.is_empty() && number.chars().all(|c| c.is_ascii_digit())
        });
    if starts_block {
        let at = out.find(['-', '+', '=', '.', ')']).unwrap_or(0);
        out.insert(at, '\\');
    }
    out
}

/// [`escape`] for text in the middle of a line.
fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    // Markdown is read in a terminal too (`cat`, `less`): the other controls are shown.
    shown(&out).into_owned()
}

/// Columns of printed text.
pub const PRINT_WIDTH: usize = 78;

/// The blocks as plain text to print, wrapped to `width` columns, or to be read aloud for `None`:
/// one line per paragraph (a screen reader reads a wrapped line as two) and headings without
/// their underlines (it would read every dash).
///
/// Lines break only at plain spaces, never inside a word: a web address or a date
/// (`2017-03-12`, or written out with no-break spaces) stays whole to be copied or searched, and
/// one longer than the width stands on a line of its own.
pub fn text(blocks: &[Block], width: Option<usize>) -> String {
    let wrap = |text: &str, first: &str, rest: &str| {
        let mut out = match width {
            Some(width) => {
                let options = textwrap::Options::new(width)
                    .initial_indent(first)
                    .subsequent_indent(rest)
                    .word_separator(textwrap::WordSeparator::AsciiSpace)
                    .word_splitter(textwrap::WordSplitter::NoHyphenation)
                    .break_words(false);
                textwrap::fill(text, options)
            }
            None => format!("{first}{text}"),
        };
        out.push('\n');
        out
    };
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Title(text) | Block::Heading(text) if width.is_none() => {
                out.push_str(&format!("{text}\n"));
            }
            Block::Title(text) | Block::Heading(text) => {
                let underline = if matches!(block, Block::Title(_)) {
                    "="
                } else {
                    "-"
                };
                out.push_str(&format!(
                    "{text}\n{}\n",
                    underline.repeat(columns(text).min(width.unwrap_or(usize::MAX)))
                ));
            }
            Block::Paragraph(text) => out.push_str(&wrap(text, "", "")),
            Block::Notice(text) => out.push_str(&wrap(text, "| ", "| ")),
            Block::Bullets(lines) => {
                for line in lines {
                    out.push_str(&wrap(line, "- ", "  "));
                }
            }
            Block::Numbered(lines) => {
                for (i, line) in lines.iter().enumerate() {
                    out.push_str(&wrap(line, &format!("{}. ", i + 1), "   "));
                }
            }
            Block::Checklist(items) => {
                for item in items {
                    text_item(&mut out, item, 0, &wrap);
                }
            }
            Block::Sources(sources) => {
                for (i, source) in sources.iter().enumerate() {
                    out.push_str(&wrap(&source.line(), &format!("{}. ", i + 1), "   "));
                }
            }
        }
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn text_item(
    out: &mut String,
    item: &Item,
    depth: usize,
    wrap: &impl Fn(&str, &str, &str) -> String,
) {
    let indent = "    ".repeat(depth);
    let tick = if item.done { "[x] " } else { "[ ] " };
    out.push_str(&wrap(
        &item.text,
        &format!("{indent}{tick}"),
        &format!("{indent}    "),
    ));
    for point in &item.points {
        text_item(out, point, depth + 1, wrap);
    }
}

/// The plan as a document: its heading, what it is, then each action.
pub fn plan_blocks(
    content: &Content,
    name: &str,
    plan: &[crate::wizard::plan::Dated],
    today: NaiveDate,
) -> Vec<Block> {
    let ui = &content.ui.plan;
    let mut blocks = vec![
        Block::Title(fill(&ui.heading, &[("name", &shown(name))])),
        Block::Paragraph(ui.intro.clone()),
    ];
    blocks.push(if plan.is_empty() {
        Block::Paragraph(ui.empty.clone())
    } else {
        Block::Bullets(
            plan.iter()
                .map(|a| crate::present::plan::line(content, a, Some(today)))
                .collect(),
        )
    });
    blocks
}

pub fn plan_text(
    content: &Content,
    name: &str,
    plan: &[crate::wizard::plan::Dated],
    today: NaiveDate,
) -> String {
    text(&plan_blocks(content, name, plan, today), Some(PRINT_WIDTH))
}

pub fn plan_markdown(
    content: &Content,
    name: &str,
    plan: &[crate::wizard::plan::Dated],
    today: NaiveDate,
) -> String {
    markdown(&plan_blocks(content, name, plan, today))
}
