//! The plan in words (see `wizard::plan`): each action's sentence, who acts, how near it is
//! ("in 19 days", "3 days late" in each language's plural forms), and the plan as a document
//! (text, Markdown, YAML) or an iCalendar file.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};
use serde::Serialize;

use crate::content::{Content, fill};
use crate::wizard::plan::{Dated, Kind, Status, Who};

pub fn title(content: &Content, kind: Kind) -> &str {
    let ui = &content.ui.plan;
    match kind {
        Kind::VacancyPosting => &ui.vacancy_posting,
        Kind::PermitApplication => &ui.permit_application,
        Kind::Invitation => &ui.invitation,
        Kind::VisaApplication => &ui.visa_application,
        Kind::Entry => &ui.entry,
        Kind::HostNotification => &ui.host_notification,
        Kind::Registration => &ui.registration,
        Kind::Iin => &ui.iin,
        Kind::PassportRenewal => &ui.passport_renewal,
        Kind::PermitRenewal => &ui.permit_renewal,
    }
}

pub fn who(content: &Content, who: Who) -> &str {
    let ui = &content.ui.plan;
    match who {
        Who::You => &ui.who_you,
        Who::Employer => &ui.who_employer,
        Who::Mission => &ui.who_mission,
        Who::Host => &ui.who_host,
    }
}

pub fn status(content: &Content, status: Status) -> &str {
    let ui = &content.ui.plan;
    match status {
        Status::Overdue => &ui.overdue,
        Status::DueSoon => &ui.due_soon,
        Status::Later => &ui.later,
        Status::Done => &ui.done,
    }
}

/// "today", "in 19 days", "3 days late".
pub fn countdown(content: &Content, due: NaiveDate, today: NaiveDate) -> String {
    let ui = &content.ui.plan;
    let days = (due - today).num_days();
    let forms = match days {
        0 => return ui.today.clone(),
        1.. => &ui.in_days,
        _ => &ui.days_late,
    };
    let n = usize::try_from(days.unsigned_abs()).unwrap_or(usize::MAX);
    fill(content.plural(forms, n), &[("count", &n.to_string())])
}

/// One action as a line: "30 March 2026 – Notify … – your host – in 3 days (estimate)"; the dash
/// is one every terminal font has.
pub fn line(content: &Content, action: &Dated, today: Option<NaiveDate>) -> String {
    let state = action.status(today);
    let when = match today {
        Some(today) if state != Status::Done => countdown(content, action.due, today),
        _ => status(content, state).to_string(),
    };
    let mut text = format!(
        "{} – {} – {} – {when}",
        content.date(action.due),
        title(content, action.kind),
        who(content, action.kind.who()),
    );
    if action.estimate {
        text.push_str(&format!(" ({})", content.ui.plan.estimate));
    }
    text
}

/// The plan for a script: ids, ISO dates and statuses, the same in every language.
#[derive(Debug, Serialize)]
pub struct Listed {
    pub name: String,
    pub today: NaiveDate,
    pub actions: Vec<ListedAction>,
}

#[derive(Debug, Serialize)]
pub struct ListedAction {
    pub action: &'static str,
    pub who: &'static str,
    pub due: NaiveDate,
    pub status: &'static str,
    pub days_left: i64,
    pub estimate: bool,
    pub text: String,
}

pub fn listed(content: &Content, name: &str, plan: &[Dated], today: NaiveDate) -> Listed {
    Listed {
        name: name.to_string(),
        today,
        actions: plan
            .iter()
            .map(|a| ListedAction {
                action: a.kind.id(),
                who: a.kind.who().id(),
                due: a.due,
                status: a.status(Some(today)).id(),
                days_left: a.days_left(today),
                estimate: a.estimate,
                text: title(content, a.kind).to_string(),
            })
            .collect(),
    }
}

/// How long before an action its calendar reminder rings.
pub const REMINDER_DAYS: i64 = 2;

/// A short stable id of an application: FNV-1a of its name and when it was created, so the
/// same application gives the same UIDs and another one others.
fn application_id(name: &str, created: DateTime<FixedOffset>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in format!("{name}\u{0}{}", created.to_rfc3339()).bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Every action not done as an all-day event with a reminder before it. UIDs come from the
/// application and the action, DTSTAMP from the application's last change: the same
/// application gives the same file.
pub fn icalendar(
    content: &Content,
    name: &str,
    created: DateTime<FixedOffset>,
    updated: DateTime<FixedOffset>,
    plan: &[Dated],
) -> String {
    use icalendar::{Alarm, Calendar, Component, Event, EventLike, Trigger};
    let id = application_id(name, created);
    let stamp = updated.with_timezone(&Utc);
    let mut calendar = Calendar::new();
    calendar.name(&fill(&content.ui.plan.heading, &[("name", name)]));
    for action in plan.iter().filter(|a| !a.done) {
        let mut summary = title(content, action.kind).to_string();
        if action.estimate {
            summary.push_str(&format!(" ({})", content.ui.plan.estimate));
        }
        let description = format!(
            "{}: {}",
            content.ui.plan.who,
            who(content, action.kind.who())
        );
        let uid = format!("{id}-{}@kzvisa", action.kind.id());
        let reminder = fill(
            &content.ui.plan.reminder,
            &[("date", &content.date(action.due)), ("action", &summary)],
        );
        let mut alarm = Alarm::display(
            &reminder,
            Trigger::before_start(Duration::days(REMINDER_DAYS)),
        );
        // The crate would stamp the reminder with the clock and a random id: fixed, like the event's.
        alarm.timestamp(stamp);
        alarm.uid(&format!("{id}-{}-reminder@kzvisa", action.kind.id()));
        let end = action.due.succ_opt().unwrap_or(action.due);
        calendar.push(
            Event::new()
                .uid(&uid)
                .timestamp(stamp)
                .summary(&summary)
                .description(&description)
                .starts(action.due)
                .ends(end)
                .alarm(alarm)
                .done(),
        );
    }
    calendar.done().to_string()
}
