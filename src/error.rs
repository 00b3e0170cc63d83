//! One error type for everything a person can cause: a bad file, a bad folder.
//! Each variant knows where it happened, so it can be told in one sentence, in the person's
//! language (`present::errors`) or, for the content's authors, in English (`Display`).

use std::io::ErrorKind;
use std::path::PathBuf;

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
    /// An application in the trash stays there: one of the same name is in the folder.
    #[error("{}: an application called {name:?} exists already", path.display())]
    NameTaken { path: PathBuf, name: String },
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
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
