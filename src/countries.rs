//! The route by citizenship: a country typed in English, Russian or Kazakh, and what the sources
//! in `countries.yaml` say of its citizens. Pure: the names table (CLDR names, built in by
//! `build.rs`) is decoded the first time a country is looked up, never at start.

use std::sync::OnceLock;

use crate::content::{Confidence, Content, CountryName, Regime, fill, fold};
use crate::lang::Lang;
use crate::wizard::Route;

/// The names of every ISO 3166-1 country, as `build.rs` stored them.
fn names() -> &'static [CountryName] {
    static NAMES: OnceLock<Vec<CountryName>> = OnceLock::new();
    NAMES.get_or_init(|| {
        // Written by build.rs from the same type: it decodes unless the build is broken.
        postcard::from_bytes(include_bytes!(concat!(
            env!("OUT_DIR"),
            "/countries.postcard"
        )))
        .unwrap_or_default()
    })
}

/// A name as the lookup compares it: folded as the FAQ search folds (case, ё, the Kazakh
/// letters), Latin accents dropped, and anything but letters and digits one space.
pub fn folded(name: &str) -> String {
    let folded: String = fold(name)
        .chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
            'ç' | 'č' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ı' => 'i',
            'ñ' | 'ń' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
            'ý' | 'ÿ' => 'y',
            'š' | 'ş' => 's',
            'ž' => 'z',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The country a person means by `query`: its code, its name in any of the three languages,
/// or another name people write for it; `None` for a name no country has.
pub fn find(query: &str) -> Option<&'static CountryName> {
    let query = folded(query);
    if query.is_empty() {
        return None;
    }
    names().iter().find(|country| {
        [&country.code, &country.en, &country.ru, &country.kk]
            .into_iter()
            .chain(&country.other)
            .any(|name| folded(name) == query)
    })
}

/// A country's name in `lang`.
pub fn name(country: &CountryName, lang: Lang) -> &str {
    match lang {
        Lang::En => &country.en,
        Lang::Ru => &country.ru,
        Lang::Kk => &country.kk,
    }
}

/// What is known of a typed country.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lookup<'a> {
    /// A country the sources speak of, and what they say.
    Known {
        country: &'static CountryName,
        regime: &'a Regime,
    },
    /// A country, but the sources kzvisa keeps say nothing of it: the route question decides.
    NoData { country: &'static CountryName },
    /// No country is called that.
    Unknown,
}

impl Lookup<'_> {
    /// The route the sources suggest; the person still confirms it.
    pub fn route(&self) -> Option<Route> {
        match self {
            Lookup::Known { regime, .. } => Route::from_id(&regime.route),
            _ => None,
        }
    }
}

/// What the sources in `content` say of the citizens of the country `query` names.
pub fn lookup<'a>(content: &'a Content, query: &str) -> Lookup<'a> {
    let Some(country) = find(query) else {
        return Lookup::Unknown;
    };
    content
        .countries
        .iter()
        .find(|regime| regime.countries.contains(&country.code))
        .map_or(Lookup::NoData { country }, |regime| Lookup::Known {
            country,
            regime,
        })
}

/// The answer in words, as `kzvisa route` prints it and the route step shows it: what the
/// sources say, the route it suggests, the sources with their dates, and that lists change.
pub fn answer_text(content: &Content, query: &str, found: &Lookup) -> String {
    let ui = &content.ui.route;
    match found {
        Lookup::Unknown => fill(
            &ui.country_unknown,
            &[("query", &crate::present::safe::shown(query.trim()))],
        ),
        Lookup::NoData { country } => fill(
            &ui.country_no_data,
            &[("country", name(country, content.lang))],
        ),
        Lookup::Known { country, regime } => {
            let days = regime.days.map(|d| d.to_string()).unwrap_or_default();
            let mut lines = vec![fill(
                &regime.text,
                &[("country", name(country, content.lang)), ("days", &days)],
            )];
            if let Some(route) = found.route() {
                lines.push(fill(
                    &ui.country_route,
                    &[("route", &content.route_option(route.index()).title)],
                ));
            }
            for source in &regime.sources {
                lines.push(format!("  {}", crate::report::source_line(content, source)));
            }
            let notes = &content.ui.notes;
            let confidence = match regime.confidence {
                Confidence::High => &notes.high,
                Confidence::Medium => &notes.medium,
                Confidence::Low => &notes.low,
            };
            lines.push(format!(
                "  {}",
                fill(
                    &notes.checked,
                    &[
                        ("date", &content.date(regime.checked)),
                        ("confidence", confidence),
                    ],
                )
            ));
            lines.push(ui.lists_change.clone());
            lines.join("\n")
        }
    }
}
