//! The plan overlay: the dated actions, overdue first, each with who acts and a countdown in
//! the language's plural forms; an estimate says so.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};

use super::entries::{self, Entry, pointer};
use crate::app::App;
use crate::present::plan;
use crate::wizard::plan::Status;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let Some(view) = &app.plan else {
        return;
    };
    let theme = app.theme;
    let content = &app.content;
    let ui = &content.ui.plan;
    let actions = app.plan_here();
    let mut list = vec![
        Entry::text(Line::styled(ui.title.as_str(), theme.heading())),
        Entry::text(Line::styled(ui.intro.as_str(), theme.muted())),
        Entry::blank(),
    ];
    if actions.is_empty() {
        list.push(Entry::text(ui.empty.as_str()));
    }
    for (position, action) in actions.iter().enumerate() {
        let selected = position == view.selected;
        let status = action.status(app.today);
        let (symbol, style) = match status {
            Status::Overdue => (theme.glyphs.cross, theme.bad()),
            Status::DueSoon => ("!", theme.heading()),
            Status::Later => (theme.glyphs.separator, Style::new()),
            Status::Done => (theme.glyphs.check, theme.good()),
        };
        let when = match app.today {
            Some(today) if status != Status::Done => plan::countdown(content, action.due, today),
            _ => plan::status(content, status).to_string(),
        };
        let mut title = Line::from(vec![
            Span::styled(format!("{symbol} {}", content.date(action.due)), style),
            Span::raw(format!("  {when}")),
        ]);
        if selected {
            title = title.patch_style(theme.selected());
        }
        let mut detail = format!(
            "{} {} {}",
            plan::title(content, action.kind),
            theme.glyphs.separator,
            plan::who(content, action.kind.who())
        );
        if action.estimate {
            detail.push_str(&format!(" ({})", ui.estimate));
        }
        let body = Text::from(vec![title, Line::styled(detail, theme.muted())]);
        list.push(Entry::new(pointer(app.theme, selected), body).selected(selected));
    }
    entries::render(app.theme, frame, area, &list);
}
