//! What the benchmarks share: the tests' helpers (an app on the embedded content, keys written
//! the way the tests write them), screens reached by pressing keys, and folders of saved
//! applications.
//!
//! Screens are reached by keys and recognised by the name of their mode, never by building the
//! app's internal enums, so a new screen or a new variant does not break the benchmarks: a
//! screen that can no longer be reached fails loudly instead of measuring the wrong one.

// Each bench file uses a part of this module, and of the tests' helpers.
#![allow(dead_code)]

// The tests' own key helper and completed application: one definition of the keyboard in tests
// and benches alike.
#[path = "../../tests/it/common.rs"]
mod common;
pub use common::{app, completed, content, keys, press};

use std::fs;
use std::path::Path;
use std::sync::Arc;

use kzvisa::app::{App, FaqView};
use kzvisa::content::Content;
use kzvisa::lang::Lang;
use kzvisa::store::{self, Record, Store};
use kzvisa::ui::theme::Theme;
use kzvisa::wizard::Application;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyEvent;
use tempfile::TempDir;

/// The terminal sizes every screen is drawn at.
pub const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

/// The screens the render and update benchmarks go through, by the names they report.
pub const SCREENS: &[&str] = &[
    "welcome",
    "route",
    "route_outcome",
    "question",
    "eligibility_result",
    "employer",
    "documents",
    "passport",
    "submission",
    "review",
    "faq",
    "notes",
    "start_20",
    "start_new_name",
];

/// How many applications the start screen lists in the "start_20" screen.
pub const START_LISTINGS: usize = 20;

/// An app on this content, with the FAQ open and `filter` typed into its filter.
pub fn faq_app(content: Arc<Content>, filter: &str, filtering: bool) -> App {
    let mut app = App::new(content, Application::default(), Theme::PLAIN);
    app.set_faq(FaqView {
        filter: filter.into(),
        filtering,
        ..Default::default()
    });
    app
}

/// The FAQs the filter is measured over: the shipped one, and generated ones of 10 and 10,000.
pub const FAQS: [&str; 3] = ["shipped", "10", "10000"];

/// The content with one of [`FAQS`].
pub fn faq_content(faq: &str) -> Arc<Content> {
    match faq {
        "shipped" => content(),
        n => content_with_faq(n.parse().expect("a number")),
    }
}

/// The embedded content with a FAQ of `n` entries, made by repeating the shipped ones with a
/// number added to their id and question (so every entry is distinct and of a real length).
pub fn content_with_faq(n: usize) -> Arc<Content> {
    let mut content = Content::embedded(Lang::En).expect("the embedded content loads");
    let shipped = content.faq.clone();
    assert!(!shipped.is_empty(), "the shipped FAQ is empty");
    content.set_faq(
        (0..n)
            .map(|i| {
                // Cloned, not built field by field, so a new field in an entry needs no change.
                let mut entry = shipped[i % shipped.len()].clone();
                entry.id = format!("{}_{i}", entry.id);
                entry.question = format!("{} ({i})", entry.question);
                entry
            })
            .collect(),
    );
    Arc::new(content)
}

/// One key, as the tests' `keys` reads it.
pub fn key(spec: &str) -> KeyEvent {
    match keys(spec).as_slice() {
        [key] => *key,
        other => panic!("{spec:?} is {} keys, not one", other.len()),
    }
}

/// The name of the app's mode (`Welcome`, `Question`, `Documents`…), which tells the screen.
pub fn mode_name(app: &App) -> String {
    format!("{:?}", app.mode())
}

/// Presses on from wherever the app is until its mode's or its place's name starts with `target`: "y" to a
/// question, Enter anywhere else, which is how a person goes through the wizard (and the other
/// of the two when the first changes nothing, as on a screen added later). Panics when the
/// screen is not reached, so a changed flow cannot silently measure another screen.
pub fn reach(app: &mut App, target: &str) {
    let mut seen = Vec::new();
    for _ in 0..64 {
        let mode = mode_name(app);
        // A screen by its mode (`Question`) or, for a form, by its step (`Passport`).
        let place = format!("{:?}", app.application.place);
        if mode.starts_with(target) || place.starts_with(target) {
            return;
        }
        seen.push(mode.clone());
        let tries = if mode.contains("Question") {
            ["y", "<Enter>"]
        } else {
            ["<Enter>", "y"]
        };
        for step in tries {
            let before = (mode_name(app), app.application.clone());
            press(app, step);
            if (mode_name(app), app.application.clone()) != before {
                break;
            }
        }
    }
    panic!("the screen {target} was not reached; went through {seen:?}");
}

/// A fresh app driven to the screen whose mode starts with `target`.
pub fn at(target: &str) -> App {
    let mut app = app();
    reach(&mut app, target);
    app
}

/// Everything answered, ticked and typed: the tests' `completed()`, on the review.
pub fn filled() -> App {
    completed()
}

/// The app on one of [`SCREENS`]. The start screen's folder is removed once listed: listings
/// keep paths, not open files, and drawing reads no file.
pub fn screen(name: &str) -> App {
    match name {
        "welcome" => at("Welcome"),
        "route" => at("Route"),
        "route_outcome" => {
            // The EAEU route: what sources say instead of the work visa.
            let mut app = at("Route");
            press(&mut app, "1");
            assert_eq!(
                mode_name(&app),
                "RouteOutcome",
                "the route's outcome did not show"
            );
            app
        }
        "question" => at("Question"),
        "eligibility_result" => at("EligibilityResult"),
        "employer" => {
            // Only the work visa's route has the employer's part.
            let mut app = app();
            press(&mut app, "<Enter> 3 y y y y <Enter>");
            assert!(
                matches!(
                    app.application.place,
                    kzvisa::wizard::Place::Employer { .. }
                ),
                "the employer's part did not show"
            );
            app
        }
        "documents" => at("Documents"),
        "passport" => at("Passport"),
        "submission" => {
            // Only the work visa's route goes through an embassy.
            let mut app = app();
            press(&mut app, "<Enter> 3");
            reach(&mut app, "Submission");
            app
        }
        "review" => filled(),
        "faq" => {
            // Opened from the first question, one answer expanded.
            let mut app = at("Question");
            press(&mut app, "<F1> <Down> <Enter>");
            assert_eq!(mode_name(&app), "Faq", "the FAQ did not open");
            app
        }
        "notes" => {
            // The "Good to know" notes of the documents, over the screen.
            let mut app = at("Documents");
            press(&mut app, "i");
            assert_eq!(mode_name(&app), "Notes", "the notes did not open");
            app
        }
        "start_20" => start_screen(START_LISTINGS).1,
        "start_new_name" => {
            // A new application's name being typed.
            let mut app = start_screen(START_LISTINGS).1;
            press(&mut app, "n A i g e r i m");
            assert_eq!(mode_name(&app), "StartName", "the name prompt did not open");
            app
        }
        other => panic!("no screen {other:?} in the bench helper"),
    }
}

/// The key a person would typically press on a screen: the one the update benchmark sends.
pub fn typical_key(name: &str) -> &'static str {
    match name {
        "welcome" => "<Enter>",
        "route" => "<Down>",
        "route_outcome" => "<Enter>",
        "question" => "y",
        "eligibility_result" => "<Enter>",
        "employer" => "<Space>",
        "documents" => "<Space>",
        "passport" => "2",
        "submission" => "<Space>",
        "review" => "<Down>",
        "faq" => "<Down>",
        "notes" => "<Down>",
        "start_20" => "<Down>",
        "start_new_name" => "a",
        other => panic!("no screen {other:?} in the bench helper"),
    }
}

/// A terminal of this size whose next draw is a full frame (nothing drawn yet).
pub fn terminal(width: u16, height: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(width, height)).expect("a test terminal")
}

/// What is saved for an application in this state.
pub fn record(name: &str, app: &App) -> Record {
    let now = chrono::Local::now().fixed_offset();
    let mut record = Record::new(name.to_string(), now);
    record.application = app.application.clone();
    record
}

/// A temporary folder with `n` saved applications, in four states (just started, at the
/// documents, at the passport, everything filled), as kzvisa's own `save` writes them. Each
/// state is saved once; the others are copies with another `name:` line, which is much faster
/// than `n` synced saves and gives the same files.
pub fn saved_folder(n: usize) -> TempDir {
    let dir = TempDir::new().expect("a temporary folder");
    let scratch = TempDir::new().expect("a temporary folder");
    let states = [at("Welcome"), at("Documents"), at("Passport"), filled()];
    let texts: Vec<String> = states
        .iter()
        .enumerate()
        .map(|(i, app)| {
            let path = scratch.path().join(format!("state-{i}.yaml"));
            store::save(&path, &record("Applicant", app)).expect("saved");
            fs::read_to_string(&path).expect("read back")
        })
        .collect();
    for i in 0..n {
        let text = renamed(&texts[i % texts.len()], &format!("Applicant {i}"));
        fs::write(dir.path().join(format!("applicant-{i}.yaml")), text).expect("written");
    }
    let listed = Store::new(dir.path())
        .list()
        .expect("the folder is readable");
    assert_eq!(listed.len(), n, "not every generated file is listed");
    dir
}

/// The saved text with its top-level `name:` line replaced.
fn renamed(text: &str, name: &str) -> String {
    let mut done = false;
    let mut out = String::with_capacity(text.len() + 16);
    for line in text.lines() {
        if !done && line.starts_with("name:") {
            out.push_str(&format!("name: {name}\n"));
            done = true;
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    assert!(done, "the saved file has no top-level name: line");
    out
}

/// The start screen listing `n` saved applications, and the folder they are in.
pub fn start_screen(n: usize) -> (TempDir, App) {
    let dir = saved_folder(n);
    let app = start_app(dir.path());
    (dir, app)
}

/// The start screen listing the applications saved in `dir`.
pub fn start_app(dir: &Path) -> App {
    let listings = Store::new(dir).list().expect("the folder is readable");
    let app = App::start(content(), listings, Theme::PLAIN);
    assert_eq!(mode_name(&app), "Start", "the start screen did not open");
    app
}
