//! Every style the UI uses. Meaning never rests on colour alone: markers and reverse video carry
//! it, and under NO_COLOR the theme drops colours but keeps bold and reverse video.

use ratatui::style::{Color, Modifier, Style};

/// Below this the screens cannot be drawn usefully; "Terminal too small" is shown instead.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless NO_COLOR is set to anything non-empty (no-color.org).
    pub fn from_env() -> Self {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
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
