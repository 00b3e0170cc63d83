//! The "Good to know" overlay: the screen's sourced notes, each with its sources, the date
//! they were checked and how sure they are.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Text};

use super::entries::{self, Entry, pointer};
use crate::app::App;
use crate::content::Note;
use crate::report;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let Some(view) = &app.notes else {
        return;
    };
    let theme = app.theme;
    let content = &app.content;
    let ui = &content.ui.notes;
    let notes = app.notes_here();
    let mut list = vec![
        Entry::text(Line::styled(ui.title.as_str(), theme.heading())),
        Entry::text(Line::styled(ui.intro.as_str(), theme.muted())),
        Entry::blank(),
    ];
    if notes.is_empty() {
        list.push(Entry::text(ui.none.as_str()));
    }
    for (position, &index) in notes.iter().enumerate() {
        let note = &content.notes[index];
        let selected = position == view.selected;
        let mut body = Text::default();
        if let Some(subject) = content.note_subject(&note.at) {
            body.push_line(Line::styled(subject, theme.heading()));
        }
        body.push_line(Line::raw(note.text.trim()));
        body.extend(sourcing(
            app,
            note,
            entries::text_width(area).saturating_sub(2),
        ));
        body.push_line(Line::default());
        list.push(Entry::new(pointer(theme, selected), body).selected(selected));
    }
    entries::render(app.theme, frame, area, &list);
}

/// A note's sources and the date they were checked, quieter than the note itself, in `width`
/// columns. A source's address starts a line of its own and is never broken: one too long for
/// the line is cut with an ellipsis (the terminal's link, where it has them, keeps all of it).
pub fn sourcing(app: &App, note: &Note, width: u16) -> Vec<Line<'static>> {
    let content = &app.content;
    let muted = app.theme.muted();
    let mut lines = Vec::new();
    for source in &note.sources {
        let line = report::source_line(content, source);
        let Some((before, after)) = line.split_once(source.url.as_str()) else {
            lines.push(Line::styled(line, muted));
            continue;
        };
        let url = super::shorten(&source.url, usize::from(width), app.theme.glyphs.ellipsis);
        lines.push(Line::styled(before.trim_end().to_string(), muted));
        lines.push(Line::styled(format!("{url}{after}"), muted));
    }
    lines.push(Line::styled(report::checked_text(content, note), muted));
    lines
}
