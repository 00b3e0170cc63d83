//! The shell: command line → content → terminal loop. The only place that knows about the
//! terminal and time at once.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};

use kzvisa::app::{App, Effect, Msg};
use kzvisa::content::Content;
use kzvisa::keymap;
use kzvisa::ui::{self, theme::Theme};
use kzvisa::wizard::Application;

/// A guide through the work visa application for Kazakhstan, step by step.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Cli {
    /// Read the texts from this folder (with en/guide.yaml, en/faq.yaml, en/ui.yaml) instead of
    /// the ones built in.
    #[arg(long, value_name = "DIR")]
    content: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let content = match &cli.content {
        Some(dir) => Content::from_dir(dir),
        None => Content::embedded(),
    };
    let content = match content {
        Ok(content) => Arc::new(content),
        Err(error) => {
            eprintln!("kzvisa: the content cannot be loaded: {error}");
            return ExitCode::FAILURE;
        }
    };
    let theme = Theme::from_env();
    // The theme already honours NO_COLOR; crossterm's own handling would also erase reverse video.
    ratatui::crossterm::style::force_color_output(true);
    let mut app = App::new(content, Application::default(), theme);
    let result = ratatui::run(|terminal| run(terminal, &mut app));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("kzvisa: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(terminal: &mut DefaultTerminal, app: &mut App) -> std::io::Result<()> {
    loop {
        terminal.draw(|frame| ui::view(app, frame))?;
        let msg = match event::read()? {
            Event::Key(key) if key.is_press() || key.is_repeat() => {
                keymap::message(app.mode(), key)
            }
            Event::Paste(text) => Some(Msg::Paste(text)),
            _ => None,
        };
        let Some(msg) = msg else { continue };
        match app.update(msg) {
            Effect::None | Effect::Save => {}
            Effect::Quit => return Ok(()),
        }
    }
}
