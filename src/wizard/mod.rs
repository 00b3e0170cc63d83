//! The pure rules of the wizard: what a person answered ([`Application`]), where they are
//! ([`Place`]), and what follows from their answers ([`review`], [`dates`]). No terminal, no files.

pub mod calendar;
pub mod dates;
pub mod flow;
pub mod form;
pub mod plan;
pub mod review;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::content::{Content, ROUTE_IDS};

/// What a person answered and where they were: exactly what gets saved.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Application {
    pub place: Place,
    /// Which route applies by citizenship; `None` until chosen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub route: Option<Route>,
    /// Criterion id → the yes/no answer; a criterion not in the map is unanswered.
    pub eligibility: BTreeMap<String, bool>,
    /// Document id → progress; a document not in the map is not ticked at all.
    pub documents: BTreeMap<String, DocumentProgress>,
    pub employer: EmployerProgress,
    pub passport: PassportDates,
    pub submission: SubmissionProgress,
    /// The dates the plan counts from (the "Your dates" step).
    pub dates: PlanDates,
}

/// The dates a person gives for the plan, as typed like every date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PlanDates {
    /// The first working day in Kazakhstan.
    #[serde(serialize_with = "dates::saved_form")]
    pub target: String,
    #[serde(serialize_with = "dates::saved_form")]
    pub planned_entry: String,
    #[serde(serialize_with = "dates::saved_form")]
    pub actual_entry: String,
    /// The work permit's validity end (work visa route).
    #[serde(serialize_with = "dates::saved_form")]
    pub permit_end: String,
    /// The visa's validity end (work visa route).
    #[serde(serialize_with = "dates::saved_form")]
    pub visa_end: String,
}

/// The route by citizenship: who needs the work permit and the visa at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    /// A citizen of a member state of the Eurasian Economic Union: no work permit.
    Eaeu,
    /// A national of a visa-free country: a temporary residence permit, not a work visa.
    VisaFree,
    /// Everyone else: the employer's work permit, then the work visa.
    WorkVisa,
}

impl Route {
    pub const ALL: [Route; 3] = [Route::Eaeu, Route::VisaFree, Route::WorkVisa];

    /// The route's id in files and content, from the content's one list of them.
    pub fn id(self) -> &'static str {
        ROUTE_IDS[self.index()]
    }

    pub fn from_id(id: &str) -> Option<Route> {
        Route::ALL.into_iter().find(|route| route.id() == id)
    }

    pub fn index(self) -> usize {
        Route::ALL.iter().position(|r| *r == self).unwrap_or(0)
    }
}

/// What the employer has done: the work permit, then the invitation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EmployerProgress {
    pub permit: bool,
    /// As typed, like every date.
    #[serde(serialize_with = "dates::saved_form")]
    pub permit_date: String,
    pub invitation: bool,
    /// Its number or date, as written on it: free text.
    pub invitation_detail: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DocumentProgress {
    /// "I have it".
    pub have: bool,
    /// Ids of the document's points that the person confirmed it covers.
    pub covered: BTreeSet<String>,
}

/// Dates as typed, so a bad date is never erased; they are parsed where they are used.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PassportDates {
    #[serde(serialize_with = "dates::saved_form")]
    pub expiry: String,
    #[serde(serialize_with = "dates::saved_form")]
    pub end_of_stay: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SubmissionProgress {
    pub form_completed: bool,
    pub fee_paid: bool,
    /// Free text: the amount and currency the embassy or consulate gives.
    pub fee_amount: String,
    #[serde(serialize_with = "dates::saved_form")]
    pub fee_paid_on: String,
    pub interview: Interview,
    #[serde(serialize_with = "dates::saved_form")]
    pub interview_date: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Interview {
    #[default]
    NotRequested,
    Scheduled,
    Attended,
}

impl Interview {
    pub const ALL: [Interview; 3] = [
        Interview::NotRequested,
        Interview::Scheduled,
        Interview::Attended,
    ];

    pub fn cycled(self, forward: bool) -> Interview {
        let at = Interview::ALL.iter().position(|i| *i == self).unwrap_or(0);
        let len = Interview::ALL.len();
        Interview::ALL[if forward {
            (at + 1) % len
        } else {
            (at + len - 1) % len
        }]
    }
}

/// The steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    Welcome,
    Route,
    Eligibility,
    EligibilityResult,
    Employer,
    Documents,
    Passport,
    Submission,
    Dates,
    Review,
}

impl Step {
    pub const ALL: [Step; 10] = [
        Step::Welcome,
        Step::Route,
        Step::Eligibility,
        Step::EligibilityResult,
        Step::Employer,
        Step::Documents,
        Step::Passport,
        Step::Submission,
        Step::Dates,
        Step::Review,
    ];

    /// The step's name in files and scripts, the same in every language.
    pub fn id(self) -> &'static str {
        match self {
            Step::Welcome => "welcome",
            Step::Route => "route",
            Step::Eligibility => "eligibility",
            Step::EligibilityResult => "eligibility_result",
            Step::Employer => "employer",
            Step::Documents => "documents",
            Step::Passport => "passport",
            Step::Submission => "submission",
            Step::Dates => "dates",
            Step::Review => "review",
        }
    }
}

/// Where the person is: the step and the row or field inside it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case", deny_unknown_fields)]
pub enum Place {
    #[default]
    Welcome,
    /// Choosing the route; `option` is the highlighted one.
    Route {
        option: usize,
    },
    /// What the chosen route means, for the routes that need no work visa.
    RouteOutcome,
    Eligibility {
        question: usize,
    },
    EligibilityResult,
    Employer {
        field: EmployerField,
    },
    Documents {
        document: usize,
        /// A point of the document (the contract's salary, say), or the document's own row.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        item: Option<usize>,
    },
    Passport {
        field: PassportField,
    },
    Submission {
        field: SubmissionField,
    },
    Dates {
        field: DatesField,
    },
    Review {
        row: usize,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmployerField {
    Permit,
    PermitDate,
    Invitation,
    InvitationDetail,
}

impl EmployerField {
    pub const ALL: [EmployerField; 4] = [
        EmployerField::Permit,
        EmployerField::PermitDate,
        EmployerField::Invitation,
        EmployerField::InvitationDetail,
    ];

    pub fn is_text(self) -> bool {
        matches!(
            self,
            EmployerField::PermitDate | EmployerField::InvitationDetail
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PassportField {
    Expiry,
    EndOfStay,
    /// Both dates confirmed; the result stays on screen until Enter.
    Result,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubmissionField {
    FormCompleted,
    FeePaid,
    FeeAmount,
    FeePaidOn,
    Interview,
    InterviewDate,
}

/// The fields of "Your dates".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatesField {
    Target,
    PlannedEntry,
    ActualEntry,
    PermitEnd,
    VisaEnd,
}

impl SubmissionField {
    pub const ALL: [SubmissionField; 6] = [
        SubmissionField::FormCompleted,
        SubmissionField::FeePaid,
        SubmissionField::FeeAmount,
        SubmissionField::FeePaidOn,
        SubmissionField::Interview,
        SubmissionField::InterviewDate,
    ];

    pub fn is_text(self) -> bool {
        matches!(
            self,
            SubmissionField::FeeAmount
                | SubmissionField::FeePaidOn
                | SubmissionField::InterviewDate
        )
    }

    pub fn is_date(self) -> bool {
        matches!(
            self,
            SubmissionField::FeePaidOn | SubmissionField::InterviewDate
        )
    }
}

impl Place {
    pub fn step(self) -> Step {
        match self {
            Place::Welcome => Step::Welcome,
            Place::Route { .. } | Place::RouteOutcome => Step::Route,
            Place::Eligibility { .. } => Step::Eligibility,
            Place::EligibilityResult => Step::EligibilityResult,
            Place::Employer { .. } => Step::Employer,
            Place::Documents { .. } => Step::Documents,
            Place::Passport { .. } => Step::Passport,
            Place::Submission { .. } => Step::Submission,
            Place::Dates { .. } => Step::Dates,
            Place::Review { .. } => Step::Review,
        }
    }

    /// Where a step begins.
    pub fn start_of(step: Step) -> Place {
        match step {
            Step::Welcome => Place::Welcome,
            Step::Route => Place::Route { option: 0 },
            Step::Eligibility => Place::Eligibility { question: 0 },
            Step::EligibilityResult => Place::EligibilityResult,
            Step::Employer => Place::Employer {
                field: EmployerField::Permit,
            },
            Step::Documents => Place::Documents {
                document: 0,
                item: None,
            },
            Step::Passport => Place::Passport {
                field: PassportField::Expiry,
            },
            Step::Submission => Place::Submission {
                field: SubmissionField::FormCompleted,
            },
            Step::Dates => Place::Dates {
                field: DatesField::Target,
            },
            Step::Review => Place::Review { row: 0 },
        }
    }
}

impl Application {
    pub fn answer(&self, criterion: &str) -> Option<bool> {
        self.eligibility.get(criterion).copied()
    }

    pub fn has_document(&self, document: &str) -> bool {
        self.documents.get(document).is_some_and(|d| d.have)
    }

    pub fn covers(&self, document: &str, item: &str) -> bool {
        self.documents
            .get(document)
            .is_some_and(|d| d.covered.contains(item))
    }

    /// Whether the employer's work permit and invitation are part of this person's route:
    /// not for citizens of the EAEU or of visa-free countries.
    pub fn needs_work_permit(&self) -> bool {
        flow::applies(Step::Employer, self)
    }

    /// Brings a place read from a file (or left by edited content) inside what the content has,
    /// so a shorter list of criteria or documents never leaves the cursor nowhere.
    pub fn clamp_place(&mut self, content: &Content) {
        let criteria = content.guide.eligibility.criteria.len();
        let documents = &content.guide.documents.items;
        self.place = match self.place {
            Place::Route { option } => Place::Route {
                option: option.min(Route::ALL.len() - 1),
            },
            Place::RouteOutcome if self.route.is_none() => Place::start_of(Step::Route),
            Place::Eligibility { question } if question >= criteria => Place::EligibilityResult,
            Place::Documents { document, item } => {
                let document = document.min(documents.len().saturating_sub(1));
                let points = documents.get(document).map_or(0, |d| d.items.len());
                Place::Documents {
                    document,
                    item: item.filter(|i| *i < points),
                }
            }
            // A field that no longer applies (an interview no longer scheduled, say): the one
            // before it.
            place if form::Field::at(place).is_some_and(|f| !f.applies(self)) => {
                form::Field::at(place)
                    .and_then(|f| form::neighbour_applying(f, self))
                    .map_or(Place::start_of(place.step()), form::Field::place)
            }
            Place::Review { row } => Place::Review {
                row: row.min(review::rows(self, content, None).len().saturating_sub(1)),
            },
            place => place,
        };
    }
}
