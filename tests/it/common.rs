//! What the flow and screen tests share: an app on the embedded content, and keys written the
//! way the keyboard contract reads them.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use kzvisa::app::{App, Effect};
use kzvisa::content::Content;
use kzvisa::error::Error;
use kzvisa::keymap;
use kzvisa::lang::Lang;
use kzvisa::store::Listing;
use kzvisa::ui::theme::Theme;
use kzvisa::wizard::Application;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Dates a file as written `seconds_ago`: the start screen and `list` go newest written first.
pub fn written_ago(path: &Path, seconds_ago: u64) {
    written_at(path, SystemTime::now() - Duration::from_secs(seconds_ago));
}

/// Dates a file as last written at `when`: files dated from one instant tie exactly.
pub fn written_at(path: &Path, when: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|file| file.set_modified(when))
        .unwrap_or_else(|e| panic!("cannot date {}: {e}", path.display()));
}

pub fn content() -> Arc<Content> {
    content_in(Lang::En)
}

pub fn content_in(lang: Lang) -> Arc<Content> {
    Arc::new(Content::embedded(lang).expect("the embedded content loads"))
}

/// A fresh app on the welcome screen, without colours so screens are the same everywhere.
pub fn app() -> App {
    App::new(content(), Application::default(), Theme::PLAIN)
}

/// Keys as tests write them: tokens split on whitespace; `<Name>` is one named key (`<Enter>`,
/// `<Space>`, `<C-c>`…), any other token is typed character by character.
pub fn keys(spec: &str) -> Vec<KeyEvent> {
    let mut keys = Vec::new();
    for token in spec.split_whitespace() {
        match token.strip_prefix('<').and_then(|t| t.strip_suffix('>')) {
            Some(name) if !name.is_empty() => keys.push(named(name)),
            _ => keys.extend(token.chars().map(typed)),
        }
    }
    keys
}

/// A character as a terminal reports it: capitals come with Shift.
fn typed(c: char) -> KeyEvent {
    let modifiers = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(KeyCode::Char(c), modifiers)
}

fn named(name: &str) -> KeyEvent {
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    match name {
        "Enter" => plain(KeyCode::Enter),
        "Esc" => plain(KeyCode::Esc),
        "Space" => plain(KeyCode::Char(' ')),
        "Tab" => plain(KeyCode::Tab),
        // Terminals report Shift+Tab as BackTab with Shift held.
        "BackTab" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        "Up" => plain(KeyCode::Up),
        "Down" => plain(KeyCode::Down),
        "Left" => plain(KeyCode::Left),
        "Right" => plain(KeyCode::Right),
        "Home" => plain(KeyCode::Home),
        "End" => plain(KeyCode::End),
        "Bs" => plain(KeyCode::Backspace),
        "PgUp" => plain(KeyCode::PageUp),
        "PgDn" => plain(KeyCode::PageDown),
        "Del" => plain(KeyCode::Delete),
        "F1" => plain(KeyCode::F(1)),
        "F2" => plain(KeyCode::F(2)),
        "F3" => plain(KeyCode::F(3)),
        "F4" => plain(KeyCode::F(4)),
        "C-Bs" => KeyEvent::new(KeyCode::Backspace, KeyModifiers::CONTROL),
        ctrl if ctrl.len() == 3 && ctrl.starts_with("C-") => {
            let letter = ctrl.chars().last().expect("a letter after C-");
            KeyEvent::new(KeyCode::Char(letter), KeyModifiers::CONTROL)
        }
        other => panic!("no key named <{other}> in the test helper"),
    }
}

/// Presses the keys one by one as the shell would: keymap for the current mode, then update.
/// Returns the effect of every key that meant something; keys that meant nothing add none.
pub fn press(app: &mut App, spec: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for key in keys(spec) {
        if let Some(msg) = keymap::message(app, key) {
            effects.push(app.update(msg));
        }
    }
    effects
}

/// An app driven by keys from the welcome screen.
pub fn app_after(spec: &str) -> App {
    let mut app = app();
    press(&mut app, spec);
    app
}

/// Keys from the welcome screen to the documents: the work visa route, every criterion met.
pub const TO_DOCUMENTS: &str = "<Enter> 3 y y y y <Enter> <Enter>";
/// On to the passport check, every document and point ticked.
pub const TICK_ALL_DOCUMENTS: &str = "<Space> <Down> <Space> <Right> <Down> <Space> <Down> <Space> \
     <Down> <Space> <Down> <Space> <Right> <Down> <Space> <Down> <Space> <Down> <Space>";
/// From the welcome screen to the passport check, every criterion met, nothing ticked.
pub const TO_PASSPORT: &str = "<Enter> 3 y y y y <Enter> <Enter> <Enter>";
/// From the welcome screen to the submission, every criterion met, nothing else done.
pub const TO_SUBMISSION: &str = "<Enter> 3 y y y y <Enter> <Enter> <Enter> <Enter> <Enter> <Enter>";
/// From the documents to the review without ticking or typing anything (the last Enter leaves
/// "Your dates" empty).
pub const SKIP_TO_REVIEW: &str = "<Enter> <Enter> <Enter> <Enter> <Enter> <Enter>";

/// Everything answered, ticked and typed (the employer's permit and invitation too), the
/// interview attended: the review has nothing left.
pub fn completed() -> App {
    app_after(&format!(
        "<Enter> 3 y y y y <Enter> <Space> <Down> 2026-01-10 <Down> <Space> <Down> INV-7 <Enter> \
         {TICK_ALL_DOCUMENTS} <Enter> \
         2031-03-31 <Enter> 2030-09-30 <Enter> <Enter> \
         <Space> <Down> <Space> <Down> 80 <Space> USD <Down> 2030-01-15 \
         <Down> <Right> <Right> <Down> 2030-02-01 <Enter> <Enter>"
    ))
}

/// `/apps/broken.yaml`, listed as unreadable: a syntax error at `line`, column 1.
pub fn broken_listing(line: usize) -> Listing {
    let path = PathBuf::from("/apps/broken.yaml");
    Listing::Broken {
        error: Error::Syntax {
            path: path.clone(),
            line,
            column: 1,
            message: "did not find expected ']'".into(),
        },
        path,
    }
}

/// A data folder no save can write in, for real: a read-only tmpfs mounted on it where
/// permissions stop no one (tests run as root), else its write permission taken away. It can be
/// read, and listed as empty. Unmounted when dropped.
pub struct Unwritable {
    pub path: PathBuf,
    mounted: bool,
}

impl Unwritable {
    pub fn new(path: PathBuf) -> Self {
        use std::os::unix::fs::PermissionsExt;
        std::fs::create_dir_all(&path).expect("folder");
        let root = rustix::process::geteuid().is_root();
        if root {
            let mounted = std::process::Command::new("mount")
                .args(["-t", "tmpfs", "-o", "ro,size=64k", "tmpfs"])
                .arg(&path)
                .status()
                .expect("mount is needed to make a read-only folder as root");
            assert!(mounted.success(), "mounting a read-only tmpfs failed");
        } else {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o500)).expect("chmod");
        }
        Unwritable {
            path,
            mounted: root,
        }
    }

    /// Lets saves in again, as a person who fixed the problem would.
    pub fn repair(&self) {
        use std::os::unix::fs::PermissionsExt;
        if self.mounted {
            let remounted = std::process::Command::new("mount")
                .args(["-o", "remount,rw"])
                .arg(&self.path)
                .status()
                .expect("mount");
            assert!(remounted.success(), "remounting read-write failed");
        } else {
            std::fs::set_permissions(&self.path, std::fs::Permissions::from_mode(0o700))
                .expect("chmod");
        }
    }
}

impl Drop for Unwritable {
    fn drop(&mut self) {
        if self.mounted {
            let _ = std::process::Command::new("umount")
                .arg(&self.path)
                .status();
        }
    }
}
