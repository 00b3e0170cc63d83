//! The folder's index of applications: derived data that makes a large folder list fast, and
//! that is never trusted over the files. Each test compares what `list` gives with the index to
//! what the files say.

use std::path::{Path, PathBuf};

use kzvisa::app::{App, Msg, Row, Screen};
use kzvisa::store::{self, INDEX_FILE, Known, Listing, Record, Store};

fn record(name: &str) -> Record {
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-01T10:00:00+05:00").expect("a time");
    Record::new(name.to_string(), now)
}

/// The names `kzvisa list` gives, in its order.
fn names(store: &Store) -> Vec<String> {
    store
        .list_keeping_index()
        .expect("the folder is readable")
        .into_iter()
        .map(|listing| match listing {
            Listing::Ready { record, .. } => record.name,
            Listing::Broken { path, error } => format!("broken {}: {error}", path.display()),
        })
        .collect()
}

/// A folder of three applications, listed once so that its index is written.
fn indexed_folder() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["Anna", "Bolat", "Chen"] {
        store::save(&dir.path().join(format!("{name}.yaml")), &record(name)).expect("save");
    }
    let store = Store::new(dir.path());
    names(&store);
    assert!(
        dir.path().join(INDEX_FILE).is_file(),
        "listing wrote the index"
    );
    (dir, store)
}

fn sorted(mut names: Vec<String>) -> Vec<String> {
    names.sort();
    names
}

#[test]
fn a_missing_index_is_rebuilt_and_gives_what_the_files_give() {
    let (dir, store) = indexed_folder();
    let with_index = names(&store);
    std::fs::remove_file(dir.path().join(INDEX_FILE)).expect("remove the index");
    let from_files = names(&store);
    assert_eq!(with_index, from_files);
    assert!(dir.path().join(INDEX_FILE).is_file(), "rebuilt");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join(INDEX_FILE))
            .expect("index")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "it holds what the files hold");
    }
}

/// Bolat's file, changed in place to name Dana_: the same size, its modification time set back,
/// so only its change time tells.
fn rename_bolat_behind_the_index(dir: &Path) {
    let path = dir.join("Bolat.yaml");
    let before = std::fs::metadata(&path).expect("file");
    let text = std::fs::read_to_string(&path).expect("read");
    let changed = text.replace("name: Bolat", "name: Dana_");
    assert_eq!(changed.len(), text.len());
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&path, changed).expect("write in place");
    crate::common::written_at(&path, before.modified().expect("mtime"));
}

/// A file changed in place to the same size, its modification time set back: the change time
/// still tells it, and the file wins.
#[test]
fn a_file_changed_behind_the_index_is_read_again() {
    let (dir, store) = indexed_folder();
    rename_bolat_behind_the_index(dir.path());
    assert_eq!(
        sorted(names(&store)),
        ["Anna", "Chen", "Dana_"].map(String::from)
    );
}

#[test]
fn removed_and_added_files_are_seen() {
    let (dir, store) = indexed_folder();
    std::fs::remove_file(dir.path().join("Anna.yaml")).expect("remove");
    store::save(&dir.path().join("Erlan.yaml"), &record("Erlan")).expect("save");
    assert_eq!(
        sorted(names(&store)),
        ["Bolat", "Chen", "Erlan"].map(String::from)
    );
}

#[test]
fn an_unreadable_or_foreign_index_is_ignored_and_replaced() {
    let (dir, store) = indexed_folder();
    let expected = names(&store);
    let index = dir.path().join(INDEX_FILE);
    let good = std::fs::read(&index).expect("index");
    for bad in [
        b"not an index at all".to_vec(),
        good[..good.len() / 2].to_vec(),
        Vec::new(),
    ] {
        std::fs::write(&index, &bad).expect("spoil the index");
        assert_eq!(names(&store), expected);
        assert_ne!(std::fs::read(&index).expect("index"), bad, "replaced");
    }
    // An index of another version, or whose records claim what the files do not, is the same:
    // written by hand here with a name no file has.
    std::fs::write(&index, b"\x83\xa6format\x63\xa6schema\x03\xa7entries\x90").expect("write");
    assert_eq!(names(&store), expected);
}

#[test]
fn an_index_planted_as_a_link_is_neither_followed_nor_written_through() {
    let (dir, store) = indexed_folder();
    let expected = names(&store);
    let outside = tempfile::tempdir().expect("temp dir");
    let target = outside.path().join("precious");
    std::fs::write(&target, b"the user's own file").expect("write");
    let index = dir.path().join(INDEX_FILE);
    std::fs::remove_file(&index).expect("remove");
    std::os::unix::fs::symlink(&target, &index).expect("plant a link");
    assert_eq!(names(&store), expected);
    assert_eq!(
        std::fs::read(&target).expect("target"),
        b"the user's own file"
    );
    assert!(
        std::fs::symlink_metadata(&index)
            .expect("still there")
            .file_type()
            .is_symlink(),
        "the link is left as it is"
    );
}

/// An index entry is used only for the file it was read from: another file given the same name
/// (copied over it, say) is read.
#[test]
fn a_file_replaced_by_another_is_read_again() {
    let (dir, store) = indexed_folder();
    let other = tempfile::tempdir().expect("temp dir");
    let copy = other.path().join("x.yaml");
    store::save(&copy, &record("Zhanna")).expect("save");
    std::fs::copy(&copy, dir.path().join("Chen.yaml")).expect("copy over");
    assert_eq!(
        sorted(names(&store)),
        ["Anna", "Bolat", "Zhanna"].map(String::from)
    );
}

/// A linked application is never taken from the index: what it leads to may change while the
/// link stays the same.
#[test]
fn a_linked_application_is_always_read_from_its_target() {
    let (dir, store) = indexed_folder();
    let outside = tempfile::tempdir().expect("temp dir");
    let target = outside.path().join("linked.yaml");
    store::save(&target, &record("Linked")).expect("save");
    std::os::unix::fs::symlink(&target, dir.path().join("linked.yaml")).expect("link");
    assert!(names(&store).contains(&"Linked".to_string()));
    let text = std::fs::read_to_string(&target).expect("read");
    std::fs::write(&target, text.replace("name: Linked", "name: Moved")).expect("write");
    let listed = names(&store);
    assert!(listed.contains(&"Moved".to_string()), "{listed:?}");
}

/// A command that reads the folder to find an application (export, check, plan) leaves it as
/// it was; `kzvisa list` writes the index (and so does the start screen, see below).
#[test]
fn reading_the_folder_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    store::save(&dir.path().join("a.yaml"), &record("A")).expect("save");
    let store = Store::new(dir.path());
    assert_eq!(store.list().expect("readable").len(), 1);
    assert!(!dir.path().join(INDEX_FILE).exists());
    names(&store);
    assert!(dir.path().join(INDEX_FILE).exists());
}

/// Rows made for a key (the day, the language, the build) are taken from the index while the
/// key and the file are the same; another key, or a changed file, makes them again.
#[test]
fn rows_are_kept_for_their_key_and_made_again_for_another() {
    let (dir, store) = indexed_folder();
    let made = std::cell::Cell::new(0);
    let rows = |key: &str| -> Vec<String> {
        store
            .summaries(Some(key), true, |_, record| {
                made.set(made.get() + 1);
                format!("{} for {key}", record.name)
            })
            .expect("readable")
            .into_iter()
            .map(|row| match row {
                store::Summary::Ready { row, .. } => row,
                store::Summary::Broken { error, .. } => panic!("{error}"),
            })
            .collect()
    };
    let first = rows("day 1");
    assert_eq!(made.replace(0), 3);
    assert_eq!(rows("day 1"), first, "the same rows, from the index");
    assert_eq!(made.replace(0), 0);
    let next_day = rows("day 2");
    assert_eq!(made.replace(0), 3, "another key makes every row again");
    assert!(next_day.iter().all(|row| row.ends_with("for day 2")));
    let path = dir.path().join("Anna.yaml");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replace("name: Anna", "name: Asel")).expect("write");
    let changed = rows("day 2");
    assert_eq!(made.replace(0), 1, "only the changed file is read");
    assert!(
        changed.contains(&"Asel for day 2".to_string()),
        "{changed:?}"
    );
}

/// `kzvisa list` says the same with its rows from the index as from the files.
#[test]
fn kzvisa_list_says_the_same_from_the_index_as_from_the_files() {
    let (dir, _store) = indexed_folder();
    let list = |format: &str| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_kzvisa"))
            .args(["--data-dir"])
            .arg(dir.path())
            .args(["list", "--format", format])
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .output()
            .expect("kzvisa");
        assert!(output.status.success());
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    for format in ["table", "yaml"] {
        std::fs::remove_file(dir.path().join(INDEX_FILE)).ok();
        let from_files = list(format);
        assert!(from_files.contains("Bolat"), "{from_files}");
        assert_eq!(list(format), from_files, "{format}, from the index");
        assert_eq!(list(format), from_files, "{format}, again");
    }
}

/// What the start screen reads through `Known`: names, as the files give them.
fn read_all(known: &mut Known, files: &[PathBuf]) -> Vec<String> {
    files
        .iter()
        .map(|file| match known.read(file.clone()) {
            Listing::Ready { record, .. } => record.name,
            Listing::Broken { path, error } => format!("broken {}: {error}", path.display()),
        })
        .collect()
}

fn file_names(files: &[PathBuf]) -> Vec<String> {
    files
        .iter()
        .map(|f| {
            f.file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

/// The start screen's first glance takes the order the index last saw, without looking at each
/// file: files it does not know come first, files gone since are left out.
#[test]
fn a_glance_orders_as_the_index_last_saw_the_folder() {
    let (dir, store) = indexed_folder();
    let at_indexing = file_names(&store.scan().expect("scan"));
    std::fs::remove_file(dir.path().join("Anna.yaml")).expect("remove");
    store::save(&dir.path().join("Erlan.yaml"), &record("Erlan")).expect("save");
    let glance = store.glance().expect("glance");
    assert!(glance.provisional);
    let mut expected = vec!["Erlan.yaml".to_string()];
    expected.extend(at_indexing.into_iter().filter(|f| f != "Anna.yaml"));
    assert_eq!(file_names(&glance.files), expected);
}

/// Without an index (or with a spoilt one) there is no order to take: the glance is a scan.
#[test]
fn without_an_index_a_glance_is_a_scan() {
    let (dir, store) = indexed_folder();
    for spoil in [None, Some(b"not an index".as_slice())] {
        std::fs::remove_file(dir.path().join(INDEX_FILE)).ok();
        if let Some(bytes) = spoil {
            std::fs::write(dir.path().join(INDEX_FILE), bytes).expect("write");
        }
        let glance = store.glance().expect("glance");
        assert!(!glance.provisional);
        assert_eq!(glance.files, store.scan().expect("scan"));
        let mut known = glance.known;
        assert_eq!(known.read_from_files, 0);
        assert_eq!(read_all(&mut known, &glance.files).len(), 3);
        assert_eq!(known.read_from_files, 3, "every row from its file");
    }
}

/// Rows read through the index: an unchanged file from it, a file changed behind it (same size,
/// its modification time set back) from the file. What is then kept as the index holds the
/// file as it is now, and drops a file gone.
#[test]
fn the_start_screen_reads_unchanged_files_from_the_index_and_keeps_it_true() {
    let (dir, store) = indexed_folder();
    rename_bolat_behind_the_index(dir.path());
    std::fs::remove_file(dir.path().join("Chen.yaml")).expect("remove");

    let glance = store.glance().expect("glance");
    let mut known = glance.known;
    let names = read_all(&mut known, &glance.files);
    assert_eq!(sorted(names.clone()), ["Anna", "Dana_"].map(String::from));
    assert_eq!(known.read_from_files, 1, "only the changed file is read");
    let files: Vec<&Path> = glance.files.iter().map(PathBuf::as_path).collect();
    known.keep(&store, &files);

    let again = store.glance().expect("glance");
    assert_eq!(file_names(&again.files), file_names(&glance.files));
    let mut known = again.known;
    assert_eq!(read_all(&mut known, &again.files), names);
    assert_eq!(known.read_from_files, 0, "all from the index it kept");
    assert_eq!(
        sorted(self::names(&store)),
        ["Anna", "Dana_"].map(String::from)
    );
}

/// The true order after the index's: the rows read move with their files, a selection moved
/// stays on its file (one not moved stays on the first row), a file gone goes and a new one
/// comes unread.
#[test]
fn the_true_order_keeps_the_rows_read_and_the_selection() {
    let mut app = App::start_reading(crate::common::content(), kzvisa::theme::Theme::PLAIN);
    let file = |name: &str| PathBuf::from(format!("/apps/{name}.yaml"));
    let listing = |name: &str| Listing::Ready {
        path: file(name),
        record: Box::new(record(name)),
    };
    app.update(Msg::Listed {
        files: vec![file("anna"), file("bolat"), file("chen")],
        select: None,
    });
    app.update(Msg::RowsRead(vec![
        (0, listing("anna")),
        (1, listing("bolat")),
    ]));
    crate::common::press(&mut app, "<Down>");
    app.update(Msg::Reordered(vec![
        file("dana"),
        file("bolat"),
        file("anna"),
    ]));
    let Screen::Start(start) = &app.screen else {
        panic!("the start screen: {:?}", app.screen)
    };
    let rows: Vec<(String, bool)> = start
        .rows
        .iter()
        .map(|row| {
            (
                file_names(&[row.path().to_path_buf()])[0].clone(),
                matches!(row, Row::Read { .. }),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("dana.yaml", false),
            ("bolat.yaml", true),
            ("anna.yaml", true)
        ]
        .map(|(f, read)| (f.to_string(), read))
    );
    assert_eq!(start.selected, 1, "still on bolat");
    assert_eq!(app.unread_files(10), vec![(0, file("dana"))]);
}

/// A folder where no file came or went since its index was written is taken as the index saw
/// it (its own dates tell, and the index lives in a folder of its own so that writing it does
/// not change them); a file made since changes the folder, and is found.
#[test]
fn an_unchanged_folder_is_glanced_at_as_its_index_saw_it() {
    let (dir, store) = indexed_folder();
    names(&store);
    let glance = store.glance().expect("glance");
    assert!(glance.provisional);
    assert_eq!(glance.files, store.scan().expect("scan"));
    store::save(&dir.path().join("Dana.yaml"), &record("Dana")).expect("save");
    let glance = store.glance().expect("glance");
    assert_eq!(file_names(&glance.files)[0], "Dana.yaml");
    assert_eq!(glance.files.len(), 4);
}

/// The index's folder planted as a link: nothing is written where it leads.
#[test]
fn an_index_folder_planted_as_a_link_is_not_written_through() {
    let dir = tempfile::tempdir().expect("temp dir");
    store::save(&dir.path().join("a.yaml"), &record("A")).expect("save");
    let outside = tempfile::tempdir().expect("temp dir");
    let own = Path::new(INDEX_FILE)
        .parent()
        .expect("the index has a folder");
    std::os::unix::fs::symlink(outside.path(), dir.path().join(own)).expect("plant a link");
    let store = Store::new(dir.path());
    assert_eq!(names(&store), ["A"]);
    assert_eq!(
        std::fs::read_dir(outside.path()).expect("outside").count(),
        0,
        "nothing written through the link"
    );
}
