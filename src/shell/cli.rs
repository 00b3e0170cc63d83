//! The command line, in one definition that also gives the completions and the man page.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// The examples of `--help` and of the manual page: a command line and what it does.
pub const EXAMPLES: &[(&str, &str)] = &[
    ("kzvisa", "Open the wizard: your applications, or a new one"),
    (
        "kzvisa new \"Aigerim\"",
        "Start an application for a family member",
    ),
    ("kzvisa resume", "Continue the application changed last"),
    (
        "kzvisa list --format yaml",
        "Saved applications, for a script",
    ),
    (
        "kzvisa restore \"Aigerim\"",
        "Bring a deleted application back from the trash",
    ),
    (
        "kzvisa export -o checklist.md",
        "A checklist to print or send to your employer",
    ),
    (
        "kzvisa check && echo ready",
        "Exit status 0 when nothing blocks, 1 when something does",
    ),
    ("kzvisa plan", "Who does what by when, from your dates"),
    (
        "kzvisa check --due 7",
        "What falls due within 7 days; exit status 1 if anything does",
    ),
    (
        "kzvisa dates --entry 2026-03-20",
        "The deadlines after entering Kazakhstan on that day",
    ),
    (
        "kzvisa calendar -o visa.ics",
        "Every dated action for your calendar program",
    ),
    (
        "kzvisa faq family",
        "The FAQ entries about bringing your family",
    ),
    (
        "kzvisa route Türkiye",
        "What the sources say of citizens of a country",
    ),
    (
        "kzvisa --plain < answers.txt",
        "Answer from a file, one answer per line",
    ),
];

/// The examples in two columns, after `--help`.
fn examples_help() -> String {
    let width = EXAMPLES
        .iter()
        .map(|(line, _)| line.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::from("Examples:");
    for (line, what) in EXAMPLES {
        let pad = width - line.chars().count();
        out.push_str(&format!("\n  {line}{} {what}", " ".repeat(pad)));
    }
    out
}

/// A guide through the work visa application for Kazakhstan, step by step. Progress is saved at
/// every change; start it again to resume. This is guidance, not legal advice.
/// `Default` is what clap makes of no arguments at all.
#[derive(Debug, Default, Parser)]
#[command(
    name = "kzvisa",
    version,
    about,
    subcommand_value_name = "COMMAND",
    after_help = examples_help()
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Keep applications in this folder instead of the user's data folder.
    #[arg(long, value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// Work on this one application file, anywhere (a synced folder, say).
    #[arg(long, value_name = "PATH", global = true, conflicts_with = "data_dir")]
    pub file: Option<PathBuf>,
    /// Speak this language: en (English), ru (Russian) or kk (Kazakh). Otherwise the one chosen
    /// last with the l key, then LC_ALL, LC_MESSAGES or LANG, then English.
    #[arg(long, value_name = "LANG", global = true, value_parser = ["en", "ru", "kk"])]
    pub lang: Option<String>,
    /// Read the texts from this folder (en/guide.yaml, ru/ui.yaml, ...) instead of the built-in
    /// ones.
    #[arg(long, value_name = "DIR", global = true)]
    pub content: Option<PathBuf>,
    /// Ask line by line instead of drawing the screen (for screen readers, slow links, answers
    /// piped in); the default when input or output is not a terminal.
    #[arg(long, global = true)]
    pub plain: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a new application and open it in the wizard.
    New {
        /// Whose application it is; "My application" when not given.
        name: Option<String>,
    },
    /// Open a saved application in the wizard, where it was left.
    Resume {
        /// Its name (or file name); the one changed last when not given.
        name: Option<String>,
    },
    /// Bring a deleted application back from the trash, with its backup; without NAME, list
    /// what the trash holds, the last deleted first.
    ///
    /// It never overwrites anything: it goes back under its old file name if that is free, else
    /// a new one; while an application of the same name is in the folder it stays in the trash.
    Restore {
        /// Its name (or file name); the last deleted of that name if several are.
        name: Option<String>,
    },
    /// List the saved applications: step, progress, blockers, last change.
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        /// Print only the names, one a line, for shell completion: a name that is not plain text
        /// (a control character in it) or that two applications share, as its file name instead.
        #[arg(long, conflicts_with = "format")]
        names: bool,
    },
    /// Print a checklist of an application: every answer, what blocks, what to do next.
    Export {
        /// Its name (or file name); the one changed last when not given.
        name: Option<String>,
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
        /// Write it to this file instead of standard output (`-`): a new file, or over a plain
        /// one; never over an application, a link, a folder or a device.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print what blocks an application and what is left to do on its route.
    ///
    /// Exit status: 0 when it is ready (nothing blocks and nothing its route asks for is left
    /// to do), 1 when it is not, 2 on an error; so `kzvisa check && echo ready` tells.
    ///
    /// With --due DAYS it also lists the dated actions that are late or fall due within DAYS
    /// days, and the exit status is about those alone: 1 when anything is due or late, 0 when
    /// nothing is (for cron or a systemd timer).
    Check {
        /// Its name (or file name); the one changed last when not given.
        name: Option<String>,
        /// Also list what falls due within DAYS days (and what is late).
        #[arg(long, value_name = "DAYS")]
        due: Option<u32>,
    },
    /// Print the dated plan of an application: who does what by when, counted from "Your
    /// dates" on Kazakhstan's calendar of working days. Estimates are marked as such.
    Plan {
        /// Its name (or file name); the one changed last when not given.
        name: Option<String>,
        #[arg(long, value_enum, default_value_t = PlanFormat::Text)]
        format: PlanFormat,
    },
    /// Print the deadlines after an entry into Kazakhstan: the host's notification, the online
    /// registration, a change of address.
    Dates {
        /// The day of entry, YYYY-MM-DD or DD.MM.YYYY.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = entry_date)]
        entry: chrono::NaiveDate,
        #[arg(long, value_enum, default_value_t = RouteArg::WorkVisa)]
        route: RouteArg,
    },
    /// Write an iCalendar file (.ics) of every dated action not done: all-day events, each with
    /// a reminder two days before.
    Calendar {
        /// Its name (or file name); the one changed last when not given.
        name: Option<String>,
        /// Write it to this file instead of standard output (`-`): a new file, or over a plain
        /// one; never over an application, a link, a folder or a device.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print the frequently asked questions, or those that contain QUERY.
    Faq {
        /// Words to look for, ignoring case.
        query: Vec<String>,
    },
    /// Print what the sources say of the citizens of a country: the route it suggests, the days
    /// without a visa, the sources and their dates.
    ///
    /// COUNTRY in English, Russian or Kazakh, or its ISO code. Exit status: 0 when the sources
    /// say something of it, 1 when they do not (answer the route question in the wizard).
    Route {
        #[arg(required = true)]
        country: Vec<String>,
    },
    /// Print every "Good to know" note with its sources, to check them yourself.
    Notes {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Print the completion script for a shell.
    ///
    /// For example: kzvisa completions bash > ~/.local/share/bash-completion/completions/kzvisa
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    ///
    /// For example: kzvisa man > kzvisa.1 && man ./kzvisa.1
    Man,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Yaml,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    Text,
    Markdown,
    Yaml,
}

/// The route, as `Route::id` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RouteArg {
    Eaeu,
    #[value(name = "visa_free")]
    VisaFree,
    #[value(name = "work_visa")]
    WorkVisa,
}

impl RouteArg {
    pub fn route(self) -> kzvisa::wizard::Route {
        use kzvisa::wizard::Route;
        match self {
            RouteArg::Eaeu => Route::Eaeu,
            RouteArg::VisaFree => Route::VisaFree,
            RouteArg::WorkVisa => Route::WorkVisa,
        }
    }
}

/// A date as the wizard takes it.
fn entry_date(text: &str) -> Result<chrono::NaiveDate, String> {
    kzvisa::wizard::dates::parse(text)
        .ok_or_else(|| format!("not a date: {text:?} (YYYY-MM-DD or DD.MM.YYYY)"))
}
