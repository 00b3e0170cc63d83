//! The screens with text fields: the passport check and the submission.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};

use super::entries::{self, Entry, pointer};
use super::guide::{checkbox, chosen_mark};
use crate::app::App;
use crate::content::fill;
use crate::present::fields;
use crate::present::safe::shown;
use crate::report;
use crate::wizard::dates::{self, PassportCheck};
use crate::wizard::review::{self, Mark};
use crate::wizard::{EmployerField, Interview, PassportField, SubmissionField, form};
use ratatui::style::Style;

/// A labelled one-line text field. The value sits on the body's second line.
struct Field<'a> {
    label: &'a str,
    value: &'a str,
    focused: bool,
    /// The message for a bad value, when it should show.
    error: Option<String>,
    /// Shown under an empty field.
    hint: Option<&'a str>,
    width: usize,
}

impl<'a> Field<'a> {
    /// A date field (narrow, its date checked) or a text field.
    fn new(
        app: &App,
        label: &'a str,
        value: &'a str,
        focused: bool,
        hint: Option<&'a str>,
        is_date: bool,
    ) -> Self {
        Field {
            label,
            value,
            focused,
            error: if is_date {
                date_error(app, value, focused)
            } else {
                None
            },
            hint,
            width: if is_date { 12 } else { 24 },
        }
    }

    /// Owned, so the entry outlives the borrowed texts it was made from.
    fn entry(&self, app: &App, indent: &'static str) -> Entry<'static> {
        let theme = app.theme;
        let label_style = if self.focused {
            theme.selected()
        } else {
            theme.heading()
        };
        let value = shown(self.value);
        let padding = self.width.saturating_sub(Span::raw(value.as_ref()).width());
        let mut body = Text::from(vec![
            Line::styled(self.label.to_string(), label_style),
            Line::styled(format!("{value}{}", " ".repeat(padding)), theme.field()),
        ]);
        if let Some(error) = &self.error {
            body.push_line(Line::styled(
                format!("{} {error}", theme.glyphs.cross),
                theme.bad(),
            ));
        } else if let Some(hint) = self.hint.filter(|_| self.focused) {
            body.push_line(Line::styled(hint.to_string(), theme.muted()));
        }
        let marker = Line::from(vec![pointer(theme, self.focused), Span::raw(indent)]);
        Entry::new(marker, body).selected(self.focused)
    }
}

/// Draws the entries and puts the terminal cursor into the focused field, if one has focus.
fn render_with_cursor(app: &App, frame: &mut Frame, area: Rect, list: &[Entry]) {
    let body = entries::render(app.theme, frame, area, list);
    if let (Some(body), Some(text)) = (body, app.focused_text()) {
        let before: String = shown(text).chars().take(app.cursor).collect();
        if let Some(position) = entries::cursor_at(body, 1, &before) {
            frame.set_cursor_position(position);
        }
    }
}

/// The message for a date field, if it should show: a bad date shows once the field is left, when
/// Enter found it, or once it is as long as a whole date.
fn date_error(app: &App, text: &str, focused: bool) -> Option<String> {
    let shows = !focused || app.show_date_errors || text.chars().count() >= 10;
    (dates::is_invalid(text) && shows)
        .then(|| fill(&app.content.ui.dates.invalid, &[("text", &shown(text))]))
}

pub fn passport(app: &App, frame: &mut Frame, area: Rect, field: PassportField) {
    let theme = app.theme;
    let ui = &app.content.ui.passport;
    let passport = &app.application.passport;
    let field_entry = |label: &str, value: &str, this: PassportField| {
        let hint = Some(app.content.ui.dates.hint.as_str());
        Field::new(app, label, value, field == this, hint, true).entry(app, "")
    };
    let mut list = vec![
        Entry::text(ui.intro.as_str()),
        Entry::blank(),
        field_entry(&ui.expiry, &passport.expiry, PassportField::Expiry),
        Entry::blank(),
        field_entry(
            &ui.end_of_stay,
            &passport.end_of_stay,
            PassportField::EndOfStay,
        ),
        Entry::blank(),
    ];
    let check = review::passport(&app.application, app.today);
    let result = match check {
        PassportCheck::Incomplete => Text::styled(ui.need_both.as_str(), theme.muted()),
        check => {
            let mut lines = report::passport_outcome(&app.content, &app.application, app.today);
            let verdict = lines.pop().unwrap_or_default();
            let (symbol, style) =
                match crate::present::review::passport_verdict(&app.content, check).0 {
                    Mark::Done => (theme.glyphs.check, theme.good()),
                    Mark::Open => ("!", Style::new()),
                    _ => (theme.glyphs.cross, theme.bad()),
                };
            let mut text: Vec<Line> = lines.into_iter().map(Line::raw).collect();
            text.push(Line::styled(format!("{symbol} {verdict}"), style));
            Text::from(text)
        }
    };
    let on_result = field == PassportField::Result;
    list.push(Entry::new(pointer(theme, on_result), result).selected(on_result));
    if on_result {
        list.push(Entry::blank());
        list.push(Entry::text(Line::styled(
            ui.continue_hint.as_str(),
            theme.key(),
        )));
    }
    render_with_cursor(app, frame, area, &list);
}

pub fn submission(app: &App, frame: &mut Frame, area: Rect, field: SubmissionField) {
    let theme = app.theme;
    let content = &app.content;
    let steps = &content.guide.submission;
    let ui = &content.ui.submission;
    let submission = &app.application.submission;
    let checklist = |this: SubmissionField, ticked: bool, title: &str, explanation: &str| {
        let selected = field == this;
        let mut title = Line::raw(title.to_string());
        if selected {
            title = title.patch_style(theme.selected());
        }
        let mut body = Text::from(title);
        body.push_line(Line::styled(explanation.to_string(), theme.muted()));
        let marker = Line::from(vec![pointer(theme, selected), checkbox(ticked)]);
        Entry::new(marker, body).selected(selected)
    };
    let text_field = |this: SubmissionField, label: &str, value: &str, hint: Option<&str>| {
        Field::new(app, label, value, field == this, hint, this.is_date()).entry(app, "    ")
    };

    let mut list = vec![
        Entry::text(steps.where_to_apply.as_str()),
        Entry::blank(),
        checklist(
            SubmissionField::FormCompleted,
            submission.form_completed,
            &steps.application_form.title,
            &steps.application_form.explanation,
        ),
        checklist(
            SubmissionField::FeePaid,
            submission.fee_paid,
            &steps.visa_fee.title,
            &steps.visa_fee.explanation,
        ),
        text_field(
            SubmissionField::FeeAmount,
            &ui.fee_amount,
            &submission.fee_amount,
            Some(&ui.fee_amount_hint),
        ),
    ];
    let fee_date = form::Field::FeePaidOn;
    if fee_date.applies(&app.application) || fee_date.place() == app.application.place {
        list.push(text_field(
            SubmissionField::FeePaidOn,
            &ui.fee_paid_on,
            &submission.fee_paid_on,
            Some(&app.content.ui.dates.hint),
        ));
    }

    let on_interview = field == SubmissionField::Interview;
    let mut choices = vec![];
    for choice in Interview::ALL {
        let name = match choice {
            Interview::NotRequested => &ui.not_requested,
            Interview::Scheduled => &ui.scheduled,
            Interview::Attended => &ui.attended,
        };
        let chosen = submission.interview == choice;
        choices.push(chosen_mark(theme, chosen));
        choices.push(Span::styled(
            format!("{name}   "),
            if chosen {
                theme.heading()
            } else {
                theme.muted()
            },
        ));
    }
    let mut heading = Line::raw(steps.interview.title.as_str());
    if on_interview {
        heading = heading.patch_style(theme.selected());
    }
    let mut title = Text::from(heading);
    title.push_line(Line::styled(
        steps.interview.explanation.as_str(),
        theme.muted(),
    ));
    title.push_line(Line::from(choices));
    list.push(
        Entry::new(
            // A step of its own, marked as the two above it are: done once attended.
            Line::from(vec![
                pointer(theme, on_interview),
                checkbox(submission.interview == Interview::Attended),
            ]),
            title,
        )
        .selected(on_interview),
    );
    if form::Field::InterviewDate.applies(&app.application) {
        // Choosing "scheduled" brings the date field up: it shows with the choice.
        list.push(
            text_field(
                SubmissionField::InterviewDate,
                &ui.interview_date,
                &submission.interview_date,
                Some(&app.content.ui.dates.hint),
            )
            .keep_in_view(),
        );
    }
    render_with_cursor(app, frame, area, &list);
}

/// The employer's part: the work permit and the invitation, each with its detail.
pub fn employer(app: &App, frame: &mut Frame, area: Rect, field: EmployerField) {
    let theme = app.theme;
    let text = &app.content.steps.employer;
    let employer = &app.application.employer;
    let checkbox_row = |this: EmployerField, ticked: bool, title: &str| {
        let selected = field == this;
        let mut body = Text::from(Line::raw(title.to_string()));
        if selected {
            body = body.patch_style(theme.selected());
        }
        let marker = Line::from(vec![pointer(theme, selected), checkbox(ticked)]);
        Entry::new(marker, body).selected(selected)
    };
    let text_field = |this: EmployerField, label: &str, value: &str, hint: Option<&str>| {
        let focused = field == this;
        Field::new(
            app,
            label,
            value,
            focused,
            hint,
            this == EmployerField::PermitDate,
        )
        .entry(app, "    ")
    };
    // The date and the detail show once there is something to date (see `form::Field::applies`).
    let applies = |field: form::Field| {
        field.applies(&app.application) || field.place() == app.application.place
    };
    let mut list = vec![
        Entry::text(text.intro.as_str()),
        Entry::blank(),
        checkbox_row(EmployerField::Permit, employer.permit, &text.permit),
    ];
    if applies(form::Field::PermitDate) {
        list.push(text_field(
            EmployerField::PermitDate,
            &text.permit_date,
            &employer.permit_date,
            Some(&app.content.ui.dates.hint),
        ));
    }
    list.push(Entry::blank());
    list.push(checkbox_row(
        EmployerField::Invitation,
        employer.invitation,
        &text.invitation,
    ));
    if applies(form::Field::InvitationDetail) {
        list.push(text_field(
            EmployerField::InvitationDetail,
            &text.invitation_detail,
            &employer.invitation_detail,
            Some(&text.invitation_hint),
        ));
    }
    render_with_cursor(app, frame, area, &list);
}

/// Any form drawn from its declaration alone (`wizard::form`): each field that applies, by its
/// kind, with its label and hint. The steps with a layout of their own have their own views;
/// a new form step needs none.
pub fn form(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let application = &app.application;
    let step = application.place.step();
    let mut list: Vec<Entry> = Vec::new();
    for field in form::fields(step, application) {
        // What introduces the field in the line wizard introduces it here.
        for paragraph in fields::context(field, &app.content) {
            list.push(Entry::text(paragraph));
            list.push(Entry::blank());
        }
        list.push({
            let focused = field.place() == application.place;
            let label = fields::label(field, &app.content);
            match field.kind() {
                form::Kind::Tick | form::Kind::Choice => {
                    let ticked = field.ticked(application).unwrap_or(false);
                    let mut body = Text::from(Line::raw(label.to_string()));
                    if focused {
                        body = body.patch_style(theme.selected());
                    }
                    let marker = Line::from(vec![pointer(theme, focused), checkbox(ticked)]);
                    Entry::new(marker, body).selected(focused)
                }
                kind => {
                    let value = field.text(application).map_or("", String::as_str);
                    let hint = fields::hint(field, &app.content);
                    Field::new(app, label, value, focused, hint, kind == form::Kind::Date)
                        .entry(app, "    ")
                }
            }
        });
        list.push(Entry::blank());
    }
    render_with_cursor(app, frame, area, &list);
}
