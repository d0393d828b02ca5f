//! The stable address contract (issue 26): every address of
//! `tests/addresses.json` opens the screen and the decision written there.
//!
//! Add a row to `tests/addresses.json` whenever an address gains a
//! parameter (or the contract a screen): the list is what people who link
//! to the app rely on. Its expected decisions are the record's, confirmed
//! with the `decide` tool and written down by hand, never computed from the
//! app, so that a change of meaning fails here.

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const LIST: &str = include_str!("addresses.json");

fn rows() -> Vec<Value> {
    let list: Value = serde_json::from_str(LIST).expect("tests/addresses.json parses");
    list["addresses"]
        .as_array()
        .expect("a list of addresses")
        .clone()
}

/// The `data-*` values `want` names (without `data-`) that `el` does not
/// carry, as `name: got (want)`.
fn differences(el: &Element, want: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for (name, value) in want.as_object().expect("an object of data-* values") {
        let got = el
            .get_attribute(&format!("data-{name}"))
            .unwrap_or_default();
        let value = value.as_str().unwrap_or_default();
        if got != value {
            out.push(format!("data-{name}: {got:?} (want {value:?})"));
        }
    }
    out
}

/// What of `row` the mounted screen does not show.
fn check(app: &Mounted, row: &Value) -> Vec<String> {
    let mut wrong = Vec::new();
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    if let Some(title) = row.get("title") {
        let got = app.root.query_selector("h1").unwrap().map(|h| text_of(&h));
        if got.as_deref() != Some(title.as_str().unwrap_or_default()) {
            wrong.push(format!("title {got:?} (want {title})"));
        }
    }
    let lang = row.get("lang").map_or("en".into(), text);
    let html_lang = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap()
        .get_attribute("lang")
        .unwrap_or_default();
    if !html_lang.starts_with(&lang) {
        wrong.push(format!("lang {html_lang:?} (want {lang})"));
    }
    for s in row
        .get("has")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let s = text(s);
        if app.root.query_selector(&s).ok().flatten().is_none() {
            wrong.push(format!("nothing matches {s}"));
        }
    }
    for r in row
        .get("roles")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let (role, name) = (text(&r[0]), text(&r[1]));
        let n = if name.is_empty() {
            Name::Any
        } else {
            Name::Is(&name)
        };
        if app.roles(&role, n).is_empty() {
            wrong.push(format!("no {role} named {name:?}"));
        }
    }
    for (name, want) in row
        .get("controls")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        match by_role(&app.root, "control", Name::Is(name)).first() {
            Some(c) if value_of(c) == text(want) => {}
            Some(c) => wrong.push(format!("{name} = {:?} (want {want})", value_of(c))),
            None => wrong.push(format!("no control {name}")),
        }
    }
    for (name, want) in row
        .get("switches")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let on = by_role(&app.root, "control", Name::Is(name))
            .first()
            .and_then(|c| {
                c.dyn_ref::<web_sys::HtmlInputElement>()
                    .map(|i| i.checked())
            });
        if on != want.as_bool() {
            wrong.push(format!("{name} on: {on:?} (want {want})"));
        }
    }
    if let Some(param) = row.get("notice") {
        let quoted = format!("{}=", text(param));
        let notices = app.texts("[data-notice=bad-param]");
        if !notices.iter().any(|n| n.contains(&quoted)) {
            wrong.push(format!("no notice quoting {quoted}: {notices:?}"));
        }
    }
    if let Some(want) = row.get("decision") {
        match app
            .root
            .query_selector("[role=status][data-outcome]")
            .ok()
            .flatten()
        {
            Some(el) => wrong.extend(differences(&el, want)),
            None => wrong.push("no decision".into()),
        }
    }
    for (side, want) in row
        .get("sides")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let at = format!("[role=status][data-outcome][data-side=\"{side}\"]");
        match app.root.query_selector(&at).ok().flatten() {
            Some(el) => wrong.extend(
                differences(&el, want)
                    .into_iter()
                    .map(|d| format!("{side}: {d}")),
            ),
            None => wrong.push(format!("no side {side}")),
        }
    }
    for (at, want) in row
        .get("cells")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let (platform, context) = at.split_once(' ').expect("\"platform context\"");
        let got = outcome(app, platform, context);
        if got != text(want) {
            wrong.push(format!("cell {at} = {got} (want {want})"));
        }
    }
    wrong
}

#[wasm_bindgen_test]
async fn every_address_of_the_list_opens_its_screen_and_decision() {
    let rows = rows();
    assert!(rows.len() >= 40, "the list lost rows: {}", rows.len());
    let mut failures = Vec::new();
    for row in &rows {
        let address = row["address"].as_str().expect("an address");
        let app = mount_fresh(address).await;
        let wrong = check(&app, row);
        if !wrong.is_empty() {
            failures.push(format!("{address}: {}", wrong.join("; ")));
        }
        app.unmount();
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[wasm_bindgen_test]
fn the_list_covers_every_screen_of_the_contract() {
    // UI-CONTRACT.md's table, but for the stories (a later issue).
    let contract = [
        "#/chats",
        "#/chats/",
        "#/contacts",
        "#/discover",
        "#/moments",
        "#/open",
        "#/timeline",
        "#/rules",
        "#/me",
        "#/register",
        "#/connection",
        "#/mini",
        "#/compare",
        "#/history",
    ];
    let rows = rows();
    let listed: Vec<&str> = rows.iter().filter_map(|r| r["address"].as_str()).collect();
    for screen in contract {
        assert!(
            listed.iter().any(|a| a.starts_with(screen)),
            "{screen} is not in tests/addresses.json"
        );
    }
    // Every scenario parameter of the contract is in at least one row.
    for p in [
        "date=",
        "region=",
        "os=",
        "vpn=",
        "lang=",
        "cohort=",
        "url=",
        "in=",
        "connection=",
        "open=",
        "id=",
        "platform=",
        "a.date=",
        "b.cohort=",
    ] {
        assert!(
            listed
                .iter()
                .any(|a| a.contains(&format!("?{p}")) || a.contains(&format!("&{p}"))),
            "no row has {p}"
        );
    }
}
