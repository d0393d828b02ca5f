//! A step's expectations against a set of rules.

use super::{DecisionExpected, Screen, Step};
use crate::policy::connection::eligibility;
use crate::policy::engine::decide;
use crate::policy::registration::{registration, AccountType, Registration};
use crate::policy::rules::Rules;
use crate::policy::scenario::Scenario;
use crate::policy::sync::sync_status_in;

/// What `rules` decide against what a step expects: one line per
/// difference (empty when the step holds). The app flags a step the
/// user's custom rules contradict; the tests run every step against the
/// built-in rules.
pub fn check(step: &Step, rules: &Rules) -> Vec<String> {
    let mut out = Vec::new();
    let decision =
        |e: &DecisionExpected, scenario: &Scenario, side: &str, out: &mut Vec<String>| {
            let Some((link, context)) = step.screen.link() else {
                return;
            };
            let d = decide(rules, link, context, scenario);
            let mut differs = |what: &str, want: String, got: String| {
                if want != got {
                    out.push(format!("{side}{what}: expected {want}, decided {got}"));
                }
            };
            if let Some(o) = e.outcome {
                differs("outcome", o.as_str().into(), d.outcome.as_str().into());
            }
            if let Some(x) = e.display {
                differs("display", x.as_str().into(), d.display.as_str().into());
            }
            if let Some(x) = e.share {
                differs("share", x.to_string(), d.share.to_string());
            }
            if let Some(x) = e.reachable {
                differs("reachable", x.to_string(), d.reachable.to_string());
            }
            if let Some(x) = e.assumption {
                differs("assumption", x.to_string(), d.assumption.to_string());
            }
        };
    if let Some(e) = &step.expect.decision {
        decision(e, &step.scenario, "", &mut out);
    }
    if let (Some(e), Screen::Compare { b, .. }) = (&step.expect.b, &step.screen) {
        decision(e, b, "B ", &mut out);
    }
    for &(target, want) in &step.expect.sync {
        let got = sync_status_in(rules, &step.scenario, target, step.scenario.region).status;
        if got != want {
            out.push(format!(
                "sync {}: expected {}, decided {}",
                target.as_str(),
                want.as_str(),
                got.as_str()
            ));
        }
    }
    if let Some(open) = step.expect.sign_up_open {
        let s = &step.scenario;
        let got = registration(AccountType::Personal, s.region, s.date) == Registration::Open;
        if got != open {
            out.push(format!("sign-up open: expected {open}, decided {got}"));
        }
    }
    if let Some(c) = &step.expect.connection {
        let got = match eligibility(step.scenario.date, step.group, c.minutes, c.age) {
            Ok(()) => "ok",
            Err(r) => r.as_str(),
        };
        if got != c.result {
            out.push(format!("connection: expected {}, decided {got}", c.result));
        }
    }
    out
}
