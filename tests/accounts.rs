//! Browser tests of sign-up and several accounts (issue 18, record §5):
//! the 2021 suspension refuses a mainland sign-up on 2021-07-30 with its
//! record entry, the same sign-up goes through on 2021-08-10 into a new
//! account, and switching keeps each account's chats apart.

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// Fills the form with a +86 number and asks for the code.
async fn fill_form(app: &Mounted, phone: &str, name: &str) {
    app.choose("Country code", "+86").await;
    app.fill("Phone number", phone).await;
    app.choose("Account type", "personal").await;
    app.fill("Name", name).await;
    app.press("Get code").await;
}

/// The refusal on screen, if any: its `data-reason` and text.
fn refusal(app: &Mounted) -> Option<(String, String)> {
    app.all("[role=alert][data-reason]")
        .first()
        .map(|a| (a.get_attribute("data-reason").unwrap(), text_of(a)))
}

/// Follows the bottom bar's tab named `name`.
async fn tab(app: &Mounted, name: &str) {
    click_el(&app.role("link", Name::Is(name))).await;
}

/// Opens the chat whose row names `who`.
async fn open_chat(app: &Mounted, who: &str) {
    let row = app
        .chat_rows("Chats")
        .into_iter()
        .find(|r| name_of(r).contains(who));
    click_el(&row.unwrap_or_else(|| panic!("no chat with {who}"))).await;
}

/// The account row of `id` on Me.
fn account_row(app: &Mounted, id: &str) -> Element {
    app.find(&format!("[data-account='{id}']"))
}

#[wasm_bindgen_test]
async fn a_mainland_sign_up_inside_the_suspension_is_refused_with_its_source() {
    let app = mount_fresh("#/register?date=2021-07-30").await;
    fill_form(&app, "139 1234 5678", "Mei").await;
    let (reason, text) = refusal(&app).expect("a refusal");
    assert_eq!(reason, "suspended");
    assert!(text.contains("REG-2021-07-27"), "{text}");
    assert!(
        text.contains("2021-07-27") && text.contains("2021-08-05"),
        "{text}"
    );
    assert!(text.contains("SCMP 3143909"), "the sources: {text}");
    assert!(app.all("[data-code]").is_empty(), "no code was sent");
    // Signing up anyway is refused the same way, and nothing was made.
    app.press("Sign up").await;
    assert_eq!(refusal(&app).unwrap().0, "suspended");
    assert_eq!(saved().others.len(), 0);
    // An overseas number goes through the same day.
    app.choose("Country code", "+852").await;
    app.fill("Phone number", "9123 4567").await;
    app.press("Get code").await;
    assert!(refusal(&app).is_none());
    app.unmount();
}

#[wasm_bindgen_test]
async fn bad_numbers_and_codes_get_a_clear_message_and_keep_the_form() {
    let app = mount_fresh("#/register?date=2021-08-10").await;
    fill_form(&app, "1391234", "Mei").await;
    let (reason, text) = refusal(&app).unwrap();
    assert_eq!(reason, "bad_phone");
    assert!(text.contains("11 digits"), "{text}");
    assert_eq!(
        app.value("Phone number"),
        "1391234",
        "nothing typed is lost"
    );
    app.fill("Phone number", "13800138000").await;
    app.press("Get code").await;
    assert_eq!(
        refusal(&app).unwrap().0,
        "taken",
        "the demo account's number"
    );
    app.fill("Phone number", "13912345678").await;
    app.press("Get code").await;
    app.fill("Verification code", "12").await;
    app.press("Sign up").await;
    assert_eq!(refusal(&app).unwrap().0, "wrong_code");
    app.unmount();
}

#[wasm_bindgen_test]
async fn a_sign_up_lands_in_the_new_account_and_switching_keeps_chats_apart() {
    let app = mount_fresh("#/register?date=2021-08-10").await;
    fill_form(&app, "13912345678", "Mei").await;
    assert!(refusal(&app).is_none());
    let code = app.find("[data-code]").get_attribute("data-code").unwrap();
    assert!(
        text_of(&app.find("[data-code]")).contains(&code),
        "shown on screen"
    );
    app.fill("Verification code", &code).await;
    app.press("Sign up").await;
    assert!(refusal(&app).is_none(), "{:?}", refusal(&app));
    assert!(hash().starts_with("#/chats"), "{}", hash());
    let names = app.chat_names("Chats");
    assert_eq!(names.len(), 1, "only the welcome chat: {names:?}");
    assert!(names[0].contains("WeChat Team"), "{names:?}");
    assert_eq!(saved().account.name_en, "Mei");

    // A message in the new account.
    open_chat(&app, "WeChat Team").await;
    fill(&app.find("textarea"), "Hello from Mei").await;
    app.press("Send").await;
    assert_eq!(app.last_bubble(), "Hello from Mei");

    // Me lists both; switch back to the demo account.
    back().await;
    tab(&app, "Me").await;
    let new_id = saved().account.id.clone();
    assert!(text_of(&account_row(&app, &new_id)).contains("Mei"));
    click_el(&button(&account_row(&app, "a-demo"), "Switch")).await;
    assert!(text_of(&account_row(&app, "a-demo")).contains("Current"));
    assert!(
        app.text().contains("wxid_walledgarden"),
        "the profile is the demo's"
    );
    tab(&app, "Chats").await;
    let demo = app.chat_names("Chats");
    assert!(demo.len() >= 6, "the demo chats are intact: {demo:?}");
    assert!(demo.iter().all(|n| !n.contains("WeChat Team")));
    assert!(demo.iter().any(|n| n.contains("Li Hua")));

    // And back: Mei's message is in Mei's chat only.
    tab(&app, "Me").await;
    click_el(&button(&account_row(&app, &new_id), "Switch")).await;
    tab(&app, "Chats").await;
    open_chat(&app, "WeChat Team").await;
    assert_eq!(app.last_bubble(), "Hello from Mei");
    app.unmount();

    // After a reload both accounts are there.
    let app = mount("#/me").await;
    assert_eq!(app.all("[data-account]").len(), 2);
    assert_eq!(app.roles("button", Name::Is("Switch")).len(), 1);
    app.unmount();
}

/// Issue 25: a number typed with its country code in front is taken, and
/// the new account's chat list says where the demo chats went, with the
/// way back.
#[wasm_bindgen_test]
async fn a_number_with_its_code_signs_up_and_the_way_back_is_offered() {
    let app = mount_fresh("#/register?date=2021-08-10").await;
    app.choose("Country code", "+44").await;
    app.fill("Phone number", "+44 7700 900123").await;
    app.choose("Account type", "personal").await;
    app.fill("Name", "Ann").await;
    app.press("Get code").await;
    assert!(refusal(&app).is_none(), "{:?}", refusal(&app));
    let code = app.find("[data-code]").get_attribute("data-code").unwrap();
    app.fill("Verification code", &code).await;
    app.press("Sign up").await;
    assert!(hash().starts_with("#/chats"), "{}", hash());
    assert_eq!(saved().account.phone, "7700900123");
    let note = app.role("note", Name::Any);
    assert!(
        text_of(&note).contains("demo account"),
        "{}",
        text_of(&note)
    );
    click_el(&button(&note, "Back to the demo account")).await;
    assert_eq!(saved().account.id, "a-demo");
    assert!(
        app.roles("note", Name::Any).is_empty(),
        "no hint in the demo account"
    );
    assert!(app.chat_names("Chats").len() >= 6);
    app.unmount();
}

/// Issue 23: "+86 means a mainland user" is the simulator's reading, not
/// the record's: the note that says so describes Country code, is marked
/// Assumption, and names REG-2021-07-27, in both languages.
#[wasm_bindgen_test]
async fn the_country_code_carries_its_assumption() {
    let app = mount_fresh("#/register?date=2021-08-10").await;
    let select = app.control("Country code");
    let note_id = select.get_attribute("aria-describedby").expect("described");
    let note = app.find(&format!("[id=\"{note_id}\"]"));
    assert_eq!(
        note.get_attribute("data-assumption").as_deref(),
        Some("region")
    );
    let text = text_of(&note);
    assert!(text.starts_with("Assumption: "), "{text}");
    assert!(
        text.contains("+86") && text.contains("overseas") && text.contains("REG-2021-07-27"),
        "{text}"
    );
    assert!(text.contains("applies to mainland users only"), "{text}");
    app.unmount();
    let app = mount("#/register?lang=zh").await;
    let note = app.find("[data-assumption=region]");
    let text = text_of(&note);
    assert!(
        text.starts_with("假设：") && text.contains("仅限中国大陆用户"),
        "{text}"
    );
    app.unmount();
}
