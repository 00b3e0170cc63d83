//! The languages kzvisa speaks, how one is chosen from the environment, and their plural rules.

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Ru,
    Kk,
}

/// The environment variables that name the language of messages, strongest first (POSIX).
pub const LOCALE_VARIABLES: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

impl Lang {
    /// English first: it is the reference every other language is checked against.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ru, Lang::Kk];

    /// The ISO 639-1 code, which is also the name of the language's content folder.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Kk => "kk",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The language of a locale name such as `ru_RU.UTF-8`, `kk_KZ` or `en`; `None` for one
    /// kzvisa does not speak (or `C` and `POSIX`).
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let language = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default();
        Lang::from_code(language)
    }

    /// The language the environment asks for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
    /// that is set decides, as it does for every other program; `None` when it names a language
    /// kzvisa does not speak, or none is set.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Option<Lang> {
        LOCALE_VARIABLES
            .iter()
            .filter_map(|name| var(name))
            .find(|value| !value.is_empty())
            .and_then(|value| Lang::from_locale(&value))
    }

    /// The next language in the switch: English, Russian, Kazakh, and round again.
    pub fn next(self) -> Lang {
        let at = Lang::ALL.iter().position(|l| *l == self).unwrap_or(0);
        Lang::ALL[(at + 1) % Lang::ALL.len()]
    }

    /// The CLDR category of `n` in this language: "one", "few", "many" or "other".
    pub fn plural_category(self, n: u64) -> &'static str {
        category(self.plural_rules().as_ref(), n)
    }

    /// The categories whole numbers fall into in this language, which a text with forms per
    /// number must give. (The rules do not list them; counting up to 1,000 meets every one.)
    pub fn integer_categories(self) -> Vec<&'static str> {
        let rules = self.plural_rules();
        let mut categories: Vec<&'static str> = Vec::new();
        for n in 0..=1000 {
            let category = category(rules.as_ref(), n);
            if !categories.contains(&category) {
                categories.push(category);
            }
        }
        categories
    }

    fn plural_rules(self) -> Option<PluralRules> {
        let id: LanguageIdentifier = self.code().parse().ok()?;
        PluralRules::create(id, PluralRuleType::CARDINAL).ok()
    }
}

/// The CLDR names, which are also the keys of a text with forms per number in `content/`.
pub const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// `n`'s category by these rules; "other" where the language has none.
fn category(rules: Option<&PluralRules>, n: u64) -> &'static str {
    let category = rules
        .and_then(|rules| rules.select(n).ok())
        .unwrap_or(PluralCategory::OTHER);
    match category {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_names_give_their_language() {
        assert_eq!(Lang::from_locale("ru_RU.UTF-8"), Some(Lang::Ru));
        assert_eq!(Lang::from_locale("kk_KZ.UTF-8"), Some(Lang::Kk));
        assert_eq!(Lang::from_locale("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_locale("de_DE.UTF-8"), None);
        assert_eq!(Lang::from_locale("C"), None);
        assert_eq!(Lang::from_locale("POSIX"), None);
    }

    #[test]
    fn the_strongest_variable_that_is_set_decides() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        let lc_all_wins = env(&[("LC_ALL", "kk_KZ.UTF-8"), ("LANG", "ru_RU.UTF-8")]);
        assert_eq!(Lang::from_env(lc_all_wins), Some(Lang::Kk));
        let empty_is_unset = env(&[("LC_ALL", ""), ("LC_MESSAGES", "ru_RU.UTF-8")]);
        assert_eq!(Lang::from_env(empty_is_unset), Some(Lang::Ru));
        // LC_ALL=C asks for no translation, even when LANG names one.
        let c_is_english = env(&[("LC_ALL", "C"), ("LANG", "ru_RU.UTF-8")]);
        assert_eq!(Lang::from_env(c_is_english), None);
        assert_eq!(Lang::from_env(env(&[])), None);
    }

    #[test]
    fn russian_numbers_take_three_forms() {
        let forms: Vec<&str> = [1, 2, 5, 11, 21, 22, 25, 101]
            .into_iter()
            .map(|n| Lang::Ru.plural_category(n))
            .collect();
        assert_eq!(
            forms,
            ["one", "few", "many", "many", "one", "few", "many", "one"]
        );
        assert_eq!(Lang::Ru.integer_categories(), ["many", "one", "few"]);
        assert_eq!(Lang::En.integer_categories(), ["other", "one"]);
        assert_eq!(Lang::Kk.integer_categories(), ["other", "one"]);
    }

    #[test]
    fn the_switch_goes_round_every_language() {
        assert_eq!(Lang::En.next(), Lang::Ru);
        assert_eq!(Lang::Ru.next(), Lang::Kk);
        assert_eq!(Lang::Kk.next(), Lang::En);
    }
}
