//! The compiled-in catalogues and the bundle that formats them.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::locale::Locale;
use crate::message::{Arg, Message};

/// The catalogue files of each language, by area: labels of the case model, validation messages,
/// errors, and the screens of the app.
pub const FILES: [&str; 6] = [
    "labels.ftl",
    "validation.ftl",
    "errors.ftl",
    "screens-app.ftl",
    "screens-cases.ftl",
    "screens-review.ftl",
];

macro_rules! catalogue_files {
    ($tag:literal) => {
        [
            include_str!(concat!("../locales/", $tag, "/labels.ftl")),
            include_str!(concat!("../locales/", $tag, "/validation.ftl")),
            include_str!(concat!("../locales/", $tag, "/errors.ftl")),
            include_str!(concat!("../locales/", $tag, "/screens-app.ftl")),
            include_str!(concat!("../locales/", $tag, "/screens-cases.ftl")),
            include_str!(concat!("../locales/", $tag, "/screens-review.ftl")),
        ]
    };
}

const EN: [&str; 6] = catalogue_files!("en");
const ZH_CN: [&str; 6] = catalogue_files!("zh-CN");
const TH: [&str; 6] = catalogue_files!("th");
const ES: [&str; 6] = catalogue_files!("es");

/// A Fluent id for a key: `section.route` is `section-route`.
pub fn fluent_id(key: &str) -> String {
    key.replace('.', "-")
}

/// The key of a Fluent id: `section-route` is `section.route`.
pub fn key_of_id(id: &str) -> String {
    id.replace('-', ".")
}

/// One language's catalogue, ready to format. English's is complete; another language's falls
/// back to English for a key it lacks.
pub struct Catalogue {
    locale: Locale,
    bundle: FluentBundle<FluentResource>,
}

impl Catalogue {
    /// The catalogue of a locale, parsed once per process.
    pub fn get(locale: Locale) -> &'static Catalogue {
        static CATALOGUES: [OnceLock<Catalogue>; 4] = [const { OnceLock::new() }; 4];
        let locale = locale.catalogue();
        let slot = match locale {
            Locale::En | Locale::Pseudo => 0,
            Locale::ZhCn => 1,
            Locale::Th => 2,
            Locale::Es => 3,
        };
        CATALOGUES[slot].get_or_init(|| Catalogue::build(locale))
    }

    /// English: the reference catalogue, and the language of logs.
    pub fn english() -> &'static Catalogue {
        Catalogue::get(Locale::En)
    }

    /// The catalogue files of a locale, as the UI receives them.
    pub fn sources(locale: Locale) -> [&'static str; 6] {
        match locale.catalogue() {
            Locale::En | Locale::Pseudo => EN,
            Locale::ZhCn => ZH_CN,
            Locale::Th => TH,
            Locale::Es => ES,
        }
    }

    fn build(locale: Locale) -> Catalogue {
        let tag: unic_langid::LanguageIdentifier = locale
            .tag()
            .parse()
            .expect("every locale's tag is a valid language identifier");
        let mut bundle = FluentBundle::new_concurrent(vec![tag]);
        // Plain text: the isolation marks Fluent puts around arguments are for mixed-direction
        // scripts, and these four languages all run left to right; marks would reach PDFs and logs.
        bundle.set_use_isolating(false);
        for source in Catalogue::sources(locale) {
            // A file with an error still gives every message that parsed; the tests refuse errors.
            let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
            bundle.add_resource_overriding(resource);
        }
        Catalogue { locale, bundle }
    }

    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// Whether this catalogue itself has the key (no fallback).
    pub fn has(&self, key: &str) -> bool {
        self.bundle.has_message(&fluent_id(key))
    }

    /// The text of a key without arguments; `None` if neither this catalogue nor English has it.
    pub fn text(&self, key: &str) -> Option<String> {
        self.format_args(key, None)
    }

    /// The text of a key, or the key itself: something is always shown, and it names what is
    /// missing (a kind or code from a newer version).
    pub fn text_or_key(&self, key: &str) -> String {
        self.text(key).unwrap_or_else(|| key.to_string())
    }

    /// A message in words, its label arguments looked up in this catalogue too.
    pub fn format(&self, message: &Message) -> String {
        let mut args = FluentArgs::new();
        for (name, arg) in &message.args {
            let value = match arg {
                Arg::Text(text) => FluentValue::from(text.clone()),
                Arg::Number(number) => FluentValue::from(*number),
                Arg::Label(key) => FluentValue::from(self.text_or_key(key)),
            };
            args.set(name.clone(), value);
        }
        self.format_args(&message.key, Some(&args))
            .unwrap_or_else(|| message.key.clone())
    }

    fn format_args(&self, key: &str, args: Option<&FluentArgs>) -> Option<String> {
        let id = fluent_id(key);
        let Some(pattern) = self.bundle.get_message(&id).and_then(|m| m.value()) else {
            return match self.locale {
                Locale::En => None,
                _ => Catalogue::english().format_args(key, args),
            };
        };
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        Some(text.into_owned())
    }
}
