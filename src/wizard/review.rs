//! What follows from the answers: blockers, next actions, progress and the review's rows.
//! All derived on demand, never stored, so they can never disagree with the answers.

use chrono::NaiveDate;

use super::dates::{self, PassportCheck};
use super::{
    Application, EmployerField, Interview, PassportField, Place, Step, SubmissionField, flow,
};
use crate::content::{Content, DocumentItem, PASSPORT_DOCUMENT, fill};
use crate::present::safe::shown;

/// How a review row stands, for its symbol and colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Blocker,
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
        .filter(|(_, c)| app.answer(&c.id) == Some(false))
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
        if document_ready(app, content, d, today) {
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
            Step::Welcome | Step::EligibilityResult | Step::Review => {}
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

    pub fn text(self, content: &Content) -> String {
        match self {
            Blocker::CriterionNotMet(i) => {
                let criterion = &content.guide.eligibility.criteria[i];
                format!("{}: {}", criterion.title, criterion.not_met)
            }
            Blocker::PassportTooShort { expiry, required } => fill(
                &content.ui.review.passport_fails,
                &[
                    ("expiry", &content.date(expiry)),
                    ("date", &content.date(required)),
                ],
            ),
            Blocker::PassportExpired { expiry } => fill(
                &content.ui.passport.expired,
                &[("expiry", &content.date(expiry))],
            ),
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

    pub fn text(&self, content: &Content) -> String {
        let guide = &content.guide;
        let ui = &content.ui.review;
        match self {
            Action::AskPermit => content.steps.employer.ask_permit.clone(),
            Action::AskInvitation => content.steps.employer.ask_invitation.clone(),
            Action::ChooseRoute => content.ui.route.choose.clone(),
            Action::ResolveCriterion(i) => guide.eligibility.criteria[*i].action.clone(),
            Action::AnswerCriterion(i) => fill(
                &ui.answer_question,
                &[("title", &guide.eligibility.criteria[*i].title)],
            ),
            Action::RenewPassport { required } => {
                fill(&ui.renew_passport, &[("date", &content.date(*required))])
            }
            Action::RenewExpiredPassport => content.ui.passport.renew_expired.clone(),
            Action::CorrectEndOfStay { end } => fill(
                &content.ui.passport.stay_in_past,
                &[("date", &content.date(*end))],
            ),
            Action::GetDocument(d) => guide.documents.items[*d].action.clone(),
            Action::CoverPoint { document, item } => {
                guide.documents.items[*document].items[*item].action.clone()
            }
            Action::EnterPassportDates => content.ui.passport.intro.clone(),
            Action::CompleteForm => guide.submission.application_form.title.clone(),
            Action::PayFee => guide.submission.visa_fee.title.clone(),
            Action::AttendInterview { date } if date.trim().is_empty() => {
                ui.attend_interview_undated.clone()
            }
            Action::AttendInterview { date } => {
                fill(&ui.attend_interview, &[("date", &content.typed_date(date))])
            }
        }
    }
}

impl ReviewRow {
    pub fn place(&self) -> Place {
        match self {
            ReviewRow::Blocker(blocker) => blocker.place(),
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

impl ReviewRow {
    /// The row's mark and its text, as the review and the export show it.
    pub fn describe(
        &self,
        app: &Application,
        content: &Content,
        today: Option<NaiveDate>,
    ) -> (Mark, String) {
        let ui = &content.ui;
        let done = |done: bool| if done { Mark::Done } else { Mark::Open };
        match self {
            ReviewRow::Blocker(blocker) => (Mark::Blocker, blocker.text(content)),
            ReviewRow::Action(action) => (Mark::Action, action.text(content)),
            ReviewRow::Route => match app.route {
                Some(route) => (
                    Mark::Done,
                    fill(
                        &ui.route.chosen,
                        &[("route", &content.route_option(route).title)],
                    ),
                ),
                None => (Mark::Unanswered, ui.route.not_chosen.clone()),
            },
            ReviewRow::Permit => {
                let employer = &app.employer;
                let mut text = content.steps.employer.permit.clone();
                if permit_obtained(app) && !employer.permit_date.trim().is_empty() {
                    let date = content.typed_date(&employer.permit_date);
                    text = format!(
                        "{text}: {}",
                        fill(&ui.employer.permit_on, &[("date", &date)])
                    );
                }
                (done(permit_obtained(app)), text)
            }
            ReviewRow::Invitation => {
                let employer = &app.employer;
                let mut text = content.steps.employer.invitation.clone();
                if employer.invitation && !employer.invitation_detail.trim().is_empty() {
                    text = format!("{text}: {}", shown(employer.invitation_detail.trim()));
                }
                (done(employer.invitation), text)
            }
            ReviewRow::Criterion(i) => {
                let criterion = &content.guide.eligibility.criteria[*i];
                let (mark, answer) = match app.answer(&criterion.id) {
                    Some(true) => (Mark::Done, &ui.yes),
                    Some(false) => (Mark::Failed, &ui.no),
                    None => (Mark::Unanswered, &ui.not_answered),
                };
                (mark, format!("{}: {answer}", criterion.title))
            }
            ReviewRow::Document(d) => {
                let document = &content.guide.documents.items[*d];
                let points: Vec<&DocumentItem> = document
                    .items
                    .iter()
                    .filter(|p| point_applies(app, p))
                    .collect();
                let covered = points
                    .iter()
                    .filter(|p| app.covers(&document.id, &p.id))
                    .count();
                let ready = document_ready(app, content, *d, today);
                let status = if ready {
                    &ui.review.have
                } else {
                    &ui.review.missing
                };
                let mut text = format!("{}: {status}", document.title);
                if !points.is_empty() {
                    let count = fill(
                        content.plural(&ui.documents.items_done, points.len()),
                        &[
                            ("done", &covered.to_string()),
                            ("total", &points.len().to_string()),
                        ],
                    );
                    text.push_str(&format!(" ({count})"));
                }
                let failed = document.id == PASSPORT_DOCUMENT && passport(app, today).blocks();
                let mark = if failed { Mark::Failed } else { done(ready) };
                (mark, text)
            }
            ReviewRow::Passport => match passport(app, today) {
                PassportCheck::Passes { required } => (
                    Mark::Done,
                    format!(
                        "{} {}",
                        ui.passport.passes,
                        fill(
                            &ui.passport.valid_until,
                            &[("date", &content.date(required))]
                        )
                    ),
                ),
                PassportCheck::Fails { expiry, required } => (
                    Mark::Failed,
                    fill(
                        &ui.review.passport_fails,
                        &[
                            ("expiry", &content.date(expiry)),
                            ("date", &content.date(required)),
                        ],
                    ),
                ),
                check => passport_verdict(content, check),
            },
            ReviewRow::Form => (
                done(app.submission.form_completed),
                content.guide.submission.application_form.title.clone(),
            ),
            ReviewRow::Fee => {
                let submission = &app.submission;
                let mut details = vec![];
                if !submission.fee_amount.trim().is_empty() {
                    details.push(shown(submission.fee_amount.trim()).into_owned());
                }
                let paid_on = submission.fee_paid_on.trim();
                if submission.fee_paid && !paid_on.is_empty() {
                    let date = content.typed_date(paid_on);
                    details.push(fill(&ui.review.fee_paid_on, &[("date", &date)]));
                }
                let mut text = content.guide.submission.visa_fee.title.clone();
                if !details.is_empty() {
                    text = format!("{text}: {}", details.join(", "));
                }
                (done(submission.fee_paid), text)
            }
            ReviewRow::AfterArrival => (Mark::Action, content.steps.after_arrival.text.clone()),
            ReviewRow::Dated(action) => (
                Mark::Action,
                crate::present::plan::line(content, action, today),
            ),
            ReviewRow::PlanDate(field) => {
                let label = crate::present::fields::label(*field, content);
                let text = field.text(app).map_or("", |t| t.trim());
                if text.is_empty() {
                    (
                        Mark::Unanswered,
                        format!("{label}: {}", ui.export.not_entered),
                    )
                } else {
                    let mark = if dates::is_invalid(text) {
                        Mark::Failed
                    } else {
                        Mark::Done
                    };
                    (mark, format!("{label}: {}", content.typed_date(text)))
                }
            }
            ReviewRow::Interview => {
                let submission = &app.submission;
                let name = match submission.interview {
                    Interview::NotRequested => &ui.submission.not_requested,
                    Interview::Scheduled => &ui.submission.scheduled,
                    Interview::Attended => &ui.submission.attended,
                };
                let status = if submission.interview_date.trim().is_empty()
                    || submission.interview == Interview::NotRequested
                {
                    name.clone()
                } else {
                    fill(
                        &ui.review.interview_on,
                        &[
                            ("status", name),
                            ("date", &content.typed_date(&submission.interview_date)),
                        ],
                    )
                };
                (
                    done(submission.interview != Interview::Scheduled),
                    format!("{}: {status}", ui.submission.interview),
                )
            }
        }
    }
}

/// The passport check's verdict, the same on the passport screen, in the line wizard and in
/// exports (the review adds the date the rule asks for).
pub fn passport_verdict(content: &Content, check: PassportCheck) -> (Mark, String) {
    let ui = &content.ui;
    match check {
        PassportCheck::Incomplete => (Mark::Unanswered, ui.review.passport_missing.clone()),
        PassportCheck::Passes { .. } => (Mark::Done, ui.passport.passes.clone()),
        PassportCheck::Fails { expiry, required } => (
            Mark::Failed,
            fill(
                &ui.passport.fails,
                &[
                    ("expiry", &content.date(expiry)),
                    ("date", &content.date(required)),
                ],
            ),
        ),
        PassportCheck::Expired { expiry } => (
            Mark::Failed,
            fill(&ui.passport.expired, &[("expiry", &content.date(expiry))]),
        ),
        PassportCheck::StayInPast { end } => (
            Mark::Open,
            fill(&ui.passport.stay_in_past, &[("date", &content.date(end))]),
        ),
    }
}

/// "Documents (2 documents missing)": the heading says how many are still to get, in the
/// language's plural form; just "Documents" once there are none.
pub fn documents_heading(app: &Application, content: &Content, today: Option<NaiveDate>) -> String {
    let ui = &content.ui.review;
    let missing = (0..content.guide.documents.items.len())
        .filter(|d| !document_ready(app, content, *d, today))
        .count();
    if missing == 0 {
        return ui.documents.clone();
    }
    let count = fill(
        content.plural(&ui.documents_missing, missing),
        &[("count", &missing.to_string())],
    );
    format!("{} ({count})", ui.documents)
}
