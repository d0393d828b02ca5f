#![cfg(not(target_arch = "wasm32"))]
//! Every class the app's markup uses has a rule in `styles/app.css`, or is
//! a named test hook below: a class without either is a screen nobody
//! styled (issue 14 found Mini Programs and the batch check that way).
//!
//! Reads the sources as text: `class="…"` in `html!` and in markup built
//! as strings (`class=\"…\"`), and the string literals inside `classes!(…)`.
//! Classes computed at run time (`classes!(kind)`) are not seen.

use std::collections::BTreeSet;
use std::path::Path;

/// Classes that only tests and scripts look for, never styled, each with
/// who needs it; each must be named in `tests/` or `scripts/`. Empty since
/// the tests find elements by role, name and `data-*` (issue 14): prefer
/// those to adding one here.
const HOOKS: &[(&str, &str)] = &[];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The string literals (`"…"`, no escapes inside) in `s`.
fn literals(s: &str) -> Vec<&str> {
    s.split('"').skip(1).step_by(2).collect()
}

/// The classes used in one source file, with where.
fn used_in(src: &str, file: &str, out: &mut Vec<(String, String)>) {
    let mut add = |list: &str, line: usize| {
        for c in list.split_whitespace() {
            out.push((c.to_string(), format!("{file}:{line}")));
        }
    };
    for (n, line) in src.lines().enumerate() {
        let mut rest = line;
        while let Some(i) = rest.find("class=") {
            rest = &rest[i + 6..];
            if let Some(r) = rest.strip_prefix("\\\"") {
                // Markup built in a string: class=\"a b\"
                add(r.split("\\\"").next().unwrap_or_default(), n + 1);
            } else if let Some(r) = rest.strip_prefix('"') {
                add(r.split('"').next().unwrap_or_default(), n + 1);
            }
        }
        let mut rest = line;
        while let Some(i) = rest.find("classes!(") {
            rest = &rest[i + 9..];
            let end = rest
                .find(")}")
                .or_else(|| rest.find(')'))
                .unwrap_or(rest.len());
            for lit in literals(&rest[..end]) {
                add(lit, n + 1);
            }
        }
    }
}

/// The class selectors in a stylesheet (comments removed).
fn styled(css: &str) -> BTreeSet<String> {
    let mut text = String::new();
    let mut rest = css;
    while let Some(i) = rest.find("/*") {
        text.push_str(&rest[..i]);
        rest = rest[i..].find("*/").map_or("", |j| &rest[i + j + 2..]);
    }
    text.push_str(rest);
    let mut out = BTreeSet::new();
    // Only selectors: between `}` and `{`, or `{` and `{` inside @media.
    for block in text.split('}') {
        let parts: Vec<&str> = block.split('{').collect();
        let selectors = &parts[..parts.len().saturating_sub(1)];
        for part in selectors.iter().flat_map(|s| s.split('.').skip(1)) {
            let name: String = part
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            if name.starts_with(|c: char| c.is_ascii_alphabetic()) {
                out.insert(name);
            }
        }
    }
    out
}

#[test]
fn every_class_in_the_markup_has_a_rule_or_is_a_named_hook() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let css = std::fs::read_to_string(root.join("styles/app.css")).unwrap();
    let rules = styled(&css);
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    let mut used = Vec::new();
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap();
        let name = f.strip_prefix(root).unwrap().display().to_string();
        used_in(&src, &name, &mut used);
    }
    assert!(used.len() > 100, "found only {} class uses", used.len());
    let hooks: BTreeSet<&str> = HOOKS.iter().map(|h| h.0).collect();
    let bare: BTreeSet<String> = used
        .iter()
        .filter(|(c, _)| !rules.contains(c) && !hooks.contains(c.as_str()))
        .map(|(c, at)| c.clone() + " (" + at + ")")
        .collect();
    assert!(
        bare.is_empty(),
        "classes with no rule in styles/app.css and not a named hook:\n{}",
        bare.into_iter().collect::<Vec<_>>().join("\n")
    );
    // The list of hooks stays true: each is used, looked for, not styled.
    let names: BTreeSet<&str> = used.iter().map(|(c, _)| c.as_str()).collect();
    let mut lookers = String::new();
    for dir in ["tests", "scripts"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap().flatten() {
            lookers += &std::fs::read_to_string(e.path()).unwrap_or_default();
        }
    }
    for (hook, _) in HOOKS {
        assert!(names.contains(hook), "hook {hook} is no longer used");
        assert!(!rules.contains(*hook), "hook {hook} has a rule now");
        let dotted = String::from(".") + hook;
        assert!(
            lookers.contains(&dotted),
            "no test or script looks for {dotted}"
        );
    }
}

#[test]
fn the_scanner_sees_every_form() {
    let mut used = Vec::new();
    used_in(
        "<a class=\"btn primary\"></a>\nout.push_str(\"<td class=\\\"batch-link\\\">\");\n\
         <li class={classes!(\"msg\", if mine { \"mine\" } else { \"theirs\" })}>",
        "x.rs",
        &mut used,
    );
    let names: Vec<&str> = used.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(
        names,
        ["btn", "primary", "batch-link", "msg", "mine", "theirs"]
    );
    let css = styled("/* .ghost */ .a, .b:hover > .c-d { color: #fff; font: 0.85em x; }\n@media (max-width: 500px) { .e { } }");
    assert_eq!(css.into_iter().collect::<Vec<_>>(), ["a", "b", "c-d", "e"]);
}
