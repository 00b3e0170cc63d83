//! The plan's commands through the real binary: `dates`, `check --due`, `plan` and `calendar`,
//! whose file a real iCalendar parser reads and a real calendar program (calcurse) imports.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Days, Local, NaiveDate};
use kzvisa::store::{self, Record};
use kzvisa::wizard::Route;

use crate::cli::{kzvisa, status, stderr, stdout};

fn today() -> NaiveDate {
    Local::now().date_naive()
}

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// An application on the work visa route saved in `dir`, entering `entry_in` days from today:
/// the only one in the folder, so the commands find it without a name.
fn planned(dir: &Path, entry_in: u64) -> PathBuf {
    let created = DateTime::parse_from_rfc3339("2026-11-20T09:15:00+05:00").expect("time");
    let mut record = Record::new("Aigerim".into(), created);
    record.updated = DateTime::parse_from_rfc3339("2026-11-25T18:40:12+05:00").expect("time");
    record.application.route = Some(Route::WorkVisa);
    let entry = today().checked_add_days(Days::new(entry_in)).expect("date");
    record.application.dates.planned_entry = iso(entry);
    record.application.passport.expiry = "2036-01-31".into();
    record.application.dates.permit_end =
        iso(entry.checked_add_days(Days::new(365)).expect("date"));
    let path = dir.join("aigerim.yaml");
    store::save(&path, &record).expect("save");
    path
}

#[test]
fn dates_prints_the_deadlines_after_an_entry() {
    let data = tempfile::tempdir().expect("temp dir");
    // The DOMAIN check: a Friday entry before Nauryz 2026, the day of entry counted.
    let out = kzvisa(data.path(), &["dates", "--entry", "2026-03-20"], "");
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("After entering on 20 March 2026:"), "{text}");
    assert!(
        text.contains("27 March 2026 – Notify the migration service of your arrival – your host"),
        "{text}"
    );
    assert!(text.contains("(estimate)"), "{text}");
    assert!(text.contains("within 5 working days"), "{text}");
    assert!(!text.contains("Register online"), "{text}");

    // The visa-free route registers within 30 calendar days, in Russian as DD.MM.YYYY.
    let out = kzvisa(
        data.path(),
        &[
            "--lang",
            "ru",
            "dates",
            "--entry",
            "31.07.2026",
            "--route",
            "visa_free",
        ],
        "",
    );
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("30 августа 2026 года"), "{text}");
    assert!(!text.contains("уведомление"), "{text}");

    // A date that is not one is refused with status 2.
    let out = kzvisa(data.path(), &["dates", "--entry", "2026-02-30"], "");
    assert_eq!(status(&out), 2, "{}", stdout(&out));
    assert!(stderr(&out).contains("not a date"), "{}", stderr(&out));
}

#[test]
fn check_due_lists_what_falls_due_and_exits_1() {
    let data = tempfile::tempdir().expect("temp dir");
    planned(data.path(), 10);
    // Entry in 10 days: the visa (15 working days before) is late, the entry due soon.
    let out = kzvisa(data.path(), &["check", "--due", "14"], "");
    assert_eq!(status(&out), 1, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Due within 14 days:"), "{text}");
    assert!(text.contains("Apply for the visa"), "{text}");
    assert!(text.contains("days late"), "{text}");
    assert!(
        text.contains("Enter Kazakhstan – you – in 10 days"),
        "{text}"
    );
    assert!(!text.contains("Renew your passport"), "{text}");

    // Far off, nothing is due: status 0, whatever else is left to do.
    let far = tempfile::tempdir().expect("temp dir");
    planned(far.path(), 400);
    let out = kzvisa(far.path(), &["check", "--due", "7"], "");
    assert_eq!(status(&out), 0, "{}", stdout(&out));
    assert!(
        stdout(&out).contains("Nothing falls due within 7 days for \"Aigerim\"."),
        "{}",
        stdout(&out)
    );
}

#[test]
fn plan_prints_text_markdown_and_yaml() {
    let data = tempfile::tempdir().expect("temp dir");
    planned(data.path(), 60);
    let out = kzvisa(data.path(), &["plan"], "");
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Plan for Aigerim"), "{text}");
    assert!(text.contains("Post the vacancy on enbek.kz"), "{text}");

    let out = kzvisa(data.path(), &["plan", "--format", "markdown"], "");
    assert!(
        stdout(&out).starts_with("# Plan for Aigerim"),
        "{}",
        stdout(&out)
    );

    let out = kzvisa(data.path(), &["plan", "--format", "yaml"], "");
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    let listed: serde_yaml::Value = serde_yaml::from_str(&stdout(&out)).expect("yaml");
    let actions = listed["actions"].as_sequence().expect("actions");
    let entry = actions
        .iter()
        .find(|a| a["action"] == "entry")
        .expect("the entry");
    assert_eq!(entry["days_left"], 60);
    assert_eq!(entry["estimate"], false);
    assert_eq!(entry["who"], "you");
    let visa = actions
        .iter()
        .find(|a| a["action"] == "visa_application")
        .expect("the visa");
    assert_eq!(visa["estimate"], true, "the safer of 5 and 15 days");
    assert_eq!(visa["who"], "mission");
}

fn calendar_file(data: &Path, name: &str) -> (PathBuf, String) {
    let ics = data.join(name);
    let out = kzvisa(data, &["calendar", "-o", ics.to_str().expect("utf-8")], "");
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    let text = std::fs::read_to_string(&ics).expect("written");
    (ics, text)
}

#[test]
fn calendar_writes_an_icalendar_file_a_parser_and_calcurse_read() {
    use icalendar::{Calendar, Component, DatePerhapsTime};
    let data = tempfile::tempdir().expect("temp dir");
    let path = planned(data.path(), 60);
    let (ics, text) = calendar_file(data.path(), "plan.ics");

    // The same application gives the same file.
    let (_, again) = calendar_file(data.path(), "again.ics");
    assert_eq!(text, again);
    assert!(text.contains("DTSTAMP:20261125T134012Z"), "{text}");

    let calendar: Calendar = text.parse().expect("a valid iCalendar file");
    let events: Vec<_> = calendar.events().collect();
    let entry = today().checked_add_days(Days::new(60)).expect("date");
    let entering = events
        .iter()
        .find(|e| e.get_summary() == Some("Enter Kazakhstan"))
        .expect("the entry event");
    assert_eq!(entering.get_start(), Some(DatePerhapsTime::Date(entry)));
    assert_eq!(
        entering.get_end(),
        Some(DatePerhapsTime::Date(entry.succ_opt().expect("date")))
    );
    let uid = entering.get_uid().expect("a UID");
    assert!(uid.ends_with("-entry@kzvisa"), "{uid}");
    let uids: std::collections::BTreeSet<_> = events.iter().filter_map(|e| e.get_uid()).collect();
    assert_eq!(uids.len(), events.len(), "UIDs are unique");
    assert!(
        text.matches("BEGIN:VALARM").count() == events.len(),
        "{text}"
    );
    assert!(text.contains("TRIGGER;RELATED=START:-P"), "{text}");

    // -o follows export's rule: never over an application.
    let out = kzvisa(
        data.path(),
        &["calendar", "-o", path.to_str().expect("utf-8")],
        "",
    );
    assert_eq!(status(&out), 2);
    assert!(
        stderr(&out).contains("is a saved application"),
        "{}",
        stderr(&out)
    );

    calcurse_imports(&ics, events.len());
}

/// calcurse, a calendar program from Debian (`apt-get install calcurse`), imports the file
/// into an empty calendar of its own and finds every event.
fn calcurse_imports(ics: &Path, events: usize) {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = home.path().join("calcurse");
    std::fs::create_dir_all(&dir).expect("folder");
    let run = std::process::Command::new("calcurse")
        .arg("-D")
        .arg(&dir)
        .arg("-i")
        .arg(ics)
        .env("HOME", home.path())
        .output();
    let output = match run {
        Ok(output) => output,
        Err(e) => panic!(
            "calcurse is needed for this test and could not be run ({e}): install it with \
             apt-get install -y calcurse (.ci/run does)"
        ),
    };
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "calcurse -i failed: {said}");
    let apts = std::fs::read_to_string(dir.join("apts")).unwrap_or_default();
    let imported = apts.lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(imported, events, "calcurse said: {said}\napts:\n{apts}");
    assert!(apts.contains("Enter Kazakhstan"), "{apts}");
}
