//! The flow, declared once: the steps in order, which of them apply on the application's route,
//! and where each begins and ends. The full screen, the line wizard, the review and the reports
//! walk this, so no front end can skip a step another shows, or count steps another does not.

use super::{Application, Place, Route, Step};
use crate::content::Content;

/// Whether a step is part of this application's route. The employer's work permit and the visa
/// application at an embassy are for the work visa route only (and until a route is chosen):
/// citizens of the EAEU and of visa-free countries need neither.
pub fn applies(step: Step, app: &Application) -> bool {
    match step {
        Step::Employer | Step::Submission => on_work_visa_route(app),
        _ => true,
    }
}

/// The work visa route, or no route chosen yet (then everything is shown).
pub fn on_work_visa_route(app: &Application) -> bool {
    matches!(app.route, None | Some(Route::WorkVisa))
}

/// The steps of this application's route, in order.
pub fn steps(app: &Application) -> impl Iterator<Item = Step> + '_ {
    Step::ALL.into_iter().filter(|step| applies(*step, app))
}

/// The step after `step` on this route.
pub fn next(step: Step, app: &Application) -> Option<Step> {
    steps(app).find(|s| *s > step)
}

/// The step before `step` on this route.
pub fn previous(step: Step, app: &Application) -> Option<Step> {
    steps(app).filter(|s| *s < step).last()
}

/// "Step N of M": the step's number among those of the route, and how many there are.
pub fn position(step: Step, app: &Application) -> (usize, usize) {
    let mut number = 0;
    let mut total = 0;
    for s in steps(app) {
        total += 1;
        if s <= step {
            number = total;
        }
    }
    (number.max(1), total)
}

/// Where a step is entered going back into it: its last question, the chosen route; else where
/// it begins.
pub fn end_of(step: Step, app: &Application, content: &Content) -> Place {
    match step {
        Step::Route => Place::Route {
            option: app.route.map_or(0, |r| r.index()),
        },
        Step::Eligibility => Place::Eligibility {
            question: content.guide.eligibility.criteria.len().saturating_sub(1),
        },
        step => Place::start_of(step),
    }
}

/// Where a step is entered going forward: where it begins, the route at the chosen one.
pub fn start_of(step: Step, app: &Application) -> Place {
    match step {
        Step::Route => Place::Route {
            option: app.route.map_or(0, |r| r.index()),
        },
        step => Place::start_of(step),
    }
}
