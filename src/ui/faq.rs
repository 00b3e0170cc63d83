//! The FAQ screen: questions that open to their answers, narrowed by a filter as you type.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span, Text};

use super::entries::{self, Entry, pointer};
use crate::app::App;
use crate::content::fill;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let Some(faq) = &app.faq else {
        return;
    };
    let theme = app.theme;
    let content = &app.content;
    let ui = &content.ui.faq;
    let matches = app.faq_matches();

    let mut list = vec![Entry::text(Line::styled(
        ui.title.as_str(),
        theme.heading(),
    ))];
    if faq.filtering || !faq.filter.is_empty() {
        let mut line = vec![Span::styled(ui.filter.as_str(), theme.key())];
        if faq.filtering {
            // A block cursor on the character at the cursor (a space at the end), drawn in the
            // line: the text does not move around it.
            let at = faq
                .filter
                .char_indices()
                .nth(faq.cursor)
                .map_or(faq.filter.len(), |(byte, _)| byte);
            let (before, rest) = faq.filter.split_at(at);
            let under = rest.chars().next().map_or(0, char::len_utf8);
            let (under, after) = rest.split_at(under);
            let cursor = theme.field().add_modifier(Modifier::REVERSED);
            line.push(Span::styled(before, theme.field()));
            line.push(Span::styled(
                if under.is_empty() { " " } else { under },
                cursor,
            ));
            line.push(Span::styled(after, theme.field()));
        } else {
            line.push(Span::styled(faq.filter.as_str(), theme.field()));
        }
        list.push(Entry::text(Line::from(line)));
    }
    list.push(Entry::text(Line::styled(
        fill(
            content.plural(&ui.count, content.faq.len()),
            &[
                ("shown", &matches.len().to_string()),
                ("total", &content.faq.len().to_string()),
            ],
        ),
        theme.muted(),
    )));
    list.push(Entry::blank());
    if matches.is_empty() {
        list.push(Entry::text(fill(
            &ui.no_match,
            &[("filter", faq.filter.trim())],
        )));
    }
    for (position, &index) in matches.iter().enumerate() {
        let entry = &content.faq[index];
        let selected = position == faq.selected;
        let open = faq.expanded.contains(&index);
        // Only the question is highlighted: an open answer reads as text, not as a block.
        let question = if selected {
            theme.heading().patch(theme.selected())
        } else {
            theme.heading()
        };
        let mut body = Text::from(Line::styled(entry.question.as_str(), question));
        if open {
            body.push_line(Line::raw(entry.answer.as_str()));
            // Where sources say otherwise, right under the answer they qualify.
            for note in content.notes_at(&format!("faq:{}", entry.id)) {
                body.push_line(Line::styled(
                    format!(
                        "{} {}: {}",
                        theme.glyphs.info,
                        content.ui.notes.title,
                        note.text.trim()
                    ),
                    theme.heading(),
                ));
                body.extend(super::notes::sourcing(
                    app,
                    note,
                    entries::text_width(area).saturating_sub(4),
                ));
            }
            body.push_line(Line::default());
        }
        let marker = Line::from(vec![
            pointer(theme, selected),
            entries::disclosure(theme, open),
        ]);
        list.push(Entry::new(marker, body).selected(selected));
    }
    entries::render(app.theme, frame, area, &list);
}
