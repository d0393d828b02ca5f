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
use super::{Field, Kind, Table, Type};
use crate::i18n::download::D;
use crate::json::{write_int, write_str};
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

/// A pretty-printing JSON writer over `crate::json`'s escaping: two spaces
/// a level, one member or item a line, so the descriptor reads well.
struct Json {
    out: String,
    depth: usize,
    fresh: bool,
}

impl Json {
    fn line(&mut self) {
        if !self.fresh {
            self.out.push(',');
        }
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
        self.fresh = false;
    }
    /// Starts a member `"k": ` (inside an object).
    fn key(&mut self, k: &str) -> &mut Json {
        self.line();
        write_str(&mut self.out, k);
        self.out.push_str(": ");
        self
    }
    /// Starts an item (inside an array).
    fn item(&mut self) -> &mut Json {
        self.line();
        self
    }
    fn open(&mut self, c: char) -> &mut Json {
        self.out.push(c);
        self.depth += 1;
        self.fresh = true;
        self
    }
    fn close(&mut self, c: char) {
        self.depth -= 1;
        if !self.fresh {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str("  ");
            }
        }
        self.out.push(c);
        self.fresh = false;
    }
    fn str(&mut self, v: &str) {
        write_str(&mut self.out, v);
    }
    fn member(&mut self, k: &str, v: &str) {
        self.key(k).str(v);
    }
    fn list(&mut self, k: &str, items: &[&str]) {
        self.key(k).open('[');
        for v in items {
            self.item().str(v);
        }
        self.close(']');
    }
}

/// One column of the schema: its name, type, description in `lang`, and
/// for booleans the words that mean true and false.
fn field(j: &mut Json, f: &Field, lang: Lang) {
    j.item().open('{');
    j.member("name", f.name);
    j.member("type", f.ty.as_str());
    let about = D::column(f.name).map_or("", |d| d.tr(lang));
    j.member("description", about);
    if f.ty == Type::Boolean {
        j.list("trueValues", &["yes"]);
        j.list("falseValues", &["no"]);
    }
    j.close('}');
}

/// The `datapackage.json` of `t` cited by `c`, its words in `lang`.
pub fn datapackage(t: &Table, c: &Citation, lang: Lang) -> String {
    let cite = citation_text(t, c, lang);
    let title = String::from(t.kind.title().tr(lang)) + " · Walled Garden";
    let fp = &c.fingerprint;
    let mut j = Json {
        out: String::with_capacity(4096),
        depth: 0,
        fresh: true,
    };
    j.open('{');
    j.member("profile", "tabular-data-package");
    j.member("name", &package_name(t, c));
    j.member("title", &title);
    j.member("description", D::Intro.tr(lang));
    j.member("created", &(c.made.to_string() + "T00:00:00Z"));
    j.key("licenses").open('[').item().open('{');
    j.member("name", "MIT");
    j.member("path", "https://opensource.org/licenses/MIT");
    j.member("title", "MIT License");
    j.close('}');
    j.close(']');
    j.key("sources").open('[');
    j.item().open('{');
    let app = String::from(D::SourceApp.tr(lang)) + " " + &fp.label();
    j.member("title", &app);
    j.close('}');
    for (id, names) in &c.record {
        j.item().open('{');
        j.member("title", &(id.clone() + lang.pick(": ", "：") + names));
        let url = entry(id).and_then(|e| e.sources.iter().find_map(|s| source_url(s)));
        if let Some(url) = url {
            j.member("path", &url);
        }
        j.close('}');
    }
    j.close(']');
    // The resource: the CSV, its size and hash, its dialect and schema.
    j.key("resources").open('[').item().open('{');
    j.member("name", t.kind.name());
    j.member("path", &t.file());
    j.member("profile", "tabular-data-resource");
    j.member("title", t.kind.title().tr(lang));
    j.member("format", "csv");
    j.member("mediatype", "text/csv");
    j.member("encoding", "utf-8");
    j.key("bytes");
    write_int(&mut j.out, t.csv.len() as i128);
    j.member(
        "hash",
        &(String::from("sha256:") + &sha256::hex(t.csv.as_bytes())),
    );
    j.key("dialect").open('{');
    j.member("delimiter", ",");
    j.member("lineTerminator", "\r\n");
    j.member("quoteChar", "\"");
    j.key("doubleQuote").out.push_str("true");
    j.key("header").out.push_str("true");
    j.close('}');
    j.key("schema").open('{');
    j.key("fields").open('[');
    for f in t.kind.fields() {
        field(&mut j, f, lang);
    }
    j.close(']');
    j.list("missingValues", &[""]);
    j.close('}');
    j.close('}');
    j.close(']');
    // Provenance, in keys of our own (the format allows them).
    j.member("citation", &cite);
    j.member("rules_sha256", fp.sha256());
    j.member("rules_fingerprint", &fp.label());
    j.key("rules_custom")
        .out
        .push_str(if fp.is_custom() { "true" } else { "false" });
    let s = &c.scenario;
    j.key("scenario").open('{');
    j.member("date", &s.date.to_string());
    j.member("region", s.region.as_str());
    j.member("os", s.os.as_str());
    j.member("vpn", vpn_str(s.vpn));
    j.member("cohort", s.cohort.as_str());
    j.close('}');
    let (from, to) = days(c);
    j.key("days").open('{');
    j.member("from", &from.to_string());
    j.member("to", &to.to_string());
    j.close('}');
    j.member("permalink", &c.permalink);
    j.member("app_version", c.version);
    j.close('}');
    j.out.push('\n');
    j.out
}

/// The package's README in `lang`: what it is and where it came from, its
/// files, its columns, confidence and assumption, how to cite it, the
/// spreadsheet note on CSV injection, the licence.
pub fn readme(t: &Table, c: &Citation, lang: Lang) -> String {
    let colon = lang.pick(": ", "：");
    let fp = &c.fingerprint;
    let (from, to) = days(c);
    let mut r = String::with_capacity(4096);
    let head = |r: &mut String, d: D| {
        *r += "\n## ";
        *r += d.tr(lang);
        *r += "\n\n";
    };
    r = r + "# " + t.kind.title().tr(lang) + " · Walled Garden\n\n" + D::Intro.tr(lang) + "\n\n";
    let item = |r: &mut String, d: D, v: &str| {
        *r += "- ";
        *r += d.tr(lang);
        *r += colon;
        *r += v;
        *r += "\n";
    };
    item(&mut r, D::Made, &c.made.to_string());
    item(
        &mut r,
        D::App,
        &(String::from("Walled Garden ") + c.version),
    );
    let mut rules = String::from("`") + &fp.label() + "` (SHA-256 `" + fp.sha256() + "`)";
    if fp.is_custom() {
        rules = rules + lang.pick(", ", "，") + D::Custom.tr(lang);
    }
    item(&mut r, D::Rules, &rules);
    item(&mut r, D::Scenario, &scenario_words(c));
    let mut range = from.to_string();
    if to != from {
        range = range + " – " + &to.to_string();
    }
    item(&mut r, D::Days, &range);
    item(&mut r, D::Permalink, &c.permalink);
    head(&mut r, D::Files);
    r = r + "- `" + &t.file() + "`" + colon + D::CsvFile.tr(lang);
    r = r + lang.pick(" ", "") + t.kind.row().tr(lang) + ".\n";
    r = r + "- `datapackage.json`" + colon + D::JsonFile.tr(lang) + ".\n";
    head(&mut r, D::Columns);
    for f in t.kind.fields() {
        r = r + "- `" + f.name + "` (" + f.ty.as_str() + ")" + colon;
        r += D::column(f.name).map_or("", |d| d.tr(lang));
        r += "\n";
    }
    r = r + "\n" + D::Booleans.tr(lang) + "\n";
    head(&mut r, D::SureHead);
    r = r + D::Sure.tr(lang) + "\n";
    head(&mut r, D::CiteHead);
    r = r + D::Cite.tr(lang) + "\n\n";
    for line in citation_text(t, c, lang).lines() {
        r = r + "> " + line + "\n";
    }
    head(&mut r, D::SheetHead);
    r = r + D::Sheet.tr(lang) + "\n";
    head(&mut r, D::LicenceHead);
    r = r + D::Licence.tr(lang) + "\n";
    r
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
