//! Content: loading and validating the embedded content, and the FAQ filter per keystroke over
//! the shipped FAQ and generated FAQs of 10 and 10,000 entries.

mod support;

use kzvisa::content::Content;
use kzvisa::keymap;
use kzvisa::lang::Lang;
use kzvisa::ui;

fn main() {
    divan::main();
}

/// Parsing and validating the texts built into the binary: on the path to every first frame.
#[divan::bench]
fn embedded() -> Content {
    Content::embedded(Lang::En).expect("the embedded content loads")
}

/// The search a keystroke in the filter runs ("family" typed; some entries match); the frame
/// then reads the matches it keeps.
#[divan::bench(args = support::FAQS)]
fn faq_filter(bencher: divan::Bencher, faq: &str) {
    let content = support::faq_content(faq);
    bencher.bench_local(|| divan::black_box(&content).faq_search(divan::black_box("family")));
}

/// The same with a filter that matches nothing: every question and answer is searched whole.
#[divan::bench(args = support::FAQS)]
fn faq_filter_no_match(bencher: divan::Bencher, faq: &str) {
    let content = support::faq_content(faq);
    bencher.bench_local(|| divan::black_box(&content).faq_search(divan::black_box("qqqq")));
}

/// The filter emptied (Backspace to nothing): every entry matches and is listed.
#[divan::bench(args = support::FAQS)]
fn faq_filter_empty(bencher: divan::Bencher, faq: &str) {
    let content = support::faq_content(faq);
    bencher.bench_local(|| divan::black_box(&content).faq_search(divan::black_box("")));
}

/// What a person waits for after a keystroke in the filter: the key through the keymap and the
/// update ("famil" → "family"), then the full frame at 80x24 that shows the new matches.
#[divan::bench(args = support::FAQS)]
fn faq_keystroke_and_frame(bencher: divan::Bencher, faq: &str) {
    let app = support::faq_app(support::faq_content(faq), "famil", true);
    let key = support::key("y");
    let (width, height) = support::SIZES[0];
    bencher
        .with_inputs(|| (app.clone(), support::terminal(width, height)))
        .bench_local_values(|(mut app, mut terminal)| {
            if let Some(msg) = keymap::message(&app, key) {
                app.update(msg);
            }
            terminal
                .draw(|frame| ui::view(&app, frame))
                .map(|_| ())
                .expect("drawn");
            (app, terminal)
        });
}
