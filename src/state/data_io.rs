//! Export and import of all saved data as one JSON file (Me → Export my
//! data / Import).
//!
//! The file is the saved layout (schema version, chats, Moments, settings,
//! custom rules…) with a leading `"app"` field that says whose it is, and
//! revision 0: the revision only orders two tabs' saves, so leaving it out
//! makes export → import → export give the same bytes.

use super::model::Data;
use super::persist::{decode, encode, PersistError};

/// The value of the file's `"app"` field.
pub const APP: &str = "walled-garden";
/// The largest file that is imported.
pub const MAX_IMPORT_BYTES: usize = 10 * 1024 * 1024;
/// Where the data from before an import is kept.
pub const IMPORT_BACKUP_KEY: &str = "walled-garden.before-import";
/// The name the exported file is offered under.
pub const FILE_NAME: &str = "walled-garden-data.json";

/// Why a file was not imported. Nothing changes in any of these cases.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataImportError {
    /// Larger than [`MAX_IMPORT_BYTES`].
    TooLarge,
    /// Not UTF-8 JSON with `"app": "walled-garden"`: another program's file.
    NotOurs,
    /// Exported by a newer version of the app.
    NewerVersion,
    /// This app's file, but damaged: why, where.
    Corrupted(PersistError),
    /// The browser had no room to keep the current data first.
    NoRoomForBackup,
}

/// The file holding `data`.
pub fn export(data: &Data) -> String {
    let text = encode(&Data {
        rev: 0,
        ..data.clone()
    });
    let mut out = String::from("{\"app\":\"");
    out.push_str(APP);
    out.push_str("\",");
    out.push_str(text.strip_prefix('{').unwrap_or(&text));
    out
}

/// Reads an imported file: the data to replace everything with, or why not.
pub fn import(bytes: &[u8]) -> Result<Data, DataImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(DataImportError::TooLarge);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| DataImportError::NotOurs)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let ours = match crate::json::parse(text) {
        Ok(n) => n.get("app").and_then(crate::json::Node::as_str) == Some(APP),
        // Damaged JSON is ours if it starts as our files do; decoding it
        // then says where it breaks.
        Err(_) => text.trim_start().starts_with("{\"app\":\"walled-garden\""),
    };
    if !ours {
        return Err(DataImportError::NotOurs);
    }
    decode(text).map_err(|e| match e {
        PersistError::NewerVersion => DataImportError::NewerVersion,
        e => DataImportError::Corrupted(e),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::seed::seed;

    #[test]
    fn export_then_import_round_trips_byte_for_byte() {
        let mut d = seed();
        d.rev = 41;
        d.lang = crate::lang::Lang::Zh;
        let file = export(&d);
        assert!(file.starts_with("{\"app\":\"walled-garden\",\"version\":1,\"rev\":0,"));
        let back = import(file.as_bytes()).unwrap();
        assert_eq!(back, Data { rev: 0, ..d });
        assert_eq!(export(&back), file);
        // A byte-order mark, as some editors save, is fine.
        let bom = String::from("\u{feff}") + &file;
        assert!(import(bom.as_bytes()).is_ok());
    }

    #[test]
    fn other_files_are_refused_with_the_reason() {
        let file = export(&seed());
        for other in [
            "",
            "not json",
            "[]",
            "{}",
            "{\"app\":\"other\"}",
            "{\"app\":7}",
        ] {
            assert_eq!(
                import(other.as_bytes()),
                Err(DataImportError::NotOurs),
                "{other}"
            );
        }
        // The saved layout without the marker is not an export either.
        assert_eq!(
            import(encode(&seed()).as_bytes()),
            Err(DataImportError::NotOurs)
        );
        assert_eq!(import(&[0xff, 0xfe, 0x00]), Err(DataImportError::NotOurs));
        let newer = file.replacen("\"version\":1", "\"version\":2", 1);
        assert_eq!(import(newer.as_bytes()), Err(DataImportError::NewerVersion));
        let broken = file.replacen("\"c-lihua\"", "\"c-ghost\"", 1);
        assert!(matches!(
            import(broken.as_bytes()),
            Err(DataImportError::Corrupted(_))
        ));
        // Cut short: ours, damaged, and the reason says where.
        let cut = &file[..file.len() / 2];
        assert!(matches!(
            import(cut.as_bytes()),
            Err(DataImportError::Corrupted(PersistError::Unreadable {
                line: 1,
                ..
            }))
        ));
        let mut big = file.clone().into_bytes();
        big.resize(MAX_IMPORT_BYTES + 1, b' ');
        assert_eq!(import(&big), Err(DataImportError::TooLarge));
    }
}
