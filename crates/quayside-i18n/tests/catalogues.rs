//! Every language has every key English has, no other, and the same arguments in each message.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;
use fluent_syntax::parser;
use quayside_i18n::{Catalogue, Locale, FILES};

/// Message id -> the variables its value and attributes reference.
fn messages(locale: Locale, file: usize) -> BTreeMap<String, BTreeSet<String>> {
    let source = Catalogue::sources(locale)[file];
    let resource = parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("{} {}: {errors:?}", locale.tag(), FILES[file]));
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(message) = entry {
            let mut vars = BTreeSet::new();
            if let Some(value) = &message.value {
                pattern_vars(value, &mut vars);
            }
            assert!(
                message.value.is_some(),
                "{} {}: {} has no text",
                locale.tag(),
                FILES[file],
                message.id.name
            );
            let fresh = out.insert(message.id.name.to_string(), vars).is_none();
            assert!(
                fresh,
                "{} {}: {} twice",
                locale.tag(),
                FILES[file],
                message.id.name
            );
        }
    }
    out
}

fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => inline_vars(inline, vars),
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for variant in variants {
                pattern_vars(&variant.value, vars);
            }
        }
    }
}

fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                inline_vars(arg, vars);
            }
            for arg in &arguments.named {
                inline_vars(&arg.value, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

#[test]
fn every_language_has_exactly_the_english_keys_with_the_same_arguments() {
    let mut problems = Vec::new();
    for (file, name) in FILES.iter().enumerate() {
        let english = messages(Locale::En, file);
        for locale in Locale::TRANSLATED.into_iter().filter(|l| *l != Locale::En) {
            let theirs = messages(locale, file);
            for (id, vars) in &english {
                match theirs.get(id) {
                    None => problems.push(format!("{} {name}: missing {id}", locale.tag())),
                    Some(v) if v != vars => problems.push(format!(
                        "{} {name}: {id} uses {v:?}, English {vars:?}",
                        locale.tag()
                    )),
                    Some(_) => {}
                }
            }
            for id in theirs.keys().filter(|id| !english.contains_key(*id)) {
                problems.push(format!("{} {name}: {id} is not in English", locale.tag()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_key_is_in_two_files() {
    let mut seen = BTreeMap::new();
    for (file, name) in FILES.iter().enumerate() {
        for id in messages(Locale::En, file).into_keys() {
            if let Some(other) = seen.insert(id.clone(), name) {
                panic!("{id} is in {other} and {name}");
            }
        }
    }
}

#[test]
fn ids_map_to_keys_and_back() {
    for file in 0..FILES.len() {
        for id in messages(Locale::En, file).into_keys() {
            assert!(
                id.split('-').all(|segment| !segment.is_empty()),
                "{id}: a key segment is empty"
            );
            assert_eq!(quayside_i18n::fluent_id(&quayside_i18n::key_of_id(&id)), id);
        }
    }
}

#[test]
fn a_missing_translation_falls_back_to_english_then_to_the_key() {
    let thai = Catalogue::get(Locale::Th);
    assert_eq!(
        thai.text("section.route").as_deref(),
        Catalogue::get(Locale::Th).text("section.route").as_deref()
    );
    assert_eq!(
        Catalogue::english().text("section.route").as_deref(),
        Some("Route legs")
    );
    assert_eq!(
        thai.text_or_key("event.photo_rotated"),
        "event.photo_rotated"
    );
    assert_eq!(thai.text("event.photo_rotated"), None);
}
