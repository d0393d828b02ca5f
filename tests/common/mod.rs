//! Helpers for the browser tests: mount the app on an address into a fresh
//! element, find things as a user does (by role and accessible name, or by
//! the UI contract's `data-*` attributes, never by CSS class), and wait for
//! renders (never sleep).

#![allow(dead_code)]

use walled_garden::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::AppHandle;

/// Roles and accessible names in the page (shared with tests/e2e).
pub const A11Y: &str = include_str!("a11y.js");

thread_local! {
    static FIND: js_sys::Function = js_sys::Function::new_with_args(
        "root, role, name, mode",
        &(String::from(A11Y) + "return wgFind(root, role, name, mode);"),
    );
    static NAME: js_sys::Function =
        js_sys::Function::new_with_args("el", &(String::from(A11Y) + "return wgName(el);"));
}

/// How [`by_role`] compares accessible names.
#[derive(Clone, Copy)]
pub enum Name<'a> {
    /// Any name.
    Any,
    /// Exactly this name (white space collapsed).
    Is(&'a str),
    /// A name containing this.
    Has(&'a str),
    /// A name starting with this.
    Starts(&'a str),
}

/// The visible elements under `root` with `role` and a name matching
/// `name`, in document order. `role` is a WAI-ARIA role (explicit or
/// implicit: `button`, `link`, `textbox`, `combobox`, `checkbox`, `switch`,
/// `list`, `listitem`, `dialog`, `status`, `alert`, `region`, `table`,
/// `row`, `cell`, `heading`, …), or `control` for any form control, found
/// by its label.
pub fn by_role(root: &Element, role: &str, name: Name) -> Vec<Element> {
    let (n, mode) = match name {
        Name::Any => (wasm_bindgen::JsValue::NULL, "exact"),
        Name::Is(s) => (s.into(), "exact"),
        Name::Has(s) => (s.into(), "contains"),
        Name::Starts(s) => (s.into(), "prefix"),
    };
    FIND.with(|f| {
        let args = js_sys::Array::of4(root, &role.into(), &n, &mode.into());
        let a: js_sys::Array = js_sys::Reflect::apply(f, &wasm_bindgen::JsValue::NULL, &args)
            .unwrap()
            .unchecked_into();
        a.iter().map(|e| e.unchecked_into::<Element>()).collect()
    })
}

/// The one element under `root` with `role` named `name`; panics, listing
/// the names there are, if there is none.
pub fn get(root: &Element, role: &str, name: Name) -> Element {
    by_role(root, role, name)
        .into_iter()
        .next()
        .unwrap_or_else(|| {
            let names: Vec<String> = by_role(root, role, Name::Any).iter().map(name_of).collect();
            panic!(
                "no {role} named {} under the root; the {role}s: {names:?}",
                describe(name)
            )
        })
}

fn describe(name: Name) -> String {
    match name {
        Name::Any => "anything".into(),
        Name::Is(s) => String::from("\"") + s + "\"",
        Name::Has(s) => String::from("*") + s + "*",
        Name::Starts(s) => String::from(s) + "*",
    }
}

/// The element's accessible name.
pub fn name_of(el: &Element) -> String {
    NAME.with(|f| f.call1(&wasm_bindgen::JsValue::NULL, el))
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

/// The element's text.
pub fn text_of(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

/// Clicks `el` and waits for the render.
pub async fn click_el(el: &Element) {
    el.clone().dyn_into::<HtmlElement>().unwrap().click();
    flush().await;
}

/// The button under `root` named exactly `name`.
pub fn button(root: &Element, name: &str) -> Element {
    get(root, "button", Name::Is(name))
}

/// The form control (input, select, textarea) under `root` labelled `name`.
pub fn control(root: &Element, name: &str) -> Element {
    get(root, "control", Name::Is(name))
}

/// A mounted app and the element it renders into.
pub struct Mounted {
    /// The app's root element.
    pub root: Element,
    handle: Option<AppHandle<App>>,
}

impl Mounted {
    /// Unmounts the app and removes its element, so the next test starts clean.
    pub fn unmount(mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
        self.root.remove();
    }

    /// The first element matching `selector`; panics with the selector if none.
    pub fn find(&self, selector: &str) -> Element {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no element matches {selector}: {}", self.root.inner_html()))
    }

    /// Every visible element with `role` and a name matching `name`.
    pub fn roles(&self, role: &str, name: Name) -> Vec<Element> {
        by_role(&self.root, role, name)
    }

    /// The first visible element with `role` and a name matching `name`.
    pub fn role(&self, role: &str, name: Name) -> Element {
        get(&self.root, role, name)
    }

    /// The button named exactly `name`.
    pub fn button(&self, name: &str) -> Element {
        button(&self.root, name)
    }

    /// Whether a visible button is named exactly `name`.
    pub fn has_button(&self, name: &str) -> bool {
        !by_role(&self.root, "button", Name::Is(name)).is_empty()
    }

    /// The form control labelled `name`.
    pub fn control(&self, name: &str) -> Element {
        control(&self.root, name)
    }

    /// Clicks the button named `name` and waits for the render.
    pub async fn press(&self, name: &str) {
        click_el(&self.button(name)).await;
    }

    /// The page's title: the top bar's level-one heading.
    pub fn title(&self) -> String {
        text_of(&self.find("h1"))
    }

    /// The names of the tab bar's links (the navigation landmark).
    pub fn tabs(&self) -> Vec<String> {
        let nav = self.role("navigation", Name::Any);
        by_role(&nav, "link", Name::Any)
            .iter()
            .map(name_of)
            .collect()
    }

    /// The only open dialog; panics if there is none.
    pub fn dialog(&self) -> Element {
        self.role("dialog", Name::Any)
    }

    /// The number of open dialogs.
    pub fn dialogs(&self) -> usize {
        self.roles("dialog", Name::Any).len()
    }

    /// The topmost open dialog (the last in the document).
    pub fn top_dialog(&self) -> Element {
        self.roles("dialog", Name::Any)
            .pop()
            .expect("no dialog is open")
    }

    /// Attribute `attr` of the decision's `role="status"` element (the
    /// link opener's result, or the outcome screen over a chat); empty when
    /// absent.
    pub fn status(&self, attr: &str) -> String {
        // The decision's status element, not the notices' (also a status).
        self.find("[role=status][data-outcome]")
            .get_attribute(attr)
            .unwrap_or_default()
    }

    /// All elements matching `selector`.
    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .collect()
    }

    /// The texts of all elements matching `selector`.
    pub fn texts(&self, selector: &str) -> Vec<String> {
        self.all(selector)
            .iter()
            .map(|e| e.text_content().unwrap_or_default())
            .collect()
    }

    /// The whole visible text.
    pub fn text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }

    /// Clicks the element matching `selector` and waits for the render.
    pub async fn click(&self, selector: &str) {
        self.find(selector)
            .dyn_into::<HtmlElement>()
            .unwrap()
            .click();
        flush().await;
    }

    /// Sets a select's value, fires `change`, waits for the render.
    pub async fn select(&self, selector: &str, value: &str) {
        let el = self.find(selector).dyn_into::<HtmlSelectElement>().unwrap();
        el.set_value(value);
        fire(&el, "change");
        flush().await;
    }

    /// Sets an input's value, fires `input` and `change`, waits for the render.
    pub async fn input(&self, selector: &str, value: &str) {
        fill(&self.find(selector), value).await;
    }

    /// Types `value` into the control labelled `name` (input or textarea:
    /// sets it, fires `input` and `change`) and waits for the render.
    pub async fn fill(&self, name: &str, value: &str) {
        fill(&self.control(name), value).await;
    }

    /// Chooses `value` in the select labelled `name`, waits for the render.
    pub async fn choose(&self, name: &str, value: &str) {
        choose(&self.control(name), value).await;
    }

    /// The value of the control labelled `name` (input, select, textarea).
    pub fn value(&self, name: &str) -> String {
        value_of(&self.control(name))
    }

    /// Whether the checkbox or switch labelled `name` is on.
    pub fn checked(&self, name: &str) -> bool {
        self.control(name)
            .dyn_into::<HtmlInputElement>()
            .unwrap()
            .checked()
    }
}

/// Sets an input's or textarea's value, fires `input` and `change`, waits.
pub async fn fill(el: &Element, value: &str) {
    if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.set_value(value);
    } else {
        el.dyn_ref::<HtmlInputElement>().unwrap().set_value(value);
    }
    fire(el, "input");
    fire(el, "change");
    flush().await;
}

/// Sets a select's value, fires `change`, waits for the render.
pub async fn choose(el: &Element, value: &str) {
    el.dyn_ref::<HtmlSelectElement>().unwrap().set_value(value);
    fire(el, "change");
    flush().await;
}

/// The value of an input, select or textarea.
pub fn value_of(el: &Element) -> String {
    if let Some(s) = el.dyn_ref::<HtmlSelectElement>() {
        s.value()
    } else if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.value()
    } else {
        el.dyn_ref::<HtmlInputElement>().unwrap().value()
    }
}

impl Mounted {
    /// The messages on screen, oldest first: the items of the `role="log"`
    /// (each carries `data-from`, the sender's id).
    pub fn messages(&self) -> Vec<Element> {
        self.all("[role=log] [data-from]")
    }

    /// The text of the newest message's bubble on screen.
    pub fn last_bubble(&self) -> String {
        self.messages()
            .pop()
            .and_then(|m| m.query_selector("[data-bubble]").unwrap())
            .map(|b| text_of(&b))
            .unwrap_or_default()
    }

    /// The chat list's rows: the links of the list named "Chats" (in the
    /// app's language, `list`).
    pub fn chat_rows(&self, list: &str) -> Vec<Element> {
        let list = self.role("list", Name::Is(list));
        by_role(&list, "link", Name::Any)
    }

    /// The accessible names of the chat list's rows ("1 unread Li Hua …").
    pub fn chat_names(&self, list: &str) -> Vec<String> {
        self.chat_rows(list).iter().map(name_of).collect()
    }
}

fn fire(el: &Element, name: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict(name, &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

/// Waits until Yew has rendered everything pending, and until the tasks it
/// queued have run (the app saves in the task after a change). This waits
/// for events, never for a fixed time.
///
/// Saves run under the app's Web Lock: when one was asked for, this also
/// waits for the lock (granted in order, so after every save before).
pub async fn flush() {
    yew::scheduler::flush().await;
    let next_task = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    JsFuture::from(next_task).await.unwrap();
    if walled_garden::ui::storage::saves_in_flight() > 0 {
        saves_done().await;
    }
    yew::scheduler::flush().await;
}

thread_local! {
    static LOCKED: js_sys::Function = js_sys::Function::new_with_args(
        "name",
        "return navigator.locks ? navigator.locks.request(name, () => {}) : Promise.resolve()",
    );
}

/// Resolves once every save asked for so far has run (they hold the lock).
pub async fn saves_done() {
    let name = walled_garden::state::persist::STORAGE_KEY;
    let p = LOCKED.with(|f| f.call1(&wasm_bindgen::JsValue::NULL, &name.into()).unwrap());
    JsFuture::from(js_sys::Promise::from(p)).await.unwrap();
}

/// What the app saved last.
pub fn saved() -> walled_garden::state::model::Data {
    let text = storage()
        .get_item(walled_garden::state::persist::STORAGE_KEY)
        .unwrap()
        .expect("nothing saved");
    walled_garden::state::persist::decode(&text).unwrap()
}

/// The browser's localStorage.
pub fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Sets the address to `hash` (e.g. `#/chats?lang=zh`) without navigating.
pub fn set_hash(hash: &str) {
    let w = web_sys::window().unwrap();
    let path = w.location().pathname().unwrap();
    let search = w.location().search().unwrap();
    w.history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&(path + &search + hash)),
        )
        .unwrap();
}

/// The current address's hash.
pub fn hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

/// Mounts a fresh app at `hash` over whatever localStorage holds, as a
/// returning visitor: the first visit's welcome is marked as read, so that
/// it covers no screen under test (tests/orientation.rs mounts without the
/// mark, [`mount_first_visit`]).
pub async fn mount(hash: &str) -> Mounted {
    use walled_garden::state::orientation::{WELCOME_KEY, WELCOME_SEEN};
    storage().set_item(WELCOME_KEY, WELCOME_SEEN).unwrap();
    mount_as_is(hash).await
}

/// Mounts on empty storage, the welcome not read: a first visit.
pub async fn mount_first_visit(hash: &str) -> Mounted {
    storage().clear().unwrap();
    mount_as_is(hash).await
}

/// Mounts a fresh app at `hash` over exactly what localStorage holds.
pub async fn mount_as_is(hash: &str) -> Mounted {
    set_hash(hash);
    let doc = web_sys::window().unwrap().document().unwrap();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    flush().await;
    // Effects (saving, address sync) run after the first render; let the
    // renders they cause finish too.
    flush().await;
    Mounted {
        root,
        handle: Some(handle),
    }
}

/// Mounts on empty storage (a first visit, its welcome marked as read).
pub async fn mount_fresh(hash: &str) -> Mounted {
    storage().clear().unwrap();
    mount(hash).await
}

/// Goes back in history like the browser's back button, and waits for the
/// `popstate` event and the render it causes.
pub async fn back() {
    let w = web_sys::window().unwrap();
    let popped = js_sys::Promise::new(&mut |resolve, _| {
        let opts = web_sys::AddEventListenerOptions::new();
        opts.set_once(true);
        w.add_event_listener_with_callback_and_add_event_listener_options(
            "popstate", &resolve, &opts,
        )
        .unwrap();
    });
    w.history().unwrap().back().unwrap();
    JsFuture::from(popped).await.unwrap();
    flush().await;
    flush().await;
}

/// Saved data with the seed plus a one-to-one chat `long` of `n` messages,
/// alternating between the user and Li Hua.
pub fn long_chat_data(n: usize) -> String {
    use std::rc::Rc;
    use walled_garden::state::model::{Chat, ChatKind, Message, ME};
    let mut d = walled_garden::state::seed::seed();
    let base = d.chats[0].messages[0].ts - (n as i64) * 60;
    d.chats.push(Rc::new(Chat {
        id: "long".into(),
        kind: ChatKind::Direct {
            with: "c-lihua".into(),
        },
        messages: (1..=n)
            .map(|i| Message {
                id: i as u64,
                from: if i % 2 == 0 {
                    ME.into()
                } else {
                    "c-lihua".into()
                },
                text: String::from("Message number ") + &i.to_string(),
                ts: base + (i as i64) * 60,
                demo: false,
            })
            .map(Rc::new)
            .collect(),
        unread: 0,
    }));
    walled_garden::state::persist::encode(&d)
}

/// The text behind a `blob:` address the app made (a CSV, an export).
pub async fn blob_text(href: &str) -> String {
    assert!(href.starts_with("blob:"), "{href}");
    let resp = JsFuture::from(web_sys::window().unwrap().fetch_with_str(href))
        .await
        .unwrap()
        .dyn_into::<web_sys::Response>()
        .unwrap();
    JsFuture::from(resp.text().unwrap())
        .await
        .unwrap()
        .as_string()
        .unwrap()
}

/// Tells the app that another tab saved `text`, as the browser does with a
/// `storage` event (the caller flushes).
pub fn storage_event(text: &str) {
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(walled_garden::state::persist::STORAGE_KEY));
    init.set_new_value(Some(text));
    let ev = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&ev).unwrap();
}

/// Makes every localStorage write fail as a full storage does, until
/// [`Writes::restore`].
pub struct Writes {
    proto: wasm_bindgen::JsValue,
    original: wasm_bindgen::JsValue,
    failing: js_sys::Function,
}

impl Writes {
    /// Every write from now on throws `QuotaExceededError`.
    pub fn fail(message: &str) -> Writes {
        let proto = js_sys::Reflect::get(&js_sys::global(), &"Storage".into())
            .and_then(|s| js_sys::Reflect::get(&s, &"prototype".into()))
            .unwrap();
        let original = js_sys::Reflect::get(&proto, &"setItem".into()).unwrap();
        let failing = js_sys::Function::new_with_args(
            "k, v",
            &format!("throw new DOMException('{message}', 'QuotaExceededError')"),
        );
        let w = Writes {
            proto,
            original,
            failing,
        };
        w.refuse();
        w
    }
    /// Writes fail (again).
    pub fn refuse(&self) {
        js_sys::Reflect::set(&self.proto, &"setItem".into(), &self.failing).unwrap();
    }
    /// Writes work again.
    pub fn restore(&self) {
        js_sys::Reflect::set(&self.proto, &"setItem".into(), &self.original).unwrap();
    }
}

/// The matrix cell of `platform` in `context`.
pub fn cell(app: &Mounted, platform: &str, context: &str) -> web_sys::Element {
    let table = app.role("table", Name::Is("Outcome matrix"));
    table
        .query_selector(&format!(
            "td[data-platform=\"{platform}\"][data-context=\"{context}\"]"
        ))
        .unwrap()
        .unwrap_or_else(|| panic!("no cell {platform} {context}"))
}

/// The outcome the matrix gives `platform` in `context`.
pub fn outcome(app: &Mounted, platform: &str, context: &str) -> String {
    cell(app, platform, context)
        .get_attribute("data-outcome")
        .unwrap()
}

/// The text of the element with `role` (`status`, `alert`) whose text
/// starts with `start`, if one is shown (live regions have no name: their
/// text is what they say).
pub fn said(app: &Mounted, role: &str, start: &str) -> Option<String> {
    app.roles(role, Name::Any)
        .iter()
        .map(text_of)
        .find(|t| t.trim_start().starts_with(start))
}
