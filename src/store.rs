//! The only file IO for applications: where they live, atomic saves, locks, listing, loading,
//! schema versions and the trash. A file that cannot be read is reported, never touched.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::wizard::Application;

/// The version of the file format this build writes. Raise it with every change that an older
/// build could not read, and migrate files of the previous version in [`parse`].
pub const SCHEMA: u32 = 2;

const EXTENSION: &str = "yaml";

/// An application file: `NAME.yaml`, a file or a link to one (backups end in `.bak`).
fn is_application(path: &Path, kind: Option<fs::FileType>) -> bool {
    path.extension().is_some_and(|e| e == EXTENSION)
        && match kind {
            Some(kind) if !kind.is_symlink() => kind.is_file(),
            // A link, or a file system that does not say: ask about what it leads to.
            _ => path.is_file(),
        }
}

/// One application as saved: who it is for, when, and everything answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub schema: u32,
    pub name: String,
    pub created: DateTime<FixedOffset>,
    pub updated: DateTime<FixedOffset>,
    pub application: Application,
}

impl Record {
    pub fn new(name: String, now: DateTime<FixedOffset>) -> Self {
        Record {
            schema: SCHEMA,
            name,
            created: now,
            updated: now,
            application: Application::default(),
        }
    }
}

/// A row of the start screen: a readable application or a file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Listing {
    Ready { path: PathBuf, record: Box<Record> },
    Broken { path: PathBuf, error: Error },
}

impl Listing {
    /// The application file at `path`, read.
    pub fn read(path: PathBuf) -> Self {
        match load(&path) {
            Ok(record) => Listing::Ready {
                path,
                record: Box::new(record),
            },
            Err(error) => Listing::Broken { path, error },
        }
    }

    pub fn path(&self) -> &Path {
        match self {
            Listing::Ready { path, .. } | Listing::Broken { path, .. } => path,
        }
    }
}

/// The applications called `name` (ignoring case), or whose file is `name.yaml`.
pub fn named<'a>(listings: &'a [Listing], name: &str) -> Vec<(&'a Path, &'a Record)> {
    let wanted = name.trim().to_lowercase();
    ready(listings)
        .filter(|(path, record)| {
            record.name.trim().to_lowercase() == wanted
                || path
                    .file_stem()
                    .is_some_and(|stem| stem.to_string_lossy() == name)
        })
        .collect()
}

/// The applications [`named`] so; failing that, those whose name starts with `name`, so
/// `aigerim` finds "Aigerim Bekova".
pub fn find<'a>(listings: &'a [Listing], name: &str) -> Vec<(&'a Path, &'a Record)> {
    let exact = named(listings, name);
    let wanted = name.trim().to_lowercase();
    if !exact.is_empty() || wanted.is_empty() {
        return exact;
    }
    ready(listings)
        .filter(|(_, record)| record.name.trim().to_lowercase().starts_with(&wanted))
        .collect()
}

fn ready(listings: &[Listing]) -> impl Iterator<Item = (&Path, &Record)> {
    listings.iter().filter_map(|listing| match listing {
        Listing::Ready { path, record } => Some((path.as_path(), record.as_ref())),
        Listing::Broken { .. } => None,
    })
}

/// The folder of applications.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// The folder from `directories`: on Linux `$XDG_DATA_HOME/kzvisa/applications`.
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "kzvisa")
            .map(|dirs| dirs.data_dir().join("applications"))
    }

    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Store { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether the folder holds an application file, readable or not: the first one found
    /// answers, so a start need not list them all to know which screen comes first.
    pub fn has_applications(&self) -> bool {
        fs::read_dir(&self.dir).is_ok_and(|mut read| {
            read.any(|entry| entry.is_ok_and(|e| is_application(&e.path(), e.file_type().ok())))
        })
    }

    /// The application files in the folder, none of them read: newest first by when each was
    /// last written (a save writes the whole file), then by name. Reading the dates of a
    /// thousand files takes a fraction of reading the files.
    pub fn scan(&self) -> Vec<PathBuf> {
        let Ok(read) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<(Option<SystemTime>, PathBuf)> = read
            .filter_map(|entry| {
                let entry = entry.ok()?;
                let path = entry.path();
                if !is_application(&path, entry.file_type().ok()) {
                    return None;
                }
                Some((entry.metadata().and_then(|m| m.modified()).ok(), path))
            })
            .collect();
        found.sort_by(|(a_time, a_path), (b_time, b_path)| {
            b_time.cmp(a_time).then_with(|| a_path.cmp(b_path))
        });
        found.into_iter().map(|(_, path)| path).collect()
    }

    /// Every application file in the folder, read, in the order of [`Store::scan`].
    pub fn list(&self) -> Vec<Listing> {
        self.scan().into_iter().map(Listing::read).collect()
    }

    /// A new, unused file name for an application called `name`. The name may change later; the
    /// file name does not.
    pub fn new_path(&self, name: &str) -> PathBuf {
        let stem = file_stem(name);
        (1..)
            .map(|n| {
                let stem = if n == 1 {
                    stem.clone()
                } else {
                    format!("{stem}-{n}")
                };
                self.dir.join(format!("{stem}.{EXTENSION}"))
            })
            .find(|path| !path.exists() && !backup_path(path).exists())
            .unwrap_or_else(|| self.dir.join(format!("application.{EXTENSION}")))
    }

    /// Moves an application (and its backup) into `trash/` beside it, never erasing it.
    pub fn trash(&self, path: &Path) -> Result<PathBuf> {
        let trash = self.dir.join("trash");
        create_private_dir(&trash)?;
        let name = path.file_name().unwrap_or_default();
        let mut target = trash.join(name);
        let mut n = 2;
        while target.exists() {
            target = trash.join(format!("{}.{n}", name.to_string_lossy()));
            n += 1;
        }
        fs::rename(path, &target).map_err(|e| Error::io(path, e))?;
        let backup = backup_path(path);
        if backup.exists() {
            let _ = fs::rename(&backup, backup_path(&target));
        }
        let _ = fs::remove_file(lock_path(path));
        Ok(target)
    }
}

/// Reads an application file. Syntax errors come with line and column; a file from a newer
/// kzvisa is refused with both versions named; older versions are migrated.
pub fn load(path: &Path) -> Result<Record> {
    let text = fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse(path, &text)
}

pub fn parse(path: &Path, text: &str) -> Result<Record> {
    // Parsed once, straight into its type: the listing reads every file at start. Only a file
    // that does not parse is read again, for its format number, so one from a newer kzvisa (with
    // fields this one does not know) is refused as newer rather than as broken.
    let parsed = serde_yaml::from_str::<Record>(text);
    let schema = match &parsed {
        Ok(record) => record.schema,
        Err(_) => {
            #[derive(Deserialize)]
            struct Version {
                schema: u32,
            }
            match serde_yaml::from_str::<Version>(text) {
                Ok(version) if version.schema > SCHEMA => version.schema,
                Ok(version) if version.schema < 1 => version.schema,
                Ok(_) | Err(_) => SCHEMA,
            }
        }
    };
    if schema > SCHEMA {
        return Err(Error::Newer {
            path: path.to_path_buf(),
            found: schema,
            supported: SCHEMA,
        });
    }
    if schema < 1 {
        return Err(Error::UnknownFormat {
            path: path.to_path_buf(),
            found: schema,
        });
    }
    // A syntax error is the cause of whatever the typed parse tripped on first: report it.
    let mut record =
        parsed.map_err(
            |typed| match serde_yaml::from_str::<serde_yaml::Value>(text) {
                Err(syntax) => Error::yaml(path, &syntax),
                Ok(_) => Error::yaml(path, &typed),
            },
        )?;
    // 1 → 2 added the route and the employer's part, both empty until answered, and new places
    // (which a version 1 file cannot hold): reading it is the whole migration.
    record.schema = SCHEMA;
    Ok(record)
}

/// Saves atomically: a temporary file in the same folder, written and flushed to disk, then
/// renamed over the old one, whose last version is kept as `NAME.yaml.bak`; then the folder is
/// synced so the rename itself survives a crash.
pub fn save(path: &Path, record: &Record) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    create_private_dir(dir)?;
    let text = serde_yaml::to_string(record).map_err(|e| Error::invalid(path, e.to_string()))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".kzvisa-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o600));
    }
    let mut temp = builder.tempfile_in(dir).map_err(|e| Error::io(dir, e))?;
    temp.write_all(text.as_bytes())
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| Error::io(temp.path(), e))?;
    if path.exists() {
        let backup = backup_path(path);
        fs::copy(path, &backup).map_err(|e| Error::io(&backup, e))?;
    }
    temp.persist(path).map_err(|e| Error::io(path, e.error))?;
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| Error::io(dir, e))
}

pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

pub fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// Held while an application is open for writing; dropping it releases the lock.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// Takes the application's lock, or `Ok(None)` when another kzvisa holds it.
pub fn try_lock(path: &Path) -> Result<Option<Lock>> {
    let lock = lock_path(path);
    if let Some(dir) = lock.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_private_dir(dir)?;
    }
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let file = options.open(&lock).map_err(|e| Error::io(&lock, e))?;
    match file.try_lock() {
        Ok(()) => Ok(Some(Lock { _file: file })),
        Err(fs::TryLockError::WouldBlock) => Ok(None),
        Err(fs::TryLockError::Error(e)) => Err(Error::io(&lock, e)),
    }
}

/// A file name from an application's name: letters and digits of any script kept, the rest
/// turned into dashes, so "Әлия Нұрланқызы" stays readable in a file manager.
fn file_stem(name: &str) -> String {
    let mut stem = String::new();
    for c in name.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
        if stem.chars().count() >= 40 {
            break;
        }
    }
    let stem = stem.trim_end_matches('-').to_string();
    if stem.is_empty() {
        "application".to_string()
    } else {
        stem
    }
}

/// Creates the folder (and its parents) readable by the user alone: passport dates are personal.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|e| Error::io(dir, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_keep_letters_of_any_script() {
        assert_eq!(file_stem("Әлия Нұрланқызы"), "әлия-нұрланқызы");
        assert_eq!(file_stem("  Anna / Tom's visa  "), "anna-tom-s-visa");
        assert_eq!(file_stem("!!!"), "application");
        assert_eq!(file_stem("王小明 🎉"), "王小明");
    }
}
