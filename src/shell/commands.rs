//! The commands that print and end: list, export, check, plan, dates, calendar, faq,
//! completions, man.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::CommandFactory;

use chrono::NaiveDate;
use kzvisa::content::{Content, fill, timing};
use kzvisa::error::Error;
use kzvisa::present::InWords;
use kzvisa::present::plan;
use kzvisa::present::safe::shown;
use kzvisa::report;
use kzvisa::store::{self, Store};
use kzvisa::wizard;

use super::cli::{Cli, ExportFormat, ListFormat, PlanFormat, RouteArg};
use super::session::{self, now};

/// `kzvisa list`. Its rows are kept in the folder's index for the day, so a large folder lists
/// without a record decoded; `built_in_texts` is false under `--content`, whose texts no key
/// can tell apart.
pub fn list(
    content: &Content,
    store: &Store,
    format: ListFormat,
    built_in_texts: bool,
) -> Result<ExitCode, String> {
    let today = now().date_naive();
    let key = report::list_key(content, today, built_in_texts);
    let rows = store
        .summaries(key.as_deref(), true, |path, record| {
            report::listed_row(content, path, &record, Some(today))
        })
        .map_err(|e| e.in_words(&content.ui.errors))?;
    let text = match format {
        ListFormat::Table if rows.is_empty() => {
            let folder = shown(&store.dir().display().to_string()).into_owned();
            fill(&content.ui.commands.no_applications, &[("folder", &folder)]) + "\n"
        }
        ListFormat::Table => report::list_table(content, &rows),
        ListFormat::Yaml => {
            serde_yaml::to_string(&report::listed(&rows)).map_err(|e| e.to_string())?
        }
    };
    let printed = print(&text);
    // The process ends next: freeing a thousand rows one by one would only keep the prompt
    // waiting.
    std::mem::forget((rows, text));
    printed
}

/// `list --names`: what a shell completes a NAME with. Each is one a line and nothing a terminal
/// obeys, and each finds its application again: a name with a control character in it (shown
/// otherwise) or one that two applications share goes as its file name. Unreadable files are
/// left out, and so is an error: completion has nowhere to say it.
pub fn names(store: &Store) -> Result<ExitCode, String> {
    let Ok(listings) = store.list_keeping_index() else {
        return Ok(ExitCode::SUCCESS);
    };
    let ready: Vec<(&Path, &str)> = listings
        .iter()
        .filter_map(|listing| match listing {
            kzvisa::store::Listing::Ready { path, record } => {
                Some((path.as_path(), record.name.trim()))
            }
            kzvisa::store::Listing::Broken { .. } => None,
        })
        .collect();
    // Printed as it is (no-break spaces would become plain ones), so that it is typed back
    // exactly.
    let plain = |text: &str| !text.is_empty() && shown(text) == text && !text.contains('\u{a0}');
    let mut out: Vec<String> = Vec::new();
    for (path, name) in &ready {
        let shared = ready.iter().filter(|(_, other)| other == name).count() > 1;
        let stem = path.file_stem().map(|s| s.to_string_lossy());
        let word = match stem {
            _ if plain(name) && !shared => name.to_string(),
            Some(stem) if plain(&stem) => stem.into_owned(),
            _ => continue,
        };
        if !out.contains(&word) {
            out.push(word);
        }
    }
    let mut text = out.join("\n");
    if !text.is_empty() {
        text.push('\n');
    }
    print(&text)
}

/// `kzvisa restore [NAME]`: without NAME, what the trash holds, the last deleted first; with it,
/// that application back in the folder (the last deleted of that name, if several are).
pub fn restore(content: &Content, store: &Store, name: Option<&str>) -> Result<ExitCode, String> {
    let text = &content.ui.commands;
    let words = |e: Error| e.in_words(&content.ui.errors);
    let folder = shown(&store.trash_dir().display().to_string()).into_owned();
    let trashed = store.trashed().map_err(words)?;
    let Some(name) = name else {
        if trashed.is_empty() {
            return print(&(fill(&text.trash_empty, &[("folder", &folder)]) + "\n"));
        }
        let rows = report::rows_of(content, &trashed, Some(now().date_naive()));
        let table = report::list_table(content, &rows);
        let heading = fill(&text.trash_heading, &[("folder", &folder)]);
        return print(&format!("{heading}\n{table}{}\n", text.restore_hint));
    };
    let Some((path, _)) = store::find(&trashed, name).first().copied() else {
        return Err(fill(
            &text.not_in_trash,
            &[("name", &shown(name)), ("folder", &folder)],
        ));
    };
    let restored = store.restore(path).map_err(words)?;
    let file = shown(&restored.path.display().to_string()).into_owned();
    let said = fill(
        &text.restored,
        &[("name", &shown(&restored.name)), ("file", &file)],
    );
    print(&(said + "\n"))
}

pub fn export(
    content: &Content,
    store: &Store,
    file: Option<&Path>,
    name: Option<&str>,
    format: ExportFormat,
    output: Option<&Path>,
) -> Result<ExitCode, String> {
    let record = session::record(store, content, file, name)?;
    let blocks = report::checklist(
        content,
        &record.name,
        &record.application,
        now().date_naive(),
    );
    let text = match format {
        ExportFormat::Markdown => report::markdown(&blocks),
        ExportFormat::Text => report::text(&blocks, Some(report::PRINT_WIDTH)),
    };
    write_output(content, store, output, &text)
}

/// Standard output, or the file `-o` names if it may be written (see [`refusal`]): the rule
/// of `export -o`, for every command that writes a file.
fn write_output(
    content: &Content,
    store: &Store,
    output: Option<&Path>,
    text: &str,
) -> Result<ExitCode, String> {
    match output {
        // `-o -` is standard output, as for most tools that take a file.
        None => print(text),
        Some(path) if path == Path::new("-") => print(text),
        Some(path) => {
            let words = |e| Error::io(path, e).in_words(&content.ui.errors);
            if let Some(refusal) = refusal(path, store.dir()).map_err(words)? {
                let file = shown(&path.display().to_string()).into_owned();
                let export = &content.ui.export;
                let template = match refusal {
                    Refusal::NotAFile => &export.refuse_not_a_file,
                    Refusal::Folder => &export.refuse_folder,
                    Refusal::Link => &export.refuse_link,
                    Refusal::Application => &export.refuse_application,
                };
                return Err(fill(template, &[("file", &file)]));
            }
            write_whole(path, text).map_err(words)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

pub fn check(
    content: &Content,
    store: &Store,
    file: Option<&Path>,
    name: Option<&str>,
    due: Option<u32>,
) -> Result<ExitCode, String> {
    let record = session::record(store, content, file, name)?;
    let today = now().date_naive();
    let check = report::check(content, &record.application, Some(today));
    let mut text = report::check_text(content, &record.name, &check);
    let Some(days) = due else {
        print(&text)?;
        return Ok(if check.ready() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    };
    // With --due, the status is about the deadlines alone, for cron and timers.
    let plan = wizard::plan::plan(&record.application, timing());
    let due = wizard::plan::due_within(&plan, today, i64::from(days));
    let ui = &content.ui.plan;
    let days = days.to_string();
    if due.is_empty() {
        let name = shown(&record.name);
        text.push_str(&fill(&ui.nothing_due, &[("days", &days), ("name", &name)]));
        text.push('\n');
    } else {
        text.push_str(&fill(&ui.due_within, &[("days", &days)]));
        text.push('\n');
        for action in &due {
            text.push_str(&format!(
                "  → {}\n",
                plan::line(content, action, Some(today))
            ));
        }
    }
    print(&text)?;
    Ok(if due.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

pub fn plan(
    content: &Content,
    store: &Store,
    file: Option<&Path>,
    name: Option<&str>,
    format: PlanFormat,
) -> Result<ExitCode, String> {
    let record = session::record(store, content, file, name)?;
    let today = now().date_naive();
    let dated = wizard::plan::plan(&record.application, timing());
    let text = match format {
        PlanFormat::Text => report::plan_text(content, &record.name, &dated, today),
        PlanFormat::Markdown => report::plan_markdown(content, &record.name, &dated, today),
        PlanFormat::Yaml => {
            serde_yaml::to_string(&plan::listed(content, &record.name, &dated, today))
                .map_err(|e| e.to_string())?
        }
    };
    print(&text)
}

/// The deadlines after an entry; no application needed.
pub fn dates(content: &Content, entry: NaiveDate, route: RouteArg) -> Result<ExitCode, String> {
    let today = now().date_naive();
    let ui = &content.ui.plan;
    let mut text = fill(&ui.after_entry, &[("date", &content.date(entry))]) + "\n";
    for action in wizard::plan::after_entry(entry, route.route(), timing()) {
        text.push_str(&format!(
            "  → {}\n",
            plan::line(content, &action, Some(today))
        ));
    }
    text.push_str(&format!("  → {}\n", ui.address_change));
    print(&text)
}

pub fn calendar(
    content: &Content,
    store: &Store,
    file: Option<&Path>,
    name: Option<&str>,
    output: Option<&Path>,
) -> Result<ExitCode, String> {
    let record = session::record(store, content, file, name)?;
    let dated = wizard::plan::plan(&record.application, timing());
    let text = plan::icalendar(
        content,
        &record.name,
        record.created,
        record.updated,
        &dated,
    );
    write_output(content, store, output, &text)
}

pub fn notes(content: &Content, format: ListFormat) -> Result<ExitCode, String> {
    let text = match format {
        ListFormat::Table => {
            let notes: Vec<&kzvisa::content::Note> = content.notes.iter().collect();
            report::notes_text(content, &notes)
        }
        ListFormat::Yaml => serde_yaml::to_string(&content.notes).map_err(|e| e.to_string())?,
    };
    print(&text)
}

/// What the sources say of a country's citizens; status 1 when they say nothing of it.
pub fn route(content: &Content, country: &[String]) -> Result<ExitCode, String> {
    let query = country.join(" ");
    let found = kzvisa::countries::lookup(content, &query);
    let text = kzvisa::countries::answer_text(content, &query, &found);
    match found {
        kzvisa::countries::Lookup::Known { .. } => print(&format!("{text}\n")),
        _ => {
            print(&format!("{text}\n"))?;
            Ok(ExitCode::from(1))
        }
    }
}

/// Like grep: status 1 when nothing matches, so a script can tell.
pub fn faq(content: &Content, query: &[String]) -> Result<ExitCode, String> {
    let query = query.join(" ");
    match report::faq_text(content, &query) {
        Some(text) => print(&text),
        None => {
            let message = fill(
                &content.ui.commands.faq_no_match,
                &[("query", &shown(&query))],
            );
            eprintln!("kzvisa: {message}");
            Ok(ExitCode::from(1))
        }
    }
}

pub fn completions(shell: clap_complete::Shell) -> Result<ExitCode, String> {
    print(&super::completion::script(shell, Cli::command()))
}

pub fn man() -> Result<ExitCode, String> {
    let page = super::manual::page(Cli::command()).map_err(|e| e.to_string())?;
    print(&page)
}

/// Standard output, where a closed pipe (`kzvisa faq | head`) is not an error worth a message.
fn print(text: &str) -> Result<ExitCode, String> {
    let mut out = std::io::stdout().lock();
    let text = kzvisa::present::plain_spaces(text);
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e.to_string()),
    }
}

/// Why an export is not written over what is there: only a new file, or a regular file that is
/// not an application, is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    /// A device, a FIFO or a socket: renaming over it would replace the node, and writing into
    /// it is not what `-o FILE` promises.
    NotAFile,
    Folder,
    /// Written through, it would change a file the person did not name; replaced, the link is lost.
    Link,
    /// A saved application: an export over it loses the answers.
    Application,
}

/// An application file kzvisa writes is a few kilobytes: one larger than this is not one, and is
/// not read whole to find out.
const LARGEST_APPLICATION: u64 = 1 << 20;

/// Why what is at `path` must not be replaced, if it must not; links are not followed. An application is known by where it is (a `.yaml`
/// file in the applications folder: even a damaged one is someone's answers) or by what it
/// holds (anywhere, under any name: `--file` opens applications wherever they are).
fn refusal(path: &Path, applications: &Path) -> std::io::Result<Option<Refusal>> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let kind = meta.file_type();
    let in_applications = || {
        path.extension().is_some_and(|e| e == "yaml") && same_folder(path.parent(), applications)
    };
    Ok(if kind.is_symlink() {
        Some(Refusal::Link)
    } else if kind.is_dir() {
        Some(Refusal::Folder)
    } else if !kind.is_file() {
        Some(Refusal::NotAFile)
    } else if in_applications() || holds_application(path, meta.len()) {
        Some(Refusal::Application)
    } else {
        None
    })
}

/// Whether `parent` (of a path given on the command line) is the folder `dir`, however each is
/// spelt.
fn same_folder(parent: Option<&Path>, dir: &Path) -> bool {
    let parent = parent
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match (std::fs::canonicalize(parent), std::fs::canonicalize(dir)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Whether the file reads as a kzvisa application, of this version or a newer one.
fn holds_application(path: &Path, len: u64) -> bool {
    if len > LARGEST_APPLICATION {
        return false;
    }
    let Ok(text) = std::fs::read_to_string(path) else {
        return false;
    };
    matches!(
        kzvisa::store::parse(path, &text),
        Ok(_) | Err(Error::Newer { .. })
    )
}

/// Writes the whole file or nothing: a temporary file created beside it (never through a link:
/// it is created new), renamed into place. A new file stays new: if one appeared meanwhile, it
/// is not replaced.
fn write_whole(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".kzvisa-export-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(kzvisa::present::plain_spaces(text).as_bytes())?;
    temp.as_file().sync_all()?;
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            temp.persist_noclobber(path).map_err(|e| e.error)?;
        }
        // Checked just before: still a plain file, so renaming over it replaces only the file.
        Ok(meta) if meta.file_type().is_file() => {
            temp.persist(path).map_err(|e| e.error)?;
        }
        Ok(_) => return Err(std::io::ErrorKind::AlreadyExists.into()),
        Err(e) => return Err(e),
    }
    Ok(())
}
