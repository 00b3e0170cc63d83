//! The presentation layer's rules for what it shows: text from a file or from
//! typing is shown, never obeyed ([`safe`]); dates keep together on screen ([`plain_spaces`]).

pub mod safe;

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
