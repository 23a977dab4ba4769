//! The compiled-in catalogues and the bundle that formats them.

use std::sync::OnceLock;

use std::collections::BTreeSet;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

use crate::locale::Locale;
use crate::message::{Arg, Message};

/// The catalogue files of each language, by area: labels of the case model, validation messages,
/// errors, the screens of the app, and exported documents.
pub const FILES: [&str; 7] = [
    "labels.ftl",
    "validation.ftl",
    "errors.ftl",
    "screens-app.ftl",
    "screens-cases.ftl",
    "screens-review.ftl",
    "documents.ftl",
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
            include_str!(concat!("../locales/", $tag, "/documents.ftl")),
        ]
    };
}

const EN: [&str; 7] = catalogue_files!("en");
const ZH_CN: [&str; 7] = catalogue_files!("zh-CN");
const TH: [&str; 7] = catalogue_files!("th");
const ES: [&str; 7] = catalogue_files!("es");

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

/// A catalogue shows as its language: the bundle is large and says nothing more.
impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogue")
            .field("locale", &self.locale)
            .finish_non_exhaustive()
    }
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
    pub fn sources(locale: Locale) -> [&'static str; 7] {
        match locale.catalogue() {
            Locale::En | Locale::Pseudo => EN,
            Locale::ZhCn => ZH_CN,
            Locale::Th => TH,
            Locale::Es => ES,
        }
    }

    fn build(locale: Locale) -> Catalogue {
        Catalogue::from_sources(locale, &Catalogue::sources(locale))
    }

    fn from_sources(locale: Locale, sources: &[&str]) -> Catalogue {
        let tag: unic_langid::LanguageIdentifier = locale
            .tag()
            .parse()
            .expect("every locale's tag is a valid language identifier");
        let mut bundle = FluentBundle::new_concurrent(vec![tag]);
        // Plain text: the isolation marks Fluent puts around arguments are for mixed-direction
        // scripts, and these four languages all run left to right; marks would reach PDFs and logs.
        bundle.set_use_isolating(false);
        for source in sources {
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
        self.format_args(&message.key, Some(&self.args(message)))
            .unwrap_or_else(|| message.key.clone())
    }

    /// A message in words, or what is wrong with it: a key this catalogue (or English, its
    /// fallback) lacks, a label argument naming a missing key, a variable the message uses but
    /// was not given, or an argument given that the message does not use. `format` shows
    /// something whatever happens; tests use this to find the mistakes it would hide.
    pub fn format_checked(&self, message: &Message) -> Result<String, String> {
        let key = &message.key;
        let catalogue = if self.has(key) {
            self
        } else if Catalogue::english().has(key) {
            Catalogue::english()
        } else {
            return Err(format!("{key}: no such key in {}", self.locale.tag()));
        };
        let pattern = catalogue
            .bundle
            .get_message(&fluent_id(key))
            .and_then(|m| m.value())
            .ok_or_else(|| format!("{key}: the message has no text"))?;
        let mut problems = Vec::new();
        for (name, arg) in &message.args {
            if let Arg::Label(label) = arg {
                if self.text(label).is_none() {
                    problems.push(format!("argument {name} names the missing key {label}"));
                }
            }
        }
        let mut used = BTreeSet::new();
        pattern_variables(pattern, &mut used);
        for name in message.args.keys().filter(|n| !used.contains(n.as_str())) {
            problems.push(format!("argument {name} is given but not used"));
        }
        let args = self.args(message);
        let mut errors = Vec::new();
        let text = catalogue
            .bundle
            .format_pattern(pattern, Some(&args), &mut errors);
        problems.extend(errors.iter().map(ToString::to_string));
        if problems.is_empty() {
            Ok(text.into_owned())
        } else {
            Err(format!("{key}: {}", problems.join("; ")))
        }
    }

    fn args(&self, message: &Message) -> FluentArgs<'static> {
        let mut args = FluentArgs::new();
        for (name, arg) in &message.args {
            let value = match arg {
                Arg::Text(text) => FluentValue::from(text.clone()),
                Arg::Number(number) => FluentValue::from(*number),
                Arg::Label(key) => FluentValue::from(self.text_or_key(key)),
                Arg::Words(by_tag) => FluentValue::from(
                    by_tag
                        .get(self.locale.tag())
                        .or_else(|| by_tag.get("en"))
                        .cloned()
                        .unwrap_or_default(),
                ),
            };
            args.set(name.clone(), value);
        }
        args
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

/// The variables a pattern refers to, in selectors and in every variant.
fn pattern_variables<'p>(pattern: &ast::Pattern<&'p str>, out: &mut BTreeSet<&'p str>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables<'p>(expression: &ast::Expression<&'p str>, out: &mut BTreeSet<&'p str>) {
    match expression {
        ast::Expression::Inline(inline) => inline_variables(inline, out),
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
    }
}

fn inline_variables<'p>(inline: &ast::InlineExpression<&'p str>, out: &mut BTreeSet<&'p str>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name);
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
            for argument in &arguments.named {
                inline_variables(&argument.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "\
found-weight = Weight found { $kg } kg
found-items = { $count ->
    [one] One item
   *[other] { $count } items
} in { $section }
";

    fn catalogue() -> Catalogue {
        // `section-route` comes from English's labels: a label argument is looked up there.
        Catalogue::from_sources(Locale::En, &[SOURCE, Catalogue::sources(Locale::En)[0]])
    }

    #[test]
    fn a_complete_message_formats_with_plurals_and_labels() {
        let items = |n: u32| {
            Message::new("found.items")
                .number("count", n)
                .label("section", "section.route")
        };
        let c = catalogue();
        assert_eq!(
            c.format_checked(&items(1)).unwrap(),
            "One item in Route legs"
        );
        assert_eq!(
            c.format_checked(&items(3)).unwrap(),
            "3 items in Route legs"
        );
        assert_eq!(c.format(&items(3)), "3 items in Route legs");
    }

    #[test]
    fn the_checked_format_names_each_mistake() {
        let c = catalogue();
        let missing_var = c.format_checked(&Message::new("found.weight")).unwrap_err();
        assert!(missing_var.contains("kg"), "{missing_var}");
        let unused = c
            .format_checked(
                &Message::new("found.weight")
                    .number("kg", 2)
                    .text("extra", "x"),
            )
            .unwrap_err();
        assert!(unused.contains("extra is given but not used"), "{unused}");
        let no_key = c
            .format_checked(&Message::new("found.nothing"))
            .unwrap_err();
        assert!(no_key.contains("no such key"), "{no_key}");
        let bad_label = c
            .format_checked(
                &Message::new("found.items")
                    .number("count", 2)
                    .label("section", "section.nowhere"),
            )
            .unwrap_err();
        assert!(bad_label.contains("section.nowhere"), "{bad_label}");
        // The unchecked format still shows something for each.
        assert_eq!(c.format(&Message::new("found.nothing")), "found.nothing");
    }
}
