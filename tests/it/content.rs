//! The texts: every statement of the source article is in the content, and a broken content
//! folder is refused with an error that says where.

use std::fs;
use std::path::{Path, PathBuf};

use kzvisa::content::Content;
use kzvisa::error::Error;
use kzvisa::lang::Lang;

use crate::common::content;

/// Every text a person can read in the guide and the FAQ, lowercased, whitespace collapsed.
fn all_texts(content: &Content) -> String {
    let guide = &content.guide;
    let mut texts: Vec<&str> = vec![&guide.title, &guide.disclaimer, &guide.eligibility.intro];
    texts.extend(guide.welcome.iter().map(String::as_str));
    for c in &guide.eligibility.criteria {
        texts.extend(
            [&c.title, &c.question, &c.explanation, &c.not_met, &c.action].map(String::as_str),
        );
    }
    texts.push(&guide.documents.intro);
    for d in &guide.documents.items {
        texts.extend([&d.title, &d.must_show, &d.action].map(String::as_str));
        for item in &d.items {
            texts.extend([&item.title, &item.action].map(String::as_str));
        }
    }
    let submission = &guide.submission;
    texts.push(&submission.where_to_apply);
    for step in [
        &submission.application_form,
        &submission.visa_fee,
        &submission.interview,
    ] {
        texts.extend([&step.title, &step.explanation].map(String::as_str));
    }
    for entry in &content.faq {
        texts.extend([&entry.question, &entry.answer].map(String::as_str));
    }
    normal(&texts.join("\n"))
}

fn normal(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn assert_contains(haystack: &str, what: &str, phrases: &[&str]) {
    let haystack = normal(haystack);
    for phrase in phrases {
        assert!(
            haystack.contains(&normal(phrase)),
            "{what}: the content no longer says {phrase:?}"
        );
    }
}

#[test]
fn embedded_content_loads() {
    let content = content();
    assert_eq!(content.guide.eligibility.criteria.len(), 4);
    assert_eq!(content.guide.documents.items.len(), 4);
    assert_eq!(content.faq.len(), 5);
}

/// Each statement of the article, as (what it says, phrases that carry it).
const FACTS: &[(&str, &[&str])] = &[
    (
        "criterion: a job offer from a company registered in Kazakhstan",
        &[
            "job offer from a Kazakhstan-based employer",
            "valid employment offer from a company registered in Kazakhstan",
        ],
    ),
    (
        "criterion: qualifications and experience match the position",
        &[
            "qualifications and experience should match the position",
            "strict when they hire foreign workers",
            "skills and expertise are crucial",
        ],
    ),
    (
        "criterion: a medical examination against the government's health requirements",
        &[
            "medical examination",
            "health requirements set by the government of Kazakhstan",
        ],
    ),
    (
        "criterion: a clean criminal record, no convictions in the background check",
        &[
            "clean criminal record is a prerequisite",
            "background check should not reveal any criminal convictions",
        ],
    ),
    (
        "document: passport valid six months beyond the stay",
        &["valid for at least six months beyond your intended stay"],
    ),
    (
        "document: contract with salary, working hours, responsibilities",
        &[
            "employment contract",
            "terms and conditions of your employment",
            "your salary",
            "your working hours",
            "your job responsibilities",
        ],
    ),
    (
        "document: copies of educational certificates and other qualifications",
        &[
            "copies of your educational certificates and any other relevant qualifications",
            "suitable for the position",
        ],
    ),
    (
        "document: reference letters on skills, experience and work ethic",
        &[
            "reference letters",
            "previous employers or professional contacts",
            "your skills, your experience and your work ethic",
        ],
    ),
    (
        "requirements vary with circumstances and the employer",
        &["requirements vary with your circumstances and with the employer"],
    ),
    (
        "where to apply",
        &["nearest Kazakhstan embassy or consulate in your home country"],
    ),
    (
        "step: the form, accurately and truthfully",
        &["visa application form", "accurately and truthfully"],
    ),
    (
        "step: the fee, its amount and payment method from the embassy or consulate",
        &[
            "visa fee",
            "embassy or consulate for the exact amount and the payment method",
        ],
    ),
    (
        "step: an interview if called",
        &[
            "interview (if required)",
            "you may be called to an interview",
            "eligibility and your suitability",
        ],
    ),
    (
        "disclaimer",
        &[
            "not legal advice",
            "requirements vary with your situation and change over time",
            "confirm every point with the Kazakhstan embassy or consulate and with your employer",
        ],
    ),
];

#[test]
fn every_statement_of_the_article_is_in_the_content() {
    let texts = all_texts(&content());
    for (what, phrases) in FACTS {
        assert_contains(&texts, what, phrases);
    }
}

#[test]
fn criteria_follow_the_article_in_order_with_their_explanations() {
    let content = content();
    let criteria = &content.guide.eligibility.criteria;
    // (id, what the question asks about, what the explanation must say)
    let expected: [(&str, &str, &[&str]); 4] = [
        (
            "job_offer",
            "job offer",
            &["company registered in Kazakhstan"],
        ),
        (
            "qualifications",
            "qualifications and experience",
            &["qualifications and experience", "match the position"],
        ),
        (
            "medical",
            "medical examination",
            &[
                "medical examination",
                "health requirements set by the government",
            ],
        ),
        (
            "criminal_record",
            "criminal record",
            &["clean criminal record", "criminal convictions"],
        ),
    ];
    let ids: Vec<&str> = criteria.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, expected.map(|(id, ..)| id));
    for (criterion, (id, asks, phrases)) in criteria.iter().zip(expected) {
        assert_contains(
            &criterion.explanation,
            &format!("{id}: explanation"),
            phrases,
        );
        assert_contains(&criterion.question, &format!("{id}: question"), &[asks]);
        assert!(
            !criterion.not_met.trim().is_empty(),
            "{id}: not_met is empty"
        );
    }
}

#[test]
fn documents_follow_the_article_and_the_contract_lists_its_terms_as_points() {
    let content = content();
    let documents = &content.guide.documents;
    assert_contains(
        &documents.intro,
        "documents intro",
        &["vary", "circumstances", "employer"],
    );
    let expected: [(&str, &[&str]); 4] = [
        (
            "passport",
            &["at least six months beyond your intended stay"],
        ),
        ("employment_contract", &["terms and conditions"]),
        (
            "educational_certificates",
            &[
                "copies of your educational certificates",
                "other relevant qualifications",
            ],
        ),
        (
            "reference_letters",
            &[
                "previous employers or professional contacts",
                "skills",
                "experience",
                "work ethic",
            ],
        ),
    ];
    let ids: Vec<&str> = documents.items.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, expected.map(|(id, _)| id));
    for (document, (id, phrases)) in documents.items.iter().zip(expected) {
        assert_contains(&document.must_show, &format!("{id}: must_show"), phrases);
    }
    let contract = &documents.items[1];
    let points: Vec<(&str, String)> = contract
        .items
        .iter()
        .map(|p| (p.id.as_str(), p.title.to_lowercase()))
        .collect();
    assert_eq!(points.len(), 3, "the contract's points: {points:?}");
    for (point, (id, word)) in points.iter().zip([
        ("salary", "salary"),
        ("working_hours", "working hours"),
        ("responsibilities", "job responsibilities"),
    ]) {
        assert_eq!(point.0, id);
        assert!(point.1.contains(word), "{id}: title {:?}", point.1);
    }
}

#[test]
fn submission_says_where_and_the_three_steps() {
    let content = content();
    let submission = &content.guide.submission;
    assert_contains(
        &submission.where_to_apply,
        "where",
        &["nearest Kazakhstan embassy or consulate in your home country"],
    );
    assert_contains(
        &submission.application_form.explanation,
        "form",
        &["accurately and truthfully"],
    );
    assert_contains(
        &submission.visa_fee.explanation,
        "fee",
        &["embassy or consulate", "exact amount", "payment method"],
    );
    assert_contains(
        &submission.interview.title,
        "interview title",
        &["interview", "if required"],
    );
    assert_contains(
        &submission.interview.explanation,
        "interview",
        &["called to an interview"],
    );
}

#[test]
fn faq_has_the_five_questions_with_their_answers() {
    let content = content();
    let expected: [(&str, &str, &str, &[&str]); 5] = [
        (
            "without_job_offer",
            "without a job offer",
            "No",
            &[
                "job offer from a Kazakhstan-based employer is mandatory",
                "not eligible to apply",
            ],
        ),
        (
            "processing_time",
            "how long",
            "",
            &[
                "varies",
                "workload at the embassy or consulate",
                "how complete your application is",
                "apply well in advance",
            ],
        ),
        (
            "family",
            "bring my family",
            "Yes",
            &[
                "sponsor your family members",
                "dependent visas",
                "immigration rules of Kazakhstan",
            ],
        ),
        (
            "permanent_residency",
            "lead to permanent residency",
            "Yes",
            &[
                "stepping stone to permanent residency",
                "strong ties",
                "residency requirements",
                "citizenship",
            ],
        ),
        (
            "type_of_work",
            "restrictions on the type of work",
            "No",
            &[
                "any occupation",
                "tied to a specific job offer",
                "new visa if you change employers or job positions",
            ],
        ),
    ];
    let ids: Vec<&str> = content.faq.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, expected.map(|(id, ..)| id));
    for (entry, (id, question, starts, phrases)) in content.faq.iter().zip(expected) {
        assert_contains(&entry.question, &format!("{id}: question"), &[question]);
        assert!(
            entry.answer.starts_with(starts),
            "{id}: the answer should start with {starts:?}"
        );
        assert_contains(&entry.answer, &format!("{id}: answer"), phrases);
    }
}

#[test]
fn disclaimer_says_it_is_not_legal_advice() {
    assert_contains(
        &content().guide.disclaimer,
        "disclaimer",
        &[
            "not legal advice",
            "vary",
            "change",
            "confirm",
            "embassy or consulate",
            "employer",
        ],
    );
}

#[test]
fn criteria_link_to_their_faq_entries() {
    let content = content();
    let criteria = &content.guide.eligibility.criteria;
    assert_eq!(criteria[0].faq.as_deref(), Some("without_job_offer"));
    for criterion in criteria {
        if let Some(id) = &criterion.faq {
            assert!(
                content.faq_entry(id).is_some(),
                "{}: no FAQ entry {id}",
                criterion.id
            );
        }
    }
}

// --- A content folder with one thing broken ------------------------------------------------------

/// A copy of `content/` (every language) in a temporary folder, to break one thing in.
struct Folder {
    dir: tempfile::TempDir,
}

const FILES: [&str; 6] = [
    "guide.yaml",
    "faq.yaml",
    "ui.yaml",
    "steps.yaml",
    "notes.yaml",
    "countries.yaml",
];

impl Folder {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("a temporary folder");
        for lang in Lang::ALL {
            let source = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("content")
                .join(lang.code());
            fs::create_dir(dir.path().join(lang.code())).expect("create the language's folder");
            for name in FILES {
                fs::copy(source.join(name), dir.path().join(lang.code()).join(name))
                    .expect("copy a content file");
            }
        }
        Folder { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.in_lang(Lang::En, name)
    }

    fn in_lang(&self, lang: Lang, name: &str) -> PathBuf {
        self.dir.path().join(lang.code()).join(name)
    }

    fn read(&self, name: &str) -> String {
        self.read_in(Lang::En, name)
    }

    fn read_in(&self, lang: Lang, name: &str) -> String {
        fs::read_to_string(self.in_lang(lang, name)).expect("read a content file")
    }

    /// Like [`Folder::replace`], in a translation.
    fn replace_in(&self, lang: Lang, name: &str, from: &str, to: &str) {
        let text = self.read_in(lang, name);
        assert_eq!(
            text.matches(from).count(),
            1,
            "{name} should contain {from:?} once"
        );
        fs::write(self.in_lang(lang, name), text.replacen(from, to, 1)).expect("write");
    }

    /// Replaces `from`, which must occur exactly once, so a changed file cannot make the test
    /// pass by breaking nothing.
    fn replace(&self, name: &str, from: &str, to: &str) {
        let text = self.read(name);
        assert_eq!(
            text.matches(from).count(),
            1,
            "{name} should contain {from:?} once"
        );
        fs::write(self.path(name), text.replacen(from, to, 1)).expect("write a content file");
    }

    fn load_error(&self) -> Error {
        self.load_error_in(Lang::En)
    }

    fn load_error_in(&self, lang: Lang) -> Error {
        match Content::from_dir(self.dir.path(), lang) {
            Ok(_) => panic!("the broken content should be refused"),
            Err(error) => error,
        }
    }
}

/// 1-based number of the line that starts with `prefix`.
fn line_of(text: &str, prefix: &str) -> usize {
    let lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, line)| line.starts_with(prefix))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(lines.len(), 1, "one line should start with {prefix:?}");
    lines[0]
}

#[test]
fn an_unbroken_copy_loads() {
    let folder = Folder::new();
    let content = Content::from_dir(folder.dir.path(), Lang::En).expect("the copied content loads");
    assert_eq!(content.faq.len(), 5);
}

#[test]
fn a_duplicate_criterion_id_is_refused_with_the_id_and_the_file() {
    let folder = Folder::new();
    folder.replace("guide.yaml", "- id: qualifications", "- id: job_offer");
    let error = folder.load_error().to_string();
    assert!(error.contains("'job_offer'"), "{error}");
    assert!(error.contains("twice"), "{error}");
    assert!(
        error.contains(&folder.path("guide.yaml").display().to_string()),
        "{error}"
    );
}

#[test]
fn a_duplicate_faq_id_is_refused_in_the_faq_file() {
    let folder = Folder::new();
    folder.replace("faq.yaml", "- id: family", "- id: processing_time");
    let error = folder.load_error().to_string();
    assert!(error.contains("'processing_time'"), "{error}");
    assert!(
        error.contains(&folder.path("faq.yaml").display().to_string()),
        "{error}"
    );
}

#[test]
fn an_empty_text_is_refused_with_its_key_path() {
    let folder = Folder::new();
    folder.replace(
        "guide.yaml",
        "      not_met: You need a medical examination that shows you meet the government's health requirements.",
        "      not_met: \"  \"",
    );
    let error = folder.load_error().to_string();
    let line = line_of(&folder.read("guide.yaml"), "      not_met: \"  \"");
    assert!(
        error.contains(&format!(
            "guide.yaml:{line}: [en] eligibility.criteria[medical].not_met is empty"
        )),
        "{error}"
    );
}

#[test]
fn an_empty_ui_text_is_refused_with_its_key_path() {
    let folder = Folder::new();
    folder.replace("ui.yaml", "  toggle: tick", "  toggle:");
    let error = folder.load_error().to_string();
    assert!(error.contains("keys.toggle"), "{error}");
    assert!(error.contains("ui.yaml"), "{error}");
}

#[test]
fn a_faq_reference_that_does_not_resolve_is_refused() {
    let folder = Folder::new();
    folder.replace("guide.yaml", "faq: type_of_work", "faq: kinds_of_work");
    let error = folder.load_error().to_string();
    assert!(error.contains("'kinds_of_work'"), "{error}");
    assert!(error.contains("'qualifications'"), "{error}");
    assert!(error.contains("guide.yaml"), "{error}");
}

#[test]
fn a_yaml_syntax_error_names_the_file_line_and_column() {
    let folder = Folder::new();
    let line = line_of(&folder.read("guide.yaml"), "  intro: Before you begin");
    folder.replace(
        "guide.yaml",
        "  intro: Before you begin",
        "  intro: Before: you begin",
    );
    let error = folder.load_error();
    assert!(matches!(error, Error::Syntax { .. }), "{error:?}");
    let text = error.to_string();
    // The second colon, at column 16, is where a plain text cannot hold a mapping.
    let place = format!("guide.yaml:{line}:16: ");
    assert!(text.contains(&place), "{text} should contain {place}");
    assert!(
        !text.contains(" at line "),
        "the place is said once: {text}"
    );
}

#[test]
fn an_unknown_key_is_refused_with_its_name_and_place() {
    let folder = Folder::new();
    let line = line_of(
        &folder.read("guide.yaml"),
        "      title: Medical examination",
    );
    folder.replace(
        "guide.yaml",
        "      title: Medical examination\n",
        "      title: Medical examination\n      deadline: soon\n",
    );
    let error = folder.load_error().to_string();
    assert!(error.contains("deadline"), "{error}");
    assert!(
        error.contains(&format!("guide.yaml:{}:", line + 1)),
        "{error}"
    );
}

#[test]
fn a_missing_key_is_refused() {
    let folder = Folder::new();
    folder.replace("ui.yaml", "too_small: ", "# too_small: ");
    let error = folder.load_error().to_string();
    assert!(error.contains("ui.yaml"), "{error}");
    assert!(error.contains("missing field `too_small`"), "{error}");
}

#[test]
fn a_missing_file_is_refused_with_its_path() {
    let folder = Folder::new();
    let path = folder.path("faq.yaml");
    fs::remove_file(&path).expect("remove faq.yaml");
    let error = folder.load_error();
    assert!(matches!(error, Error::Io { .. }), "{error:?}");
    assert!(
        error.to_string().contains(&path.display().to_string()),
        "{error}"
    );
}

// --- Notes --------------------------------------------------------------------------------------

#[test]
fn a_note_pointing_at_nothing_is_refused_with_its_id() {
    let folder = Folder::new();
    folder.replace(
        "notes.yaml",
        "at: criterion:medical",
        "at: criterion:dental",
    );
    let error = folder.load_error().to_string();
    assert!(error.contains("notes.yaml"), "{error}");
    assert!(error.contains("medical_ask_employer"), "{error}");
    assert!(error.contains("criterion:dental"), "{error}");
}

#[test]
fn a_note_without_a_source_is_refused() {
    let folder = Folder::new();
    let path = folder.path("notes.yaml");
    let text = fs::read_to_string(&path).expect("read");
    // The first note's sources emptied.
    let start = text.find("  sources:\n").expect("sources");
    let end = text[start..].find("  checked:").expect("checked") + start;
    let broken = format!("{}  sources: []\n{}", &text[..start], &text[end..]);
    fs::write(&path, broken).expect("write");
    let error = folder.load_error().to_string();
    assert!(
        error.contains("no_permanent_work_visa") && error.contains("no source"),
        "{error}"
    );
}

#[test]
fn a_note_without_a_checked_date_is_refused() {
    let folder = Folder::new();
    folder.replace(
        "notes.yaml",
        "  checked: 2026-12-01\n  confidence: medium\n\n- id: route_depends_on_citizenship",
        "  confidence: medium\n\n- id: route_depends_on_citizenship",
    );
    let error = folder.load_error().to_string();
    assert!(error.contains("checked"), "{error}");
}

#[test]
fn a_low_confidence_note_stating_a_rule_is_refused() {
    let folder = Folder::new();
    folder.replace(
        "notes.yaml",
        "Ask your employer which health papers apply.",
        "An HIV test is required.",
    );
    let error = folder.load_error().to_string();
    assert!(error.contains("medical_ask_employer"), "{error}");
    assert!(error.contains("may only advise"), "{error}");
}

#[test]
fn the_shipped_notes_cover_every_simplification_and_low_ones_only_advise() {
    let content = content();
    let low: Vec<_> = content
        .notes
        .iter()
        .filter(|n| n.confidence == kzvisa::content::Confidence::Low)
        .collect();
    assert!(!low.is_empty());
    for note in low {
        assert!(note.text.starts_with("Ask"), "{}: {}", note.id, note.text);
    }
    let text = |at: &str| -> String {
        content
            .notes_at(at)
            .map(|n| n.text.clone())
            .collect::<Vec<_>>()
            .join(" ")
    };
    // What the issue names, each where a person meets it.
    assert!(text("step:welcome").contains("no \"permanent work visa\""));
    assert!(text("step:employer").contains("akimat"));
    assert!(text("step:employer").contains("1 September 2025"));
    assert!(text("step:employer").contains("15 days"));
    assert!(text("criterion:job_offer").contains("permit first"));
    assert!(text("document:educational_certificates").contains("apostille"));
    assert!(
        text("document:educational_certificates")
            .contains("notarised Kazakh or Russian translation")
    );
    assert!(text("step:passport").contains("3 or 6 months"));
    assert!(text("step:after_arrival").contains("3 business days"));
    assert!(text("submission:application_form").contains("not a work route"));
    assert!(text("faq:permanent_residency").contains("separate application"));
    assert!(text("faq:type_of_work").contains("one employer"));
    assert!(text("route:eaeu").contains("no work permit"));
    assert!(text("route:visa_free").contains("temporary residence permit"));
    for note in &content.notes {
        assert!(!note.sources.is_empty(), "{}", note.id);
        for source in &note.sources {
            assert!(source.url.starts_with("http"), "{}", note.id);
        }
    }
}

// --- Translations checked against English ---------------------------------------------------------

/// Breaks one thing in a translation and checks that loading names the file, the line (where
/// `line_starts` begins, in the broken file), the language and what is wrong.
fn refused_translation(
    lang: Lang,
    name: &str,
    from: &str,
    to: &str,
    line_starts: &str,
    says: &str,
) {
    let folder = Folder::new();
    folder.replace_in(lang, name, from, to);
    let line = line_of(&folder.read_in(lang, name), line_starts);
    let error = folder.load_error_in(lang).to_string();
    let place = format!("{}:{line}: ", folder.in_lang(lang, name).display());
    assert!(error.starts_with(&place), "{place:?} expected in: {error}");
    assert!(error.contains(&format!("[{}] ", lang.code())), "{error}");
    assert!(error.contains(says), "{says:?} expected in: {error}");
    // English itself is unaffected.
    Content::from_dir(folder.dir.path(), Lang::En).expect("English still loads");
}

#[test]
fn a_missing_id_in_a_translation_is_named_with_its_place() {
    refused_translation(
        Lang::Ru,
        "faq.yaml",
        "- id: family\n",
        "- id: famliy\n",
        "- id: famliy",
        "[3]: this id is not in English",
    );
}

#[test]
fn an_extra_key_in_a_translation_is_refused() {
    refused_translation(
        Lang::Kk,
        "ui.yaml",
        "not_answered:",
        "extra: Артық\nnot_answered:",
        "extra:",
        "extra: 'extra' is not in English",
    );
}

#[test]
fn an_empty_text_in_a_translation_is_refused() {
    refused_translation(
        Lang::Ru,
        "ui.yaml",
        "not_answered: Нет ответа",
        "not_answered: \"\"",
        "not_answered:",
        "not_answered is empty",
    );
}

#[test]
fn a_placeholder_that_differs_from_english_is_refused() {
    refused_translation(
        Lang::Ru,
        "ui.yaml",
        "progress: Шаг {step} из {total}",
        "progress: Шаг {step} из {всего}",
        "progress:",
        "progress: has the placeholders {step} but English has {step}, {total}",
    );
}

#[test]
fn a_missing_plural_form_is_refused() {
    refused_translation(
        Lang::Ru,
        "ui.yaml",
        "    few: \"{done} из {total} пунктов\"\n",
        "",
        "  items_done:",
        "documents.items_done.few: the form 'few' is missing (ru needs it)",
    );
}

#[test]
fn a_changed_source_address_in_a_translation_is_refused() {
    let folder = Folder::new();
    let notes = folder.read_in(Lang::Kk, "notes.yaml");
    let url = notes
        .lines()
        .filter_map(|l| l.trim().strip_prefix("url: "))
        .find(|url| notes.matches(url).count() == 1)
        .expect("a source address cited once")
        .to_string();
    refused_translation(
        Lang::Kk,
        "notes.yaml",
        &format!("url: {url}\n      date"),
        "url: https://example.com/\n      date",
        "      url: https://example.com/",
        ".url: must be 'https://",
    );
}

#[test]
fn a_missing_id_in_a_translation_points_where_it_belongs() {
    let folder = Folder::new();
    let faq = folder.read_in(Lang::Ru, "faq.yaml");
    let start = faq.find("- id: family").expect("the family entry");
    let end = faq
        .find("- id: permanent_residency")
        .expect("the next entry");
    fs::write(
        folder.in_lang(Lang::Ru, "faq.yaml"),
        format!("{}{}", &faq[..start], &faq[end..]),
    )
    .expect("write");
    let error = folder.load_error_in(Lang::Ru).to_string();
    let line = line_of(
        &folder.read_in(Lang::Ru, "faq.yaml"),
        "- id: processing_time",
    );
    let expected = format!(
        "faq.yaml:{line}: [ru] [family]: the id 'family' is missing (after 'processing_time')"
    );
    assert!(error.contains(&expected), "{error}");
}

#[test]
fn a_requirement_whose_only_sources_are_low_cannot_be_a_blocker() {
    let folder = Folder::new();
    folder.replace(
        "guide.yaml",
        "      # Sources conflict on their form (low confidence): to confirm with the employer.\n      to_confirm: true\n",
        "",
    );
    let error = folder.load_error().to_string();
    assert!(error.contains("document:reference_letters"), "{error}");
    assert!(error.contains("to_confirm"), "{error}");
}

#[test]
fn a_kazakh_low_note_must_end_its_first_sentence_with_the_advice_verb() {
    let folder = Folder::new();
    folder.replace_in(
        Lang::Kk,
        "notes.yaml",
        "жұмыс берушіңізден сұраңыз. Жұмыс",
        "жұмыс берушіңізден біліңіз. Жұмыс",
    );
    let error = folder.load_error_in(Lang::Kk).to_string();
    assert!(error.contains("medical_ask_employer"), "{error}");
    assert!(error.contains("end its first sentence"), "{error}");
}
