//! Errors as a person reads them, in their language. The parser's own wording is left out: it is
//! English, and the place (line, column) is what helps.

use std::io::ErrorKind;
use std::path::PathBuf;

use crate::content::{ErrorText, fill};
use crate::error::Error;
use crate::present::safe::shown;

/// An error told in one sentence in the language of `text`.
pub trait InWords {
    fn in_words(&self, text: &ErrorText) -> String;
}

impl InWords for Error {
    /// The error as a person reads it, in the language of `text`. The parser's own wording is
    /// left out: it is English, and the place (line, column) is what helps.
    fn in_words(&self, text: &ErrorText) -> String {
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
            Error::NameTaken { path, name } => fill(
                &text.name_taken,
                &[("file", &file(path)), ("name", &shown(name))],
            ),
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
