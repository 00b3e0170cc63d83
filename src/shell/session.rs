//! Which application to open, its lock, and saving it: shared by the full-screen and the line
//! wizard, so an application started in one resumes in the other.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Local, Timelike};

use kzvisa::content::{Content, fill};
use kzvisa::error::Error;
use kzvisa::present::InWords;
use kzvisa::store::{self, Access, Glance, Listing, Lock, OnDisk, ReadOnly, Record, Store};
use kzvisa::wizard::Application;

/// The application open in the wizard, and how it is saved.
pub struct Session {
    /// `None` until the first save of an application started from the welcome screen.
    pub path: Option<PathBuf>,
    pub record: Record,
    /// Held while open for writing; `None` when read-only.
    pub lock: Option<Lock>,
    /// The file's bytes as last read or written here, `None` before it exists: a file that
    /// holds anything else was changed by someone else, and is never overwritten.
    on_disk: Option<Vec<u8>>,
}

/// Where a save put the answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    InPlace,
    /// The file had been changed by another program, so it was left as it is and the answers
    /// went into a new application beside it, called `name`.
    Moved {
        from: PathBuf,
        to: PathBuf,
        name: String,
    },
}

impl Session {
    pub fn unsaved(name: String, path: Option<PathBuf>) -> Self {
        Session {
            path,
            record: Record::new(name, now()),
            lock: None,
            on_disk: None,
        }
    }

    /// An application read from `path` as `bytes`.
    pub fn opened(path: PathBuf, record: Record, bytes: Vec<u8>, lock: Option<Lock>) -> Self {
        Session {
            path: Some(path),
            record,
            lock,
            on_disk: Some(bytes),
        }
    }

    /// Saves the answers; a failure leaves the last good file in place. A file changed on disk
    /// by someone else (a hand edit, a sync) is kept as it is, and the answers are saved as a new
    /// application beside it: neither version is lost, and the person is told where each is.
    pub fn save(
        &mut self,
        store: &Store,
        application: &Application,
    ) -> kzvisa::error::Result<Saved> {
        self.record.application = application.clone();
        self.record.updated = now();
        match self.write(store) {
            Err(Error::Changed { path: from }) => {
                let name = format!(
                    "{} ({})",
                    self.record.name,
                    self.record.updated.format("%Y-%m-%d %H:%M")
                );
                let to = store::new_path_in(store::parent(&from), &name);
                self.record.name = name.clone();
                self.path = Some(to.clone());
                self.lock = None;
                self.on_disk = None;
                self.write(store)?;
                Ok(Saved::Moved { from, to, name })
            }
            written => written.map(|()| Saved::InPlace),
        }
    }

    fn write(&mut self, store: &Store) -> kzvisa::error::Result<()> {
        let path = self
            .path
            .get_or_insert_with(|| store.new_path(&self.record.name))
            .clone();
        if self.lock.is_none() {
            match store::access(&path)? {
                Access::Write(lock) => self.lock = Some(lock),
                // Two writers would overwrite each other's answers.
                Access::ReadOnly(why) => return Err(why.error(&path)),
            }
        }
        let Session {
            record,
            lock: Some(lock),
            on_disk,
            ..
        } = self
        else {
            return Err(ReadOnly::Locked.error(&path));
        };
        let expected = match on_disk {
            Some(bytes) => OnDisk::Exactly(bytes),
            None => OnDisk::Nothing,
        };
        let written = store::save_expecting(&path, record, expected, lock)?;
        *on_disk = Some(written);
        Ok(())
    }

    /// Where the answers are (or will be) saved, for the messages that say so.
    pub fn saved_in(&self, store: &Store) -> PathBuf {
        self.path
            .clone()
            .unwrap_or_else(|| store.dir().to_path_buf())
    }
}

/// What is said when a save found the file changed elsewhere: both files are in one folder, so
/// their names are enough (and fit on a line where whole paths would not).
pub fn moved_text(content: &Content, from: &Path, to: &Path, name: &str) -> String {
    let file_name = |path: &Path| {
        path.file_name()
            .unwrap_or(path.as_os_str())
            .to_string_lossy()
            .into_owned()
    };
    fill(
        &content.ui.saving.moved,
        &[
            ("file", &file_name(from)),
            ("name", name),
            ("kept", &file_name(to)),
        ],
    )
}

/// What the wizard starts on.
pub enum Opening {
    /// Applications are saved: let the person choose, from the folder at a glance (see
    /// `Store::glance`); the full-screen wizard shows its first rows from it at once.
    Choose(Box<Glance>),
    Wizard {
        session: Box<Session>,
        read_only: Option<ReadOnly>,
        /// Opened with `--file`: there is no list of applications to go back to.
        from_file: bool,
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
    let from_file = file.is_some();
    match (target, file) {
        (Target::New(name), Some(file)) => {
            if file.exists() {
                let record = store::load(file).map_err(words)?;
                return Err(fill(&text.exists, &[("name", &record.name)]));
            }
            let name = name.unwrap_or_else(|| stem_or(file, default_name()));
            create(store, content, name, Some(file.to_path_buf()), from_file)
        }
        (Target::New(name), None) => {
            let name = name.unwrap_or_else(default_name);
            if !store::named(&store.list().map_err(words)?, &name).is_empty() {
                return Err(fill(&text.exists, &[("name", &name)]));
            }
            create(store, content, name, None, from_file)
        }
        (Target::Resume(_), Some(file)) => open(file, content, from_file),
        (Target::Default, Some(file)) if file.exists() => open(file, content, from_file),
        (Target::Default, Some(file)) => Ok(Opening::Wizard {
            session: Box::new(Session::unsaved(
                stem_or(file, default_name()),
                Some(file.to_path_buf()),
            )),
            read_only: None,
            from_file,
        }),
        (Target::Resume(name), None) => {
            open(&find(store, content, name.as_deref())?, content, from_file)
        }
        (Target::Default, None) => {
            let glance = store.glance().map_err(words)?;
            if !glance.files.is_empty() {
                Ok(Opening::Choose(Box::new(glance)))
            } else {
                Ok(Opening::Wizard {
                    session: Box::new(Session::unsaved(default_name(), None)),
                    read_only: None,
                    from_file,
                })
            }
        }
    }
}

/// The saved application called `name`, or the one changed last.
pub fn find(store: &Store, content: &Content, name: Option<&str>) -> Result<PathBuf, String> {
    let text = &content.ui.commands;
    let folder = store.dir().display().to_string();
    let listings = store.list().map_err(|e| e.in_words(&content.ui.errors))?;
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

fn open(path: &Path, content: &Content, from_file: bool) -> Result<Opening, String> {
    let words = |e: Error| e.in_words(&content.ui.errors);
    let (record, bytes) = store::load_exact(path).map_err(words)?;
    let (lock, read_only) = match store::access(path).map_err(words)? {
        Access::Write(lock) => (Some(lock), None),
        Access::ReadOnly(why) => (None, Some(why)),
    };
    Ok(Opening::Wizard {
        read_only,
        session: Box::new(Session::opened(path.to_path_buf(), record, bytes, lock)),
        from_file,
    })
}

/// A new application, saved at once so that it is listed and locked from the start.
fn create(
    store: &Store,
    content: &Content,
    name: String,
    path: Option<PathBuf>,
    from_file: bool,
) -> Result<Opening, String> {
    let path = path.unwrap_or_else(|| store.new_path(&name));
    let mut session = Session::unsaved(name, Some(path));
    session
        .save(store, &Application::default())
        .map_err(|e| e.in_words(&content.ui.errors))?;
    Ok(Opening::Wizard {
        session: Box::new(session),
        read_only: None,
        from_file,
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
