//! The floor of our stack: a bare ratatui program that draws one bordered paragraph at once and
//! quits on `q`. Built with kzvisa's lockfile and release profile (`cargo build --release
//! --example floor`), so `benches/startup.sh` can say how far kzvisa's start is above it.

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::widgets::{Block, Paragraph};

fn main() -> std::io::Result<()> {
    ratatui::run(|terminal| {
        loop {
            terminal.draw(|frame| {
                let text = Paragraph::new("Do you have a job offer? (not legal advice)")
                    .block(Block::bordered().title("floor"));
                frame.render_widget(text, frame.area());
            })?;
            if let Event::Key(key) = event::read()?
                && key.kind == KeyEventKind::Press
                && key.code == KeyCode::Char('q')
            {
                return Ok(());
            }
        }
    })
}
