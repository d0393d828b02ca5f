//! The link opener's summary of a decision.

use super::markup::Markup;
use super::words::outcome_key;
use crate::i18n::T;
use crate::lang::Lang;
use crate::policy::engine::Decision;
use crate::policy::rules::Rules;

/// Platform and owner, host, and the outcome in words, as a `<dl>`; and
/// whether the page loads, after WeChat's step, when it does not.
pub fn summary(d: &Decision, rules: &Rules, lang: Lang) -> Markup {
    let platform = d.platform.as_deref().and_then(|p| rules.platform(p));
    let name = platform.map_or(T::NoPlatform.tr(lang).to_string(), |p| {
        String::from(lang.pick(&p.name_en, &p.name_zh)) + " · " + lang.pick(&p.owner, &p.owner_zh)
    });
    let mut m = Markup::new();
    m.el("dl", &[("class", "opener-summary")], |m| {
        let outcome = outcome_key(d.outcome).tr(lang);
        let mut rows = vec![
            (T::Platform, "sum-platform", &*name),
            (T::Host, "sum-host", &*d.host),
            (T::Outcome, "sum-outcome", outcome),
        ];
        if !d.reachable {
            // WeChat's step is the outcome; the network's comes after it.
            rows.push((T::ReachableCol, "sum-outcome", T::Unreachable.tr(lang)));
        }
        for (label, class, value) in rows {
            m.leaf("dt", &[], label.tr(lang));
            m.leaf("dd", &[("class", class)], value);
        }
    });
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::engine::decide;
    use crate::policy::rules::Context;
    use crate::policy::scenario::day;

    /// The markup the opener showed before `present` (compared byte for
    /// byte when the builder replaced it).
    #[test]
    fn the_summary_says_the_network_step_after_wechats() {
        let rules = Rules::builtin();
        let d = decide(
            rules,
            "https://www.facebook.com/x",
            Context::Chat,
            &day("2021-10-01"),
        );
        assert_eq!(
            summary(&d, rules, Lang::En).as_str(),
            "<dl class=\"opener-summary\"><dt>Platform</dt><dd class=\"sum-platform\">Facebook · Meta</dd>\
             <dt>Host</dt><dd class=\"sum-host\">www.facebook.com</dd>\
             <dt>Outcome</dt><dd class=\"sum-outcome\">Opens after a confirmation page</dd>\
             <dt>Loads</dt><dd class=\"sum-outcome\">Not without a VPN</dd></dl>"
        );
    }
}
