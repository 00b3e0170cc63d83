//! The shell: command line → content → store → terminal loop. The only place that knows about
//! the terminal, the clock and the files at once.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::{DateTime, FixedOffset, Local, Timelike};
use clap::Parser;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};

use kzvisa::app::{App, Effect, Msg};
use kzvisa::content::Content;
use kzvisa::error::Error;
use kzvisa::keymap;
use kzvisa::store::{self, Lock, Record, Store};
use kzvisa::ui::{self, theme::Theme};
use kzvisa::wizard::Application;

/// A guide through the work visa application for Kazakhstan, step by step. Progress is saved
/// at every change; start it again to resume.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Cli {
    /// Keep applications in this folder instead of the user's data folder.
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Open or create this one application file, anywhere (a synced folder, say).
    #[arg(long, value_name = "PATH", conflicts_with = "data_dir")]
    file: Option<PathBuf>,
    /// Read the texts from this folder (en/guide.yaml, en/faq.yaml, en/ui.yaml) instead of the
    /// built-in ones.
    #[arg(long, value_name = "DIR")]
    content: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match start(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("kzvisa: {message}");
            ExitCode::from(2)
        }
    }
}

fn start(cli: Cli) -> Result<(), String> {
    let content = match &cli.content {
        Some(dir) => Content::from_dir(dir),
        None => Content::embedded(),
    }
    .map_err(|e| format!("the content cannot be loaded: {e}"))?;
    let content = Arc::new(content);
    let theme = Theme::from_env();
    let dir = match cli.data_dir {
        Some(dir) => dir,
        None => Store::default_dir()
            .ok_or("no data folder could be found for this user: use --data-dir DIR")?,
    };
    let store = Store::new(dir);

    let (mut app, session) = match &cli.file {
        Some(path) => open_file(&content, theme, path)?,
        None => {
            let listings = store.list();
            if listings.is_empty() {
                let name = content.ui.start.default_name.clone();
                let mut app = App::new(Arc::clone(&content), Application::default(), theme);
                app.name = name.clone();
                (app, Some(Session::unsaved(name, None)))
            } else {
                (App::start(Arc::clone(&content), listings, theme), None)
            }
        }
    };
    let mut shell = Shell { store, session };

    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .map_err(|e| format!("cannot watch for signals: {e}"))?;
    }
    let saved_in = match (&cli.file, &shell.session) {
        (Some(path), _) => path.clone(),
        _ => shell.store.dir().to_path_buf(),
    };
    set_panic_message(saved_in);
    // The theme already honours NO_COLOR; crossterm's own handling would also erase reverse video.
    ratatui::crossterm::style::force_color_output(true);
    ratatui::run(|terminal| shell.run(terminal, &mut app, &stop)).map_err(|e| e.to_string())
}

/// After a panic, ratatui's hook restores the terminal and then runs this one, so the message
/// lands on a normal screen. Every change was saved when it was made, so nothing is lost.
fn set_panic_message(saved_in: PathBuf) {
    std::panic::set_hook(Box::new(move |info| {
        eprintln!("kzvisa stopped on an unexpected error, a bug: {info}");
        eprintln!(
            "Your progress is saved in {}. Start kzvisa again to resume.",
            saved_in.display()
        );
    }));
}

/// `--file PATH`: that application, resumed, or a new one that is saved there at its first change.
fn open_file(
    content: &Arc<Content>,
    theme: Theme,
    path: &Path,
) -> Result<(App, Option<Session>), String> {
    let mut app = App::new(Arc::clone(content), Application::default(), theme);
    if !path.exists() {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| content.ui.start.default_name.clone());
        app.name = name.clone();
        return Ok((app, Some(Session::unsaved(name, Some(path.to_path_buf())))));
    }
    let record = store::load(path).map_err(|e| e.to_string())?;
    let lock = store::try_lock(path).map_err(|e| e.to_string())?;
    let read_only = lock.is_none();
    app.resume(record.name.clone(), record.application.clone(), read_only);
    Ok((app, Some(Session::opened(path.to_path_buf(), record, lock))))
}

/// The application open in the wizard, and how it is saved.
struct Session {
    /// `None` until the first save of an application started from the welcome screen.
    path: Option<PathBuf>,
    record: Record,
    /// Held while open for writing; `None` when read-only.
    lock: Option<Lock>,
}

impl Session {
    fn unsaved(name: String, path: Option<PathBuf>) -> Self {
        Session {
            path,
            record: Record::new(name, now()),
            lock: None,
        }
    }

    fn opened(path: PathBuf, record: Record, lock: Option<Lock>) -> Self {
        Session {
            path: Some(path),
            record,
            lock,
        }
    }
}

struct Shell {
    store: Store,
    session: Option<Session>,
}

impl Shell {
    fn run(
        &mut self,
        terminal: &mut DefaultTerminal,
        app: &mut App,
        stop: &AtomicBool,
    ) -> std::io::Result<()> {
        let _ = ratatui::crossterm::execute!(
            std::io::stdout(),
            ratatui::crossterm::event::EnableBracketedPaste
        );
        let result = self.event_loop(terminal, app, stop);
        let _ = ratatui::crossterm::execute!(
            std::io::stdout(),
            ratatui::crossterm::event::DisableBracketedPaste
        );
        result
    }

    fn event_loop(
        &mut self,
        terminal: &mut DefaultTerminal,
        app: &mut App,
        stop: &AtomicBool,
    ) -> std::io::Result<()> {
        loop {
            terminal.draw(|frame| ui::view(app, frame))?;
            // Waking now and then lets SIGTERM and SIGHUP end the loop and restore the terminal.
            let msg = loop {
                if stop.load(Ordering::Relaxed) || terminal_gone() {
                    return Ok(());
                }
                if event::poll(Duration::from_millis(200))? {
                    break match event::read()? {
                        Event::Key(key) if key.is_press() || key.is_repeat() => {
                            #[cfg(debug_assertions)]
                            panic_on_request(&key);
                            keymap::message(app.mode(), key)
                        }
                        Event::Paste(text) => Some(Msg::Paste(text)),
                        Event::Resize(..) => None,
                        _ => continue,
                    };
                }
            };
            let Some(msg) = msg else { continue };
            let effect = app.update(msg);
            if effect == Effect::Quit {
                // Every change was saved when it was made: nothing is left to write.
                return Ok(());
            }
            self.carry_out(effect, app);
        }
    }

    fn carry_out(&mut self, effect: Effect, app: &mut App) {
        app.notice = None;
        match effect {
            Effect::None | Effect::Quit => {}
            Effect::Save => app.save_error = self.save(app).err().map(|e| e.to_string()),
            Effect::Open(path) => match store::try_lock(&path) {
                Ok(Some(lock)) => self.open(app, path, Some(lock)),
                Ok(None) => app.report_locked(),
                Err(error) => app.notice = Some(error.to_string()),
            },
            Effect::OpenReadOnly(path) => self.open(app, path, None),
            Effect::Create(name) => {
                let path = self.store.new_path(&name);
                app.resume(name.clone(), Application::default(), false);
                // The first save takes the lock and creates the file, so it is listed at once.
                self.session = Some(Session::unsaved(name, Some(path)));
                app.save_error = self.save(app).err().map(|e| e.to_string());
            }
            Effect::Rename(path, name) => {
                let renamed = self.with_unlocked(&path, |path| {
                    let mut record = store::load(path)?;
                    record.name = name;
                    record.updated = now();
                    store::save(path, &record)
                });
                self.refresh(app, Some(&path), renamed.err());
            }
            Effect::Trash(path) => {
                let trashed = self.with_unlocked(&path, |path| self.store.trash(path).map(drop));
                self.refresh(app, None, trashed.err());
            }
        }
    }

    /// Runs a change on a file that no other kzvisa has open.
    fn with_unlocked(
        &self,
        path: &Path,
        change: impl FnOnce(&Path) -> kzvisa::error::Result<()>,
    ) -> Result<(), String> {
        match store::try_lock(path) {
            Ok(Some(_lock)) => change(path).map_err(|e| e.to_string()),
            Ok(None) => Err(Error::invalid(path, "open in another kzvisa").to_string()),
            Err(error) => Err(error.to_string()),
        }
    }

    fn refresh(&self, app: &mut App, select: Option<&Path>, problem: Option<String>) {
        app.show_listings(self.store.list(), select);
        app.notice = problem;
    }

    fn open(&mut self, app: &mut App, path: PathBuf, lock: Option<Lock>) {
        match store::load(&path) {
            Ok(record) => {
                app.resume(
                    record.name.clone(),
                    record.application.clone(),
                    lock.is_none(),
                );
                self.session = Some(Session::opened(path, record, lock));
            }
            Err(error) => self.refresh(app, Some(&path), Some(error.to_string())),
        }
    }

    /// Saves the open application; a failure leaves the last good file in place.
    fn save(&mut self, app: &App) -> kzvisa::error::Result<()> {
        let Some(session) = self.session.as_mut() else {
            return Ok(());
        };
        if app.read_only {
            return Ok(());
        }
        let path = session
            .path
            .get_or_insert_with(|| self.store.new_path(&session.record.name))
            .clone();
        if session.lock.is_none() {
            session.lock = store::try_lock(&path)?;
            if session.lock.is_none() {
                // Two writers would overwrite each other's answers.
                return Err(Error::invalid(&path, "open in another kzvisa"));
            }
        }
        session.record.application = app.application.clone();
        session.record.updated = now();
        store::save(&path, &session.record)
    }
}

/// A debug build panics on the character named in KZVISA_TEST_PANIC_KEY, so a test can prove
/// that a panic restores the terminal and keeps the progress. Release builds have no such key.
#[cfg(debug_assertions)]
fn panic_on_request(key: &ratatui::crossterm::event::KeyEvent) {
    if let ratatui::crossterm::event::KeyCode::Char(c) = key.code
        && std::env::var("KZVISA_TEST_PANIC_KEY").is_ok_and(|k| k == c.to_string())
    {
        panic!("test panic on {c:?}");
    }
}

/// Whether the terminal hung up (its window closed, the SSH link dropped) without a SIGHUP
/// reaching us: reading it would only return end of file from now on.
#[cfg(unix)]
fn terminal_gone() -> bool {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let stdin = rustix::stdio::stdin();
    let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
    let zero = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    poll(&mut fds, Some(&zero)).is_ok()
        && fds[0]
            .revents()
            .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)
}

#[cfg(not(unix))]
fn terminal_gone() -> bool {
    false
}

/// Now, to the second: the file is read by people, and nanoseconds tell them nothing.
fn now() -> DateTime<FixedOffset> {
    let now = Local::now().fixed_offset();
    now.with_nanosecond(0).unwrap_or(now)
}
