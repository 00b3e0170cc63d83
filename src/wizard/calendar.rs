//! Working days in Kazakhstan, counted on the sourced calendar of `content/calendar.yaml`: a
//! five-day week, minus the days off listed for the year, plus the Saturdays and Sundays an order
//! made working days. A count that passes through a year the data does not cover, or covers only
//! in part (2027's Kurban Ait is not announced), is an estimate and says so.
//!
//! No crate: `bdays` counts business days on calendars it ships (none for Kazakhstan) through a
//! trait we would implement on this data anyway; the counting itself is the few lines below.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::content::CalendarData;

/// A date found by counting, and whether the calendar it was counted on is sure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    pub date: NaiveDate,
    /// A day on the way fell in a year the data does not cover, or covers in part.
    pub estimate: bool,
}

/// How sure the calendar is of one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    Sourced,
    /// The year is listed, but a day off is still unknown.
    Partial,
    /// Not listed: weekends only.
    NotCovered,
}

pub struct Calendar<'a> {
    data: &'a CalendarData,
}

impl<'a> Calendar<'a> {
    pub fn new(data: &'a CalendarData) -> Self {
        Calendar { data }
    }

    /// The built-in calendar.
    pub fn kazakhstan() -> Calendar<'static> {
        Calendar::new(&crate::content::timing().calendar)
    }

    pub fn coverage(&self, date: NaiveDate) -> Coverage {
        match self.data.years.iter().find(|y| y.year == date.year()) {
            Some(year) if year.complete => Coverage::Sourced,
            Some(_) => Coverage::Partial,
            None => Coverage::NotCovered,
        }
    }

    /// Whether people work on `date`: a weekday that is no day off, or a weekend day made a
    /// working day.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        let year = self.data.years.iter().find(|y| y.year == date.year());
        let listed = |days: &[crate::content::CalendarDay]| days.iter().any(|d| d.date == date);
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        match year {
            Some(year) if weekend => listed(&year.working_weekends),
            Some(year) => !listed(&year.days_off),
            None => !weekend,
        }
    }

    /// The `n`th working day counting `start` itself as the first when it is one: "within 3
    /// business days of entry", with the day of entry counted (the earlier deadline). `n = 0`
    /// is `start`.
    pub fn nth_working_day_from(&self, start: NaiveDate, n: u32) -> Option<Counted> {
        let mut estimate = self.coverage(start) != Coverage::Sourced;
        if n == 0 {
            return Some(Counted {
                date: start,
                estimate,
            });
        }
        let mut day = start;
        let mut counted = 0;
        loop {
            estimate |= self.coverage(day) != Coverage::Sourced;
            if self.is_working_day(day) {
                counted += 1;
                if counted == n {
                    return Some(Counted {
                        date: day,
                        estimate,
                    });
                }
            }
            day = day.checked_add_days(Days::new(1))?;
        }
    }

    /// `n` working days after `start`, `start` not counted: "within 5 working days".
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> Option<Counted> {
        let next = start.checked_add_days(Days::new(1))?;
        let mut counted = self.nth_working_day_from(next, n.max(1))?;
        if n == 0 {
            counted.date = start;
        }
        counted.estimate |= self.coverage(start) != Coverage::Sourced;
        Some(counted)
    }

    /// `n` working days before `end`, `end` not counted: when to start something that takes
    /// `n` working days to be done by `end`.
    pub fn sub_working_days(&self, end: NaiveDate, n: u32) -> Option<Counted> {
        let mut day = end;
        let mut estimate = self.coverage(end) != Coverage::Sourced;
        for _ in 0..n {
            loop {
                day = day.checked_sub_days(Days::new(1))?;
                estimate |= self.coverage(day) != Coverage::Sourced;
                if self.is_working_day(day) {
                    break;
                }
            }
        }
        Some(Counted {
            date: day,
            estimate,
        })
    }

    /// The working days after `from` up to and including `to`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> (u32, bool) {
        let mut count = 0;
        let mut estimate = false;
        let mut day = from;
        while let Some(next) = day.checked_add_days(Days::new(1)).filter(|d| *d <= to) {
            day = next;
            estimate |= self.coverage(day) != Coverage::Sourced;
            count += u32::from(self.is_working_day(day));
        }
        (count, estimate)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("test date")
    }

    fn kz() -> Calendar<'static> {
        Calendar::kazakhstan()
    }

    #[test]
    fn the_domain_check_a_friday_entry_before_nauryz_2026() {
        // Entered Friday 20 March 2026: 23-25 March are days off. The day of entry counted gives
        // Friday 27 March (the earlier, which the plan uses); not counted, Monday 30 March.
        let counted = kz()
            .nth_working_day_from(date(2026, 3, 20), 3)
            .expect("date");
        assert_eq!(counted.date, date(2026, 3, 27));
        assert!(!counted.estimate);
        let not_counted = kz().add_working_days(date(2026, 3, 20), 3).expect("date");
        assert_eq!(not_counted.date, date(2026, 3, 30));
    }

    #[test]
    fn working_days_across_nauryz_and_new_year_2026() {
        // March 2026: 22 weekdays, minus 9 (8 March carried over) and 23, 24, 25.
        assert_eq!(
            kz().working_days_between(date(2026, 2, 28), date(2026, 3, 31)),
            (18, false)
        );
        // 29 Dec 2025 to 9 Jan 2026: 29, 30, 31 Dec, then 5, 6, 8, 9 Jan (1, 2, 7 Jan off).
        assert_eq!(
            kz().working_days_between(date(2025, 12, 28), date(2026, 1, 9)),
            (7, false)
        );
        // Five working days after New Year's Eve 2025: 5, 6, 8, 9 and Monday 12 January 2026.
        let counted = kz().add_working_days(date(2025, 12, 31), 5).expect("date");
        assert_eq!(counted.date, date(2026, 1, 12));
    }

    #[test]
    fn a_weekend_working_day_counts() {
        // 2025: Sunday 5 January was worked, Friday 3 January was off.
        assert!(kz().is_working_day(date(2025, 1, 5)));
        assert!(!kz().is_working_day(date(2025, 1, 3)));
        assert!(!kz().is_working_day(date(2025, 1, 4)));
        // The working day after Thursday 2 January 2025 is that Sunday.
        let counted = kz().add_working_days(date(2025, 1, 2), 1).expect("date");
        assert_eq!(counted.date, date(2025, 1, 5));
        assert!(!counted.estimate);
    }

    #[test]
    fn a_year_not_covered_or_partial_is_an_estimate() {
        let counted = kz().add_working_days(date(2030, 6, 3), 3).expect("date");
        assert_eq!(counted.date, date(2030, 6, 6));
        assert!(counted.estimate);
        assert_eq!(kz().coverage(date(2030, 1, 1)), Coverage::NotCovered);
        // 2027: Kurban Ait not announced.
        assert_eq!(kz().coverage(date(2027, 5, 16)), Coverage::Partial);
        assert!(
            kz().add_working_days(date(2027, 2, 1), 1)
                .expect("date")
                .estimate
        );
        // A count in 2026 that reaches 2027 becomes one.
        assert!(
            kz().add_working_days(date(2026, 12, 30), 3)
                .expect("date")
                .estimate
        );
        assert!(
            kz().sub_working_days(date(2027, 1, 5), 3)
                .expect("date")
                .estimate
        );
    }

    #[test]
    fn leap_years_and_month_ends() {
        // 2028 is a leap year (not covered): Mon 28 Feb + 1 working day is Tue 29 Feb.
        let counted = kz().add_working_days(date(2028, 2, 28), 1).expect("date");
        assert_eq!(counted.date, date(2028, 2, 29));
        // Friday 30 April 2026: 1 May (Friday) off, then the weekend: Monday 4 May.
        let counted = kz().add_working_days(date(2026, 4, 30), 1).expect("date");
        assert_eq!(counted.date, date(2026, 5, 4));
        // Back over two days off: 3 working days before Tuesday 12 May 2026 are Friday 8,
        // Wednesday 6 and Tuesday 5 May (11 May carries 9 May over; 7 May is a holiday).
        let counted = kz().sub_working_days(date(2026, 5, 12), 3).expect("date");
        assert_eq!(counted.date, date(2026, 5, 5));
        // 31 January 2026 is a Saturday: the next working day is Monday 2 February.
        assert_eq!(
            kz().nth_working_day_from(date(2026, 1, 31), 1)
                .expect("date")
                .date,
            date(2026, 2, 2)
        );
    }

    #[test]
    fn the_data_follows_the_weekend_rule() {
        // Every day off listed is a weekday, every working weekend a weekend day.
        for year in &crate::content::timing().calendar.years {
            for day in &year.days_off {
                assert!(
                    !matches!(day.date.weekday(), Weekday::Sat | Weekday::Sun),
                    "{} is a weekend day",
                    day.date
                );
                assert_eq!(day.date.year(), year.year);
            }
            for day in &year.working_weekends {
                assert!(matches!(day.date.weekday(), Weekday::Sat | Weekday::Sun));
            }
            let ids: Vec<&str> = crate::content::timing()
                .calendar
                .sources
                .iter()
                .map(|s| s.id.as_str())
                .collect();
            for day in year.days_off.iter().chain(&year.working_weekends) {
                assert!(!day.sources.is_empty(), "{} has no source", day.date);
                for source in &day.sources {
                    assert!(ids.contains(&source.as_str()), "{source}");
                }
            }
        }
    }
}
