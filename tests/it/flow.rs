//! The wizard driven by real keys through the keymap, as the shell drives it: each test is a
//! list of keys and what should hold after them.

use std::collections::BTreeSet;

use kzvisa::app::{App, Effect, MAX_FIELD_CHARS, Mode, Msg};
use kzvisa::ui::theme::Theme;
use kzvisa::wizard::dates::{self, PassportCheck};
use kzvisa::wizard::form::Field;
use kzvisa::wizard::review::{self, Action, Blocker, ReviewRow};
use kzvisa::wizard::{
    Application, DatesField, EmployerField, Interview, PassportField, Place, Route, SubmissionField,
};
use proptest::prelude::*;

use crate::common::{
    SKIP_TO_REVIEW, TICK_ALL_DOCUMENTS, TO_DOCUMENTS, TO_PASSPORT, TO_SUBMISSION, app, app_after,
    content_in, press,
};
use kzvisa::lang::Lang;

fn question(question: usize) -> Place {
    Place::Eligibility { question }
}

fn document(document: usize, item: Option<usize>) -> Place {
    Place::Documents { document, item }
}

fn employer(field: EmployerField) -> Place {
    Place::Employer { field }
}

fn passport(field: PassportField) -> Place {
    Place::Passport { field }
}

fn submission(field: SubmissionField) -> Place {
    Place::Submission { field }
}

/// What was answered, without where the person is.
fn answers(app: &App) -> Application {
    Application {
        place: Place::Welcome,
        ..app.application.clone()
    }
}

/// The review's rows of what to confirm with the employer, above the next actions.
fn confirm_rows(app: &App) -> usize {
    review::to_confirm(&app.application, &app.content, app.today).len()
}

fn blockers(app: &App) -> Vec<Blocker> {
    review::blockers(&app.application, &app.content, app.today)
}

fn rows(app: &App) -> Vec<ReviewRow> {
    review::rows(&app.application, &app.content, app.today)
}

fn next_actions(app: &App) -> Vec<Action> {
    review::next_actions(&app.application, &app.content, app.today)
}

fn date(text: &str) -> chrono::NaiveDate {
    dates::parse(text).expect("a test date")
}

fn completed() -> App {
    let app = crate::common::completed();
    assert_eq!(app.application.place, Place::Review { row: 0 });
    app
}

// --- The whole way through ----------------------------------------------------------------------

#[test]
fn the_whole_wizard_from_welcome_to_review() {
    let mut app = app();
    assert_eq!(app.mode(), Mode::Welcome);

    press(&mut app, "<Enter>");
    assert_eq!(app.application.place, Place::Route { option: 0 });
    assert_eq!(app.mode(), Mode::Route);
    press(&mut app, "<Down> <Down> <Enter>");
    assert_eq!(app.application.route, Some(Route::WorkVisa));
    assert_eq!(app.application.place, question(0));
    assert_eq!(app.mode(), Mode::Question);

    press(&mut app, "n");
    assert_eq!(app.application.answer("job_offer"), Some(false));
    press(&mut app, "<Esc> y y y y");
    assert_eq!(app.application.place, Place::EligibilityResult);
    for criterion in &app.content.guide.eligibility.criteria {
        assert_eq!(
            app.application.answer(&criterion.id),
            Some(true),
            "{}",
            criterion.id
        );
    }

    press(&mut app, "<Enter>");
    assert_eq!(app.application.place, employer(EmployerField::Permit));
    press(
        &mut app,
        "<Space> <Down> 2026-01-10 <Down> <Space> <Down> INV-7",
    );
    assert!(app.application.employer.permit && app.application.employer.invitation);
    assert_eq!(app.application.employer.permit_date, "2026-01-10");
    assert_eq!(app.application.employer.invitation_detail, "INV-7");
    press(&mut app, "<Enter>");
    assert_eq!(app.application.place, document(0, None));
    press(&mut app, TICK_ALL_DOCUMENTS);
    assert_eq!(app.application.place, document(3, None));
    press(&mut app, "<Up> <Up> <Up> <Up>");
    assert_eq!(app.application.place, document(1, Some(2)));
    press(&mut app, "<Left>");
    assert_eq!(app.application.place, document(1, None));
    assert!(!app.expanded.contains(&1));
    for d in &app.content.guide.documents.items {
        assert!(app.application.has_document(&d.id), "{}", d.id);
        for point in &d.items {
            assert!(app.application.covers(&d.id, &point.id), "{}", point.id);
        }
    }

    press(&mut app, "<Enter>");
    assert_eq!(app.application.place, passport(PassportField::Expiry));
    press(&mut app, "2031-03-31 <Tab> 2030-09-30");
    assert_eq!(app.application.place, passport(PassportField::EndOfStay));
    press(&mut app, "<Enter>");
    assert_eq!(app.application.place, passport(PassportField::Result));
    assert_eq!(
        dates::check_passport(
            &app.application.passport.expiry,
            &app.application.passport.end_of_stay,
            app.today
        ),
        PassportCheck::Passes {
            required: date("2031-03-30")
        }
    );

    press(&mut app, "<Enter>");
    assert_eq!(
        app.application.place,
        submission(SubmissionField::FormCompleted)
    );
    press(
        &mut app,
        "<Space> <Down> <Space> <Down> 80 <Space> USD <Down> 2030-01-15 <Down> <Right> <Down> 2030-02-01",
    );
    let typed = &app.application.submission;
    assert!(typed.form_completed && typed.fee_paid);
    assert_eq!(typed.fee_amount, "80 USD");
    assert_eq!(typed.fee_paid_on, "2030-01-15");
    assert_eq!(typed.interview, Interview::Scheduled);
    assert_eq!(typed.interview_date, "2030-02-01");

    // Your dates: each date as typed, on to the review.
    press(&mut app, "<Enter>");
    assert_eq!(
        app.application.place,
        Place::Dates {
            field: DatesField::Target
        }
    );
    press(&mut app, "2030-03-01 <Down> 22.02.2030 <Enter>");
    assert_eq!(app.application.dates.target, "2030-03-01");
    assert_eq!(app.application.dates.planned_entry, "22.02.2030");
    assert_eq!(app.application.place, Place::Review { row: 0 });
    assert_eq!(app.mode(), Mode::Review);
    assert!(blockers(&app).is_empty());
    let todo = next_actions(&app);
    assert_eq!(
        todo,
        [Action::AttendInterview {
            date: "2030-02-01".into()
        }]
    );
    // Dates are joined by no-break spaces, so a line never breaks inside one.
    assert_eq!(
        todo[0].text(&app.content),
        "Attend your interview on 1\u{a0}February\u{a0}2030."
    );
    let mut expected = vec![ReviewRow::Action(todo[0].clone()), ReviewRow::Route];
    expected.extend((0..4).map(ReviewRow::Criterion));
    expected.extend([ReviewRow::Permit, ReviewRow::Invitation]);
    expected.extend((0..4).map(ReviewRow::Document));
    expected.extend([
        ReviewRow::Passport,
        ReviewRow::Form,
        ReviewRow::Fee,
        ReviewRow::Interview,
    ]);
    // Every date of "Your dates" on the work visa route, given or not.
    expected.extend(
        [
            Field::TargetDate,
            Field::PlannedEntry,
            Field::ActualEntry,
            Field::PermitEnd,
            Field::VisaEnd,
        ]
        .map(ReviewRow::PlanDate),
    );
    expected.push(ReviewRow::AfterArrival);
    assert_eq!(rows(&app), expected);
}

#[test]
fn when_everything_is_done_the_review_has_neither_blockers_nor_actions() {
    let app = completed();
    assert!(blockers(&app).is_empty());
    assert!(next_actions(&app).is_empty());
    assert_eq!(
        review::progress(&app.application, &app.content, app.today),
        (20, 20)
    );
    assert!(matches!(rows(&app)[0], ReviewRow::Route));
}

// --- Eligibility --------------------------------------------------------------------------------

#[test]
fn answers_move_to_the_next_question_in_the_articles_order() {
    let mut app = app_after("<Enter> 3");
    let ids = ["job_offer", "qualifications", "medical", "criminal_record"];
    for (i, (id, key)) in ids.iter().zip(["y", "n", "y", "n"]).enumerate() {
        assert_eq!(app.application.place, question(i));
        assert_eq!(app.content.guide.eligibility.criteria[i].id, *id);
        // Enter moves on only once the question has an answer.
        assert_eq!(press(&mut app, "<Enter>"), [Effect::None]);
        assert_eq!(app.application.place, question(i));
        press(&mut app, key);
        assert_eq!(app.application.answer(id), Some(key == "y"));
    }
    assert_eq!(app.application.place, Place::EligibilityResult);
    // Back on an answered question, Enter keeps the answer and moves on.
    press(&mut app, "<Esc> <Esc> <Enter>");
    assert_eq!(app.application.place, question(3));
    assert_eq!(app.application.answer("medical"), Some(true));
}

#[test]
fn no_job_offer_is_a_blocker_with_its_reason_that_stays_on_the_review() {
    let mut app = app_after("<Enter> 3 n y y y");
    assert_eq!(app.application.place, Place::EligibilityResult);
    press(&mut app, "<Enter> <Enter>");
    let criterion = app.content.guide.eligibility.criteria[0].clone();
    assert_eq!(blockers(&app), [Blocker::CriterionNotMet(0)]);
    let text = Blocker::CriterionNotMet(0).text(&app.content);
    assert!(text.contains(&criterion.not_met), "{text}");
    assert!(text.contains("mandatory"), "{text}");

    // Going on does not make it go away.
    press(&mut app, SKIP_TO_REVIEW);
    assert_eq!(app.application.place, Place::Review { row: 0 });
    assert_eq!(
        rows(&app)[0],
        ReviewRow::Blocker(Blocker::CriterionNotMet(0))
    );
    // Right after the employer's permit, which comes first on this route.
    assert_eq!(
        next_actions(&app)[..2],
        [Action::AskPermit, Action::ResolveCriterion(0)]
    );
    assert_eq!(next_actions(&app)[1].text(&app.content), criterion.action);
    press(&mut app, "<Down> <Down> <Up> <Up>");
    assert_eq!(blockers(&app), [Blocker::CriterionNotMet(0)]);
}

#[test]
fn changing_an_earlier_answer_recomputes_the_blockers() {
    let mut app = app_after(&format!(
        "<Enter> 3 n y y y <Enter> <Enter> {SKIP_TO_REVIEW}"
    ));
    assert_eq!(blockers(&app), [Blocker::CriterionNotMet(0)]);

    // Enter on the blocker goes to its question; a yes there lifts it, and the answer given,
    // the review is back.
    press(&mut app, "<Enter>");
    assert_eq!(app.application.place, question(0));
    press(&mut app, "y");
    assert!(blockers(&app).is_empty());
    assert_eq!(app.application.place, Place::Review { row: 0 });

    // And a no elsewhere adds one (the second question: sources confirm it).
    let at = rows(&app)
        .iter()
        .position(|r| *r == ReviewRow::Criterion(1))
        .expect("a row for the second question");
    press(&mut app, &"<Down> ".repeat(at));
    press(&mut app, "<Enter> n");
    assert_eq!(app.application.place, Place::Review { row: at });
    assert_eq!(blockers(&app), [Blocker::CriterionNotMet(1)]);
    assert_eq!(
        rows(&app)[0],
        ReviewRow::Blocker(Blocker::CriterionNotMet(1))
    );
    assert!(!rows(&app).contains(&ReviewRow::Blocker(Blocker::CriterionNotMet(0))));
}

// --- Going back ---------------------------------------------------------------------------------

#[test]
fn esc_goes_back_one_step_from_every_step_and_keeps_every_answer() {
    let mut app = completed();
    let kept = answers(&app);
    let expected = [
        Place::Dates {
            field: DatesField::Target,
        },
        submission(SubmissionField::FormCompleted),
        passport(PassportField::Expiry),
        document(0, None),
        employer(EmployerField::Permit),
        Place::EligibilityResult,
        question(3),
        question(2),
        question(1),
        question(0),
        Place::Route { option: 2 },
        Place::Welcome,
    ];
    for place in expected {
        press(&mut app, "<Esc>");
        assert_eq!(app.application.place, place);
        assert_eq!(answers(&app), kept, "after Esc to {place:?}");
    }
    // Back from the welcome screen is back to the list of applications, every answer saved.
    assert_eq!(press(&mut app, "<Esc>"), vec![Effect::CloseApplication]);
    assert!(matches!(app.screen, kzvisa::app::Screen::Start(_)));
}

#[test]
fn esc_from_inside_a_step_goes_to_the_step_before() {
    let cases = [
        (
            format!("{TO_DOCUMENTS} <Down> <Right> <Down> <Down>"),
            document(1, Some(1)),
            employer(EmployerField::Permit),
        ),
        (
            format!("{TO_DOCUMENTS} <Enter> 2031 <Tab>"),
            passport(PassportField::EndOfStay),
            document(0, None),
        ),
        (
            format!("{TO_DOCUMENTS} <Enter> <Enter> <Enter>"),
            passport(PassportField::Result),
            document(0, None),
        ),
        (
            format!("{TO_DOCUMENTS} <Enter> <Enter> <Enter> <Enter> <Down> <Down> 5"),
            submission(SubmissionField::FeeAmount),
            passport(PassportField::Expiry),
        ),
        (
            format!(
                "{TO_DOCUMENTS} <Enter> <Enter> <Enter> <Enter> <Up> <BackTab> <Tab> <Tab> <Tab> <Tab> <Space> <Down> 2030"
            ),
            submission(SubmissionField::InterviewDate),
            passport(PassportField::Expiry),
        ),
        (
            format!("{TO_DOCUMENTS} {SKIP_TO_REVIEW} <Down> <Down> <Down>"),
            Place::Review { row: 3 },
            Place::Dates {
                field: DatesField::Target,
            },
        ),
        (
            format!("{TO_DOCUMENTS} <Enter> <Enter> <Enter> <Enter> <Enter> <Down> <Down> 2030"),
            Place::Dates {
                field: DatesField::ActualEntry,
            },
            submission(SubmissionField::FormCompleted),
        ),
    ];
    for (keys, at, back) in cases {
        let mut app = app_after(&keys);
        assert_eq!(app.application.place, at, "after {keys}");
        let kept = answers(&app);
        press(&mut app, "<Esc>");
        assert_eq!(app.application.place, back, "Esc from {at:?}");
        assert_eq!(answers(&app), kept, "Esc from {at:?}");
    }
}

// --- Documents ----------------------------------------------------------------------------------

#[test]
fn documents_space_ticks_right_shows_points_space_ticks_a_point_left_collapses() {
    let mut app = app_after(TO_DOCUMENTS);
    assert_eq!(app.mode(), Mode::Documents);
    press(&mut app, "<Down> <Space>");
    assert_eq!(app.application.place, document(1, None));
    assert!(app.application.has_document("employment_contract"));
    assert_eq!(
        app.document_rows(),
        [(0, None), (1, None), (2, None), (3, None)]
    );

    press(&mut app, "<Right>");
    assert!(app.expanded.contains(&1));
    assert_eq!(
        app.application.place,
        document(1, None),
        "expanding does not move"
    );
    assert_eq!(
        app.document_rows(),
        [
            (0, None),
            (1, None),
            (1, Some(0)),
            (1, Some(1)),
            (1, Some(2)),
            (2, None),
            (3, None)
        ]
    );

    press(&mut app, "<Down> <Space> <Down> <Space>");
    assert_eq!(app.application.place, document(1, Some(1)));
    assert!(app.application.covers("employment_contract", "salary"));
    assert!(
        app.application
            .covers("employment_contract", "working_hours")
    );
    assert!(
        !app.application
            .covers("employment_contract", "responsibilities")
    );
    assert!(
        app.application.has_document("employment_contract"),
        "a point does not untick the document"
    );

    // Space again unticks a point.
    press(&mut app, "<Space>");
    assert!(
        !app.application
            .covers("employment_contract", "working_hours")
    );

    press(&mut app, "<Left>");
    assert!(!app.expanded.contains(&1));
    assert_eq!(
        app.application.place,
        document(1, None),
        "collapsing a point goes to its document"
    );
    assert_eq!(app.document_rows().len(), 4);
    assert!(
        app.application.covers("employment_contract", "salary"),
        "collapsing keeps the ticks"
    );

    // The same with the letter keys; a document without points has none to show.
    press(&mut app, "k l j");
    assert!(app.expanded.contains(&0));
    assert_eq!(app.application.place, document(1, None));
    press(&mut app, "k h");
    assert!(app.expanded.is_empty());

    // Up and Down stop at the ends.
    press(&mut app, "<Up> <Up> <Up>");
    assert_eq!(app.application.place, document(0, None));
    press(&mut app, "<Down> <Down> <Down> <Down> <Down>");
    assert_eq!(app.application.place, document(3, None));
}

#[test]
fn unticking_everything_leaves_no_entry_behind() {
    let mut app = app_after(&format!(
        "{TO_DOCUMENTS} <Down> <Space> <Right> <Down> <Space>"
    ));
    assert!(
        app.application
            .documents
            .contains_key("employment_contract")
    );
    press(&mut app, "<Space> <Up> <Space>");
    assert!(
        app.application.documents.is_empty(),
        "{:?}",
        app.application.documents
    );
}

// --- Passport -----------------------------------------------------------------------------------

#[test]
fn passport_result_shows_when_both_dates_are_valid_and_a_second_enter_goes_on() {
    let mut app = app_after(TO_PASSPORT);
    assert_eq!(app.mode(), Mode::FormText);
    press(&mut app, "2031-03-31 <Enter>");
    assert_eq!(app.application.place, passport(PassportField::EndOfStay));
    press(&mut app, "2030-09-30");
    assert!(matches!(
        dates::check_passport(
            &app.application.passport.expiry,
            &app.application.passport.end_of_stay,
            app.today
        ),
        PassportCheck::Passes { .. }
    ));
    press(&mut app, "<Enter>");
    assert_eq!(
        app.application.place,
        passport(PassportField::Result),
        "the result stays on screen"
    );
    assert_eq!(app.mode(), Mode::PassportResult);
    press(&mut app, "<Up>");
    assert_eq!(app.application.place, passport(PassportField::EndOfStay));
    press(&mut app, "<Enter> <Enter>");
    assert_eq!(
        app.application.place,
        submission(SubmissionField::FormCompleted)
    );
    assert_eq!(app.application.passport.expiry, "2031-03-31");
    assert_eq!(app.application.passport.end_of_stay, "2030-09-30");
}

#[test]
fn a_bad_date_keeps_its_text_and_enter_does_not_leave_the_step() {
    let mut app = app_after(TO_PASSPORT);
    press(&mut app, "2031-02-30 <Enter> 2030-08-31 <Enter>");
    assert_eq!(
        app.application.place,
        passport(PassportField::Expiry),
        "Enter goes to the bad date"
    );
    assert_eq!(app.application.passport.expiry, "2031-02-30");
    assert!(app.show_date_errors);
    assert_eq!(app.cursor, 10);

    press(&mut app, "<Tab> <Enter>");
    assert_eq!(app.application.place, passport(PassportField::Expiry));

    // Corrected, the end of stay is checked next.
    press(&mut app, "<Bs> <Bs> 28 <Tab> <End> <Bs> 2 <Enter>");
    assert_eq!(app.application.passport.expiry, "2031-02-28");
    assert_eq!(app.application.passport.end_of_stay, "2030-08-32");
    assert_eq!(app.application.place, passport(PassportField::EndOfStay));
    press(&mut app, "<Enter>");
    assert_eq!(app.application.place, passport(PassportField::EndOfStay));
    assert_eq!(app.mode(), Mode::FormText);

    press(&mut app, "<Bs> 1 <Enter>");
    assert_eq!(app.application.place, passport(PassportField::Result));
}

#[test]
fn six_months_after_the_31st_of_august_is_the_28th_of_february() {
    let mut app = app_after(&format!(
        "{TO_PASSPORT} 2029-02-28 <Tab> 2028-08-31 <Enter>"
    ));
    assert_eq!(
        dates::check_passport(
            &app.application.passport.expiry,
            &app.application.passport.end_of_stay,
            app.today
        ),
        PassportCheck::Passes {
            required: date("2029-02-28")
        }
    );
    assert!(blockers(&app).is_empty());

    press(&mut app, "<Up> <Up> <Bs> 7 <Tab> <Enter>");
    assert_eq!(app.application.passport.expiry, "2029-02-27");
    assert_eq!(
        blockers(&app),
        [Blocker::PassportTooShort {
            expiry: date("2029-02-27"),
            required: date("2029-02-28")
        }]
    );
}

#[test]
fn a_failing_passport_is_a_blocker_on_the_review() {
    let mut app = app_after(&format!(
        "{TO_PASSPORT} 2030-12-31 <Tab> 2030-09-30 <Enter> <Enter> <Enter> <Enter>"
    ));
    assert_eq!(app.application.place, Place::Review { row: 0 });
    let blocker = Blocker::PassportTooShort {
        expiry: date("2030-12-31"),
        required: date("2031-03-30"),
    };
    assert_eq!(rows(&app)[0], ReviewRow::Blocker(blocker));
    let text = blocker.text(&app.content).replace('\u{a0}', " ");
    assert!(
        text.contains("31 December 2030") && text.contains("30 March 2031"),
        "{text}"
    );
    assert_eq!(
        next_actions(&app)[..2],
        [
            Action::AskPermit,
            Action::RenewPassport {
                required: date("2031-03-30")
            }
        ]
    );

    press(&mut app, "<Enter>");
    assert_eq!(app.application.place, passport(PassportField::Expiry));
    assert_eq!(app.cursor, 10, "the cursor waits at the end of the date");
}

// --- Submission ---------------------------------------------------------------------------------

#[test]
fn the_fee_amount_is_free_text_and_the_fee_date_a_date() {
    let mut app = app_after(TO_SUBMISSION);
    assert_eq!(
        app.application.place,
        submission(SubmissionField::FormCompleted)
    );
    assert_eq!(app.mode(), Mode::FormTick);
    press(&mut app, "<Down> <Down>");
    assert_eq!(app.mode(), Mode::FormText);
    // Letters that are keys elsewhere (q, j, k, ?, space) are typed here.
    press(
        &mut app,
        "€80 <Space> (ask: <Space> cash? <Space> jk <Space> q)",
    );
    assert_eq!(
        app.application.submission.fee_amount,
        "€80 (ask: cash? jk q)"
    );
    press(&mut app, "<Home> <Del> <Right> <Right> <Bs>");
    assert_eq!(app.application.submission.fee_amount, "8 (ask: cash? jk q)");
    // The Ctrl keys of a shell's line editor.
    let effects = press(&mut app, "<C-e> <C-w>");
    assert_eq!(effects, [Effect::None, Effect::Save]);
    assert_eq!(app.application.submission.fee_amount, "8 (ask: cash? jk ");
    press(&mut app, "<C-Bs> <C-Bs>");
    assert_eq!(app.application.submission.fee_amount, "8 (ask: ");
    press(&mut app, "<C-h>");
    assert_eq!(app.application.submission.fee_amount, "8 (ask:");
    press(&mut app, "<C-a> <Right> <C-k>");
    assert_eq!(app.application.submission.fee_amount, "8");
    press(&mut app, "<End> 0 <Left> <C-u>");
    assert_eq!(app.application.submission.fee_amount, "0");
    assert_eq!(press(&mut app, "<C-u> <C-w>"), vec![Effect::None; 2]);
    assert_eq!(
        app.application.submission.fee_amount, "0",
        "nothing before the cursor"
    );
    press(&mut app, "<C-k> 8 0");
    assert_eq!(app.application.submission.fee_amount, "80");

    // The date paid is asked once the fee is paid.
    press(&mut app, "<Down>");
    assert_eq!(
        app.application.place,
        submission(SubmissionField::Interview)
    );
    press(&mut app, "<Up> <Up> <Space> <Down> <Down> 2030-01-32");
    assert_eq!(
        app.application.place,
        submission(SubmissionField::FeePaidOn)
    );
    assert_eq!(app.application.submission.fee_paid_on, "2030-01-32");
    // Enter from anywhere in the step finds the bad date first.
    press(&mut app, "<Up> <Up> <Up> <Enter>");
    assert_eq!(
        app.application.place,
        submission(SubmissionField::FeePaidOn)
    );
    assert!(app.show_date_errors);
    press(&mut app, "<Bs> 1 <Enter> <Enter>");
    assert_eq!(app.application.place, Place::Review { row: 0 });
    assert_eq!(app.application.submission.fee_paid_on, "2030-01-31");
}

#[test]
fn the_interview_cycles_and_its_date_is_reachable_only_once_scheduled() {
    let mut app = app_after(&format!("{TO_SUBMISSION} <Down> <Down> <Down> <Down>"));
    let interview = submission(SubmissionField::Interview);
    assert_eq!(app.application.place, interview);
    assert_eq!(
        app.application.submission.interview,
        Interview::NotRequested
    );
    press(&mut app, "<Down> <Tab>");
    assert_eq!(
        app.application.place, interview,
        "no date field while not requested"
    );

    press(&mut app, "<Right>");
    assert_eq!(app.application.submission.interview, Interview::Scheduled);
    press(&mut app, "<Down>");
    assert_eq!(
        app.application.place,
        submission(SubmissionField::InterviewDate)
    );
    assert_eq!(app.mode(), Mode::FormText);
    press(&mut app, "2030-02-01 <Up>");
    assert_eq!(app.application.place, interview);

    press(&mut app, "<Space>");
    assert_eq!(app.application.submission.interview, Interview::Attended);
    press(&mut app, "<Right>");
    assert_eq!(
        app.application.submission.interview,
        Interview::NotRequested
    );
    press(&mut app, "<Down>");
    assert_eq!(app.application.place, interview);
    press(&mut app, "<Left>");
    assert_eq!(app.application.submission.interview, Interview::Attended);
    press(&mut app, "<Left>");
    assert_eq!(app.application.submission.interview, Interview::Scheduled);
    assert_eq!(
        app.application.submission.interview_date, "2030-02-01",
        "the date is kept"
    );

    // A bad interview date counts only while the date applies.
    press(
        &mut app,
        "<Down> <Bs> <Bs> 32 <Up> <Right> <Right> <Enter> <Enter>",
    );
    assert_eq!(
        app.application.submission.interview,
        Interview::NotRequested
    );
    assert_eq!(app.application.place, Place::Review { row: 0 });
}

#[test]
fn space_ticks_the_form_and_the_fee() {
    let mut app = app_after(TO_SUBMISSION);
    press(&mut app, "<Space>");
    assert!(app.application.submission.form_completed);
    press(&mut app, "<Tab> <Space>");
    assert!(app.application.submission.fee_paid);
    press(&mut app, "<BackTab> <Space>");
    assert!(!app.application.submission.form_completed);
}

// --- The review ---------------------------------------------------------------------------------

#[test]
fn enter_on_a_review_row_goes_there_and_coming_back_keeps_the_answers() {
    let mut app = completed();
    let kept = answers(&app);
    let at = rows(&app)
        .iter()
        .position(|r| *r == ReviewRow::Document(2))
        .expect("a row for the certificates");
    for _ in 0..at {
        press(&mut app, "<Down>");
    }
    press(&mut app, "<Enter>");
    assert_eq!(app.application.place, document(2, None));
    assert_eq!(answers(&app), kept);

    // Enter goes on from the step, which the review opened: back to the review, on its row.
    press(&mut app, "<Enter>");
    assert_eq!(app.application.place, Place::Review { row: at });
    assert_eq!(answers(&app), kept);

    // Esc too, after a change.
    press(&mut app, "<Enter> <Space> <Esc>");
    assert_eq!(app.application.place, Place::Review { row: at });
    assert_ne!(answers(&app), kept);
}

#[test]
fn the_routes_without_a_work_visa_explain_and_skip_the_employers_permit() {
    // 1 and 2 by key, 3 with the arrows: each saved, each shown on the review.
    for (keys, route) in [
        ("<Enter> 1", Route::Eaeu),
        ("<Enter> 2", Route::VisaFree),
        ("<Enter> <Down> <Down> <Enter>", Route::WorkVisa),
    ] {
        let mut app = app_after(keys);
        assert_eq!(app.application.route, Some(route), "{keys}");
        let outcome = route != Route::WorkVisa;
        let expected = if outcome {
            Place::RouteOutcome
        } else {
            question(0)
        };
        assert_eq!(app.application.place, expected, "{keys}");
        if outcome {
            // What sources say, with the route's own note.
            let notes = app.notes_here();
            let at = format!("route:{}", route.id());
            assert!(
                notes.iter().any(|&i| app.content.notes[i].at == at),
                "{keys}"
            );
            press(&mut app, "<Enter>");
            assert_eq!(app.application.place, question(0));
        }
        press(&mut app, "y y y y <Enter>");
        let next = if outcome {
            document(0, None)
        } else {
            employer(EmployerField::Permit)
        };
        assert_eq!(app.application.place, next, "{keys}");
        press(&mut app, "<Esc>");
        assert_eq!(app.application.place, Place::EligibilityResult, "{keys}");
        let rows = rows(&app);
        assert_eq!(rows.contains(&ReviewRow::Permit), !outcome, "{keys}");
        assert_eq!(
            next_actions(&app).contains(&Action::AskPermit),
            !outcome,
            "{keys}"
        );
        // On the review the route reads as a phrase of its own, not the question's answer.
        let (_, text) = ReviewRow::Route.describe(&app.application, &app.content, app.today);
        let option = app.content.route_option(route.index());
        assert!(text.contains(&option.on_review), "{text}");
        assert!(!text.contains(&option.title), "{text}");
    }
}

#[test]
fn a_missing_permit_is_the_first_next_action_and_ticking_it_lifts_it() {
    let mut app = app_after(&format!("{TO_DOCUMENTS} {SKIP_TO_REVIEW}"));
    assert_eq!(next_actions(&app)[0], Action::AskPermit);
    assert_eq!(
        next_actions(&app)[0].text(&app.content),
        "Ask your employer about the work permit."
    );
    // Enter on it goes to the employer's part; a tick there lifts it, the invitation stays.
    // (The reference letters, to confirm with the employer, come first.)
    let confirm = "<Down> ".repeat(confirm_rows(&app));
    press(&mut app, &format!("{confirm}<Enter>"));
    assert_eq!(app.application.place, employer(EmployerField::Permit));
    assert_eq!(press(&mut app, "<Space>"), [Effect::Save]);
    press(&mut app, "<Down> 2026-13-01 <Enter>");
    assert_eq!(app.application.place, employer(EmployerField::PermitDate));
    assert!(app.show_date_errors, "a bad date holds the step");
    press(&mut app, "<Bs> <Bs> <Bs> <Bs> <Bs> 02-01 <Enter>");
    assert_eq!(
        app.application.place,
        Place::Review {
            row: confirm_rows(&app)
        },
        "back on its row"
    );
    let todo = review::actions(&app.application, &app.content, app.today);
    assert!(!todo.contains(&Action::AskPermit));
    assert!(todo.contains(&Action::AskInvitation));
    let (mark, text) = ReviewRow::Permit.describe(&app.application, &app.content, app.today);
    assert_eq!(mark, review::Mark::Done);
    assert!(text.contains("1\u{a0}February\u{a0}2026"), "{text}");
}

#[test]
fn the_notes_open_over_any_screen_and_esc_returns_to_the_same_place() {
    for (stop, mut app) in tour() {
        let (before, cursor, mode) = (app.application.clone(), app.cursor, app.mode());
        let key = if app.focused_text().is_some() {
            "<F2>"
        } else {
            "i"
        };
        assert_eq!(press(&mut app, key), [Effect::None], "{key} at {stop}");
        assert_eq!(app.mode(), Mode::Notes, "{key} at {stop}");
        press(&mut app, "<Down> <Down> <Up>");
        assert_eq!(press(&mut app, "<Esc>"), [Effect::None], "Esc at {stop}");
        assert!(app.notes.is_none(), "{stop}");
        assert_eq!(app.application, before, "{stop}");
        assert_eq!((app.cursor, app.mode()), (cursor, mode), "{stop}");
    }
}

#[test]
fn enter_on_an_action_for_a_point_opens_its_document() {
    // The employer's part done, so the documents lead the next actions.
    let employer_done = "<Enter> 3 y y y y <Enter> <Space> <Down> <Down> <Space> <Enter>";
    let mut app = app_after(&format!("{employer_done} {SKIP_TO_REVIEW}"));
    assert_eq!(
        next_actions(&app),
        [
            Action::GetDocument(0),
            Action::GetDocument(1),
            Action::CoverPoint {
                document: 1,
                item: 0
            }
        ]
    );
    assert_eq!(
        next_actions(&app)[2].text(&app.content),
        "Make sure your contract states your salary."
    );
    let confirm = "<Down> ".repeat(confirm_rows(&app));
    press(&mut app, &format!("{confirm}<Down> <Down> <Enter>"));
    assert_eq!(app.application.place, document(1, Some(0)));
    assert!(app.expanded.contains(&1));
    press(&mut app, "<Space>");
    assert!(app.application.covers("employment_contract", "salary"));
}

#[test]
fn review_rows_stop_at_both_ends() {
    let mut app = completed();
    let last = rows(&app).len() - 1;
    press(&mut app, "<Up>");
    assert_eq!(app.application.place, Place::Review { row: 0 });
    for _ in 0..last + 3 {
        press(&mut app, "j");
    }
    assert_eq!(app.application.place, Place::Review { row: last });
    // The last row is what follows arrival, read to its end; Enter opens its sourced notes.
    assert_eq!(rows(&app)[last], ReviewRow::AfterArrival);
    press(&mut app, "<Enter>");
    assert!(app.notes.is_some(), "the notes of after arrival open");
    assert_eq!(app.application.place, Place::Review { row: last });
}

#[test]
fn review_rows_are_crossed_by_pages_and_to_either_end() {
    let mut app = completed();
    let last = rows(&app).len() - 1;
    assert!(last > 10, "the review has more than a page of rows");
    let steps = [
        ("<End>", last),
        ("<Home>", 0),
        ("<PgDn>", 10),
        ("<PgUp> <PgUp>", 0),
        ("G", last),
        ("g", 0),
    ];
    for (keys, row) in steps {
        press(&mut app, keys);
        assert_eq!(app.application.place, Place::Review { row }, "after {keys}");
    }
}

// --- Keys that work everywhere ------------------------------------------------------------------

/// Stops on a walk through every screen: (keys from the previous stop, what the stop is).
const TOUR: &[(&str, &str)] = &[
    ("", "welcome"),
    ("<Enter>", "route"),
    ("1", "route outcome"),
    ("<Esc> <Down> <Down> <Enter>", "first question"),
    ("y", "second question"),
    ("n y y", "eligibility result"),
    ("<Enter>", "employer's permit"),
    ("<Down> 2026-01-05", "permit date"),
    ("<Down> <Down>", "invitation detail"),
    ("<Enter>", "documents"),
    ("<Down> <Right> <Down>", "a point of the contract"),
    ("<Enter>", "passport expiry, empty"),
    (
        "2031-03 <Left> <Left>",
        "passport expiry, cursor inside the text",
    ),
    ("<End> -31 <Tab> 2030-09-30 <Left>", "end of stay"),
    ("<Enter>", "passport result"),
    ("<Enter>", "submission"),
    ("<Down> <Down> 80 <Left>", "fee amount"),
    ("<Down> <Down> <Right>", "interview"),
    ("<Down> 2030-02", "interview date"),
    ("-01 <Enter>", "your dates"),
    ("2030-03-01 <Down> 2030-02", "planned entry"),
    ("-22 <Enter>", "review"),
    ("<Down> <Down>", "review, third row"),
];

/// The app at every stop of the tour.
fn tour() -> Vec<(&'static str, App)> {
    let mut app = app();
    TOUR.iter()
        .map(|(keys, stop)| {
            press(&mut app, keys);
            (*stop, app.clone())
        })
        .collect()
}

#[test]
fn the_tour_visits_every_mode_of_the_wizard() {
    let modes: Vec<Mode> = tour().iter().map(|(_, app)| app.mode()).collect();
    for mode in [
        Mode::Welcome,
        Mode::Route,
        Mode::RouteOutcome,
        Mode::FormTick,
        Mode::FormText,
        Mode::FormChoice,
        Mode::Question,
        Mode::EligibilityResult,
        Mode::Documents,
        Mode::PassportResult,
        Mode::Review,
    ] {
        assert!(modes.contains(&mode), "{mode:?} is not on the tour");
    }
}

#[test]
fn f1_opens_the_faq_from_every_step_and_esc_returns_to_the_same_place() {
    for (stop, mut app) in tour() {
        let (before, cursor, mode) = (app.application.clone(), app.cursor, app.mode());
        assert_eq!(press(&mut app, "<F1>"), [Effect::None], "F1 at {stop}");
        assert_eq!(app.mode(), Mode::Faq, "F1 at {stop}");
        assert_eq!(press(&mut app, "<Esc>"), [Effect::None], "Esc at {stop}");
        assert!(app.faq.is_none(), "{stop}");
        assert_eq!(app.application, before, "{stop}");
        assert_eq!((app.cursor, app.mode()), (cursor, mode), "{stop}");
    }
}

#[test]
fn question_mark_opens_the_faq_outside_text_fields_and_is_typed_inside_them() {
    for (stop, mut app) in tour() {
        let before = app.application.clone();
        match app.focused_text().cloned() {
            Some(text) => {
                let mut expected = text.clone();
                let at = expected
                    .char_indices()
                    .nth(app.cursor)
                    .map_or(expected.len(), |(i, _)| i);
                expected.insert(at, '?');
                assert_eq!(press(&mut app, "?"), [Effect::Save], "{stop}");
                assert!(app.faq.is_none(), "{stop}");
                assert_eq!(app.focused_text(), Some(&expected), "{stop}");
            }
            None => {
                assert_eq!(press(&mut app, "?"), [Effect::None], "{stop}");
                assert_eq!(app.mode(), Mode::Faq, "{stop}");
                assert_eq!(app.application, before, "{stop}");
            }
        }
    }
}

#[test]
fn q_quits_outside_text_fields_and_is_typed_inside_them() {
    for (stop, mut app) in tour() {
        let before = app.application.clone();
        let in_field = app.focused_text().is_some();
        let effects = press(&mut app, "q");
        if in_field {
            assert_eq!(effects, [Effect::Save], "{stop}");
            let text = app.focused_text().expect("still in the field");
            assert!(text.contains('q'), "{stop}: {text:?}");
        } else {
            assert_eq!(effects, [Effect::Quit], "{stop}");
            assert_eq!(app.application, before, "{stop}");
        }
    }
    // In the FAQ list q quits, in its filter it is typed.
    let mut app = app_after("<F1>");
    assert_eq!(press(&mut app, "q"), [Effect::Quit]);
    press(&mut app, "/ q");
    assert_eq!(app.faq.as_ref().map(|f| f.filter.as_str()), Some("q"));
}

#[test]
fn ctrl_c_quits_everywhere() {
    for (stop, mut app) in tour() {
        let before = app.application.clone();
        assert_eq!(press(&mut app, "<C-c>"), [Effect::Quit], "{stop}");
        assert_eq!(app.application, before, "{stop}");
        assert_eq!(
            press(&mut app, "<F1> <C-c>"),
            [Effect::None, Effect::Quit],
            "{stop}: FAQ"
        );
        assert_eq!(
            press(&mut app, "/ <C-c>"),
            [Effect::None, Effect::Quit],
            "{stop}: FAQ filter"
        );
    }
}

// --- The FAQ ------------------------------------------------------------------------------------

fn expanded(app: &App) -> BTreeSet<usize> {
    app.faq
        .as_ref()
        .map(|f| f.expanded.clone())
        .unwrap_or_default()
}

#[test]
fn faq_enter_opens_and_closes_an_answer() {
    let mut app = app_after("<F1>");
    assert_eq!(app.faq_matches(), [0, 1, 2, 3, 4]);
    assert_eq!(press(&mut app, "<Enter>"), [Effect::None]);
    assert_eq!(expanded(&app), BTreeSet::from([0]));
    press(&mut app, "<Down> <Down> <Space>");
    assert_eq!(expanded(&app), BTreeSet::from([0, 2]));
    press(&mut app, "<Enter> <Up> <Up> <Enter>");
    assert_eq!(expanded(&app), BTreeSet::new());
    press(
        &mut app,
        "<Down> <Down> <Down> <Down> <Down> <Down> <Enter>",
    );
    assert_eq!(
        expanded(&app),
        BTreeSet::from([4]),
        "Down stops at the last question"
    );
    press(&mut app, "<Home> <Enter>");
    assert_eq!(
        expanded(&app),
        BTreeSet::from([0, 4]),
        "Home goes to the first"
    );
    press(&mut app, "<PgDn> <Enter>");
    assert_eq!(
        expanded(&app),
        BTreeSet::from([0]),
        "Page Down stops at the last"
    );
    press(&mut app, "<PgUp> <End> <Up> <Enter>");
    assert_eq!(
        expanded(&app),
        BTreeSet::from([0, 3]),
        "End goes to the last"
    );
}

#[test]
fn the_faq_filter_narrows_then_esc_clears_it_and_a_second_esc_returns_to_the_field() {
    let mut app = app_after(&format!("{TO_PASSPORT} 2031-03 <Left> <Left>"));
    let place = app.application.place;
    assert_eq!(
        (app.focused_text().map(String::as_str), app.cursor),
        (Some("2031-03"), 5)
    );

    press(&mut app, "<F1> /");
    assert_eq!(app.mode(), Mode::FaqFilter);
    press(&mut app, "FAMILY");
    assert_eq!(app.faq_matches(), [2], "ignoring case");
    press(&mut app, "<Bs> <Bs> <Bs> <Bs> <Bs> <Bs> dependent");
    assert_eq!(app.faq_matches(), [2], "answers count too");
    press(
        &mut app,
        "<Bs> <Bs> <Bs> <Bs> <Bs> <Bs> <Bs> <Bs> <Bs> consulate",
    );
    assert_eq!(app.faq_matches(), [1]);
    press(&mut app, "xyz");
    assert_eq!(app.faq_matches(), Vec::<usize>::new());

    press(&mut app, "<Esc>");
    let faq = app.faq.clone().expect("the first Esc keeps the FAQ open");
    assert!(faq.filter.is_empty() && !faq.filtering);
    assert_eq!(app.faq_matches(), [0, 1, 2, 3, 4]);

    press(&mut app, "<Esc>");
    assert!(app.faq.is_none());
    assert_eq!(app.application.place, place);
    assert_eq!(app.mode(), Mode::FormText);
    assert_eq!(
        (app.focused_text().map(String::as_str), app.cursor),
        (Some("2031-03"), 5)
    );
    press(&mut app, "-");
    assert_eq!(
        app.application.passport.expiry, "2031--03",
        "typing resumes at the cursor"
    );
}

#[test]
fn enter_ends_the_filter_and_then_opens_the_match() {
    let mut app = app_after("<F1> / residency <Enter>");
    assert_eq!(app.mode(), Mode::Faq);
    assert_eq!(app.faq_matches(), [3]);
    press(&mut app, "<Enter>");
    assert_eq!(expanded(&app), BTreeSet::from([3]));
}

#[test]
fn the_faq_filter_is_edited_where_its_cursor_is() {
    let mut app = app_after("<F1> / fmily");
    let filter = |app: &App| app.faq.as_ref().map(|f| f.filter.clone());
    assert!(app.faq_matches().is_empty());
    press(&mut app, "<Home> <Right> a");
    assert_eq!(filter(&app).as_deref(), Some("family"));
    assert_eq!(app.faq_matches(), [2]);
    // Moving in the text changes neither the matches nor the row chosen among them.
    press(&mut app, "<Bs> <Bs> <End>");
    let matches = app.faq_matches().to_vec();
    press(&mut app, "<Down> <Down>");
    let chosen = app.faq.as_ref().map(|f| f.selected);
    press(&mut app, "<Left> <Home> <End>");
    assert_eq!(app.faq_matches(), matches);
    assert_eq!(app.faq.as_ref().map(|f| f.selected), chosen);
    press(&mut app, "<C-a> <C-k> visa");
    assert_eq!(filter(&app).as_deref(), Some("visa"));
    // Leaving the filter and coming back puts the cursor at its end.
    press(&mut app, "<Enter> / s");
    assert_eq!(filter(&app).as_deref(), Some("visas"));
}

#[test]
fn f_on_a_question_opens_its_faq_entry_expanded() {
    let mut app = app_after("<Enter> 3 f");
    let content = app.content.clone();
    let faq = app.faq.clone().expect("f opens the FAQ");
    let entry = content
        .faq_entry("without_job_offer")
        .expect("the entry exists");
    assert_eq!(app.faq_matches()[faq.selected], entry);
    assert_eq!(faq.expanded, BTreeSet::from([entry]));
    press(&mut app, "<Esc>");
    assert_eq!(app.application.place, question(0));

    press(&mut app, "y f");
    let faq = app.faq.clone().expect("f opens the FAQ");
    let entry = content.faq_entry("type_of_work").expect("the entry exists");
    assert_eq!(app.faq_matches()[faq.selected], entry);
    assert_eq!(faq.expanded, BTreeSet::from([entry]));
}

// --- Pasting ------------------------------------------------------------------------------------

#[test]
fn a_paste_goes_into_the_focused_field_as_one_line_without_acting() {
    let mut app = app_after(&format!("{TO_SUBMISSION} <Down> <Down>"));
    assert_eq!(app.update(Msg::Paste("80\nUSD\n".into())), Effect::Save);
    assert_eq!(app.application.submission.fee_amount, "80 USD ");
    assert_eq!(
        app.application.place,
        submission(SubmissionField::FeeAmount),
        "a pasted newline is not Enter"
    );
    assert_eq!(app.application.submission.fee_paid_on, "");

    // At the cursor, in a date field.
    let mut app = app_after(&format!("{TO_PASSPORT} <Tab> 2030-30 <Left> <Left>"));
    app.update(Msg::Paste("09-".into()));
    assert_eq!(app.application.passport.end_of_stay, "2030-09-30");
    assert_eq!(app.cursor, 8);
    assert_eq!(app.application.place, passport(PassportField::EndOfStay));
    assert_eq!(
        app.application.passport.expiry, "",
        "only the focused field changes"
    );

    // A runaway paste stops at the field's limit.
    app.update(Msg::Paste("x".repeat(3 * MAX_FIELD_CHARS)));
    assert_eq!(
        app.application.passport.end_of_stay.chars().count(),
        MAX_FIELD_CHARS
    );
}

#[test]
fn a_paste_into_the_faq_filter_stays_there() {
    let mut app = app_after(&format!("{TO_PASSPORT} 2031 <F1> /"));
    app.update(Msg::Paste("fam\nily".into()));
    assert_eq!(app.faq.as_ref().map(|f| f.filter.as_str()), Some("fam ily"));
    assert_eq!(app.application.passport.expiry, "2031");
}

#[test]
fn a_paste_where_no_text_field_has_focus_changes_nothing() {
    let mut stops: Vec<(&str, App)> = tour()
        .into_iter()
        .filter(|(_, app)| app.focused_text().is_none())
        .collect();
    stops.push(("faq", app_after("<F1> <Enter>")));
    assert!(stops.len() >= 9);
    for (stop, mut app) in stops {
        let (before, faq, expanded) = (
            app.application.clone(),
            app.faq.clone(),
            app.expanded.clone(),
        );
        assert_eq!(
            app.update(Msg::Paste("y\n \nq\r2031-01-01\n".into())),
            Effect::None,
            "{stop}"
        );
        assert_eq!(app.application, before, "{stop}");
        assert_eq!(app.faq, faq, "{stop}");
        assert_eq!(app.expanded, expanded, "{stop}");
    }
}

// --- What gets saved ----------------------------------------------------------------------------

#[test]
fn save_is_asked_for_exactly_when_the_application_changes() {
    let mut app = app();
    // (keys, the effect of each)
    // (keys, the effect of each: N none, S save); keys that mean nothing here have none.
    let steps = [
        ("<F1> <Down> <Enter> / fam <Esc> <Esc>", "N N N N N N N N N"),
        ("<Enter> 3", "S S"),
        ("<Enter>", "N"),
        ("x <Right>", ""),
        ("y y y y", "S S S S"),
        ("<Enter> <Enter> <Space> <Space> <Space>", "S S S S S"),
        ("<Right> <Left>", "N N"),
        ("<Right> <Down>", "N S"),
        (
            "<Enter> 2031 <Left> <Right> <Home> <End>",
            "S S S S S N N N N",
        ),
        ("<Bs>", "S"),
        ("<Home> <Bs> <Del> <Del> <Del> <Del>", "N N S S S N"),
    ];
    for (keys, expected) in steps {
        let expected: Vec<Effect> = expected
            .split_whitespace()
            .map(|e| if e == "S" { Effect::Save } else { Effect::None })
            .collect();
        assert_eq!(press(&mut app, keys), expected, "{keys}");
    }
}

#[test]
fn ticking_in_the_faq_list_or_moving_saves_nothing_but_ticking_a_document_does() {
    let mut app = app_after(TO_DOCUMENTS);
    assert_eq!(
        press(&mut app, "<F1> <Down> <Space> /"),
        vec![Effect::None; 4]
    );
    assert_eq!(
        press(&mut app, "<Esc> <Esc> <Space>"),
        [Effect::None, Effect::None, Effect::Save]
    );
    assert!(app.application.has_document("passport"));
}

// --- Any keys at all ----------------------------------------------------------------------------

const ANY_KEYS: &[&str] = &[
    "<PgUp>",
    "<PgDn>",
    "g",
    "G",
    "<C-w>",
    "<C-u>",
    "<C-k>",
    "<Enter>",
    "<Esc>",
    "<Space>",
    "<Tab>",
    "<BackTab>",
    "<Up>",
    "<Down>",
    "<Left>",
    "<Right>",
    "<Home>",
    "<End>",
    "<Bs>",
    "<Del>",
    "<F1>",
    "y",
    "n",
    "f",
    "/",
    "?",
    "q",
    "j",
    "k",
    "2",
    "0",
    "-",
    "3",
    "1",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Whatever is pressed, the place stays one the content has, Save means a change, and a
    /// text cursor stays inside its text.
    #[test]
    fn any_keys_keep_the_app_consistent(picks in proptest::collection::vec(0..ANY_KEYS.len(), 0..120)) {
        let mut app = app();
        for pick in picks {
            let before = app.application.clone();
            for effect in press(&mut app, ANY_KEYS[pick]) {
                match effect {
                    Effect::Save => prop_assert_ne!(&app.application, &before),
                    Effect::None | Effect::Quit => prop_assert_eq!(&app.application, &before),
                    // Esc on the welcome screen: out to the list, and opened again as it was.
                    Effect::CloseApplication => {
                        prop_assert!(matches!(app.screen, kzvisa::app::Screen::Start(_)));
                        prop_assert_eq!(before.place, Place::Welcome);
                        app.update(Msg::Opened {
                            name: "Reopened".into(),
                            application: Box::new(before.clone()),
                            read_only: None,
                            from_file: false,
                        });
                    }
                    other => prop_assert!(false, "the wizard asked for {:?}", other),
                }
            }
            let mut clamped = app.application.clone();
            clamped.clamp_place(&app.content);
            prop_assert_eq!(clamped.place, app.application.place);
            if let Place::Documents { document, item: Some(_) } = app.application.place {
                prop_assert!(app.expanded.contains(&document));
            }
            if let Some(text) = app.focused_text() {
                prop_assert!(app.cursor <= text.chars().count());
            }
            if let Place::Review { row } = app.application.place {
                prop_assert!(row < rows(&app).len());
            }
        }
    }
}

// --- Bugs found and fixed: each test failed before its fix ------------------------------------

#[test]
fn a_review_row_past_the_end_is_brought_back_on_resume() {
    let application = Application {
        place: Place::Review { row: 500 },
        ..Application::default()
    };
    let app = App::new(crate::common::content(), application, Theme::PLAIN);
    let Place::Review { row } = app.application.place else {
        panic!("resumed on the review: {:?}", app.application.place);
    };
    assert!(row < rows(&app).len(), "row {row} of {}", rows(&app).len());
}

#[test]
fn a_yes_or_no_on_a_checklist_row_sets_it_and_goes_to_the_next_row() {
    let mut app = app_after(TO_DOCUMENTS);
    assert_eq!(app.update(Msg::Answer(true)), Effect::Save);
    assert!(app.application.has_document("passport"));
    assert_eq!(app.application.place, document(1, None));
    // A document's points come right after it, shown.
    app.update(Msg::Answer(true));
    assert_eq!(app.application.place, document(1, Some(0)));
    assert!(app.expanded.contains(&1));
    // "No" unticks what was ticked.
    app.update(Msg::Answer(true));
    assert!(app.application.covers("employment_contract", "salary"));
    press(&mut app, "<Up>");
    assert_eq!(app.update(Msg::Answer(false)), Effect::Save);
    assert!(!app.application.covers("employment_contract", "salary"));
    press(&mut app, "<Down> <Down> <Down>");
    assert_eq!(app.application.place, document(3, None));
    assert_eq!(
        app.update(Msg::Answer(false)),
        Effect::Save,
        "the place moved"
    );
    assert_eq!(
        app.application.place,
        passport(PassportField::Expiry),
        "the last row hands over to the passport"
    );
}

#[test]
fn the_line_wizards_messages_set_fields_whole() {
    let mut app = app_after(&format!("{TO_PASSPORT} 2031"));
    app.update(Msg::Replace(" 2032-01-31 ".into()));
    assert_eq!(app.application.passport.expiry, "2032-01-31");
    assert_eq!(app.cursor, 10);
    let mut app = app_after(TO_SUBMISSION);
    app.update(Msg::Answer(true));
    assert!(app.application.submission.form_completed);
    assert_eq!(app.application.place, submission(SubmissionField::FeePaid));
    press(&mut app, "<Down> <Down> <Down>");
    assert_eq!(
        app.application.place,
        submission(SubmissionField::Interview)
    );
    app.update(Msg::Choose(2));
    assert_eq!(app.application.submission.interview, Interview::Attended);
    app.update(Msg::Choose(9));
    assert_eq!(app.application.submission.interview, Interview::Attended);
}

/// A save that failed, as the shell reports it after trying.
fn save_fails(app: &mut App, why: &str) -> Effect {
    app.update(Msg::Saved(Err(why.to_string())))
}

#[test]
fn quitting_with_the_last_change_not_saved_asks_to_retry_or_quit_anyway() {
    let mut app = app_after("<Enter> 3 y");
    assert_eq!(save_fails(&mut app, "the disk is full."), Effect::None);
    assert!(app.unsaved());

    // q asks rather than quits, naming the reason and the keys.
    assert_eq!(press(&mut app, "q"), [Effect::None]);
    assert_eq!(app.mode(), Mode::ConfirmQuit);
    let screen = crate::screens::text_of(&app, 120, 40);
    assert!(
        screen.contains("Your last change is not saved: the disk is full. Retry saving, or quit"),
        "{screen}"
    );
    for keys in ["r retry saving", "q quit anyway", "Esc cancel"] {
        assert!(
            screen.contains(keys),
            "no {keys:?} in the footer:\n{screen}"
        );
    }
    assert!(!screen.contains("y/n answer"), "{screen}");
    // The question wants an answer: other keys do nothing.
    let before = app.application.clone();
    assert_eq!(press(&mut app, "y n <F1> <Enter>"), []);
    assert_eq!((app.mode(), &app.application), (Mode::ConfirmQuit, &before));

    // Esc goes back to where the person was; Ctrl+C asks as q does.
    assert_eq!(press(&mut app, "<Esc>"), [Effect::None]);
    assert_eq!(app.mode(), Mode::Question);
    assert_eq!(press(&mut app, "<C-c>"), [Effect::None]);
    assert_eq!(app.mode(), Mode::ConfirmQuit);

    // r saves again: failing again asks again, with the new reason; saving quits.
    assert_eq!(press(&mut app, "r"), [Effect::Save]);
    assert_eq!(save_fails(&mut app, "permission denied."), Effect::None);
    assert_eq!(app.mode(), Mode::ConfirmQuit);
    let screen = crate::screens::text_of(&app, 120, 40);
    assert!(screen.contains("not saved: permission denied."), "{screen}");
    assert_eq!(press(&mut app, "r"), [Effect::Save]);
    assert_eq!(app.update(Msg::Saved(Ok(()))), Effect::Quit);
    assert!(!app.unsaved());

    // q or Ctrl+C again quits anyway.
    for keys in ["q q", "<C-c> <C-c>", "q <C-c>"] {
        let mut app = app_after("<Enter> 3 y");
        save_fails(&mut app, "the disk is full.");
        assert_eq!(
            press(&mut app, keys),
            [Effect::None, Effect::Quit],
            "{keys}"
        );
    }

    // Once a later save worked, nothing is left to lose: q quits at once.
    let mut app = app_after("<Enter> 3 y");
    save_fails(&mut app, "the disk is full.");
    assert_eq!(press(&mut app, "y"), [Effect::Save]);
    assert_eq!(app.update(Msg::Saved(Ok(()))), Effect::None);
    assert_eq!(press(&mut app, "q"), [Effect::Quit]);
}

#[test]
fn the_quit_question_names_its_keys_in_every_language() {
    for lang in [Lang::En, Lang::Ru, Lang::Kk] {
        let content = content_in(lang);
        let mut app = App::new(content.clone(), Application::default(), Theme::PLAIN);
        press(&mut app, "<Enter> 3 y");
        save_fails(&mut app, "—");
        press(&mut app, "q");
        let screen = crate::screens::text_of(&app, 120, 40);
        let keys = &content.ui.keys;
        for label in [&keys.retry, &keys.quit_anyway, &keys.cancel] {
            assert!(
                screen.contains(label.as_str()),
                "{lang:?}: no {label:?}:\n{screen}"
            );
        }
        let question = content.ui.saving.quit_unsaved.replace("{error}", "—");
        let first_words: String = question.chars().take(20).collect();
        assert!(screen.contains(&first_words), "{lang:?}:\n{screen}");
    }
}

#[test]
fn a_paste_cut_at_the_field_limit_says_so_until_the_next_key() {
    let cut = format!("The text was cut at {MAX_FIELD_CHARS} characters, the most a field holds.");
    let mut app = app_after(TO_PASSPORT);
    assert_eq!(app.update(Msg::Paste("2031-03-31".into())), Effect::Save);
    assert!(!crate::screens::text_of(&app, 120, 40).contains(&cut));

    assert_eq!(
        app.update(Msg::Paste("x".repeat(MAX_FIELD_CHARS))),
        Effect::Save
    );
    // The save's report follows the paste; the notice stays.
    assert_eq!(app.update(Msg::Saved(Ok(()))), Effect::None);
    let screen = crate::screens::text_of(&app, 120, 40);
    assert!(screen.contains(&cut), "{screen}");
    assert_eq!(
        app.application.passport.expiry.chars().count(),
        MAX_FIELD_CHARS
    );
    // With a failed save, both are said.
    save_fails(&mut app, "the disk is full.");
    let screen = crate::screens::text_of(&app, 120, 40);
    assert!(
        screen.contains(&cut) && screen.contains("Not saved: the disk is full."),
        "{screen}"
    );

    press(&mut app, "<Left>");
    assert!(!crate::screens::text_of(&app, 120, 40).contains(&cut));
    // A paste that just fits is not cut.
    let mut app = app_after(TO_PASSPORT);
    app.update(Msg::Paste("x".repeat(MAX_FIELD_CHARS)));
    assert!(app.cut_notice().is_none());

    // The FAQ filter and the name of a new application have the same limit, and say so too.
    let mut app = app_after("<F1> /");
    app.update(Msg::Paste("y".repeat(MAX_FIELD_CHARS + 1)));
    assert_eq!(app.cut_notice().as_deref(), Some(cut.as_str()));
    let mut app = App::start(crate::common::content(), Vec::new(), Theme::PLAIN);
    press(&mut app, "n");
    app.update(Msg::Paste("z".repeat(MAX_FIELD_CHARS + 1)));
    assert!(crate::screens::text_of(&app, 120, 40).contains(&cut));

    // In the person's language.
    let content = content_in(Lang::Kk);
    let mut app = App::new(content.clone(), Application::default(), Theme::PLAIN);
    press(&mut app, TO_PASSPORT);
    app.update(Msg::Paste("x".repeat(MAX_FIELD_CHARS + 1)));
    let kk = content
        .ui
        .text_cut
        .replace("{limit}", &MAX_FIELD_CHARS.to_string());
    assert!(crate::screens::text_of(&app, 120, 40).contains(&kk));
}

#[test]
fn the_documents_list_answers_home_end_and_the_page_keys() {
    let mut app = app_after(&format!("{TO_DOCUMENTS} <Right>"));
    let count = app.content.guide.documents.items.len();
    press(&mut app, "<End>");
    assert_eq!(app.application.place, document(count - 1, None));
    press(&mut app, "<Home>");
    assert_eq!(app.application.place, document(0, None));
    // The first document is open: its points are rows the page keys pass over.
    press(&mut app, "<PgDn>");
    let rows_down = app.application.place;
    assert_ne!(rows_down, document(0, None));
    press(&mut app, "<PgUp>");
    assert_eq!(app.application.place, document(0, None));
    press(&mut app, "G");
    assert_eq!(app.application.place, document(count - 1, None));
    press(&mut app, "g");
    assert_eq!(app.application.place, document(0, None));
}

// --- Your dates ---------------------------------------------------------------------------------

#[test]
fn your_dates_ask_the_permit_and_visa_only_on_the_work_visa_route() {
    use kzvisa::wizard::{Step, form};
    let mut app = app_after("<Enter> 2 <Enter> y y y y <Enter> <Enter> <Enter> <Enter> <Enter>");
    assert_eq!(
        app.application.place,
        Place::Dates {
            field: DatesField::Target
        }
    );
    let fields: Vec<Field> = form::fields(Step::Dates, &app.application).collect();
    assert_eq!(
        fields,
        [Field::TargetDate, Field::PlannedEntry, Field::ActualEntry]
    );
    // The last field's Down stays; a bad date holds Enter on it, with its message.
    press(&mut app, "<Down> <Down> 31.02.2031 <Down> <Enter>");
    assert_eq!(
        app.application.place,
        Place::Dates {
            field: DatesField::ActualEntry
        }
    );
    assert!(app.show_date_errors);
    press(
        &mut app,
        "<Bs> <Bs> <Bs> <Bs> <Bs> <Bs> <Bs> 3.2031 <Enter>",
    );
    assert_eq!(app.application.dates.actual_entry, "31.3.2031");
    assert_eq!(app.application.place, Place::Review { row: 0 });
}

// --- The plan -----------------------------------------------------------------------------------

#[test]
fn f4_opens_the_plan_from_a_field_and_the_review_and_enter_goes_to_the_action() {
    use kzvisa::wizard::plan::Kind;
    // Your dates: an entry planned, typed in the field; F4 is not typed into it.
    let mut app = app_after(&format!("{TO_SUBMISSION} <Enter> <Down> 2030-06-03 <F4>"));
    assert_eq!(app.mode(), Mode::Plan);
    assert_eq!(app.application.dates.planned_entry, "2030-06-03");
    let plan = app.plan_here();
    assert_eq!(plan[0].kind, Kind::VacancyPosting);
    // Esc closes it where it was opened.
    press(&mut app, "<Esc>");
    assert_eq!(app.mode(), Mode::FormText);
    assert_eq!(
        app.application.place,
        Place::Dates {
            field: DatesField::PlannedEntry
        }
    );
    // From the review: down to the invitation, Enter goes to its tick.
    press(&mut app, "<Enter> <F4>");
    assert_eq!(app.mode(), Mode::Plan);
    let at = app
        .plan_here()
        .iter()
        .position(|a| a.kind == Kind::Invitation)
        .expect("the invitation");
    for _ in 0..at {
        press(&mut app, "<Down>");
    }
    press(&mut app, "<Enter>");
    assert_eq!(app.plan, None);
    assert_eq!(app.application.place, employer(EmployerField::Invitation));
}

#[test]
fn the_review_lists_the_dated_actions_late_or_due_soon_and_enter_goes_there() {
    use kzvisa::wizard::plan::Kind;
    let mut app = app_after(&format!(
        "{TO_SUBMISSION} <Enter> <Down> 2026-06-01 <Enter>"
    ));
    assert_eq!(app.application.place, Place::Review { row: 0 });
    // No today yet: nothing is late.
    assert!(!rows(&app).iter().any(|r| matches!(r, ReviewRow::Dated(_))));
    app.update(Msg::Today(date("2026-04-27")));
    let dated: Vec<Kind> = rows(&app)
        .iter()
        .filter_map(|r| match r {
            ReviewRow::Dated(action) => Some(action.kind),
            _ => None,
        })
        .collect();
    assert_eq!(
        dated,
        [
            Kind::VacancyPosting,
            Kind::PermitApplication,
            Kind::Invitation
        ]
    );
    let row = rows(&app)
        .iter()
        .position(|r| matches!(r, ReviewRow::Dated(a) if a.kind == Kind::Invitation))
        .expect("the invitation's row");
    let (_, text) = rows(&app)[row].describe(&app.application, &app.content, app.today);
    assert_eq!(
        text.replace('\u{a0}', " "),
        "6 May 2026 – File the invitation (14 to 90 days before entry) – your host – in 9 days (estimate)"
    );
    for _ in 0..row {
        press(&mut app, "<Down>");
    }
    press(&mut app, "<Enter>");
    assert_eq!(app.application.place, employer(EmployerField::Invitation));
}
