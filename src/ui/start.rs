//! The start screen: the saved applications, newest first, and the prompts to add, rename or
//! delete one.

use std::path::Path;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::Block;
use unicode_width::UnicodeWidthChar;

use super::entries::{self, Entry, pointer};
use super::wrap;
use crate::app::{App, Prompt, Row, StartView};
use crate::content::fill;
use crate::present::InWords;
use crate::present::safe::shown;
use crate::store::Listing;
use crate::wizard::Step;

/// Widest the name column gets before names are cut.
const NAME_COLUMN: usize = 28;
/// Narrowest the name column gets on a narrow screen, where the time is cut instead.
const MIN_NAME_COLUMN: usize = 8;
/// Widest the step column gets.
const STEP_COLUMN: usize = 26;

pub fn render(app: &App, frame: &mut Frame, area: Rect, start: &StartView) {
    let theme = app.theme;
    let ui = &app.content.ui.start;
    let prompt_height = if start.prompt.is_some() { 5 } else { 0 };
    let mut list_area = area;
    let mut prompt_area = super::cut_bottom(&mut list_area, prompt_height);
    prompt_area.width = prompt_area.width.min(super::theme::MAX_TEXT_WIDTH);

    // As wide as the longest step name in this language, so no name is cut in most of them.
    let step_width = Step::ALL
        .iter()
        .map(|step| Span::raw(crate::present::step_name(&app.content, *step)).width())
        .chain([Span::raw(ui.step.as_str()).width()])
        .max()
        .unwrap_or(0)
        .min(STEP_COLUMN);
    // A row is one line, cut at the edge as a table's are: the name column gives way first so
    // the others stay whole. Beside it: the pointer and the scrollbar (four columns), the step,
    // "12/19" padded to 7, "YYYY-MM-DD hh:mm" and the gaps.
    let room = usize::from(list_area.width).saturating_sub(4 + step_width + 7 + 16 + 6);
    let name_width = start
        .widest_name
        .max(Span::raw(ui.name.as_str()).width())
        .min(NAME_COLUMN)
        .min(room.max(MIN_NAME_COLUMN));
    let heading = format!(
        "{}  {}  {}  {}",
        pad(&ui.name, name_width),
        pad(&ui.step, step_width),
        pad(&ui.progress, 7),
        ui.updated
    );
    if start.listed && start.rows.is_empty() {
        frame.render_widget(
            wrap::Lines::new(wrap::wrapped(
                &Text::raw(ui.empty.as_str()),
                list_area.width,
            )),
            list_area,
        );
        if let Some(prompt) = &start.prompt {
            render_prompt(app, frame, prompt_area, start, prompt);
        }
        return;
    }
    // The heading stays in place when the list scrolls under it.
    let heading_area = super::cut_top(&mut list_area, 1);
    frame.render_widget(
        Line::from(vec![
            pointer(theme, false),
            Span::styled(heading, theme.muted()),
        ]),
        heading_area,
    );
    let mut list = Vec::with_capacity(start.rows.len() + 1);
    if !start.listed {
        list.push(Entry::new(
            pointer(theme, false),
            Line::styled(ui.reading.as_str(), theme.muted()),
        ));
    }
    for (i, row) in start.rows.iter().enumerate() {
        let selected = i == start.selected;
        let broken = matches!(
            row,
            Row::Read {
                listing: Listing::Broken { .. },
                ..
            }
        );
        // The list keeps the selection in view, so a row further from it than the list is high
        // is off screen: a one-line row there is a blank line of the same height, not laid out,
        // and a frame of a thousand rows costs little more than one of twenty.
        if !broken && i.abs_diff(start.selected) > usize::from(list_area.height) {
            list.push(Entry::blank());
            continue;
        }
        let mut body = match row {
            // Shown by its file name for the moment it takes to read it.
            Row::Unread(path) => Text::styled(file_name(path, false), theme.muted()),
            Row::Read {
                listing: Listing::Ready { record, .. },
                progress: (done, total),
            } => {
                let step = crate::present::step_name(&app.content, record.application.place.step());
                // In the person's time zone, as the shell told it; else as the file has it.
                let updated = match app.time_zone {
                    Some(zone) => record.updated.with_timezone(&zone),
                    None => record.updated,
                }
                .format("%Y-%m-%d %H:%M");
                let mut line = format!(
                    "{}  {}  {}  {updated}",
                    pad(&shown(&record.name), name_width),
                    pad(step, step_width),
                    pad(&format!("{done}/{total}"), 7),
                );
                // The next dated action not done, if the plan has one.
                let plan = crate::wizard::plan::plan(&record.application, crate::content::timing());
                if let Some(next) = plan.iter().find(|a| !a.done) {
                    let content = &app.content;
                    line.push_str("  ");
                    line.push_str(&fill(
                        &content.ui.plan.next,
                        &[
                            ("date", &content.date(next.due)),
                            ("action", crate::present::plan::title(content, next.kind)),
                        ],
                    ));
                }
                Text::from(line)
            }
            Row::Read {
                listing: Listing::Broken { path, error },
                ..
            } => Text::from(vec![
                Line::styled(
                    format!("{} {}", theme.glyphs.cross, file_name(path, true)),
                    theme.bad(),
                ),
                Line::raw(fill(
                    &ui.cannot_read,
                    &[("error", &error.in_words(&app.content.ui.errors))],
                )),
            ]),
        };
        if selected {
            body = body.patch_style(theme.selected());
        }
        let entry = Entry::new(pointer(theme, selected), body).selected(selected);
        // A broken row wraps: what is wrong with the file is read in full.
        list.push(if broken { entry } else { entry.cut() });
    }
    entries::render(app.theme, frame, list_area, &list);

    if let Some(prompt) = &start.prompt {
        render_prompt(app, frame, prompt_area, start, prompt);
    }
}

fn render_prompt(app: &App, frame: &mut Frame, area: Rect, start: &StartView, prompt: &Prompt) {
    let theme = app.theme;
    let ui = &app.content.ui.start;
    let selected = start.rows.get(start.selected);
    let selected_name = match (selected.and_then(Row::record), selected) {
        (Some(record), _) => shown(&record.name).into_owned(),
        (None, Some(row)) => shown(&row.path().display().to_string()).into_owned(),
        (None, None) => String::new(),
    };
    let block = Block::bordered()
        .border_set(theme.glyphs.border)
        .border_style(theme.key());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (question, field) = match prompt {
        Prompt::NewName(name) => (ui.new_name.clone(), Some(name)),
        Prompt::Rename(name) => (ui.rename.clone(), Some(name)),
        Prompt::ConfirmDelete => {
            let folder = trash_folder(start);
            (
                fill(
                    &ui.confirm_delete,
                    &[("name", &selected_name), ("folder", &folder)],
                ),
                None,
            )
        }
        Prompt::Locked => (fill(&ui.locked, &[("name", &selected_name)]), None),
    };
    let question = Line::styled(question, theme.heading());
    // The field sits under the question, however many lines the question wraps to.
    let question_lines = wrap::height(&Text::from(question.clone()), inner.width) as u16;
    let mut text = Text::from(question);
    if let Some(name) = field {
        text.push_line(Line::styled(format!("{} ", shown(name)), theme.field()));
    }
    frame.render_widget(wrap::Lines::new(wrap::wrapped(&text, inner.width)), inner);
    if let Some(name) = field {
        let before: String = shown(name).chars().take(app.cursor).collect();
        if let Some(position) = entries::cursor_at(inner, question_lines, &before) {
            frame.set_cursor_position(position);
        }
    }
}

/// The trash folder beside the selected file, as the confirmation names it.
fn trash_folder(start: &StartView) -> String {
    start
        .rows
        .get(start.selected)
        .and_then(|row| row.path().parent())
        .map(|dir| shown(&dir.join("trash").display().to_string()).into_owned())
        .unwrap_or_default()
}

/// A file's name, with its extension or without.
fn file_name(path: &Path, extension: bool) -> String {
    let name = if extension {
        path.file_name()
    } else {
        path.file_stem()
    };
    name.map(|n| shown(&n.to_string_lossy()).into_owned())
        .unwrap_or_default()
}

/// Pads or cuts `text` to `width` columns, by display width so CJK and emoji stay aligned.
fn pad(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(width + text.len());
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.extend(std::iter::repeat_n(' ', width - used));
    out
}

#[cfg(test)]
mod tests {
    use super::pad;

    #[test]
    fn pads_by_display_width() {
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(pad("王小明", 7), "王小明 ");
        assert_eq!(pad("王小明", 5), "王小 ");
        assert_eq!(pad("Әлия", 5), "Әлия ");
    }
}
