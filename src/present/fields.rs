//! What a person reads about a form's field (see `wizard::form`): its label, the hint under it,
//! and the paragraphs that introduce it in the line wizard.

use crate::content::Content;
use crate::wizard::form::{Field, Kind};

/// The field's label; for a tick, the statement answered yes or no.
pub fn label(field: Field, content: &Content) -> &str {
    let employer = &content.steps.employer;
    let ui = &content.ui;
    match field {
        Field::Permit => &employer.permit,
        Field::PermitDate => &employer.permit_date,
        Field::Invitation => &employer.invitation,
        Field::InvitationDetail => &employer.invitation_detail,
        Field::PassportExpiry => &ui.passport.expiry,
        Field::EndOfStay => &ui.passport.end_of_stay,
        Field::FormCompleted => &ui.plain.form_completed,
        Field::FeePaid => &ui.plain.fee_paid,
        Field::FeeAmount => &ui.submission.fee_amount,
        Field::FeePaidOn => &ui.submission.fee_paid_on,
        Field::Interview => &ui.submission.interview,
        Field::InterviewDate => &ui.submission.interview_date,
        Field::TargetDate => &ui.your_dates.target,
        Field::PlannedEntry => &ui.your_dates.planned_entry,
        Field::ActualEntry => &ui.your_dates.actual_entry,
        Field::PermitEnd => &ui.your_dates.permit_end,
        Field::VisaEnd => &ui.your_dates.visa_end,
    }
}

/// What the field takes: every date field names the forms a date may be typed in.
pub fn hint(field: Field, content: &Content) -> Option<&str> {
    match (field, field.kind()) {
        (_, Kind::Date) => Some(&content.ui.dates.hint),
        (Field::InvitationDetail, _) => Some(&content.steps.employer.invitation_hint),
        (Field::FeeAmount, _) => Some(&content.ui.submission.fee_amount_hint),
        _ => None,
    }
}

/// The paragraphs that come before the field in the line wizard: the intro of its step or of
/// its part of the step.
pub fn context(field: Field, content: &Content) -> Vec<String> {
    let submission = &content.guide.submission;
    let part =
        |step: &crate::content::SubmissionStep| format!("{}: {}", step.title, step.explanation);
    match field {
        Field::Permit => vec![content.steps.employer.intro.clone()],
        Field::PassportExpiry => vec![content.ui.passport.intro.clone()],
        Field::FormCompleted => vec![
            submission.where_to_apply.clone(),
            part(&submission.application_form),
        ],
        Field::FeePaid => vec![part(&submission.visa_fee)],
        Field::Interview => vec![part(&submission.interview)],
        Field::TargetDate => vec![content.ui.your_dates.intro.clone()],
        _ => vec![],
    }
}
