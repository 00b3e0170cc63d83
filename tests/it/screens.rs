//! Every screen drawn into a `TestBackend` and kept as an insta snapshot in `snapshots/`, at the
//! smallest usual terminal (80x24) and a roomy one (120x40). The snapshots are the UI's spec:
//! review them like code.

use kzvisa::app::{App, Effect, Msg, Screen};
use kzvisa::keymap;
use kzvisa::lang::Lang;
use kzvisa::ui::{self, theme::MIN_HEIGHT, theme::MIN_WIDTH};
use kzvisa::wizard::Place;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Position;
use ratatui::style::Modifier;

use crate::common::{
    SKIP_TO_REVIEW, TO_DOCUMENTS, TO_PASSPORT, TO_SUBMISSION, app, app_after, completed,
    content_in, press,
};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(width, height)).expect("a test terminal never fails");
    terminal
        .draw(|frame| ui::view(app, frame))
        .expect("drawing into a test terminal never fails");
    terminal
}

/// The screen's rows as plain text, without the quotes the backend's Display adds.
fn rows(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

/// The screen as plain text, one row a line.
pub(crate) fn text_of(app: &App, width: u16, height: u16) -> String {
    rows(&draw(app, width, height)).join("\n")
}

fn with_settings(description: &str, check: impl FnOnce()) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.set_description(description);
    settings.bind(check);
}

/// Snapshots the screen at both sizes, after checking what every screen must have: the header,
/// and a footer that names every key the screen's table shows.
fn snap(name: &str, description: &str, app: &App) {
    for (width, height) in SIZES {
        let terminal = draw(app, width, height);
        let rows = rows(&terminal);
        assert!(
            rows[0].contains("kzvisa"),
            "{name}: no header\n{}",
            rows.join("\n")
        );
        footer_names_every_key(app, &rows, &format!("{name} at {width}x{height}"));
        snap_text(
            &format!("{name}_{width}x{height}"),
            description,
            terminal.backend().to_string(),
        );
    }
}

/// The footer (the last three rows at most) names every key of the screen's table.
fn footer_names_every_key(app: &App, rows: &[String], screen: &str) {
    let footer: String = rows[rows.len() - 3..].join(" ");
    let footer = footer.split_whitespace().collect::<Vec<_>>().join(" ");
    for (keys, label) in
        keymap::footer(app.mode(), &app.content.ui.keys, &app.content.answer_keys())
    {
        let entry = format!("{keys} {label}");
        assert!(
            footer.contains(&entry),
            "{screen}: the footer lacks {entry:?}\n{}",
            rows.join("\n")
        );
    }
}

fn snap_text(name: &str, description: &str, text: String) {
    with_settings(description, || insta::assert_snapshot!(name, text));
}

/// What stands left of the terminal cursor on its row; panics when no cursor is shown.
fn before_cursor(terminal: &mut Terminal<TestBackend>) -> String {
    let Position { x, y } = terminal
        .get_cursor_position()
        .expect("a test terminal never fails");
    let buffer = terminal.backend().buffer();
    (0..x).map(|x| buffer[(x, y)].symbol()).collect()
}

// --- The guide ----------------------------------------------------------------------------------

#[test]
fn welcome() {
    snap(
        "welcome",
        "The first screen: the disclaimer, the welcome, how to begin.",
        &app(),
    );
}

/// Opened with `--file`, one application stands alone: no list to go back to, so the footer
/// offers no Esc, and neither Esc nor the line wizard's `back` leaves the welcome screen.
#[test]
fn welcome_opened_with_a_file() {
    let mut app = app();
    app.update(Msg::Opened {
        name: "Aigerim".into(),
        application: Box::default(),
        read_only: None,
        from_file: true,
    });
    snap(
        "welcome_from_file",
        "Opened with --file: no list of applications to go back to, so Esc is not offered.",
        &app,
    );
    for (width, height) in SIZES {
        let screen = text_of(&app, width, height);
        assert!(!screen.contains("Esc"), "{width}x{height}:\n{screen}");
    }
    let before = app.clone();
    assert_eq!(press(&mut app, "<Esc>"), [], "Esc means nothing here");
    // The line wizard's `back` sends the message itself.
    assert_eq!(app.update(Msg::Back), Effect::None);
    assert_eq!(app.application, before.application);
    assert_eq!(app.screen, Screen::Wizard);
    assert_eq!(app.application.place, Place::Welcome);
    // Opened from the list, the same screen offers the way back to it.
    let mut listed = app.clone();
    listed.update(Msg::Opened {
        name: "Aigerim".into(),
        application: Box::default(),
        read_only: None,
        from_file: false,
    });
    assert!(text_of(&listed, 80, 24).contains("Esc applications"));
    assert_eq!(press(&mut listed, "<Esc>"), [Effect::CloseApplication]);
}

#[test]
fn quit_with_the_last_change_not_saved() {
    let mut app = app_after("<Enter> 3 y");
    app.update(kzvisa::app::Msg::Saved(Err(
        "/home/aigerim/.local/share/kzvisa/applications/my-application.yaml: the disk is full."
            .into(),
    )));
    press(&mut app, "q");
    snap(
        "quit_unsaved",
        "q after a failed save: the reason, and the keys to retry, quit anyway or cancel.",
        &app,
    );
}

#[test]
fn eligibility_questions() {
    snap(
        "eligibility_job_offer",
        "Question 1, not answered yet.",
        &app_after("<Enter> 3"),
    );
    snap(
        "eligibility_job_offer_answered",
        "Question 1 after answering yes and coming back with Esc.",
        &app_after("<Enter> 3 y <Esc>"),
    );
    snap(
        "eligibility_qualifications",
        "Question 2.",
        &app_after("<Enter> 3 y"),
    );
    snap(
        "eligibility_medical",
        "Question 3, which has no related FAQ entry.",
        &app_after("<Enter> 3 y y"),
    );
    snap(
        "eligibility_criminal_record",
        "Question 4.",
        &app_after("<Enter> 3 y y y"),
    );
}

#[test]
fn eligibility_result() {
    snap(
        "eligibility_result_not_met",
        "No job offer; every other criterion met.",
        &app_after("<Enter> 3 n y y y"),
    );
    snap(
        "eligibility_result_all_met",
        "Every criterion met.",
        &app_after("<Enter> 3 y y y y"),
    );
}

#[test]
fn documents() {
    snap(
        "documents_collapsed",
        "The passport ticked and selected; nothing expanded.",
        &app_after(&format!("{TO_DOCUMENTS} <Space>")),
    );
    snap(
        "documents_expanded",
        "The contract ticked and expanded, salary and working hours ticked, working hours selected.",
        &app_after(&format!(
            "{TO_DOCUMENTS} <Down> <Space> <Right> <Down> <Space> <Down> <Space>"
        )),
    );
}

#[test]
fn the_selected_row_is_in_reverse_video() {
    let app = app_after(&format!(
        "{TO_DOCUMENTS} <Down> <Space> <Right> <Down> <Space> <Down> <Space>"
    ));
    let terminal = draw(&app, 80, 24);
    let rows = rows(&terminal);
    let buffer = terminal.backend().buffer();
    let reversed = |needle: &str| {
        let y = rows
            .iter()
            .position(|row| row.contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} is on screen"));
        let x = rows[y]
            .find(needle)
            .map(|byte| rows[y][..byte].chars().count());
        let x = u16::try_from(x.unwrap_or(0)).expect("a narrow screen");
        let y = u16::try_from(y).expect("a short screen");
        buffer[(x, y)].modifier.contains(Modifier::REVERSED)
    };
    assert!(reversed("Your working hours"));
    assert!(!reversed("Your salary"));
    assert!(!reversed("Employment contract"));
    with_settings(
        "Styles of documents_expanded_80x24: the selected point alone is reversed.",
        || insta::assert_debug_snapshot!("documents_styles_80x24", buffer),
    );
}

// --- The fields ---------------------------------------------------------------------------------

#[test]
fn passport() {
    let empty = app_after(TO_PASSPORT);
    snap(
        "passport_empty",
        "Both dates empty, the expiry focused.",
        &empty,
    );
    // The cursor waits on the empty line under the focused label.
    let mut terminal = draw(&empty, 80, 24);
    assert_eq!(before_cursor(&mut terminal), "   ");
    let Position { y, .. } = terminal
        .get_cursor_position()
        .expect("a test terminal never fails");
    assert!(rows(&terminal)[usize::from(y) - 1].contains("› Passport expiry date"));

    let bad = app_after(&format!(
        "{TO_PASSPORT} 2031-02-30 <Enter> 2030-08-31 <Enter>"
    ));
    snap(
        "passport_bad_date",
        "Enter found 2031-02-30, which is no date: back on the expiry, text kept, error shown.",
        &bad,
    );
    assert!(before_cursor(&mut draw(&bad, 80, 24)).ends_with("2031-02-30"));

    snap(
        "passport_passes",
        "Expiry 2031-03-31, end of stay 2030-09-30: passes, the result focused.",
        &app_after(&format!(
            "{TO_PASSPORT} 2031-03-31 <Tab> 2030-09-30 <Enter>"
        )),
    );
    snap(
        "passport_fails",
        "Expiry 2030-12-31, end of stay 2030-09-30: fails, the result focused.",
        &app_after(&format!(
            "{TO_PASSPORT} 2030-12-31 <Tab> 2030-09-30 <Enter>"
        )),
    );
}

#[test]
fn submission() {
    snap(
        "submission_top",
        "Nothing done; the form selected.",
        &app_after(TO_SUBMISSION),
    );
    let scheduled = app_after(&format!(
        "{TO_SUBMISSION} <Space> <Down> <Space> <Down> 80 <Space> USD <Down> 2030-01-15 \
         <Down> <Right> <Down> 2030-02-0"
    ));
    snap(
        "submission_interview_date",
        "Form and fee done, interview scheduled, its date being typed.",
        &scheduled,
    );
    for (width, height) in SIZES {
        assert!(before_cursor(&mut draw(&scheduled, width, height)).ends_with("2030-02-0"));
    }
}

/// From the submission to "Your dates", nothing ticked there.
const TO_DATES: &str = "<Enter>";

#[test]
fn your_dates() {
    snap(
        "your_dates_work_visa",
        "Your dates on the work visa route: the target date given, the entry typed as DD.MM.YYYY, a bad actual entry date left.",
        &app_after(&format!(
            "{TO_SUBMISSION} {TO_DATES} 2027-03-01 <Down> 22.02.2027 <Down> 2027-02-30 <Down>"
        )),
    );
    snap(
        "your_dates_visa_free",
        "Your dates on the visa-free route: no permit or visa dates.",
        &app_after("<Enter> 2 <Enter> y y y y <Enter> <Enter> <Enter> <Enter> <Enter>"),
    );
}

/// The plan overlay over "Your dates", today fixed: the vacancy and the permit late, the
/// invitation and the visa due soon, what follows entry later.
fn plan_overlay() -> App {
    let mut app = app_after(&format!(
        "{TO_SUBMISSION} {TO_DATES} 2026-06-01 <Down> 2026-06-01"
    ));
    app.update(kzvisa::app::Msg::Today(
        chrono::NaiveDate::from_ymd_opt(2026, 4, 27).expect("date"),
    ));
    press(&mut app, "<F4> <Down>");
    app
}

#[test]
fn plan() {
    snap(
        "plan_overlay",
        "The plan on 27 April 2026 for an entry on 1 June 2026: overdue first, countdowns, estimates marked.",
        &plan_overlay(),
    );
}

// --- The review ---------------------------------------------------------------------------------

#[test]
fn review() {
    snap(
        "review_blockers",
        "No job offer and a passport that expires too soon.",
        &app_after(
            "<Enter> 3 n y y y <Enter> <Enter> <Enter> 2030-12-31 <Tab> 2030-09-30 <Enter> <Enter> <Enter> <Enter>",
        ),
    );
    snap(
        "review_no_blockers",
        "Every criterion met, nothing else done: next actions but no blockers.",
        &app_after(&format!("{TO_DOCUMENTS} {SKIP_TO_REVIEW}")),
    );
    snap(
        "review_all_done",
        "Everything done, the interview attended.",
        &completed(),
    );
}

/// The review's last line, the duty to notify after arrival, is reached with ↓, End and PgDn
/// at every size from 80x24 up (the cursor used to stop at the interview with more below).
#[test]
fn the_review_scrolls_to_its_very_last_line() {
    for (width, height) in [(80, 24), (100, 30), (120, 40)] {
        for keys in ["<End>", &"<PgDn> ".repeat(5), &"<Down> ".repeat(40)] {
            let mut app = completed();
            press(&mut app, keys);
            let screen = rows(&draw(&app, width, height)).join("\n");
            let text = &app.content.steps.after_arrival.text;
            let ending = text.split_whitespace().last().expect("a text");
            assert!(
                screen.contains(ending),
                "{width}x{height} after {keys}: the last line is not on screen\n{screen}"
            );
        }
    }
}

// --- The FAQ ------------------------------------------------------------------------------------

/// The filter's cursor is a block on the character it is at, or past the end, and moves the
/// text around it nowhere.
#[test]
fn the_faq_filter_shows_its_cursor_where_it_is() {
    use ratatui::style::Modifier;
    for (keys, under) in [("", " "), ("<Left> <Left>", "s"), ("<Home>", "v")] {
        let mut app = app_after("<F1> / visa");
        press(&mut app, keys);
        let terminal = draw(&app, 80, 24);
        let buffer = terminal.backend().buffer();
        let row = rows(&terminal)
            .iter()
            .position(|row| row.contains("Filter: visa "))
            .expect("the filter's row, its text whole");
        let reversed: Vec<&str> = (0..80)
            .map(|x| &buffer[(x, row as u16)])
            .filter(|cell| cell.modifier.contains(Modifier::REVERSED))
            .map(|cell| cell.symbol())
            .collect();
        assert_eq!(reversed, [under], "after {keys:?}");
    }
}

#[test]
fn faq() {
    snap(
        "faq_list",
        "Opened with F1 from the welcome screen.",
        &app_after("<F1>"),
    );
    snap(
        "faq_expanded",
        "Opened with f on the job offer question: its entry open.",
        &app_after("<Enter> 3 f"),
    );
    snap(
        "faq_filtered",
        "Filtering for \"family\".",
        &app_after("<F1> / family"),
    );
    snap(
        "faq_no_match",
        "Filtering for \"xyz\": nothing matches.",
        &app_after("<F1> / xyz"),
    );
}

// --- Sizes --------------------------------------------------------------------------------------

#[test]
fn too_small() {
    let terminal = draw(&app(), 30, 10);
    with_settings("Below the minimum size.", || {
        insta::assert_snapshot!("too_small_30x10", terminal.backend().to_string());
    });
    for (width, height) in [(MIN_WIDTH - 1, 24), (80, MIN_HEIGHT - 1)] {
        let text = rows(&draw(&app(), width, height)).join(" ");
        assert!(
            text.contains("Terminal too small"),
            "{width}x{height}: {text}"
        );
    }
    let text = rows(&draw(&app(), MIN_WIDTH, MIN_HEIGHT)).join(" ");
    assert!(!text.contains("Terminal too small"), "{text}");
}

#[test]
fn every_screen_draws_at_the_smallest_size_and_a_huge_one() {
    let screens = [
        app(),
        app_after("<Enter> 3 y"),
        app_after("<Enter> 3 n n n n"),
        app_after(&format!("{TO_DOCUMENTS} <Down> <Right> <Down>")),
        app_after(&format!(
            "{TO_PASSPORT} 2031-02-30 <Enter> 2030-08-31 <Enter>"
        )),
        app_after(&format!(
            "{TO_SUBMISSION} <Down> <Down> <Down> <Down> <Right> <Down> 2030"
        )),
        app_after(&format!("{TO_DOCUMENTS} {SKIP_TO_REVIEW}")),
        completed(),
        app_after("<F1> <Enter> <Down> <Enter> <Down> <Enter>"),
    ];
    for app in &screens {
        for (width, height) in [(MIN_WIDTH, MIN_HEIGHT), (41, 13), (250, 80)] {
            let rows = rows(&draw(app, width, height));
            assert!(
                rows[0].contains("kzvisa"),
                "{:?} at {width}x{height}",
                app.mode()
            );
        }
    }
}

// --- Bugs found and fixed: each test failed before its fix ------------------------------------

#[test]
fn the_fee_row_says_paid_only_when_paid() {
    let unpaid = app_after(&format!(
        "{TO_SUBMISSION} <Down> <Down> 80 <Space> USD <Enter> <Enter>"
    ));
    let paid_no_date = app_after(&format!(
        "{TO_SUBMISSION} <Down> <Space> <Down> 80 <Space> USD <Enter> <Enter>"
    ));
    for (app, ticked) in [(unpaid, "[ ]"), (paid_no_date, "[✓]")] {
        let rows = rows(&draw(&app, 120, 80));
        let fee = rows
            .iter()
            .find(|row| row.contains(&format!("{ticked} Pay the visa fee")))
            .expect("the review has a fee row");
        if ticked == "[ ]" {
            assert!(!fee.contains("paid"), "an unpaid fee is called paid: {fee}");
        }
        assert!(
            !fee.trim_end().ends_with(" on"),
            "a sentence cut short: {fee}"
        );
    }
}

#[test]
fn a_scheduled_interview_without_a_date_reads_as_a_sentence() {
    let app = app_after(&format!(
        "{TO_SUBMISSION} <Down> <Down> <Down> <Down> <Right> <Enter> <Enter>"
    ));
    // Tall enough for the interview's row below what to confirm with the employer.
    let text = rows(&draw(&app, 120, 60)).join("\n");
    assert!(text.contains("scheduled"), "{text}");
    assert!(!text.contains("on ."), "{text}");
    assert!(!text.contains("()"), "{text}");
}

#[test]
fn the_footer_sits_on_the_last_row() {
    for app in [app_after(TO_DOCUMENTS), app_after(TO_SUBMISSION)] {
        let rows = rows(&draw(&app, 80, 24));
        assert!(
            rows[23].contains("q quit"),
            "{:?}: the last row is {:?}",
            app.mode(),
            rows[23]
        );
    }
}

// --- The start screen and the header's name -----------------------------------------------------

pub(crate) mod start {
    use std::path::PathBuf;

    use chrono::{DateTime, Local};
    use kzvisa::app::{App, Row, Screen};
    use kzvisa::store::{Listing, Record};
    use kzvisa::ui::theme::Theme;
    use kzvisa::wizard::{Place, Step};

    use super::{SIZES, draw, snap_text};
    use crate::common::{broken_listing, content, content_in, press};
    use kzvisa::lang::Lang;

    const UPDATED: [&str; 2] = ["2026-02-02T10:00:00+05:00", "2026-01-15T08:30:00+05:00"];

    fn listing(name: &str, updated: &str, place: Place) -> Listing {
        let time = DateTime::parse_from_rfc3339(updated).expect("a test time");
        let mut record = Record::new(name.to_string(), time);
        record.application.place = place;
        record
            .application
            .eligibility
            .insert("job_offer".into(), true);
        Listing::Ready {
            path: PathBuf::from(format!("/apps/{name}.yaml")),
            record: Box::new(record),
        }
    }

    pub(crate) fn start() -> App {
        let listings = vec![
            listing("Anna", UPDATED[0], Place::start_of(Step::Passport)),
            listing("王小明", UPDATED[1], Place::start_of(Step::Eligibility)),
            broken_listing(5),
        ];
        App::start(content(), listings, Theme::PLAIN)
    }

    /// The screen as text, with the times (shown in the local zone) written as a placeholder of
    /// the same width, so the snapshot is the same in every time zone.
    fn screen(app: &App, width: u16, height: u16) -> String {
        without_times(draw(app, width, height).backend().to_string())
    }

    pub(super) fn without_times(mut text: String) -> String {
        for updated in UPDATED {
            let time = DateTime::parse_from_rfc3339(updated).expect("a test time");
            // In the time zone the shell told the app, or the file's own when none was told.
            for shown in [
                time.with_timezone(&Local)
                    .format("%Y-%m-%d %H:%M")
                    .to_string(),
                time.format("%Y-%m-%d %H:%M").to_string(),
            ] {
                text = text.replace(&shown, "YYYY-MM-DD hh:mm");
            }
        }
        text
    }

    fn snap(name: &str, description: &str, app: &App) {
        for (width, height) in SIZES {
            let text = screen(app, width, height);
            assert!(!text.contains("2026-"), "a time was left in:\n{text}");
            snap_text(&format!("{name}_{width}x{height}"), description, text);
        }
    }

    #[test]
    fn the_start_screen_names_each_application_s_next_dated_action() {
        let mut planned = listing("Anna", UPDATED[0], Place::start_of(Step::Dates));
        if let Listing::Ready { record, .. } = &mut planned {
            record.application.route = Some(kzvisa::wizard::Route::VisaFree);
            record.application.dates.actual_entry = "2026-07-31".into();
        }
        let app = App::start(content(), vec![planned], Theme::PLAIN);
        let text = screen(&app, 120, 40).replace('\u{a0}', " ");
        assert!(
            text.contains("→ 31 July 2026: Get your IIN (in pe"),
            "{text}"
        );
    }

    #[test]
    fn start_screen() {
        snap(
            "start_list",
            "Two applications, one with a CJK name, and a file that cannot be read.",
            &start(),
        );
        let mut app = start();
        press(&mut app, "n Әлия");
        snap(
            "start_new_name",
            "Typing the name of a new application.",
            &app,
        );
        let mut app = start();
        press(&mut app, "d");
        snap(
            "start_confirm_delete",
            "Asked before moving Anna to the trash.",
            &app,
        );
        let mut app = start();
        app.report_locked();
        snap("start_locked", "Anna is open in another kzvisa.", &app);
    }

    /// A large folder: the screen shows before the folder is listed, and rows show their file
    /// names for the moment it takes to read them.
    #[test]
    fn start_while_reading() {
        let mut app = App::start_reading(content(), Theme::PLAIN);
        snap("start_reading", "Before the folder is listed.", &app);
        let anna = listing("Anna", UPDATED[0], Place::start_of(Step::Passport));
        let files = vec![
            anna.path().to_path_buf(),
            PathBuf::from("/apps/bolat.yaml"),
            PathBuf::from("/apps/zhanna-k.yaml"),
        ];
        app.show_files(files, None);
        app.read_listing(0, anna);
        snap(
            "start_partly_read",
            "Anna read; bolat and zhanna-k listed by file name until read.",
            &app,
        );
    }

    /// Rows far from the selection are not laid out; every row on screen is, wherever the
    /// selection is, at both sizes.
    #[test]
    fn a_long_list_shows_every_row_on_screen() {
        let listings: Vec<Listing> = (0..300)
            .map(|i| listing(&format!("Person {i:03}"), UPDATED[0], Place::Welcome))
            .collect();
        for selected in [0, 5, 150, 299] {
            let mut app = App::start(content(), listings.clone(), Theme::PLAIN);
            for _ in 0..selected {
                press(&mut app, "<Down>");
            }
            for (width, height) in SIZES {
                let text = screen(&app, width, height);
                let shown: Vec<usize> = text
                    .lines()
                    .filter_map(|line| line.split("Person ").nth(1))
                    .filter_map(|rest| rest.get(..3)?.parse().ok())
                    .collect();
                assert!(shown.contains(&selected), "{selected} not shown:\n{text}");
                // One row a line, in order, from the top of the list to its bottom edge.
                let first = shown[0];
                assert_eq!(
                    shown,
                    (first..first + shown.len()).collect::<Vec<_>>(),
                    "{text}"
                );
                let list_rows = usize::from(height) - 6;
                assert!(shown.len() >= list_rows, "rows missing:\n{text}");
                assert!(
                    text.lines()
                        .any(|line| line.contains("Name") && line.contains("Step")),
                    "the heading scrolled away:\n{text}"
                );
            }
        }
    }

    /// With nothing left to list, the screen says so and offers only what works: no table
    /// heading, no Enter, r or d.
    #[test]
    fn an_empty_folder_shows_the_empty_state_and_only_the_keys_that_work() {
        let app = App::start(content(), vec![], Theme::PLAIN);
        let text = screen(&app, 80, 24);
        assert!(
            text.contains("No saved applications. Press n to start one."),
            "{text}"
        );
        for absent in ["Last updated", "Enter", "r rename", "d delete"] {
            assert!(!text.contains(absent), "{absent:?}\n{text}");
        }
        assert!(text.contains("n new"), "{text}");
        snap(
            "start_empty",
            "No application saved: what to do, and only the keys that work.",
            &app,
        );
    }

    /// `u` asks the shell to bring the last deleted application back, from the list and from
    /// the empty screen a delete leaves; what came of it is said on the status line.
    #[test]
    fn u_brings_the_last_deleted_application_back_and_says_so() {
        use kzvisa::app::{Effect, Msg};
        let mut app = start();
        assert_eq!(press(&mut app, "u"), vec![Effect::RestoreLast]);
        app.update(Msg::Restored(Some("Anna".into())));
        let text = screen(&app, 80, 24);
        assert!(text.contains("\"Anna\" is back from the trash."), "{text}");
        assert!(text.contains("u undo delete"), "{text}");
        snap(
            "start_restored",
            "After u: Anna is back from the trash, and selected.",
            &app,
        );

        let mut empty = App::start(content(), vec![], Theme::PLAIN);
        assert!(screen(&empty, 80, 24).contains("u undo delete"));
        assert_eq!(press(&mut empty, "u"), vec![Effect::RestoreLast]);
        empty.update(Msg::Restored(None));
        let text = screen(&empty, 80, 24);
        assert!(
            text.contains("The trash is empty: nothing to bring back."),
            "{text}"
        );
        // While a name is typed, u is a letter.
        let mut naming = start();
        press(&mut naming, "n");
        assert_eq!(press(&mut naming, "u"), vec![Effect::None]);
    }

    /// Renaming to a name another application has is refused, as `kzvisa new` refuses it; so
    /// is a new application of that name.
    #[test]
    fn a_name_in_use_is_refused_when_renaming_or_creating() {
        let mut app = start();
        let effects = press(&mut app, "<Down> r <C-u> anna <Enter>");
        assert!(
            !effects
                .iter()
                .any(|e| matches!(e, kzvisa::app::Effect::Rename(..))),
            "{effects:?}"
        );
        let text = screen(&app, 80, 24);
        assert!(text.contains("exists already"), "{text}");
        assert!(text.contains("New name:"), "the prompt stays open\n{text}");
        // Its own name is no other's: renaming Anna to ANNA goes ahead.
        let mut app = start();
        let effects = press(&mut app, "r <C-u> ANNA <Enter>");
        assert!(
            effects
                .iter()
                .any(|e| matches!(e, kzvisa::app::Effect::Rename(..)))
        );
        let mut app = start();
        let effects = press(&mut app, "n Anna <Enter>");
        assert!(
            !effects
                .iter()
                .any(|e| matches!(e, kzvisa::app::Effect::Create(..))),
            "{effects:?}"
        );
    }

    /// Enter on a file that cannot be read says why, and where the file is.
    #[test]
    fn enter_on_an_unreadable_row_says_why_and_where() {
        let mut app = start();
        let effects = press(&mut app, "<End> <Enter>");
        assert!(
            !effects
                .iter()
                .any(|e| matches!(e, kzvisa::app::Effect::Open(..)))
        );
        let text = screen(&app, 80, 24);
        let status: Vec<&str> = text.lines().filter(|l| l.contains(" ! ")).collect();
        assert!(
            status.iter().any(|l| l.contains("/apps/broken.yaml")),
            "{text}"
        );
    }

    /// A table row is cut at the edge, never wrapped: the name gives way to the other columns.
    #[test]
    fn a_long_name_is_cut_to_keep_its_row_on_one_line() {
        let long = "Aigerim Nurlanovna Bekova-Sultanbekova";
        for lang in [Lang::En, Lang::Ru] {
            let app = App::start(
                content_in(lang),
                vec![listing(
                    long,
                    UPDATED[0],
                    Place::start_of(Step::Eligibility),
                )],
                Theme::PLAIN,
            );
            let text = screen(&app, 80, 24);
            let row = text
                .lines()
                .find(|line| line.contains("Aigerim"))
                .unwrap_or_else(|| panic!("no row:\n{text}"));
            assert!(
                row.contains("1/19") && row.contains("YYYY-MM-DD hh:mm"),
                "{text}"
            );
            assert!(!text.contains("Sultanbekova"), "the name is cut:\n{text}");
        }
    }

    #[test]
    fn the_header_names_the_application_and_read_only_is_said() {
        let mut app = start();
        let Screen::Start(view) = &app.screen else {
            panic!("App::start shows the start screen");
        };
        let Some(record) = view.rows.first().and_then(Row::record).cloned() else {
            panic!("Anna is listed first");
        };
        app.resume(
            record.name.clone(),
            record.application.clone(),
            Some(kzvisa::store::ReadOnly::Locked),
        );
        assert_eq!(app.application.place, Place::start_of(Step::Passport));
        snap(
            "passport_read_only",
            "Anna's application resumed read-only at the passport check.",
            &app,
        );
    }
}

#[test]
fn route_and_employer() {
    snap(
        "route",
        "The route by citizenship, the first option highlighted, nothing chosen.",
        &app_after("<Enter>"),
    );
    snap(
        "route_outcome_visa_free",
        "A national of a visa-free country: what sources say, with the route's note counted.",
        &app_after("<Enter> 2"),
    );
    snap(
        "employer",
        "The employer's part: the permit ticked, its date being typed.",
        &app_after("<Enter> 3 y y y y <Enter> <Space> <Down> 2026-01-1"),
    );
}

/// Where the drawn notes show their sources' addresses, whole or cut, the shell is told a link
/// to the whole address; nothing else on a screen becomes a link, a typed name least of all.
#[test]
fn the_shown_addresses_of_the_notes_sources_are_found_as_links() {
    let app = app_after(&format!("{TO_DOCUMENTS} <Down> <Down> i"));
    let urls = app.content.source_urls();
    for (width, height) in SIZES {
        let terminal = draw(&app, width, height);
        let buffer = terminal.backend().buffer();
        let links = ui::links::find(&app, buffer);
        let shown = rows(&terminal).join("\n").matches("https://").count();
        assert!(!links.is_empty(), "{width}x{height}: no link found");
        assert_eq!(
            links.len(),
            shown,
            "{width}x{height}: every address is a link"
        );
        for link in &links {
            let text: String = (link.x..link.x + link.width)
                .map(|x| buffer[(x, link.y)].symbol())
                .collect();
            assert!(urls.contains(&link.url.as_str()), "{link:?}");
            match text.strip_suffix('…') {
                Some(cut) => assert!(link.url.starts_with(cut), "{text:?} for {link:?}"),
                None => assert_eq!(text, link.url),
            }
        }
        if width == 80 {
            assert!(
                links.iter().any(|l| l.url.len() > usize::from(l.width)),
                "at 80 columns a long address is cut and still a link: {links:?}"
            );
        }
    }
    // A name that looks like an address is the person's text, not a link.
    let mut start = start::start();
    press(&mut start, "n https://evil.example/a-long-path");
    let terminal = draw(&start, 80, 24);
    assert!(rows(&terminal).join("").contains("https://evil.example"));
    assert_eq!(ui::links::find(&start, terminal.backend().buffer()), vec![]);
}

#[test]
fn notes_overlay() {
    snap(
        "notes_documents",
        "The documents step's notes, opened with i on the certificates: at their first note.",
        &app_after(&format!("{TO_DOCUMENTS} <Down> <Down> i")),
    );
    snap(
        "notes_from_a_text_field",
        "F2 from the permit date field: the employer's part's notes, the second one selected.",
        &app_after("<Enter> 3 y y y y <Enter> <Down> 2026 <F2> <Down>"),
    );
    snap(
        "faq_with_a_note",
        "The FAQ entry the sources contradict, open: its note right under the answer.",
        &app_after("<F1> <Down> <Down> <Down> <Down> <Enter>"),
    );
}

// --- Every screen in Russian and Kazakh ----------------------------------------------------------

/// The screens of a whole application, from the welcome screen to the review, the overlays and
/// the start screen, reached with the same keys in every language (keys do not change with it).
fn every_screen() -> Vec<(&'static str, App)> {
    vec![
        ("welcome", app()),
        ("route", app_after("<Enter>")),
        ("route_outcome", app_after("<Enter> 1")),
        ("question", app_after("<Enter> 3")),
        ("result_not_met", app_after("<Enter> 3 n y n y")),
        (
            "employer",
            app_after("<Enter> 3 y y y y <Enter> <Space> <Down> 31.01.2026"),
        ),
        (
            "documents",
            app_after(&format!("{TO_DOCUMENTS} <Space> <Down> <Down> <Right>")),
        ),
        (
            "passport_fails",
            app_after(&format!(
                "{TO_PASSPORT} 31.12.2030 <Enter> 2030-08-31 <Enter>"
            )),
        ),
        (
            "passport_bad_date",
            app_after(&format!("{TO_PASSPORT} 31.02.2030 <Enter>")),
        ),
        (
            "submission",
            app_after(&format!(
                "{TO_SUBMISSION} <Down> <Space> <Down> <Down> <Down> <Right>"
            )),
        ),
        (
            "your_dates",
            app_after(&format!(
                "{TO_SUBMISSION} {TO_DATES} 01.03.2027 <Down> 2027-02-30 <Down>"
            )),
        ),
        (
            "review_partial",
            app_after(&format!("{TO_DOCUMENTS} {SKIP_TO_REVIEW}")),
        ),
        ("review_completed", completed()),
        ("plan", plan_overlay()),
        ("faq", app_after("<F1> <Enter>")),
        ("faq_no_match", app_after("<F1> / xyz")),
        (
            "notes",
            app_after(&format!("{TO_DOCUMENTS} <Down> <Down> i")),
        ),
        ("start", start::start()),
        ("start_new_name", {
            let mut app = start::start();
            press(&mut app, "n");
            app
        }),
        ("start_confirm_delete", {
            let mut app = start::start();
            press(&mut app, "d");
            app
        }),
        ("start_locked", {
            let mut app = start::start();
            app.report_locked();
            app
        }),
    ]
}

#[test]
fn every_screen_in_russian_and_kazakh_at_80x24() {
    for lang in [Lang::Ru, Lang::Kk] {
        let content = content_in(lang);
        for (name, mut app) in every_screen() {
            app.set_content(content.clone());
            let terminal = draw(&app, 80, 24);
            let rows = rows(&terminal);
            let screen = rows.join("\n");
            footer_names_every_key(&app, &rows, &format!("{name} in {lang:?}"));
            // Sources keep their own titles (proper names), so only the interface's words.
            let english = [
                "Enter to",
                "Press",
                "Step ",
                "Question",
                "Yes",
                "Not answered",
                "Good to know",
            ];
            for english in english {
                assert!(
                    !screen.contains(english),
                    "{name} in {lang:?}: {english:?}\n{screen}"
                );
            }
            let text = terminal.backend().to_string();
            let text = match name {
                // The start screen shows times in the local zone.
                "start" | "start_new_name" | "start_confirm_delete" | "start_locked" => {
                    start::without_times(text)
                }
                _ => text,
            };
            snap_text(
                &format!("{}_{name}_80x24", lang.code()),
                &format!("{name}, in {}.", content.ui.language.name),
                text,
            );
        }
    }
}

// --- What every screen keeps to: symbols, the header, the width of text ---------------------------

/// Under `TERM=linux` or a locale that is not UTF-8 the screens draw their own symbols in ASCII;
/// what remains beyond ASCII is the content's letters and its punctuation (quotes, dashes), which
/// the Linux console's fonts have.
#[test]
fn every_screen_in_ascii_mode_draws_only_ascii_symbols() {
    use kzvisa::ui::theme::Glyphs;
    const PUNCTUATION: &str = "«»—–…№\u{a0}";
    for lang in [Lang::En, Lang::Ru, Lang::Kk] {
        let content = content_in(lang);
        for (name, mut app) in every_screen() {
            app.set_content(content.clone());
            app.theme = app.theme.with_glyphs(Glyphs::ASCII);
            for (width, height) in SIZES.into_iter().chain([(40, 12)]) {
                let screen = rows(&draw(&app, width, height)).join("\n");
                let odd: String = screen
                    .chars()
                    .filter(|c| !c.is_ascii() && !c.is_alphabetic() && !PUNCTUATION.contains(*c))
                    .collect();
                assert!(
                    odd.is_empty(),
                    "{name} in {lang:?} at {width}x{height}: {odd:?}\n{screen}"
                );
            }
        }
    }
}

/// With a long name, or in a narrow window, the name is cut first, then the guide's title, and
/// a gap always stands before the screen's title.
#[test]
fn the_header_cuts_the_name_then_the_title_and_keeps_a_gap() {
    let mut app = app_after("<Enter> 3 y y y y");
    app.name = "Aigerim Bekova (daughter)".to_string();
    let title = kzvisa::present::step_name(&app.content, app.application.place.step()).to_string();
    for width in MIN_WIDTH..=120 {
        let header = rows(&draw(&app, width, 24)).remove(0);
        let header = header.trim_end();
        let left = header
            .strip_suffix(title.as_str())
            .unwrap_or_else(|| panic!("{width}: the screen's title is not at the end: {header:?}"));
        assert!(left.ends_with("  "), "{width}: no gap: {header:?}");
        assert!(left.starts_with(" kzvisa"), "{width}: {header:?}");
        let left = left.trim_end();
        if !left.ends_with("Aigerim Bekova (daughter)") {
            assert!(
                left.ends_with('…') || left == " kzvisa",
                "{width}: cut without an ellipsis: {header:?}"
            );
        }
        // The name gives way before the guide's title does.
        if !left.contains("Work visa for Kazakhstan") {
            assert!(!left.contains("(daughter)"), "{width}: {header:?}");
        }
    }
    snap(
        "eligibility_result_long_name",
        "A long name in the header: cut before it reaches the screen's title.",
        &app,
    );
    let mut faq = app_after("<F1>");
    faq.name = "My application".to_string();
    let header = rows(&draw(&faq, 60, 24)).remove(0);
    let left = header
        .trim_end()
        .strip_suffix("Frequently asked questions")
        .unwrap_or_else(|| panic!("{header:?}"));
    assert!(
        left.ends_with("  ") && left.trim_end().ends_with('…'),
        "{header:?}"
    );
}

/// On a wide terminal the text stops at a readable width, as pages do.
#[test]
fn text_stops_at_a_readable_width_on_a_wide_terminal() {
    use kzvisa::ui::theme::MAX_TEXT_WIDTH;
    for (name, app) in every_screen() {
        let rows = rows(&draw(&app, 160, 50));
        // Between the header and the status and footer lines.
        for row in &rows[3..rows.len() - 4] {
            // The scrollbar keeps to the right edge: only the text is measured.
            let row: String = row.chars().take(159).collect();
            let text = row
                .trim_end()
                .trim_end_matches(['▲', '▼', '█', '║', '^', 'v', '#', '|']);
            let used = text.trim_end().chars().count();
            assert!(
                used <= usize::from(MAX_TEXT_WIDTH) + 1,
                "{name}: a line of {used} columns\n{}",
                rows.join("\n")
            );
        }
    }
}

/// An open answer reads as text: only its question is in reverse video.
#[test]
fn an_open_faq_answer_is_not_highlighted_only_its_question() {
    let app = app_after("<F1> <Enter>");
    let terminal = draw(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    let reversed_rows: Vec<u16> = (0..24)
        .filter(|&y| (0..80).any(|x| buffer[(x, y)].modifier.contains(Modifier::REVERSED)))
        .collect();
    assert_eq!(
        reversed_rows.len(),
        1,
        "{reversed_rows:?}\n{}",
        rows(&terminal).join("\n")
    );
}

/// Choosing "scheduled" brings the date field into view, and the text above it keeps its lines.
#[test]
fn a_scheduled_interview_shows_its_date_field_without_reflowing() {
    let on_interview = format!("{TO_SUBMISSION} <Down> <Down> <Down> <Down>");
    let before = app_after(&on_interview);
    let after = app_after(&format!("{on_interview} <Right>"));
    let label = &after.content.ui.submission.interview_date;
    for (width, height) in SIZES {
        let before = rows(&draw(&before, width, height));
        let after = rows(&draw(&after, width, height));
        assert!(
            after.iter().any(|row| row.contains(label.as_str())),
            "{width}x{height}: the date field is not in view\n{}",
            after.join("\n")
        );
        // Every line of text (without the scrollbar's column) is one drawn before, unchanged.
        let text = |rows: &[String]| -> Vec<String> {
            rows[3..rows.len() - 2]
                .iter()
                .map(|r| r.chars().take(usize::from(width) - 2).collect::<String>())
                .map(|r| r.trim_end().to_string())
                .collect()
        };
        let (before, after) = (text(&before), text(&after));
        let fee = after
            .iter()
            .find(|line| line.contains("fee") || line.contains("Fee"))
            .expect("the fee step shows");
        assert!(
            before.contains(fee),
            "{width}x{height}: {fee:?} moved\n{before:#?}"
        );
    }
}

/// A status line that wraps goes on under its text, not under its mark at column 0.
#[test]
fn a_wrapped_status_line_hangs_under_its_text() {
    let mut app = app_after(TO_PASSPORT);
    app.read_only = Some(kzvisa::store::ReadOnly::Locked);
    let rows = rows(&draw(&app, 60, 24));
    let start = rows
        .iter()
        .position(|row| row.starts_with(" ! "))
        .expect("the read-only line shows");
    assert!(rows[start + 1].starts_with("   ") && !rows[start + 1].trim().is_empty());
}

/// A source's address is never broken across lines: whole on its row, or cut with an ellipsis
/// at the row's end; a date is never broken either.
#[test]
fn addresses_and_dates_are_never_broken_across_lines() {
    let app = app_after(&format!("{TO_DOCUMENTS} <Down> <Down> i"));
    let urls: Vec<String> = app
        .content
        .notes
        .iter()
        .flat_map(|note| note.sources.iter().map(|s| s.url.clone()))
        .collect();
    for screen in [app, app_after("<F1> <Down> <Down> <Down> <Down> <Enter>")] {
        for (width, height) in SIZES {
            let rows = rows(&draw(&screen, width, height));
            let mut seen = 0;
            for row in &rows {
                let Some(at) = row.find("http") else { continue };
                let word = row[at..].split([' ', '│', '║', '█']).next().unwrap_or("");
                let whole = urls.iter().any(|url| url == word);
                let cut = word
                    .strip_suffix('…')
                    .is_some_and(|start| urls.iter().any(|url| url.starts_with(start)));
                assert!(
                    whole || cut,
                    "{width}x{height}: {word:?}\n{}",
                    rows.join("\n")
                );
                seen += 1;
            }
            assert!(seen > 0, "no address on screen\n{}", rows.join("\n"));
        }
    }
    let fails = app_after(&format!(
        "{TO_PASSPORT} 2030-12-31 <Tab> 2030-09-30 <Enter>"
    ));
    for width in MIN_WIDTH..=120 {
        let screen = rows(&draw(&fails, width, 40))
            .join("\n")
            .replace('\u{a0}', " ");
        assert!(
            screen.contains("31 December 2030") && screen.contains("30 March 2031"),
            "{width}: a date is broken\n{screen}"
        );
    }
}
