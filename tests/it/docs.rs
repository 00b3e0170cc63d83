//! What kzvisa writes for other programs, read by those programs: the Markdown export by pandoc,
//! the manual page by man, the completions by bash. Each test needs its program and fails, saying
//! how to install it, when it is missing (`.ci/run` installs them).

use std::io::Write;
use std::process::{Command, Output, Stdio};

use kzvisa::content::Content;
use kzvisa::lang::Lang;
use kzvisa::report::{self, Block, Cited};

use crate::cli::{answered, kzvisa, status, stderr, stdout};

/// Runs `program` with `input` on its standard input; a program that cannot be run fails the
/// test with how to install it.
fn run(program: &str, args: &[&str], input: &str, package: &str) -> Output {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!(
                "{program} is needed for this test and could not be run ({e}): install it with \
                 apt-get install -y {package} (.ci/run does)"
            )
        });
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(input.as_bytes()).expect("write the input");
    drop(stdin);
    child.wait_with_output().expect("it ends")
}

// ---- Markdown, through pandoc ----

/// The Markdown as pandoc reads GitHub's flavour, as its JSON syntax tree.
fn pandoc(markdown: &str) -> serde_yaml::Value {
    let output = run("pandoc", &["-f", "gfm", "-t", "json"], markdown, "pandoc");
    assert!(output.status.success(), "pandoc: {}", stderr(&output));
    // JSON is YAML: no JSON crate needed.
    serde_yaml::from_str(&stdout(&output)).expect("pandoc's JSON")
}

/// The words of a list of pandoc inlines.
fn words(inlines: &serde_yaml::Value) -> String {
    let mut out = String::new();
    for inline in inlines.as_sequence().into_iter().flatten() {
        let c = &inline["c"];
        match inline["t"].as_str().unwrap_or_default() {
            "Str" => out.push_str(c.as_str().unwrap_or_default()),
            "Space" | "SoftBreak" | "LineBreak" => out.push(' '),
            // Raw HTML too, so that a test that finds some says what it was.
            "Code" | "RawInline" => out.push_str(c[1].as_str().unwrap_or_default()),
            "Link" | "Image" | "Span" | "Quoted" | "Cite" => out.push_str(&words(&c[1])),
            _ => out.push_str(&words(c)),
        }
    }
    out
}

/// Every link under `value`: (its words, its target).
fn links(value: &serde_yaml::Value) -> Vec<(String, String)> {
    let mut found = Vec::new();
    match value {
        serde_yaml::Value::Mapping(map) => {
            if value["t"].as_str() == Some("Link") {
                let parts = value["c"].as_sequence().expect("a link's parts");
                let target = parts[2][0].as_str().expect("a target").to_string();
                found.push((words(&parts[1]), target));
            }
            for (_, inner) in map {
                found.extend(links(inner));
            }
        }
        serde_yaml::Value::Sequence(items) => items.iter().for_each(|i| found.extend(links(i))),
        _ => {}
    }
    found
}

/// The items of the list under the heading `heading`.
fn list_after<'a>(tree: &'a serde_yaml::Value, heading: &str) -> &'a [serde_yaml::Value] {
    let blocks = tree["blocks"].as_sequence().expect("blocks");
    let at = blocks
        .iter()
        .position(|b| b["t"].as_str() == Some("Header") && words(&b["c"][2]) == heading)
        .unwrap_or_else(|| panic!("no heading {heading:?}"));
    // The first list before the next heading (an introduction may come first).
    let list = blocks[at + 1..]
        .iter()
        .take_while(|b| b["t"].as_str() != Some("Header"))
        .find(|b| matches!(b["t"].as_str(), Some("OrderedList" | "BulletList")))
        .unwrap_or_else(|| panic!("no list after {heading:?}"));
    match list["t"].as_str() {
        Some("OrderedList") => list["c"][1].as_sequence().expect("items"),
        _ => list["c"].as_sequence().expect("items"),
    }
}

#[test]
fn export_markdown_links_render_whole_and_each_source_is_listed_once() {
    let (data, _) = answered();
    let output = kzvisa(data.path(), &["export"], "");
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let markdown = stdout(&output);
    let tree = pandoc(&markdown);

    // What the export should cite: the sources of the notes that apply, first seen first.
    let content = Content::embedded(Lang::En).expect("content");
    let saved = std::fs::read_dir(data.path())
        .expect("the data folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|e| e == "yaml"))
        .expect("the application");
    let record = kzvisa::store::load(&saved).expect("load it");
    let notes = report::applicable_notes(&content, &record.application);
    let mut expected: Vec<&str> = Vec::new();
    for source in notes.iter().flat_map(|n| &n.sources) {
        if !expected.contains(&source.url.as_str()) {
            expected.push(&source.url);
        }
    }
    let cited = notes.iter().flat_map(|n| &n.sources).count();
    assert!(
        cited > expected.len(),
        "the application should cite a source twice, or this test shows nothing"
    );
    assert!(
        expected.iter().any(|u| u.contains('_')) && expected.iter().any(|u| u.contains('&')),
        "addresses with _ and & should be cited: {expected:?}"
    );

    let sources = list_after(&tree, "Sources");
    let listed: Vec<String> = sources
        .iter()
        .map(|item| {
            let found = links(item);
            assert_eq!(found.len(), 1, "one link in each source: {item:?}");
            let (text, target) = found.into_iter().next().expect("a link");
            assert_eq!(text, target, "the address shown is the one followed");
            target
        })
        .collect();
    assert_eq!(
        listed, expected,
        "each source once, in the order cited:\n{markdown}"
    );

    // Every link in the document goes where its source says, whole.
    for (text, target) in links(&tree) {
        assert!(
            expected.contains(&target.as_str()),
            "{target} ({text}) is no source's"
        );
    }
    // The confidence is the note's: every note keeps its own.
    let notes_listed = list_after(&tree, "Good to know");
    assert_eq!(notes_listed.len(), notes.len());
    for (item, note) in notes_listed.iter().zip(&notes) {
        let text = words(&item[0]["c"]);
        // As printed: with plain spaces where the text keeps a date together.
        let checked = report::checked_text(&content, note);
        let checked = kzvisa::present::plain_spaces(&checked);
        assert!(text.contains(&*checked), "{text} lacks {checked}");
        assert!(
            !text.contains("http"),
            "no address in a note's line: {text}"
        );
    }
}

#[test]
fn a_web_address_markdown_cannot_hold_is_percent_encoded_and_stays_one_link() {
    let source = |url: &str| Cited {
        before: "Source: a <b>title</b>_, ".into(),
        url: url.into(),
        after: " (undated) *".into(),
    };
    let blocks = [
        Block::Heading("Sources".into()),
        Block::Sources(vec![
            source("https://example.org/a b<script>?x=_1&y=2"),
            source("https://example.org/\u{1b}[2J\u{202e}"),
            source("not a web address_<x>"),
        ]),
    ];
    let markdown = report::markdown(&blocks);
    let tree = pandoc(&markdown);
    let items = list_after(&tree, "Sources");
    assert_eq!(items.len(), 3, "{markdown}");
    let targets: Vec<Vec<(String, String)>> = items.iter().map(links).collect();
    assert_eq!(
        targets[0],
        [(
            "https://example.org/a%20b%3Cscript%3E?x=_1&y=2".to_string(),
            "https://example.org/a%20b%3Cscript%3E?x=_1&y=2".to_string()
        )],
        "{markdown}"
    );
    assert_eq!(
        targets[1][0].1, "https://example.org/%1B[2J%E2%80%AE",
        "{markdown}"
    );
    assert!(targets[2].is_empty(), "not a link: {markdown}");
    let third = words(&items[2][0]["c"]);
    assert_eq!(
        third, "Source: a <b>title</b>_, not a web address_<x> (undated) *",
        "shown as written"
    );
    assert!(!markdown.contains('\u{1b}'), "{markdown:?}");
    let html = run("pandoc", &["-f", "gfm", "-t", "html"], &markdown, "pandoc");
    assert!(!stdout(&html).contains("<script"), "{}", stdout(&html));
}

// ---- The manual page, through man ----

/// What a terminal shows of `text` without its overstrikes (`X\bX` bold, `_\bX` underline).
fn without_overstrikes(text: &str) -> String {
    let mut out: Vec<char> = Vec::new();
    for c in text.chars() {
        if c == '\u{8}' {
            out.pop();
        } else {
            out.push(c);
        }
    }
    out.into_iter().collect()
}

#[test]
fn the_manual_page_has_a_manuals_sections_and_man_reads_it_without_a_warning() {
    let data = tempfile::tempdir().expect("temp dir");
    let output = kzvisa(data.path(), &["man"], "");
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let roff = stdout(&output);

    let rendered = Command::new("man")
        .args(["--warnings", "-P", "cat", "-l", "-"])
        .env("MANWIDTH", "80")
        .env("LANG", "C.UTF-8")
        .env_remove("MANPAGER")
        .env_remove("PAGER")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(roff.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap_or_else(|e| {
            panic!(
                "man is needed for this test and could not be run ({e}): install it with \
                 apt-get install -y man-db (.ci/run does)"
            )
        });
    assert!(rendered.status.success(), "man: {}", stderr(&rendered));
    assert_eq!(stderr(&rendered), "", "man warns");
    // groff's own warnings, all of them, for the terminal's device.
    let groff = run("groff", &["-man", "-Tutf8", "-ww", "-z"], &roff, "man-db");
    assert!(groff.status.success(), "groff: {}", stderr(&groff));
    assert_eq!(stderr(&groff), "", "groff warns");

    let page = without_overstrikes(&stdout(&rendered));
    let headings: Vec<&str> = page
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_uppercase()) && l == &l.to_uppercase())
        .collect();
    assert_eq!(
        headings,
        [
            "NAME",
            "SYNOPSIS",
            "DESCRIPTION",
            "COMMANDS",
            "OPTIONS",
            "KEYS",
            "FILES",
            "ENVIRONMENT",
            "EXIT STATUS",
            "EXAMPLES"
        ],
        "{page}"
    );
    // No page is referred to but this one (whose name heads and ends it).
    let mut rest = page.as_str();
    while let Some(at) = rest.find("(1)") {
        let before = rest[..at]
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        assert_eq!(
            before.to_lowercase(),
            "kzvisa",
            "a reference to {before}(1):\n{page}"
        );
        rest = &rest[at + 3..];
    }
    for command in [
        "new", "resume", "export", "check", "plan", "calendar", "route",
    ] {
        assert!(!page.contains(&format!("kzvisa-{command}")), "{page}");
        assert!(
            page.contains(&format!("       kzvisa {command} ")),
            "{command}:\n{page}"
        );
    }

    // The examples are --help's, each command line as typed, on a line of its own.
    let help = stdout(&kzvisa(data.path(), &["--help"], ""));
    let examples: Vec<&str> = help
        .split_once("Examples:\n")
        .expect("--help has examples")
        .1
        .lines()
        .collect();
    assert!(examples.len() > 5, "{help}");
    let section = page.split_once("\nEXAMPLES\n").expect("EXAMPLES").1;
    let lines: Vec<&str> = section.lines().filter(|l| !l.trim().is_empty()).collect();
    // What it does, then the command: in --help, the command, then what it does.
    let pairs: Vec<(&str, &str)> = lines
        .chunks(2)
        .filter(|pair| pair.len() == 2)
        .map(|pair| (pair[0].trim().trim_end_matches(':'), pair[1]))
        .collect();
    assert_eq!(pairs.len(), examples.len(), "{section}");
    for ((what, command), help_line) in pairs.iter().zip(&examples) {
        let typed = command.trim_start();
        assert_eq!(
            command.len() - typed.len(),
            11,
            "indented, not filled: {command:?}"
        );
        let (help_command, help_what) = help_line.trim_start().split_at(typed.len());
        assert_eq!(help_command, typed, "verbatim: {help_line:?}");
        assert_eq!(help_what.trim(), *what);
    }
}
