//! Render: one full frame of every screen into ratatui's TestBackend, at 80x24 and 200x60.
//!
//! Each iteration draws on a terminal that has drawn nothing yet, so the whole frame is laid
//! out, diffed against an empty buffer and written to the backend: the first frame a person
//! sees. The start screen is also drawn with 1, 100 and 1,000 listings, to show how a frame
//! grows with the number of saved applications.

mod support;

use kzvisa::ui;

fn main() {
    divan::main();
}

fn full_frame(bencher: divan::Bencher, screen: &str, size: (u16, u16)) {
    draw(bencher, &support::screen(screen), size);
}

/// One frame of `app` into a fresh terminal of `size`, the terminal made outside the measure.
fn draw(bencher: divan::Bencher, app: &kzvisa::app::App, (width, height): (u16, u16)) {
    bencher
        .with_inputs(|| support::terminal(width, height))
        .bench_local_refs(|terminal| {
            terminal
                .draw(|frame| ui::view(app, frame))
                .map(|_| ())
                .expect("drawn")
        });
}

#[divan::bench(args = support::SCREENS)]
fn frame_80x24(bencher: divan::Bencher, screen: &str) {
    full_frame(bencher, screen, support::SIZES[0]);
}

#[divan::bench(args = support::SCREENS)]
fn frame_200x60(bencher: divan::Bencher, screen: &str) {
    full_frame(bencher, screen, support::SIZES[1]);
}

/// The start screen at 80x24 with this many saved applications.
#[divan::bench(args = [1, 100, 1000])]
fn start_screen_80x24(bencher: divan::Bencher, listings: usize) {
    let (_dir, app) = support::start_screen(listings);
    draw(bencher, &app, support::SIZES[0]);
}
