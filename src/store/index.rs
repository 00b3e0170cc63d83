//! A summary of the folder's applications kept beside them (`.kzvisa/index`), so that a
//! thousand of them list without a thousand files read and parsed. It is derived data only:
//! each entry is used while the file it was read from is unchanged (the same inode, size,
//! modification and change times), and an index that is missing, stale, unreadable, of another
//! version or not a regular file is rebuilt from the files. It is never trusted over them.
//!
//! It holds the applications folder as it was before it was listed (while the folder is the
//! same, it holds the same files), every application file's name, newest first, and an entry
//! per readable file, by name. It is postcard, borrowed from the file's bytes; each entry is
//! packed apart and decoded only when its file is looked up, and its record is MessagePack with
//! field names, which reads across additions to the record's fields.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::ops::Range;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{Record, SCHEMA};

/// The index's own folder inside the applications folder: writing the index there leaves the
/// applications folder itself unchanged, so its dates still tell whether a file came or went.
const DIR_NAME: &str = ".kzvisa";
pub const FILE_NAME: &str = ".kzvisa/index";
/// Where an earlier build kept its index: removed when this one writes its own.
const EARLIER_FILE_NAME: &str = ".kzvisa-index";

/// Raised with every change to what the index holds; the schema of the records counts too.
const FORMAT: u32 = 5;

/// The first thing in the file, so another file of that name is never taken for an index.
const MAGIC: &str = "kzvisa index";

/// Larger than a folder of thousands of applications needs; a larger file is not read.
const MAX_BYTES: u64 = 64 << 20;

/// What a file was when it was read: any write to it, in place or by replacing it, changes one
/// of these. The change time cannot be set back by a program, unlike the modification time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    device: u64,
    inode: u64,
    size: u64,
    modified: (i64, i64),
    changed: (i64, i64),
}

impl Identity {
    /// A regular file's identity; none for a link (what it leads to may change without it).
    pub fn of(meta: &fs::Metadata) -> Option<Self> {
        Self::of_kind(meta, meta.file_type().is_file())
    }

    /// A folder's: any file made, removed or renamed in it changes it.
    pub fn of_folder(meta: &fs::Metadata) -> Option<Self> {
        Self::of_kind(meta, meta.is_dir())
    }

    fn of_kind(meta: &fs::Metadata, wanted: bool) -> Option<Self> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            wanted.then(|| Identity {
                device: meta.dev(),
                inode: meta.ino(),
                size: meta.size(),
                modified: (meta.mtime(), meta.mtime_nsec()),
                changed: (meta.ctime(), meta.ctime_nsec()),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = (meta, wanted);
            None
        }
    }
}

/// The index as stored: what it says behind what tells it is one of this build's.
#[derive(Serialize, Deserialize)]
struct Stored<'a> {
    #[serde(borrow)]
    magic: &'a str,
    format: u32,
    schema: u32,
    #[serde(borrow)]
    index: Index<'a>,
}

/// What an index says.
#[derive(Serialize, Deserialize, Default)]
pub struct Index<'a> {
    /// The applications folder just before it was listed for this index: while it is the same,
    /// the folder holds the same files.
    pub folder: Option<Identity>,
    /// Every application file then, newest first: those that cannot be indexed too (links,
    /// unreadable files).
    #[serde(borrow)]
    files: Vec<&'a str>,
    /// What the readable ones held, by file name.
    #[serde(borrow)]
    entries: Vec<Packed<'a>>,
}

/// An entry as stored: its file's name, and the rest packed apart, decoded only when the file
/// is looked up (a start screen looks up a screenful of a thousand).
#[derive(Serialize, Deserialize)]
struct Packed<'a> {
    #[serde(borrow)]
    file: &'a str,
    #[serde(borrow, with = "serde_bytes")]
    body: &'a [u8],
}

#[derive(Serialize, Deserialize)]
struct Body<'a> {
    identity: Identity,
    #[serde(borrow, with = "serde_bytes")]
    record: Cow<'a, [u8]>,
    #[serde(borrow)]
    row: Option<KeptRow<'a>>,
}

impl<'a> Index<'a> {
    /// Its entries by file name, each taken out once.
    pub fn lookup(&self) -> Lookup<'a> {
        Lookup(self.entries.iter().map(|p| (p.file, p.body)).collect())
    }
}

/// The entries of an index, by file name.
pub struct Lookup<'a>(HashMap<&'a str, &'a [u8]>);

impl<'a> Lookup<'a> {
    pub fn take(&mut self, file: &str) -> Option<Entry<'a>> {
        let (file, body) = self.0.remove_entry(file)?;
        Entry::unpacked(file, body)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// What the index holds of one file.
pub struct Entry<'a> {
    /// The file's name in the folder.
    pub file: Cow<'a, str>,
    pub identity: Identity,
    /// The record, in MessagePack.
    record: Cow<'a, [u8]>,
    /// What a caller made of the record (a row of `kzvisa list`), and the key it was made for:
    /// the day, the language, the build. Another key makes it again.
    row: Option<KeptRow<'a>>,
}

#[derive(Serialize, Deserialize)]
struct KeptRow<'a> {
    /// The key's hash: only ever compared, and a few bytes where the key is a line of text.
    key: u64,
    #[serde(borrow, with = "serde_bytes")]
    row: Cow<'a, [u8]>,
}

/// A hash of a row's key that is the same in every run of a build (std's SipHash with its fixed
/// keys; another build makes its rows again anyway).
fn key_hash(key: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    key.hash(&mut hasher);
    hasher.finish()
}

impl KeptRow<'static> {
    fn of<R: Serialize>(key: &str, row: &R) -> Option<Self> {
        Some(KeptRow {
            key: key_hash(key),
            row: postcard::to_allocvec(row).ok()?.into(),
        })
    }
}

impl<'a> Entry<'a> {
    fn unpacked(file: &'a str, body: &'a [u8]) -> Option<Self> {
        let body: Body = postcard::from_bytes(body).ok()?;
        Some(Entry {
            file: Cow::Borrowed(file),
            identity: body.identity,
            record: body.record,
            row: body.row,
        })
    }

    fn packed(&self) -> Option<Vec<u8>> {
        let view = self.view();
        postcard::to_allocvec(&Body {
            identity: view.identity,
            record: view.record,
            row: view.row,
        })
        .ok()
    }

    pub fn record(&self) -> Option<Record> {
        rmp_serde::from_slice(&self.record).ok()
    }

    /// The row kept for `key`, if there is one and it reads as an `R`.
    pub fn row<R: serde::de::DeserializeOwned>(&self, key: &str) -> Option<R> {
        let kept = self.row.as_ref()?;
        if kept.key != key_hash(key) {
            return None;
        }
        postcard::from_bytes(&kept.row).ok()
    }

    /// An entry for a file just read; its row, if any, comes with [`Entry::with_row`].
    pub fn new(file: String, identity: Identity, record: &Record) -> Option<Entry<'static>> {
        Some(Entry {
            file: file.into(),
            identity,
            record: rmp_serde::to_vec_named(record).ok()?.into(),
            row: None,
        })
    }

    /// The same entry, borrowed.
    pub fn view(&self) -> Entry<'_> {
        Entry {
            file: Cow::Borrowed(&self.file),
            identity: self.identity,
            record: Cow::Borrowed(&self.record),
            row: self.row.as_ref().map(|row| KeptRow {
                key: row.key,
                row: Cow::Borrowed(&row.row),
            }),
        }
    }

    /// This entry with its row made for `key`.
    pub fn with_row<R: Serialize>(mut self, key: &str, row: &R) -> Self {
        self.row = KeptRow::of(key, row);
        self
    }
}

/// The index's bytes, if there is a usable one.
pub fn read(dir: &Path) -> Option<Vec<u8>> {
    read_bytes(&dir.join(FILE_NAME)).ok()
}

/// What an index's bytes say; nothing when they are not an index of this format and schema.
pub fn decode(bytes: &[u8]) -> Option<Index<'_>> {
    match postcard::from_bytes::<Stored>(bytes) {
        Ok(stored)
            if stored.magic == MAGIC && stored.format == FORMAT && stored.schema == SCHEMA =>
        {
            Some(stored.index)
        }
        _ => None,
    }
}

/// An index read and kept whole for a session: its entries are handed out borrowed from its
/// bytes, so a listing that keeps it copies no record.
#[derive(Default)]
pub struct Kept {
    bytes: Box<[u8]>,
    pub folder: Option<Identity>,
    files: Vec<Range<usize>>,
    /// Each entry's file name and packed rest, by file name.
    entries: Vec<(Range<usize>, Range<usize>)>,
}

impl Kept {
    /// The index in `bytes`, if they are one of this format and schema.
    pub fn of(bytes: Vec<u8>) -> Option<Self> {
        let bytes = bytes.into_boxed_slice();
        let index = decode(&bytes)?;
        // Decoding borrows every name and entry from the bytes; where they lie is kept.
        let at = |part: &[u8]| {
            let start = (part.as_ptr() as usize).checked_sub(bytes.as_ptr() as usize)?;
            (start + part.len() <= bytes.len()).then_some(start..start + part.len())
        };
        let files = index
            .files
            .iter()
            .map(|file| at(file.as_bytes()))
            .collect::<Option<_>>()?;
        let entries = index
            .entries
            .iter()
            .map(|packed| Some((at(packed.file.as_bytes())?, at(packed.body)?)))
            .collect::<Option<_>>()?;
        let folder = index.folder;
        Some(Kept {
            bytes,
            folder,
            files,
            entries,
        })
    }

    fn text(&self, range: &Range<usize>) -> &str {
        // Checked as text when decoded.
        std::str::from_utf8(&self.bytes[range.clone()]).unwrap_or_default()
    }

    /// Every application file the index saw, in its order.
    pub fn files(&self) -> impl Iterator<Item = &str> {
        self.files.iter().map(|range| self.text(range))
    }

    /// How many entries it holds.
    pub(super) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The entry of `file`, found by its name: the entries are written in the order of their
    /// names. (In an index not written so, some are not found, and their files are read.)
    pub fn find(&self, file: &str) -> Option<Entry<'_>> {
        let n = self
            .entries
            .binary_search_by(|(name, _)| self.text(name).cmp(file))
            .ok()?;
        let (name, body) = &self.entries[n];
        Entry::unpacked(self.text(name), &self.bytes[body.clone()])
    }
}

/// A regular file, never through a link, of at most [`MAX_BYTES`].
fn read_bytes(path: &Path) -> std::io::Result<Vec<u8>> {
    let file = super::open_no_follow(path, false).map_err(|_| std::io::ErrorKind::Other)?;
    let meta = file.metadata()?;
    if !meta.is_file() || meta.len() > MAX_BYTES {
        return Err(std::io::ErrorKind::InvalidData.into());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_BYTES).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Replaces the folder's index, atomically, readable by its owner alone (it holds what the
/// files hold): `folder` as it was before `files` were listed, and the `entries` of those that
/// were read. The bytes written, if they were. A folder that cannot be written keeps no index:
/// nothing is lost, the next listing reads the files.
pub fn write(
    dir: &Path,
    folder: Option<Identity>,
    files: &[&str],
    mut entries: Vec<Entry>,
) -> Option<Vec<u8>> {
    // By file name, for a listing to find a file's entry without a map of them all.
    entries.sort_unstable_by(|a, b| a.file.cmp(&b.file));
    let bodies = entries
        .iter()
        .map(Entry::packed)
        .collect::<Option<Vec<_>>>()?;
    let stored = Stored {
        magic: MAGIC,
        format: FORMAT,
        schema: SCHEMA,
        index: Index {
            folder,
            files: files.to_vec(),
            entries: entries
                .iter()
                .zip(&bodies)
                .map(|(entry, body)| Packed {
                    file: &entry.file,
                    body,
                })
                .collect(),
        },
    };
    let bytes = postcard::to_allocvec(&stored).ok()?;
    let own = dir.join(DIR_NAME);
    let path = dir.join(FILE_NAME);
    // Never through a link, neither the folder nor the file: either may lead anywhere.
    if super::refuse_link(&own).is_err()
        || super::create_private_dir(&own).is_err()
        || super::refuse_link(&path).is_err()
    {
        return None;
    }
    let temp = super::write_temp(&own, &bytes, super::Durability::Derived).ok()?;
    temp.persist(&path).ok()?;
    let earlier = dir.join(EARLIER_FILE_NAME);
    if fs::symlink_metadata(&earlier).is_ok_and(|meta| meta.is_file()) {
        let _ = fs::remove_file(earlier);
    }
    Some(bytes)
}
