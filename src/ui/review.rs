//! The review: what blocks, what to do next, then every answer. Enter on a row goes there.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};

use super::entries::{self, Entry, pointer};
use crate::app::App;
use crate::content::fill;
use crate::wizard::Interview;
use crate::wizard::dates::{self, PassportCheck};
use crate::wizard::review::{self, ReviewRow};

pub fn render(app: &App, frame: &mut Frame, area: Rect, selected: usize) {
    let theme = app.theme;
    let content = &app.content;
    let ui = &content.ui.review;
    let rows = review::rows(&app.application, content);
    let has_blockers = rows.iter().any(|r| matches!(r, ReviewRow::Blocker(_)));

    let mut list = vec![Entry::text(Line::styled(
        ui.blockers.as_str(),
        theme.heading(),
    ))];
    if !has_blockers {
        list.push(Entry::new(
            Span::styled("  ✓ ", theme.good()),
            Line::styled(ui.no_blockers.as_str(), theme.good()),
        ));
    }
    let mut section = Section::Blockers;
    for (index, row) in rows.iter().enumerate() {
        let row_section = Section::of(row);
        if section == Section::Blockers && row_section > Section::NextActions {
            // Nothing left to do: the section still shows, and says so.
            list.push(Entry::blank());
            list.push(Entry::text(Line::styled(
                ui.next_actions.as_str(),
                theme.heading(),
            )));
            list.push(Entry::new(
                Span::styled("  ✓ ", theme.good()),
                Line::styled(ui.all_done.as_str(), theme.good()),
            ));
        }
        if row_section != section {
            section = row_section;
            list.push(Entry::blank());
            list.push(Entry::text(Line::styled(
                section.title(app).to_string(),
                theme.heading(),
            )));
        }
        let is_selected = index == selected;
        let (symbol, style, text) = describe(app, row);
        let mut body = Text::from(Line::styled(text, style));
        if is_selected {
            body = body.patch_style(theme.selected());
        }
        let marker = Line::from(vec![pointer(is_selected), Span::styled(symbol, style)]);
        list.push(Entry::new(marker, body).selected(is_selected));
    }
    entries::render(frame, area, &list);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Section {
    Blockers,
    NextActions,
    Eligibility,
    Documents,
    Passport,
    Submission,
}

impl Section {
    fn of(row: &ReviewRow) -> Section {
        match row {
            ReviewRow::Blocker(_) => Section::Blockers,
            ReviewRow::Action(_) => Section::NextActions,
            ReviewRow::Criterion(_) => Section::Eligibility,
            ReviewRow::Document(_) => Section::Documents,
            ReviewRow::Passport => Section::Passport,
            ReviewRow::Form | ReviewRow::Fee | ReviewRow::Interview => Section::Submission,
        }
    }

    fn title(self, app: &App) -> &str {
        let ui = &app.content.ui.review;
        match self {
            Section::Blockers => &ui.blockers,
            Section::NextActions => &ui.next_actions,
            Section::Eligibility => &ui.eligibility,
            Section::Documents => &ui.documents,
            Section::Passport => &ui.passport,
            Section::Submission => &ui.submission,
        }
    }
}

/// A row as a status symbol, its style and its text.
fn describe(app: &App, row: &ReviewRow) -> (&'static str, Style, String) {
    let theme = app.theme;
    let content = &app.content;
    let ui = &content.ui;
    let application = &app.application;
    let status = |done: bool| {
        if done {
            ("[✓] ", theme.good())
        } else {
            ("[ ] ", Style::new())
        }
    };
    match row {
        ReviewRow::Blocker(blocker) => ("✗ ", theme.bad(), blocker.text(content)),
        ReviewRow::Action(action) => ("→ ", Style::new(), action.text(content)),
        ReviewRow::Criterion(i) => {
            let criterion = &content.guide.eligibility.criteria[*i];
            let (symbol, style, answer) = match application.answer(&criterion.id) {
                Some(true) => ("[✓] ", theme.good(), &ui.yes),
                Some(false) => ("[✗] ", theme.bad(), &ui.no),
                None => ("[ ] ", theme.muted(), &ui.not_answered),
            };
            (symbol, style, format!("{}: {answer}", criterion.title))
        }
        ReviewRow::Document(d) => {
            let document = &content.guide.documents.items[*d];
            let covered = document
                .items
                .iter()
                .filter(|p| application.covers(&document.id, &p.id))
                .count();
            let have = application.has_document(&document.id);
            let (symbol, style) = status(have && covered == document.items.len());
            let mut text = format!(
                "{}: {}",
                document.title,
                if have {
                    &ui.review.have
                } else {
                    &ui.review.missing
                }
            );
            if !document.items.is_empty() {
                let count = fill(
                    &ui.documents.items_done,
                    &[
                        ("done", &covered.to_string()),
                        ("total", &document.items.len().to_string()),
                    ],
                );
                text.push_str(&format!(" ({count})"));
            }
            (symbol, style, text)
        }
        ReviewRow::Passport => {
            let passport = &application.passport;
            match dates::check_passport(&passport.expiry, &passport.end_of_stay) {
                PassportCheck::Incomplete => {
                    ("[ ] ", theme.muted(), ui.review.passport_missing.clone())
                }
                PassportCheck::Passes { required } => (
                    "[✓] ",
                    theme.good(),
                    format!(
                        "{} {}",
                        ui.passport.passes,
                        fill(&ui.passport.valid_until, &[("date", &required.to_string())])
                    ),
                ),
                PassportCheck::Fails { expiry, required } => (
                    "[✗] ",
                    theme.bad(),
                    fill(
                        &ui.review.passport_fails,
                        &[
                            ("expiry", &expiry.to_string()),
                            ("date", &required.to_string()),
                        ],
                    ),
                ),
            }
        }
        ReviewRow::Form => {
            let (symbol, style) = status(application.submission.form_completed);
            (
                symbol,
                style,
                content.guide.submission.application_form.title.clone(),
            )
        }
        ReviewRow::Fee => {
            let submission = &application.submission;
            let (symbol, style) = status(submission.fee_paid);
            let mut details = vec![];
            if !submission.fee_amount.trim().is_empty() {
                details.push(submission.fee_amount.trim().to_string());
            }
            let paid_on = submission.fee_paid_on.trim();
            if submission.fee_paid && !paid_on.is_empty() {
                details.push(fill(&ui.review.fee_paid_on, &[("date", paid_on)]));
            }
            let mut text = content.guide.submission.visa_fee.title.clone();
            if !details.is_empty() {
                text = format!("{text}: {}", details.join(", "));
            }
            (symbol, style, text)
        }
        ReviewRow::Interview => {
            let submission = &application.submission;
            let name = match submission.interview {
                Interview::NotRequested => &ui.submission.not_requested,
                Interview::Scheduled => &ui.submission.scheduled,
                Interview::Attended => &ui.submission.attended,
            };
            let (symbol, style) = status(submission.interview != Interview::Scheduled);
            let status_text = if submission.interview_date.trim().is_empty()
                || submission.interview == Interview::NotRequested
            {
                name.clone()
            } else {
                fill(
                    &ui.review.interview_on,
                    &[("status", name), ("date", submission.interview_date.trim())],
                )
            };
            (
                symbol,
                style,
                format!("{}: {status_text}", ui.submission.interview),
            )
        }
    }
}
