//! The fields of the steps that are forms (the employer's part, the passport check, the
//! submission, your dates), declared once: their kind, their step, when they apply and where their answer is
//! kept. The full screen, the line wizard and the review walk these, so a field one of them
//! offers, the others offer too, and an answer given in either is saved the same way.

use super::{
    Application, DatesField, EmployerField, Interview, PassportField, Place, Step, SubmissionField,
    flow,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Permit,
    PermitDate,
    Invitation,
    InvitationDetail,
    PassportExpiry,
    EndOfStay,
    FormCompleted,
    FeePaid,
    FeeAmount,
    FeePaidOn,
    Interview,
    InterviewDate,
    TargetDate,
    PlannedEntry,
    ActualEntry,
    PermitEnd,
    VisaEnd,
}

/// What a field holds, and so how it is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Done or not: a tick, or yes and no.
    Tick,
    /// A date, kept as typed and saved as ISO when it is one.
    Date,
    /// Free text.
    Text,
    /// One of a few states (the interview's).
    Choice,
}

impl Field {
    /// Every field, in the order the steps show them.
    pub const ALL: [Field; 17] = [
        Field::Permit,
        Field::PermitDate,
        Field::Invitation,
        Field::InvitationDetail,
        Field::PassportExpiry,
        Field::EndOfStay,
        Field::FormCompleted,
        Field::FeePaid,
        Field::FeeAmount,
        Field::FeePaidOn,
        Field::Interview,
        Field::InterviewDate,
        Field::TargetDate,
        Field::PlannedEntry,
        Field::ActualEntry,
        Field::PermitEnd,
        Field::VisaEnd,
    ];

    pub fn kind(self) -> Kind {
        match self {
            Field::Permit | Field::Invitation | Field::FormCompleted | Field::FeePaid => Kind::Tick,
            Field::PermitDate
            | Field::PassportExpiry
            | Field::EndOfStay
            | Field::FeePaidOn
            | Field::InterviewDate
            | Field::TargetDate
            | Field::PlannedEntry
            | Field::ActualEntry
            | Field::PermitEnd
            | Field::VisaEnd => Kind::Date,
            Field::InvitationDetail | Field::FeeAmount => Kind::Text,
            Field::Interview => Kind::Choice,
        }
    }

    /// Whether typing goes into the field.
    pub fn takes_text(self) -> bool {
        matches!(self.kind(), Kind::Date | Kind::Text)
    }

    pub fn step(self) -> Step {
        match self {
            Field::Permit | Field::PermitDate | Field::Invitation | Field::InvitationDetail => {
                Step::Employer
            }
            Field::PassportExpiry | Field::EndOfStay => Step::Passport,
            Field::TargetDate
            | Field::PlannedEntry
            | Field::ActualEntry
            | Field::PermitEnd
            | Field::VisaEnd => Step::Dates,
            _ => Step::Submission,
        }
    }

    /// Whether the field is asked, given the answers so far. A date or detail that only exists
    /// once something happened is asked once it has (the permit's date once it is obtained, the
    /// interview's once one is scheduled), and shown whenever it holds something.
    pub fn applies(self, app: &Application) -> bool {
        let given = |text: &str| !text.trim().is_empty();
        match self {
            Field::PermitDate => app.employer.permit || given(&app.employer.permit_date),
            Field::InvitationDetail => {
                app.employer.invitation || given(&app.employer.invitation_detail)
            }
            Field::FeePaidOn => app.submission.fee_paid || given(&app.submission.fee_paid_on),
            Field::InterviewDate => app.submission.interview != Interview::NotRequested,
            // The permit and the visa are the work visa route's only.
            Field::PermitEnd | Field::VisaEnd => flow::on_work_visa_route(app),
            _ => true,
        }
    }

    /// Where the field is, as the application file keeps it.
    pub fn place(self) -> Place {
        match self {
            Field::Permit => Place::Employer {
                field: EmployerField::Permit,
            },
            Field::PermitDate => Place::Employer {
                field: EmployerField::PermitDate,
            },
            Field::Invitation => Place::Employer {
                field: EmployerField::Invitation,
            },
            Field::InvitationDetail => Place::Employer {
                field: EmployerField::InvitationDetail,
            },
            Field::PassportExpiry => Place::Passport {
                field: PassportField::Expiry,
            },
            Field::EndOfStay => Place::Passport {
                field: PassportField::EndOfStay,
            },
            Field::FormCompleted => Place::Submission {
                field: SubmissionField::FormCompleted,
            },
            Field::FeePaid => Place::Submission {
                field: SubmissionField::FeePaid,
            },
            Field::FeeAmount => Place::Submission {
                field: SubmissionField::FeeAmount,
            },
            Field::FeePaidOn => Place::Submission {
                field: SubmissionField::FeePaidOn,
            },
            Field::Interview => Place::Submission {
                field: SubmissionField::Interview,
            },
            Field::InterviewDate => Place::Submission {
                field: SubmissionField::InterviewDate,
            },
            Field::TargetDate => Place::Dates {
                field: DatesField::Target,
            },
            Field::PlannedEntry => Place::Dates {
                field: DatesField::PlannedEntry,
            },
            Field::ActualEntry => Place::Dates {
                field: DatesField::ActualEntry,
            },
            Field::PermitEnd => Place::Dates {
                field: DatesField::PermitEnd,
            },
            Field::VisaEnd => Place::Dates {
                field: DatesField::VisaEnd,
            },
        }
    }

    /// The field at a place, if the place is one.
    pub fn at(place: Place) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.place() == place)
    }

    /// The text of a date or text field.
    pub fn text(self, app: &Application) -> Option<&String> {
        Some(match self {
            Field::PermitDate => &app.employer.permit_date,
            Field::InvitationDetail => &app.employer.invitation_detail,
            Field::PassportExpiry => &app.passport.expiry,
            Field::EndOfStay => &app.passport.end_of_stay,
            Field::FeeAmount => &app.submission.fee_amount,
            Field::FeePaidOn => &app.submission.fee_paid_on,
            Field::InterviewDate => &app.submission.interview_date,
            Field::TargetDate => &app.dates.target,
            Field::PlannedEntry => &app.dates.planned_entry,
            Field::ActualEntry => &app.dates.actual_entry,
            Field::PermitEnd => &app.dates.permit_end,
            Field::VisaEnd => &app.dates.visa_end,
            _ => return None,
        })
    }

    pub fn text_mut(self, app: &mut Application) -> Option<&mut String> {
        Some(match self {
            Field::PermitDate => &mut app.employer.permit_date,
            Field::InvitationDetail => &mut app.employer.invitation_detail,
            Field::PassportExpiry => &mut app.passport.expiry,
            Field::EndOfStay => &mut app.passport.end_of_stay,
            Field::FeeAmount => &mut app.submission.fee_amount,
            Field::FeePaidOn => &mut app.submission.fee_paid_on,
            Field::InterviewDate => &mut app.submission.interview_date,
            Field::TargetDate => &mut app.dates.target,
            Field::PlannedEntry => &mut app.dates.planned_entry,
            Field::ActualEntry => &mut app.dates.actual_entry,
            Field::PermitEnd => &mut app.dates.permit_end,
            Field::VisaEnd => &mut app.dates.visa_end,
            _ => return None,
        })
    }

    /// Whether a tick field is ticked.
    pub fn ticked(self, app: &Application) -> Option<bool> {
        self.tick_ref(app).copied()
    }

    pub fn set_ticked(self, app: &mut Application, ticked: bool) {
        if let Some(tick) = self.tick_mut(app) {
            *tick = ticked;
        }
    }

    fn tick_ref(self, app: &Application) -> Option<&bool> {
        Some(match self {
            Field::Permit => &app.employer.permit,
            Field::Invitation => &app.employer.invitation,
            Field::FormCompleted => &app.submission.form_completed,
            Field::FeePaid => &app.submission.fee_paid,
            _ => return None,
        })
    }

    fn tick_mut(self, app: &mut Application) -> Option<&mut bool> {
        Some(match self {
            Field::Permit => &mut app.employer.permit,
            Field::Invitation => &mut app.employer.invitation,
            Field::FormCompleted => &mut app.submission.form_completed,
            Field::FeePaid => &mut app.submission.fee_paid,
            _ => return None,
        })
    }
}

/// Whether Enter in a field takes the next one rather than finishing the step: on the passport
/// check, two dates whose verdict follows them, each is confirmed in turn.
pub fn enter_walks_fields(step: Step) -> bool {
    step == Step::Passport
}

/// The fields a step asks, given the answers so far, in order.
pub fn fields(step: Step, app: &Application) -> impl Iterator<Item = Field> + '_ {
    Field::ALL
        .into_iter()
        .filter(move |f| f.step() == step && f.applies(app))
}

/// The field after (or before) `field` in its step, if any.
pub fn neighbour(field: Field, app: &Application, forward: bool) -> Option<Field> {
    // The field itself counts even when it no longer applies (its date just erased, say).
    let shown: Vec<Field> = Field::ALL
        .into_iter()
        .filter(|f| f.step() == field.step() && (f.applies(app) || *f == field))
        .collect();
    let at = shown.iter().position(|f| *f == field)?;
    if forward {
        shown.get(at + 1).copied()
    } else {
        at.checked_sub(1).and_then(|i| shown.get(i).copied())
    }
}

/// The nearest field before `field` in its step that applies: where the cursor goes when the
/// field it was on stops applying.
pub fn neighbour_applying(field: Field, app: &Application) -> Option<Field> {
    Field::ALL
        .into_iter()
        .rev()
        .skip_while(|f| *f != field)
        .find(|f| f.step() == field.step() && f.applies(app))
}
