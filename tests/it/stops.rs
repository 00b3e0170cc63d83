//! A message ends with one full stop: an error is a sentence of its own, and the texts that
//! embed one (`{error}`) do not add another.

use kzvisa::content::{fill, placeholders};
use kzvisa::lang::Lang;
use serde_yaml::Value;

use crate::common::content_in;

/// Every text of the interface, by its dotted key.
fn texts(value: &Value, key: &str, found: &mut Vec<(String, String)>) {
    match value {
        Value::String(text) => found.push((key.to_string(), text.clone())),
        Value::Mapping(map) => {
            for (name, value) in map {
                let name = name.as_str().unwrap_or_default();
                let key = if key.is_empty() {
                    name.to_string()
                } else {
                    format!("{key}.{name}")
                };
                texts(value, &key, found);
            }
        }
        Value::Sequence(items) => {
            for (i, item) in items.iter().enumerate() {
                texts(item, &format!("{key}.{i}"), found);
            }
        }
        _ => {}
    }
}

/// `text` with its placeholders given plausible values, `{error}` aside.
fn filled(text: &str) -> String {
    let values: Vec<(String, &str)> = placeholders(text)
        .into_iter()
        .filter(|name| name != "error")
        .map(|name| {
            let value = match name.as_str() {
                "file" => "/home/a/applications/aigerim.yaml",
                "folder" => "/home/a/applications",
                "detail" => "Input/output error (os error 5)",
                _ => "2",
            };
            (name, value)
        })
        .collect();
    let pairs: Vec<(&str, &str)> = values.iter().map(|(n, v)| (n.as_str(), *v)).collect();
    fill(text, &pairs)
}

#[test]
fn stops_every_error_in_every_text_that_embeds_one_ends_with_one_full_stop() {
    for lang in Lang::ALL {
        let content = content_in(lang);
        let ui = serde_yaml::to_value(&content.ui).expect("the texts serialize");
        let mut all = Vec::new();
        texts(&ui, "", &mut all);
        // `errors.bug` embeds a panic's own message, not one of these.
        let errors: Vec<&(String, String)> = all
            .iter()
            .filter(|(key, text)| key.starts_with("errors.") && !text.contains("{error}"))
            .collect();
        let embedding: Vec<&(String, String)> = all
            .iter()
            .filter(|(_, text)| text.contains("{error}"))
            .collect();
        assert!(
            errors.len() >= 10 && embedding.len() >= 3,
            "{lang:?}: texts found"
        );
        for (error_key, error) in &errors {
            let error = filled(error);
            for (key, template) in &embedding {
                let message = filled(template).replace("{error}", &error);
                for doubled in ["..", "?.", "!.", ".:", ". .", ".;"] {
                    assert!(
                        !message.contains(doubled),
                        "{lang:?}: {error_key} in {key} has {doubled:?}: {message}"
                    );
                }
                assert!(
                    message.ends_with(['.', '?', '!']),
                    "{lang:?}: {error_key} in {key} ends without a stop: {message}"
                );
            }
        }
    }
}
