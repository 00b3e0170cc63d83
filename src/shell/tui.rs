//! The full-screen wizard: the terminal, its events and the effects the app asks for.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::crossterm::event::{self, Event};

use kzvisa::app::{App, Effect, Msg, ROWS_PER_STEP, Texts};
use kzvisa::content::{Content, fill};
use kzvisa::error::Error;
use kzvisa::keymap;
use kzvisa::lang::Lang;
use kzvisa::settings;
use kzvisa::store::{self, Access, Glance, Known, Lock, ReadOnly, Store};
use kzvisa::ui::backend::Runs;
use kzvisa::ui::{self, theme::Theme};
use kzvisa::wizard::Application;

use super::links::Links;
use super::session::{Opening, Saved, Session, moved_text, now};

/// How the switch key changes the language: the texts of each, and where the choice is kept.
pub struct Languages {
    pub load: Box<dyn Fn(Lang) -> Result<Arc<Content>, String>>,
    pub settings: Option<PathBuf>,
}

/// Runs the wizard until the person quits, a signal arrives or the terminal goes away.
pub fn run(
    content: Arc<Content>,
    store: Store,
    opening: Opening,
    languages: Languages,
) -> Result<(), String> {
    let theme = Theme::from_env();
    let (mut app, session, glance) = match opening {
        Opening::Choose(glance) => (
            App::start_reading(Arc::clone(&content), theme),
            None,
            Some(*glance),
        ),
        Opening::Wizard {
            session,
            read_only,
            from_file,
        } => {
            let mut app = App::new(Arc::clone(&content), Application::default(), theme);
            app.update(Msg::Opened {
                name: session.record.name.clone(),
                application: Box::new(session.record.application.clone()),
                read_only,
                from_file,
            });
            (app, Some(*session), None)
        }
    };
    let saved_in = session
        .as_ref()
        .map_or_else(|| store.dir().to_path_buf(), |s| s.saved_in(&store));
    let mut shell = Shell {
        store,
        session,
        languages,
        crash_texts: None,
        links: Links::new(kzvisa::theme::hyperlinks(|name| std::env::var(name).ok())),
        known: Known::default(),
        order_unchecked: false,
        rows_per_step: ROWS_PER_STEP,
    };
    // The start screen's first rows are read before its first frame, so it shows them at once.
    if let Some(glance) = glance {
        shell.show_glance(&mut app, Ok(glance));
        shell.read_rows(&mut app);
    }

    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .map_err(|e| format!("cannot watch for signals: {e}"))?;
    }
    let suspension = Suspension::watch()?;
    let crash_texts = Arc::new(Mutex::new(CrashTexts::of(&content)));
    set_panic_message(saved_in, Arc::clone(&crash_texts));
    shell.crash_texts = Some(crash_texts);
    // The theme already honours NO_COLOR; crossterm's own handling would also erase reverse video.
    ratatui::crossterm::style::force_color_output(true);
    let ran = on_screen(|terminal| shell.run(terminal, &mut app, &stop, &suspension))
        .map_err(|e| e.to_string());
    shell.after_leaving(&app, stop.load(Ordering::Relaxed));
    // The process ends next: freeing every text one by one would only keep the prompt waiting.
    std::mem::forget(app);
    ran
}

/// The terminal the wizard draws on: standard output behind a buffer that holds a whole frame,
/// so each frame leaves in one write, not in the pieces of stdout's small line buffer; runs of
/// cells printed whole ([`Runs`]).
type Screen = Terminal<Runs<std::io::BufWriter<std::io::Stdout>>>;

/// What `ratatui::run` does, on a [`Screen`]: raw mode and the alternate screen for `f`, and
/// the terminal restored after it, on an error and on a panic too.
fn on_screen(f: impl FnOnce(&mut Screen) -> std::io::Result<()>) -> std::io::Result<()> {
    use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        ratatui::restore();
        hook(info);
    }));
    enable_raw_mode()?;
    let entered =
        ratatui::crossterm::execute!(std::io::stdout(), EnterAlternateScreen).and_then(|()| {
            Terminal::new(Runs::new(std::io::BufWriter::with_capacity(
                1 << 16,
                std::io::stdout(),
            )))
        });
    let result = entered.and_then(|mut terminal| f(&mut terminal));
    ratatui::restore();
    result
}

/// The job-control signals the loop watches between keys; each sets its flag.
struct Suspension {
    /// SIGTSTP from outside (`kill -TSTP`): suspend as Ctrl+Z does.
    requested: Arc<AtomicBool>,
    /// SIGCONT: whoever stopped us (a SIGSTOP we never saw) may have written over the screen.
    resumed: Arc<AtomicBool>,
}

impl Suspension {
    fn watch() -> Result<Self, String> {
        let suspension = Suspension {
            requested: Arc::new(AtomicBool::new(false)),
            resumed: Arc::new(AtomicBool::new(false)),
        };
        #[cfg(unix)]
        for (signal, flag) in [
            (signal_hook::consts::SIGTSTP, &suspension.requested),
            (signal_hook::consts::SIGCONT, &suspension.resumed),
        ] {
            signal_hook::flag::register(signal, Arc::clone(flag))
                .map_err(|e| format!("cannot watch for signals: {e}"))?;
        }
        Ok(suspension)
    }
}

/// Hands the terminal back as it was found, stops until continued (`fg`, `kill -CONT`), then
/// takes it again and draws everything, as vim, htop and helix do.
#[cfg(unix)]
fn suspend(terminal: &mut Screen) -> std::io::Result<()> {
    use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
    use ratatui::crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
    use ratatui::crossterm::{cursor, execute};
    // Raw mode first, as ratatui's restore does: it has more side effects than the screen.
    terminal::disable_raw_mode()?;
    execute!(
        std::io::stdout(),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    )?;
    // SIGTSTP is caught here, so its default is emulated: a SIGSTOP, which also stops a process
    // whose group the kernel would not stop for SIGTSTP (an orphaned one).
    signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
    terminal::enable_raw_mode()?;
    execute!(
        std::io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste
    )?;
    // The shell wrote over the screen meanwhile, and the size may have changed.
    redraw_whole(terminal)
}

/// Clears the screen so that the next frame is drawn whole, at the terminal's size now. A
/// resize does it for a full-screen viewport; `Terminal::clear` would also ask the terminal
/// where its cursor is, and give up on the wizard if no answer came.
fn redraw_whole(terminal: &mut Screen) -> std::io::Result<()> {
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::from((
        ratatui::layout::Position::ORIGIN,
        size,
    )))
}

#[cfg(not(unix))]
fn suspend(_terminal: &mut Screen) -> std::io::Result<()> {
    Ok(())
}

/// After a panic, ratatui's hook restores the terminal and then runs this one, so the message
/// lands on a normal screen. Every change was saved when it was made, so nothing is lost.
/// The hook is set once, before [`on_screen`] wraps it with its own; a language switch changes only
/// the texts it reads.
fn set_panic_message(saved_in: PathBuf, texts: Arc<Mutex<CrashTexts>>) {
    std::panic::set_hook(Box::new(move |info| {
        let folder = kzvisa::present::safe::shown(&saved_in.display().to_string()).into_owned();
        // A panic while the texts were being replaced leaves them usable: they are plain strings.
        let texts = texts
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let error = kzvisa::present::safe::shown(&info.to_string()).into_owned();
        eprintln!("{}", fill(&texts.bug, &[("error", &error)]));
        eprintln!("{}", fill(&texts.progress_kept, &[("folder", &folder)]));
    }));
}

/// What is said after a crash, in the language in use.
struct CrashTexts {
    bug: String,
    progress_kept: String,
}

impl CrashTexts {
    fn of(content: &Content) -> Self {
        let errors = &content.ui.errors;
        CrashTexts {
            bug: errors.bug.clone(),
            progress_kept: errors.progress_kept.clone(),
        }
    }
}

struct Shell {
    store: Store,
    session: Option<Session>,
    languages: Languages,
    crash_texts: Option<Arc<Mutex<CrashTexts>>>,
    links: Links,
    /// What the folder's index knew when the start screen listed the folder.
    known: Known,
    /// The start screen's order is the index's, its files' dates not looked at yet.
    order_unchecked: bool,
    /// How many rows the next step reads.
    rows_per_step: usize,
}

impl Shell {
    fn run(
        &mut self,
        terminal: &mut Screen,
        app: &mut App,
        stop: &AtomicBool,
        suspension: &Suspension,
    ) -> std::io::Result<()> {
        let _ = ratatui::crossterm::execute!(
            std::io::stdout(),
            ratatui::crossterm::event::EnableBracketedPaste
        );
        let result = self.event_loop(terminal, app, stop, suspension);
        let _ = ratatui::crossterm::execute!(
            std::io::stdout(),
            ratatui::crossterm::event::DisableBracketedPaste
        );
        result
    }

    fn event_loop(
        &mut self,
        terminal: &mut Screen,
        app: &mut App,
        stop: &AtomicBool,
        suspension: &Suspension,
    ) -> std::io::Result<()> {
        let mut redraw = true;
        // The size of the last frame drawn, to catch a resize that sent no event. It is the
        // size the frame was laid out at, not the terminal's size asked after drawing: a resize
        // in between would pass for drawn and leave the screen garbled.
        let mut drawn = terminal.size()?;
        loop {
            // The core has no clock: it is told the date, and again when a day passes.
            let now = now();
            if app.today != Some(now.date_naive()) {
                app.update(Msg::Today(now.date_naive()));
                app.update(Msg::TimeZone(*now.offset()));
            }
            if redraw {
                drawn = self.draw(terminal, app)?;
            }
            redraw = true;
            // Waking now and then lets SIGTERM and SIGHUP end the loop and restore the terminal.
            let msg = loop {
                if stop.load(Ordering::Relaxed) || terminal_gone() {
                    return Ok(());
                }
                if suspension.requested.swap(false, Ordering::Relaxed) {
                    break Some(Msg::Suspend);
                }
                if suspension.resumed.swap(false, Ordering::Relaxed) {
                    redraw_whole(terminal)?;
                    break None;
                }
                // The start screen's folder is read a step at a time while no key is waiting:
                // the screen shows at once, and a key is never kept waiting for a large folder.
                let reading = app.reading_folder() || self.order_unchecked;
                let wait = if reading {
                    Duration::ZERO
                } else {
                    Duration::from_millis(200)
                };
                if !event::poll(wait)? {
                    if reading {
                        self.read_folder(app);
                        break None;
                    }
                    // A resize before the event source first listened leaves no event: catch
                    // it here, where an ioctl costs nothing next to a frame.
                    if terminal.size()? != drawn {
                        break None;
                    }
                    continue;
                }
                break match event::read()? {
                    Event::Key(key) if key.is_press() || key.is_repeat() => {
                        #[cfg(debug_assertions)]
                        panic_on_request(&key);
                        keymap::message(app, key)
                    }
                    Event::Paste(text) => Some(Msg::Paste(text)),
                    Event::Resize(..) => None,
                    _ => continue,
                };
            };
            let Some(msg) = msg else { continue };
            let effect = app.update(msg);
            if effect == Effect::Quit {
                // Every change was saved when it was made, or the person chose to lose it.
                return Ok(());
            }
            if effect == Effect::Suspend {
                suspend(terminal)?;
                // Our own stop was the SIGCONT's cause; the screen is drawn whole already.
                suspension.resumed.store(false, Ordering::Relaxed);
                continue;
            }
            if effect == Effect::Save {
                // The answer shows at once; the save (with its fsync) follows, and the frame is
                // drawn again only if saving changed what it says.
                drawn = self.draw(terminal, app)?;
                let said = (app.save_error.clone(), app.notice.clone());
                // A retry asked for on quitting quits once it saved.
                if self.carry_out(effect, app) == Effect::Quit {
                    return Ok(());
                }
                if (app.save_error.clone(), app.notice.clone()) == said {
                    redraw = false;
                }
                continue;
            }
            self.carry_out(effect, app);
        }
    }

    /// Draws a frame and tells the app how far its page of text scrolls at this size; the size
    /// it was laid out at.
    fn draw(
        &mut self,
        terminal: &mut Screen,
        app: &mut App,
    ) -> std::io::Result<ratatui::layout::Size> {
        use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
        let mut limit = None;
        // A frame larger than stdout's buffer reaches the terminal in pieces; a terminal that
        // knows synchronized output shows it whole, never half old and half new.
        ratatui::crossterm::queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
        let links = &mut self.links;
        let drawn = terminal
            .draw(|frame| limit = ui::view_measured(app, frame))
            .map(|frame| (frame.area.as_size(), links.over(app, frame.buffer)));
        let written = drawn.and_then(|(size, runs)| {
            super::links::write(terminal.backend_mut(), &runs).map(|()| size)
        });
        ratatui::crossterm::execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
        let size = written?;
        if let Some(limit) = limit.filter(|l| *l != app.scroll_limit) {
            app.update(Msg::ScrollLimit(limit));
        }
        Ok(size)
    }

    /// Carries out an effect; the effect of the report it gave back, if any.
    fn carry_out(&mut self, effect: Effect, app: &mut App) -> Effect {
        app.update(Msg::Notice(None));
        match effect {
            Effect::None | Effect::Quit | Effect::Suspend => {}
            Effect::Save => return self.report_save(app),
            Effect::Open(path) => match store::access(&path) {
                Ok(Access::Write(lock)) => self.open(app, path, Ok(lock)),
                Ok(Access::ReadOnly(ReadOnly::Locked)) => {
                    app.update(Msg::OpenLocked);
                }
                Ok(Access::ReadOnly(why)) => self.open(app, path, Err(why)),
                Err(error) => {
                    app.update(Msg::Notice(Some(app.words(&error))));
                }
            },
            Effect::OpenReadOnly(path) => self.open(app, path, Err(ReadOnly::Locked)),
            Effect::Create(name) => {
                let path = self.store.new_path(&name);
                // Started from the list of applications, which Esc goes back to.
                app.update(Msg::Opened {
                    name: name.clone(),
                    application: Box::default(),
                    read_only: None,
                    from_file: false,
                });
                // The first save takes the lock and creates the file, so it is listed at once.
                self.session = Some(Session::unsaved(name, Some(path)));
                return self.report_save(app);
            }
            Effect::Rename(path, name) => {
                let renamed = match store::access(&path) {
                    Ok(Access::Write(_lock)) => store::load(&path).and_then(|mut record| {
                        record.name = name;
                        record.updated = now();
                        store::save(&path, &record)
                    }),
                    Ok(Access::ReadOnly(why)) => Err(why.error(&path)),
                    Err(error) => Err(error),
                };
                self.refresh(app, Some(&path), renamed.err());
            }
            Effect::SwitchLanguage(lang) => match (self.languages.load)(lang) {
                Ok(content) => {
                    if let Some(texts) = &self.crash_texts
                        && let Ok(mut texts) = texts.lock()
                    {
                        *texts = CrashTexts::of(&content);
                    }
                    app.update(Msg::TextsLoaded(Texts(content)));
                    if let Some(path) = &self.languages.settings {
                        let chosen = settings::Settings {
                            language: Some(lang),
                        };
                        if let Err(error) = settings::write(path, &chosen) {
                            app.update(Msg::Notice(Some(app.words(&error))));
                        }
                    }
                }
                Err(problem) => {
                    app.update(Msg::Notice(Some(problem)));
                }
            },
            Effect::CloseApplication => {
                // Dropping the session releases the application's lock: it can be opened again.
                let closed = self.session.take().and_then(|session| session.path);
                self.refresh(app, closed.as_deref(), None);
            }
            Effect::RestoreLast => match self.store.trashed() {
                Ok(trashed) => match trashed.first() {
                    Some(last) => match self.store.restore(last.path()) {
                        Ok(restored) => {
                            self.refresh(app, Some(&restored.path), None);
                            app.update(Msg::Restored(Some(restored.name)));
                        }
                        Err(error) => self.refresh(app, None, Some(error)),
                    },
                    None => {
                        app.update(Msg::Restored(None));
                    }
                },
                Err(error) => self.refresh(app, None, Some(error)),
            },
            Effect::Trash(path) => {
                let trashed = self.with_unlocked(&path, |path| self.store.trash(path).map(drop));
                self.refresh(app, None, trashed.err());
            }
        }
        Effect::None
    }

    /// Saves, and tells the app how it went (`Msg::Saved`): the app alone keeps whether the
    /// last change is saved.
    fn report_save(&mut self, app: &mut App) -> Effect {
        match self.save(app) {
            Ok(Saved::InPlace) => app.update(Msg::Saved(Ok(()))),
            Ok(Saved::Moved { from, to, name }) => {
                let notice = moved_text(&app.content, &from, &to, &name);
                app.update(Msg::SavedAsNew { name, notice })
            }
            Err(error) => {
                let words = app.words(&error);
                app.update(Msg::Saved(Err(words)))
            }
        }
    }

    /// On the restored terminal, if the last change is not saved: a last attempt when a signal
    /// or a lost terminal ended the wizard (not when the person chose to quit anyway), and what
    /// came of it on standard error. A lost terminal's stderr may fail too: nothing to do then.
    fn after_leaving(&mut self, app: &App, signalled: bool) {
        if !app.unsaved() {
            // As the line wizard ends: where the answers are, for the next time.
            if let Some(session) = &self.session
                && app.read_only.is_none()
                && matches!(app.screen, kzvisa::app::Screen::Wizard)
            {
                let file = session.saved_in(&self.store).display().to_string();
                let said = fill(&app.content.ui.commands.saved, &[("file", &file)]);
                let _ = writeln!(std::io::stderr(), "{said}");
            }
            return;
        }
        let problem = if app.quitting && !signalled {
            app.save_error.clone()
        } else {
            self.save(app).err().map(|e| app.words(&e))
        };
        let file = self.session.as_ref().map_or_else(
            || self.store.dir().to_path_buf(),
            |s| s.saved_in(&self.store),
        );
        let file = file.display().to_string();
        let saving = &app.content.ui.saving;
        let said = match problem {
            None => fill(&saving.saved_at_last, &[("file", &file)]),
            Some(error) => fill(&saving.left_unsaved, &[("error", &error), ("file", &file)]),
        };
        let _ = writeln!(std::io::stderr(), "{said}");
    }

    /// Runs a change on a file that no other kzvisa has open.
    fn with_unlocked(
        &self,
        path: &Path,
        change: impl FnOnce(&Path) -> kzvisa::error::Result<()>,
    ) -> kzvisa::error::Result<()> {
        match store::try_lock(path)? {
            Some(_lock) => change(path),
            None => Err(Error::Locked {
                path: path.to_path_buf(),
            }),
        }
    }

    /// Back to the start screen, listed afresh; the rows on screen are read before it is drawn.
    fn refresh(&mut self, app: &mut App, select: Option<&Path>, problem: Option<Error>) {
        self.order_unchecked = false;
        // The rows on screen first.
        self.rows_per_step = ROWS_PER_STEP;
        let (files, unreadable) = match self.scan() {
            Ok(files) => (files, None),
            Err(error) => (Vec::new(), Some(error)),
        };
        app.update(Msg::Listed {
            files,
            select: select.map(Path::to_path_buf),
        });
        self.read_folder(app);
        let notice = problem.or(unreadable).map(|e| app.words(&e));
        app.update(Msg::Notice(notice));
    }

    /// One step of reading the start screen's folder: the rows of [`App::unread_files`], each
    /// from the folder's index while its file is unchanged. In the first step, which files the
    /// folder holds as well, in the order its index last saw (a glance at the folder, not at
    /// each file); in the next, their true order by their dates. Once the whole folder is read,
    /// the index is written again if it lacked any of it.
    fn read_folder(&mut self, app: &mut App) {
        if app.folder_unlisted() {
            let glance = self.store.glance();
            self.show_glance(app, glance);
        } else if self.order_unchecked {
            self.order_unchecked = false;
            match self.scan() {
                Ok(files) => {
                    app.update(Msg::Reordered(files));
                }
                Err(error) => {
                    app.update(Msg::Notice(Some(app.words(&error))));
                }
            }
        }
        self.read_rows(app);
    }

    /// The folder's files by their dates, the folder as it was before kept for the index.
    fn scan(&mut self) -> kzvisa::error::Result<Vec<std::path::PathBuf>> {
        let (files, folder) = self.store.scan_with_folder()?;
        self.known.listed(folder);
        Ok(files)
    }

    /// The rows of [`App::unread_files`], each from the folder's index while its file is
    /// unchanged; the index kept once every row is read. A screenful at a time, or many more
    /// while the index holds them all (a fraction of a millisecond for a screenful), so that a
    /// large folder costs few frames.
    fn read_rows(&mut self, app: &mut App) {
        let known = &mut self.known;
        let from_files = known.read_from_files;
        let read = app
            .unread_files(self.rows_per_step)
            .into_iter()
            .map(|(row, file)| (row, known.read(file)))
            .collect();
        self.rows_per_step = if known.read_from_files == from_files {
            ROWS_PER_STEP * 8
        } else {
            ROWS_PER_STEP
        };
        app.update(Msg::RowsRead(read));
        if !app.reading_folder() && !self.order_unchecked {
            self.known.keep(&self.store, &app.listed_files());
        }
    }

    /// The start screen lists the files of a glance at the folder.
    fn show_glance(&mut self, app: &mut App, glance: kzvisa::error::Result<Glance>) {
        let (glance, problem) = match glance {
            Ok(glance) => (glance, None),
            Err(error) => (Glance::default(), Some(app.words(&error))),
        };
        self.known = glance.known;
        self.order_unchecked = glance.provisional;
        app.update(Msg::Listed {
            files: glance.files,
            select: None,
        });
        if problem.is_some() {
            app.update(Msg::Notice(problem));
        }
    }

    /// Opens an application for writing with its lock, or read-only for the reason given.
    fn open(&mut self, app: &mut App, path: PathBuf, access: Result<Lock, ReadOnly>) {
        match store::load_exact(&path) {
            Ok((record, bytes)) => {
                let (lock, read_only) = match access {
                    Ok(lock) => (Some(lock), None),
                    Err(why) => (None, Some(why)),
                };
                // Chosen from the list of applications, which Esc goes back to.
                app.update(Msg::Opened {
                    name: record.name.clone(),
                    application: Box::new(record.application.clone()),
                    read_only,
                    from_file: false,
                });
                self.session = Some(Session::opened(path, record, bytes, lock));
            }
            Err(error) => self.refresh(app, Some(&path), Some(error)),
        }
    }

    /// Saves the open application; a failure leaves the last good file in place. When the file
    /// was changed elsewhere, the answers went into a new application: say where.
    fn save(&mut self, app: &App) -> kzvisa::error::Result<Saved> {
        match self.session.as_mut() {
            Some(session) if app.read_only.is_none() => session.save(&self.store, &app.application),
            _ => Ok(Saved::InPlace),
        }
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
