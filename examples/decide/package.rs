//! `decide --package FILE.zip` and `decide --matrix`: the app's downloads
//! on the command line, made by the same library functions as the app's
//! **Download CSV** and **Download data package** buttons
//! (`walled_garden::present::download`), so the columns are the app's:
//! the batch check's for links, What changed's for `--changes` (every
//! change in between, as the screen's **Every change in between**), the
//! outcome matrix's for `--matrix`, the timeline's record for `--record`.

use std::io::BufRead;
use walled_garden::lang::Lang;
use walled_garden::policy::history::between;
use walled_garden::policy::scenario::{Date, Scenario};
use walled_garden::present::download::{package, tables, Table};
use walled_garden::state::cite::{timeline_address, Citation};
use walled_garden::state::model::Data;
use walled_garden::state::opener::batch;
use walled_garden::state::params::full_query;
use walled_garden::state::rules::CustomRules;

/// Which table to make.
pub enum What<'a> {
    /// The outcome matrix of the scenario's day.
    Matrix,
    /// The record's entries with their sources.
    Record,
    /// Every change from `from` to `to`.
    Changes(Date, Date),
    /// The batch check of these links (none: one per line on stdin).
    Links(&'a [String]),
}

/// The day the package is made: `SOURCE_DATE_EPOCH` when set (the
/// reproducible-builds convention, so a test or a build can fix it), else
/// today in UTC.
pub fn today() -> Date {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0)
        });
    let epoch = Date {
        year: 1970,
        month: 1,
        day: 1,
    };
    epoch.add_days(i32::try_from(secs / 86_400).unwrap_or(i32::MAX))
}

/// The app's data for a citation: the demo data with the scenario, the
/// language and, with `--rules FILE`, that file's text as custom rules
/// (so the fingerprint is the file's, marked custom, as in the app).
fn data(scenario: Scenario, lang: Lang, rules_text: Option<&str>) -> Result<Data, String> {
    let mut d = walled_garden::state::seed::seed_in(lang);
    d.scenario = scenario;
    if let Some(text) = rules_text {
        let custom = CustomRules::parse(text).map_err(|e| format!("{} rules error(s)", e.len()))?;
        d.custom_rules = Some(custom);
    }
    Ok(d)
}

/// The table `what` and its citation. The permalink is the app's address
/// after its page (`#/timeline?…`): the tool does not know where the app
/// is hosted.
pub fn table(
    what: &What,
    scenario: Scenario,
    lang: Lang,
    rules_text: Option<&str>,
) -> Result<(Table, Citation), String> {
    let data = data(scenario, lang, rules_text)?;
    let rules = data.rules();
    let made = today();
    let permalink = timeline_address(&data, None);
    Ok(match what {
        What::Matrix => (
            tables::matrix(rules, &scenario),
            Citation::of_matrix(&data, made, permalink),
        ),
        What::Record => (
            tables::record(rules, lang),
            package::of_record(Citation::of_matrix(&data, made, permalink)),
        ),
        What::Changes(from, to) => {
            // As the screen: the scenario's day plays no part.
            let undated = Scenario {
                date: walled_garden::policy::matrix::START,
                ..scenario
            };
            (
                tables::changes(&between(rules, &undated, *from, *to)),
                Citation::of_changes(&data, *from, *to, made, permalink),
            )
        }
        What::Links(links) => {
            let text = if links.is_empty() {
                let lines = std::io::stdin().lock().lines();
                lines.map_while(Result::ok).collect::<Vec<_>>().join("\n")
            } else {
                links.join("\n")
            };
            let rows = batch(rules, &text, &scenario);
            let permalink = String::from("#/open") + &full_query(&scenario, lang);
            let c = Citation::of_batch(&data, rows.len(), made, permalink);
            (tables::links(&rows), c)
        }
    })
}

/// Writes the data package of `t` to `path`.
pub fn write(path: &str, t: &Table, c: &Citation, lang: Lang) -> Result<(), String> {
    std::fs::write(path, package::package(t, c, lang)).map_err(|e| format!("--package {path}: {e}"))
}
