//! `kzvisa`: the command line, dispatched to the wizard (full-screen or line by line) or to a
//! command that prints.

mod shell;

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;

use kzvisa::content::Content;
use kzvisa::lang::Lang;
use kzvisa::present::InWords;
use kzvisa::present::safe;
use kzvisa::settings;
use kzvisa::store::{self, Store};

use shell::cli::{Cli, Command};
use shell::lines::Lines;
use shell::session::{self, Target};
use shell::{commands, tui};

fn main() -> ExitCode {
    // A bare `kzvisa`, the usual start, has nothing to parse: building the definitions of every
    // command would cost more than drawing the first screen.
    let cli = if std::env::args_os().len() <= 1 {
        Cli::default()
    } else {
        Cli::parse()
    };
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            // Messages name what was typed and found (names, paths): shown, never obeyed.
            eprintln!("kzvisa: {}", safe::shown(&message));
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    // These need no content and no data folder.
    match &cli.command {
        Some(Command::Completions { shell }) => return commands::completions(*shell),
        Some(Command::Man) => return commands::man(),
        _ => {}
    }
    let settings_path = settings::default_path();
    let chosen = settings_path
        .as_deref()
        .and_then(|path| match settings::read(path) {
            Ok(saved) => saved.language,
            Err(error) => {
                // Not worth stopping for: the language comes from elsewhere.
                eprintln!("kzvisa: {}", safe::shown(&error.to_string()));
                None
            }
        });
    let lang = cli
        .lang
        .as_deref()
        .and_then(Lang::from_code)
        .or(chosen)
        .or_else(|| Lang::from_env(|name| std::env::var(name).ok()))
        .unwrap_or_default();
    let texts = Texts {
        dir: cli.content.clone(),
    };
    let content = texts.load(lang)?;
    let dir = match cli.data_dir {
        Some(dir) => dir,
        None => {
            let dir =
                Store::default_dir().ok_or_else(|| content.ui.errors.no_data_folder.clone())?;
            // kzvisa's own folders, perhaps made beforehand by hand or another program: passport
            // dates are for the person's eyes only. A folder given with --data-dir is theirs.
            for own in [dir.parent(), Some(dir.as_path())].into_iter().flatten() {
                if let Err(error) = store::make_private(own) {
                    eprintln!("kzvisa: {}", error.in_words(&content.ui.errors));
                }
            }
            dir
        }
    };
    let store = Store::new(dir);
    let file = cli.file.as_deref();
    let target = match cli.command {
        None => Target::Default,
        Some(Command::New { name }) => Target::New(name),
        Some(Command::Resume { name }) => Target::Resume(name),
        Some(Command::List { names: true, .. }) => return commands::names(&store),
        Some(Command::List { format, .. }) => {
            return commands::list(&content, &store, format, cli.content.is_none());
        }
        Some(Command::Restore { name }) => {
            return commands::restore(&content, &store, name.as_deref());
        }
        Some(Command::Export {
            name,
            format,
            output,
        }) => {
            let output = output.as_deref();
            return commands::export(&content, &store, file, name.as_deref(), format, output);
        }
        Some(Command::Check { name, due }) => {
            return commands::check(&content, &store, file, name.as_deref(), due);
        }
        Some(Command::Plan { name, format }) => {
            return commands::plan(&content, &store, file, name.as_deref(), format);
        }
        Some(Command::Dates { entry, route }) => return commands::dates(&content, entry, route),
        Some(Command::Calendar { name, output }) => {
            let output = output.as_deref();
            return commands::calendar(&content, &store, file, name.as_deref(), output);
        }
        Some(Command::Faq { query }) => return commands::faq(&content, &query),
        Some(Command::Notes { format }) => return commands::notes(&content, format),
        Some(Command::Route { country }) => return commands::route(&content, &country),
        Some(Command::Completions { .. } | Command::Man) => return Ok(ExitCode::SUCCESS),
    };
    let opening = session::opening(target, file, &store, &content)?;
    let content = Arc::new(content);
    let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let full_screen = interactive && !cli.plain && draws_full_screen(std::env::var_os("TERM"));
    if interactive && !cli.plain && !full_screen {
        eprintln!("{}", content.ui.plain.dumb_terminal);
    }
    if !full_screen {
        Lines {
            input: std::io::stdin().lock(),
            output: std::io::stdout().lock(),
            echo: !std::io::stdin().is_terminal(),
        }
        .run(content, store, opening)?;
    } else {
        let languages = tui::Languages {
            load: Box::new(move |lang| texts.load(lang).map(Arc::new)),
            settings: settings_path,
        };
        tui::run(content, store, opening, languages)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether a terminal of this type can show the full screen: a dumb one (Emacs' shell buffer,
/// some CI logs) or none named cannot move the cursor, so it gets the line wizard.
fn draws_full_screen(term: Option<std::ffi::OsString>) -> bool {
    term.is_some_and(|term| !term.is_empty() && term != "dumb")
}

/// Where the texts come from: built in, or `--content DIR`.
struct Texts {
    dir: Option<std::path::PathBuf>,
}

impl Texts {
    fn load(&self, lang: Lang) -> Result<Content, String> {
        match &self.dir {
            Some(dir) => Content::from_dir(dir, lang),
            None => Content::embedded(lang),
        }
        .map_err(|e| format!("the content cannot be loaded: {e}"))
    }
}
