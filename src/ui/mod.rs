//! Views: functions from the [`App`] to a frame. They read state and never change it.

pub mod entries;
mod faq;
mod fields;
mod guide;
mod notes;
mod plan;
mod review;
mod start;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{LineGauge, Paragraph, Wrap};

use crate::app::{App, Screen};
use crate::content::fill;
use crate::keymap;
use crate::present::safe::shown;
use crate::store::ReadOnly;
use crate::wizard::{Place, flow};
use theme::{MIN_HEIGHT, MIN_WIDTH};

pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(app, frame, area);
        return;
    }
    let footer = footer(app, area.width);
    let footer_height = u16::try_from(footer.lines.len()).unwrap_or(1).min(3);
    let status = status(app);
    let status_height = status.as_ref().map_or(0, |s| {
        u16::try_from(s.line_count(area.width)).unwrap_or(1).min(3)
    });
    let mut body = area;
    let header = cut_top(&mut body, 2);
    cut_top(&mut body, 1); // a blank line under the header
    let footer_area = cut_bottom(&mut body, footer_height);
    let status_area = cut_bottom(&mut body, status_height);
    render_header(app, frame, header);
    frame.render_widget(footer, footer_area);
    if let Some(status) = status {
        frame.render_widget(status, status_area);
    }

    let body = body.inner(ratatui::layout::Margin::new(1, 0));
    if app.notes.is_some() {
        notes::render(app, frame, body);
        return;
    }
    if app.faq.is_some() {
        faq::render(app, frame, body);
        return;
    }
    if app.plan.is_some() {
        plan::render(app, frame, body);
        return;
    }
    if let Screen::Start(start) = &app.screen {
        start::render(app, frame, body, start);
        return;
    }
    match app.application.place {
        Place::Welcome => guide::welcome(app, frame, body),
        Place::Route { option } => guide::route(app, frame, body, option),
        Place::RouteOutcome => guide::route_outcome(app, frame, body),
        Place::Employer { field } => fields::employer(app, frame, body, field),
        Place::Eligibility { question } => guide::question(app, frame, body, question),
        Place::EligibilityResult => guide::eligibility_result(app, frame, body),
        Place::Documents { .. } => guide::documents(app, frame, body),
        Place::Passport { field } => fields::passport(app, frame, body, field),
        Place::Submission { field } => fields::submission(app, frame, body, field),
        Place::Dates { .. } => fields::your_dates(app, frame, body),
        Place::Review { row } => review::render(app, frame, body, row),
    }
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
        format!(" ⓘ {} ", fill(&ui.marker, &[("count", &count.to_string())])),
        app.theme.heading(),
    ))
}

/// Lines above the footer: a paste that was cut, then whether saving failed (asking what to do
/// when quitting) or the application is read-only.
fn status(app: &App) -> Option<Paragraph<'static>> {
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
    let lines: Vec<Line> = app
        .cut_notice()
        .into_iter()
        .chain(text)
        .map(|text| Line::styled(format!(" ! {text}"), app.theme.bad()))
        .collect();
    if lines.is_empty() {
        return None;
    }
    Some(Paragraph::new(lines).wrap(Wrap { trim: false }))
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
        app.content.step_name(step)
    };
    let mut gauge = area;
    let mut title = cut_top(&mut gauge, 1);
    let mut title_line = Line::from(vec![
        Span::styled(" kzvisa", theme.title()),
        Span::raw(" · "),
        Span::raw(app.content.guide.title.as_str()),
    ]);
    if !on_start && !app.name.is_empty() {
        title_line.push_span(Span::raw(" · "));
        title_line.push_span(Span::styled(shown(&app.name).into_owned(), theme.heading()));
    }
    let right = cut_right(&mut title, Span::raw(screen).width() as u16 + 1);
    frame.render_widget(title_line, title);
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
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}
