//! What the content may claim: nothing no source confirms is a blocker, notes on their route,
//! the rules of 2026, the route by country, and Kazakh and Russian as a person writes them.

use chrono::NaiveDate;

use kzvisa::content::{Confidence, Content, Note};
use kzvisa::countries::{self, Lookup};
use kzvisa::lang::Lang;
use kzvisa::report::{self, Block};
use kzvisa::wizard::review::{self, Answer, Confirm, Mark, ReviewRow};
use kzvisa::wizard::{Application, Route};

use super::cli::{kzvisa, status, stderr, stdout};
use super::common::{completed, content, content_in};

fn today() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, 12, 1)
}

fn criterion(content: &Content, id: &str) -> usize {
    content
        .guide
        .eligibility
        .criteria
        .iter()
        .position(|c| c.id == id)
        .expect("the criterion exists")
}

/// Everything done, with "no" to the medical examination.
fn completed_but_no_medical() -> Application {
    let mut app = completed().application;
    app.eligibility.insert("medical".into(), false);
    app
}

#[test]
fn no_requirement_whose_only_sources_are_low_can_block_in_any_language() {
    for lang in Lang::ALL {
        let content = content_in(lang);
        let guide = &content.guide;
        let low_only = |at: String| {
            let notes: Vec<&Note> = content.notes_at(&at).collect();
            !notes.is_empty() && notes.iter().all(|n| n.confidence == Confidence::Low)
        };
        for criterion in &guide.eligibility.criteria {
            if low_only(format!("criterion:{}", criterion.id)) {
                assert!(criterion.to_confirm, "[{lang:?}] {}", criterion.id);
            }
        }
        for document in &guide.documents.items {
            if low_only(format!("document:{}", document.id)) {
                assert!(document.to_confirm, "[{lang:?}] {}", document.id);
            }
        }
        // DOMAIN.md found no current rule for these: never blockers.
        let to_confirm: Vec<&str> = guide
            .eligibility
            .criteria
            .iter()
            .filter(|c| c.to_confirm)
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(to_confirm, ["medical", "criminal_record"], "[{lang:?}]");
        let letters = guide
            .documents
            .items
            .iter()
            .find(|d| d.id == "reference_letters");
        assert!(letters.is_some_and(|d| d.to_confirm), "[{lang:?}]");
        // Every "no": only what sources confirm blocks.
        let mut app = Application::default();
        for criterion in &guide.eligibility.criteria {
            app.eligibility.insert(criterion.id.clone(), false);
        }
        let blocking: Vec<String> = review::blockers(&app, &content, today())
            .iter()
            .map(|b| b.text(&content))
            .collect();
        assert_eq!(blocking.len(), 2, "[{lang:?}] {blocking:?}");
        assert!(
            !blocking
                .iter()
                .any(|b| b.contains(&guide.eligibility.criteria[2].title)),
            "[{lang:?}] {blocking:?}"
        );
    }
}

#[test]
fn a_no_to_the_medical_examination_is_to_confirm_in_the_review_not_a_blocker() {
    let content = content();
    let app = completed_but_no_medical();
    let medical = criterion(&content, "medical");
    let criterion = &content.guide.eligibility.criteria[medical];
    assert_eq!(review::answer(&app, criterion), Answer::ToConfirm);
    assert!(review::blockers(&app, &content, today()).is_empty());
    assert_eq!(
        review::to_confirm(&app, &content, today()),
        [Confirm::Criterion(medical)]
    );
    let rows = review::rows(&app, &content, today());
    assert!(!rows.iter().any(|r| matches!(r, ReviewRow::Blocker(_))));
    let (mark, text) =
        ReviewRow::Confirm(Confirm::Criterion(medical)).describe(&app, &content, today());
    assert_eq!(mark, Mark::Confirm);
    assert!(
        text.starts_with("Medical examination: Ask your employer which health papers apply."),
        "{text}"
    );
    let (mark, text) = ReviewRow::Criterion(medical).describe(&app, &content, today());
    assert_eq!(mark, Mark::Open, "{text}");
    assert!(text.contains("To confirm with your employer"), "{text}");

    // The export says nothing blocks, and lists it to confirm, with its note.
    let blocks = report::review(&content, &app, today());
    let at = blocks
        .iter()
        .position(|b| *b == Block::Heading("What blocks your application".into()))
        .expect("the blockers' heading");
    assert_eq!(
        blocks[at + 1],
        Block::Paragraph("Nothing blocks your application.".into())
    );
    let confirm = blocks
        .iter()
        .position(|b| *b == Block::Heading("To confirm with your employer".into()))
        .expect("the heading of what to confirm");
    let Block::Bullets(lines) = &blocks[confirm + 1] else {
        panic!("bullets under {:?}", blocks[confirm]);
    };
    assert!(
        lines[0].contains("No current official medical rule"),
        "{lines:?}"
    );
    assert!(
        lines[0].contains("dropped from work-permit files"),
        "{lines:?}"
    );
}

#[test]
fn check_lists_the_medical_examination_to_confirm_and_is_ready() {
    let content = content();
    let app = completed_but_no_medical();
    let check = report::check(&content, &app, today());
    assert!(check.blockers.is_empty(), "{check:?}");
    assert_eq!(check.to_confirm.len(), 1, "{check:?}");
    assert!(check.ready(), "{check:?}");
    let text = report::check_text(&content, "Aigerim", &check);
    assert!(text.contains("Nothing blocks \"Aigerim\"."), "{text}");
    assert!(text.contains("To confirm with your employer"), "{text}");
    assert!(
        text.contains("? Medical examination: Ask your employer"),
        "{text}"
    );

    // The real command: exit 0, the medical examination under what to confirm.
    let data = tempfile::tempdir().expect("temp dir");
    let now = chrono::Local::now().fixed_offset();
    let mut record = kzvisa::store::Record::new("Aigerim".into(), now);
    record.application = app;
    kzvisa::store::save(&data.path().join("aigerim.yaml"), &record).expect("saved");
    let output = kzvisa(data.path(), &["check", "Aigerim"], "");
    let out = stdout(&output);
    assert_eq!(status(&output), 0, "{out}{}", stderr(&output));
    assert!(!out.contains("✗"), "{out}");
    assert!(out.contains("? Medical examination"), "{out}");
}

#[test]
fn check_still_asks_for_the_permit_when_a_criterion_blocks() {
    let content = content();
    let mut app = Application {
        route: Some(Route::WorkVisa),
        ..Application::default()
    };
    app.eligibility.insert("job_offer".into(), false);
    let check = report::check(&content, &app, today());
    assert_eq!(check.blockers.len(), 1);
    assert!(
        check.to_do.contains(&content.steps.employer.ask_permit),
        "{:?}",
        check.to_do
    );
    let action = &content.guide.eligibility.criteria[0].action;
    assert!(!check.to_do.contains(action), "{:?}", check.to_do);
}

#[test]
fn every_note_is_on_its_route_and_after_arrival_shows_only_the_routes() {
    for lang in Lang::ALL {
        let content = content_in(lang);
        for note in &content.notes {
            for route in &note.routes {
                assert!(Route::from_id(route).is_some(), "[{lang:?}] {}", note.id);
            }
        }
        let ids = |route: Route| -> Vec<String> {
            let app = Application {
                route: Some(route),
                ..Application::default()
            };
            report::after_arrival_notes(&content, &app)
                .iter()
                .map(|n| n.id.clone())
                .collect()
        };
        let visa = ids(Route::WorkVisa);
        assert!(
            visa.contains(&"notify_within_3_business_days".into()),
            "{visa:?}"
        );
        assert!(
            !visa.contains(&"register_online_visa_free".into()),
            "{visa:?}"
        );
        assert!(visa.contains(&"iin_in_person".into()), "{visa:?}");
        for route in [Route::VisaFree, Route::Eaeu] {
            let free = ids(route);
            assert!(
                !free.contains(&"notify_within_3_business_days".into()),
                "{free:?}"
            );
            assert!(
                free.contains(&"register_online_visa_free".into()),
                "{free:?}"
            );
            assert!(free.contains(&"reregister_after_moving".into()), "{free:?}");
            assert!(free.contains(&"iin_in_person".into()), "{free:?}");
        }
    }
    // The export of a visa-free application says what its route asks, not the host's notice.
    let content = content();
    let app = Application {
        route: Some(Route::VisaFree),
        ..Application::default()
    };
    let text = report::text(
        &report::checklist(&content, "A", &app, today().expect("a date")),
        None,
    );
    assert!(text.contains("within 30 calendar days"), "{text}");
    assert!(text.contains("5 working days"), "{text}");
    assert!(!text.contains("within 3 business days"), "{text}");
}

#[test]
fn the_rules_of_2026_are_in_the_notes_with_their_sources() {
    let content = content();
    let note = |id: &str| {
        content
            .notes
            .iter()
            .find(|n| n.id == id)
            .unwrap_or_else(|| panic!("note {id}"))
    };
    let notify = note("notify_within_3_business_days");
    assert_eq!(
        (notify.at.as_str(), notify.confidence),
        ("step:after_arrival", Confidence::High)
    );
    let register = note("register_online_visa_free");
    assert!(register.text.contains("30 calendar days"));
    assert!(register.text.contains("1 July 2026"));
    assert_eq!(register.confidence, Confidence::High);
    assert!(register.sources.iter().any(|s| s.url.contains("trend.az")));
    let moving = note("reregister_after_moving");
    assert!(moving.text.contains("5 working days"));
    let iin = note("iin_in_person");
    assert_eq!(iin.confidence, Confidence::Medium);
    assert!(iin.text.contains("in person") && iin.text.contains("employment contract"));
    assert!(iin.text.contains("bank account"));
    assert!(iin.routes.is_empty());
    let invitation = note("invitation_14_to_90_days");
    assert_eq!(invitation.at, "step:employer");
    assert!(invitation.text.contains("14 to 90 calendar days"));
    let minsk = note("no_apostille_minsk_chisinau");
    assert_eq!(minsk.at, "document:educational_certificates");
    for state in [
        "Azerbaijan",
        "Georgia",
        "Tajikistan",
        "Turkmenistan",
        "Uzbekistan",
    ] {
        assert!(minsk.text.contains(state), "{state}");
    }
    let welcome: Vec<&Note> = content.notes_at("step:welcome").collect();
    assert!(
        welcome
            .iter()
            .any(|n| n.text.contains("permanent residence"))
    );
}

#[test]
fn everything_was_checked_on_the_day_it_was_rechecked() {
    let day = today().expect("a date");
    for lang in Lang::ALL {
        let content = content_in(lang);
        assert_eq!(content.guide.checked, day, "[{lang:?}]");
        for note in &content.notes {
            assert_eq!(note.checked, day, "[{lang:?}] {}", note.id);
        }
        for regime in &content.countries {
            assert_eq!(regime.checked, day, "[{lang:?}] {}", regime.id);
        }
    }
}

#[test]
fn the_apostille_point_is_not_asked_on_the_eaeu_route_in_any_language() {
    for lang in Lang::ALL {
        let content = content_in(lang);
        let certificates = content
            .guide
            .documents
            .items
            .iter()
            .find(|d| d.id == "educational_certificates")
            .expect("the certificates");
        let apostille = certificates
            .items
            .iter()
            .find(|p| p.id == "apostille")
            .expect("the apostille point");
        assert_eq!(apostille.not_on_routes, ["eaeu"], "[{lang:?}]");
        let eaeu = Application {
            route: Some(Route::Eaeu),
            ..Application::default()
        };
        assert!(!review::point_applies(&eaeu, apostille), "[{lang:?}]");
        let visa = Application {
            route: Some(Route::WorkVisa),
            ..Application::default()
        };
        assert!(review::point_applies(&visa, apostille), "[{lang:?}]");
    }
    let content = content();
    let point = &content.guide.documents.items[2].items[0];
    assert!(
        point.action.contains("Minsk or Chisinau"),
        "{}",
        point.action
    );
}

#[test]
fn statements_that_no_source_makes_are_gone() {
    let content = content();
    let steps = &content.steps;
    assert!(!steps.employer.intro.contains("issues your invitation"));
    assert!(steps.employer.intro.contains("migration service approves"));
    let options: Vec<&str> = steps
        .route
        .options
        .iter()
        .map(|o| o.outcome.as_str())
        .collect();
    assert!(
        options.iter().all(|o| !o.contains("much of it")),
        "{options:?}"
    );
    assert!(options[2].contains("usually"), "{}", options[2]);
    assert!(!content.ui.submission.fee_amount_hint.contains("USD"));
    let certificates = &content.guide.documents.items[2];
    assert!(
        certificates
            .items
            .iter()
            .all(|p| !p.action.contains("country that issued"))
    );
    let eaeu = content
        .notes
        .iter()
        .find(|n| n.id == "route_eaeu_no_permit")
        .expect("note");
    assert!(
        !eaeu.text.to_lowercase().contains("official sources"),
        "{}",
        eaeu.text
    );
    let fee = content
        .notes
        .iter()
        .find(|n| n.id == "visa_fee_per_mission")
        .expect("note");
    assert!(fee.text.contains("no amount"), "{}", fee.text);
    let medical = content
        .notes
        .iter()
        .find(|n| n.id == "medical_ask_employer")
        .expect("note");
    assert!(
        medical.text.contains("dropped from work-permit files"),
        "{}",
        medical.text
    );
    let diploma = content
        .notes
        .iter()
        .find(|n| n.id == "qualifications_papers")
        .expect("note");
    assert!(!diploma.text.contains("permit file"), "{}", diploma.text);
    assert!(
        diploma.text.contains("For diploma recognition"),
        "{}",
        diploma.text
    );
}

/// The sentences of a text: ended by `.`, `?` or `!` before a space or the end, or by `;`.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        current.push(*c);
        let next_is_space = chars.get(i + 1).is_none_or(|n| n.is_whitespace());
        if (matches!(c, '.' | '?' | '!') && next_is_space) || *c == ';' {
            out.push(current.trim().to_string());
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_string());
    }
    out
}

#[test]
fn no_note_sentence_is_longer_than_25_words_in_any_language() {
    for lang in Lang::ALL {
        let content = content_in(lang);
        let texts = content
            .notes
            .iter()
            .map(|n| (n.id.as_str(), n.text.as_str()))
            .chain(
                content
                    .countries
                    .iter()
                    .map(|r| (r.id.as_str(), r.text.as_str())),
            );
        for (id, text) in texts {
            for sentence in sentences(text) {
                let words = sentence.split_whitespace().count();
                assert!(words <= 25, "[{lang:?}] {id}: {words} words: {sentence}");
            }
        }
    }
}

#[test]
fn kazakh_notes_put_the_advice_verb_last_and_never_first() {
    let content = content_in(Lang::Kk);
    let advice = &content.ui.notes.advice;
    for note in &content.notes {
        let first = note.text.split_whitespace().next().unwrap_or_default();
        assert!(
            !advice
                .iter()
                .any(|word| first.to_lowercase().starts_with(&word.to_lowercase())),
            "{}: {}",
            note.id,
            note.text
        );
        if note.confidence == Confidence::Low {
            assert!(content.advises(&note.text), "{}: {}", note.id, note.text);
        }
    }
    // English and Russian still open with it.
    for lang in [Lang::En, Lang::Ru] {
        let content = content_in(lang);
        for note in content
            .notes
            .iter()
            .filter(|n| n.confidence == Confidence::Low)
        {
            assert!(
                content
                    .ui
                    .notes
                    .advice
                    .iter()
                    .any(|w| note.text.starts_with(w.as_str())),
                "[{lang:?}] {}",
                note.id
            );
        }
    }
}

#[test]
fn kazakh_counts_put_no_suffix_on_a_number() {
    let content = content_in(Lang::Kk);
    let ui = &content.ui;
    let plurals = [
        &ui.documents.items_done,
        &ui.review.documents_missing,
        &ui.faq.count,
    ];
    let mut texts: Vec<&str> = vec![&ui.progress, &ui.eligibility.question_number];
    for plural in plurals {
        texts.push(&plural.other);
        texts.extend(plural.one.as_deref());
    }
    for text in texts {
        // A number written in for {name} must end a word: no case ending after it, and no
        // genitive noun before it that asks for a possessive ending on it.
        let mut rest = text;
        while let Some(close) = rest.find('}') {
            let after = rest[close + 1..].chars().next();
            assert!(
                after.is_none_or(|c| !c.is_alphabetic() && c != '-'),
                "a suffix after a number in {text:?}"
            );
            rest = &rest[close + 1..];
        }
        assert!(
            !text.contains("тың {") && !text.contains("тің {"),
            "{text:?}"
        );
        assert!(
            !text.contains("ның {") && !text.contains("нің {"),
            "{text:?}"
        );
    }
}

#[test]
fn russian_uses_the_official_terms_and_no_calques() {
    let content = content_in(Lang::Ru);
    assert!(content.ui.export.title.contains("необходимые документы"));
    assert!(
        content.ui.dates.hint.contains("2031-03-31"),
        "{}",
        content.ui.dates.hint
    );
    let all = format!(
        "{:?}{:?}{:?}{:?}{:?}",
        content.guide, content.faq, content.ui, content.steps, content.notes
    );
    for calque in [
        "контрольный список",
        "Проверка вашего прошлого",
        "Более старый источник",
        "выступить спонсором",
    ] {
        assert!(!all.contains(calque), "{calque}");
    }
}

#[test]
fn a_country_is_found_in_three_languages_with_folded_letters() {
    let content = content();
    for query in [
        "Russia",
        "russian federation",
        "РОССИЯ",
        "Ресей",
        "ru",
        "RUS",
    ] {
        let found = countries::lookup(&content, query);
        assert_eq!(found.route(), Some(Route::Eaeu), "{query}");
    }
    // Kazakh letters typed on a Russian keyboard, Latin accents left out.
    for query in ["кыргызстан", "Қырғызстан", "Киргизия"] {
        assert_eq!(
            countries::lookup(&content, query).route(),
            Some(Route::Eaeu),
            "{query}"
        );
    }
    for query in ["turkiye", "Türkiye", "Turkey", "ТҮРКИЯ", "туркия", "Турция"] {
        match countries::lookup(&content, query) {
            Lookup::Known { regime, country } => {
                assert_eq!(country.code, "TR", "{query}");
                assert_eq!(regime.days, Some(90), "{query}");
                assert_eq!(regime.route, "visa_free");
            }
            other => panic!("{query}: {other:?}"),
        }
    }
    let days = |query: &str| match countries::lookup(&content, query) {
        Lookup::Known { regime, .. } => regime.days,
        other => panic!("{query}: {other:?}"),
    };
    assert_eq!(days("United States"), Some(30));
    assert_eq!(days("Үндістан"), Some(14));
    assert_eq!(days("  иран "), Some(14));
    assert!(matches!(
        countries::lookup(&content, "Бразилия"),
        Lookup::NoData { .. }
    ));
    assert_eq!(countries::lookup(&content, "Narnia"), Lookup::Unknown);
    assert_eq!(countries::lookup(&content, ""), Lookup::Unknown);
    // The answer names the country in the reader's language, with the source's date.
    let kk = content_in(Lang::Kk);
    let text = countries::answer_text(&kk, "ресей", &countries::lookup(&kk, "ресей"));
    assert!(text.starts_with("Ресей"), "{text}");
    assert!(text.contains("2020-11-24"), "{text}");
    assert!(text.contains(&kk.ui.route.lists_change), "{text}");
}

#[test]
fn route_prints_what_the_sources_say_and_tells_by_its_status() {
    let data = tempfile::tempdir().expect("temp dir");
    let output = kzvisa(data.path(), &["route", "Türkiye"], "");
    let out = stdout(&output);
    assert_eq!(status(&output), 0, "{out}{}", stderr(&output));
    assert!(out.contains("90 days"), "{out}");
    assert!(out.contains("2025-07"), "{out}");
    assert!(out.contains("Lists change"), "{out}");
    assert!(
        out.contains("Citizens of my country enter Kazakhstan without a visa"),
        "{out}"
    );

    let output = kzvisa(data.path(), &["--lang", "ru", "route", "кыргызстан"], "");
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    assert!(stdout(&output).contains("ЕАЭС"), "{}", stdout(&output));

    let output = kzvisa(data.path(), &["route", "Brazil"], "");
    assert_eq!(status(&output), 1);
    assert!(stdout(&output).contains("say nothing of citizens of Brazil"));
    let output = kzvisa(data.path(), &["route", "Narnia", "<b>"], "");
    assert_eq!(status(&output), 1);
    assert!(stdout(&output).contains("does not know a country called \"Narnia <b>\""));
}
