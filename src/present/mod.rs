//! The presentation layer: what a person reads, built from the rules and the texts, for the
//! full screen, the line wizard and the reports alike. Text from a file or from typing is shown,
//! never obeyed ([`safe`]); a form's fields are labelled in one place ([`fields`]).

pub mod fields;
pub mod plan;
pub mod safe;
