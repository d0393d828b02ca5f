//! The pure half of the link opener: the address that reproduces a result,
//! and the batch check with its CSV export. Natively tested; the screens in
//! `ui::screens::open` only render what these return.

use super::params::{encode, full_query};
use crate::i18n::Lang;
use crate::policy::engine::decide;
use crate::policy::rules::{Context, Outcome, Rules};
use crate::policy::scenario::Scenario;

/// The three places a link can be shared in, in the order the opener and
/// the batch table show them.
pub const CONTEXTS: [Context; 3] = [Context::Chat, Context::Group, Context::Moments];

/// The query (with `?`) of `#/open` that reproduces a result: the link, the
/// context, then every scenario parameter (not just those differing from the
/// defaults, so the address keeps its meaning if the defaults ever change).
pub fn scenario_query(url: &str, ctx: Context, s: &Scenario, lang: Lang) -> String {
    let mut q = String::from("?url=");
    q.push_str(&encode(url));
    q.push_str("&in=");
    q.push_str(ctx.as_str());
    q.push('&');
    q.push_str(&full_query(s, lang)[1..]);
    q
}

/// One line of a batch check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BatchRow {
    /// The link as pasted (trimmed); unique within a batch, so it is the
    /// row's key.
    pub link: String,
    /// The platform id or `none`.
    pub platform: String,
    /// The host after URL parsing.
    pub host: String,
    /// The outcome in each of [`CONTEXTS`].
    pub outcomes: [Outcome; 3],
}

/// Decides every non-empty line of `text` in the three contexts. Repeated
/// links are checked once: the table would only repeat itself.
pub fn batch(text: &str, s: &Scenario) -> Vec<BatchRow> {
    let rules = Rules::builtin();
    // A sorted list rather than a HashSet: std's hasher would cost the
    // wasm bundle kilobytes for no gain at a thousand lines.
    let mut seen: Vec<&str> = Vec::new();
    text.lines()
        .map(str::trim)
        .filter(|l| {
            !l.is_empty()
                && match seen.binary_search(l) {
                    Ok(_) => false,
                    Err(i) => {
                        seen.insert(i, l);
                        true
                    }
                }
        })
        .map(|link| {
            let first = decide(rules, link, CONTEXTS[0], s);
            let others = [CONTEXTS[1], CONTEXTS[2]].map(|c| decide(rules, link, c, s).outcome);
            BatchRow {
                link: link.to_string(),
                platform: first.platform_id().to_string(),
                host: first.host,
                outcomes: [first.outcome, others[0], others[1]],
            }
        })
        .collect()
}

/// The batch as CSV (RFC 4180: comma-separated, CRLF line ends, fields
/// quoted when needed), with a header line.
pub fn csv(rows: &[BatchRow]) -> String {
    let mut out = String::from("link,platform,host,chat,group,moments\r\n");
    for r in rows {
        field(&mut out, &r.link);
        for f in [&r.platform, &r.host] {
            out.push(',');
            field(&mut out, f);
        }
        for o in r.outcomes {
            out.push(',');
            out.push_str(o.as_str());
        }
        out.push_str("\r\n");
    }
    out
}

/// Appends one CSV field. Pasted text may start with `=`, `+`, `-` or `@`,
/// which spreadsheets run as a formula: such fields get a leading `'` so
/// that opening the export can never execute anything.
fn field(out: &mut String, v: &str) {
    let formula = v.starts_with(['=', '+', '-', '@']);
    let quote = formula || v.contains([',', '"', '\n', '\r']) || v.trim() != v;
    if !quote {
        out.push_str(v);
        return;
    }
    out.push('"');
    if formula {
        out.push('\'');
    }
    out.push_str(&v.replace('"', "\"\""));
    out.push('"');
}

/// Appends `s` with the five HTML-significant characters escaped, so that
/// pasted text can never become markup.
pub fn escape_html(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// The batch table's markup for `rows`: a header (`head`: the link,
/// platform and three context titles) and one row per link, each outcome
/// cell with `data-outcome` and its words (`words`) as a tooltip.
///
/// The table is markup rather than `html!` because a thousand rows of
/// static cells need no diffing, and `html!` for it cost ~3 KB of the
/// gzip budget; every pasted value goes through [`escape_html`].
pub fn table_html(
    rows: &[BatchRow],
    head: [&str; 5],
    words: &dyn Fn(Outcome) -> &'static str,
) -> String {
    let mut out = String::with_capacity(64 + rows.len() * 160);
    out.push_str("<table class=\"batch-table\"><thead><tr>");
    for h in head {
        out.push_str("<th scope=\"col\">");
        escape_html(&mut out, h);
        out.push_str("</th>");
    }
    out.push_str("</tr></thead><tbody>");
    for r in rows {
        out.push_str("<tr><td class=\"batch-link\">");
        escape_html(&mut out, &r.link);
        out.push_str("</td><td>");
        escape_html(&mut out, &r.platform);
        out.push_str("</td>");
        for o in r.outcomes {
            out.push_str("<td data-outcome=\"");
            out.push_str(o.as_str());
            out.push_str("\" title=\"");
            escape_html(&mut out, words(o));
            out.push_str("\">");
            out.push_str(o.as_str());
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::scenario::day;
    use crate::state::params::Params;

    #[test]
    fn scenario_query_reproduces_every_parameter() {
        let s = day("2021-10-01");
        let q = scenario_query(
            "https://v.douyin.com/abc/?a=1&b=2",
            Context::Group,
            &s,
            Lang::Zh,
        );
        assert_eq!(
            q,
            "?url=https%3A%2F%2Fv.douyin.com%2Fabc%2F%3Fa%3D1%26b%3D2&in=group\
             &date=2021-10-01&region=mainland&os=ios&vpn=off&lang=zh"
        );
        let p = Params::parse(&q);
        assert_eq!(p.url.as_deref(), Some("https://v.douyin.com/abc/?a=1&b=2"));
        assert_eq!(p.share_in.as_deref(), Some("group"));
        let mut back = Scenario::default();
        p.apply(&mut back);
        assert_eq!(back, s);
        assert_eq!(p.lang, Some(Lang::Zh));
        assert!(p.rejected.is_empty());
    }

    #[test]
    fn batch_decides_each_line_once_in_three_contexts() {
        let rows = batch(
            "https://v.douyin.com/abc/\n\n  https://v.douyin.com/abc/  \r\njavascript:alert(1)\n",
            &day("2021-10-01"),
        );
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].platform, "douyin");
        assert_eq!(rows[0].host, "v.douyin.com");
        assert_eq!(
            rows[0].outcomes,
            [
                Outcome::Confirm,
                Outcome::CopyToBrowser,
                Outcome::CopyToBrowser
            ]
        );
        assert_eq!(rows[1].outcomes, [Outcome::Rejected; 3]);
        assert_eq!(rows[1].platform, "none");
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let row = |link: &str| BatchRow {
            link: link.into(),
            platform: "none".into(),
            host: String::new(),
            outcomes: [Outcome::Open, Outcome::Warn, Outcome::Blocked],
        };
        let out = csv(&[
            row("https://a.cn/x"),
            row("https://a.cn/?q=1,2"),
            row("say \"hi\""),
            row("=HYPERLINK(\"x\")"),
            row("-1"),
        ]);
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(lines[0], "link,platform,host,chat,group,moments");
        assert_eq!(lines[1], "https://a.cn/x,none,,open,warn,blocked");
        assert_eq!(lines[2], "\"https://a.cn/?q=1,2\",none,,open,warn,blocked");
        assert_eq!(lines[3], "\"say \"\"hi\"\"\",none,,open,warn,blocked");
        assert_eq!(
            lines[4],
            "\"'=HYPERLINK(\"\"x\"\")\",none,,open,warn,blocked"
        );
        assert_eq!(lines[5], "\"'-1\",none,,open,warn,blocked");
        assert_eq!(lines[6], "");
        assert_eq!(lines.len(), 7);
    }

    #[test]
    fn table_markup_escapes_pasted_text() {
        let rows = batch(
            "<img src=x onerror=alert(1)>\nhttps://m.tb.cn/h.x?a=1&b=\"2\"\n",
            &day("2022-02-01"),
        );
        let html = table_html(&rows, ["L", "P", "C", "G", "M"], &|o| o.as_str());
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        assert!(
            html.contains("https://m.tb.cn/h.x?a=1&amp;b=&quot;2&quot;"),
            "{html}"
        );
        assert_eq!(html.matches("<tr>").count(), 3);
        assert_eq!(html.matches("data-outcome=").count(), 6);
        assert!(
            html.contains("<td data-outcome=\"open\" title=\"open\">open</td>"),
            "{html}"
        );
        let mut e = String::new();
        escape_html(&mut e, "a'b\"c<d>e&f");
        assert_eq!(e, "a&#39;b&quot;c&lt;d&gt;e&amp;f");
    }

    #[test]
    fn a_thousand_links_batch_quickly() {
        let text: String = (0..1000)
            .map(|i| format!("https://shop{i}.taobao.com/item\n"))
            .collect();
        let rows = batch(&text, &day("2021-10-01"));
        assert_eq!(rows.len(), 1000);
        assert!(rows.iter().all(|r| r.platform == "taobao"));
        assert_eq!(csv(&rows).lines().count(), 1001);
    }
}
