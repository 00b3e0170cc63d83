//! kzvisa: a terminal wizard for the work visa for Kazakhstan.
//!
//! A pure core ([`wizard`], [`app`]) that turns messages into state, views ([`ui`]) that draw
//! state, and a thin shell (`main.rs`) that owns the terminal, the clock and the files.
#![warn(clippy::unwrap_used)]

pub mod app;
pub mod content;
pub mod countries;
pub mod error;
pub mod keymap;
pub mod lang;
pub mod plain;
pub mod present;
pub mod report;
pub mod settings;
pub mod store;
pub mod theme;
pub mod ui;
pub mod wizard;
