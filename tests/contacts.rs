//! Browser tests of Contacts (issue 25): a contact is a button that opens
//! their profile (name, WeChat ID, **Messages**); Messages goes to the
//! one-to-one chat, made first when there is none; Escape closes the
//! profile and gives the focus back to the contact.

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use walled_garden::state::model::ChatKind;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Taps the contact named `name` and returns the profile dialog it opens.
async fn open_profile(app: &Mounted, name: &str) -> web_sys::Element {
    let list = app.role("list", Name::Is("Contacts"));
    click_el(&get(&list, "button", Name::Is(name))).await;
    app.role("dialog", Name::Is(name))
}

fn press_escape(el: &web_sys::Element) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let esc = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&esc).unwrap();
}

#[wasm_bindgen_test]
async fn a_contact_opens_their_profile_and_messages_opens_the_chat() {
    let app = mount_fresh("#/contacts").await;
    assert_eq!(app.dialogs(), 0);
    let profile = open_profile(&app, "Li Hua").await;
    assert_eq!(app.dialogs(), 1);
    assert_eq!(profile.get_attribute("aria-modal").as_deref(), Some("true"));
    let text = text_of(&profile);
    assert!(text.contains("WeChat ID"), "{text}");
    assert!(text.contains("lihua_88"), "{text}");
    click_el(&button(&profile, "Messages")).await;
    assert!(hash().starts_with("#/chats/lihua"), "{}", hash());
    assert_eq!(app.title(), "Li Hua");
    assert_eq!(app.dialogs(), 0);
    // The seeded conversation, and the composer to answer in.
    assert!(!app.messages().is_empty());
    app.role("textbox", Name::Is("Message"));
    app.unmount();
}

#[wasm_bindgen_test]
async fn messages_makes_the_chat_with_a_contact_who_has_none_once() {
    let app = mount_fresh("#/contacts").await;
    let chats = walled_garden::state::seed::seed().chats.len();
    // The demo has Dad in the family group only.
    let profile = open_profile(&app, "Dad").await;
    assert!(text_of(&profile).contains("baba_home"));
    click_el(&button(&profile, "Messages")).await;
    assert!(hash().starts_with("#/chats/dm-c-dad"), "{}", hash());
    assert_eq!(app.title(), "Dad");
    app.role("textbox", Name::Is("Message"));
    flush().await;
    let data = saved();
    assert_eq!(data.chats.len(), chats + 1);
    let chat = data.chat("dm-c-dad").expect("the new chat is saved");
    assert_eq!(
        chat.kind,
        ChatKind::Direct {
            with: "c-dad".into()
        }
    );

    // The second time, the same chat opens and nothing is added.
    back().await;
    assert!(hash().starts_with("#/contacts"), "{}", hash());
    let profile = open_profile(&app, "Dad").await;
    click_el(&button(&profile, "Messages")).await;
    assert!(hash().starts_with("#/chats/dm-c-dad"), "{}", hash());
    flush().await;
    assert_eq!(saved().chats.len(), chats + 1);
    app.unmount();
}

#[wasm_bindgen_test]
async fn escape_closes_the_profile_and_the_focus_goes_back() {
    let app = mount_fresh("#/contacts").await;
    let list = app.role("list", Name::Is("Contacts"));
    let mum = get(&list, "button", Name::Is("Mum"));
    // Focused first, as a tap or the keyboard leaves it.
    mum.dyn_ref::<web_sys::HtmlElement>()
        .unwrap()
        .focus()
        .unwrap();
    click_el(&mum).await;
    let profile = app.role("dialog", Name::Is("Mum"));
    let doc = web_sys::window().unwrap().document().unwrap();
    let focused = doc.active_element().expect("a focused element");
    assert!(
        profile.contains(Some(&focused)),
        "the focus moves into the profile"
    );
    press_escape(&profile);
    flush().await;
    assert_eq!(app.dialogs(), 0);
    assert!(hash().starts_with("#/contacts"), "{}", hash());
    assert_eq!(doc.active_element().as_ref(), Some(&mum));
    // Close does the same.
    let profile = open_profile(&app, "Mum").await;
    click_el(&button(&profile, "Close")).await;
    assert_eq!(app.dialogs(), 0);
    app.unmount();
}

#[wasm_bindgen_test]
async fn the_profile_speaks_chinese() {
    let app = mount_fresh("#/contacts?lang=zh").await;
    let list = app.role("list", Name::Is("通讯录"));
    click_el(&get(&list, "button", Name::Is("妈妈"))).await;
    let profile = app.role("dialog", Name::Is("妈妈"));
    let text = text_of(&profile);
    assert!(text.contains("微信号"), "{text}");
    assert!(text.contains("mama_home"), "{text}");
    click_el(&button(&profile, "发消息")).await;
    assert!(hash().starts_with("#/chats/mum"), "{}", hash());
    assert_eq!(app.title(), "妈妈");
    app.unmount();
}
