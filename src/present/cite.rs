//! A citation (`state::cite::Citation`) written out three ways: as text in
//! the UI's language, as a BibTeX `@misc` entry and as CSL-JSON (both in
//! English: reference managers file them beside papers in any language),
//! and the rules fingerprint's line that Why and Me show.
//!
//! The link and the record's names are data: in BibTeX every character
//! TeX or BibTeX treats specially becomes a command with balanced braces,
//! in CSL-JSON the JSON writer escapes it, and in text a line break in a
//! link becomes a space, so no value can leave its field or its line.

use super::markup::Markup;
use super::words::{outcome_key, shared_in};
use crate::i18n::cite::Ci;
use crate::i18n::T;
use crate::json::{key, write_int, write_str};
use crate::lang::Lang;
use crate::policy::fingerprint::Fingerprint;
use crate::policy::record::entry;
use crate::policy::scenario::{Cohort, Os, Region};
use crate::state::cite::{Citation, Cited};

/// The author of every citation: the app, as a group (BibTeX's double
/// braces keep it from being read as a surname and a first name).
const AUTHOR: &str = "Walled Garden";

/// `s` on one line: a control character (a line break in a pasted link)
/// becomes a space.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// What is cited, in `lang`: "How WeChat treated a link: …, Group chat,
/// 2021-12-10".
pub fn title(c: &Citation, lang: Lang) -> String {
    let sep = lang.pick(", ", "，");
    let day = c.scenario.date.to_string();
    match &c.cited {
        Cited::Decision { link, context, .. } => {
            String::from(Ci::OfDecision.tr(lang))
                + &one_line(link)
                + sep
                + shared_in(*context).tr(lang)
                + sep
                + &day
        }
        Cited::Matrix => String::from(Ci::OfMatrix.tr(lang)) + &day,
        Cited::Changes { from, to } => {
            String::from(Ci::OfChanges.tr(lang)) + &from.to_string() + " – " + &to.to_string()
        }
        Cited::Entry { id } => {
            let mut t = String::from(Ci::OfEntry.tr(lang)) + &one_line(id);
            if let Some(e) = entry(id) {
                t.push(' ');
                t.push_str(e.title(lang));
            }
            t
        }
        Cited::Batch { links } => String::from(Ci::OfBatch.tr(lang)) + &links.to_string(),
    }
}

/// The lines after the first: the scenario, the outcome (of a decision),
/// the record with its sources, the fingerprint (with all 64 digits when
/// `full`) and the day made.
fn details(c: &Citation, lang: Lang, full: bool) -> Vec<String> {
    let sep = lang.pick(": ", "：");
    let (open, close) = (lang.pick(" (", "（"), lang.pick(")", "）"));
    let labelled = |k: &str, v: &str| String::from(k) + sep + v;
    let s = &c.scenario;
    let mut scenario = vec![labelled(T::Date.tr(lang), &s.date.to_string())];
    if let Cited::Decision { context, .. } = &c.cited {
        scenario.push(labelled(T::SharedIn.tr(lang), shared_in(*context).tr(lang)));
    }
    let region = match s.region {
        Region::Mainland => T::Mainland,
        Region::Overseas => T::Overseas,
    };
    let os = match s.os {
        Os::Ios => T::Ios,
        Os::Android => T::Android,
    };
    let cohort = match s.cohort {
        Cohort::Early => T::CohortEarly,
        Cohort::Late => T::CohortLate,
    };
    let vpn = if s.vpn { T::ScVpnOn } else { T::ScVpnOff };
    scenario.push(labelled(T::Region.tr(lang), region.tr(lang)));
    scenario.push(labelled(T::Phone.tr(lang), os.tr(lang)));
    scenario.push(vpn.tr(lang).to_string());
    scenario.push(labelled(T::Cohort.tr(lang), cohort.tr(lang)));
    let mut out = vec![scenario.join(lang.pick("; ", "；"))];
    if let Cited::Decision { outcome, rules, .. } = &c.cited {
        let rules = String::from(Ci::RulesWord.tr(lang)) + sep + &one_line(&rules.join(", "));
        out.push(
            labelled(T::Outcome.tr(lang), outcome_key(*outcome).tr(lang)) + open + &rules + close,
        );
    }
    if !c.record.is_empty() {
        let record: Vec<String> = c
            .record
            .iter()
            .map(|(id, sources)| {
                if sources.is_empty() {
                    one_line(id)
                } else {
                    one_line(id) + open + &one_line(sources) + close
                }
            })
            .collect();
        out.push(labelled(
            Ci::Record.tr(lang),
            &record.join(lang.pick("; ", "；")),
        ));
    }
    let mut fp = c.fingerprint.label();
    if full {
        fp = fp + open + "SHA-256 " + c.fingerprint.sha256() + close;
    }
    out.push(String::from(Ci::Fingerprint.tr(lang)) + sep + &fp);
    out.push(String::from(Ci::Made.tr(lang)) + sep + &c.made.to_string());
    out
}

/// The citation as a reader pastes it, in `lang`: the app and its
/// version with what is cited, then one line each for the scenario, the
/// outcome, the record, the rules fingerprint, the day made and the
/// permalink.
pub fn text(c: &Citation, lang: Lang) -> String {
    let (open, close) = (lang.pick(" (", "（"), lang.pick(")", "）"));
    let mut out = String::from(T::AppName.tr(lang)) + open + Ci::Version.tr(lang) + " ";
    out = out + c.version + close + " — " + &title(c, lang);
    for line in details(c, lang, false) {
        out.push('\n');
        out.push_str(&line);
    }
    out = out + "\n" + Ci::Permalink.tr(lang) + lang.pick(": ", "：") + &one_line(&c.permalink);
    out
}

/// The key a reference manager files the citation under: the day made and
/// the rules fingerprint, the same every time for the same citation.
pub fn key_of(c: &Citation) -> String {
    String::from("walledgarden-") + &c.made.to_string() + "-" + c.fingerprint.short()
}

/// `s` as BibTeX field text: every brace, backslash and TeX special
/// becomes a command whose braces balance, so a value can never close its
/// field or open an entry; control characters become spaces.
fn tex(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for ch in s.chars() {
        match ch {
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '%' | '#' | '&' | '$' | '_' => {
                out.push('\\');
                out.push(ch);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `s` as a BibTeX `url` field (read verbatim by biblatex): what could end
/// the field or the line is percent-encoded, the rest kept.
fn url(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '{' => out.push_str("%7B"),
            '}' => out.push_str("%7D"),
            '\\' => out.push_str("%5C"),
            ' ' => out.push_str("%20"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// What BibTeX's `note` and CSL-JSON's `note` say: the details, with the
/// fingerprint's 64 digits and the version, in English (the permalink has
/// its own field in both).
fn note(c: &Citation) -> String {
    let mut parts = details(c, Lang::En, true);
    parts.push(String::from("Version: ") + c.version);
    parts.join(". ")
}

/// The citation as a BibTeX `@misc` entry (biblatex's `version`, `url`
/// and `urldate`; the note repeats what classic styles would drop).
pub fn bibtex(c: &Citation) -> String {
    let m = c.made;
    let fields: [(&str, String); 7] = [
        ("author", String::from("{") + AUTHOR + "}"),
        ("title", String::from("{") + &tex(&title(c, Lang::En)) + "}"),
        ("year", m.year.to_string()),
        ("version", tex(c.version)),
        ("url", url(&c.permalink)),
        ("urldate", m.to_string()),
        ("note", tex(&note(c))),
    ];
    let mut out = String::from("@misc{") + &key_of(c) + ",\n";
    for (name, value) in fields {
        out = out + "  " + name + " = {" + &value + "},\n";
    }
    out.push_str("}\n");
    out
}

/// The citation as CSL-JSON (an array of one item), written by the app's
/// JSON writer, so it always parses whatever the link holds.
pub fn csl_json(c: &Citation) -> String {
    let mut o = String::with_capacity(1024);
    let text = |o: &mut String, first: bool, name: &str, value: &str| {
        key(o, first, name);
        write_str(o, value);
    };
    o.push_str("[{");
    text(&mut o, true, "id", &key_of(c));
    text(&mut o, false, "type", "software");
    text(&mut o, false, "title", &title(c, Lang::En));
    key(&mut o, false, "author");
    o.push_str("[{");
    text(&mut o, true, "literal", AUTHOR);
    o.push_str("}]");
    text(&mut o, false, "URL", &c.permalink);
    key(&mut o, false, "accessed");
    o.push_str("{\"date-parts\":[[");
    for (i, n) in [c.made.year, c.made.month.into(), c.made.day.into()]
        .iter()
        .enumerate()
    {
        if i > 0 {
            o.push(',');
        }
        write_int(&mut o, i128::from(*n));
    }
    o.push_str("]]}");
    text(&mut o, false, "version", c.version);
    text(&mut o, false, "note", &note(c));
    o.push_str("}]");
    o
}

/// "Rules fingerprint: 3f2a9c1b0d4e" (with `custom` when the rules were
/// edited; `data-rules-sha256` has all 64 digits), and with `help` a line
/// on what it is. The digits are quoted (「…」) in Chinese, in the line's
/// own text: they are an identifier, not words.
pub fn fingerprint(fp: &Fingerprint, lang: Lang, help: bool) -> Markup {
    let mut m = Markup::new();
    let attrs = [
        ("class", "rules-fingerprint"),
        ("data-rules-sha256", fp.sha256()),
    ];
    let text = String::from(Ci::Fingerprint.tr(lang)) + lang.pick(": ", "：「") + &fp.label();
    m.leaf("p", &attrs, &(text + lang.pick("", "」")));
    if help {
        m.leaf(
            "p",
            &[("class", "section-help")],
            Ci::FingerprintHelp.tr(lang),
        );
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::engine::decide;
    use crate::policy::rules::Context;
    use crate::policy::scenario::Date;
    use crate::state::cite::decision_address;
    use crate::state::model::Data;

    /// Where the golden files are (`WG_BLESS=1 cargo test --lib cite`
    /// writes them again).
    const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/");

    fn data() -> Data {
        let mut d = crate::state::seed::seed();
        d.scenario.date = Date::new(2021, 12, 10).unwrap();
        d
    }

    /// The walk: a Taobao link in a group on 2021-12-10, the
    /// built-in rules, made on 2026-12-04.
    fn cited(link: &str) -> Citation {
        let data = data();
        let d = decide(data.rules(), link, Context::Group, &data.scenario);
        let permalink = String::from("https://example.org/walled-garden/")
            + &decision_address(link, Context::Group, &data.scenario, data.lang);
        let made = Date::new(2026, 12, 4).unwrap();
        Citation::of_decision(&data, &d, link, Context::Group, made, permalink)
    }

    /// `text` with the fingerprint and the version as placeholders, so a
    /// new rules file or release changes no golden file (the tests below
    /// check both are there).
    fn generic(c: &Citation, text: &str) -> String {
        text.replace(c.fingerprint.sha256(), "<SHA256>")
            .replace(c.fingerprint.short(), "<FINGERPRINT>")
            .replace(&format!(" {}", c.version), " <VERSION>")
            .replace(&format!("{{{}}}", c.version), "{<VERSION>}")
            .replace(&format!("\"{}\"", c.version), "\"<VERSION>\"")
    }

    fn golden(name: &str, got: &str) {
        let path = String::from(GOLDEN) + name;
        if std::env::var_os("WG_BLESS").is_some() {
            std::fs::create_dir_all(GOLDEN).unwrap();
            std::fs::write(&path, got).unwrap();
            return;
        }
        let want = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{path} missing: WG_BLESS=1 cargo test --lib cite"));
        assert_eq!(got, want, "{name} differs (WG_BLESS=1 writes it again)");
    }

    #[test]
    fn the_three_forms_match_their_golden_files() {
        let c = cited("https://m.tb.cn/h.x");
        golden("cite.txt", &generic(&c, &text(&c, Lang::En)));
        golden("cite.zh.txt", &generic(&c, &text(&c, Lang::Zh)));
        golden("cite.bib", &generic(&c, &bibtex(&c)));
        golden("cite.json", &generic(&c, &csl_json(&c)));
    }

    #[test]
    fn every_form_names_what_a_citation_must() {
        let c = cited("https://m.tb.cn/h.x");
        let short = c.fingerprint.short();
        assert_eq!(short.len(), 12);
        for t in [
            text(&c, Lang::En),
            text(&c, Lang::Zh),
            bibtex(&c),
            csl_json(&c),
        ] {
            assert!(t.contains(short), "{t}");
            assert!(t.contains(c.version), "{t}");
            assert!(t.contains("2021-12-10") && t.contains("2026-12-04"), "{t}");
            assert!(t.contains("https://m.tb.cn/h.x"), "{t}");
            for id in c.record_ids() {
                assert!(t.contains(id), "{id}: {t}");
            }
        }
        let en = text(&c, Lang::En);
        for words in [
            "Walled Garden (version ",
            "Shared in: Group chat",
            "Region: Mainland China",
            "Phone: iOS",
            "VPN off",
            "Cohort: Late",
            "Outcome: ",
            "Record: R-",
            "The Record, \u{201c}",
            "Rules fingerprint: ",
            "Made: 2026-12-04",
            "Permalink: https://example.org/walled-garden/#/open?url=",
        ] {
            assert!(en.contains(words), "{words}: {en}");
        }
        let zh = text(&c, Lang::Zh);
        assert!(zh.starts_with("围墙花园（版本 "), "{zh}");
        assert!(
            zh.contains("规则指纹：") && zh.contains("分享到：群聊"),
            "{zh}"
        );
        // The full fingerprint in the files a reference manager keeps.
        assert!(bibtex(&c).contains(c.fingerprint.sha256()));
        assert!(csl_json(&c).contains(c.fingerprint.sha256()));
    }

    #[test]
    fn csl_json_parses_with_its_fields() {
        let c = cited("https://m.tb.cn/h.x");
        let v: serde_json::Value = serde_json::from_str(&csl_json(&c)).unwrap();
        let item = &v.as_array().unwrap()[0];
        assert_eq!(v.as_array().unwrap().len(), 1);
        assert_eq!(item["id"], key_of(&c));
        assert_eq!(item["type"], "software");
        assert_eq!(item["author"][0]["literal"], "Walled Garden");
        assert_eq!(item["URL"], c.permalink.as_str());
        assert_eq!(item["version"], c.version);
        assert_eq!(
            item["accessed"]["date-parts"][0],
            serde_json::json!([2026, 12, 4])
        );
        assert!(item["title"]
            .as_str()
            .unwrap()
            .starts_with("How WeChat treated a link: "));
        assert!(item["note"].as_str().unwrap().contains("Outcome: "));
    }

    /// The entry's fields, each on its line, with whether its braces
    /// balance and never close early: what a BibTeX parser reads.
    fn fields(bib: &str) -> Vec<(String, String)> {
        let mut lines = bib.lines();
        let head = lines.next().unwrap();
        assert!(
            head.starts_with("@misc{walledgarden-") && head.ends_with(','),
            "{head}"
        );
        let mut out = Vec::new();
        for line in lines {
            if line == "}" {
                break;
            }
            let (name, value) = line.trim_start().split_once(" = {").expect(line);
            let value = value.strip_suffix("},").expect(line);
            let mut depth = 0i32;
            for ch in value.chars() {
                depth += match ch {
                    '{' => 1,
                    '}' => -1,
                    _ => 0,
                };
                assert!(depth >= 0, "{name} closes early: {value}");
            }
            assert_eq!(depth, 0, "{name}: {value}");
            out.push((name.to_string(), value.to_string()));
        }
        out
    }

    #[test]
    fn a_hostile_link_stays_in_its_field_and_on_its_line() {
        for link in [
            "https://x/}{@misc{evil,",
            "\"\n<script>alert(1)</script>\\ 100% #1 & $x_y^~",
        ] {
            let c = cited(link);
            let bib = bibtex(&c);
            // One entry: no other line starts one, every field balances.
            assert_eq!(bib.matches("\n@").count(), 0, "{bib}");
            assert_eq!(bib.lines().count(), 9, "{bib}");
            let f = fields(&bib);
            let names: Vec<&str> = f.iter().map(|(n, _)| n.as_str()).collect();
            assert_eq!(
                names,
                ["author", "title", "year", "version", "url", "urldate", "note"]
            );
            for (name, value) in &f {
                assert!(
                    !value.contains("\\}") && !value.contains("\\{"),
                    "{name}: {value}"
                );
                // TeX's specials are escaped wherever they stand.
                for (i, ch) in value.char_indices() {
                    if "%#&$_".contains(ch) && name != "url" {
                        assert_eq!(value.as_bytes()[i - 1], b'\\', "{name}: {value}");
                    }
                }
            }
            // The text keeps the link on the title's line, as text.
            let t = text(&c, Lang::En);
            assert_eq!(
                t.lines().count(),
                text(&cited("https://m.tb.cn/h.x"), Lang::En)
                    .lines()
                    .count(),
                "{t}"
            );
            let first = t.lines().next().unwrap();
            assert!(first.contains(&one_line(link)), "{first}");
            // CSL-JSON holds it whole.
            let v: serde_json::Value = serde_json::from_str(&csl_json(&c)).unwrap();
            assert!(v[0]["title"].as_str().unwrap().contains(&one_line(link)));
            assert!(v[0]["URL"]
                .as_str()
                .unwrap()
                .contains(&crate::state::params::encode(link)));
        }
    }

    #[test]
    fn the_fingerprint_line_says_custom_and_quotes_in_chinese() {
        let fp = Fingerprint::builtin();
        let en = fingerprint(&fp, Lang::En, false);
        let want = String::from("<p class=\"rules-fingerprint\" data-rules-sha256=\"")
            + fp.sha256()
            + "\">Rules fingerprint: "
            + fp.short()
            + "</p>";
        assert_eq!(en.as_str(), want);
        let custom = Fingerprint::of_custom("{}");
        let zh = fingerprint(&custom, Lang::Zh, true);
        assert!(zh
            .as_str()
            .contains(&format!("规则指纹：「{} custom」</p>", custom.short())));
        assert!(zh.as_str().contains("section-help"));
    }
}
