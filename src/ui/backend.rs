//! The backend the full screen draws through: ratatui's crossterm backend, handed each run of
//! neighbouring changed cells of one style as one cell holding the run's text. The crossterm
//! backend still writes every command (where to, which colours, which attributes); it only
//! prints a run in one go, where it would format and print each cell apart, about a third of
//! a frame's cost on a page of text.

use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

pub struct Runs<W: Write> {
    inner: CrosstermBackend<W>,
}

impl<W: Write> Runs<W> {
    pub fn new(writer: W) -> Self {
        Runs {
            inner: CrosstermBackend::new(writer),
        }
    }
}

impl<W: Write> Backend for Runs<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        // A cell joins the run before it when it stands right after the run's last cell, in
        // the same style. After a wide letter the next changed cell is two columns on, so it
        // starts a run of its own at its place, as the backend would have moved there.
        //
        // The backend moves the cursor unless a cell is one column after the last: a run right
        // after the one before (another style) is handed to it one column after that run's
        // start, where the cursor already is as far as it knows, and it prints on. Any other
        // run is handed at its own place, further on than that, and the backend moves there.
        struct Run<'a> {
            x: u16,
            y: u16,
            first: &'a Cell,
            cells: usize,
            text: Range<usize>,
        }
        let mut text = String::new();
        let mut runs: Vec<Run> = Vec::new();
        let mut run_ends_at = None;
        for (x, y, cell) in content {
            let start = text.len();
            text.push_str(cell.symbol());
            match runs.last_mut() {
                Some(run) if run_ends_at == Some((x, y)) && run.first.style() == cell.style() => {
                    run.cells += 1;
                    run.text.end = text.len();
                }
                previous => {
                    let x = match previous {
                        Some(run) if run_ends_at == Some((x, y)) => {
                            run.x.checked_add(1).unwrap_or(x)
                        }
                        _ => x,
                    };
                    runs.push(Run {
                        x,
                        y,
                        first: cell,
                        cells: 1,
                        text: start..text.len(),
                    });
                }
            }
            run_ends_at = x.checked_add(1).map(|next| (next, y));
        }
        let cells: Vec<(u16, u16, Cow<Cell>)> = runs
            .into_iter()
            .map(|run| {
                let cell = if run.cells == 1 {
                    Cow::Borrowed(run.first)
                } else {
                    let mut joined = run.first.clone();
                    joined.set_symbol(&text[run.text]);
                    Cow::Owned(joined)
                };
                (run.x, run.y, cell)
            })
            .collect();
        self.inner
            .draw(cells.iter().map(|(x, y, cell)| (*x, *y, cell.as_ref())))
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

/// Commands written straight to the terminal between frames (synchronised updates, links).
impl<W: Write> Write for Runs<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.inner.write(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier, Style};

    const WIDTH: u16 = 12;
    const HEIGHT: u16 = 4;

    /// A screen of pieces of text set at places, some overlapping: Latin, Cyrillic, wide
    /// letters, a combining accent, in a few styles.
    fn screen() -> impl Strategy<Value = Buffer> {
        let style = (0usize..4, 0usize..3, any::<bool>()).prop_map(|(fg, bg, bold)| {
            let fg = [Color::Reset, Color::Red, Color::Indexed(8), Color::Yellow][fg];
            let bg = [Color::Reset, Color::Blue, Color::Indexed(236)][bg];
            let style = Style::new().fg(fg).bg(bg);
            if bold {
                style.add_modifier(Modifier::BOLD)
            } else {
                style
            }
        });
        let piece = (
            0..WIDTH,
            0..HEIGHT,
            "[a-c ая]{0,6}(一|е\u{301})?[a-c ]{0,3}",
            style,
        );
        prop::collection::vec(piece, 0..8).prop_map(|pieces| {
            let mut buffer = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
            for (x, y, text, style) in pieces {
                buffer.set_string(x, y, text, style);
            }
            buffer
        })
    }

    /// Where a backend's bytes go, kept for the test to read.
    #[derive(Clone, Default)]
    struct Written(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl Write for Written {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// What a terminal shows after `backend` draws `frames` in turn, each over the one before
    /// as ratatui draws (only the cells that changed).
    fn shown<B: Backend>(frames: &[Buffer], mut backend: B, written: &Written) -> String
    where
        B::Error: std::fmt::Debug,
    {
        let mut previous = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
        for frame in frames {
            backend
                .draw(previous.diff(frame).into_iter())
                .expect("drawn to memory");
            Backend::flush(&mut backend).expect("flushed to memory");
            previous = frame.clone();
        }
        let size = |n: u16| std::num::NonZeroU16::new(n).expect("not zero");
        let mut terminal = vt100::Parser::new(size(HEIGHT), size(WIDTH), 0);
        terminal.process(&written.0.borrow());
        terminal.screen().contents_formatted()
    }

    proptest! {
        // Frame after frame: the terminal shows the same, letters, colours and attributes, as when
        // the crossterm backend prints cell by cell.
        #[test]
        fn runs_show_what_cells_show(frames in prop::collection::vec(screen(), 1..4)) {
            let (ours, theirs) = (Written::default(), Written::default());
            let runs = shown(&frames, Runs::new(ours.clone()), &ours);
            let cells = shown(&frames, CrosstermBackend::new(theirs.clone()), &theirs);
            prop_assert_eq!(runs, cells);
        }
    }
}
