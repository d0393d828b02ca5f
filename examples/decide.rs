//! `decide`: the policy engine on the command line, for researchers.
//!
//! ```text
//! cargo run --release --example decide -- [OPTIONS] LINK...
//! cargo run --release --example decide -- --changes [--from DAY] [--to DAY] [OPTIONS]
//! ```
//!
//! Prints one JSON object per link and line (with `--format csv`, a CSV
//! with a header). With no LINK, reads links from standard input, one per
//! line. `--changes` prints every change point of the outcome matrix
//! instead (`policy::matrix`, the function the timeline screen uses).
//! Every decision carries `rules_sha256` (a CSV column too): the SHA-256
//! of the rules file that made it (the built-in one's equals `sha256sum
//! rules/rules.json`; with `--rules FILE`, that file's bytes), as the app's
//! citations give it.
//! `--package FILE.zip` writes the app's data package instead (the CSV,
//! `datapackage.json`, a README; `decide/package.rs`), `--matrix` the
//! outcome matrix of the day, `--record` the record with its sources.
//! `--help` documents every option. Bad arguments: a one-line error on
//! standard error and exit code 2.

// The example's root sits beside the other examples: its module is in
// its own folder.
#[path = "decide/package.rs"]
mod package;

use std::io::{BufRead, Write};
use std::process::ExitCode;
use walled_garden::policy::engine::{decide, Decision};
use walled_garden::policy::fingerprint::Fingerprint;
use walled_garden::policy::matrix::{self, Change};
use walled_garden::policy::rules::{Context, Rules};
use walled_garden::policy::scenario::{parse_vpn, Cohort, Date, Os, Region, Scenario};

const USAGE: &str = "usage: decide [--date YYYY-MM-DD] [--in chat|group|moments|mini_program] [--region mainland|overseas] [--os ios|android] [--vpn on|off] [--cohort early|late] [--rules FILE] [--format json|csv] [--package FILE.zip] LINK... | decide --changes [--from YYYY-MM-DD] [--to YYYY-MM-DD] [options] | decide --matrix|--record [options]; decide --help for more";

const HELP: &str = "decide: what WeChat did with a link, on a day, in a context (the Walled Garden rules).

usage:
  decide [OPTIONS] LINK...        decide each LINK (none: one link per line on standard input)
  decide --changes [OPTIONS]      every change point of the outcome matrix
  decide --matrix [OPTIONS]       the outcome matrix of the day, as CSV
  decide --record [OPTIONS]       the record's entries with their sources, as CSV

options:
  --date YYYY-MM-DD      the simulated day (default 2021-10-01)
                         e.g. decide --date 2013-10-01 https://taobao.com/
  --in CONTEXT           where the link was shared: chat, group, moments or mini_program (default chat)
                         e.g. decide --in group https://v.douyin.com/x
  --region REGION        mainland or overseas (default mainland)
                         e.g. decide --region overseas https://taobao.com/
  --os OS                ios or android (default ios)
                         e.g. decide --os android 'weixin://dl/business/?t=x'
  --vpn on|off           whether a VPN is on (default off)
                         e.g. decide --vpn on https://facebook.com/
  --cohort early|late    whether the account got gradual rollouts early (default late)
                         e.g. decide --cohort early --date 2021-09-20 https://taobao.com/
  --rules FILE           a rules file instead of the built-in one (same format as rules/rules.json)
                         e.g. decide --rules my-rules.json https://taobao.com/
  --format json|csv      one JSON object per line (default) or CSV with a header line
                         e.g. decide --format csv https://taobao.com/ https://jd.com/
  --changes              print every change point: date, platform, context, outcome before and after, rules
                         e.g. decide --changes --from 2013-01-01 --to 2023-12-31
                         (the scenario options apply; --date and --in do not: every day, chat, group and moments)
  --from YYYY-MM-DD      first day for --changes (default 2013-01-01)
                         e.g. decide --changes --from 2021-09-01 --to 2022-02-01 --format csv
  --to YYYY-MM-DD        last day for --changes (default 2023-12-31)
                         e.g. decide --changes --to 2019-12-31
  --matrix               print the outcome matrix of --date as CSV: one row per platform and context (the app's Download CSV)
                         e.g. decide --matrix --date 2021-09-17 --cohort early
  --record               print the record (the timeline's entries with their dates and sources) as CSV
                         e.g. decide --record --lang zh
  --package FILE.zip     write the app's data package instead of printing: a ZIP of the CSV, datapackage.json and README.md
                         e.g. decide --package links.zip https://taobao.com/ https://jd.com/
                         (datapackage.json is a Frictionless Data Package: columns and types, licence, sources,
                         citation, rules fingerprint, scenario. The table is the batch check's for links, What
                         changed's (every change in between) for --changes, the matrix's for --matrix, the
                         record's for --record. Dated today, or by SOURCE_DATE_EPOCH when set)
  --lang en|zh           the language of the package's README and descriptions (default en)
                         e.g. decide --matrix --lang zh --package matrix.zip
  --help, -h             this text
                         e.g. decide --help
  --                     the rest are links, even if they start with --
                         e.g. decide -- --not-an-option

exit status: 0 on success, 2 on bad arguments or an invalid rules file (one line on standard error).
";

struct Args {
    scenario: Scenario,
    context: Context,
    rules: Option<String>,
    links: Vec<String>,
    csv: bool,
    changes: bool,
    help: bool,
    from: Date,
    to: Date,
    matrix: bool,
    record: bool,
    package: Option<String>,
    lang: walled_garden::lang::Lang,
}

fn day(name: &str, v: &str) -> Result<Date, String> {
    Date::parse(v).map_err(|_| format!("{name}: \"{v}\" is not a day YYYY-MM-DD"))
}

fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut a = Args {
        scenario: Scenario::default(),
        context: Context::Chat,
        rules: None,
        links: Vec::new(),
        csv: false,
        changes: false,
        help: false,
        from: matrix::START,
        to: matrix::END,
        matrix: false,
        record: false,
        package: None,
        lang: walled_garden::lang::Lang::En,
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
            "--format" => {
                let v = value("--format")?;
                a.csv = match v.as_str() {
                    "json" => false,
                    "csv" => true,
                    _ => return Err(format!("--format: \"{v}\" is not json or csv")),
                };
            }
            "--changes" => a.changes = true,
            "--from" => a.from = day("--from", &value("--from")?)?,
            "--to" => a.to = day("--to", &value("--to")?)?,
            "--matrix" => a.matrix = true,
            "--record" => a.record = true,
            "--package" => a.package = Some(value("--package")?),
            "--lang" => {
                let v = value("--lang")?;
                a.lang = walled_garden::lang::Lang::parse(&v)
                    .ok_or_else(|| format!("--lang: \"{v}\" is not en or zh"))?;
            }
            "--help" | "-h" => a.help = true,
            "--" => a.links.extend(it.by_ref()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}; {USAGE}")),
            _ => a.links.push(arg),
        }
    }
    if a.changes && !a.links.is_empty() {
        return Err(format!("--changes takes no LINK; {USAGE}"));
    }
    let tables = [a.matrix, a.record, a.changes]
        .iter()
        .filter(|b| **b)
        .count();
    if tables > 1 || (tables == 1 && !a.changes && !a.links.is_empty()) {
        return Err(format!(
            "--matrix, --record and --changes are one table each and take no LINK; {USAGE}"
        ));
    }
    if a.from > a.to {
        return Err(format!("--from {} is after --to {}", a.from, a.to));
    }
    Ok(a)
}

/// One CSV field (RFC 4180), with formula-looking text defused: the
/// app's own writer (`present::download::csv`).
fn field(v: &str) -> String {
    walled_garden::present::download::csv::field(v)
}

const CSV_HEADER: &str =
    "link,outcome,platform,host,share,display,form,rules,confidence,assumption,reachable,custom,rules_sha256";

/// `sha256`: the rules file's fingerprint, so every row says which rules
/// made it.
fn csv(link: &str, d: &Decision, sha256: &str) -> String {
    [
        field(link),
        d.outcome.as_str().into(),
        field(d.platform_id()),
        field(&d.host),
        d.share_str().into(),
        d.display.as_str().into(),
        d.form.as_str().into(),
        field(&d.rules_attr()),
        d.confidence_str().into(),
        d.assumption_str().into(),
        d.reachable_str().into(),
        d.custom.to_string(),
        sha256.into(),
    ]
    .join(",")
}

const CHANGES_HEADER: &str =
    "date,platform,context,before,after,display_before,display_after,rules_before,rules_after";

fn change_csv(c: &Change) -> String {
    [
        c.date.to_string(),
        field(&c.platform),
        c.context.as_str().into(),
        c.before.outcome.as_str().into(),
        c.after.outcome.as_str().into(),
        c.before.display.as_str().into(),
        c.after.display.as_str().into(),
        field(&c.before.rules_attr()),
        field(&c.after.rules_attr()),
    ]
    .join(",")
}

fn change_json(c: &Change) -> String {
    let ids = |v: &[std::sync::Arc<str>]| v.iter().map(|r| r.to_string()).collect::<Vec<_>>();
    serde_json::json!({
        "date": c.date.to_string(),
        "platform": &*c.platform,
        "context": c.context.as_str(),
        "before": c.before.outcome.as_str(),
        "after": c.after.outcome.as_str(),
        "display_before": c.before.display.as_str(),
        "display_after": c.after.display.as_str(),
        "rules_before": ids(&c.before.rules),
        "rules_after": ids(&c.after.rules),
    })
    .to_string()
}

/// `sha256`: the rules file's fingerprint (`rules_sha256`), as a citation
/// of the app gives it.
fn json(link: &str, d: &Decision, sha256: &str) -> String {
    let trace: Vec<serde_json::Value> = d
        .trace
        .iter()
        .map(|t| {
            serde_json::json!({
                "rule": &*t.rule_id,
                "applied": t.applied,
                "why": t.why_text(),
                "supplies": t.supplies.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
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
        "reachable": d.reachable_str(),
        "network_en": d.network.as_ref().map(|n| n.en.title.as_str()),
        "assumed_en": d.assumed.iter().map(|a| a.en.as_str()).collect::<Vec<_>>(),
        "caveat_en": d.caveat.as_ref().map(|c| c.text.en.as_str()),
        "other_cohort": d.other_cohort.as_ref().map(|o| serde_json::json!({
            "cohort": o.cohort.as_str(),
            "outcome": o.outcome.as_str(),
            "rule": &*o.rule,
        })),
        "custom": d.custom,
        "rules_sha256": sha256,
        "title_en": d.texts.en.title,
        "reason_en": walled_garden::i18n::reason(d, walled_garden::lang::Lang::En),
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
    if args.help {
        print!("{HELP}");
        return ExitCode::SUCCESS;
    }
    let loaded;
    // The built-in rules' fingerprint, or that of the file's bytes as read.
    let mut fingerprint = Fingerprint::builtin();
    // The file's text, for a package's citation (custom rules, as the app's).
    let mut rules_text = None;
    let rules: &Rules = match &args.rules {
        None => Rules::builtin(),
        Some(path) => {
            let text = match std::fs::read_to_string(path) {
                Ok(t) => t,
                Err(e) => return fail(&format!("--rules {path}: {e}")),
            };
            fingerprint = Fingerprint::of_custom(&text);
            rules_text = Some(text.clone());
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
    if args.matrix || args.record || args.package.is_some() {
        return made(&args, rules_text.as_deref());
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.changes {
        if args.csv {
            let _ = writeln!(out, "{CHANGES_HEADER}");
        }
        for c in matrix::changes(rules, &args.scenario, args.from, args.to) {
            let line = if args.csv {
                change_csv(&c)
            } else {
                change_json(&c)
            };
            if writeln!(out, "{line}").is_err() {
                break;
            }
        }
        return ExitCode::SUCCESS;
    }
    if args.csv {
        let _ = writeln!(out, "{CSV_HEADER}");
    }
    let mut emit = |link: &str| {
        let d = decide(rules, link, args.context, &args.scenario);
        if args.csv {
            writeln!(out, "{}", csv(link, &d, fingerprint.sha256()))
        } else {
            writeln!(out, "{}", json(link, &d, fingerprint.sha256()))
        }
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

/// `--matrix` and `--package`: the app's table (and package) for the
/// arguments, through the library functions the app's buttons call.
fn made(args: &Args, rules_text: Option<&str>) -> ExitCode {
    let what = if args.matrix {
        package::What::Matrix
    } else if args.record {
        package::What::Record
    } else if args.changes {
        package::What::Changes(args.from, args.to)
    } else {
        package::What::Links(&args.links)
    };
    let (table, citation) = match package::table(&what, args.scenario, args.lang, rules_text) {
        Ok(t) => t,
        Err(e) => return fail(&e),
    };
    match &args.package {
        Some(path) => match package::write(path, &table, &citation, args.lang) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&e),
        },
        None => {
            print!("{}", table.csv);
            ExitCode::SUCCESS
        }
    }
}
