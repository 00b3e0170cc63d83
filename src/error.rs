//! One error type for everything a person can cause: a bad file, a bad folder.
//! Each variant knows where it happened, so it can be told in one sentence, in the person's
//! language ([`Error::in_words`]) or, for the content's authors, in English (`Display`).

use std::io::ErrorKind;
use std::path::PathBuf;

use crate::content::{ErrorText, fill};
use crate::present::safe::shown;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// A problem found after parsing, placed on its line.
    #[error("{}:{line}: {message}", path.display())]
    At {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{}: {message}", path.display())]
    Invalid { path: PathBuf, message: String },
    #[error("{}: written by a newer kzvisa (file format {found}; this kzvisa reads up to {supported}): update kzvisa to open it", path.display())]
    Newer {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{}: file format {found} is not one kzvisa ever wrote", path.display())]
    UnknownFormat { path: PathBuf, found: u32 },
    #[error("{}: open in another kzvisa", path.display())]
    Locked { path: PathBuf },
    /// A key the file format does not have: a hand edit, or a newer kzvisa's.
    #[error("{}:{line}:{column}: unknown key `{key}`", path.display())]
    UnknownKey {
        path: PathBuf,
        line: usize,
        column: usize,
        key: String,
    },
    /// A link where kzvisa writes a file of its own (a backup, a lock, the application): never
    /// followed, since it may point anywhere.
    #[error("{}: is a link; kzvisa does not write through links", path.display())]
    Link { path: PathBuf },
    /// A FIFO, a device or a folder where a file is wanted.
    #[error("{}: not a regular file", path.display())]
    NotRegular { path: PathBuf },
    /// The file is not what this kzvisa last read or wrote: someone else changed it.
    #[error("{}: changed by another program since it was read", path.display())]
    Changed { path: PathBuf },
    /// The operating system's error, kept as its kind (to be told in words) and its own message.
    #[error("{}: {detail}", path.display())]
    Io {
        path: PathBuf,
        kind: ErrorKind,
        detail: String,
    },
}

impl Error {
    /// A YAML error, with the line and column serde_yaml found it at when it knows them.
    pub fn yaml(path: impl Into<PathBuf>, error: &serde_yaml::Error) -> Self {
        let path = path.into();
        // serde_yaml appends "at line L column C" to its own message; we print the place up front.
        let message = error.to_string();
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_string();
        let unknown = message
            .strip_prefix("unknown field `")
            .and_then(|rest| rest.split('`').next())
            .map(str::to_string);
        match (error.location(), unknown) {
            (Some(at), Some(key)) => Error::UnknownKey {
                path,
                line: at.line(),
                column: at.column(),
                key,
            },
            (Some(at), None) => Error::Syntax {
                path,
                line: at.line(),
                column: at.column(),
                message,
            },
            (None, _) => Error::Invalid { path, message },
        }
    }

    pub fn invalid(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Error::Invalid {
            path: path.into(),
            message: message.into(),
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            kind: source.kind(),
            detail: source.to_string(),
        }
    }

    /// The error as a person reads it, in the language of `text`. The parser's own wording is
    /// left out: it is English, and the place (line, column) is what helps.
    pub fn in_words(&self, text: &ErrorText) -> String {
        // A file name can hold an ESC as well as any name can.
        let file = |path: &PathBuf| shown(&path.display().to_string()).into_owned();
        match self {
            Error::Syntax {
                path, line, column, ..
            } => fill(
                &text.syntax,
                &[
                    ("file", &file(path)),
                    ("line", &line.to_string()),
                    ("column", &column.to_string()),
                ],
            ),
            Error::At { path, line, .. } => fill(
                &text.syntax,
                &[
                    ("file", &file(path)),
                    ("line", &line.to_string()),
                    ("column", "1"),
                ],
            ),
            Error::Invalid { path, .. } => fill(&text.not_application, &[("file", &file(path))]),
            Error::Newer {
                path,
                found,
                supported,
            } => fill(
                &text.newer,
                &[
                    ("file", &file(path)),
                    ("found", &found.to_string()),
                    ("supported", &supported.to_string()),
                ],
            ),
            Error::UnknownFormat { path, found } => fill(
                &text.unknown_format,
                &[("file", &file(path)), ("found", &found.to_string())],
            ),
            Error::Locked { path } => fill(&text.locked, &[("file", &file(path))]),
            Error::UnknownKey {
                path, line, key, ..
            } => fill(
                &text.unknown_key,
                &[
                    ("file", &file(path)),
                    ("line", &line.to_string()),
                    ("key", key),
                ],
            ),
            Error::Link { path } => fill(&text.link, &[("file", &file(path))]),
            Error::NotRegular { path } => fill(&text.not_regular, &[("file", &file(path))]),
            Error::Changed { path } => fill(&text.changed, &[("file", &file(path))]),
            Error::Io { path, kind, detail } => {
                let template = match kind {
                    ErrorKind::NotFound => &text.not_found,
                    ErrorKind::PermissionDenied => &text.permission,
                    ErrorKind::StorageFull | ErrorKind::QuotaExceeded => &text.disk_full,
                    ErrorKind::ReadOnlyFilesystem => &text.read_only_disk,
                    _ => &text.other,
                };
                fill(template, &[("file", &file(path)), ("detail", detail)])
            }
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
