//! Orientation (issue 25): the welcome of a first visit (what the app is,
//! the simulated day, where to start), dismissed once and remembered,
//! reopened from **About** on Me and Discover; the scenario bar under the
//! title of every screen; the side panel beside the phone on a wide window.
//!
//! The test browser's window is a phone's width or a laptop's, so the
//! shell shows the bar or the panel (`state::orientation::is_wide`); each
//! test of the bar checks which one the window calls for. The panel itself
//! is mounted directly, inside the app's provider and router, since a
//! wasm-bindgen test cannot widen its window.

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use walled_garden::i18n::T;
use walled_garden::lang::Lang;
use walled_garden::policy::scenario::{Date, Region, Scenario};
use walled_garden::policy::{Context, Rules};
use walled_garden::state::orientation::{is_wide, record_ids, WELCOME_KEY, WELCOME_SEEN};
use walled_garden::ui::components::side_panel::SidePanel;
use walled_garden::ui::provider::StoreProvider;
use walled_garden::ui::router::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const WELCOME: &str = "Welcome to Walled Garden";

fn wide_window() -> bool {
    let w = web_sys::window().unwrap();
    is_wide(
        w.inner_width().unwrap().as_f64().unwrap(),
        w.inner_height().unwrap().as_f64().unwrap(),
    )
}

fn welcomes(app: &Mounted) -> usize {
    app.roles("dialog", Name::Is(WELCOME)).len()
}

fn focused_name() -> String {
    let doc = web_sys::window().unwrap().document().unwrap();
    doc.active_element()
        .map(|e| name_of(&e))
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_first_visit_shows_the_welcome_with_the_day_and_it_stays_dismissed() {
    let app = mount_first_visit("#/chats?date=2021-12-10").await;
    let dialog = app.role("dialog", Name::Is(WELCOME));
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    let text = text_of(&dialog);
    assert!(text.contains("mock WeChat"), "{text}");
    assert!(text.contains("2013 to 2023"), "{text}");
    // The simulated day, as the scenario has it.
    let day = dialog.query_selector("[data-date]").unwrap().unwrap();
    assert_eq!(
        day.get_attribute("data-date").as_deref(),
        Some("2021-12-10")
    );
    assert_eq!(text_of(&day), "2021-12-10");
    // The ways in: the link opener and the timeline, keeping the scenario.
    let opener = get(&dialog, "link", Name::Starts("Link opener"));
    let href = opener.get_attribute("href").unwrap();
    assert!(
        href.starts_with("#/open") && href.contains("date=2021-12-10"),
        "{href}"
    );
    let timeline = get(&dialog, "link", Name::Starts("Timeline"));
    assert!(timeline
        .get_attribute("href")
        .unwrap()
        .starts_with("#/timeline"));
    // One tap: the focus is on Start, and Start closes it.
    assert_eq!(focused_name(), "Start");
    click_el(&button(&dialog, "Start")).await;
    assert_eq!(welcomes(&app), 0);
    assert_eq!(app.title(), "Chats");
    assert_eq!(
        storage().get_item(WELCOME_KEY).unwrap().as_deref(),
        Some(WELCOME_SEEN)
    );
    app.unmount();

    // The next visit, on any screen, opens on the screen itself.
    let app = mount_as_is("#/me").await;
    assert_eq!(welcomes(&app), 0);
    assert_eq!(app.dialogs(), 0);
    app.unmount();
}

#[wasm_bindgen_test]
async fn escape_or_a_way_in_also_dismisses_the_welcome() {
    let app = mount_first_visit("#/chats").await;
    let dialog = app.role("dialog", Name::Is(WELCOME));
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let esc = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    dialog.dispatch_event(&esc).unwrap();
    flush().await;
    assert_eq!(welcomes(&app), 0);
    app.unmount();

    let app = mount_first_visit("#/chats?date=2016-05-01").await;
    let dialog = app.role("dialog", Name::Is(WELCOME));
    click_el(&get(&dialog, "link", Name::Starts("Timeline"))).await;
    flush().await;
    assert_eq!(welcomes(&app), 0);
    assert!(hash().starts_with("#/timeline"), "{}", hash());
    assert!(hash().contains("date=2016-05-01"), "{}", hash());
    assert_eq!(
        storage().get_item(WELCOME_KEY).unwrap().as_deref(),
        Some(WELCOME_SEEN)
    );
    app.unmount();
}

#[wasm_bindgen_test]
async fn about_on_me_and_on_discover_reopens_the_welcome() {
    for hash in ["#/me?date=2019-03-04", "#/discover?date=2019-03-04"] {
        let app = mount_fresh(hash).await;
        assert_eq!(welcomes(&app), 0, "{hash}: marked as read");
        let about = app.button("About Walled Garden");
        about
            .dyn_ref::<web_sys::HtmlElement>()
            .unwrap()
            .focus()
            .unwrap();
        click_el(&about).await;
        let dialog = app.role("dialog", Name::Is(WELCOME));
        let day = dialog.query_selector("[data-date]").unwrap().unwrap();
        assert_eq!(text_of(&day), "2019-03-04", "{hash}");
        click_el(&button(&dialog, "Start")).await;
        assert_eq!(welcomes(&app), 0, "{hash}");
        // The focus goes back to About.
        assert_eq!(focused_name(), "About Walled Garden", "{hash}");
        app.unmount();
    }
}

#[wasm_bindgen_test]
async fn the_welcome_speaks_chinese_on_a_chinese_first_visit() {
    let app = mount_first_visit("#/chats?lang=zh").await;
    let dialog = app.role("dialog", Name::Is(T::WelcomeTitle.tr(Lang::Zh)));
    let text = text_of(&dialog);
    assert!(text.contains(T::WelcomeWhat.tr(Lang::Zh)), "{text}");
    assert!(!text.contains("Walled Garden"), "{text}");
    button(&dialog, T::WelcomeStart.tr(Lang::Zh));
    app.unmount();
}

/// Every screen the bar must be on.
const SCREENS: [&str; 8] = [
    "#/chats",
    "#/chats/lihua",
    "#/discover",
    "#/me",
    "#/open",
    "#/timeline",
    "#/rules",
    "#/moments",
];

#[wasm_bindgen_test]
async fn the_scenario_bar_is_on_every_screen_and_names_the_date() {
    let wide = wide_window();
    for screen in SCREENS {
        let app = mount_fresh(&(String::from(screen) + "?date=2021-11-29&region=overseas")).await;
        let bars = app.roles("button", Name::Starts("Scenario: "));
        let panels = app.all("[data-side-panel]").len();
        if wide {
            // A laptop's window: the panel beside the phone instead.
            assert!(bars.is_empty(), "{screen}");
            assert_eq!(panels, 1, "{screen}");
        } else {
            assert_eq!(panels, 0, "{screen}");
            let names: Vec<String> = bars.iter().map(name_of).collect();
            assert_eq!(names, ["Scenario: 2021-11-29, overseas"], "{screen}");
            // Under the title, above the screen.
            let main = app.role("main", Name::Any);
            let after_title = app.find("h1").compare_document_position(&bars[0]) & 4 != 0;
            let before_main = bars[0].compare_document_position(&main) & 4 != 0;
            assert!(after_title && before_main, "{screen}");
        }
        app.unmount();
    }
}

#[wasm_bindgen_test]
async fn the_bar_names_only_what_differs_and_opens_the_controls() {
    if wide_window() {
        // No bar on a laptop's window: the panel's Edit scenario opens
        // the same sheet (the side panel test).
        return;
    }
    let app = mount_fresh("#/chats/lihua?date=2018-06-01").await;
    let bar = app.role("button", Name::Starts("Scenario: "));
    assert_eq!(name_of(&bar), "Scenario: 2018-06-01");
    click_el(&bar).await;
    let sheet = app.role("dialog", Name::Is("Scenario"));
    choose(&get(&sheet, "control", Name::Is("Region")), "overseas").await;
    fill(&get(&sheet, "control", Name::Is("Date")), "2020-02-02").await;
    click_el(&get(&sheet, "switch", Name::Is("VPN"))).await;
    assert_eq!(
        name_of(&app.role("button", Name::Starts("Scenario: "))),
        "Scenario: 2020-02-02, overseas, VPN on"
    );
    assert_eq!(saved().scenario.region, Region::Overseas);
    click_el(&button(&app.role("dialog", Name::Is("Scenario")), "Close")).await;
    assert_eq!(app.dialogs(), 0);
    assert_eq!(app.title(), "Li Hua");
    app.unmount();

    // Over Me, the sheet's controls repeat none of Me's ids, and Me keeps
    // its one Date outside the sheet.
    let app = mount_fresh("#/me").await;
    let name = String::from("Scenario: ") + &Scenario::default().date.to_string();
    app.press(&name).await;
    let doc = web_sys::window().unwrap().document().unwrap();
    for id in ["sc-me-date", "sc-sheet-date", "sc-sheet-region"] {
        let n = doc
            .query_selector_all(&(String::from("#") + id))
            .unwrap()
            .length();
        assert_eq!(n, 1, "#{id}");
    }
    app.unmount();
}

/// The side panel in the app's provider and router, as the shell shows
/// it on a wide window.
#[component]
fn PanelHost() -> Html {
    html! {
        <StoreProvider>
            <Router>
                <SidePanel />
            </Router>
        </StoreProvider>
    }
}

async fn mount_panel(hash: &str) -> (web_sys::Element, yew::AppHandle<PanelHost>) {
    storage().clear().unwrap();
    set_hash(hash);
    let doc = web_sys::window().unwrap().document().unwrap();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<PanelHost>::with_root(root.clone()).render();
    flush().await;
    flush().await;
    (root, handle)
}

#[wasm_bindgen_test]
async fn the_side_panel_names_the_app_the_scenario_and_the_screen() {
    let (root, handle) = mount_panel("#/chats/family?date=2021-12-10&vpn=on").await;
    let panel = get(&root, "complementary", Name::Is("Walled Garden"));
    let text = text_of(&panel);
    assert!(
        text.contains("2021-12-10, mainland, iOS, VPN on, late cohort"),
        "{text}"
    );
    assert!(text.contains(T::ExplainChat.tr(Lang::En)), "{text}");
    // No second Date control: the controls open in a sheet.
    assert!(by_role(&panel, "control", Name::Is("Date")).is_empty());
    // The record entries behind a group chat that day, each a link to
    // its entry on the timeline.
    let s = Scenario {
        date: Date::parse("2021-12-10").unwrap(),
        vpn: true,
        ..Scenario::default()
    };
    let want = record_ids(Rules::builtin(), &s, &[Context::Group]);
    assert!(!want.is_empty());
    let links = by_role(&panel, "link", Name::Any);
    let got: Vec<String> = links.iter().map(name_of).collect();
    assert_eq!(got, want);
    for (a, id) in links.iter().zip(&want) {
        let href = a.get_attribute("href").unwrap();
        assert!(href.starts_with("#/timeline?"), "{href}");
        assert!(href.contains(&(String::from("id=") + id)), "{href}");
    }
    // Edit scenario opens the controls.
    click_el(&button(&panel, "Edit scenario")).await;
    let sheet = get(&root, "dialog", Name::Is("Scenario"));
    choose(&get(&sheet, "control", Name::Is("Cohort")), "early").await;
    let text = text_of(&get(&root, "complementary", Name::Is("Walled Garden")));
    assert!(text.contains("VPN on, early cohort"), "{text}");
    handle.destroy();
    root.remove();

    // Another screen, in Chinese: its own words, no record ids to cite.
    let (root, handle) = mount_panel("#/open?lang=zh").await;
    let panel = get(&root, "complementary", Name::Is(T::AppName.tr(Lang::Zh)));
    let text = text_of(&panel);
    assert!(text.contains(T::ExplainOpen.tr(Lang::Zh)), "{text}");
    assert!(text.contains(T::EditScenario.tr(Lang::Zh)), "{text}");
    assert!(by_role(&panel, "link", Name::Any).is_empty());
    let day = panel.query_selector("[data-date]").unwrap().unwrap();
    let default = Scenario::default().date.to_string();
    assert_eq!(day.get_attribute("data-date"), Some(default.clone()));
    assert!(text_of(&day).starts_with(&default), "{}", text_of(&day));
    assert!(text_of(&day).contains(T::ScMainland.tr(Lang::Zh)));
    handle.destroy();
    root.remove();
}
