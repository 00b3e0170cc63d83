//! What follows from the answers: blockers, next actions, progress and the review's rows.
//! All derived on demand, never stored, so they can never disagree with the answers.

use chrono::NaiveDate;

use super::dates::{self, PassportCheck};
use super::{
    Application, EmployerField, Interview, PassportField, Place, Step, SubmissionField, flow,
};
use crate::content::{Content, Criterion, DocumentItem, PASSPORT_DOCUMENT};

/// How a review row stands, for its symbol and colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Blocker,
    /// Something no source confirms as a rule: to confirm with the employer.
    Confirm,
    Action,
    Done,
    Failed,
    Open,
    /// A question not answered yet, or dates not entered: shown quieter than an open point.
    Unanswered,
}

/// How many next actions the review shows.
pub const NEXT_ACTIONS: usize = 3;

/// Something that stops the application from succeeding as it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blocker {
    CriterionNotMet(usize),
    PassportTooShort {
        expiry: NaiveDate,
        required: NaiveDate,
    },
    PassportExpired {
        expiry: NaiveDate,
    },
}

/// What no source confirms as a rule, answered or left in a way the guide would count against
/// the application: to confirm with the employer, with its note, and never a blocker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    /// A "no" to a criterion marked `to_confirm` (the medical examination, the criminal record).
    Criterion(usize),
    /// A document marked `to_confirm` (the reference letters) that is not ready.
    Document(usize),
}

/// How a criterion's answer stands, the same on the result screen, in the line wizard, the
/// review and the exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Met,
    /// A "no" to what sources confirm: it blocks.
    NotMet,
    /// A "no" to what no source confirms: to confirm with the employer.
    ToConfirm,
    Unanswered,
}

/// Whether a "no" to the criterion blocks: never when no source confirms it as a rule (the
/// content marks it `to_confirm`, and the loader requires that where all its notes are low).
pub fn can_block(criterion: &Criterion) -> bool {
    !criterion.to_confirm
}

pub fn answer(app: &Application, criterion: &Criterion) -> Answer {
    match app.answer(&criterion.id) {
        Some(true) => Answer::Met,
        Some(false) if can_block(criterion) => Answer::NotMet,
        Some(false) => Answer::ToConfirm,
        None => Answer::Unanswered,
    }
}

/// What to confirm with the employer: the criteria answered "no" and the documents not ready
/// that no source confirms, in the guide's order.
pub fn to_confirm(app: &Application, content: &Content, today: Option<NaiveDate>) -> Vec<Confirm> {
    let guide = &content.guide;
    let criteria = guide
        .eligibility
        .criteria
        .iter()
        .enumerate()
        .filter(|(_, c)| answer(app, c) == Answer::ToConfirm)
        .map(|(i, _)| Confirm::Criterion(i));
    let documents = guide
        .documents
        .items
        .iter()
        .enumerate()
        .filter(|(d, document)| document.to_confirm && !document_ready(app, content, *d, today))
        .map(|(d, _)| Confirm::Document(d));
    criteria.chain(documents).collect()
}

impl Confirm {
    /// Where its note belongs: `criterion:ID` or `document:ID`.
    pub fn at(self, content: &Content) -> String {
        let guide = &content.guide;
        match self {
            Confirm::Criterion(i) => format!("criterion:{}", guide.eligibility.criteria[i].id),
            Confirm::Document(d) => format!("document:{}", guide.documents.items[d].id),
        }
    }

    pub fn place(self) -> Place {
        match self {
            Confirm::Criterion(question) => Place::Eligibility { question },
            Confirm::Document(document) => Place::Documents {
                document,
                item: None,
            },
        }
    }
}

/// One thing left to do, in the order it should be done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The employer's work permit comes before everything else on the work visa route.
    AskPermit,
    ResolveCriterion(usize),
    RenewPassport {
        required: NaiveDate,
    },
    RenewExpiredPassport,
    /// The intended end of stay is already past: to be entered again.
    CorrectEndOfStay {
        end: NaiveDate,
    },
    ChooseRoute,
    AnswerCriterion(usize),
    AskInvitation,
    GetDocument(usize),
    CoverPoint {
        document: usize,
        item: usize,
    },
    EnterPassportDates,
    CompleteForm,
    PayFee,
    AttendInterview {
        date: String,
    },
}

/// A selectable row of the review; Enter on it goes to [`ReviewRow::place`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewRow {
    Blocker(Blocker),
    Confirm(Confirm),
    Action(Action),
    Route,
    Criterion(usize),
    Permit,
    Invitation,
    Document(usize),
    Passport,
    Form,
    Fee,
    Interview,
    /// A date of "Your dates" (see `form`).
    PlanDate(super::form::Field),
    /// A dated action of the plan that is late or due soon, among the next actions.
    Dated(super::plan::Dated),
    /// What follows arrival: the last row, so the review can be read to its end with the keys.
    AfterArrival,
}

/// Whether the employer's work permit was obtained: ticked, or its date entered (a permit has an
/// issue date only once it is issued).
pub fn permit_obtained(app: &Application) -> bool {
    app.employer.permit || dates::parse(&app.employer.permit_date).is_some()
}

/// Whether a document's point is asked of this route (no apostille for papers of the EAEU's
/// states, which are all parties to the Minsk convention).
pub fn point_applies(app: &Application, point: &DocumentItem) -> bool {
    app.route
        .is_none_or(|route| !point.not_on_routes.iter().any(|id| id == route.id()))
}

/// The passport rule on the application's dates, against `today` when known.
pub fn passport(app: &Application, today: Option<NaiveDate>) -> PassportCheck {
    dates::check_passport(&app.passport.expiry, &app.passport.end_of_stay, today)
}

/// Whether a document is ready: ticked as had, or every point asked of it ticked; never the
/// passport while the passport check fails.
pub fn document_ready(
    app: &Application,
    content: &Content,
    document: usize,
    today: Option<NaiveDate>,
) -> bool {
    let document = &content.guide.documents.items[document];
    if document.id == PASSPORT_DOCUMENT && passport(app, today).blocks() {
        return false;
    }
    let points: Vec<&DocumentItem> = document
        .items
        .iter()
        .filter(|p| point_applies(app, p))
        .collect();
    app.has_document(&document.id)
        || (!points.is_empty() && points.iter().all(|p| app.covers(&document.id, &p.id)))
}

pub fn blockers(app: &Application, content: &Content, today: Option<NaiveDate>) -> Vec<Blocker> {
    let mut found: Vec<Blocker> = content
        .guide
        .eligibility
        .criteria
        .iter()
        .enumerate()
        .filter(|(_, c)| answer(app, c) == Answer::NotMet)
        .map(|(i, _)| Blocker::CriterionNotMet(i))
        .collect();
    match passport(app, today) {
        PassportCheck::Fails { expiry, required } => {
            found.push(Blocker::PassportTooShort { expiry, required });
        }
        PassportCheck::Expired { expiry } => found.push(Blocker::PassportExpired { expiry }),
        _ => {}
    }
    found
}

/// Everything left to do: the employer's permit, what blocks, then the wizard's order.
pub fn actions(app: &Application, content: &Content, today: Option<NaiveDate>) -> Vec<Action> {
    let guide = &content.guide;
    let permit_route = flow::applies(Step::Employer, app);
    let mut todo = Vec::new();
    if permit_route && !permit_obtained(app) {
        todo.push(Action::AskPermit);
    }
    todo.extend(
        blockers(app, content, today)
            .into_iter()
            .map(|blocker| match blocker {
                Blocker::CriterionNotMet(i) => Action::ResolveCriterion(i),
                Blocker::PassportTooShort { required, .. } => Action::RenewPassport { required },
                Blocker::PassportExpired { .. } => Action::RenewExpiredPassport,
            }),
    );
    if app.route.is_none() {
        todo.push(Action::ChooseRoute);
    }
    for (i, criterion) in guide.eligibility.criteria.iter().enumerate() {
        if app.answer(&criterion.id).is_none() {
            todo.push(Action::AnswerCriterion(i));
        }
    }
    if permit_route && !app.employer.invitation {
        todo.push(Action::AskInvitation);
    }
    for (d, document) in guide.documents.items.iter().enumerate() {
        // What no source confirms is to confirm with the employer (see [`to_confirm`]).
        if document.to_confirm || document_ready(app, content, d, today) {
            continue;
        }
        if !app.has_document(&document.id) {
            todo.push(Action::GetDocument(d));
        }
        for (item, point) in document.items.iter().enumerate() {
            if point_applies(app, point) && !app.covers(&document.id, &point.id) {
                todo.push(Action::CoverPoint { document: d, item });
            }
        }
    }
    match passport(app, today) {
        PassportCheck::Incomplete => todo.push(Action::EnterPassportDates),
        PassportCheck::StayInPast { end } => todo.push(Action::CorrectEndOfStay { end }),
        _ => {}
    }
    if !flow::applies(Step::Submission, app) {
        return todo;
    }
    let submission = &app.submission;
    if !submission.form_completed {
        todo.push(Action::CompleteForm);
    }
    if !submission.fee_paid {
        todo.push(Action::PayFee);
    }
    if submission.interview == Interview::Scheduled {
        todo.push(Action::AttendInterview {
            date: submission.interview_date.clone(),
        });
    }
    todo
}

pub fn next_actions(app: &Application, content: &Content, today: Option<NaiveDate>) -> Vec<Action> {
    let mut todo = actions(app, content, today);
    todo.truncate(NEXT_ACTIONS);
    todo
}

/// The rows of the review, in the order shown: blockers, next actions, then every answer.
pub fn rows(app: &Application, content: &Content, today: Option<NaiveDate>) -> Vec<ReviewRow> {
    let guide = &content.guide;
    let mut rows: Vec<ReviewRow> = blockers(app, content, today)
        .into_iter()
        .map(ReviewRow::Blocker)
        .collect();
    rows.extend(
        to_confirm(app, content, today)
            .into_iter()
            .map(ReviewRow::Confirm),
    );
    rows.extend(
        next_actions(app, content, today)
            .into_iter()
            .map(ReviewRow::Action),
    );
    rows.extend(
        super::plan::plan(app, crate::content::timing())
            .into_iter()
            .filter(|a| {
                matches!(
                    a.status(today),
                    super::plan::Status::Overdue | super::plan::Status::DueSoon
                )
            })
            .take(NEXT_ACTIONS)
            .map(ReviewRow::Dated),
    );
    for step in flow::steps(app) {
        match step {
            Step::Route => rows.push(ReviewRow::Route),
            Step::Eligibility => {
                rows.extend((0..guide.eligibility.criteria.len()).map(ReviewRow::Criterion));
            }
            Step::Employer => rows.extend([ReviewRow::Permit, ReviewRow::Invitation]),
            Step::Documents => {
                rows.extend((0..guide.documents.items.len()).map(ReviewRow::Document));
            }
            Step::Passport => rows.push(ReviewRow::Passport),
            Step::Submission => {
                rows.extend([ReviewRow::Form, ReviewRow::Fee, ReviewRow::Interview]);
            }
            Step::Dates => {
                rows.extend(super::form::fields(Step::Dates, app).map(ReviewRow::PlanDate));
            }
            // Steps with no rows of their own.
            _ => {}
        }
    }
    rows.push(ReviewRow::AfterArrival);
    rows
}

/// Questions answered and checklist points done, out of all of them: for the start screen.
pub fn progress(app: &Application, content: &Content, today: Option<NaiveDate>) -> (usize, usize) {
    let guide = &content.guide;
    let mut done = 0;
    let mut total = 0;
    let mut count = |is_done: bool| {
        total += 1;
        done += usize::from(is_done);
    };
    count(app.route.is_some());
    for criterion in &guide.eligibility.criteria {
        count(app.answer(&criterion.id).is_some());
    }
    if flow::applies(Step::Employer, app) {
        count(permit_obtained(app));
        count(app.employer.invitation);
    }
    for (d, document) in guide.documents.items.iter().enumerate() {
        let ready = document_ready(app, content, d, today);
        count(ready);
        for point in document.items.iter().filter(|p| point_applies(app, p)) {
            count(ready || app.covers(&document.id, &point.id));
        }
    }
    count(matches!(passport(app, today), PassportCheck::Passes { .. }));
    if flow::applies(Step::Submission, app) {
        count(app.submission.form_completed);
        count(app.submission.fee_paid);
        // An interview counts only once one is called for: most applicants are never asked.
        if app.submission.interview != Interview::NotRequested {
            count(app.submission.interview == Interview::Attended);
        }
    }
    (done, total)
}

impl Blocker {
    pub fn place(self) -> Place {
        match self {
            Blocker::CriterionNotMet(question) => Place::Eligibility { question },
            Blocker::PassportTooShort { .. } | Blocker::PassportExpired { .. } => Place::Passport {
                field: PassportField::Expiry,
            },
        }
    }
}

impl Action {
    pub fn place(&self) -> Place {
        match *self {
            Action::AskPermit => Place::start_of(Step::Employer),
            Action::AskInvitation => Place::Employer {
                field: EmployerField::Invitation,
            },
            Action::ChooseRoute => Place::start_of(Step::Route),
            Action::ResolveCriterion(question) | Action::AnswerCriterion(question) => {
                Place::Eligibility { question }
            }
            Action::RenewPassport { .. }
            | Action::RenewExpiredPassport
            | Action::EnterPassportDates => Place::start_of(Step::Passport),
            Action::CorrectEndOfStay { .. } => Place::Passport {
                field: PassportField::EndOfStay,
            },
            Action::GetDocument(document) => Place::Documents {
                document,
                item: None,
            },
            Action::CoverPoint { document, item } => Place::Documents {
                document,
                item: Some(item),
            },
            Action::CompleteForm => Place::Submission {
                field: SubmissionField::FormCompleted,
            },
            Action::PayFee => Place::Submission {
                field: SubmissionField::FeePaid,
            },
            Action::AttendInterview { .. } => Place::Submission {
                field: SubmissionField::Interview,
            },
        }
    }
}

impl ReviewRow {
    pub fn place(&self) -> Place {
        match self {
            ReviewRow::Blocker(blocker) => blocker.place(),
            ReviewRow::Confirm(confirm) => confirm.place(),
            ReviewRow::Action(action) => action.place(),
            ReviewRow::Route => Place::start_of(Step::Route),
            ReviewRow::Criterion(question) => Place::Eligibility {
                question: *question,
            },
            ReviewRow::Permit => Place::start_of(Step::Employer),
            ReviewRow::Invitation => Place::Employer {
                field: EmployerField::Invitation,
            },
            ReviewRow::Document(document) => Place::Documents {
                document: *document,
                item: None,
            },
            ReviewRow::Passport => Place::start_of(Step::Passport),
            ReviewRow::Form => Place::Submission {
                field: SubmissionField::FormCompleted,
            },
            ReviewRow::Fee => Place::Submission {
                field: SubmissionField::FeePaid,
            },
            ReviewRow::Interview => Place::Submission {
                field: SubmissionField::Interview,
            },
            ReviewRow::PlanDate(field) => field.place(),
            ReviewRow::Dated(action) => action.field.place(),
            // Read where it is; Enter there opens its notes (see `App`).
            ReviewRow::AfterArrival => Place::start_of(Step::Review),
        }
    }
}
