//! Reads `content/` into the types the program uses and stores each language compactly with
//! postcard in OUT_DIR, so a start decodes the texts instead of parsing YAML (most of the time to
//! the first frame). A file of the wrong shape fails the build with its path, line and column;
//! the checks of what the files say run when the program loads them, and in the tests.

use std::path::Path;

#[allow(dead_code)] // The build reads and writes these types; it uses none of their methods.
#[path = "src/content/data.rs"]
mod data;

fn main() {
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/content/data.rs");
    // The calendar and the durations are the same in every language.
    let content = Path::new("content");
    let timing = data::Timing {
        calendar: read(content, "calendar.yaml"),
        durations: read(content, "durations.yaml"),
    };
    let bytes = postcard::to_allocvec(&timing).expect("the calendar can be stored");
    let target = Path::new(&out).join("timing.postcard");
    std::fs::write(&target, bytes)
        .unwrap_or_else(|e| panic!("{}: cannot be written: {e}", target.display()));
    for lang in ["en", "ru", "kk"] {
        let dir = Path::new("content").join(lang);
        println!("cargo::rerun-if-changed={}", dir.display());
        // The notes and the countries apart, for the program to decode when it first reads them.
        let notes: Vec<data::Note> = read(&dir, "notes.yaml");
        let countries: Vec<data::Regime> = read(&dir, "countries.yaml");
        let files = data::Files {
            guide: read(&dir, "guide.yaml"),
            faq: read(&dir, "faq.yaml"),
            ui: read(&dir, "ui.yaml"),
            steps: read(&dir, "steps.yaml"),
            notes: Vec::new(),
            countries: Vec::new(),
        };
        let out = Path::new(&out);
        let places: Vec<data::NotePlace> = notes.iter().map(data::Note::place).collect();
        store(
            &dir,
            &out.join(format!("{lang}.postcard")),
            &(&files, &places),
        );
        store(&dir, &out.join(format!("{lang}-notes.postcard")), &notes);
        store(
            &dir,
            &out.join(format!("{lang}-countries.postcard")),
            &countries,
        );
    }
    country_names(Path::new(&out));
    link_order();
}

/// Lays out the code a start runs together at the head of the binary's text: lld places the
/// functions `benches/startup.order` lists (made by `benches/order.sh`) first, so a start maps
/// a few hundred KiB of code instead of pages scattered over 3 MiB. A stale list costs nothing
/// but the gain. Only for a release build of the target whose linker is known to be rustc's own
/// lld (since Rust 1.90); a linker chosen otherwise may not know the options.
fn link_order() {
    println!("cargo::rerun-if-changed=benches/startup.order");
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    let own_lld = var("TARGET") == "x86_64-unknown-linux-gnu"
        && std::env::var_os("RUSTC_LINKER").is_none()
        && !var("CARGO_ENCODED_RUSTFLAGS").contains("link")
        && rustc_minor().is_some_and(|minor| minor >= 90);
    if var("PROFILE") != "release" || !own_lld {
        return;
    }
    let order = Path::new(&var("CARGO_MANIFEST_DIR")).join("benches/startup.order");
    if order.is_file() {
        println!(
            "cargo::rustc-link-arg-bins=-Wl,--symbol-ordering-file={}",
            order.display()
        );
        println!("cargo::rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
    }
    // benches/order.sh reads where each function landed from the linker's map.
    let map = Path::new(&var("OUT_DIR")).join("kzvisa.map");
    println!("cargo::rustc-link-arg-bins=-Wl,-Map={}", map.display());
}

/// The minor version of the rustc cargo builds with (1.95.0: 95).
fn rustc_minor() -> Option<u32> {
    let rustc = std::env::var_os("RUSTC")?;
    let output = std::process::Command::new(rustc).arg("-V").output().ok()?;
    let version = String::from_utf8(output.stdout).ok()?;
    version.split(['.', ' ']).nth(2)?.parse().ok()
}

fn store(dir: &Path, target: &Path, value: &impl serde::Serialize) {
    let bytes = postcard::to_allocvec(value)
        .unwrap_or_else(|e| panic!("{}: cannot be stored: {e}", dir.display()));
    std::fs::write(target, bytes)
        .unwrap_or_else(|e| panic!("{}: cannot be written: {e}", target.display()));
}

/// The names of every ISO 3166-1 country in English, Russian and Kazakh, with the other names
/// and codes people type, from keshvar's CLDR translations; a country whose Kazakh name CLDR
/// lacks keeps the English one there. Stored as [`data::CountryName`]s.
fn country_names(out: &Path) {
    let mut names: Vec<data::CountryName> = keshvar::CountryIterator::new()
        .map(|country| {
            let translations = country.translations();
            let name = |lang: &str| {
                translations
                    .get(lang)
                    .map_or_else(|| country.iso_short_name().to_string(), |n| n.to_string())
            };
            let mut other: Vec<String> = country
                .unofficial_name_list()
                .iter()
                .map(|n| n.to_string())
                .chain([
                    country.iso_short_name().to_string(),
                    country.alpha3().to_string(),
                ])
                .collect();
            other.sort();
            other.dedup();
            data::CountryName {
                code: country.alpha2().to_string(),
                en: name("en"),
                ru: name("ru"),
                kk: name("kk"),
                other,
            }
        })
        .collect();
    names.sort_by(|a, b| a.code.cmp(&b.code));
    let bytes = postcard::to_allocvec(&names).expect("country names can be stored");
    let target = out.join("countries.postcard");
    std::fs::write(&target, bytes)
        .unwrap_or_else(|e| panic!("{}: cannot be written: {e}", target.display()));
}

fn read<T: serde::de::DeserializeOwned>(dir: &Path, name: &str) -> T {
    let path = dir.join(name);
    println!("cargo::rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: cannot be read: {e}", path.display()));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
