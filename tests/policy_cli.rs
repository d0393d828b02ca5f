#![cfg(not(target_arch = "wasm32"))]
//! The `decide` example, run as researchers run it.
//!
//! The test runs `target/<profile>/examples/decide` when it is newer than
//! the test binary; if it is missing or older it falls back to `cargo run`
//! with a target directory of its own (a nested cargo on the same target directory
//! would wait for the lock the outer `cargo test` holds).

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn example() -> Command {
    let exe = std::env::current_exe().expect("test binary path");
    // target/<profile>/deps/policy_cli-… → target/<profile>/examples/decide
    let dir = exe
        .parent()
        .and_then(|p| p.parent())
        .map(PathBuf::from)
        .unwrap_or_default();
    let bin = dir
        .join("examples")
        .join(format!("decide{}", std::env::consts::EXE_SUFFIX));
    // Only a binary built after this test binary is current: `cargo test`
    // does not rebuild `examples/decide` itself (it builds the example's
    // test harness), so an older one may predate the code under test.
    let modified = |p: &std::path::Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let fresh = matches!((modified(&bin), modified(&exe)), (Some(b), Some(t)) if b >= t);
    if fresh {
        Command::new(bin)
    } else {
        let mut c = Command::new(env!("CARGO"));
        c.args(["run", "--quiet", "--example", "decide", "--"])
            .env("CARGO_TARGET_DIR", dir.join("cli-test-target"));
        c
    }
}

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = example()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run decide");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect(l))
        .collect()
}

#[test]
fn done_criterion() {
    let out = run(
        &[
            "--date",
            "2021-10-01",
            "--in",
            "group",
            "https://v.douyin.com/abc/",
        ],
        "",
    );
    assert!(out.status.success());
    let v = &lines(&out)[0];
    assert_eq!(v["outcome"], "copy_to_browser");
    assert_eq!(v["platform"], "douyin");
    assert_eq!(v["host"], "v.douyin.com");
    assert_eq!(v["share"], "no");
    assert_eq!(v["display"], "card");
    let trace: Vec<&str> = v["trace"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["rule"].as_str().unwrap())
        .collect();
    assert!(trace.contains(&"douyin-copy-2018-03"), "{trace:?}");
    assert!(
        trace.contains(&"groups-stay-restricted-2021-09-17"),
        "{trace:?}"
    );
    assert!(!v["rules"].as_array().unwrap().is_empty());
    // Which rules decided: the built-in file's SHA-256, all 64 digits.
    assert_eq!(
        v["rules_sha256"],
        walled_garden::policy::fingerprint::Fingerprint::builtin().sha256()
    );
}

#[test]
fn several_links_and_stdin() {
    let out = run(
        &[
            "--date",
            "2022-02-01",
            "--in",
            "chat",
            "https://item.taobao.com/x",
            "javascript:alert(1)",
        ],
        "",
    );
    let v = lines(&out);
    assert_eq!(v.len(), 2);
    assert_eq!(v[0]["outcome"], "open");
    assert_eq!(v[1]["outcome"], "rejected");
    assert_eq!(v[1]["platform"], "none");
    let out = run(
        &["--region", "overseas", "--os", "android", "--vpn", "on"],
        "https://jd.com\n\nm.tb.cn/h.x\n",
    );
    let v = lines(&out);
    assert_eq!(v.len(), 2);
    assert_eq!(v[0]["platform"], "jd");
    assert_eq!(v[1]["link"], "m.tb.cn/h.x");
}

#[test]
fn bad_arguments_exit_2_with_one_line() {
    for args in [
        &["--date", "2021-13-01", "x"][..],
        &["--in", "space", "x"],
        &["--vpn", "maybe", "x"],
        &["--cohort", "middle", "x"],
        &["--bogus"],
        &["--date"],
        &["--rules", "/nonexistent/rules.json", "x"],
    ] {
        let out = run(args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn custom_rules_file() {
    let dir = std::env::temp_dir().join(format!("wg-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\"format\": 1,\n \"rules\": [}").unwrap();
    let out = run(&["--rules", bad.to_str().unwrap(), "x"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2"));
    let good = dir.join("good.json");
    std::fs::write(&good, walled_garden::policy::rules::BUILTIN_JSON).unwrap();
    let out = run(&["--rules", good.to_str().unwrap(), "https://jd.com"], "");
    let v = lines(&out);
    assert_eq!(v[0]["custom"], true);
    assert_eq!(v[0]["outcome"], "open");
    // The fingerprint of the file's bytes, as `sha256sum` gives it.
    let bytes = std::fs::read(&good).unwrap();
    assert_eq!(
        v[0]["rules_sha256"],
        walled_garden::policy::sha256::hex(&bytes)
    );
}

#[test]
fn cohort_confidence_and_assumption() {
    let taobao = "https://item.taobao.com/x";
    let late = &lines(&run(&["--date", "2021-10-01", taobao], ""))[0];
    assert_eq!(late["outcome"], "copy_to_browser");
    assert_eq!(late["other_cohort"]["cohort"], "early");
    assert_eq!(late["other_cohort"]["outcome"], "confirm");
    assert_eq!(
        (&late["confidence"], &late["assumption"]),
        (&"high".into(), &"no".into())
    );
    let early = &lines(&run(
        &["--date", "2021-10-01", "--cohort", "early", taobao],
        "",
    ))[0];
    assert_eq!(early["outcome"], "confirm");
    assert_eq!(early["other_cohort"]["outcome"], "copy_to_browser");
    let duoshan = &lines(&run(
        &["--date", "2019-01-15", "https://www.duoshan.com/"],
        "",
    ))[0];
    assert_eq!(duoshan["assumption"], "yes");
    let assumed = duoshan["assumed_en"].as_array().unwrap();
    assert!(
        assumed
            .iter()
            .any(|a| a.as_str().unwrap().contains("duoshan.com")),
        "{assumed:?}"
    );
    let diversion = &lines(&run(
        &["--date", "2021-01-01", "https://www.zhihu.com/"],
        "",
    ))[0];
    assert_eq!(diversion["confidence"], "low");
}

#[test]
fn change_points_from_the_command_line() {
    let out = run(
        &["--changes", "--from", "2013-01-01", "--to", "2023-12-31"],
        "",
    );
    assert_eq!(out.status.code(), Some(0));
    let v = lines(&out);
    // Taobao stops opening in one-to-one chats on the record's 2013-11
    // date and opens again on 2021-11-29 (late cohort, the default).
    let taobao: Vec<(&str, &str, &str)> = v
        .iter()
        .filter(|c| c["platform"] == "taobao" && c["context"] == "chat")
        .map(|c| {
            (
                c["date"].as_str().unwrap(),
                c["before"].as_str().unwrap(),
                c["after"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        taobao,
        [
            ("2013-11-01", "open", "copy_to_browser"),
            ("2021-11-29", "copy_to_browser", "open")
        ]
    );
    let dates: Vec<&str> = v.iter().map(|c| c["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "by date");
    assert!(v
        .iter()
        .all(|c| !c["rules_after"].as_array().unwrap().is_empty()));

    // A narrower window, as CSV with a header.
    let out = run(
        &[
            "--changes",
            "--from",
            "2021-09-01",
            "--to",
            "2022-02-01",
            "--format",
            "csv",
        ],
        "",
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let mut rows = text.lines();
    assert_eq!(
        rows.next(),
        Some("date,platform,context,before,after,display_before,display_after,rules_before,rules_after")
    );
    let rows: Vec<&str> = rows.collect();
    assert!(!rows.is_empty());
    for r in &rows {
        assert_eq!(r.split(',').count(), 9, "{r}");
        assert!(("2021-09-01".."2022-02-02").contains(&&r[..10]), "{r}");
    }
    assert!(rows
        .iter()
        .any(|r| r.starts_with("2021-09-17,douyin,chat,copy_to_browser,confirm,")));
}

#[test]
fn csv_for_links_and_help_for_every_option() {
    let out = run(
        &[
            "--format",
            "csv",
            "--date",
            "2013-10-01",
            "https://taobao.com/",
            "a,b",
        ],
        "",
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), 3);
    assert!(rows[0].starts_with("link,outcome,platform,"));
    assert!(rows[0].ends_with(",custom,rules_sha256"));
    assert!(rows[1].starts_with("https://taobao.com/,open,taobao,"));
    let builtin = walled_garden::policy::fingerprint::Fingerprint::builtin();
    assert!(rows[1].ends_with(&format!(",false,{}", builtin.sha256())));
    assert!(rows[2].starts_with("\"a,b\","));

    let out = run(&["--help"], "");
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8(out.stdout).unwrap();
    for opt in [
        "--date",
        "--in",
        "--region",
        "--os",
        "--vpn",
        "--cohort",
        "--rules",
        "--format",
        "--changes",
        "--from",
        "--to",
        "--help",
    ] {
        let example = help
            .lines()
            .skip_while(|l| !l.trim_start().starts_with(opt))
            .nth(1)
            .unwrap_or("");
        assert!(
            example.trim_start().starts_with("e.g. decide"),
            "{opt} has no example: {example:?}"
        );
    }
    for bad in [
        &["--format", "xml", "x"][..],
        &["--changes", "https://taobao.com/"],
        &["--changes", "--from", "2022-01-01", "--to", "2021-01-01"],
        &["--changes", "--from", "yesterday"],
    ] {
        let out = run(bad, "");
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr)
                .trim_end()
                .lines()
                .count(),
            1
        );
    }
}

/// A folder of its own for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wg-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs decide with the package's day fixed (2024-05-17).
fn run_dated(args: &[&str]) -> Output {
    example()
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1715904000")
        .stdin(Stdio::null())
        .output()
        .expect("run decide")
}

/// The files of the package at `path`: (name, text).
fn unzip(path: &std::path::Path) -> Vec<(String, String)> {
    let bytes = std::fs::read(path).expect("the package was written");
    walled_garden::present::download::zip::read(&bytes)
        .expect("a ZIP the app's reader reads back")
        .into_iter()
        .map(|(n, b)| (n, String::from_utf8(b).unwrap()))
        .collect()
}

/// A package's CSV, its header and the descriptor, checked against each
/// other: names, and every column of the header in the schema in order.
fn package_parts(path: &std::path::Path, csv_name: &str) -> (String, serde_json::Value) {
    let files = unzip(path);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, [csv_name, "datapackage.json", "README.md"]);
    let meta: serde_json::Value = serde_json::from_str(&files[1].1).unwrap();
    let header = files[0].1.split("\r\n").next().unwrap().to_string();
    let fields: Vec<&str> = meta["resources"][0]["schema"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(fields.join(","), header);
    assert_eq!(meta["created"], "2024-05-17T00:00:00Z");
    (files[0].1.clone(), meta)
}

fn header_of(fields: &[walled_garden::present::download::Field]) -> String {
    fields.iter().map(|f| f.name).collect::<Vec<_>>().join(",")
}

#[test]
fn a_package_of_links_has_the_batch_checks_csv() {
    use walled_garden::policy::rules::Rules;
    use walled_garden::policy::scenario::{Date, Scenario};
    use walled_garden::present::download::tables;
    let dir = scratch("links");
    let zip = dir.join("links.zip");
    let links = [
        "https://m.tb.cn/h.x",
        "https://v.douyin.com/abc/",
        "=HYPERLINK(\"x\")",
    ];
    let mut args = vec!["--date", "2021-12-10", "--package", zip.to_str().unwrap()];
    args.extend(links);
    let out = run_dated(&args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (csv, meta) = package_parts(&zip, "links.csv");
    assert!(csv.starts_with(&(header_of(&tables::LINKS) + "\r\n")));
    // Byte for byte the app's Download CSV of the same batch.
    let s = Scenario {
        date: Date::parse("2021-12-10").unwrap(),
        ..Scenario::default()
    };
    let rows = walled_garden::state::opener::batch(Rules::builtin(), &links.join("\n"), &s);
    assert_eq!(csv, tables::links(&rows).csv);
    assert!(csv.contains("\r\n\"'=HYPERLINK(\"\"x\"\")\","), "{csv}");
    let builtin = walled_garden::policy::fingerprint::Fingerprint::builtin();
    assert_eq!(meta["rules_sha256"], builtin.sha256());
    assert_eq!(meta["rules_custom"], false);
    assert_eq!(meta["scenario"]["date"], "2021-12-10");
    assert!(meta["permalink"]
        .as_str()
        .unwrap()
        .starts_with("#/open?date=2021-12-10"));
    assert!(meta["citation"].as_str().unwrap().contains(builtin.short()));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_package_of_changes_has_what_changeds_columns() {
    use walled_garden::present::download::tables;
    let dir = scratch("changes");
    let zip = dir.join("changes.zip");
    let days = ["--from", "2021-09-01", "--to", "2022-02-01"];
    let mut args = vec![
        "--changes",
        "--lang",
        "zh",
        "--package",
        zip.to_str().unwrap(),
    ];
    args.extend(days);
    let out = run_dated(&args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (csv, meta) = package_parts(&zip, "changes.csv");
    let header = header_of(&tables::CHANGES);
    assert!(csv.starts_with(&(header.clone() + "\r\n")));
    // The same columns as `--changes --format csv`.
    let mut args = vec!["--changes", "--format", "csv"];
    args.extend(days);
    let text = String::from_utf8(run(&args, "").stdout).unwrap();
    assert_eq!(text.lines().next(), Some(header.as_str()));
    assert!(csv.contains("\r\n2021-09-17,douyin,chat,copy_to_browser,confirm,"));
    assert_eq!(meta["days"]["from"], "2021-09-01");
    assert_eq!(meta["days"]["to"], "2022-02-01");
    // The words in the user's language, the values the same.
    let files = unzip(&zip);
    assert!(files[2].1.contains("## 如何引用"), "{}", files[2].1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_matrix_and_the_record_print_and_package() {
    use walled_garden::lang::Lang;
    use walled_garden::policy::rules::Rules;
    use walled_garden::policy::scenario::{Date, Scenario};
    use walled_garden::present::download::tables;
    let out = run(
        &["--matrix", "--date", "2021-09-17", "--cohort", "early"],
        "",
    );
    assert_eq!(out.status.code(), Some(0));
    let s = Scenario {
        date: Date::parse("2021-09-17").unwrap(),
        cohort: walled_garden::policy::scenario::Cohort::Early,
        ..Scenario::default()
    };
    let app = tables::matrix(Rules::builtin(), &s).csv;
    assert_eq!(String::from_utf8(out.stdout).unwrap(), app);
    let dir = scratch("matrix");
    let zip = dir.join("m.zip");
    let args = [
        "--matrix",
        "--date",
        "2021-09-17",
        "--cohort",
        "early",
        "--package",
    ];
    let mut args = args.to_vec();
    args.push(zip.to_str().unwrap());
    assert_eq!(run_dated(&args).status.code(), Some(0));
    let (csv, meta) = package_parts(&zip, "matrix.csv");
    assert_eq!(csv, app);
    assert_eq!(meta["scenario"]["cohort"], "early");
    let record = run(&["--record"], "");
    let text = String::from_utf8(record.stdout).unwrap();
    assert_eq!(text, tables::record(Rules::builtin(), Lang::En).csv);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_package_with_a_rules_file_is_marked_custom() {
    let dir = scratch("custom");
    let rules = dir.join("rules.json");
    std::fs::write(&rules, walled_garden::policy::rules::BUILTIN_JSON).unwrap();
    let zip = dir.join("p.zip");
    let args = [
        "--rules",
        rules.to_str().unwrap(),
        "--matrix",
        "--package",
        zip.to_str().unwrap(),
    ];
    let out = run_dated(&args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (_, meta) = package_parts(&zip, "matrix.csv");
    assert_eq!(meta["rules_custom"], true);
    let bytes = std::fs::read(&rules).unwrap();
    assert_eq!(
        meta["rules_sha256"],
        walled_garden::policy::sha256::hex(&bytes)
    );
    assert!(meta["rules_fingerprint"]
        .as_str()
        .unwrap()
        .ends_with(" custom"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn package_options_are_documented_and_checked() {
    let help = String::from_utf8(run(&["--help"], "").stdout).unwrap();
    for opt in ["--matrix", "--record", "--package", "--lang"] {
        let example = help
            .lines()
            .skip_while(|l| !l.trim_start().starts_with(opt))
            .nth(1)
            .unwrap_or("");
        assert!(
            example.trim_start().starts_with("e.g. decide"),
            "{opt}: {example:?}"
        );
    }
    for bad in [
        &["--matrix", "https://taobao.com/"][..],
        &["--matrix", "--changes"],
        &["--record", "--matrix"],
        &["--lang", "fr", "--matrix"],
        &["--package"],
        &["--matrix", "--package", "/nonexistent/dir/p.zip"],
    ] {
        let out = run(bad, "");
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{bad:?}: {err}");
    }
}
