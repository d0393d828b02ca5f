//! The phone frame fits the screens people use: on laptops (1280×720,
//! 1366×768) the whole frame is in the window with the chat's composer
//! visible, and on a phone (390×844) the composer spans the screen's width.

use crate::driver::{Browser, Server};
use serde_json::{json, Value};

/// The rectangles of the chat's log, its Message box and its Send button,
/// and the window's size, found by role and name (tests/common/a11y.js).
const MEASURE: &str = "const r = e => { const b = e.getBoundingClientRect(); \
    return [b.left, b.top, b.right, b.bottom]; }; \
    const log = wgFind(document.body, 'log', null)[0]; \
    const msg = wgFind(document.body, 'textbox', 'Message', 'exact')[0]; \
    const send = wgFind(document.body, 'button', 'Send', 'exact')[0]; \
    let frame = log; \
    while (frame && parseFloat(getComputedStyle(frame).borderTopLeftRadius) === 0) frame = frame.parentElement; \
    const radius = frame ? parseFloat(getComputedStyle(frame).borderTopLeftRadius) : 0; \
    return [r(log), r(msg), r(send), [innerWidth, innerHeight], frame ? r(frame) : [0, 0, innerWidth, innerHeight], radius];";

/// The ring drawn around the frame on a desktop (`.phone`'s box-shadow).
const RING: f64 = 10.0;

/// Makes the window `w`×`h` CSS pixels, as a phone's when `mobile`.
fn viewport(b: &Browser, w: u32, h: u32, mobile: bool) {
    b.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({"width": w, "height": h, "deviceScaleFactor": 1, "mobile": mobile}),
    );
}

fn rect(v: &Value, i: usize) -> [f64; 4] {
    let a = &v[i];
    [0, 1, 2, 3].map(|k| a[k].as_f64().unwrap_or(f64::NAN))
}

#[test]
#[ignore = "needs the release build and chromedriver: make e2e"]
fn the_frame_fits_laptops_and_the_composer_spans_the_screen() {
    let server = Server::start(0);
    let b = Browser::start();
    let mut problems = Vec::new();
    for (w, h, mobile) in [(1366, 768, false), (1280, 720, false), (390, 844, true)] {
        viewport(&b, w, h, mobile);
        b.goto(&server.url("#/chats/family"));
        b.wait(
            "wgFind(document.body, 'textbox', 'Message', 'exact').length",
            "the composer",
        );
        let v = b.js(MEASURE, json!([]));
        let (log, msg, send) = (rect(&v, 0), rect(&v, 1), rect(&v, 2));
        let (ww, wh) = (
            v[3][0].as_f64().unwrap_or(0.0),
            v[3][1].as_f64().unwrap_or(0.0),
        );
        let at = format!("{w}×{h}");
        let (frame, radius) = (rect(&v, 4), v[5].as_f64().unwrap_or(0.0));
        // The frame, its ring included, is in the window.
        if radius > 0.0 && (frame[1] - RING < 0.0 || frame[3] + RING > wh) {
            problems.push(format!(
                "{at}: the frame runs from {} to {} of {wh}",
                frame[1], frame[3]
            ));
        }
        // Send's outer corner clears the frame's round corner.
        let (cx, cy) = (frame[2] - radius, frame[3] - radius);
        if radius > 0.0
            && send[2] > cx
            && send[3] > cy
            && (send[2] - cx).hypot(send[3] - cy) > radius
        {
            problems.push(format!("{at}: Send is cut by the frame's corner"));
        }
        // The whole frame is in the window: the top of the chat and the
        // bottom of the composer.
        if log[1] < 0.0 || send[3] > wh || msg[3] > wh {
            problems.push(format!(
                "{at}: cut off: log top {}, Send bottom {} of {wh}",
                log[1], send[3]
            ));
        }
        // The composer spans the chat's width: Send ends near the right
        // edge of the log, the Message box starts near its left edge.
        if (log[2] - send[2]).abs() > 12.0 || msg[0] - log[0] > 60.0 {
            problems.push(format!(
                "{at}: composer from {} to {}, chat from {} to {}",
                msg[0], send[2], log[0], log[2]
            ));
        }
        // On a phone, the chat is the whole screen's width.
        if mobile && (log[0].abs() > 1.0 || (log[2] - ww).abs() > 1.0) {
            problems.push(format!(
                "{at}: the chat spans {}..{} of {ww}",
                log[0], log[2]
            ));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// Where the top bar's Back button is, how far its ancestors (the phone
/// frame among them) have scrolled, and how far the page has.
const TOP: &str = "const back = wgFind(document.body, 'button', 'Back', 'exact')[0] || wgFind(document.body, 'link', 'Back', 'exact')[0]; \
    let up = 0; \
    for (let e = back && back.parentElement; e; e = e.parentElement) up += e.scrollTop; \
    return [back ? back.getBoundingClientRect().top : -1, 0, up, document.scrollingElement.scrollTop];";

/// Issue 25: following a record id from a chat's link dialog scrolls only
/// the timeline's own list to the entry: the title bar and Back stay where
/// they were (before, the whole frame moved 68 px: this test fails on
/// 8335e81), on a laptop and a phone.
#[test]
#[ignore = "needs the release build and chromedriver: make e2e"]
fn following_a_record_id_moves_no_frame() {
    let server = Server::start(0);
    let b = Browser::start();
    let mut problems = Vec::new();
    for (w, h, mobile) in [(1366, 768, false), (390, 844, true)] {
        viewport(&b, w, h, mobile);
        b.goto(&server.url("#/chats/lihua?date=2021-10-01"));
        b.wait(
            "document.querySelector('[role=log] [data-display]')",
            "a link card",
        );
        // Enough messages after the card for the log to scroll on any
        // screen (the demo chat alone fits a laptop's): typed and sent.
        b.js(
            "wgFind(document.body, 'textbox', 'Message', 'exact')[0].focus()",
            json!([]),
        );
        for i in 0..14 {
            b.type_text(&format!("note {i}"));
            b.keys(&["\u{E007}"]);
        }
        b.wait(
            "document.querySelectorAll('[role=log] [data-from]').length > 14",
            "the notes sent",
        );
        // Scrolled up from the newest, as a reader going back to an older
        // card would be.
        let log = b.js(
            "const l = document.querySelector('[role=log]'); \
             l.scrollTop = Math.floor((l.scrollHeight - l.clientHeight) / 2); \
             l.dispatchEvent(new Event('scroll')); \
             return [l.scrollTop, l.scrollHeight - l.clientHeight];",
            json!([]),
        );
        b.js(
            "document.querySelector('[role=log] [data-display]').click()",
            json!([]),
        );
        b.wait(
            "document.querySelector('[role=dialog] details')",
            "the dialog's Why",
        );
        let before = b.js(TOP, json!([]));
        b.js(
            "const d = document.querySelector('[role=dialog] details'); d.open = true; \
             const a = [...d.querySelectorAll('a[href*=\"timeline\"]')].find(a => a.href.includes('id=R-2021-09-17')) || d.querySelector('a[href*=\"timeline\"]'); a.click()",
            json!([]),
        );
        b.wait("location.hash.startsWith('#/timeline')", "the timeline");
        b.wait_app();
        b.js_async(
            "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(1)))",
        );
        let after = b.js(TOP, json!([]));
        let n = |v: &Value, i: usize| v[i].as_f64().unwrap_or(f64::NAN);
        let at = format!("{w}×{h}");
        if n(&after, 0) < 0.0 || (n(&after, 0) - n(&before, 0)).abs() > 1.0 {
            problems.push(format!(
                "{at}: Back moved from {} to {}",
                n(&before, 0),
                n(&after, 0)
            ));
        }
        if n(&after, 2) != 0.0 || n(&after, 3) != 0.0 {
            problems.push(format!(
                "{at}: the frame scrolled {} and the page {}",
                n(&after, 2),
                n(&after, 3)
            ));
        }
        // The app's Back: the chat again, its dialog open, the log where
        // the reader left it (not at the newest).
        b.js(
            "(wgFind(document.body, 'button', 'Back', 'exact')[0] || wgFind(document.body, 'link', 'Back', 'exact')[0]).click()",
            json!([]),
        );
        b.wait(
            "location.hash.startsWith('#/chats/lihua') && document.querySelector('[role=dialog] details')",
            "the chat with its dialog again",
        );
        b.wait_app();
        let back = b
            .js(
                "return document.querySelector('[role=log]').scrollTop",
                json!([]),
            )
            .as_f64()
            .unwrap_or(f64::NAN);
        let (was, room) = (n(&log, 0), n(&log, 1));
        // A missing figure (NaN) is not kept either.
        let kept = (back - was).abs() <= 1.0;
        if !kept {
            problems.push(format!(
                "{at}: the log was at {was} of {room}, after Back at {}",
                back
            ));
        }
        if w == 390 && room <= 2.0 {
            problems.push(format!(
                "{at}: the chat does not scroll ({room} px of room)"
            ));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
