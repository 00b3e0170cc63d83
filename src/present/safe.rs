//! Text from a file or from typing, made safe to show: a name like `Evil\e[2J` must not clear
//! the screen, and `\e]52;…` must not set the clipboard. Every front end, report and error
//! passes such text through [`shown`] before it reaches a terminal or a file meant for one.

use std::borrow::Cow;

/// `text` with every character that could drive a terminal or reorder what is read made visible:
/// C0 controls (tab and line breaks too) and DEL as their Unicode control pictures (`␛` for
/// ESC, `␊` for a line feed), C1 controls and the bidirectional overrides and isolates as `�`.
///
/// One character for one: a field's cursor, counted in characters, stays on the character it
/// was on, and a table's columns stay as wide; a picture also reads as what it stands for, to a
/// person and to a screen reader. C1 and the bidi controls have no pictures. The pictures are
/// not controls, so showing shown text again changes nothing.
pub fn shown(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_picture) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(picture).collect())
}

fn needs_picture(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// The explicit embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069): they turn
/// the text after them around, so `exe.txt` can read as `txt.exe`.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn picture(c: char) -> char {
    match c {
        // U+2400 SYMBOL FOR NULL onwards, in the order of the C0 codes.
        '\0'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '\u{2421}',
        c if needs_picture(c) => '\u{FFFD}',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::shown;

    #[test]
    fn controls_become_visible_and_the_rest_stays() {
        assert_eq!(shown("Aigerim Bekova"), "Aigerim Bekova");
        assert!(matches!(shown("Әлия 王"), std::borrow::Cow::Borrowed(_)));
        assert_eq!(shown("Evil\x1b[2J\x1b[31mRED"), "Evil␛[2J␛[31mRED");
        assert_eq!(shown("\x1b]52;c;aGVsbG8=\x07"), "␛]52;c;aGVsbG8=␇");
        assert_eq!(shown("a\tb\nc\rd\0\x7f"), "a␉b␊c␍d␀␡");
        // C1: CSI and OSC as one byte each, and NEL.
        assert_eq!(shown("x\u{9b}2J\u{9d}52\u{9c}\u{85}"), "x�2J�52��");
        assert_eq!(shown("\u{202E}txt.exe\u{2066}\u{2069}"), "�txt.exe��");
    }

    #[test]
    fn one_character_for_one_and_shown_twice_is_shown_once() {
        let evil = "N\x1b]52;c;aGVsbG8=\x1b\\\u{9b}\u{202d}\u{7f}";
        let once = shown(evil);
        assert_eq!(once.chars().count(), evil.chars().count());
        assert!(!once.chars().any(|c| c.is_control()));
        assert_eq!(shown(&once), once);
    }
}
