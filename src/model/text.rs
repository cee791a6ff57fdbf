//! The crate's one vocabulary for the two languages of the interface:
//! [`Lang`] (Japanese first, English second) and [`Text`], a text in
//! Japanese with an optional English version.
//!
//! Every bilingual string of the crate is a [`Text`]: the data's titles,
//! project and site names, the holidays' names, the interface's labels and
//! the checker's messages. Formatting functions take a [`Lang`]; there is
//! no `bool` for a language anywhere.

use std::borrow::Cow;

/// A language of the interface. Japanese is the default and the fallback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    /// `ja` or `en` by the language: the one place a pair of anything is
    /// chosen from.
    ///
    /// # Example
    /// ```
    /// use iguren_calendar::model::text::Lang;
    /// assert_eq!(Lang::En.pick("月", "Month"), "Month");
    /// ```
    pub fn pick<T>(self, ja: T, en: T) -> T {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }

    /// The BCP 47 code, `"ja"` or `"en"` (for `<html lang>` and storage).
    pub fn code(self) -> &'static str {
        self.pick("ja", "en")
    }

    /// The language of a code that [`Lang::code`] wrote; `None` otherwise.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "ja" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language (the language switch).
    pub fn other(self) -> Lang {
        self.pick(Lang::En, Lang::Ja)
    }
}

/// A text in Japanese, with an optional English version.
///
/// Both parts are `Cow<'static, str>`, so one type serves the data (owned
/// strings from `events.json`: titles with `titleEn`, project and site
/// names) and the program's own words (borrowed from the binary: holiday
/// names, labels, see [`Text::fixed`]) without copying the latter.
///
/// A diagnostic of the checker fits as it is: its message always has both
/// languages, so it is made with [`Text::both`] and its `en` is always
/// `Some`; readers may rely on that and still call [`Text::get`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct Text {
    pub ja: Cow<'static, str>,
    pub en: Option<Cow<'static, str>>,
}

impl Text {
    /// A text in Japanese only.
    pub fn new(ja: impl Into<Cow<'static, str>>) -> Text {
        Text {
            ja: ja.into(),
            en: None,
        }
    }

    /// A text in both languages (a diagnostic's message, say).
    pub fn both(ja: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Text {
        Text {
            ja: ja.into(),
            en: Some(en.into()),
        }
    }

    /// A text of the program itself, in both languages, usable in a
    /// `const` or `static`.
    pub const fn fixed(ja: &'static str, en: &'static str) -> Text {
        Text {
            ja: Cow::Borrowed(ja),
            en: Some(Cow::Borrowed(en)),
        }
    }

    /// The text in `lang`, falling back to Japanese.
    ///
    /// # Example
    /// ```
    /// use iguren_calendar::model::text::{Lang, Text};
    /// let title = Text::new("会合");
    /// assert_eq!(title.get(Lang::En), "会合");
    /// assert_eq!(Text::fixed("月", "Month").get(Lang::En), "Month");
    /// ```
    pub fn get(&self, lang: Lang) -> &str {
        match (&self.en, lang) {
            (Some(en), Lang::En) => en,
            _ => &self.ja,
        }
    }
}

impl From<(&'static str, &'static str)> for Text {
    /// `(ja, en)`: [`Text::fixed`].
    fn from((ja, en): (&'static str, &'static str)) -> Text {
        Text::fixed(ja, en)
    }
}

impl From<&'static str> for Text {
    fn from(ja: &'static str) -> Text {
        Text::new(ja)
    }
}

impl From<String> for Text {
    fn from(ja: String) -> Text {
        Text::new(ja)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_falls_back_to_japanese() {
        let only = Text::new(String::from("例会"));
        assert_eq!(only.get(Lang::Ja), "例会");
        assert_eq!(only.get(Lang::En), "例会");
        let both = Text::both("例会", String::from("Meeting"));
        assert_eq!(both.get(Lang::Ja), "例会");
        assert_eq!(both.get(Lang::En), "Meeting");
        const FIXED: Text = Text::fixed("閉じる", "Close");
        assert_eq!(FIXED, Text::both("閉じる", "Close"));
        assert_eq!(Text::from("題"), Text::new("題"));
        assert_eq!(Text::from(("月", "Month")), Text::fixed("月", "Month"));
    }

    #[test]
    fn languages() {
        assert_eq!(Lang::default(), Lang::Ja);
        assert_eq!(Lang::Ja.pick(1, 2), 1);
        assert_eq!(Lang::En.pick(1, 2), 2);
        for lang in [Lang::Ja, Lang::En] {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert_eq!(lang.other().other(), lang);
            assert_ne!(lang.other(), lang);
        }
        assert_eq!(Lang::from_code("fr"), None);
    }
}
