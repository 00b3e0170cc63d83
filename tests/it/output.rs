//! `export -o PATH` writes a new file or replaces a plain one, and nothing else: not a device, a
//! FIFO, a socket, a folder, a link or a saved application. The text export keeps web addresses
//! and dates whole, each on one line.

use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use kzvisa::content::Content;
use kzvisa::lang::Lang;
use kzvisa::report::{self, PRINT_WIDTH};
use kzvisa::wizard::Route;

use crate::cli::{answered, kzvisa, status, stderr, stdout};

/// The folder's entries, sorted: a refused export leaves no temporary file behind.
fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read the folder")
        .map(|entry| entry.expect("an entry").path())
        .collect();
    found.sort();
    found
}

fn export_to(data: &Path, output: &Path, lang: &str) -> Output {
    let output = output.to_str().expect("a UTF-8 path");
    kzvisa(
        data,
        &["--lang", lang, "export", "aigerim", "-o", output],
        "",
    )
}

/// The one application `answered` saved.
fn saved_application(data: &Path) -> PathBuf {
    entries(data)
        .into_iter()
        .find(|path| path.extension().is_some_and(|e| e == "yaml"))
        .expect("an application file")
}

/// Exports to `target`, expects it refused with `reason` (in English) naming the path, and the
/// folder it is in left exactly as it was.
fn assert_refused(data: &Path, target: &Path, reason: &str) {
    let folder = target.parent().expect("a folder");
    let before = entries(folder);
    let output = export_to(data, target, "en");
    let err = stderr(&output);
    assert_eq!(status(&output), 2, "{err}");
    assert!(stdout(&output).is_empty());
    assert!(
        err.contains(&target.display().to_string()),
        "names the path: {err}"
    );
    assert!(err.contains(reason), "{err}");
    assert!(
        err.trim_end().ends_with('.') && !err.contains(".."),
        "{err}"
    );
    assert_eq!(
        entries(folder),
        before,
        "nothing written beside {}",
        target.display()
    );
}

#[test]
fn output_refuses_a_fifo_a_socket_a_folder_and_a_link() {
    let (data, _) = answered();
    let out = tempfile::tempdir().expect("temp dir");

    let fifo = out.path().join("pipe");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("run mkfifo");
    assert!(made.success());
    assert_refused(data.path(), &fifo, "is not a regular file");
    let kind = std::fs::symlink_metadata(&fifo)
        .expect("still there")
        .file_type();
    assert!(kind.is_fifo(), "the FIFO is kept");

    let socket = out.path().join("socket");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).expect("bind a socket");
    assert_refused(data.path(), &socket, "is not a regular file");

    let folder = out.path().join("folder");
    std::fs::create_dir(&folder).expect("create a folder");
    assert_refused(data.path(), &folder, "is a folder");
    assert!(entries(&folder).is_empty());

    let real = out.path().join("real.txt");
    std::fs::write(&real, "kept\n").expect("write");
    let link = out.path().join("link.txt");
    std::os::unix::fs::symlink(&real, &link).expect("make a link");
    assert_refused(data.path(), &link, "is a symbolic link");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("kept")
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&real).expect("read"), "kept\n");
    // A link to nowhere would be created through, at the place it points to.
    let dangling = out.path().join("dangling.txt");
    std::os::unix::fs::symlink(out.path().join("nowhere.txt"), &dangling).expect("link");
    assert_refused(data.path(), &dangling, "is a symbolic link");
}

/// A device node of our own (the null device's numbers) in a temporary folder: no real device
/// is ever at risk. Making one takes root, which this suite's machine has; elsewhere the test
/// fails saying so rather than passing without having checked.
#[test]
fn output_refuses_a_device_node() {
    let (data, _) = answered();
    let out = tempfile::tempdir().expect("temp dir");
    let device = out.path().join("null");
    let made = Command::new("mknod")
        .arg(&device)
        .args(["c", "1", "3"])
        .output()
        .expect("run mknod");
    assert!(
        made.status.success(),
        "mknod needs root (skip this test with --skip output_refuses_a_device_node): {}",
        String::from_utf8_lossy(&made.stderr)
    );
    assert_refused(data.path(), &device, "is not a regular file");
    let kind = std::fs::symlink_metadata(&device)
        .expect("still there")
        .file_type();
    assert!(kind.is_char_device(), "the device node is kept");
}

#[test]
fn output_refuses_an_application_by_its_folder_or_by_what_it_holds() {
    let (data, _) = answered();
    let application = saved_application(data.path());
    let saved = std::fs::read(&application).expect("read");
    assert_refused(data.path(), &application, "is a saved application");
    assert_eq!(
        std::fs::read(&application).expect("read"),
        saved,
        "unchanged"
    );

    // A damaged application in the folder is still someone's answers.
    let damaged = data.path().join("damaged.yaml");
    std::fs::write(&damaged, "schema: 2\nname: [\n").expect("write");
    assert_refused(data.path(), &damaged, "is a saved application");

    // Elsewhere, under any name, an application is known by what it holds; also one from a
    // newer kzvisa.
    let out = tempfile::tempdir().expect("temp dir");
    let copy = out.path().join("copy.txt");
    std::fs::copy(&application, &copy).expect("copy");
    assert_refused(data.path(), &copy, "is a saved application");
    assert_eq!(std::fs::read(&copy).expect("read"), saved);
    let newer = out.path().join("newer.yaml");
    let text = String::from_utf8(saved.clone()).expect("UTF-8");
    std::fs::write(&newer, text.replace("schema: 2", "schema: 99")).expect("write");
    assert_refused(data.path(), &newer, "is a saved application");

    // Said in the person's language.
    let output = export_to(data.path(), &copy, "ru");
    assert_eq!(status(&output), 2);
    assert!(
        stderr(&output).contains("является сохранённым заявлением"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn output_writes_a_new_file_replaces_a_plain_one_and_dash_is_standard_output() {
    let (data, _) = answered();
    let out = tempfile::tempdir().expect("temp dir");

    let new = out.path().join("checklist.md");
    let output = export_to(data.path(), &new, "en");
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let written = std::fs::read_to_string(&new).expect("written");
    assert!(
        written.starts_with("# Work visa for Kazakhstan"),
        "{written}"
    );

    let plain = out.path().join("notes.txt");
    std::fs::write(&plain, "an old export\n").expect("write");
    let output = export_to(data.path(), &plain, "en");
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(&plain).expect("read"), written);
    assert_eq!(
        entries(out.path()),
        [new, plain],
        "no temporary file is left"
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let output = Command::new(env!("CARGO_BIN_EXE_kzvisa"))
        .current_dir(dir.path())
        .arg("--data-dir")
        .arg(data.path())
        .args(["--lang", "en", "export", "aigerim", "-o", "-"])
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .output()
        .expect("run kzvisa");
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    assert_eq!(stdout(&output), written);
    assert!(entries(dir.path()).is_empty(), "no file called -");
}

#[test]
fn the_text_export_never_breaks_a_web_address_or_a_date() {
    let (data, answers) = answered();
    assert_eq!(status(&answers), 0, "{}", stderr(&answers));
    // The answered application on each route, so that between them every note is exported.
    let answered = kzvisa::store::load(&saved_application(data.path())).expect("load it");
    let mut exported = Vec::new();
    for route in Route::ALL {
        let name = format!("route {}", route.id());
        let mut record = answered.clone();
        record.name = name.clone();
        record.application.route = Some(route);
        let path = kzvisa::store::new_path_in(data.path(), &name);
        kzvisa::store::save(&path, &record).expect("save");
        exported.push((name, record.application));
    }

    for lang in Lang::ALL {
        let content = Content::embedded(lang).expect("content");
        let mut cited: Vec<&str> = Vec::new();
        for (name, application) in &exported {
            let output = kzvisa(
                data.path(),
                &["--lang", lang.code(), "export", name, "--format", "text"],
                "",
            );
            assert_eq!(status(&output), 0, "{}", stderr(&output));
            let text = stdout(&output);
            let on_one_line = |what: &str| text.lines().any(|line| line.contains(what));
            for note in report::applicable_notes(&content, application) {
                for source in &note.sources {
                    assert!(
                        on_one_line(&source.url),
                        "{lang:?}, {name}: {} is broken or missing:\n{text}",
                        source.url
                    );
                    cited.push(&source.url);
                    if source.date != "undated" {
                        let date = format!("({})", source.date);
                        assert!(on_one_line(&date), "{lang:?}: {date} broken:\n{text}");
                    }
                }
                // As printed: plain spaces where the screen keeps the date together.
                let checked = content.date(note.checked);
                let checked = kzvisa::present::plain_spaces(&checked);
                assert!(on_one_line(&checked), "{lang:?}: {checked} broken:\n{text}");
            }
            // Only an address too long for the width stands out of it, alone on its line.
            for line in text.lines().filter(|l| l.chars().count() > PRINT_WIDTH) {
                let words: Vec<&str> = line.split_whitespace().collect();
                assert!(
                    words.len() == 1 && words[0].contains("://"),
                    "{lang:?}: a line over {PRINT_WIDTH} columns: {line:?}"
                );
            }
        }
        // Every address the notes cite was exported, and one of them is long enough, in a line
        // with its title, to be wrapped.
        for note in &content.notes {
            for source in &note.sources {
                assert!(
                    cited.contains(&source.url.as_str()),
                    "{lang:?}: {} is in no export",
                    source.url
                );
            }
        }
        assert!(
            content.notes.iter().flat_map(|n| &n.sources).any(|source| {
                report::source_line(&content, source).chars().count() > PRINT_WIDTH
                    && source.url.contains('-')
            }),
            "{lang:?}: no source line needs wrapping at a hyphen, or this test shows nothing"
        );
    }
}
