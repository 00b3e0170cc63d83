//! Views: functions from the [`App`] to a frame. They read state and never change it.

pub mod backend;
pub mod entries;
mod faq;
mod fields;
mod guide;
pub mod links;
mod notes;
mod plan;
mod review;
mod start;
mod wrap;
/// The theme is the app's (it chooses colours from the environment); views read it from there.
pub use crate::theme;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::LineGauge;

use crate::app::{App, Screen};
use crate::content::fill;
use crate::keymap;
use crate::present::safe::shown;
use crate::store::ReadOnly;
use crate::wizard::{Place, flow};
use theme::{MIN_HEIGHT, MIN_WIDTH};

pub fn view(app: &App, frame: &mut Frame) {
    view_measured(app, frame);
}

/// [`view`], saying how far the page on screen scrolls when it is a page of text with no
/// selection (the welcome, say): the shell tells the app ([`crate::app::Msg::ScrollLimit`]), so its
/// scroll keys stop where the text does.
pub fn view_measured(app: &App, frame: &mut Frame) -> Option<u16> {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(app, frame, area);
        return None;
    }
    let footer = footer(app, area.width);
    let footer_height = u16::try_from(footer.lines.len()).unwrap_or(1).min(3);
    let status = status(app);
    let status_height = status_height(&status, area.width);
    let mut body = area;
    let header = cut_top(&mut body, 2);
    cut_top(&mut body, 1); // a blank line under the header
    let footer_area = cut_bottom(&mut body, footer_height);
    let status_area = cut_bottom(&mut body, status_height);
    render_header(app, frame, header);
    frame.render_widget(wrap::Lines::new(footer), footer_area);
    render_status(app, frame, status_area, &status);

    let body = body.inner(ratatui::layout::Margin::new(1, 0));
    if app.notes.is_some() {
        notes::render(app, frame, body);
        return None;
    }
    if app.faq.is_some() {
        faq::render(app, frame, body);
        return None;
    }
    if app.plan.is_some() {
        plan::render(app, frame, body);
        return None;
    }
    if let Screen::Start(start) = &app.screen {
        start::render(app, frame, body, start);
        return None;
    }
    match app.application.place {
        Place::Welcome => return Some(guide::welcome(app, frame, body)),
        Place::RouteOutcome => return Some(guide::route_outcome(app, frame, body)),
        Place::EligibilityResult => return Some(guide::eligibility_result(app, frame, body)),
        _ => {}
    }
    match app.application.place {
        Place::Welcome | Place::RouteOutcome | Place::EligibilityResult => {}
        Place::Route { option } => guide::route(app, frame, body, option),
        Place::Employer { field } => fields::employer(app, frame, body, field),
        Place::Eligibility { question } => guide::question(app, frame, body, question),
        Place::Documents { .. } => guide::documents(app, frame, body),
        Place::Passport { field } => fields::passport(app, frame, body, field),
        Place::Submission { field } => fields::submission(app, frame, body, field),
        Place::Review { row } => review::render(app, frame, body, row),
        // A form step with no layout of its own ("Your dates").
        _ => fields::form(app, frame, body),
    }
    None
}

/// "Good to know (2)" beside the progress of a screen that has notes; the footer names the key.
fn notes_marker(app: &App) -> Option<Span<'static>> {
    if app.notes.is_some()
        || app.faq.is_some()
        || app.plan.is_some()
        || matches!(app.screen, Screen::Start(_))
    {
        return None;
    }
    let count = app.notes_here().len();
    if count == 0 {
        return None;
    }
    let ui = &app.content.ui.notes;
    Some(Span::styled(
        format!(
            " {} {} ",
            app.theme.glyphs.info,
            fill(&ui.marker, &[("count", &count.to_string())])
        ),
        app.theme.heading(),
    ))
}

/// Lines above the footer: a paste that was cut, then whether saving failed (asking what to do
/// when quitting) or the application is read-only.
fn status(app: &App) -> Vec<String> {
    let saving = &app.content.ui.saving;
    let text = match (&app.save_error, &app.notice, app.read_only) {
        (Some(error), _, _) if app.quitting => {
            Some(fill(&saving.quit_unsaved, &[("error", error)]))
        }
        (Some(error), _, _) => Some(fill(&saving.failed, &[("error", error)])),
        (None, Some(notice), _) => Some(notice.clone()),
        (None, None, Some(ReadOnly::Locked)) => Some(saving.read_only.clone()),
        (None, None, Some(ReadOnly::Link)) => Some(saving.read_only_link.clone()),
        (None, None, Some(ReadOnly::Protected)) => Some(saving.read_only_protected.clone()),
        (None, None, None) => None,
    };
    app.cut_notice().into_iter().chain(text).collect()
}

/// The mark before each status message; a message wraps under its text, not under the mark.
const STATUS_MARK: &str = " ! ";

fn status_height(status: &[String], width: u16) -> u16 {
    let width = width.saturating_sub(STATUS_MARK.len() as u16).max(1);
    let lines: usize = status
        .iter()
        .map(|text| wrap::height(&Text::raw(text), width))
        .sum();
    u16::try_from(lines).unwrap_or(u16::MAX).min(3)
}

fn render_status(app: &App, frame: &mut Frame, mut area: Rect, status: &[String]) {
    let style = app.theme.bad();
    let mark = STATUS_MARK.len() as u16;
    for text in status {
        let width = area.width.saturating_sub(mark).max(1);
        let lines = wrap::wrapped(&Text::raw(text), width);
        let height = u16::try_from(lines.lines.len()).unwrap_or(u16::MAX);
        let paragraph = wrap::Lines {
            style,
            ..wrap::Lines::new(lines)
        };
        let mut rows = cut_top(&mut area, height);
        let mark_area = Rect { height: 1, ..rows };
        frame.render_widget(Span::styled(STATUS_MARK, style), mark_area);
        rows.x += mark.min(rows.width);
        rows.width = rows.width.saturating_sub(mark);
        frame.render_widget(paragraph, rows);
    }
}

fn render_header(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let step = app.application.place.step();
    let on_start = matches!(app.screen, Screen::Start(_));
    let screen = if app.notes.is_some() {
        app.content.ui.notes.title.as_str()
    } else if app.faq.is_some() {
        app.content.ui.faq.title.as_str()
    } else if on_start {
        app.content.ui.start.title.as_str()
    } else {
        crate::present::step_name(&app.content, step)
    };
    let mut gauge = area;
    let mut title = cut_top(&mut gauge, 1);
    let glyphs = theme.glyphs;
    const KZVISA: &str = " kzvisa";
    // The screen's title keeps its place on the right, with a gap before it; on the left the
    // name gives way first, then the guide's title, each cut with an ellipsis.
    let screen = shorten(
        screen,
        usize::from(title.width).saturating_sub(KZVISA.len() + HEADER_GAP + 1),
        glyphs.ellipsis,
    );
    let right = cut_right(&mut title, Span::raw(screen.as_ref()).width() as u16 + 1);
    let room = usize::from(title.width).saturating_sub(HEADER_GAP);
    let separator = format!(" {} ", glyphs.separator);
    let name = if on_start {
        "".into()
    } else {
        shown(&app.name)
    };
    let (guide_title, name) = header_parts(
        room.saturating_sub(KZVISA.len()),
        &separator,
        &app.content.guide.title,
        &name,
        glyphs.ellipsis,
    );
    let mut title_line = Line::from(Span::styled(KZVISA, theme.title()));
    if !guide_title.is_empty() {
        title_line.push_span(Span::raw(separator.clone()));
        title_line.push_span(Span::raw(guide_title));
    }
    if !name.is_empty() {
        title_line.push_span(Span::raw(separator));
        title_line.push_span(Span::styled(name, theme.heading()));
    }
    title.width = title.width.min(room as u16);
    frame.render_widget(wrap::Lines::new(title_line.into()), title);
    frame.render_widget(Span::styled(screen, theme.heading()), right);

    if on_start {
        return;
    }
    let (number, total) = flow::position(step, &app.application);
    let label = fill(
        &app.content.ui.progress,
        &[("step", &number.to_string()), ("total", &total.to_string())],
    );
    let marker = notes_marker(app);
    let marker_area = cut_right(&mut gauge, marker.as_ref().map_or(0, |m| m.width() as u16));
    if let Some(marker) = marker {
        frame.render_widget(marker, marker_area);
    }
    frame.render_widget(
        LineGauge::default()
            .ratio(number as f64 / total as f64)
            .label(Span::raw(format!(" {label}")))
            .filled_symbol(glyphs.gauge.0)
            .unfilled_symbol(glyphs.gauge.1)
            .filled_style(theme.gauge())
            .unfilled_style(theme.muted()),
        gauge,
    );
}

/// The keys valid here, from the same tables that interpret them, packed into lines so that no
/// key is parted from its label.
fn footer(app: &App, width: u16) -> Text<'_> {
    let theme = app.theme;
    let mut lines: Vec<Line> = vec![];
    let answers = app.content.answer_keys();
    for (keys, label) in keymap::footer(app.mode(), &app.content.ui.keys, &answers) {
        let keys = keys
            .replace("↑↓", theme.glyphs.up_down)
            .replace("→←", theme.glyphs.right_left);
        let label = format!(" {label}");
        let entry_width = Span::raw(keys.as_str()).width() + Span::raw(label.as_str()).width();
        let fits = lines
            .last()
            .is_some_and(|line| line.width() + 3 + entry_width <= usize::from(width));
        match lines.last_mut() {
            Some(line) if fits => line.push_span(Span::raw("   ")),
            _ => lines.push(Line::from(Span::raw(" "))),
        }
        if let Some(line) = lines.last_mut() {
            line.push_span(Span::styled(keys, theme.key()));
            line.push_span(Span::raw(label));
        }
    }
    Text::from(lines)
}

/// The columns kept free between the header's left part and the screen's title.
const HEADER_GAP: usize = 2;
/// The fewest columns a name is cut to before the guide's title gives way.
const MIN_NAME: usize = 12;

/// The guide's title and the application's name as they fit into `room` columns after
/// "kzvisa", each preceded by `separator`: the name is cut first (down to [`MIN_NAME`]), then the
/// title, then the name further; a part cut to nothing is left out.
fn header_parts(
    room: usize,
    separator: &str,
    title: &str,
    name: &str,
    ellipsis: &str,
) -> (String, String) {
    let width = |text: &str| Span::raw(text).width();
    let sep = width(separator);
    let part = |text: &str| {
        if text.is_empty() {
            0
        } else {
            sep + width(text)
        }
    };
    if part(title) + part(name) <= room {
        return (title.to_string(), name.to_string());
    }
    let name_room = room.saturating_sub(part(title) + sep);
    if name.is_empty() || name_room >= MIN_NAME.min(width(name)) {
        let name = shorten(name, name_room, ellipsis).into_owned();
        let title = if part(title) <= room { title } else { "" };
        let title = shorten(title, room.saturating_sub(sep), ellipsis).into_owned();
        return (title, name);
    }
    let name = shorten(name, MIN_NAME, ellipsis).into_owned();
    let title_room = room.saturating_sub(part(&name) + sep);
    let title = shorten(title, title_room, ellipsis).into_owned();
    if title.is_empty() || title == ellipsis {
        let name = shorten(&name, room.saturating_sub(sep), ellipsis).into_owned();
        return (String::new(), name);
    }
    (title, name)
}

/// `text` cut to `columns` with `ellipsis` at the end when it is wider; nothing when not even
/// one character and the ellipsis fit.
pub fn shorten<'a>(text: &'a str, columns: usize, ellipsis: &str) -> std::borrow::Cow<'a, str> {
    use unicode_width::UnicodeWidthChar;
    if Span::raw(text).width() <= columns {
        return text.into();
    }
    let room = columns.saturating_sub(Span::raw(ellipsis).width());
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        out.push(c);
        used += w;
    }
    let out = out.trim_end();
    if out.is_empty() {
        return "".into();
    }
    format!("{out}{ellipsis}").into()
}

// Every split of the screen is fixed sizes around one remainder, so it is cut off directly:
// `Layout`'s constraint solver took a fifth of the instructions of the first frame.

/// Cuts `rows` lines (as many as there are) off the top of `area`.
fn cut_top(area: &mut Rect, rows: u16) -> Rect {
    let rows = rows.min(area.height);
    let top = Rect {
        height: rows,
        ..*area
    };
    area.y += rows;
    area.height -= rows;
    top
}

/// Cuts `rows` lines (as many as there are) off the bottom of `area`.
fn cut_bottom(area: &mut Rect, rows: u16) -> Rect {
    let rows = rows.min(area.height);
    area.height -= rows;
    Rect {
        y: area.y + area.height,
        height: rows,
        ..*area
    }
}

/// Cuts `columns` (as many as there are) off the right of `area`.
fn cut_right(area: &mut Rect, columns: u16) -> Rect {
    let columns = columns.min(area.width);
    area.width -= columns;
    Rect {
        x: area.x + area.width,
        width: columns,
        ..*area
    }
}

fn too_small(app: &App, frame: &mut Frame, area: Rect) {
    let text = fill(
        &app.content.ui.too_small,
        &[
            ("width", &area.width.to_string()),
            ("height", &area.height.to_string()),
            ("min_width", &MIN_WIDTH.to_string()),
            ("min_height", &MIN_HEIGHT.to_string()),
        ],
    );
    frame.render_widget(
        wrap::Lines::new(wrap::wrapped(&Text::raw(text), area.width)),
        area,
    );
}
