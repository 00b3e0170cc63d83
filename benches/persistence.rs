//! Persistence: save and load of a fully filled application, and the start screen's listing of
//! 1, 100 and 1,000 saved applications in a temporary folder, step by step: before its first
//! frame (`has_applications`), just after it (`scan`), and every file read (`list`, also what
//! `kzvisa list` does), and the rows filled in as they are read.

mod support;

use std::collections::HashMap;
use std::fs;
use std::path::PathBuf;

use kzvisa::app::App;
use kzvisa::store::{self, Listing, Store};
use kzvisa::ui::theme::Theme;
use tempfile::TempDir;

fn main() {
    divan::main();
}

/// An atomic save: temporary file, fsync, backup copy, rename, folder fsync. Dominated by the
/// disk's fsync, so it tells more about the machine than about kzvisa.
#[divan::bench(sample_count = 30)]
fn save(bencher: divan::Bencher) {
    let dir = TempDir::new().expect("a temporary folder");
    let path = dir.path().join("filled.yaml");
    let record = support::record("Applicant", &support::filled());
    bencher.bench_local(|| store::save(&path, divan::black_box(&record)).expect("saved"));
}

/// Reading and parsing a saved file.
#[divan::bench]
fn load(bencher: divan::Bencher) {
    let dir = TempDir::new().expect("a temporary folder");
    let path = dir.path().join("filled.yaml");
    let record = support::record("Applicant", &support::filled());
    store::save(&path, &record).expect("saved");
    bencher.bench_local(|| store::load(divan::black_box(&path)).expect("loaded"));
}

/// Parsing alone, from text in memory: what `load` costs beyond reading the file.
#[divan::bench]
fn parse(bencher: divan::Bencher) {
    let dir = TempDir::new().expect("a temporary folder");
    let path = dir.path().join("filled.yaml");
    let record = support::record("Applicant", &support::filled());
    store::save(&path, &record).expect("saved");
    let text = fs::read_to_string(&path).expect("read");
    bencher.bench_local(|| store::parse(&path, divan::black_box(&text)).expect("parsed"));
}

/// A hostile file of nested brackets as large as a file may be: refused before the parser,
/// which takes quadratic time on it (a 160 KB one once took 35 s), so listing a folder that
/// holds one costs no more than reading a normal file.
#[divan::bench]
fn load_nested(bencher: divan::Bencher) {
    let dir = TempDir::new().expect("a temporary folder");
    let path = dir.path().join("nested.yaml");
    let depth = (store::MAX_FILE_BYTES / 2 - 32) as usize;
    let text = format!(
        "schema: 2\nname: {}{}\n",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    fs::write(&path, text).expect("written");
    bencher.bench_local(|| store::load(divan::black_box(&path)).expect_err("refused"));
}

/// What the start screen does before its first frame: a glance at the folder through its index
/// (written by a listing before).
#[divan::bench(args = [1, 100, 1000])]
fn glance(bencher: divan::Bencher, applications: usize) {
    let dir = support::saved_folder(applications);
    let store = Store::new(dir.path());
    store.list_keeping_index().expect("the folder is readable");
    store.list_keeping_index().expect("the folder is readable");
    bencher.bench_local(|| {
        divan::black_box(&store)
            .glance()
            .expect("the folder is readable")
    });
}

/// Its first step after the first frame: the files, newest first, none of them read.
#[divan::bench(args = [1, 100, 1000])]
fn scan(bencher: divan::Bencher, applications: usize) {
    let dir = support::saved_folder(applications);
    let store = Store::new(dir.path());
    bencher.bench_local(|| {
        divan::black_box(&store)
            .scan()
            .expect("the folder is readable")
    });
}

/// Every file read: the start screen's later steps together, and `kzvisa list`.
#[divan::bench(args = [1, 100, 1000])]
fn list(bencher: divan::Bencher, applications: usize) {
    let dir = support::saved_folder(applications);
    let store = Store::new(dir.path());
    bencher.bench_local(|| divan::black_box(&store).list());
}

/// The start screen's rows filled in step by step as the shell does it between keys, with the
/// files already read into memory: what kzvisa adds to `list`.
#[divan::bench(args = [1, 100, 1000])]
fn fill_rows(bencher: divan::Bencher, applications: usize) {
    let dir = support::saved_folder(applications);
    let store = Store::new(dir.path());
    let listings = store.list().expect("the folder is readable");
    let files = store.scan().expect("the folder is readable");
    bencher
        .with_inputs(|| {
            let mut app = App::start_reading(support::content(), Theme::PLAIN);
            app.show_files(files.clone(), None);
            let read: HashMap<PathBuf, Listing> = listings
                .iter()
                .map(|l| (l.path().to_path_buf(), l.clone()))
                .collect();
            (app, read)
        })
        .bench_local_values(|(mut app, mut read)| {
            while app.reading_folder() {
                app.read_next_rows(|path| read.remove(&path).expect("each file is read once"));
            }
            app
        });
}
