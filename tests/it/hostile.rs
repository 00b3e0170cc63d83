//! A hostile or shared applications folder: planted links, files changed or protected by someone
//! else, a second writer, leftovers of killed runs, a full disk, files built to hang the parser.
//! Real faults where the machine allows (a tmpfs, a second process, another user); a test that
//! cannot make its fault fails and says what it needs, rather than passing without it.

use std::io::{Read, Write};
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use chrono::DateTime;
use kzvisa::error::Error;
use kzvisa::store::{self, Access, Listing, ReadOnly, Record, Store};

use crate::cli::{kzvisa, status, stderr, stdout};

fn record(name: &str) -> Record {
    let now = DateTime::parse_from_rfc3339("2026-02-01T10:00:00+05:00").expect("test time");
    Record::new(name.to_string(), now)
}

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o7777
}

/// A file in the person's home that a planted link points at.
fn precious(dir: &Path) -> PathBuf {
    let path = dir.join("precious.txt");
    std::fs::write(&path, "my notes\n").expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    path
}

#[test]
fn a_link_planted_at_the_backup_is_refused_and_its_target_untouched() {
    let home = tempfile::tempdir().expect("temp dir");
    let target = precious(home.path());
    let dir = home.path().join("applications");
    let path = dir.join("a.yaml");
    store::save(&path, &record("A")).expect("first save");
    symlink(&target, store::backup_path(&path)).expect("plant a link");
    let error = store::save(&path, &record("B")).expect_err("a link at the backup");
    assert_eq!(
        error,
        Error::Link {
            path: store::backup_path(&path)
        }
    );
    assert_eq!(
        std::fs::read_to_string(&target).expect("read"),
        "my notes\n"
    );
    assert_eq!(mode(&target), 0o644);
    assert_eq!(
        store::load(&path).expect("load").name,
        "A",
        "the file as it was"
    );
}

#[test]
fn a_link_planted_at_the_lock_is_refused_and_its_target_untouched() {
    let home = tempfile::tempdir().expect("temp dir");
    let target = precious(home.path());
    let dir = home.path().join("applications");
    let path = dir.join("a.yaml");
    store::save(&path, &record("A")).expect("first save");
    symlink(&target, store::lock_path(&path)).expect("plant a link");
    let error = store::try_lock(&path).expect_err("a link at the lock");
    assert_eq!(
        error,
        Error::Link {
            path: store::lock_path(&path)
        }
    );
    // Through the binary too: the message names the link.
    let output = kzvisa(&dir, &["resume", "A"], "y\n");
    assert_eq!(status(&output), 2, "{}", stderr(&output));
    assert!(
        stderr(&output).contains("a.yaml.lock is a link"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(&target).expect("read"),
        "my notes\n"
    );
    assert_eq!(mode(&target), 0o644);
}

#[test]
fn a_linked_application_opens_read_only_and_the_link_stays() {
    let home = tempfile::tempdir().expect("temp dir");
    let elsewhere = home.path().join("elsewhere.yaml");
    store::save(&elsewhere, &record("Linked")).expect("save");
    let before = std::fs::read(&elsewhere).expect("read");
    let dir = home.path().join("applications");
    std::fs::create_dir(&dir).expect("dir");
    let link = dir.join("linked.yaml");
    symlink(&elsewhere, &link).expect("link");
    assert!(matches!(
        store::access(&link).expect("access"),
        Access::ReadOnly(ReadOnly::Link)
    ));
    let output = kzvisa(&dir, &["resume", "Linked", "--plain"], "y\n");
    assert_eq!(status(&output), 2, "{}", stdout(&output));
    assert!(stderr(&output).contains("is a link"), "{}", stderr(&output));
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("still there")
            .file_type()
            .is_symlink(),
        "the link was replaced"
    );
    assert_eq!(std::fs::read(&elsewhere).expect("read"), before);
    // It is still listed and read, like any application.
    assert!(stdout(&kzvisa(&dir, &["list"], "")).contains("Linked"));
}

#[test]
fn a_write_protected_application_opens_read_only_and_keeps_its_mode() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kept.yaml");
    store::save(&path, &record("Kept")).expect("save");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).expect("chmod");
    let before = std::fs::read(&path).expect("read");
    assert!(matches!(
        store::access(&path).expect("access"),
        Access::ReadOnly(ReadOnly::Protected)
    ));
    let output = kzvisa(dir.path(), &["resume", "Kept", "--plain"], "y\n");
    assert_eq!(status(&output), 2, "{}", stdout(&output));
    assert!(
        stderr(&output).contains("permission denied"),
        "{}",
        stderr(&output)
    );
    assert_eq!(mode(&path), 0o400);
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert!(!store::backup_path(&path).exists(), "nothing was saved");
}

#[test]
fn a_fifo_or_a_device_given_as_file_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("pipe.yaml");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success(), "mkfifo is needed for this test");
    assert_eq!(
        store::load(&fifo).expect_err("a FIFO"),
        Error::NotRegular { path: fifo.clone() }
    );
    for file in [fifo.as_path(), Path::new("/dev/null")] {
        for args in [&["check"][..], &["export"], &["resume", "--plain"]] {
            // A FIFO that blocked would hang here, until the test run's own time-out.
            let output = Command::new(env!("CARGO_BIN_EXE_kzvisa"))
                .arg("--file")
                .arg(file)
                .args(args)
                .args(["--lang", "en"])
                .env("XDG_CONFIG_HOME", dir.path().join("config"))
                .stdin(Stdio::null())
                .output()
                .expect("run kzvisa");
            let all = (file, args);
            assert_eq!(status(&output), 2, "{all:?}: {}", stdout(&output));
            assert!(
                stderr(&output).contains("is not a regular file"),
                "{all:?}: {}",
                stderr(&output)
            );
        }
    }
}

/// A kzvisa in the line wizard, its answers written a line at a time, its output read as it
/// comes: a second process on the same folder.
struct Running {
    child: Child,
    output: Arc<Mutex<String>>,
}

impl Running {
    fn start(dir: &Path, args: &[&str]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kzvisa"))
            .arg("--data-dir")
            .arg(dir)
            .args(args)
            .args(["--plain", "--lang", "en"])
            .env("XDG_CONFIG_HOME", dir.join("config"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("run kzvisa");
        let output = Arc::new(Mutex::new(String::new()));
        let mut out = child.stdout.take().expect("stdout");
        let feed = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(n) = out.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                if let Ok(mut text) = feed.lock() {
                    text.push_str(&String::from_utf8_lossy(&buffer[..n]));
                }
            }
        });
        Running { child, output }
    }

    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        loop {
            let output = self.output.lock().expect("output").clone();
            if output.contains(text) {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "never printed {text:?}:\n{output}"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn answer(&mut self, line: &str) {
        let stdin = self.child.stdin.as_mut().expect("stdin");
        stdin.write_all(line.as_bytes()).expect("write");
        stdin.write_all(b"\n").expect("write");
        stdin.flush().expect("flush");
    }

    fn finish(mut self) -> String {
        drop(self.child.stdin.take());
        self.child.wait().expect("kzvisa ends");
        self.output.lock().expect("output").clone()
    }
}

#[test]
fn deleting_the_lock_file_lets_no_second_writer_in() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert_eq!(status(&kzvisa(dir.path(), &["new", "Dana"], "quit\n")), 0);
    let path = dir.path().join("dana.yaml");
    let first = Running::start(dir.path(), &["resume", "Dana"]);
    first.wait_for("[Enter]");
    std::fs::remove_file(store::lock_path(&path)).expect("delete the lock");
    let second = kzvisa(dir.path(), &["resume", "Dana", "--plain"], "\n");
    assert_eq!(status(&second), 2, "{}", stdout(&second));
    assert!(
        stderr(&second).contains("open in another kzvisa"),
        "{}",
        stderr(&second)
    );
    // In this process too, through the library.
    assert!(matches!(
        store::access(&path).expect("access"),
        Access::ReadOnly(ReadOnly::Locked)
    ));
    first.finish();
}

#[test]
fn a_file_changed_on_disk_while_open_is_kept_and_the_answers_saved_beside_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert_eq!(status(&kzvisa(dir.path(), &["new", "Dana"], "quit\n")), 0);
    let path = dir.path().join("dana.yaml");
    let mut open = Running::start(dir.path(), &["resume", "Dana"]);
    open.wait_for("[Enter]");
    // A hand edit (or a sync) while it is open: renamed by another person.
    let edited = std::fs::read_to_string(&path)
        .expect("read")
        .replace("name: Dana", "name: Dana Edited");
    std::fs::write(&path, &edited).expect("hand edit");
    open.answer("");
    open.wait_for("Which of these fits you?");
    let said = open.finish();
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        edited,
        "the other version was overwritten"
    );
    let listings = Store::new(dir.path()).list().expect("listed");
    let names: Vec<String> = listings
        .iter()
        .filter_map(|l| match l {
            Listing::Ready { record, .. } => Some(record.name.clone()),
            Listing::Broken { .. } => None,
        })
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.contains(&"Dana Edited".to_string()), "{names:?}");
    let mine = names
        .iter()
        .find(|n| n.starts_with("Dana ("))
        .unwrap_or_else(|| panic!("the answers saved beside it: {names:?}"));
    assert!(said.contains("was changed by another program"), "{said}");
    assert!(said.contains(mine.as_str()), "{said}");
}

#[test]
fn stale_temporary_files_are_removed_and_live_ones_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    store::save(&dir.path().join("a.yaml"), &record("A")).expect("save");
    let long_ago = SystemTime::now() - Duration::from_secs(3600);
    let stale = dir.path().join(".kzvisa-stale1.tmp");
    let fresh = dir.path().join(".kzvisa-fresh1.tmp");
    let held = dir.path().join(".kzvisa-held01.tmp");
    for path in [&stale, &fresh, &held] {
        std::fs::write(path, "passport: 2031-03-31\n").expect("write");
    }
    let target = precious(dir.path());
    let link = dir.path().join(".kzvisa-link01.tmp");
    symlink(&target, &link).expect("link");
    for path in [&stale, &held] {
        crate::common::written_at(path, long_ago);
    }
    // Another kzvisa writing it now holds its lock.
    let writing = std::fs::File::open(&held).expect("open");
    writing.try_lock().expect("lock");
    let output = kzvisa(dir.path(), &["list"], "");
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    assert!(!stale.exists(), "a leftover of a killed kzvisa stays");
    assert!(fresh.exists(), "a file being written now was removed");
    assert!(held.exists(), "a file another kzvisa holds was removed");
    assert!(
        link.exists() && target.exists(),
        "a link was followed or removed"
    );
}

#[test]
fn a_folder_that_cannot_be_read_is_said_so_not_taken_for_empty() {
    let dir = tempfile::tempdir().expect("temp dir");
    let not_a_folder = dir.path().join("applications");
    std::fs::write(&not_a_folder, "x").expect("file");
    for args in [&["list"][..], &["check"], &["resume", "--plain"]] {
        let output = kzvisa(&not_a_folder, args, "");
        assert_eq!(status(&output), 2, "{args:?}: {}", stdout(&output));
        assert!(
            !stdout(&output).contains("No applications are saved"),
            "{args:?}: {}",
            stdout(&output)
        );
        assert!(
            stderr(&output).contains("applications"),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

/// Permission denied is a real fault only for another user: root reads every folder. Needs
/// root (to hand the folder to nobody) and `setpriv` from util-linux.
#[test]
fn a_folder_without_read_permission_is_said_so() {
    assert!(
        rustix::process::geteuid().is_root(),
        "this test needs root, to run kzvisa as another user"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let folder = dir.path().join("applications");
    store::save(&folder.join("a.yaml"), &record("A")).expect("save");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o311)).expect("chmod");
    let output = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(env!("CARGO_BIN_EXE_kzvisa"))
        .arg("--data-dir")
        .arg(&folder)
        .args(["list", "--lang", "en"])
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .output()
        .expect("setpriv is needed for this test");
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{said}");
    assert!(said.contains("applications: permission denied"), "{said}");
}

#[test]
fn files_built_to_hang_the_parser_are_refused_before_parsing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let nested = dir.path().join("nested.yaml");
    let depth = 40_000;
    std::fs::write(
        &nested,
        format!(
            "schema: 2\nname: {}{}\n",
            "[".repeat(depth),
            "]".repeat(depth)
        ),
    )
    .expect("write");
    let large = dir.path().join("large.yaml");
    let padding = "# padding\n".repeat(30_000);
    std::fs::write(&large, format!("{padding}schema: 2\nname: Large\n")).expect("write");
    for path in [&nested, &large] {
        assert!(
            matches!(store::load(path), Err(Error::Invalid { .. })),
            "{}",
            path.display()
        );
    }
    let output = kzvisa(dir.path(), &["list"], "");
    assert_eq!(status(&output), 0);
    let listed = stdout(&output);
    assert_eq!(
        listed.matches("is not a kzvisa application file").count(),
        2,
        "{listed}"
    );
}

#[test]
fn an_unknown_key_is_named_with_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.yaml");
    store::save(&path, &record("A")).expect("save");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replace("name: A", "name: A\nnickname: Ann")).expect("write");
    let output = kzvisa(dir.path(), &["list"], "");
    let listed = stdout(&output);
    assert!(
        listed.contains("line 3: kzvisa does not know the key \"nickname\""),
        "{listed}"
    );
    assert!(!listed.contains("damaged"), "{listed}");
}

#[test]
fn kzvisa_keeps_its_folders_and_files_private_whatever_was_there_or_the_umask() {
    let home = tempfile::tempdir().expect("temp dir");
    let data = home.path().join("data");
    let own = data.join("kzvisa");
    let applications = own.join("applications");
    std::fs::create_dir_all(&applications).expect("dirs");
    std::fs::set_permissions(&own, std::fs::Permissions::from_mode(0o1777)).expect("chmod");
    std::fs::set_permissions(&applications, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let path = applications.join("a.yaml");
    store::save(&path, &record("A")).expect("save");
    // A copy made by hand, readable by all: its backup must not be.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let config = home.path().join("config");
    let script = format!(
        "umask 000; printf 'quit\\n' | '{}' resume A --plain",
        env!("CARGO_BIN_EXE_kzvisa")
    );
    let output = Command::new("sh")
        .args(["-c", &script])
        .env("XDG_DATA_HOME", &data)
        .env("XDG_CONFIG_HOME", &config)
        .output()
        .expect("sh");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(mode(&own), 0o700);
    assert_eq!(mode(&applications), 0o700);
    // The first change saves, and keeps a backup.
    let script = format!(
        "umask 000; printf '\\nquit\\n' | '{}' resume A --plain",
        env!("CARGO_BIN_EXE_kzvisa")
    );
    Command::new("sh")
        .args(["-c", &script])
        .env("XDG_DATA_HOME", &data)
        .env("XDG_CONFIG_HOME", &config)
        .output()
        .expect("sh");
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&store::backup_path(&path)), 0o600);
    // The settings, under umask 000.
    let settings = config.join("kzvisa").join("settings.yaml");
    let chosen = kzvisa::settings::Settings {
        language: Some(kzvisa::lang::Lang::Kk),
    };
    kzvisa::settings::write(&settings, &chosen).expect("write settings");
    assert_eq!(mode(&config.join("kzvisa")), 0o700);
    assert_eq!(mode(&settings), 0o600);
}

/// A full disk, for real: a small tmpfs, filled. Needs root (to mount it) and `mount`.
#[test]
fn a_full_disk_leaves_the_file_and_its_backup_whole() {
    assert!(
        rustix::process::geteuid().is_root(),
        "this test needs root, to mount a small tmpfs"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs"])
        .arg(dir.path())
        .status()
        .expect("mount is needed for this test");
    assert!(mounted.success(), "mounting a tmpfs failed");
    struct Unmount<'a>(&'a Path);
    impl Drop for Unmount<'_> {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(self.0).status();
        }
    }
    let _unmount = Unmount(dir.path());
    let path = dir.path().join("a.yaml");
    let mut first = record("First");
    first.application.submission.fee_amount = "x".repeat(20_000);
    store::save(&path, &first).expect("save");
    let mut second = first.clone();
    second.name = "Second".into();
    store::save(&path, &second).expect("save again");
    // Fill the disk, leaving less room than one more file.
    let filler = dir.path().join("filler");
    let mut file = std::fs::File::create(&filler).expect("filler");
    let block = vec![0u8; 4096];
    while file.write_all(&block).is_ok() {}
    while file.write_all(&block[..1]).is_ok() {}
    drop(file);
    let mut third = second.clone();
    third.name = "Third".into();
    let error = store::save(&path, &third).expect_err("the disk is full");
    assert!(
        matches!(
            error,
            Error::Io {
                kind: std::io::ErrorKind::StorageFull,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(store::load(&path).expect("the file loads"), second);
    assert_eq!(
        store::load(&store::backup_path(&path)).expect("the backup loads"),
        first
    );
    let leftovers = std::fs::read_dir(dir.path())
        .expect("read")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    assert_eq!(leftovers, 0, "temporary files left on the full disk");
}

/// The full screen says why an application is read-only: a link, a write-protected file, or
/// another kzvisa; and nothing typed there is kept.
#[test]
fn the_full_screen_says_why_an_application_is_read_only() {
    use kzvisa::app::{App, Effect, Msg};
    let content = crate::common::content();
    for (why, says) in [
        (ReadOnly::Link, content.ui.saving.read_only_link.clone()),
        (
            ReadOnly::Protected,
            content.ui.saving.read_only_protected.clone(),
        ),
        (ReadOnly::Locked, content.ui.saving.read_only.clone()),
    ] {
        let mut app = App::new(
            content.clone(),
            kzvisa::wizard::Application::default(),
            kzvisa::theme::Theme::PLAIN,
        );
        app.update(Msg::Opened {
            name: "Shared".into(),
            application: Box::default(),
            read_only: Some(why),
            from_file: false,
        });
        let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 30))
            .expect("a test terminal");
        terminal
            .draw(|frame| kzvisa::ui::view(&app, frame))
            .expect("drawn");
        let screen: String = terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|cell| cell.symbol())
            .collect();
        let start: String = says
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            screen
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains(&start),
            "{why:?}: the screen does not say {start:?}"
        );
        press_answer(&mut app);
        assert_eq!(app.application.route, None, "{why:?}: an answer was kept");
    }

    fn press_answer(app: &mut App) {
        app.update(Msg::Confirm);
        assert_eq!(app.update(Msg::Choose(2)), Effect::None);
    }
}
