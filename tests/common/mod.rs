//! Helpers for the browser tests: mount the app on an address into a fresh
//! element, find things by role or text, and wait for renders (never sleep).

#![allow(dead_code)]

use walled_garden::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::AppHandle;

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

    /// Attribute `attr` of the decision's `role="status"` element (the
    /// link opener's result, or the outcome screen over a chat); empty when
    /// absent.
    pub fn status(&self, attr: &str) -> String {
        self.find("[role=status]")
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
        let el = self.find(selector).dyn_into::<HtmlInputElement>().unwrap();
        el.set_value(value);
        fire(&el, "input");
        fire(&el, "change");
        flush().await;
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
pub async fn flush() {
    yew::scheduler::flush().await;
    let next_task = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    JsFuture::from(next_task).await.unwrap();
    yew::scheduler::flush().await;
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

/// Mounts a fresh app at `hash` over whatever localStorage holds.
pub async fn mount(hash: &str) -> Mounted {
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

/// Mounts on empty storage (a first visit).
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
    use walled_garden::state::model::{Chat, ChatKind, Message, ME};
    let mut d = walled_garden::state::seed::seed();
    let base = d.chats[0].messages[0].ts - (n as i64) * 60;
    d.chats.push(Chat {
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
            })
            .collect(),
        unread: 0,
    });
    walled_garden::state::persist::encode(&d)
}
