//! The app's few lines of JavaScript, in one snippet file: the crash
//! screen (after a panic the wasm side can't be trusted to render) and the
//! keyboard behaviour of modal layers (cheaper in bytes here than as Yew
//! listeners in every dialog), and saving under a Web Lock.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function show_crash(title, body, reload, detail) {
  const d = document;
  const box = d.createElement('div');
  box.className = 'crash';
  box.setAttribute('role', 'alert');
  const h = d.createElement('h1');
  h.textContent = title;
  const p = d.createElement('p');
  p.textContent = body;
  const pre = d.createElement('pre');
  pre.textContent = detail;
  const b = d.createElement('button');
  b.className = 'btn primary';
  b.textContent = reload;
  b.addEventListener('click', () => location.reload());
  box.append(h, p, b, pre);
  d.body.replaceChildren(box);
  b.focus();
}

export function modal(el) {
  const d = document, before = d.activeElement;
  const list = () => el.querySelectorAll('button:not([disabled]),[href],input:not([disabled]),select:not([disabled]),textarea:not([disabled])');
  const key = (e) => {
    // A layer opened inside this one (Cite this over a link's dialog) has
    // handled the key: Escape closes that layer only.
    if (e.defaultPrevented) return;
    if (e.key === 'Escape') {
      const c = el.querySelector('[data-cancel]');
      if (c) { e.preventDefault(); c.click(); }
    } else if (e.key === 'Tab') {
      const l = list(), a = d.activeElement, first = l[0], last = l[l.length - 1];
      const to = e.shiftKey ? a === first && last : a === last && first;
      if (to) { e.preventDefault(); to.focus(); }
    }
  };
  el.addEventListener('keydown', key);
  const first = list()[0];
  if (first) first.focus();
  return () => {
    el.removeEventListener('keydown', key);
    if (before && before.isConnected) before.focus();
  };
}

// This page's announcement: `<key>@<revision>@<page>`, and its release.
const page = Math.random().toString(36).slice(2);
let announced = 0, mine = '', drop = null;
export function with_lock(name, f) {
  const l = navigator.locks;
  if (!l || !l.request) { f(); return false; }
  let ran = false;
  const rev = () => +((localStorage.getItem(name) || '').match(/"rev":(\d+)/) || [0, 0])[1];
  l.request(name, async () => {
    // Another page's localStorage is a copy the browser updates some
    // milliseconds after a write (seen in Chromium, tests/e2e/tabs.rs): a
    // writer holds a lock named after the revision it wrote, and the lock
    // manager is one for all pages, so wait until this copy shows the
    // newest revision another page announced (at most a second) before
    // reading. This page's own copy is never behind its own write.
    let want = 0;
    for (const h of (await l.query()).held || [])
      if (h.name.startsWith(name + '@') && h.name !== mine)
        want = Math.max(want, +h.name.split('@')[1] || 0);
    for (let t = 0; rev() < want && t < 100; t++) await new Promise(r => setTimeout(r, 10));
    ran = true; f();
    const now = rev();
    if (now > announced) {
      const before = drop;
      const next = name + '@' + now + '@' + page;
      await new Promise(held => l.request(next, () => new Promise(r => { drop = r; held(); })));
      announced = now; mine = next;
      if (before) before();
    }
  }).catch(() => { if (!ran) f(); });
  return true;
}
"#)]
extern "C" {
    /// Replaces the page with the crash screen.
    pub fn show_crash(title: &str, body: &str, reload: &str, detail: &str);
    /// Makes `el` a modal layer; returns the function that undoes it.
    pub fn modal(el: &web_sys::Element) -> js_sys::Function;
    /// Runs `f` holding the Web Lock `name` (`navigator.locks`), or at once
    /// where the API is missing; whether a lock was asked for.
    pub fn with_lock(name: &str, f: &JsValue) -> bool;
}
