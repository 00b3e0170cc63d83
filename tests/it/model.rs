//! One model of the application: the flow and the fields are declared once (`wizard::flow`,
//! `wizard::form`), and every front end walks them. These tests hold the front ends to the
//! declaration, and the modules to their one direction.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use kzvisa::app::{App, Mode};
use kzvisa::lang::Lang;
use kzvisa::plain::{self, Reply};
use kzvisa::present::fields;
use kzvisa::wizard::form::{Field, Kind};
use kzvisa::wizard::{Application, Interview, Place, Route, Step, flow};

use crate::common::{app, content_in, press};

/// Every route, walked from the welcome screen with Enter (and a yes to each question): the
/// steps reached are the route's steps, in order, ending on the review; Esc from the review
/// retraces them; "Step N of M" counts the route's steps.
#[test]
fn every_route_reaches_its_steps_and_no_other_and_back_retraces_them() {
    for (key, route) in [
        ("1", Route::Eaeu),
        ("2", Route::VisaFree),
        ("3", Route::WorkVisa),
    ] {
        let mut app = app();
        let mut reached = vec![app.application.place.step()];
        press(&mut app, "<Enter>");
        reached.push(app.application.place.step());
        press(&mut app, key);
        for _ in 0..200 {
            let step = app.application.place.step();
            if reached.last() != Some(&step) {
                reached.push(step);
            }
            if step == Step::Review {
                break;
            }
            let keys = match app.mode() {
                Mode::Question | Mode::QuestionWithoutFaq => "y",
                _ => "<Enter>",
            };
            press(&mut app, keys);
        }
        let expected: Vec<Step> = flow::steps(&app.application).collect();
        assert_eq!(app.application.route, Some(route));
        assert_eq!(reached, expected, "{route:?}");
        let skipped: Vec<Step> = Step::ALL
            .into_iter()
            .filter(|s| !expected.contains(s))
            .collect();
        if route == Route::WorkVisa {
            assert!(skipped.is_empty(), "{skipped:?}");
        } else {
            assert_eq!(skipped, [Step::Employer, Step::Submission], "{route:?}");
        }
        let total = expected.len();
        for (number, step) in expected.iter().enumerate() {
            assert_eq!(
                flow::position(*step, &app.application),
                (number + 1, total),
                "{route:?} {step:?}"
            );
        }

        let mut back = vec![Step::Review];
        for _ in 0..200 {
            press(&mut app, "<Esc>");
            let step = app.application.place.step();
            if back.last() != Some(&step) {
                back.push(step);
            }
            if step == Step::Welcome {
                break;
            }
        }
        back.reverse();
        assert_eq!(back, expected, "{route:?}: Esc does not retrace the way");
    }
}

/// A state in which every field of every form applies.
fn every_field_applies() -> Application {
    let mut application = Application {
        route: Some(Route::WorkVisa),
        ..Application::default()
    };
    application.employer.permit = true;
    application.employer.invitation = true;
    application.submission.fee_paid = true;
    application.submission.interview = Interview::Scheduled;
    application
}

/// Each field, in each language: the full screen offers it (in the mode of its kind, with its
/// label on screen) and the line wizard asks it (its label in the question, a date's forms named).
#[test]
fn each_front_end_offers_every_field_the_same_way() {
    for lang in [Lang::En, Lang::Ru, Lang::Kk] {
        let content = content_in(lang);
        for field in Field::ALL {
            let mut application = every_field_applies();
            assert!(field.applies(&application), "{field:?}");
            application.place = field.place();
            let app = App::new(content.clone(), application, kzvisa::theme::Theme::PLAIN);
            let label = fields::label(field, &content);
            let mode = app.mode();
            let expected = match field.kind() {
                Kind::Tick => Mode::FormTick,
                Kind::Choice => Mode::FormChoice,
                Kind::Date | Kind::Text => Mode::FormText,
            };
            assert_eq!(mode, expected, "{lang:?} {field:?}");
            let screen = screen_text(&app);
            // The submission's ticks and its interview are shown under their part's title.
            if matches!(field, Field::Interview) {
                assert!(
                    screen.contains(&content.ui.submission.scheduled),
                    "{lang:?}"
                );
            }
            if !matches!(
                field,
                Field::FormCompleted | Field::FeePaid | Field::Interview
            ) {
                let first_words: String = label.chars().take(20).collect();
                assert!(
                    screen.contains(&first_words),
                    "{lang:?} {field:?}: the full screen lacks {first_words:?}\n{screen}"
                );
            }
            let question = plain::prompt(&app).question;
            assert!(
                question.contains(label),
                "{lang:?} {field:?}: the line wizard asks {question:?}"
            );
            if field.kind() == Kind::Date {
                assert!(
                    question.contains(&content.ui.dates.hint),
                    "{lang:?} {field:?}: {question:?}"
                );
            }
        }
    }
}

fn screen_text(app: &App) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40))
        .expect("a test terminal");
    terminal
        .draw(|frame| kzvisa::ui::view(app, frame))
        .expect("drawn");
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The line wizard's answers, one line each, to the app from the welcome screen.
fn answered_in_lines(lines: &[&str]) -> App {
    let mut app = app();
    for line in lines {
        match plain::reply(&app, line) {
            Reply::Send(msgs) => {
                for msg in msgs {
                    app.update(msg);
                }
            }
            other => panic!("{line:?} at {:?}: {other:?}", app.application.place),
        }
    }
    app
}

/// The answers without the place they were left at.
fn answers(app: &App) -> Application {
    Application {
        place: Place::Welcome,
        ..app.application.clone()
    }
}

/// One list of answers, given through the full screen's keys and through the line wizard's
/// lines, leaves the same answers in the file.
#[test]
fn the_same_answers_in_both_front_ends_save_the_same_application() {
    let mut keyed = app();
    press(
        &mut keyed,
        "<Enter> 3 y y n y <Enter> \
         y 10.01.2026 <Tab> y INV-7 <Enter> \
         <Down> <Space> <Right> <Down> <Space> <Enter> \
         2031-12-31 <Enter> 2030-10-15 <Enter> <Enter> \
         y y 100 <Space> KZT <Tab> 2030-01-15 <Tab> 2 <Tab> 2030-02-01 <Enter> \
         2030-03-02 <Tab> 2030-02-20 <Enter>",
    );
    assert_eq!(keyed.application.place, Place::Review { row: 0 });

    let lined = answered_in_lines(&[
        "",
        "3",
        "y",
        "y",
        "n",
        "y",
        "", // route and eligibility
        "y",
        "10.01.2026",
        "y",
        "INV-7", // the employer's part
        "n",
        "y",
        "y",
        "n",
        "n",
        "n",
        "n",
        "n",
        "n", // documents and their points
        "2031-12-31",
        "2030-10-15",
        "", // the passport
        "y",
        "y",
        "100 KZT",
        "2030-01-15",
        "2",
        "2030-02-01", // the submission
        "2030-03-02",
        "2030-02-20",
        "",
        "",
        "", // your dates
    ]);
    assert_eq!(lined.application.place.step(), Step::Review);
    assert_eq!(answers(&lined), answers(&keyed));

    // And what they save is the same file.
    let saved = |app: &App| {
        let mut record =
            kzvisa::store::Record::new("A".into(), chrono::DateTime::UNIX_EPOCH.fixed_offset());
        record.application = answers(app);
        serde_yaml::to_string(&record).expect("serialised")
    };
    assert_eq!(saved(&lined), saved(&keyed));
    assert!(saved(&keyed).contains("permit_date: 2026-01-10"));
}

/// The modules depend one way: no cycle among them, the rules (`wizard`) build no sentences
/// and know no view, and the texts (`content`) know no rules.
#[test]
fn the_modules_depend_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let relative = path.strip_prefix(&src).expect("under src");
            let module = relative
                .components()
                .next()
                .and_then(|c| c.as_os_str().to_str())
                .map(|m| m.trim_end_matches(".rs").to_string())
                .expect("a module");
            if ["main", "shell", "lib"].contains(&module.as_str()) {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("readable");
            let used = uses.entry(module.clone()).or_default();
            for (at, _) in text.match_indices("crate::") {
                let name: String = text[at + 7..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if name != module && !name.is_empty() {
                    used.insert(name);
                }
            }
        }
    }
    for forbidden in ["present", "ui", "report", "app", "plain", "keymap"] {
        assert!(
            !uses["wizard"].contains(forbidden),
            "wizard uses {forbidden}"
        );
    }
    assert!(!uses["content"].contains("wizard"), "content uses wizard");
    assert!(!uses["error"].contains("content"), "error uses content");
    // No cycle: a module never reaches itself.
    for start in uses.keys() {
        let mut seen = BTreeSet::new();
        let mut todo: Vec<&String> = uses[start].iter().collect();
        while let Some(module) = todo.pop() {
            assert_ne!(module, start, "a cycle through {start}: {uses:?}");
            if seen.insert(module.clone()) {
                todo.extend(uses.get(module).into_iter().flatten());
            }
        }
    }
}

/// The answer keys are the language's own letters (д/н, и/ж) and Latin y/n in every language,
/// the same in the full screen and the line wizard; the footer names the language's letters.
#[test]
fn answer_keys_mean_the_same_in_both_front_ends_in_every_language() {
    for (lang, yes, no) in [
        (Lang::En, 'y', 'n'),
        (Lang::Ru, 'д', 'н'),
        (Lang::Kk, 'и', 'ж'),
    ] {
        for (letter, answer) in [(yes, true), (no, false), ('y', true), ('n', false)] {
            let mut keyed = App::new(
                content_in(lang),
                Application::default(),
                kzvisa::theme::Theme::PLAIN,
            );
            press(&mut keyed, &format!("<Enter> 3 {letter}"));
            let first = &keyed.content.guide.eligibility.criteria[0].id;
            assert_eq!(
                keyed.application.answer(first),
                Some(answer),
                "{lang:?}: the key {letter:?} in the full screen"
            );
            let mut lined = App::new(
                content_in(lang),
                Application::default(),
                kzvisa::theme::Theme::PLAIN,
            );
            for line in ["", "3", &letter.to_string()] {
                let Reply::Send(msgs) = plain::reply(&lined, line) else {
                    panic!("{lang:?}: {line:?} is an answer");
                };
                for msg in msgs {
                    lined.update(msg);
                }
            }
            assert_eq!(
                lined.application.answer(first),
                Some(answer),
                "{lang:?}: the line {letter:?} in the line wizard"
            );
        }
        let mut app = App::new(
            content_in(lang),
            Application::default(),
            kzvisa::theme::Theme::PLAIN,
        );
        press(&mut app, "<Enter> 3");
        let footer: Vec<String> =
            kzvisa::keymap::footer(app.mode(), &app.content.ui.keys, &app.content.answer_keys())
                .map(|(keys, _)| keys)
                .collect();
        assert!(
            footer.contains(&format!("{yes}/{no}")),
            "{lang:?}: {footer:?}"
        );
    }
}

/// What was entered and what is ticked never disagree: a typed permit date means the permit was
/// obtained; a document whose points are all ticked is ready; a failing passport check means the
/// passport document is not "have"; an expired passport blocks, against today.
#[test]
fn verdicts_agree_with_what_was_entered() {
    use kzvisa::wizard::review::{self, Blocker, Mark, ReviewRow};
    let content = content_in(Lang::En);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1);
    let mut application = Application {
        route: Some(Route::WorkVisa),
        ..Application::default()
    };
    application.employer.permit_date = "2026-01-10".into();
    assert!(review::permit_obtained(&application));
    let (mark, text) = ReviewRow::Permit.describe(&application, &content, today);
    assert_eq!(mark, Mark::Done);
    assert!(
        text.replace('\u{a0}', " ").contains("10 January 2026"),
        "{text}"
    );

    let contract = content
        .guide
        .documents
        .items
        .iter()
        .position(|d| d.id == "employment_contract")
        .expect("the contract");
    let progress = application
        .documents
        .entry("employment_contract".into())
        .or_default();
    for point in &content.guide.documents.items[contract].items {
        progress.covered.insert(point.id.clone());
    }
    assert!(review::document_ready(
        &application,
        &content,
        contract,
        today
    ));
    let (mark, _) = ReviewRow::Document(contract).describe(&application, &content, today);
    assert_eq!(mark, Mark::Done);

    let passport = 0;
    application
        .documents
        .entry("passport".into())
        .or_default()
        .have = true;
    application.passport.expiry = "2019-01-01".into();
    application.passport.end_of_stay = "2027-06-01".into();
    let (mark, text) = ReviewRow::Document(passport).describe(&application, &content, today);
    assert_eq!(mark, Mark::Failed, "{text}");
    assert!(
        review::blockers(&application, &content, today).contains(&Blocker::PassportExpired {
            expiry: chrono::NaiveDate::from_ymd_opt(2019, 1, 1).expect("a date"),
        })
    );
    let (_, verdict) = ReviewRow::Passport.describe(&application, &content, today);
    assert!(
        verdict
            .replace('\u{a0}', " ")
            .contains("expired on 1 January 2019"),
        "{verdict}"
    );
}

/// `check` on the EAEU route lists only what that route asks: no visa form, fee or apostille.
#[test]
fn check_on_the_eaeu_route_lists_only_what_applies() {
    let data = tempfile::tempdir().expect("temp dir");
    let output = crate::cli::kzvisa(data.path(), &["new", "Ivan"], "\n1\n\nquit\n");
    assert_eq!(
        crate::cli::status(&output),
        0,
        "{}",
        crate::cli::stderr(&output)
    );
    let output = crate::cli::kzvisa(data.path(), &["check", "Ivan"], "");
    let out = crate::cli::stdout(&output);
    assert_eq!(crate::cli::status(&output), 1, "not ready yet: {out}");
    for absent in [
        "visa application form",
        "visa fee",
        "apostille",
        "work permit",
    ] {
        assert!(
            !out.to_lowercase().contains(absent),
            "{absent:?} listed: {out}"
        );
    }
    assert!(out.contains("Still to do:"), "{out}");
}

/// The review opens from any step with its key (r, or F3 in a text field), and Esc goes back to
/// where it was opened; a step opened from the review goes back to the review's row.
#[test]
fn the_review_opens_from_any_step_and_esc_returns_there() {
    let mut app = app();
    press(&mut app, "<Enter> 3 y");
    let question = app.application.place;
    press(&mut app, "r");
    assert!(matches!(app.application.place, Place::Review { .. }));
    press(&mut app, "<Esc>");
    assert_eq!(app.application.place, question);

    // From a text field the letter is typed; F3 opens the review.
    press(&mut app, "y y y <Enter> <Space> <Down>");
    let date = app.application.place;
    assert_eq!(app.mode(), Mode::FormText);
    press(&mut app, "r");
    assert_eq!(app.application.place, date, "r is typed into the field");
    assert_eq!(app.application.employer.permit_date, "r");
    press(&mut app, "<F3>");
    assert!(matches!(app.application.place, Place::Review { .. }));
    press(&mut app, "<Esc>");
    assert_eq!(app.application.place, date);
}

/// The welcome page (and every page of text with a scrollbar) scrolls with the list keys, as far
/// as its text goes and no further, its last line reachable at 80x24.
#[test]
fn the_welcome_scrolls_with_the_list_keys_to_its_last_line() {
    use kzvisa::app::Msg;
    let mut app = app();
    let draw = |app: &App| {
        let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24))
            .expect("a test terminal");
        let mut limit = None;
        terminal
            .draw(|frame| limit = kzvisa::ui::view_measured(app, frame))
            .expect("drawn");
        let screen: Vec<String> = (0..24)
            .map(|y| {
                (0..80)
                    .map(|x| terminal.backend().buffer()[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect();
        (
            limit.expect("the welcome is a page of text"),
            screen.join("\n"),
        )
    };
    let (limit, first) = draw(&app);
    assert!(limit > 0, "the welcome scrolls at 80x24");
    let last_line = app.content.ui.welcome.start.clone();
    let ending = last_line.split_whitespace().last().expect("words");
    assert!(
        !first.contains(ending),
        "the last line shows before scrolling"
    );
    app.update(Msg::ScrollLimit(limit));
    press(&mut app, "<Down>");
    assert_eq!(app.scroll, 1);
    press(&mut app, "<End>");
    assert_eq!(app.scroll, limit);
    let (_, bottom) = draw(&app);
    assert!(
        bottom.contains(ending),
        "End shows the last line:\n{bottom}"
    );
    press(&mut app, "<Down> <PgDn>");
    assert_eq!(app.scroll, limit, "no further than the text goes");
    press(&mut app, "<Up>");
    assert_eq!(app.scroll, limit - 1, "the first key up scrolls at once");
    press(&mut app, "<Home>");
    assert_eq!(app.scroll, 0);
    press(&mut app, &"<PgDn> ".repeat(10));
    assert_eq!(app.scroll, limit);
    // Going on starts the next page at its top.
    press(&mut app, "<Enter>");
    assert_eq!(app.scroll, 0);
}

/// Views take the time zone from the shell (`Msg::TimeZone`), never from the machine's clock.
#[test]
fn the_start_screen_shows_times_in_the_time_zone_the_shell_tells() {
    use kzvisa::app::Msg;
    use kzvisa::store::{Listing, Record};
    let updated =
        chrono::DateTime::parse_from_rfc3339("2026-02-02T10:00:00+00:00").expect("a time");
    let record = Record::new("Anna".into(), updated);
    let listing = Listing::Ready {
        path: "anna.yaml".into(),
        record: Box::new(record),
    };
    let mut app = App::start(
        content_in(Lang::En),
        vec![listing],
        kzvisa::theme::Theme::PLAIN,
    );
    let zone = chrono::FixedOffset::east_opt(5 * 3600).expect("an offset");
    app.update(Msg::TimeZone(zone));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24))
        .expect("a test terminal");
    terminal
        .draw(|frame| kzvisa::ui::view(&app, frame))
        .expect("drawn");
    let screen = terminal.backend().to_string();
    assert!(screen.contains("2026-02-02 15:00"), "{screen}");
}

/// The route by country on the route step, in both wizards and three languages: the typed
/// citizenship (letters folded) says what the sources say and highlights the route it suggests,
/// which the person still chooses.
#[test]
fn the_route_step_finds_the_route_by_citizenship_in_both_wizards() {
    use kzvisa::app::Msg;
    for (lang, country) in [
        (Lang::En, "russia"),
        (Lang::Ru, "Россия"),
        (Lang::Kk, "ресей"),
    ] {
        let mut keyed = App::new(
            content_in(lang),
            Application::default(),
            kzvisa::theme::Theme::PLAIN,
        );
        press(&mut keyed, "<Enter> <Down> <Down> <Tab>");
        assert_eq!(keyed.mode(), Mode::RouteCountry, "{lang:?}");
        for c in country.chars() {
            keyed.update(Msg::Edit(kzvisa::app::Edit::Insert(c)));
        }
        // q is a letter here, not quit.
        assert_eq!(keyed.country, country);
        let screen = screen_text(&keyed);
        let eaeu = &keyed.content.route_option(Route::Eaeu.index()).title;
        assert!(
            screen.contains(&eaeu.chars().take(20).collect::<String>()),
            "{lang:?}: the suggestion is not shown\n{screen}"
        );
        press(&mut keyed, "<Enter>");
        assert_eq!(
            keyed.application.place,
            Place::Route { option: 0 },
            "{lang:?}"
        );
        assert_eq!(keyed.application.route, None, "suggested, not chosen");
        press(&mut keyed, "<Enter>");
        assert_eq!(keyed.application.route, Some(Route::Eaeu), "{lang:?}");

        let lined = answered_in_lines_in(lang, &["", country, ""]);
        assert_eq!(lined.application.route, Some(Route::Eaeu), "{lang:?}");
    }
}

fn answered_in_lines_in(lang: Lang, lines: &[&str]) -> App {
    let mut app = App::new(
        content_in(lang),
        Application::default(),
        kzvisa::theme::Theme::PLAIN,
    );
    for line in lines {
        let question = plain::prompt(&app);
        match plain::reply(&app, line) {
            Reply::Send(msgs) => {
                for msg in msgs {
                    app.update(msg);
                }
            }
            other => panic!(
                "{line:?} at {:?} ({question:?}): {other:?}",
                app.application.place
            ),
        }
    }
    app
}
