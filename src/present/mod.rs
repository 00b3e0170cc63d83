//! The presentation layer's rules for what it shows. For now one: text from a file or from
//! typing is shown, never obeyed ([`safe`]).

pub mod safe;
