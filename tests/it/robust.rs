//! Abuse: long random sequences of keys, pastes and resizes from any screen, and random files
//! given to the loader. Nothing may panic, the state stays valid, and what is saved loads.

use std::path::PathBuf;

use chrono::DateTime;
use kzvisa::app::{App, Msg};
use kzvisa::keymap;
use kzvisa::store::{self, Listing, Record};
use kzvisa::ui::{self, theme::Theme};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::common::content;

#[derive(Debug, Clone)]
enum Input {
    Key(KeyCode, KeyModifiers),
    Paste(String),
    Resize(u16, u16),
}

fn any_key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        prop::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::F(1),
            KeyCode::F(2),
            KeyCode::PageDown,
        ]),
        prop::sample::select(vec![
            'y', 'n', 'q', '?', '/', 'f', 'j', 'k', 'h', 'l', ' ', 'r', 'd', 'o', '2', '0', '-',
            '1', '3', 'Ә', 'ұ', '王', '🎉', 'é',
        ])
        .prop_map(KeyCode::Char),
    ]
}

fn any_input() -> impl Strategy<Value = Input> {
    prop_oneof![
        8 => (any_key_code(), prop::sample::select(vec![
            KeyModifiers::NONE,
            KeyModifiers::SHIFT,
            KeyModifiers::ALT,
        ]))
            .prop_map(|(code, mods)| Input::Key(code, mods)),
        1 => "[a-zӘәҰұ王🎉\\-0-9 \n\r\t]{0,30}".prop_map(Input::Paste),
        1 => (1u16..220, 1u16..70).prop_map(|(w, h)| Input::Resize(w, h)),
    ]
}

fn listing(name: &str) -> Listing {
    let now = DateTime::parse_from_rfc3339("2026-01-01T00:00:00+05:00").expect("time");
    Listing::Ready {
        path: PathBuf::from(format!("/apps/{name}.yaml")),
        record: Box::new(Record::new(name.to_string(), now)),
    }
}

fn run(mut app: App, inputs: Vec<Input>) -> Result<(), TestCaseError> {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    for input in inputs {
        let msg = match input {
            Input::Key(code, modifiers) => keymap::message(&app, KeyEvent::new(code, modifiers)),
            Input::Paste(text) => Some(Msg::Paste(text)),
            Input::Resize(width, height) => {
                terminal.backend_mut().resize(width, height);
                terminal
                    .resize(ratatui::layout::Rect::new(0, 0, width, height))
                    .expect("resize");
                None
            }
        };
        if let Some(msg) = msg {
            app.update(msg);
        }
        terminal.draw(|frame| ui::view(&app, frame)).expect("draw");

        let mut clamped = app.application.clone();
        clamped.clamp_place(&app.content);
        prop_assert_eq!(
            clamped.place,
            app.application.place,
            "a place outside the content"
        );
        if let Some(text) = app.focused_text() {
            prop_assert!(app.cursor <= text.chars().count());
            prop_assert!(text.chars().count() <= kzvisa::app::MAX_FIELD_CHARS);
        }
        if let Some(faq) = &app.faq {
            prop_assert!(faq.selected <= app.faq_matches().len());
        }
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("after.yaml");
    let mut record = Record::new(
        "After".into(),
        DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z").expect("time"),
    );
    record.application = app.application.clone();
    store::save(&path, &record).expect("save");
    prop_assert_eq!(store::load(&path).expect("the saved file loads"), record);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_input_in_the_wizard_never_breaks_it(inputs in prop::collection::vec(any_input(), 0..500)) {
        let app = App::new(content(), Default::default(), Theme::PLAIN);
        run(app, inputs)?;
    }

    #[test]
    fn random_input_on_the_start_screen_never_breaks_it(inputs in prop::collection::vec(any_input(), 0..500)) {
        let app = App::start(
            content(),
            vec![listing("Anna"), crate::common::broken_listing(1), listing("Әлия Нұрланқызы")],
            Theme::PLAIN.with_color(true),
        );
        run(app, inputs)?;
    }

    #[test]
    fn random_bytes_never_panic_the_loader(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("random.yaml");
        std::fs::write(&path, &bytes).expect("write");
        if let Err(error) = store::load(&path) {
            prop_assert!(error.to_string().contains("random.yaml"), "{}", error);
        }
    }

    #[test]
    fn random_yaml_never_panics_the_loader(value in any_yaml()) {
        let text = serde_yaml::to_string(&value).expect("yaml");
        let path = std::path::Path::new("random.yaml");
        match store::parse(path, &text) {
            Ok(record) => prop_assert_eq!(record.schema, store::SCHEMA),
            Err(error) => prop_assert!(error.to_string().starts_with("random.yaml"), "{}", error),
        }
    }
}

/// Keys and values of the application file, so random documents come close to real ones.
const FIELD_NAMES: [&str; 20] = [
    "schema",
    "name",
    "created",
    "updated",
    "application",
    "place",
    "step",
    "question",
    "row",
    "eligibility",
    "documents",
    "passport",
    "submission",
    "interview",
    "job_offer",
    "have",
    "covered",
    "review",
    "2026-01-01T00:00:00Z",
    "1",
];

/// YAML documents shaped like an application file, with random holes and wrong types.
fn any_yaml() -> impl Strategy<Value = serde_yaml::Value> {
    use serde_yaml::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| Value::Number(n.into())),
        any::<f64>().prop_map(|n| Value::Number(n.into())),
        "[a-z_0-9:\\- ]{0,12}".prop_map(Value::String),
        prop::sample::select(FIELD_NAMES.to_vec()).prop_map(|s| Value::String(s.to_string())),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Sequence),
            prop::collection::vec((prop::sample::select(FIELD_NAMES.to_vec()), inner), 0..6)
                .prop_map(|entries| {
                    Value::Mapping(
                        entries
                            .into_iter()
                            .map(|(k, v)| (Value::String(k.to_string()), v))
                            .collect(),
                    )
                }),
        ]
    })
}
