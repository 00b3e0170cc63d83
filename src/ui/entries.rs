//! A scrolling column of entries: each a marker (pointer, checkbox) beside a body that wraps
//! under itself, not under the marker. The selected entry is always scrolled into view.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::theme::{MAX_TEXT_WIDTH, Theme};

#[derive(Debug, Clone, Default)]
pub struct Entry<'a> {
    pub marker: Line<'a>,
    pub body: Text<'a>,
    pub selected: bool,
    /// Each line of the body stays one screen line, cut at the edge: a row of a table.
    pub cut: bool,
    /// Shown with the selected entry when there is room: what the selection just brought up
    /// (the date field a choice adds).
    pub keep_in_view: bool,
}

impl<'a> Entry<'a> {
    pub fn new(marker: impl Into<Line<'a>>, body: impl Into<Text<'a>>) -> Self {
        Entry {
            marker: marker.into(),
            body: body.into(),
            selected: false,
            cut: false,
            keep_in_view: false,
        }
    }

    /// An entry without a marker: a heading, a paragraph, a blank line.
    pub fn text(body: impl Into<Text<'a>>) -> Self {
        Entry::new(Line::default(), body)
    }

    /// A blank line: no text at all, so a screen of a thousand rows, most of them blank off
    /// screen, allocates nothing for them.
    pub fn blank() -> Self {
        Entry::text(Text::default())
    }

    pub fn selected(mut self, selected: bool) -> Self {
        self.selected = selected;
        self
    }

    pub fn keep_in_view(mut self) -> Self {
        self.keep_in_view = true;
        self
    }

    /// Cut at the edge rather than wrapped.
    pub fn cut(mut self) -> Self {
        self.cut = true;
        self
    }

    fn body_width(&self, width: u16) -> u16 {
        width.saturating_sub(self.marker.width() as u16).max(1)
    }

    /// The body as screen lines at `width`: wrapped, or cut at the edge.
    fn lines(&self, width: u16) -> Text<'a> {
        let width = self.body_width(width);
        if self.cut {
            self.body.clone()
        } else {
            super::wrap::wrapped(&self.body, width)
        }
    }
}

/// Each entry's lines at `width`, and the height each takes (at least one line).
fn laid_out<'a>(entries: &[Entry<'a>], width: u16) -> (Vec<Text<'a>>, Vec<u16>) {
    let lines: Vec<Text<'a>> = entries.iter().map(|e| e.lines(width)).collect();
    let heights = lines
        .iter()
        .map(|text| u16::try_from(text.lines.len()).unwrap_or(u16::MAX).max(1))
        .collect();
    (lines, heights)
}

/// The mark of a row that opens to more: closed or open.
pub fn disclosure(theme: Theme, open: bool) -> Span<'static> {
    let glyph = if open {
        theme.glyphs.open
    } else {
        theme.glyphs.closed
    };
    Span::raw(format!("{glyph} "))
}

/// The pointer that marks the selected row, readable without colour.
pub fn pointer(theme: Theme, selected: bool) -> Span<'static> {
    let pointer = theme.glyphs.pointer;
    if selected {
        Span::raw(format!("{pointer} "))
    } else {
        Span::raw(" ".repeat(Span::raw(pointer).width() + 1))
    }
}

/// The columns the entries' text takes in `area`. The last column is the scrollbar's and one
/// more keeps text off it, whether the list scrolls or not: text wraps the same before and after
/// a change makes it scroll, and nothing jumps. On a wide terminal lines stop at a readable
/// width; the scrollbar stays at the edge.
pub fn text_width(area: Rect) -> u16 {
    if area.width > 2 {
        area.width - 2
    } else {
        area.width
    }
    .min(MAX_TEXT_WIDTH)
}

/// Draws the entries into `area`, scrolled so the selected one shows. Returns where the selected
/// entry's body landed on screen, for a caller that places the text cursor in it.
pub fn render(theme: Theme, frame: &mut Frame, area: Rect, entries: &[Entry]) -> Option<Rect> {
    let (lines, heights) = laid_out(entries, text_width(area));
    let offset = scroll_offset(entries, &heights, area.height);
    draw(theme, frame, area, entries, lines, &heights, offset)
}

/// Draws a page of text scrolled down `scroll` lines (as far as it goes), for a screen with no
/// selection to follow. Returns how far it can scroll at this size, for the app to know.
pub fn render_scrolled(
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
    entries: &[Entry],
    scroll: u16,
) -> u16 {
    let (lines, heights) = laid_out(entries, text_width(area));
    let total: u32 = heights.iter().map(|h| u32::from(*h)).sum();
    let limit = u16::try_from(total.saturating_sub(u32::from(area.height))).unwrap_or(u16::MAX);
    draw(
        theme,
        frame,
        area,
        entries,
        lines,
        &heights,
        scroll.min(limit),
    );
    limit
}

fn draw<'a>(
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
    entries: &[Entry<'a>],
    lines: Vec<Text<'a>>,
    heights: &[u16],
    offset: u16,
) -> Option<Rect> {
    let width = text_width(area);
    let total: u32 = heights.iter().map(|h| u32::from(*h)).sum();
    let scrolls = total > u32::from(area.height);

    let mut selected_body = None;
    let mut top: i64 = -i64::from(offset);
    for ((entry, lines), height) in entries.iter().zip(lines).zip(heights) {
        let height = i64::from(*height);
        if top >= i64::from(area.height) {
            break;
        }
        if top + height > 0 {
            let skip = (-top).max(0);
            let y = area.y + top.max(0) as u16;
            let visible = (height - skip).min(i64::from(area.bottom() - y)) as u16;
            let marker_width = entry.marker.width() as u16;
            let body = Rect::new(
                area.x + marker_width.min(width),
                y,
                entry.body_width(width).min(width),
                visible,
            );
            if skip == 0 {
                let marker = Rect::new(area.x, y, marker_width.min(width), 1);
                frame.render_widget(super::wrap::Lines::new(entry.marker.clone().into()), marker);
            }
            frame.render_widget(
                super::wrap::Lines {
                    skip: skip as u16,
                    ..super::wrap::Lines::new(lines)
                },
                body,
            );
            if entry.selected {
                selected_body = Some(body);
            }
        }
        top += height;
    }
    if scrolls {
        let mut state = ScrollbarState::new(total.saturating_sub(u32::from(area.height)) as usize)
            .position(offset as usize);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight).symbols(theme.glyphs.scrollbar()),
            area,
            &mut state,
        );
    }
    selected_body
}

/// The first line to show: as little scrolling as lets the selected entry show whole, and its top
/// when it is taller than the area.
fn scroll_offset(entries: &[Entry], heights: &[u16], area_height: u16) -> u16 {
    let Some(selected) = entries.iter().position(|e| e.selected) else {
        return 0;
    };
    let top: u32 = heights[..selected].iter().map(|h| u32::from(*h)).sum();
    // Keep the entries just above in view too when there is room (a section's heading).
    let mut bottom = top + u32::from(heights[selected]);
    for (at, entry) in entries.iter().enumerate().skip(selected + 1) {
        if entry.keep_in_view {
            bottom = heights[..=at].iter().map(|h| u32::from(*h)).sum();
        }
    }
    let area = u32::from(area_height);
    let offset = bottom.saturating_sub(area);
    u16::try_from(offset.min(top)).unwrap_or(u16::MAX)
}

/// Where the text cursor goes in a field's body: the line `line` of the body, after `before`.
pub fn cursor_at(body: Rect, line: u16, before: &str) -> Option<Position> {
    if line >= body.height {
        return None;
    }
    let x = body.x + (Span::raw(before).width() as u16).min(body.width.saturating_sub(1));
    Some(Position::new(x, body.y + line))
}
