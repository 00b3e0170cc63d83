//! Every style and symbol the UI uses. Meaning never rests on colour alone: markers and reverse
//! video carry it, and under NO_COLOR the theme drops colours but keeps bold and reverse video.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::{border, scrollbar};

/// Below this the screens cannot be drawn usefully; "Terminal too small" is shown instead.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;
/// The widest a screen's text gets: on a wide terminal lines stay short enough to read, as a
/// readable page's do; the header and the footer still use the whole width.
pub const MAX_TEXT_WIDTH: u16 = 90;

/// The symbols the screens draw. [`Glyphs::UNICODE`] holds only characters that DejaVu Sans Mono
/// (the usual fallback of terminal fonts) has; [`Glyphs::ASCII`] is for the Linux console and
/// terminals whose locale is not UTF-8, where anything else may show as a box or as garbage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyphs {
    /// Beside the selected row.
    pub pointer: &'static str,
    /// A row that opens to more (closed, open).
    pub closed: &'static str,
    pub open: &'static str,
    /// Met, done, valid.
    pub check: &'static str,
    /// Not met, blocking, invalid.
    pub cross: &'static str,
    /// A next action.
    pub arrow: &'static str,
    /// The chosen option of a choice.
    pub chosen: &'static str,
    /// Before "Good to know".
    pub info: &'static str,
    /// Between the parts of the header.
    pub separator: &'static str,
    /// Where a text is cut.
    pub ellipsis: &'static str,
    /// The footer's names of the arrow keys.
    pub up_down: &'static str,
    pub right_left: &'static str,
    /// The progress line under the header (filled, unfilled).
    pub gauge: (&'static str, &'static str),
    /// The scrollbar's track, thumb, begin and end.
    pub scrollbar: [&'static str; 4],
    /// The frame around a prompt.
    pub border: border::Set<'static>,
}

impl Glyphs {
    pub const UNICODE: Glyphs = Glyphs {
        pointer: "›",
        closed: "▸",
        open: "▾",
        check: "✓",
        cross: "✗",
        arrow: "→",
        chosen: "•",
        info: "•",
        separator: "·",
        ellipsis: "…",
        up_down: "↑↓",
        right_left: "→←",
        gauge: ("─", "─"),
        scrollbar: ["║", "█", "▲", "▼"],
        border: border::PLAIN,
    };

    pub const ASCII: Glyphs = Glyphs {
        pointer: ">",
        closed: "+",
        open: "-",
        check: "+",
        cross: "!",
        arrow: "->",
        chosen: "*",
        info: "*",
        separator: "-",
        ellipsis: "...",
        up_down: "Up/Down",
        right_left: "Right/Left",
        gauge: ("=", "-"),
        scrollbar: ["|", "#", "^", "v"],
        border: border::Set {
            top_left: "+",
            top_right: "+",
            bottom_left: "+",
            bottom_right: "+",
            vertical_left: "|",
            vertical_right: "|",
            horizontal_top: "-",
            horizontal_bottom: "-",
        },
    };

    pub fn scrollbar(&self) -> scrollbar::Set<'static> {
        let [track, thumb, begin, end] = self.scrollbar;
        scrollbar::Set {
            track,
            thumb,
            begin,
            end,
        }
    }

    /// ASCII on the Linux console (`TERM=linux`, whose fonts hold a few hundred characters) and
    /// where the locale's character set is not UTF-8; `var` reads an environment variable. The
    /// locale is the first of LC_ALL, LC_CTYPE and LANG that is set, as C programs take it; none
    /// set is the "C" locale, which is ASCII.
    pub fn for_terminal(var: impl Fn(&str) -> Option<String>) -> Glyphs {
        if var("TERM").is_some_and(|term| term == "linux") {
            return Glyphs::ASCII;
        }
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
            .into_iter()
            .find_map(|name| var(name).filter(|value| !value.is_empty()))
            .unwrap_or_default()
            .to_ascii_lowercase();
        if locale.contains("utf-8") || locale.contains("utf8") {
            Glyphs::UNICODE
        } else {
            Glyphs::ASCII
        }
    }
}

/// Whether the terminal is sent links (OSC 8) around the sources' addresses, so a click opens
/// them; `var` reads an environment variable. `KZVISA_HYPERLINKS=0` turns them off and
/// `KZVISA_HYPERLINKS=1` on, whatever the terminal. Otherwise they are off where the symbols
/// are ASCII (the Linux console, whose parser shows the sequence as text, and a locale that is
/// not UTF-8) and on a dumb terminal or none named; terminals that do not know them ignore them.
pub fn hyperlinks(var: impl Fn(&str) -> Option<String>) -> bool {
    match var("KZVISA_HYPERLINKS").as_deref().map(str::trim) {
        Some("0" | "off" | "no" | "false") => return false,
        Some("1" | "on" | "yes" | "true") => return true,
        _ => {}
    }
    let term = var("TERM").unwrap_or_default();
    !term.is_empty() && term != "dumb" && Glyphs::for_terminal(var) == Glyphs::UNICODE
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub glyphs: Glyphs,
}

impl Theme {
    /// Without colours, with the Unicode symbols: what tests draw.
    pub const PLAIN: Theme = Theme {
        color: false,
        glyphs: Glyphs::UNICODE,
    };

    /// Colour unless NO_COLOR is set to anything non-empty (no-color.org); the symbols the
    /// terminal can show.
    pub fn from_env() -> Self {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            glyphs: Glyphs::for_terminal(|name| std::env::var(name).ok()),
        }
    }

    pub fn with_color(self, color: bool) -> Self {
        Theme { color, ..self }
    }

    pub fn with_glyphs(self, glyphs: Glyphs) -> Self {
        Theme { glyphs, ..self }
    }

    fn colored(self, style: Style, color: Color) -> Style {
        if self.color { style.fg(color) } else { style }
    }

    pub fn title(self) -> Style {
        self.colored(Style::new().add_modifier(Modifier::BOLD), Color::Cyan)
    }

    pub fn heading(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn good(self) -> Style {
        self.colored(Style::new(), Color::Green)
    }

    pub fn bad(self) -> Style {
        self.colored(Style::new().add_modifier(Modifier::BOLD), Color::Red)
    }

    pub fn muted(self) -> Style {
        self.colored(Style::new(), Color::Gray)
    }

    pub fn key(self) -> Style {
        self.colored(Style::new().add_modifier(Modifier::BOLD), Color::Yellow)
    }

    pub fn gauge(self) -> Style {
        self.colored(Style::new(), Color::Cyan)
    }

    pub fn field(self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED)
    }
}

#[cfg(test)]
mod tests {
    use super::{Glyphs, hyperlinks};

    #[test]
    fn links_go_where_the_terminal_shows_unicode_unless_switched() {
        let with = |vars: &'static [(&str, &str)]| {
            hyperlinks(|name| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            })
        };
        assert!(with(&[("TERM", "xterm-256color"), ("LANG", "en_US.UTF-8")]));
        assert!(!with(&[("TERM", "linux"), ("LANG", "en_US.UTF-8")]));
        assert!(!with(&[("TERM", "dumb"), ("LANG", "en_US.UTF-8")]));
        assert!(!with(&[("LANG", "en_US.UTF-8")]), "no terminal named");
        assert!(
            !with(&[("TERM", "xterm"), ("LANG", "ru_RU.KOI8-R")]),
            "ASCII"
        );
        assert!(!with(&[
            ("TERM", "xterm"),
            ("LANG", "en_US.UTF-8"),
            ("KZVISA_HYPERLINKS", "0")
        ]));
        assert!(with(&[("TERM", "linux"), ("KZVISA_HYPERLINKS", "1")]));
    }

    fn glyphs(vars: &[(&str, &str)]) -> Glyphs {
        Glyphs::for_terminal(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn ascii_on_the_linux_console_and_without_a_utf8_locale() {
        assert_eq!(
            glyphs(&[("TERM", "xterm"), ("LANG", "en_US.UTF-8")]),
            Glyphs::UNICODE
        );
        assert_eq!(glyphs(&[("LANG", "C.utf8")]), Glyphs::UNICODE);
        assert_eq!(
            glyphs(&[("TERM", "linux"), ("LANG", "en_US.UTF-8")]),
            Glyphs::ASCII
        );
        assert_eq!(glyphs(&[("LANG", "ru_RU.KOI8-R")]), Glyphs::ASCII);
        assert_eq!(glyphs(&[]), Glyphs::ASCII);
        // LC_ALL outranks LANG, and an empty one does not count.
        assert_eq!(
            glyphs(&[("LC_ALL", "C"), ("LANG", "en_US.UTF-8")]),
            Glyphs::ASCII
        );
        assert_eq!(
            glyphs(&[("LC_ALL", ""), ("LC_CTYPE", "kk_KZ.UTF-8")]),
            Glyphs::UNICODE
        );
    }
}
