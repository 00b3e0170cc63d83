//! Dates as people type them, and the passport rule.

use chrono::{Months, NaiveDate};

/// How many calendar months past the end of the stay the passport must still be valid.
pub const PASSPORT_MARGIN_MONTHS: u32 = 6;

/// A date typed as `YYYY-MM-DD`, exactly: "2031-3-5" is refused rather than guessed at.
pub fn parse(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
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
    /// One or both dates are missing or not valid yet.
    Incomplete,
    Passes {
        required: NaiveDate,
    },
    Fails {
        expiry: NaiveDate,
        required: NaiveDate,
    },
}

pub fn check_passport(expiry: &str, end_of_stay: &str) -> PassportCheck {
    let (Some(expiry), Some(end)) = (parse(expiry), parse(end_of_stay)) else {
        return PassportCheck::Incomplete;
    };
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
    fn parses_only_exact_iso_dates() {
        assert_eq!(parse("2031-03-31"), NaiveDate::from_ymd_opt(2031, 3, 31));
        assert_eq!(parse(" 2031-03-31 "), NaiveDate::from_ymd_opt(2031, 3, 31));
        for bad in [
            "",
            "2031-3-31",
            "31.03.2031",
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
            check_passport("2029-02-28", "2028-08-31"),
            PassportCheck::Passes {
                required: date("2029-02-28")
            }
        );
        assert_eq!(
            check_passport("2029-02-27", "2028-08-31"),
            PassportCheck::Fails {
                expiry: date("2029-02-27"),
                required: date("2029-02-28")
            }
        );
    }

    #[test]
    fn a_missing_or_bad_date_leaves_the_check_incomplete() {
        assert_eq!(check_passport("", "2028-08-31"), PassportCheck::Incomplete);
        assert_eq!(
            check_passport("2030-01-01", "2028-02-30"),
            PassportCheck::Incomplete
        );
    }
}
