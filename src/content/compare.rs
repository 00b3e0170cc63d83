//! A translation checked against the English reference: the same keys and ids in the same
//! places, the same `{placeholders}`, the same non-text values (ids, addresses,
//! dates), and every plural form the language needs. Problems are found on the parsed trees and
//! then placed on a line of the translation's text, because serde_yaml's values keep no positions.

use std::collections::BTreeSet;

use serde_yaml::{Mapping, Value};

use crate::lang::{Lang, PLURAL_CATEGORIES};

/// Keys whose values are data, not text: a translation keeps them exactly.
const DATA_KEYS: [&str; 8] = [
    "id",
    "at",
    "url",
    "date",
    "checked",
    "confidence",
    "faq",
    "route",
];

/// Lists whose items are data (route ids, country codes): a translation keeps them exactly.
const DATA_LISTS: [&str; 3] = ["routes", "not_on_routes", "countries"];

/// Lists of words a translation may make longer or shorter (what a person may type).
const WORD_LISTS: [&str; 2] = ["advice", "words"];

/// One step down a YAML tree: a key, a list item known by its `id`, or by its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Id(String),
    Index(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where the problem is (for a missing entry: where it should be).
    pub at: Vec<Seg>,
    /// The place to point at in the translation: `at`, or its parent when `at` is missing.
    pub line_at: Vec<Seg>,
    pub message: String,
}

/// `faq[visa_cost].answer`: the path as a person finds it in the file.
pub fn show_path(path: &[Seg]) -> String {
    let mut shown = String::new();
    for seg in path {
        match seg {
            Seg::Key(key) if shown.is_empty() => shown.push_str(key),
            Seg::Key(key) => {
                shown.push('.');
                shown.push_str(key);
            }
            Seg::Id(id) => shown.push_str(&format!("[{id}]")),
            Seg::Index(i) => shown.push_str(&format!("[{}]", i + 1)),
        }
    }
    if shown.is_empty() {
        shown.push_str("(the whole file)");
    }
    shown
}

/// The first empty text (or empty value) of a file, by its path: every language is checked for
/// it before anything else, so the comparison with English never meets one.
pub fn first_empty_text(value: &Value) -> Option<Vec<Seg>> {
    fn walk(value: &Value, at: &mut Vec<Seg>) -> Option<Vec<Seg>> {
        match value {
            Value::String(text) if text.trim().is_empty() => Some(at.clone()),
            Value::Null if !at.is_empty() => Some(at.clone()),
            Value::Sequence(items) => items.iter().enumerate().find_map(|(i, item)| {
                at.push(match id_of(item) {
                    Some(id) => Seg::Id(id.to_string()),
                    None => Seg::Index(i),
                });
                let found = walk(item, at);
                at.pop();
                found
            }),
            Value::Mapping(map) => map.iter().find_map(|(key, item)| {
                at.push(Seg::Key(key_name(key)));
                let found = walk(item, at);
                at.pop();
                found
            }),
            _ => None,
        }
    }
    walk(value, &mut Vec::new())
}

/// The first difference between the English tree and its translation into `lang`.
pub fn first_difference(english: &Value, translation: &Value, lang: Lang) -> Option<Problem> {
    let mut path = Vec::new();
    compare(english, translation, lang, &mut path)
}

fn problem(at: &[Seg], message: String) -> Option<Problem> {
    Some(Problem {
        at: at.to_vec(),
        line_at: at.to_vec(),
        message,
    })
}

fn missing(parent: &[Seg], seg: Seg, message: String) -> Option<Problem> {
    let mut at = parent.to_vec();
    at.push(seg);
    Some(Problem {
        at,
        line_at: parent.to_vec(),
        message,
    })
}

fn compare(
    english: &Value,
    translation: &Value,
    lang: Lang,
    path: &mut Vec<Seg>,
) -> Option<Problem> {
    match (english, translation) {
        (Value::Mapping(en), Value::Mapping(tr)) if is_plural(en) => plural(en, tr, lang, path),
        (Value::Mapping(en), Value::Mapping(tr)) => mapping(en, tr, lang, path),
        (Value::Sequence(en), Value::Sequence(tr)) => sequence(en, tr, lang, path),
        (Value::String(en), Value::String(tr)) => text(en, tr, path),
        (en, tr) if kind(en) != kind(tr) => problem(
            path,
            format!("is {} here but {} in English", kind(tr), kind(en)),
        ),
        (en, tr) if en != tr => problem(path, "differs from English, and it is not a text".into()),
        _ => None,
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Mapping(_) => "a set of keys",
        Value::Sequence(_) => "a list",
        Value::String(_) => "a text",
        Value::Null => "empty",
        _ => "a value",
    }
}

fn key_name(key: &Value) -> String {
    key.as_str()
        .map_or_else(|| format!("{key:?}"), str::to_string)
}

fn mapping(en: &Mapping, tr: &Mapping, lang: Lang, path: &mut Vec<Seg>) -> Option<Problem> {
    for (key, en_value) in en {
        let name = key_name(key);
        let Some(tr_value) = tr.get(key) else {
            return missing(path, Seg::Key(name.clone()), format!("'{name}' is missing"));
        };
        path.push(Seg::Key(name));
        let found = compare(en_value, tr_value, lang, path);
        path.pop();
        if found.is_some() {
            return found;
        }
    }
    tr.keys()
        .find(|key| !en.contains_key(*key))
        .and_then(|key| {
            let name = key_name(key);
            path.push(Seg::Key(name.clone()));
            let found = problem(path, format!("'{name}' is not in English"));
            path.pop();
            found
        })
}

fn id_of(item: &Value) -> Option<&str> {
    item.get("id").and_then(Value::as_str)
}

fn sequence(en: &[Value], tr: &[Value], lang: Lang, path: &mut Vec<Seg>) -> Option<Problem> {
    let by_id = !en.is_empty() && en.iter().all(|item| id_of(item).is_some());
    if by_id {
        // An unknown id first: it has a line of its own, and is often the missing one misspelt.
        let known =
            |item: &Value| id_of(item).is_some_and(|id| en.iter().any(|e| id_of(e) == Some(id)));
        if let Some(i) = tr.iter().position(|item| !known(item)) {
            path.push(Seg::Index(i));
            let found = problem(path, "this id is not in English".into());
            path.pop();
            return found;
        }
        for (k, en_item) in en.iter().enumerate() {
            let id = id_of(en_item).unwrap_or_default();
            if tr.iter().any(|item| id_of(item) == Some(id)) {
                continue;
            }
            let mut found = missing(
                path,
                Seg::Id(id.into()),
                format!("the id '{id}' is missing"),
            );
            // Point at the item it should follow.
            let before = k.checked_sub(1).and_then(|b| id_of(&en[b]));
            if let (Some(problem), Some(before)) = (&mut found, before) {
                problem.line_at.push(Seg::Id(before.into()));
                problem.message.push_str(&format!(" (after '{before}')"));
            }
            return found;
        }
        for (i, item) in tr.iter().enumerate() {
            let Some(id) = id_of(item) else { continue };
            if id_of(&en[i]) != Some(id) {
                path.push(Seg::Id(id.into()));
                let found = problem(path, format!("the id '{id}' is out of the English order"));
                path.pop();
                return found;
            }
        }
    } else if en.len() != tr.len() && !is_word_list(path) {
        return problem(
            path,
            format!("has {} items, but {} in English", tr.len(), en.len()),
        );
    }
    if is_word_list(path) {
        // Any words will do; that they are words, the typed parse checks.
        return None;
    }
    for (i, (en_item, tr_item)) in en.iter().zip(tr).enumerate() {
        path.push(match id_of(en_item) {
            Some(id) if by_id => Seg::Id(id.into()),
            _ => Seg::Index(i),
        });
        let found = compare(en_item, tr_item, lang, path);
        path.pop();
        if found.is_some() {
            return found;
        }
    }
    None
}

fn is_word_list(path: &[Seg]) -> bool {
    path.iter()
        .any(|seg| matches!(seg, Seg::Key(key) if WORD_LISTS.contains(&key.as_str())))
}

fn text(en: &str, tr: &str, path: &[Seg]) -> Option<Problem> {
    // `faq:` is data under a criterion but a label under `keys:`: data keys sit in list items
    // or at the top of a file.
    let data = match path {
        [.., parent, Seg::Key(key)] => {
            DATA_KEYS.contains(&key.as_str()) && !matches!(parent, Seg::Key(_))
        }
        [Seg::Key(key)] => DATA_KEYS.contains(&key.as_str()),
        [.., Seg::Key(key), Seg::Index(_)] => DATA_LISTS.contains(&key.as_str()),
        _ => false,
    };
    if data && en != tr {
        return problem(path, format!("must be '{en}' as in English, not '{tr}'"));
    }
    let (en_names, tr_names) = (placeholders(en), placeholders(tr));
    if en_names != tr_names {
        return problem(
            path,
            format!(
                "has the placeholders {} but English has {}",
                list(&tr_names),
                list(&en_names)
            ),
        );
    }
    None
}

fn list(names: &BTreeSet<String>) -> String {
    if names.is_empty() {
        return "none".into();
    }
    names
        .iter()
        .map(|n| format!("{{{n}}}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The `{name}`s of a text.
pub fn placeholders(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        let Some(close) = rest.find('}') else { break };
        let name = &rest[..close];
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            names.insert(name.to_string());
        }
        rest = &rest[close + 1..];
    }
    names
}

/// A text with forms per number: only CLDR category keys, `other` among them.
fn is_plural(map: &Mapping) -> bool {
    map.contains_key("other")
        && map
            .keys()
            .all(|key| key.as_str().is_some_and(|k| PLURAL_CATEGORIES.contains(&k)))
}

fn plural(en: &Mapping, tr: &Mapping, lang: Lang, path: &mut Vec<Seg>) -> Option<Problem> {
    let expected = placeholders(en.get("other").and_then(Value::as_str).unwrap_or_default());
    let mut needed = lang.integer_categories();
    needed.push("other");
    for category in needed {
        if !tr.contains_key(category) {
            return missing(
                path,
                Seg::Key(category.into()),
                format!(
                    "the form '{category}' is missing ({} needs it)",
                    lang.code()
                ),
            );
        }
    }
    for (key, value) in tr {
        let name = key_name(key);
        path.push(Seg::Key(name.clone()));
        let found = match value.as_str() {
            _ if !PLURAL_CATEGORIES.contains(&name.as_str()) => {
                problem(path, format!("'{name}' is not a plural form"))
            }
            None => problem(path, "is not a text".into()),
            Some(form) if placeholders(form) != expected => problem(
                path,
                format!(
                    "has the placeholders {} but English has {}",
                    list(&placeholders(form)),
                    list(&expected)
                ),
            ),
            Some(_) => None,
        };
        path.pop();
        if found.is_some() {
            return found;
        }
    }
    None
}

/// The line (from 1) where `path` is written in `text`, or the nearest line above it that can be
/// found. It follows the block layout the content files use: each key on its own line, list items
/// starting with `- `, nested blocks indented further.
pub fn line_of(text: &str, path: &[Seg]) -> usize {
    let lines: Vec<Shape> = text.lines().map(Shape::of).collect();
    let (mut start, mut end) = (0, lines.len());
    let mut found = 0;
    for seg in path {
        let block = || (start..end).filter(|&i| lines[i].meaningful);
        let hit = match seg {
            Seg::Key(key) => {
                let Some(column) = block().map(|i| lines[i].key_col).min() else {
                    break;
                };
                block().find(|&i| lines[i].key_col == column && lines[i].key == Some(key.as_str()))
            }
            Seg::Id(_) | Seg::Index(_) => {
                let Some(dash) = block().filter_map(|i| lines[i].dash_col).min() else {
                    break;
                };
                let mut items = block().filter(|&i| lines[i].dash_col == Some(dash));
                match seg {
                    Seg::Id(id) => items.find(|&i| lines[i].id_value() == Some(id.as_str())),
                    Seg::Index(n) => items.nth(*n),
                    Seg::Key(_) => None,
                }
            }
        };
        let Some(i) = hit else { break };
        found = i;
        let level = match seg {
            Seg::Key(_) => lines[i].key_col,
            _ => lines[i].dash_col.unwrap_or(lines[i].key_col),
        };
        // An item's own keys start on its first line; a key's children on the next.
        start = if matches!(seg, Seg::Key(_)) { i + 1 } else { i };
        end = (i + 1..lines.len())
            .find(|&j| lines[j].meaningful && lines[j].level() <= level)
            .unwrap_or(lines.len());
    }
    found + 1
}

/// What the locator needs to know of one line.
struct Shape<'a> {
    meaningful: bool,
    dash_col: Option<usize>,
    key_col: usize,
    key: Option<&'a str>,
    rest: &'a str,
}

impl<'a> Shape<'a> {
    fn of(line: &'a str) -> Shape<'a> {
        let indent = line.len() - line.trim_start().len();
        let mut body = line.trim_start();
        let meaningful = !body.is_empty() && !body.starts_with('#');
        let dash_col = body.starts_with("- ").then_some(indent);
        let mut key_col = indent;
        if dash_col.is_some() {
            let after = body[2..].trim_start();
            key_col += body.len() - after.len();
            body = after;
        }
        let (key, rest) = match body.split_once(':') {
            Some((key, rest))
                if !key.is_empty()
                    && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') =>
            {
                (Some(key), rest.trim())
            }
            _ => (None, ""),
        };
        Shape {
            meaningful,
            dash_col,
            key_col,
            key,
            rest,
        }
    }

    fn level(&self) -> usize {
        self.dash_col.unwrap_or(self.key_col)
    }

    fn id_value(&self) -> Option<&'a str> {
        (self.key == Some("id")).then(|| self.rest.trim_matches(['"', '\'']))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "\
# a comment
title: T
steps:
  title: nested, not the top one
  welcome: W
items:
  - id: first
    title: A
    points:
      - id: inner
        title: B
  - id: second
    title: C
months: [a, b]
";

    fn key(k: &str) -> Seg {
        Seg::Key(k.into())
    }

    #[test]
    fn keys_and_ids_are_found_on_their_lines() {
        assert_eq!(line_of(TEXT, &[key("title")]), 2);
        assert_eq!(line_of(TEXT, &[key("steps"), key("title")]), 4);
        assert_eq!(line_of(TEXT, &[key("steps"), key("welcome")]), 5);
        assert_eq!(line_of(TEXT, &[key("items"), Seg::Id("second".into())]), 12);
        assert_eq!(
            line_of(
                TEXT,
                &[key("items"), Seg::Id("second".into()), key("title")]
            ),
            13
        );
        let inner = [
            key("items"),
            Seg::Id("first".into()),
            key("points"),
            Seg::Index(0),
            key("title"),
        ];
        assert_eq!(line_of(TEXT, &inner), 11);
        assert_eq!(line_of(TEXT, &[key("items"), Seg::Index(1)]), 12);
    }

    #[test]
    fn what_cannot_be_found_points_at_its_nearest_parent() {
        assert_eq!(line_of(TEXT, &[key("items"), Seg::Id("third".into())]), 6);
        assert_eq!(line_of(TEXT, &[key("months"), Seg::Index(1)]), 14);
        assert_eq!(line_of(TEXT, &[key("nowhere")]), 1);
    }

    #[test]
    fn placeholders_are_names_in_braces() {
        let names = placeholders("{done} of {total}, {not a name} {}");
        assert_eq!(names.into_iter().collect::<Vec<_>>(), ["done", "total"]);
    }

    fn tree(text: &str) -> Value {
        serde_yaml::from_str(text).expect("test yaml")
    }

    fn difference(en: &str, tr: &str, lang: Lang) -> Option<String> {
        first_difference(&tree(en), &tree(tr), lang)
            .map(|p| format!("{}: {}", show_path(&p.at), p.message))
    }

    #[test]
    fn each_kind_of_difference_is_named_with_its_place() {
        let en =
            "a: Hello {name}\nlist:\n  - id: x\n    t: X\n  - id: y\n    t: Y\nurl: https://a\n";
        let same = "a: Привет, {name}\nlist:\n  - id: x\n    t: Икс\n  - id: y\n    t: Игрек\nurl: https://a\n";
        assert_eq!(difference(en, same, Lang::Ru), None);
        let cases = [
            (
                same.replace("{name}", "{nam}"),
                "a: has the placeholders {nam} but English has {name}",
            ),
            (
                same.replace("  - id: y\n    t: Игрек\n", ""),
                "list[y]: the id 'y' is missing (after 'x')",
            ),
            (
                same.replace("id: y", "id: z"),
                "list[2]: this id is not in English",
            ),
            (
                format!("{same}extra: E\n"),
                "extra: 'extra' is not in English",
            ),
            (
                same.replace("https://a", "https://b"),
                "url: must be 'https://a' as in English, not 'https://b'",
            ),
        ];
        for (translation, expected) in cases {
            assert_eq!(
                difference(en, &translation, Lang::Ru).as_deref(),
                Some(expected)
            );
        }
    }

    #[test]
    fn an_empty_text_is_named_by_its_path() {
        let translation = "a: Привет\nlist:\n  - id: x\n    t: ''\n  - id: y\n    t: Игрек\n";
        let at = first_empty_text(&tree(translation)).map(|at| show_path(&at));
        assert_eq!(at.as_deref(), Some("list[x].t"));
        assert_eq!(first_empty_text(&tree("a: A\nb: [c]\n")), None);
    }

    #[test]
    fn plural_forms_follow_the_language() {
        let en = "n:\n  one: \"{count} file\"\n  other: \"{count} files\"\n";
        let ru = "n:\n  one: \"{count} файл\"\n  few: \"{count} файла\"\n  many: \"{count} файлов\"\n  other: \"{count} файла\"\n";
        assert_eq!(difference(en, ru, Lang::Ru), None);
        let no_few = ru.replace("  few: \"{count} файла\"\n", "");
        assert_eq!(
            difference(en, &no_few, Lang::Ru).as_deref(),
            Some("n.few: the form 'few' is missing (ru needs it)")
        );
        let kk = "n:\n  one: \"{count} файл\"\n  other: \"{count} файл\"\n";
        assert_eq!(difference(en, kk, Lang::Kk), None);
    }
}
