//! The plan: from "Your dates", the route and the answers, the dated actions of the application,
//! each with who acts and when it is due, counted on Kazakhstan's calendar with the sourced
//! durations of `content/durations.yaml`. A date that rests on a low-confidence or disputed
//! duration, on no sourced duration at all, or on a year the calendar does not cover, is an
//! estimate and says so. Pure: `today` only says how near each action is.

use chrono::{Days, Months, NaiveDate};

use super::calendar::{Calendar, Counted};
use super::form::Field;
use super::{Application, Route, dates, review};
use crate::content::{DurationUnit, Timing};

/// Within this many days an action is due soon.
pub const DUE_SOON_DAYS: i64 = 14;

/// The day visa-free visitors start registering online (MIA Order No. 923).
pub fn registration_from() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 7, 1).unwrap_or_default()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    You,
    Employer,
    /// The embassy or consulate.
    Mission,
    /// The host: the employer or the landlord.
    Host,
}

impl Who {
    pub fn id(self) -> &'static str {
        match self {
            Who::You => "you",
            Who::Employer => "employer",
            Who::Mission => "mission",
            Who::Host => "host",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    VacancyPosting,
    PermitApplication,
    Invitation,
    VisaApplication,
    Entry,
    HostNotification,
    Registration,
    Iin,
    PassportRenewal,
    PermitRenewal,
}

impl Kind {
    /// Its name in files and calendars, the same in every language.
    pub fn id(self) -> &'static str {
        match self {
            Kind::VacancyPosting => "vacancy_posting",
            Kind::PermitApplication => "permit_application",
            Kind::Invitation => "invitation",
            Kind::VisaApplication => "visa_application",
            Kind::Entry => "entry",
            Kind::HostNotification => "host_notification",
            Kind::Registration => "registration",
            Kind::Iin => "iin",
            Kind::PassportRenewal => "passport_renewal",
            Kind::PermitRenewal => "permit_renewal",
        }
    }

    pub fn who(self) -> Who {
        match self {
            Kind::VacancyPosting | Kind::PermitApplication | Kind::PermitRenewal => Who::Employer,
            Kind::Invitation | Kind::HostNotification => Who::Host,
            Kind::VisaApplication => Who::Mission,
            Kind::Entry | Kind::Registration | Kind::Iin | Kind::PassportRenewal => Who::You,
        }
    }
}

/// One dated action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated {
    pub kind: Kind,
    pub due: NaiveDate,
    /// Not a rule: a disputed or low-confidence duration, or a calendar not sure of the year.
    pub estimate: bool,
    /// Done by the answers (the permit obtained, the entry made).
    pub done: bool,
    /// The field the action follows from, where Enter on it goes.
    pub field: Field,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Overdue,
    DueSoon,
    Later,
    Done,
}

impl Status {
    pub fn id(self) -> &'static str {
        match self {
            Status::Overdue => "overdue",
            Status::DueSoon => "due_soon",
            Status::Later => "later",
            Status::Done => "done",
        }
    }
}

impl Dated {
    /// How the action stands against `today`; without a today, nothing is late yet.
    pub fn status(&self, today: Option<NaiveDate>) -> Status {
        match (self.done, today) {
            (true, _) => Status::Done,
            (false, None) => Status::Later,
            (false, Some(today)) if self.due < today => Status::Overdue,
            (false, Some(today)) if (self.due - today).num_days() <= DUE_SOON_DAYS => {
                Status::DueSoon
            }
            (false, Some(_)) => Status::Later,
        }
    }

    /// Days from `today` to the due date: negative when late.
    pub fn days_left(&self, today: NaiveDate) -> i64 {
        (self.due - today).num_days()
    }
}

/// A date moved by a sourced duration, with whether it is an estimate.
struct Step<'a> {
    timing: &'a Timing,
    calendar: Calendar<'a>,
}

impl Step<'_> {
    /// `date` moved `id`'s duration forward (or back): `None` past chrono's calendar. An id not
    /// in the file moves nothing and is an estimate.
    fn by(&self, date: NaiveDate, id: &str, forward: bool) -> Option<Counted> {
        let Some(duration) = self.timing.duration(id) else {
            return Some(Counted {
                date,
                estimate: true,
            });
        };
        let mut counted = match duration.unit {
            DurationUnit::Calendar => {
                let days = Days::new(u64::from(duration.days));
                Counted {
                    date: if forward {
                        date.checked_add_days(days)?
                    } else {
                        date.checked_sub_days(days)?
                    },
                    estimate: false,
                }
            }
            DurationUnit::Months => {
                let months = Months::new(duration.days);
                Counted {
                    date: if forward {
                        date.checked_add_months(months)?
                    } else {
                        date.checked_sub_months(months)?
                    },
                    estimate: false,
                }
            }
            DurationUnit::Working if forward => {
                self.calendar.add_working_days(date, duration.days)?
            }
            DurationUnit::Working => self.calendar.sub_working_days(date, duration.days)?,
        };
        counted.estimate |= duration.is_estimate();
        Some(counted)
    }
}

/// The deadlines after an entry on `route`: the host's notification (the visa route), the
/// online registration (the visa-free route, entries from 1 July 2026; for the EAEU as an
/// estimate, a treaty may say otherwise).
pub fn after_entry(entry: NaiveDate, route: Route, timing: &Timing) -> Vec<Dated> {
    let step = Step {
        timing,
        calendar: Calendar::new(&timing.calendar),
    };
    let mut out = vec![];
    let dated = |kind, counted: Counted, field| Dated {
        kind,
        due: counted.date,
        estimate: counted.estimate,
        done: false,
        field,
    };
    match route {
        Route::WorkVisa => {
            let days = timing.duration("host_notification");
            // The day of entry counted as the first: the earlier of the two readings.
            let counted = step
                .calendar
                .nth_working_day_from(entry, days.map_or(3, |d| d.days))
                .map(|mut c| {
                    c.estimate |= days.is_none_or(|d| d.is_estimate());
                    c
                });
            if let Some(counted) = counted {
                out.push(dated(Kind::HostNotification, counted, Field::ActualEntry));
            }
        }
        Route::VisaFree | Route::Eaeu if entry >= registration_from() => {
            if let Some(mut counted) = step.by(entry, "registration", true) {
                counted.estimate |= route == Route::Eaeu;
                out.push(dated(Kind::Registration, counted, Field::ActualEntry));
            }
        }
        Route::VisaFree | Route::Eaeu => {}
    }
    out
}

/// The address-change deadline: `moved` plus the sourced working days.
pub fn address_change(moved: NaiveDate, timing: &Timing) -> Option<Counted> {
    Step {
        timing,
        calendar: Calendar::new(&timing.calendar),
    }
    .by(moved, "address_change", true)
}

/// Every dated action of the application, done ones last, the others by due date (so what is
/// overdue comes first).
pub fn plan(app: &Application, timing: &Timing) -> Vec<Dated> {
    let step = Step {
        timing,
        calendar: Calendar::new(&timing.calendar),
    };
    let given = |text: &str| dates::parse(text);
    let d = &app.dates;
    let actual = given(&d.actual_entry);
    let target = given(&d.target);
    // The entry the plan counts back from: the one made, else the one planned, else (an
    // estimate) the first working day.
    let (entry, entry_guessed) = match (actual, given(&d.planned_entry), target) {
        (Some(entry), _, _) | (None, Some(entry), _) => (Some(entry), false),
        (None, None, Some(target)) => (Some(target), true),
        (None, None, None) => (None, false),
    };
    let route = app.route.unwrap_or(Route::WorkVisa);
    let work_visa = super::flow::on_work_visa_route(app);
    let mut out = vec![];
    let mut push = |kind, counted: Option<Counted>, done, field, guessed: bool| {
        if let Some(counted) = counted {
            out.push(Dated {
                kind,
                due: counted.date,
                estimate: counted.estimate || guessed,
                done,
                field,
            });
        }
    };

    if let Some(entry) = entry {
        let entered = actual.is_some();
        if work_visa {
            let visa = step.by(entry, "visa_processing", false);
            // The invitation by 14 days before entry, and before the visa is applied for.
            let invitation = step
                .by(entry, "invitation_latest", false)
                .map(|latest| match visa {
                    Some(visa) if visa.date < latest.date => visa,
                    _ => latest,
                });
            let permit = invitation.and_then(|i| {
                step.by(i.date, "permit_decision", false).map(|mut p| {
                    p.estimate |= i.estimate;
                    p
                })
            });
            let vacancy = permit.and_then(|p| {
                step.by(p.date, "vacancy_posting", false).map(|mut v| {
                    v.estimate |= p.estimate;
                    v
                })
            });
            let obtained = review::permit_obtained(app) || entered;
            push(
                Kind::VacancyPosting,
                vacancy,
                obtained,
                Field::Permit,
                entry_guessed,
            );
            push(
                Kind::PermitApplication,
                permit,
                obtained,
                Field::Permit,
                entry_guessed,
            );
            push(
                Kind::Invitation,
                invitation,
                app.employer.invitation || entered,
                Field::Invitation,
                entry_guessed,
            );
            push(
                Kind::VisaApplication,
                visa,
                entered,
                Field::FormCompleted,
                entry_guessed,
            );
        }
        push(
            Kind::Entry,
            Some(Counted {
                date: entry,
                estimate: false,
            }),
            entered,
            if entered {
                Field::ActualEntry
            } else {
                Field::PlannedEntry
            },
            entry_guessed,
        );
        let route_for_entry = if work_visa { Route::WorkVisa } else { route };
        for after in after_entry(entry, route_for_entry, timing) {
            push(
                after.kind,
                Some(Counted {
                    date: after.due,
                    estimate: after.estimate,
                }),
                false,
                after.field,
                entry_guessed,
            );
        }
        // In person once arrived, before the contract is signed: no sourced duration, so the
        // first working day (or the entry) is an estimate.
        let iin_by = target.filter(|t| *t >= entry).unwrap_or(entry);
        push(
            Kind::Iin,
            Some(Counted {
                date: iin_by,
                estimate: true,
            }),
            false,
            Field::ActualEntry,
            entry_guessed,
        );
    }
    if let Some(expiry) = given(&app.passport.expiry) {
        push(
            Kind::PassportRenewal,
            step.by(expiry, "passport_margin", false),
            false,
            Field::PassportExpiry,
            false,
        );
    }
    if work_visa && let Some(end) = given(&d.permit_end) {
        push(
            Kind::PermitRenewal,
            step.by(end, "permit_renewal_latest", false),
            false,
            Field::PermitEnd,
            false,
        );
    }
    out.sort_by_key(|a| (a.done, a.due, a.kind));
    out
}

/// The actions not done that are late or fall due within `days` days of `today`.
pub fn due_within(plan: &[Dated], today: NaiveDate, days: i64) -> Vec<Dated> {
    plan.iter()
        .filter(|a| !a.done && a.days_left(today) <= days)
        .copied()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::timing;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("test date")
    }

    fn work_visa(planned_entry: &str) -> Application {
        let mut app = Application {
            route: Some(Route::WorkVisa),
            ..Application::default()
        };
        app.dates.planned_entry = planned_entry.into();
        app
    }

    fn find(plan: &[Dated], kind: Kind) -> Dated {
        *plan
            .iter()
            .find(|a| a.kind == kind)
            .unwrap_or_else(|| panic!("no {kind:?} in {plan:?}"))
    }

    #[test]
    fn every_duration_the_plan_uses_is_sourced() {
        for id in [
            "vacancy_posting",
            "permit_decision",
            "invitation_latest",
            "invitation_earliest",
            "visa_processing",
            "host_notification",
            "registration",
            "address_change",
            "passport_margin",
            "permit_renewal_earliest",
            "permit_renewal_latest",
        ] {
            let duration = timing().duration(id).unwrap_or_else(|| panic!("{id}"));
            assert!(!duration.sources.is_empty(), "{id} has no source");
        }
        // Low confidence or disputed: never a rule.
        assert!(
            timing()
                .duration("permit_decision")
                .expect("id")
                .is_estimate()
        );
        assert!(
            timing()
                .duration("visa_processing")
                .expect("id")
                .is_estimate()
        );
        assert!(!timing().duration("registration").expect("id").is_estimate());
    }

    #[test]
    fn the_work_visa_plan_counts_back_from_the_entry() {
        // Entry planned on Monday 1 June 2026.
        let plan = plan(&work_visa("2026-06-01"), timing());
        // The visa: 15 working days back (the safer of 5 and 15), over Kurban Ait (27 May),
        // 11 May and 7 May: Wednesday 6 May 2026. An estimate.
        let visa = find(&plan, Kind::VisaApplication);
        assert_eq!(visa.due, date(2026, 5, 6));
        assert!(visa.estimate);
        assert_eq!(visa.kind.who(), Who::Mission);
        // The invitation: 14 days before entry is 18 May, but the visa needs it first.
        assert_eq!(find(&plan, Kind::Invitation).due, date(2026, 5, 6));
        // The permit a month before that, the vacancy 15 days before the permit.
        assert_eq!(find(&plan, Kind::PermitApplication).due, date(2026, 4, 6));
        assert_eq!(find(&plan, Kind::VacancyPosting).due, date(2026, 3, 22));
        assert_eq!(find(&plan, Kind::VacancyPosting).kind.who(), Who::Employer);
        // After entry: the host has 3 business days, the day of entry counted (an estimate).
        let host = find(&plan, Kind::HostNotification);
        assert_eq!(host.due, date(2026, 6, 3));
        assert!(host.estimate);
        assert_eq!(host.kind.who(), Who::Host);
        // The work visa route does not register online.
        assert!(plan.iter().all(|a| a.kind != Kind::Registration));
        // In date order.
        assert!(plan.windows(2).all(|w| w[0].due <= w[1].due));
    }

    #[test]
    fn the_domain_check_through_the_plan() {
        let mut app = work_visa("");
        app.dates.actual_entry = "20.03.2026".into();
        let plan = plan(&app, timing());
        assert_eq!(
            find(&plan, Kind::HostNotification).due,
            date(2026, 3, 27),
            "the day of entry counted"
        );
        // Entered: what comes before entry is done, and listed last.
        assert!(find(&plan, Kind::VisaApplication).done);
        assert!(find(&plan, Kind::Entry).done);
        assert!(plan.last().is_some_and(|a| a.done));
    }

    #[test]
    fn statuses_against_today_near_month_ends_and_in_a_leap_year() {
        let mut app = work_visa("");
        app.dates.actual_entry = "2028-02-28".into(); // Monday; 2028 is a leap year
        let plan = plan(&app, timing());
        let host = find(&plan, Kind::HostNotification);
        // 28 Feb, 29 Feb, 1 Mar: a year the calendar does not cover, so an estimate.
        assert_eq!(host.due, date(2028, 3, 1));
        assert!(host.estimate);
        assert_eq!(host.status(Some(date(2028, 2, 29))), Status::DueSoon);
        assert_eq!(host.status(Some(date(2028, 3, 1))), Status::DueSoon);
        assert_eq!(host.status(Some(date(2028, 3, 2))), Status::Overdue);
        assert_eq!(host.days_left(date(2028, 1, 31)), 30);
        assert_eq!(host.status(Some(date(2028, 1, 31))), Status::Later);
        // Exactly 14 days before is due soon; 15 is later.
        assert_eq!(host.status(Some(date(2028, 2, 16))), Status::DueSoon);
        assert_eq!(host.status(Some(date(2028, 2, 15))), Status::Later);
        assert_eq!(host.status(None), Status::Later);
    }

    #[test]
    fn registration_on_the_visa_free_route_from_july_2026() {
        let mut app = Application {
            route: Some(Route::VisaFree),
            ..Application::default()
        };
        app.dates.actual_entry = "2026-07-31".into();
        let plan = plan(&app, timing());
        let registration = find(&plan, Kind::Registration);
        // 30 calendar days after 31 July: 30 August (a Sunday: calendar days do not move).
        assert_eq!(registration.due, date(2026, 8, 30));
        assert!(!registration.estimate);
        assert!(plan.iter().all(|a| a.kind != Kind::HostNotification));
        assert!(plan.iter().all(|a| a.kind != Kind::VisaApplication));
        // Before 1 July 2026 there was no such registration.
        app.dates.actual_entry = "2026-06-30".into();
        let before = super::plan(&app, timing());
        assert!(before.iter().all(|a| a.kind != Kind::Registration));
    }

    #[test]
    fn a_weekend_working_day_and_new_year_in_the_host_notification() {
        // Entered on 2 January 2025, a holiday (3 January off too): Sunday 5 January, a working
        // day, counts first, then 6 and (7 January off) 8 January.
        let after = after_entry(date(2025, 1, 2), Route::WorkVisa, timing());
        assert_eq!(after[0].due, date(2025, 1, 8));
        // Entered Wednesday 31 December 2025: 31 Dec, then 5 and 6 January 2026.
        let after = after_entry(date(2025, 12, 31), Route::WorkVisa, timing());
        assert_eq!(after[0].due, date(2026, 1, 6));
        // The address change: 5 working days, over Nauryz 2026.
        let moved = address_change(date(2026, 3, 20), timing()).expect("date");
        assert_eq!(moved.date, date(2026, 4, 1));
        assert!(!moved.estimate);
    }

    #[test]
    fn the_passport_and_the_permit_renewals() {
        let mut app = work_visa("");
        app.passport.expiry = "2027-08-31".into();
        app.dates.permit_end = "2027-03-31".into();
        let plan = plan(&app, timing());
        // Six months before 31 August: 28 February (2027 is not a leap year).
        let passport = find(&plan, Kind::PassportRenewal);
        assert_eq!(passport.due, date(2027, 2, 28));
        assert!(passport.estimate, "3 or 6 months: disputed");
        assert_eq!(find(&plan, Kind::PermitRenewal).due, date(2027, 3, 1));
        // No entry date: nothing counted from one.
        assert!(plan.iter().all(|a| a.kind != Kind::Entry));
        // On the EAEU route there is no permit.
        app.route = Some(Route::Eaeu);
        let eaeu = super::plan(&app, timing());
        assert!(eaeu.iter().all(|a| a.kind != Kind::PermitRenewal));
    }

    #[test]
    fn a_target_date_alone_gives_an_estimated_plan() {
        let mut app = work_visa("");
        app.dates.target = "2026-09-01".into();
        let plan = plan(&app, timing());
        assert!(plan.iter().all(|a| a.estimate), "{plan:?}");
        assert_eq!(find(&plan, Kind::Entry).due, date(2026, 9, 1));
    }

    #[test]
    fn due_within_lists_what_is_late_or_near() {
        let plan = plan(&work_visa("2026-06-01"), timing());
        let due = due_within(&plan, date(2026, 5, 1), 10);
        let kinds: Vec<Kind> = due.iter().map(|a| a.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::VacancyPosting,
                Kind::PermitApplication,
                Kind::Invitation,
                Kind::VisaApplication
            ]
        );
    }
}
