//! House rules that a grep can keep (issue 24): a part with state is a
//! component that owns it, so no `#[hook]` function returns `Html` (a hook
//! that draws makes its caller re-render for every change of its state);
//! markup reaches the page only through `present`'s escaping builder and
//! its one adapter; `present` knows nothing of Yew or the browser; and
//! `state` and `policy` speak in typed values that `i18n` and `present`
//! put into words.

use std::path::Path;

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((path.display().to_string(), text));
        }
    }
}

/// The `#[hook]` functions of `text` whose signature returns `Html`, by
/// line number.
fn drawing_hooks(text: &str) -> Vec<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.trim() != "#[hook]" {
            continue;
        }
        // The signature: from the attribute to the opening brace.
        let signature: String = lines[i + 1..]
            .iter()
            .take_while(|l| !l.contains('{'))
            .chain(lines[i + 1..].iter().find(|l| l.contains('{')))
            .map(|l| l.split('{').next().unwrap_or(l))
            .collect();
        if signature.replace(' ', "").contains("->Html") {
            found.push(i + 1);
        }
    }
    found
}

#[test]
fn no_hook_returns_html() {
    let mut files = Vec::new();
    sources(Path::new("src"), &mut files);
    assert!(files.len() > 50, "only {} source files", files.len());
    let offenders: Vec<String> = files
        .iter()
        .flat_map(|(path, text)| {
            drawing_hooks(text)
                .into_iter()
                .map(move |line| format!("{path}:{line}"))
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "#[hook] functions returning Html (make each a #[component] that owns its state):\n{}",
        offenders.join("\n")
    );
}

#[test]
fn the_check_finds_a_drawing_hook() {
    let text = "#[hook]\npub fn use_part(\n    x: u8,\n) -> Html {\n    html! {}\n}\n\n#[hook]\nfn use_count() -> UseStateHandle<u8> {\n";
    assert_eq!(drawing_hooks(text), [1]);
}

/// The one file that may turn markup into `Html` unchecked: the adapter
/// from `present::markup::Markup`.
const ADAPTER: &str = "src/ui/components/markup.rs";

/// Files of `state` and `policy` still allowed to import `crate::i18n`
/// while their words move to `i18n` and `present`: none any more. A file
/// listed here that no longer imports it fails the test too, so that the
/// list only ever shrinks.
const I18N_EXEMPT: &[&str] = &[];

/// `text` without its comment lines (doc comments may name anything).
fn code(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .map(|(i, l)| (i + 1, l))
}

/// `path:line` of every code line of `files` that contains `needle`.
fn lines_with(files: &[(String, String)], needle: &str) -> Vec<String> {
    files
        .iter()
        .flat_map(|(path, text)| {
            code(text)
                .filter(|(_, l)| l.contains(needle))
                .map(move |(i, _)| format!("{path}:{i}"))
        })
        .collect()
}

/// The files under `dir`.
fn files_under(dir: &str) -> Vec<(String, String)> {
    let mut files = Vec::new();
    sources(Path::new(dir), &mut files);
    files
}

#[test]
fn markup_becomes_html_in_the_adapter_only() {
    let files = files_under("src");
    let adapter = Path::new(ADAPTER);
    let offenders: Vec<String> = lines_with(&files, "from_html_unchecked")
        .into_iter()
        .filter(|at| !Path::new(at.rsplit_once(':').unwrap().0).ends_with(adapter))
        .collect();
    assert!(
        offenders.is_empty(),
        "Html::from_html_unchecked outside {ADAPTER} (build the markup in src/present \
         and hand it over with ui::components::markup::html):\n{}",
        offenders.join("\n")
    );
    assert!(
        !lines_with(&files, "from_html_unchecked").is_empty(),
        "the adapter is where the check expects it"
    );
}

#[test]
fn present_knows_no_yew_and_no_browser() {
    let files = files_under("src/present");
    assert!(files.len() > 5, "only {} files in src/present", files.len());
    let offenders: Vec<String> = ["yew", "web_sys", "wasm_bindgen", "js_sys"]
        .iter()
        .flat_map(|needle| lines_with(&files, needle))
        .collect();
    assert!(
        offenders.is_empty(),
        "src/present names Yew or the browser (it is pure Rust, tested natively):\n{}",
        offenders.join("\n")
    );
}

#[test]
fn state_and_policy_import_no_i18n() {
    if !I18N_EXEMPT.is_empty() {
        println!(
            "exempt from the i18n check, for now:\n  {}",
            I18N_EXEMPT.join("\n  ")
        );
    }
    let mut files = files_under("src/state");
    files.extend(files_under("src/policy"));
    assert!(files.len() > 30, "only {} files", files.len());
    let exempt = |path: &str| I18N_EXEMPT.iter().any(|e| Path::new(path).ends_with(e));
    let offenders: Vec<String> = lines_with(&files, "crate::i18n")
        .into_iter()
        .filter(|at| !exempt(at.rsplit_once(':').unwrap().0))
        .collect();
    assert!(
        offenders.is_empty(),
        "state and policy return typed values; i18n and present put them into words:\n{}",
        offenders.join("\n")
    );
    let stale: Vec<&str> = I18N_EXEMPT
        .iter()
        .copied()
        .filter(|e| {
            !files.iter().any(|(path, text)| {
                Path::new(path).ends_with(e) && code(text).any(|(_, l)| l.contains("crate::i18n"))
            })
        })
        .collect();
    assert!(
        stale.is_empty(),
        "no longer import crate::i18n: remove them from I18N_EXEMPT: {stale:?}"
    );
}

#[test]
fn the_checks_read_code_not_comments() {
    let files = [(
        String::from("src/x.rs"),
        String::from(
            "//! Html::from_html_unchecked is named here\nlet h = Html::from_html_unchecked(m);\n",
        ),
    )];
    assert_eq!(lines_with(&files, "from_html_unchecked"), ["src/x.rs:2"]);
}

/// One word for "account" in the Chinese UI: WeChat's own 帐号, never 账号
/// beside it (issue 25), in the strings and in the rules and record files.
#[test]
fn the_chinese_ui_says_account_one_way() {
    let mut files = files_under("src");
    for f in ["rules/rules.json", "rules/record.json"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(f);
        files.push((f.to_string(), std::fs::read_to_string(path).unwrap()));
    }
    let mixed = lines_with(&files, "账号");
    assert!(mixed.is_empty(), "帐号, not 账号: {mixed:?}");
    assert!(
        !lines_with(&files, "帐号").is_empty(),
        "the check reads the strings"
    );
}
