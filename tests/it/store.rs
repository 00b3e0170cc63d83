//! Saving and loading applications: faults, locks, the trash, and crashes mid-save.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use kzvisa::app::{App, Edit, Msg};
use kzvisa::content::Content;
use kzvisa::lang::Lang;
use kzvisa::store::{self, Listing, Record, SCHEMA, Store};
use kzvisa::ui::theme::Theme;
use kzvisa::wizard::{Interview, Place, Step};
use proptest::prelude::*;

fn time(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("test timestamp")
}

fn record(name: &str, updated: &str) -> Record {
    let mut record = Record::new(name.to_string(), time("2026-01-01T00:00:00+05:00"));
    record.updated = time(updated);
    record
}

fn content() -> Arc<Content> {
    Arc::new(Content::embedded(Lang::En).expect("shipped content"))
}

#[test]
fn a_saved_application_loads_as_it_was() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.yaml");
    let mut saved = record("Anna", "2026-02-01T10:00:00+05:00");
    saved
        .application
        .eligibility
        .insert("job_offer".into(), true);
    saved.application.passport.expiry = "2031-02-30".into(); // kept as typed, though not a date
    saved.application.place = Place::start_of(Step::Passport);
    store::save(&path, &saved).expect("save");
    assert_eq!(store::load(&path).expect("load"), saved);

    let text = std::fs::read_to_string(&path).expect("read");
    let schema = format!("schema: {SCHEMA}");
    for key in [
        schema.as_str(),
        "name: Anna",
        "created:",
        "updated:",
        "step: passport",
        "job_offer: true",
    ] {
        assert!(text.contains(key), "{key:?} missing from:\n{text}");
    }
}

#[cfg(unix)]
#[test]
fn files_are_private_to_the_user() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("kzvisa").join("applications");
    let path = folder.join("a.yaml");
    store::save(&path, &record("A", "2026-02-01T10:00:00Z")).expect("save");
    store::save(&path, &record("A", "2026-02-02T10:00:00Z")).expect("save again");
    let mode = |p: &Path| std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
    assert_eq!(mode(&folder), 0o700);
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&store::backup_path(&path)), 0o600);
}

#[test]
fn the_previous_version_is_kept_as_bak() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.yaml");
    let first = record("First", "2026-02-01T10:00:00Z");
    let second = record("Second", "2026-02-02T10:00:00Z");
    store::save(&path, &first).expect("save");
    store::save(&path, &second).expect("save");
    assert_eq!(store::load(&path).expect("load"), second);
    assert_eq!(
        store::load(&store::backup_path(&path)).expect("load bak"),
        first
    );
}

#[test]
fn a_failed_save_leaves_the_saved_file_intact() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.yaml");
    let good = record("Good", "2026-02-01T10:00:00Z");
    store::save(&path, &good).expect("save");
    // A directory where the backup must go makes the save fail midway, as a full disk would.
    let backup = store::backup_path(&path);
    std::fs::create_dir(&backup).expect("dir");
    std::fs::write(backup.join("x"), "x").expect("file");
    let error = store::save(&path, &record("Lost", "2026-02-02T10:00:00Z"))
        .expect_err("the save must fail");
    assert!(error.to_string().contains("a.yaml.bak"), "{error}");
    assert_eq!(store::load(&path).expect("load"), good);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("read dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn a_folder_that_cannot_be_made_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let not_a_folder = dir.path().join("file");
    std::fs::write(&not_a_folder, "x").expect("file");
    let path = not_a_folder.join("a.yaml");
    let error = store::save(&path, &record("A", "2026-02-01T10:00:00Z")).expect_err("must fail");
    assert!(error.to_string().contains("file"), "{error}");
}

#[test]
fn a_corrupt_file_is_listed_with_line_and_column_and_never_touched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path());
    store::save(
        &dir.path().join("good.yaml"),
        &record("Good", "2026-02-01T10:00:00Z"),
    )
    .expect("save");
    let broken = dir.path().join("broken.yaml");
    let text = "schema: 1\nname: Broken\ncreated: 2026-01-01T00:00:00Z\nupdated: [oops\n";
    std::fs::write(&broken, text).expect("write");
    crate::common::written_ago(&broken, 60);

    let listings = store.list().expect("the folder is readable");
    assert_eq!(listings.len(), 2);
    assert!(matches!(&listings[0], Listing::Ready { record, .. } if record.name == "Good"));
    let Listing::Broken { path, error } = &listings[1] else {
        panic!("the broken file should be listed as broken: {listings:?}");
    };
    assert_eq!(path, &broken);
    assert!(error.to_string().contains("broken.yaml:5:1"), "{error}");
    assert_eq!(std::fs::read_to_string(&broken).expect("read"), text);
}

#[test]
fn the_folder_is_scanned_for_application_files_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path());
    assert!(
        store
            .glance()
            .expect("the folder is readable")
            .files
            .is_empty(),
        "an empty folder"
    );
    assert!(
        Store::new(dir.path().join("missing"))
            .glance()
            .expect("the folder is readable")
            .files
            .is_empty()
    );
    assert!(
        Store::new(dir.path().join("missing"))
            .scan()
            .expect("the folder is readable")
            .is_empty()
    );
    // What a save, a lock and a crash leave beside applications, and a folder named like one.
    let path = dir.path().join("anna.yaml");
    store::save(&path, &record("Anna", "2026-02-01T10:00:00Z")).expect("save");
    store::save(&path, &record("Anna", "2026-02-02T10:00:00Z")).expect("save again");
    drop(store::try_lock(&path).expect("lock"));
    std::fs::write(dir.path().join(".kzvisa-x1.tmp"), "half").expect("write");
    std::fs::write(dir.path().join("notes.txt"), "mine").expect("write");
    std::fs::create_dir(dir.path().join("folder.yaml")).expect("mkdir");
    assert!(dir.path().join("anna.yaml.bak").exists());
    assert_eq!(
        store.glance().expect("the folder is readable").files,
        vec![path.clone()]
    );
    assert_eq!(
        store.scan().expect("the folder is readable"),
        vec![path.clone()]
    );
    std::fs::remove_file(&path).expect("remove");
    assert!(
        store
            .glance()
            .expect("the folder is readable")
            .files
            .is_empty(),
        "a backup, a lock or a folder is not an application"
    );
}

#[test]
fn a_hand_edit_with_a_wrong_key_names_its_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.yaml");
    store::save(&path, &record("A", "2026-02-01T10:00:00Z")).expect("save");
    let text = std::fs::read_to_string(&path)
        .expect("read")
        .replace("fee_paid:", "fee_payed:");
    std::fs::write(&path, &text).expect("write");
    let error = store::load(&path).expect_err("unknown key").to_string();
    let line = text
        .lines()
        .position(|l| l.contains("fee_payed"))
        .expect("line")
        + 1;
    assert!(error.contains(&format!("a.yaml:{line}:")), "{error}");
    assert!(error.contains("fee_payed"), "{error}");
}

#[test]
fn a_file_from_a_newer_kzvisa_is_refused_naming_both_versions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("future.yaml");
    let text = format!(
        "schema: {}\nname: Future\nsomething_new: true\n",
        SCHEMA + 1
    );
    std::fs::write(&path, &text).expect("write");
    let error = store::load(&path).expect_err("newer schema").to_string();
    assert!(
        error.contains(&format!("file format {}", SCHEMA + 1)),
        "{error}"
    );
    assert!(error.contains(&format!("reads up to {SCHEMA}")), "{error}");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
}

#[test]
fn every_released_schema_fixture_loads() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for version in 1..=SCHEMA {
        let path = fixtures.join(format!("schema-{version}.yaml"));
        let record = store::load(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(record.schema, SCHEMA);
        assert_eq!(record.name, "Әлия Нұрланқызы");
        assert_eq!(record.application.answer("medical"), Some(false));
        assert_eq!(
            record.application.submission.interview,
            Interview::Scheduled
        );
        assert_eq!(record.application.passport.end_of_stay, "2030-13-01");
        assert!(
            record
                .application
                .covers("employment_contract", "working_hours")
        );
    }
    // 1 → 2: the route and the employer's part start empty; the place is kept.
    let one = store::load(&fixtures.join("schema-1.yaml")).expect("version 1");
    assert_eq!(one.application.route, None);
    assert_eq!(one.application.employer, Default::default());
    assert_eq!(
        one.application.place,
        kzvisa::wizard::Place::Documents {
            document: 1,
            item: Some(2)
        }
    );
    let two = store::load(&fixtures.join("schema-2.yaml")).expect("version 2");
    assert_eq!(two.application.route, Some(kzvisa::wizard::Route::WorkVisa));
    assert_eq!(two.application.employer.permit_date, "2026-11-0");
    assert!(
        two.application
            .covers("educational_certificates", "apostille")
    );
    // 2 → 3: "Your dates" starts empty; the place is kept.
    assert_eq!(two.application.dates, Default::default());
    assert_eq!(
        two.application.place,
        kzvisa::wizard::Place::Employer {
            field: kzvisa::wizard::EmployerField::PermitDate
        }
    );
    let three = store::load(&fixtures.join("schema-3.yaml")).expect("version 3");
    assert_eq!(
        three.application.place,
        kzvisa::wizard::Place::Dates {
            field: kzvisa::wizard::DatesField::ActualEntry
        }
    );
    assert_eq!(three.application.dates.target, "2027-03-01");
    // A date that is not one is kept as typed.
    assert_eq!(three.application.dates.actual_entry, "22.02.2O27");
}

#[test]
fn a_date_of_your_dates_is_saved_as_iso_and_kept_when_not_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.yaml");
    let mut saved = record("A", "2026-02-01T10:00:00Z");
    saved.application.dates.planned_entry = "5.3.2027".into();
    saved.application.dates.visa_end = "2027-13-01".into();
    store::save(&path, &saved).expect("save");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains("planned_entry: 2027-03-05"), "{text}");
    assert!(text.contains("visa_end: 2027-13-01"), "{text}");
}

#[test]
fn a_locked_application_cannot_be_locked_twice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.yaml");
    let first = store::try_lock(&path).expect("lock").expect("free");
    assert!(
        store::try_lock(&path).expect("lock").is_none(),
        "second writer got the lock"
    );
    drop(first);
    assert!(
        store::try_lock(&path).expect("lock").is_some(),
        "lock not released"
    );
}

#[test]
fn the_trash_keeps_the_file_and_its_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path());
    let path = dir.path().join("a.yaml");
    store::save(&path, &record("A", "2026-02-01T10:00:00Z")).expect("save");
    store::save(&path, &record("A", "2026-02-02T10:00:00Z")).expect("save");
    let moved = store.trash(&path).expect("trash");
    assert!(!path.exists());
    assert_eq!(moved, dir.path().join("trash").join("a.yaml"));
    assert_eq!(store::load(&moved).expect("load").name, "A");
    assert!(store::backup_path(&moved).exists());
    assert!(store.list().expect("the folder is readable").is_empty());

    // A second file of the same name does not overwrite the first in the trash.
    store::save(&path, &record("B", "2026-02-03T10:00:00Z")).expect("save");
    let again = store.trash(&path).expect("trash");
    assert_ne!(again, moved);
    assert_eq!(store::load(&moved).expect("load").name, "A");
}

/// An application trashed and saved twice, so that it has a backup: its path in the folder.
fn saved_twice(store: &Store, file: &str, name: &str) -> PathBuf {
    let path = store.dir().join(file);
    store::save(&path, &record(name, "2026-02-01T10:00:00Z")).expect("save");
    store::save(&path, &record(name, "2026-02-02T10:00:00Z")).expect("save");
    path
}

fn names(listings: &[Listing]) -> Vec<String> {
    listings
        .iter()
        .map(|listing| match listing {
            Listing::Ready { record, .. } => record.name.clone(),
            Listing::Broken { path, .. } => path.display().to_string(),
        })
        .collect()
}

#[test]
fn a_trashed_application_comes_back_with_its_backup_as_it_was() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path());
    let path = saved_twice(&store, "a.yaml", "A");
    let (text, backup) = (
        std::fs::read(&path).expect("read"),
        std::fs::read(store::backup_path(&path)).expect("read the backup"),
    );
    let trashed = store.trash(&path).expect("trash");
    assert_eq!(names(&store.trashed().expect("the trash")), ["A"]);

    let restored = store.restore(&trashed).expect("restore");
    assert_eq!(restored.path, path, "back under its old file name");
    assert_eq!(restored.name, "A");
    assert_eq!(std::fs::read(&path).expect("read"), text);
    assert_eq!(
        std::fs::read(store::backup_path(&path)).expect("the backup is back"),
        backup
    );
    assert!(store.trashed().expect("the trash").is_empty());
    assert!(!trashed.exists() && !store::backup_path(&trashed).exists());
    assert_eq!(names(&store.list().expect("the folder")), ["A"]);
}

/// The trash lists the last deleted first (by when each was moved there, not when it was last
/// saved), so `u` undoes the last delete and then the one before.
#[test]
fn the_trash_lists_the_last_deleted_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path());
    let older = saved_twice(&store, "older.yaml", "Saved first, deleted last");
    let newer = saved_twice(&store, "newer.yaml", "Saved last, deleted first");
    crate::common::written_ago(&older, 3600);
    store.trash(&newer).expect("trash");
    // A move stamps the file with the kernel's coarse clock: a few milliseconds apart.
    std::thread::sleep(std::time::Duration::from_millis(30));
    store.trash(&older).expect("trash");
    assert_eq!(
        names(&store.trashed().expect("the trash")),
        ["Saved first, deleted last", "Saved last, deleted first"]
    );
    // Two of one file name: the later is `NAME.yaml.2`, and comes first even in one instant.
    let again = saved_twice(&store, "older.yaml", "Another");
    let second = store.trash(&again).expect("trash");
    assert!(second.ends_with("older.yaml.2"), "{}", second.display());
    assert_eq!(names(&store.trashed().expect("the trash"))[0], "Another");
}

#[test]
fn restoring_never_overwrites_a_file_and_refuses_a_name_in_use() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path());
    let path = saved_twice(&store, "anna.yaml", "Anna");
    let trashed = store.trash(&path).expect("trash");

    // Another application of that name now: Anna stays in the trash, and says why.
    let other = store.dir().join("anna-new.yaml");
    store::save(&other, &record("anna", "2026-03-01T10:00:00Z")).expect("save");
    let refused = store.restore(&trashed).expect_err("a name in use");
    assert!(
        matches!(&refused, kzvisa::error::Error::NameTaken { name, .. } if name == "Anna"),
        "{refused:?}"
    );
    let words = kzvisa::present::InWords::in_words(&refused, &content().ui.errors);
    assert!(words.contains("is in the folder already"), "{words}");
    assert!(trashed.exists(), "still in the trash");
    std::fs::remove_file(&other).expect("remove");

    // Its old file name taken by another application: it comes back under a new one.
    store::save(&path, &record("Bolat", "2026-03-02T10:00:00Z")).expect("save");
    let bolat = std::fs::read(&path).expect("read");
    let restored = store.restore(&trashed).expect("restore");
    assert_ne!(restored.path, path);
    assert_eq!(restored.path.parent(), Some(store.dir()));
    assert_eq!(
        std::fs::read(&path).expect("read"),
        bolat,
        "Bolat's file untouched"
    );
    assert_eq!(store::load(&restored.path).expect("load").name, "Anna");
    assert!(
        store::backup_path(&restored.path).exists(),
        "with its backup"
    );
    let mut listed = names(&store.list().expect("the folder"));
    listed.sort();
    assert_eq!(listed, ["Anna", "Bolat"]);
}

#[test]
fn restoring_never_follows_a_link() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path().join("applications"));
    let outside = dir.path().join("outside.yaml");
    store::save(&outside, &record("Outside", "2026-02-01T10:00:00Z")).expect("save");
    let outside_text = std::fs::read(&outside).expect("read");
    std::fs::create_dir_all(store.trash_dir()).expect("the trash");

    // A link in the trash is neither listed nor restored, and what it leads to stays put.
    let link = store.trash_dir().join("linked.yaml");
    symlink(&outside, &link).expect("link");
    assert!(store.trashed().expect("the trash").is_empty());
    let refused = store.restore(&link).expect_err("a link");
    assert!(
        matches!(refused, kzvisa::error::Error::Link { .. }),
        "{refused:?}"
    );
    assert!(std::fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink()));
    assert_eq!(std::fs::read(&outside).expect("read"), outside_text);
    std::fs::remove_file(&link).expect("remove");

    // A backup that is a link refuses the whole restore: nothing moves.
    let path = saved_twice(&store, "a.yaml", "A");
    let trashed = store.trash(&path).expect("trash");
    let backup = store::backup_path(&trashed);
    std::fs::remove_file(&backup).expect("remove the backup");
    symlink(&outside, &backup).expect("link");
    let refused = store.restore(&trashed).expect_err("a linked backup");
    assert!(
        matches!(refused, kzvisa::error::Error::Link { .. }),
        "{refused:?}"
    );
    assert!(trashed.exists() && !path.exists());
    std::fs::remove_file(&backup).expect("remove");

    // A trash folder that is a link is not read at all.
    let elsewhere = dir.path().join("elsewhere");
    std::fs::rename(store.trash_dir(), &elsewhere).expect("move the trash away");
    symlink(&elsewhere, store.trash_dir()).expect("link");
    assert!(matches!(
        store.trashed(),
        Err(kzvisa::error::Error::Link { .. })
    ));
    let through = store.trash_dir().join("a.yaml");
    assert!(matches!(
        store.restore(&through),
        Err(kzvisa::error::Error::Link { .. })
    ));
    assert!(elsewhere.join("a.yaml").exists() && !path.exists());
}

#[test]
fn unicode_names_get_readable_distinct_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path());
    let first = store.new_path("Әлия Нұрланқызы");
    assert_eq!(first, dir.path().join("әлия-нұрланқызы.yaml"));
    store::save(&first, &record("Әлия Нұрланқызы", "2026-02-01T10:00:00Z")).expect("save");
    let second = store.new_path("Әлия  Нұрланқызы!");
    assert_ne!(first, second);
    store::save(&second, &record("王小明 🎉", "2026-02-02T10:00:00Z")).expect("save");
    let names: Vec<String> = store
        .list()
        .expect("the folder is readable")
        .into_iter()
        .filter_map(|l| match l {
            Listing::Ready { record, .. } => Some(record.name),
            Listing::Broken { .. } => None,
        })
        .collect();
    assert_eq!(names, ["王小明 🎉", "Әлия Нұрланқызы"]);
}

/// Messages a person can send, for the property tests.
fn any_msg() -> impl Strategy<Value = Msg> {
    prop_oneof![
        any::<bool>().prop_map(Msg::Answer),
        Just(Msg::Up),
        Just(Msg::Down),
        Just(Msg::First),
        Just(Msg::Last),
        Just(Msg::PageUp),
        Just(Msg::PageDown),
        Just(Msg::Toggle),
        Just(Msg::Expand),
        Just(Msg::Collapse),
        Just(Msg::Confirm),
        Just(Msg::NextField),
        Just(Msg::PrevField),
        Just(Msg::Back),
        Just(Msg::OpenFaq),
        Just(Msg::OpenRelatedFaq),
        Just(Msg::StartFilter),
        prop::sample::select(vec![
            '2', '0', '3', '1', '-', '9', 'a', 'Ә', '王', '🎉', ' '
        ])
        .prop_map(|c| Msg::Edit(Edit::Insert(c))),
        Just(Msg::Edit(Edit::Backspace)),
        Just(Msg::Edit(Edit::Left)),
        Just(Msg::Edit(Edit::Right)),
        Just(Msg::Edit(Edit::Home)),
        Just(Msg::Edit(Edit::End)),
        Just(Msg::Edit(Edit::DeleteWord)),
        Just(Msg::Edit(Edit::DeleteToStart)),
        Just(Msg::Edit(Edit::DeleteToEnd)),
        "[0-9a-zА-я\\- \n]{0,12}".prop_map(Msg::Paste),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_reachable_state_saves_and_loads_as_itself(msgs in prop::collection::vec(any_msg(), 0..120)) {
        let mut app = App::new(content(), Default::default(), Theme::PLAIN);
        for msg in msgs {
            app.update(msg);
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.yaml");
        let mut saved = record("Прop", "2026-03-01T12:00:00+06:00");
        saved.application = app.application.clone();
        store::save(&path, &saved).expect("save");
        prop_assert_eq!(store::load(&path).expect("load"), saved);
    }

    /// Newest first by when each file was written (what a save does), whatever order the files
    /// were made in; files written in the same instant go by name.
    #[test]
    fn the_start_screen_lists_newest_first(minutes in prop::collection::vec(0u64..100_000, 1..12)) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::new(dir.path());
        // One instant for all: equal minutes must give equal dates, to the nanosecond.
        let now = std::time::SystemTime::now();
        for (i, m) in minutes.iter().enumerate() {
            let path = dir.path().join(format!("n{i:02}.yaml"));
            store::save(&path, &record(&format!("n{i:02}"), "2026-01-01T00:00:00Z")).expect("save");
            crate::common::written_at(&path, now - std::time::Duration::from_secs(m * 60));
        }
        let mut expected: Vec<(u64, String)> =
            minutes.iter().enumerate().map(|(i, m)| (*m, format!("n{i:02}"))).collect();
        expected.sort();
        let expected: Vec<String> = expected.into_iter().map(|(_, name)| name).collect();
        let listed: Vec<String> = store.list().expect("the folder is readable").into_iter().map(|l| match l {
            Listing::Ready { record, .. } => record.name,
            Listing::Broken { error, .. } => panic!("{error}"),
        }).collect();
        prop_assert_eq!(&listed, &expected);
        let scanned: Vec<String> = store
            .scan().expect("the folder is readable")
            .iter()
            .filter_map(|path| path.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .collect();
        prop_assert_eq!(scanned, expected);
    }
}

const CRASH_CHILD: &str = "KZVISA_CRASH_CHILD";

/// Not a test on its own: the child of [`a_kill_mid_save_leaves_the_old_or_the_new_state`],
/// which saves ever-changing states until it is killed.
#[test]
#[ignore = "run by the crash test as its child process"]
fn crash_child() {
    use std::io::Write;
    let Some(path) = std::env::var_os(CRASH_CHILD).map(PathBuf::from) else {
        return;
    };
    let mut out = std::io::stdout();
    for n in 1u64.. {
        writeln!(out, "saving {n}")
            .and_then(|()| out.flush())
            .expect("stdout");
        store::save(&path, &numbered(n)).expect("save");
    }
}

fn numbered(n: u64) -> Record {
    let mut saved = record("Crash", "2026-01-01T00:00:00Z");
    saved.application.submission.fee_amount = format!("{n} ₸ {}", "x".repeat((n % 50) as usize));
    saved
}

#[cfg(unix)]
#[test]
fn a_kill_mid_save_leaves_the_old_or_the_new_state() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("crash.yaml");
    store::save(&path, &numbered(0)).expect("first save");
    let exe = std::env::current_exe().expect("test binary");
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for round in 0..200 {
        let mut child = Command::new(&exe)
            .args([
                "store::crash_child",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CRASH_CHILD, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn child");
        // Wait until it is saving, then a pseudo-random moment more.
        let mut stdout = child.stdout.take().expect("child stdout");
        let mut output = Vec::new();
        let mut byte = [0u8; 1];
        while !output.ends_with(b"saving ") {
            stdout.read_exact(&mut byte).expect("child started saving");
            output.push(byte[0]);
        }
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(std::time::Duration::from_micros(seed % 20_000));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        stdout.read_to_end(&mut output).expect("child output");
        // libtest's own words may share the first line, so split on the marker, not on lines.
        let last: u64 = String::from_utf8_lossy(&output)
            .split("saving ")
            .filter_map(|piece| piece.lines().next()?.trim().parse().ok())
            .last()
            .expect("the child announced a save");
        let on_disk = store::load(&path)
            .unwrap_or_else(|e| panic!("round {round}: the file does not load after a kill: {e}"));
        assert!(
            on_disk == numbered(last) || on_disk == numbered(last - 1),
            "round {round}: file holds {:?}, the child was saving {last}",
            on_disk.application.submission.fee_amount
        );
        // The next child starts again from 1: reset so "before" is well defined.
        store::save(&path, &numbered(0)).expect("reset");
    }
}

mod start_screen {
    use super::*;
    use kzvisa::app::{Effect, Mode, Prompt, Row, Screen};

    fn listings() -> Vec<Listing> {
        vec![
            Listing::Ready {
                path: PathBuf::from("/apps/anna.yaml"),
                record: Box::new(record("Anna", "2026-02-02T10:00:00Z")),
            },
            crate::common::broken_listing(5),
        ]
    }

    fn start() -> App {
        App::start(content(), listings(), Theme::PLAIN)
    }

    fn typed(app: &mut App, text: &str) {
        for c in text.chars() {
            assert_eq!(app.update(Msg::Edit(Edit::Insert(c))), Effect::None);
        }
    }

    #[test]
    fn enter_resumes_the_selected_application() {
        let mut app = start();
        assert_eq!(app.mode(), Mode::Start);
        assert_eq!(
            app.update(Msg::Confirm),
            Effect::Open(PathBuf::from("/apps/anna.yaml"))
        );
    }

    #[test]
    fn a_broken_file_cannot_be_opened_or_renamed_but_can_be_trashed() {
        let mut app = start();
        app.update(Msg::Down);
        assert_eq!(app.update(Msg::Confirm), Effect::None);
        assert_eq!(app.update(Msg::Rename), Effect::None);
        assert_eq!(app.mode(), Mode::Start);
        app.update(Msg::Delete);
        assert_eq!(app.mode(), Mode::StartConfirmDelete);
        assert_eq!(
            app.update(Msg::Answer(true)),
            Effect::Trash(PathBuf::from("/apps/broken.yaml"))
        );
    }

    #[test]
    fn n_asks_for_a_name_in_any_script() {
        let mut app = start();
        app.update(Msg::NewApplication);
        assert_eq!(app.mode(), Mode::StartName);
        assert_eq!(
            app.update(Msg::Confirm),
            Effect::None,
            "an empty name is not taken"
        );
        typed(&mut app, "Әлия q? 王🎉");
        assert_eq!(
            app.update(Msg::Confirm),
            Effect::Create("Әлия q? 王🎉".into())
        );
    }

    #[test]
    fn r_renames_starting_from_the_current_name() {
        let mut app = start();
        app.update(Msg::Rename);
        assert_eq!(
            app.screen,
            Screen::Start(kzvisa::app::StartView {
                rows: listings()
                    .into_iter()
                    .zip([(0, 19), (0, 0)])
                    .map(|(listing, progress)| Row::Read { listing, progress })
                    .collect(),
                listed: true,
                widest_name: 4,
                unread: Default::default(),
                selected: 0,
                prompt: Some(Prompt::Rename("Anna".into())),
            })
        );
        typed(&mut app, " K.");
        assert_eq!(
            app.update(Msg::Confirm),
            Effect::Rename(PathBuf::from("/apps/anna.yaml"), "Anna K.".into())
        );
    }

    #[test]
    fn d_moves_to_the_trash_only_after_yes() {
        let mut app = start();
        app.update(Msg::Delete);
        assert_eq!(app.update(Msg::Answer(false)), Effect::None);
        assert_eq!(app.mode(), Mode::Start);
        app.update(Msg::Delete);
        assert_eq!(app.update(Msg::Back), Effect::None);
        assert_eq!(app.mode(), Mode::Start);
    }

    #[test]
    fn a_locked_application_can_be_opened_read_only_and_keeps_its_answers() {
        let mut app = start();
        app.report_locked();
        assert_eq!(app.mode(), Mode::StartLocked);
        assert_eq!(
            app.update(Msg::OpenReadOnly),
            Effect::OpenReadOnly(PathBuf::from("/apps/anna.yaml"))
        );
        let mut saved = record("Anna", "2026-02-02T10:00:00Z").application;
        saved.place = Place::Eligibility { question: 0 };
        app.resume("Anna".into(), saved.clone(), Some(store::ReadOnly::Locked));
        assert_eq!(
            app.update(Msg::Answer(true)),
            Effect::None,
            "read-only never saves"
        );
        assert_eq!(
            app.application.answer("job_offer"),
            None,
            "answers unchanged"
        );
        assert_eq!(
            app.application.place,
            Place::Eligibility { question: 1 },
            "moving is fine"
        );
    }

    #[test]
    fn resuming_returns_to_the_exact_place() {
        let mut app = start();
        let mut saved = record("Anna", "2026-02-02T10:00:00Z").application;
        saved.place = Place::Documents {
            document: 1,
            item: Some(2),
        };
        app.resume("Anna".into(), saved.clone(), None);
        assert_eq!(app.screen, Screen::Wizard);
        assert_eq!(app.application, saved);
        assert!(
            app.expanded.contains(&1),
            "the row of a point is shown expanded"
        );
    }

    /// The screen as the shell first draws it for a folder that holds applications: before the
    /// folder is listed, then listed but not read, then read near the selection first.
    #[test]
    fn a_large_folder_is_shown_at_once_and_read_nearest_the_selection_first() {
        let mut app = App::start_reading(content(), Theme::PLAIN);
        assert_eq!(app.mode(), Mode::Start);
        assert!(app.folder_unlisted() && app.reading_folder());
        let screen = crate::screens::text_of(&app, 80, 24);
        assert!(
            screen.contains("Reading the saved applications…"),
            "{screen}"
        );

        let files: Vec<PathBuf> = (0..50)
            .map(|i| PathBuf::from(format!("/apps/a{i:02}.yaml")))
            .collect();
        app.show_files(files.clone(), None);
        assert!(!app.folder_unlisted() && app.reading_folder());
        let screen = crate::screens::text_of(&app, 80, 24);
        assert!(!screen.contains("Reading the saved"), "{screen}");
        assert!(
            screen.contains("› a00"),
            "unread rows show their file name: {screen}"
        );

        for _ in 0..30 {
            app.update(Msg::Down);
        }
        let next = app.unread_files(5);
        let expected: Vec<(usize, PathBuf)> = [30, 29, 31, 28, 32]
            .iter()
            .map(|i| (*i, files[*i].clone()))
            .collect();
        assert_eq!(next, expected, "the selected row, then its neighbours");
        // Rows read already are passed over; at the end of the list, the rows above come next.
        let mut partly = app.clone();
        for row in [29, 31] {
            partly.read_listing(row, Listing::read(files[row].clone()));
        }
        let next: Vec<usize> = partly.unread_files(5).into_iter().map(|(i, _)| i).collect();
        assert_eq!(next, [30, 28, 32, 27, 33]);
        let mut at_end = app.clone();
        for _ in 0..30 {
            at_end.update(Msg::Down);
        }
        let next: Vec<usize> = at_end.unread_files(3).into_iter().map(|(i, _)| i).collect();
        assert_eq!(next, [49, 48, 47]);
        for (row, file) in files.into_iter().enumerate() {
            let name = file
                .file_stem()
                .expect("a stem")
                .to_string_lossy()
                .to_uppercase();
            let mut saved = record(&name, "2026-02-02T10:00:00Z");
            saved.application.place = Place::start_of(Step::Documents);
            app.read_listing(
                row,
                Listing::Ready {
                    path: file,
                    record: Box::new(saved),
                },
            );
        }
        assert!(!app.reading_folder());
        assert!(app.unread_files(5).is_empty());
        let screen = crate::screens::text_of(&app, 80, 24);
        assert!(screen.contains("› A30"), "{screen}");
        assert!(screen.contains("Documents"), "{screen}");
    }

    #[test]
    fn a_long_list_is_crossed_by_pages_and_to_either_end() {
        let mut app = App::start_reading(content(), Theme::PLAIN);
        let files: Vec<PathBuf> = (0..25)
            .map(|i| PathBuf::from(format!("/apps/a{i:02}.yaml")))
            .collect();
        app.show_files(files, None);
        let selected = |app: &App| match &app.screen {
            Screen::Start(view) => view.selected,
            Screen::Wizard => panic!("the start screen"),
        };
        let steps = [
            ("<End>", 24),
            ("<Home>", 0),
            ("<PgDn>", 10),
            ("<PgDn> <PgDn>", 24),
            ("<PgUp>", 14),
            ("<Up> g", 0),
            ("<PgUp>", 0),
            ("G", 24),
            // On a Russian or Kazakh layout: the keys of g and G.
            ("п", 0),
            ("П", 24),
        ];
        for (keys, expected) in steps {
            assert_eq!(
                crate::common::press(&mut app, keys),
                vec![Effect::None; keys.split(' ').count()]
            );
            assert_eq!(selected(&app), expected, "after {keys}");
        }
    }

    #[test]
    fn a_row_not_read_yet_opens_but_cannot_be_renamed() {
        let mut app = App::start_reading(content(), Theme::PLAIN);
        app.show_files(vec![PathBuf::from("/apps/anna.yaml")], None);
        assert_eq!(app.update(Msg::Rename), Effect::None);
        assert_eq!(app.mode(), Mode::Start);
        assert_eq!(
            app.update(Msg::Confirm),
            Effect::Open(PathBuf::from("/apps/anna.yaml"))
        );
    }

    #[test]
    fn a_file_read_after_its_row_changed_is_not_put_in() {
        let files = vec![
            PathBuf::from("/apps/anna.yaml"),
            PathBuf::from("/apps/bolat.yaml"),
        ];
        let mut app = App::start_reading(content(), Theme::PLAIN);
        app.show_files(files.clone(), None);
        // A file no longer listed, and a listed file given the number of another's row (the
        // folder was listed afresh while it was read).
        app.read_listing(
            0,
            Listing::Ready {
                path: PathBuf::from("/apps/gone.yaml"),
                record: Box::new(record("Gone", "2026-02-02T10:00:00Z")),
            },
        );
        app.read_listing(
            1,
            Listing::Ready {
                path: files[0].clone(),
                record: Box::new(record("Anna", "2026-02-02T10:00:00Z")),
            },
        );
        let Screen::Start(view) = &app.screen else {
            panic!("the start screen");
        };
        assert_eq!(
            view.rows,
            files.into_iter().map(Row::Unread).collect::<Vec<_>>()
        );
    }

    /// Esc on the welcome screen leaves the application for the list: the shell lists the folder
    /// afresh and releases the lock; the core forgets the application and its read-only state.
    #[test]
    fn esc_on_the_welcome_screen_goes_back_to_the_list() {
        let mut app = start();
        let saved = record("Anna", "2026-02-02T10:00:00Z").application;
        app.update(Msg::Opened {
            name: "Anna".into(),
            application: Box::new(saved),
            read_only: Some(kzvisa::store::ReadOnly::Locked),
            from_file: false,
        });
        assert_eq!(app.mode(), Mode::Welcome);
        let footer: Vec<(String, &str)> =
            kzvisa::keymap::footer(app.mode(), &app.content.ui.keys, &app.content.answer_keys())
                .collect();
        assert!(
            footer.contains(&("Esc".to_string(), "applications")),
            "the footer names the way back: {footer:?}"
        );
        let effects = crate::common::press(&mut app, "<Esc>");
        assert_eq!(effects, vec![Effect::CloseApplication]);
        assert!(matches!(app.screen, Screen::Start(_)), "{:?}", app.screen);
        assert!(app.folder_unlisted(), "the shell lists the folder afresh");
        assert_eq!(app.read_only, None, "the start screen says nothing of it");
        assert_eq!(app.name, "");
        // What the shell reports back fills the list, with nothing said.
        app.update(Msg::Listed {
            files: vec![PathBuf::from("/apps/anna.yaml")],
            select: Some(PathBuf::from("/apps/anna.yaml")),
        });
        assert_eq!(app.mode(), Mode::Start);
        assert!(crate::screens::text_of(&app, 80, 24).contains("anna"));
    }

    /// A step further in, Esc goes back a step as before; only the first screen leaves.
    #[test]
    fn esc_elsewhere_goes_back_a_step_and_the_welcome_leaves_last() {
        let mut app = crate::common::app_after("<Enter> 3");
        assert_eq!(app.application.place, Place::Eligibility { question: 0 });
        let effects = crate::common::press(&mut app, "<Esc> <Esc>");
        assert_eq!(app.application.place, Place::Welcome);
        assert!(!effects.contains(&Effect::CloseApplication), "{effects:?}");
        assert_eq!(
            crate::common::press(&mut app, "<Esc>"),
            vec![Effect::CloseApplication]
        );
    }

    /// With the last change not saved, leaving would lose it: Esc saves again and stays, as q
    /// asks before quitting.
    #[test]
    fn esc_on_the_welcome_screen_with_the_last_change_unsaved_saves_again_and_stays() {
        let mut app = crate::common::app_after("<Enter> 3 <Esc> <Esc>");
        app.update(Msg::Saved(Err("the disk is full.".into())));
        assert_eq!(crate::common::press(&mut app, "<Esc>"), vec![Effect::Save]);
        assert_eq!(app.screen, Screen::Wizard);
        app.update(Msg::Saved(Ok(())));
        assert_eq!(
            crate::common::press(&mut app, "<Esc>"),
            vec![Effect::CloseApplication]
        );
    }
}
