//! The sources' addresses made links (OSC 8) over each drawn frame, where the terminal takes
//! them: the frame's cells are written again inside a link, so the screen shows the same text
//! at the same widths, and the core and the views never hold an escape sequence.

use std::io::Write;

use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::crossterm::cursor::{RestorePosition, SavePosition};

use kzvisa::app::App;
use kzvisa::present::safe::link_target;
use kzvisa::ui::links::{self, Link};

pub struct Links {
    on: bool,
    /// Where the last frame has links: the terminal keeps a link on a cell until the cell is
    /// written again, so a link no longer there is written over without one.
    shown: Vec<Link>,
}

/// Cells of a frame to write again, inside a link to `target` or (`None`) outside any.
pub struct Run {
    target: Option<String>,
    cells: Vec<(u16, u16, Cell)>,
}

impl Links {
    pub fn new(on: bool) -> Self {
        Links {
            on,
            shown: Vec::new(),
        }
    }

    /// What to write over the frame just drawn: its links, and the last frame's links that
    /// are gone, written plain. An address that cannot be a safe target stays text.
    pub fn over(&mut self, app: &App, buffer: &Buffer) -> Vec<Run> {
        let links = if self.on {
            links::find(app, buffer)
        } else {
            Vec::new()
        };
        let stale = self
            .shown
            .iter()
            .filter(|old| !links.contains(old))
            .map(|old| Run {
                target: None,
                cells: cells_of(buffer, old),
            });
        let linked = links.iter().filter_map(|link| {
            link_target(&link.url).map(|target| Run {
                target: Some(target),
                cells: cells_of(buffer, link),
            })
        });
        let runs = stale.chain(linked).collect();
        self.shown = links;
        runs
    }
}

/// The cells a link covers on a drawn frame, as far as the frame reaches (it may have shrunk).
fn cells_of(buffer: &Buffer, link: &Link) -> Vec<(u16, u16, Cell)> {
    (link.x..link.x.saturating_add(link.width))
        .filter(|&x| buffer.area.contains((x, link.y).into()))
        .map(|x| (x, link.y, buffer[(x, link.y)].clone()))
        .collect()
}

/// Writes the runs in their cells' own styles, each inside its link, and puts the cursor back
/// where the frame left it.
pub fn write<B: Backend + Write>(backend: &mut B, runs: &[Run]) -> std::io::Result<()> {
    if runs.is_empty() {
        return Ok(());
    }
    ratatui::crossterm::queue!(backend, SavePosition)?;
    for run in runs {
        // OSC 8 ended by ST: `ESC ] 8 ; ; target ESC \` opens the link, an empty target ends it.
        if let Some(target) = &run.target {
            write!(backend, "\x1b]8;;{target}\x1b\\")?;
        }
        backend
            .draw(run.cells.iter().map(|(x, y, cell)| (*x, *y, cell)))
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        if run.target.is_some() {
            write!(backend, "\x1b]8;;\x1b\\")?;
        }
    }
    ratatui::crossterm::queue!(backend, RestorePosition)
}
