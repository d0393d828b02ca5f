//! `decide`: the policy engine on the command line, for researchers.
//!
//! ```text
//! cargo run --release --example decide -- [--date YYYY-MM-DD] [--in chat|group|moments|mini_program]
//!     [--region mainland|overseas] [--os ios|android] [--vpn on|off] [--cohort early|late] [--rules FILE] LINK...
//! ```
//!
//! Prints one JSON object per link and line. With no LINK, reads links from
//! standard input, one per line. Bad arguments: a one-line error on standard
//! error and exit code 2.

use std::io::{BufRead, Write};
use std::process::ExitCode;
use walled_garden::policy::engine::{decide, Decision};
use walled_garden::policy::rules::{Context, Rules};
use walled_garden::policy::scenario::{parse_vpn, Cohort, Date, Os, Region, Scenario};

const USAGE: &str = "usage: decide [--date YYYY-MM-DD] [--in chat|group|moments|mini_program] [--region mainland|overseas] [--os ios|android] [--vpn on|off] [--cohort early|late] [--rules FILE] LINK...";

struct Args {
    scenario: Scenario,
    context: Context,
    rules: Option<String>,
    links: Vec<String>,
}

fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut a = Args {
        scenario: Scenario::default(),
        context: Context::Chat,
        rules: None,
        links: Vec::new(),
    };
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--date" => {
                let v = value("--date")?;
                a.scenario.date = Date::parse(&v)
                    .map_err(|_| format!("--date: \"{v}\" is not a day YYYY-MM-DD"))?;
            }
            "--in" => {
                let v = value("--in")?;
                a.context = Context::parse(&v).ok_or_else(|| {
                    format!("--in: \"{v}\" is not chat, group, moments or mini_program")
                })?;
            }
            "--region" => {
                let v = value("--region")?;
                a.scenario.region = Region::parse(&v)
                    .ok_or_else(|| format!("--region: \"{v}\" is not mainland or overseas"))?;
            }
            "--os" => {
                let v = value("--os")?;
                a.scenario.os =
                    Os::parse(&v).ok_or_else(|| format!("--os: \"{v}\" is not ios or android"))?;
            }
            "--vpn" => {
                let v = value("--vpn")?;
                a.scenario.vpn =
                    parse_vpn(&v).ok_or_else(|| format!("--vpn: \"{v}\" is not on or off"))?;
            }
            "--cohort" => {
                let v = value("--cohort")?;
                a.scenario.cohort = Cohort::parse(&v)
                    .ok_or_else(|| format!("--cohort: \"{v}\" is not early or late"))?;
            }
            "--rules" => a.rules = Some(value("--rules")?),
            "--help" | "-h" => return Err(USAGE.to_string()),
            "--" => a.links.extend(it.by_ref()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => a.links.push(arg),
        }
    }
    Ok(a)
}

fn json(link: &str, d: &Decision) -> String {
    let trace: Vec<serde_json::Value> = d
        .trace
        .iter()
        .map(|t| {
            serde_json::json!({
                "rule": &*t.rule_id,
                "applied": t.applied,
                "why": t.why_text(),
            })
        })
        .collect();
    let rules: Vec<&str> = d.rules.iter().map(|r| &**r).collect();
    serde_json::json!({
        "link": link,
        "outcome": d.outcome.as_str(),
        "platform": d.platform_id(),
        "host": d.host,
        "share": d.share_str(),
        "display": d.display.as_str(),
        "form": d.form.as_str(),
        "rules": rules,
        "confidence": d.confidence_str(),
        "assumption": d.assumption_str(),
        "assumed_en": d.assumed.iter().map(|a| a.en.as_str()).collect::<Vec<_>>(),
        "caveat_en": d.caveat.as_ref().map(|c| c.text.en.as_str()),
        "other_cohort": d.other_cohort.as_ref().map(|o| serde_json::json!({
            "cohort": o.cohort.as_str(),
            "outcome": o.outcome.as_str(),
            "rule": &*o.rule,
        })),
        "custom": d.custom,
        "title_en": d.texts.en.title,
        "reason_en": d.texts.en.reason,
        "trace": trace,
    })
    .to_string()
}

fn fail(message: &str) -> ExitCode {
    // One line, whatever the message held.
    eprintln!("decide: {}", message.replace('\n', " "));
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => return fail(&e),
    };
    let loaded;
    let rules: &Rules = match &args.rules {
        None => Rules::builtin(),
        Some(path) => {
            let text = match std::fs::read_to_string(path) {
                Ok(t) => t,
                Err(e) => return fail(&format!("--rules {path}: {e}")),
            };
            loaded = match Rules::from_json(&text) {
                Ok(r) => r,
                Err(errors) => {
                    let first = errors.first().map(ToString::to_string).unwrap_or_default();
                    return fail(&format!(
                        "--rules {path}: {} error(s), first: {first}",
                        errors.len()
                    ));
                }
            };
            &loaded
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut emit = |link: &str| {
        let d = decide(rules, link, args.context, &args.scenario);
        writeln!(out, "{}", json(link, &d))
    };
    if args.links.is_empty() {
        for line in std::io::stdin().lock().lines() {
            let Ok(line) = line else { break };
            if line.trim().is_empty() {
                continue;
            }
            if emit(&line).is_err() {
                break;
            }
        }
    } else {
        for l in &args.links {
            if emit(l).is_err() {
                break;
            }
        }
    }
    ExitCode::SUCCESS
}
