//! The real binary in a pseudo-terminal, its screen read through a terminal emulator, as a person
//! would see it. No fixed sleeps: every step waits for text on the screen, with a timeout.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(10);

pub const ENTER: &str = "\r";
pub const ESC: &str = "\x1b";
pub const TAB: &str = "\t";
pub const DOWN: &str = "\x1b[B";
pub const RIGHT: &str = "\x1b[C";
pub const F1: &str = "\x1bOP";
pub const CTRL_C: &str = "\x03";

/// A running kzvisa in a pseudo-terminal.
pub struct Term {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Everything the program wrote, to check what it does when it leaves.
    raw: Arc<Mutex<Vec<u8>>>,
    /// Whether a frame has begun (synchronized output) and not yet ended. Set while the parser
    /// is locked, so that a screen read under that lock and this flag agree.
    mid_frame: Arc<std::sync::atomic::AtomicBool>,
}

const FRAME_BEGINS: &[u8] = b"\x1b[?2026h";
const FRAME_ENDS: &[u8] = b"\x1b[?2026l";

/// Whether the output leaves a frame open: its last frame marker begins one. `None` if it holds
/// no marker.
fn leaves_a_frame_open(bytes: &[u8]) -> Option<bool> {
    let last = |marker: &[u8]| bytes.windows(marker.len()).rposition(|w| w == marker);
    match (last(FRAME_BEGINS), last(FRAME_ENDS)) {
        (None, None) => None,
        (begins, ends) => Some(begins > ends),
    }
}

/// Runs kzvisa with `args` on its own data folder, then `stty -a` in the same terminal, so a test
/// can see whether the terminal was restored.
pub fn spawn(data: &Path, args: &[&str], cols: u16, rows: u16) -> Term {
    spawn_with_env(data, args, cols, rows, &[])
}

pub fn spawn_with_env(
    data: &Path,
    args: &[&str],
    cols: u16,
    rows: u16,
    env: &[(&str, &str)],
) -> Term {
    let mut line = format!("exec_kzvisa() {{ {}", kzvisa_command(args));
    line.push_str("; echo \"exit=$?\"; }; exec_kzvisa; stty -a; sleep 2");
    spawn_script(data, &line, cols, rows, env, &[])
}

/// The shell's words for running kzvisa with `args` on the test's data folder.
fn kzvisa_command(args: &[&str]) -> String {
    let mut line = format!("'{}'", env!("CARGO_BIN_EXE_kzvisa"));
    line.push_str(" --data-dir \"$KZVISA_TEST_DATA\"");
    for arg in args {
        line.push_str(&format!(" '{arg}'"));
    }
    line
}

/// Runs a shell script in a pseudo-terminal, with `env` set and `unset` removed from the
/// environment.
fn spawn_script(
    data: &Path,
    script: &str,
    cols: u16,
    rows: u16,
    env: &[(&str, &str)],
    unset: &[&str],
) -> Term {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut command = CommandBuilder::new("sh");
    command.args(["-c", script]);
    command.env("KZVISA_TEST_DATA", data.join("applications"));
    command.env("TERM", "xterm-256color");
    command.env_remove("NO_COLOR");
    // English unless a test asks otherwise, and the remembered language kept in the test's folder.
    for name in kzvisa::lang::LOCALE_VARIABLES {
        command.env_remove(name);
    }
    // A UTF-8 terminal (the symbols are ASCII without one), still speaking English.
    command.env("LC_CTYPE", "C.UTF-8");
    command.env("XDG_CONFIG_HOME", data.join("config"));
    for (key, value) in env {
        command.env(key, value);
    }
    for name in unset {
        command.env_remove(name);
    }
    command.cwd(data);
    let child = pair.slave.spawn_command(command).expect("spawn kzvisa");
    drop(pair.slave);
    let parser = Arc::new(Mutex::new(vt100::Parser::new(
        nonzero(rows),
        nonzero(cols),
        0,
    )));
    let raw = Arc::new(Mutex::new(Vec::new()));
    let mut reader = pair.master.try_clone_reader().expect("pty reader");
    let mid_frame = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (feed, log, framing) = (
        Arc::clone(&parser),
        Arc::clone(&raw),
        Arc::clone(&mid_frame),
    );
    std::thread::spawn(move || {
        let mut buffer = [0u8; 4096];
        // The last bytes of the previous read, for a marker split between two reads.
        let mut tail: Vec<u8> = Vec::new();
        while let Ok(n) = reader.read(&mut buffer) {
            if n == 0 {
                break;
            }
            tail.extend_from_slice(&buffer[..n]);
            if let Ok(mut parser) = feed.lock() {
                parser.process(&buffer[..n]);
                if let Some(open) = leaves_a_frame_open(&tail) {
                    framing.store(open, std::sync::atomic::Ordering::SeqCst);
                }
            }
            let keep = tail.len().saturating_sub(FRAME_BEGINS.len() - 1);
            tail.drain(..keep);
            if let Ok(mut log) = log.lock() {
                log.extend_from_slice(&buffer[..n]);
            }
        }
    });
    let writer = pair.master.take_writer().expect("pty writer");
    Term {
        master: pair.master,
        writer,
        child,
        parser,
        raw,
        mid_frame,
    }
}

impl Term {
    /// The screen, and whether it is whole: no frame is half drawn on it.
    fn whole_screen(&self) -> (String, bool) {
        let parser = self.parser.lock().expect("parser");
        let whole = !self.mid_frame.load(std::sync::atomic::Ordering::SeqCst);
        // Dates are joined by no-break spaces; a person sees spaces.
        let screen = parser.screen().contents().replace('\u{a0}', " ");
        (screen, whole)
    }

    /// Waits until the screen shows `text`; fails the test with the screen if it never does.
    pub fn wait_for(&self, text: &str) -> String {
        let text = &text.replace('\u{a0}', " ");
        let start = Instant::now();
        loop {
            // A frame larger than a write arrives in pieces: the text may show before the rest
            // of its frame does.
            let (screen, whole) = self.whole_screen();
            if whole && screen.contains(text) {
                return screen;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {text:?}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits, without sleeping, until kzvisa has written `text`, however little else.
    pub fn wait_for_output(&self, text: &str) {
        let start = Instant::now();
        while !String::from_utf8_lossy(&self.raw.lock().expect("raw")).contains(text) {
            assert!(start.elapsed() < TIMEOUT, "kzvisa never wrote {text:?}");
            std::thread::yield_now();
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    /// Sends a key and waits for the screen to show `text`.
    pub fn press(&mut self, keys: &str, text: &str) -> String {
        self.send(keys);
        self.wait_for(text)
    }

    /// Resizes the emulated screen, then the terminal: the full frame kzvisa draws once it learns
    /// the new size is read at that size. (The other way round, a quick redraw could be read at
    /// the old size, cut and wrapped there; the test saw a garbled screen kzvisa never drew.)
    pub fn resize(&self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .expect("parser")
            .set_size(nonzero(rows), nonzero(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
    }

    /// The process id of the shell that runs kzvisa, whose child kzvisa is.
    pub fn kzvisa_pid(&self) -> u32 {
        let shell = self.child.process_id().expect("pid");
        let start = Instant::now();
        loop {
            let out = std::process::Command::new("pgrep")
                .args(["-P", &shell.to_string(), "kzvisa"])
                .output()
                .expect("pgrep");
            if let Some(pid) = String::from_utf8_lossy(&out.stdout)
                .lines()
                .next()
                .and_then(|l| l.trim().parse().ok())
            {
                return pid;
            }
            assert!(start.elapsed() < TIMEOUT, "kzvisa did not start");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// After kzvisa ends: it left the alternate screen, showed the cursor, and raw mode is off.
    pub fn assert_restored(&self) -> String {
        let screen = self.wait_for("speed");
        let screen = self.wait_for(if screen.contains("icanon") {
            "icanon"
        } else {
            "echo"
        });
        assert!(
            !screen.contains("-icanon") && !screen.contains("-echo "),
            "raw mode is still on:\n{screen}"
        );
        self.assert_left_the_screen();
        screen
    }

    /// The program left the alternate screen after it last entered it, and showed the cursor.
    pub fn assert_left_the_screen(&self) {
        let raw = self.raw.lock().expect("raw").clone();
        let text = String::from_utf8_lossy(&raw);
        let entered = text
            .rfind("\x1b[?1049h")
            .expect("entered the alternate screen");
        let left = text
            .rfind("\x1b[?1049l")
            .expect("left the alternate screen");
        assert!(left > entered, "the alternate screen was not left last");
        assert!(
            text[entered..].contains("\x1b[?25h"),
            "the cursor was not shown again"
        );
    }
}

/// Whether a process has ended (gone, or a zombie nobody reaped yet).
fn ended(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|stat| {
            stat.rsplit(')')
                .next()
                .is_some_and(|s| s.trim_start().starts_with('Z'))
        })
        .unwrap_or(true)
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal size is never zero")
}

pub fn data_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn applications(data: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(data.join("applications"))
        .map(|dir| {
            dir.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn saved(data: &Path) -> String {
    let files = applications(data);
    assert_eq!(files.len(), 1, "one application file expected: {files:?}");
    std::fs::read_to_string(&files[0]).expect("read the application")
}

/// A fresh kzvisa at 100x30 on its own data folder, on the welcome screen.
fn at_welcome(data: &Path) -> Term {
    let term = spawn(data, &[], 100, 30);
    term.wait_for("not legal advice");
    term
}

/// From the welcome screen to the passport check, with part of an expiry date typed.
fn typing_expiry(term: &mut Term) {
    through_eligibility(term);
    term.press(ENTER, "Passport expiry date");
    term.press("2031-0", "2031-0");
}

/// Answers the eligibility questions and reaches the documents.
fn through_eligibility(term: &mut Term) {
    term.press(ENTER, "Which of these fits you?");
    term.press("3", "Question 1 of 4");
    term.press("y", "Question 2 of 4");
    term.press("y", "Question 3 of 4");
    term.press("n", "Question 4 of 4");
    term.press("y", "Eligibility result");
    term.press(ENTER, "My employer has obtained the work permit");
    term.press(ENTER, "Reference letters");
}

#[test]
fn the_whole_wizard_from_welcome_to_review() {
    let data = data_dir();
    let mut term = at_welcome(data.path());
    through_eligibility(&mut term);
    term.press(" ", "[x] Valid passport");
    term.press(DOWN, "› ▸ [ ] Employment contract");
    term.press(RIGHT, "Your salary");
    term.press(DOWN, "›     [ ] Your salary");
    term.press(" ", "›     [x] Your salary");
    term.press(ENTER, "Passport expiry date");
    term.press("2029-02-27", "2029-02-27");
    term.press(TAB, "Intended end of stay");
    term.press("2028-08-31", "must be valid until: 28 February 2029");
    term.press(ENTER, "Press Enter to continue");
    term.press(ENTER, "Complete the visa application form");
    term.press(" ", "[x] Complete the visa application form");
    term.press(ENTER, "First working day in Kazakhstan");
    let review = term.press(ENTER, "What blocks your application");
    assert!(review.contains("Medical examination"), "{review}");
    assert!(review.contains("27 February 2029"), "{review}");
    assert!(review.contains("Next actions"), "{review}");
    term.send("q");
    term.assert_restored();
    assert!(saved(data.path()).contains("step: review"));
}

#[test]
fn quit_and_resume_at_the_same_step_with_the_same_answers() {
    let data = data_dir();
    let mut term = at_welcome(data.path());
    through_eligibility(&mut term);
    term.press(" ", "[x] Valid passport");
    term.press(DOWN, "› ▸ [ ] Employment contract");
    term.send("q");
    let after = term.assert_restored();
    // As the line wizard does, the full screen says on leaving where the answers are.
    assert!(after.contains("Your progress is saved in"), "{after}");
    drop(term);

    let mut term = spawn(data.path(), &[], 100, 30);
    // The row shows its file name until it is read, then its name and step.
    term.wait_for("My application  Documents");
    let screen = term.press(ENTER, "Reference letters");
    assert!(screen.contains("[x] Valid passport"), "{screen}");
    assert!(screen.contains("› ▸ [ ] Employment contract"), "{screen}");
}

#[test]
fn the_faq_from_a_text_field_returns_to_the_field_with_its_text() {
    let data = data_dir();
    let mut term = at_welcome(data.path());
    typing_expiry(&mut term);
    term.press(F1, "Frequently asked questions");
    term.press("/", "Filter:");
    let filtered = term.press("family", "1 of 5 questions");
    assert!(filtered.contains("Can I bring my family"), "{filtered}");
    term.press(ESC, "5 of 5 questions");
    term.press(ESC, "Passport expiry date");
    let screen = term.press("3-31", "2031-03-31");
    assert!(screen.contains("Passport check"), "{screen}");
}

#[test]
fn ctrl_c_while_typing_a_date_keeps_what_was_typed() {
    let data = data_dir();
    let mut term = at_welcome(data.path());
    typing_expiry(&mut term);
    term.send(CTRL_C);
    term.assert_restored();
    assert!(saved(data.path()).contains("expiry: 2031-0"));
}

fn signal_ends_cleanly(signal: &str) {
    let data = data_dir();
    let mut term = at_welcome(data.path());
    term.press(ENTER, "Which of these fits you?");
    term.press("3", "Question 1 of 4");
    term.press("y", "Question 2 of 4");
    let pid = term.kzvisa_pid();
    let status = std::process::Command::new("kill")
        .args([signal, &pid.to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let screen = term.assert_restored();
    assert!(screen.contains("exit=0"), "{screen}");
    assert!(saved(data.path()).contains("job_offer: true"));
}

#[test]
fn sigterm_ends_cleanly() {
    signal_ends_cleanly("-TERM");
}

#[test]
fn sighup_ends_cleanly() {
    signal_ends_cleanly("-HUP");
}

#[test]
fn works_with_common_terminals_and_no_color() {
    for term_name in ["xterm-256color", "xterm", "screen", "linux"] {
        for no_color in [None, Some("1")] {
            let data = data_dir();
            let mut env = vec![("TERM", term_name)];
            if let Some(value) = no_color {
                env.push(("NO_COLOR", value));
            }
            let mut term = spawn_with_env(data.path(), &[], 100, 30, &env);
            term.wait_for("not legal advice");
            term.press(ENTER, "Which of these fits you?");
            term.press("3", "Question 1 of 4");
            term.press("y", "Question 2 of 4");
            let raw = term.raw.lock().expect("raw").clone();
            let colours = String::from_utf8_lossy(&raw).contains("\x1b[38;5;");
            assert_eq!(
                colours,
                no_color.is_none(),
                "TERM={term_name} NO_COLOR={no_color:?}: colours drawn: {colours}"
            );
            term.send("q");
            term.assert_restored();
            assert!(
                saved(data.path()).contains("job_offer: true"),
                "TERM={term_name}"
            );
        }
    }
}

#[test]
fn a_panic_restores_the_terminal_and_says_where_progress_is() {
    let data = data_dir();
    let mut term = spawn_with_env(data.path(), &[], 100, 30, &[("KZVISA_TEST_PANIC_KEY", "%")]);
    term.wait_for("not legal advice");
    term.press(ENTER, "Which of these fits you?");
    term.press("3", "Question 1 of 4");
    term.press("y", "Question 2 of 4");
    term.send("%");
    let screen = term.assert_restored();
    let folder = data.path().join("applications");
    assert!(
        screen.contains("Your progress is saved in"),
        "no message after the panic:\n{screen}"
    );
    assert!(screen.contains("exit=101"), "{screen}");
    let unwrapped: String = screen.lines().map(str::trim_end).collect();
    assert!(
        unwrapped.contains(&folder.display().to_string()),
        "{screen}"
    );
    assert!(saved(data.path()).contains("job_offer: true"));
}

/// A window closed under kzvisa: the terminal's master side goes away for good. portable-pty's
/// reader keeps a copy of the master open, so this test closes a real terminal: a private tmux
/// server, killed.
#[test]
fn closing_the_terminal_ends_kzvisa_and_keeps_the_answers() {
    use std::process::Command;
    let data = data_dir();
    let socket = format!("kzvisa-test-{}", std::process::id());
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .arg("-L")
            .arg(&socket)
            .args(args)
            .output()
    };
    let command = format!(
        "'{}' --data-dir '{}'",
        env!("CARGO_BIN_EXE_kzvisa"),
        data.path().join("applications").display()
    );
    match tmux(&["new-session", "-d", "-x", "100", "-y", "30", &command]) {
        Ok(out) if out.status.success() => {}
        _ => {
            eprintln!("skipped: tmux is not installed here");
            return;
        }
    }
    let screen = || {
        tmux(&["capture-pane", "-p"])
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default()
    };
    let wait_for = |text: &str| {
        let start = Instant::now();
        while !screen().contains(text) {
            assert!(start.elapsed() < TIMEOUT, "no {text:?} on:\n{}", screen());
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    wait_for("not legal advice");
    tmux(&["send-keys", "Enter"]).expect("keys");
    wait_for("Which of these fits you?");
    tmux(&["send-keys", "3"]).expect("keys");
    wait_for("Question 1 of 4");
    tmux(&["send-keys", "y"]).expect("keys");
    wait_for("Question 2 of 4");
    let pid: u32 = tmux(&["list-panes", "-F", "#{pane_pid}"])
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .expect("pane pid");
    tmux(&["kill-server"]).expect("kill tmux");
    let start = Instant::now();
    while !ended(pid) {
        if start.elapsed() > TIMEOUT {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("kzvisa {pid} still ran after its terminal was closed");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(saved(data.path()).contains("job_offer: true"));
}

#[test]
fn a_resize_to_60x15_and_back_redraws() {
    let data = data_dir();
    let mut term = at_welcome(data.path());
    through_eligibility(&mut term);
    term.resize(60, 15);
    let small = term.wait_for("Step 6 of 10");
    assert!(small.contains("Valid passport"), "{small}");
    term.resize(100, 30);
    let big = term.wait_for("Reference letters");
    assert!(big.contains("Step 6 of 10"), "{big}");
}

#[test]
fn below_the_minimum_size_it_says_so() {
    let data = data_dir();
    let mut term = at_welcome(data.path());
    too_small_and_back_then_quit(&mut term);
}

/// From the welcome screen at 100x30: below the minimum size, back, and out.
fn too_small_and_back_then_quit(term: &mut Term) {
    term.resize(30, 8);
    term.wait_for("Terminal too small");
    term.resize(100, 30);
    term.wait_for("not legal advice");
    term.send("q");
    term.assert_restored();
}

/// A resize while the first frame is written, before kzvisa listens for resizes: the frame that
/// was laid out at the old size is drawn again at the new one. (The size of the frame drawn was
/// once read after writing it, so such a resize passed for drawn and the screen stayed garbled.)
#[test]
fn a_resize_while_the_first_frame_is_written_is_caught() {
    for _ in 0..5 {
        let data = data_dir();
        let mut term = spawn(data.path(), &[], 100, 30);
        // The frame goes out in pieces (standard output is buffered by the kilobyte): resize as
        // soon as its first piece arrives.
        term.wait_for_output("kzvisa");
        too_small_and_back_then_quit(&mut term);
    }
}

#[test]
fn the_start_screen_lists_a_corrupt_file_beside_good_ones() {
    let data = data_dir();
    let folder = data.path().join("applications");
    std::fs::create_dir_all(&folder).expect("folder");
    let good = "schema: 1\nname: Good one\ncreated: 2026-01-01T00:00:00Z\n\
                updated: 2026-01-02T00:00:00Z\napplication:\n  place:\n    step: documents\n    document: 0\n";
    std::fs::write(folder.join("good.yaml"), good).expect("write");
    let broken = "schema: 1\nname: [broken\n";
    std::fs::write(folder.join("broken.yaml"), broken).expect("write");
    crate::common::written_ago(&folder.join("broken.yaml"), 60);
    let mut term = spawn(data.path(), &[], 100, 30);
    let screen = term.wait_for("cannot be read");
    assert!(screen.contains("Good one"), "{screen}");
    assert!(screen.contains("broken.yaml, line 3, column 1"), "{screen}");
    term.press(ENTER, "Reference letters");
    term.send("q");
    term.assert_restored();
    assert_eq!(
        std::fs::read_to_string(folder.join("broken.yaml")).expect("read"),
        broken
    );
}

/// The start screen of a large folder shows before the folder is read, lists it newest first,
/// and takes keys while it is read.
#[test]
fn a_folder_of_many_applications_is_listed_newest_first_and_keys_work_at_once() {
    let data = data_dir();
    let folder = data.path().join("applications");
    std::fs::create_dir_all(&folder).expect("folder");
    for i in 0..300u64 {
        let path = folder.join(format!("applicant-{i:03}.yaml"));
        let text = format!(
            "schema: 2\nname: Applicant {i}\ncreated: 2026-01-01T00:00:00Z\n\
             updated: 2026-01-02T00:00:00Z\napplication:\n  place:\n    step: documents\n    document: 0\n"
        );
        std::fs::write(&path, text).expect("write");
        crate::common::written_ago(&path, 1000 - i);
    }
    let mut term = spawn(data.path(), &[], 100, 30);
    term.wait_for("Your applications");
    term.send(DOWN);
    term.send(DOWN);
    let screen = term.wait_for("› Applicant 297");
    assert!(screen.contains("Applicant 299  Documents"), "{screen}");
    let opened = term.press(ENTER, "Step 6 of 10");
    assert!(opened.contains("Applicant 297"), "{opened}");
    term.send("q");
    term.assert_restored();
}

/// The start screen keeps the folder's index: it writes one once it has read a folder that
/// had none, and the next start, shown at first in the index's order, ends in the files' own.
/// A file changed since (the oldest, now the newest) comes first with what it says now.
#[test]
fn the_start_screen_writes_the_index_and_never_trusts_its_order_over_the_files() {
    let data = data_dir();
    let folder = data.path().join("applications");
    std::fs::create_dir_all(&folder).expect("folder");
    let text = |name: &str| {
        format!(
            "schema: 2\nname: {name}\ncreated: 2026-01-01T00:00:00Z\n\
             updated: 2026-01-02T00:00:00Z\napplication:\n  place:\n    step: documents\n    document: 0\n"
        )
    };
    for (age, name) in [(300, "Anna"), (200, "Bolat"), (100, "Chen")] {
        let path = folder.join(format!("{}.yaml", name.to_lowercase()));
        std::fs::write(&path, text(name)).expect("write");
        crate::common::written_ago(&path, age);
    }
    let index = folder.join(kzvisa::store::INDEX_FILE);
    let mut term = spawn(data.path(), &[], 100, 30);
    term.wait_for("› Chen");
    term.send("q");
    term.assert_restored();
    assert!(index.is_file(), "the start screen wrote the index");

    std::fs::write(folder.join("anna.yaml"), text("Anna Changed")).expect("write");
    let mut term = spawn(data.path(), &[], 100, 30);
    let screen = term.wait_for("› Anna Changed");
    assert!(screen.contains("Chen"), "{screen}");
    assert!(!screen.contains("Anna  "), "{screen}");
    term.send("q");
    term.assert_restored();
}

#[test]
fn the_notes_open_from_the_documents_and_esc_returns_to_the_same_row() {
    let data = data_dir();
    let mut term = at_welcome(data.path());
    through_eligibility(&mut term);
    term.press(DOWN, "› ▸ [ ] Employment contract");
    let screen = term.press(DOWN, "› ▸ [ ] Educational certificates");
    assert!(screen.contains("• Good to know (5)"), "{screen}");
    assert!(screen.contains("i/F2 notes"), "{screen}");
    let notes = term.press("i", "Checked on 1 December 2026");
    assert!(notes.contains("› Educational certificates"), "{notes}");
    assert!(notes.contains("Apostille Convention"), "{notes}");
    assert!(notes.contains("Source: "), "{notes}");
    let back = term.press(ESC, "› ▸ [ ] Educational certificates");
    assert!(back.contains("Step 6 of 10"), "{back}");
    // F2 works too, and so does closing with it.
    term.press("\x1bOQ", "Confidence:");
    term.press("\x1bOQ", "› ▸ [ ] Educational certificates");
    term.send("q");
    term.assert_restored();
}

/// The state letter of a process in /proc (`T` when stopped), if it still runs.
fn process_state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit(')').next()?.trim_start().chars().next()
}

/// kzvisa under a shell with job control, as a person's shell runs it: in the foreground, in a
/// process group of its own. Once kzvisa stops, the shell says so (`stopped=` and its status),
/// shows the terminal's modes, waits for Enter, clears the screen and brings kzvisa back with
/// `fg`; when kzvisa ends, `exit=` and the modes again.
fn spawn_job(data: &Path) -> Term {
    let script = format!(
        "set -m; {}; echo \"stopped=$?\"; stty -a; read resume; printf '\\033[H\\033[2J'; \
         fg; echo \"exit=$?\"; stty -a; sleep 2",
        kzvisa_command(&[])
    );
    spawn_script(data, &script, 100, 30, &[], &[])
}

/// Stops kzvisa on the second question with `stop`, checks the shell got the terminal back as
/// it was, then continues it with `fg` and checks it is drawn again and takes keys.
fn suspends_and_resumes(stop: impl FnOnce(&mut Term, u32)) {
    let data = data_dir();
    let mut term = spawn_job(data.path());
    term.wait_for("not legal advice");
    term.press(ENTER, "Which of these fits you?");
    term.press("3", "Question 1 of 4");
    term.press("y", "Question 2 of 4");
    let pid = term.kzvisa_pid();
    stop(&mut term, pid);

    term.wait_for("stopped=");
    let screen = term.wait_for("speed");
    // 128 + the signal that stopped it (SIGTSTP or SIGSTOP): stopped, not ended.
    assert!(
        screen.contains("stopped=147") || screen.contains("stopped=148"),
        "the shell did not see kzvisa stop:\n{screen}"
    );
    assert_eq!(process_state(pid), Some('T'), "kzvisa is not stopped");
    let screen = term.wait_for(if screen.contains("icanon") {
        "icanon"
    } else {
        "echo"
    });
    assert!(
        !screen.contains("-icanon") && !screen.contains("-echo "),
        "raw mode is still on while stopped:\n{screen}"
    );
    assert!(
        !screen.contains("Question 2 of 4"),
        "the wizard's screen was left on:\n{screen}"
    );
    term.assert_left_the_screen();
    let raw = term.raw.lock().expect("raw").clone();
    let since = String::from_utf8_lossy(&raw);
    let entered = since
        .rfind("\x1b[?1049h")
        .expect("entered the alternate screen");
    assert!(
        since[entered..].contains("\x1b[?2004l"),
        "bracketed paste is on"
    );

    // `fg`: drawn whole again (the shell cleared the screen), and a key works without Enter.
    term.send(ENTER);
    let back = term.wait_for("Question 2 of 4");
    assert!(back.contains("Step 3 of 10"), "{back}");
    term.press("y", "Question 3 of 4");
    term.send("q");
    let screen = term.assert_restored();
    assert!(screen.contains("exit=0"), "{screen}");
    assert!(saved(data.path()).contains("job_offer: true"));
}

#[test]
fn ctrl_z_suspends_with_the_terminal_restored_and_fg_draws_it_again() {
    suspends_and_resumes(|term, _| term.send("\x1a"));
}

#[test]
fn sigtstp_from_outside_suspends_the_same_way() {
    suspends_and_resumes(|_, pid| {
        let status = std::process::Command::new("kill")
            .args(["-TSTP", &pid.to_string()])
            .status()
            .expect("kill");
        assert!(status.success());
    });
}

/// On a terminal that cannot move its cursor, the questions come line by line, with one line on
/// standard error saying why, in the person's language.
#[test]
fn a_dumb_terminal_or_none_named_gets_the_line_wizard_and_is_told_so() {
    // The environment set, the variables removed, and the line on standard error.
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str], &'a str);
    let cases: [Case; 3] = [
        (
            &[("TERM", "dumb")],
            &[],
            "This terminal cannot show the full screen",
        ),
        (&[], &["TERM"], "This terminal cannot show the full screen"),
        (
            &[("TERM", "dumb"), ("LANG", "ru_RU.UTF-8")],
            &[],
            "Этот терминал не может показать полноэкранный режим",
        ),
    ];
    for (env, unset, notice) in cases {
        let data = data_dir();
        let script = format!(
            "{}; echo \"exit=$?\"; stty -a; sleep 2",
            kzvisa_command(&[])
        );
        let mut term = spawn_script(data.path(), &script, 100, 30, env, unset);
        term.wait_for(notice);
        term.wait_for("[Enter]");
        term.send(ENTER);
        term.wait_for("[1/2/3]");
        // English words work at every prompt, in every language.
        term.send("3\r");
        term.send("quit\r");
        let screen = term.wait_for("exit=0");
        let raw = String::from_utf8_lossy(&term.raw.lock().expect("raw")).into_owned();
        assert_eq!(
            raw.matches(notice).count(),
            1,
            "{env:?} {unset:?}:\n{screen}"
        );
        assert!(
            !raw.contains("\x1b[?1049h"),
            "{env:?} {unset:?}: the full screen was drawn"
        );
        assert!(saved(data.path()).contains("route: work_visa"), "{env:?}");
    }
}

/// SIGTERM after saving failed: on the restored terminal, one more try, and what came of it.
#[test]
fn sigterm_after_a_failed_save_tries_once_more_and_says_how_it_went() {
    for repaired in [false, true] {
        let data = data_dir();
        // A folder no save can write in.
        let folder = crate::common::Unwritable::new(data.path().join("applications"));
        let mut term = at_welcome(data.path());
        term.press(ENTER, "Not saved:");
        term.press("3", "Question 1 of 4");
        // The answer shows before it is saved: once the FAQ shows, that save is over.
        term.press(F1, "Frequently asked questions");
        if repaired {
            folder.repair();
        }
        let pid = term.kzvisa_pid();
        let status = std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .expect("kill");
        assert!(status.success());
        let screen = term.assert_restored();
        assert!(screen.contains("exit=0"), "{screen}");
        if repaired {
            assert!(
                screen.contains("Your last changes are saved in"),
                "{screen}"
            );
            assert!(saved(data.path()).contains("route: work_visa"));
        } else {
            assert!(
                screen.contains("Not saved: your changes since the last successful save"),
                "{screen}"
            );
            assert!(
                std::fs::read_dir(&folder.path)
                    .expect("readable")
                    .next()
                    .is_none(),
                "nothing was written"
            );
        }
    }
}

/// The plan in the real terminal: F4 shows the dated actions of an application's dates, and
/// after a quit and a resume the same plan is there again.
#[test]
fn the_plan_shows_on_f4_and_again_after_a_resume() {
    const F4: &str = "\x1bOS";
    let data = data_dir();
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-01T10:00:00+05:00").expect("a time");
    let mut record = kzvisa::store::Record::new("Planned".into(), now);
    record.application.route = Some(kzvisa::wizard::Route::WorkVisa);
    record.application.dates.planned_entry = "2027-06-01".into();
    record.application.place = kzvisa::wizard::Place::start_of(kzvisa::wizard::Step::Dates);
    let path = data.path().join("applications").join("planned.yaml");
    kzvisa::store::save(&path, &record).expect("saved");
    for _ in 0..2 {
        let mut term = spawn(data.path(), &["resume", "Planned"], 100, 30);
        term.wait_for("Planned");
        let plan = term.press(F4, "Your plan");
        assert!(plan.contains("Enter Kazakhstan"), "{plan}");
        assert!(plan.contains("2027"), "{plan}");
        term.send(ESC);
        term.wait_for("Your dates");
        term.send("\x03");
        term.assert_restored();
    }
    let saved = std::fs::read_to_string(&path).expect("still there");
    assert!(saved.contains("planned_entry: 2027-06-01"), "{saved}");
}

/// Every frame is sent as one synchronized update, begun and ended, so a terminal that knows
/// synchronized output never shows half of one (and the tests here never read half of one).
#[test]
fn every_frame_is_one_synchronized_update() {
    let data = data_dir();
    let mut term = at_welcome(data.path());
    term.press(ENTER, "Which of these fits you?");
    term.press(F1, "Frequently asked questions");
    term.send(CTRL_C);
    term.assert_restored();
    let raw = term.raw.lock().expect("raw").clone();
    let count = |marker: &[u8]| raw.windows(marker.len()).filter(|w| *w == marker).count();
    let (begun, ended) = (count(FRAME_BEGINS), count(FRAME_ENDS));
    assert!(begun >= 3, "three screens, {begun} frames begun");
    assert_eq!(begun, ended, "every frame begun is ended");
    assert_eq!(leaves_a_frame_open(&raw), Some(false));
}

/// A bare `kzvisa`, with no argument to parse, starts as clap would have it: the wizard in the
/// user's data folder, which the first answer is saved in.
#[test]
fn a_bare_start_opens_the_wizard_in_the_users_data_folder() {
    let data = data_dir();
    let home = data.path().join("xdg");
    let script = format!(
        "'{}'; echo \"exit=$?\"; stty -a; sleep 2",
        env!("CARGO_BIN_EXE_kzvisa")
    );
    let home_text = home.display().to_string();
    let env = [("XDG_DATA_HOME", home_text.as_str())];
    let mut term = spawn_script(data.path(), &script, 100, 30, &env, &[]);
    term.wait_for("not legal advice");
    term.press(ENTER, "Which of these fits you?");
    term.send(CTRL_C);
    term.assert_restored();
    let saved: Vec<_> = std::fs::read_dir(home.join("kzvisa").join("applications"))
        .expect("the user's applications folder")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
        .collect();
    assert_eq!(saved.len(), 1, "one application saved: {saved:?}");
}

/// Whether another kzvisa could open the application for writing now: its lock is free.
fn lock_is_free(path: &Path) -> bool {
    kzvisa::store::try_lock(path)
        .expect("the lock can be tried")
        .is_some()
}

/// Esc on the welcome screen leaves the application for the list of them, after `kzvisa new`
/// and after opening one from the list: every change kept, the row as saved, the lock released
/// (reopening it from the same kzvisa would find it locked otherwise).
#[test]
fn esc_on_the_welcome_screen_goes_back_to_the_list_and_releases_the_lock() {
    let data = data_dir();
    let mut term = spawn(data.path(), &["new", "Anna"], 100, 30);
    term.wait_for("Esc applications");
    term.press(ENTER, "Which of these fits you?");
    term.press("3", "Question 1 of 4");
    term.press("y", "Question 2 of 4");
    let file = applications(data.path()).pop().expect("Anna's file");
    assert!(!lock_is_free(&file), "the open application is locked");
    term.press(ESC, "Question 1 of 4");
    term.press(ESC, "Which of these fits you?");
    term.press(ESC, "not legal advice");
    let list = term.press(ESC, "Anna  Welcome");
    assert!(list.contains("Your applications"), "{list}");
    assert!(lock_is_free(&file), "the lock is released on the list");
    assert!(saved(data.path()).contains("job_offer: true"));
    term.send("q");
    term.assert_restored();
    drop(term);

    // Opened from the list, changed, and back: the row says what changed.
    let mut term = spawn(data.path(), &[], 100, 30);
    let before = term.wait_for("Anna  Welcome");
    term.press(ENTER, "not legal advice");
    assert!(
        !lock_is_free(&file),
        "opened from the list, it is locked again"
    );
    term.press(ENTER, "Which of these fits you?");
    term.press("3", "Question 1 of 4");
    term.press("y", "Question 2 of 4");
    term.press("y", "Question 3 of 4");
    for shown in [
        "Question 2 of 4",
        "Question 1 of 4",
        "Which of these",
        "legal advice",
    ] {
        term.press(ESC, shown);
    }
    term.send(ESC);
    let after = term.wait_for("Anna  Welcome");
    let row = |screen: &str| {
        screen
            .lines()
            .find(|line| line.contains("Anna  Welcome"))
            .map(str::to_string)
            .unwrap_or_default()
    };
    assert_ne!(row(&before), row(&after), "the row shows the new answer");
    assert!(lock_is_free(&file), "released again");
    // And it opens again from the same kzvisa, for writing.
    let reopened = term.press(ENTER, "not legal advice");
    assert!(!reopened.contains("Read-only"), "{reopened}");
    term.send("q");
    term.assert_restored();
}

/// On the start screen, `d` then `y` moves an application to the trash and `u` brings it back,
/// with its backup, under its old file name; with the trash empty, `u` says so.
#[test]
fn u_on_the_start_screen_undoes_the_last_delete() {
    let data = data_dir();
    let folder = data.path().join("applications");
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-01T10:00:00+05:00").expect("a time");
    let path = folder.join("dana.yaml");
    use kzvisa::wizard::Step;
    for place in [Step::Welcome, Step::Documents] {
        let mut record = kzvisa::store::Record::new("Dana".into(), now);
        record.application.place = kzvisa::wizard::Place::start_of(place);
        kzvisa::store::save(&path, &record).expect("saved");
    }
    let (text, backup) = (
        std::fs::read(&path).expect("read"),
        std::fs::read(kzvisa::store::backup_path(&path)).expect("the backup"),
    );
    let mut term = spawn(data.path(), &[], 100, 30);
    let list = term.wait_for("Dana  Documents");
    assert!(list.contains("u undo delete"), "{list}");
    term.press("d", "to the trash?");
    term.press("y", "No saved applications");
    assert!(!path.exists());
    let back = term.press("u", "\"Dana\" is back from the trash.");
    assert!(back.contains("Dana  Documents"), "{back}");
    assert_eq!(std::fs::read(&path).expect("back"), text);
    assert_eq!(
        std::fs::read(kzvisa::store::backup_path(&path)).expect("its backup is back"),
        backup
    );
    term.press("u", "The trash is empty");
    term.send("q");
    term.assert_restored();
}

/// The notes' source addresses as links (OSC 8) a click opens: in the bytes written, the link
/// opens before the address shown and closes after it; the screen shows the same text as with
/// links switched off; on the Linux console, no link is written at all.
#[test]
fn the_notes_sources_are_links_where_the_terminal_takes_them() {
    const OPEN: &str = "\x1b]8;;";
    const ST: &str = "\x1b\\";
    let notes_screen = |env: &[(&str, &str)]| {
        let data = data_dir();
        let mut term = spawn_with_env(data.path(), &[], 100, 30, env);
        term.wait_for("legal advice");
        term.send("\x1bOQ");
        let screen = term.wait_for("Source: ");
        term.send("q");
        term.assert_restored();
        let raw = String::from_utf8_lossy(&term.raw.lock().expect("raw")).into_owned();
        (screen, raw)
    };
    let (screen, raw) = notes_screen(&[]);
    let opened = raw.find(OPEN).expect("a link is written");
    let rest = &raw[opened + OPEN.len()..];
    let (target, rest) = rest.split_once(ST).expect("the target ends with ST");
    assert!(target.starts_with("https://"), "{target:?}");
    let (text, _) = rest
        .split_once(&format!("{OPEN}{ST}"))
        .expect("the link is closed");
    // What stands inside the link, without the styles drawn with it, is the address shown.
    let shown = strip_escapes(text);
    assert!(
        target.starts_with(shown.trim_end_matches('…')),
        "{shown:?} inside the link to {target:?}"
    );
    assert!(
        screen.contains(&shown),
        "{shown:?} not on screen:\n{screen}"
    );

    let (plain_screen, plain_raw) = notes_screen(&[("KZVISA_HYPERLINKS", "0")]);
    assert!(!plain_raw.contains("\x1b]8;"), "switched off, no link");
    assert_eq!(screen, plain_screen, "the links change nothing on screen");

    let (_, console) = notes_screen(&[("TERM", "linux")]);
    assert!(!console.contains("\x1b]8;"), "no link on the Linux console");
}

/// Text with its CSI sequences (colours, cursor moves) taken out.
fn strip_escapes(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' && chars.peek() == Some(&'[') {
            chars.next();
            for c in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}
