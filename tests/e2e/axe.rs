//! axe-core, the checker accessibility auditors run, on every screen and
//! dialog of the release build in both languages: any violation axe rates
//! serious or critical fails the test. Its source (`.tools/`, installed by
//! scripts/setup.sh at a pinned version) is injected through WebDriver's
//! execute script, which the page's Content Security Policy doesn't cover.

use super::driver::{Browser, Server};
use super::{el, visit};

/// Loads the app at `hash` as a new document: going from one hash to another
/// would only change the route, and the address's scenario parameters apply
/// on load.
pub fn load(b: &Browser, server: &Server, hash: &str) {
    b.goto("about:blank");
    visit(b, server, hash);
}
use serde_json::json;
use walled_garden::i18n::T;
use walled_garden::lang::Lang;

/// axe's source, read once per test.
fn axe_source() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(".tools/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (scripts/setup.sh installs axe-core)",
            path.display()
        )
    })
}

/// Runs axe on the page as it is; returns its serious and critical
/// violations, one line per rule with the first few elements and why.
pub fn audit(b: &Browser, axe: &str) -> Vec<String> {
    // A page load forgets it: inject into each new document.
    if b.js("return typeof axe === 'undefined'", json!([])) == true {
        b.js(&(String::from(axe) + "\n;return 1"), json!([]));
    }
    let found = b.js_async(
        "const done = arguments[arguments.length - 1]; axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ' (' + v.impact + '): ' + v.help + ': ' + v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' [' + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 160) + ']').join('; '))), e => done(['axe failed: ' + e]))",
    );
    super::strings(&found)
}

/// `hash` with the language parameter added.
fn in_lang(hash: &str, lang: Lang) -> String {
    let tag = if lang == Lang::Zh {
        "lang=zh"
    } else {
        "lang=en"
    };
    String::from(hash) + if hash.contains('?') { "&" } else { "?" } + tag
}

/// A page statement clicking the first element with `role` named `key`'s
/// text in `lang` (`mode`: `exact`, `prefix`, `contains`).
fn press(b: &Browser, role: &str, key: T, lang: Lang, mode: &str) {
    let find = String::from("wgFind(document.body, ")
        + &json!(role).to_string()
        + ", "
        + &json!(key.tr(lang)).to_string()
        + ", "
        + &json!(mode).to_string()
        + ")[0]";
    b.wait(&find, key.tr(lang));
    b.js(&(find + ".click()"), json!([]));
}

fn wait_dialog(b: &Browser, what: &str) {
    b.wait("document.querySelector('[role=dialog]')", what);
}

/// Every screen and dialog in `lang`, each audited; returns the problems.
fn audit_all(lang: Lang) -> Vec<String> {
    let axe = axe_source();
    let server = Server::start(0);
    let b = Browser::start();
    let mut problems = Vec::new();
    let mut check = |b: &Browser, screen: &str| {
        for v in audit(b, &axe) {
            problems.push(String::from(screen) + ": " + &v);
        }
    };
    for hash in [
        "#/chats",
        "#/chats/lihua",
        "#/chats/family",
        "#/contacts",
        "#/discover",
        "#/mini",
        "#/open",
        "#/open?url=https%3A%2F%2Fv.douyin.com%2Fabc%2F&in=chat&date=2021-10-01",
        "#/open?url=https%3A%2F%2Fv.douyin.com%2Fabc%2F&in=group&date=2021-10-01",
        "#/open?url=https%3A%2F%2Fm.tb.cn%2Fh.x&in=group&date=2022-02-01",
        "#/open?url=https%3A%2F%2Fwxaurl.cn%2FjdShopT1ck3t%3Fcreated%3D2021-01-01&in=chat&date=2021-10-01",
        "#/open?url=javascript%3Aalert(1)",
        "#/me",
        "#/me?date=2021-13-45",
        "#/timeline",
        "#/moments",
        "#/rules",
        "#/register",
        "#/connection?date=2019-06-01",
        "#/connection?date=2020-03-01&cohort=early",
        "#/nowhere",
    ] {
        load(&b, &server, &in_lang(hash, lang));
        check(&b, hash);
    }

    // Sign-up refused by the 2021 suspension, its record entry shown.
    load(&b, &server, &in_lang("#/register?date=2021-07-30", lang));
    b.js(
        &(String::from("const p = ")
            + &super::el("control", T::PhoneNumber.tr(lang))
            + "; p.value = '13912345678'; p.dispatchEvent(new Event('input', {bubbles: true}));"),
        json!([]),
    );
    press(&b, "button", T::GetCode, lang, "exact");
    b.wait(
        "document.querySelector('[role=alert][data-reason]')",
        "the refusal",
    );
    check(&b, "#/register, suspended");

    // A mini program open, with its short link tried outside WeChat.
    load(&b, &server, &in_lang("#/mini", lang));
    b.js(
        "document.querySelector('button[data-appid]').click()",
        json!([]),
    );
    press(&b, "button", T::OpenOutside, lang, "exact");
    b.wait("document.querySelector('[role=alert]')", "the outside note");
    check(&b, "mini program detail");

    // The batch check with results.
    load(&b, &server, &in_lang("#/open?date=2021-10-01", lang));
    b.js(
        &(String::from("const t = ")
            + &el("control", T::BatchLinks.tr(lang))
            + "; t.value = 'https://item.taobao.com/item.htm?id=1\\nhttps://v.douyin.com/x/\\nhttps://wxaurl.cn/jdShopT1ck3t\\nhello';"),
        json!([]),
    );
    press(&b, "button", T::Check, lang, "exact");
    b.wait(
        "wgFind(document.body, 'table', null).some(t => wgFind(t, 'row', null).length == 5)",
        "the batch table",
    );
    check(&b, "batch check");

    // Dialogs: new group, delete a chat, group members, reset, the
    // outcome layer over a chat and its share list.
    load(&b, &server, &in_lang("#/chats", lang));
    press(&b, "button", T::NewGroup, lang, "contains");
    wait_dialog(&b, "the group editor");
    check(&b, "new group dialog");
    load(&b, &server, &in_lang("#/chats", lang));
    press(&b, "button", T::MoreActions, lang, "prefix");
    press(&b, "button", T::Delete, lang, "exact");
    wait_dialog(&b, "the delete dialog");
    check(&b, "delete dialog");
    load(&b, &server, &in_lang("#/chats/family", lang));
    press(&b, "button", T::GroupMembers, lang, "prefix");
    wait_dialog(&b, "the members dialog");
    check(&b, "members dialog");
    load(&b, &server, &in_lang("#/me", lang));
    press(&b, "button", T::ResetData, lang, "exact");
    wait_dialog(&b, "the reset dialog");
    check(&b, "reset dialog");
    load(&b, &server, &in_lang("#/chats/lihua", lang));
    b.js(
        "document.querySelector('[role=log] [data-display=card]').click()",
        json!([]),
    );
    wait_dialog(&b, "the outcome layer");
    check(&b, "outcome layer");
    // Its share list, where the outcome offers sharing.
    let share = String::from("wgFind(document.body, 'button', ")
        + &json!(T::Share.tr(lang)).to_string()
        + ", 'exact')[0]";
    if b.js(
        &(String::from("const s = ") + &share + "; s && s.click(); return !!s"),
        json!([]),
    ) == true
    {
        check(&b, "outcome layer, share list");
    }
    problems
}

#[test]
#[ignore = "needs the release build and chromedriver: make e2e"]
fn axe_finds_nothing_serious_in_english() {
    let problems = audit_all(Lang::En);
    assert!(problems.is_empty(), "axe-core:\n{}", problems.join("\n"));
}

#[test]
#[ignore = "needs the release build and chromedriver: make e2e"]
fn axe_finds_nothing_serious_in_chinese() {
    let problems = audit_all(Lang::Zh);
    assert!(problems.is_empty(), "axe-core:\n{}", problems.join("\n"));
}

/// The audit can fail: the contacts screen with issue 14's findings put
/// back (white initials on WeChat green, an `li` under role=log, the
/// scrolling list unreachable by keyboard: its contacts, buttons since
/// issue 25, made plain items again) is reported.
#[test]
#[ignore = "needs the release build and chromedriver: make e2e"]
fn axe_reports_what_it_should() {
    let axe = axe_source();
    let server = Server::start(0);
    let b = Browser::start();
    visit(&b, &server, "#/contacts");
    // Styles through the CSSOM: the page's policy refuses style attributes.
    let applied = b.js(
        "const list = document.querySelector('main ul'); \
         list.querySelectorAll('button').forEach(b => b.replaceWith(...b.childNodes)); \
         list.style.maxHeight = '120px'; \
         const face = list.querySelector('[data-c]'); face.style.background = '#07c160'; \
         const log = list.parentElement.appendChild(document.createElement('div')); log.setAttribute('role', 'log'); \
         log.appendChild(document.createElement('li')).textContent = 'x'; \
         return [getComputedStyle(face).backgroundColor, list.scrollHeight > list.clientHeight];",
        json!([]),
    );
    assert_eq!(
        applied,
        json!(["rgb(7, 193, 96)", true]),
        "the findings put back"
    );
    let found = audit(&b, &axe).join("\n");
    for rule in ["listitem", "color-contrast", "scrollable-region-focusable"] {
        assert!(found.contains(rule), "{rule} not reported:\n{found}");
    }
}
