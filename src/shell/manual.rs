//! The manual page: the sections a manual has, in their usual order. NAME, SYNOPSIS, the
//! description, the commands and the options come from the same clap definition as `--help`;
//! what clap does not know (the keys, the files, the environment, the exit statuses) is written
//! here in roff, and the examples are `--help`'s, set so that man does not re-wrap them.

use clap_mangen::Man;
use clap_mangen::roff::{Inline, Roff, bold, italic, roman};

use super::cli::EXAMPLES;

/// The page, in roff, for `command` (the whole command line).
pub fn page(mut command: clap::Command) -> std::io::Result<String> {
    command.build();
    let man = Man::new(command.clone());
    let mut out = Roff::new().render();
    // Written here, not by clap_mangen: it writes an empty date as nothing, which shifts the
    // source and the manual's name into the wrong places.
    let version = command.get_version().unwrap_or_default();
    out.push_str(&format!(
        ".TH KZVISA 1 \"\" \"kzvisa {version}\" \"User Commands\"\n"
    ));
    section(&mut out, |w| man.render_name_section(w))?;
    out.push_str(&synopsis(&command).to_roff());
    section(&mut out, |w| man.render_description_section(w))?;
    out.push_str(DESCRIPTION);
    out.push_str(&commands(&command).to_roff());
    section(&mut out, |w| man.render_options_section(w))?;
    for text in [KEYS, FILES, ENVIRONMENT, EXIT_STATUS] {
        out.push_str(text);
    }
    out.push_str(&examples().to_roff());
    Ok(out)
}

/// SYNOPSIS, with each option's value (clap_mangen's leaves them out).
fn synopsis(command: &clap::Command) -> Roff {
    let name = command.get_name();
    let mut roff = Roff::new();
    roff.control("SH", ["SYNOPSIS"]);
    let mut line = vec![bold(name)];
    let shown =
        |a: &&clap::Arg| !a.is_hide_set() && !matches!(a.get_id().as_str(), "help" | "version");
    for arg in command.get_arguments().filter(shown) {
        line.push(roman(" "));
        line.extend(usage(arg, true));
    }
    line.push(roman(" ["));
    line.push(italic("COMMAND"));
    line.push(roman("]"));
    roff.text(line);
    for flag in ["--help", "--version"] {
        roff.control("br", []);
        roff.text([bold(format!("{name} {flag}"))]);
    }
    roff
}

/// A section clap_mangen renders, added to `out`. Each starts with the same preamble (a string
/// for the apostrophe): it is kept once, at the top.
fn section(
    out: &mut String,
    render: impl Fn(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut buf = Vec::new();
    render(&mut buf)?;
    let text = String::from_utf8_lossy(&buf);
    let preamble = Roff::new().render();
    match text.strip_prefix(&preamble) {
        Some(rest) if !out.is_empty() => out.push_str(rest),
        _ => out.push_str(&text),
    }
    Ok(())
}

/// COMMANDS: each command with its arguments, what it does (its whole help: some say their
/// exit status) and its own options. clap_mangen's SUBCOMMANDS section would instead point at
/// one page per command (`kzvisa-new(1)`), which kzvisa does not have.
fn commands(command: &clap::Command) -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["COMMANDS"]);
    let name = command.get_name();
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let own: Vec<&clap::Arg> = sub.get_arguments().filter(|a| is_own(a)).collect();
        let mut header = vec![bold(format!("{name} {}", sub.get_name()))];
        for arg in &own {
            header.push(roman(" "));
            header.extend(usage(arg, true));
        }
        roff.control("TP", []);
        roff.text(header);
        let help = sub.get_long_about().or(sub.get_about());
        let help = help.map(|h| h.to_string()).unwrap_or_default();
        for (i, paragraph) in help.split("\n\n").enumerate() {
            if i > 0 {
                // A paragraph of its own, still under the command's tag.
                roff.control("IP", []);
            }
            roff.text([roman(paragraph.replace('\n', " "))]);
        }
        if own.is_empty() {
            continue;
        }
        roff.control("RS", []);
        for arg in own {
            roff.control("TP", []);
            roff.text(usage(arg, false));
            roff.text([roman(argument_help(arg))]);
        }
        roff.control("RE", []);
    }
    roff
}

/// An argument of the command's own: not `--help`, nor (in a command) one of the global options,
/// which are under OPTIONS.
fn is_own(arg: &clap::Arg) -> bool {
    !arg.is_global_set() && !arg.is_hide_set() && arg.get_id() != "help"
}

/// An argument's help, with the values it takes and its default, as `--help` says them.
fn argument_help(arg: &clap::Arg) -> String {
    let mut help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    let default: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let mut said = Vec::new();
    if !values.is_empty() {
        said.push(format!("one of {}", values.join(", ")));
    }
    if !default.is_empty() {
        said.push(format!("by default {}", default.join(", ")));
    }
    if !said.is_empty() {
        let joined = said.join("; ");
        help = match help.is_empty() {
            true => format!("{}{}.", joined[..1].to_uppercase(), &joined[1..]),
            false => format!("{} ({joined}).", help.trim_end_matches('.')),
        };
    }
    help
}

/// How an argument is written: `NAME`, `COUNTRY...`, `-o, --output FILE`; in a command's line
/// the short form, within brackets when it may be left out (`[-o FILE]`).
fn usage(arg: &clap::Arg, in_line: bool) -> Vec<Inline> {
    let value = arg
        .get_value_names()
        .and_then(|names| names.first())
        .map_or_else(|| arg.get_id().as_str().to_uppercase(), |n| n.to_string());
    let many = arg.get_num_args().is_some_and(|n| n.max_values() > 1);
    let mut parts = Vec::new();
    if arg.is_positional() {
        parts.push(italic(value));
    } else {
        let flag = match (arg.get_short(), arg.get_long()) {
            (Some(short), Some(long)) if !in_line => format!("-{short}, --{long}"),
            (Some(short), _) => format!("-{short}"),
            (None, Some(long)) => format!("--{long}"),
            (None, None) => String::new(),
        };
        parts.push(bold(flag));
        if arg.get_num_args().is_some_and(|n| n.takes_values()) {
            parts.push(roman(" "));
            parts.push(italic(value));
        }
    }
    if many {
        parts.push(roman("..."));
    }
    if in_line && !arg.is_required_set() {
        parts.insert(0, roman("["));
        parts.push(roman("]"));
    }
    parts
}

/// EXAMPLES: `--help`'s, each command line as it is typed (not filled, not re-wrapped), with
/// what it does under it.
fn examples() -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["EXAMPLES"]);
    for (line, what) in EXAMPLES {
        roff.control("PP", []);
        roff.text([roman(format!("{what}:"))]);
        roff.control("RS", ["4"]);
        roff.control("EX", []);
        roff.text([roman(*line)]);
        roff.control("EE", []);
        roff.control("RE", []);
    }
    roff
}

/// After clap's one-line description: what the program does, and that it is no legal advice.
const DESCRIPTION: &str = r#".PP
\fBkzvisa\fR walks you through applying for a work visa for Kazakhstan: your route (by
citizenship), whether you are eligible, your employer's part, the documents to gather, the
passport check, the submission at an embassy or consulate, your dates, and a review of what is
done, what blocks and what to do next.
Your progress is saved at every change, so you can stop at any point and resume later;
several applications live side by side.
.PP
Without a command, \fBkzvisa\fR opens the list of your saved applications (or the welcome
screen when there is none) on the full screen.
With \fB\-\-plain\fR, when its input or output is not a terminal, or when \fBTERM\fR is
\fBdumb\fR or not set, it asks the same questions line by line instead.
.PP
This is general guidance, not legal advice: confirm every point with the embassy or consulate
and with your employer.
"#;

/// The full screen's keys, as `src/keymap.rs` has them; every screen's footer names those that
/// work there.
const KEYS: &str = r#".SH KEYS
.TP
\fBy\fR, \fBn\fR
Answer a yes/no question (or a tick) and move on; in Russian also \fB\[u0434]\fR, \fB\[u043D]\fR,
in Kazakh \fB\[u0438]\fR, \fB\[u0436]\fR.
.TP
\fB\(ua\fR \fB\(da\fR, \fBk\fR \fBj\fR
Move; in a text field only the arrows move.
.TP
\fBHome\fR \fBEnd\fR, \fBg\fR \fBG\fR, \fBPgUp\fR \fBPgDn\fR
In a list: to the first or the last row, ten rows up or down.
.TP
\fBSpace\fR
Tick or untick a checklist row.
.TP
\fB\(->\fR \fB\(<-\fR, \fBl\fR \fBh\fR
Show or hide what a document must contain; choose the interview state.
.TP
\fBEnter\fR
Confirm or continue.
On the review, go to the row's field; after the change, \fBEnter\fR or \fBEsc\fR comes back
to the review.
.TP
\fBTab\fR, \fBShift+Tab\fR
The next or the previous field.
.TP
\fBEsc\fR
Back one step, or close what is open.
.TP
\fB1\fR \fB2\fR \fB3\fR
Choose your route.
.TP
\fBf\fR
On a question, open its FAQ entry.
.TP
\fBF1\fR, or \fB?\fR outside text fields
The FAQ, from anywhere; \fBEsc\fR returns where you were.
\fB/\fR filters its questions and answers as you type.
.TP
\fBF2\fR, or \fBi\fR outside text fields
The \(lqGood to know\(rq notes of the screen, with their sources.
.TP
\fBF3\fR, or \fBr\fR outside text fields
The review (\(lqCheck your answers\(rq), from any step.
.TP
\fBF4\fR
The plan: the dated actions, overdue first; \fBEnter\fR goes to the action's field.
.TP
\fBl\fR
On the welcome and the start screen: the next language (English, Russian, Kazakh), kept for
the next start.
.TP
\fBq\fR outside text fields, \fBCtrl+C\fR anywhere
Quit; everything is already saved.
If the last save failed, it asks first: \fBr\fR retry saving, \fBq\fR quit anyway, \fBEsc\fR
cancel.
.TP
\fBCtrl+Z\fR
Suspend to the shell; \fBfg\fR brings the wizard back.
.TP
In a text field
\fB\(<-\fR \fB\(->\fR \fBHome\fR \fBEnd\fR, \fBCtrl+A\fR \fBCtrl+E\fR move the cursor;
\fBCtrl+W\fR deletes the word before the cursor, \fBCtrl+U\fR everything before it,
\fBCtrl+K\fR everything after it.
.TP
On the start screen
\fBEnter\fR resumes the selected application where it was left, \fBn\fR starts a new one,
\fBr\fR renames it, \fBd\fR moves it to the \fItrash/\fR folder after you confirm with
\fBy\fR.
An application open in another \fBkzvisa\fR can be opened read-only with \fBo\fR.
"#;

/// Where `store.rs` and `settings.rs` keep things (the folders from the `directories` crate).
const FILES: &str = r#".SH FILES
.TP
\fI$XDG_DATA_HOME/kzvisa/applications/\fR
The applications, one YAML file each, \fINAME.yaml\fR (by default in
\fI~/.local/share/kzvisa/applications/\fR; on macOS and Windows in the platform's data
folder; with \fB\-\-data\-dir\fR \fIDIR\fR, in \fIDIR\fR).
kzvisa's own folders are readable by you alone (0700), and every file it writes is 0600.
.TP
\fINAME.yaml.bak\fR
The version before the last save, beside the application.
.TP
\fINAME.yaml.lock\fR
Held while the application is open for writing (the file itself is locked too): a second
\fBkzvisa\fR offers to open it read-only.
.TP
\fI.kzvisa\-XXXXXX.tmp\fR
A save in progress, renamed over the file once it is on disk; one left by a \fBkzvisa\fR that
was killed is removed at a later start.
.TP
\fItrash/\fR
Applications deleted on the start screen, moved there with their backups, never erased.
.TP
\fI.kzvisa/index\fR
A summary of the folder's applications that makes a large folder list fast: derived data,
used only for a file unchanged since, and made again from the files when it is missing or
stale. It can be deleted at any time.
.TP
\fI$XDG_CONFIG_HOME/kzvisa/settings.yaml\fR
The language chosen with \fBl\fR (by default \fI~/.config/kzvisa/settings.yaml\fR).
"#;

/// The variables the program reads (`env::var` in `main.rs`, `lang.rs`, `theme.rs`; the
/// folders through `directories`).
const ENVIRONMENT: &str = r#".SH ENVIRONMENT
.TP
\fBXDG_DATA_HOME\fR, \fBXDG_CONFIG_HOME\fR, \fBHOME\fR
Where the data folder and the settings are (see \fBFILES\fR).
.TP
\fBLC_ALL\fR, \fBLC_MESSAGES\fR, \fBLANG\fR
The language, when neither \fB\-\-lang\fR nor the \fBl\fR key chose one: the first of them
that is set decides (\fBru_RU.UTF\-8\fR gives Russian, \fBkk_KZ.UTF\-8\fR Kazakh, anything
else English).
.TP
\fBLC_ALL\fR, \fBLC_CTYPE\fR, \fBLANG\fR
Whether the terminal shows Unicode symbols: the first that is set must name UTF\-8, or
kzvisa draws with ASCII.
.TP
\fBTERM\fR
\fBdumb\fR or not set: the line wizard instead of the full screen.
\fBlinux\fR (the Linux console): ASCII symbols.
.TP
\fBNO_COLOR\fR
Set and not empty: no colours; bold and reverse video still mark the selection.
"#;

/// The statuses `main.rs` and `commands.rs` return.
const EXIT_STATUS: &str = r#".SH EXIT STATUS
.TP
\fB0\fR
Done; for \fBcheck\fR, the application is ready (nothing blocks and nothing its route asks
for is left to do); for \fBcheck \-\-due\fR, nothing is due or late.
.TP
\fB1\fR
\fBcheck\fR: the application is not ready; \fBcheck \-\-due\fR: something is due or late;
\fBroute\fR: the sources say nothing of the country; \fBfaq\fR: no entry matches.
.TP
\fB2\fR
An error, said on standard error: a wrong command line, an application not found or open
elsewhere, a file that cannot be read or written.
A command that fails writes nothing.
"#;
