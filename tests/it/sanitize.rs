//! Text from a file never drives the terminal: names and answers full of escape sequences are
//! shown, not obeyed, by every command and by the line wizard.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use kzvisa::present::safe::shown;

use crate::cli::{kzvisa, kzvisa_with_env, status, stderr, stdout};

/// What a hostile file puts in a text, as a YAML double-quoted scalar: CSI (clear the screen,
/// red), OSC 52 (set the clipboard) ended by BEL and by ST, C0 and DEL, C1 CSI/OSC/ST and NEL,
/// a bidi override and an isolate.
const EVIL: &str = r#"\e[2J\e[31mRED\e]52;c;aGVsbG8=\a\e]52;c;aGk=\e\\\t\r\n\x7f\x9b2J\x9d0;t\x9c\N\u202Egnp.exe\u2066x\u2069"#;

/// The same text as it reads once parsed.
const EVIL_TEXT: &str = "\x1b[2J\x1b[31mRED\x1b]52;c;aGVsbG8=\x07\x1b]52;c;aGk=\x1b\\\t\r\n\x7f\u{9b}2J\u{9d}0;t\u{9c}\u{85}\u{202E}gnp.exe\u{2066}x\u{2069}";

/// An application at the review with the hostile text in its name and in every free-text field;
/// the interview is scheduled, so its date is asked for and listed among the next actions.
fn evil_application() -> String {
    format!(
        r#"schema: 2
name: "Evil{EVIL}"
created: 2026-11-20T09:15:00+05:00
updated: 2026-11-25T18:40:12+05:00
application:
  place:
    step: review
    row: 0
  route: work_visa
  employer:
    permit: true
    permit_date: "permit{EVIL}"
    invitation: true
    invitation_detail: "invitation{EVIL}"
  passport:
    expiry: "expiry{EVIL}"
    end_of_stay: "stay{EVIL}"
  submission:
    form_completed: true
    fee_paid: true
    fee_amount: "fee{EVIL}"
    fee_paid_on: "paid{EVIL}"
    interview: scheduled
    interview_date: "interview{EVIL}"
"#
    )
}

/// A folder with the hostile application, and a broken file whose name holds an ESC and whose
/// text the parser's message quotes.
fn evil_folder() -> (tempfile::TempDir, std::path::PathBuf) {
    let data = tempfile::tempdir().expect("temp dir");
    let path = data.path().join("evil.yaml");
    std::fs::write(&path, evil_application()).expect("write the application");
    let broken = data.path().join("broken\x1b[31m\u{9b}.yaml");
    std::fs::write(&broken, format!("schema: 2\nname: [\"{EVIL}\"]\n")).expect("write");
    (data, path)
}

/// Panics when `bytes` hold a byte or character that a terminal obeys or that turns text around.
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    assert!(!bytes.contains(&0x1b), "{what}: an ESC in {text:?}");
    assert!(!bytes.contains(&0x07), "{what}: a BEL in {text:?}");
    assert!(!bytes.contains(&0x7f), "{what}: a DEL in {text:?}");
    // UTF-8 writes U+0080–U+009F as C2 80–C2 9F; and a raw C1 byte is no UTF-8 at all.
    let c1 = bytes
        .windows(2)
        .any(|pair| pair[0] == 0xc2 && (0x80..=0x9f).contains(&pair[1]));
    assert!(!c1, "{what}: a C1 control in {text:?}");
    assert!(
        std::str::from_utf8(bytes).is_ok(),
        "{what}: not UTF-8: {text:?}"
    );
    let other = text.chars().find(|&c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    });
    assert_eq!(other, None, "{what}: a control in {text:?}");
}

fn assert_output_inert(what: &str, output: &Output) {
    assert_inert(&format!("{what} (stdout)"), &output.stdout);
    assert_inert(&format!("{what} (stderr)"), &output.stderr);
}

/// `--file` stands in for the data folder.
fn kzvisa_with_file(file: &str, args: &[&str]) -> Output {
    let home = tempfile::tempdir().expect("temp dir");
    Command::new(env!("CARGO_BIN_EXE_kzvisa"))
        .args(["--lang", "en", "--file", file])
        .args(args)
        .env("XDG_CONFIG_HOME", home.path())
        .stdin(Stdio::null())
        .output()
        .expect("run kzvisa")
}

fn run(data: &Path, args: &[&str], input: &str) -> Output {
    let output = kzvisa(data, args, input);
    assert!(
        !stdout(&output).is_empty() || !stderr(&output).is_empty(),
        "{args:?} printed nothing"
    );
    output
}

#[test]
fn sanitize_every_command_shows_escape_sequences_from_a_file_as_text() {
    let (data, _) = evil_folder();
    let dir = data.path();
    let visible = shown(EVIL_TEXT).into_owned();

    let table = run(dir, &["list"], "");
    assert_output_inert("list", &table);
    assert!(
        stdout(&table).contains(&format!("Evil{visible}")),
        "{}",
        stdout(&table)
    );
    assert!(
        stdout(&table).contains("broken␛[31m�.yaml"),
        "{}",
        stdout(&table)
    );

    let yaml = run(dir, &["list", "--format", "yaml"], "");
    assert_output_inert("list --format yaml", &yaml);
    // Still YAML, and it reads back as what a person sees.
    let listed: serde_yaml::Value = serde_yaml::from_str(&stdout(&yaml)).expect("valid YAML");
    let names: Vec<&str> = listed
        .as_sequence()
        .expect("a list")
        .iter()
        .filter_map(|entry| entry.get("name")?.as_str())
        .collect();
    assert_eq!(names, [format!("Evil{visible}")]);

    for format in ["text", "markdown"] {
        let export = run(dir, &["export", "evil", "--format", format], "");
        assert_eq!(status(&export), 0, "{}", stderr(&export));
        assert_output_inert(&format!("export --format {format}"), &export);
        let out = stdout(&export);
        for field in ["invitation", "fee"] {
            assert!(out.contains(field), "{format}: {field} is exported: {out}");
        }
        assert!(out.contains("␛"), "{format}: the ESC is shown: {out}");
    }

    let check = run(dir, &["check", "evil"], "");
    assert_output_inert("check", &check);
    assert!(
        stdout(&check).contains(&format!("Evil{visible}")),
        "{}",
        stdout(&check)
    );

    // Errors name files and names as they were given.
    let missing = dir.join("gone\x1b]52;c;aGk=\x07.yaml");
    let missing = missing.to_str().expect("a UTF-8 path");
    let not_found = kzvisa_with_file(missing, &["check"]);
    assert_eq!(status(&not_found), 2);
    assert_output_inert("check on a missing file", &not_found);
    assert!(
        stderr(&not_found).contains("gone␛]52"),
        "{}",
        stderr(&not_found)
    );
    let unknown = run(dir, &["export", &format!("Nobody{EVIL_TEXT}")], "");
    assert_eq!(status(&unknown), 2);
    assert_output_inert("export of an unknown name", &unknown);
    let faq = run(dir, &["faq", "\x1b[2Jnothing-matches"], "");
    assert_output_inert("faq", &faq);
    // A damaged settings file, in a folder whose name holds an ESC, is told about and passed by.
    let config = dir.join("config\x1b[31m");
    std::fs::create_dir_all(config.join("kzvisa")).expect("create the settings folder");
    std::fs::write(config.join("kzvisa/settings.yaml"), "language: [\n").expect("write");
    let config = config.to_str().expect("a UTF-8 path");
    let settings = kzvisa_with_env(dir, &["list"], "", &[("XDG_CONFIG_HOME", config)]);
    assert!(
        stderr(&settings).contains("config␛[31m"),
        "{}",
        stderr(&settings)
    );
    assert_output_inert("a damaged settings file", &settings);
}

#[test]
fn sanitize_the_line_wizard_shows_escape_sequences_from_a_file_as_text() {
    let (data, _) = evil_folder();
    let dir = data.path();

    // The chooser lists the application and the broken file; 1 opens the newest.
    let chooser = run(dir, &["--plain"], "quit\n");
    assert_output_inert("the chooser", &chooser);
    assert!(
        stdout(&chooser).contains("Evil␛[2J"),
        "{}",
        stdout(&chooser)
    );

    // Resumed at the review, which shows every answer; back goes to "Your dates", back again to
    // the submission, whose fields offer to keep what they hold; a typed date with an ESC is
    // refused and echoed.
    let answers = "back\nback\n\n\n\n\x1b[2J\u{9b}\n\n\nquit\n";
    let resumed = run(dir, &["--plain", "resume", "evil"], answers);
    assert_output_inert("the resumed line wizard", &resumed);
    let out = stdout(&resumed);
    assert!(out.contains("invitation␛[2J"), "{out}");
    assert!(out.contains("fee␛[2J"), "{out}");
    assert!(out.contains("Enter keeps: fee␛[2J"), "{out}");
    assert!(out.contains("Enter keeps: interview␛[2J"), "{out}");
    assert!(out.contains("Not a valid date: \"␛[2J"), "{out}");
}

/// The full-screen views show the same pictures: ratatui alone would drop the controls (so
/// `Evil␛[2J` read as `Evil[2J`) and keep the bidi overrides, turning the row around.
#[test]
fn sanitize_the_full_screen_views_show_escape_sequences_as_text() {
    use chrono::DateTime;
    use kzvisa::app::App;
    use kzvisa::store::{Listing, Record};
    use kzvisa::ui::{self, theme::Theme};
    use kzvisa::wizard::{Place, SubmissionField};
    use ratatui::{Terminal, backend::TestBackend};

    let screen = |app: &App| {
        let mut terminal = Terminal::new(TestBackend::new(200, 30)).expect("a test terminal");
        terminal
            .draw(|frame| ui::view(app, frame))
            .expect("drawing into a test terminal");
        let buffer = terminal.backend().buffer();
        buffer
            .content()
            .iter()
            .map(|cell| cell.symbol())
            .collect::<String>()
    };
    let time = DateTime::parse_from_rfc3339("2026-02-02T10:00:00+05:00").expect("a time");
    let mut record = Record::new(format!("Evil{EVIL_TEXT}"), time);
    record.application.place = Place::Submission {
        field: SubmissionField::FeeAmount,
    };
    record.application.submission.fee_amount = format!("fee{EVIL_TEXT}");
    let broken = Listing::Broken {
        path: "/apps/broken\x1b[31m.yaml".into(),
        error: kzvisa::error::Error::Locked {
            path: "/apps/broken\x1b[31m.yaml".into(),
        },
    };
    let listings = vec![
        Listing::Ready {
            path: "/apps/evil.yaml".into(),
            record: Box::new(record.clone()),
        },
        broken,
    ];
    let mut app = App::start(crate::common::content(), listings, Theme::PLAIN);
    let start = screen(&app);
    assert!(start.contains("Evil␛[2J"), "{start}");
    assert!(start.contains("broken␛[31m.yaml"), "{start}");
    app.resume(record.name.clone(), record.application.clone(), None);
    let fields = screen(&app);
    assert!(fields.contains("Evil␛[2J"), "the header: {fields}");
    assert!(fields.contains("fee␛[2J"), "the field: {fields}");
    for text in [start, fields] {
        let bidi = text
            .chars()
            .find(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'));
        assert_eq!(bidi, None, "{text}");
    }
}
