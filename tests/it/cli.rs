//! The command line end to end: the real binary on temporary folders, its output, its exit
//! status and the files it writes or leaves alone.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::pty::{self, CTRL_C, ENTER};

/// Every answer from the welcome screen to the review, as a person would type them, with one
/// wrong answer and one wrong date on the way, an FAQ search, the notes and a step back.
const ANSWERS: &str = "\n\
3\n\
y\n\
y\n\
maybe\n\
y\n\
back\n\
y\n\
n\n\
\n\
y\n\
2026-01-10\n\
n\n\
y\n\
y\n\
y\n\
y\n\
y\n\
faq family\n\
n\n\
y\n\
n\n\
notes\n\
y\n\
2031-02-30\n\
2031-03-31\n\
2030-10-15\n\
\n\
y\n\
y\n\
80 USD\n\
2030-01-15\n\
2\n\
2030-02-01\n\
2030-03-02\n\
\n\
\n\
\n\
\n\
\n";

pub fn kzvisa(data: &Path, args: &[&str], input: impl AsRef<[u8]>) -> Output {
    kzvisa_with_env(data, args, input, &[])
}

/// Runs in English unless `env` sets a locale, with its settings in the test's folder.
pub fn kzvisa_with_env(
    data: &Path,
    args: &[&str],
    input: impl AsRef<[u8]>,
    env: &[(&str, &str)],
) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kzvisa"));
    for name in kzvisa::lang::LOCALE_VARIABLES {
        command.env_remove(name);
    }
    let mut child = command
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env("XDG_CONFIG_HOME", data.join("config"))
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run kzvisa");
    let mut stdin = child.stdin.take().expect("stdin");
    // A kzvisa that stops before reading its answers (a refused application, say) closes the
    // pipe: what it said is in its output.
    if let Err(error) = stdin.write_all(input.as_ref()) {
        assert_eq!(
            error.kind(),
            std::io::ErrorKind::BrokenPipe,
            "write answers: {error}"
        );
    }
    drop(stdin);
    child.wait_with_output().expect("kzvisa ends")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn status(output: &Output) -> i32 {
    output.status.code().expect("exited, not killed")
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    files
}

/// A folder with one application answered through the line wizard from `ANSWERS`.
pub fn answered() -> (tempfile::TempDir, Output) {
    let data = tempfile::tempdir().expect("temp dir");
    let output = kzvisa(data.path(), &["new", "Aigerim *Test* <b>"], ANSWERS);
    (data, output)
}

#[test]
fn piped_answers_go_from_welcome_to_review_and_are_saved() {
    let (data, output) = answered();
    let out = stdout(&output);
    assert_eq!(status(&output), 0, "{out}{}", stderr(&output));
    // Questions state their options, and wrong answers are asked again with the reason.
    assert!(out.contains("[y/n]"), "{out}");
    assert!(out.contains("Please answer y (yes) or n (no)."), "{out}");
    assert!(
        out.contains("Not a valid date: \"2031-02-30\""),
        "the impossible date is refused: {out}"
    );
    assert!(
        out.contains("Can I bring my family"),
        "faq works at a prompt: {out}"
    );
    assert!(out.contains("What blocks your application"), "{out}");
    // The dates asked, the plan follows the review, dated from them.
    assert!(out.contains("Plan for Aigerim"), "{out}");
    assert!(
        out.replace('\u{a0}', " ").contains("2 March 2030"),
        "the plan counts from the target date: {out}"
    );
    assert!(out.contains("Your progress is saved in"), "{out}");
    // No cursor addressing or colours: a screen reader gets words only.
    assert!(!out.contains('\x1b'), "escape sequences in the line wizard");

    let saved = std::fs::read_to_string(data.path().join("aigerim-test-b.yaml")).expect("saved");
    assert!(saved.contains("step: review"), "{saved}");
    assert!(saved.contains("criminal_record: false"), "{saved}");
    assert!(saved.contains("expiry: 2031-03-31"), "{saved}");
    assert!(saved.contains("interview: scheduled"), "{saved}");
    assert!(saved.contains("fee_amount: 80 USD"), "{saved}");
    // "back" went to the medical question again, which was then answered yes.
    assert!(saved.contains("medical: true"), "{saved}");
    assert!(saved.contains("- responsibilities"), "{saved}");
    assert!(saved.contains("route: work_visa"), "{saved}");
    assert!(saved.contains("permit: true"), "{saved}");
    assert!(saved.contains("permit_date: 2026-01-10"), "{saved}");
    // The certificates: not had yet, though apostilled, not translated.
    assert!(
        saved.contains("have: false\n      covered:\n      - apostille\n"),
        "{saved}"
    );
}

#[test]
fn quit_in_the_line_wizard_resumes_in_the_full_screen_wizard_at_the_same_step() {
    let data = pty::data_dir();
    let folder = data.path().join("applications");
    let output = kzvisa(&folder, &["--plain"], "\n3\ny\ny\ny\ny\n\n\n\ny\nquit\n");
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.contains("Do you have it? [y/n]"), "{out}");

    let mut term = pty::spawn(data.path(), &["resume"], 100, 30);
    let screen = term.wait_for("Step 6 of 10");
    assert!(screen.contains("› ▸ [ ] Employment contract"), "{screen}");
    assert!(screen.contains("[x] Valid passport"), "{screen}");
    term.press(ENTER, "Passport expiry date");
    term.send(CTRL_C);
    term.assert_restored();

    // And back: the line wizard picks up where the full-screen one left it.
    let output = kzvisa(&folder, &["resume"], "quit\n");
    let out = stdout(&output);
    assert!(out.contains("Passport expiry date"), "{out}");
}

#[test]
fn list_shows_every_application_and_the_broken_ones() {
    let (data, _) = answered();
    let broken = data.path().join("broken.yaml");
    std::fs::write(&broken, "schema: 1\nname: [oops\n").expect("write");
    crate::common::written_ago(&broken, 60);
    let output = kzvisa(data.path(), &["list"], "");
    assert_eq!(status(&output), 0);
    let out = stdout(&output);
    let header = out.lines().next().expect("a header");
    for column in ["Name", "Step", "Done", "Blockers", "Last updated"] {
        assert!(header.contains(column), "{header}");
    }
    assert!(out.contains("Aigerim *Test* <b>  Review"), "{out}");
    assert!(out.contains("✗ cannot be read: "), "{out}");
    assert!(out.contains("broken.yaml, line 3, column 1"), "{out}");

    let output = kzvisa(data.path(), &["list", "--format", "yaml"], "");
    assert_eq!(status(&output), 0);
    let listed: serde_yaml::Value = serde_yaml::from_str(&stdout(&output)).expect("yaml");
    let listed = listed.as_sequence().expect("a list");
    assert_eq!(listed.len(), 2);
    let ready = &listed[0];
    assert_eq!(ready["name"].as_str(), Some("Aigerim *Test* <b>"));
    assert_eq!(ready["step"].as_str(), Some("review"));
    // The passport blocks; the criminal record is only to confirm with the employer.
    assert_eq!(ready["blockers"].as_u64(), Some(1));
    assert!(ready["done"].as_u64() < ready["total"].as_u64());
    assert!(
        listed[1]["error"]
            .as_str()
            .is_some_and(|e| e.contains("broken.yaml:3:1"))
    );
}

/// The rendered Markdown's headings, task items (ticked or not) and whether it held raw HTML.
struct Rendered {
    headings: Vec<String>,
    tasks: Vec<(bool, String)>,
    text: String,
    html: bool,
}

fn render(markdown: &str) -> Rendered {
    let mut rendered = Rendered {
        headings: vec![],
        tasks: vec![],
        text: String::new(),
        html: false,
    };
    let mut heading: Option<String> = None;
    let mut task: Option<(bool, String)> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_TASKLISTS) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => rendered.headings.extend(heading.take()),
            Event::TaskListMarker(done) => {
                rendered.tasks.extend(task.take());
                task = Some((done, String::new()));
            }
            Event::End(TagEnd::Item) => rendered.tasks.extend(task.take()),
            Event::Text(text) => {
                rendered.text.push_str(&text);
                for open in [heading.as_mut(), task.as_mut().map(|t| &mut t.1)]
                    .into_iter()
                    .flatten()
                {
                    open.push_str(&text);
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => rendered.html = true,
            Event::SoftBreak | Event::HardBreak => rendered.text.push(' '),
            _ => {}
        }
    }
    rendered
}

#[test]
fn export_markdown_renders_as_a_checklist() {
    let (data, _) = answered();
    let output = kzvisa(data.path(), &["export"], "");
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let markdown = stdout(&output);
    let rendered = render(&markdown);
    assert!(!rendered.html, "a name must not become HTML:\n{markdown}");
    assert_eq!(
        rendered.headings,
        [
            "Work visa for Kazakhstan: checklist for Aigerim *Test* <b>",
            "What blocks your application",
            "To confirm with your employer",
            "Next actions",
            "Your route",
            "Eligibility",
            "Your employer's part",
            "Documents (2 documents missing)",
            "Passport",
            "Submission",
            "Your dates",
            "After you arrive",
            "Good to know",
            "Sources",
        ],
        "{markdown}"
    );
    let task = |text: &str| {
        rendered
            .tasks
            .iter()
            .find(|(_, t)| t.starts_with(text))
            .unwrap_or_else(|| panic!("no task {text:?} in {:?}", rendered.tasks))
            .0
    };
    assert!(task("A job offer"));
    assert!(!task("Clean criminal record: No"));
    assert!(task("Employment contract: have (3 of 3 points)"));
    assert!(task("Your salary"));
    assert!(!task("Educational certificates: missing"));
    assert!(task("Pay the visa fee: 80 USD, paid on 15 January 2030"));
    assert!(!task("Interview: scheduled (1 February 2030)"));
    let text = &rendered.text;
    assert!(text.contains("before 15 April 2031"), "{text}");
    assert!(text.contains("not legal advice"), "{text}");
    assert!(text.contains("Generated on"), "{text}");
    assert!(text.contains("Renew your passport"), "{text}");
    assert!(
        text.contains("Content checked on 1 December 2026"),
        "{text}"
    );
    assert!(task(
        "My employer has obtained the work permit: obtained on 10 January 2026"
    ));
    assert!(!task("My employer's invitation has been approved"));
    assert!(!task("Notarised translation into Kazakh or Russian"));
    assert!(task("Apostille or legalisation"));
    assert!(text.contains("within 3 business days"), "{text}");
    // Each note points at its numbered sources; the route not taken has no notes here.
    assert!(text.contains("akimat"), "{text}");
    assert!(text.contains("[1]"), "{text}");
    assert!(
        text.contains("https://kyzylorda.invest.gov.kz/invest-guide/doing-business/labor-laws-and-labor-force/"),
        "{text}"
    );
    assert!(
        text.contains("Checked on 1 December 2026. Confidence: high."),
        "{text}"
    );
    assert!(!text.contains("If you are a citizen of Armenia"), "{text}");
}

#[test]
fn export_text_to_a_file_and_nothing_written_when_it_fails() {
    let (data, _) = answered();
    let out_dir = tempfile::tempdir().expect("temp dir");
    let file = out_dir.path().join("checklist.txt");
    let output = kzvisa(
        data.path(),
        &[
            "export",
            "aigerim",
            "--format",
            "text",
            "-o",
            file.to_str().expect("utf-8"),
        ],
        "",
    );
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    assert!(stdout(&output).is_empty());
    let text = std::fs::read_to_string(&file).expect("written");
    assert!(text.contains("[x] A job offer"), "{text}");
    assert!(text.contains("    [x] Your salary"), "{text}");
    // Within 78 columns, but for a web address too long for them, alone on its line, unbroken.
    for line in text.lines().filter(|l| l.chars().count() > 78) {
        let words: Vec<&str> = line.split_whitespace().collect();
        assert!(
            words.len() == 1 && words[0].starts_with("http"),
            "{line:?} in:\n{text}"
        );
    }
    assert!(
        text.contains("\n   https://"),
        "the sources are wrapped: {text}"
    );
    assert!(!text.contains("- [x]"), "no Markdown in the text format");

    let missing = out_dir.path().join("other.txt");
    let output = kzvisa(
        data.path(),
        &["export", "nobody", "-o", missing.to_str().expect("utf-8")],
        "",
    );
    assert_eq!(status(&output), 2);
    assert!(stderr(&output).contains("No application is called \"nobody\""));
    assert!(!missing.exists());
    assert_eq!(files(out_dir.path()), [file]);
}

#[test]
fn check_exit_status_tells_whether_something_blocks() {
    let (data, _) = answered();
    let output = kzvisa(data.path(), &["check"], "");
    assert_eq!(status(&output), 1);
    let out = stdout(&output);
    // A "no" to the criminal record is to confirm with the employer, not a blocker: no
    // current rule was found (DOMAIN.md).
    assert!(out.contains("What blocks \"Aigerim *Test* <b>\":"), "{out}");
    assert!(!out.contains("✗ Clean criminal record"), "{out}");
    assert!(
        out.contains("? Clean criminal record: Ask your employer"),
        "{out}"
    );
    assert!(
        out.contains("Make copies of your educational certificates"),
        "{out}"
    );

    // Nothing answered yet: nothing blocks, but nothing is ready either, so `check && …` fails.
    let output = kzvisa(data.path(), &["new", "Erlan"], "quit\n");
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let output = kzvisa(data.path(), &["check", "Erlan"], "");
    assert_eq!(status(&output), 1, "{}", stdout(&output));
    assert!(stdout(&output).contains("Nothing blocks \"Erlan\"."));
    assert!(stdout(&output).contains("Still to do:"));

    let output = kzvisa(data.path(), &["check", "nobody"], "");
    assert_eq!(status(&output), 2);
    assert!(stdout(&output).is_empty());
}

#[test]
fn notes_prints_every_note_with_its_sources() {
    let data = tempfile::tempdir().expect("temp dir");
    let output = kzvisa(data.path(), &["notes"], "");
    assert_eq!(status(&output), 0);
    let out = stdout(&output);
    assert!(out.contains("Source: DOS Immigration"), "{out}");
    assert!(
        out.contains("Checked on 1 December 2026. Confidence: low."),
        "{out}"
    );
    let output = kzvisa(data.path(), &["notes", "--format", "yaml"], "");
    let notes: serde_yaml::Value = serde_yaml::from_str(&stdout(&output)).expect("yaml");
    let notes = notes.as_sequence().expect("a list");
    assert!(notes.len() >= 20);
    for note in notes {
        assert!(
            note["sources"][0]["url"]
                .as_str()
                .is_some_and(|u| u.starts_with("http"))
        );
        assert!(note["checked"].as_str().is_some(), "{note:?}");
    }
    // The FAQ prints the notes that qualify its answers.
    let faq = stdout(&kzvisa(data.path(), &["faq", "occupation"], ""));
    assert!(
        faq.contains("Good to know: Ask your employer what to do if you change jobs."),
        "{faq}"
    );
}

#[test]
fn faq_prints_all_entries_or_the_matching_ones() {
    let data = tempfile::tempdir().expect("temp dir");
    let all = stdout(&kzvisa(data.path(), &["faq"], ""));
    assert_eq!(all.lines().filter(|l| l.ends_with('?')).count(), 5, "{all}");
    let output = kzvisa(data.path(), &["faq", "FAMILY"], "");
    assert_eq!(status(&output), 0);
    let out = stdout(&output);
    assert!(out.starts_with("Can I bring my family"), "{out}");
    assert_eq!(out.lines().filter(|l| l.ends_with('?')).count(), 1, "{out}");
    let output = kzvisa(data.path(), &["faq", "zebra"], "");
    assert_eq!(status(&output), 1);
    assert!(stderr(&output).contains("No FAQ entry matches \"zebra\""));
    assert!(files(data.path()).is_empty(), "printing writes nothing");
}

#[test]
fn new_refuses_a_name_in_use_and_resume_an_unknown_one() {
    let data = tempfile::tempdir().expect("temp dir");
    assert_eq!(status(&kzvisa(data.path(), &["new", "Dana"], "quit\n")), 0);
    let before = std::fs::read(data.path().join("dana.yaml")).expect("saved at once");
    let output = kzvisa(data.path(), &["new", "dana"], "");
    assert_eq!(status(&output), 2);
    assert!(
        stderr(&output).contains("exists already"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read(data.path().join("dana.yaml")).expect("kept"),
        before
    );

    // A name that only starts like one in use is a new one.
    assert_eq!(status(&kzvisa(data.path(), &["new", "Dan"], "quit\n")), 0);
    assert!(data.path().join("dan.yaml").exists());

    let output = kzvisa(data.path(), &["resume", "Nobody"], "");
    assert_eq!(status(&output), 2);
    assert!(
        stderr(&output).contains("kzvisa list"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_line_wizard_lists_saved_applications_to_choose_from() {
    let data = tempfile::tempdir().expect("temp dir");
    assert_eq!(status(&kzvisa(data.path(), &["new", "Marat"], "quit\n")), 0);
    // Saved later, or in the same second and first by name: listed first either way.
    assert_eq!(
        status(&kzvisa(data.path(), &["new", "Anna"], "\n3\ny\nquit\n")),
        0
    );
    let output = kzvisa(data.path(), &[], "7\n1\nquit\n");
    let out = stdout(&output);
    assert!(out.contains("1. Anna"), "newest first: {out}");
    assert!(out.contains("2. Marat"), "{out}");
    assert!(out.contains("Please answer with one of"), "{out}");
    assert!(out.contains("Question 2 of 4"), "Anna resumed: {out}");
}

#[test]
fn a_file_open_elsewhere_is_refused_by_the_line_wizard() {
    let data = tempfile::tempdir().expect("temp dir");
    assert_eq!(status(&kzvisa(data.path(), &["new", "Dana"], "quit\n")), 0);
    let _held = kzvisa::store::try_lock(&data.path().join("dana.yaml"))
        .expect("lock")
        .expect("free");
    let output = kzvisa(data.path(), &["resume", "Dana"], "y\n");
    assert_eq!(status(&output), 2);
    assert!(
        stderr(&output).contains("open in another kzvisa"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn completions_and_man_page_come_from_the_same_definition() {
    let data = tempfile::tempdir().expect("temp dir");
    for shell in ["bash", "zsh", "fish"] {
        let output = kzvisa(data.path(), &["completions", shell], "");
        assert_eq!(status(&output), 0);
        let script = stdout(&output);
        for command in ["resume", "export", "check", "data-dir"] {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
    }
    let man = stdout(&kzvisa(data.path(), &["man"], ""));
    assert!(man.contains(".TH KZVISA 1"), "{man}");
    assert!(man.contains("export"), "{man}");
    let help = stdout(&kzvisa(data.path(), &["--help"], ""));
    assert!(help.contains("Examples:"), "{help}");
    let version = stdout(&kzvisa(data.path(), &["--version"], ""));
    assert_eq!(
        version.trim(),
        format!("kzvisa {}", env!("CARGO_PKG_VERSION"))
    );
    let output = kzvisa(data.path(), &["export", "--format", "pdf"], "");
    assert_eq!(status(&output), 2);
    assert!(stderr(&output).contains("markdown"), "{}", stderr(&output));
}

#[test]
fn a_line_that_is_not_utf8_is_asked_again_with_the_reason() {
    let data = tempfile::tempdir().expect("temp dir");
    // At the route question, a line in Windows-1251 ("Айгерим"), then the answer.
    let mut input = b"\n\xc0\xe9\xe3\xe5\xf0\xe8\xec\n".to_vec();
    input.extend_from_slice(b"3\nquit\n");
    let output = kzvisa(data.path(), &["--plain"], input);
    let out = stdout(&output);
    assert_eq!(status(&output), 0, "{out}{}", stderr(&output));
    assert!(
        out.contains("That line is not readable text (not UTF-8): please type it again."),
        "{out}"
    );
    assert_eq!(out.matches("Which of these fits you?").count(), 2, "{out}");
    let saved = files(data.path())
        .into_iter()
        .find(|p| p.extension().is_some_and(|e| e == "yaml"))
        .expect("an application file");
    let saved = std::fs::read_to_string(saved).expect("read");
    assert!(saved.contains("route: work_visa"), "{saved}");
}

#[test]
fn an_answer_longer_than_a_field_holds_is_cut_and_the_line_wizard_says_so() {
    let limit = kzvisa::app::MAX_FIELD_CHARS;
    let long = "8".repeat(limit + 50);
    let answers = ANSWERS.replace("80 USD\n", &format!("{long}\n"));
    assert_ne!(answers, ANSWERS, "the answers have a fee amount to replace");
    let data = tempfile::tempdir().expect("temp dir");
    let output = kzvisa(data.path(), &["new", "Long"], &answers);
    let out = stdout(&output);
    assert_eq!(status(&output), 0, "{out}{}", stderr(&output));
    let said = format!("The text was cut at {limit} characters, the most a field holds.");
    assert_eq!(out.matches(&said).count(), 1, "{out}");
    let saved = std::fs::read_to_string(data.path().join("long.yaml")).expect("saved");
    assert!(saved.contains(&"8".repeat(limit)), "{saved}");
    assert!(!saved.contains(&"8".repeat(limit + 1)), "{saved}");
}

#[test]
fn the_line_wizard_ends_saying_what_was_not_saved_and_where_the_file_is() {
    let data = tempfile::tempdir().expect("temp dir");
    let unwritable = crate::common::Unwritable::new(data.path().join("applications"));
    let folder = unwritable.path.clone();
    let output = kzvisa(&folder, &["--plain"], "\n3\nquit\n");
    let out = stdout(&output);
    assert_eq!(status(&output), 0, "{out}{}", stderr(&output));
    assert!(
        out.contains("Not saved: "),
        "each failed save is said: {out}"
    );
    let end = out.trim_end().lines().last().unwrap_or_default();
    assert!(
        end.starts_with("Not saved: your changes since the last successful save."),
        "{out}"
    );
    let file = folder.join("my-application.yaml");
    assert!(end.contains(&file.display().to_string()), "{out}");
    assert!(!out.contains("Your progress is saved in"), "{out}");
}

/// The line wizard heads each step "Step N of M", names its notes once per step (not before
/// every field), and `help` lists the commands.
#[test]
fn the_line_wizard_heads_each_step_and_help_lists_the_commands() {
    let (_data, output) = answered();
    let out = stdout(&output);
    assert!(out.contains("Step 1 of 10: Welcome"), "{out}");
    assert!(out.contains("Step 6 of 10: Documents"), "{out}");
    let markers = out.matches("type notes to read them").count();
    assert!(
        (1..=10).contains(&markers),
        "the notes are named once per step, not per field: {markers}\n{out}"
    );
    let data = tempfile::tempdir().expect("temp dir");
    let output = kzvisa(data.path(), &["new", "Help"], "\nhelp\nquit\n");
    let out = stdout(&output);
    let commands =
        "At any prompt you can type: faq, notes, back, list (your applications), quit, help.";
    assert_eq!(
        out.matches(commands).count(),
        2,
        "help lists the commands:\n{out}"
    );
}

/// `list` at any prompt of the line wizard goes back to its chooser, listed afresh: the row
/// shows where the application was left, and it opens again (its lock was released).
#[test]
fn list_in_the_line_wizard_goes_back_to_the_chooser() {
    let data = pty::data_dir();
    let folder = data.path().join("applications");
    let output = kzvisa(&folder, &["new", "Anna", "--plain"], "\n3\nlist\n1\nquit\n");
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.contains("Your applications"), "{out}");
    assert!(out.contains("1. Anna (Step: Eligibility"), "{out}");
    let opened_again = out.split("Your applications").nth(1).unwrap_or_default();
    assert!(opened_again.contains("Question 1 of 4"), "{out}");
    assert!(!out.contains("open in another kzvisa"), "{out}");
}

/// Opened with `--file`, the line wizard has no list of applications to go back to: `help` and
/// the welcome do not offer `list`, `list` says why there is none, and `back` on the welcome
/// stays there; the data folder's applications are never shown.
#[test]
fn list_in_the_line_wizard_with_a_file_says_there_is_no_list() {
    // The data folder (--file cannot go with --data-dir: the default one, under XDG_DATA_HOME)
    // holds another application.
    let home = tempfile::tempdir().expect("temp dir");
    let folder = home.path().join("kzvisa").join("applications");
    std::fs::create_dir_all(&folder).expect("the data folder");
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-01T10:00:00+05:00").expect("a time");
    let other = folder.join("other.yaml");
    kzvisa::store::save(
        &other,
        &kzvisa::store::Record::new("Bolat Folderov".into(), now),
    )
    .expect("save");
    let elsewhere = tempfile::tempdir().expect("temp dir");

    for lang in kzvisa::lang::Lang::ALL {
        // A new application in each language, on its welcome screen.
        let file = elsewhere.path().join(format!("mine-{}.yaml", lang.code()));
        kzvisa::store::save(&file, &kzvisa::store::Record::new("Mine".into(), now)).expect("save");
        let file = file.to_str().expect("a UTF-8 path");
        let content = kzvisa::content::Content::embedded(lang).expect("content");
        let plain = &content.ui.plain;
        let word = |words: &[String], english: &str| {
            words
                .first()
                .cloned()
                .unwrap_or_else(|| english.to_string())
        };
        let (list, back) = (
            word(&plain.words.list, "list"),
            word(&plain.words.back, "back"),
        );
        let (help, quit) = (
            word(&plain.words.help, "help"),
            word(&plain.words.quit, "quit"),
        );
        // On the welcome: list, back, help; Enter to the route step, list there too, quit.
        let input = format!("{list}\n{back}\n{help}\n\n{list}\n{quit}\n");
        let mut command = Command::new(env!("CARGO_BIN_EXE_kzvisa"));
        for name in kzvisa::lang::LOCALE_VARIABLES {
            command.env_remove(name);
        }
        let mut child = command
            .args(["--lang", lang.code(), "--file", file, "--plain"])
            .env("XDG_DATA_HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run kzvisa");
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(input.as_bytes()).expect("write answers");
        drop(stdin);
        let output = child.wait_with_output().expect("kzvisa ends");
        assert_eq!(status(&output), 0, "{lang:?}: {}", stderr(&output));
        let out = stdout(&output);
        let said = |text: &str| out.matches(&*kzvisa::present::plain_spaces(text)).count();
        assert_eq!(said(&plain.no_list), 2, "{lang:?}: list, twice:\n{out}");
        assert_eq!(
            said(&plain.commands_from_file),
            3,
            "{lang:?}: the welcome, help and the welcome again name the commands there are:\n{out}"
        );
        assert_eq!(
            said(&plain.commands),
            0,
            "{lang:?}: list is not offered:\n{out}"
        );
        assert_eq!(
            said(&content.ui.start.title),
            0,
            "{lang:?}: no chooser:\n{out}"
        );
        assert!(
            !out.contains("Folderov"),
            "{lang:?}: the folder is not listed:\n{out}"
        );
        // Back on the welcome stayed there: Enter after it went on to the route step.
        assert_eq!(
            said(&content.steps.route.intro),
            1,
            "{lang:?}: on to the route step:\n{out}"
        );
    }
}

/// `kzvisa restore` lists the trash; `kzvisa restore NAME` brings that one back, and not over
/// an application of the same name.
#[test]
fn restore_lists_the_trash_and_brings_an_application_back() {
    let data = tempfile::tempdir().expect("temp dir");
    let output = kzvisa(data.path(), &["restore"], "");
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    assert!(stdout(&output).contains("is empty"), "{}", stdout(&output));

    let store = kzvisa::store::Store::new(data.path());
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-01T10:00:00+05:00").expect("a time");
    let path = data.path().join("aigerim.yaml");
    kzvisa::store::save(&path, &kzvisa::store::Record::new("Aigerim".into(), now)).expect("save");
    store.trash(&path).expect("trash");

    let output = kzvisa(data.path(), &["restore"], "");
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.contains("In the trash ("), "{out}");
    assert!(out.contains("Aigerim"), "{out}");
    assert!(out.contains("kzvisa restore NAME"), "{out}");

    let output = kzvisa(data.path(), &["restore", "Nobody"], "");
    assert_eq!(status(&output), 2);
    assert!(stderr(&output).contains("No application called \"Nobody\" is in the trash"));

    let output = kzvisa(data.path(), &["restore", "aigerim"], "");
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    assert!(stdout(&output).contains("\"Aigerim\" is back from the trash"));
    assert!(path.exists());
    let output = kzvisa(data.path(), &["list"], "");
    assert!(stdout(&output).contains("Aigerim"), "{}", stdout(&output));

    // Deleted again while another Aigerim was started: that one is not overwritten.
    store.trash(&path).expect("trash");
    let output = kzvisa(data.path(), &["new", "Aigerim", "--plain"], "quit\n");
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let started = std::fs::read(&path).expect("the new Aigerim");
    let output = kzvisa(data.path(), &["restore", "Aigerim"], "");
    assert_eq!(status(&output), 2);
    assert!(
        stderr(&output).contains("stays in the trash"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read(&path).expect("read"), started);
}
