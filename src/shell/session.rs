//! Which application to open, its lock, and saving it: shared by the full-screen and the line
//! wizard, so an application started in one resumes in the other.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Local, Timelike};

use kzvisa::content::{Content, fill};
use kzvisa::error::Error;
use kzvisa::store::{self, Listing, Lock, Record, Store};
use kzvisa::wizard::Application;

/// The application open in the wizard, and how it is saved.
pub struct Session {
    /// `None` until the first save of an application started from the welcome screen.
    pub path: Option<PathBuf>,
    pub record: Record,
    /// Held while open for writing; `None` when read-only.
    pub lock: Option<Lock>,
}

impl Session {
    pub fn unsaved(name: String, path: Option<PathBuf>) -> Self {
        Session {
            path,
            record: Record::new(name, now()),
            lock: None,
        }
    }

    pub fn opened(path: PathBuf, record: Record, lock: Option<Lock>) -> Self {
        Session {
            path: Some(path),
            record,
            lock,
        }
    }

    /// Saves the answers; a failure leaves the last good file in place.
    pub fn save(&mut self, store: &Store, application: &Application) -> kzvisa::error::Result<()> {
        let path = self
            .path
            .get_or_insert_with(|| store.new_path(&self.record.name))
            .clone();
        if self.lock.is_none() {
            self.lock = store::try_lock(&path)?;
            if self.lock.is_none() {
                // Two writers would overwrite each other's answers.
                return Err(Error::Locked { path });
            }
        }
        self.record.application = application.clone();
        self.record.updated = now();
        store::save(&path, &self.record)
    }

    /// Where the answers are (or will be) saved, for the messages that say so.
    pub fn saved_in(&self, store: &Store) -> PathBuf {
        self.path
            .clone()
            .unwrap_or_else(|| store.dir().to_path_buf())
    }
}

/// What the wizard starts on.
pub enum Opening {
    /// Applications are saved: let the person choose. The folder is listed by whoever shows
    /// it, so the full-screen wizard can show itself first.
    Choose,
    Wizard {
        session: Box<Session>,
        read_only: bool,
    },
}

/// What `kzvisa`, `kzvisa new [NAME]` and `kzvisa resume [NAME]` open.
pub enum Target {
    Default,
    New(Option<String>),
    Resume(Option<String>),
}

pub fn opening(
    target: Target,
    file: Option<&Path>,
    store: &Store,
    content: &Content,
) -> Result<Opening, String> {
    let text = &content.ui.commands;
    let words = |e: Error| e.in_words(&content.ui.errors);
    let default_name = || content.ui.start.default_name.clone();
    match (target, file) {
        (Target::New(name), Some(file)) => {
            if file.exists() {
                let record = store::load(file).map_err(words)?;
                return Err(fill(&text.exists, &[("name", &record.name)]));
            }
            let name = name.unwrap_or_else(|| stem_or(file, default_name()));
            create(store, content, name, Some(file.to_path_buf()))
        }
        (Target::New(name), None) => {
            let name = name.unwrap_or_else(default_name);
            if !store::named(&store.list(), &name).is_empty() {
                return Err(fill(&text.exists, &[("name", &name)]));
            }
            create(store, content, name, None)
        }
        (Target::Resume(_), Some(file)) => open(file, content),
        (Target::Default, Some(file)) if file.exists() => open(file, content),
        (Target::Default, Some(file)) => Ok(Opening::Wizard {
            session: Box::new(Session::unsaved(
                stem_or(file, default_name()),
                Some(file.to_path_buf()),
            )),
            read_only: false,
        }),
        (Target::Resume(name), None) => open(&find(store, content, name.as_deref())?, content),
        (Target::Default, None) => {
            if store.has_applications() {
                Ok(Opening::Choose)
            } else {
                Ok(Opening::Wizard {
                    session: Box::new(Session::unsaved(default_name(), None)),
                    read_only: false,
                })
            }
        }
    }
}

/// The saved application called `name`, or the one changed last.
pub fn find(store: &Store, content: &Content, name: Option<&str>) -> Result<PathBuf, String> {
    let text = &content.ui.commands;
    let folder = store.dir().display().to_string();
    let listings = store.list();
    let Some(name) = name else {
        // The listing is newest first.
        return listings
            .iter()
            .find(|l| matches!(l, Listing::Ready { .. }))
            .map(|l| l.path().to_path_buf())
            .ok_or_else(|| fill(&text.no_applications, &[("folder", &folder)]));
    };
    match store::find(&listings, name).as_slice() {
        [] => Err(fill(
            &text.no_such_application,
            &[("name", name), ("folder", &folder)],
        )),
        [(path, _)] => Ok(path.to_path_buf()),
        several => {
            let files: Vec<String> = several
                .iter()
                .map(|(path, _)| path.display().to_string())
                .collect();
            Err(fill(
                &text.ambiguous,
                &[("name", name), ("files", &files.join(", "))],
            ))
        }
    }
}

/// The record to report on: `--file`, or the application called `name`, or the newest.
pub fn record(
    store: &Store,
    content: &Content,
    file: Option<&Path>,
    name: Option<&str>,
) -> Result<Record, String> {
    let path = match file {
        Some(file) => file.to_path_buf(),
        None => find(store, content, name)?,
    };
    store::load(&path).map_err(|e| e.in_words(&content.ui.errors))
}

fn open(path: &Path, content: &Content) -> Result<Opening, String> {
    let words = |e: Error| e.in_words(&content.ui.errors);
    let record = store::load(path).map_err(words)?;
    let lock = store::try_lock(path).map_err(words)?;
    Ok(Opening::Wizard {
        read_only: lock.is_none(),
        session: Box::new(Session::opened(path.to_path_buf(), record, lock)),
    })
}

/// A new application, saved at once so that it is listed and locked from the start.
fn create(
    store: &Store,
    content: &Content,
    name: String,
    path: Option<PathBuf>,
) -> Result<Opening, String> {
    let path = path.unwrap_or_else(|| store.new_path(&name));
    let mut session = Session::unsaved(name, Some(path));
    session
        .save(store, &Application::default())
        .map_err(|e| e.in_words(&content.ui.errors))?;
    Ok(Opening::Wizard {
        session: Box::new(session),
        read_only: false,
    })
}

fn stem_or(path: &Path, default: String) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or(default)
}

/// Now, to the second: the file is read by people, and nanoseconds tell them nothing.
pub fn now() -> DateTime<FixedOffset> {
    let now = Local::now().fixed_offset();
    now.with_nanosecond(0).unwrap_or(now)
}
