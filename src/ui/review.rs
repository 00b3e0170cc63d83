//! The review: what blocks, what to do next, then every answer. Enter on a row goes there.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};

use super::entries::{self, Entry, pointer};
use crate::app::App;
use crate::wizard::review::{self, Mark, ReviewRow};

pub fn render(app: &App, frame: &mut Frame, area: Rect, selected: usize) {
    let theme = app.theme;
    let content = &app.content;
    let ui = &content.ui.review;
    let rows = review::rows(&app.application, content, app.today);
    let has_blockers = rows.iter().any(|r| matches!(r, ReviewRow::Blocker(_)));

    let mut list = vec![Entry::text(Line::styled(
        ui.blockers.as_str(),
        theme.heading(),
    ))];
    if !has_blockers {
        list.push(Entry::new(
            Span::styled(format!("  {} ", theme.glyphs.check), theme.good()),
            Line::styled(ui.no_blockers.as_str(), theme.good()),
        ));
    }
    let mut section = Section::Blockers;
    for (index, row) in rows.iter().enumerate() {
        let row_section = Section::of(row);
        if section < Section::NextActions && row_section > Section::NextActions {
            // Nothing left to do: the section still shows, and says so.
            list.push(Entry::blank());
            list.push(Entry::text(Line::styled(
                ui.next_actions.as_str(),
                theme.heading(),
            )));
            list.push(Entry::new(
                Span::styled(format!("  {} ", theme.glyphs.check), theme.good()),
                Line::styled(ui.all_done.as_str(), theme.good()),
            ));
        }
        if row_section != section {
            section = row_section;
            list.push(Entry::blank());
            list.push(Entry::text(Line::styled(
                section.title(app),
                theme.heading(),
            )));
        }
        let is_selected = index == selected;
        let (symbol, style, text) = describe(app, row);
        let mut body = Text::from(Line::styled(text, style));
        if is_selected {
            body = body.patch_style(theme.selected());
        }
        let marker = Line::from(vec![
            pointer(theme, is_selected),
            Span::styled(symbol, style),
        ]);
        list.push(Entry::new(marker, body).selected(is_selected));
    }
    entries::render(app.theme, frame, area, &list);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Section {
    Blockers,
    ToConfirm,
    NextActions,
    Route,
    Eligibility,
    Employer,
    Documents,
    Passport,
    Submission,
    Dates,
    AfterArrival,
}

impl Section {
    fn of(row: &ReviewRow) -> Section {
        match row {
            ReviewRow::Blocker(_) => Section::Blockers,
            ReviewRow::Confirm(_) => Section::ToConfirm,
            ReviewRow::Action(_) | ReviewRow::Dated(_) => Section::NextActions,
            ReviewRow::Route => Section::Route,
            ReviewRow::Criterion(_) => Section::Eligibility,
            ReviewRow::Permit | ReviewRow::Invitation => Section::Employer,
            ReviewRow::Document(_) => Section::Documents,
            ReviewRow::Passport => Section::Passport,
            ReviewRow::Form | ReviewRow::Fee | ReviewRow::Interview => Section::Submission,
            ReviewRow::PlanDate(_) => Section::Dates,
            ReviewRow::AfterArrival => Section::AfterArrival,
        }
    }

    fn title(self, app: &App) -> String {
        let ui = &app.content.ui.review;
        if self == Section::Documents {
            return crate::present::review::documents_heading(
                &app.application,
                &app.content,
                app.today,
            );
        }
        let title: &str = match self {
            Section::Blockers => &ui.blockers,
            Section::ToConfirm => &ui.to_confirm,
            Section::NextActions => &ui.next_actions,
            Section::Route => &app.content.ui.route.title,
            Section::Eligibility => &ui.eligibility,
            Section::Employer => &app.content.ui.employer.title,
            Section::Documents => &ui.documents,
            Section::Passport => &ui.passport,
            Section::Submission => &ui.submission,
            Section::Dates => &app.content.ui.steps.dates,
            Section::AfterArrival => &app.content.steps.after_arrival.title,
        };
        title.to_string()
    }
}

/// A row as a status symbol, its style and its text.
fn describe(app: &App, row: &ReviewRow) -> (String, Style, String) {
    let theme = app.theme;
    let (mark, text) = row.describe(&app.application, &app.content, app.today);
    let (symbol, style) = match mark {
        Mark::Blocker => (format!("{} ", theme.glyphs.cross), theme.bad()),
        Mark::Confirm => ("? ".to_string(), Style::new()),
        Mark::Action => (format!("{} ", theme.glyphs.arrow), Style::new()),
        Mark::Done => (format!("[{}] ", theme.glyphs.check), theme.good()),
        Mark::Failed => (format!("[{}] ", theme.glyphs.cross), theme.bad()),
        Mark::Open => ("[ ] ".to_string(), Style::new()),
        Mark::Unanswered => ("[ ] ".to_string(), theme.muted()),
    };
    (symbol, style, text)
}
