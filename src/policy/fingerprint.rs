//! The rules fingerprint: which rules file a decision came from, so a
//! citation, a download or a correction can be checked against the same
//! rules later.
//!
//! It is the SHA-256 of the active rules file's bytes: for the built-in rules
//! the bytes of `rules/rules.json` as written (equal to `sha256sum
//! rules/rules.json`, computed by `build.rs` at compile time, since the wasm
//! bundle embeds the file minified); for the user's own file, the bytes they
//! applied, computed once when it is applied or loaded, never per render.

use super::sha256;
use std::rc::Rc;

/// The built-in rules file's SHA-256, 64 hex digits (`build.rs`).
pub const BUILTIN_SHA256: &str = include_str!(concat!(env!("OUT_DIR"), "/rules.sha256"));

/// How many hex digits the app shows.
pub const SHORT: usize = 12;

/// The fingerprint of the rules in force.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    sha256: Rc<str>,
    custom: bool,
}

impl Fingerprint {
    /// The built-in rules'.
    pub fn builtin() -> Fingerprint {
        Fingerprint {
            sha256: BUILTIN_SHA256.into(),
            custom: false,
        }
    }
    /// A rules file the user applied, from its text as applied.
    pub fn of_custom(text: &str) -> Fingerprint {
        Fingerprint {
            sha256: sha256::hex(text.as_bytes()).into(),
            custom: true,
        }
    }
    /// All 64 hex digits.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }
    /// The first [`SHORT`] hex digits, as the app shows them.
    pub fn short(&self) -> &str {
        &self.sha256[..SHORT]
    }
    /// Whether these are the user's own rules, not the built-in ones.
    pub fn is_custom(&self) -> bool {
        self.custom
    }
    /// What a citation prints: the short digits, and `custom` after them
    /// when the rules were edited (the same word in both languages, like
    /// the digits: it is an identifier, not prose).
    pub fn label(&self) -> String {
        if self.custom {
            format!("{} custom", self.short())
        } else {
            self.short().to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_fingerprint_is_sha256sum_of_the_file_as_written() {
        let file = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/rules.json")).unwrap();
        assert_eq!(Fingerprint::builtin().sha256(), sha256::hex(&file));
        assert_eq!(BUILTIN_SHA256.len(), 64);
        assert!(!Fingerprint::builtin().is_custom());
        assert_eq!(Fingerprint::builtin().label().len(), SHORT);
    }

    #[test]
    fn sha256sum_agrees_where_it_is_installed() {
        // `sha256sum` is in coreutils on the machines this is built on; the
        // test says so rather than passing silently when it is missing.
        let out = std::process::Command::new("sha256sum")
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/rules.json"))
            .output()
            .expect("sha256sum (coreutils) must be installed");
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(text.split_whitespace().next(), Some(BUILTIN_SHA256));
    }

    #[test]
    fn a_custom_file_is_marked_and_fingerprinted_by_its_bytes() {
        let a = Fingerprint::of_custom("{}");
        assert!(a.is_custom());
        assert_eq!(a.sha256(), sha256::hex(b"{}"));
        assert!(a.label().ends_with(" custom"));
        assert_ne!(a, Fingerprint::of_custom("{ }"));
    }
}
