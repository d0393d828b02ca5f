//! A screenshot of every screen in English and Chinese, from the release
//! build in headless Chromium at a phone's 390 × 844 CSS pixels (drawn at
//! 2×): `make screens` writes them to docs/screens/ (`chats-en.png`, …);
//! `make e2e` writes them under target/screens/ and checks that no screen
//! is wider than the phone (a table keeps its own scroll).

use super::axe::load;
use super::driver::{Browser, Server};
use super::el;
use serde_json::json;
use std::path::PathBuf;
use walled_garden::i18n::T;
use walled_garden::lang::Lang;

/// Decodes standard base64 (what DevTools returns a screenshot in).
fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let bytes: Vec<u8> = text
        .bytes()
        .filter(|c| *c != b'=' && !c.is_ascii_whitespace())
        .collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, c)| n | u32::from(value(*c)) << (18 - 6 * i));
        let got = chunk.len() * 6 / 8;
        out.extend_from_slice(&n.to_be_bytes()[1..=got]);
    }
    out
}

/// Where the pictures go: `WG_SCREENS_DIR` (relative to the repository),
/// else target/screens.
fn out_dir() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::var("WG_SCREENS_DIR").map_or(root.join("target/screens"), |d| root.join(d));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

struct Shooter<'a> {
    b: &'a Browser,
    server: &'a Server,
    lang: Lang,
    dir: PathBuf,
    wide: Vec<String>,
}

impl Shooter<'_> {
    fn visit(&self, hash: &str) {
        let tag = if self.lang == Lang::Zh {
            "lang=zh"
        } else {
            "lang=en"
        };
        let hash = String::from(hash) + if hash.contains('?') { "&" } else { "?" } + tag;
        load(self.b, self.server, &hash);
    }

    /// Saves the screen as `<name>-<lang>.png`, after checking its width.
    fn shoot(&mut self, name: &str) {
        // Fonts and the next frame, so the picture is what a user sees.
        self.b.js_async(
            "const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => done(1))))",
        );
        // The widths, and the first elements past the right edge that no
        // scroller of their own clips.
        let wide = self.b.js(
            "const m = document.querySelector('main') || document.body; const clipped = e => { for (let p = e.parentElement; p && p !== m; p = p.parentElement) { if (getComputedStyle(p).overflowX !== 'visible') return true; } return false; }; return [document.documentElement.scrollWidth, m.scrollWidth, m.clientWidth, [...m.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > innerWidth + 0.5 && !clipped(e)).slice(0, 3).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))]",
            json!([]),
        );
        let w = |i: usize| wide[i].as_u64().unwrap_or(0);
        if w(0) > 390 || w(1) > w(2) {
            self.wide
                .push(String::from(name) + ": " + &wide.to_string());
        }
        let shot = self
            .b
            .cdp("Page.captureScreenshot", json!({"format": "png"}));
        let png = base64(shot["data"].as_str().expect("a screenshot"));
        assert!(png.starts_with(b"\x89PNG"), "{name}: not a PNG");
        let file = String::from(name)
            + if self.lang == Lang::Zh {
                "-zh.png"
            } else {
                "-en.png"
            };
        std::fs::write(self.dir.join(file), png).unwrap();
    }

    /// Clicks the first element with `role` whose name is `key` in the
    /// language (`mode` as in a11y.js's wgFind).
    fn press(&self, role: &str, key: T, mode: &str) {
        let find = String::from("wgFind(document.body, ")
            + &json!(role).to_string()
            + ", "
            + &json!(key.tr(self.lang)).to_string()
            + ", "
            + &json!(mode).to_string()
            + ")[0]";
        self.b.wait(&find, key.tr(self.lang));
        self.b.js(&(find + ".click()"), json!([]));
    }

    /// Scrolls the element `expr` to the top of its scroller.
    fn scroll_to(&self, expr: &str) {
        self.b.js(
            &(String::from("(") + expr + ").scrollIntoView({block: 'start'})"),
            json!([]),
        );
    }
}

fn shoot_all(lang: Lang, dir: PathBuf) -> Vec<String> {
    let server = Server::start(0);
    let b = Browser::start();
    b.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": true}),
    );
    let mut s = Shooter {
        b: &b,
        server: &server,
        lang,
        dir,
        wide: Vec::new(),
    };
    for (hash, name) in [
        ("#/chats", "chats"),
        ("#/chats/lihua", "chat"),
        ("#/chats/family", "group"),
        ("#/contacts", "contacts"),
        ("#/discover", "discover"),
        ("#/mini", "mini"),
        ("#/me", "me"),
        ("#/moments", "moments"),
        ("#/timeline?date=2021-10-01", "timeline"),
        ("#/history?platform=douyin", "history"),
        ("#/rules", "rules"),
        ("#/register", "register"),
        ("#/connection?date=2020-03-01&cohort=early", "connection"),
        (
            "#/open?url=https%3A%2F%2Fv.douyin.com%2FRkP3xYz%2F&in=group&date=2021-10-01",
            "opener",
        ),
    ] {
        s.visit(hash);
        s.shoot(name);
    }

    // A mini program open: its frame and links.
    s.visit("#/mini");
    b.js(
        "document.querySelector('button[data-appid]').click()",
        json!([]),
    );
    b.wait(
        "document.querySelector('section[data-appid]')",
        "the mini program",
    );
    s.scroll_to("document.querySelector('section[data-appid]')");
    s.shoot("mini-detail");

    // The batch check with a few kinds of results.
    s.visit("#/open?date=2021-10-01");
    b.js(
        &(String::from("const t = ")
            + &el("control", T::BatchLinks.tr(lang))
            + "; t.value = 'https://item.taobao.com/item.htm?id=6521\\nhttps://v.douyin.com/RkP3xYz/\\nhttps://mp.weixin.qq.com/s/abc\\nhttps://wxaurl.cn/jdShopT1ck3t\\nhttps://example.com/\\nhello';"),
        json!([]),
    );
    s.press("button", T::Check, "exact");
    b.wait(
        "wgFind(document.body, 'table', null).some(t => wgFind(t, 'row', null).length == 7)",
        "the batch table",
    );
    s.scroll_to(&el("heading", T::BatchTitle.tr(lang)));
    s.shoot("batch");

    // The outcome screen over a chat, after tapping a link card.
    s.visit("#/chats/deals");
    b.js(
        "const c = document.querySelectorAll('[role=log] [data-display=card]'); c[c.length - 1].click()",
        json!([]),
    );
    b.wait(
        "document.querySelector('[role=dialog] [role=status]')",
        "the outcome layer",
    );
    s.shoot("outcome");

    // A laptop: the side panel beside the phone, the journalist's question
    // (a Taobao link in a group on 2021-12-10) answered with its confidence.
    b.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({"width": 1366, "height": 768, "deviceScaleFactor": 1, "mobile": false}),
    );
    // And a group chat: the whole frame and its composer in the window.
    for (hash, name) in [
        (
            "#/open?url=https%3A%2F%2Fitem.taobao.com%2Fitem.htm%3Fid%3D1&in=group&date=2021-12-10",
            "laptop-opener",
        ),
        ("#/chats/family", "laptop-chat"),
    ] {
        s.visit(hash);
        b.js_async(
            "const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => done(1))))",
        );
        let shot = b.cdp("Page.captureScreenshot", json!({"format": "png"}));
        let png = base64(shot["data"].as_str().expect("a screenshot"));
        let file = String::from(name)
            + if lang == Lang::Zh {
                "-zh.png"
            } else {
                "-en.png"
            };
        std::fs::write(s.dir.join(file), png).unwrap();
    }
    b.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": true}),
    );
    s.wide
}

#[test]
#[ignore = "needs the release build and chromedriver: make e2e, make screens"]
fn screenshots_of_every_screen_in_both_languages() {
    let dir = out_dir();
    let mut wide = shoot_all(Lang::En, dir.clone());
    wide.extend(shoot_all(Lang::Zh, dir.clone()));
    assert!(
        wide.is_empty(),
        "wider than the phone:\n{}",
        wide.join("\n")
    );
    let count = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "png"))
        })
        .count();
    assert!(count >= 32, "{count} screenshots in {}", dir.display());
}

#[test]
fn base64_decodes() {
    assert_eq!(base64("aGVsbG8="), b"hello");
    assert_eq!(base64("aGk="), b"hi");
    assert_eq!(base64("YWJj"), b"abc");
    assert_eq!(base64("iVBORw0KGgo="), b"\x89PNG\r\n\x1a\n");
}
