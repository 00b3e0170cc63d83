//! The one integration test binary: behaviour seen from outside the crate, one module per area.
//! The modules live in `tests/it/` so cargo does not build each of them as a binary of its own.

#[path = "it/cli.rs"]
mod cli;
#[path = "it/common.rs"]
mod common;
#[path = "it/content.rs"]
mod content;
#[path = "it/docs.rs"]
mod docs;
#[path = "it/flow.rs"]
mod flow;
#[path = "it/hostile.rs"]
mod hostile;
#[path = "it/index.rs"]
mod index;
#[path = "it/languages.rs"]
mod languages;
#[path = "it/model.rs"]
mod model;
#[path = "it/output.rs"]
mod output;
#[path = "it/plan.rs"]
mod plan;
#[path = "it/pty.rs"]
mod pty;
#[path = "it/robust.rs"]
mod robust;
#[path = "it/sanitize.rs"]
mod sanitize;
#[path = "it/screens.rs"]
mod screens;
#[path = "it/stops.rs"]
mod stops;
#[path = "it/store.rs"]
mod store;
#[path = "it/truth.rs"]
mod truth;
