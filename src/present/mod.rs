//! The presentation layer: what a person reads, built from the rules and the texts, for the
//! full screen, the line wizard and the reports alike. Text from a file or from typing is shown,
//! never obeyed ([`safe`]); a form's fields are labelled in one place ([`fields`]); errors are told in words
//! ([`errors`]).
//! Dates keep together on screen ([`plain_spaces`] undoes that for pipes and files).

pub use errors::InWords;

pub mod errors;
pub mod fields;
pub mod plan;
pub mod review;
pub mod safe;

/// The columns `text` takes on a terminal. Printable ASCII (most names, every date and number)
/// is a column a byte, counted by its length rather than looked up letter by letter.
pub fn columns(text: &str) -> usize {
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return text.len();
    }
    unicode_width::UnicodeWidthStr::width(text)
}

/// A step's name in the language of `content`.
pub fn step_name(content: &crate::content::Content, step: crate::wizard::Step) -> &str {
    content.step_name(step.id()).unwrap_or(step.id())
}

/// A date as typed in a field: written out in the content's language when it is one, shown as
/// typed when it is not.
pub fn typed_date(content: &crate::content::Content, text: &str) -> String {
    match crate::wizard::dates::parse(text) {
        Some(date) => content.date(date),
        None => safe::shown(text.trim()).into_owned(),
    }
}

/// The no-break spaces the presentation puts inside dates, as plain spaces: for text that
/// leaves for a pipe, a file or the line wizard, which other programs search and wrap; only the
/// full screen wraps them itself.
pub fn plain_spaces(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\u{a0}') {
        text.replace('\u{a0}', " ").into()
    } else {
        text.into()
    }
}
