//! The four tables as CSV, each from the same values its screen shows:
//! the matrix from the engine's decision on each platform's sample link
//! (as `policy::matrix::cell`), What changed from the screen's own rows
//! (`policy::matrix::diff` or `policy::history::between`), the record from
//! `policy::record::entries`, the batch check from `state::opener::batch`.

use super::csv::Csv;
use super::{Field, Kind, Table, Type};
use crate::i18n::download::D;
use crate::lang::Lang;
use crate::policy::engine::decide;
use crate::policy::matrix::{platforms, sample_link, Change, CONTEXTS};
use crate::policy::record::{entries, source_name, source_url};
use crate::policy::rules::Rules;
use crate::policy::scenario::{Date, Scenario};
use crate::state::opener::BatchRow;

const fn s(name: &'static str, about: D) -> Field {
    Field::new(name, Type::String, about)
}
const fn b(name: &'static str, about: D) -> Field {
    Field::new(name, Type::Boolean, about)
}
const fn d(name: &'static str, about: D) -> Field {
    Field::new(name, Type::Date, about)
}

/// The matrix's columns: one row per platform and context.
pub const MATRIX: [Field; 11] = [
    d("date", D::ColDate),
    s("platform", D::ColPlatform),
    s("link", D::ColLink),
    s("context", D::ColContext),
    s("outcome", D::ColOutcome),
    s("display", D::ColDisplay),
    b("share", D::ColShare),
    b("reachable", D::ColReachable),
    s("confidence", D::ColConfidence),
    b("assumption", D::ColAssumption),
    s("rules", D::ColRules),
];

/// What changed's columns (and `decide --changes --format csv`'s).
pub const CHANGES: [Field; 9] = [
    d("date", D::ColDate),
    s("platform", D::ColPlatform),
    s("context", D::ColContext),
    s("before", D::ColBefore),
    s("after", D::ColAfter),
    s("display_before", D::ColDisplayBefore),
    s("display_after", D::ColDisplayAfter),
    s("rules_before", D::ColRulesBefore),
    s("rules_after", D::ColRulesAfter),
];

/// The record's columns: one row per entry.
pub const RECORD: [Field; 12] = [
    s("id", D::ColId),
    Field::new("section", Type::Integer, D::ColSection),
    d("date", D::ColDate),
    d("until", D::ColUntil),
    s("precision", D::ColPrecision),
    s("title", D::ColTitle),
    s("what", D::ColWhat),
    s("sources", D::ColSources),
    s("urls", D::ColUrls),
    b("weak", D::ColWeak),
    b("assumed", D::ColAssumed),
    s("rules", D::ColRules),
];

/// The batch check's columns (the CSV it has always downloaded).
pub const LINKS: [Field; 9] = [
    s("link", D::ColLink),
    s("platform", D::ColPlatform),
    s("host", D::ColHost),
    s("chat", D::ColChat),
    s("group", D::ColGroup),
    s("moments", D::ColMoments),
    s("confidence", D::ColConfidence),
    b("assumption", D::ColAssumption),
    b("reachable", D::ColReachable),
];

/// `yes` or `no`, the app's `data-*` booleans.
fn yes(v: bool) -> &'static str {
    if v {
        "yes"
    } else {
        "no"
    }
}

fn table(kind: Kind, csv: Csv) -> Table {
    let rows = csv.rows();
    Table {
        kind,
        csv: csv.finish(),
        rows,
    }
}

/// The outcome matrix on `scenario`'s day with `rules`: for each platform
/// of the matrix and each context, the engine's decision on the
/// platform's sample link, as the matrix's cell shows it.
pub fn matrix(rules: &Rules, scenario: &Scenario) -> Table {
    let mut csv = Csv::new(&MATRIX, 48);
    let date = scenario.date.to_string();
    for (_, p) in platforms(rules) {
        let link = sample_link(p);
        for ctx in CONTEXTS {
            let x = decide(rules, &link, ctx, scenario);
            csv.row(&[
                &date,
                &p.id,
                &link,
                ctx.as_str(),
                x.outcome.as_str(),
                x.display.as_str(),
                yes(x.share),
                yes(x.reachable),
                x.confidence.as_str(),
                yes(x.assumption),
                &x.rules_attr(),
            ]);
        }
    }
    table(Kind::Matrix, csv)
}

/// What changed: `rows` as the screen lists them (the day of each change,
/// for Compare the To day), both outcomes, both looks and both rules.
pub fn changes(rows: &[Change]) -> Table {
    let mut csv = Csv::new(&CHANGES, rows.len());
    for c in rows {
        csv.row(&[
            &c.date.to_string(),
            &c.platform,
            c.context.as_str(),
            c.before.outcome.as_str(),
            c.after.outcome.as_str(),
            c.before.display.as_str(),
            c.after.display.as_str(),
            &c.before.rules_attr(),
            &c.after.rules_attr(),
        ]);
    }
    table(Kind::Changes, csv)
}

fn day(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// The record in the timeline's order: each entry's id, dates, words (in
/// `lang`), sources as a reader names them with their addresses, the
/// record's marks, and the rules of `rules` citing it.
pub fn record(rules: &Rules, lang: Lang) -> Table {
    let all = entries();
    let mut csv = Csv::new(&RECORD, all.len());
    for e in all {
        let names: Vec<_> = e.sources.iter().map(|s| source_name(s)).collect();
        let urls: Vec<String> = e.sources.iter().filter_map(|s| source_url(s)).collect();
        let cited: Vec<&str> = e.rules(rules).collect();
        csv.row(&[
            &e.id,
            &e.section,
            &day(e.date),
            &day(e.until),
            &e.precision,
            e.title(lang),
            e.what(lang),
            &names.join(" | "),
            &urls.join(" "),
            yes(e.weak),
            yes(e.assumed),
            &cited.join(" "),
        ]);
    }
    table(Kind::Record, csv)
}

/// The batch check's rows: each link with its platform, host, the outcome
/// in chats, groups and Moments, the weakest confidence, whether any
/// decision is an assumption and whether the page loads.
pub fn links(rows: &[BatchRow]) -> Table {
    let mut csv = Csv::new(&LINKS, rows.len());
    for r in rows {
        let [chat, group, moments] = r.outcomes.map(|o| o.as_str());
        csv.row(&[
            &r.link,
            &r.platform,
            &r.host,
            chat,
            group,
            moments,
            r.confidence.as_str(),
            yes(r.assumption),
            yes(r.reachable),
        ]);
    }
    table(Kind::Links, csv)
}

#[cfg(test)]
mod tests {
    use super::super::csv::parse;
    use super::*;
    use crate::policy::history::between;
    use crate::policy::matrix::{changes as every_change, diff, END, START};
    use crate::policy::scenario::day as scenario_day;
    use crate::state::opener::batch;

    /// Whether `v` is a value of type `ty` as the schema declares it
    /// (empty: missing, allowed in every column).
    pub(crate) fn typed(ty: Type, v: &str) -> bool {
        v.is_empty()
            || match ty {
                Type::String => true,
                Type::Integer => v.bytes().all(|b| b.is_ascii_digit()),
                Type::Boolean => v == "yes" || v == "no",
                Type::Date => Date::parse(v).is_ok_and(|d| d.to_string() == v),
            }
    }

    /// Every table the app can download, on the built-in rules.
    pub(crate) fn all() -> Vec<Table> {
        let rules = Rules::builtin();
        let s = scenario_day("2021-10-01");
        let (a, b) = (
            Date::parse("2021-09-16").unwrap(),
            Date::parse("2021-09-17").unwrap(),
        );
        let undated = Scenario { date: START, ..s };
        let text = "https://v.douyin.com/abc/\nhttps://m.tb.cn/h.x\n=HYPERLINK(\"x\")\n-1\n";
        vec![
            matrix(rules, &s),
            changes(&diff(rules, &undated, a, b)),
            changes(&between(rules, &undated, START, END)),
            record(rules, Lang::Zh),
            links(&batch(rules, text, &s)),
        ]
    }

    #[test]
    fn every_table_parses_back_with_its_header_and_types() {
        for t in all() {
            let rows = parse(&t.csv).unwrap();
            let header: Vec<&str> = t.kind.fields().iter().map(|f| f.name).collect();
            assert_eq!(rows[0], header, "{:?}", t.kind);
            assert_eq!(rows.len(), t.rows + 1, "{:?}", t.kind);
            assert!(t.rows > 0, "{:?}", t.kind);
            for r in &rows[1..] {
                assert_eq!(r.len(), header.len(), "{:?}: {r:?}", t.kind);
                for (f, v) in t.kind.fields().iter().zip(r) {
                    assert!(typed(f.ty, v), "{:?} {}: {v:?}", t.kind, f.name);
                }
            }
        }
    }

    #[test]
    fn the_matrix_is_the_screens() {
        let rules = Rules::builtin();
        let s = scenario_day("2021-10-01");
        let t = matrix(rules, &s);
        let rows = parse(&t.csv).unwrap();
        assert_eq!(t.rows, platforms(rules).count() * 3);
        let cells = crate::policy::matrix::matrix(rules, &s);
        for ((id, cs), chunk) in cells.iter().zip(rows[1..].chunks(3)) {
            for ((c, ctx), r) in cs.iter().zip(CONTEXTS).zip(chunk) {
                assert_eq!(
                    (&*r[1], &*r[3], &*r[4], &*r[10]),
                    (&**id, ctx.as_str(), c.outcome.as_str(), &*c.rules_attr())
                );
            }
        }
        assert!(t.csv.contains("2021-10-01,douyin,https://"), "{}", t.csv);
    }

    #[test]
    fn what_changed_has_decides_columns_and_rows() {
        let rules = Rules::builtin();
        let s = Scenario {
            date: START,
            ..scenario_day("2021-10-01")
        };
        let from = Date::parse("2021-09-01").unwrap();
        let to = Date::parse("2022-02-01").unwrap();
        let t = changes(&every_change(rules, &s, from, to));
        let head = "date,platform,context,before,after,display_before,display_after,rules_before,rules_after\r\n";
        assert!(t.csv.starts_with(head));
        assert!(t
            .csv
            .contains("\r\n2021-09-17,douyin,chat,copy_to_browser,confirm,"));
    }

    #[test]
    fn the_record_names_its_sources() {
        let t = record(Rules::builtin(), Lang::En);
        assert_eq!(t.rows, entries().len());
        let rows = parse(&t.csv).unwrap();
        let r = rows
            .iter()
            .find(|r| r[7].contains("Shanghai Daily shine.cn 2021-09-17"))
            .unwrap();
        assert!(r[8].contains("https://shine.cn"), "{r:?}");
        let r = rows.iter().find(|r| r[0] == "R-2021-09-17").unwrap();
        assert!(
            r[7].starts_with("The Record, \u{201c}Tencent bows"),
            "{r:?}"
        );
        assert!(
            r[11].contains("chat-confirm-2021-09-17"),
            "rules cite it: {r:?}"
        );
        let zh = record(Rules::builtin(), Lang::Zh).csv;
        assert!(
            zh.contains(&entries()[0].title_zh),
            "in the user's language"
        );
    }

    #[test]
    fn a_hostile_link_stays_text() {
        let rules = Rules::builtin();
        let rows = batch(
            rules,
            "=HYPERLINK(\"http://evil/\",\"x\")\n@SUM(1)\n<img src=x onerror=alert(1)>\n",
            &scenario_day("2021-10-01"),
        );
        let t = links(&rows);
        let back = parse(&t.csv).unwrap();
        assert_eq!(back[1][0], "'=HYPERLINK(\"http://evil/\",\"x\")");
        assert_eq!(back[2][0], "'@SUM(1)");
        assert_eq!(back[3][0], "<img src=x onerror=alert(1)>");
        for line in t.csv.lines().skip(1) {
            assert!(!line.starts_with(['=', '+', '-', '@']), "{line}");
        }
    }

    /// The batch CSV is byte for byte the one the app downloaded before
    /// packages existed (`tests/opener.rs` reads it).
    #[test]
    fn the_batch_csv_keeps_its_format() {
        let rows = batch(
            Rules::builtin(),
            "https://v.douyin.com/abc/\nhttps://a.cn/?q=1,2\n",
            &scenario_day("2021-10-01"),
        );
        let csv = links(&rows).csv;
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "link,platform,host,chat,group,moments,confidence,assumption,reachable"
        );
        assert_eq!(
            lines[1],
            "https://v.douyin.com/abc/,douyin,v.douyin.com,confirm,copy_to_browser,copy_to_browser,medium,yes,yes"
        );
        assert!(lines[2].starts_with("\"https://a.cn/?q=1,2\",none,a.cn,"));
    }

    /// Moved from `state::opener` with the writer: the quoting, byte for
    /// byte.
    #[test]
    fn csv_quotes_what_needs_quoting() {
        use crate::policy::rules::{Confidence, Outcome};
        let row = |link: &str| BatchRow {
            link: link.into(),
            platform: "none".into(),
            host: String::new(),
            outcomes: [Outcome::Open, Outcome::Warn, Outcome::Blocked],
            confidence: Confidence::High,
            assumption: false,
            reachable: link != "-1",
        };
        let out = links(&[
            row("https://a.cn/x"),
            row("https://a.cn/?q=1,2"),
            row("say \"hi\""),
            row("=HYPERLINK(\"x\")"),
            row("-1"),
        ])
        .csv;
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(
            lines[1..],
            [
                "https://a.cn/x,none,,open,warn,blocked,high,no,yes",
                "\"https://a.cn/?q=1,2\",none,,open,warn,blocked,high,no,yes",
                "\"say \"\"hi\"\"\",none,,open,warn,blocked,high,no,yes",
                "\"'=HYPERLINK(\"\"x\"\")\",none,,open,warn,blocked,high,no,yes",
                "\"'-1\",none,,open,warn,blocked,high,no,no",
                "",
            ]
        );
    }
}
