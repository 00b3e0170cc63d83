//! The commands that print and end: list, export, check, faq, completions, man.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::CommandFactory;

use kzvisa::content::{Content, fill};
use kzvisa::present::safe::shown;
use kzvisa::report;
use kzvisa::store::Store;

use super::cli::{Cli, ExportFormat, ListFormat};
use super::session::{self, now};

pub fn list(content: &Content, store: &Store, format: ListFormat) -> Result<ExitCode, String> {
    let listings = store.list();
    let text = match format {
        ListFormat::Table if listings.is_empty() => {
            let folder = shown(&store.dir().display().to_string()).into_owned();
            fill(&content.ui.commands.no_applications, &[("folder", &folder)]) + "\n"
        }
        ListFormat::Table => report::list_table(content, &listings),
        ListFormat::Yaml => {
            serde_yaml::to_string(&report::listed(content, &listings)).map_err(|e| e.to_string())?
        }
    };
    print(&text)
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
    match output {
        None => print(&text),
        Some(path) => {
            write_whole(path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

pub fn check(
    content: &Content,
    store: &Store,
    file: Option<&Path>,
    name: Option<&str>,
    strict: bool,
) -> Result<ExitCode, String> {
    let record = session::record(store, content, file, name)?;
    let check = report::check(content, &record.application);
    print(&report::check_text(content, &record.name, &check))?;
    let blocked = !check.blockers.is_empty() || (strict && !check.to_do.is_empty());
    Ok(if blocked {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
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
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "kzvisa", &mut out);
    print(&String::from_utf8_lossy(&out))
}

pub fn man() -> Result<ExitCode, String> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(|e| e.to_string())?;
    print(&String::from_utf8_lossy(&out))
}

/// Standard output, where a closed pipe (`kzvisa faq | head`) is not an error worth a message.
fn print(text: &str) -> Result<ExitCode, String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e.to_string()),
    }
}

/// Writes the whole file or nothing: a temporary file beside it, renamed into place.
fn write_whole(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    temp.write_all(text.as_bytes())?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
