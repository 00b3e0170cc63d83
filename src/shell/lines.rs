//! The line wizard's reading and writing: `kzvisa --plain`, and any run whose input or output
//! is not a terminal. What to ask and what an answer means is decided in `kzvisa::plain`.

use std::io::{BufRead, Write};
use std::sync::Arc;

use kzvisa::app::{App, Effect, Msg};
use kzvisa::content::{Content, fill};
use kzvisa::plain::{self, Reply};
use kzvisa::present::InWords;
use kzvisa::present::safe;
use kzvisa::report;
use kzvisa::store::{self, Access, Listing, ReadOnly, Store};
use kzvisa::ui::theme::Theme;
use kzvisa::wizard::{Application, Place, review};

use super::session::{Opening, Saved, Session, moved_text, now};

pub struct Lines<R, W> {
    pub input: R,
    pub output: W,
    /// Typed answers are not shown when they come from a file: print them, so the transcript
    /// reads like the conversation it was.
    pub echo: bool,
}

impl<R: BufRead, W: Write> Lines<R, W> {
    pub fn run(
        mut self,
        content: Arc<Content>,
        store: Store,
        opening: Opening,
    ) -> Result<(), String> {
        let (mut session, mut from_file) = match opening {
            Opening::Wizard {
                session,
                read_only,
                from_file,
            } => {
                match (read_only, &session.path) {
                    (Some(ReadOnly::Locked), _) => {
                        return Err(locked(&content, &session.record.name));
                    }
                    (Some(why), Some(path)) => {
                        return Err(why.error(path).in_words(&content.ui.errors));
                    }
                    _ => {}
                }
                (Some(*session), from_file)
            }
            // The chooser lists the folder itself, as often as it is shown.
            Opening::Choose(_) => (None, false),
        };
        // `list` leaves an application for the chooser, listed afresh, as often as asked.
        loop {
            let chosen = match session.take() {
                Some(session) => session,
                None => {
                    let listings = store.list().map_err(|e| e.in_words(&content.ui.errors))?;
                    match self.choose(&content, &listings)? {
                        Some(session) => session,
                        None => return Ok(()),
                    }
                }
            };
            // Only the first can be opened with --file (which has no `list`); the others are
            // chosen from the list.
            let opened_from_file = std::mem::take(&mut from_file);
            if self.wizard(Arc::clone(&content), &store, chosen, opened_from_file)?
                == Left::ForTheList
            {
                continue;
            }
            return Ok(());
        }
    }

    /// The saved applications as a numbered list; a number opens one, `n` starts another.
    fn choose(
        &mut self,
        content: &Content,
        listings: &[Listing],
    ) -> Result<Option<Session>, String> {
        let ui = &content.ui;
        self.say(&ui.start.title)?;
        for (i, listing) in listings.iter().enumerate() {
            let line = match listing {
                Listing::Ready { record, .. } => {
                    let app = &record.application;
                    let (done, total) = review::progress(app, content, Some(now().date_naive()));
                    format!(
                        "{}. {} ({}: {}, {}: {done}/{total})",
                        i + 1,
                        safe::shown(&record.name),
                        ui.start.step,
                        kzvisa::present::step_name(content, app.place.step()),
                        ui.start.progress
                    )
                }
                Listing::Broken { error, .. } => format!(
                    "{}. {}",
                    i + 1,
                    fill(
                        &ui.start.cannot_read,
                        &[("error", &error.in_words(&ui.errors))],
                    )
                ),
            };
            self.say(&line)?;
        }
        loop {
            let Some(line) = self.ask(&ui.plain.start_choose, &ui.plain.not_text)? else {
                return Ok(None);
            };
            if plain::is_quit(content, &line) {
                return Ok(None);
            }
            let reply = line.trim().to_lowercase();
            if reply == "n" {
                let Some(name) = self.ask(&ui.plain.new_name, &ui.plain.not_text)? else {
                    return Ok(None);
                };
                let name = name.trim();
                if name.is_empty() {
                    continue;
                }
                if !store::named(listings, name).is_empty() {
                    self.say(&fill(&ui.commands.exists, &[("name", &safe::shown(name))]))?;
                    continue;
                }
                return Ok(Some(Session::unsaved(name.to_string(), None)));
            }
            let chosen = reply
                .parse::<usize>()
                .ok()
                .and_then(|n| listings.get(n.checked_sub(1)?));
            match chosen {
                Some(Listing::Ready { path, record }) => match open(path) {
                    Ok(Ok(session)) => return Ok(Some(session)),
                    Ok(Err(ReadOnly::Locked)) => self.say(&locked(content, &record.name))?,
                    Ok(Err(why)) => self.say(&why.error(path).in_words(&ui.errors))?,
                    Err(error) => self.say(&error.in_words(&ui.errors))?,
                },
                Some(Listing::Broken { error, .. }) => self.say(&error.in_words(&ui.errors))?,
                None => self.say(&fill(
                    &ui.plain.invalid_choice,
                    &[("choices", &format!("1-{}, n, quit", listings.len()))],
                ))?,
            }
        }
    }

    /// Asks through one application until the person quits, finishes or asks for the list; the
    /// session (and with it the lock) ends here either way.
    fn wizard(
        &mut self,
        content: Arc<Content>,
        store: &Store,
        mut session: Session,
        from_file: bool,
    ) -> Result<Left, String> {
        let mut app = App::new(content, Application::default(), Theme::PLAIN);
        app.update(Msg::Opened {
            name: session.record.name.clone(),
            application: Box::new(session.record.application.clone()),
            read_only: None,
            from_file,
        });
        app.update(Msg::Today(now().date_naive()));
        let mut shown: Option<Place> = None;
        let mut shown_step = None;
        let left = loop {
            let prompt = plain::prompt(&app);
            if shown != Some(app.application.place) {
                self.say("")?;
                // The step's heading and its notes once per step; a field's context at each.
                let step = app.application.place.step();
                if shown_step != Some(step) {
                    for line in plain::step_heading(&app) {
                        self.say(&line)?;
                    }
                    shown_step = Some(step);
                }
                for paragraph in &prompt.context {
                    self.say(paragraph)?;
                }
                shown = Some(app.application.place);
            }
            let Some(line) = self.ask(&prompt.question, &app.content.ui.plain.not_text)? else {
                break Left::Done;
            };
            match plain::reply(&app, &line) {
                Reply::Send(msgs) => {
                    for msg in msgs {
                        let effect = app.update(msg);
                        if let Some(cut) = app.cut_notice() {
                            self.say(&cut)?;
                        }
                        if effect != Effect::Save {
                            continue;
                        }
                        // Told to the app as the full screen tells it, then said.
                        let said = match session.save(store, &app.application) {
                            Ok(Saved::InPlace) => {
                                app.update(Msg::Saved(Ok(())));
                                continue;
                            }
                            Ok(Saved::Moved { from, to, name }) => {
                                let notice = moved_text(&app.content, &from, &to, &name);
                                app.update(Msg::SavedAsNew {
                                    name,
                                    notice: notice.clone(),
                                });
                                notice
                            }
                            Err(error) => {
                                let words = app.words(&error);
                                app.update(Msg::Saved(Err(words.clone())));
                                fill(&app.content.ui.saving.failed, &[("error", &words)])
                            }
                        };
                        self.say(&said)?;
                    }
                }
                Reply::Faq(query) => {
                    let ui = &app.content.ui;
                    let text = report::faq_text(&app.content, &query).unwrap_or_else(|| {
                        fill(
                            &ui.commands.faq_no_match,
                            &[("query", &safe::shown(&query))],
                        )
                    });
                    self.say(&text)?;
                }
                Reply::Notes => self.say(&plain::notes_text(&app))?,
                // The commands, then the question and its context again.
                Reply::Help => {
                    self.say(plain::commands(&app))?;
                    shown = None;
                }
                Reply::Invalid(reason) => self.say(&reason)?,
                Reply::List => break Left::ForTheList,
                Reply::Quit | Reply::Finish => break Left::Done,
            }
        };
        let file = safe::shown(&session.saved_in(store).display().to_string()).into_owned();
        match &app.save_error {
            None => self.say(&fill(&app.content.ui.commands.saved, &[("file", &file)]))?,
            Some(error) => self.say(&fill(
                &app.content.ui.saving.left_unsaved,
                &[("error", error), ("file", &file)],
            ))?,
        }
        Ok(left)
    }

    fn say(&mut self, text: &str) -> Result<(), String> {
        let text = kzvisa::present::plain_spaces(text);
        writeln!(self.output, "{text}").map_err(|e| e.to_string())
    }

    /// Asks a question, again after a line that is not text; `None` at the end of the input.
    fn ask(&mut self, question: &str, not_text: &str) -> Result<Option<String>, String> {
        loop {
            let question = kzvisa::present::plain_spaces(question);
            write!(self.output, "{question} ").map_err(|e| e.to_string())?;
            self.output.flush().map_err(|e| e.to_string())?;
            // Read as bytes: a line in another encoding (a pasted Windows-1251 name, say) is
            // a line to type again, not the end of the wizard.
            let mut bytes = Vec::new();
            let read = self
                .input
                .read_until(b'\n', &mut bytes)
                .map_err(|e| e.to_string())?;
            if read == 0 {
                writeln!(self.output).map_err(|e| e.to_string())?;
                return Ok(None);
            }
            let text = String::from_utf8(bytes);
            if self.echo {
                let shown = match &text {
                    Ok(line) => line.clone(),
                    Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
                };
                let shown = safe::shown(shown.trim_end_matches(['\n', '\r'])).into_owned();
                writeln!(self.output, "{shown}").map_err(|e| e.to_string())?;
            }
            match text {
                Ok(line) => return Ok(Some(line.trim_end_matches(['\n', '\r']).to_string())),
                Err(_) => self.say(not_text)?,
            }
        }
    }
}

/// How the line wizard left an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Left {
    /// Quit, finished, or the input ended.
    Done,
    /// `list`: choose an application again.
    ForTheList,
}

/// The application at `path` for writing, freshly read (the listing may be old); the reason
/// when it may only be read.
fn open(path: &std::path::Path) -> kzvisa::error::Result<Result<Session, ReadOnly>> {
    let (record, bytes) = store::load_exact(path)?;
    Ok(match store::access(path)? {
        Access::Write(lock) => Ok(Session::opened(
            path.to_path_buf(),
            record,
            bytes,
            Some(lock),
        )),
        Access::ReadOnly(why) => Err(why),
    })
}

fn locked(content: &Content, name: &str) -> String {
    fill(&content.ui.plain.locked, &[("name", &safe::shown(name))])
}
