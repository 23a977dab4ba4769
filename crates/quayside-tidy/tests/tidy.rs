//! Tidy: rules about the repository as a whole that neither rustc, clippy nor TypeScript check.
//! Each test walks the tracked files (`git ls-files`, or the tree without `target/`,
//! `node_modules/` and `dist/` when git is absent) and fails naming every file and line that
//! breaks its rule, with what to do about it.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository's root: this crate sits at `crates/quayside-tidy`.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the repository root exists")
}

/// Every file of the repository (tracked, or new and not ignored), relative to the root, with `/`.
fn files() -> Vec<String> {
    let root = root();
    let listed = Command::new("git")
        .args([
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ])
        .current_dir(&root)
        .output()
        .ok()
        .filter(|o| o.status.success());
    let mut files: Vec<String> = match listed {
        Some(out) => String::from_utf8_lossy(&out.stdout)
            .split('\0')
            .filter(|f| !f.is_empty())
            .map(str::to_string)
            .collect(),
        None => {
            let mut found = Vec::new();
            walk(&root, &root, &mut found);
            found
        }
    };
    // A file deleted in the work tree but still in the index is not there to check.
    files.retain(|f| root.join(f).is_file());
    files.sort();
    files.dedup();
    files
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if path.is_dir() {
            if !matches!(name.as_str(), "target" | "node_modules" | "dist" | ".git") {
                walk(root, &path, out);
            }
        } else if let Ok(relative) = path.strip_prefix(root) {
            out.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
}

fn read(file: &str) -> String {
    std::fs::read_to_string(root().join(file)).unwrap_or_default()
}

fn extension(file: &str) -> &str {
    let name = file.rsplit('/').next().unwrap_or(file);
    name.rsplit_once('.').map_or("", |(_, ext)| ext)
}

/// Fails with every violation, one per line, under the rule and what to do.
fn report(rule: &str, fix: &str, violations: &[String]) {
    let text = described(rule, fix, violations);
    assert!(text.is_empty(), "{text}");
}

/// The violations of a rule, one per line, and what to do (empty when there are none).
fn described(rule: &str, fix: &str, violations: &[String]) -> String {
    if violations.is_empty() {
        return String::new();
    }
    let mut text = format!("\n{} violation(s) of: {rule}\n", violations.len());
    for v in violations {
        let _ = writeln!(text, "  {v}");
    }
    let _ = writeln!(text, "Fix: {fix}");
    text
}

// ---------------------------------------------------------------------------------------------
// Boundaries

/// Only `ui/src/ipc.ts` talks to Tauri; every other module calls `call(command, args)`, so the UI
/// runs and tests without the app around it.
#[test]
fn only_ipc_ts_imports_tauri() {
    let mut violations = Vec::new();
    for file in files() {
        if !file.starts_with("ui/src/")
            || file == "ui/src/ipc.ts"
            || !matches!(extension(&file), "ts" | "tsx" | "js" | "jsx" | "mjs")
        {
            continue;
        }
        for (n, line) in read(&file).lines().enumerate() {
            if imports_tauri(line) {
                violations.push(format!("{file}:{}: imports @tauri-apps", n + 1));
            }
        }
    }
    report(
        "only ui/src/ipc.ts may import @tauri-apps",
        "call the command through `call` (or another export) of ui/src/ipc.ts instead",
        &violations,
    );
}

fn imports_tauri(line: &str) -> bool {
    let code = line.trim_start();
    if code.starts_with("//") || code.starts_with('*') || code.starts_with("/*") {
        return false;
    }
    ["'@tauri-apps", "\"@tauri-apps", "`@tauri-apps"]
        .iter()
        .any(|quoted| code.contains(quoted))
}

/// Only the desktop app depends on Tauri, so every other crate builds and tests without a window
/// toolkit (the workspace's default members leave `src-tauri` out).
#[test]
fn only_src_tauri_depends_on_tauri() {
    let mut violations = Vec::new();
    for file in files() {
        if !(file == "Cargo.toml" || file.ends_with("/Cargo.toml"))
            || file == "src-tauri/Cargo.toml"
        {
            continue;
        }
        for (line, name) in dependencies(&read(&file)) {
            if name == "tauri" || name.starts_with("tauri-") {
                violations.push(format!("{file}:{line}: depends on `{name}`"));
            }
        }
    }
    report(
        "no crate but src-tauri depends on tauri or a tauri-* crate",
        "move the Tauri-specific code into src-tauri and pass plain data across",
        &violations,
    );
}

/// Every dependency a Cargo.toml declares (in any dependency table: normal, dev, build, target or
/// workspace), with its line; a renamed one (`x = { package = "tauri" }`) under both names.
fn dependencies(manifest: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_table = false;
    for (n, raw) in manifest.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if let Some(header) = line.strip_prefix('[') {
            let header = header.trim_start_matches('[').trim_end_matches(']');
            let parts: Vec<&str> = header.split('.').map(|p| p.trim_matches('"')).collect();
            in_table = parts.last().is_some_and(|p| p.ends_with("dependencies"));
            // `[dependencies.tauri]`: the table names one dependency.
            if let Some(i) = parts.iter().position(|p| p.ends_with("dependencies")) {
                if i + 1 < parts.len() {
                    out.push((n + 1, parts[i + 1].to_string()));
                }
            }
            continue;
        }
        if let Some(package) = line
            .split("package")
            .nth(1)
            .and_then(|rest| rest.trim_start().strip_prefix('='))
            .and_then(|rest| rest.trim_start().strip_prefix('"'))
            .and_then(|rest| rest.split('"').next())
        {
            out.push((n + 1, package.to_string()));
        }
        if in_table {
            if let Some((key, _)) = line.split_once('=') {
                let key = key.trim().trim_matches('"');
                if !key.is_empty() && !key.contains(' ') {
                    out.push((n + 1, key.to_string()));
                }
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Event kinds are documented

const EVENT_RS: &str = "crates/quayside-domain/src/event.rs";

/// The `kind` of every variant of `Payload` as serde writes it (`rename_all = "snake_case"`, or
/// the variant's own `rename`), without the `#[serde(other)]` catch-all.
fn event_kinds() -> Vec<String> {
    let source = read(EVENT_RS);
    let start = source.find("pub enum Payload {").unwrap_or_else(|| {
        panic!("{EVENT_RS}: `pub enum Payload {{` not found: update the tidy test")
    });
    let mut kinds = Vec::new();
    let mut depth = 0usize;
    let mut rename: Option<String> = None;
    let mut other = false;
    for line in source[start..].lines() {
        let code = line.trim();
        if depth == 1 && !code.starts_with("//") {
            if code.starts_with("#[serde(") {
                other |= code.contains("other");
                if let Some(name) = code
                    .split("rename = \"")
                    .nth(1)
                    .and_then(|r| r.split('"').next())
                {
                    rename = Some(name.to_string());
                }
            } else if code.starts_with(|c: char| c.is_ascii_uppercase()) {
                let variant: String = code
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !other {
                    kinds.push(rename.take().unwrap_or_else(|| snake_case(&variant)));
                }
                rename = None;
                other = false;
            }
        }
        depth += code.matches('{').count();
        depth = depth.saturating_sub(code.matches('}').count());
        if depth == 0 && code.contains('}') {
            break;
        }
    }
    assert!(
        kinds.len() >= 9,
        "{EVENT_RS}: found only {kinds:?} in `Payload`: the tidy test's parser needs updating"
    );
    kinds
}

fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `word` stands in `text` as a word of its own (not inside a longer name).
fn mentions(text: &str, word: &str) -> bool {
    let is_name = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(is_name) && !after.is_some_and(is_name)
    })
}

#[test]
fn every_event_kind_is_documented() {
    let kinds = event_kinds();
    let mut violations = Vec::new();
    // `Payload::kind` names each kind by hand: it must agree with the serde names.
    let source = read(EVENT_RS);
    for kind in &kinds {
        if !source.contains(&format!("=> \"{kind}\"")) {
            violations.push(format!(
                "{EVENT_RS}: `Payload::kind` has no arm giving \"{kind}\""
            ));
        }
    }
    for doc in ["ARCHITECTURE.md", "docs/events.md"] {
        let text = read(doc);
        for kind in &kinds {
            if !mentions(&text, kind) {
                violations.push(format!("{doc}: event kind `{kind}` is not mentioned"));
            }
        }
    }
    report(
        "every event kind of `Payload` is named in ARCHITECTURE.md and docs/events.md",
        "list the kind (and what it does) in docs/events.md and in ARCHITECTURE.md's list of kinds",
        &violations,
    );
}

// ---------------------------------------------------------------------------------------------
// Module docs

/// Source files that must open with a module doc.
fn needs_module_doc(file: &str) -> bool {
    match extension(file) {
        "rs" => ["crates/", "src-tauri/", "fuzz/"]
            .iter()
            .any(|dir| file.starts_with(dir)),
        "ts" | "tsx" => file.starts_with("ui/src/") && file != "ui/src/bindings.ts",
        "mjs" => file.starts_with("tests/"),
        _ => false,
    }
}

#[test]
fn every_source_file_has_a_module_doc() {
    let mut violations = Vec::new();
    for file in files() {
        if !needs_module_doc(&file) {
            continue;
        }
        let text = read(&file);
        let rust = extension(&file) == "rs";
        // Rust inner attributes (`#![no_main]`) may come before the doc.
        let first = text.lines().enumerate().find(|(_, l)| {
            let l = l.trim();
            !(l.is_empty() || rust && l.starts_with("#!["))
        });
        let documented = match first {
            Some((_, line)) if rust => line.trim_start().starts_with("//!"),
            Some((_, line)) => {
                let line = line.trim_start();
                line.starts_with("//") || line.starts_with("/*")
            }
            None => false,
        };
        if !documented {
            let line = first.map_or(1, |(n, _)| n + 1);
            let want = if rust {
                "a `//!` module doc"
            } else {
                "a leading comment"
            };
            violations.push(format!(
                "{file}:{line}: does not open with {want} saying what the module is for"
            ));
        }
    }
    report(
        "every source file opens with its module doc",
        "start the file with a short `//!` (Rust) or `//` / `/** */` (TS, JS) comment saying what \
         the module owns and why",
        &violations,
    );
}

// ---------------------------------------------------------------------------------------------
// Citations: no issue numbers, no files that do not exist

/// How comments are written in a file, by its name (None: not checked).
#[derive(Clone, Copy, PartialEq)]
enum Syntax {
    /// `//` and `/* */` (Rust, TypeScript, JavaScript, CSS).
    Slashes,
    /// `#` (shell, TOML, YAML).
    Hash,
    /// `--` (SQL).
    Dashes,
    /// Markdown: all of it is prose.
    Prose,
}

fn syntax(file: &str) -> Option<Syntax> {
    if file == "ui/src/bindings.ts" {
        return None;
    }
    match extension(file) {
        "rs" | "ts" | "tsx" | "js" | "jsx" | "mjs" | "css" => Some(Syntax::Slashes),
        "sh" | "toml" | "yml" | "yaml" => Some(Syntax::Hash),
        "sql" => Some(Syntax::Dashes),
        "md" => Some(Syntax::Prose),
        "" if read(file).starts_with("#!") => Some(Syntax::Hash),
        _ => None,
    }
}

/// The comment text of each line (empty when the line has none).
fn comments(text: &str, syntax: Syntax) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_block = false;
    for line in text.lines() {
        let comment = match syntax {
            Syntax::Prose => line.to_string(),
            Syntax::Slashes => {
                let mut found = String::new();
                let mut rest = line;
                loop {
                    if in_block {
                        match rest.find("*/") {
                            Some(end) => {
                                found.push_str(&rest[..end]);
                                found.push(' ');
                                rest = &rest[end + 2..];
                                in_block = false;
                            }
                            None => {
                                found.push_str(rest);
                                break;
                            }
                        }
                    } else {
                        let line_comment = line_comment_start(rest);
                        let block = rest.find("/*");
                        match (line_comment, block) {
                            (Some(l), b) if b.is_none_or(|b| l < b) => {
                                found.push_str(&rest[l + 2..]);
                                break;
                            }
                            (_, Some(b)) => {
                                rest = &rest[b + 2..];
                                in_block = true;
                            }
                            _ => break,
                        }
                    }
                }
                found
            }
            Syntax::Hash => {
                let trimmed = line.trim_start();
                if trimmed.starts_with("#!") {
                    String::new()
                } else if let Some(c) = trimmed.strip_prefix('#') {
                    c.to_string()
                } else {
                    line.find(" #")
                        .map(|at| line[at + 2..].to_string())
                        .unwrap_or_default()
                }
            }
            Syntax::Dashes => line
                .find("--")
                .map(|at| line[at + 2..].to_string())
                .unwrap_or_default(),
        };
        out.push(comment);
    }
    out
}

/// Where a `//` comment starts, skipping `://` in URLs.
fn line_comment_start(line: &str) -> Option<usize> {
    line.match_indices("//")
        .map(|(at, _)| at)
        .find(|&at| !line[..at].ends_with(':'))
}

/// An issue cited by number: "issue 7", "issues 4, 6", "issue #7", "#12".
fn cites_issue(comment: &str) -> Option<String> {
    let lower = comment.to_ascii_lowercase();
    for (at, _) in lower.match_indices("issue") {
        let rest = lower[at + 5..].trim_start_matches('s');
        let rest = rest.trim_start_matches([' ', '#']);
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            let end = at + 5 + (lower[at + 5..].len() - rest.len());
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            return Some(comment[at..end].to_string() + &digits);
        }
    }
    for (at, _) in comment.match_indices('#') {
        let before = comment[..at].chars().next_back();
        let digits: String = comment[at + 1..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let after = comment[at + 1 + digits.len()..].chars().next();
        if !digits.is_empty()
            && !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '&' || c == '#')
            && !after.is_some_and(|c| c.is_ascii_alphanumeric())
        {
            return Some(format!("#{digits}"));
        }
    }
    None
}

/// Extensions of files a comment may cite by name.
const CITED_EXTENSIONS: &[&str] = &[
    "rs", "ts", "tsx", "js", "mjs", "md", "toml", "sh", "sql", "css", "html",
];

/// Words that look like file names and are not.
const NOT_PATHS: &[&str] = &["Node.js"];

/// Paths a piece of text names: words with a source file's extension, or with a `/` whose first
/// part is an entry of the repository's root (`crates/...`, `docs/...`). URLs, globs and
/// placeholders are left alone; `{a,b}` is expanded.
fn cited_paths(text: &str, top: &BTreeSet<String>) -> Vec<String> {
    let mut out = Vec::new();
    for word in text.split(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '`' | '(' | ')' | '[' | ']' | '"' | '\'' | '<' | '>' | ';' | '|'
            )
    }) {
        let word = word.trim_end_matches(['.', ',', ':', '!', '?']);
        if NOT_PATHS.contains(&word) {
            continue;
        }
        let word = word.split('#').next().unwrap_or(word);
        if word.is_empty()
            || word.contains("://")
            || word.starts_with('/')
            || word.starts_with('-')
            || word.contains(['*', '$', '…', '=', '@', '\\', '%'])
            || word.contains("...")
        {
            continue;
        }
        for path in expand_braces(word) {
            let path = path.strip_prefix("./").unwrap_or(&path).to_string();
            let name = path.trim_end_matches('/');
            let ext = name
                .rsplit('/')
                .next()
                .and_then(|n| n.rsplit_once('.'))
                .map(|(_, e)| e);
            let by_extension = ext.is_some_and(|e| CITED_EXTENSIONS.contains(&e))
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "._-/".contains(c));
            let by_root = name.contains('/')
                && name
                    .split('/')
                    .next()
                    .is_some_and(|first| top.contains(first))
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "._-/".contains(c));
            // Build output is not in the repository.
            let built = name
                .split('/')
                .any(|p| matches!(p, "target" | "dist" | "node_modules"));
            if (by_extension || by_root) && !built {
                out.push(name.to_string());
            }
        }
    }
    out
}

fn expand_braces(word: &str) -> Vec<String> {
    match (word.find('{'), word.find('}')) {
        (Some(open), Some(close)) if open < close => word[open + 1..close]
            .split(',')
            .flat_map(|alt| expand_braces(&format!("{}{alt}{}", &word[..open], &word[close + 1..])))
            .collect(),
        _ if word.contains(['{', '}']) => Vec::new(),
        _ => vec![word.to_string()],
    }
}

/// The nearest folder above `file` holding a Cargo.toml or package.json (its package).
fn package_of(file: &str) -> String {
    let root = root();
    let mut dir = Path::new(file).parent();
    while let Some(d) = dir {
        if d.as_os_str().is_empty() {
            break;
        }
        if root.join(d).join("Cargo.toml").is_file() || root.join(d).join("package.json").is_file()
        {
            return d.to_string_lossy().to_string();
        }
        dir = d.parent();
    }
    String::new()
}

/// Whether `path`, cited in `file`, exists: from the repository's root, the file's package, the
/// package's `src` (a Rust module named from the crate's root) or the file's own folder.
fn exists(file: &str, path: &str) -> bool {
    let root = root();
    let folder = Path::new(file).parent().unwrap_or(Path::new(""));
    let package = root.join(package_of(file));
    [
        root.join(path),
        package.join(path),
        package.join("src").join(path),
        root.join(folder).join(path),
    ]
    .iter()
    .any(|p| p.exists())
}

/// The first entries of every path in the repository (`crates`, `docs`, `ui`, ...).
fn top_level(files: &[String]) -> BTreeSet<String> {
    let mut top: BTreeSet<String> = files
        .iter()
        .filter_map(|f| f.split_once('/').map(|(first, _)| first.to_string()))
        .collect();
    top.insert("docs".to_string());
    top
}

const THIS_FILE: &str = "crates/quayside-tidy/tests/tidy.rs";

/// Migrations that landed citing an issue before this rule existed. A landed migration is never
/// edited, not even its comments, so these few are let be; any other file, new migrations
/// included, must follow the rule.
const LANDED_MIGRATIONS_CITING_ISSUES: [&str; 5] = [
    "crates/quayside-store/migrations/0004_conflicts_and_sync.sql",
    "crates/quayside-store/migrations/0005_search.sql",
    "crates/quayside-store/migrations/0007_review.sql",
    "crates/quayside-store/migrations/0008_evidence.sql",
    "crates/quayside-store/migrations/0009_enrollments.sql",
];

#[test]
fn comments_cite_no_issue_numbers_and_no_missing_files() {
    let files = files();
    let top = top_level(&files);
    let mut issues = Vec::new();
    let mut missing = Vec::new();
    for file in &files {
        let Some(syntax) = syntax(file) else {
            continue;
        };
        // ARCHITECTURE.md's paths have a test of their own; this file quotes what it looks for.
        if file == "ARCHITECTURE.md" || file == THIS_FILE {
            continue;
        }
        let mut in_fence = false;
        for (n, comment) in comments(&read(file), syntax).iter().enumerate() {
            if syntax == Syntax::Prose && comment.trim_start().starts_with("```") {
                in_fence = !in_fence;
                continue;
            }
            if comment.trim().is_empty() || in_fence {
                continue;
            }
            if let Some(cited) = cites_issue(comment) {
                if LANDED_MIGRATIONS_CITING_ISSUES.contains(&file.as_str()) {
                    continue;
                }
                issues.push(format!("{file}:{}: cites \"{cited}\"", n + 1));
            }
            for path in cited_paths(comment, &top) {
                if !exists(file, &path) {
                    missing.push(format!(
                        "{file}:{}: cites `{path}`, which does not exist",
                        n + 1
                    ));
                }
            }
        }
    }
    let mut failures = String::new();
    for (rule, fix, violations) in [
        (
            "comments and documents cite no issue numbers",
            "say the reason itself, or cite a document in docs/ (docs/events.md, docs/sync.md, \
             docs/evidence.md, docs/domain.md)",
            &issues,
        ),
        (
            "comments and documents cite only files that exist",
            "cite the file's current path (from the repository root, the crate, or the file's \
             folder), or a document in docs/; notes outside the repository cannot be cited",
            &missing,
        ),
    ] {
        failures.push_str(&described(rule, fix, violations));
    }
    assert!(failures.is_empty(), "{failures}");
}

/// ARCHITECTURE.md is read first and trusted most: every path it names must exist. Paths there
/// are written from the root, or from the crate the section is about, or by file name alone.
#[test]
fn architecture_names_only_paths_that_exist() {
    let files = files();
    let top = top_level(&files);
    let mut known: BTreeSet<String> = BTreeSet::new();
    for file in &files {
        let mut path = file.as_str();
        known.insert(path.to_string());
        while let Some((parent, _)) = path.rsplit_once('/') {
            known.insert(parent.to_string());
            path = parent;
        }
    }
    let names = |cited: &str| {
        known.contains(cited) || known.iter().any(|k| k.ends_with(&format!("/{cited}")))
    };
    let mut violations = Vec::new();
    let mut in_fence = false;
    for (n, line) in read("ARCHITECTURE.md").lines().enumerate() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        if let Some(cited) = cites_issue(line) {
            violations.push(format!("ARCHITECTURE.md:{}: cites \"{cited}\"", n + 1));
        }
        for path in cited_paths(line, &top) {
            if !names(&path) {
                violations.push(format!(
                    "ARCHITECTURE.md:{}: names `{path}`, which does not exist",
                    n + 1
                ));
            }
        }
    }
    report(
        "ARCHITECTURE.md names only paths that exist, and no issue numbers",
        "update the path to where the code is now (or drop it); state the reason instead of an \
         issue number",
        &violations,
    );
}

// ---------------------------------------------------------------------------------------------
// Message keys: code and catalogue agree

/// The English catalogue files of the messages code sends: refusals, flags' details, errors,
/// notices and the words of exported documents. (Labels have their own completeness test in the
/// domain.)
const MESSAGE_FILES: [&str; 3] = [
    "crates/quayside-i18n/locales/en/validation.ftl",
    "crates/quayside-i18n/locales/en/errors.ftl",
    "crates/quayside-i18n/locales/en/documents.ftl",
];

/// The ids a Fluent file defines, with their line: a message starts at the line's first column.
fn fluent_ids(source: &str) -> Vec<(usize, String)> {
    source
        .lines()
        .enumerate()
        .filter_map(|(n, line)| {
            let (id, _) = line.split_once(" =")?;
            let plain = id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            (plain && line.starts_with(|c: char| c.is_ascii_alphabetic()))
                .then(|| (n + 1, id.to_string()))
        })
        .collect()
}

/// The string literals of a line that look like a key under one of `prefixes`: `"error.store_busy"`.
fn key_literals(line: &str, prefixes: &BTreeSet<String>) -> Vec<String> {
    line.split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            s.split_once('.').is_some_and(|(head, rest)| {
                prefixes.contains(head)
                    && !rest.is_empty()
                    && rest.chars().all(|c| {
                        c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.'
                    })
            })
        })
        .map(str::to_string)
        .collect()
}

/// Every key of `validation.ftl`, `errors.ftl` and `documents.ftl` is written somewhere in code, and every key
/// code writes under their prefixes is there. Keys are written whole, as string literals (never
/// assembled), so this finds a message nothing sends and a typo that would show a bare key.
/// Unit-test files of the UI are left out: they bring small catalogues of their own.
#[test]
fn message_keys_in_code_are_in_the_catalogue_and_back() {
    let mut defined = BTreeMap::new();
    for file in MESSAGE_FILES {
        for (line, id) in fluent_ids(&read(file)) {
            defined.insert(id.replace('-', "."), format!("{file}:{line}"));
        }
    }
    let prefixes: BTreeSet<String> = defined
        .keys()
        .filter_map(|k| k.split_once('.').map(|(head, _)| head.to_string()))
        .collect();
    let mut used = BTreeSet::new();
    let mut violations = Vec::new();
    for file in files() {
        let code = (file.starts_with("crates/") || file.starts_with("src-tauri/"))
            && extension(&file) == "rs";
        let ui = file.starts_with("ui/src/")
            && matches!(extension(&file), "ts" | "tsx")
            && !file.contains(".test.");
        if !code && !ui {
            continue;
        }
        for (n, line) in read(&file).lines().enumerate() {
            for key in key_literals(line, &prefixes) {
                if defined.contains_key(&key) {
                    used.insert(key);
                } else {
                    violations.push(format!("{file}:{}: {key} is not in English", n + 1));
                }
            }
        }
    }
    for (key, place) in &defined {
        if !used.contains(key) {
            violations.push(format!("{place}: {key} is used nowhere"));
        }
    }
    report(
        "every message key code sends is in the English catalogue, and every one there is sent",
        "add the message to validation.ftl, errors.ftl or documents.ftl (keys with dots, ids with \
         hyphens), fix the key's spelling, or remove the message nothing sends",
        &violations,
    );
}

// ---------------------------------------------------------------------------------------------
// The rules' own parsers

#[test]
fn the_parsers_read_what_they_should() {
    assert_eq!(snake_case("PhotoCaptionSet"), "photo_caption_set");
    assert!(cites_issue("the fix for issue 7, PostgreSQL").is_some());
    assert!(cites_issue("see issues #4 and 6").is_some());
    assert!(cites_issue("as in #12").is_some());
    assert!(cites_issue("colour &#123; and rule #[test]").is_none());
    assert!(cites_issue("an issue with 3 devices").is_none());
    assert!(imports_tauri(
        "import { invoke } from '@tauri-apps/api/core';"
    ));
    assert!(!imports_tauri("// not '@tauri-apps' here"));
    let deps = dependencies(
        "[dependencies]\nserde = \"1\"\nwin = { package = \"tauri\", version = \"2\" }\n\
         [target.'cfg(unix)'.dependencies.tauri-build]\nversion = \"2\"\n[features]\nx = []\n",
    );
    let names: Vec<&str> = deps.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(names, ["serde", "tauri", "win", "tauri-build"]);
    let top: BTreeSet<String> = ["crates", "docs"].map(String::from).into();
    assert_eq!(
        cited_paths(
            "see `docs/foo.md`, design.md and crates/x/src/{a,b}.rs; https://x/y.md",
            &top
        ),
        [
            "docs/foo.md",
            "design.md",
            "crates/x/src/a.rs",
            "crates/x/src/b.rs"
        ]
    );
    assert_eq!(
        comments(
            "let u = \"http://x\"; // cite #3\n/* a\n b */ code",
            Syntax::Slashes
        ),
        [" cite #3", " a", " b  "]
    );
    assert_eq!(
        fluent_ids("# c\nab-c_d = x\n    [one] y\n## g\nz = { $a }\n"),
        [(2, "ab-c_d".to_string()), (5, "z".to_string())]
    );
    let prefixes: BTreeSet<String> = ["ab"].map(String::from).into();
    assert_eq!(
        key_literals(r#"m("ab.c_d", "ab.", "xy.z", "ab.E", x)"#, &prefixes),
        ["ab.c_d"]
    );
}

// ---------------------------------------------------------------------------------------------
// Styles

/// Every design token a stylesheet reads is defined: an undefined `var(--name)` silently computes
/// to nothing, so a dialog or menu drawn with it has no background and the page shows through.
/// A read with a fallback, `var(--name, 8px)`, may name a property set at run time.
#[test]
fn every_css_custom_property_read_is_defined() {
    let sheets: Vec<String> = files()
        .into_iter()
        .filter(|f| f.starts_with("ui/src/") && extension(f) == "css")
        .collect();
    let mut defined = BTreeSet::new();
    let mut read_at = Vec::new();
    for sheet in &sheets {
        let text = read(sheet);
        for (n, line) in text.lines().enumerate() {
            let mut rest = line;
            while let Some(at) = rest.find("--") {
                let after = &rest[at + 2..];
                let name: String = after
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                let tail = &after[name.len()..];
                let before = rest[..at].trim_end();
                if !name.is_empty()
                    && tail.trim_start().starts_with(':')
                    && !before.ends_with("var(")
                {
                    defined.insert(name.clone());
                } else if before.ends_with("var(") && !tail.trim_start().starts_with(',') {
                    read_at.push((format!("{sheet}:{}", n + 1), name.clone()));
                }
                rest = &after[name.len()..];
            }
        }
    }
    let violations: Vec<String> = read_at
        .into_iter()
        .filter(|(_, name)| !defined.contains(name))
        .map(|(at, name)| format!("{at}: var(--{name}) is defined nowhere"))
        .collect();
    report(
        "every custom property a stylesheet reads is defined",
        "use a token styles.css defines (--surface, --ink, --line, ...), define the new one there for every theme, or give the read a fallback",
        &violations,
    );
}
