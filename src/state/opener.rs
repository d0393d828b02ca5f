//! The pure half of the link opener: the address that reproduces a result,
//! and the batch check. Natively tested; the batch table is
//! `present::batch`, its CSV `present::download::tables::links`, the
//! screens are `ui::pages::open`.

use super::params::{encode, full_query};
use crate::lang::Lang;
use crate::policy::engine::decide;
use crate::policy::rules::{Confidence, Context, Outcome, Rules};
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
    /// The weakest confidence of the three decisions.
    pub confidence: Confidence,
    /// Whether any of them rests on an assumption.
    pub assumption: bool,
    /// Whether the site's page loads where the phone is (the network; the
    /// same in every context).
    pub reachable: bool,
}

/// Decides every non-empty line of `text` in the three contexts with
/// `rules` (the active ones). Repeated links are checked once: the table
/// would only repeat itself.
pub fn batch(rules: &Rules, text: &str, s: &Scenario) -> Vec<BatchRow> {
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
            let others = [CONTEXTS[1], CONTEXTS[2]].map(|c| decide(rules, link, c, s));
            let confidence = others
                .iter()
                .fold(first.confidence, |c, d| c.weakest(d.confidence));
            BatchRow {
                link: link.to_string(),
                platform: first.platform_id().to_string(),
                assumption: first.assumption || others.iter().any(|d| d.assumption),
                reachable: first.reachable,
                host: first.host,
                outcomes: [first.outcome, others[0].outcome, others[1].outcome],
                confidence,
            }
        })
        .collect()
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
             &date=2021-10-01&region=mainland&os=ios&vpn=off&cohort=late&lang=zh"
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
            Rules::builtin(),
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
    fn batch_rows_say_how_sure_they_are() {
        let rows = batch(
            Rules::builtin(),
            "https://www.zhihu.com/q\nhttps://www.duoshan.com/\nhttps://jd.com/",
            &day("2021-01-01"),
        );
        let flags: Vec<_> = rows.iter().map(|r| (r.confidence, r.assumption)).collect();
        assert_eq!(
            flags,
            [
                (Confidence::Low, true),
                // Assumptions are at most of medium confidence; JD is a
                // fact in chats only (R-2021-09-17), assumed elsewhere.
                (Confidence::Medium, true),
                (Confidence::Medium, true)
            ]
        );
        assert_eq!(rows[0].outcomes, [Outcome::Warn; 3]);
    }

    #[test]
    fn a_thousand_links_batch_quickly() {
        let text: String = (0..1000)
            .map(|i| format!("https://shop{i}.taobao.com/item\n"))
            .collect();
        let rows = batch(Rules::builtin(), &text, &day("2021-10-01"));
        assert_eq!(rows.len(), 1000);
        assert!(rows.iter().all(|r| r.platform == "taobao"));
    }
}
