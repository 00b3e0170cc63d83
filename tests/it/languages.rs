//! Russian and Kazakh end to end: chosen from the locale, `--lang` or the switch key and
//! remembered; every shipped translation matching English; dates typed as people write them;
//! an application started in one language resumed in another.

use chrono::NaiveDate;
use kzvisa::app::Effect;
use kzvisa::content::{Content, fill};
use kzvisa::lang::Lang;

use crate::cli::{answered, kzvisa_with_env, status, stderr, stdout};
use crate::common::{app_after, content_in, press};
use crate::pty::{self, ENTER, TAB, data_dir, spawn_with_env};

/// Words of the English interface that a translated screen must not show.
const ENGLISH: [&str; 8] = [
    "Step ",
    "Question",
    "Press",
    "Enter to",
    "Yes",
    "Not answered",
    "Good to know",
    "Your ",
];

fn no_english(screen: &str, lang: Lang) {
    for word in ENGLISH {
        assert!(!screen.contains(word), "{word:?} in {lang:?}:\n{screen}");
    }
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a test date")
}

/// The whole wizard in a real terminal whose locale is `locale`, typed on a Russian keyboard
/// layout (н is the key of y, т of n) with dates as DD.MM.YYYY.
fn whole_wizard(lang: Lang, locale: &str) {
    let c = content_in(lang);
    let ui = &c.ui;
    let question = |n: &str| {
        fill(
            &ui.eligibility.question_number,
            &[("number", n), ("total", "4")],
        )
    };
    let data = data_dir();
    let mut term = spawn_with_env(data.path(), &[], 100, 30, &[("LANG", locale)]);
    let mut screens = vec![term.wait_for(&ui.welcome.disclaimer_title)];
    screens.push(term.press(ENTER, &c.steps.route.question));
    screens.push(term.press("3", &question("1")));
    screens.push(term.press("н", &question("2")));
    screens.push(term.press("y", &question("3")));
    screens.push(term.press("т", &question("4")));
    screens.push(term.press("y", &ui.steps.eligibility_result));
    screens.push(term.press(ENTER, &c.steps.employer.permit));
    let documents = &c.guide.documents.items;
    screens.push(term.press(ENTER, &documents[3].title));
    screens.push(term.press(" ", &format!("[x] {}", documents[0].title)));
    screens.push(term.press(ENTER, &ui.passport.expiry));
    screens.push(term.press("27.02.2029", "27.02.2029"));
    screens.push(term.press(TAB, &ui.passport.end_of_stay));
    let required = c.date(date("2029-02-28"));
    screens.push(term.press("31.08.2028", &required));
    screens.push(term.press(ENTER, &ui.passport.continue_hint));
    screens.push(term.press(ENTER, &c.guide.submission.application_form.title));
    // The "no" to the medical examination is to confirm with the employer, under its own
    // heading after what blocks.
    screens.push(term.press(ENTER, &ui.your_dates.target));
    screens.push(term.press("01.03.2029", "01.03.2029"));
    let review = term.press(ENTER, &ui.review.to_confirm);
    assert!(review.contains(&ui.review.blockers), "{review}");
    assert!(
        review.contains(&format!("? {}", c.guide.eligibility.criteria[2].title)),
        "{review}"
    );
    let expiry = c.date(date("2029-02-27")).replace('\u{a0}', " ");
    assert!(review.contains(&expiry), "{review}");
    screens.push(review);
    for screen in &screens {
        no_english(screen, lang);
    }
    term.send("q");
    term.assert_restored();
    // Saved as language-free values: ids, booleans and ISO dates.
    let saved = std::fs::read_dir(data.path().join("applications"))
        .expect("the folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| std::fs::read_to_string(p).expect("read"))
        .expect("one application");
    assert!(saved.contains("expiry: 2029-02-27"), "{saved}");
    assert!(saved.contains("end_of_stay: 2028-08-31"), "{saved}");
    assert!(saved.contains("target: 2029-03-01"), "{saved}");
    assert!(saved.contains("medical: false"), "{saved}");
}

#[test]
fn the_whole_wizard_in_russian_from_a_russian_locale() {
    whole_wizard(Lang::Ru, "ru_RU.UTF-8");
}

#[test]
fn the_whole_wizard_in_kazakh_from_a_kazakh_locale() {
    whole_wizard(Lang::Kk, "kk_KZ.UTF-8");
}

#[test]
fn the_switch_key_changes_the_language_at_once_and_it_is_remembered() {
    let (en, ru, kk) = (
        content_in(Lang::En),
        content_in(Lang::Ru),
        content_in(Lang::Kk),
    );
    let data = data_dir();
    let mut term = spawn_with_env(data.path(), &[], 100, 30, &[]);
    term.wait_for(&en.ui.welcome.disclaimer_title);
    term.press("l", &ru.ui.welcome.disclaimer_title);
    // The footer names the key in the new language.
    term.wait_for(&format!("l {}", ru.ui.keys.language));
    term.press("l", &kk.ui.welcome.disclaimer_title);
    // On a Russian layout the same key types д.
    term.press("д", &en.ui.welcome.disclaimer_title);
    term.press("l", &ru.ui.welcome.disclaimer_title);
    term.send("q");
    term.assert_restored();
    drop(term);
    let settings = std::fs::read_to_string(data.path().join("config/kzvisa/settings.yaml"))
        .expect("the choice is kept in the config folder");
    assert_eq!(settings.trim(), "language: ru");

    // Remembered over the locale, and --lang over both.
    let term = spawn_with_env(data.path(), &[], 100, 30, &[("LANG", "kk_KZ.UTF-8")]);
    term.wait_for(&ru.ui.welcome.disclaimer_title);
    drop(term);
    let term = spawn_with_env(data.path(), &["--lang", "en"], 100, 30, &[]);
    term.wait_for(&en.ui.welcome.disclaimer_title);
}

#[test]
fn the_start_screen_switches_language_too() {
    let mut app = crate::screens::start::start();
    let effects = press(&mut app, "l");
    assert_eq!(effects, [Effect::SwitchLanguage(Lang::Ru)]);
    // Not inside an overlay: there the key is typed or means nothing.
    let mut app = app_after("<F1> /");
    assert!(press(&mut app, "l").iter().all(|e| *e == Effect::None));
}

#[test]
fn the_locale_variables_choose_the_language_in_order() {
    let data = data_dir();
    let faq = |env: &[(&str, &str)]| stdout(&kzvisa_with_env(data.path(), &["faq"], "", env));
    let (ru, kk) = (content_in(Lang::Ru), content_in(Lang::Kk));
    assert!(faq(&[("LANG", "ru_RU.UTF-8")]).contains(&ru.faq[0].question));
    assert!(
        faq(&[("LC_MESSAGES", "kk_KZ.UTF-8"), ("LANG", "ru_RU.UTF-8")])
            .contains(&kk.faq[0].question)
    );
    assert!(
        faq(&[("LC_ALL", "ru_RU.UTF-8"), ("LC_MESSAGES", "kk_KZ.UTF-8")])
            .contains(&ru.faq[0].question)
    );
    let english = content_in(Lang::En);
    assert!(faq(&[("LANG", "de_DE.UTF-8")]).contains(&english.faq[0].question));
    assert!(faq(&[("LANG", "ru_RU.UTF-8")]).contains(&ru.faq[0].question));
    let forced = kzvisa_with_env(
        data.path(),
        &["--lang", "en", "faq"],
        "",
        &[("LANG", "ru_RU.UTF-8")],
    );
    assert!(stdout(&forced).contains(&english.faq[0].question));
}

#[test]
fn kazakh_faq_search_finds_words_typed_on_a_russian_keyboard() {
    let data = data_dir();
    let output = kzvisa_with_env(data.path(), &["--lang", "kk", "faq", "жумыс"], "", &[]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    assert!(stdout(&output).contains("жұмыс"), "{}", stdout(&output));
    let none = kzvisa_with_env(data.path(), &["--lang", "kk", "faq", "zzz"], "", &[]);
    assert_eq!(status(&none), 1);
}

#[test]
fn russian_faq_search_treats_yo_as_ye() {
    let ru = content_in(Lang::Ru);
    // A word of the FAQ with е, typed with ё in its place, and the other way round.
    let word = ru.faq[1]
        .answer
        .split_whitespace()
        .find(|w| w.contains('е'))
        .expect("a word with е");
    let typed = word.replacen('е', "ё", 1).to_uppercase();
    let found = ru.faq_search(&typed);
    assert!(found.contains(&1), "{typed:?} should find entry 1");
    assert_eq!(found, ru.faq_search(word));
}

#[test]
fn an_application_started_in_english_resumes_in_russian_with_every_answer() {
    let (data, output) = answered();
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let ru = content_in(Lang::Ru);
    let export = kzvisa_with_env(
        data.path(),
        &["--lang", "ru", "export", "--format", "text"],
        "",
        &[],
    );
    assert_eq!(status(&export), 0, "{}", stderr(&export));
    // Lines are wrapped at 78 columns: compare words.
    let text = stdout(&export)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for expected in [
        ru.ui.review.next_actions.clone(),
        // Printed, the no-break spaces of dates are plain ones.
        ru.date(date("2031-03-31")).replace('\u{a0}', " "),
        ru.date(date("2026-01-10")).replace('\u{a0}', " "),
        format!("{}: {}", ru.guide.eligibility.criteria[0].title, ru.ui.yes),
        ru.ui.language.reference.clone(),
    ] {
        assert!(text.contains(&expected), "{expected:?} missing:\n{text}");
    }
    no_english(&text, Lang::Ru);

    // And the line wizard picks it up where it was, in Russian.
    let resumed = kzvisa_with_env(
        data.path(),
        &["resume"],
        "выход\n",
        &[("LANG", "ru_RU.UTF-8")],
    );
    assert_eq!(status(&resumed), 0, "{}", stderr(&resumed));
    let out = stdout(&resumed);
    assert!(out.contains(&ru.ui.review.blockers), "{out}");
}

#[test]
fn the_line_wizard_takes_russian_words_and_dates() {
    let data = data_dir();
    let ru = content_in(Lang::Ru);
    let answers = "\n3\nд\nда\nнет\nд\nвыход\n";
    let output = kzvisa_with_env(
        data.path(),
        &["--plain", "new", "Айгерим"],
        answers,
        &[("LANG", "ru_RU.UTF-8")],
    );
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.contains(&ru.guide.eligibility.criteria[0].question),
        "{out}"
    );
    assert!(out.contains(&ru.ui.plain.yes_no), "{out}");
    let saved = std::fs::read_to_string(data.path().join("айгерим.yaml")).expect("saved by name");
    assert!(saved.contains("job_offer: true"), "{saved}");
    assert!(saved.contains("medical: false"), "{saved}");
}

#[test]
fn dates_typed_with_dots_are_saved_as_iso_and_shown_in_the_language() {
    let mut app = app_after("<Enter> 3 y y y y <Enter> <Space> <Down> 31.01.2026");
    let saved = serde_yaml::to_string(&app.application).expect("serialise");
    assert!(saved.contains("permit_date: 2026-01-31"), "{saved}");
    app.set_content(content_in(Lang::Ru));
    let plain = |text: String| text.replace('\u{a0}', " ");
    assert_eq!(
        plain(kzvisa::present::typed_date(&app.content, "31.01.2026")),
        "31 января 2026 года"
    );
    let kk = content_in(Lang::Kk);
    assert_eq!(
        plain(kzvisa::present::typed_date(&kk, "2026-01-31")),
        "2026 жылғы 31 қаңтар"
    );
    // A bad date stays as typed, in the file too.
    let app = app_after("<Enter> 3 y y y y <Enter> <Space> <Down> 31.02.2026");
    let saved = serde_yaml::to_string(&app.application).expect("serialise");
    assert!(saved.contains("permit_date: 31.02.2026"), "{saved}");
}

#[test]
fn russian_counts_take_the_right_form() {
    let ru = content_in(Lang::Ru);
    let missing = |n: usize| {
        fill(
            ru.plural(&ru.ui.review.documents_missing, n),
            &[("count", &n.to_string())],
        )
    };
    assert!(missing(1).starts_with("1 документ "), "{}", missing(1));
    assert!(missing(2).starts_with("2 документа "), "{}", missing(2));
    assert!(missing(5).starts_with("5 документов "), "{}", missing(5));
    assert!(missing(21).starts_with("21 документ "), "{}", missing(21));
    let en = content_in(Lang::En);
    let english = |n: usize| {
        fill(
            en.plural(&en.ui.review.documents_missing, n),
            &[("count", &n.to_string())],
        )
    };
    assert_eq!(english(1), "1 document missing");
    assert_eq!(english(3), "3 documents missing");
}

#[test]
fn every_shipped_language_loads_from_the_content_folder() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    for lang in Lang::ALL {
        let content = Content::from_dir(&dir, lang).unwrap_or_else(|e| panic!("{lang:?}: {e}"));
        assert_eq!(content.lang, lang);
        // The built-in texts are these files as build.rs stored them: the checks that only the
        // folder gets (empty texts, the comparison with English) hold for them too.
        let embedded = Content::embedded(lang).unwrap_or_else(|e| panic!("{lang:?} embedded: {e}"));
        assert!(
            embedded == content,
            "{lang:?}: the built-in texts differ from content/{}/",
            lang.code()
        );
    }
}

#[test]
fn the_terminal_is_left_as_found_in_every_language() {
    for (lang, locale) in [(Lang::Ru, "ru_RU.UTF-8"), (Lang::Kk, "kk_KZ.UTF-8")] {
        let data = data_dir();
        let mut term = spawn_with_env(data.path(), &[], 80, 24, &[("LANG", locale)]);
        term.wait_for(&content_in(lang).ui.welcome.disclaimer_title);
        term.send(pty::CTRL_C);
        term.assert_restored();
    }
}

#[test]
fn after_a_crash_the_message_is_in_the_language_switched_to() {
    let ru = content_in(Lang::Ru);
    let data = data_dir();
    let mut term = spawn_with_env(data.path(), &[], 100, 30, &[("KZVISA_TEST_PANIC_KEY", "%")]);
    term.wait_for("not legal advice");
    term.press("l", &ru.ui.welcome.disclaimer_title);
    term.press(ENTER, &ru.steps.route.question);
    term.send("%");
    let screen = term.assert_restored();
    let said = ru
        .ui
        .errors
        .progress_kept
        .split('{')
        .next()
        .expect("a text");
    assert!(screen.contains(said.trim()), "{said:?} expected:\n{screen}");
}
