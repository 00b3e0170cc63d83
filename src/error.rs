//! One error type for everything a person can cause: a bad file, a bad folder.
//! Each variant knows where it happened, so `main` can print one helpful sentence.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}: {message}", path.display())]
    Invalid { path: PathBuf, message: String },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
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
        match error.location() {
            Some(at) => Error::Syntax {
                path,
                line: at.line(),
                column: at.column(),
                message,
            },
            None => Error::Invalid { path, message },
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
            source,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
