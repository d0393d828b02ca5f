//! House rules that a grep can keep (issue 24): a part with state is a
//! component that owns it, so no `#[hook]` function returns `Html` (a hook
//! that draws makes its caller re-render for every change of its state).

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
