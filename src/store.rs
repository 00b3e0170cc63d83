//! The only file IO for applications: where they live, atomic saves, locks, listing, loading,
//! schema versions and the trash. A file that cannot be read is reported, never touched.

use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::wizard::Application;

mod index;

/// The folder's summary of its applications (see `store/index.rs`): derived data only.
pub use index::FILE_NAME as INDEX_FILE;
/// What a file or folder was when looked at (see `store/index.rs`).
pub use index::Identity;

/// The version of the file format this build writes. Raise it with every change that an older
/// build could not read, and migrate files of the previous version in [`parse`].
pub const SCHEMA: u32 = 3;

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

/// The files of [`Store::glance`], and what the index knew of them.
#[derive(Debug, Default)]
pub struct Glance {
    pub files: Vec<PathBuf>,
    pub known: Known,
    /// Ordered as the index last saw the folder, not by each file's dates.
    pub provisional: bool,
}

/// The folder's index as a listing began, with what each file was then, and the files read
/// since: an entry is used only for a file that is still exactly that file.
#[derive(Default)]
pub struct Known {
    kept: index::Kept,
    /// Files read since, that the index did not hold as they are, by name.
    read: std::collections::HashMap<String, index::Entry<'static>>,
    /// The folder as it was before the files now listed were (see
    /// [`Store::scan_with_folder`]).
    folder: Option<Identity>,
    /// How many rows were read from their files rather than from the index.
    pub read_from_files: usize,
}

impl std::fmt::Debug for Known {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Known({} entries, {} read)",
            self.kept.len(),
            self.read.len()
        )
    }
}

impl Known {
    fn of(kept: index::Kept) -> Self {
        Known {
            kept,
            ..Known::default()
        }
    }

    /// The folder as it was before the files now listed were: kept with the index.
    pub fn listed(&mut self, folder: Option<Identity>) {
        self.folder = folder;
    }

    fn entry(&self, file: &str) -> Option<index::Entry<'_>> {
        match self.read.get(file) {
            Some(read) => Some(read.view()),
            None => self.kept.find(file),
        }
    }

    /// The application file at `path`: from the index when the file is unchanged since (its
    /// inode, size and times, looked at now), else read from the file and kept for the index.
    pub fn read(&mut self, path: PathBuf) -> Listing {
        let identity = fs::symlink_metadata(&path)
            .ok()
            .and_then(|meta| index::Identity::of(&meta));
        let Some(file) = file_name(&path) else {
            self.read_from_files += 1;
            return Listing::read(path);
        };
        if let (Some(entry), Some(identity)) = (self.entry(file), identity)
            && entry.identity == identity
            && let Some(record) = entry.record()
        {
            return Listing::Ready {
                path,
                record: Box::new(record),
            };
        }
        let file = file.to_string();
        self.read_from_files += 1;
        let listing = Listing::read(path);
        if let (Listing::Ready { record, .. }, Some(identity)) = (&listing, identity)
            && let Some(entry) = index::Entry::new(file.clone(), identity, record)
        {
            self.read.insert(file, entry);
        }
        listing
    }

    /// Writes the folder's index again if it lacked any of `files` (the folder's files, all
    /// read, in their order, as [`Known::listed`] found them) or held others, or the folder
    /// has changed since it was written; derived data, so a folder that cannot hold it only
    /// lists more slowly next time.
    pub fn keep(&mut self, store: &Store, files: &[&Path]) {
        let names: Vec<&str> = files.iter().filter_map(|path| file_name(path)).collect();
        let entries: Vec<index::Entry> = names.iter().filter_map(|name| self.entry(name)).collect();
        let same = self.read.is_empty()
            && entries.len() == self.kept.len()
            && self.folder == self.kept.folder;
        if !same {
            // What was written is what the next listing will find.
            let written =
                index::write(&store.dir, self.folder, &names, entries).and_then(index::Kept::of);
            *self = Known {
                folder: self.folder,
                read_from_files: self.read_from_files,
                ..Known::of(written.unwrap_or_default())
            };
        }
    }
}

/// What a listing made of one application file: a row, or why the file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Summary<R> {
    Ready { path: PathBuf, row: R },
    Broken { path: PathBuf, error: Error },
}

impl<R> Summary<R> {
    pub fn path(&self) -> &Path {
        match self {
            Summary::Ready { path, .. } | Summary::Broken { path, .. } => path,
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

    /// The application files in the folder, none of them read: newest first by when each was
    /// last written (a save writes the whole file), then by name. Reading the dates of a
    /// thousand files takes a fraction of reading the files. Temporary files that kzvisa left
    /// when it was killed mid-save are removed on the way (see [`remove_if_stale`]).
    pub fn scan(&self) -> Result<Vec<PathBuf>> {
        Ok(self
            .scan_files()?
            .into_iter()
            .map(|(path, _)| path)
            .collect())
    }

    /// [`Store::scan`], and the folder as it was just before: while it stays so, it holds the
    /// same files.
    pub fn scan_with_folder(&self) -> Result<(Vec<PathBuf>, Option<Identity>)> {
        let folder = self.folder_identity();
        Ok((self.scan()?, folder))
    }

    fn folder_identity(&self) -> Option<Identity> {
        fs::metadata(&self.dir)
            .ok()
            .and_then(|meta| Identity::of_folder(&meta))
    }

    /// [`Store::scan`], with what each file was when it was looked at.
    fn scan_files(&self) -> Result<Vec<(PathBuf, Option<index::Identity>)>> {
        let read = match fs::read_dir(&self.dir) {
            Ok(read) => read,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Error::io(&self.dir, e)),
        };
        type Found = (Option<SystemTime>, PathBuf, Option<index::Identity>);
        let mut found: Vec<Found> = read
            .filter_map(|entry| {
                let entry = entry.ok()?;
                let path = entry.path();
                if is_temporary(&entry.file_name()) {
                    remove_if_stale(&path);
                    return None;
                }
                if !is_application(&path, entry.file_type().ok()) {
                    return None;
                }
                let meta = entry.metadata().ok();
                let modified = meta.as_ref().and_then(|m| m.modified().ok());
                Some((modified, path, meta.as_ref().and_then(index::Identity::of)))
            })
            .collect();
        // Ties are common (a file system's clock moves in steps of milliseconds): the names
        // break them, compared as bytes, which orders paths of one folder as `Path` does at a
        // fraction of its cost.
        found.sort_by(|(a_time, a_path, _), (b_time, b_path, _)| {
            b_time.cmp(a_time).then_with(|| {
                a_path
                    .as_os_str()
                    .as_encoded_bytes()
                    .cmp(b_path.as_os_str().as_encoded_bytes())
            })
        });
        Ok(found
            .into_iter()
            .map(|(_, path, identity)| (path, identity))
            .collect())
    }

    /// The folder's files as its index last saw them, newest first, without looking at each
    /// file: a start screen shows its first rows at once, from the index where a row's file is
    /// unchanged (see [`Known::read`]), and orders them by [`Store::scan`] a moment later.
    /// Files the index does not know come first (they are newer than it), by name. Without a
    /// usable index this is [`Store::scan`] itself, and says so (`provisional` false).
    pub fn glance(&self) -> Result<Glance> {
        let scanned = || {
            self.scan_with_folder().map(|(files, folder)| Glance {
                files,
                known: Known {
                    folder,
                    ..Known::default()
                },
                provisional: false,
            })
        };
        let Some(index) = index::read(&self.dir)
            .and_then(index::Kept::of)
            .filter(|index| index.files().next().is_some())
        else {
            return scanned();
        };
        // The folder as the index saw it: the same files, none to look for.
        if index.folder.is_some() && index.folder == self.folder_identity() {
            let files = index.files().map(|f| self.dir.join(f)).collect();
            return Ok(Glance {
                files,
                known: Known::of(index),
                provisional: true,
            });
        }
        let read = match fs::read_dir(&self.dir) {
            Ok(read) => read,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Glance::default()),
            Err(e) => return Err(Error::io(&self.dir, e)),
        };
        // Each file in the index's place for it; those it does not know first, by name.
        let place: std::collections::HashMap<&str, usize> = index
            .files()
            .enumerate()
            .map(|(n, file)| (file, n))
            .collect();
        let mut placed: Vec<Option<PathBuf>> = vec![None; place.len()];
        let mut unknown = Vec::new();
        for entry in read.flatten() {
            let path = entry.path();
            if !is_application(&path, entry.file_type().ok()) {
                continue;
            }
            match path.file_name().and_then(|name| place.get(name.to_str()?)) {
                Some(&n) => placed[n] = Some(path),
                None => unknown.push(path),
            }
        }
        unknown.sort();
        unknown.extend(placed.into_iter().flatten());
        Ok(Glance {
            files: unknown,
            known: Known::of(index),
            provisional: true,
        })
    }

    /// Every application file in the folder, read, in the order of [`Store::scan`]. A file
    /// unchanged since the folder's index was written is taken from the index; the others are
    /// read. Nothing is written: a command that only reads leaves the folder as it was.
    pub fn list(&self) -> Result<Vec<Listing>> {
        self.list_with(false)
    }

    /// [`Store::list`], and the index written again if anything differed: for `kzvisa list`,
    /// which a large folder makes worth it.
    pub fn list_keeping_index(&self) -> Result<Vec<Listing>> {
        self.list_with(true)
    }

    fn list_with(&self, keep_index: bool) -> Result<Vec<Listing>> {
        let rows = self.summaries(None, keep_index, |_, record| record)?;
        Ok(rows
            .into_iter()
            .map(|row| match row {
                Summary::Ready { path, row } => Listing::Ready {
                    path,
                    record: Box::new(row),
                },
                Summary::Broken { path, error } => Listing::Broken { path, error },
            })
            .collect())
    }

    /// What `make` makes of each application in the folder, in the order of [`Store::scan`],
    /// and the files that cannot be read. With a `key` (the day, the language and the build it
    /// depends on), a row made before for the same key and an unchanged file is taken from the
    /// index without the record being decoded. `keep_index` writes the index again if
    /// anything differed.
    pub fn summaries<R>(
        &self,
        key: Option<&str>,
        keep_index: bool,
        make: impl Fn(&Path, Record) -> R,
    ) -> Result<Vec<Summary<R>>>
    where
        R: Serialize + serde::de::DeserializeOwned,
    {
        let folder = self.folder_identity();
        let files = self.scan_files()?;
        let bytes = index::read(&self.dir);
        let index = bytes.as_deref().and_then(index::decode).unwrap_or_default();
        let stored_folder = index.folder;
        let mut indexed = index.lookup();
        let mut kept = Vec::new();
        let mut changed = false;
        let mut rows = Vec::with_capacity(files.len());
        for (path, identity) in files {
            let entry = file_name(&path)
                .and_then(|file| indexed.take(file))
                .filter(|entry| Some(entry.identity) == identity);
            if let Some(entry) = entry {
                if let Some(row) = key.and_then(|key| entry.row::<R>(key)) {
                    rows.push(Summary::Ready { path, row });
                    kept.push(entry);
                    continue;
                }
                if let Some(record) = entry.record() {
                    let row = make(&path, record);
                    let entry = match key {
                        Some(key) if keep_index => {
                            changed = true;
                            entry.with_row(key, &row)
                        }
                        _ => entry,
                    };
                    rows.push(Summary::Ready { path, row });
                    kept.push(entry);
                    continue;
                }
            }
            changed = true;
            match load(&path) {
                Ok(record) => {
                    let entry = match (keep_index, file_name(&path), identity) {
                        (true, Some(file), Some(identity)) => {
                            index::Entry::new(file.to_string(), identity, &record)
                        }
                        _ => None,
                    };
                    let row = make(&path, record);
                    kept.extend(entry.map(|entry| match key {
                        Some(key) => entry.with_row(key, &row),
                        None => entry,
                    }));
                    rows.push(Summary::Ready { path, row });
                }
                Err(error) => rows.push(Summary::Broken { path, error }),
            }
        }
        // Entries left over are of files gone since.
        if keep_index && (changed || !indexed.is_empty() || stored_folder != folder) {
            let names: Vec<&str> = rows
                .iter()
                .filter_map(|row| file_name(row.path()))
                .collect();
            index::write(&self.dir, folder, &names, kept);
        }
        Ok(rows)
    }

    /// A new, unused file name for an application called `name`. The name may change later; the
    /// file name does not.
    pub fn new_path(&self, name: &str) -> PathBuf {
        new_path_in(&self.dir, name)
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

    /// The folder deleted applications are moved to.
    pub fn trash_dir(&self) -> PathBuf {
        self.dir.join("trash")
    }

    /// The applications in the trash, the last deleted first (by when each was moved there, the
    /// time the move stamps on the file), each read without following a link; links themselves
    /// are not listed. A trash folder that is a link is refused: it may lead anywhere.
    pub fn trashed(&self) -> Result<Vec<Listing>> {
        let trash = self.trash_dir();
        let read = match fs::symlink_metadata(&trash) {
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Error::io(&trash, e)),
            Ok(meta) if meta.file_type().is_symlink() => return Err(Error::Link { path: trash }),
            Ok(_) => fs::read_dir(&trash).map_err(|e| Error::io(&trash, e))?,
        };
        let mut found: Vec<(SystemTime, PathBuf)> = read
            .filter_map(|entry| {
                let entry = entry.ok()?;
                let meta = fs::symlink_metadata(entry.path()).ok()?;
                (meta.is_file() && is_trashed_application(&entry.file_name()))
                    .then(|| (moved_at(&meta), entry.path()))
            })
            .collect();
        // The last moved first; of two moved in the same instant, the later name (`a.yaml.3`
        // after `a.yaml.2`) was moved later.
        found.sort_by(|(a_time, a_path), (b_time, b_path)| {
            b_time
                .cmp(a_time)
                .then_with(|| trash_number(b_path).cmp(&trash_number(a_path)))
                .then_with(|| a_path.cmp(b_path))
        });
        Ok(found
            .into_iter()
            .map(|(_, path)| match load_no_follow(&path) {
                Ok(record) => Listing::Ready {
                    path,
                    record: Box::new(record),
                },
                Err(error) => Listing::Broken { path, error },
            })
            .collect())
    }

    /// Moves an application from the trash back into the folder, its backup with it. Nothing is
    /// ever overwritten: its old file name is used if free, else a new one; and an application
    /// of the same name in the folder refuses it ([`Error::NameTaken`]), as a new one of that
    /// name is refused. Each file moves in one rename that fails rather than replace a file;
    /// links are refused, never followed.
    pub fn restore(&self, trashed: &Path) -> Result<Restored> {
        let trash = self.trash_dir();
        refuse_link(&trash)?;
        refuse_link(trashed)?;
        let backup = backup_path(trashed);
        refuse_link(&backup)?;
        let record = load_no_follow(trashed);
        if let Err(error @ (Error::NotRegular { .. } | Error::Link { .. })) = &record {
            return Err(error.clone());
        }
        let name = record.as_ref().ok().map(|record| record.name.clone());
        if let Some(name) = &name
            && !named(&self.list()?, name).is_empty()
        {
            return Err(Error::NameTaken {
                path: trashed.to_path_buf(),
                name: name.clone(),
            });
        }
        create_private_dir(&self.dir)?;
        let file_name = original_name(trashed);
        let old_path = self.dir.join(&file_name);
        let target = if unused(&old_path) {
            old_path
        } else {
            let stem = Path::new(&file_name).file_stem().unwrap_or_default();
            new_path_in(&self.dir, &stem.to_string_lossy())
        };
        move_no_replace(trashed, &target)?;
        // The application is back; a backup that cannot follow stays in the trash, unharmed.
        if fs::symlink_metadata(&backup).is_ok() {
            let _ = move_no_replace(&backup, &backup_path(&target));
        }
        let _ = File::open(&self.dir).and_then(|d| d.sync_all());
        Ok(Restored {
            name: name.unwrap_or(file_name),
            path: target,
        })
    }
}

/// An application brought back from the trash: where it is now, and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    pub path: PathBuf,
    pub name: String,
}

/// A file the trash holds an application in: `NAME.yaml`, or `NAME.yaml.N` for the N-th one of
/// that file name (see [`Store::trash`]); not a backup or a lock.
fn is_trashed_application(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    let suffix = format!(".{EXTENSION}");
    match name.rsplit_once(&suffix) {
        Some((stem, "")) => !stem.is_empty(),
        Some((stem, number)) => {
            !stem.is_empty()
                && number
                    .strip_prefix('.')
                    .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        }
        None => false,
    }
}

/// The N of a trashed `NAME.yaml.N`; 1 for the first, `NAME.yaml`.
fn trash_number(path: &Path) -> u64 {
    path.extension()
        .and_then(|e| e.to_str())
        .and_then(|e| e.parse().ok())
        .unwrap_or(1)
}

/// The file name an application had before the trash: `NAME.yaml.N` was `NAME.yaml`.
fn original_name(trashed: &Path) -> String {
    let name = trashed
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    match name.rsplit_once('.') {
        Some((before, number))
            if before.ends_with(&format!(".{EXTENSION}"))
                && !number.is_empty()
                && number.bytes().all(|b| b.is_ascii_digit()) =>
        {
            before.to_string()
        }
        _ => name,
    }
}

/// When a file was last moved, renamed or written: a move stamps its status-change time.
fn moved_at(meta: &fs::Metadata) -> SystemTime {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let (seconds, nanos) = (meta.ctime(), meta.ctime_nsec());
        if let (Ok(seconds), Ok(nanos)) = (u64::try_from(seconds), u32::try_from(nanos)) {
            return SystemTime::UNIX_EPOCH + Duration::new(seconds, nanos);
        }
    }
    meta.modified().unwrap_or(SystemTime::UNIX_EPOCH)
}

/// Whether nothing (no file, link, backup or lock) goes by an application's path yet.
fn unused(path: &Path) -> bool {
    [path.to_path_buf(), backup_path(path), lock_path(path)]
        .iter()
        .all(|p| fs::symlink_metadata(p).is_err())
}

/// Renames `from` to `to` in one step that fails if `to` exists, rather than replacing it.
/// Where the file system cannot rename so, a hard link (which fails on an existing name too)
/// then the removal of the old name: a crash in between leaves both names, never neither.
fn move_no_replace(from: &Path, to: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, from, CWD, to, RenameFlags::NOREPLACE) {
            Ok(()) => return Ok(()),
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {}
            Err(e) => return Err(Error::io(to, e.into())),
        }
        fs::hard_link(from, to).map_err(|e| Error::io(to, e))?;
        fs::remove_file(from).map_err(|e| Error::io(from, e))
    }
    #[cfg(not(unix))]
    {
        if fs::symlink_metadata(to).is_ok() {
            return Err(Error::io(to, ErrorKind::AlreadyExists.into()));
        }
        fs::rename(from, to).map_err(|e| Error::io(to, e))
    }
}

/// Larger than any application kzvisa writes (a few kilobytes) by far, and small enough that
/// reading and parsing it stays quick.
pub const MAX_FILE_BYTES: u64 = 256 * 1024;

/// Deeper than any application kzvisa writes (four levels): a file of nested brackets takes the
/// YAML parser quadratic time, so it is refused before it is parsed.
const MAX_NESTING: usize = 32;

/// A new, unused file name in `dir` for an application called `name` (see [`Store::new_path`]).
pub fn new_path_in(dir: &Path, name: &str) -> PathBuf {
    let stem = file_stem(name);
    (1..10_000)
        .map(|n| {
            let stem = if n == 1 {
                stem.clone()
            } else {
                format!("{stem}-{n}")
            };
            dir.join(format!("{stem}.{EXTENSION}"))
        })
        .find(|path| unused(path))
        .unwrap_or_else(|| dir.join(format!("application.{EXTENSION}")))
}

/// Reads an application file. Syntax errors come with line and column; a file from a newer
/// kzvisa is refused with both versions named; older versions are migrated.
pub fn load(path: &Path) -> Result<Record> {
    load_exact(path).map(|(record, _)| record)
}

/// [`load`], with the bytes read: what a later save expects to find on disk.
pub fn load_exact(path: &Path) -> Result<(Record, Vec<u8>)> {
    let bytes = read_regular(path)?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| Error::invalid(path, "the file is not UTF-8 text"))?;
    let record = parse(path, text)?;
    Ok((record, bytes))
}

/// [`load`], refusing a link rather than reading what it leads to (a file in the trash, which
/// is put back as it is found).
fn load_no_follow(path: &Path) -> Result<Record> {
    let bytes = read_opened(path, open_no_follow(path, false)?)?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| Error::invalid(path, "the file is not UTF-8 text"))?;
    parse(path, text)
}

/// The whole of a regular file of at most [`MAX_FILE_BYTES`]. A FIFO or a device is refused
/// without blocking: it is opened non-blocking and looked at before anything is read.
fn read_regular(path: &Path) -> Result<Vec<u8>> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        rustix::fs::OFlags::NONBLOCK.bits() as i32,
    );
    let file = options.open(path).map_err(|e| Error::io(path, e))?;
    read_opened(path, file)
}

/// The whole of `file`, opened from `path`, if it is a regular file of at most
/// [`MAX_FILE_BYTES`].
fn read_opened(path: &Path, file: File) -> Result<Vec<u8>> {
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::NotRegular {
            path: path.to_path_buf(),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Error::invalid(path, "the file is too large"));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // One byte past the limit tells a file that grew since it was looked at.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Error::invalid(path, "the file is too large"));
    }
    Ok(bytes)
}

/// How deeply the text's flow collections (`[`, `{`) nest, outside quoted text. Quotes are
/// closed at each line's end, since kzvisa writes no quoted text over several lines: an
/// apostrophe in a plain name cannot hide the brackets after it for long.
fn nesting(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    // Bytes, not characters: every byte that matters is ASCII, and no byte of a longer UTF-8
    // character is.
    for line in text.as_bytes().split(|&b| b == b'\n') {
        let mut quote = None;
        for &b in line {
            match (quote, b) {
                (None, b'"' | b'\'') => quote = Some(b),
                (Some(q), b) if b == q => quote = None,
                (None, b'[' | b'{') => {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                (None, b']' | b'}') => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
    }
    deepest
}

pub fn parse(path: &Path, text: &str) -> Result<Record> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(Error::invalid(path, "the file is too large"));
    }
    if nesting(text) > MAX_NESTING {
        return Err(Error::invalid(path, "the file nests too deeply"));
    }
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
    // (which a version 1 file cannot hold); 2 → 3 added "Your dates" (`dates`, empty until
    // given) and its place: reading an older file is the whole migration.
    record.schema = SCHEMA;
    Ok(record)
}

/// Saves atomically, whatever is on disk: see [`save_expecting`].
pub fn save(path: &Path, record: &Record) -> Result<()> {
    write_record(path, record, None).map(drop)
}

/// What a save expects to find at the application's path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnDisk<'a> {
    /// Whatever is there: replace it.
    Anything,
    /// These bytes, as last read or written; anything else was written by someone else.
    Exactly(&'a [u8]),
    /// No file yet (a new application).
    Nothing,
}

/// Saves atomically: a temporary file in the same folder, written and flushed to disk, then
/// renamed over the old one, whose last version is first kept as `NAME.yaml.bak` the same way;
/// then the folder is synced so the renames themselves survive a crash. Until the last rename
/// nothing but temporary files is written, so a failure (a full disk) leaves the file and its
/// backup as they were. The file is refused, and left as it is, when it is not what `expected`
/// says ([`Error::Changed`]), or when it or its backup is a link.
///
/// With `lock`, the new file is locked before it replaces the old one, so the application file
/// itself stays locked from one save to the next (see [`Lock`]). Returns the bytes written.
pub fn save_expecting(
    path: &Path,
    record: &Record,
    expected: OnDisk,
    lock: &mut Lock,
) -> Result<Vec<u8>> {
    let written = write_record(path, record, Some((expected, lock)))?;
    lock.keep_marker(path);
    Ok(written)
}

fn write_record(
    path: &Path,
    record: &Record,
    guard: Option<(OnDisk, &mut Lock)>,
) -> Result<Vec<u8>> {
    let dir = parent(path);
    create_private_dir(dir)?;
    let text = serde_yaml::to_string(record).map_err(|e| Error::invalid(path, e.to_string()))?;
    let current = current_bytes(path)?;
    let (expected, lock) = match guard {
        Some((expected, lock)) => (expected, Some(lock)),
        None => (OnDisk::Anything, None),
    };
    let changed = match (expected, &current) {
        (OnDisk::Anything, _) => false,
        (OnDisk::Exactly(bytes), Some(current)) => bytes != current.as_slice(),
        // Removed by someone else: nothing of theirs is lost by writing it again.
        (OnDisk::Exactly(_), None) => false,
        (OnDisk::Nothing, current) => current.is_some(),
    };
    if changed {
        return Err(Error::Changed {
            path: path.to_path_buf(),
        });
    }
    let backup = backup_path(path);
    refuse_link(&backup)?;
    let temp = write_temp(dir, text.as_bytes(), Durability::Answers)?;
    if let Some(current) = &current {
        let old = write_temp(dir, current, Durability::Answers)?;
        old.persist(&backup)
            .map_err(|e| Error::io(&backup, e.error))?;
    }
    let file = temp.persist(path).map_err(|e| Error::io(path, e.error))?;
    if let Some(lock) = lock {
        lock.file = Some(file);
    }
    // The file is in place: a folder that cannot be synced (some network and FUSE file systems
    // refuse it) makes the save no less done, and reporting it as failed would be untrue.
    let _ = File::open(dir).and_then(|d| d.sync_all());
    Ok(text.into_bytes())
}

/// The application file's bytes as they are now, `None` when there is none. A link is refused:
/// a save would replace it with a file and silently cut it from what it points to.
fn current_bytes(path: &Path) -> Result<Option<Vec<u8>>> {
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(path, e)),
        Ok(meta) if meta.file_type().is_symlink() => Err(Error::Link {
            path: path.to_path_buf(),
        }),
        Ok(_) => read_regular(path).map(Some),
    }
}

/// A temporary file of kzvisa's own naming in `dir`, 0600, locked while this process has it
/// (so a start of another kzvisa never takes it for a leftover), written and flushed.
fn write_temp(dir: &Path, bytes: &[u8], durability: Durability) -> Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o600));
    }
    let mut temp = builder.tempfile_in(dir).map_err(|e| Error::io(dir, e))?;
    temp.as_file()
        .try_lock()
        .map_err(|e| Error::io(temp.path(), e.into()))?;
    temp.write_all(bytes)
        .and_then(|()| match durability {
            Durability::Answers => temp.as_file().sync_all(),
            Durability::Derived => Ok(()),
        })
        .map_err(|e| Error::io(temp.path(), e))?;
    Ok(temp)
}

/// Whether a file must reach the disk before it replaces the old one: answers must; derived
/// data, rebuilt whenever it is missing or wrong, need not wait for the disk.
enum Durability {
    Answers,
    Derived,
}

const TEMP_PREFIX: &str = ".kzvisa-";
const TEMP_SUFFIX: &str = ".tmp";

/// A file's name in its folder, as the index keys it.
fn file_name(path: &Path) -> Option<&str> {
    path.file_name()?.to_str()
}

fn is_temporary(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
}

/// A temporary file older than a minute that no kzvisa holds is a leftover of one that was
/// killed mid-save (it holds personal data): remove it. Never a link, never a file in use.
fn remove_if_stale(path: &Path) {
    let Ok(meta) = fs::symlink_metadata(path) else {
        return;
    };
    let old = meta
        .modified()
        .ok()
        .and_then(|m| m.elapsed().ok())
        .is_some_and(|age| age > Duration::from_secs(60));
    if !meta.is_file() || !old {
        return;
    }
    if let Ok(file) = open_no_follow(path, false)
        && file.try_lock().is_ok()
    {
        let _ = fs::remove_file(path);
    }
}

/// The folder a file is in (`.` for a bare file name).
pub fn parent(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
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

/// Refuses a link where kzvisa writes a file of its own: writing there would write wherever it
/// points (a file in the person's home, say).
fn refuse_link(path: &Path) -> Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => Err(Error::Link {
            path: path.to_path_buf(),
        }),
        _ => Ok(()),
    }
}

/// Opens without following a link at the last component (`ELOOP` then, told as a link).
fn open_no_follow(path: &Path, create: bool) -> Result<File> {
    let mut options = OpenOptions::new();
    if create {
        options.create(true).truncate(false).write(true);
    } else {
        options.read(true);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
        options.custom_flags(
            (rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK).bits() as i32,
        );
    }
    options.open(path).map_err(|e| {
        if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            Error::Link {
                path: path.to_path_buf(),
            }
        } else {
            Error::io(path, e)
        }
    })
}

/// One writer per application, held while it is open for writing; dropping it releases it.
///
/// Two locks, so that deleting either lets no second writer in: `NAME.yaml.lock` beside the file
/// (what older kzvisa versions look for) and the application file itself. Each save locks the
/// new file before renaming it into place, so the file at the path is locked at every moment.
#[derive(Debug)]
pub struct Lock {
    marker: File,
    file: Option<File>,
}

impl Lock {
    /// A save found the marker gone or replaced (someone deleted it): take a new one, so older
    /// kzvisa versions are kept out too. The application file's own lock still holds if not.
    fn keep_marker(&mut self, path: &Path) {
        let marker = lock_path(path);
        if same_file(&self.marker, &marker) {
            return;
        }
        if let Ok(file) = open_no_follow(&marker, true)
            && file.try_lock().is_ok()
        {
            self.marker = file;
        }
    }
}

/// Whether `path` names the very file open as `file` (not one put in its place since).
fn same_file(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::symlink_metadata(path)) {
            (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
}

/// Why an application can be read here but not changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOnly {
    /// Another kzvisa has it open.
    Locked,
    /// The file is a link: saving would replace the link with a file (or write wherever it
    /// points, outside the folder), so kzvisa only reads it.
    Link,
    /// The file is write-protected (no write permission): its owner wants it kept as it is.
    Protected,
}

impl ReadOnly {
    /// The error a write to such a file is refused with.
    pub fn error(self, path: &Path) -> Error {
        let path = path.to_path_buf();
        match self {
            ReadOnly::Locked => Error::Locked { path },
            ReadOnly::Link => Error::Link { path },
            ReadOnly::Protected => Error::io(path, ErrorKind::PermissionDenied.into()),
        }
    }
}

/// How an application can be opened.
#[derive(Debug)]
pub enum Access {
    Write(Lock),
    ReadOnly(ReadOnly),
}

/// Opens an application for writing if it may be written: not a link, not write-protected, and
/// no other kzvisa has it. A file not there yet may be written.
pub fn access(path: &Path) -> Result<Access> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => return Ok(Access::ReadOnly(ReadOnly::Link)),
        Ok(meta) if meta.permissions().readonly() => {
            return Ok(Access::ReadOnly(ReadOnly::Protected));
        }
        Ok(_) => {}
        Err(e) if e.kind() == ErrorKind::NotFound => {}
        Err(e) => return Err(Error::io(path, e)),
    }
    Ok(match try_lock(path)? {
        Some(lock) => Access::Write(lock),
        None => Access::ReadOnly(ReadOnly::Locked),
    })
}

/// Takes the application's lock, or `Ok(None)` when another kzvisa holds it.
pub fn try_lock(path: &Path) -> Result<Option<Lock>> {
    let lock = lock_path(path);
    create_private_dir(parent(&lock))?;
    let marker = open_no_follow(&lock, true)?;
    match marker.try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => return Ok(None),
        Err(fs::TryLockError::Error(e)) => return Err(Error::io(&lock, e)),
    }
    // The file itself: opened, locked, then checked to be still the one at the path (a save
    // of another kzvisa may have renamed a new one into place in between).
    for _ in 0..8 {
        let file = match open_no_follow(path, false) {
            Ok(file) => file,
            // No file yet; or a link, which is only ever read, moved or renamed, never written.
            Err(
                Error::Io {
                    kind: ErrorKind::NotFound,
                    ..
                }
                | Error::Link { .. },
            ) => return Ok(Some(Lock { marker, file: None })),
            Err(error) => return Err(error),
        };
        match file.try_lock() {
            Ok(()) if same_file(&file, path) => {
                return Ok(Some(Lock {
                    marker,
                    file: Some(file),
                }));
            }
            Ok(()) => continue,
            Err(fs::TryLockError::WouldBlock) => return Ok(None),
            Err(fs::TryLockError::Error(e)) => return Err(Error::io(path, e)),
        }
    }
    Ok(None)
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

/// Makes a folder of kzvisa's own readable by the user alone when it was made otherwise
/// beforehand (0755, or a shared 1777): an error when it cannot be changed, to warn about.
pub fn make_private(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = match fs::metadata(dir) {
            Ok(meta) => meta,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(Error::io(dir, e)),
        };
        if meta.is_dir() && meta.permissions().mode() & 0o7077 != 0 {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
                .map_err(|e| Error::io(dir, e))?;
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
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
