// The app shell's script (issue 28). index.html paints the phone frame, the
// title bar, the tab bar, a quiet placeholder of the chat list and, on a
// wide window, the side panel, from HTML and CSS alone; the app (Yew) clears
// <body> when it mounts and renders its first screen in the same task, in
// the same boxes. This script, loaded blocking from <head> (an external
// file: the Content Security Policy allows no inline script), makes the
// shell match what the app will show:
//
// - the language: the address's `lang=`, else the saved data's (localStorage
//   `walled-garden`, whose first fields are the scenario and the language),
//   like ui::provider; `<html lang>` is set before anything is painted;
// - the screen of the address: its title, the active tab, no tab bar on an
//   inner screen; the simulated day (`date=`, else the saved one, else the
//   default 2021-12-01) in the scenario bar and the side panel;
// - when the app can't start (no WebAssembly, the wasm or its JS failing to
//   load, or nothing started 15 s after the page loaded), a message in both
//   languages in place of the placeholder, never a blank page.
//
// The body is filled as the parser inserts it (a MutationObserver's
// callbacks run before the next paint), so no English flashes on a Chinese
// page.
(function () {
  var d = document;
  var hash = location.hash.slice(1);
  var query = hash.split("?")[1] || "";
  var param = function (name) {
    var m = query.match(new RegExp("(?:^|&)" + name + "=([^&]*)"));
    try {
      return m ? decodeURIComponent(m[1].replace(/\+/g, " ")) : null;
    } catch (e) {
      return null;
    }
  };
  var saved = "";
  try {
    saved = (localStorage.getItem("walled-garden") || "").slice(0, 800);
  } catch (e) {}
  var lang = param("lang");
  var zh = lang === "en" ? false : /^zh(-cn)?$/i.test(lang || "") || /"lang":"zh"/.test(saved);
  d.documentElement.lang = zh ? "zh-CN" : "en";

  // A day of the record (2013-01-01 to 2023-12-31) as the app accepts it.
  var day = function (s) {
    if (!/^\d{4}-\d\d-\d\d$/.test(s || "") || s < "2013-01-01" || s > "2023-12-31") return null;
    var t = new Date(s + "T00:00:00Z");
    return isNaN(t) || t.toISOString().slice(0, 10) !== s ? null : s;
  };
  var date = day(param("date")) || day((saved.match(/"date":"([^"]*)"/) || [])[1]) || "2021-12-01";

  var path = "/" + hash.split("?")[0].replace(/^\//, "").replace(/\/$/, "");
  var tab = { "/": 0, "/chats": 0, "/contacts": 1, "/discover": 2, "/me": 3 }[path];
  // Route titles (ui::route::Route::title, i18n.rs), English then Chinese.
  var titles = {
    "/": ["Chats", "微信"],
    "/chats": ["Chats", "微信"],
    "/contacts": ["Contacts", "通讯录"],
    "/discover": ["Discover", "发现"],
    "/me": ["Me", "我"],
    "/moments": ["Moments", "朋友圈"],
    "/open": ["Link opener", "链接打开器"],
    "/mini": ["Mini Programs", "小程序"],
    "/timeline": ["Timeline", "时间线"],
    "/rules": ["Rules", "规则"],
    "/register": ["Sign up", "注册"],
    "/connection": ["Connection (Douyin)", "连线（抖音）"],
    "/history": ["History", "变化历史"],
    "/compare": ["Compare", "比较"],
    "/stories": ["Stories", "故事"],
  };
  // A chat's title is its name, a story's its own: left empty.
  var title = titles[path] || (/^\/(chats|story)\/[^/]+$/.test(path) ? ["", ""] : ["Page not found", "页面不存在"]);
  var i = zh ? 1 : 0;
  // The words of index.html's `data-shell-t` elements (English is in the HTML).
  var words = {
    title: title[i],
    contacts: ["Contacts", "通讯录"][i],
    discover: ["Discover", "发现"][i],
    me: ["Me", "我"][i],
    chats: ["Chats", "微信"][i],
    tabs: ["Main", "主导航"][i],
    scenario: ["Scenario", "情景"][i],
    colon: [": ", "："][i],
    search: ["Search", "搜索"][i],
    loading: ["Loading Walled Garden…", "正在加载围墙花园……"][i],
    name: ["Walled Garden", "围墙花园"][i],
    tagline: [
      "What WeChat did with rival apps' links, day by day, 2013 to 2023.",
      "逐日重现微信在 2013 至 2023 年间如何对待竞争对手 App 的链接。",
    ][i],
    edit: ["Edit scenario", "编辑情景"][i],
    screen: ["This screen", "本页"][i],
    explain: [
      "Your chats as WeChat showed them on the simulated day. Tap a chat, then a link card, to see what WeChat did with it and why.",
      "模拟当天微信里的聊天列表。点开一个聊天，再点开链接卡片，看看微信如何处理它以及原因。",
    ][i],
    date: date,
  };
  var messages = {
    nowasm: [
      "Walled Garden can't run in this browser: WebAssembly is turned off or not supported (some strict security modes turn it off). Turn it on, or open this page in another browser.",
      "围墙花园无法在此浏览器中运行：WebAssembly 已被关闭或不受支持（某些严格的安全模式会关闭它）。请开启它，或换一个浏览器打开本页。",
    ],
    load: [
      "Walled Garden could not load its program. Check your connection and reload the page.",
      "围墙花园未能加载程序。请检查网络连接，然后重新加载本页。",
    ],
  };
  var failure = typeof WebAssembly === "object" ? null : "nowasm";

  var fill = function () {
    var els = d.querySelectorAll("[data-shell-t]");
    for (var n = 0; n < els.length; n++) {
      var el = els[n], key = el.getAttribute("data-shell-t");
      el.removeAttribute("data-shell-t");
      if (key === "tabs") el.setAttribute("aria-label", words.tabs);
      else if (key in words) el.textContent = words[key];
    }
    els = d.querySelectorAll("[data-shell-tab]");
    for (n = 0; n < els.length; n++) {
      el = els[n];
      el.classList.toggle("active", +el.getAttribute("data-shell-tab") === tab);
      el.removeAttribute("data-shell-tab");
    }
    // An inner screen has no tab bar; the side panel's words on this screen
    // are the chat list's only.
    if (tab === undefined) {
      els = d.querySelectorAll(".tabbar[data-shell-part], .with-tabs[data-shell-part]");
      for (n = 0; n < els.length; n++) {
        if (els[n].tagName === "NAV") els[n].remove();
        else els[n].classList.remove("with-tabs");
      }
    }
    if (tab !== 0) {
      els = d.querySelectorAll("[data-shell-chats]");
      for (n = 0; n < els.length; n++) els[n].remove();
    }
    var box = failure && d.querySelector("[data-shell-fail]");
    if (box && box.hidden) {
      var wait = d.querySelector("[data-shell-wait]");
      if (wait) wait.remove();
      var both = [i, 1 - i];
      for (n = 0; n < 2; n++) {
        var p = d.createElement("p");
        p.lang = both[n] ? "zh-CN" : "en";
        p.textContent = messages[failure][both[n]];
        box.append(p);
      }
      box.hidden = false;
    }
  };
  var watch = new MutationObserver(fill);
  watch.observe(d.documentElement, { childList: true, subtree: true });
  d.addEventListener("DOMContentLoaded", function () {
    watch.disconnect();
    fill();
  });

  // The app clears <body> when it mounts: while the shell is there, an
  // error means the app did not start.
  var fail = function (kind) {
    if (!d.querySelector("[data-shell]")) return;
    failure = failure || kind;
    fill();
  };
  addEventListener(
    "error",
    function (e) {
      var t = e.target, src = t && (t.src || t.href || "");
      // A script's uncaught error (the loader: WebAssembly missing, a
      // failed `init`), or the wasm or a script failing to load.
      if (t === window || /\.(wasm|js)$/.test(src) || (t && t.tagName === "SCRIPT")) fail("load");
    },
    true,
  );
  addEventListener("unhandledrejection", function () {
    fail("load");
  });
  // The wasm is preloaded, so `load` waits for it: 15 s later the app has
  // long started, unless something failed without an event.
  addEventListener("load", function () {
    setTimeout(function () {
      fail("load");
    }, 15000);
  });
})();
