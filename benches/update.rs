//! Update: one key event through the state machine on every screen: the keymap turns the key
//! into a message for the current mode, and `App::update` applies it. The app is cloned in the
//! setup, outside the measurement, so every iteration starts from the same screen.

mod support;

use kzvisa::app::App;
use kzvisa::keymap;
use ratatui::crossterm::event::KeyEvent;

fn main() {
    divan::main();
}

#[divan::bench(args = support::SCREENS)]
fn key(bencher: divan::Bencher, screen: &str) {
    let app = support::screen(screen);
    let key = support::key(support::typical_key(screen));
    assert!(
        keymap::message(&app, key).is_some(),
        "the key {key:?} means nothing on the screen {screen}"
    );
    press(bencher, &app, key);
}

/// `key` pressed on a clone of `app` made outside the measure.
fn press(bencher: divan::Bencher, app: &App, key: KeyEvent) {
    bencher
        .with_inputs(|| app.clone())
        .bench_local_values(|mut app| {
            if let Some(msg) = keymap::message(&app, divan::black_box(key)) {
                divan::black_box(app.update(msg));
            }
            // Returned, so the clone is dropped outside the measurement.
            app
        });
}

/// A letter typed into the FAQ filter, over the shipped FAQ and generated ones: the update
/// alone (it looks the matches up once); the frame that follows is in the content bench.
#[divan::bench(args = support::FAQS)]
fn faq_filter_key(bencher: divan::Bencher, faq: &str) {
    let app = support::faq_app(support::faq_content(faq), "famil", true);
    let key = support::key("y");
    assert_eq!(support::mode_name(&app), "FaqFilter");
    press(bencher, &app, key);
}
