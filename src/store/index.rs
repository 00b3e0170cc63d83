//! A summary of the folder's applications kept beside them (`.kzvisa-index`), so that a
//! thousand of them list without a thousand files read and parsed. It is derived data only:
//! each entry is used while the file it was read from is unchanged (the same inode, size,
//! modification and change times), and an index that is missing, stale, unreadable, of another
//! version or not a regular file is rebuilt from the files. It is never trusted over them.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{Listing, Record, SCHEMA};

pub const FILE_NAME: &str = ".kzvisa-index";

/// Raised with every change to what the index holds; the schema of the records counts too.
const FORMAT: u32 = 1;

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
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            meta.file_type().is_file().then(|| Identity {
                device: meta.dev(),
                inode: meta.ino(),
                size: meta.size(),
                modified: (meta.mtime(), meta.mtime_nsec()),
                changed: (meta.ctime(), meta.ctime_nsec()),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            None
        }
    }
}

#[derive(Deserialize)]
struct Stored {
    format: u32,
    schema: u32,
    entries: Vec<Entry>,
}

#[derive(Deserialize)]
pub struct Entry {
    /// The file's name in the folder.
    file: String,
    pub identity: Identity,
    pub record: Record,
}

/// [`Stored`] as it is written: borrowed from the listing just made.
#[derive(Serialize)]
struct Writing<'a> {
    format: u32,
    schema: u32,
    entries: Vec<Written<'a>>,
}

#[derive(Serialize)]
struct Written<'a> {
    file: std::borrow::Cow<'a, str>,
    identity: Identity,
    record: &'a Record,
}

/// The entries of the folder's index by file name; none when it cannot be used.
pub fn read(dir: &Path) -> HashMap<String, Entry> {
    let path = dir.join(FILE_NAME);
    let Ok(bytes) = read_bytes(&path) else {
        return HashMap::new();
    };
    match rmp_serde::from_slice::<Stored>(&bytes) {
        Ok(stored) if stored.format == FORMAT && stored.schema == SCHEMA => stored
            .entries
            .into_iter()
            .map(|entry| (entry.file.clone(), entry))
            .collect(),
        _ => HashMap::new(),
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

/// Replaces the folder's index with the readable applications of `listings` whose files were
/// looked at, atomically, readable by its owner alone (it holds what the files hold). A folder
/// that cannot be written keeps no index: nothing is lost, the next listing reads the files.
pub fn write(dir: &Path, listings: &[(Listing, Option<Identity>)]) {
    let entries = listings
        .iter()
        .filter_map(|(listing, identity)| match (listing, identity) {
            (Listing::Ready { path, record }, Some(identity)) => Some(Written {
                file: path.file_name()?.to_string_lossy(),
                identity: *identity,
                record,
            }),
            _ => None,
        })
        .collect();
    let writing = Writing {
        format: FORMAT,
        schema: SCHEMA,
        entries,
    };
    let Ok(bytes) = rmp_serde::to_vec_named(&writing) else {
        return;
    };
    let path = dir.join(FILE_NAME);
    if super::refuse_link(&path).is_err() {
        return;
    }
    if let Ok(temp) = super::write_temp(dir, &bytes, super::Durability::Derived) {
        let _ = temp.persist(&path);
    }
}
