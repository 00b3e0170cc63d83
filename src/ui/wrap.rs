//! Styled text wrapped at spaces to a width, once per frame: every screen's text goes through
//! here, so it wraps the same everywhere. textwrap finds the words and fits them (first fit, as
//! ratatui's own wrapping does); this module only carries each line's styles over the breaks.
//! ratatui's `Wrap` would segment every grapheme twice (to count the lines, then to draw them),
//! most of a page's cost on its first frame.

use std::borrow::Cow;

use ratatui::text::{Line, Span, Text};
use textwrap::WordSeparator;
use textwrap::core::break_words;
use textwrap::wrap_algorithms::wrap_first_fit;

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
            if line.width() <= width {
                1
            } else {
                breaks(&joined(line), width).len()
            }
        })
        .sum()
}

fn wrap_line<'a>(line: &Line<'a>, width: usize, into: &mut Vec<Line<'a>>) {
    if line.width() <= width {
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

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    fn plain(text: &Text) -> Vec<String> {
        text.lines.iter().map(|l| l.to_string()).collect()
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
}
