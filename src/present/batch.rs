//! The batch check's table (`state::opener::batch` decides the rows).

use super::markup::Markup;
use super::words::{confidence_key, outcome_chip, outcome_key, platform_name, shared_in};
use crate::i18n::T;
use crate::lang::Lang;
use crate::policy::rules::Rules;
use crate::state::opener::{BatchRow, CONTEXTS};

/// The batch table for `rows` in `lang`: a header (the link, platform, the
/// three contexts, confidence, assumption, reachable) and one row per link,
/// headed by the link, with the platform's name and each outcome as a chip
/// of short words (the full words as its tooltip) in a cell with
/// `data-outcome`.
///
/// Markup rather than `html!`: a thousand rows of static cells need no
/// diffing, and the component keeps it in a memo.
pub fn table(rules: &Rules, rows: &[BatchRow], lang: Lang) -> Markup {
    let yes_no = |b: bool, no: T| if b { T::Yes } else { no }.tr(lang);
    let flag = |b: bool| if b { "yes" } else { "no" };
    let mut m = Markup::with_capacity(64 + rows.len() * 240);
    m.el("table", &[("class", "batch-table")], |m| {
        m.el("thead", &[], |m| {
            m.el("tr", &[], |m| {
                let contexts = CONTEXTS.map(shared_in);
                let tail = [T::ConfidenceCol, T::AssumptionCol, T::ReachableCol];
                let heads = [T::Link, T::Platform].iter().chain(&contexts).chain(&tail);
                for h in heads {
                    m.leaf("th", &[("scope", "col")], h.tr(lang));
                }
            });
        });
        m.el("tbody", &[], |m| {
            for r in rows {
                m.el("tr", &[], |m| {
                    let head = [("scope", "row"), ("class", "batch-link")];
                    m.leaf("th", &head, &r.link);
                    let name = platform_name(rules, &r.platform, lang);
                    m.leaf("td", &[("class", "batch-platform")], name);
                    for o in r.outcomes {
                        m.el("td", &[("data-outcome", o.as_str())], |m| {
                            let full = outcome_key(o).tr(lang);
                            let chip = [("class", "chip"), ("title", full)];
                            m.leaf("span", &chip, outcome_chip(o).tr(lang));
                        });
                    }
                    let confidence = r.confidence.as_str();
                    let words = confidence_key(r.confidence).tr(lang);
                    m.leaf("td", &[("data-confidence", confidence)], words);
                    let assumption = [("data-assumption", flag(r.assumption))];
                    m.leaf("td", &assumption, yes_no(r.assumption, T::No));
                    let reachable = [("data-reachable", flag(r.reachable))];
                    m.leaf("td", &reachable, yes_no(r.reachable, T::Unreachable));
                });
            }
        });
    });
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::scenario::day;
    use crate::state::opener::batch;

    #[test]
    fn the_table_says_how_sure_each_row_is() {
        let rows = batch(
            Rules::builtin(),
            "https://www.zhihu.com/q\nhttps://www.duoshan.com/\nhttps://jd.com/",
            &day("2021-01-01"),
        );
        let html = table(Rules::builtin(), &rows, Lang::Zh).into_string();
        assert!(
            html.contains("<td data-confidence=\"low\">低</td><td data-assumption=\"yes\">是</td>"),
            "{html}"
        );
    }

    #[test]
    fn table_markup_escapes_pasted_text() {
        let rows = batch(
            Rules::builtin(),
            "<img src=x onerror=alert(1)>\nhttps://m.tb.cn/h.x?a=1&b=\"2\"\n",
            &day("2022-02-01"),
        );
        let html = table(Rules::builtin(), &rows, Lang::En).into_string();
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
            html.contains(
                "<td data-outcome=\"open\"><span class=\"chip\" \
                 title=\"Opens in WeChat&#39;s in-app browser\">Opens</span></td>"
            ),
            "{html}"
        );
        assert!(html.contains(">Taobao</td>"), "{html}");
        assert!(!html.contains(">taobao<"), "{html}");
        let zh = table(Rules::builtin(), &rows, Lang::Zh).into_string();
        assert!(zh.contains(">淘宝</td>"), "{zh}");
        assert!(zh.contains(">记录外</td>"), "{zh}");
        assert!(zh.contains(">直接打开</span>"), "{zh}");
    }
}
