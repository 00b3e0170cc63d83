//! Where the sources' addresses landed on a drawn frame, so the shell can make them links
//! (OSC 8) that a click opens. The frame itself holds only the text: its cells keep their
//! widths, and snapshots read as the screen does.

use ratatui::buffer::{Buffer, Cell};

use crate::app::App;

/// An address shown on one row, `width` cells from (`x`, `y`); `url` is the whole address,
/// also where the row shows it cut.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub url: String,
}

/// Fewer characters than this before a cut leave too little to tell one address from another.
const SHORTEST_CUT: usize = 12;

/// The links of a drawn frame: each shown address of a note's source (only those of the
/// built-in notes: a name typed by a person never becomes a link). An address is found whole
/// or cut with the ellipsis, as the notes show it where it does not fit; a cut one that could
/// be either of two addresses is left as text.
pub fn find(app: &App, buffer: &Buffer) -> Vec<Link> {
    // Only the notes overlay shows the sources (ui/notes.rs): another frame is not looked
    // through cell by cell, a tenth of a frame's cost.
    if app.notes.is_none() {
        return Vec::new();
    }
    let ellipsis = app.theme.glyphs.ellipsis;
    let area = buffer.area;
    // The addresses are gathered only for a frame that shows something like one.
    let mut urls = None;
    let mut links = Vec::new();
    let rows = buffer.content.chunks(usize::from(area.width).max(1));
    for (y, cells) in (area.top()..area.bottom()).zip(rows) {
        let mut x = 0;
        while x < cells.len() {
            if !starts_address(&cells[x..]) {
                x += 1;
                continue;
            }
            let run = cells[x..]
                .iter()
                .take_while(|c| !c.symbol().trim().is_empty())
                .count();
            let shown: String = cells[x..x + run].iter().map(Cell::symbol).collect();
            let urls = urls.get_or_insert_with(|| app.content.source_urls());
            if let Some((url, width)) = address(urls, &shown, ellipsis) {
                links.push(Link {
                    x: area.left() + x as u16,
                    y,
                    width: width as u16,
                    url: url.to_string(),
                });
            }
            x += run.max(1);
        }
    }
    links
}

fn starts_address(cells: &[Cell]) -> bool {
    // Looked at for every cell of every frame: most cells are not an "h".
    if cells.first().map(Cell::symbol) != Some("h") {
        return false;
    }
    let start: String = cells.iter().take(8).map(Cell::symbol).collect();
    start.starts_with("https://") || start.starts_with("http://")
}

/// The address `shown` (a run of cells, one character each) shows, and how many of its cells
/// show it: whole, perhaps with punctuation after it, or cut and ending in `ellipsis`.
fn address<'a>(urls: &[&'a str], shown: &str, ellipsis: &str) -> Option<(&'a str, usize)> {
    let cells = |text: &str| text.chars().count();
    let whole = shown.trim_end_matches(['.', ',', ';', ':', ')']);
    if let Some(url) = urls.iter().find(|url| **url == whole) {
        return Some((url, cells(whole)));
    }
    let cut = shown.strip_suffix(ellipsis)?;
    if cells(cut) < SHORTEST_CUT {
        return None;
    }
    let mut candidates = urls.iter().filter(|url| url.starts_with(cut));
    match (candidates.next(), candidates.next()) {
        (Some(url), None) => Some((url, cells(shown))),
        _ => None,
    }
}
