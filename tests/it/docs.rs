//! What kzvisa writes for other programs, read by those programs: the Markdown export by pandoc,
//! the manual page by man, the completions by bash. Each test needs its program and fails, saying
//! how to install it, when it is missing (`.ci/run` installs them).

use std::io::Write;
use std::path::Path;
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

// ---- Completion of names, through bash ----

/// `text` as one word for a shell script.
fn single_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// What bash's completion of `kzvisa` offers for the words as readline splits them (quotes
/// and backslashes as typed; the last is the word being completed): each candidate, and what
/// the shell reads it as once inserted.
fn bash_completes(words: &[&str]) -> Vec<(String, Vec<String>)> {
    let bin = Path::new(env!("CARGO_BIN_EXE_kzvisa"))
        .parent()
        .expect("the binary's folder");
    let quoted: Vec<String> = words.iter().map(|w| single_quoted(w)).collect();
    let line = words.join(" ");
    let script = format!(
        r#"
source <(kzvisa completions bash) || exit 3
function=$(complete -p kzvisa | sed -E 's/.*-F ([^ ]+).*/\1/')
COMP_WORDS=({words})
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
COMP_LINE={line}
COMP_POINT=${{#COMP_LINE}}
COMPREPLY=()
"$function" kzvisa "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
for candidate in "${{COMPREPLY[@]}}"; do
    printf '%s\n' "$candidate"
    # As the shell reads it on the command line: one word, or more.
    eval "set -- $candidate"
    printf '%s\037' "$@"
    printf '\n'
done
"#,
        words = quoted.join(" "),
        line = single_quoted(&line),
    );
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let output = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &script])
        .env("PATH", path)
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| {
            panic!("bash is needed for this test ({e}): install it with apt-get install -y bash")
        });
    assert!(output.status.success(), "bash: {}", stderr(&output));
    assert_eq!(stderr(&output), "", "bash said");
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    lines
        .chunks(2)
        .map(|pair| {
            let read = pair.get(1).unwrap_or(&"");
            let read = read.split('\u{1f}').filter(|w| !w.is_empty());
            (pair[0].to_string(), read.map(String::from).collect())
        })
        .collect()
}

/// The candidates alone.
fn offered(found: &[(String, Vec<String>)]) -> Vec<&str> {
    found.iter().map(|(c, _)| c.as_str()).collect()
}

#[test]
fn bash_completes_the_names_of_saved_applications_each_as_one_word() {
    let root = tempfile::tempdir().expect("temp dir");
    let data = root.path().join("my data");
    for name in ["Aigerim Bekova", "Ivan", "Evil\u{1b}[2J", "Twin"] {
        let output = kzvisa(&data, &["new", name, "--plain"], "quit\n");
        assert_eq!(status(&output), 0, "{}", stderr(&output));
    }
    // A second "Twin": each is offered by its file name, which finds it alone.
    std::fs::copy(data.join("twin.yaml"), data.join("twin-2.yaml")).expect("copy");
    let dir = data.to_str().expect("a UTF-8 path");
    let in_quotes = format!("\"{dir}\"");
    let escaped = dir.replace(' ', r"\ ");

    let all = bash_completes(&["kzvisa", "--data-dir", &in_quotes, "resume", ""]);
    let mut candidates = offered(&all);
    candidates.sort();
    assert_eq!(
        candidates,
        [r"Aigerim\ Bekova", "Ivan", "evil-2j", "twin", "twin-2"],
        "{all:?}"
    );
    for (candidate, read) in &all {
        assert_eq!(read.len(), 1, "{candidate} is one word: {read:?}");
        assert!(!candidate.contains('\u{1b}'), "{candidate:?}");
    }
    assert!(all.iter().any(|(_, read)| read == &["Aigerim Bekova"]));

    // Each command that opens a saved application, the folder given before or after it,
    // a name's beginning in any case.
    for command in ["export", "check", "plan", "calendar"] {
        let found = bash_completes(&["kzvisa", command, "--data-dir", &escaped, "ai"]);
        assert_eq!(offered(&found), [r"Aigerim\ Bekova"], "{command}");
        let found = bash_completes(&["kzvisa", "--data-dir", "=", &escaped, command, "Iv"]);
        assert_eq!(offered(&found), ["Ivan"], "{command}");
    }
    // Inside an opening quote, the name as it is: the quote keeps it one word.
    let found = bash_completes(&["kzvisa", "--data-dir", &escaped, "resume", "\"Aig"]);
    assert_eq!(offered(&found), ["Aigerim Bekova"]);

    // No names where no saved application's NAME goes.
    let none_expected: [&[&str]; 5] = [
        &["kzvisa", "--data-dir", &escaped, "new", ""],
        // Its NAME is one in the trash, not a saved one.
        &["kzvisa", "--data-dir", &escaped, "restore", ""],
        &["kzvisa", "--data-dir", &escaped, "resume", "Ivan", ""],
        &["kzvisa", "--file", "x.yaml", "resume", ""],
        &["kzvisa", "--data-dir", &escaped, "export", "--format", ""],
    ];
    for words in none_expected {
        let found = bash_completes(words);
        assert!(!offered(&found).contains(&"Ivan"), "{words:?}: {found:?}");
    }
    // Everything else is clap's completion, as before.
    let found = bash_completes(&["kzvisa", "--data-dir", &escaped, "export", "--format", ""]);
    assert_eq!(offered(&found), ["markdown", "text"]);
    let found = bash_completes(&["kzvisa", "--data-dir", &escaped, "res"]);
    assert_eq!(offered(&found), ["resume", "restore"]);
}

#[test]
fn list_names_gives_each_name_once_and_only_names_that_find_their_application() {
    let data = tempfile::tempdir().expect("temp dir");
    for name in ["Aigerim Bekova", "Ivan", "Evil\u{1b}]52;c;x\u{7}"] {
        kzvisa(data.path(), &["new", name, "--plain"], "quit\n");
    }
    std::fs::write(data.path().join("broken.yaml"), "name: [").expect("write");
    let output = kzvisa(data.path(), &["list", "--names"], "");
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let mut names: Vec<String> = stdout(&output).lines().map(String::from).collect();
    names.sort();
    assert_eq!(names, ["Aigerim Bekova", "Ivan", "evil-52-c-x"]);
    // Each finds its application.
    for name in &names {
        let output = kzvisa(data.path(), &["check", name], "");
        assert_ne!(status(&output), 2, "{name}: {}", stderr(&output));
    }
    // The table is as it was.
    let table = stdout(&kzvisa(data.path(), &["list"], ""));
    assert!(table.contains("Aigerim Bekova"), "{table}");
    assert!(table.contains("broken.yaml"), "{table}");
}

#[test]
fn zsh_and_fish_complete_names_from_the_same_list() {
    let data = tempfile::tempdir().expect("temp dir");
    let zsh = stdout(&kzvisa(data.path(), &["completions", "zsh"], ""));
    // The NAME of each command that opens a saved application, and not new's.
    assert_eq!(zsh.matches(":_kzvisa_names' \\").count(), 5, "{zsh}");
    assert!(zsh.contains("_kzvisa_names() {"), "{zsh}");
    let fish = stdout(&kzvisa(data.path(), &["completions", "fish"], ""));
    assert!(
        fish.contains(
            "__fish_kzvisa_using_subcommand resume export check plan calendar\" -f -a \"(__kzvisa_names)\""
        ),
        "{fish}"
    );
    for script in [&zsh, &fish] {
        assert!(script.contains("list --names"));
    }
}
