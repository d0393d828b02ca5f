//! The interoperability record as data (`rules/record.json`, embedded at
//! compile time): the timeline's cards, the dates its scrubber marks, and
//! what of the simulator follows from each entry.
//!
//! Only dates the record gives are held: an entry "before May 2017" has no
//! start, one the record dates nowhere has no date at all (see
//! [`entries`] for where such entries stand on the timeline).

use super::rules::Rules;
use super::scenario::Date;
use crate::json::{Error, FromJson, Node};
use crate::lang::Lang;
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

/// One entry of the record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The record id (`R-2021-09-17`), the card's element id.
    pub id: String,
    /// The record's section.
    pub section: String,
    /// The first day (month-precision entries start on the 1st), or `None`
    /// when the record gives no start ("before May 2017", or no date).
    pub date: Option<Date>,
    /// The day it ended (exclusive), if the record gives one.
    pub until: Option<Date>,
    /// The record calls the end an inference ("around 2021-08-05
    /// (inferred …)").
    pub until_inferred: bool,
    /// Precision of the dates given: `day`, `month`, `approximate`, or
    /// `unknown` when the record gives none.
    pub precision: String,
    /// The record's own words for the dates, in English, when the day shown
    /// is a reading of them (`late February 2020`, `before May 2017`).
    pub when_en: Option<String>,
    /// The same in Chinese.
    pub when_zh: Option<String>,
    /// For an entry with no date at all: the id of the entry it stands
    /// after on the timeline (`None`: it stands first).
    pub after: Option<String>,
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
    /// The record's own words for the dates in `lang`, if the file quotes
    /// them.
    pub fn when(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::En => self.when_en.as_deref(),
            Lang::Zh => self.when_zh.as_deref().or(self.when_en.as_deref()),
        }
    }
    /// Whether `source` (a rule's source, maybe `ID#part`) cites this entry.
    pub fn cited_by(&self, source: &str) -> bool {
        source.split('#').next() == Some(self.id.as_str())
    }
    /// The ids of the rules of `rules` that cite this entry (in their
    /// sources or their caveat's), in file order.
    pub fn rules<'a>(&'a self, rules: &'a Rules) -> impl Iterator<Item = &'a str> + 'a {
        rules
            .rules()
            .iter()
            .filter(|r| {
                let caveat = r.caveat.iter().flat_map(|c| c.sources.iter());
                r.sources.iter().chain(caveat).any(|s| self.cited_by(s))
            })
            .map(|r| &*r.id)
    }
    /// Everything of the simulator that follows from this entry: the rules
    /// of `rules` citing it, its `network` and `sync` sections, and the
    /// features whose code cites the record ([`Use`]). Empty for an entry
    /// that is context only (nothing the app decides rests on it).
    pub fn uses<'a>(&'a self, rules: &'a Rules) -> Vec<Use<'a>> {
        let mut out: Vec<Use<'a>> = self.rules(rules).map(Use::Rule).collect();
        out.extend(
            rules
                .network_rules()
                .iter()
                .filter(|n| n.sources.iter().any(|s| self.cited_by(s)))
                .map(|n| Use::Network(&n.id)),
        );
        if rules.sync_rules().iter().any(|s| self.cited_by(&s.source)) {
            out.push(Use::Sync);
        }
        if self.cited_by(super::registration::REG_2021_07_27) {
            out.push(Use::SignUp);
        }
        if self.cited_by(super::connection::CONN_2020_02) {
            out.push(Use::Connection);
        }
        out
    }
    /// Whether the entry is context only: no rule or feature of the
    /// simulator follows from it (with `rules` in force).
    pub fn context_only(&self, rules: &Rules) -> bool {
        self.uses(rules).is_empty()
    }
}

/// A part of the simulator that follows from a record entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use<'a> {
    /// A rule of the rules file's `rules` (its id; the rules screen shows it).
    Rule(&'a str),
    /// A rule of the rules file's `network` section (its id).
    Network(&'a str),
    /// The `sync` section: whether Moments can be synced to QQ, Facebook
    /// and Twitter.
    Sync,
    /// Sign-up's suspension (`policy::registration`).
    SignUp,
    /// Douyin's Connection (`policy::connection`).
    Connection,
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
            until_inferred: n.read::<Option<bool>>("until_inferred")?.unwrap_or(false),
            precision: n.read("precision")?,
            when_en: n.read("when_en")?,
            when_zh: n.read("when_zh")?,
            after: n.read("after")?,
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

/// Every entry of the record in timeline order. Parsed once; a test reads
/// the file, so an unreadable one cannot ship.
///
/// Entries with a start stand by it; an entry with only an end ("before
/// May 2017") stands at its end, before the entries starting that day (it
/// leads up to them); ties keep file order. An entry with no date at all
/// stands right after the entry its `after` names (after others already
/// placed there, in file order), or first when it names none: a standing
/// fact of the whole period, such as the network's blocks.
pub fn entries() -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        order(
            crate::json::parse(RECORD_JSON)
                .ok()
                .and_then(|root| root.read("entries").ok())
                .unwrap_or_default(),
        )
    })
}

/// `v` in timeline order (see [`entries`]).
fn order(v: Vec<Entry>) -> Vec<Entry> {
    // The day an entry stands at, and whether it starts then (an entry
    // that only ends that day comes first).
    let key = |e: &Entry| e.date.or(e.until).map(|d| (d, e.date.is_some()));
    let (mut dated, undated): (Vec<Entry>, Vec<Entry>) =
        v.into_iter().partition(|e| key(e).is_some());
    crate::sort::sort_by(&mut dated, &|a, b| key(a).cmp(&key(b)));
    let (placed, mut out): (Vec<Entry>, Vec<Entry>) =
        undated.into_iter().partition(|e| e.after.is_some());
    out.extend(dated);
    for e in placed {
        let anchor = out.iter().position(|x| e.after.as_deref() == Some(&*x.id));
        match anchor {
            Some(i) => {
                let mut at = i + 1;
                while out.get(at).is_some_and(|x| x.after == e.after) {
                    at += 1;
                }
                out.insert(at, e);
            }
            // An unknown anchor: at the end rather than lost (a test
            // checks every `after` names an entry).
            None => out.push(e),
        }
    }
    out
}

/// The days the record dates, with their entries, in order: an entry's
/// start, never a day the record does not give. What the scrubber and the
/// chart mark, and where "what changed" looks for a nearby event.
pub fn marks() -> impl Iterator<Item = (Date, &'static Entry)> {
    entries().iter().filter_map(|e| e.date.map(|d| (d, e)))
}

/// An entry by id.
pub fn entry(id: &str) -> Option<&'static Entry> {
    entries().iter().find(|e| e.id == id)
}

/// The five source articles of the record (`seeds/` beside it), by the
/// number the record cites them with: who published each (where the text
/// says) and its title, as a reader would cite them.
const SEEDS: [(&str, &str); 5] = [
    (
        "The Record",
        "Tencent bows to Beijing\u{2019}s pressure, opens WeChat groups to social media rivals",
    ),
    (
        "South China Morning Post",
        "WeChat allows content sharing with banned Facebook, Twitter",
    ),
    (
        "Jessica Rapp",
        "WeChat Now Lets Chinese Users Share Content on Facebook",
    ),
    (
        "London Daily (from the SCMP)",
        "China\u{2019}s TikTok, Douyin, tests social networking feature as it competes with Tencent\u{2019}s WeChat",
    ),
    (
        "Matthew Bossons, 2021-07-28",
        "WeChat Suspends User Registration Amid Ongoing Tech Crackdown",
    ),
];

/// A source as a reader names it: `seeds/000 (context)` becomes
/// `The Record, "Tencent bows…" (context)`; every other name is the
/// record's own (`Reuters 2013-08-01`).
pub fn source_name(source: &str) -> std::borrow::Cow<'_, str> {
    let Some(rest) = source.strip_prefix("seeds/") else {
        return source.into();
    };
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (number, after) = rest.split_at(digits);
    match number.parse::<usize>().ok().and_then(|n| SEEDS.get(n)) {
        Some((by, title)) => format!("{by}, \u{201c}{title}\u{201d}{after}").into(),
        None => source.into(),
    }
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
    fn seeds_are_named_by_publication_and_title() {
        assert_eq!(
            source_name("seeds/000 (context)"),
            "The Record, \u{201c}Tencent bows to Beijing\u{2019}s pressure, opens WeChat groups to social media rivals\u{201d} (context)"
        );
        assert!(source_name("seeds/004")
            .starts_with("Matthew Bossons, 2021-07-28, \u{201c}WeChat Suspends"));
        assert_eq!(source_name("Reuters 2013-08-01"), "Reuters 2013-08-01");
        assert_eq!(source_name("seeds/9"), "seeds/9");
        // Every seed the record cites has a name.
        for e in entries() {
            for s in &e.sources {
                assert!(!source_name(s).starts_with("seeds/"), "{s}");
            }
        }
        // And each name is that file's own title.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/record/seeds");
        if let Ok(files) = std::fs::read_dir(&dir) {
            for f in files.flatten() {
                let name = f.file_name().to_string_lossy().to_string();
                let n: usize = name[..3].parse().unwrap();
                let text = std::fs::read_to_string(f.path()).unwrap();
                assert!(text.contains(SEEDS[n].1), "{name}: {}", SEEDS[n].1);
            }
        }
    }

    #[test]
    fn the_record_is_read_whole_and_in_date_order() {
        let raw: serde_json::Value =
            serde_json::from_str(include_str!("../../rules/record.json")).unwrap();
        let n = raw["entries"].as_array().unwrap().len();
        assert_eq!(entries().len(), n);
        // The days entries stand at never go back.
        let days: Vec<Date> = entries()
            .iter()
            .filter_map(|e| e.date.or(e.until))
            .collect();
        assert!(days.windows(2).all(|w| w[0] <= w[1]), "{days:?}");
        let marked: Vec<Date> = marks().map(|(d, _)| d).collect();
        assert!(marked.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(
            marked.len(),
            entries().iter().filter(|e| e.date.is_some()).count()
        );
        let e = entry("R-2018-05-29").unwrap();
        assert_eq!(e.parts[0].key, "bans");
        assert!(e.parts[0].weak);
        assert!(entry("R-2020-12").unwrap().weak);
        // Only keeping Android unavailable is assumed, not the whole entry.
        let android = entry("S-ANDROID-SOON").unwrap();
        assert!(!android.assumed && android.parts.iter().any(|p| p.assumed));
        let reg = entry("REG-2021-07-27").unwrap();
        assert_eq!(reg.until, Date::new(2021, 8, 5));
        assert!(reg.until_inferred);
        // Every id the rules cite is in the record, and every §1 entry is
        // cited by a rule.
        for id in super::super::rules::RECORD_IDS {
            let e = entry(id).unwrap();
            assert!(e.rules(Rules::builtin()).next().is_some(), "{id}");
        }
    }

    fn at(id: &str, date: Option<&str>, until: Option<&str>, after: Option<&str>) -> Entry {
        Entry {
            id: id.into(),
            section: "1".into(),
            date: date.map(|d| Date::parse(d).unwrap()),
            until: until.map(|d| Date::parse(d).unwrap()),
            until_inferred: false,
            precision: "day".into(),
            when_en: None,
            when_zh: None,
            after: after.map(String::from),
            title_en: String::new(),
            title_zh: String::new(),
            what_en: String::new(),
            what_zh: String::new(),
            sources: Vec::new(),
            weak: false,
            assumed: false,
            parts: Vec::new(),
        }
    }

    #[test]
    fn undated_entries_stand_where_they_read_well() {
        let v = vec![
            at("late", Some("2020-01-01"), None, None),
            at("from", Some("2017-05-19"), None, None),
            at("soon", None, None, Some("from")),
            at("vpn", None, None, Some("from")),
            at("lost", None, None, Some("nowhere")),
            at("before", None, Some("2017-05-19"), None),
            at("standing", None, None, None),
            at("early", Some("2013-11-01"), Some("2021-01-01"), None),
        ];
        let ids: Vec<String> = order(v).into_iter().map(|e| e.id).collect();
        assert_eq!(
            ids,
            ["standing", "early", "before", "from", "soon", "vpn", "late", "lost"]
        );
    }

    #[test]
    fn only_dates_the_record_gives_are_marked() {
        for id in ["S-SYNC-BEFORE-2017-05", "S-VPN", "S-ANDROID-SOON", "N-GFW"] {
            let e = entry(id).unwrap();
            assert_eq!(e.date, None, "{id}");
            assert!(marks().all(|(_, m)| m.id != id), "{id}");
        }
        assert_eq!(
            entry("S-SYNC-BEFORE-2017-05").unwrap().until,
            Date::new(2017, 5, 19)
        );
        // Where they stand: the sync story together, the network first.
        let pos = |id: &str| entries().iter().position(|e| e.id == id).unwrap();
        assert_eq!(pos("N-GFW"), 0);
        assert_eq!(pos("S-SYNC-BEFORE-2017-05") + 1, pos("S-2017-05-19"));
        assert_eq!(pos("S-2017-05-19") + 1, pos("S-ANDROID-SOON"));
        assert_eq!(pos("S-ANDROID-SOON") + 1, pos("S-VPN"));
        for e in entries().iter().filter(|e| e.after.is_some()) {
            let after = e.after.as_deref().unwrap();
            assert!(entry(after).is_some(), "{}: after {after}", e.id);
            assert!(e.date.is_none() && e.until.is_none(), "{}", e.id);
        }
    }

    #[test]
    fn what_follows_from_each_entry() {
        let rules = Rules::builtin();
        let uses = |id: &str| entry(id).unwrap().uses(rules);
        assert!(entry("REG-2021-11").unwrap().context_only(rules));
        assert_eq!(uses("REG-2021-07-27"), [Use::SignUp]);
        assert_eq!(uses("CONN-2020-02"), [Use::Connection]);
        assert!(uses("S-VPN").contains(&Use::Sync));
        assert!(uses("S-ANDROID-SOON").contains(&Use::Sync));
        assert!(uses("R-2022-01-27").contains(&Use::Rule("taobao-open-2022-01-27")));
        // Rules the user applies decide it: without any, everything that
        // only rules data cites is context.
        let empty = r#"{"format":1,"categories":[],"platforms":[],"rules":[]}"#;
        let none = Rules::from_json(empty).unwrap();
        assert!(entry("S-VPN").unwrap().context_only(&none));
        assert!(entry("R-2013-11").unwrap().context_only(&none));
        assert!(!entry("REG-2021-07-27").unwrap().context_only(&none));
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
