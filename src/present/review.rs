//! The review as a person reads it: what blocks, what to do, each row of answers, the passport
//! verdict, in the language of the content. The rules that decide them are in `wizard::review`.

use chrono::NaiveDate;

use crate::content::{Content, Criterion, DocumentItem, PASSPORT_DOCUMENT, fill};
use crate::present::safe::shown;
use crate::wizard::dates::PassportCheck;
use crate::wizard::review::{
    Action, Answer, Blocker, Confirm, Mark, ReviewRow, answer, document_ready, passport,
    permit_obtained, point_applies,
};
use crate::wizard::{Application, Interview};

impl Blocker {
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

/// A criterion's answer in one line, for the line wizard: the verdict, the title, and for a
/// "no" the guide's statement, with the notes when no source confirms it.
pub fn answer_line(content: &Content, criterion: &Criterion, answer: Answer) -> String {
    let ui = &content.ui;
    match answer {
        Answer::Met => format!("{}: {}", ui.eligibility.met, criterion.title),
        Answer::NotMet => format!(
            "{}: {}. {}",
            ui.eligibility.not_met, criterion.title, criterion.not_met
        ),
        Answer::ToConfirm => {
            let mut line = format!(
                "{}: {}. {}",
                ui.eligibility.to_confirm, criterion.title, criterion.not_met
            );
            for note in content.notes_at(&format!("criterion:{}", criterion.id)) {
                line.push_str(&format!(" ⓘ {}", note.text.trim()));
            }
            line
        }
        Answer::Unanswered => format!("{}: {}", ui.not_answered, criterion.title),
    }
}

impl Confirm {
    /// "Medical examination: Ask your employer which health papers apply.": its title and the
    /// first sentence of its note (what to do), for the review's row.
    pub fn short_text(self, content: &Content) -> String {
        let text = self.text(content);
        match text.find(". ") {
            Some(end) => text[..=end].to_string(),
            None => text,
        }
    }

    /// "Medical examination: Ask your employer which health papers apply. ...": its title and
    /// its note.
    pub fn text(self, content: &Content) -> String {
        let guide = &content.guide;
        let title = match self {
            Confirm::Criterion(i) => &guide.eligibility.criteria[i].title,
            Confirm::Document(d) => &guide.documents.items[d].title,
        };
        let at = self.at(content);
        match content.notes_at(&at).next() {
            Some(note) => format!("{title}: {}", note.text.trim()),
            None => title.clone(),
        }
    }
}

impl Action {
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
            Action::AttendInterview { date } => fill(
                &ui.attend_interview,
                &[("date", &crate::present::typed_date(content, date))],
            ),
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
            ReviewRow::Confirm(confirm) => (Mark::Confirm, confirm.short_text(content)),
            ReviewRow::Action(action) => (Mark::Action, action.text(content)),
            ReviewRow::Route => match app.route {
                Some(route) => (
                    Mark::Done,
                    fill(
                        &ui.route.chosen,
                        &[("route", &content.route_option(route.index()).on_review)],
                    ),
                ),
                None => (Mark::Unanswered, ui.route.not_chosen.clone()),
            },
            ReviewRow::Permit => {
                let employer = &app.employer;
                let mut text = content.steps.employer.permit.clone();
                if permit_obtained(app) && !employer.permit_date.trim().is_empty() {
                    let date = crate::present::typed_date(content, &employer.permit_date);
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
                let (mark, answer) = match answer(app, criterion) {
                    Answer::Met => (Mark::Done, ui.yes.clone()),
                    Answer::NotMet => (Mark::Failed, ui.no.clone()),
                    Answer::ToConfirm => (
                        Mark::Open,
                        format!("{} ({})", ui.no, ui.eligibility.to_confirm),
                    ),
                    Answer::Unanswered => (Mark::Unanswered, ui.not_answered.clone()),
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
                    let date = crate::present::typed_date(content, paid_on);
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
                    let mark = if crate::wizard::dates::is_invalid(text) {
                        Mark::Failed
                    } else {
                        Mark::Done
                    };
                    (
                        mark,
                        format!("{label}: {}", crate::present::typed_date(content, text)),
                    )
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
                            (
                                "date",
                                &crate::present::typed_date(content, &submission.interview_date),
                            ),
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
