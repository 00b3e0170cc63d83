//! The shell around the pure core: the command line, the terminal, the line wizard and the
//! commands that print. Everything here does IO; everything it decides is in the library.

pub mod cli;
pub mod commands;
pub mod completion;
pub mod lines;
pub mod links;
pub mod manual;
pub mod session;
pub mod tui;
