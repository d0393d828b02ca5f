//! The interoperability record as data (`rules/record.json`, embedded at
//! compile time): the timeline's cards, and the dates its scrubber marks.

use super::rules::Rules;
use super::scenario::Date;
use crate::i18n::Lang;
use crate::json::{Error, FromJson, Node};
use std::sync::OnceLock;

/// The record file (minified and without its `about` in wasm builds).
pub const RECORD_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/record.json"));

/// A part of an entry that the record marks weak or assumed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// Its key, cited as `ID#key`.
    pub key: String,
    /// Rests on a reprint or an aggregator.
    pub weak: bool,
    /// Stated by no source.
    pub assumed: bool,
    /// What it says, in English.
    pub what_en: String,
    /// What it says, in Chinese.
    pub what_zh: String,
}

/// One dated entry of the record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The record id (`R-2021-09-17`), the card's element id.
    pub id: String,
    /// The record's section.
    pub section: String,
    /// The first day (month-precision entries start on the 1st).
    pub date: Date,
    /// The day it ended (exclusive), if it did.
    pub until: Option<Date>,
    /// `day`, `month`, `approximate` or `unknown`.
    pub precision: String,
    /// Title in English.
    pub title_en: String,
    /// Title in Chinese.
    pub title_zh: String,
    /// What happened, in English.
    pub what_en: String,
    /// What happened, in Chinese.
    pub what_zh: String,
    /// The sources as the record names them.
    pub sources: Vec<String>,
    /// The whole entry rests on reprints or aggregators.
    pub weak: bool,
    /// The whole entry is stated by no source.
    pub assumed: bool,
    /// Weak or assumed parts.
    pub parts: Vec<Part>,
}

impl Entry {
    /// The title in `lang`.
    pub fn title(&self, lang: Lang) -> &str {
        lang.pick(&self.title_en, &self.title_zh)
    }
    /// What happened in `lang`.
    pub fn what(&self, lang: Lang) -> &str {
        lang.pick(&self.what_en, &self.what_zh)
    }
    /// Whether `source` (a rule's source, maybe `ID#part`) cites this entry.
    pub fn cited_by(&self, source: &str) -> bool {
        source.split('#').next() == Some(self.id.as_str())
    }
    /// The ids of the rules of `rules` that cite this entry, in file order.
    pub fn rules<'a>(&'a self, rules: &'a Rules) -> impl Iterator<Item = &'a str> + 'a {
        rules
            .rules()
            .iter()
            .filter(|r| r.sources.iter().any(|s| self.cited_by(s)))
            .map(|r| &*r.id)
    }
}

impl FromJson for Part {
    fn from_json(n: &Node) -> Result<Self, Error> {
        Ok(Part {
            key: n.read("key")?,
            weak: n.read::<Option<bool>>("weak")?.unwrap_or(false),
            assumed: n.read::<Option<bool>>("assumed")?.unwrap_or(false),
            what_en: n.read("what_en")?,
            what_zh: n.read("what_zh")?,
        })
    }
}

impl FromJson for Entry {
    fn from_json(n: &Node) -> Result<Self, Error> {
        Ok(Entry {
            id: n.read("id")?,
            section: n.read("section")?,
            date: n.read("date")?,
            until: n.read("until")?,
            precision: n.read("precision")?,
            title_en: n.read("title_en")?,
            title_zh: n.read("title_zh")?,
            what_en: n.read("what_en")?,
            what_zh: n.read("what_zh")?,
            sources: n.read("sources")?,
            weak: n.read::<Option<bool>>("weak")?.unwrap_or(false),
            assumed: n.read::<Option<bool>>("assumed")?.unwrap_or(false),
            parts: n.read::<Option<Vec<Part>>>("parts")?.unwrap_or_default(),
        })
    }
}

/// Every entry of the record, by date (ties in file order). Parsed once;
/// a test reads the file, so an unreadable one cannot ship.
pub fn entries() -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        let mut v: Vec<Entry> = crate::json::parse(RECORD_JSON)
            .ok()
            .and_then(|root| root.read("entries").ok())
            .unwrap_or_default();
        crate::sort::sort_by(&mut v, &|a, b| a.date.cmp(&b.date));
        v
    })
}

/// An entry by id.
pub fn entry(id: &str) -> Option<&'static Entry> {
    entries().iter().find(|e| e.id == id)
}

/// The web address of a source, when the record's name for it contains a
/// domain (`pandaily.com/?p=7954`, `Shanghai Daily shine.cn 2021-09-17`);
/// names such as `Reuters 2013-08-01` or `seeds/000` have none and stay
/// text. Nothing is guessed beyond the domain the record gives.
pub fn source_url(source: &str) -> Option<String> {
    source
        .split([' ', '"', '\u{201c}'])
        .find(|w| {
            let host = w.split('/').next().unwrap_or("");
            host.contains('.')
                && host.rsplit('.').next().is_some_and(|tld| {
                    tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_lowercase())
                })
                && host
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        })
        .map(|w| String::from("https://") + w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_record_is_read_whole_and_in_date_order() {
        let raw: serde_json::Value =
            serde_json::from_str(include_str!("../../rules/record.json")).unwrap();
        let n = raw["entries"].as_array().unwrap().len();
        assert_eq!(entries().len(), n);
        assert!(entries().windows(2).all(|w| w[0].date <= w[1].date));
        let e = entry("R-2018-05-29").unwrap();
        assert_eq!(e.parts[0].key, "bans");
        assert!(e.parts[0].weak);
        assert!(entry("R-2020-12").unwrap().weak);
        assert!(entry("S-ANDROID-SOON").unwrap().assumed);
        assert_eq!(
            entry("REG-2021-07-27").unwrap().until,
            Date::new(2021, 8, 5)
        );
        // Every id the rules cite is in the record, and every §1 entry is
        // cited by a rule.
        for id in super::super::rules::RECORD_IDS {
            let e = entry(id).unwrap();
            assert!(e.rules(Rules::builtin()).next().is_some(), "{id}");
        }
    }

    #[test]
    fn sources_with_a_domain_become_links_and_others_stay_text() {
        assert_eq!(
            source_url("pandaily.com/?p=7954").as_deref(),
            Some("https://pandaily.com/?p=7954")
        );
        assert_eq!(
            source_url("Shanghai Daily shine.cn 2021-09-17").as_deref(),
            Some("https://shine.cn")
        );
        assert_eq!(
            source_url("Caixin via laitimes.com").as_deref(),
            Some("https://laitimes.com")
        );
        for text in [
            "Reuters 2013-08-01",
            "seeds/000 (context)",
            "SCMP 3064623",
            "IT之家 via kafan.cn",
        ] {
            let url = source_url(text);
            assert!(
                url.is_none() || text.contains("kafan.cn"),
                "{text}: {url:?}"
            );
        }
        assert_eq!(
            source_url("chinafilminsider.com \"WeChat blocks Douyin registration…\"").as_deref(),
            Some("https://chinafilminsider.com")
        );
    }
}
