//! A data package: a `.zip` holding the table's CSV, its
//! `datapackage.json` (Frictionless Data Package, v1 descriptor: the
//! package's name, title, licence, sources and one tabular resource whose
//! schema lists every column with its type and description) and a README
//! in the user's language. The provenance goes in with the data: custom
//! keys of the descriptor hold the citation, the rules' SHA-256 and
//! fingerprint, the scenario, the days and the permalink, from the same
//! [`Citation`] that **Cite this** shows.
//!
//! The descriptor is written with `crate::json`'s string writer, so any
//! text (a rules file's name, a link) is escaped and the file always
//! parses; `frictionless validate` checks a package in `make test`.

use super::zip::Zip;
use super::{Kind, Table, Type};
use crate::i18n::download::D;
use crate::json::write_str;
use crate::lang::Lang;
use crate::policy::record::{entries, entry, source_name, source_url};
use crate::policy::scenario::{vpn_str, Date};
use crate::policy::sha256;
use crate::state::cite::{Citation, Cited};

/// The days a citation covers: From and To for What changed, else the
/// scenario's day.
pub fn days(c: &Citation) -> (Date, Date) {
    match c.cited {
        Cited::Changes { from, to } => (from, to),
        _ => (c.scenario.date, c.scenario.date),
    }
}

/// The citation of the whole record: `state::cite` cites one entry at a
/// time, so the timeline's download takes the timeline screen's citation
/// (`Citation::of_matrix`: its scenario, rules and permalink) with every
/// entry of the record and its sources, and [`citation_text`] titles it
/// as the table.
pub fn of_record(mut c: Citation) -> Citation {
    c.record = entries()
        .iter()
        .map(|e| {
            let names: Vec<_> = e.sources.iter().map(|s| source_name(s)).collect();
            (e.id.clone(), names.join("; "))
        })
        .collect();
    c
}

/// The citation of `t` as text (`present::cite::text`); the record's is
/// titled as the table, not as the matrix (see [`of_record`]).
pub fn citation_text(t: &Table, c: &Citation, lang: Lang) -> String {
    let text = crate::present::cite::text(c, lang);
    if t.kind != Kind::Record {
        return text;
    }
    let title = String::from(t.kind.title().tr(lang)) + lang.pick(": ", "：");
    let title = title + &entries().len().to_string() + lang.pick(" ", "") + D::Entries.tr(lang);
    text.replacen(&crate::present::cite::title(c, lang), &title, 1)
}

/// The scenario as the address writes it (`date=… region=… os=… vpn=…
/// cohort=…`): identifiers, the same in every language.
fn scenario_words(c: &Citation) -> String {
    let s = &c.scenario;
    String::from("date=")
        + &s.date.to_string()
        + ", region="
        + s.region.as_str()
        + ", os="
        + s.os.as_str()
        + ", vpn="
        + vpn_str(s.vpn)
        + ", cohort="
        + s.cohort.as_str()
}

/// The package's name: lowercase, digits and `-` only, as the format asks.
fn package_name(t: &Table, c: &Citation) -> String {
    let (from, to) = days(c);
    let mut s = String::from("walled-garden-") + t.kind.name() + "-" + &from.to_string();
    if to != from {
        s = s + "-" + &to.to_string();
    }
    s
}

/// Where a template takes its next value: a control character no text of
/// the templates holds.
const SLOT: char = '\u{1}';

/// `template` with each [`SLOT`] replaced, in order, by `values`. One
/// template string and one loop instead of a push per piece: strings
/// compress far better in the bundle than the code that would write them.
fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 4096);
    for (i, part) in template.split(SLOT).enumerate() {
        if i > 0 {
            out.push_str(values.get(i - 1).copied().unwrap_or_default());
        }
        out.push_str(part);
    }
    out
}

/// `v` as a JSON string literal (`crate::json`'s escaping).
fn q(v: &str) -> String {
    let mut s = String::with_capacity(v.len() + 2);
    write_str(&mut s, v);
    s
}

/// The descriptor: a Frictionless Data Package (v1) with one tabular
/// resource, then our own keys for the provenance. Every slot takes a JSON
/// value (strings already quoted by [`q`]).
const DESCRIPTOR: &str = "{
  \"profile\": \"tabular-data-package\",
  \"name\": \u{1},
  \"title\": \u{1},
  \"description\": \u{1},
  \"created\": \u{1},
  \"licenses\": [{\"name\": \"MIT\", \"path\": \"https://opensource.org/licenses/MIT\", \"title\": \"MIT License\"}],
  \"sources\": [\u{1}
  ],
  \"resources\": [{
    \"name\": \u{1},
    \"path\": \u{1},
    \"profile\": \"tabular-data-resource\",
    \"title\": \u{1},
    \"format\": \"csv\",
    \"mediatype\": \"text/csv\",
    \"encoding\": \"utf-8\",
    \"bytes\": \u{1},
    \"hash\": \u{1},
    \"dialect\": {\"delimiter\": \",\", \"lineTerminator\": \"\\r\\n\", \"quoteChar\": \"\\\"\", \"doubleQuote\": true, \"header\": true},
    \"schema\": {
      \"fields\": [\u{1}
      ],
      \"missingValues\": [\"\"]
    }
  }],
  \"citation\": \u{1},
  \"rules_sha256\": \u{1},
  \"rules_fingerprint\": \u{1},
  \"rules_custom\": \u{1},
  \"scenario\": {\"date\": \u{1}, \"region\": \u{1}, \"os\": \u{1}, \"vpn\": \u{1}, \"cohort\": \u{1}},
  \"days\": {\"from\": \u{1}, \"to\": \u{1}},
  \"permalink\": \u{1},
  \"app_version\": \u{1}
}
";

/// `items` as the lines of a JSON array, each on its own line at `indent`.
fn lines(items: &[String], indent: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out = out + "\n" + indent + item;
    }
    out
}

/// The `datapackage.json` of `t` cited by `c`, its words in `lang`.
pub fn datapackage(t: &Table, c: &Citation, lang: Lang) -> String {
    let fp = &c.fingerprint;
    let app = String::from(D::SourceApp.tr(lang)) + " " + &fp.label();
    let mut sources = vec![String::from("{\"title\": ") + &q(&app) + "}"];
    for (id, names) in &c.record {
        let mut title = id.clone();
        if !names.is_empty() {
            title = title + lang.pick(": ", "：") + names;
        }
        let mut s = String::from("{\"title\": ") + &q(&title);
        let url = entry(id).and_then(|e| e.sources.iter().find_map(|s| source_url(s)));
        if let Some(url) = url {
            s = s + ", \"path\": " + &q(&url);
        }
        sources.push(s + "}");
    }
    let fields: Vec<String> = t
        .kind
        .fields()
        .iter()
        .map(|f| {
            let mut s = String::from("{\"name\": ") + &q(f.name);
            s = s + ", \"type\": " + &q(f.ty.as_str());
            s = s + ", \"description\": " + &q(f.about.tr(lang));
            if f.ty == Type::Boolean {
                s += ", \"trueValues\": [\"yes\"], \"falseValues\": [\"no\"]";
            }
            s + "}"
        })
        .collect();
    let (from, to) = days(c);
    let sc = &c.scenario;
    let title = String::from(t.kind.title().tr(lang)) + " · Walled Garden";
    let values = [
        q(&package_name(t, c)),
        q(&title),
        q(D::Intro.tr(lang)),
        q(&(c.made.to_string() + "T00:00:00Z")),
        lines(&sources, "    "),
        q(t.kind.name()),
        q(&t.file()),
        q(t.kind.title().tr(lang)),
        t.csv.len().to_string(),
        q(&(String::from("sha256:") + &sha256::hex(t.csv.as_bytes()))),
        lines(&fields, "        "),
        q(&citation_text(t, c, lang)),
        q(fp.sha256()),
        q(&fp.label()),
        String::from(if fp.is_custom() { "true" } else { "false" }),
        q(&sc.date.to_string()),
        q(sc.region.as_str()),
        q(sc.os.as_str()),
        q(vpn_str(sc.vpn)),
        q(sc.cohort.as_str()),
        q(&from.to_string()),
        q(&to.to_string()),
        q(&c.permalink),
        q(c.version),
    ];
    let values: Vec<&str> = values.iter().map(String::as_str).collect();
    fill(DESCRIPTOR, &values)
}

/// The package's README in `lang` (the template [`D::Readme`]): what it
/// is and where it came from, its files, its columns, confidence and
/// assumption, how to cite it, the spreadsheet note on CSV injection, the
/// licence.
pub fn readme(t: &Table, c: &Citation, lang: Lang) -> String {
    let colon = lang.pick(": ", "：");
    let fp = &c.fingerprint;
    let mut rules = String::from("`") + &fp.label() + "` (SHA-256 `" + fp.sha256() + "`)";
    if fp.is_custom() {
        rules = rules + lang.pick(", ", "，") + D::Custom.tr(lang);
    }
    let (from, to) = days(c);
    let mut range = from.to_string();
    if to != from {
        range = range + " – " + &to.to_string();
    }
    let mut columns = String::new();
    for f in t.kind.fields() {
        columns = columns + "- `" + f.name + "` (" + f.ty.as_str() + ")" + colon;
        columns = columns + f.about.tr(lang) + "\n";
    }
    let mut cite = String::new();
    for line in citation_text(t, c, lang).lines() {
        cite = cite + "> " + line + "\n";
    }
    let values = [
        t.kind.title().tr(lang),
        D::Intro.tr(lang),
        &c.made.to_string(),
        c.version,
        &rules,
        &scenario_words(c),
        &range,
        &c.permalink,
        &t.file(),
        t.kind.row().tr(lang),
        &columns,
        &cite,
    ];
    fill(D::Readme.tr(lang), &values)
}

/// The data package of `t` cited by `c`, in `lang`: a ZIP of the CSV,
/// `datapackage.json` and `README.md`, dated the day it was made.
pub fn package(t: &Table, c: &Citation, lang: Lang) -> Vec<u8> {
    let mut z = Zip::new(c.made);
    z.add(&t.file(), t.csv.as_bytes());
    z.add("datapackage.json", datapackage(t, c, lang).as_bytes());
    z.add("README.md", readme(t, c, lang).as_bytes());
    z.finish()
}

#[cfg(test)]
mod tests;
