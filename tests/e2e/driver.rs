//! The end-to-end harness: a static file server for `dist/` and a minimal
//! WebDriver client for chromedriver, both on std alone (no HTTP crate).
//!
//! Waiting polls a condition in the page until it holds or a deadline
//! passes; no step waits a fixed time.

use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use walled_garden::state::orientation::{WELCOME_KEY, WELCOME_SEEN};

/// A page script marking the welcome as read (a page without storage,
/// `about:blank`, throws, and is left alone).
fn welcomed() -> String {
    format!("try {{ localStorage.setItem({WELCOME_KEY:?}, {WELCOME_SEEN:?}); }} catch (e) {{}}")
}

/// Roles and accessible names in the page (`wgFind`, `wgName`), put before
/// every script this driver runs, so tests find elements as users do.
const A11Y: &str = include_str!("../common/a11y.js");

/// How long any one wait may take before the test fails.
const DEADLINE: Duration = Duration::from_secs(20);

/// The release build the tests load (`trunk build --release`).
pub fn dist() -> PathBuf {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        d.join("index.html").is_file(),
        "no release build in {}: run `trunk build --release` first",
        d.display()
    );
    d
}

/// A free port on the loopback interface.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("no free port")
}

/// Serves `dist/` on 127.0.0.1. Stopping it closes the listening socket,
/// so the browser's requests are refused as with the network off.
pub struct Server {
    /// The port it listens on.
    pub port: u16,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    /// Bodies served instead of the files at these paths (`/sw.js`).
    pub overrides: Arc<Mutex<HashMap<String, Vec<u8>>>>,
    root: PathBuf,
}

impl Server {
    /// Starts serving `dist/` on `port` (0: any free port).
    pub fn start(port: u16) -> Server {
        Server::start_with(port, Arc::default(), dist())
    }

    /// Starts serving the directory `root` on any free port, with `overrides`.
    pub fn start_at(root: PathBuf, overrides: HashMap<String, Vec<u8>>) -> Server {
        Server::start_with(0, Arc::new(Mutex::new(overrides)), root)
    }

    fn start_with(
        port: u16,
        overrides: Arc<Mutex<HashMap<String, Vec<u8>>>>,
        root: PathBuf,
    ) -> Server {
        let listener = TcpListener::bind(("127.0.0.1", port)).expect("bind the test server");
        let port = listener.local_addr().unwrap().port();
        listener.set_nonblocking(true).unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let root_of_server = root.clone();
        let thread = {
            let (stop, overrides) = (stop.clone(), overrides.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    match listener.accept() {
                        Ok((s, _)) => {
                            let (root, overrides) = (root.clone(), overrides.clone());
                            std::thread::spawn(move || serve(s, &root, &overrides));
                        }
                        Err(_) => std::thread::sleep(Duration::from_millis(2)),
                    }
                }
            })
        };
        Server {
            port,
            stop,
            thread: Some(thread),
            overrides,
            root: root_of_server,
        }
    }

    /// The address of `hash` (`#/chats`) on this server.
    pub fn url(&self, hash: &str) -> String {
        String::from("http://127.0.0.1:") + &self.port.to_string() + "/" + hash
    }

    /// Stops serving: from now on connections are refused.
    pub fn stop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            t.join().unwrap();
        }
    }

    /// Serves again on the same port, with the same overrides.
    pub fn restart(&mut self) {
        self.stop();
        *self = Server::start_with(self.port, self.overrides.clone(), self.root.clone());
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

fn serve(mut s: TcpStream, root: &std::path::Path, overrides: &Mutex<HashMap<String, Vec<u8>>>) {
    let _ = s.set_nonblocking(false);
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        match s.read(&mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let head = String::from_utf8_lossy(&buf).to_string();
    let target = head.split(' ').nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let file = if path == "/" { "/index.html" } else { path };
    let body = overrides.lock().unwrap().get(file).cloned().or_else(|| {
        // Only plain names below dist/, never `..`.
        let rel = file.trim_start_matches('/');
        (!rel.split('/').any(|p| p == ".." || p.is_empty()))
            .then(|| std::fs::read(root.join(rel)).ok())
            .flatten()
    });
    let ext = file.rsplit('.').next().unwrap_or("");
    let kind = match ext {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "webmanifest" => "application/manifest+json",
        "png" => "image/png",
        _ => "application/octet-stream",
    };
    let (status, kind, body) = match body {
        Some(b) => ("200 OK", kind, b),
        None => ("404 Not Found", "text/plain", b"not found".to_vec()),
    };
    let head = String::from("HTTP/1.1 ")
        + status
        + "\r\nContent-Type: "
        + kind
        + "\r\nContent-Length: "
        + &body.len().to_string()
        + "\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n";
    let _ = s.write_all(head.as_bytes());
    let _ = s.write_all(&body);
}

/// A WebDriver key: Tab, Enter, Escape, Shift, arrows.
pub mod key {
    /// Tab.
    pub const TAB: &str = "\u{E004}";
    /// Enter.
    pub const ENTER: &str = "\u{E007}";
    /// Escape.
    pub const ESCAPE: &str = "\u{E00C}";
    /// Shift (held with the next key by [`super::Browser::chord`]).
    pub const SHIFT: &str = "\u{E008}";
    /// Arrow down.
    pub const DOWN: &str = "\u{E015}";
}

/// A headless Chromium session through chromedriver.
pub struct Browser {
    port: u16,
    child: Child,
    session: String,
    profile: PathBuf,
}

impl Browser {
    /// Starts chromedriver and a browser with a new, empty profile.
    pub fn start() -> Browser {
        Browser::start_with(None)
    }

    /// Like [`Browser::start`], recording Chromium's trace events of
    /// `categories` (comma-separated, as `chrome://tracing` names them) for
    /// [`Browser::trace`]: where a frame's time went.
    pub fn start_traced(categories: &str) -> Browser {
        Browser::start_with(Some(categories))
    }

    fn start_with(trace: Option<&str>) -> Browser {
        let port = free_port();
        let child = Command::new("/usr/bin/chromedriver")
            .arg(String::from("--port=") + &port.to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start /usr/bin/chromedriver (apt-get install chromium-driver)");
        let profile = std::env::temp_dir().join(
            String::from("wg-e2e-") + &std::process::id().to_string() + "-" + &port.to_string(),
        );
        let mut b = Browser {
            port,
            child,
            session: String::new(),
            profile,
        };
        let t0 = Instant::now();
        while request(port, "GET", "/status", None)
            .ok()
            .and_then(|v| v["value"]["ready"].as_bool())
            != Some(true)
        {
            assert!(t0.elapsed() < DEADLINE, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(20));
        }
        let args = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
            "--window-size=420,900",
        ];
        let mut args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        args.push(String::from("--user-data-dir=") + &b.profile.display().to_string());
        let mut caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": args},
            "goog:loggingPrefs": {"browser": "ALL"},
        }}});
        if let Some(categories) = trace {
            let m = &mut caps["capabilities"]["alwaysMatch"];
            m["goog:loggingPrefs"]["performance"] = json!("ALL");
            m["goog:chromeOptions"]["perfLoggingPrefs"] = json!({
                "enableNetwork": false,
                "enablePage": false,
                "traceCategories": categories,
            });
        }
        let v = request(port, "POST", "/session", Some(&caps)).expect("new session");
        b.session = v["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {v}"))
            .to_string();
        // A returning visitor: the first visit's welcome (issue 25) is
        // marked as read before the app's script runs, on every page load,
        // so it covers no screen under test (tests/orientation.rs tests it).
        b.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": welcomed() }),
        );
        b
    }

    fn cmd(&self, method: &str, path: &str, body: Option<&Value>) -> Value {
        let full = String::from("/session/") + &self.session + path;
        let v = request(self.port, method, &full, body)
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        if v["value"]["error"].is_string() {
            panic!("{method} {path}: {}", v["value"]);
        }
        v["value"].clone()
    }

    /// Loads `url`.
    pub fn goto(&self, url: &str) {
        self.cmd("POST", "/url", Some(&json!({ "url": url })));
    }

    /// Reloads the current page.
    pub fn reload(&self) {
        self.cmd("POST", "/refresh", Some(&json!({})));
    }

    /// The handle of the window commands go to now.
    pub fn window(&self) -> String {
        let v = self.cmd("GET", "/window", None);
        v.as_str().unwrap_or_default().to_string()
    }

    /// Opens a new top-level window of the same browser (same profile, so
    /// pages of one origin share storage and Web Locks, as tabs do) and
    /// returns its handle; commands still go to the current window.
    pub fn new_window(&self) -> String {
        let v = self.cmd("POST", "/window/new", Some(&json!({"type": "window"})));
        v["handle"].as_str().unwrap_or_default().to_string()
    }

    /// Sends the commands that follow to the window `handle`.
    pub fn switch_to(&self, handle: &str) {
        self.cmd("POST", "/window", Some(&json!({ "handle": handle })));
    }

    /// Runs `script` (a function body; `arguments` holds `args`) in the page
    /// and returns what it returns.
    pub fn js(&self, script: &str, args: Value) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(&json!({"script": String::from(A11Y) + script, "args": args})),
        )
    }

    /// Runs `script` with a callback as its last argument and returns what
    /// it passes to the callback (for promises).
    pub fn js_async(&self, script: &str) -> Value {
        self.cmd(
            "POST",
            "/execute/async",
            Some(&json!({"script": String::from(A11Y) + script, "args": []})),
        )
    }

    /// Waits until the expression `cond` is truthy in the page; returns its
    /// value.
    pub fn wait(&self, cond: &str, what: &str) -> Value {
        let script =
            String::from("try { return (") + cond + ") || null } catch (e) { return null }";
        let t0 = Instant::now();
        loop {
            let v = self.js(&script, json!([]));
            if !v.is_null() {
                return v;
            }
            if t0.elapsed() > DEADLINE {
                let body = self.js("return document.body.innerHTML", json!([]));
                panic!("timed out waiting for {what} ({cond}); page: {body}");
            }
            std::thread::sleep(Duration::from_millis(15));
        }
    }

    /// Waits for the app to be on screen (its top bar's level-one heading).
    pub fn wait_app(&self) {
        self.wait("document.querySelector('header h1')", "the app");
    }

    /// A DevTools command (emulation, scripts on new documents).
    pub fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.cmd(
            "POST",
            "/goog/cdp/execute",
            Some(&json!({"cmd": cmd, "params": params})),
        )
    }

    /// Presses and releases each key in turn.
    pub fn keys(&self, keys: &[&str]) {
        let mut actions = Vec::new();
        for k in keys {
            actions.push(json!({"type": "keyDown", "value": k}));
            actions.push(json!({"type": "keyUp", "value": k}));
        }
        self.perform(actions);
    }

    /// Types `text`, one key per character.
    pub fn type_text(&self, text: &str) {
        let keys: Vec<String> = text.chars().map(String::from).collect();
        let refs: Vec<&str> = keys.iter().map(|s| s.as_str()).collect();
        self.keys(&refs);
    }

    /// Holds `modifier` while pressing `key` (Shift+Tab).
    pub fn chord(&self, modifier: &str, key: &str) {
        self.perform(vec![
            json!({"type": "keyDown", "value": modifier}),
            json!({"type": "keyDown", "value": key}),
            json!({"type": "keyUp", "value": key}),
            json!({"type": "keyUp", "value": modifier}),
        ]);
    }

    fn perform(&self, actions: Vec<Value>) {
        self.cmd(
            "POST",
            "/actions",
            Some(&json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})),
        );
    }

    /// The focused element's accessible name and role, as the browser's
    /// accessibility tree computes them.
    pub fn focused(&self) -> (String, String) {
        let path = element_path(&self.cmd("GET", "/element/active", None));
        let name = self.cmd("GET", &(path.clone() + "/computedlabel"), None);
        let role = self.cmd("GET", &(path + "/computedrole"), None);
        (
            name.as_str().unwrap_or_default().to_string(),
            role.as_str().unwrap_or_default().to_string(),
        )
    }

    /// The accessible names of every element matching `selector`.
    pub fn labels(&self, selector: &str) -> Vec<(String, String)> {
        let found = self.cmd(
            "POST",
            "/elements",
            Some(&json!({"using": "css selector", "value": selector})),
        );
        let mut out = Vec::new();
        for el in found.as_array().cloned().unwrap_or_default() {
            let path = element_path(&el);
            let html = self.cmd("GET", &(path.clone() + "/property/outerHTML"), None);
            let name = self.cmd("GET", &(path + "/computedlabel"), None);
            let html: String = html
                .as_str()
                .unwrap_or_default()
                .chars()
                .take(120)
                .collect();
            out.push((html, name.as_str().unwrap_or_default().to_string()));
        }
        out
    }

    /// The trace events recorded since the browser started (one started
    /// with [`Browser::start_traced`]), in Chromium's JSON trace format.
    /// Reading the trace ends it (chromedriver does not record a second
    /// one): read it once, at the end.
    pub fn trace(&self) -> Vec<Value> {
        let log = self.cmd("POST", "/se/log", Some(&json!({"type": "performance"})));
        let mut out = Vec::new();
        for e in log.as_array().cloned().unwrap_or_default() {
            let m: Value =
                serde_json::from_str(e["message"].as_str().unwrap_or("{}")).unwrap_or_default();
            if m["message"]["method"] == "Tracing.dataCollected" {
                out.push(m["message"]["params"].clone());
            }
        }
        out
    }

    /// The browser console's messages since the last call (level, text).
    pub fn console(&self) -> Vec<(String, String)> {
        self.cmd("POST", "/se/log", Some(&json!({"type": "browser"})))
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|e| {
                (
                    e["level"].as_str().unwrap_or_default().to_string(),
                    e["message"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = request(
            self.port,
            "DELETE",
            &(String::from("/session/") + &self.session),
            None,
        );
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// The command path of a WebDriver element reference (`/element/<id>`).
fn element_path(el: &Value) -> String {
    let id = el
        .as_object()
        .and_then(|o| o.values().next())
        .and_then(|v| v.as_str())
        .unwrap_or_default();
    String::from("/element/") + id
}

/// One HTTP/1.1 request with a JSON body to chromedriver.
fn request(port: u16, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let head = String::from(method)
        + " "
        + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: "
        + &body.len().to_string()
        + "\r\nConnection: close\r\n\r\n";
    s.write_all(head.as_bytes()).map_err(|e| e.to_string())?;
    s.write_all(body.as_bytes()).map_err(|e| e.to_string())?;
    // chromedriver keeps the connection open: read the head, then exactly
    // Content-Length bytes (or chunks up to the last one).
    let mut out = Vec::new();
    let mut buf = [0u8; 8192];
    let head_end = loop {
        if let Some(p) = out.windows(4).position(|w| w == b"\r\n\r\n") {
            break p + 4;
        }
        let n = s.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            return Err("connection closed before the response".into());
        }
        out.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&out[..head_end]).to_ascii_lowercase();
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok());
    let chunked = head.contains("transfer-encoding: chunked");
    loop {
        let body = &out[head_end..];
        let done = match length {
            Some(n) => body.len() >= n,
            None if chunked => body.windows(5).any(|w| w == b"0\r\n\r\n"),
            None => false,
        };
        if done {
            break;
        }
        let n = s.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        out.extend_from_slice(&buf[..n]);
    }
    let rest = String::from_utf8_lossy(&out[head_end..]).to_string();
    let rest = if chunked { unchunk(&rest) } else { rest };
    serde_json::from_str(&rest).map_err(|e| e.to_string() + ": " + &rest)
}

fn unchunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || rest.len() < n {
            break;
        }
        out.push_str(&rest[..n]);
        s = rest[n..].trim_start_matches("\r\n");
    }
    out
}
