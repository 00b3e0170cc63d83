//! Dates as people type them, and the passport rule.

use chrono::{Months, NaiveDate};

/// How many calendar months past the end of the stay the passport must still be valid.
pub const PASSPORT_MARGIN_MONTHS: u32 = 6;

/// A date typed as `YYYY-MM-DD`, exactly ("2031-3-5" is refused rather than guessed at), or as
/// `DD.MM.YYYY`, the way Russian and Kazakh speakers write dates (a one-digit day or month is
/// fine there: with the dots and a four-digit year, "5.3.2031" can mean only one day).
pub fn parse(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let iso = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if iso {
        return NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
    }
    let mut parts = text.split('.');
    let (Some(day), Some(month), Some(year), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let digits = |part: &str, lengths: &[usize]| {
        lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
    };
    if !(digits(day, &[1, 2]) && digits(month, &[1, 2]) && digits(year, &[4])) {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// A date field as it is saved: a complete date always as `YYYY-MM-DD`, whatever form it was typed
/// in; anything else as typed, so nothing a person typed is lost.
pub fn saved_form<S: serde::Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
    match parse(text) {
        Some(date) => serializer.collect_str(&date.format("%Y-%m-%d")),
        None => serializer.serialize_str(text),
    }
}

/// A date field is wrong when something is typed that is not a date; empty is simply not given yet.
pub fn is_invalid(text: &str) -> bool {
    !text.trim().is_empty() && parse(text).is_none()
}

/// The day the passport must be valid to: end of stay plus six calendar months, clamped to the
/// month's end (2028-08-31 → 2029-02-28). `None` only past the end of chrono's calendar.
pub fn required_validity(end_of_stay: NaiveDate) -> Option<NaiveDate> {
    end_of_stay.checked_add_months(Months::new(PASSPORT_MARGIN_MONTHS))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassportCheck {
    Incomplete,
    Passes {
        required: NaiveDate,
    },
    Fails {
        expiry: NaiveDate,
        required: NaiveDate,
    },
    /// The passport has expired already: whatever the stay, it must be renewed.
    Expired {
        expiry: NaiveDate,
    },
    /// The intended end of stay is in the past: a typo, or a plan to be told again.
    StayInPast {
        end: NaiveDate,
    },
}

impl PassportCheck {
    /// Whether the passport stops the application as it stands.
    pub fn blocks(self) -> bool {
        matches!(
            self,
            PassportCheck::Fails { .. } | PassportCheck::Expired { .. }
        )
    }
}

/// The passport rule on the two dates as typed, against `today` when it is known: an expired
/// passport, or an end of stay already past, is said so before the six months are counted.
pub fn check_passport(expiry: &str, end_of_stay: &str, today: Option<NaiveDate>) -> PassportCheck {
    let (Some(expiry), Some(end)) = (parse(expiry), parse(end_of_stay)) else {
        return PassportCheck::Incomplete;
    };
    if let Some(today) = today {
        if expiry < today {
            return PassportCheck::Expired { expiry };
        }
        if end < today {
            return PassportCheck::StayInPast { end };
        }
    }
    match required_validity(end) {
        Some(required) if expiry >= required => PassportCheck::Passes { required },
        Some(required) => PassportCheck::Fails { expiry, required },
        None => PassportCheck::Incomplete,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        parse(text).expect("test date")
    }

    #[test]
    fn parses_exact_iso_dates_and_day_month_year_with_dots() {
        let day = NaiveDate::from_ymd_opt(2031, 3, 31);
        for good in [
            "2031-03-31",
            " 2031-03-31 ",
            "31.03.2031",
            "31.3.2031",
            " 31.03.2031",
        ] {
            assert_eq!(parse(good), day, "{good:?}");
        }
        assert_eq!(parse("5.3.2031"), NaiveDate::from_ymd_opt(2031, 3, 5));
        for bad in [
            "",
            "2031-3-31",
            "31.03.31",
            "31.03.2031.",
            "31..2031",
            "32.03.2031",
            "29.02.2027",
            "031.03.2031",
            "31/03/2031",
            "03.31.2031",
            "2031-02-30",
            "2031-13-01",
            "2031-00-10",
            "20310331",
            "abcd-ef-gh",
            "2031-03-311",
            "２０３１-03-31",
        ] {
            assert_eq!(parse(bad), None, "{bad:?} should be refused");
        }
    }

    #[test]
    fn leap_days_are_dates_only_in_leap_years() {
        assert!(parse("2028-02-29").is_some());
        assert!(parse("2100-02-29").is_none());
        assert!(parse("2000-02-29").is_some());
        assert!(parse("2027-02-29").is_none());
    }

    #[test]
    fn empty_is_missing_not_invalid() {
        assert!(!is_invalid(""));
        assert!(!is_invalid("  "));
        assert!(is_invalid("2031-02-30"));
        assert!(!is_invalid("2031-02-28"));
    }

    #[test]
    fn six_months_clamps_to_the_end_of_the_month() {
        assert_eq!(
            required_validity(date("2028-08-31")),
            Some(date("2029-02-28"))
        );
        assert_eq!(
            required_validity(date("2027-08-31")),
            Some(date("2028-02-29"))
        );
        assert_eq!(
            required_validity(date("2030-12-31")),
            Some(date("2031-06-30"))
        );
        assert_eq!(
            required_validity(date("2030-07-15")),
            Some(date("2031-01-15"))
        );
        assert_eq!(
            required_validity(date("2030-01-01")),
            Some(date("2030-07-01"))
        );
    }

    #[test]
    fn passport_valid_on_the_required_day_passes_and_a_day_less_fails() {
        assert_eq!(
            check_passport("2029-02-28", "2028-08-31", None),
            PassportCheck::Passes {
                required: date("2029-02-28")
            }
        );
        assert_eq!(
            check_passport("2029-02-27", "2028-08-31", None),
            PassportCheck::Fails {
                expiry: date("2029-02-27"),
                required: date("2029-02-28")
            }
        );
    }

    #[test]
    fn a_missing_or_bad_date_leaves_the_check_incomplete() {
        assert_eq!(
            check_passport("", "2028-08-31", None),
            PassportCheck::Incomplete
        );
        assert_eq!(
            check_passport("2030-01-01", "2028-02-30", None),
            PassportCheck::Incomplete
        );
    }

    #[test]
    fn today_decides_an_expired_passport_and_a_stay_already_over() {
        let today = Some(date("2026-12-01"));
        assert_eq!(
            check_passport("2019-01-01", "2027-06-01", today),
            PassportCheck::Expired {
                expiry: date("2019-01-01")
            }
        );
        assert_eq!(
            check_passport("2035-01-01", "2025-06-01", today),
            PassportCheck::StayInPast {
                end: date("2025-06-01")
            }
        );
        // Expiring today is still valid today; the six months are then counted as before.
        assert_eq!(
            check_passport("2026-12-01", "2026-12-01", today),
            PassportCheck::Fails {
                expiry: date("2026-12-01"),
                required: date("2027-06-01")
            }
        );
        assert!(check_passport("2019-01-01", "2027-06-01", today).blocks());
        assert!(!check_passport("2035-01-01", "2025-06-01", today).blocks());
    }
}
