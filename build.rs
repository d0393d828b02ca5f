//! Prepares the built-in rules file and the record for embedding.
//!
//! Natively (tests, benchmark, the decide tool) the file is embedded as
//! written. In the wasm bundle every byte counts against the 400 KB gzip
//! budget, so there it is minified and its free-text `about`, `note` and
//! sources' `what` fields (documentation for people reading the file;
//! nothing in the app shows them yet) are left out: about 3 KB gzipped. Decisions are the same
//! either way; `tests/policy_wasm.rs` checks them in the browser.

use std::path::Path;

// The same SHA-256 the app uses for custom rules (src/policy/fingerprint.rs).
#[allow(dead_code)]
#[path = "src/policy/sha256.rs"]
mod sha256;

fn strip(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            m.remove("about");
            m.remove("note");
            // A source's `what` is required by the loader: keep it, empty.
            if let Some(w) = m.get_mut("what") {
                *w = serde_json::Value::String(String::new());
            }
            m.values_mut().for_each(strip);
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
        _ => {}
    }
}

/// A data file of `rules/` (the record, the timeline's content; the
/// stories) for the wasm bundle: minified, without its `about`
/// (documentation for people reading the file); as written natively.
fn data_file(name: &str, wasm: bool, dir: &str) {
    println!("cargo:rerun-if-changed=rules/{name}");
    let text = std::fs::read_to_string(format!("rules/{name}")).expect(name);
    let out = match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(mut v) if wasm => {
            if let Some(m) = v.as_object_mut() {
                m.remove("about");
            }
            v.to_string()
        }
        _ => text,
    };
    std::fs::write(Path::new(dir).join(name), out).expect(name);
}

fn main() {
    println!("cargo:rerun-if-changed=rules/rules.json");
    println!("cargo:rerun-if-changed=src/policy/sha256.rs");
    let text = std::fs::read_to_string("rules/rules.json").expect("rules/rules.json");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    let dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    // The fingerprint of the file as written, before it is minified: it
    // equals `sha256sum rules/rules.json`.
    std::fs::write(
        Path::new(&dir).join("rules.sha256"),
        sha256::hex(text.as_bytes()),
    )
    .expect("write rules.sha256");
    let out = if wasm {
        match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(mut v) => {
                strip(&mut v);
                v.to_string()
            }
            // Invalid JSON: embed it as is, so the loader reports the error
            // with its line and column.
            Err(_) => text,
        }
    } else {
        text
    };
    std::fs::write(Path::new(&dir).join("rules.json"), out).expect("write rules.json");
    data_file("record.json", wasm, &dir);
    data_file("stories.json", wasm, &dir);
}
