//! The screens that present the guide: welcome, eligibility questions and result, documents.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};

use super::entries::{self, Entry, pointer};
use super::theme::Theme;
use crate::app::App;
use crate::content::fill;
use crate::present::safe::shown;
use crate::wizard::Place;
use crate::wizard::review::{self, Answer};

/// The welcome page; returns how far it scrolls (see [`entries::render_scrolled`]).
pub fn welcome(app: &App, frame: &mut Frame, area: Rect) -> u16 {
    let theme = app.theme;
    let guide = &app.content.guide;
    let ui = &app.content.ui.welcome;
    let checked = app.content.date(guide.checked);
    let mut list = vec![Entry::new(
        Span::styled("! ", theme.bad()),
        Text::from(vec![
            Line::styled(ui.disclaimer_title.as_str(), theme.heading()),
            Line::raw(guide.disclaimer.as_str()),
            Line::styled(
                fill(&app.content.ui.notes.checked_content, &[("date", &checked)]),
                theme.muted(),
            ),
            Line::styled(app.content.ui.language.reference.as_str(), theme.muted()),
        ]),
    )];
    for paragraph in &guide.welcome {
        list.push(Entry::blank());
        list.push(Entry::text(paragraph.as_str()));
    }
    list.push(Entry::blank());
    list.push(Entry::text(Line::styled(ui.start.as_str(), theme.key())));
    entries::render_scrolled(app.theme, frame, area, &list, app.scroll)
}

pub fn question(app: &App, frame: &mut Frame, area: Rect, question: usize) {
    let theme = app.theme;
    let content = &app.content;
    let ui = &content.ui;
    let criteria = &content.guide.eligibility.criteria;
    let criterion = &criteria[question];
    let number = fill(
        &ui.eligibility.question_number,
        &[
            ("number", &(question + 1).to_string()),
            ("total", &criteria.len().to_string()),
        ],
    );
    let mut list = vec![
        Entry::text(Line::styled(number, theme.muted())),
        Entry::text(Line::styled(criterion.title.as_str(), theme.heading())),
        Entry::blank(),
        Entry::text(Line::styled(criterion.question.as_str(), theme.title())),
        Entry::blank(),
        Entry::text(criterion.explanation.as_str()),
    ];
    if let Some(answer) = app.application.answer(&criterion.id) {
        list.push(Entry::blank());
        list.push(Entry::text(fill(
            &ui.eligibility.your_answer,
            &[("answer", if answer { &ui.yes } else { &ui.no })],
        )));
    }
    if let Some(entry) = criterion
        .faq
        .as_deref()
        .and_then(|id| content.faq_entry(id))
    {
        list.push(Entry::blank());
        list.push(Entry::text(Line::styled(
            fill(
                &ui.eligibility.related_faq,
                &[("question", &content.faq[entry].question)],
            ),
            theme.muted(),
        )));
    }
    if question == 0 {
        list.insert(0, Entry::text(content.guide.eligibility.intro.as_str()));
        list.insert(1, Entry::blank());
    }
    entries::render(app.theme, frame, area, &list);
}

pub fn eligibility_result(app: &App, frame: &mut Frame, area: Rect) -> u16 {
    let theme = app.theme;
    let content = &app.content;
    let ui = &content.ui;
    let mut list = vec![
        Entry::text(ui.eligibility.result_intro.as_str()),
        Entry::blank(),
    ];
    let mut all_met = true;
    for criterion in &content.guide.eligibility.criteria {
        let answer = review::answer(&app.application, criterion);
        all_met &= answer == Answer::Met;
        let (marker, status, style) = match answer {
            Answer::Met => (
                format!("[{}] ", theme.glyphs.check),
                &ui.eligibility.met,
                theme.good(),
            ),
            Answer::NotMet => (
                format!("[{}] ", theme.glyphs.cross),
                &ui.eligibility.not_met,
                theme.bad(),
            ),
            Answer::ToConfirm => ("[?] ".to_string(), &ui.eligibility.to_confirm, Style::new()),
            Answer::Unanswered => ("[?] ".to_string(), &ui.not_answered, theme.muted()),
        };
        let mut body = Text::from(Line::from(vec![
            Span::styled(format!("{status}: "), style),
            Span::raw(criterion.title.as_str()),
        ]));
        if matches!(answer, Answer::NotMet | Answer::ToConfirm) {
            body.push_line(Line::raw(criterion.not_met.as_str()));
        }
        if answer == Answer::ToConfirm {
            // The guide's statement stays, with what the sources say of it.
            for note in content.notes_at(&format!("criterion:{}", criterion.id)) {
                body.push_line(Line::raw(format!("ⓘ {}", note.text.trim())));
            }
        }
        list.push(Entry::new(Span::styled(marker, style), body));
    }
    list.push(Entry::blank());
    list.push(Entry::text(if all_met {
        ui.eligibility.all_met.as_str()
    } else {
        ui.eligibility.go_on_anyway.as_str()
    }));
    entries::render_scrolled(app.theme, frame, area, &list, app.scroll)
}

pub fn documents(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let content = &app.content;
    let application = &app.application;
    let place = application.place;
    let mut list = vec![
        Entry::text(content.guide.documents.intro.as_str()),
        Entry::blank(),
    ];
    for (d, document) in content.guide.documents.items.iter().enumerate() {
        let expanded = app.expanded.contains(&d);
        let selected = place
            == Place::Documents {
                document: d,
                item: None,
            };
        let have = application.has_document(&document.id);
        let mut title = vec![Span::raw(document.title.as_str())];
        if !document.items.is_empty() {
            let done = document
                .items
                .iter()
                .filter(|p| application.covers(&document.id, &p.id))
                .count();
            let count = fill(
                content.plural(&content.ui.documents.items_done, document.items.len()),
                &[
                    ("done", &done.to_string()),
                    ("total", &document.items.len().to_string()),
                ],
            );
            title.push(Span::styled(format!("  ({count})"), theme.muted()));
        }
        let mut title = Line::from(title);
        if selected {
            title = title.patch_style(theme.selected());
        }
        let mut body = Text::from(title);
        if expanded {
            body.push_line(Line::styled(document.must_show.as_str(), theme.muted()));
        }
        let marker = Line::from(vec![
            pointer(theme, selected),
            entries::disclosure(theme, expanded),
            checkbox(have),
        ]);
        list.push(Entry::new(marker, body).selected(selected));
        if expanded {
            for (i, point) in document.items.iter().enumerate() {
                let selected = place
                    == Place::Documents {
                        document: d,
                        item: Some(i),
                    };
                let marker = Line::from(vec![
                    pointer(theme, selected),
                    Span::raw("    "),
                    checkbox(application.covers(&document.id, &point.id)),
                ]);
                let mut body = Text::from(point.title.as_str());
                if selected {
                    body = body.patch_style(theme.selected());
                }
                list.push(Entry::new(marker, body).selected(selected));
            }
        }
    }
    entries::render(app.theme, frame, area, &list);
}

pub fn checkbox(ticked: bool) -> Span<'static> {
    Span::raw(if ticked { "[x] " } else { "[ ] " })
}

/// The mark of an option of a choice: chosen or not.
pub fn chosen_mark(theme: Theme, chosen: bool) -> Span<'static> {
    Span::raw(if chosen {
        format!("({}) ", theme.glyphs.chosen)
    } else {
        "( ) ".to_string()
    })
}

/// The route by citizenship: three options, chosen with the arrows and Enter or with 1-3.
pub fn route(app: &App, frame: &mut Frame, area: Rect, option: usize) {
    let theme = app.theme;
    let route = &app.content.steps.route;
    let chosen = app.application.route.map(|r| r.index());
    let mut list = vec![
        Entry::text(route.intro.as_str()),
        Entry::blank(),
        Entry::text(Line::styled(route.question.as_str(), theme.title())),
        Entry::blank(),
    ];
    for (i, choice) in route.options.iter().enumerate() {
        let selected = i == option && !app.country_focus;
        let mut body = Text::from(format!("{}. {}", i + 1, choice.title));
        if selected {
            body = body.patch_style(theme.selected());
        }
        let marker = Line::from(vec![
            pointer(theme, selected),
            chosen_mark(theme, chosen == Some(i)),
        ]);
        list.push(Entry::new(marker, body).selected(selected));
    }
    // Not sure which route? The citizenship, typed, finds what the sources say.
    let ui = &app.content.ui;
    let focused = app.country_focus;
    let label_style = if focused {
        theme.selected()
    } else {
        theme.heading()
    };
    let mut field = Text::from(vec![
        Line::styled(ui.route.country_prompt.as_str(), label_style),
        Line::styled(format!("{:<24}", shown(&app.country)), theme.field()),
    ]);
    let typed = app.country.trim();
    if !typed.is_empty() {
        let found = crate::countries::lookup(&app.content, typed);
        for line in crate::countries::answer_text(&app.content, typed, &found).lines() {
            field.push_line(Line::styled(line.to_string(), theme.muted()));
        }
    }
    list.push(Entry::blank());
    list.push(Entry::new(pointer(theme, focused), field).selected(focused));
    let body = entries::render(app.theme, frame, area, &list);
    if let Some(body) = body.filter(|_| focused) {
        let before: String = shown(&app.country).chars().take(app.cursor).collect();
        if let Some(position) = entries::cursor_at(body, 1, &before) {
            frame.set_cursor_position(position);
        }
    }
}

/// What the chosen route means, for the routes without a work visa.
pub fn route_outcome(app: &App, frame: &mut Frame, area: Rect) -> u16 {
    let theme = app.theme;
    let content = &app.content;
    let mut list = Vec::new();
    if let Some(route) = app.application.route {
        let option = content.route_option(route.index());
        list.push(Entry::text(Line::styled(
            option.title.as_str(),
            theme.heading(),
        )));
        list.push(Entry::blank());
        list.push(Entry::text(option.outcome.as_str()));
        list.push(Entry::blank());
    }
    list.push(Entry::text(Line::styled(
        content.ui.passport.continue_hint.as_str(),
        theme.key(),
    )));
    entries::render_scrolled(app.theme, frame, area, &list, app.scroll)
}
