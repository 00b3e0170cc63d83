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

/// A web address as the target of a terminal's link (OSC 8), or `None` for anything but an
/// `http` or `https` address. The sequence ends at the first ESC or BEL, and C0 and C1 codes
/// drive the terminal, so every byte outside printable ASCII (and the space) is
/// percent-encoded, as the link's specification asks: no byte of the target can end the
/// sequence or start another.
pub fn link_target(url: &str) -> Option<String> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        return None;
    }
    let mut target = String::with_capacity(url.len());
    for byte in url.bytes() {
        if (0x21..=0x7e).contains(&byte) {
            target.push(char::from(byte));
        } else {
            target.push_str(&format!("%{byte:02X}"));
        }
    }
    Some(target)
}

#[cfg(test)]
mod tests {
    use super::{link_target, shown};

    #[test]
    fn a_link_target_is_a_web_address_with_nothing_that_drives_the_terminal() {
        assert_eq!(
            link_target("https://adilet.zan.kz/rus/docs/V2300032977").as_deref(),
            Some("https://adilet.zan.kz/rus/docs/V2300032977")
        );
        let hostile = "https://x.kz/\x1b]8;;https://evil\x07\u{9b}2J\u{9c} a\\";
        let target = link_target(hostile).expect("an https address");
        assert_eq!(
            target,
            "https://x.kz/%1B]8;;https://evil%07%C2%9B2J%C2%9C%20a\\"
        );
        assert!(
            target.bytes().all(|b| (0x21..=0x7e).contains(&b)),
            "{target}"
        );
        assert_eq!(
            link_target("https://елорда.kz/").as_deref(),
            Some("https://%D0%B5%D0%BB%D0%BE%D1%80%D0%B4%D0%B0.kz/")
        );
        for refused in ["javascript:alert(1)", "file:///etc/passwd", "", "https:"] {
            assert_eq!(link_target(refused), None, "{refused:?}");
        }
    }

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
