//! Styled text wrapped at spaces to a width, once per frame: every screen's text goes through
//! here, so it wraps the same everywhere. textwrap finds the words and fits them (first fit, as
//! ratatui's own wrapping does); this module only carries each line's styles over the breaks.
//! ratatui's `Wrap` would segment every grapheme twice (to count the lines, then to draw them),
//! most of a page's cost on its first frame. [`Lines`] draws what was wrapped.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Widget};
use textwrap::WordSeparator;
use textwrap::core::break_words;
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_width::UnicodeWidthStr;

/// `text` as screen lines of at most `width` columns: each line broken at spaces (a word wider
/// than the width broken where it must), its styles and alignment kept. The spaces at a break
/// are dropped; those at the end of a line are kept (a field's cursor cell is one).
pub fn wrapped<'a>(text: &Text<'a>, width: u16) -> Text<'a> {
    let mut lines = Vec::with_capacity(text.lines.len());
    for line in &text.lines {
        wrap_line(line, usize::from(width.max(1)), &mut lines);
    }
    Text {
        lines,
        style: text.style,
        alignment: text.alignment,
    }
}

/// How many screen lines `text` takes at `width`.
pub fn height(text: &Text, width: u16) -> usize {
    let width = usize::from(width.max(1));
    text.lines
        .iter()
        .map(|line| {
            if columns(line) <= width {
                1
            } else {
                breaks(&joined(line), width).len()
            }
        })
        .sum()
}

fn wrap_line<'a>(line: &Line<'a>, width: usize, into: &mut Vec<Line<'a>>) {
    if columns(line) <= width {
        into.push(line.clone());
        return;
    }
    let text = joined(line);
    for (start, end) in breaks(&text, width) {
        into.push(Line {
            spans: spans_between(&line.spans, start, end),
            style: line.style,
            alignment: line.alignment,
        });
    }
}

/// The columns a line takes, as `Line::width` counts them.
fn columns(line: &Line) -> usize {
    line.spans
        .iter()
        .map(|span| crate::present::columns(&span.content))
        .sum()
}

/// The line's text: its one span's, or its spans' joined.
fn joined<'b>(line: &'b Line) -> Cow<'b, str> {
    match line.spans.as_slice() {
        [span] => Cow::Borrowed(span.content.as_ref()),
        spans => Cow::Owned(spans.iter().map(|s| s.content.as_ref()).collect()),
    }
}

/// Where each screen line of `text` starts and ends, as byte offsets: at least one line.
fn breaks(text: &str, width: usize) -> Vec<(usize, usize)> {
    // The words lie end to end (word, then the spaces after it), and so do the pieces a long
    // word is broken into: each one's place is the sum of the lengths before it.
    let words = break_words(WordSeparator::AsciiSpace.find_words(text), width);
    let mut starts = Vec::with_capacity(words.len());
    let mut at = 0;
    for word in &words {
        starts.push(at);
        at += word.word.len() + word.whitespace.len();
    }
    let lines = wrap_first_fit(&words, &[width as f64]);
    let last = lines.len().saturating_sub(1);
    let mut taken = 0;
    let mut ranges = Vec::with_capacity(lines.len().max(1));
    for (n, line) in lines.iter().enumerate() {
        let Some(final_word) = line.last() else {
            continue;
        };
        let start = starts[taken];
        taken += line.len();
        let spaces = if n == last {
            final_word.whitespace.len()
        } else {
            0
        };
        ranges.push((start, starts[taken - 1] + final_word.word.len() + spaces));
    }
    if ranges.is_empty() {
        ranges.push((0, text.len()));
    }
    ranges
}

/// The parts of `spans` between two byte offsets of their joined text, each with its style.
fn spans_between<'a>(spans: &[Span<'a>], start: usize, end: usize) -> Vec<Span<'a>> {
    let mut parts = Vec::new();
    let mut at = 0;
    for span in spans {
        let len = span.content.len();
        let (from, to) = (start.max(at), end.min(at + len));
        if from < to {
            let (from, to) = (from - at, to - at);
            let content = match &span.content {
                Cow::Borrowed(s) => Cow::Borrowed(&s[from..to]),
                Cow::Owned(s) => Cow::Owned(s[from..to].to_string()),
            };
            parts.push(Span {
                content,
                style: span.style,
            });
        }
        at += len;
        if at >= end {
            break;
        }
    }
    parts
}

/// Lines already wrapped or cut to their area's width, drawn as `Paragraph::new(text)
/// .style(style).scroll((skip, 0))` draws them: each span is set in the buffer whole, where the
/// paragraph would gather every grapheme of a line first and set the area's style twice, most
/// of a frame's cost.
pub struct Lines<'a> {
    pub text: Text<'a>,
    /// Lines above the area, scrolled out of it.
    pub skip: u16,
    pub style: Style,
}

impl<'a> Lines<'a> {
    pub fn new(text: Text<'a>) -> Self {
        Lines {
            text,
            skip: 0,
            style: Style::default(),
        }
    }
}

impl Widget for Lines<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        if self.style != Style::default() {
            buf.set_style(area, self.style);
        }
        let lines = self.text.lines.iter().skip(usize::from(self.skip));
        for (line, y) in lines.zip(area.top()..area.bottom()) {
            let alignment = line
                .alignment
                .or(self.text.alignment)
                .unwrap_or(Alignment::Left);
            // A line at the left needs no measuring.
            let width = if alignment == Alignment::Left {
                0
            } else {
                columns(line)
            };
            // Where the paragraph's way differs (a line cut short but not at the left, a
            // column too narrow for a wide letter), the line takes that way.
            if width > usize::from(area.width) || area.width < 2 {
                let row = Rect {
                    y,
                    height: 1,
                    ..area
                };
                let text = Text {
                    lines: vec![line.clone()],
                    style: self.text.style,
                    alignment: Some(alignment),
                };
                Paragraph::new(text).render(row, buf);
                continue;
            }
            let width = width as u16;
            let mut x = area.x
                + match alignment {
                    Alignment::Left => 0,
                    Alignment::Center => (area.width / 2).saturating_sub(width / 2),
                    Alignment::Right => area.width.saturating_sub(width),
                };
            let base = self.text.style.patch(line.style);
            for span in &line.spans {
                if x >= area.right() {
                    break;
                }
                let room = usize::from(area.right() - x);
                let whole;
                (x, whole) = set_text(buf, x, y, &span.content, room, base.patch(span.style));
                // A line ends at the first letter that does not fit, though a narrower one
                // after it would.
                if !whole {
                    break;
                }
            }
        }
    }
}

/// Sets `text` in the buffer from (`x`, `y`) in at most `room` columns, as
/// `Buffer::set_stringn` does; where the text ends, and whether all of it fitted. Text whose
/// letters each take one column and are a grapheme of their own among such letters
/// ([`one_cell`]: nearly all kzvisa shows) goes in a letter to a cell, without looking up each
/// letter's segmentation and width.
fn set_text(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    text: &str,
    room: usize,
    style: Style,
) -> (u16, bool) {
    if !text.chars().all(one_cell) {
        let (end, _) = buf.set_stringn(x, y, text, room, style);
        return (end, text.width() <= room);
    }
    let mut end = x;
    let mut letters = text.chars();
    for letter in letters.by_ref().take(room) {
        buf[(end, y)].set_char(letter).set_style(style);
        end += 1;
    }
    (end, letters.next().is_none())
}

/// Letters one column wide that are always a grapheme of their own: printable ASCII, Latin,
/// Cyrillic (without its combining marks) and the punctuation, arrows and box drawing the
/// screens use. A unit test checks each against unicode-width and unicode-segmentation.
fn one_cell(letter: char) -> bool {
    matches!(letter,
        ' '..='~'
        | '\u{A0}'..='\u{AC}'
        | '\u{AE}'..='\u{24F}'
        | '\u{400}'..='\u{482}'
        | '\u{48A}'..='\u{52F}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{2190}'..='\u{21FF}'
        | '\u{2500}'..='\u{25FC}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    fn plain(text: &Text) -> Vec<String> {
        text.lines.iter().map(|l| l.to_string()).collect()
    }

    /// The letters drawn a letter to a cell are each one column wide and a grapheme of their
    /// own among such letters: cut into graphemes as ratatui cuts text, a letter between two
    /// others, or two of itself, stays apart from both (a mark that joins the letter before,
    /// or the one after, or its own kind, would not).
    #[test]
    fn one_cell_letters_are_one_column_and_a_grapheme_alone() {
        use unicode_segmentation::UnicodeSegmentation;
        use unicode_width::UnicodeWidthChar;
        let letters: Vec<char> = (0..=0x2FFFu32)
            .filter_map(char::from_u32)
            .filter(|c| one_cell(*c))
            .collect();
        assert!(letters.len() > 1000, "{}", letters.len());
        for &letter in &letters {
            assert_eq!(letter.width(), Some(1), "{letter:?} {:X}", letter as u32);
            assert!(!letter.is_control(), "{:X}", letter as u32);
            for neighbour in ['a', 'я', letter] {
                let text = format!("{neighbour}{letter}{neighbour}");
                let graphemes: Vec<&str> = text.graphemes(true).collect();
                assert!(
                    graphemes.contains(&letter.to_string().as_str()),
                    "{:X} beside {:X}: {graphemes:?}",
                    letter as u32,
                    neighbour as u32
                );
            }
        }
    }

    #[test]
    fn words_go_to_the_next_line_whole() {
        let text = Text::from("the quick brown fox jumps");
        assert_eq!(
            plain(&wrapped(&text, 10)),
            ["the quick", "brown fox", "jumps"]
        );
        assert_eq!(height(&text, 10), 3);
        assert_eq!(height(&text, 40), 1);
    }

    #[test]
    fn a_word_wider_than_the_line_is_broken() {
        let text = Text::from("ab https://example.com/long");
        assert_eq!(
            plain(&wrapped(&text, 8)),
            ["ab", "https://", "example.", "com/long"]
        );
    }

    #[test]
    fn styles_carry_over_the_breaks_and_a_last_space_stays() {
        let line = Line::from(vec![
            Span::raw("Name: "),
            Span::styled("Aigerim Bekova ", Style::new().bold()),
        ]);
        let text = wrapped(&Text::from(line), 10);
        assert_eq!(plain(&text), ["Name:", "Aigerim", "Bekova "]);
        assert_eq!(text.lines[0].spans[0].style, Style::new());
        assert_eq!(text.lines[2].spans[0].style, Style::new().bold());
    }

    #[test]
    fn an_empty_line_stays_a_line_and_cyrillic_counts_by_columns() {
        let text = Text::from(vec![Line::default(), Line::raw("заявление на визу")]);
        assert_eq!(plain(&wrapped(&text, 10)), ["", "заявление", "на визу"]);
        assert_eq!(height(&text, 10), 3);
    }
}

#[cfg(test)]
mod same_as_ratatui {
    use super::*;
    use proptest::prelude::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::widgets::{Paragraph, Widget, Wrap};

    fn drawn(paragraph: Paragraph, width: u16, height: u16) -> Buffer {
        let area = Rect::new(0, 0, width, height);
        let mut buffer = Buffer::empty(area);
        paragraph.render(area, &mut buffer);
        buffer
    }

    proptest! {
        // Words of Latin, Cyrillic and Kazakh letters and punctuation, one space apart, some
        // longer than the line: drawn the same as ratatui's own wrapping draws them, and
        // counted the same.
        #[test]
        fn text_wraps_as_ratatui_wraps_it(
            words in prop::collection::vec("[a-zA-Zа-яәғқңөұүһі.,:/()-]{1,14}", 1..40),
            width in 4u16..50,
        ) {
            let text = Text::from(words.join(" "));
            let ours = wrapped(&text, width);
            let theirs = Paragraph::new(text.clone()).wrap(Wrap { trim: false });
            let lines = theirs.line_count(width);
            prop_assert_eq!(ours.lines.len(), lines);
            prop_assert_eq!(height(&text, width), lines);
            let height = lines as u16;
            prop_assert_eq!(drawn(Paragraph::new(ours), width, height), drawn(theirs, width, height));
        }
    }

    /// What a terminal would be sent to show `buffer` on a blank screen: the cells a wide
    /// letter hides are not.
    fn shown(buffer: &Buffer) -> Vec<(u16, u16, ratatui::buffer::Cell)> {
        Buffer::empty(buffer.area)
            .diff(buffer)
            .into_iter()
            .map(|(x, y, cell)| (x, y, cell.clone()))
            .collect()
    }

    fn style() -> impl Strategy<Value = Style> {
        use ratatui::style::{Color, Modifier};
        let colors = prop::option::of(prop::sample::select(vec![
            Color::Red,
            Color::Yellow,
            Color::Indexed(8),
        ]));
        let modifiers = prop::sample::select(vec![
            Modifier::empty(),
            Modifier::BOLD,
            Modifier::REVERSED,
            Modifier::BOLD | Modifier::UNDERLINED,
        ]);
        (colors.clone(), colors, modifiers.clone(), modifiers).prop_map(|(fg, bg, add, sub)| {
            let mut style = Style::new().add_modifier(add).remove_modifier(sub);
            style.fg = fg;
            style.bg = bg;
            style
        })
    }

    fn alignment() -> impl Strategy<Value = Option<Alignment>> {
        prop::option::of(prop::sample::select(vec![
            Alignment::Left,
            Alignment::Center,
            Alignment::Right,
        ]))
    }

    fn line() -> impl Strategy<Value = Line<'static>> {
        // Latin, Cyrillic, Kazakh, wide letters and a combining accent.
        let span = (
            "[a-zа-яәғқңө .,:/-]{0,12}(一二|е\u{301})?[a-z]{0,3}",
            style(),
        )
            .prop_map(|(content, style)| Span::styled(content, style));
        (prop::collection::vec(span, 0..4), style(), alignment()).prop_map(
            |(spans, style, alignment)| Line {
                spans,
                style,
                alignment,
            },
        )
    }

    proptest! {
        // Lines, some wider than the area, with styles on the text, the lines and the spans,
        // aligned each way, scrolled, in an area away from the buffer's corner: the terminal
        // is sent the same as for ratatui's paragraph.
        #[test]
        fn lines_draw_as_a_paragraph_draws_them(
            lines in prop::collection::vec(line(), 0..8),
            text_style in style(),
            text_alignment in alignment(),
            area_style in style(),
            skip in 0u16..3,
            (x, y, width, height) in (0u16..3, 0u16..3, 1u16..30, 1u16..8),
        ) {
            let text = Text { lines, style: text_style, alignment: text_alignment };
            let area = Rect::new(x, y, width, height);
            let whole = Rect::new(0, 0, x + width + 2, y + height + 2);
            let mut theirs = Buffer::empty(whole);
            Paragraph::new(text.clone())
                .style(area_style)
                .scroll((skip, 0))
                .render(area, &mut theirs);
            let mut ours = Buffer::empty(whole);
            Lines { text, skip, style: area_style }.render(area, &mut ours);
            prop_assert_eq!(shown(&ours), shown(&theirs));
        }
    }
}
